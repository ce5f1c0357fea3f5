"""Corpus -> parsed articles -> DataFrames.

``parse_document`` is the whole per-article pipeline and is a pure function of the
document, so it can run in any process (see ``executors``) and be cached by content hash.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import dating, periods, statements, statistics, timex
from .corpus import read_corpus
from .models import Document, ParsedArticle, ReadError, Statement, Statistic
from .settings import MAX_ANALYSED_CHARS
from .version import PARSER_VERSION

if TYPE_CHECKING:  # pandas is imported where frames are built: parse workers never need it
    import pandas as pd

Progress = Callable[[int, int, str], None]


# Case-insensitive regexes also match these look-alikes of ASCII letters ("fırst", "ſpring"),
# but word-list lookups do not. Extraction runs on a copy with them folded one character for
# one character, so offsets are unchanged; spans are then re-read from the real text.
_LOOKALIKES = str.maketrans({"\u0131": "i", "\u017f": "s", "\u212a": "K", "\u0130": "I"})
_LOOKALIKE_CHARS = tuple(chr(code) for code in _LOOKALIKES)


def parse_document(document: Document, *, max_chars: int = MAX_ANALYSED_CHARS) -> ParsedArticle:
    """Date one article and extract its statements and statistics.

    Only the first ``max_chars`` characters are analysed; offsets into that prefix are
    offsets into the whole text, so nothing shifts.
    """
    original = document.text[:max_chars]
    # str.translate visits every character; four substring searches are ~50x cheaper.
    folded = any(c in original for c in _LOOKALIKE_CHARS)
    text, skip = (original.translate(_LOOKALIKES) if folded else original), document.skip
    notes: tuple[str, ...] = ()
    if len(document.text) > max_chars:
        notes = (
            f"the article has {len(document.text):,} characters; only the first {max_chars:,} were analysed",
        )
    expressions = timex.find_time_expressions(text, skip=skip)
    mentions = statements.find_mentions(text, skip=skip)
    figures = statistics.find_statistics(text, skip=skip)
    figures = periods.attach_periods(text, figures, expressions)
    analysed = dataclasses.replace(document, text=text) if notes or folded else document
    published = dating.date_document(analysed, expressions=expressions, statistics=figures, mentions=mentions)
    resolved = timex.resolve(expressions, reference=published.date)
    figures = periods.resolve_periods(figures, resolved)
    found = statements.find_statements(text, skip=skip, mentions=mentions)
    figures = attribute_figures(figures, found)
    if folded:
        published = _reread(published, original)
        found, figures, resolved = (
            [_reread(x, original) for x in items] for items in (found, figures, resolved)
        )
    return ParsedArticle(
        document=document,
        published=published,
        statements=tuple(found),
        statistics=tuple(figures),
        time_expressions=tuple(resolved),
        warnings=document.warnings + notes + published.warnings,
    )


def _reread(item, original: str):
    """``item`` with every span's text read again from ``original`` (same offsets)."""
    changes = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if dataclasses.is_dataclass(value):
            changes[f.name] = _reread(value, original)
        elif isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
            changes[f.name] = tuple(_reread(v, original) for v in value)
    if {"text", "start", "end"} <= {f.name for f in dataclasses.fields(item)} and item.end > item.start:
        changes["text"] = original[item.start : item.end]
    return dataclasses.replace(item, **changes) if changes else item


def attribute_figures(figures: Sequence[Statistic], found: Sequence[Statement]) -> list[Statistic]:
    """A figure overlapping a person's quotation or reported clause is attributed to that person.

    Overlap, not containment: in "Among 10 pills ..., Milgram said four contained ..." the
    figure's span starts before the reported clause does.
    """
    persons = [s for s in found if s.speaker_type == "person"]
    out = []
    for q in figures:
        owner = next((s for s in persons if q.start < s.end and s.start < q.end), None)
        out.append(dataclasses.replace(q, speaker=owner.speaker) if owner and not q.speaker else q)
    return out


@dataclass(slots=True)
class ParsedCorpus:
    articles: list[ParsedArticle] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    parser_version: str = PARSER_VERSION


def parse_documents(
    documents: Sequence[Document], *, progress: Progress | None = None
) -> list[ParsedArticle]:
    parsed = []
    for i, document in enumerate(documents, 1):
        parsed.append(parse_document(document))
        if progress:
            progress(i, len(documents), document.path)
    return parsed


def parse_paths(
    paths: Iterable[str], *, progress: Progress | None = None, max_bytes: int | None = None
) -> ParsedCorpus:
    """Read and parse files or folders; unreadable files land in ``errors``."""
    documents, errors = read_corpus(list(paths), max_bytes=max_bytes)
    return ParsedCorpus(parse_documents(documents, progress=progress), list(errors))


# ---------------------------------------------------------------- serialisation


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def statement_dates(
    article: ParsedArticle, statement: Statement
) -> tuple[str | None, str | None, str | None]:
    """A statement is dated by the text when it names the day, else by the article."""
    if statement.when is not None:
        w = statement.when
        best = w.start if w.start == w.end else None
        return _iso(best), _iso(w.start), _iso(w.end)
    p = article.published
    return _iso(p.date), _iso(p.earliest), _iso(p.latest)


def article_record(article: ParsedArticle) -> dict:
    doc, pub = article.document, article.published
    return {
        "id": doc.id,
        "path": doc.path,
        "paths": list(doc.paths or (doc.path,)),
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": {
            "date": _iso(pub.date),
            "earliest": _iso(pub.earliest),
            "latest": _iso(pub.latest),
            "confidence": round(float(pub.confidence), 3),
            "method": pub.method,
            "evidence": [dataclasses.asdict(e) for e in pub.evidence],
        },
        "warnings": list(article.warnings),
    }


def statement_record(article: ParsedArticle, s: Statement) -> dict:
    best, lo, hi = statement_dates(article, s)
    return {
        "article_id": article.document.id,
        "speaker": s.speaker,
        "speaker_type": s.speaker_type,
        "role": s.role,
        "kind": s.kind,
        "text": s.text,
        "start": s.start,
        "end": s.end,
        "date": best,
        "date_earliest": lo,
        "date_latest": hi,
        "evidence": [dataclasses.asdict(e) for e in s.evidence],
    }


def statistic_record(article: ParsedArticle, q) -> dict:
    period = q.period
    source = q.period_source
    return {
        "article_id": article.document.id,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "value": q.value,
        "value_high": q.value_high,
        "unit": q.unit,
        "metric": q.metric,
        "qualifier": q.qualifier,
        "period_start": _iso(period.start) if period else None,
        "period_end": _iso(period.end) if period else None,
        "period_granularity": period.granularity if period else None,
        "period_text": source.text if source else None,
        "speaker": q.speaker,
    }


def to_contract(corpus: ParsedCorpus) -> dict:
    """The JSON shape of CONTRACT.md."""
    return {
        "parser_version": corpus.parser_version,
        "articles": [article_record(a) for a in corpus.articles],
        "statements": [statement_record(a, s) for a in corpus.articles for s in a.statements],
        "statistics": [statistic_record(a, q) for a in corpus.articles for q in a.statistics],
        "errors": [{"path": e.path, "error": e.error} for e in corpus.errors],
    }


ARTICLE_COLUMNS = [
    "id",
    "path",
    "paths",
    "title",
    "outlet",
    "url",
    "date",
    "earliest",
    "latest",
    "confidence",
    "method",
    "evidence",
    "warnings",
    "text",
]


def to_frames(corpus: ParsedCorpus) -> dict[str, pd.DataFrame]:
    """Articles, statements, statistics and errors as DataFrames (dates as Timestamps).

    Articles carry their text so pages can highlight spans; statements and statistics
    carry the article's title, outlet, url and path for sources.
    """
    import pandas as pd

    contract = to_contract(corpus)
    texts = {a.document.id: a.document.text for a in corpus.articles}
    rows = []
    for a in contract["articles"]:
        pub = a.pop("published")
        rows.append(
            {
                **a,
                **{k: pub[k] for k in ("date", "earliest", "latest", "confidence", "method", "evidence")},
                "text": texts[a["id"]],
            }
        )
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    for col in ("date", "earliest", "latest"):
        articles[col] = pd.to_datetime(articles[col])
    meta = articles[["id", "title", "outlet", "url", "path", "method"]].rename(
        columns={"id": "article_id", "method": "date_method"}
    )
    stmts = pd.DataFrame(contract["statements"], columns=list(_STATEMENT_COLUMNS))
    for col in ("date", "date_earliest", "date_latest"):
        stmts[col] = pd.to_datetime(stmts[col])
    stmts = stmts.merge(meta, on="article_id", how="left")
    stats = pd.DataFrame(contract["statistics"], columns=list(_STATISTIC_COLUMNS))
    for col in ("period_start", "period_end"):
        stats[col] = pd.to_datetime(stats[col])
    stats = stats.merge(meta, on="article_id", how="left")
    stats = stats.merge(
        articles[["id", "date"]].rename(columns={"id": "article_id", "date": "article_date"}),
        on="article_id",
        how="left",
    )
    errors = pd.DataFrame(contract["errors"], columns=["path", "error"])
    return {"articles": articles, "statements": stmts, "statistics": stats, "errors": errors}


_STATEMENT_COLUMNS = (
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
    "evidence",
)
_STATISTIC_COLUMNS = (
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
    "period_text",
    "speaker",
)
