"""Time expressions: find them in text and resolve each to a calendar interval.

``find_time_expressions`` finds candidate phrases with the compiled patterns of
``timex_patterns`` (never ``dateparser.search_dates``), keeps the longest non-overlapping
ones, then joins ranges ("from 2013 to 2014") and open ranges ("since 2001").
``resolve`` fills intervals: relative expressions against the article date, anaphoric ones
("two years previously") against the period named just before them. Nothing reads "now".
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the stdlib's own regex parser
from typing import Literal

import dateparser  # type: ignore[import-untyped]

from . import timex_patterns as P
from .models import Granularity, Interval, TimeExpression

__all__ = ["find_time_expressions", "resolve", "resolve_one", "since_anchor", "reset_caches"]

# Strict, English-only and deterministic: the base date is always passed in. A phrase
# without a year ("June 2") is the latest such day not after the base.
_DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "MDY",
    "PARSERS": ["absolute-time"],
    "REQUIRE_PARTS": ["day", "month"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_DATEPARSER_STRICT = dict(_DATEPARSER_SETTINGS, STRICT_PARSING=True)
# dateparser needs a base even for full dates; a fixed one keeps results pure.
_NEUTRAL_BASE = "2000-01-01"
_SINCE_WORD = re.compile(r"^(?i:since)\s{1,3}")
_MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTH_NAMES) if name}
# Days each month has in every year (February 29 only in some).
_DAYS_EVERY_YEAR = {m: calendar.monthrange(2001, m)[1] for m in range(1, 13)}
# First day of "since early/mid-/late March": the start of that third of the month.
_SINCE_DAY = {"early": 1, "mid": 11, "late": 21}
# Expressions that date the speech rather than a period; not antecedents for "a year earlier".
SPEECH_LABELS = frozenset({"day_word", "weekday"})

Kind = Literal["absolute", "relative", "anaphoric"]
Build = Callable[[re.Match, date | None, Interval | None], Interval | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    label: str
    pattern: re.Pattern
    kind: Kind
    granularity: Granularity
    build: Build
    accept: Callable[[str, re.Match], bool] | None = None
    # Cheap gates: a paragraph is scanned only if it has one of these words (lowercase) ...
    words: tuple[str, ...] = ()
    # ... and, when asked, a digit and a capitalised month name ...
    digit: bool = False
    month: bool = False
    # ... and one of these words, which every match contains (lowercase; none with "i" or
    # "s", whose Unicode case variants ı, İ and ſ do not lowercase to them).
    also: tuple[str, ...] = ()


# ----------------------------------------------------------------------------- calendar helpers


# Case-insensitive patterns also match "ı", "İ", "ſ" and the Kelvin sign; fold them like
# the ASCII letters they matched so the word-list lookups below find them.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u212a": "k", "İ": "i"})


def _fold(word: str) -> str:
    return word.translate(_FOLD).lower()


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(y: int) -> Interval:
    return Interval(date(y, 1, 1), date(y, 12, 31), "year")


def _month(y: int, m: int) -> Interval:
    return Interval(date(y, m, 1), _last_day(y, m), "month")


def _months(y: int, m1: int, m2: int, granularity: Granularity = "range") -> Interval:
    return Interval(date(y, m1, 1), _last_day(y, m2), granularity)


def _add_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _shift_date(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    return _add_months(d, n * months)


def _shift(interval: Interval, n: int, unit: str) -> Interval:
    """Move an interval by ``n`` units, keeping whole years and months whole."""
    start, end = _shift_date(interval.start, n, unit), _shift_date(interval.end, n, unit)
    if interval.granularity == "year":
        return Interval(date(start.year, 1, 1), date(end.year, 12, 31), "year")
    month_end = interval.end == _last_day(interval.end.year, interval.end.month)
    if interval.granularity in ("month", "quarter") or (interval.granularity == "range" and month_end):
        end = _last_day(end.year, end.month)  # "12 months ending Feb. 2020", a year earlier
    return Interval(start, end, interval.granularity)


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


def _number(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    if word.isdigit():
        return int(word)
    return P.NUMBER_WORDS.get(word, 3)  # "several"/"few": a loose 3


def _month_number(word: str) -> int:
    return P.MONTHS[_fold(word)[:3]]


def _full_year(two_or_four: str, *, after: int | None = None) -> int:
    y = int(two_or_four)
    if y >= 100:
        return y
    century = (after // 100) * 100 if after else 2000
    return century + y


def _most_recent_month(m: int, reference: date) -> int:
    """Year of the most recent month ``m`` not after the reference."""
    return reference.year if m <= reference.month else reference.year - 1


# ----------------------------------------------------------------------------- dateparser


def _plain_day(phrase: str, reference: str | None) -> date | None:
    """The common shapes of ``_parse_day`` computed directly (~4 ms a dateparser call saved).

    Returns ``None`` when the shape is not one handled here: the caller then asks dateparser.
    Handled: a valid "Month D YYYY"; a yearless "Month D" that every year has (not Feb. 29),
    which is the latest such day not after the reference, as dateparser's "past" preference
    gives. Checked against dateparser for every day of 1950-2035 and ~28,000 yearless cases.
    """
    parts = phrase.split(" ")
    month, day = _MONTH_NUMBERS[parts[0]], int(parts[1])
    if len(parts) == 3:
        try:
            return date(int(parts[2]), month, day)
        except ValueError:
            return None  # "February 30 2019": dateparser decides
    if reference is None or day > _DAYS_EVERY_YEAR[month]:
        return None
    ref = date.fromisoformat(reference)
    year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    return date(year, month, day)


@lru_cache(maxsize=4096)
def _parse_day(phrase: str, reference: str | None) -> date | None:
    """A normalised "Month D[ YYYY]" phrase to a date, via strict dateparser (cached)."""
    plain = _plain_day(phrase, reference)
    if plain is not None:
        return plain
    base = _DATEPARSER_SETTINGS if reference else _DATEPARSER_STRICT
    settings = dict(base, RELATIVE_BASE=datetime.fromisoformat(reference or _NEUTRAL_BASE))
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _day_from(month: str, day: str, year: str | None, reference: date | None) -> Interval | None:
    d = int(day.rstrip("stndrh"))  # "4th" -> 4
    phrase = f"{_MONTH_NAMES[_month_number(month)]} {d}" + (f" {year}" if year else "")
    if year is None and reference is None:
        return None
    parsed = _parse_day(phrase, reference.isoformat() if reference and not year else None)
    return Interval(parsed, parsed, "day") if parsed else None


# ----------------------------------------------------------------------------- builders: absolute


def _b_mdy(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    return _day_from(m["month"], m["day"], m["year"], None)


def _b_numeric(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    try:
        d = date(int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return None
    return Interval(d, d, "day")


def _b_month_year(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    return _month(int(m["year"]), _month_number(m["month"]))


def _b_year(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    return _year(int(m.group()))


def _quarter(y: int, q: int) -> Interval:
    return _months(y, 3 * q - 2, 3 * q, "quarter")


def _b_quarter(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if m["ord"]:
        return _quarter(int(m["year"]), P.ORDINALS[_fold(m["ord"])])
    if m["q"]:
        return _quarter(int(m["qyear"]), int(m["q"][1]))
    return _quarter(int(m["yq"]), int(m["q2"][1]))


def _relative_year(m, ref: date | None) -> int | None:
    if ref is None:
        return None
    rel = " ".join(m["rel"].lower().split())
    return ref.year + {"this": 0, "the current": 0, "last": -1, "the past": -1, "next": 1}[rel]


def _b_quarter_rel(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    y = _relative_year(m, ref)
    return None if y is None else _quarter(y, P.ORDINALS[_fold(m["ord"])])


def _part(y: int, m) -> Interval:
    """ "the first three months of Y", "the second half of Y"."""
    n = 6 if m["half"] else _number(m["n"])
    n = max(1, min(n, 12))
    first = m["which"].lower() == "first"
    m1, m2 = (1, n) if first else (13 - n, 12)
    granularity: Granularity = "quarter" if n == 3 and m1 in (1, 4, 7, 10) else "range"
    return _months(y, m1, m2, granularity)


def _b_part(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    return _part(int(m["year"]), m)


def _b_part_rel(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if m["theyear"]:
        y = ref.year if ref else None
    else:
        y = _relative_year(m, ref)
    return None if y is None else _part(y, m)


def _b_season(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    m1, m2 = P.SEASONS[_fold(m["season"])]
    return _months(int(m["year"]), m1, m2)


def _b_fiscal(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    y = _full_year(m["year"] or m["fy"])
    return Interval(date(y - 1, 10, 1), date(y, 9, 30), "range")


def _fiscal_year_of(d: date) -> int:
    """US federal fiscal years start on Oct. 1: Nov. 2019 is in FY2020."""
    return d.year + 1 if d.month >= 10 else d.year


def _b_fiscal_rel(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    current = _fiscal_year_of(ref)
    if m["sofar"] or m["ytd"] or m["todate"]:
        return Interval(date(current - 1, 10, 1), ref, "range")
    rel = " ".join(m["rel"].lower().split())
    y = current + {"this": 0, "the current": 0, "next": 1}.get(rel, -1)
    return Interval(date(y - 1, 10, 1), date(y, 9, 30), "range")


def _b_decade(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if m["decade"]:
        start = int(m["decade"])
    else:
        short = int(m["short"])
        start = 1900 + short if short >= 50 else 2000 + short
    part = (m["part"] or "").lower()
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(part, (0, 9))
    return Interval(date(start + lo, 1, 1), date(start + hi, 12, 31), "range")


def _b_year_range(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    y1 = int(m["y1"])
    y2 = _full_year(m["y2"], after=y1)
    if not y1 < y2 <= y1 + 50:
        return None
    return Interval(date(y1, 1, 1), date(y2, 12, 31), "range")


def _b_month_range(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    y = int(m["year"])
    m1, m2 = _month_number(m["m1"]), _month_number(m["m2"])
    y1 = y if m1 <= m2 else y - 1
    return Interval(date(y1, m1, 1), _last_day(y, m2), "range")


def _b_month_range_rel(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    m1, m2 = _month_number(m["m1"]), _month_number(m["m2"])
    y = _most_recent_month(m2, ref)
    return Interval(date(y if m1 <= m2 else y - 1, m1, 1), _last_day(y, m2), "range")


def _rolling(m, end_year: int) -> Interval:
    n = 12 if not m["n"] else _number(m["n"])
    end_month = _month_number(m["month"])
    end = _last_day(end_year, end_month)
    start = _add_months(date(end_year, end_month, 1), 1 - n)
    return Interval(start, end, "range")


def _b_rolling(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if m.groupdict().get("year"):
        return _rolling(m, int(m["year"]))
    if ref is None:
        return None
    return _rolling(m, _most_recent_month(_month_number(m["month"]), ref))


# ----------------------------------------------------------------------------- builders: relative


def _b_month_day(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if m["month"]:
        return _day_from(m["month"], m["day"], None, ref)
    return _day_from(m["month2"], m["day2"], None, ref)


def _b_month_name(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    month = _month_number(m["month"])
    trigger = " ".join(m["trigger"].lower().split())
    if trigger == "this":
        return _month(ref.year, month)
    if trigger == "last":
        return _month(ref.year if month < ref.month else ref.year - 1, month)
    if trigger == "next":
        return _month(ref.year if month > ref.month else ref.year + 1, month)
    y = _most_recent_month(month, ref)
    if trigger.startswith("since"):
        day = _SINCE_DAY.get(trigger.removeprefix("since").strip(" -"), 1)
        return Interval(date(y, month, day), ref, "range")
    return _month(y, month)


def _b_weekday(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    wd = P.WEEKDAYS[_fold(m["weekday"])]
    trigger = " ".join((m["trigger"] or "").lower().split())
    if trigger == "next":
        delta = (wd - ref.weekday()) % 7 or 7
        d = ref + timedelta(days=delta)
    else:
        delta = (ref.weekday() - wd) % 7
        if trigger in ("last", "this past") and delta == 0:
            delta = 7
        d = ref - timedelta(days=delta)
    return Interval(d, d, "day")


def _week(d: date) -> Interval:
    monday = d - timedelta(days=d.weekday())
    return Interval(monday, monday + timedelta(days=6), "range")


def _b_unit_rel(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    offset = {"last": -1, "this": 0, "next": 1}[_fold(m["rel"])]
    unit = m["unit"].lower()
    if unit == "year":
        return _year(ref.year + offset)
    if unit == "month":
        d = _add_months(ref, offset)
        return _month(d.year, d.month)
    return _week(ref + timedelta(weeks=offset))


def _b_day_word(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[_fold(m["word"])]
    d = ref + timedelta(days=offset)
    return Interval(d, d, "day")


def _b_to_date(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    if m["ytd"]:
        return Interval(date(ref.year, 1, 1), ref, "range")
    unit = (m["unit"] or m["unit2"]).lower()
    start = {"year": date(ref.year, 1, 1), "month": ref.replace(day=1), "week": _week(ref).start}[unit]
    if m["phrase"] and m["phrase"].lower().startswith("later"):
        end = {
            "year": date(ref.year, 12, 31),
            "month": _last_day(ref.year, ref.month),
            "week": _week(ref).end,
        }[unit]
        return Interval(ref, end, "range")
    return Interval(start, ref, "range")


def _b_since_start(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    rel = " ".join(m["rel"].lower().split())
    back = 1 if rel in ("last", "the past", "the previous") else 0
    unit = m["unit"].lower()
    if m["fiscal"] and unit == "year":
        start = date(_fiscal_year_of(ref) - 1 - back, 10, 1)
    elif unit == "year":
        start = date(ref.year - back, 1, 1)
    elif unit == "month":
        start = _add_months(ref.replace(day=1), -back)
    else:
        start = _week(ref).start - timedelta(weeks=back)
    return Interval(start, ref, "range")


def _through_end(month: int, year: int) -> Interval:
    return Interval(date(year, 1, 1), _last_day(year, month), "range")


def _b_through_end(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    month = _month_number(m["month"])
    if m.groupdict().get("year"):
        return _through_end(month, int(m["year"]))
    return None if ref is None else _through_end(month, _most_recent_month(month, ref))


def _b_year_so_far(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    y = int(m["year"] or m["year2"])
    start, last = (date(y - 1, 10, 1), date(y, 9, 30)) if m["fiscal"] else (date(y, 1, 1), date(y, 12, 31))
    if ref is None or ref < start:
        return None
    # Read after the year ended, "so far in 2023" covers the whole year.
    return Interval(start, min(ref, last), "range")


def _b_ago(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    n, unit = _number(m["n"]), _unit(m["unit"])
    d = _shift_date(ref, -n, unit)
    if unit in ("year", "decade"):
        return _year(d.year)
    if unit == "month":
        return _month(d.year, d.month)
    if unit == "week":
        return _week(d)
    return Interval(d, d, "day")


def _b_past(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if ref is None:
        return None
    return Interval(_shift_date(ref, -_number(m["n"]), _unit(m["unit"])), ref, "range")


def _b_single_year(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    # "the first time ... in a single year": the year just named, else the last full year.
    if prev is not None:
        return _year(prev.end.year)
    return _year(ref.year - 1) if ref else None


# ----------------------------------------------------------------------------- builders: anaphoric


def _b_shift(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if prev is None:
        return None
    n = _number(m["n"])
    sign = -1 if m["dir"].lower() in ("earlier", "previously", "before", "prior") else 1
    return _shift(prev, sign * n, _unit(m["unit"]))


def _b_previous(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if prev is None:
        return None
    word = (m["dir"] or m["dir2"]).lower()
    unit = _unit(m["unit"] or m["unit2"])
    sign = 1 if word in ("following", "next", "after", "later") else -1
    if unit == "year" and prev.granularity != "range":
        return _year(prev.start.year + sign)
    if unit == "month" and prev.granularity in ("month", "day"):
        d = _add_months(prev.start, sign)
        return _month(d.year, d.month)
    return _shift(prev, sign, unit)


def _b_same(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    if prev is None:
        return None
    unit = m["unit"].lower()
    if unit == "year":
        return _year(prev.end.year)
    if unit == "month":
        return _month(prev.end.year, prev.end.month)
    return prev


def _b_same_in_year(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    y = int(m["year"])
    if prev is None:
        return Interval(date(y - 1, 10, 1), date(y, 9, 30), "range") if m["fiscal"] else _year(y)
    anchor = _fiscal_year_of(prev.end) if m["fiscal"] else prev.end.year
    return _shift(prev, y - anchor, "year")


def _b_same_year_before(m: re.Match, ref: date | None, prev: Interval | None) -> Interval | None:
    return None if prev is None else _shift(prev, -1, "year")


# ----------------------------------------------------------------------------- context filters


def _word_before(text: str, start: int) -> str:
    m = P.WORD_BEFORE_PATTERN.search(text, max(0, start - 24), start)
    return m.group(1).lower().rstrip(".") if m else ""


def _word_after(text: str, end: int) -> str:
    m = P.WORD_AFTER_PATTERN.match(text[end : end + 24])
    return m.group(1).lower() if m else ""


def _accept_year(text: str, m: re.Match) -> bool:
    before = _word_before(text, m.start())
    if before in P.YEAR_BLOCK_BEFORE:
        return False
    if before in P.TEMPORAL_PREPOSITIONS:
        return True
    return _word_after(text, m.end()) not in P.YEAR_BLOCK_AFTER


def _accept_decade(text: str, m: re.Match) -> bool:
    # "the 1990's" is a decade; a bare "2020's" is the year's possessive.
    written = m.group()
    return not (
        written[-2] in "'’" and m["decade"] and not written.lower().startswith("the") and not m["part"]
    )


def _accept_past(text: str, m: re.Match) -> bool:
    # "the last days of the campaign" has no length; "the past two weeks" and "the past year" do.
    return bool(m["n"]) or not m["unit"].lower().endswith("s")


def _accept_weekday(text: str, m: re.Match) -> bool:
    return _word_before(text, m.start()) not in P.WEEKDAY_BLOCK_BEFORE


def _accept_clause_end(text: str, m: re.Match) -> bool:
    """ "two years before." refers back; "two years before the pandemic" does not."""
    groups = m.groupdict()
    # "the prior year" is complete; "the year before ..." and "two years before ..." may not be.
    direction = (groups.get("dir2") if "dir2" in groups else groups.get("dir")) or ""
    direction = direction.lower()
    if direction not in ("before", "after", "prior"):
        return True
    return bool(P.CLAUSE_END_PATTERN.match(text[m.end() : m.end() + 8]))


def _accept_month_day(text: str, m: re.Match) -> bool:
    # "May 5" at a sentence start may be the verb only when lowercase; capitalised is a month.
    return _word_after(text, m.end()) not in P.YEAR_BLOCK_AFTER


# Order breaks ties between equally long matches at the same start.
_ROLLING_WORDS = ("ending", "ended", "ends", "through", " to ")
# Units every match of a pattern that ends in one of them contains.
_UNIT_WORDS = ("day", "week", "month", "year", "decade")
_CALENDAR_UNITS = ("week", "month", "year")
_SEASON_WORDS = tuple(P.SEASONS)
_RULES: tuple[_Rule, ...] = (
    _Rule("iso_date", P.ISO_PATTERN, "absolute", "day", _b_numeric, words=("-",), digit=True),
    _Rule("numeric_date", P.NUMERIC_PATTERN, "absolute", "day", _b_numeric, words=("/",), digit=True),
    _Rule("date", P.MDY_PATTERN, "absolute", "day", _b_mdy, digit=True, month=True),
    _Rule("date", P.DMY_PATTERN, "absolute", "day", _b_mdy, digit=True, month=True),
    _Rule(
        "rolling",
        P.ROLLING_PATTERN,
        "absolute",
        "range",
        _b_rolling,
        words=_ROLLING_WORDS,
        digit=True,
        month=True,
        also=("month", "year"),
    ),
    _Rule(
        "rolling",
        P.ROLLING_REL_PATTERN,
        "relative",
        "range",
        _b_rolling,
        words=_ROLLING_WORDS,
        month=True,
        also=("month", "year"),
    ),
    _Rule("month_range", P.MONTH_RANGE_PATTERN, "absolute", "range", _b_month_range, digit=True, month=True),
    _Rule(
        "month_range",
        P.MONTH_RANGE_REL_PATTERN,
        "relative",
        "range",
        _b_month_range_rel,
        words=("from", "between"),
        month=True,
    ),
    _Rule(
        "quarter", P.QUARTER_PATTERN, "absolute", "quarter", _b_quarter, words=("quarter", "q"), digit=True
    ),
    _Rule(
        "quarter_rel",
        P.QUARTER_REL_PATTERN,
        "relative",
        "quarter",
        _b_quarter_rel,
        words=("quarter",),
        also=("year",),
    ),
    _Rule("part_of_year", P.PART_PATTERN, "absolute", "range", _b_part, words=("half", "months"), digit=True),
    _Rule(
        "part_of_year_rel",
        P.PART_REL_PATTERN,
        "relative",
        "range",
        _b_part_rel,
        words=("half", "months"),
        also=("year",),
    ),
    _Rule("season", P.SEASON_YEAR_PATTERN, "absolute", "range", _b_season, words=_SEASON_WORDS, digit=True),
    _Rule(
        "fiscal_year", P.FISCAL_PATTERN, "absolute", "range", _b_fiscal, words=("fiscal", "fy"), digit=True
    ),
    _Rule(
        "fiscal_year_rel",
        P.FISCAL_REL_PATTERN,
        "relative",
        "range",
        _b_fiscal_rel,
        words=("fiscal",),
        also=("year",),
    ),
    _Rule(
        "decade",
        P.DECADE_PATTERN,
        "absolute",
        "range",
        _b_decade,
        _accept_decade,
        words=("0s", "0's", "0’s"),
        digit=True,
    ),
    _Rule(
        "year_range",
        P.YEAR_RANGE_PATTERN,
        "absolute",
        "range",
        _b_year_range,
        digit=True,
        also=("-", "–", "—", "/"),
    ),
    _Rule("month_year", P.MONTH_YEAR_PATTERN, "absolute", "month", _b_month_year, digit=True, month=True),
    _Rule("year", P.YEAR_PATTERN, "absolute", "year", _b_year, _accept_year, digit=True),
    _Rule(
        "to_date",
        P.TO_DATE_PATTERN,
        "relative",
        "range",
        _b_to_date,
        words=("so far", "earlier", "later", "to date", "to-date"),
        also=_CALENDAR_UNITS,
    ),
    _Rule(
        "to_date",
        P.SINCE_START_PATTERN,
        "relative",
        "range",
        _b_since_start,
        words=("since",),
        also=_CALENDAR_UNITS,
    ),
    _Rule(
        "through_end",
        P.THROUGH_END_PATTERN,
        "absolute",
        "range",
        _b_through_end,
        words=("end",),
        digit=True,
        month=True,
    ),
    _Rule(
        "through_end",
        P.THROUGH_END_REL_PATTERN,
        "relative",
        "range",
        _b_through_end,
        words=("end",),
        month=True,
    ),
    _Rule(
        "year_so_far",
        P.YEAR_SO_FAR_PATTERN,
        "relative",
        "range",
        _b_year_so_far,
        words=("so far", "thus far"),
        digit=True,
    ),
    _Rule(
        "past",
        P.PAST_PATTERN,
        "relative",
        "range",
        _b_past,
        _accept_past,
        words=("past", "last"),
        also=_UNIT_WORDS,
    ),
    _Rule(
        "unit_rel",
        P.UNIT_REL_PATTERN,
        "relative",
        "year",
        _b_unit_rel,
        words=("last", "this", "next"),
        also=_CALENDAR_UNITS,
    ),
    _Rule("ago", P.AGO_PATTERN, "relative", "year", _b_ago, words=("ago",), also=_UNIT_WORDS),
    _Rule(
        "month_day",
        P.MONTH_DAY_PATTERN,
        "relative",
        "day",
        _b_month_day,
        _accept_month_day,
        digit=True,
        month=True,
    ),
    _Rule("month_name", P.MONTH_NAME_PATTERN, "relative", "month", _b_month_name, month=True),
    _Rule("weekday", P.WEEKDAY_PATTERN, "relative", "day", _b_weekday, _accept_weekday, words=("day",)),
    _Rule(
        "day_word",
        P.DAY_WORD_PATTERN,
        "relative",
        "day",
        _b_day_word,
        words=("today", "yesterday", "tomorrow", "tonight"),
    ),
    _Rule(
        "single_year",
        P.SINGLE_YEAR_PATTERN,
        "anaphoric",
        "year",
        _b_single_year,
        words=("single", "one"),
        also=("year",),
    ),
    _Rule(
        "shift",
        P.SHIFT_PATTERN,
        "anaphoric",
        "year",
        _b_shift,
        _accept_clause_end,
        words=("earlier", "previously", "before", "prior", "later", "after"),
        also=_UNIT_WORDS,
    ),
    _Rule(
        "previous",
        P.PREVIOUS_PATTERN,
        "anaphoric",
        "year",
        _b_previous,
        _accept_clause_end,
        words=("previous", "prior", "preceding", "following", "next", "before", "earlier", "after", "later"),
        also=("year", "month", "quarter", "week", "day"),
    ),
    _Rule(
        "same",
        P.SAME_PATTERN,
        "anaphoric",
        "year",
        _b_same,
        words=("same", "that"),
        also=("year", "month", "quarter", "per", "frame"),
    ),
    _Rule(
        "same_in_year",
        P.SAME_IN_YEAR_PATTERN,
        "anaphoric",
        "range",
        _b_same_in_year,
        words=("same",),
        digit=True,
    ),
    _Rule(
        "same_year_before",
        P.SAME_YEAR_BEFORE_PATTERN,
        "anaphoric",
        "range",
        _b_same_year_before,
        words=("same",),
    ),
)
_BY_LABEL: dict[str, tuple[_Rule, ...]] = {}
for _r in _RULES:
    _BY_LABEL[_r.label] = (*_BY_LABEL.get(_r.label, ()), _r)
_PRIORITY = {id(r): i for i, r in enumerate(_RULES)}
# Labels refined from a rule's own label ("last_year" comes from "unit_rel").
_FAMILY = {
    f"{rel}_{unit}": "unit_rel" for rel in ("last", "this", "next") for unit in ("year", "month", "week")
}


_UNIT_GRANULARITY: dict[str, Granularity] = {
    "year": "year",
    "quarter": "quarter",
    "month": "month",
    "day": "day",
}


# Labels whose granularity (below) or offset (``_offset``) depends on the words matched.
_GRANULARITY_LABELS = frozenset(
    {"unit_rel", "ago", "month_name", "shift", "previous", "same", "part_of_year", "part_of_year_rel"}
)
_OFFSET_LABELS = frozenset({"unit_rel", "ago", "shift", "previous", "past", "same", "same_year_before"})


def _granularity(rule: _Rule, m: re.Match) -> Granularity:
    """Granularity as the text gives it (e.g. "last month" is a month, "this week" a range)."""
    if rule.label not in _GRANULARITY_LABELS:
        return rule.granularity  # what every branch below leaves for the other labels
    groups = m.groupdict()
    unit = (groups.get("unit") or groups.get("unit2") or "").lower().rstrip("s")
    if rule.label == "unit_rel":
        return _UNIT_GRANULARITY.get(unit, "range") if unit != "day" else "range"
    if rule.label == "ago":
        return "year" if unit == "decade" else _UNIT_GRANULARITY.get(unit, "range")
    if rule.label == "month_name" and groups.get("trigger", "").lower().startswith("since"):
        return "range"
    if rule.label in ("shift", "previous", "same"):
        return _UNIT_GRANULARITY.get(unit, "range")
    if rule.label in ("part_of_year", "part_of_year_rel"):
        n = 6 if groups.get("half") else _number(groups.get("n"))
        return "quarter" if n == 3 and groups["which"].lower() in ("first", "last", "final") else "range"
    return rule.granularity


def _offset(rule: _Rule, m: re.Match) -> tuple[int, str | None]:
    if rule.label not in _OFFSET_LABELS:
        return 0, None
    groups = m.groupdict()
    if rule.label == "unit_rel":
        return {"last": -1, "this": 0, "next": 1}[_fold(groups["rel"])], _unit(groups["unit"])
    if rule.label == "ago":
        return -_number(groups["n"]), _unit(groups["unit"])
    if rule.label == "shift":
        sign = -1 if groups["dir"].lower() in ("earlier", "previously", "before", "prior") else 1
        return sign * _number(groups["n"]), _unit(groups["unit"])
    if rule.label == "previous":
        word = (groups["dir"] or groups["dir2"]).lower()
        return (1 if word in ("following", "next", "after", "later") else -1), _unit(
            groups["unit"] or groups["unit2"]
        )
    if rule.label == "past":
        return -_number(groups["n"]), _unit(groups["unit"])
    if rule.label == "same":
        return 0, groups["unit"].lower()
    if rule.label == "same_year_before":
        return -1, "year"
    return 0, None


# ----------------------------------------------------------------------------- finding

_CHUNK = 50  # measured: with runs of open chunks scanned as one, small chunks gate best
# Sets of rules are bit masks over rule indexes. Every gate word opens the rules that list it;
# every "also" word is one bit of a chunk's "also" mask.
_GATE_WORDS: tuple[str, ...] = tuple(dict.fromkeys(w for r in _RULES for w in r.words))
_WORD_MASK: dict[str, int] = {
    w: sum(1 << i for i, r in enumerate(_RULES) if w in r.words) for w in _GATE_WORDS
}
_ALSO_WORDS: tuple[str, ...] = tuple(dict.fromkeys(w for r in _RULES for w in r.also))
_ALSO_BIT: dict[str, int] = {w: 1 << i for i, w in enumerate(_ALSO_WORDS)}
_ALSO_MASK: tuple[int, ...] = tuple(sum(_ALSO_BIT[w] for w in r.also) for r in _RULES)
_ALL_WORDS: tuple[str, ...] = tuple(dict.fromkeys(_GATE_WORDS + _ALSO_WORDS))
# A word holding a shorter one ("ending", "end") cannot be in a text that lacks the shorter one:
# looking for the shortest words first, most absent words need no search of their own.
_PART_OF: dict[str, str] = {
    w: max((u for u in _ALL_WORDS if u != w and u in w), key=len, default="") for w in _ALL_WORDS
}
_SHORTEST_FIRST: tuple[str, ...] = tuple(sorted(_ALL_WORDS, key=len))
_UNGATED_MASK = sum(1 << i for i, r in enumerate(_RULES) if not r.words)
_DIGIT_MASK = sum(1 << i for i, r in enumerate(_RULES) if r.digit)
_MONTH_MASK = sum(1 << i for i, r in enumerate(_RULES) if r.month)
# Chunks end just after a newline, so a word without one never runs from one chunk into the next.
assert not any("\n" in w for w in _ALL_WORDS)


def _chunk_ends(text: str) -> list[int]:
    """Chunks of whole lines, at least _CHUNK long, so short lines share one gate check."""
    ends = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + _CHUNK)
        start = len(text) if end < 0 else end + 1
        ends.append(start)
    return ends


def _chunk_words(text: str, ends: list[int]) -> tuple[list[int], list[int]]:
    """Per chunk, the rules its gate words open and its "also" words (both masks).

    A word is in a chunk's lower-cased text when the lower-cased article holds it within the
    chunk's offsets, so each word is looked for once per chunk that holds it, not in every chunk.
    """
    opened = [_UNGATED_MASK] * len(ends)
    also = [0] * len(ends)
    whole = text.lower()
    if len(whole) != len(text):  # a letter lower-cases to two ("İ"): offsets differ, lower each chunk
        start = 0
        for k, end in enumerate(ends):
            lower = text[start:end].lower()
            for w in _ALL_WORDS:
                if w in lower:
                    opened[k] |= _WORD_MASK.get(w, 0)
                    also[k] |= _ALSO_BIT.get(w, 0)
            start = end
        return opened, also
    absent: set[str] = set()
    for w in _SHORTEST_FIRST:
        at = -1 if _PART_OF[w] in absent else whole.find(w)
        if at < 0:
            absent.add(w)
            continue
        mask, bit = _WORD_MASK.get(w, 0), _ALSO_BIT.get(w, 0)
        while at >= 0:
            k = bisect_right(ends, at)  # the chunk holding offset ``at``
            opened[k] |= mask
            also[k] |= bit
            at = whole.find(w, ends[k])
    return opened, also


def _anchor_of(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], int] | None:
    """The compiled anchor of ``pattern`` (see ``P.ANCHORS``) and how far before it a match may start."""
    pieces = P.ANCHORS.get(pattern)
    if pieces is None:
        return None
    lead, anchor = pieces
    try:
        if not pattern.pattern.startswith(lead + anchor):
            return None
        # Matches must be non-empty for _anchored to step from one match's end to the next.
        if sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[0] == 0:
            return None
        reach = sre_parse.parse(lead, pattern.flags).getwidth()[1]
    except Exception:  # a private parser may change between Python versions: then scan all
        return None
    return re.compile(anchor, pattern.flags), reach


_ANCHORS: tuple[tuple[re.Pattern[str], int] | None, ...] = tuple(_anchor_of(r.pattern) for r in _RULES)
# Widest lead for which a pattern gets a start window (below); wider or unbounded ones do not.
_MAX_WINDOW = 64


def _window_of(
    pattern: re.Pattern[str], anchored: tuple[re.Pattern[str], int] | None
) -> re.Pattern[str] | None:
    """A regex whose match from ``lo`` ends where the first match of ``pattern`` starting in
    ``lo .. lo + reach`` starts (the lookahead is the pattern itself, so it succeeds exactly
    where ``pattern.match`` does)."""
    if anchored is None or not 0 < anchored[1] <= _MAX_WINDOW:
        return None
    return re.compile(rf"(?s:.){{0,{anchored[1]}}}?(?=(?:{pattern.pattern}))", pattern.flags)


_WINDOWS: tuple[re.Pattern[str] | None, ...] = tuple(
    _window_of(r.pattern, a) for r, a in zip(_RULES, _ANCHORS, strict=True)
)


# Rules grouped by the "also" words they need (one of them must be in a chunk).
_ALSO_GROUPS: tuple[tuple[int, int], ...] = tuple(
    (sum(1 << i for i, m in enumerate(_ALSO_MASK) if m == wanted), wanted)
    for wanted in dict.fromkeys(m for m in _ALSO_MASK if m)
)

_NEWLINE = ord("\n")
_NO_NEWLINE_CATEGORIES = frozenset(
    {sre_parse.CATEGORY_DIGIT, sre_parse.CATEGORY_WORD, sre_parse.CATEGORY_NOT_SPACE}
)


def _may_reach_newline(items) -> bool:
    """Might the parsed regex ``items`` match a line break, look at one, or test the end
    of the text ("$", "\\Z")? Unknown constructs count as yes."""
    for op, av in items:
        if op is sre_parse.LITERAL:
            if av == _NEWLINE:
                return True
        elif op is sre_parse.NOT_LITERAL:
            if av != _NEWLINE:
                return True
        elif op is sre_parse.IN:
            if any(_class_item_may_be_newline(o, a) for o, a in av):
                return True
        elif op is sre_parse.AT:
            if av not in (sre_parse.AT_BOUNDARY, sre_parse.AT_NON_BOUNDARY, sre_parse.AT_BEGINNING_STRING):
                return True
        elif op is sre_parse.SUBPATTERN:
            if _may_reach_newline(av[-1]):
                return True
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT):
            if _may_reach_newline(av[2]):
                return True
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            if _may_reach_newline(av[1]):
                return True
        elif op is sre_parse.ATOMIC_GROUP:
            if _may_reach_newline(av):
                return True
        elif op is sre_parse.BRANCH:
            if any(_may_reach_newline(b) for b in av[1]):
                return True
        else:
            return True  # ANY, group references, conditionals ...
    return False


def _class_item_may_be_newline(op, av) -> bool:
    if op is sre_parse.LITERAL:
        return av == _NEWLINE
    if op is sre_parse.RANGE:
        return av[0] <= _NEWLINE <= av[1]
    if op is sre_parse.CATEGORY:
        return av not in _NO_NEWLINE_CATEGORIES
    return True  # NEGATE and anything else


def _line_bound(pattern: re.Pattern[str]) -> bool:
    """True when no match of ``pattern`` holds, looks at or past a line break, or tests the
    end of the text: then where a scan's text ends after a line break changes no match."""
    try:
        return not _may_reach_newline(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # a private parser may change between Python versions: then scan by chunk
        return False


_LINE_BOUND_MASK = sum(1 << i for i, r in enumerate(_RULES) if _line_bound(r.pattern))


def _anchored(
    pattern: re.Pattern[str],
    anchor: re.Pattern[str],
    reach: int,
    window: re.Pattern[str] | None,
    text: str,
    start: int,
    end: int,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, starting the pattern only just before its anchor.

    The next match holds the first anchor match at or after it, so it starts at most
    ``reach`` before that one; with no anchor left, no match is left either. With a
    ``window``, only the starts from there to ``reach`` further are tried: when none
    matches, the next match holds a later anchor match. (Searching on instead would try
    every position to the end of the chunk, which is what most anchor hits cost when the
    pattern fails there, e.g. a rolling period followed by a year for the year-less rule.)
    """
    pos = start
    while True:
        hit = anchor.search(text, pos, end)
        if hit is None:
            return
        lo = max(pos, hit.start() - reach)
        if window is None:
            m = pattern.search(text, lo, end)
            if m is None:
                return
        else:
            w = window.match(text, lo, end)
            if w is None:
                pos = lo + reach + 1  # no match starts in lo .. lo + reach (which holds the hit)
                continue
            m = pattern.match(text, w.end(), end)
            if m is None:  # cannot happen (the window's lookahead matched there); stay exact
                m = pattern.search(text, w.end(), end)
                if m is None:
                    return
        yield m
        pos = m.end()


def _chunk_rules(text: str, ends: list[int]) -> list[int]:
    """Per chunk, the rules that pass all their cheap gates there (a bit mask)."""
    opened_by_words, also_words = _chunk_words(text, ends)
    out = []
    start = 0
    for end, opened, also in zip(ends, opened_by_words, also_words, strict=True):
        if opened & _DIGIT_MASK and P.DIGIT_GATE.search(text, start, end) is None:
            opened &= ~_DIGIT_MASK
        if opened & _MONTH_MASK and P.MONTH_GATE.search(text, start, end) is None:
            opened &= ~_MONTH_MASK
        for rules, wanted in _ALSO_GROUPS:
            if opened & rules and not also & wanted:
                opened &= ~rules  # none of the "also" words these rules need is here
        out.append(opened)
        start = end
    return out


def _candidates(text: str) -> list[tuple[int, int, _Rule, re.Match]]:
    """Every rule's matches; a rule scans only the chunks that pass its cheap gates.

    Consecutive chunks open for a rule are scanned as one stretch (one scan instead of
    several): chunks are cut just after line breaks, and no match of a rule in
    ``_LINE_BOUND_MASK`` holds or looks past a line break, so the cuts change no match.
    """
    found: list[tuple[int, int, _Rule, re.Match]] = []
    ends = _chunk_ends(text)
    masks = _chunk_rules(text, ends)
    run_start: dict[int, int] = {}  # rule bit -> where its current stretch of open chunks starts
    previous, start = 0, 0
    for k, opened in enumerate(masks):
        end = ends[k]
        following = masks[k + 1] & _LINE_BOUND_MASK if k + 1 < len(masks) else 0
        begins = opened & ~(previous & _LINE_BOUND_MASK)
        while begins:
            bit = begins & -begins
            begins ^= bit
            run_start[bit] = start
        closing = opened & ~following  # the stretches that end with this chunk
        while closing:
            bit = closing & -closing  # lowest rule index first, as the rules are ordered
            closing ^= bit
            _scan_rule(text, bit.bit_length() - 1, run_start[bit], end, found)
        previous, start = opened, end
    return found


def _scan_rule(
    text: str, index: int, start: int, end: int, found: list[tuple[int, int, _Rule, re.Match]]
) -> None:
    """Add the accepted matches of rule ``index`` in ``text[start:end]`` to ``found``."""
    rule = _RULES[index]
    anchored = _ANCHORS[index]
    matches = (
        rule.pattern.finditer(text, start, end)
        if anchored is None
        else _anchored(rule.pattern, *anchored, _WINDOWS[index], text, start, end)
    )
    for m in matches:
        if m.end() > m.start() and (rule.accept is None or rule.accept(text, m)):
            found.append((m.start(), m.end(), rule, m))


def _select(candidates):
    """Longest match wins; earlier rules break ties; no two selections overlap."""
    ordered = sorted(candidates, key=lambda c: (c[0] - c[1], c[0], _PRIORITY[id(c[2])]))
    starts: list[int] = []  # sorted starts of the non-overlapping spans taken so far
    ends: list[int] = []
    chosen = []
    for c in ordered:
        i = bisect_left(starts, c[1])
        if i and ends[i - 1] > c[0]:
            continue  # the taken span starting last before this one's end overlaps it
        starts.insert(i, c[0])
        ends.insert(i, c[1])
        chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def _expression(start: int, end: int, rule: _Rule, m: re.Match) -> TimeExpression | None:
    interval = rule.build(m, None, None) if rule.kind == "absolute" else None
    if rule.kind == "absolute" and interval is None:
        return None  # an impossible date ("February 30, 2019") or a backwards range
    offset, unit = _offset(rule, m)
    label = rule.label
    if label == "unit_rel":
        label = f"{m['rel'].lower()}_{m['unit'].lower()}"  # "last_year", "this_month", "next_week"
    return TimeExpression(
        text=m.group(),
        start=start,
        end=end,
        kind=rule.kind,
        granularity=_granularity(rule, m),
        interval=interval,
        offset=offset,
        unit=unit,
        label=label,
    )


def _range_ends(first: TimeExpression, last: TimeExpression, reference: date | None) -> Interval | None:
    """Both ends of "from X to Y"; a yearless X ("Jan. 1") takes its year from Y."""
    end = last.interval or resolve_one(last, reference=reference)
    if end is None:
        return None
    start = first.interval or resolve_one(first, reference=end.end)
    if start is None or not (start.start < end.end and start.end <= end.end):
        return None
    return Interval(start.start, end.end, "range")


def _range_expression(text: str, start: int, end: int, interval: Interval | None) -> TimeExpression:
    """Two joined expressions ("from 2015 to 2017"): absolute when both ends resolve alone."""
    return TimeExpression(
        text=text[start:end],
        start=start,
        end=end,
        kind="absolute" if interval is not None else "relative",
        granularity="range",
        interval=interval,
        label="range",
    )


def _join_ranges(text: str, items: list[TimeExpression]) -> list[TimeExpression]:
    """ "from October 2021 through September 2022", "between 2013 and 2014", "from Jan. 1 to Oct. 31"."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(items):
        a = items[i]
        b = items[i + 1] if i + 1 < len(items) else None
        joined = None
        a_ok = a.kind == "absolute" or a.label == "month_day"
        b_ok = b is not None and (b.kind == "absolute" or b.label == "month_day")
        if b is not None and a_ok and b_ok:
            gap = P.RANGE_GAP_PATTERN.fullmatch(text, a.end, b.start)
            prefix = P.RANGE_PREFIX_PATTERN.search(text, max(0, a.start - 12), a.start)
            word = gap.group().strip().lower() if gap else ""
            ok = gap is not None and (word != "and" or (prefix and prefix["prefix"].lower() == "between"))
            start = prefix.start() if prefix else a.start
            if ok and b.kind == "absolute":
                interval = _range_ends(a, b, None)
                if interval is not None:
                    joined = _range_expression(text, start, b.end, interval)
            elif ok:
                joined = _range_expression(text, start, b.end, None)
        if joined:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


# Relative expressions that can open a range: "since last year", "since Jan. 20".
_SINCE_RELATIVE = frozenset(
    {"last_year", "last_month", "last_week", "month_day", "weekday", "ago", "month_name"}
)


def _join_since(text: str, items: list[TimeExpression]) -> list[TimeExpression]:
    """ "since 2001" is an open range from the named period to the article date."""
    out = []
    for e in items:
        prefix = P.SINCE_PREFIX_PATTERN.search(text, max(0, e.start - 10), e.start)
        if prefix and (e.kind == "absolute" or e.label in _SINCE_RELATIVE):
            e = TimeExpression(
                text=text[prefix.start() : e.end],
                start=prefix.start(),
                end=e.end,
                kind="relative",
                granularity="range",
                interval=None,
                label="since",
            )
        out.append(e)
    return out


def _outside_skip(items: list[TimeExpression], skip: Sequence[tuple[int, int]]) -> list[TimeExpression]:
    """``items`` that overlap no ``skip`` span (``e.start < s_end and s_start < e.end`` for none)."""
    if not skip:
        return items
    spans = sorted(skip)
    starts = [s_start for s_start, _ in spans]
    reach = list(accumulate((s_end for _, s_end in spans), max))  # furthest end so far
    out = []
    for e in items:
        i = bisect_left(starts, e.end)  # the spans starting before the expression ends
        if not (i and reach[i - 1] > e.start):
            out.append(e)
    return out


def find_time_expressions(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[TimeExpression]:
    """Time expressions in ``text``, sorted by start, none overlapping a ``skip`` span.

    Args:
        text: the normalised article text.
        skip: ``(start, end)`` spans (captions, boilerplate) to leave out.

    Returns:
        Non-overlapping expressions; absolute ones carry their interval, relative and
        anaphoric ones have ``interval=None`` until ``resolve``.

    Notes:
        Each rule of ``_RULES`` scans only the lines that pass its cheap keyword gates; the
        longest match wins. Spans include a trigger word when the word is what makes the
        phrase temporal ("In May", "since 2001", "from 2013 to 2014", "on Monday"). Bare
        numbers are years only in 1950-2035 and not next to digits, money, IDs or counts.
    """
    items = _join_since(text, _join_ranges(text, list(_atoms(text))))
    return _outside_skip(items, skip)


# ----------------------------------------------------------------------------- resolving


def _rematch(label: str | None, text: str) -> tuple[_Rule, re.Match] | None:
    label = label or ""
    for rule in _BY_LABEL.get(_FAMILY.get(label, label), ()):
        m = rule.pattern.fullmatch(text)
        if m:
            return rule, m
    return None


def _atoms(text: str) -> tuple[TimeExpression, ...]:
    """Single expressions, before ranges and "since" are joined."""
    return tuple(e for c in _select(_candidates(text)) if (e := _expression(*c)) is not None)


def since_anchor(expr: TimeExpression, *, reference: date | None = None) -> Interval | None:
    """The period a "since ..." expression starts from ("since 2001" -> 2001)."""
    return _since_anchor(expr.text, reference)


def _since_anchor(text: str, reference: date | None) -> Interval | None:
    inner = list(_atoms(_SINCE_WORD.sub("", text, count=1)))
    if not inner:
        return None
    return inner[0].interval or resolve_one(inner[0], reference=reference)


def _resolve_since(text: str, reference: date | None) -> Interval | None:
    anchor = _since_anchor(text, reference)
    if anchor is None or reference is None or anchor.start > reference:
        return None
    end = reference
    # Counts "since 2001" are annual data: they run to the last complete year.
    if anchor.granularity in ("year", "range") and anchor.start.month == 1 and anchor.start.day == 1:
        last_full = date(reference.year - 1, 12, 31)
        if last_full > anchor.end:
            end = last_full
    return Interval(anchor.start, end, "range")


# Keyed on what resolving reads (label, text, interval), not the whole expression: its
# offsets would make every key unique to one article, and hashing all fields costs more.
@lru_cache(maxsize=8192)
def _resolve_cached(
    label: str | None, text: str, interval: Interval | None, reference: date | None, previous: Interval | None
) -> Interval | None:
    if label == "since":
        return _resolve_since(text, reference)
    if label == "range":
        parts = _atoms(text)
        return _range_ends(parts[0], parts[-1], reference) if len(parts) >= 2 else None
    found = _rematch(label, text)
    if found is None:
        return interval
    rule, m = found
    return rule.build(m, reference, previous)


def resolve_one(
    expr: TimeExpression, *, reference: date | None, previous: Interval | None = None
) -> Interval | None:
    """The interval of one expression, given the article date and the period named before it."""
    if expr.kind == "absolute" and expr.interval is not None:
        return expr.interval
    return _resolve_cached(
        expr.label, expr.text, expr.interval, reference, previous if expr.kind == "anaphoric" else None
    )


_EXPRESSION_FIELDS = ("text", "start", "end", "kind", "granularity", "interval", "offset", "unit", "label")
# ``_with_interval`` names every field: it must learn of any field added to the model.
assert tuple(f.name for f in fields(TimeExpression)) == _EXPRESSION_FIELDS


def _with_interval(e: TimeExpression, interval: Interval) -> TimeExpression:
    """``replace(e, interval=interval)`` without its generic field-by-field introspection."""
    return TimeExpression(e.text, e.start, e.end, e.kind, e.granularity, interval, e.offset, e.unit, e.label)


def resolve(expressions: Sequence[TimeExpression], *, reference: date | None) -> list[TimeExpression]:
    """Same expressions, same order and offsets, with ``interval`` filled where possible.

    Args:
        expressions: the output of ``find_time_expressions`` (in text order).
        reference: the article date; ``None`` leaves relative expressions unresolved.

    Notes:
        An anaphoric expression resolves against the nearest earlier expression, skipping
        speech dates ("on Monday", "today"); when that one is unresolved, so is it.
    """
    out = []
    previous: Interval | None = None
    for e in expressions:
        # An absolute expression keeps the interval it was found with (see ``resolve_one``).
        if e.kind != "absolute" or e.interval is None:
            interval = resolve_one(e, reference=reference, previous=previous)
            if interval is not None and e.interval != interval:
                e = _with_interval(e, interval)
        if e.label not in SPEECH_LABELS:
            # An unresolved expression is still the antecedent: what follows it stays unresolved.
            previous = e.interval
        out.append(e)
    return out


def reset_caches() -> None:
    """Clear the dateparser and resolution caches (tests, long-running apps)."""
    _parse_day.cache_clear()
    _resolve_cached.cache_clear()
