"""Rendering helpers: escaped, highlighted article text, safe links, notices, empty states."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import streamlit as st

from fentdash.highlight import (
    EVIDENCE,
    SPAN_STYLES,
    STATEMENT,
    STATISTIC,
    article_spans,
    highlight_html,
    safe_url,
)

LEGEND_LABELS: Mapping[str, str] = {
    STATEMENT: "statement",
    STATISTIC: "cited figure",
    EVIDENCE: "date evidence",
}


def notices(messages: Iterable[str]) -> None:
    for message in messages:
        st.info(message, icon=":material/info:")


def link(url: object, label: str) -> None:
    """A link only for absolute http(s) URLs; anything else is shown as plain text."""
    safe = safe_url(url)
    if safe is None:
        if isinstance(url, str) and url.strip():
            st.caption(f"Source address not shown as a link (not http/https): {url[:200]}")
        return
    st.markdown(
        f'<a href="{html.escape(safe, quote=True)}" target="_blank" rel="noopener noreferrer">'
        f"{html.escape(label)}</a>",
        unsafe_allow_html=True,
    )


def legend() -> None:
    items = "".join(
        f'<mark style="background-color:transparent;{SPAN_STYLES[k]};margin-right:1em">{html.escape(label)}</mark>'
        for k, label in LEGEND_LABELS.items()
    )
    st.html(f"<div>{items}</div>")


def article_text(text: str, statements: pd.DataFrame, statistics: pd.DataFrame, evidence) -> None:
    """The article with statements, figures and date evidence highlighted (always escaped)."""
    items = list(evidence) if isinstance(evidence, list | tuple | np.ndarray) else []
    spans = article_spans(statements, statistics, [e for e in items if isinstance(e, Mapping)])
    st.html(highlight_html(text, spans))
