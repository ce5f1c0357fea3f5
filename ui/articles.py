"""Articles page helpers: pick an article (from ``?article=<id>``) and describe its dating."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from . import state_keys as keys


def _label(row: pd.Series) -> str:
    day = row["date"].strftime("%Y-%m-%d") if pd.notna(row["date"]) else "undated"
    name = (
        row["title"]
        if isinstance(row["title"], str) and row["title"].strip()
        else Path(str(row["path"])).name
    )
    return f"{day} · {name}"


def pick_article(shown: pd.DataFrame, everything: pd.DataFrame) -> pd.Series | None:
    """A selectbox of the filtered articles, preset from ``?article=`` and written back to it."""
    requested = st.query_params.get(keys.ARTICLE)
    options = shown.sort_values("date", ascending=False, na_position="last", kind="stable")
    if requested and requested not in set(options["id"]):
        extra = everything[everything["id"] == requested]
        if extra.empty:
            st.info(f"No article with id “{requested}” in this corpus; showing the list instead.")
        else:
            st.caption("This article is outside the current filters.")
            options = pd.concat([extra, options])
    if options.empty:
        return None
    labels = {row["id"]: _label(row) for _, row in options.iterrows()}
    if requested in labels:
        st.session_state[keys.ARTICLE_PICK] = requested
    elif st.session_state.get(keys.ARTICLE_PICK) not in labels:
        st.session_state.pop(keys.ARTICLE_PICK, None)
    picked = st.selectbox("Article", list(labels), format_func=labels.__getitem__, key=keys.ARTICLE_PICK)
    st.query_params[keys.ARTICLE] = picked  # a copied URL reopens this article
    return options[options["id"] == picked].iloc[0]


def _day(value) -> str:
    return value.strftime("%Y-%m-%d") if pd.notna(value) else "unknown"


def dating_summary(article: pd.Series) -> None:
    """Inferred date, window, confidence and method, then the evidence that supports them."""
    cols = st.columns(3)
    cols[0].metric("Date", _day(article["date"]))
    cols[1].metric(
        "Confidence", f"{float(article['confidence']):.0%}" if pd.notna(article["confidence"]) else "–"
    )
    cols[2].metric("Found by", str(article["method"]))
    st.markdown(f"**Window:** {_day(article['earliest'])} – {_day(article['latest'])}")
    evidence = article["evidence"]
    items = [
        e
        for e in (list(evidence) if evidence is not None and not isinstance(evidence, str) else [])
        if hasattr(e, "get")
    ]
    if items:
        st.dataframe(
            pd.DataFrame(
                [{"evidence": e.get("text"), "why it constrains the date": e.get("reason")} for e in items]
            ),
            hide_index=True,
        )
    else:
        st.caption("No dating evidence: the date (if any) is unsupported.")
