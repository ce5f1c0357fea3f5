"""Article dating: metadata, then a dateline, then inference from content.

``date_document`` is a cascade of flat stages, cheapest and most reliable first
(htmldate's ``find_date`` shape). Inference turns every clue into a :class:`Constraint`
(a union of closed day intervals with its evidence and a strength), intersects them from
the strongest down, drops any clue that would empty the window (keeping it in the evidence
as ignored), then picks a point inside the window. With no usable clue the result is
``UNKNOWN_DATE``: we never guess.
"""

from __future__ import annotations

import csv
import dataclasses
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from . import knowledge
from .datelines import (
    WEEKDAY_NAMES,
    CalendarDate,
    Dateline,
    find_dateline,
    find_dates,
    find_month_years,
    find_update_line,
    find_url_date,
    find_weekdays,
    find_years,
)
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

Span = tuple[date, date]

# ---------------------------------------------------------------- strengths
# Higher wins when clues conflict; soft clues (< 0.5) only narrow a window that agrees.
DATELINE_STRENGTH = 0.95
UPDATE_STRENGTH = 0.9
TENURE_STRENGTH = 0.9
EVENT_STRENGTH = 0.8
FIGURE_STRENGTH = 0.7
EVENT_YEAR_STRENGTH = 0.7
EVENT_NEAR_STRENGTH = 0.62
ROLLING_STRENGTH = 0.65
PERIOD_OF_YEAR_STRENGTH = 0.6
FULL_DATE_STRENGTH = 0.6
FORMER_STRENGTH = 0.6
MONTH_DAY_STRENGTH = 0.55
MONTH_YEAR_STRENGTH = 0.5
ANNUAL_TOTAL_STRENGTH = 0.45
YEAR_STRENGTH = 0.4
SUPERSEDED_STRENGTH = 0.35
RECENCY_STRENGTH = 0.3

# How far from a year-less "June 2" the article can be (AP style omits the year only for
# dates within the current year, i.e. at most a few months away).
MONTH_DAY_REACH = timedelta(days=92)
# CDC's rolling 12-month counts come out 4-7 months after the period ends.
ROLLING_LAG_MONTHS = (4, 5, 12)  # earliest release, typical release, latest "current" quote
# An annual total for year Y is complete at the earliest in December of Y.
ANNUAL_TOTAL_MONTH = 12
# Articles quote the latest annual data available: rarely more than two years old.
RECENCY_YEARS = 2
# Relative tolerance when matching a cited figure to the official series.
FIGURE_TOLERANCE = 0.03
# Real articles carry a handful of dates; past this many of one kind the rest add nothing.
MAX_CLUES_PER_KIND = 40
# The year after the latest data year is preferred for the point date only when it holds at
# least this share of the window.
PREFERRED_SHARE = 0.25
# A window of at most this many days is cut down to the days a weekday clue allows.
WEEKDAY_SHRINK_DAYS = 14
# Wider than this (days), the window is reported but no point date is chosen.
MAX_POINT_SPAN = 1500
# A window reaching this close (days) to both plausibility bounds says nothing.
NO_BOUND_MARGIN = 366


@dataclass(frozen=True, slots=True)
class Constraint:
    """Where the article's date may lie, according to one clue."""

    evidence: Evidence
    allowed: tuple[Span, ...]
    strength: float
    # Days the article most likely follows closely (an event, a seizure, a data release).
    anchors: tuple[date, ...] = ()
    # The dateline itself, when it gave month and day without a year.
    from_dateline: bool = False


@dataclass(frozen=True, slots=True)
class _Options:
    min_date: date
    max_date: date
    skip: tuple[tuple[int, int], ...] = ()
    # Spans of the dateline and "updated" dates: publication facts, not dates the text talks about.
    reserved: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class _Clues:
    constraints: list[Constraint] = field(default_factory=list)
    weekdays: list[tuple[int, Evidence]] = field(default_factory=list)
    data_years: list[int] = field(default_factory=list)


# ---------------------------------------------------------------- public entry point


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
        statistics: cited figures; "last year" totals matching the CDC series date the article.
        mentions: people named; an official named in a present role bounds the date by the tenure.
        min_date, max_date: plausibility bounds (defaults in ``settings``).
    """
    options = _Options(min_date, max_date, tuple(document.skip))
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
    """Forget compiled knowledge-base patterns (after editing the data files)."""
    _people_pattern.cache_clear()
    _event_extras.cache_clear()
    _official_counts.cache_clear()
    _role_keys.cache_clear()


# ---------------------------------------------------------------- stage 1: metadata


def _from_metadata(document: Document, options: _Options) -> DateEstimate | None:
    day = document.published
    if day is None or not options.min_date <= day <= options.max_date:
        return None
    evidence = (document.published_evidence,) if document.published_evidence else ()
    return DateEstimate(day, day, day, 0.95, "metadata", evidence)


def _from_url(document: Document, options: _Options) -> DateEstimate | None:
    found = find_url_date(document.url)
    day = found.full if found is not None else None
    if day is None or not options.min_date <= day <= options.max_date:
        return None
    evidence = Evidence("", 0, 0, f"the page URL {document.url} is filed under {day.isoformat()}")
    return DateEstimate(day, day, day, 0.85, "metadata", (evidence,))


# ---------------------------------------------------------------- stage 2: dateline


def _from_dateline(text: str, options: _Options) -> DateEstimate | None:
    found = find_dateline(text)
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
    options: _Options,
) -> DateEstimate | None:
    clues = _Clues()
    dateline, update = find_dateline(text), find_update_line(text)
    reserved = tuple((d.date.start, d.date.end) for d in (dateline, update) if d is not None)
    options = dataclasses.replace(options, reserved=reserved)
    _dateline_clues(text, dateline, update, options, clues)
    _url_month_clue(url, options, clues)
    _tenure_clues(text, mentions, options, clues)
    _event_clues(text, options, clues)
    _figure_clues(text, statistics, options, clues)
    _calendar_clues(text, expressions, options, clues)
    if not clues.constraints:
        return None
    return _combine(clues, options)


def _combine(clues: _Clues, options: _Options) -> DateEstimate | None:
    """Intersect from the strongest clue down; a clue that would empty the window is ignored."""
    window: tuple[Span, ...] = ((options.min_date, options.max_date),)
    used: list[Constraint] = []
    ignored: list[Constraint] = []
    for c in sorted(clues.constraints, key=lambda c: -c.strength):
        narrowed = _intersect(window, _union(c.allowed))
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
    evidence += [
        Evidence(
            c.evidence.text,
            c.evidence.start,
            c.evidence.end,
            f"ignored, conflicts with stronger clues: {c.evidence.reason}",
        )
        for c in ignored
    ]
    if (latest - earliest).days > MAX_POINT_SPAN:
        return DateEstimate(None, earliest, latest, 0.1, "inferred", tuple(evidence))
    best, anchored = _best_day(window, used, clues)
    if clues.weekdays:
        best, window = _apply_weekdays(best, window, clues.weekdays)
        earliest, latest = window[0][0], window[-1][1]
        evidence += [ev for _, ev in clues.weekdays]
    method: DatingMethod = (
        "dateline" if earliest == latest and any(c.from_dateline for c in used) else "inferred"
    )
    return DateEstimate(
        best,
        earliest,
        latest,
        _confidence(earliest, latest, anchored, bool(ignored)),
        method,
        tuple(evidence),
    )


def _best_day(window: tuple[Span, ...], used: Sequence[Constraint], clues: _Clues) -> tuple[date, bool]:
    """The latest anchor inside the window, else the middle of the preferred stretch.

    Anchors are days the article follows (events, dated seizures, data releases); the latest
    one inside the window is the tightest. A clue with several candidate days (a year-less
    "June 2") contributes the one in the preferred year. Without anchors we take the middle
    of the window's part in the year after the latest data year mentioned (articles cite
    last year's data), else of the window's largest stretch.
    """
    preferred = max(clues.data_years) + 1 if clues.data_years else None
    chosen: list[date] = []
    for c in used:
        inside = [a for a in c.anchors if _contains(window, a)]
        if len(inside) == 1 or (inside and len(c.anchors) == 1):
            chosen.append(inside[0])
        elif inside:
            in_year = [a for a in inside if a.year == preferred]
            chosen.append(in_year[0] if in_year else inside[0])
    if chosen:
        return max(chosen), True
    if preferred is not None:
        part = _intersect(window, ((date(preferred, 1, 1), date(preferred, 12, 31)),))
        # A sliver of the preferred year at the window's edge is no reason to sit there.
        if part and _length(part) >= PREFERRED_SHARE * _length(window):
            return _middle(max(part, key=lambda s: s[1] - s[0])), False
    return _middle(max(window, key=lambda s: s[1] - s[0])), False


def _apply_weekdays(
    best: date, window: tuple[Span, ...], weekdays: Sequence[tuple[int, Evidence]]
) -> tuple[date, tuple[Span, ...]]:
    """ "Said on Monday": the article is from that day or the next. Move the point to the
    nearest such day at or after it; shrink the window only when it holds a fortnight or less."""
    wanted = {w for w, _ in weekdays} | {(w + 1) % 7 for w, _ in weekdays}
    for step in (*range(0, 7), *range(-1, -7, -1)):
        day = best + timedelta(days=step)
        if day.weekday() in wanted and _contains(window, day):
            best = day
            break
    if _length(window) <= WEEKDAY_SHRINK_DAYS:
        days = [s + timedelta(days=i) for s, e in window for i in range((e - s).days + 1)]
        days = [d for d in days if d.weekday() in wanted]
        if days:
            # Keep the matching days (as spans of consecutive days) and move the point onto one.
            window = _union((d, d) for d in days)
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


# ---------------------------------------------------------------- interval sets


def _intersect(a: Sequence[Span], b: Sequence[Span]) -> tuple[Span, ...]:
    """Intersection of two unions of closed spans (each sorted and disjoint): a linear merge."""
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if s <= e:
            out.append((s, e))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def _union(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sorted, disjoint form of any spans."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


def _contains(window: Sequence[Span], day: date) -> bool:
    return any(s <= day <= e for s, e in window)


def _length(window: Sequence[Span]) -> int:
    return sum((e - s).days + 1 for s, e in window)


def _middle(span: Span) -> date:
    return span[0] + (span[1] - span[0]) / 2


def _after(day: date, options: _Options) -> tuple[Span, ...]:
    return ((max(day, options.min_date), options.max_date),) if day <= options.max_date else ()


def _before(day: date, options: _Options) -> tuple[Span, ...]:
    return ((options.min_date, min(day, options.max_date)),) if day >= options.min_date else ()


def _year_span(year: int) -> Span:
    return date(year, 1, 1), date(year, 12, 31)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _years(options: _Options) -> range:
    return range(options.min_date.year, options.max_date.year + 1)


# ---------------------------------------------------------------- text helpers

# A sentence ends at . ! ? or a line break, but not after a lone capital ("U.S.", "D.C.", "W. Brady").
_SENTENCE_END = re.compile(r"(?:(?<![A-Z])|(?<=[A-Z]{2}))[.!?][\"'\u201d\u2019)]*(?=\s)|\n")
_SENTENCE_REACH = 400
# Future or plan: the clue is not (yet) a past fact.
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were)\s(?:set|expected|scheduled|slated|due|poised|going)\sto|"
    r"plans?\sto|planning\sto|intends?\sto|aims?\sto|upcoming|next\s(?:week|month|year)|"
    r"by\s(?:the\send\sof\s)?(?:[A-Z][a-z]{2,8}\.?\s)?(?:19|20)\d\d|goal|target|projected|forecasts?)\b",
    re.IGNORECASE,
)
# "last year" only: "the past year" and "a year ago" are rolling, "the previous year" anaphoric.
_LAST_YEAR = re.compile(r"\blast\s(?:calendar\s)?year\b", re.IGNORECASE)
_THIS_YEAR = re.compile(r"\b(?:this|the\scurrent)\syear\b", re.IGNORECASE)
# "former Attorney General X": the article is after the tenure; "then-" says nothing about now.
_FORMER = re.compile(
    r"\b(?:former|ex|onetime|one-time|erstwhile|retired)\b[-\s]*(?:[\w.'()-]+\s){0,5}$", re.IGNORECASE
)
_THEN = re.compile(r"\bthen\b[-\s]*(?:[\w.'()-]+\s){0,5}$", re.IGNORECASE)
# The role before a name stops at punctuation or at a word that starts another phrase.
_LEFT_CUT = re.compile(r"[,;:\"\u201c\u201d]|\b(?:with|said|says|told|by|to|from)\b", re.IGNORECASE)
# A year naming something planned: "the 2025 budget", "2024 election", "2030 goals".
_PROSPECTIVE = re.compile(
    r"[\s-]{1,2}(?:fiscal\s)?(?:budget|election|elections|campaign|midterms?|cycle|session|olympics|"
    r"plan|strategy|goals?|targets?|deadline|projections?|forecast)\b",
    re.IGNORECASE,
)
_FISCAL = re.compile(r"\b(?:fiscal\s(?:year\s)?|FY\s?)$", re.IGNORECASE)
# Capitalised words that may stand before a year without making it part of a name.
_YEAR_LEADS = frozenset(
    "in since from by during until through between and of to for as at on the early late mid end fiscal fy".split()
)


def _skipped(start: int, end: int, options: _Options) -> bool:
    return any(start < e and s < end for s, e in options.skip)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    lo = max(0, pos - _SENTENCE_REACH)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        start = m.end()
    end = _SENTENCE_END.search(text, pos, min(len(text), pos + _SENTENCE_REACH))
    return start, (end.end() if end else min(len(text), pos + _SENTENCE_REACH))


def _is_future(text: str, start: int, end: int) -> bool:
    """A future or plan marker in the same sentence, before the clue or inside it."""
    s0, _ = _sentence(text, start)
    return bool(_FUTURE.search(text, s0, end))


def _evidence(text: str, start: int, end: int, reason: str) -> Evidence:
    return Evidence(text[start:end], start, end, reason)


# ---------------------------------------------------------------- clues: dateline without year


def _dateline_clues(
    text: str, found: Dateline | None, update: Dateline | None, options: _Options, clues: _Clues
) -> None:
    if found is not None:
        cal = found.date
        days = _calendar_days(cal, options)
        if cal.year is None and days:
            reason = f"dateline gives {_month_day(cal)} without a year"
            clues.constraints.append(
                Constraint(
                    _evidence(text, cal.start, cal.end, reason),
                    tuple((d, d) for d in days),
                    DATELINE_STRENGTH,
                    anchors=tuple(days),
                    from_dateline=True,
                )
            )
    if update is not None and update.date.full is not None:
        day = update.date.full
        reason = f"the page says it was updated on {day.isoformat()}: published no later"
        allowed = _before(day, options)
        if allowed:
            clues.constraints.append(
                Constraint(
                    _evidence(text, update.date.start, update.date.end, reason), allowed, UPDATE_STRENGTH
                )
            )


def _url_month_clue(url: str | None, options: _Options, clues: _Clues) -> None:
    found = find_url_date(url)
    if found is None or found.day is not None or found.year is None:
        return
    first = date(found.year, found.month, 1)
    allowed = _intersect(
        ((first, _add_months(first, 1) - timedelta(days=1)),), ((options.min_date, options.max_date),)
    )
    if allowed:
        reason = f"the page URL {url} is filed under {first.strftime('%B %Y')}"
        clues.constraints.append(Constraint(Evidence("", 0, 0, reason), allowed, DATELINE_STRENGTH))


def _calendar_days(cal: CalendarDate, options: _Options) -> list[date]:
    """Every plausible year's date for a year-less "Tuesday, July 19" (weekday must agree)."""
    years = [cal.year] if cal.year is not None else list(_years(options))
    days = [cal.on(y) for y in years]
    return [
        d
        for d in days
        if d is not None
        and options.min_date <= d <= options.max_date
        and (cal.weekday is None or d.weekday() == cal.weekday)
    ]


def _month_day(cal: CalendarDate) -> str:
    label = date(2000, cal.month, cal.day or 1).strftime("%B ") + str(cal.day)
    return f"{WEEKDAY_NAMES[cal.weekday]}, {label}" if cal.weekday is not None else label


# ---------------------------------------------------------------- clues: tenures

_ROLE_QUALIFIERS = frozenset(
    {"deputy", "acting", "assistant", "associate", "principal", "state", "vice", "chief"}
)
_ROLE_NOISE = re.compile(r"\b(?:the|of)\b|'s\b|\u2019s\b|[^\w\s-]", re.IGNORECASE)
_US = re.compile(r"\b(?:u\.\s?s\.?|united states)(?=\s|$)", re.IGNORECASE)
# Organisation aliases too vague to name an office.
_GENERIC_ORGS = frozenset({"agency", "department", "office", "white house"})
_LEFT_REACH = 90
# Lower-case words that belong to a title before a name.
_TITLE_WORDS = frozenset(
    "the of for and acting former ex deputy assistant associate principal chief head official director "
    "administrator secretary attorney general commissioner czar boss top prosecutor agent agency u.s. us "
    "federal national state health drug".split()
)
_APPOSITION = re.compile(r",\s([^,;\n]{2,90}?)(?:,|;|\.\s|\.$|\n|$)")


def _normalise_role(value: str) -> str:
    """Lower case, "U.S."/"United States" as "us", no articles, possessives or punctuation."""
    return " ".join(_ROLE_NOISE.sub(" ", _US.sub("us", value.lower())).split())


@lru_cache(maxsize=256)
def _role_keys(term: knowledge.Term) -> tuple[str, ...]:
    """Normalised ways to name the office: the role, its aliases, and title + organisation
    in either order ("HHS Secretary", "Secretary of Health and Human Services")."""
    keys = [_normalise_role(a) for a in (term.role, *term.role_aliases)]
    title, _, tail = term.role.partition(" of ")
    orgs = {_normalise_role(term.organization), _normalise_role(tail)}
    orgs |= {_normalise_role(a) for a in knowledge.organizations().get(term.organization, ())}
    orgs = {o for o in orgs if o and o not in _GENERIC_ORGS}
    core = _normalise_role(title)
    for org in orgs:
        keys += [f"{org} {core}", f"{core} {org}"]
    if "acting" in core.split():
        # Reporters often drop "acting": "DEA Administrator Uttam Dhillon".
        keys += [re.sub(r"\bacting\s", "", k) for k in keys]
    return tuple(dict.fromkeys(k for k in keys if k))


def _role_matches(term: knowledge.Term, worded: str) -> bool:
    """Does the role as worded name this term's office? A qualifier the term lacks
    ("deputy", "acting") before the matched title means another office."""
    context = f" {_normalise_role(worded)} "
    term_words = set(_normalise_role(term.role).split())
    for key in _role_keys(term):
        for m in re.finditer(rf"(?<=\s){re.escape(key)}(?=\s)", context):
            before = context[: m.start()].split()
            if before and before[-1] in _ROLE_QUALIFIERS and before[-1] not in term_words:
                continue
            return True
    return False


@lru_cache(maxsize=1)
def _people_pattern() -> re.Pattern[str] | None:
    """Full names and aliases of every known official, for texts no mentions came with."""
    names: dict[str, str] = {}
    for person in knowledge.officials():
        for alias in (person.name, *person.aliases):
            if len(alias.split()) >= 2:
                names[alias] = person.name
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b")


def _known_mentions(text: str, options: _Options) -> list[Mention]:
    pattern = _people_pattern()
    if pattern is None:
        return []
    lookup = {alias: p.name for p in knowledge.officials() for alias in (p.name, *p.aliases)}
    return [
        Mention(lookup[m.group(0)], m.group(0), m.start(), m.end(), None, True)
        for m in pattern.finditer(text)
        if not _skipped(m.start(), m.end(), options)
    ]


def _trailing_title(left: str) -> str:
    """The run of title-like words just before a name ("the DEA's acting head ")."""
    words = list(re.finditer(r"\S+\s*", left))
    keep = len(left)
    for w in reversed(words):
        token = w.group(0).strip().strip("(),").lower()
        if not (
            any(c.isupper() for c in w.group(0)) or token in _TITLE_WORDS or token.endswith(("'s", "\u2019s"))
        ):
            break
        keep = w.start()
    return left[keep:]


def _role_context(text: str, mention: Mention, previous_end: int = 0) -> tuple[str, str]:
    """(title words before the name in its sentence, apposition after it); the title never
    reaches back into the previous person's name."""
    s0, _ = _sentence(text, mention.start)
    left = text[max(s0, previous_end, mention.start - _LEFT_REACH) : mention.start]
    cuts = list(_LEFT_CUT.finditer(left))
    if cuts:
        left = left[cuts[-1].end() :]
    left = _trailing_title(left)
    m = _APPOSITION.match(text, mention.end)
    return left, (m.group(1) if m else "")


# "In July 2017," / "in 2018" / "back in 2016": a time set for the clause, so a title is as of then.
_SET_TIME = (
    r"\b(?:in|during|back\sin)\s(?:(?:early|late|mid)[-\s])?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s)?(?:19|20)\d\d\b"
)
_SET_TIME_BEFORE = re.compile(_SET_TIME, re.IGNORECASE)
_SET_TIME_AFTER = re.compile(r"\s*,?\s*" + _SET_TIME, re.IGNORECASE)


def _set_in_the_past(text: str, mention: Mention) -> bool:
    s0, _ = _sentence(text, mention.start)
    if _SET_TIME_BEFORE.search(text, s0, mention.start):
        return True
    return bool(_SET_TIME_AFTER.match(text, mention.end))


def _out_of_office(terms: Sequence[knowledge.Term], options: _Options) -> tuple[Span, ...]:
    """When someone who held these terms was "former": after a term ends, until the next starts."""
    spans = []
    for t in terms:
        if t.end is None:
            continue
        later = [u.start for u in terms if u.start >= t.end]
        spans.append((t.end, min(later) if later else options.max_date))
    return _intersect(_union(spans), ((options.min_date, options.max_date),))


def _tenure_clues(text: str, mentions: Sequence[Mention], options: _Options, clues: _Clues) -> None:
    people = knowledge.officials_by_name()
    seen: set[tuple[str, tuple[knowledge.Term, ...], bool]] = set()
    found = sorted(list(mentions) or _known_mentions(text, options), key=lambda m: m.start)
    ends = [0] + [m.end for m in found]
    for mention, previous_end in list(zip(found, ends, strict=False))[: 5 * MAX_CLUES_PER_KIND]:
        person = people.get(mention.name)
        if person is None or _skipped(mention.start, mention.end, options):
            continue
        left, after = _role_context(text, mention, previous_end if previous_end <= mention.start else 0)
        if _set_in_the_past(text, mention):
            continue  # "In July 2017, Attorney General Sessions ...": the title is as of then
        # The role as the statements stage worded it ends where the name starts, like ``left``.
        role = f"{mention.role} " if mention.role else ""
        former = bool(_FORMER.search(left) or _FORMER.search(role))
        if _THEN.search(left) or _THEN.search(role):
            continue
        worded = " ".join(filter(None, (mention.role or "", left, mention.text, after)))
        terms = tuple(t for t in person.terms if _role_matches(t, worded))
        if not terms or (person.name, terms, former) in seen:
            continue
        seen.add((person.name, terms, former))
        span_start = mention.start - len(left.lstrip()) if left.strip() else mention.start
        if former:
            allowed = _out_of_office(terms, options)
            ended = ", ".join(t.end.isoformat() for t in terms if t.end is not None)
            if not allowed or not ended:
                continue
            reason = f"{person.name} is called a former {terms[0].role}; that ended on {ended}"
            strength = FORMER_STRENGTH
        else:
            allowed = tuple(
                sorted(
                    (max(t.start, options.min_date), min(t.end or options.max_date, options.max_date))
                    for t in terms
                )
            )
            tenures = "; ".join(
                f"{t.start.isoformat()}..{t.end.isoformat() if t.end else 'present'}" for t in terms
            )
            reason = f"{person.name} was {terms[0].role} {tenures}"
            strength = TENURE_STRENGTH
        if allowed:
            clues.constraints.append(
                Constraint(_evidence(text, span_start, mention.end, reason), allowed, strength)
            )


# ---------------------------------------------------------------- clues: dated events

_PRECISION_SLACK = {"day": 0, "week": 7, "month": 31, "year": 366}


@dataclass(frozen=True, slots=True)
class _EventExtra:
    """Columns of events.csv that ``knowledge.Event`` does not carry (yet)."""

    data_year: int | None = None  # the year the event's figures describe ("4 in 10 pills": 2021)
    superseded_on: date | None = None  # when a newer figure replaced this one


@lru_cache(maxsize=1)
def _event_extras() -> dict[str, _EventExtra]:
    """Event name -> its ``data_year`` and ``superseded_on`` columns (empty cells: None)."""
    path = knowledge.data_dir() / "events.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    extras = {}
    for row in rows:
        year = (row.get("data_year") or "").strip()
        until = (row.get("superseded_on") or "").strip()
        if year or until:
            extras[row["event"].strip()] = _EventExtra(
                int(year) if year else None, date.fromisoformat(until) if until else None
            )
    return extras


# Dots of abbreviations ("U.S.", "Dr.", "Feb.") would end an event cue's "[^.]" gap early.
_ABBREVIATION_DOT = re.compile(
    r"\b(?:[A-Z]|Dr|Mr|Mrs|Ms|St|No|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Inc|Co|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
)


def _mask_abbreviations(text: str) -> str:
    """The text with abbreviation dots replaced by "_" (same length, so offsets hold)."""
    return _ABBREVIATION_DOT.sub(lambda m: m.group(0)[:-1] + "_", text)


# Relative words next to a past event say how long ago it was: (pattern, days after, label).
_RECENT: tuple[tuple[re.Pattern[str], int, int], ...] = (
    (re.compile(r"\b(?:today|tonight|this\s(?:morning|afternoon|evening))\b", re.IGNORECASE), 0, 1),
    (re.compile(r"\b(?:yesterday|last\snight)\b", re.IGNORECASE), 1, 2),
    (
        re.compile(
            r"\b(?:(?:this|last|earlier\sthis)\sweek|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
        0,
        13,
    ),
    (re.compile(r"\b(?:(?:this|last|earlier\sthis)\smonth)\b", re.IGNORECASE), 0, 62),
)
_NEAR = 150  # characters between the event cue and the relative word
# Another time named in the sentence may be what the relative word is about.
_OTHER_TIME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?|\b(?:19|20)\d\d\b"
)


def _event_nearness_clue(
    text: str,
    event: knowledge.Event,
    m: re.Match[str],
    options: _Options,
    clues: _Clues,
    data_year: int | None,
) -> None:
    """Relative words next to a past event: "last year" / "this year" name the article's year
    (counted from the year the event's figures describe, for a data release); "today",
    "on Monday", "last month" put the article days or weeks after the event."""
    s0, s1 = _sentence(text, m.start())
    when = event.day.isoformat()
    base = data_year if data_year is not None else event.day.year
    for pattern, shift, words in ((_LAST_YEAR, 1, "last year"), (_THIS_YEAR, 0, "this year")):
        y = pattern.search(text, s0, s1)
        if y:
            year = base + shift
            about = f"describes {base}" if data_year is not None else f"was in {base}"
            reason = f'{event.name} {about} and is placed in "{words}": the article is from {year}'
            clues.constraints.append(
                Constraint(
                    _evidence(text, y.start(), y.end(), reason), (_year_span(year),), EVENT_YEAR_STRENGTH
                )
            )
            return
    if (
        event.precision != "day"
        or _OTHER_TIME.search(text, s0, m.start())
        or _OTHER_TIME.search(text, m.end(), s1)
    ):
        return
    lo, hi = max(s0, m.start() - _NEAR), min(s1, m.end() + _NEAR)
    for pattern, first, last in _RECENT:
        r = pattern.search(text, lo, hi)
        if r:
            allowed = _intersect(
                ((event.day + timedelta(days=first), event.day + timedelta(days=last)),),
                ((options.min_date, options.max_date),),
            )
            reason = f'{event.name} ({when}) is told as "{r.group(0)}": the article is from {first}-{last} days after'
            if allowed:
                clues.constraints.append(
                    Constraint(_evidence(text, r.start(), r.end(), reason), allowed, EVENT_NEAR_STRENGTH)
                )
            return


def _event_clues(text: str, options: _Options, clues: _Clues) -> None:
    extras = _event_extras()
    masked = _mask_abbreviations(text)
    for event in knowledge.events():
        m = next((m for m in event.cue.finditer(masked) if not _skipped(m.start(), m.end(), options)), None)
        if m is None:
            continue
        slack = timedelta(days=_PRECISION_SLACK.get(event.precision, 0))
        when = event.day.isoformat()
        if _is_future(text, m.start(), m.end()):
            allowed = _before(event.day + slack, options)
            reason = f"{event.name} ({when}) is spoken of as still to come"
            clues.constraints.append(
                Constraint(_evidence(text, m.start(), m.end(), reason), allowed, EVENT_STRENGTH)
            )
            continue
        allowed = _after(event.day - slack, options)
        reason = f"{event.name} ({when}) is reported as having happened"
        clues.constraints.append(
            Constraint(
                _evidence(text, m.start(), m.end(), reason), allowed, EVENT_STRENGTH, anchors=(event.day,)
            )
        )
        _event_nearness_clue(text, event, m, options, clues, extras.get(event.name, _EventExtra()).data_year)
        until = extras.get(event.name, _EventExtra()).superseded_on
        if until is not None:
            reason = f"{event.name} is cited as current; a newer figure replaced it on {until.isoformat()}"
            allowed = _before(until - timedelta(days=1), options)
            if allowed:
                clues.constraints.append(
                    Constraint(_evidence(text, m.start(), m.end(), reason), allowed, SUPERSEDED_STRENGTH)
                )


# ---------------------------------------------------------------- clues: cited figures

_DEATH_METRICS = tuple(m for m in knowledge.CDC_METRICS if m.endswith("_deaths"))
_COUNT_UNITS = frozenset({"deaths", "people"})
_MORE = frozenset(
    {"more than", "over", "above", "at least", "exceeding", "beyond", "upwards of", "in excess of"}
)
_LESS = frozenset({"nearly", "almost", "under", "less than", "fewer than", "just under", "close to", "up to"})
# When the statistics stage gave nothing: a number followed closely by "deaths".
_DEATH_FIGURE = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3}){1,2}|\d{1,3}(?:\.\d{3}){1,2}(?!\d))(?=[^.\n]{0,40}?\b(?:deaths|died|overdoses|fatalities)\b)"
)

# Which CDC series a bare "N deaths" most likely counts, by the first word found in its sentence.
_METRIC_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("fentanyl", ("synthetic_opioid_deaths",)),
    ("synthetic", ("synthetic_opioid_deaths",)),
    ("heroin", ("heroin_deaths",)),
    ("opioid", ("opioid_deaths", "synthetic_opioid_deaths")),
    ("overdose", ("overdose_deaths",)),
    ("drug", ("overdose_deaths",)),
)


def _guess_metrics(after: str, before: str) -> tuple[str, ...]:
    """The series named nearest after the number ("72,000 died of drug overdoses"), else before it."""
    for side, pick in ((after, min), (before, max)):
        hits = [
            (side.find(word) if pick is min else side.rfind(word), ms)
            for word, ms in _METRIC_WORDS
            if word in side
        ]
        if hits:
            return pick(hits, key=lambda h: h[0])[1]
    return _DEATH_METRICS


# "in 2023" as a whole calendar year (not "in June 2023", not "2019-2020").
_IN_YEAR = re.compile(
    r"\b(?:in|during|for|throughout)\s(?P<year>(?:19|20)\d\d)\b(?![-\u2013/]\d)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Figure:
    text: str
    start: int
    end: int
    value: float
    metrics: tuple[str, ...]
    qualifier: str | None
    last_year: bool
    year: int | None  # the calendar year the figure is for, when the text says so
    deaths: bool


@lru_cache(maxsize=1)
def _official_counts() -> tuple[tuple[str, int, float], ...]:
    """(metric, year, value) for every final and provisional CDC death count we know."""
    rows = [
        (metric, int(year), float(value))
        for year, metric, value in knowledge.cdc_long()[["year", "metric", "value"]].itertuples(index=False)
        if metric in _DEATH_METRICS
    ]
    provisional = knowledge.provisional_figures()
    rows += [
        (str(metric), int(year), float(value))
        for year, metric, value in provisional[["data_year", "metric", "provisional_value"]].itertuples(
            index=False
        )
    ]
    return tuple(rows)


def _official_matches(
    value: float, metrics: Iterable[str], qualifier: str | None
) -> dict[int, tuple[str, float]]:
    """Years whose official (final or provisional) count is ``value`` within tolerance."""
    lo, hi = value * (1 - FIGURE_TOLERANCE), value * (1 + FIGURE_TOLERANCE)
    if qualifier in _MORE:
        lo, hi = value * 0.99, value * (1 + 2.5 * FIGURE_TOLERANCE)
    elif qualifier in _LESS:
        lo, hi = value * (1 - 2 * FIGURE_TOLERANCE), value * 1.01
    found: dict[int, tuple[str, float]] = {}
    for metric, year, official in _official_counts():
        if metric in metrics and lo <= official <= hi:
            found.setdefault(year, (metric, official))
    return found


def _period_year(q: Statistic) -> int | None:
    period = q.period or (q.period_source.interval if q.period_source else None)
    if period is not None and period.granularity == "year" and period.start.year == period.end.year:
        return period.start.year
    # A range counts only when it ends with a calendar year ("2019 to 2020"), not a rolling window.
    if (
        period is not None
        and period.granularity == "range"
        and (period.end.month, period.end.day) == (12, 31)
    ):
        return period.end.year
    return None


def _figures(text: str, statistics: Sequence[Statistic], options: _Options) -> list[_Figure]:
    out = []
    for q in statistics:
        if _skipped(q.start, q.end, options):
            continue
        source = q.period_source
        if source is not None:
            last_year = bool(_LAST_YEAR.search(source.text)) or (source.label or "") == "last_year"
        else:
            s0, s1 = _sentence(text, q.start)
            last_year = bool(_LAST_YEAR.search(text, s0, s1))
        base = q.metric.removesuffix("_change")
        deaths = base in _DEATH_METRICS or q.unit in _COUNT_UNITS
        if q.metric in _DEATH_METRICS:
            metrics: tuple[str, ...] = (q.metric,)
        elif q.unit == "deaths":
            metrics = _DEATH_METRICS
        else:
            metrics = ()
        out.append(
            _Figure(q.text, q.start, q.end, q.value, metrics, q.qualifier, last_year, _period_year(q), deaths)
        )
    if statistics:
        return out
    for m in itertools.islice(_DEATH_FIGURE.finditer(text), MAX_CLUES_PER_KIND):
        if _skipped(m.start(), m.end(), options):
            continue
        s0, s1 = _sentence(text, m.start())
        value = float(re.sub(r"[,.]", "", m.group("num")))
        metrics = _guess_metrics(text[m.end() : s1].lower(), text[s0 : m.start()].lower())
        years = [int(y.group("year")) for y in _IN_YEAR.finditer(text, s0, s1)]
        out.append(
            _Figure(
                m.group(0),
                m.start(),
                m.end(),
                value,
                metrics,
                None,
                bool(_LAST_YEAR.search(text, s0, s1)),
                years[0] if len(set(years)) == 1 else None,
                True,
            )
        )
    return out


def _figure_clues(text: str, statistics: Sequence[Statistic], options: _Options, clues: _Clues) -> None:
    latest: _Figure | None = None
    annual: _Figure | None = None
    for f in _figures(text, statistics, options):
        if f.last_year and f.metrics:
            matches = _official_matches(f.value, f.metrics, f.qualifier)
            if matches:
                allowed = tuple(_year_span(y + 1) for y in sorted(matches))
                said = ", ".join(
                    f"{y} {metric.replace('_', ' ')} ({official:,.0f})"
                    for y, (metric, official) in sorted(matches.items())
                )
                reason = f'"last year" figure {f.value:,.0f} matches CDC data for {said}: the article is from the year after'
                clues.constraints.append(
                    Constraint(Evidence(f.text, f.start, f.end, reason), allowed, FIGURE_STRENGTH)
                )
                clues.data_years.extend(matches)
        if f.year is not None:
            clues.data_years.append(f.year)
            # Death counts are refreshed every year; costs and seizures are not, so only deaths date.
            if f.deaths and (annual is None or f.year > (annual.year or 0)):
                annual = latest = f
    if annual is not None and annual.year is not None:
        reason = f"a {annual.year} death total is complete only at the end of {annual.year}"
        allowed = _after(date(annual.year, ANNUAL_TOTAL_MONTH, 1), options)
        if allowed:
            clues.constraints.append(
                Constraint(
                    Evidence(annual.text, annual.start, annual.end, reason), allowed, ANNUAL_TOTAL_STRENGTH
                )
            )
    if latest is not None and latest.year is not None:
        year = latest.year + RECENCY_YEARS
        reason = f"the latest data cited are for {latest.year}: articles rarely cite data more than {RECENCY_YEARS} years old"
        allowed = _before(date(year, 12, 31), options)
        if allowed:
            clues.constraints.append(
                Constraint(Evidence(latest.text, latest.start, latest.end, reason), allowed, RECENCY_STRENGTH)
            )


# ---------------------------------------------------------------- clues: calendar

_NUMBER_WORDS = {
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
}
_PERIOD_OF_YEAR = re.compile(
    r"\b(?:(?:first|past|last)\s(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\smonths"
    r"|first\s(?P<part>quarter|half)|(?P<ordinal>second|third)\squarter)"
    r"\s(?:of\s)?(?:this|the\scurrent)\syear\b",
    re.IGNORECASE,
)
_ROLLING = re.compile(
    r"\b(?:12|twelve)[-\s]months?(?:\speriod|\sspan|\swindow)?\s(?:ending|ended|through|to)\s(?:in\s)?",
    re.IGNORECASE,
)


def _calendar_clues(
    text: str, expressions: Sequence[TimeExpression], options: _Options, clues: _Clues
) -> None:
    taken = bytearray(len(text))  # 1 where a clue (or the dateline) already stands
    for start, end in options.reserved:
        taken[start:end] = b"\x01" * (end - start)

    def free(start: int, end: int) -> bool:
        return not _skipped(start, end, options) and not any(taken[start:end])

    def take(start: int, end: int) -> None:
        taken[start:end] = b"\x01" * (end - start)

    for cal in find_dates(text)[:MAX_CLUES_PER_KIND]:
        if not free(cal.start, cal.end):
            continue
        take(cal.start, cal.end)
        future = _is_future(text, cal.start, cal.end)
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
        if _is_future(text, cal.start, cal.end):
            reason = f"{cal.text} is spoken of as still to come"
            allowed = _before(_add_months(first, 1) - timedelta(days=1), options)
        else:
            clues.data_years.append(cal.year)
            reason = f"{cal.text} is spoken of as past"
            allowed = _after(first, options)
        if allowed:
            clues.constraints.append(
                Constraint(_evidence(text, cal.start, cal.end, reason), allowed, MONTH_YEAR_STRENGTH)
            )
    _year_clue(text, expressions, options, clues, free)
    _period_of_year_clues(text, options, clues)
    for weekday, start, end in itertools.islice(find_weekdays(text), MAX_CLUES_PER_KIND):
        if free(start, end):
            reason = (
                f'"{text[start:end]}": the article is likely from a {WEEKDAY_NAMES[weekday]} or the day after'
            )
            clues.weekdays.append((weekday, _evidence(text, start, end, reason)))


def _full_date_clue(text: str, cal: CalendarDate, future: bool, options: _Options, clues: _Clues) -> None:
    day = cal.full
    if day is None:
        return
    anchors: tuple[date, ...] = ()
    if future:
        reason, allowed = f"{day.isoformat()} is spoken of as still to come", _before(day, options)
    else:
        clues.data_years.append(day.year)
        reason, allowed, anchors = f"{day.isoformat()} is spoken of as past", _after(day, options), (day,)
    if allowed:
        clues.constraints.append(
            Constraint(_evidence(text, cal.start, cal.end, reason), allowed, FULL_DATE_STRENGTH, anchors)
        )


def _month_day_clue(text: str, cal: CalendarDate, future: bool, options: _Options, clues: _Clues) -> None:
    """A year-less "June 2" is within a few months of the article (after it if past)."""
    days = _calendar_days(cal, options)
    if not days:
        return
    before, after = (MONTH_DAY_REACH, timedelta(0)) if future else (timedelta(0), MONTH_DAY_REACH)
    if not future and not _PAST_VERB.search(text, _sentence(text, cal.start)[0], cal.start + 200):
        before = MONTH_DAY_REACH  # no verb tells us which side: allow both
    allowed = tuple((d - before, d + after) for d in days)
    allowed = _intersect(allowed, ((options.min_date, options.max_date),))
    side = "before" if future else ("after" if before == timedelta(0) else "around")
    reason = f"{_month_day(cal)} (no year) is within {MONTH_DAY_REACH.days} days {side} the article"
    clues.constraints.append(
        Constraint(
            _evidence(text, cal.start, cal.end, reason), allowed, MONTH_DAY_STRENGTH, anchors=tuple(days)
        )
    )


# A past-tense verb: -ed forms and the common irregular ones news use for events.
_PAST_VERB = re.compile(
    r"\b(?:\w{3,}ed|was|were|had|seized|made|found|took|said|told|held|began|sent|caught|brought|struck|"
    r"went|came|saw|gave|led|met|won|lost|sold|bought|fell|rose|hit|set|put|paid|left|ran|spoke)\b",
    re.IGNORECASE,
)


def _rolling_clue(text: str, cal: CalendarDate, options: _Options, clues: _Clues) -> bool:
    """ "12-month period ending in June 2022": CDC's rolling counts come out months later."""
    lead = text[max(0, cal.start - 60) : cal.start]
    if not _ROLLING.search(lead):
        return False
    assert cal.year is not None
    end_month = date(cal.year, cal.month, 1)
    earliest, typical, latest = (_add_months(end_month, n) for n in ROLLING_LAG_MONTHS)
    reason = (
        f"rolling 12-month counts ending {end_month.strftime('%B %Y')} are released "
        f"{ROLLING_LAG_MONTHS[0]}-{ROLLING_LAG_MONTHS[1] + 2} months later"
    )
    allowed = _intersect(((earliest, latest),), ((options.min_date, options.max_date),))
    if allowed:
        clues.constraints.append(
            Constraint(
                _evidence(text, cal.start, cal.end, reason),
                allowed,
                ROLLING_STRENGTH,
                anchors=(typical + timedelta(days=14),),
            )
        )
    clues.data_years.append(cal.year)
    return True


def _year_clue(
    text: str, expressions: Sequence[TimeExpression], options: _Options, clues: _Clues, free
) -> None:
    """The latest year spoken of as past is a soft lower bound (plans like "by 2025" excluded)."""
    best: tuple[date, str, int, int] | None = None
    candidates = list(itertools.islice(find_years(text), 5 * MAX_CLUES_PER_KIND))
    candidates += [
        (e.interval.start.year, e.start, e.end)
        for e in expressions
        if e.kind == "absolute" and e.interval is not None and e.interval.start.year == e.interval.end.year
    ]
    for year, start, end in candidates:
        if not free(start, end) or not options.min_date.year <= year <= options.max_date.year:
            continue
        if _is_future(text, start, end) or _PROSPECTIVE.match(text, end):
            continue
        lead_text = text[max(0, start - 20) : start]
        if _FISCAL.search(lead_text):
            # Federal fiscal year Y runs Oct Y-1 .. Sep Y: its totals are last year's data.
            bound, data_year, label = date(year - 1, 10, 1), year - 1, f"fiscal year {year}"
        else:
            lead = lead_text.split()
            if (
                lead
                and lead[-1][:1].isupper()
                and lead[-1].lower().strip(",.(") not in _YEAR_LEADS
                and not lead[-1].endswith((",", "."))
            ):
                continue  # part of a name: "Healthy People 2030", "Vision 2025"
            bound, data_year, label = date(year, 1, 1), year, str(year)
        clues.data_years.append(data_year)
        if best is None or bound > best[0]:
            best = (bound, label, start, end)
    if best is not None:
        bound, label, start, end = best
        reason = f"{label} is the latest year spoken of as past"
        allowed = _after(bound, options)
        if allowed:
            clues.constraints.append(Constraint(_evidence(text, start, end, reason), allowed, YEAR_STRENGTH))


def _period_of_year_clues(text: str, options: _Options, clues: _Clues) -> None:
    """ "The first three months of this year": the article is later in that same year."""
    for m in itertools.islice(_PERIOD_OF_YEAR.finditer(text), MAX_CLUES_PER_KIND):
        if _skipped(m.start(), m.end(), options) or _is_future(text, m.start(), m.end()):
            continue
        if m.group("n"):
            raw = m.group("n").lower()
            months = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        elif m.group("part"):
            months = 3 if m.group("part").lower() == "quarter" else 6
        else:
            months = 6 if m.group("ordinal").lower() == "second" else 9
        if not 1 <= months <= 11:
            continue
        allowed = tuple((date(y, months + 1, 1), date(y, 12, 31)) for y in _years(options))
        allowed = _intersect(allowed, ((options.min_date, options.max_date),))
        reason = f'"{m.group(0)}" is over: the article is from month {months + 1} or later of that year'
        clues.constraints.append(
            Constraint(_evidence(text, m.start(), m.end(), reason), allowed, PERIOD_OF_YEAR_STRENGTH)
        )
