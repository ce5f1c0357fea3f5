"""Text helpers shared by the dating clue builders: sentences, tense, evidence spans."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .dating_spans import Options
from .models import Evidence

# A sentence ends at . ! ? or a line break, but not after a lone capital ("U.S.", "D.C.", "W. Brady").
# The punctuation comes first and the capitals are checked behind it: every match then opens
# with one of four characters, which the regex engine skips to without trying other positions.
_SENTENCE_END = re.compile(r"[.!?](?:(?<![A-Z][.!?])|(?<=[A-Z]{2}[.!?]))[\"'\u201d\u2019)]*(?=\s)|\n")
_SENTENCE_REACH = 400
# Future or plan: the clue is not (yet) a past fact.
FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were)\s(?:set|expected|scheduled|slated|due|poised|going)\sto|"
    r"plans?\sto|planning\sto|intends?\sto|aims?\sto|upcoming|next\s(?:week|month|year)|"
    r"by\s(?:the\send\sof\s)?(?:[A-Z][a-z]{2,8}\.?\s)?(?:19|20)\d\d|goal|target|projected|forecasts?)\b",
    re.IGNORECASE,
)
# "last year" only: "the past year" and "a year ago" are rolling, "the previous year" anaphoric.
LAST_YEAR = re.compile(r"\blast\s(?:calendar\s)?year\b", re.IGNORECASE)
THIS_YEAR = re.compile(r"\b(?:this|the\scurrent)\syear\b", re.IGNORECASE)
# A past-tense verb: -ed forms and the common irregular ones news use for events.
PAST_VERB = re.compile(
    r"\b(?:\w{3,}ed|was|were|had|seized|made|found|took|said|told|held|began|sent|caught|brought|struck|"
    r"went|came|saw|gave|led|met|won|lost|sold|bought|fell|rose|hit|set|put|paid|left|ran|spoke)\b",
    re.IGNORECASE,
)


def skipped(start: int, end: int, options: Options) -> bool:
    """Does ``start..end`` overlap boilerplate the extractors ignore?"""
    for s, e in options.skip:
        if start < e and s < end:
            return True
    return False


def sentence(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence around ``pos`` (at most a few hundred characters each side).

    The same as scanning ``_SENTENCE_END`` from ``pos - _SENTENCE_REACH`` to ``pos`` (last end)
    and from ``pos`` to ``pos + _SENTENCE_REACH`` (first end), but the ends are found once per
    text and looked up by bisection (clue builders ask for dozens of sentences an article).
    """
    starts, ends, breaks = _sentence_ends(text)
    lo = max(0, pos - _SENTENCE_REACH)
    start = lo
    # The last end before ``pos``; a scan stopping at ``pos`` cannot see the space a
    # punctuation end needs after it, so such an end must stop short of ``pos``.
    k = bisect_right(ends, pos) - 1
    if k >= 0 and ends[k] == pos and not breaks[k]:
        k -= 1
    if k >= 0 and starts[k] >= lo:
        start = ends[k]
    limit = min(len(text), pos + _SENTENCE_REACH)
    j = bisect_left(starts, pos)
    if j < len(starts) and (ends[j] <= limit if breaks[j] else ends[j] < limit):
        return start, ends[j]
    return start, limit


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[list[int], list[int], list[bool]]:
    """Start, end and kind (line break or punctuation) of every sentence end in ``text``."""
    starts, ends, breaks = [], [], []
    for m in _SENTENCE_END.finditer(text):
        start, end = m.span()
        starts.append(start)
        ends.append(end)
        breaks.append(text[start] == "\n")
    return starts, ends, breaks


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Bounds of the sentences in ``text[start:end]`` (abbreviations like "U.S." do not end one)."""
    end = len(text) if end is None else end
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def is_future(text: str, start: int, end: int) -> bool:
    """A future or plan marker in the same sentence, before the clue or inside it."""
    s0, _ = sentence(text, start)
    return bool(FUTURE.search(text, s0, end))


def evidence(text: str, start: int, end: int, reason: str) -> Evidence:
    return Evidence(text[start:end], start, end, reason)
