"""Sentence bounds, context windows, hedges and change cues around a figure."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import accumulate

from . import lexicon as lx
from . import stat_patterns as rx

# ---------------------------------------------------------------- sentences
_END = re.Match.end  # the end of each match, mapped in C


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start; abbreviations ("U.S.") and initials do not end one.

    Every line break ends a sentence (``rx.SENTENCE_END``'s other branch); ``rx.PUNCT_END``
    never consumes one, so the two kinds of ends are found apart and merged.
    """
    ends = line_ends(text)
    if not has_case_odd(text):
        # The stops that end no sentence, found in one scan: no word looked up per stop.
        abbreviated = {m.end() for m in rx.ABBREVIATED_STOP.finditer(text)}
        ends += [e for e in map(_END, rx.PUNCT_END.finditer(text)) if e not in abbreviated]
        ends.sort()
        return [0, *ends]
    # The word before each stop, looked up one by one: where case rules and str.lower() differ.
    for m in rx.PUNCT_END.finditer(text):
        if m.end() - m.start() == 1 and text[m.start()] == ".":
            word = rx.LAST_WORD.search(text, max(0, m.start() - 12), m.end())
            if word and word.group(1).lower() in lx.ABBREVIATIONS:
                continue
            if len(word.group(1)) == 1 if word else False:  # initials: "Scott W. Brady"
                continue
        ends.append(m.end())
    ends.sort()  # two sorted runs: a linear merge
    return [0, *ends]


def line_ends(text: str) -> list[int]:
    """The offset right after each line break, in order (summed line lengths, no Python loop)."""
    return list(accumulate(map((1).__add__, map(len, text.split("\n")[:-1]))))


def sentence_of(starts: list[int], text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence holding ``pos``."""
    i = bisect.bisect_right(starts, pos) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    return starts[i], end


# ---------------------------------------------------------------- literal gates
# Characters re.IGNORECASE matches to ASCII letters though str.lower() does not map them there:
# U+0130 (dotted I), U+0131 (dotless i), U+017F (long s), U+212A (Kelvin sign).


def has_case_odd(text: str) -> bool:
    """Whether ``text`` holds a character a case-blind regex reads as an ASCII letter that
    ``str.lower()`` does not turn into one: literal gates on lowercase text must not apply."""
    # Four fast scans beat one charset regex; written out, they spare a generator per call.
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


def may_contain(text: str, stems: tuple[str, ...]) -> bool:
    """False only if no lowercase ``stems`` can occur in ``text`` for a case-blind regex: a cheap
    gate that spares whole-text scans with long alternations."""
    low, answers = _lowered(text)
    if low is None:
        return True
    found = answers.get(stems)
    if found is None:  # two candidate scans ask about the same stems
        found = answers[stems] = any(s in low for s in _shortest_stems(stems))
    return found


@lru_cache(maxsize=32)
def _shortest_stems(stems: tuple[str, ...]) -> tuple[str, ...]:
    """The stems that hold no other stem: a text holds one of ``stems`` iff it holds one of these."""
    return tuple(s for s in stems if not any(t != s and t in s for t in stems))


# The last text lowered, with the answers given for it: the candidate scans of one text share
# it. One tuple, swapped whole, so threads never pair one text with another's lowercase.
_LAST_LOWERED: tuple[str, str | None, dict[tuple[str, ...], bool]] = ("", "", {})


def lowered(text: str) -> str | None:
    """``text.lower()``, made once per text and kept until the next text (no character lowers to
    two, so offsets are the text's); None when ``has_case_odd(text)``."""
    return _lowered(text)[0]


def _lowered(text: str) -> tuple[str | None, dict[tuple[str, ...], bool]]:
    """``text.lower()``, or None when it holds a character the regex case rules treat otherwise;
    and the ``may_contain`` answers for the text so far."""
    global _LAST_LOWERED
    last = _LAST_LOWERED
    if last[0] is text:
        return last[1], last[2]
    low = None if has_case_odd(text) else text.lower()
    answers: dict[tuple[str, ...], bool] = {}
    _LAST_LOWERED = (text, low, answers)
    return low, answers


# ---------------------------------------------------------------- hedges, context and change cues
# The last word of every hedge: a window ending in another word holds none.
_QUALIFIER_LAST_WORDS = frozenset(key.split(" ")[-1] for key in lx.QUALIFIERS)


def find_qualifier(text: str, lo: int, start: int) -> tuple[str | None, int]:
    """The hedge right before a figure ("more than", "an estimated") and where it starts."""
    window = text[max(lo, start - 30) : start]
    if not window[-1:].isspace():
        return None, start
    words = window.split()
    if not words or words[-1].lower() not in _QUALIFIER_LAST_WORDS:
        return None, start
    for n in (3, 2, 1):
        key = " ".join(words[-n:]).lower()
        if len(words) >= n and key in lx.QUALIFIERS:
            # the hedge must be whole words: "some" but not "handsome"
            m = rx.QUAL_BEFORE.search(window)
            if m and m.group("q").lower() == key:
                return lx.QUALIFIERS[key], start - len(window) + m.start()
    return None, start


def preceding_word(before: str) -> str:
    parts = before[-40:].rsplit(None, 1)  # [] when the tail is blank: rsplit and strip agree on spaces
    if not parts:
        return ""
    return parts[-1].lstrip("(\"“‘'[").lower()


def after_among(text: str, lo: int, start: int) -> re.Match[str] | None:
    """ "Among 10 pills": the number is the base of a share given later, not a figure."""
    lo = max(lo, start - 20)
    return rx.AMONG_BEFORE.search(text, lo, start) if text.find("mong", lo, start) >= 0 else None


def context_bounds(sent: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The sentence around a figure, capped so long run-on "sentences" stay cheap."""
    return max(sent[0], start - rx.MAX_CONTEXT), min(sent[1], end + rx.MAX_CONTEXT)


def near_cue(before: str) -> int:
    """Sign of a change word among the last few words before a figure ("down 43%")."""
    words = re.findall(r"[a-z]+", before.lower())[-4:]
    for word in reversed(words):
        if word in lx.CHANGE_CUES and word not in ("more", "less"):
            return lx.CHANGE_CUES[word]
    return 0


def far_cue(text: str, lo: int, start: int) -> int:
    """Sign of the nearest strong change word earlier in the clause ("decreases ..., including of 50%")."""
    clause = text[lo:start]
    breaks = [b.end() for b in rx.CLAUSE_BREAK.finditer(clause)]
    if breaks:
        clause = clause[breaks[-1] :]
    weak = {"more", "less", "fewer", "higher", "lower", "up", "down", "cut"}
    for word in reversed(re.findall(r"[a-z]+", clause.lower())[-25:]):
        if word in lx.CHANGE_CUES and word not in weak:
            return lx.CHANGE_CUES[word]
    return 0
