"""Allowed-date sets for article dating: a clue's constraint and the span arithmetic on it.

An allowed set is a sorted tuple of disjoint closed ``(start, end)`` day spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .models import Evidence

Span = tuple[date, date]
Allowed = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Constraint:
    """Where the article's date may lie, according to one clue."""

    evidence: Evidence
    allowed: Allowed
    strength: float
    # Days the article most likely follows closely (an event, a seizure, a data release).
    anchors: tuple[date, ...] = ()
    # The dateline itself, when it gave month and day without a year.
    from_dateline: bool = False
    # A year-less "Jan. 26" told as past: the point date goes just after the anchor.
    follows_anchor: bool = False


@dataclass(frozen=True, slots=True)
class Options:
    """Per-call plausibility bounds and the spans no clue may come from."""

    min_date: date
    max_date: date
    skip: tuple[tuple[int, int], ...] = ()
    # Spans of the dateline and "updated" dates: publication facts, not dates the text talks about.
    reserved: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class Clues:
    """Everything the clue builders found in one article."""

    constraints: list[Constraint] = field(default_factory=list)
    weekdays: list[tuple[int, Evidence]] = field(default_factory=list)
    # Years the cited data describe (the article is most often from the year after the latest).
    data_years: list[int] = field(default_factory=list)


def intersect(a: Sequence[Span], b: Sequence[Span]) -> Allowed:
    """Intersection of two unions of closed spans (each sorted and disjoint): a linear merge."""
    out = []
    i = j = 0
    na, nb = len(a), len(b)
    while i < na and j < nb:
        (a_start, a_end), (b_start, b_end) = a[i], b[j]
        # Conditional expressions, not max()/min() calls: this loop runs for every clue.
        s = b_start if b_start > a_start else a_start
        e = b_end if b_end < a_end else a_end
        if s <= e:
            out.append((s, e))
        if a_end < b_end:
            i += 1
        else:
            j += 1
    return tuple(out)


_ONE_DAY = timedelta(days=1)


def union(spans: Iterable[Span]) -> Allowed:
    """Sorted, disjoint form of any spans."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + _ONE_DAY:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


def contains(window: Sequence[Span], day: date) -> bool:
    for s, e in window:
        if s <= day <= e:
            return True
    return False


def length(window: Sequence[Span]) -> int:
    return sum((e - s).days + 1 for s, e in window)


def middle(span: Span) -> date:
    return span[0] + (span[1] - span[0]) / 2


def bounded(spans: Iterable[Span], options: Options) -> Allowed:
    """``spans`` cut to the plausibility bounds."""
    return intersect(union(spans), ((options.min_date, options.max_date),))


def after(day: date, options: Options) -> Allowed:
    return ((max(day, options.min_date), options.max_date),) if day <= options.max_date else ()


def before(day: date, options: Options) -> Allowed:
    return ((options.min_date, min(day, options.max_date)),) if day >= options.min_date else ()


def year_span(year: int) -> Span:
    return date(year, 1, 1), date(year, 12, 31)


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def years(options: Options) -> range:
    return range(options.min_date.year, options.max_date.year + 1)
