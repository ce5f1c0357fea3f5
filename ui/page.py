"""The guard every page starts with: corpus -> frames -> filters -> filtered frames."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from fentdash.filters import Filters, apply_filters

from . import loading, render, sidebar


@dataclass(frozen=True)
class PageData:
    frames: dict[str, pd.DataFrame]  # the whole corpus
    shown: dict[str, pd.DataFrame]  # after the filters
    filters: Filters
    paths: tuple[str, ...]


def setup() -> PageData | None:
    """Sidebar, loading and filters; None (after a helpful message) when there is no corpus."""
    # Also here, not only in app.py: on a cold server Streamlit may run a pages/ file directly.
    st.set_page_config(layout="wide")
    paths = sidebar.corpus_paths()
    if not paths and st.session_state.get(loading.keys.INJECTED_FRAMES) is None:
        st.info(
            "No corpus yet: enter a folder of articles in the sidebar or upload .txt, .md or .html files."
        )
        return None
    frames = loading.corpus_frames(paths)
    if frames["articles"].empty:
        st.info(
            f"No articles could be read from {sidebar.folder_label(paths)}. "
            "Pick another folder or upload .txt, .md or .html files in the sidebar."
        )
        if not frames["errors"].empty:
            st.dataframe(frames["errors"], hide_index=True)
        return None
    chosen, notes = sidebar.filters(frames)
    render.notices(notes)
    errors_note(frames["errors"])
    return PageData(frames, apply_filters(frames, chosen), chosen, tuple(paths))


def errors_note(errors: pd.DataFrame) -> None:
    if not errors.empty:
        st.caption(
            f"{len(errors)} file{'s' if len(errors) != 1 else ''} could not be read "
            "(listed on the Articles page)."
        )
