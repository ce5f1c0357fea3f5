"""Article text with spans marked: escaped HTML, safe to hand to ``unsafe_allow_html``.

Every character of the article goes through ``html.escape``; the only markup is ours
(``<mark>`` with fixed inline styles). Spans may nest or cross: the text is cut at every
span boundary and each piece carries the styles of all spans covering it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

import pandas as pd

STATEMENT, STATISTIC, EVIDENCE = "statement", "statistic", "evidence"

# Declarations that do not collide, so nested kinds stay visible together.
SPAN_STYLES: Mapping[str, str] = {
    STATEMENT: "background-color:#fff1a8",
    STATISTIC: "border-bottom:3px solid #1f77b4;font-weight:600",
    EVIDENCE: "outline:2px solid #2ca02c;outline-offset:1px",
}
KIND_ORDER: tuple[str, ...] = (STATEMENT, STATISTIC, EVIDENCE)
SAFE_SCHEMES: frozenset[str] = frozenset({"http", "https"})


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    label: str = ""


def _piece(text: str, active: list[Span]) -> str:
    body = html.escape(text).replace("\n", "<br>")
    if not active:
        return body
    kinds = sorted({s.kind for s in active}, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99)
    style = "background-color:transparent;color:inherit;padding:0;" + ";".join(
        SPAN_STYLES[k] for k in kinds if k in SPAN_STYLES
    )
    title = html.escape(" | ".join(s.label for s in active if s.label), quote=True)
    classes = " ".join(f"fd-{k}" for k in kinds if k in SPAN_STYLES)
    return f'<mark class="{classes}" style="{style}" title="{title}">{body}</mark>'


def highlight_html(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped, newlines as ``<br>``, spans wrapped in styled ``<mark>`` elements.

    Spans outside the text or empty are ignored; the rest are clipped to the text.
    """
    n = len(text)
    valid = [
        Span(max(0, s.start), min(n, s.end), s.kind, s.label)
        for s in spans
        if s.kind in SPAN_STYLES and s.start < s.end and s.end > 0 and s.start < n
    ]
    cuts = sorted({0, n, *(s.start for s in valid), *(s.end for s in valid)})
    out = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        active = [s for s in valid if s.start <= lo and hi <= s.end]
        out.append(_piece(text[lo:hi], active))
    return '<div class="fd-article" style="line-height:1.6">' + "".join(out) + "</div>"


def safe_url(url: object) -> str | None:
    """The URL when it is an absolute http(s) link (never ``javascript:``, ``data:``...), else None."""
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    if any(ch in candidate for ch in "\n\r\t \"'<>"):
        return None
    parsed = urlparse(candidate)
    if parsed.scheme.lower() not in SAFE_SCHEMES or not parsed.netloc:
        return None
    return candidate


def _int(value) -> int | None:
    try:
        return None if value is None or pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return None


def article_spans(
    statements: pd.DataFrame,
    statistics: pd.DataFrame,
    evidence: Iterable[Mapping] | None,
) -> list[Span]:
    """Spans of one article's statements, statistics and date evidence, labelled for tooltips."""
    spans = []
    for speaker, kind, start, end in zip(
        statements["speaker"], statements["kind"], statements["start"], statements["end"], strict=True
    ):
        lo, hi = _int(start), _int(end)
        if lo is not None and hi is not None:
            spans.append(Span(lo, hi, STATEMENT, f"{speaker} ({kind})"))
    for metric, value, start, end in zip(
        statistics["metric"], statistics["value"], statistics["start"], statistics["end"], strict=True
    ):
        lo, hi = _int(start), _int(end)
        if lo is not None and hi is not None:
            spans.append(
                Span(
                    lo,
                    hi,
                    STATISTIC,
                    f"{metric}: {value:g}" if isinstance(value, float | int) else str(metric),
                )
            )
    for item in evidence or ():
        lo, hi = _int(item.get("start")), _int(item.get("end"))
        if lo is not None and hi is not None:
            spans.append(Span(lo, hi, EVIDENCE, f"date evidence: {item.get('reason', '')}"))
    return spans
