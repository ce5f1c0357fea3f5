"""The CLI prints exactly the shape of CONTRACT.md."""

import json
import subprocess
import sys

from support import ROOT

ARTICLE_KEYS = {"id", "path", "paths", "title", "outlet", "url", "published", "warnings"}
PUBLISHED_KEYS = {"date", "earliest", "latest", "confidence", "method", "evidence"}
STATEMENT_KEYS = {
    "article_id",
    "speaker",
    "speaker_type",
    "role",
    "kind",
    "text",
    "start",
    "end",
    "date",
    "date_earliest",
    "date_latest",
}
STATISTIC_KEYS = {
    "article_id",
    "text",
    "start",
    "end",
    "value",
    "value_high",
    "unit",
    "metric",
    "qualifier",
    "period_start",
    "period_end",
    "period_granularity",
    "speaker",
}


def run_parse(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fentdash", "parse", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_parse_seeds_prints_contract_json():
    done = run_parse("seeds", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"parser_version", "articles", "statements", "statistics", "errors"}
    assert len(data["articles"]) == 3
    assert data["errors"] == []
    texts = {}
    for a in data["articles"]:
        assert ARTICLE_KEYS <= set(a)
        assert PUBLISHED_KEYS <= set(a["published"])
        assert len(a["id"]) == 16
        texts[a["id"]] = (ROOT / a["path"]).read_text(encoding="utf-8-sig")
    for s in data["statements"]:
        assert STATEMENT_KEYS <= set(s)
        assert texts[s["article_id"]][s["start"] : s["end"]] == s["text"]
    for q in data["statistics"]:
        assert STATISTIC_KEYS <= set(q)
        assert texts[q["article_id"]][q["start"] : q["end"]] == q["text"]


def test_missing_file_is_reported_and_exit_status_is_1():
    done = run_parse("seeds", "no/such/file.txt")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert len(data["articles"]) == 3
    assert [e["path"] for e in data["errors"]] == ["no/such/file.txt"]


def test_usage_error_exits_2():
    done = subprocess.run(
        [sys.executable, "-m", "fentdash", "parse"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
