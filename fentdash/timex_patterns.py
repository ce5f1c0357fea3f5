"""Regex fragments and lexicons for time expressions, compiled once (used by ``timex``).

Fragments are plain strings with role names (``_MONTH``, ``_YEAR`` ...) combined into the
``*_PATTERN`` regexes below. Month and weekday names are matched case-sensitively
(capitalised) so the verb "may" or "march" never becomes a month; the surrounding function
words are matched case-insensitively with scoped ``(?i:...)`` groups. Spaces inside an
expression are spaces, tabs or no-break spaces, never newlines: no expression spans two lines. Every
repetition is bounded and no quantifier is nested, so matching is linear in the input.
"""

from __future__ import annotations

import re
from typing import Final

# ----------------------------------------------------------------------------- lexicons

MONTHS: Final[dict[str, int]] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
    "forty": 40,
    "fifty": 50,
}
ORDINALS: Final[dict[str, int]] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
    "latter": 2,
}
SEASONS: Final[dict[str, tuple[int, int]]] = {
    # (first month, last month); winter is taken as the start of the named year.
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (1, 2),
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "middle": (5, 8),
    "beginning": (1, 3),
    "start": (1, 3),
    "end": (10, 12),
}
# Words after a bare year that show the number is a count, not a year ("2016 pounds").
YEAR_BLOCK_AFTER: Final[frozenset[str]] = frozenset(
    {
        "pounds",
        "lbs",
        "kilograms",
        "kilos",
        "kg",
        "grams",
        "g",
        "mg",
        "milligrams",
        "micrograms",
        "deaths",
        "people",
        "persons",
        "pills",
        "tablets",
        "doses",
        "overdoses",
        "cases",
        "americans",
        "times",
        "percent",
        "dollars",
        "officers",
        "agents",
        "units",
        "packages",
        "residents",
        "patients",
        "users",
        "children",
        "adults",
        "individuals",
        "victims",
        "arrests",
        "seizures",
        "hours",
        "miles",
        "feet",
        "meters",
        "tons",
        "counterfeit",
        "fentanyl",
    }
)
# Words before a bare year that show an identifier ("Title 21", "Section 2016", "No. 2019").
YEAR_BLOCK_BEFORE: Final[frozenset[str]] = frozenset(
    {
        "title",
        "section",
        "sec",
        "§",
        "no",
        "number",
        "case",
        "code",
        "route",
        "highway",
        "interstate",
        "suite",
        "room",
        "flight",
        "page",
        "pp",
        "ext",
        "model",
        "docket",
        "rule",
        "bill",
        "h.r",
        "s",
        "act",
        "u.s.c",
        "usc",
        "c.f.r",
        "cfr",
        "form",
        "item",
        "exhibit",
        "box",
        "apt",
        "unit",
        "pub",
        "law",
    }
)
# Prepositions that make a following number a year even before a count noun ("In 2016 deaths rose").
TEMPORAL_PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {
        "in",
        "since",
        "during",
        "by",
        "until",
        "through",
        "throughout",
        "from",
        "between",
        "of",
        "for",
    }
)
# Words before a weekday that make it a name, not a day ("Cyber Monday").
WEEKDAY_BLOCK_BEFORE: Final[frozenset[str]] = frozenset(
    {
        "cyber",
        "black",
        "super",
        "good",
        "ash",
        "fat",
        "holy",
        "easter",
        "blue",
        "giving",
    }
)

# ----------------------------------------------------------------------------- fragments

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.|t|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    r"(?![A-Za-z])"
)
# Full names only where a month stands alone ("in March"): "Jan" or "Mar" alone may be names.
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?![A-Za-z])"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![A-Za-z])"
_YEAR = r"(?:19[5-9]\d|20[0-2]\d|203[0-5])(?![\d])"
# A standalone year: not glued to other digits, money, IDs, decimals or percentages.
_YEAR_FREE_LEAD = r"(?<![\d,.$£€#/:-])"
_YEAR_DIGITS = r"(?:19[5-9]\d|20[0-2]\d|203[0-5])"
_YEAR_FREE = _YEAR_FREE_LEAD + _YEAR_DIGITS + r"(?!\d|[.,]\d|[ \t\u00a0]?%|[-–/]\d)"
_NUM = (
    r"(?:\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|eighteen|twenty(?:-four)?|thirty(?:-six)?|forty|fifty))"
)
_UNIT = r"(?i:days?|weeks?|months?|years?|decades?)"
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY},?[ \t\u00a0]{{1,3}})?"
_MDY_ANCHOR = rf"(?P<month>{_MONTH})[ \t\u00a0]{{1,3}}(?P<day>{_DAY}),?[ \t\u00a0]{{1,3}}(?P<year>{_YEAR})"
_MDY = rf"{_WEEKDAY_PREFIX}{_MDY_ANCHOR}"
_DMY_LEAD = (
    rf"{_WEEKDAY_PREFIX}(?:(?i:the)[ \t\u00a0])?(?P<day>{_DAY})[ \t\u00a0]{{1,3}}(?:(?i:of)[ \t\u00a0])?"
)
_DMY_ANCHOR = rf"(?P<month>{_MONTH}),?[ \t\u00a0]{{1,3}}(?P<year>{_YEAR})"
_DMY = _DMY_LEAD + _DMY_ANCHOR
_THIS_LAST_NEXT_YEAR = r"(?P<rel>(?i:this|last|next|the[ \t\u00a0]+current|the[ \t\u00a0]+past))[ \t\u00a0]+(?i:year)(?![A-Za-z])"
_END = r"(?![A-Za-z])"
# First-character lookaheads: each states only what every match of its pattern starts with,
# so matches are unchanged, but the scan rejects most positions at once (2-5x faster on
# patterns that open with an optional word). Case-insensitive classes keep the Unicode case
# variants (ſ, ı, İ) that the (?i:...) words they stand for also accept; \d as in _NUM.
_STARTS_MDY = r"(?=[MTWFSJAOND])"  # a weekday or a month
_STARTS_DMY = r"(?=[MTWFS0-9]|(?i:t))"  # a weekday, "the" or a day
_STARTS_MONTH_DAY = r"(?=[MTWFSJAOND0-9])"  # a weekday, a month or a day
_STARTS_SEASON = r"(?=(?i:[tsfawemlb]))"  # "the" or a season word
_STARTS_YEAR_RANGE = r"(?=[12]|(?i:[fb]))"  # a year, "from" or "between"
_STARTS_ROLLING = r"(?=\d|(?i:[taofseny]))"  # "the", a number, "fiscal" or "year"
_STARTS_MONTH_NAME = r"(?=(?i:[sielntbudm]))"  # a trigger word
_STARTS_YEAR = r"(?=[12])"

# ----------------------------------------------------------------------------- patterns
# Absolute
ISO_PATTERN = re.compile(
    rf"(?<![\d-])(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])"
)
NUMERIC_PATTERN = re.compile(
    rf"(?<![\d/.])(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>{_YEAR})(?![\d/])"
)
MDY_PATTERN = re.compile(_STARTS_MDY + _MDY)
DMY_PATTERN = re.compile(_STARTS_DMY + _DMY)
MONTH_YEAR_PATTERN = re.compile(
    rf"(?P<month>{_MONTH}),?[ \t\u00a0]{{1,3}}(?:(?i:of)[ \t\u00a0]{{1,3}})?(?P<year>{_YEAR})"
)
QUARTER_PATTERN = re.compile(
    rf"(?:(?i:the)[ \t\u00a0]{{1,3}})?(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[ \t\u00a0]{{1,3}}"
    rf"(?i:quarter)[ \t\u00a0]{{1,3}}(?:(?i:of)[ \t\u00a0]{{1,3}})?(?P<year>{_YEAR})"
    rf"|\b(?P<q>Q[1-4])[ \t\u00a0]?(?:(?i:of)[ \t\u00a0])?(?P<qyear>{_YEAR})|(?<!\d)(?P<yq>{_YEAR})[ \t\u00a0]?(?P<q2>Q[1-4])\b"
)
QUARTER_REL_PATTERN = re.compile(
    rf"(?:(?i:the)[ \t\u00a0]{{1,3}})?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[ \t\u00a0]{{1,3}}"
    rf"(?i:quarter)[ \t\u00a0]{{1,3}}(?i:of)[ \t\u00a0]{{1,3}}{_THIS_LAST_NEXT_YEAR}"
)
_PART_LEAD = (
    rf"(?:(?i:the)[ \t\u00a0]{{1,3}})?(?P<which>(?i:first|last|final|second|latter))[ \t\u00a0]{{1,3}}"
    rf"(?:(?P<n>{_NUM})[ \t\u00a0]{{1,3}}(?i:months)|(?P<half>(?i:half)))[ \t\u00a0]{{1,3}}(?i:of)[ \t\u00a0]{{1,3}}"
)
_PART_ANCHOR = rf"(?P<year>{_YEAR})"
PART_PATTERN = re.compile(_PART_LEAD + _PART_ANCHOR)
PART_REL_PATTERN = re.compile(
    rf"(?:(?i:the)[ \t\u00a0]{{1,3}})?(?P<which>(?i:first|last|final|second|latter))[ \t\u00a0]{{1,3}}"
    rf"(?:(?P<n>{_NUM})[ \t\u00a0]{{1,3}}(?i:months)|(?P<half>(?i:half)))[ \t\u00a0]{{1,3}}(?i:of)[ \t\u00a0]{{1,3}}"
    rf"(?:{_THIS_LAST_NEXT_YEAR}|(?P<theyear>(?i:the[ \t\u00a0]+year)){_END})"
)
_SEASON_LEAD = (
    rf"{_STARTS_SEASON}(?:(?i:the)[ \t\u00a0]{{1,3}})?(?P<season>(?i:spring|summer|fall|autumn|winter|early|mid|middle|late|"
    rf"beginning|start|end))(?:-|[ \t\u00a0]{{1,3}}(?:(?i:of)[ \t\u00a0]{{1,3}})?)"
)
_SEASON_ANCHOR = rf"(?P<year>{_YEAR})"
SEASON_YEAR_PATTERN = re.compile(_SEASON_LEAD + _SEASON_ANCHOR)
FISCAL_PATTERN = re.compile(
    rf"(?i:fiscal)[ \t\u00a0]{{1,3}}(?:(?i:years?)[ \t\u00a0]{{1,3}})?(?P<year>{_YEAR})"
    rf"|\bFY[ \t\u00a0]?['’]?(?P<fy>{_YEAR}|\d\d(?!\d|[.,]\d|%))"
)
FISCAL_REL_PATTERN = re.compile(
    r"\b(?P<rel>(?i:this|last|next|the[ \t]+current|the[ \t]+previous|the[ \t]+past|the[ \t]+prior))[ \t]{1,3}"
    r"(?i:fiscal)[ \t]{1,3}(?i:year)(?P<todate>[ \t]{1,3}(?i:to[ \t]+date|so[ \t]+far))?(?![A-Za-z])"
    r"|\b(?i:so[ \t]+far[ \t]+this)[ \t]{1,3}(?P<sofar>(?i:fiscal))[ \t]{1,3}(?i:year)(?![A-Za-z])"
    r"|\b(?P<ytd>(?i:fiscal[ \t]+year[- \t]to[- \t]date))\b"
)
DECADE_PATTERN = re.compile(
    r"(?:(?i:the)[ \t\u00a0]{1,3})?(?:(?P<part>(?i:early|mid|late))[- \t]{1,2})?"
    r"(?:(?P<decade>19[5-9]0|20[0-3]0)|['’](?P<short>[5-90-3]0))['’]?s(?![A-Za-z])"
)
YEAR_RANGE_PATTERN = re.compile(
    rf"{_STARTS_YEAR_RANGE}(?:(?i:from|between)[ \t\u00a0]{{1,3}})?(?<![\d,.$#/-])(?P<y1>{_YEAR})[ \t\u00a0]?[-–—/][ \t\u00a0]?(?P<y2>{_YEAR}|\d\d(?!\d))(?![\d%-])"
)
_MONTH_RANGE_LEAD = r"(?:(?i:from|between)[ \t\u00a0]{1,3})?"
_MONTH_RANGE_ANCHOR = (
    rf"(?P<m1>{_MONTH})[ \t\u00a0]{{0,3}}(?:[-–—]|[ \t\u00a0](?i:to|through|thru|and|until)[ \t\u00a0])[ \t\u00a0]{{0,3}}"
    rf"(?P<m2>{_MONTH})"
)
MONTH_RANGE_PATTERN = re.compile(
    _MONTH_RANGE_LEAD + _MONTH_RANGE_ANCHOR + rf",?[ \t\u00a0]{{1,3}}(?P<year>{_YEAR})"
)
# "from January through the end of June", "between March and May": months of the latest such span.
MONTH_RANGE_REL_PATTERN = re.compile(
    rf"(?i:from|between)[ \t\u00a0]{{1,3}}(?P<m1>{_MONTH_FULL})[ \t\u00a0]{{0,3}}(?:[-–—]|[ \t\u00a0](?i:to|through|thru|and|until)[ \t\u00a0])"
    rf"[ \t\u00a0]{{0,3}}(?:(?i:the[ \t\u00a0]+end[ \t\u00a0]+of)[ \t\u00a0]{{1,3}})?(?P<m2>{_MONTH_FULL})(?![ \t\u00a0]{{0,3}}\d|,?[ \t\u00a0]{{1,3}}{_YEAR})"
)
_ROLLING_LEAD = (
    rf"{_STARTS_ROLLING}(?:(?i:the)[ \t\u00a0]{{1,3}})?(?:(?P<n>{_NUM}|(?i:twelve))[- \t](?i:months?)|(?:(?i:fiscal)[ \t\u00a0]{{1,3}})?(?i:year))(?:[- \t](?i:long))?"
    rf"(?:[ \t\u00a0]{{1,3}}(?i:period))?(?:[ \t\u00a0]{{1,3}}(?i:that|which))?"
)
_ROLLING_ANCHOR = (
    rf"[ \t\u00a0]{{1,3}}(?i:ending|ended|ends|through|to)[ \t\u00a0]{{1,3}}"
    rf"(?:(?i:in|on)[ \t\u00a0]{{1,3}})?(?:(?i:the[ \t\u00a0]+end[ \t\u00a0]+of)[ \t\u00a0]{{1,3}})?"
    rf"(?P<month>{_MONTH})"
)
_ROLLING_HEAD = _ROLLING_LEAD + _ROLLING_ANCHOR + rf"(?:[ \t\u00a0]{{1,3}}(?P<day>{_DAY}))?"
ROLLING_PATTERN = re.compile(rf"{_ROLLING_HEAD},?[ \t\u00a0]{{1,3}}(?P<year>{_YEAR})")
# "the 12 months ending in June": the end month is the latest June before the article.
ROLLING_REL_PATTERN = re.compile(rf"{_ROLLING_HEAD}(?!,?[ \t\u00a0]{{1,3}}{_YEAR})")
YEAR_PATTERN = re.compile(_STARTS_YEAR + _YEAR_FREE)

# Relative to the article date
MONTH_DAY_PATTERN = re.compile(
    rf"{_STARTS_MONTH_DAY}{_WEEKDAY_PREFIX}(?:(?P<month>{_MONTH})[ \t\u00a0]{{1,3}}(?P<day>{_DAY})|(?P<day2>{_DAY})[ \t\u00a0]{{1,3}}(?:(?i:of)[ \t\u00a0])?(?P<month2>{_MONTH}))"
    r"(?![ \t\u00a0]?[%\d]|,?[ \t\u00a0]{1,3}\d)"
)
_MONTH_NAME_LEAD = (
    rf"{_STARTS_MONTH_NAME}\b(?P<trigger>(?i:since[ \t\u00a0]+early|since[ \t\u00a0]+late|since[ \t\u00a0]+mid-?|in[ \t\u00a0]+early|in[ \t\u00a0]+late|in[ \t\u00a0]+mid-?|earlier[ \t\u00a0]+in|later[ \t\u00a0]+in|in|last|this|next|since|"
    rf"until|by|during|through|early|late|mid-))[ \t\u00a0]{{0,3}}"
)
_MONTH_NAME_ANCHOR = rf"(?P<month>{_MONTH_FULL})"
MONTH_NAME_PATTERN = re.compile(_MONTH_NAME_LEAD + _MONTH_NAME_ANCHOR + r"(?![ \t\u00a0]{0,3}\d|-)")
_WEEKDAY_LEAD = r"(?:(?P<trigger>(?i:on|last|this[ \t\u00a0]+past|this|next))[ \t\u00a0]{1,3})?"
_WEEKDAY_ANCHOR = rf"(?P<weekday>{_WEEKDAY})"
WEEKDAY_PATTERN = re.compile(_WEEKDAY_LEAD + _WEEKDAY_ANCHOR + rf"(?!,?[ \t\u00a0]{{1,3}}(?:{_MONTH}|\d))")
UNIT_REL_PATTERN = re.compile(
    rf"\b(?P<rel>(?i:last|this|next))[ \t\u00a0]{{1,3}}(?P<unit>(?i:year|month|week)){_END}"
)
DAY_WORD_PATTERN = re.compile(r"\b(?P<word>(?i:today|yesterday|tomorrow|tonight))\b")
TO_DATE_PATTERN = re.compile(
    rf"\b(?P<phrase>(?i:so[ \t\u00a0]+far[ \t\u00a0]+this|so[ \t\u00a0]+far[ \t\u00a0]+in|earlier[ \t\u00a0]+this|earlier[ \t\u00a0]+in[ \t\u00a0]+the|later[ \t\u00a0]+this))[ \t\u00a0]{{1,3}}"
    rf"(?P<unit>(?i:year|month|week)){_END}"
    rf"|\b(?i:this)[ \t\u00a0]{{1,3}}(?P<unit2>(?i:year|month|week))[ \t\u00a0]{{1,3}}(?i:so[ \t\u00a0]+far|to[ \t\u00a0]+date){_END}"
    rf"|\b(?P<ytd>(?i:year[- \t]to[- \t]date))\b"
)
# "so far in 2023", "2023 thus far": from Jan. 1 of that year to the article date.
YEAR_SO_FAR_PATTERN = re.compile(
    rf"\b(?i:so|thus)[ \t\u00a0]{{1,3}}(?i:far)[ \t\u00a0]{{1,3}}(?i:in|during)[ \t\u00a0]{{1,3}}"
    rf"(?P<fiscal>(?i:fiscal)[ \t\u00a0]{{1,3}}(?i:year)[ \t\u00a0]{{1,3}}|FY[ \t\u00a0]?)?(?P<year>{_YEAR})"
    rf"|(?<![\d,.$])(?P<year2>{_YEAR})[ \t\u00a0]{{1,3}}(?i:so|thus)[ \t\u00a0]{{1,3}}(?i:far){_END}"
)
# "since the start of the year", "since the beginning of this month", "since the first of the
# year", "since the start of the fiscal year": from that start to the article date.
SINCE_START_PATTERN = re.compile(
    r"\b(?i:since)[ \t\u00a0]{1,3}(?i:the)[ \t\u00a0]{1,3}(?i:start|beginning|first|outset|turn)[ \t\u00a0]{1,3}"
    r"(?i:of)[ \t\u00a0]{1,3}(?P<rel>(?i:the|this|last|the[ \t\u00a0]+current|the[ \t\u00a0]+past|the[ \t\u00a0]+previous))"
    r"[ \t\u00a0]{1,3}(?P<fiscal>(?i:fiscal)[ \t\u00a0]{1,3})?(?P<unit>(?i:year|month|week))(?![A-Za-z])"
)
# "through the end of June [2023]": the year up to the end of that month (a cumulative count).
_THROUGH_END_LEAD = (
    r"\b(?i:through|thru|until|till|by|as[ \t\u00a0]+of)[ \t\u00a0]{1,3}(?i:the)[ \t\u00a0]{1,3}(?i:end)"
    r"[ \t\u00a0]{1,3}(?i:of)[ \t\u00a0]{1,3}"
)
_THROUGH_END_ANCHOR = rf"(?P<month>{_MONTH_FULL}|{_MONTH}(?<=\.))"
_THROUGH_END = _THROUGH_END_LEAD + _THROUGH_END_ANCHOR
THROUGH_END_PATTERN = re.compile(rf"{_THROUGH_END},?[ \t\u00a0]{{1,3}}(?P<year>{_YEAR})")
THROUGH_END_REL_PATTERN = re.compile(rf"{_THROUGH_END}(?![ \t\u00a0]{{0,3}}\d|,?[ \t\u00a0]{{1,3}}{_YEAR})")
_COUNT_LEAD = rf"\b(?P<n>{_NUM})[ \t\u00a0]{{1,3}}"
_AGO_ANCHOR = rf"(?P<unit>{_UNIT})[ \t\u00a0]{{1,3}}(?i:ago){_END}"
AGO_PATTERN = re.compile(_COUNT_LEAD + _AGO_ANCHOR)
_PAST_LEAD = r"(?:\b(?i:in|over|during|within|for|throughout)[ \t\u00a0]{1,3})?"
_PAST_ANCHOR = r"(?:(?i:the|this)[ \t\u00a0]{1,3})(?i:past|last)[ \t\u00a0]{1,3}"
PAST_PATTERN = re.compile(
    _PAST_LEAD
    + _PAST_ANCHOR
    + rf"(?:(?P<n>{_NUM}|(?i:several|few))[ \t\u00a0]{{1,3}})?(?P<unit>{_UNIT}){_END}"
)
SINGLE_YEAR_PATTERN = re.compile(
    r"\b(?i:in)[ \t\u00a0]{1,3}(?i:a[ \t\u00a0]+single|one|just[ \t\u00a0]+one|a[ \t\u00a0]+single[ \t\u00a0]+calendar)[ \t\u00a0]{1,3}(?i:year)(?![A-Za-z-])"
)

# Anaphoric: relative to the period named just before
_SHIFT_ANCHOR = rf"(?P<unit>{_UNIT})[ \t\u00a0]{{1,3}}(?P<dir>(?i:earlier|previously|before|prior|later|after|afterwards?)){_END}"
SHIFT_PATTERN = re.compile(_COUNT_LEAD + _SHIFT_ANCHOR)
PREVIOUS_PATTERN = re.compile(
    rf"\b(?i:the)[ \t\u00a0]{{1,3}}(?P<dir>(?i:previous|prior|preceding|following|next))[ \t\u00a0]{{1,3}}(?P<unit>(?i:year|month|quarter|week|day)){_END}"
    rf"|\b(?i:the)[ \t\u00a0]{{1,3}}(?P<unit2>(?i:year|month|week|day))[ \t\u00a0]{{1,3}}(?P<dir2>(?i:before|prior|earlier|after|later)){_END}"
)
SAME_PATTERN = re.compile(
    rf"\b(?:(?i:that)|(?i:the[ \t\u00a0]+same))[ \t\u00a0]{{1,3}}(?P<unit>(?i:year|month|quarter|period|time[ \t\u00a0]+period|time[ \t\u00a0]+frame)){_END}"
)
# "the same period of fiscal year 2022": the period just named, moved to the named year.
SAME_IN_YEAR_PATTERN = re.compile(
    rf"\b(?i:the[ \t\u00a0]+same)[ \t\u00a0]{{1,3}}(?i:period|time[ \t\u00a0]+period|time[ \t\u00a0]+frame|months?|quarter|weeks?)"
    rf"[ \t\u00a0]{{1,3}}(?i:of|in|during)[ \t\u00a0]{{1,3}}"
    rf"(?P<fiscal>(?i:fiscal)[ \t\u00a0]{{1,3}}(?i:year)[ \t\u00a0]{{1,3}}|FY[ \t\u00a0]?)?(?P<year>{_YEAR})"
)
# "the same period the year before": the period just named, a year back.
SAME_YEAR_BEFORE_PATTERN = re.compile(
    rf"\b(?i:the[ \t\u00a0]+same)[ \t\u00a0]{{1,3}}(?P<unit>(?i:period|time[ \t\u00a0]+period|time[ \t\u00a0]+frame|months?|quarter|week|day))[ \t\u00a0]{{1,3}}"
    rf"(?:(?i:(?:a|one)[ \t\u00a0]+year[ \t\u00a0]+(?:earlier|before|ago|prior))|(?i:the[ \t\u00a0]+(?:previous|prior|preceding)[ \t\u00a0]+year)|"
    rf"(?i:the[ \t\u00a0]+year[ \t\u00a0]+before)|(?i:(?:of[ \t\u00a0]+|in[ \t\u00a0]+)?last[ \t\u00a0]+year)){_END}"
)

# ----------------------------------------------------------------------------- anchors
# For some patterns, ``(lead, anchor)``: the pattern's source starts with ``lead + anchor``,
# so every match holds an ``anchor`` match no further in than the longest ``lead``. Most
# anchors open with a capitalised name or a digit, which the regex engine skips to at once,
# so ``timex`` looks for the anchor first and starts the pattern only just before it.
ANCHORS: Final[dict[re.Pattern[str], tuple[str, str]]] = {
    YEAR_PATTERN: (_STARTS_YEAR + _YEAR_FREE_LEAD, _YEAR_DIGITS),
    MDY_PATTERN: (_STARTS_MDY + _WEEKDAY_PREFIX, _MDY_ANCHOR),
    DMY_PATTERN: (_STARTS_DMY + _DMY_LEAD, _DMY_ANCHOR),
    PART_PATTERN: (_PART_LEAD, _PART_ANCHOR),
    SEASON_YEAR_PATTERN: (_SEASON_LEAD, _SEASON_ANCHOR),
    MONTH_RANGE_PATTERN: (_MONTH_RANGE_LEAD, _MONTH_RANGE_ANCHOR),
    ROLLING_PATTERN: (_ROLLING_LEAD, _ROLLING_ANCHOR),
    ROLLING_REL_PATTERN: (_ROLLING_LEAD, _ROLLING_ANCHOR),
    MONTH_NAME_PATTERN: (_MONTH_NAME_LEAD, _MONTH_NAME_ANCHOR),
    WEEKDAY_PATTERN: (_WEEKDAY_LEAD, _WEEKDAY_ANCHOR),
    AGO_PATTERN: (_COUNT_LEAD, _AGO_ANCHOR),
    PAST_PATTERN: (_PAST_LEAD, _PAST_ANCHOR),
    SHIFT_PATTERN: (_COUNT_LEAD, _SHIFT_ANCHOR),
    THROUGH_END_PATTERN: (_THROUGH_END_LEAD, _THROUGH_END_ANCHOR),
    THROUGH_END_REL_PATTERN: (_THROUGH_END_LEAD, _THROUGH_END_ANCHOR),
}

# ----------------------------------------------------------------------------- gates
DIGIT_GATE = re.compile(r"\d")
MONTH_GATE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")

# ----------------------------------------------------------------------------- composites
RANGE_GAP_PATTERN = re.compile(
    r"[ \t\u00a0]{0,3}(?:[-–—]|(?i:to|through|thru|until|till|and))[ \t\u00a0]{0,3}"
)
RANGE_PREFIX_PATTERN = re.compile(r"(?i:\b(?P<prefix>from|between))[ \t\u00a0]{1,3}$")
SINCE_PREFIX_PATTERN = re.compile(r"(?i:\bsince)[ \t\u00a0]{1,3}$")
WORD_BEFORE_PATTERN = re.compile(r"([\w.§]+)\W{0,3}$")
WORD_AFTER_PATTERN = re.compile(r"^[ \t\u00a0]{0,3}([A-Za-z]+)")
# "two years before the pandemic" is relative to that noun phrase, not to the last period.
CLAUSE_END_PATTERN = re.compile(r"^[ \t\u00a0]{0,3}(?:[.,;:)!?\n\"”]|$|(?i:that|when|and|but)\b)")
