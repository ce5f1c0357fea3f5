"""Figures that are not digits: fraction words ("three-quarters of") and multiple verbs ("tripled")."""

from __future__ import annotations

from . import lexicon as lx
from . import stat_patterns as rx
from .numbers import fraction_percent, parse_number
from .stat_figure import Figure
from .stat_metrics import Keywords, substance
from .stat_text import context_bounds, find_qualifier, may_contain, preceding_word, sentence_of
from .stat_units import as_many_end, np_end


def fractions(text: str, starts: list[int]) -> list[tuple[Figure, tuple[int, int]]]:
    out: list[tuple[Figure, tuple[int, int]]] = []
    if not may_contain(text, rx.FRACTION_STEMS):
        return out
    for m in rx.FRACTION_CATCH.finditer(text):
        sent = sentence_of(starts, text, m.start())
        prev = preceding_word(text[max(sent[0], m.start() - 20) : m.start()])
        if prev in lx.POSITION_WORDS:
            continue  # "the first half of 2020", "the eastern half of the country"
        value = fraction_percent(m.group("f"))
        if value is None:
            continue
        end = np_end(text, m.end(), sent[1])
        tail = text[m.end() : end].lower().split()
        if tail and tail[-1].rstrip(".,") in lx.TIME_UNITS:
            continue  # "a quarter of a century"
        if not tail and rx.OF_YEAR.match(text, m.end()):
            continue  # "half of 2019"
        qualifier, qstart = find_qualifier(text, sent[0], m.start())
        out.append(
            (Figure(qstart, end, round(value, 1), "percent", "percent", None, qualifier, 0, True), sent)
        )
    return out


def fraction_changes(text: str, starts: list[int]) -> list[tuple[Figure, tuple[int, int]]]:
    """ "Heroin deaths dropped by a third": a signed percent change written as a fraction."""
    out: list[tuple[Figure, tuple[int, int]]] = []
    if not may_contain(text, rx.FRACTION_STEMS):
        return out
    for m in rx.FRACTION_CHANGE.finditer(text):
        value = fraction_percent(m.group("f"))
        if value is None:
            continue
        sent = sentence_of(starts, text, m.start())
        qualifier, qstart = find_qualifier(text, sent[0], m.start("f"))
        sign = lx.CHANGE_CUES[m.group("cue").lower()]
        out.append(
            (Figure(qstart, m.end("f"), round(value, 1), "percent", "percent", None, qualifier, sign), sent)
        )
    return out


def fold_verbs(text: str, starts: list[int], kw: Keywords) -> list[tuple[Figure, tuple[int, int]]]:
    out: list[tuple[Figure, tuple[int, int]]] = []
    if not may_contain(text, rx.MULTIPLE_STEMS):
        return out
    for m in rx.FOLD_VERB_CATCH.finditer(text):
        sent = sentence_of(starts, text, m.start())
        value = (
            lx.FOLD_VERBS[m.group("v").lower()] if m.group("v") else parse_number(m.group("w"), count=False)
        )
        if value is None:
            continue
        qualifier, qstart = find_qualifier(text, sent[0], m.start())
        fig = Figure(qstart, m.end(), value, "fold", "fold", None, qualifier, 1)
        lo, hi = context_bounds(sent, fig.start, fig.end)
        if substance(text, lo, hi, fig, kw) is None and not (
            rx.DEATH_CONTEXT.search(text, lo, hi) or rx.SEIZE.search(text, lo, hi)
        ):
            continue  # "doubled the FBI's investment": not a drug figure
        out.append((fig, sent))
    return out


def multiple_words(text: str, starts: list[int], kw: Keywords) -> list[tuple[Figure, tuple[int, int]]]:
    """ "more than double the amount seized in 2020", "twice as many overdose deaths": a multiple
    of a tracked quantity, written as a word."""
    out: list[tuple[Figure, tuple[int, int]]] = []
    if not may_contain(text, rx.MULTIPLE_STEMS):
        return out
    for m in rx.MULTIPLE_CATCH.finditer(text):
        sent = sentence_of(starts, text, m.start())
        end = m.end()
        if m.group("as"):
            end = as_many_end(text, m.end("as"), sent[1])  # "twice as many overdose deaths"
        elif not _tracked_head(text, m.end(), sent[1]):
            continue  # "triple the number of scanners": a multiple of something we do not track
        qualifier, qstart = find_qualifier(text, sent[0], m.start())
        fig = Figure(qstart, end, lx.MULTIPLE_WORDS[m.group("w").lower()], "fold", "fold", None, qualifier, 1)
        lo, hi = context_bounds(sent, fig.start, fig.end)
        if substance(text, lo, hi, fig, kw) is None and not (
            rx.DEATH_CONTEXT.search(text, lo, hi) or rx.SEIZE.search(text, lo, hi)
        ):
            continue
        out.append((fig, sent))
    return out


def _tracked_head(text: str, pos: int, limit: int) -> bool:
    """ "the number of overdose deaths", "the amount of fentanyl seized", or no "of" phrase;
    not "the number of fentanyl scanners" (its head is some other plural)."""
    words = [w.lower().strip(".,") for w in text[pos : np_end(text, pos, limit)].split()]
    if not words:
        return True

    def tracked(w: str) -> bool:
        return w in lx.COUNT_NOUNS or bool(rx.WEIGHT_SUBSTANCE.fullmatch(w) or rx.DEATH_CONTEXT.fullmatch(w))

    last = words[-1]
    if last.endswith("s") and not tracked(last):
        return False
    return any(tracked(w) for w in words)
