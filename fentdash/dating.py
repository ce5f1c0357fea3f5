"""Article dating: metadata, then a dateline, then inference from content.

``date_document`` is a cascade of flat stages, cheapest and most reliable first
(htmldate's ``find_date`` shape). Inference asks each clue builder (tenures, events,
figures, calendar) for :class:`~fentdash.dating_spans.Constraint` objects, intersects them
from the strongest down, drops any clue that would empty the window (keeping it in the
evidence and the warnings as ignored), then picks a point inside the window. With no usable
clue the result is ``UNKNOWN_DATE``: we never guess.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from .datelines import find_dateline, find_update_line, find_url_date
from .dating_calendar import calendar_clues, dateline_clues, url_month_clue
from .dating_events import event_clues
from .dating_figures import figure_clues
from .dating_figures import reset_caches as _reset_figure_caches
from .dating_spans import (
    Allowed,
    Clues,
    Constraint,
    Options,
    contains,
    intersect,
    length,
    middle,
    union,
    year_span,
)
from .dating_tenure import reset_caches as _reset_tenure_caches
from .dating_tenure import tenure_clues
from .models import (
    UNKNOWN_DATE,
    DateEstimate,
    DatingMethod,
    Document,
    Evidence,
    Mention,
    Statistic,
    TimeExpression,
)
from .settings import MAX_DATE, MIN_DATE

__all__ = ["date_document", "reset_caches"]

# The year after the latest data year is preferred for the point date only when it holds at
# least this share of the window.
PREFERRED_SHARE = 0.25
# A window of at most this many days is cut down to the days a weekday clue allows.
WEEKDAY_SHRINK_DAYS = 14
# Wider than this (days), the window is reported but no point date is chosen.
MAX_POINT_SPAN = 1500
# A window reaching this close (days) to both plausibility bounds says nothing.
NO_BOUND_MARGIN = 366
# Parts of a window further apart than this (days) are separate candidate periods.
SEPARATE_GAP_DAYS = 31
# Confidence lost when the clues leave several separate periods and we pick one.
SEPARATE_PENALTY = 0.15
# A year-less past date ("seized on Jan. 26") is reported this many days later.
FOLLOW_DAYS = 1


def date_document(
    document: Document,
    *,
    expressions: Sequence[TimeExpression] = (),
    statistics: Sequence[Statistic] = (),
    mentions: Sequence[Mention] = (),
    min_date: date = MIN_DATE,
    max_date: date = MAX_DATE,
) -> DateEstimate:
    """The article's publication date window, with the evidence for it.

    Args:
        document: the article; ``published`` (from metadata) wins when set.
        expressions: time expressions found by ``timex`` (absolute ones add calendar clues).
        statistics: cited figures; counts matching the CDC series date the article.
        mentions: people named; an official named in a role bounds the date by the tenure.
        min_date, max_date: plausibility bounds (defaults in ``settings``).
    """
    options = Options(min_date, max_date, tuple(document.skip))
    return (
        # 1. metadata set by the corpus reader (front matter, HTML meta)
        _from_metadata(document, options)
        # 1b. a date filed in the page URL ("/2022/11/16/")
        or _from_url(document, options)
        # 2. a full dateline at the top ("November 4, 2019 —", "Release Date: Mon, 07/01/2024")
        or _from_dateline(document.text, options)
        # 3. inference: intersect tenures, events, figures and calendar clues
        or _infer(document.text, document.url, expressions, statistics, mentions, options)
        or UNKNOWN_DATE
    )


def reset_caches() -> None:
    """Forget compiled knowledge-base patterns and loaded tables (after editing the data files)."""
    _reset_tenure_caches()
    _reset_figure_caches()


# ---------------------------------------------------------------- stage 1: metadata


def _from_metadata(document: Document, options: Options) -> DateEstimate | None:
    day = document.published
    if day is None or not options.min_date <= day <= options.max_date:
        return None
    evidence = (document.published_evidence,) if document.published_evidence else ()
    return DateEstimate(day, day, day, 0.95, "metadata", evidence)


def _from_url(document: Document, options: Options) -> DateEstimate | None:
    found = find_url_date(document.url)
    day = found.full if found is not None else None
    if day is None or not options.min_date <= day <= options.max_date:
        return None
    evidence = Evidence("", 0, 0, f"the page URL {document.url} is filed under {day.isoformat()}")
    return DateEstimate(day, day, day, 0.85, "metadata", (evidence,))


# ---------------------------------------------------------------- stage 2: dateline

# The dateline is looked for in stage 2 and again by inference: find it once a text.
_dateline = lru_cache(maxsize=4)(find_dateline)


def _from_dateline(text: str, options: Options) -> DateEstimate | None:
    found = _dateline(text)
    if found is None or found.date.full is None:
        return None
    day, cal = found.date.full, found.date
    if not options.min_date <= day <= options.max_date:
        return None
    if cal.weekday is not None and day.weekday() != cal.weekday:
        return None  # "Monday, July 3, 2024" is not a real day: leave it to inference
    reason = f"dateline at the top of the article gives {day.isoformat()}"
    return DateEstimate(day, day, day, 0.9, "dateline", (Evidence(cal.text, cal.start, cal.end, reason),))


# ---------------------------------------------------------------- stage 3: inference


def _infer(
    text: str,
    url: str | None,
    expressions: Sequence[TimeExpression],
    statistics: Sequence[Statistic],
    mentions: Sequence[Mention],
    options: Options,
) -> DateEstimate | None:
    clues = Clues()
    dateline, update = _dateline(text), find_update_line(text)
    reserved = tuple((d.date.start, d.date.end) for d in (dateline, update) if d is not None)
    options = dataclasses.replace(options, reserved=reserved)
    dateline_clues(text, dateline, update, options, clues)
    url_month_clue(url, options, clues)
    tenure_clues(text, mentions, options, clues)
    event_clues(text, options, clues)
    figure_clues(text, statistics, options, clues)
    calendar_clues(text, expressions, options, clues)
    if not clues.constraints:
        return None
    return _combine(clues, options)


def _combine(clues: Clues, options: Options) -> DateEstimate | None:
    """Intersect from the strongest clue down; a clue that would empty the window is ignored."""
    window: Allowed = ((options.min_date, options.max_date),)
    used: list[Constraint] = []
    ignored: list[Constraint] = []
    for c in sorted(clues.constraints, key=lambda c: -c.strength):
        # One span is already in the sorted, disjoint form ``union`` gives.
        narrowed = intersect(window, c.allowed if len(c.allowed) == 1 else union(c.allowed))
        if narrowed:
            window = narrowed
            used.append(c)
        else:
            ignored.append(c)
    if not used:
        return None
    earliest, latest = window[0][0], window[-1][1]
    if (earliest - options.min_date).days < NO_BOUND_MARGIN and (
        options.max_date - latest
    ).days < NO_BOUND_MARGIN:
        return None  # e.g. only a year-less "Feb. 6": no year can be told
    evidence = [c.evidence for c in sorted(used, key=lambda c: c.evidence.start)]
    warnings = [f"dating clue ignored, it conflicts with stronger ones: {c.evidence.reason}" for c in ignored]
    evidence += [
        dataclasses.replace(c.evidence, reason=f"ignored, conflicts with stronger clues: {c.evidence.reason}")
        for c in ignored
    ]
    if (latest - earliest).days > MAX_POINT_SPAN:
        return DateEstimate(None, earliest, latest, 0.1, "inferred", tuple(evidence), tuple(warnings))
    preferred = max(clues.data_years) + 1 if clues.data_years else None
    best, anchored, why = _best_day(window, used, preferred)
    if clues.weekdays:
        best, window = _apply_weekdays(best, window, clues.weekdays)
        earliest, latest = window[0][0], window[-1][1]
        evidence += [ev for _, ev in clues.weekdays]
    method: DatingMethod = (
        "dateline" if earliest == latest and any(c.from_dateline for c in used) else "inferred"
    )
    confidence = _confidence(earliest, latest, anchored, bool(ignored))
    periods = _periods(window)
    if len(periods) > 1:
        listed = ", ".join(f"{p[0][0].isoformat()}..{p[-1][1].isoformat()}" for p in periods)
        note = f"the clues allow {len(periods)} separate periods ({listed}); the date {best.isoformat()} is in {why or 'one'}"
        evidence.append(Evidence("", 0, 0, note))
        warnings.append(note)
        confidence = round(max(0.05, confidence - SEPARATE_PENALTY), 3)
    return DateEstimate(best, earliest, latest, confidence, method, tuple(evidence), tuple(warnings))


def _periods(window: Allowed) -> list[Allowed]:
    """The window's parts, joining those fewer than ``SEPARATE_GAP_DAYS`` apart."""
    out: list[list[tuple[date, date]]] = []
    for span in window:
        if out and (span[0] - out[-1][-1][1]).days <= SEPARATE_GAP_DAYS:
            out[-1].append(span)
        else:
            out.append([span])
    return [tuple(p) for p in out]


def _choose_period(window: Allowed, used: Sequence[Constraint], preferred: int | None) -> tuple[Allowed, str]:
    """Of separate periods: the one holding the latest single-day anchor (an event, a full
    date), else the earliest that agrees with the data year, else the earliest."""
    periods = _periods(window)
    if len(periods) == 1:
        return window, ""
    fixed = [c.anchors[0] for c in used if len(c.anchors) == 1 and contains(window, c.anchors[0])]
    if fixed:
        day = max(fixed)
        return next(p for p in periods if contains(p, day)), f"the one after {day.isoformat()}, a dated clue"
    if preferred is not None:
        why = f"the first one that fits data cited for {preferred - 1} (articles usually follow their data by a year)"
        for part in periods:
            if intersect(part, (year_span(preferred),)):
                return part, why
        for part in periods:
            if part[-1][1].year >= preferred:
                return part, why
    return periods[0], "the earliest"


def _best_day(window: Allowed, used: Sequence[Constraint], preferred: int | None) -> tuple[date, bool, str]:
    """The latest anchor inside the chosen period, else the middle of its preferred stretch.

    Anchors are days the article follows (events, dated seizures, data releases); the latest
    one is the tightest. A clue with several candidate days (a year-less "June 2") gives the
    one in the preferred year (the year after the latest data year, as articles cite last
    year's data). A year-less past date puts the point just after it. Without anchors we take
    the middle of the period's part in the preferred year, else of its largest stretch.
    """
    part, why = _choose_period(window, used, preferred)
    chosen: list[date] = []
    for c in used:
        inside = [a for a in c.anchors if contains(part, a)]
        if not inside:
            continue
        if len(inside) > 1:
            in_year = [a for a in inside if a.year == preferred]
            inside = in_year[:1] or inside[:1]
        day = inside[0]
        if c.follows_anchor and contains(part, day + timedelta(days=FOLLOW_DAYS)):
            day += timedelta(days=FOLLOW_DAYS)
        chosen.append(day)
    if chosen:
        return max(chosen), True, why
    if preferred is not None:
        stretch = intersect(part, (year_span(preferred),))
        # A sliver of the preferred year at the window's edge is no reason to sit there.
        if stretch and length(stretch) >= PREFERRED_SHARE * length(part):
            return middle(max(stretch, key=lambda s: s[1] - s[0])), False, why
    return middle(max(part, key=lambda s: s[1] - s[0])), False, why


def _apply_weekdays(
    best: date, window: Allowed, weekdays: Sequence[tuple[int, Evidence]]
) -> tuple[date, Allowed]:
    """ "Said on Monday": the article is from that day or the next. Move the point to the
    nearest such day at or after it; shrink the window only when it holds a fortnight or less."""
    wanted = {w for w, _ in weekdays} | {(w + 1) % 7 for w, _ in weekdays}
    for step in (*range(0, 7), *range(-1, -7, -1)):
        day = best + timedelta(days=step)
        if day.weekday() in wanted and contains(window, day):
            best = day
            break
    if length(window) <= WEEKDAY_SHRINK_DAYS:
        days = [s + timedelta(days=i) for s, e in window for i in range((e - s).days + 1)]
        days = [d for d in days if d.weekday() in wanted]
        if days:
            # Keep the matching days (as spans of consecutive days) and move the point onto one.
            window = union((d, d) for d in days)
            if best not in days:
                best = min(days, key=lambda d: abs((d - best).days))
    return best, window


def _confidence(earliest: date, latest: date, anchored: bool, conflicts: bool) -> float:
    width = (latest - earliest).days
    steps = ((0, 0.85), (7, 0.75), (31, 0.65), (92, 0.55), (366, 0.45), (731, 0.3))
    score = next((s for limit, s in steps if width <= limit), 0.2)
    if anchored and width > 0:
        score += 0.05
    if conflicts:
        score -= 0.1
    return round(max(0.05, min(score, 0.85)), 3)
