"""Cached corpus loading: parse once per content, show progress while parsing.

Two caches: ``fentdash.cache`` keeps parsed articles on disk (content hash + parser version),
and ``st.cache_resource`` keeps the frames in memory keyed by the files' content hashes, so a
rerun (a filter change, a page switch) never parses again and an edited file is re-read.
``cache_resource``, not ``cache_data``: the latter unpickles a copy on every rerun, so every
filter change (~0.6 s for 10,000 articles). The frames are shared, so nothing may modify them
in place (filtering and ``assign`` make new frames); each caller gets its own dict.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import streamlit as st

from fentdash import cache, charts
from fentdash.corpus import iter_paths
from fentdash.executors import make_executor
from fentdash.models import ReadError
from fentdash.version import PARSER_VERSION

from . import state_keys as keys

APP_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = APP_ROOT / "seeds"
UPLOAD_DIR_ENV = "FENTDASH_UPLOAD_DIR"  # where uploads are stored (default: data/uploads/ in the app)


def upload_dir() -> Path:
    """Read at call time, so tests and deployments can point it elsewhere."""
    return Path(os.environ.get(UPLOAD_DIR_ENV) or APP_ROOT / "data" / "uploads")


CACHE_TTL_SECONDS = 6 * 3600
# From this many files a load parses in a process pool on every core: starting the pool costs
# ~1 s, more than a few dozen files take to parse, and warm loads parse nothing.
POOL_MIN_FILES = 500
HASH_CHUNK = 1 << 20

Frames = dict[str, pd.DataFrame]
Fingerprint = tuple[str, tuple[tuple[str, str], ...]]

# (path, size, mtime_ns) -> sha256: a rerun re-hashes only files that changed on disk.
_HASHES: dict[tuple[str, int, int], str] = {}


def _sha256(path: str) -> str:
    stat = os.stat(path)
    memo = (path, stat.st_size, stat.st_mtime_ns)
    if memo not in _HASHES:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(HASH_CHUNK), b""):
                digest.update(chunk)
        _HASHES[memo] = digest.hexdigest()
    return _HASHES[memo]


def fingerprint(paths: Sequence[str]) -> Fingerprint:
    """Parser version plus (path, content hash) of every file the paths lead to."""
    items: list[tuple[str, str]] = []
    for item in iter_paths(list(paths)):
        if isinstance(item, ReadError):
            items.append((item.path, "error: " + item.error))
            continue
        try:
            items.append((item, _sha256(item)))
        except OSError as exc:  # vanished or unreadable: the reader will report it
            items.append((item, f"error: {exc.strerror or exc}"))
    return PARSER_VERSION, tuple(items)


@st.cache_resource(show_spinner=False, max_entries=8, ttl=CACHE_TTL_SECONDS)
def _load(key: Fingerprint, _paths: tuple[str, ...]) -> Frames:
    """Parse (or read from the disk cache) and compare; keyed by ``key`` only.

    The progress bar is created inside, as Streamlit requires for elements a cached function
    touches; it is emptied at the end, so a cache hit replays nothing visible. No try/except:
    a failure must not be cached.
    """
    slot = st.empty()

    def progress(done: int, total: int, path: str) -> None:
        slot.progress(done / max(total, 1), text=f"Parsing {done}/{total}: {Path(path).name}")

    workers = (os.cpu_count() or 1) if len(key[1]) >= POOL_MIN_FILES else 1
    with make_executor(workers=workers) as executor:
        frames = cache.load_frames(list(_paths), executor=executor, progress=progress)
    frames = charts.prepare_frames(frames)  # filter changes then only select rows
    slot.empty()
    return frames


def load_corpus(paths: Sequence[str]) -> Frames:
    """Frames for ``paths`` (files or folders), parsed at most once per content."""
    return dict(_load(fingerprint(paths), tuple(paths)))


def corpus_frames(paths: Sequence[str]) -> Frames:
    """Injected frames (tests, embedding) when present, else the parsed corpus."""
    injected = st.session_state.get(keys.INJECTED_FRAMES)
    if injected is not None:
        return charts.prepare_frames(injected)
    return load_corpus(paths)
