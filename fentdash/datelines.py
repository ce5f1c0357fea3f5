"""Calendar dates written in an article: datelines at the top and dates in the body.

Patterns are compiled once from named fragments (``_MONTH``, ``_DAY``, ``_YEAR``,
``_WEEKDAY``). Month names must be capitalised (or all capitals, as in wire datelines) so
the verb "may" is never a month. Every pattern is bounded, so scanning is linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def _alternation(words: Sequence[str]) -> str:
    """Title-case and upper-case forms, longest first (so "June" wins over "Jun")."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return "|".join(sorted(forms, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(list(MONTHS))})\.?"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d-])"
_WEEKDAY = rf"(?P<weekday>{_alternation(list(WEEKDAYS))})\.?"
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY},?[ \t]{{1,3}})?"

# "Tuesday, September 27, 2021", "Dec. 14, 2017", "March 8 2019"
_MDY_CATCH = re.compile(rf"\b{_WEEKDAY_PREFIX}{_MONTH}[ \t]{{1,3}}{_DAY},?[ \t]{{1,3}}{_YEAR}")
# "14 December 2017", "Mon 4 November 2019"
_DMY_CATCH = re.compile(rf"\b{_WEEKDAY_PREFIX}{_DAY}[ \t]{{1,3}}{_MONTH},?[ \t]{{1,3}}{_YEAR}")
# "Mon, 07/01/2024" (US order)
_NUMERIC_CATCH = re.compile(
    rf"(?<![\d/]){_WEEKDAY_PREFIX}(?P<nmonth>1[0-2]|0?[1-9])/(?P<nday>3[01]|[12]\d|0?[1-9])/{_YEAR}"
)
# "2019-11-04"
_ISO_CATCH = re.compile(
    r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<nmonth>1[0-2]|0[1-9])-(?P<nday>3[01]|[12]\d|0[1-9])(?![\d-])"
)
# "Feb. 6", "Tuesday, July 19" with no year after it
_MD_CATCH = re.compile(rf"\b{_WEEKDAY_PREFIX}{_MONTH}[ \t]{{1,3}}{_DAY}(?![\d:]|,?[ \t]{{1,3}}(?:19|20)\d\d)")
# "July 2017", "in December 2019"
_MY_CATCH = re.compile(rf"\b{_MONTH},?[ \t]{{1,3}}{_YEAR}")
# A bare year, not part of a number, a range like 2013-2014 is two years.
_YEAR_CATCH = re.compile(r"(?<![\d$,.])(?P<year>(?:199|20[0-3])\d)(?![\d%s]|,\d|\.\d)")
# "said on Monday", "On Thursday,", "Monday's announcement" (a weekday used alone)
_WEEKDAY_CATCH = re.compile(rf"\b{_WEEKDAY}(?!,?[ \t]{{1,3}}(?:{_alternation(list(MONTHS))}|\d))")

DATE_PATTERNS: tuple[re.Pattern[str], ...] = (_MDY_CATCH, _DMY_CATCH, _NUMERIC_CATCH, _ISO_CATCH)

# Scanning for the patterns above tries them at every word start. Each match holds a token
# that a plain alternation (no leading "\b", so the regex engine skips ahead by first
# character) finds far faster: a month or weekday name, a "/", a year's first digits. The
# patterns are then tried only at the few positions a token allows (see ``_scan``).
_MONTH_TOKEN = re.compile(_alternation(list(MONTHS)))
_WEEKDAY_TOKEN = re.compile(_alternation(list(WEEKDAYS)))
_SLASH_TOKEN = re.compile("/")
_ISO_TOKEN = re.compile(r"(?:19|20)\d\d-")
_YEAR_TOKEN = re.compile(r"199|20[0-3]")
# Widest text before the token in a match: "Wednesday., " (weekday, dot, comma, 3 blanks),
# then "31st" and 3 blanks before a month in day-month order, or "12" before the "/".
_PREFIX_WIDTH = max(map(len, WEEKDAYS)) + 5
_DAY_WIDTH = 4 + 3
_NMONTH_WIDTH = 2
# pattern -> (token, widest text before the token in a match)
_TOKENS: dict[re.Pattern[str], tuple[re.Pattern[str], int]] = {
    _MDY_CATCH: (_MONTH_TOKEN, _PREFIX_WIDTH),
    _DMY_CATCH: (_MONTH_TOKEN, _PREFIX_WIDTH + _DAY_WIDTH),
    _NUMERIC_CATCH: (_SLASH_TOKEN, _PREFIX_WIDTH + _NMONTH_WIDTH),
    _ISO_CATCH: (_ISO_TOKEN, 0),
    _MD_CATCH: (_MONTH_TOKEN, _PREFIX_WIDTH),
    _MY_CATCH: (_MONTH_TOKEN, 0),
    _YEAR_CATCH: (_YEAR_TOKEN, 0),
    _WEEKDAY_CATCH: (_WEEKDAY_TOKEN, 0),
}


# These patterns open with "\b" and then a word character (a name or a day), so a match can
# start only where ``_WORD_START`` matches: ``_scan`` tries the pattern at those positions alone.
_AT_WORD_START: frozenset[re.Pattern[str]] = frozenset(
    {_MDY_CATCH, _DMY_CATCH, _MD_CATCH, _MY_CATCH, _WEEKDAY_CATCH}
)
_WORD_START = re.compile(r"\b\w")


def _tokens(token: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in token.finditer(text)]


def _scan(
    pattern: re.Pattern[str], text: str, tokens: Sequence[tuple[int, int]] | None = None
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying the pattern only near its tokens.

    Every match holds an occurrence of its token at most ``width`` characters after the
    match start, and every occurrence starts at or inside a span ``token.finditer`` finds.
    So a match can only start in ``[a - width, b - 1]`` of a token span ``(a, b)``; trying
    those positions in order, and going on after each match's end, gives finditer's matches.
    """
    token, width = _TOKENS[pattern]
    at_word_start = pattern in _AT_WORD_START
    pos = 0
    for a, b in _tokens(token, text) if tokens is None else tokens:
        s = max(pos, a - width)
        if at_word_start:
            for word in _WORD_START.finditer(text, s, b):
                at = word.start()
                if at < s:
                    continue  # inside the previous match
                m = pattern.match(text, at)
                if m is not None:
                    yield m
                    s = m.end()  # every pattern here matches at least one character
            s = max(s, b)
        while s < b:
            m = pattern.match(text, s)
            if m is None:
                s += 1
            else:
                yield m
                s = m.end()  # every pattern here matches at least one character
        pos = max(pos, s)


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A date as written: ``year`` is None when the text leaves it out ("Feb. 6")."""

    text: str
    start: int
    end: int
    month: int
    day: int | None
    year: int | None = None
    weekday: int | None = None

    def on(self, year: int) -> date | None:
        """The date in ``year`` (None for Feb 29 in a common year or a month-only date)."""
        if self.day is None:
            return None
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None

    @property
    def full(self) -> date | None:
        return self.on(self.year) if self.year is not None else None


def _from_match(m: re.Match[str], offset: int = 0) -> CalendarDate | None:
    groups = m.groupdict()
    month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["nmonth"])
    raw_day = groups.get("day") or groups.get("nday")
    year = int(groups["year"]) if groups.get("year") else None
    weekday = WEEKDAYS[groups["weekday"].lower()] if groups.get("weekday") else None
    found = CalendarDate(
        m.group(0),
        m.start() + offset,
        m.end() + offset,
        month,
        int(raw_day) if raw_day else None,
        year,
        weekday,
    )
    if found.day is not None and found.on(year if year is not None else 2000) is None:
        return None  # "February 30"
    return found


def find_dates(text: str) -> list[CalendarDate]:
    """Dates with day and year, then day without year, in text order, never overlapping."""
    found: list[CalendarDate] = []
    taken = bytearray(len(text))  # 1 where an earlier (more complete) pattern matched
    months = _tokens(_MONTH_TOKEN, text)
    for pattern in (*DATE_PATTERNS, _MD_CATCH):
        for m in _scan(pattern, text, months if _TOKENS[pattern][0] is _MONTH_TOKEN else None):
            if any(taken[m.start() : m.end()]):
                continue
            item = _from_match(m)
            if item is not None:
                found.append(item)
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return sorted(found, key=lambda d: d.start)


def find_month_years(text: str) -> list[CalendarDate]:
    """ "July 2017": month precision (``day`` None)."""
    out = []
    for m in _scan(_MY_CATCH, text):
        out.append(
            CalendarDate(
                m.group(0), m.start(), m.end(), MONTHS[m.group("month").lower()], None, int(m.group("year"))
            )
        )
    return out


def find_years(text: str) -> Iterator[tuple[int, int, int]]:
    """(year, start, end) for every year-like number."""
    for m in _scan(_YEAR_CATCH, text):
        yield int(m.group("year")), m.start(), m.end()


# "Cyber Monday", "Black Friday", "next Tuesday": not the day something was said.
_WEEKDAY_NOT_NEWS = re.compile(
    r"(?:\b(?:next|coming|every|each|following)|\b(?:Cyber|Black|Good|Super|Ash|Easter|Palm|Holy|Giving|Small\s?Business))\s$",
    re.IGNORECASE,
)


def find_weekdays(text: str) -> Iterator[tuple[int, int, int]]:
    """(weekday 0=Monday, start, end) for weekdays used alone ("said on Monday")."""
    for m in _scan(_WEEKDAY_CATCH, text):
        name = m.group("weekday")
        # Short forms alone ("Sun", "Sat", "Wed") are too often words or names.
        if len(name) < 6 or _WEEKDAY_NOT_NEWS.search(text, max(0, m.start() - 20), m.start()):
            continue
        yield WEEKDAYS[name.lower()], m.start(), m.start() + len(name)


# ---------------------------------------------------------------- datelines

# Only the top of the article can carry its dateline.
DATELINE_REGION = 1500
DATELINE_LINES = 12

_LABEL = (
    r"(?i:Release[ \t]Date|Released(?:[ \t]on)?|Date[ \t]of[ \t]release|(?:(?:Originally|First)[ \t])?Published(?:[ \t]on)?|"
    r"Posted(?:[ \t]on)?|Date|Issued(?:[ \t]on)?|For[ \t]Release)"
)
# "5:02 PM EST" before or after a date on a dateline.
_TIME = r"\d{1,2}[:.]\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?:[ \t][A-Z]{2,4})?"
_UPDATE_LABEL = r"(?i:(?:Last|Page[ \t]last)[ \t](?:updated|reviewed|modified)|Updated(?:[ \t]on)?|Modified)"
# What may stand before a dateline's date on its line, each kind in its own group.
_DATELINE_PREFIX = re.compile(
    rf"(?:(?P<label>{_LABEL})[ \t]*:?[ \t]*(?:{_TIME}[ \t]*,?[ \t]*)?"
    rf"|(?P<update>{_UPDATE_LABEL})[ \t]*:?[ \t]*(?:{_TIME}[ \t]*,?[ \t]*)?"
    r"|(?P<byline>By[ \t][A-Z][^\n|]{1,60}?[ \t]*[|\u2022\u00b7-][ \t]*)"
    rf"|(?P<place>(?!(?:{_alternation(list(WEEKDAYS))})\b)[A-Z][A-Za-z.'\-]{{1,25}}(?:[ \t][A-Za-z.'\-]{{1,25}}){{0,3}}"
    r"(?:,[ \t][A-Z][A-Za-z.]{1,15}(?:[ \t][A-Z][A-Za-z.]{1,15})?)?"
    r"(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]+[-\u2013\u2014][ \t]+))"
    r")",
)
# After the date: a closing bracket, an agency tag, then a dash, bar or colon, or the line end.
_STRONG_SUFFIX = re.compile(
    rf"[ \t]*\)?[ \t]*(?:\([A-Za-z .&]{{1,30}}\)[ \t]*)?(?:,?[ \t]*(?:at[ \t])?{_TIME}[ \t]*)?"
    r"(?:[-\u2013\u2014|:/\u2022]|$)",
    re.MULTILINE,
)
# After a labelled date ("Posted on June 3, 2020 by ..."), anything may follow a comma or a word.
_WEAK_SUFFIX = re.compile(r"[ \t]*(?:,|\b(?:by|at|in)\b|\|)", re.IGNORECASE)
_IMMEDIATE_RELEASE = re.compile(
    r"^[ \t]*FOR[ \t]+IMMEDIATE[ \t]+RELEASE[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The publication date printed at the top: complete, or month/day only (wire style).

    ``kind`` says what introduced it: label ("Release Date:"), update ("Last updated:"),
    byline, place ("WASHINGTON,") or none (the line starts with the date).
    """

    date: CalendarDate
    kind: str


def _line_starts(text: str, begin: int = 0) -> Iterator[int]:
    """Offsets of the first non-empty lines from ``begin``, within the top region."""
    pos, seen = begin, 0
    limit = min(len(text), begin + DATELINE_REGION)
    while pos < limit and seen < DATELINE_LINES:
        nxt = text.find("\n", pos)
        nxt = limit if nxt < 0 else nxt
        if text[pos:nxt].strip():
            seen += 1
            yield pos
        pos = nxt + 1


_DIGIT = re.compile("[0-9]")


def _date_at_line(text: str, start: int) -> Dateline | None:
    line_end = text.find("\n", start)
    line = text[start : line_end if line_end >= 0 else len(text)][:200]
    if not _DIGIT.search(line):
        return None  # every date pattern needs a digit: most lines at the top have none
    if not (_MONTH_TOKEN.search(line) or "/" in line or _ISO_TOKEN.search(line)):
        return None  # nor can one match without its token (see _TOKENS)
    prefix = _DATELINE_PREFIX.match(line)
    prefix_kind = next((k for k, v in prefix.groupdict().items() if v), "none") if prefix else "none"
    # A line may start with the date itself ("Tuesday, September 27, 2021"): try that first.
    for pattern, at in [(p, 0) for p in (*DATE_PATTERNS, _MD_CATCH)] + [
        (p, prefix.end()) for p in (*DATE_PATTERNS, _MD_CATCH) if prefix
    ]:
        m = pattern.match(line, at)
        if m is None:
            continue
        kind = prefix_kind if at else "none"
        strong = _STRONG_SUFFIX.match(line, m.end())
        if not strong and not (kind in ("label", "update", "byline") and _WEAK_SUFFIX.match(line, m.end())):
            continue
        # A year-less date counts only when a dateline form introduces it ("WASHINGTON, Dec 14 -").
        if m.groupdict().get("year") is None and kind == "none":
            continue
        item = _from_match(m, offset=start)
        if item is not None:
            return Dateline(item, kind)
    return None


# Several fields on one line: "Updated Dec. 15, 2017 | Originally published Dec. 14, 2017".
_FIELD_BREAK = re.compile(r"[ \t]*[|\u2022\u00b7][ \t]*")


def _segment_starts(text: str, start: int) -> Iterator[int]:
    yield start
    line_end = text.find("\n", start)
    for m in _FIELD_BREAK.finditer(text, start, min(line_end if line_end >= 0 else len(text), start + 200)):
        yield m.end()


def find_dateline(text: str) -> Dateline | None:
    """The first dated line among the first lines of the article (see module doc)."""
    for start in _line_starts(text):
        for segment in _segment_starts(text, start):
            found = _date_at_line(text, segment)
            if found is not None and found.kind != "update":
                return found
    # "FOR IMMEDIATE RELEASE" followed, further down, by the date on its own line.
    m = _IMMEDIATE_RELEASE.search(text, 0, DATELINE_REGION)
    if m:
        for start in _line_starts(text, m.end()):
            found = _date_at_line(text, start)
            if found is not None and found.kind != "update":
                return found
    return None


# Every "update" label holds one of these words (see _UPDATE_LABEL), matched ignoring case.
_UPDATE_WORDS = ("updated", "reviewed", "modified")
# Letters that match an ASCII one ignoring case but do not lower-case to it.
_ODD_CASE = ("\u0130", "\u0131", "\u017f")


def _may_hold_update_label(text: str) -> bool:
    """Can a line at the top start with an "update" label? (A label starts its line, and
    lines are read from the top region and at most 200 characters on, see _date_at_line.)"""
    head = text[: DATELINE_REGION + 200]
    if any(c in head for c in _ODD_CASE):
        return True  # "Modıfied" may match: let the patterns decide
    head = head.lower()
    return any(w in head for w in _UPDATE_WORDS)


def find_update_line(text: str) -> Dateline | None:
    """A "Last updated: ..." line near the top: the article is no later than it."""
    if not _may_hold_update_label(text):
        return None  # most pages have none: no need to read their top lines again
    for start in _line_starts(text):
        found = _date_at_line(text, start)
        if found is not None and found.kind == "update":
            return found
    return None


# ---------------------------------------------------------------- dates in URLs

# "/2022/11/16/", "/2019-11-04-", "/2018/01/": news and agency sites file pages by date.
_URL_DAY = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<nmonth>1[0-2]|0[1-9])[/-](?P<nday>3[01]|[12]\d|0[1-9])(?=[-/_.]|$)"
)
_URL_MONTH = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<nmonth>1[0-2]|0[1-9])(?=/)")


def find_url_date(url: str | None) -> CalendarDate | None:
    """The filing date in a page URL (``day`` None when only year and month are there)."""
    if not url:
        return None
    m = _URL_DAY.search(url)
    if m:
        return _from_match(m)
    m = _URL_MONTH.search(url)
    if m:
        return CalendarDate(
            m.group(0), m.start(), m.end(), int(m.group("nmonth")), None, int(m.group("year"))
        )
    return None
