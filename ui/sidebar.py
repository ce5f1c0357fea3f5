"""The sidebar: which corpus to read, and the filters (bound to the URL).

Filter widgets use their key as URL parameter (``bind="query-params"``) and keep their value
across pages (``persist_state="session"``), so a copied link reopens the same view. Streamlit
drops invalid URL values silently; we read the raw parameters first to say what was ignored.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from fentdash import corpus, knowledge, settings
from fentdash.filters import STATEMENT_KINDS, Filters, normalise, official_counts, parse_query, year_bounds
from fentdash.uploads import UploadRejected, store_upload

from . import state_keys as keys
from .loading import SEEDS_DIR, upload_dir

UPLOAD_TYPES: tuple[str, ...] = tuple(ext.lstrip(".") for ext in settings.ARTICLE_EXTENSIONS)
COUNTS_SHOWN = 8


def _store_uploads(files) -> list[str]:
    """Save new uploads into the upload folder (once per uploaded file); report rejections."""
    stored: dict[str, str] = st.session_state.setdefault(keys.UPLOADED_PATHS, {})
    for file in files or ():
        if file.file_id in stored:
            continue
        result = store_upload(
            file.name, file.getvalue(), folder=upload_dir(), max_bytes=corpus.resolve_max_bytes()
        )
        if isinstance(result, UploadRejected):
            st.sidebar.warning(f"{result.name}: {result.reason}")
            continue
        if result.message:
            st.sidebar.caption(result.message)
        stored[file.file_id] = str(result.path)
    # Every file stored this session stays in the corpus (the uploader is empty again on
    # another page) until the user forgets them.
    return list(stored.values())


def corpus_paths() -> list[str]:
    """The folder the user picked (the bundled seeds by default) plus this session's uploads."""
    _carry_over(keys.CORPUS_FOLDER)
    # The default goes through session state: passing value= as well makes Streamlit warn.
    st.session_state.setdefault(keys.CORPUS_FOLDER, str(SEEDS_DIR))
    with st.sidebar:
        st.header("Corpus")
        folder = st.text_input(
            "Folder of articles",
            key=keys.CORPUS_FOLDER,
            persist_state="session",
            help="A folder on this machine; .txt, .md and .html files are read. Clear it to use uploads only.",
        )
        files = st.file_uploader(
            "Add articles",
            type=list(UPLOAD_TYPES),
            accept_multiple_files=True,
            key=f"{keys.UPLOADER}_{st.session_state.get(keys.UPLOADER_GENERATION, 0)}",
            help=f"Stored in {upload_dir()} and parsed together with the folder.",
        )
        uploaded = _store_uploads(files)
        if uploaded and st.button(f"Forget {len(uploaded)} uploaded file(s)", key=keys.FORGET_UPLOADS):
            st.session_state[keys.UPLOADED_PATHS] = {}
            # A new uploader key empties the widget too (its files cannot be removed from code).
            st.session_state[keys.UPLOADER_GENERATION] = st.session_state.get(keys.UPLOADER_GENERATION, 0) + 1
            st.rerun()
    _remember(keys.CORPUS_FOLDER, folder)
    paths = [folder.strip()] if folder and folder.strip() else []
    return paths + uploaded


def _raw_query() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _counts_caption(counts: pd.DataFrame) -> str:
    shown = [f"{name} {n}" for name, n in zip(counts["speaker"], counts["statements"], strict=True)]
    extra = len(shown) - COUNTS_SHOWN
    return "Statements: " + " · ".join(shown[:COUNTS_SHOWN]) + (f" · +{extra} more" if extra > 0 else "")


def _page_id() -> str:
    ctx = get_script_run_ctx()
    return ctx.page_script_hash if ctx is not None else ""


def _carry_over(key: str, options: list | None = None) -> None:
    """Give a filter widget on a newly opened page the value it had on the previous page.

    Widgets on different pages are different widgets to Streamlit (AppTest showed the value
    lost on a page switch), so the last value is kept in a shadow key and restored once per
    page change; on the same page the user's input always wins.
    """
    shadow, seen = keys.LAST_VALUE.format(key), keys.LAST_PAGE.format(key)
    if st.session_state.get(seen) != _page_id() and shadow in st.session_state:
        last = st.session_state[shadow]
        if options is None:
            st.session_state[key] = last
        elif isinstance(last, list):
            st.session_state[key] = [v for v in last if v in options]
        else:
            st.session_state[key] = last if last in options else None


def _remember(key: str, value) -> None:
    st.session_state[keys.LAST_VALUE.format(key)] = value
    st.session_state[keys.LAST_PAGE.format(key)] = _page_id()


def filters(frames: dict[str, pd.DataFrame]) -> tuple[Filters, list[str]]:
    """Filter widgets for this corpus; returns the filters and notices about ignored URL values."""
    counts = official_counts(frames["statements"])
    names = list(counts["speaker"])
    cdc_years = knowledge.cdc_series()["year"]
    bounds = year_bounds(frames, default=(int(cdc_years.min()), int(cdc_years.max())))
    _, notices = parse_query(
        _raw_query(), known_officials=names, year_bounds=bounds, extra_params=keys.PAGE_PARAMS
    )
    years = list(range(bounds[0], bounds[1] + 1))
    for key, options in (
        (keys.OFFICIAL, names),
        (keys.YEAR_FROM, years),
        (keys.YEAR_TO, years),
        (keys.KIND, list(STATEMENT_KINDS)),
    ):
        _carry_over(key, options)
    with st.sidebar:
        st.header("Filters")
        # Option labels stay plain names: they are what the URL carries (?official=Anne+Milgram).
        officials = st.multiselect(
            "Officials",
            names,
            key=keys.OFFICIAL,
            bind="query-params",
            persist_state="session",
            placeholder="All officials",
            help="Statement counts per official are listed below.",
        )
        if names:
            st.caption(_counts_caption(counts))
        left, right = st.columns(2)
        year_from = left.selectbox(
            "From year",
            years,
            index=None,
            key=keys.YEAR_FROM,
            bind="query-params",
            persist_state="session",
            placeholder="any",
        )
        year_to = right.selectbox(
            "To year",
            years,
            index=None,
            key=keys.YEAR_TO,
            bind="query-params",
            persist_state="session",
            placeholder="any",
        )
        kinds = st.multiselect(
            "Statement kind",
            list(STATEMENT_KINDS),
            key=keys.KIND,
            bind="query-params",
            persist_state="session",
            placeholder="Direct and reported",
        )
    for key, value in (
        (keys.OFFICIAL, officials),
        (keys.YEAR_FROM, year_from),
        (keys.YEAR_TO, year_to),
        (keys.KIND, kinds),
    ):
        _remember(key, value)
    chosen, swapped = normalise(Filters(tuple(officials), year_from, year_to, tuple(kinds)))
    return chosen, notices + [n for n in swapped if n not in notices]


def folder_label(paths: list[str]) -> str:
    return ", ".join(Path(p).name or p for p in paths) if paths else "nothing"
