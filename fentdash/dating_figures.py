"""Figure clues for article dating: cited counts matched to the CDC series, and data years.

- A "last year" count matching CDC data for year Y: the article is from Y+1.
- A count equal to the FINAL NCHS count for Y: the article is on or after that release
  (``cdc_releases.csv``); a count matching only a PROVISIONAL figure: most likely before it.
- A death total for Y is complete only at the end of Y.
- The latest year (or fiscal year) of any figure: articles rarely cite data more than
  ``RECENCY_YEARS`` old.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from . import knowledge
from .dating_spans import Clues, Constraint, Options, add_months, after, before, year_span
from .dating_text import LAST_YEAR, evidence, sentence, skipped
from .models import Evidence, Statistic

FIGURE_STRENGTH = 0.7
FINAL_FIGURE_STRENGTH = 0.7
ANNUAL_TOTAL_STRENGTH = 0.45
PROVISIONAL_STRENGTH = 0.35
RECENCY_STRENGTH = 0.3

# An annual total for year Y is complete at the earliest in December of Y.
ANNUAL_TOTAL_MONTH = 12
# Articles quote the latest annual data available: rarely more than two years old.
RECENCY_YEARS = 2
# Relative tolerance when matching a cited figure to the official series.
FIGURE_TOLERANCE = 0.03
# A cited count this close to a final count is that count (rounded figures are not).
FINAL_TOLERANCE = 0.002
# ...and must be written as an exact count ("67,367"), not rounded ("67,400" may predate it).
FINAL_MIN_DIGITS = 4
# Provisional figures stay in circulation for a while after the final count comes out.
PROVISIONAL_GRACE_MONTHS = 6
MAX_FIGURES = 40

RELEASES_FILE = "cdc_releases.csv"

DEATH_METRICS = tuple(m for m in knowledge.CDC_METRICS if m.endswith("_deaths"))
_COUNT_UNITS = frozenset({"deaths", "people"})
_MORE = frozenset(
    {"more than", "over", "above", "at least", "exceeding", "beyond", "upwards of", "in excess of"}
)
_LESS = frozenset({"nearly", "almost", "under", "less than", "fewer than", "just under", "close to", "up to"})
_APPROXIMATE = _MORE | _LESS
# When the statistics stage gave nothing: a number followed closely by "deaths".
_DEATH_FIGURE = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3}){1,2}|\d{1,3}(?:\.\d{3}){1,2}(?!\d))"
    r"(?=[^.\n]{0,40}?\b(?:deaths|died|overdoses|fatalities)\b)"
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
# "in 2023" as a whole calendar year (not "in June 2023", not "2019-2020").
_IN_YEAR = re.compile(
    r"\b(?:in|during|for|throughout)\s(?P<year>(?:19|20)\d\d)\b(?![-\u2013/]\d)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Release:
    """When NCHS published the final count for a data year (``day`` None when unknown)."""

    data_year: int
    day: date | None
    month: date | None  # first of the release month, when only the month is known
    source: str

    @property
    def earliest(self) -> date | None:
        return self.day or self.month

    @property
    def latest(self) -> date | None:
        return self.day or (add_months(self.month, 1) - timedelta(days=1) if self.month else None)


@lru_cache(maxsize=1)
def cdc_releases() -> dict[int, Release]:
    """Data year -> final-data release (``cdc_releases.csv``); a missing file gives {}."""
    path = knowledge.data_dir() / RELEASES_FILE
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = {}
    for row in rows:
        day = (row.get("final_release_date") or "").strip()
        month = (row.get("release_month") or "").strip()
        out[int(row["data_year"])] = Release(
            int(row["data_year"]),
            date.fromisoformat(day) if day else None,
            date.fromisoformat(f"{month}-01") if month else None,
            (row.get("source") or "").strip(),
        )
    return out


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    start: int
    end: int
    value: float
    metrics: tuple[str, ...]
    qualifier: str | None
    last_year: bool
    year: int | None  # the calendar (or fiscal) year the figure is for, when the text says so
    deaths: bool
    fiscal: bool = False


@lru_cache(maxsize=1)
def _final_counts() -> tuple[tuple[str, int, float], ...]:
    """(metric, year, value) for every final CDC death count."""
    return tuple(row for row in knowledge.official_counts() if row[0] in DEATH_METRICS)


def _provisional_counts() -> tuple[tuple[str, int, float], ...]:
    return knowledge.provisional_counts()


def reset_caches() -> None:
    for fn in (_final_counts, cdc_releases):
        fn.cache_clear()


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
    for metric, year, official in (*_final_counts(), *_provisional_counts()):
        if metric in metrics and lo <= official <= hi:
            found.setdefault(year, (metric, official))
    return found


def _significant_digits(value: float) -> int:
    return len(str(int(round(value))).rstrip("0"))


def _period_year(q: Statistic) -> tuple[int | None, bool]:
    """(year the figure is for, whether it is a federal fiscal year)."""
    period = q.period or (q.period_source.interval if q.period_source else None)
    if period is None:
        return None, False
    if period.granularity == "year" and period.start.year == period.end.year:
        return period.start.year, False
    # Federal fiscal year Y: October Y-1 .. September Y.
    if (period.start.month, period.start.day, period.end.month, period.end.day) == (10, 1, 9, 30) and (
        period.end.year == period.start.year + 1
    ):
        return period.end.year, True
    # A range counts only when it ends with a calendar year ("2019 to 2020"), not a rolling window.
    if period.granularity == "range" and (period.end.month, period.end.day) == (12, 31):
        return period.end.year, False
    return None, False


def figures(text: str, statistics: Sequence[Statistic], options: Options) -> list[Figure]:
    """The cited figures, from the statistics stage, else a bare "N deaths" scan."""
    out = []
    for q in statistics:
        if skipped(q.start, q.end, options):
            continue
        source = q.period_source
        if source is not None:
            last_year = bool(LAST_YEAR.search(source.text)) or (source.label or "") == "last_year"
        else:
            s0, s1 = sentence(text, q.start)
            last_year = bool(LAST_YEAR.search(text, s0, s1))
        base = q.metric.removesuffix("_change")
        deaths = base in DEATH_METRICS or q.unit in _COUNT_UNITS
        if q.metric in DEATH_METRICS:
            metrics: tuple[str, ...] = (q.metric,)
        elif q.unit == "deaths":
            metrics = DEATH_METRICS
        else:
            metrics = ()
        year, fiscal = _period_year(q)
        out.append(
            Figure(q.text, q.start, q.end, q.value, metrics, q.qualifier, last_year, year, deaths, fiscal)
        )
    if statistics:
        return out
    for m in itertools.islice(_DEATH_FIGURE.finditer(text), MAX_FIGURES):
        if skipped(m.start(), m.end(), options):
            continue
        s0, s1 = sentence(text, m.start())
        value = float(re.sub(r"[,.]", "", m.group("num")))
        metrics = _guess_metrics(text[m.end() : s1].lower(), text[s0 : m.start()].lower())
        years = [int(y.group("year")) for y in _IN_YEAR.finditer(text, s0, s1)]
        year = years[0] if len(set(years)) == 1 else None
        out.append(
            Figure(
                m.group(0),
                m.start(),
                m.end(),
                value,
                metrics,
                None,
                bool(LAST_YEAR.search(text, s0, s1)),
                year,
                True,
            )
        )
    return out


def _guess_metrics(after_text: str, before_text: str) -> tuple[str, ...]:
    """The series named nearest after the number ("72,000 died of drug overdoses"), else before it."""
    for side, pick in ((after_text, min), (before_text, max)):
        hits = [(side.find(w) if pick is min else side.rfind(w), ms) for w, ms in _METRIC_WORDS if w in side]
        if hits:
            return pick(hits, key=lambda h: h[0])[1]
    return DEATH_METRICS


def figure_clues(text: str, statistics: Sequence[Statistic], options: Options, clues: Clues) -> None:
    """Constraints from cited figures (see the module docstring)."""
    latest: Figure | None = None
    annual: Figure | None = None
    for f in figures(text, statistics, options):
        if f.last_year and f.metrics:
            _last_year_clue(f, clues)
        if f.metrics:
            _vintage_clues(f, options, clues)
        if f.year is None:
            continue
        clues.data_years.append(f.year)
        if latest is None or f.year > (latest.year or 0):
            latest = f
        # Death counts are refreshed every year; costs and seizures are not, so only deaths date.
        if f.deaths and not f.fiscal and (annual is None or f.year > (annual.year or 0)):
            annual = f
    if annual is not None and annual.year is not None:
        reason = f"a {annual.year} death total is complete only at the end of {annual.year}"
        allowed = after(date(annual.year, ANNUAL_TOTAL_MONTH, 1), options)
        if allowed:
            clues.constraints.append(
                Constraint(evidence(text, annual.start, annual.end, reason), allowed, ANNUAL_TOTAL_STRENGTH)
            )
    if latest is not None and latest.year is not None:
        label = f"fiscal year {latest.year}" if latest.fiscal else str(latest.year)
        reason = f"the latest data cited are for {label}: articles rarely cite data more than {RECENCY_YEARS} years old"
        allowed = before(date(latest.year + RECENCY_YEARS, 12, 31), options)
        if allowed:
            clues.constraints.append(
                Constraint(evidence(text, latest.start, latest.end, reason), allowed, RECENCY_STRENGTH)
            )


def _last_year_clue(f: Figure, clues: Clues) -> None:
    """A "last year" count matching CDC data for Y: the article is from Y+1 (any matching Y)."""
    matches = _official_matches(f.value, f.metrics, f.qualifier)
    if not matches:
        return
    said = ", ".join(
        f"{y} {metric.replace('_', ' ')} ({official:,.0f})"
        for y, (metric, official) in sorted(matches.items())
    )
    reason = (
        f'"last year" figure {f.value:,.0f} matches CDC data for {said}: the article is from the year after'
    )
    allowed = tuple(year_span(y + 1) for y in sorted(matches))
    clues.constraints.append(Constraint(_ev(f, reason), allowed, FIGURE_STRENGTH))
    clues.data_years.extend(matches)


def _vintage_clues(f: Figure, options: Options, clues: Clues) -> None:
    """Final counts exist only from their release on; provisional ones are quoted before it."""
    # Whether the figure is written as an exact, unqualified count does not depend on the
    # row: checked once, not for every final count.
    exact = _significant_digits(f.value) >= FINAL_MIN_DIGITS and f.qualifier not in _APPROXIMATE
    final = (
        [
            (year, metric, official)
            for metric, year, official in _final_counts()
            if metric in f.metrics
            and abs(f.value - official) <= FINAL_TOLERANCE * official
            and f.year in (None, year)
        ]
        if exact
        else []
    )
    if final:
        _final_clue(f, final, options, clues)
    else:
        _provisional_clue(f, options, clues)


def _final_clue(f: Figure, final: Sequence[tuple[int, str, float]], options: Options, clues: Clues) -> None:
    """The cited figure is a final count: the article is on or after its release."""
    releases = cdc_releases()
    dated = [(y, m, v, releases[y]) for y, m, v in final if y in releases and releases[y].earliest]
    if not dated:
        return
    year, metric, official, release = min(dated, key=lambda r: r[3].earliest or date.max)
    day = release.earliest
    assert day is not None
    when = day.isoformat() if release.day else day.strftime("%B %Y")
    reason = (
        f"{f.value:,.0f} is the final {year} count of {metric.replace('_', ' ')} ({official:,.0f}), "
        f"published {when}: the article is not earlier"
    )
    allowed = after(day, options)
    if allowed:
        # Exact counts are quoted mostly around the release; later copy rounds them.
        clues.constraints.append(Constraint(_ev(f, reason), allowed, FINAL_FIGURE_STRENGTH, anchors=(day,)))


def _provisional_clue(f: Figure, options: Options, clues: Clues) -> None:
    """The cited figure matches a provisional count better than the final one: most likely
    quoted before the final release (plus a few months while it stays in circulation)."""
    releases = cdc_releases()
    for metric, year, provisional in _provisional_counts():
        # The cheap per-row tests first; the release and final value only for a close count.
        if metric not in f.metrics or f.year not in (None, year):
            continue
        release = releases.get(year)
        if release is None or release.latest is None:
            continue
        if abs(f.value - provisional) > FIGURE_TOLERANCE * provisional:
            continue
        final_value = knowledge.official_value(metric, year)
        if final_value is not None and abs(f.value - final_value) <= abs(f.value - provisional):
            continue
        until = add_months(release.latest, PROVISIONAL_GRACE_MONTHS)
        reason = (
            f"{f.value:,.0f} matches the provisional {year} count ({provisional:,.0f}), not the final one"
            f"{f' ({final_value:,.0f})' if final_value else ''}: provisional figures are quoted until a few "
            f"months after the final release ({release.latest.strftime('%B %Y')})"
        )
        allowed = before(until, options)
        if allowed:
            clues.constraints.append(Constraint(_ev(f, reason), allowed, PROVISIONAL_STRENGTH))
        return


def _ev(f: Figure, reason: str) -> Evidence:
    return Evidence(f.text, f.start, f.end, reason)
