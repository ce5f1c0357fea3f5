"""Calendar clues for article dating: a year-less dateline, the URL month, dates, years,
"the first three months of this year", weekdays.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from .datelines import (
    WEEKDAY_NAMES,
    CalendarDate,
    Dateline,
    find_dates,
    find_month_years,
    find_url_date,
    find_weekdays,
    find_years,
)
from .dating_gates import Words, finditer_from, first_words, fold, gate_for, is_open
from .dating_spans import (
    Allowed,
    Clues,
    Constraint,
    Options,
    add_months,
    after,
    before,
    bounded,
    intersect,
    years,
)
from .dating_text import PAST_VERB, evidence, is_future, sentence, skipped
from .models import Evidence, TimeExpression
from .numbers import UNITS_WORDS

DATELINE_STRENGTH = 0.95
UPDATE_STRENGTH = 0.9
ROLLING_STRENGTH = 0.65
PERIOD_OF_YEAR_STRENGTH = 0.6
FULL_DATE_STRENGTH = 0.6
MONTH_DAY_STRENGTH = 0.55
MONTH_YEAR_STRENGTH = 0.5
YEAR_STRENGTH = 0.4

# How far from a year-less "June 2" the article can be (AP style omits the year only for
# dates within the current year, i.e. at most a few months away).
MONTH_DAY_REACH = timedelta(days=92)
# CDC's rolling 12-month counts come out 4-7 months after the period ends.
ROLLING_LAG_MONTHS = (4, 5, 12)  # earliest release, typical release, latest "current" quote
# Real articles carry a handful of dates; past this many of one kind the rest add nothing.
MAX_CLUES_PER_KIND = 40

_PERIOD_OF_YEAR = re.compile(
    r"\b(?:(?:first|past|last)\s(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\smonths"
    r"|first\s(?P<part>quarter|half)|(?P<ordinal>second|third)\squarter)"
    r"\s(?:of\s)?(?:this|the\scurrent)\syear\b",
    re.IGNORECASE,
)
# Words the pattern needs, and words its matches start with (scanning is then much cheaper).
_PERIOD_OF_YEAR_GATE = gate_for(_PERIOD_OF_YEAR)
_PERIOD_OF_YEAR_FIRSTS = first_words(_PERIOD_OF_YEAR)
_ROLLING = re.compile(
    r"\b(?:12|twelve)[-\s]months?(?:\speriod|\sspan|\swindow)?\s(?:ending|ended|through|to)\s(?:in\s)?",
    re.IGNORECASE,
)
# A year naming something planned: "the 2025 budget", "2024 election", "2030 goals".
_PROSPECTIVE = re.compile(
    r"[\s-]{1,2}(?:fiscal\s)?(?:budget|election|elections|campaign|midterms?|cycle|session|olympics|"
    r"plan|strategy|goals?|targets?|deadline|projections?|forecast)\b",
    re.IGNORECASE,
)
FISCAL_LEAD = re.compile(r"\b(?:fiscal\s(?:year\s)?|FY\s?)$", re.IGNORECASE)
# Capitalised words that may stand before a year without making it part of a name.
_YEAR_LEADS = frozenset(
    "in since from by during until through between and of to for as at on the early late mid end fiscal fy".split()
)


def calendar_days(cal: CalendarDate, options: Options) -> list[date]:
    """Every plausible year's date for a year-less "Tuesday, July 19" (weekday must agree)."""
    return list(_calendar_days(cal.month, cal.day, cal.year, cal.weekday, options.min_date, options.max_date))


# Cached on a few small values (not the text): a year-less date costs a date per plausible
# year, and the same month and day come back article after article.
@lru_cache(maxsize=1024)
def _calendar_days(
    month: int, day: int | None, year: int | None, weekday: int | None, min_date: date, max_date: date
) -> tuple[date, ...]:
    if day is None:
        return ()  # a month-only date has no day in any year (``CalendarDate.on``)
    out = []
    for y in [year] if year is not None else range(min_date.year, max_date.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue  # February 29 in a common year
        if min_date <= d <= max_date and (weekday is None or d.weekday() == weekday):
            out.append(d)
    return tuple(out)


@lru_cache(maxsize=1024)
def _month_day_window(
    cal_key: tuple[int, int | None, int | None, int | None],
    min_date: date,
    max_date: date,
    reach_before: timedelta,
    reach_after: timedelta,
) -> Allowed:
    """Where the article may be, given the year-less date ``cal_key`` (month, day, year,
    weekday) and how far before and after each of its days (cached like ``_calendar_days``)."""
    days = _calendar_days(*cal_key, min_date, max_date)
    return intersect(tuple((d - reach_before, d + reach_after) for d in days), ((min_date, max_date),))


def month_day(cal: CalendarDate) -> str:
    label = date(2000, cal.month, cal.day or 1).strftime("%B ") + str(cal.day)
    return f"{WEEKDAY_NAMES[cal.weekday]}, {label}" if cal.weekday is not None else label


# ---------------------------------------------------------------- dateline and URL


def dateline_clues(
    text: str, found: Dateline | None, update: Dateline | None, options: Options, clues: Clues
) -> None:
    """A dateline without a year ("WASHINGTON, Dec 14 (Reuters)"), and an "updated" date."""
    if found is not None:
        cal = found.date
        days = calendar_days(cal, options)
        if cal.year is None and days:
            reason = f"dateline gives {month_day(cal)} without a year"
            clues.constraints.append(
                Constraint(
                    evidence(text, cal.start, cal.end, reason),
                    tuple((d, d) for d in days),
                    DATELINE_STRENGTH,
                    anchors=tuple(days),
                    from_dateline=True,
                )
            )
    if update is not None and update.date.full is not None:
        day = update.date.full
        reason = f"the page says it was updated on {day.isoformat()}: published no later"
        allowed = before(day, options)
        if allowed:
            clues.constraints.append(
                Constraint(
                    evidence(text, update.date.start, update.date.end, reason), allowed, UPDATE_STRENGTH
                )
            )


def url_month_clue(url: str | None, options: Options, clues: Clues) -> None:
    """A URL filed under a month ("/pr/2018/01/"): the article is from that month."""
    found = find_url_date(url)
    if found is None or found.day is not None or found.year is None:
        return
    first = date(found.year, found.month, 1)
    allowed = bounded(((first, add_months(first, 1) - timedelta(days=1)),), options)
    if allowed:
        reason = f"the page URL {url} is filed under {first.strftime('%B %Y')}"
        clues.constraints.append(Constraint(Evidence("", 0, 0, reason), allowed, DATELINE_STRENGTH))


# ---------------------------------------------------------------- dates in the body


def calendar_clues(text: str, expressions: Sequence[TimeExpression], options: Options, clues: Clues) -> None:
    """Dates, month-years, years, parts of "this year" and weekdays written in the body."""
    taken = bytearray(len(text))  # 1 where a clue (or the dateline) already stands
    for start, end in options.reserved:
        taken[start:end] = b"\x01" * (end - start)

    def free(start: int, end: int) -> bool:
        return not skipped(start, end, options) and not any(taken[start:end])

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\x01" * (end - start)

    for cal in find_dates(text)[:MAX_CLUES_PER_KIND]:
        if not free(cal.start, cal.end):
            continue
        take(cal.start, cal.end)
        future = is_future(text, cal.start, cal.end)
        if cal.year is not None:
            _full_date_clue(text, cal, future, options, clues)
        else:
            _month_day_clue(text, cal, future, options, clues)
    for cal in find_month_years(text)[:MAX_CLUES_PER_KIND]:
        if not free(cal.start, cal.end):
            continue
        take(cal.start, cal.end)
        assert cal.year is not None
        if _rolling_clue(text, cal, options, clues):
            continue
        first = date(cal.year, cal.month, 1)
        if is_future(text, cal.start, cal.end):
            reason = f"{cal.text} is spoken of as still to come"
            allowed = before(add_months(first, 1) - timedelta(days=1), options)
        else:
            clues.data_years.append(cal.year)
            reason = f"{cal.text} is spoken of as past"
            allowed = after(first, options)
        if allowed:
            clues.constraints.append(
                Constraint(evidence(text, cal.start, cal.end, reason), allowed, MONTH_YEAR_STRENGTH)
            )
    _year_clue(text, expressions, options, clues, free)
    _period_of_year_clues(text, options, clues)
    for weekday, start, end in itertools.islice(find_weekdays(text), MAX_CLUES_PER_KIND):
        if free(start, end):
            reason = (
                f'"{text[start:end]}": the article is likely from a {WEEKDAY_NAMES[weekday]} or the day after'
            )
            clues.weekdays.append((weekday, evidence(text, start, end, reason)))


def _full_date_clue(text: str, cal: CalendarDate, future: bool, options: Options, clues: Clues) -> None:
    day = cal.full
    if day is None:
        return
    anchors: tuple[date, ...] = ()
    if future:
        reason, allowed = f"{day.isoformat()} is spoken of as still to come", before(day, options)
    else:
        clues.data_years.append(day.year)
        reason, allowed, anchors = f"{day.isoformat()} is spoken of as past", after(day, options), (day,)
    if allowed:
        clues.constraints.append(
            Constraint(evidence(text, cal.start, cal.end, reason), allowed, FULL_DATE_STRENGTH, anchors)
        )


def _month_day_clue(text: str, cal: CalendarDate, future: bool, options: Options, clues: Clues) -> None:
    """A year-less "June 2" is within a few months of the article (after it if past)."""
    days = calendar_days(cal, options)
    if not days:
        return
    reach_before, reach_after = (MONTH_DAY_REACH, timedelta(0)) if future else (timedelta(0), MONTH_DAY_REACH)
    told_past = bool(PAST_VERB.search(text, sentence(text, cal.start)[0], cal.start + 200))
    if not future and not told_past:
        reach_before = MONTH_DAY_REACH  # no verb tells us which side: allow both
    cal_key = (cal.month, cal.day, cal.year, cal.weekday)
    allowed = _month_day_window(cal_key, options.min_date, options.max_date, reach_before, reach_after)
    side = "before" if future else ("after" if reach_before == timedelta(0) else "around")
    reason = f"{month_day(cal)} (no year) is within {MONTH_DAY_REACH.days} days {side} the article"
    clues.constraints.append(
        Constraint(
            evidence(text, cal.start, cal.end, reason),
            allowed,
            MONTH_DAY_STRENGTH,
            anchors=tuple(days),
            follows_anchor=not future and told_past,
        )
    )


def _rolling_clue(text: str, cal: CalendarDate, options: Options, clues: Clues) -> bool:
    """ "12-month period ending in June 2022": CDC's rolling counts come out months later."""
    lead = text[max(0, cal.start - 60) : cal.start]
    if not _ROLLING.search(lead):
        return False
    assert cal.year is not None
    end_month = date(cal.year, cal.month, 1)
    earliest, typical, latest = (add_months(end_month, n) for n in ROLLING_LAG_MONTHS)
    reason = (
        f"rolling 12-month counts ending {end_month.strftime('%B %Y')} are released "
        f"{ROLLING_LAG_MONTHS[0]}-{ROLLING_LAG_MONTHS[1] + 2} months later"
    )
    allowed = intersect(((earliest, latest),), ((options.min_date, options.max_date),))
    if allowed:
        clues.constraints.append(
            Constraint(
                evidence(text, cal.start, cal.end, reason),
                allowed,
                ROLLING_STRENGTH,
                anchors=(typical + timedelta(days=14),),
            )
        )
    clues.data_years.append(cal.year)
    return True


def _year_clue(
    text: str,
    expressions: Sequence[TimeExpression],
    options: Options,
    clues: Clues,
    free: Callable[[int, int], bool],
) -> None:
    """The latest year spoken of as past is a soft lower bound (plans like "by 2025" excluded).

    Years are read from the latest down, stopping after the latest one spoken of as past:
    an earlier year gives an earlier bound and data year, and of the data years only the
    latest counts (``dating._combine`` takes their maximum), so reading on changes nothing.
    """
    best: tuple[date, str, int, int] | None = None
    candidates = list(itertools.islice(find_years(text), 5 * MAX_CLUES_PER_KIND))
    candidates += [
        (e.interval.start.year, e.start, e.end)
        for e in expressions
        if e.kind == "absolute" and e.interval is not None and e.interval.start.year == e.interval.end.year
    ]
    by_year: dict[int, list[tuple[int, int]]] = {}
    for year, start, end in candidates:
        if options.min_date.year <= year <= options.max_date.year:
            by_year.setdefault(year, []).append((start, end))  # in text order within a year
    for year in sorted(by_year, reverse=True):
        for start, end in by_year[year]:
            past = _past_year(text, year, start, end, free)
            if past is None:
                continue
            bound, data_year, label = past
            clues.data_years.append(data_year)
            if best is None or bound > best[0]:
                best = (bound, label, start, end)
        if best is not None:
            break  # every bound and data year of an earlier year is lower (see above)
    if best is not None:
        bound, label, start, end = best
        reason = f"{label} is the latest year spoken of as past"
        allowed = after(bound, options)
        if allowed:
            clues.constraints.append(Constraint(evidence(text, start, end, reason), allowed, YEAR_STRENGTH))


def _past_year(
    text: str, year: int, start: int, end: int, free: Callable[[int, int], bool]
) -> tuple[date, int, str] | None:
    """(lower bound, data year, label) of a year spoken of as past, else None."""
    if not free(start, end):
        return None
    if is_future(text, start, end) or _PROSPECTIVE.match(text, end):
        return None
    lead_text = text[max(0, start - 20) : start]
    if FISCAL_LEAD.search(lead_text):
        # Federal fiscal year Y runs Oct Y-1 .. Sep Y: its totals are last year's data.
        return date(year - 1, 10, 1), year - 1, f"fiscal year {year}"
    lead = lead_text.split()
    if (
        lead
        and lead[-1][:1].isupper()
        and lead[-1].lower().strip(",.(") not in _YEAR_LEADS
        and not lead[-1].endswith((",", "."))
    ):
        return None  # part of a name: "Healthy People 2030", "Vision 2025"
    return date(year, 1, 1), year, str(year)


def _period_of_year_clues(text: str, options: Options, clues: Clues) -> None:
    """ "The first three months of this year": the article is later in that same year."""
    folded = fold(text)
    if not is_open(_PERIOD_OF_YEAR_GATE, Words(folded)):
        return
    found = finditer_from(_PERIOD_OF_YEAR, text, folded, _PERIOD_OF_YEAR_FIRSTS)
    for m in itertools.islice(found, MAX_CLUES_PER_KIND):
        if skipped(m.start(), m.end(), options) or is_future(text, m.start(), m.end()):
            continue
        if m.group("n"):
            raw = m.group("n").lower()
            months = int(raw) if raw.isdigit() else UNITS_WORDS[raw]
        elif m.group("part"):
            months = 3 if m.group("part").lower() == "quarter" else 6
        else:
            months = 6 if m.group("ordinal").lower() == "second" else 9
        if not 1 <= months <= 11:
            continue
        allowed = bounded(((date(y, months + 1, 1), date(y, 12, 31)) for y in years(options)), options)
        reason = f'"{m.group(0)}" is over: the article is from month {months + 1} or later of that year'
        clues.constraints.append(
            Constraint(evidence(text, m.start(), m.end(), reason), allowed, PERIOD_OF_YEAR_STRENGTH)
        )
