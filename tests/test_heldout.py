"""Articles written for the tests (never tuned on), scored like the dev set.

tests/fixtures/heldout/gold.json lists, per article, the true publication date (null: the
text has no date clue and must come out unknown), the statements of named people (speaker,
kind, the first words of the quote or the reporting verb) and the statistics (exact span,
value, unit, period as YYYY or YYYY-MM). The bar is the quality bar of the parsing issue.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from support import ROOT

from fentdash import parse_paths, to_contract

HELDOUT = ROOT / "tests" / "fixtures" / "heldout"


def _surname(name: str | None) -> str:
    return (name or "").replace(".", " ").split()[-1].lower() if (name or "").strip() else ""


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return min(a1, b1) > max(a0, b0)


def _f1(tp: int, predicted: int, gold: int) -> float:
    p, r = (tp / predicted if predicted else 0.0), (tp / gold if gold else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.fixture(scope="module")
def scores() -> dict:
    gold = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))
    parsed = to_contract(parse_paths([str(HELDOUT / "articles")]))
    by_name = {a["path"].rsplit("/", 1)[-1]: a for a in parsed["articles"]}
    out = {"year": 0, "window": 0, "n": len(gold), "s": [0, 0, 0], "q": [0, 0, 0], "period": [0, 0]}
    for g in gold:
        name = g["file"].rsplit("/", 1)[-1]
        text = (HELDOUT / g["file"]).read_text(encoding="utf-8")
        article = by_name[name]
        pub = article["published"]
        if g["published"] is None:
            out["year"] += pub["date"] is None and pub["method"] == "none"
            out["window"] += pub["earliest"] is None
        else:
            truth = date.fromisoformat(g["published"])
            out["year"] += bool(pub["date"]) and date.fromisoformat(pub["date"]).year == truth.year
            out["window"] += bool(pub["earliest"]) and (
                date.fromisoformat(pub["earliest"]) <= truth <= date.fromisoformat(pub["latest"])
            )
        mine = [
            s
            for s in parsed["statements"]
            if s["article_id"] == article["id"] and s["speaker_type"] == "person"
        ]
        out["s"][1] += len(mine)
        out["s"][2] += len(g["statements"])
        used: set[int] = set()
        for gs in g["statements"]:
            g0 = text.index(gs["quote_or_paraphrase_start"])
            g1 = g0 + len(gs["quote_or_paraphrase_start"])
            hit = next(
                (
                    i
                    for i, s in enumerate(mine)
                    if i not in used
                    and _surname(s["speaker"]) == _surname(gs["speaker"])
                    and _overlap(s["start"], s["end"], g0, g1)
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
                out["s"][0] += 1
        figures = [q for q in parsed["statistics"] if q["article_id"] == article["id"]]
        out["q"][1] += len(figures)
        out["q"][2] += len(g["statistics"])
        used = set()
        for gq in g["statistics"]:
            g0 = text.index(gq["text"])
            g1 = g0 + len(gq["text"])
            hit = next(
                (
                    i
                    for i, q in enumerate(figures)
                    if i not in used
                    and abs(q["value"] - gq["value"]) <= 0.005 * abs(gq["value"])
                    and _overlap(q["start"], q["end"], g0, g1)
                ),
                None,
            )
            if hit is None:
                continue
            used.add(hit)
            out["q"][0] += 1
            if gq["period"]:
                out["period"][1] += 1
                out["period"][0] += (figures[hit]["period_end"] or "").startswith(gq["period"])
    return out


def test_article_year_and_window(scores):
    assert scores["year"] / scores["n"] >= 0.9
    assert scores["window"] / scores["n"] >= 0.9


def test_statements_f1(scores):
    assert _f1(*scores["s"]) >= 0.85


def test_statistics_f1_and_periods(scores):
    assert _f1(*scores["q"]) >= 0.85
    assert scores["period"][0] / scores["period"][1] >= 0.8
