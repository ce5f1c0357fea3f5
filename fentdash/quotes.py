"""Text layout for statements: paragraphs, quotation spans and sentence boundaries.

Everything here is a single left-to-right pass over the marks it cares about (quote marks,
newlines, sentence punctuation), so it stays linear on unbalanced quotes and on a megabyte
of text without punctuation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

# ---------------------------------------------------------------- lexicons
# fmt: off

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset({
    "dr", "mr", "mrs", "ms", "st", "jr", "sr", "gov", "sen", "rep", "lt", "sgt", "capt", "gen",
    "col", "det", "prof", "insp", "inc", "co", "corp", "ltd", "vs", "etc", "no", "nos", "fig",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "dept",
    "u.s", "d.c", "a.m", "p.m", "ph.d", "m.d", "m.p.h", "u.k", "u.n", "e.g", "i.e",
})

# After an abbreviation like "U.S." these words still start a new sentence.
SENTENCE_STARTERS: frozenset[str] = frozenset({
    "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "But", "And",
    "In", "On", "At", "As", "For", "A", "An", "According", "Meanwhile", "However", "There",
    "Officials", "Authorities", "Fentanyl", "Today", "Last", "Since", "After", "While",
})

# fmt: on
# ---------------------------------------------------------------- patterns

_OPEN_MARKS = '“"'
_MARKS = re.compile(r"[\"“”\n]")
_SINGLE_MARKS = re.compile(r"[‘’\n]")
_LETTER = re.compile(r"\w")


def _plain_lowercase_word() -> str:
    """Lookbehinds for a full stop after a whole lower-case word of 2-6 letters that is no
    abbreviation (a lookbehind has one width: one per length)."""
    after_word = "|".join(rf"(?<=[^A-Za-z.\n][a-z]{{{n}}}\.)" for n in range(2, 7))
    by_length: dict[int, list[str]] = {}
    for word in sorted(w for w in ABBREVIATIONS if w.isalpha()):
        by_length.setdefault(len(word), []).append(word)
    not_abbreviation = "".join(rf"(?<!(?:{'|'.join(ws)})\.)" for _, ws in sorted(by_length.items()))
    return f"(?:{after_word}){not_abbreviation}"


# A candidate sentence end: terminal punctuation plus closing marks, then space and an opener.
# The empty groups after the first mark say, when one matches, that the mark ends a sentence
# without asking ``_is_boundary``: a "!" or "?"; a full stop after a character that cannot end
# an abbreviation's token, after seven letters (longer than any abbreviation), or after a
# lower-case word of two to six letters that is no abbreviation ("dose."). A line break
# before the stop is not such a character: ``$`` in ``_TOKEN_BEFORE`` reads the word before it.
# (An exclusion may also refuse a word that only ends like an abbreviation: ``_is_boundary``
# then decides, as it does whenever no group matches.)
assert max(len(w) for w in ABBREVIATIONS) < 7  # what the seven-letter test relies on
_TERMINAL = re.compile(
    r"[.!?](?:(?<=[!?])()|(?<![A-Za-z.\n].)()|(?<=[A-Za-z]{7}.)()|"
    + _plain_lowercase_word()
    + r"())?[.!?]*[\"”’)\]]*(?=[ \t]+[\"“‘(\[]?[A-Z0-9]|[ \t]*(?:\n|$))"
)
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,8})$")
_WORD_AFTER = re.compile(r"[ \t]+[\"“‘(]?([A-Za-z]+)")
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``open``/``close`` are the offsets of its outer marks (``close`` is the
    closing mark itself); ``start``/``end`` delimit the quoted words, trimmed of spaces.
    A quotation running over several paragraphs is one Quote."""

    open: int
    close: int
    start: int
    end: int
    single: bool = False
    word_count: int = 0


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; a line is a paragraph in this corpus."""
    spans, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return start, end  # the common case, without the loops
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _make(text: str, open_: int, close: int, *, single: bool = False) -> Quote:
    start, end = _trim(text, open_ + 1, close)
    return Quote(open_, close, start, end, single, len(_WORDS.findall(text, start, end)))


def _next_line_opens(text: str, newline: int) -> int | None:
    """Offset of the opening mark when the next non-blank line starts with one."""
    i, n = newline, len(text)
    while i < n and text[i] in " \t\n":
        i += 1
    return i if i < n and text[i] in _OPEN_MARKS else None


def find_quotes(text: str) -> list[Quote]:
    """Double-quoted spans (straight and curly), plus clearly quoted curly single-quoted ones.

    Notes: straight marks toggle; a curly opening mark while a quote is open restarts it
    (the earlier mark was unbalanced); a quote left open at a paragraph end continues when
    the next paragraph opens with a quote mark, and is dropped otherwise.
    """
    found: list[Quote] = []
    open_at: int | None = None
    open_mark = ""
    skip_mark = -1  # the re-opening mark of a continued paragraph
    n = len(text)
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if i == skip_mark:
            continue
        if ch == "\n":
            if open_at is None or i < skip_mark:
                continue  # nothing open, or the continuation is already known
            reopen = _next_line_opens(text, i)
            if reopen is None:
                open_at = None  # unbalanced: no closing mark in this paragraph
            else:
                skip_mark = reopen
            continue
        if ch == '"':
            before = i > 0 and text[i - 1].isalnum()
            after = i + 1 < n and text[i + 1].isalnum()
            if before and (open_at is None or after):
                continue  # an inch mark ("a 12" pipe") or a typo, not a quotation mark
            if open_at is not None and open_mark == '"' and after and not before:
                open_at = i  # an opening mark: the one before was unbalanced
                continue
        if open_at is None:
            if ch != "”":
                open_at, open_mark = i, ch
            continue
        if ch == "“":
            open_at, open_mark = i, ch
        elif ch == "”" or open_mark == '"':
            found.append(_make(text, open_at, i))
            open_at = None
        # a straight mark inside a curly quote is a nested quotation: ignore it
    return _merge_single(text, found)


def _single_quotes(text: str, doubles: Sequence[Quote]) -> list[Quote]:
    """Curly single quotes of five words or more, outside double quotes."""
    inside = _Intervals([(q.open, q.close + 1) for q in doubles])
    found: list[Quote] = []
    open_at: int | None = None
    n = len(text)
    for m in _SINGLE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            open_at = None
        elif ch == "‘":
            if (i == 0 or not _LETTER.match(text[i - 1])) and not inside.contains(i):
                open_at = i
        elif open_at is not None and (i + 1 >= n or not _LETTER.match(text[i + 1])):
            if i > 0 and not text[i - 1].isspace():
                q = _make(text, open_at, i, single=True)
                if q.word_count >= 5:
                    found.append(q)
                open_at = None
    return found


def _merge_single(text: str, doubles: list[Quote]) -> list[Quote]:
    if "‘" not in text:
        return doubles
    return sorted(doubles + _single_quotes(text, doubles), key=lambda q: q.open)


class _Intervals:
    """Sorted, non-overlapping half-open intervals with O(log n) membership."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Sequence[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def contains(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, end - 1) - 1
        return k >= 0 and self.ends[k] > start


def intervals(spans: Sequence[tuple[int, int]]) -> _Intervals:
    return _Intervals(spans)


def _is_boundary(text: str, end: int, punct_at: int) -> bool:
    """Whether terminal punctuation ending at ``end`` closes a sentence."""
    if text[punct_at] != ".":
        return True
    before = _TOKEN_BEFORE.search(text, max(0, punct_at - 10), punct_at)
    token = before.group(1) if before else ""
    if len(token) == 1 and token.isupper():
        return False  # a middle initial: "Marty C. Raybon"
    if token.lower() in ABBREVIATIONS or (len(token) <= 4 and "." in token):
        after = _WORD_AFTER.match(text, end)
        return bool(after and after.group(1) in SENTENCE_STARTERS)
    return True


def sentences(
    text: str, quotes: Sequence[Quote] = (), *, paragraph_spans: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Sentence spans; a quotation never splits a sentence, and a paragraph always ends one.

    A quotation ending in terminal punctuation ends its sentence when prose follows it.
    ``paragraph_spans``: ``paragraphs(text)`` when the caller has it already.
    """
    cuts = _cuts(text, quotes)
    spans: list[tuple[int, int]] = []
    k, n = 0, len(cuts)
    for p0, p1 in paragraphs(text) if paragraph_spans is None else paragraph_spans:
        while k < n and cuts[k] <= p0:
            k += 1  # a cut never falls on a paragraph start; this only skips other paragraphs' cuts
        start = p0
        while k < n and cuts[k] <= p1:
            s, e = _trim(text, start, cuts[k])
            if s < e:
                spans.append((s, e))
            start = cuts[k]
            k += 1
        s, e = _trim(text, start, p1)
        if s < e:
            spans.append((s, e))
    return spans


def _cuts(text: str, quotes: Sequence[Quote]) -> list[int]:
    """Where sentences end, in order: one scan of the whole text rather than one per paragraph.

    The same as scanning each paragraph alone: a terminal match holds no line break, and its
    lookahead reads a line break where a paragraph's scan reads its end.
    """
    if not quotes:  # no position is inside a quotation: skip the lookups
        return [
            m.end() for m in _TERMINAL.finditer(text) if m.lastindex or _is_boundary(text, m.end(), m.start())
        ]
    contains = _Intervals([(q.open + 1, q.close) for q in quotes]).contains
    closing = {q.close for q in quotes}
    cuts = []
    for m in _TERMINAL.finditer(text):
        at, end = m.span()
        if contains(at):
            # punctuation inside a quote: only the closing mark may end the sentence
            if end - 1 in closing and not contains(end - 1):
                cuts.append(end)
            continue
        if m.lastindex or _is_boundary(text, end, at):  # see _TERMINAL for lastindex
            cuts.append(end)
    return cuts
