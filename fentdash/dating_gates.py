"""Literal keyword gates: words a regex cannot match without, read from the regex itself.

A knowledge-base cue such as ``"Public Safety Alert[^.]{0,160}\\b(?:fake|counterfeit)\\b"``
cannot match a text that lacks "public safety alert". Testing a few substrings of the
lower-cased text is far cheaper than running the regex, so clue builders skip a regex whose
gate is closed. A gate only ever says "cannot match": it never changes what a regex finds.

A gate is a disjunction of alternatives (the pattern's top-level ``|`` branches); each
alternative is a conjunction of word sets, and a set is satisfied when one of its words is
present. Words are ASCII, lower-cased, at least ``MIN_WORD`` characters long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]  # the stdlib's own regex parser
from re import _parser as sre_parse  # type: ignore[attr-defined]

__all__ = ["Gate", "Words", "finditer_from", "first_words", "fold", "gate_for", "is_open", "matches_at"]

WordSet = frozenset[str]
Conjunction = tuple[WordSet, ...]
Gate = tuple[Conjunction, ...]  # empty: no usable literal, the regex always runs

# Shorter literals ("in", "4") occur in nearly every text: they would cost checks and gate nothing.
MIN_WORD = 3
# Characters that re.IGNORECASE matches with an ASCII letter but str.lower() does not map to it
# (checked over every code point in the tests); "\u212a" (Kelvin sign) lowers to "k" already.
_FOLD_FIXES: tuple[tuple[str, str], ...] = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))
# Abbreviation masking ("U.S." -> "U_S_") changes these: words never hold them, so a gate read
# on the text holds for the masked text too.
_MASKED = frozenset("._")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


@lru_cache(maxsize=8)  # several clue builders fold the same article
def fold(text: str) -> str:
    """``text`` lower-cased so that an ASCII literal matched case-insensitively is a substring."""
    if not text.isascii():
        for odd, plain in _FOLD_FIXES:
            if odd in text:
                text = text.replace(odd, plain)
    return text.lower()


def gate_for(pattern: re.Pattern[str]) -> Gate:
    """The gate of ``pattern`` (empty when it has no usable literal or cannot be read)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a private parser may change between Python versions: then no gate
        return ()
    items = list(parsed)
    # A top-level "a|b" (the parser may factor a shared "\b" out of it) is one alternative each.
    forks = [i for i, (op, _) in enumerate(items) if op is sre.BRANCH]
    if len(forks) == 1:
        k = forks[0]
        branches = [items[:k] + list(b) + items[k + 1 :] for b in items[k][1][1]]
    else:
        branches = [items]
    alternatives = [
        tuple(
            sorted((s for s in _required(b) if min(map(len, s)) >= MIN_WORD), key=_selectivity, reverse=True)
        )
        for b in branches
    ]
    if any(not conj for conj in alternatives):
        return ()  # one branch needs no selective word: the regex must always run
    return tuple(alternatives)


class Words:
    """Which words a folded text (see :func:`fold`) holds, each looked up once, when first asked."""

    __slots__ = ("folded", "_seen")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._seen: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self._seen.get(word)
        if found is None:
            found = self._seen[word] = word in self.folded
        return found


def is_open(gate: Gate, words: Words) -> bool:
    """May a regex with this gate match the text of ``words``? (Selective sets are tried first.)"""
    if not gate:
        return True
    # Plain loops and the lookup of ``Words.__contains__`` inlined: this runs for every
    # knowledge-base cue of every article.
    seen, folded = words._seen, words.folded
    for conj in gate:
        for s in conj:
            for w in s:
                found = seen.get(w)
                if found is None:
                    found = seen[w] = w in folded
                if found:
                    break
            else:
                break  # no word of this set: the alternative is closed
        else:
            return True
    return False


def first_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Words one of which every match of ``pattern`` starts with (None when it has none)."""
    try:
        return _firsts(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    except Exception:  # a private parser may change between Python versions: then scan all
        return None


def finditer_from(
    pattern: re.Pattern[str], text: str, folded: str, firsts: frozenset[str] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only where ``folded`` (``fold(text)``,
    same offsets) holds one of its ``firsts`` (see :func:`first_words`).

    The regex engine tries a case-insensitive pattern at every position; a few substring
    searches find the only positions where a match can start. Trying those in order, going
    on after each match's end, gives finditer's matches (they are never empty: each starts
    with a word).
    """
    if firsts is None:
        yield from pattern.finditer(text)
        return
    starts: set[int] = set()
    for word in firsts:
        at = folded.find(word)
        while at >= 0:
            starts.add(at)
            at = folded.find(word, at + 1)
    yield from matches_at(pattern, text, sorted(starts))


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match can only start at one of the increasing
    ``starts``: each is tried unless an earlier match covers it (matches must be non-empty)."""
    pos = 0
    for s in starts:
        if s < pos:
            continue
        m = pattern.match(text, s)
        if m is not None:
            yield m
            pos = m.end()


def _firsts(items: Sequence[tuple]) -> frozenset[str] | None:
    """Words one of which every match of the sequence ``items`` starts with."""
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and av < 128 and chr(av) not in _MASKED:
            run.append(chr(av).lower())
            continue
        if run:
            break
        if op in _ZERO_WIDTH:
            continue  # "\b", "^", lookarounds: the match still starts with what follows
        if op is sre.SUBPATTERN:
            return _firsts(list(av[-1]))
        if op is sre.ATOMIC_GROUP:
            return _firsts(list(av))
        if op in _REPEATS and av[0] >= 1:
            return _firsts(list(av[2]))
        if op is sre.BRANCH:
            found = [_firsts(list(b)) for b in av[1]]
            return None if any(f is None for f in found) else frozenset().union(*found)  # type: ignore[arg-type]
        return None  # a class, a dot, an optional part: no word to look for
    return frozenset(("".join(run),)) if run else None


def _required(items: Sequence[tuple]) -> list[WordSet]:
    """Word sets every match of the sequence ``items`` contains (a conjunction)."""
    out: list[WordSet] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(frozenset(("".join(run),)))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL and av < 128 and chr(av) not in _MASKED:
            run.append(chr(av).lower())
            continue
        flush()
        if op is sre.SUBPATTERN:
            out += _required(list(av[-1]))
        elif op is sre.ATOMIC_GROUP:
            out += _required(list(av))
        elif op in _REPEATS and av[0] >= 1:
            out += _required(list(av[2]))
        elif op is sre.BRANCH:
            best = [_best(_required(list(b))) for b in av[1]]
            if all(b is not None for b in best):
                out.append(frozenset().union(*best))  # type: ignore[arg-type]
        # Anything else (classes, anchors, lookarounds, optional parts) requires no literal.
    flush()
    return out


def _best(sets: Sequence[WordSet]) -> WordSet | None:
    """The most selective set: longest shortest word, then fewest words."""
    if not sets:
        return None
    return max(sets, key=_selectivity)


def _selectivity(words: WordSet) -> tuple[int, int]:
    """Longer words are rarer; fewer of them, rarer still (a guess, it only orders the tests)."""
    return min(map(len, words)), -len(words)
