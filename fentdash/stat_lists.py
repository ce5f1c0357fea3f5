"""Figures read through their neighbours: bare numbers compared with the figure before,
parts of a whole, signs carried along a list, and title lines the body repeats."""

from __future__ import annotations

import re

from . import stat_patterns as rx
from .numbers import parse_number
from .stat_figure import Figure
from .stat_text import far_cue, find_qualifier, has_case_odd


def compared_figure(text: str, m: re.Match, sent: tuple[int, int], found: list) -> Figure | None:
    """A bare number that repeats the unit of the figure before it, or None."""
    if m.group("n2") is not None or m.group("cur") or not found or found[-1][1] != sent:
        return None
    prev = found[-1][0]
    return _compared(text, m, sent, prev) or _part_of_whole(text, m, sent, prev)


def _compared(text: str, m: re.Match, sent: tuple[int, int], prev: Figure) -> Figure | None:
    """A bare number compared with the figure before it takes its unit: "1.2 million pills
    ..., up from 460,000", "52 deaths ..., compared with 31", "from 6.1 per 100,000 ... to 21.7"."""
    if prev.kind not in ("count", "weight", "rate") or m.start() - prev.end > 80:
        return None
    lead = _compared_before(text, max(sent[0], m.start() - 40), m.start())
    if not lead:
        return _count_change(text, m, sent, prev)
    if lead.group("to") and not rx.FROM_BEFORE.search(text, max(sent[0], prev.start - 30), prev.start):
        return None
    n1 = m.group("n1")
    if rx.YEAR.fullmatch(n1) or not rx.BARE_AFTER.match(text, m.end(), sent[1]):
        return None
    if lead.group("and") and (prev.kind != "count" or m.start() - prev.end > 40):
        return None  # "1,581 in 2017 and 1,019 in 2018"
    value = parse_number(n1, count=prev.unit in rx.COUNT_UNITS or prev.kind == "weight")
    if value is None:
        return None
    qualifier, q0 = find_qualifier(text, sent[0], m.start())
    return Figure(
        q0, m.end(), value, prev.unit, prev.kind, None, qualifier, level=True, leader=prev.leader or prev
    )


def _compared_before(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``rx.COMPARED_BEFORE.search(text, lo, hi)``, skipped when text[lo:hi] cannot end like a
    match (a cue word or hedge, then spaces): the search tries every start in the window."""
    window = text[lo:hi]
    if not has_case_odd(window):
        if window.endswith("\n"):
            window = window[:-1]  # "$" also matches before a final line break
        core = window.rstrip(" \u00a0")
        if len(core) == len(window) or not core.lower().endswith(rx.COMPARED_ENDS):
            return None
    return rx.COMPARED_BEFORE.search(text, lo, hi)


def _count_change(text: str, m: re.Match, sent: tuple[int, int], prev: Figure) -> Figure | None:
    """ "rose to 620 in 2023, up 200 from the previous year": the change in the count just given."""
    lead = rx.UP_DOWN_BEFORE.search(text, max(sent[0], m.start() - 12), m.start())
    if lead is None or prev.kind != "count" or not rx.BARE_AFTER.match(text, m.end(), sent[1]):
        return None
    value = parse_number(m.group("n1"), count=True)
    if value is None or rx.YEAR.fullmatch(m.group("n1")):
        return None
    sign = 1 if lead.group(1).lower() == "up" else -1
    qualifier, q0 = find_qualifier(text, sent[0], m.start())
    return Figure(lead.start(), m.end(), value, prev.unit, "count", None, qualifier, sign)


def _part_of_whole(text: str, m: re.Match, sent: tuple[int, int], prev: Figure) -> Figure | None:
    """ "Of the 93,000 overdose deaths in 2020, about 69,000 involved opioids", "accounted for
    42,249 of them", "including 290 fatal ones": a part of a count."""
    if prev.kind != "count" or rx.YEAR.fullmatch(m.group("n1")):
        return None
    ones = rx.ONES.match(text, m.end(), sent[1])
    of_them = rx.OF_THEM.match(text, m.end(), sent[1])
    of_the = rx.OF_THE_BEFORE.search(text, max(sent[0], prev.start - 20), prev.start)
    if not (ones or of_them or (of_the and rx.AMONG_VERB.match(text, m.end(), sent[1]))):
        return None
    value = parse_number(m.group("n1"), count=True)
    if value is None or value >= prev.value:
        return None
    if ones and ones.group("adj") and ones.group("adj").lower() in ("fatal", "deadly", "lethal"):
        qualifier, q0 = find_qualifier(text, sent[0], m.start())
        return Figure(q0, ones.end(), value, "deaths", "count", None, qualifier, noun_end=ones.end())
    tail = ones or of_them
    end = tail.end() if tail else m.end()
    unit = "deaths" if rx.FATAL_AFTER.match(text, end, sent[1]) else prev.unit  # "two of them fatally"
    qualifier, q0 = find_qualifier(text, sent[0], m.start())
    return Figure(q0, end, value, unit, prev.kind, None, qualifier, level=True, noun_end=end)


def lead_multiples(
    text: str, found: list[tuple[Figure, tuple[int, int]]]
) -> list[tuple[Figure, tuple[int, int]]]:
    """A multiple with no noun of its own ("..., almost twice as many as in 2017", "double the
    amount") is a change of the count or weight given before it in the sentence."""
    last: Figure | None = None
    last_sent = None
    for fig, sent in found:
        if sent != last_sent:
            last, last_sent = None, sent
        if fig.kind in ("count", "weight"):
            last = fig
        elif fig.kind == "fold" and last is not None and rx.BARE_MULTIPLE.search(text, fig.start, fig.end):
            fig.leader = last.leader or last
    return found


def carry_signs(
    text: str, found: list[tuple[Figure, tuple[int, int]]]
) -> list[tuple[Figure, tuple[int, int]]]:
    """A percent with no change word of its own takes the sign of the list it sits in."""
    last_change: Figure | None = None
    last_percent: Figure | None = None
    last_sent = None
    for fig, sent in found:
        if sent != last_sent:
            last_change, last_percent, last_sent = None, None, sent
        if fig.kind != "percent":
            continue
        if fig.change:
            last_change = last_percent = fig
            continue
        if fig.level and last_percent is not None:
            fig.leader = last_percent.leader or last_percent  # "60% ..., up from 14% in 2010"
        last_percent = fig
        if fig.share or fig.level:
            continue
        if last_change is not None:
            fig.change = last_change.change
            fig.leader = last_change.leader or last_change
        else:
            fig.change = far_cue(text, max(sent[0], fig.start - rx.MAX_CONTEXT), fig.start)
        if fig.change:
            last_change = fig
    return found


def drop_title_repeats(
    text: str, found: list[tuple[Figure, tuple[int, int]]]
) -> list[tuple[Figure, tuple[int, int]]]:
    """A figure in a title line that the body repeats is counted once, in the body."""
    first_nl = text.find("\n")
    if first_nl < 0 or first_nl > 250 or text[:first_nl].rstrip().endswith((".", "”", '"')):
        return found
    body = {(f.value, f.unit) for f, _ in found if f.start > first_nl}
    return [(f, s) for f, s in found if f.start > first_nl or (f.value, f.unit) not in body]
