"""Highlighted article HTML: always escaped, spans nested or crossing, safe links only."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_filters import MILGRAM_TEXT, SESSIONS_TEXT, make_frames

from fentdash.highlight import SPAN_STYLES, Span, article_spans, highlight_html, safe_url

S, Q, E = SPAN_STYLES["statement"], SPAN_STYLES["statistic"], SPAN_STYLES["evidence"]
BASE = "background-color:transparent;color:inherit;padding:0;"


def _mark(body: str, style: str, title: str, classes: str) -> str:
    return f'<mark class="{classes}" style="{BASE}{style}" title="{title}">{body}</mark>'


def _wrap(inner: str) -> str:
    return f'<div class="fd-article" style="line-height:1.6">{inner}</div>'


@pytest.mark.parametrize(
    "text,spans,expected",
    [
        ("no spans here", [], _wrap("no spans here")),
        # Markup in the article is text, never HTML.
        (
            '<script>alert("x")</script> & more',
            [Span(0, 8, "statement", "A <b>")],
            _wrap(
                _mark("&lt;script&gt;", S, "A &lt;b&gt;", "fd-statement")
                + "alert(&quot;x&quot;)&lt;/script&gt; &amp; more"
            ),
        ),
        # A figure inside a statement: three pieces, the middle one styled by both.
        (
            "He said 20,000 died.",
            [Span(3, 20, "statement", "Sessions"), Span(8, 14, "statistic", "20000")],
            _wrap(
                "He "
                + _mark("said ", S, "Sessions", "fd-statement")
                + _mark("20,000", S + ";" + Q, "Sessions | 20000", "fd-statement fd-statistic")
                + _mark(" died.", S, "Sessions", "fd-statement")
            ),
        ),
        # Crossing spans and a newline.
        (
            "ab\ncd",
            [Span(0, 3, "evidence", "why"), Span(2, 5, "statistic", "")],
            _wrap(
                _mark("ab", E, "why", "fd-evidence")
                + _mark("<br>", Q + ";" + E, "why", "fd-statistic fd-evidence")
                + _mark("cd", Q, "", "fd-statistic")
            ),
        ),
        # Out-of-range, empty and unknown-kind spans are ignored or clipped.
        (
            "abc",
            [
                Span(-5, 1, "statement", ""),
                Span(2, 2, "statement", ""),
                Span(1, 2, "weird", ""),
                Span(2, 99, "statistic", ""),
            ],
            _wrap(_mark("a", S, "", "fd-statement") + "b" + _mark("c", Q, "", "fd-statistic")),
        ),
    ],
)
def test_highlight_html(text, spans, expected):
    assert highlight_html(text, spans) == expected


def test_highlight_keeps_every_character():
    text = SESSIONS_TEXT
    html = highlight_html(
        text, [Span(0, 40, "statement"), Span(20, 60, "statistic"), Span(50, 70, "evidence")]
    )
    plain = re.sub(r"<br>", "\n", re.sub(r"<(?!br>)[^>]+>", "", html))
    assert plain.replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&") == text


def test_highlight_is_fast_on_long_text():
    import time

    text = "word " * 4000
    spans = [Span(i, i + 7, "statistic") for i in range(0, 20000, 50)]
    start = time.perf_counter()
    highlight_html(text, spans)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.reuters.com/x", "https://www.reuters.com/x"),
        ("  http://example.org/a?b=1  ", "http://example.org/a?b=1"),
        ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
        ("javascript:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("//evil.example/x", None),
        ("https://", None),
        ('https://a.org/"onmouseover="x', None),
        ("ftp://files.example.org/a", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_article_spans_from_frames():
    frames = make_frames()
    st = frames["statements"][frames["statements"]["article_id"] == "a-milgram"]
    stats = frames["statistics"][frames["statistics"]["article_id"] == "a-milgram"]
    evidence = [
        {
            "text": "in a single year",
            "start": MILGRAM_TEXT.index("in a single year"),
            "end": MILGRAM_TEXT.index("in a single year") + 16,
            "reason": "first year over 60,000",
        }
    ]
    spans = article_spans(st, stats, evidence)
    assert [(MILGRAM_TEXT[s.start : s.end], s.kind, s.label) for s in spans] == [
        ("said these chemicals are sold to Mexican drugmakers.", "statement", "Anne Milgram (reported)"),
        ("said four contained 2 milligrams or more of fentanyl.", "statement", "Anne Milgram (reported)"),
        ("beyond 60.000 overdose deaths", "statistic", "synthetic_opioid_deaths: 60000"),
        ("2 milligrams", "statistic", "lethal_dose: 2"),
        ("in a single year", "evidence", "date evidence: first year over 60,000"),
    ]


def test_article_spans_skip_missing_offsets():
    frames = make_frames()
    st = frames["statements"].iloc[:1].assign(start=pd.NA)
    assert article_spans(st, frames["statistics"].iloc[:0], [{"start": None, "end": 3}]) == []
