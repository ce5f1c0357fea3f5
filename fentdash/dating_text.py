"""Text helpers shared by the dating clue builders: sentences, tense, evidence spans."""

from __future__ import annotations

import re

from .dating_spans import Options
from .models import Evidence

# A sentence ends at . ! ? or a line break, but not after a lone capital ("U.S.", "D.C.", "W. Brady").
_SENTENCE_END = re.compile(r"(?:(?<![A-Z])|(?<=[A-Z]{2}))[.!?][\"'\u201d\u2019)]*(?=\s)|\n")
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
    return any(start < e and s < end for s, e in options.skip)


def sentence(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence around ``pos`` (at most a few hundred characters each side)."""
    lo = max(0, pos - _SENTENCE_REACH)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        start = m.end()
    end = _SENTENCE_END.search(text, pos, min(len(text), pos + _SENTENCE_REACH))
    return start, (end.end() if end else min(len(text), pos + _SENTENCE_REACH))


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
