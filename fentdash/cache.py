"""A disk cache of parsed articles: Parquet, keyed by content hash, one folder per parser version.

Layout: ``<cache_dir>/v<PARSER_VERSION>-<code hash>/part-<id>/{articles,statements,statistics}.parquet``
plus ``files.parquet`` (a manifest of files already read). Rows hold the contract records of
``pipeline`` (``article_record`` flattened as in ``to_frames``, ``statement_record``,
``statistic_record``) and the article text, each with the article's cache key; evidence
is a list of structs, warnings a list of strings. A warm reload therefore gives exactly
what ``pipeline.to_frames`` gives without parsing. Paths are never cached: they come from
the files named now. Each load that parses something adds one part (renamed into place
atomically); many parts are compacted into one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import accumulate
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import corpus, knowledge, pipeline
from . import version as _version
from .cache_rows import _EMPTY, TABLES, Tables, cache_key, parse_batch
from .executors import DEFAULT_CHUNK_SIZE, Executor, SerialExecutor
from .models import Document, ReadError

Progress = Callable[[int, int, str], None]

DEFAULT_CACHE_DIR = ".fentdash-cache"
CACHE_DIR_ENV = "FENTDASH_CACHE_DIR"
# Above this many parts, a load merges them into one (reading 1 file beats reading 50).
MAX_PARTS = 16
# LZ4 read fastest on the benchmark corpus (10,000 articles: 117 ms vs snappy 173, zstd 151,
# none 120 at 4x the size); the cache is read far more often than written.
_COMPRESSION = "lz4"
# A temporary part folder this old belongs to a writer that died; compaction removes it.
ABANDONED_AFTER_S = 3600
# Articles parsed (and stored as one part) at a time.
PARSE_BATCH = 2000


@dataclass(slots=True)
class CacheStats:
    """What a load did: articles parsed now, reused from disk, files not read again, timings."""

    parsed: int = 0
    reused: int = 0
    failed: int = 0
    unread: int = 0  # files recognised by the manifest, not read again
    folder: str = ""
    # Seconds per phase (read, lookup, parse, store, frames), for the benchmark and profiling.
    seconds: dict[str, float] = field(default_factory=dict)


def default_cache_dir() -> Path:
    return Path(os.environ.get(CACHE_DIR_ENV) or DEFAULT_CACHE_DIR)


def version_dir(cache_dir: str | os.PathLike | None = None, *, version: str | None = None) -> Path:
    """The folder of one parser version: ``v<PARSER_VERSION>-<code fingerprint>`` by default
    (read at call time), or ``v<version>`` for an explicit version."""
    base = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    if version is not None:
        return base / f"v{version}"
    return base / f"v{_version.PARSER_VERSION}-{code_fingerprint()}"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's code and knowledge files as loaded by this process.

    PARSER_VERSION is bumped at releases; between them (development, a patched install) an
    edited extractor or officials.csv would otherwise serve stale parses from the cache.
    """
    digest = hashlib.sha256()
    sources = sorted(Path(__file__).parent.glob("*.py")) + sorted(knowledge.data_dir().glob("*.csv"))
    for path in sources:
        try:
            digest.update(path.name.encode() + b"\x00" + path.read_bytes())
        except OSError:  # e.g. a zipped install: fall back to the version alone
            continue
    return digest.hexdigest()[:10]


def _concat(tables: Sequence[pa.Table]) -> pa.Table:
    """Tables of different parts (columns may differ by type or presence) as one."""
    tables = [t for t in tables if t.num_rows] or [_EMPTY]
    if len(tables) == 1:
        return tables[0]
    return pa.concat_tables(tables, promote_options="permissive")


# ------------------------------------------------------------------ disk


def _parts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("part-*") if p.is_dir()) if folder.is_dir() else []


def _key_set(keys: Iterable[str]) -> pa.Array:
    return pa.array(list(keys), pa.string())


def _read_part(part: Path, *, wanted: set[str] | None, exclude: set[str]) -> Tables | None:
    """Rows of one part whose key is wanted (``None``: any) and not excluded; ``None`` if unreadable."""
    try:
        articles = pq.read_table(part / "articles.parquet")
        keys = articles.column("key")
        mask = pc.is_in(keys, value_set=_key_set(wanted)) if wanted is not None else pc.is_valid(keys)
        if exclude:
            mask = pc.and_(mask, pc.invert(pc.is_in(keys, value_set=_key_set(exclude))))
        out = {"articles": articles if pc.all(mask).as_py() else articles.filter(mask)}
        if not out["articles"].num_rows:
            return {name: _EMPTY for name in TABLES}
        value_set = out["articles"].column("key")
        for name in TABLES[1:]:
            table = pq.read_table(part / f"{name}.parquet")
            if out["articles"].num_rows < articles.num_rows:
                table = table.filter(pc.is_in(table.column("key"), value_set=value_set))
            out[name] = table
        return out
    except FileNotFoundError:  # compacted away by another process meanwhile
        return None
    except (OSError, pa.ArrowException, KeyError) as exc:
        warnings.warn(f"ignoring unreadable cache part {part.name}: {exc}", stacklevel=3)
        return None


def _write_part(folder: Path, tables: Tables) -> None:
    name = f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
    tmp = folder / f".{name}.tmp"
    tmp.mkdir(parents=True)
    for table_name, table in tables.items():
        pq.write_table(table, tmp / f"{table_name}.parquet", compression=_COMPRESSION)
    os.replace(tmp, folder / name)  # atomic: readers never see half a part


def _gather(parts: Sequence[Path], wanted: set[str] | None) -> Tables:
    """Rows from parts in order; a key found in one part is not taken from later ones."""
    seen: set[str] = set()
    found: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
    for part in parts:
        if wanted is not None and not wanted - seen:
            break
        got = _read_part(
            part, wanted=None if wanted is None else wanted - seen, exclude=seen if wanted is None else set()
        )
        if got is None:
            continue
        for name in TABLES:
            found[name].append(got[name])
        seen.update(got["articles"].column("key").to_pylist())
    return {name: _concat(found[name]) for name in TABLES}


def _compact(folder: Path, parts: Sequence[Path]) -> None:
    """Merge parts into one (first part wins for a key), then delete the merged parts and
    temporary folders abandoned by writers that crashed."""
    try:
        _write_part(folder, _gather(parts, None))
        for part in parts:
            shutil.rmtree(part, ignore_errors=True)
        for tmp in folder.glob(".part-*.tmp"):
            if time.time() - tmp.stat().st_mtime > ABANDONED_AFTER_S:
                shutil.rmtree(tmp, ignore_errors=True)
    except OSError as exc:
        warnings.warn(f"could not compact the parse cache in {folder}: {exc}", stacklevel=3)


def read_tables(keys: Iterable[str], *, folder: Path) -> Tables:
    """Cached rows for ``keys``, one table per kind."""
    wanted = set(keys)
    parts = _parts(folder)
    if len(parts) > MAX_PARTS:
        _compact(folder, parts)
        parts = _parts(folder)
    return _gather(parts, wanted)


def store_tables(tables: Tables, *, folder: Path) -> None:
    """Add tables as one new part; a cache that cannot be written only warns."""
    if not tables["articles"].num_rows:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_part(folder, tables)
    except OSError as exc:
        warnings.warn(f"could not write the parse cache in {folder}: {exc}", stacklevel=2)


def clear(cache_dir: str | os.PathLike | None = None, *, version: str | None = None) -> None:
    """Delete cached parses of one parser version folder name without the "v" (default: all)."""
    base = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    folders = [version_dir(base, version=version)] if version else sorted(base.glob("v*"))
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


# ------------------------------------------------------------------ frames


@dataclass(frozen=True, slots=True)
class Entry:
    """One article of this load: its cache key, id and the paths given now."""

    key: str
    id: str
    path: str
    paths: tuple[str, ...]


def _entry(document: Document) -> Entry:
    return Entry(cache_key(document), document.id, document.path, tuple(document.paths or (document.path,)))


def _in_order(table: pa.Table, entries: Sequence[Entry]) -> pa.Table:
    """Rows grouped by article in corpus order (rows of one article keep their order)."""
    keys = [e.key for e in entries]
    if len(set(keys)) < len(keys):  # the same article twice: repeat its rows, like to_frames
        groups: dict[str, list[int]] = {}
        for i, key in enumerate(table.column("key").to_pylist()):
            groups.setdefault(key, []).append(i)
        return table.take(pa.array([i for k in keys for i in groups.get(k, ())], pa.int64()))
    # Vectorised: each row's article position, then a stable sort (C++, no Python loop per row).
    position = pc.index_in(table.column("key"), value_set=pa.array(keys, pa.string()))
    if position.null_count:
        table = table.filter(pc.is_valid(position))
        position = position.filter(pc.is_valid(position))
    order = np.argsort(position.to_numpy(), kind="stable")
    if len(order) == table.num_rows and np.array_equal(order, np.arange(len(order))):
        return table  # already in corpus order (the usual warm reload): no copy
    return table.take(pa.array(order))


# pandas' inferred string dtype (pyarrow-backed "str" with NaN as missing in pandas 3).
_STR_DTYPE = pd.Series(["x", None]).dtype


def _values(column: pa.ChunkedArray):
    """One Arrow column as pandas would have inferred it from the records' Python values."""
    n, kind = len(column), column.type
    if column.null_count == n:
        return [None] * n
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return pd.array(column, dtype=_STR_DTYPE)
    if pa.types.is_integer(kind):
        return column.to_numpy() if not column.null_count else column.cast(pa.float64()).to_numpy()
    if pa.types.is_floating(kind):
        return column.to_numpy()
    if pa.types.is_boolean(kind) and not column.null_count:
        return column.to_numpy()
    return column.to_pylist()


def _columns(table: pa.Table, names: Sequence[str]) -> dict[str, Any]:
    return {name: _values(table.column(name)) for name in names if name in table.column_names}


def _frame(columns: dict[str, Any], names: Sequence[str], rows: int) -> pd.DataFrame:
    # A column no record had is all-missing, as in a frame built from records.
    data = {name: columns.get(name, [None] * rows) for name in names}
    return pd.DataFrame(data, columns=list(names))


def build_frames(
    tables: Tables, entries: Sequence[Entry], errors: Sequence[ReadError] = ()
) -> dict[str, pd.DataFrame]:
    """The DataFrames of ``pipeline.to_frames`` from cached tables (mirrors it step by step)."""
    articles = _in_order(tables["articles"], entries)
    kept = set(articles.column("key").to_pylist())
    shown = [e for e in entries if e.key in kept]
    cols = _columns(articles, pipeline.ARTICLE_COLUMNS)
    cols["path"] = [e.path for e in shown]
    cols["paths"] = [list(e.paths) for e in shown]
    frame = _frame(cols, pipeline.ARTICLE_COLUMNS, len(shown))
    for col in ("date", "earliest", "latest"):
        frame[col] = pd.to_datetime(frame[col])
    meta = frame[["id", "title", "outlet", "url", "path", "method"]].rename(
        columns={"id": "article_id", "method": "date_method"}
    )
    statements = _in_order(tables["statements"], shown)
    stmts = _frame(
        _columns(statements, pipeline._STATEMENT_COLUMNS), pipeline._STATEMENT_COLUMNS, statements.num_rows
    )
    for col in ("date", "date_earliest", "date_latest"):
        stmts[col] = pd.to_datetime(stmts[col])
    stmts = stmts.merge(meta, on="article_id", how="left")
    statistics = _in_order(tables["statistics"], shown)
    stats = _frame(
        _columns(statistics, pipeline._STATISTIC_COLUMNS), pipeline._STATISTIC_COLUMNS, statistics.num_rows
    )
    for col in ("period_start", "period_end"):
        stats[col] = pd.to_datetime(stats[col])
    stats = stats.merge(meta, on="article_id", how="left")
    stats = stats.merge(
        frame[["id", "date"]].rename(columns={"id": "article_id", "date": "article_date"}),
        on="article_id",
        how="left",
    )
    errs = pd.DataFrame([{"path": e.path, "error": e.error} for e in errors], columns=["path", "error"])
    return {"articles": frame, "statements": stmts, "statistics": stats, "errors": errs}


def _complete(
    entries: list[Entry],
    documents: dict[str, Document],
    errors: list[ReadError],
    *,
    folder: Path,
    executor: Executor | None,
    progress: Progress | None,
    stats: CacheStats,
    reread: Callable[[Entry], Document | ReadError] | None = None,
) -> dict[str, pd.DataFrame]:
    """Read cached rows for ``entries``, parse the documents the cache lacks, build frames.

    ``documents`` maps keys to documents already in memory; an entry known only from the
    file manifest whose parse is not cached is read again with ``reread``.
    """
    stats.folder = str(folder)
    clock = time.perf_counter()
    cached = read_tables((e.key for e in entries), folder=folder)
    have = set(cached["articles"].column("key").to_pylist())
    missing: dict[str, Document] = {}
    for i, entry in enumerate(entries):
        if entry.key in have or entry.key in missing:
            continue
        doc = documents.get(entry.key)
        if doc is None and reread is not None:
            got = reread(entry)
            if isinstance(got, ReadError):
                errors.append(got)
                continue
            doc = got
            entries[i] = entry = Entry(cache_key(doc), doc.id, entry.path, entry.paths)
            if entry.key in have or entry.key in missing:
                continue
        if doc is not None:
            missing[entry.key] = doc
    clock = _lap(stats, "lookup", clock)
    todo = list(missing.values())
    runner = executor or SerialExecutor()
    size = getattr(runner, "chunk_size", DEFAULT_CHUNK_SIZE)
    parsed: list[Tables] = []
    failures: dict[str, str] = {}
    # Stored in batches, so each batch is kept if the load is interrupted; a task is a
    # group of articles whose rows come back as Arrow tables (see cache_rows.parse_batch).
    for offset in range(0, len(todo), PARSE_BATCH):
        batch = todo[offset : offset + PARSE_BATCH]
        if isinstance(runner, SerialExecutor):  # in this process: one group, progress per article
            results = [parse_batch(batch, _shifted(progress, offset, len(todo)))]
        else:
            groups = [batch[i : i + size] for i in range(0, len(batch), size)]
            results = runner.map_documents(
                parse_batch,
                groups,
                chunk_size=1,
                progress=_group_progress(progress, groups, offset, len(todo)),
            )
        clock = _lap(stats, "parse", clock)
        for result in results:
            failures.update(result.failures)
        tables = {name: _concat([r.tables[name] for r in results]) for name in TABLES}
        del results
        store_tables(tables, folder=folder)
        parsed.append(tables)
        clock = _lap(stats, "store", clock)
    fresh = sum(t["articles"].num_rows for t in parsed)
    stats.parsed, stats.failed = fresh, len(failures)
    stats.reused = len(have & {e.key for e in entries})
    errors = errors + [ReadError(e.path, failures[e.key]) for e in entries if e.key in failures]
    merged = {name: _concat([cached[name], *(t[name] for t in parsed)]) for name in TABLES}
    frames = build_frames(merged, entries, errors)
    _lap(stats, "frames", clock)
    return frames


def _shifted(progress: Progress | None, offset: int, total: int) -> Progress | None:
    """Progress of one batch reported as progress of the whole load."""
    if progress is None:
        return None
    return lambda done, _, label: progress(offset + done, total, label)


def _group_progress(
    progress: Progress | None, groups: Sequence[Sequence[Document]], offset: int, total: int
) -> Progress | None:
    """Progress over groups of articles reported in articles of the whole load."""
    if progress is None:
        return None
    ends = list(accumulate(len(g) for g in groups))

    def report(done: int, _: int, label: str) -> None:
        group = groups[done - 1]
        progress(offset + ends[done - 1], total, group[-1].path if group else label)

    return report


def _lap(stats: CacheStats, phase: str, since: float) -> float:
    now = time.perf_counter()
    stats.seconds[phase] = stats.seconds.get(phase, 0.0) + now - since
    return now


# ------------------------------------------------------------------ entry points


def frames_for_documents(
    documents: Sequence[Document],
    *,
    errors: Sequence[ReadError] = (),
    cache_dir: str | os.PathLike | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
    stats: CacheStats | None = None,
) -> dict[str, pd.DataFrame]:
    """Frames for documents already read: reuse cached parses, parse (and cache) the rest."""
    return _complete(
        [_entry(d) for d in documents],
        {cache_key(d): d for d in reversed(documents)},
        list(errors),
        folder=version_dir(cache_dir),
        executor=executor,
        progress=progress,
        stats=stats if stats is not None else CacheStats(),
    )


# ------------------------------------------------------------------ file manifest

_MANIFEST = "files.parquet"
_MANIFEST_SCHEMA = pa.schema(
    [
        ("file", pa.string()),
        ("dev", pa.int64()),
        ("ino", pa.int64()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("key", pa.string()),
        ("id", pa.string()),
    ]
)
Signature = tuple[int, int, int, int]


def _signature(path: str) -> Signature | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _load_manifest(folder: Path) -> dict[str, tuple[Signature, str, str]]:
    """``{absolute path: (file signature, cache key, id)}`` of files read by earlier loads."""
    try:
        table = pq.read_table(folder / _MANIFEST)
        cols = {name: table.column(name).to_pylist() for name in _MANIFEST_SCHEMA.names}
    except (OSError, pa.ArrowException, KeyError):
        return {}
    return {
        f: ((d, i, s, m), k, ident)
        for f, d, i, s, m, k, ident in zip(
            cols["file"],
            cols["dev"],
            cols["ino"],
            cols["size"],
            cols["mtime_ns"],
            cols["key"],
            cols["id"],
            strict=True,
        )
    }


def _store_manifest(folder: Path, manifest: dict[str, tuple[Signature, str, str]]) -> None:
    files = list(manifest)
    sigs = [manifest[f][0] for f in files]
    table = pa.table(
        {
            "file": files,
            "dev": [s[0] for s in sigs],
            "ino": [s[1] for s in sigs],
            "size": [s[2] for s in sigs],
            "mtime_ns": [s[3] for s in sigs],
            "key": [manifest[f][1] for f in files],
            "id": [manifest[f][2] for f in files],
        },
        schema=_MANIFEST_SCHEMA,
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{_MANIFEST}.{uuid.uuid4().hex}.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, folder / _MANIFEST)
    except OSError as exc:
        warnings.warn(f"could not write the file manifest in {folder}: {exc}", stacklevel=3)


def load_frames(
    paths: Iterable[str],
    *,
    cache_dir: str | os.PathLike | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
    stats: CacheStats | None = None,
    max_bytes: int | None = None,
    root: str | os.PathLike | None = None,
    verify: bool = False,
) -> dict[str, pd.DataFrame]:
    """Read files or folders and return ``pipeline.to_frames``' tables, parsing only what the
    cache (``cache_dir``, default ``$FENTDASH_CACHE_DIR`` or ``./.fentdash-cache``) lacks.

    Same documents, duplicates and errors as ``corpus.read_corpus``. A file whose device,
    inode, size and modification time match an earlier load is not read again (reading and
    boilerplate detection dominate a warm reload); ``verify=True`` reads every file.
    """
    stats = stats if stats is not None else CacheStats()
    clock = time.perf_counter()
    folder = version_dir(cache_dir)
    limit = corpus.resolve_max_bytes(max_bytes)
    manifest = {} if verify else _load_manifest(folder)
    changed = False
    entries: dict[str, Entry] = {}  # by article id, first path first, as read_corpus does
    documents: dict[str, Document] = {}
    errors: list[ReadError] = []
    items = list(corpus.iter_paths(list(paths), root=root))
    # Files the manifest knows unchanged are not read; the others are read in parallel when
    # the executor runs on this machine (Dask workers may not see these files).
    signatures: dict[str, Signature | None] = {}
    known: dict[str, tuple[str, str]] = {}
    for item in items:
        if isinstance(item, ReadError) or item in signatures:
            continue
        sig = signatures[item] = _signature(item)
        seen = manifest.get(os.path.abspath(item))
        if seen is not None and sig is not None and seen[0] == sig and sig[2] <= limit:
            known[item] = (seen[1], seen[2])
    unknown = [item for item in signatures if item not in known]
    reader = executor if executor is not None and getattr(executor, "local", False) else SerialExecutor()
    read = dict(
        zip(unknown, reader.map_documents(partial(corpus.read_file, max_bytes=limit), unknown), strict=True)
    )
    for item in items:
        if isinstance(item, ReadError):
            errors.append(item)
            continue
        if item in known:
            key, ident = known[item]
            stats.unread += 1
        else:
            result = read[item]
            if isinstance(result, ReadError):
                errors.append(result)
                continue
            key, ident = cache_key(result), result.id
            documents.setdefault(key, result)
            after = _signature(item)
            if after is not None and after == signatures[item]:  # unchanged while read: safe to remember
                manifest[os.path.abspath(item)] = (after, key, ident)
                changed = True
        first = entries.get(ident)
        if first is None:
            entries[ident] = Entry(key, ident, item, (item,))
        elif item not in first.paths:
            entries[ident] = Entry(first.key, ident, first.path, (*first.paths, item))

    def reread(entry: Entry) -> Document | ReadError:
        return corpus.read_file(entry.path, max_bytes=limit)

    _lap(stats, "read", clock)
    frames = _complete(
        list(entries.values()),
        documents,
        errors,
        folder=folder,
        executor=executor,
        progress=progress,
        stats=stats,
        reread=reread,
    )
    if changed and not verify:
        _store_manifest(folder, manifest)
    return frames


parse_corpus_cached = load_frames
