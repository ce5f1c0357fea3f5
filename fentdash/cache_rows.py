"""What parse workers do for the cache: parse articles into rows and Arrow tables.

Kept apart from ``cache`` (which builds DataFrames) so a worker process imports pyarrow
but never pandas: each worker of a cold load starts faster.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyarrow as pa

from . import pipeline
from .models import Document

Progress = Callable[[int, int, str], None]
TABLES: tuple[str, ...] = ("articles", "statements", "statistics")


def cache_key(document: Document) -> str:
    """Content hash plus the metadata the reader derived (title, dates, skip spans, warnings).

    The text hash alone would do if metadata depended only on the text; hashing it too
    keeps the cache right when the same text is read as HTML, Markdown or plain text.
    """
    meta = repr(
        (
            document.title,
            document.outlet,
            document.url,
            document.author,
            document.published,
            document.published_evidence,
            document.skip,
            document.warnings,
        )
    )
    return hashlib.sha256(f"{document.id}\x00{meta}".encode("utf-8", "surrogatepass")).hexdigest()[:24]


# ------------------------------------------------------------------ parsing (runs in workers)


@dataclass(slots=True)
class ParsedRows:
    """One article as cache rows per table (contract records plus the article's ``key``)."""

    key: str
    rows: dict[str, list[dict]]


def parse_row(document: Document) -> ParsedRows | str:
    """Parse one document into its cache rows, or return the reason it failed.

    Runs in worker processes: rows are plain dicts (cheap to pickle), and a failure in one
    article becomes an error line, not a lost batch. Paths are left out (they change).
    """
    try:
        article = pipeline.parse_document(document)
        record = pipeline.article_record(article)
        statements = [pipeline.statement_record(article, s) for s in article.statements]
        statistics = [pipeline.statistic_record(article, q) for q in article.statistics]
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
        return f"the parser failed on this article ({type(exc).__name__}: {exc})"
    record.pop("path", None)
    record.pop("paths", None)
    published = record.pop("published")
    key = cache_key(document)
    rows = {
        "articles": [{"key": key, **record, **published, "text": document.text}],
        "statements": [{"key": key, **r} for r in statements],
        "statistics": [{"key": key, **r} for r in statistics],
    }
    return ParsedRows(key, rows)


# ------------------------------------------------------------------ Arrow tables

Tables = dict[str, pa.Table]
_EMPTY = pa.table({"key": pa.array([], pa.string())})


def to_tables(parsed: Sequence[ParsedRows]) -> Tables:
    """Cache rows of many articles as one Arrow table per kind (evidence as list<struct>)."""
    out = {}
    for name in TABLES:
        flat = [row for p in parsed for row in p.rows[name]]
        out[name] = pa.Table.from_pylist(flat) if flat else _EMPTY
    return out


@dataclass(slots=True)
class ParsedBatch:
    """Several articles parsed in one task: their rows as Arrow tables, and the failures.

    A worker returns tables rather than row dicts: they pickle several times faster, and
    the main process (which shares the two cores with the workers) has less to do.
    """

    tables: Tables
    failures: dict[str, str]  # cache key -> why the parser failed on that article


def parse_batch(documents: Sequence[Document], progress: Progress | None = None) -> ParsedBatch:
    """Parse documents into one set of tables (see ``parse_row``), in their order.

    ``progress(done, total, path)`` is called after each document (in-process use only).
    """
    parsed: list[ParsedRows] = []
    failures: dict[str, str] = {}
    for done, document in enumerate(documents, 1):
        result = parse_row(document)
        if isinstance(result, str):
            failures[cache_key(document)] = result
        else:
            parsed.append(result)
        if progress is not None:
            progress(done, len(documents), document.path)
    return ParsedBatch(to_tables(parsed), failures)
