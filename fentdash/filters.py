"""Dashboard filters: which officials, years and statement kinds to show.

The same ``Filters`` value drives the sidebar, the URL (``?official=Anne+Milgram&from=2021``),
the tables and the figure, so a copied link reopens the same view. Pure pandas, no streamlit.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

# URL parameter names (the sidebar widgets use them as keys, so they are the URL too).
PARAM_OFFICIAL = "official"
PARAM_FROM = "from"
PARAM_TO = "to"
PARAM_KIND = "kind"
FILTER_PARAMS: tuple[str, ...] = (PARAM_OFFICIAL, PARAM_FROM, PARAM_TO, PARAM_KIND)

STATEMENT_KINDS: tuple[str, ...] = ("direct", "reported")


@dataclass(frozen=True, slots=True)
class Filters:
    """What the user asked to see; empty fields mean "no restriction"."""

    officials: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    kinds: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.officials or self.kinds) or self.year_from is not None or self.year_to is not None

    def describe(self) -> str:
        """One line for figure annotations and page captions."""
        parts = []
        if self.officials:
            parts.append("Officials: " + ", ".join(self.officials))
        if self.year_from is not None or self.year_to is not None:
            lo = self.year_from if self.year_from is not None else "…"
            hi = self.year_to if self.year_to is not None else "…"
            parts.append(f"Years: {lo}–{hi}")
        if self.kinds:
            parts.append("Kind: " + ", ".join(self.kinds))
        return " · ".join(parts) if parts else "No filters: all officials, all years"


def _as_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _parse_year(raw: list[str], name: str, bounds: tuple[int, int], notices: list[str]) -> int | None:
    values = [v for v in raw if v.strip()]
    if not values:
        return None
    text = values[-1].strip()  # repeated single-valued parameters: the last wins, as in Streamlit
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        notices.append(f"Ignored '{name}={text}': expected a four-digit year.")
        return None
    year = int(text)
    lo, hi = bounds
    if not lo <= year <= hi:
        notices.append(f"Ignored '{name}={year}': years available are {lo}–{hi}.")
        return None
    return year


def normalise(filters: Filters) -> tuple[Filters, list[str]]:
    """Put a reversed year range the right way round, saying so."""
    lo, hi = filters.year_from, filters.year_to
    if lo is not None and hi is not None and lo > hi:
        return replace(filters, year_from=hi, year_to=lo), [f"Swapped the years: {lo} is after {hi}."]
    return filters, []


def parse_query(
    params: Mapping[str, str | list[str]],
    *,
    known_officials: Iterable[str],
    year_bounds: tuple[int, int],
    extra_params: Iterable[str] = (),
) -> tuple[Filters, list[str]]:
    """Read filters from URL parameters; anything unknown or malformed is dropped with a notice.

    ``extra_params`` are parameters other parts of the app own (e.g. ``article``): not flagged.
    """
    notices: list[str] = []
    known = set(known_officials)
    allowed = set(FILTER_PARAMS) | set(extra_params)
    for key in params:
        if key not in allowed:
            notices.append(f"Ignored unknown parameter '{key}'.")
    officials: list[str] = []
    for name in _as_list(params.get(PARAM_OFFICIAL)):
        if not name.strip():
            continue
        if name not in known:
            notices.append(f"Ignored official '{name}': no statements by this name in the corpus.")
        elif name not in officials:
            officials.append(name)
    kinds: list[str] = []
    for kind in _as_list(params.get(PARAM_KIND)):
        if kind not in STATEMENT_KINDS:
            notices.append(f"Ignored 'kind={kind}': use one of {', '.join(STATEMENT_KINDS)}.")
        elif kind not in kinds:
            kinds.append(kind)
    year_from = _parse_year(_as_list(params.get(PARAM_FROM)), PARAM_FROM, year_bounds, notices)
    year_to = _parse_year(_as_list(params.get(PARAM_TO)), PARAM_TO, year_bounds, notices)
    filters, swapped = normalise(Filters(tuple(officials), year_from, year_to, tuple(kinds)))
    return filters, notices + swapped


def to_query(filters: Filters) -> dict[str, str | list[str]]:
    """The URL parameters that reproduce ``filters`` (empty fields omitted)."""
    query: dict[str, str | list[str]] = {}
    if filters.officials:
        query[PARAM_OFFICIAL] = list(filters.officials)
    if filters.year_from is not None:
        query[PARAM_FROM] = str(filters.year_from)
    if filters.year_to is not None:
        query[PARAM_TO] = str(filters.year_to)
    if filters.kinds:
        query[PARAM_KIND] = list(filters.kinds)
    return query


class FrameMemo:
    """Values derived from a DataFrame, kept while that very object lives (keyed by identity:
    DataFrames are unhashable). For frames the app prepares once and never changes in place."""

    def __init__(self) -> None:
        self._items: dict[int, tuple[weakref.ref, Any]] = {}

    def get(self, frame: pd.DataFrame) -> Any:
        item = self._items.get(id(frame))
        return item[1] if item is not None and item[0]() is frame else None

    def put(self, frame: pd.DataFrame, value: Any) -> None:
        key = id(frame)
        self._items[key] = (weakref.ref(frame, lambda _ref: self._items.pop(key, None)), value)


@dataclass(frozen=True, slots=True)
class _YearSpan:
    """First and last year of each row's date window (NaN when undated)."""

    lo: np.ndarray
    hi: np.ndarray


def _year_span(lo: pd.Series, hi: pd.Series) -> _YearSpan:
    # Year numbers (NaN for no date, which fails either comparison): one vectorised step per
    # bound, no fillna, no nullable booleans.
    return _YearSpan(
        lo.dt.year.to_numpy(dtype=float, na_value=np.nan), hi.dt.year.to_numpy(dtype=float, na_value=np.nan)
    )


def _years_overlap(span: _YearSpan, filters: Filters) -> np.ndarray:
    """Rows whose [lo, hi] dates touch the filter's years; rows with no date fail a year filter."""
    keep = np.ones(len(span.lo), dtype=bool)
    if filters.year_from is not None:
        keep &= span.hi >= filters.year_from
    if filters.year_to is not None:
        keep &= span.lo <= filters.year_to
    return keep


def _has_years(filters: Filters) -> bool:
    return filters.year_from is not None or filters.year_to is not None


def _member(values: pd.Series, allowed: pd.Series) -> np.ndarray:
    """``values.isin(allowed)`` as a numpy mask.

    A hash lookup through an Index of the distinct allowed values: ``Series.isin`` on Arrow
    strings makes a pyarrow scalar of every allowed value, ~75 ms for 10,000 article ids.
    """
    return pd.Index(allowed.unique()).get_indexer(values) >= 0


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What ``filter_masks`` derives from a corpus' frames whatever the filters: year spans,
    and article ids as shared integer codes (membership is then an array lookup, not hashing
    100,000 strings per filter change)."""

    statement_years: _YearSpan
    statement_article: np.ndarray
    statistic_years: _YearSpan | None
    statistic_article: np.ndarray | None
    article_years: _YearSpan | None
    article_code: np.ndarray | None
    n_codes: int


_PREPARED = FrameMemo()  # statements frame -> _Prepared (with the other frames it was built for)


def _statement_years(statements: pd.DataFrame) -> _YearSpan:
    # A statement dated by a window counts in every year the window touches.
    date = statements["date"]
    return _year_span(date.fillna(statements["date_earliest"]), date.fillna(statements["date_latest"]))


def _statistic_years(statistics: pd.DataFrame) -> _YearSpan:
    when = statistics["article_date"]
    return _year_span(statistics["period_start"].fillna(when), statistics["period_end"].fillna(when))


def _article_years(articles: pd.DataFrame) -> _YearSpan:
    date = articles["date"]
    return _year_span(date.fillna(articles["earliest"]), date.fillna(articles["latest"]))


def prepare_filtering(frames: Mapping[str, pd.DataFrame]) -> None:
    """Compute once per corpus what every filter change needs (the app's loader, through
    ``charts.prepare_frames``); ``filter_masks`` gives the same masks with or without it."""
    statements, statistics, articles = frames["statements"], frames.get("statistics"), frames.get("articles")
    ids = [statements["article_id"]]
    ids += [statistics["article_id"]] if statistics is not None else []
    ids += [articles["id"]] if articles is not None else []
    codes, uniques = pd.factorize(pd.concat(ids, ignore_index=True))  # missing ids: -1
    bounds = np.cumsum([0, *map(len, ids)])
    parts = [codes[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    prepared = _Prepared(
        statement_years=_statement_years(statements),
        statement_article=parts[0],
        statistic_years=_statistic_years(statistics) if statistics is not None else None,
        statistic_article=parts[1] if statistics is not None else None,
        article_years=_article_years(articles) if articles is not None else None,
        article_code=parts[-1] if articles is not None else None,
        n_codes=len(uniques),
    )
    _PREPARED.put(statements, (prepared, statistics, articles))


def _prepared_for(frames: Mapping[str, pd.DataFrame]) -> _Prepared | None:
    """The precomputed arrays, when they were built for these very frames."""
    found = _PREPARED.get(frames["statements"])
    if found is None:
        return None
    prepared, statistics, articles = found
    if frames.get("statistics") is not statistics or frames.get("articles") is not articles:
        return None
    return prepared


def _statement_mask(statements: pd.DataFrame, filters: Filters, years: _YearSpan | None) -> np.ndarray:
    keep = np.ones(len(statements), dtype=bool)
    if filters.officials:
        keep &= statements["speaker"].isin(filters.officials).to_numpy(dtype=bool)
    if filters.kinds:
        keep &= statements["kind"].isin(filters.kinds).to_numpy(dtype=bool)
    if _has_years(filters):
        keep &= _years_overlap(years or _statement_years(statements), filters)
    return keep


def _quoted(codes: np.ndarray, quoting_codes: np.ndarray, n_codes: int) -> np.ndarray:
    """Which ``codes`` are among ``quoting_codes``. A missing id (code -1) lands in an extra
    last slot, so it matches a missing id as ``_member``'s Index lookup does."""
    table = np.zeros(n_codes + 1, dtype=bool)
    table[quoting_codes] = True
    return table[codes]


def filter_masks(frames: Mapping[str, pd.DataFrame], filters: Filters) -> dict[str, np.ndarray | None]:
    """The rows ``apply_filters`` keeps, as a boolean array per frame (None: keep every row).

    Lets a caller that needs a few columns select only those (``charts.build_main_figure``).
    """
    masks: dict[str, np.ndarray | None] = {name: None for name in frames}
    if not filters.active:
        return masks
    prepared = _prepared_for(frames)
    statements = frames["statements"]
    kept = _statement_mask(statements, filters, prepared.statement_years if prepared else None)
    masks["statements"] = kept
    by_person = bool(filters.officials or filters.kinds)

    def quoting(codes: np.ndarray | None, values: pd.Series) -> np.ndarray:
        """Rows of ``values`` (article ids) whose article quotes a kept statement."""
        if prepared is not None and codes is not None:
            return _quoted(codes, prepared.statement_article[kept], prepared.n_codes)
        return _member(values, statements["article_id"][kept])

    statistics = frames.get("statistics")
    if statistics is not None:
        keep = np.ones(len(statistics), dtype=bool)
        if filters.officials:
            speaker = statistics["speaker"]
            keep &= speaker.isin(filters.officials).to_numpy(dtype=bool) | (
                speaker.isna().to_numpy(dtype=bool)
                & quoting(prepared.statistic_article if prepared else None, statistics["article_id"])
            )
        if _has_years(filters):
            span = prepared.statistic_years if prepared else None
            keep &= _years_overlap(span or _statistic_years(statistics), filters)
        masks["statistics"] = keep

    articles = frames.get("articles")
    if articles is not None:
        keep = np.ones(len(articles), dtype=bool)
        if by_person:
            keep &= quoting(prepared.article_code if prepared else None, articles["id"])
        if _has_years(filters):
            span = prepared.article_years if prepared else None
            keep &= _years_overlap(span or _article_years(articles), filters)
        masks["articles"] = keep
    return masks


def apply_filters(frames: Mapping[str, pd.DataFrame], filters: Filters) -> dict[str, pd.DataFrame]:
    """Statements by speaker/kind/year; statistics by speaker (or article), period; articles likewise.

    A statistic is kept when a chosen official is its speaker, or it has no speaker and its
    article quotes a chosen official; with a year filter, its period (else its article's date)
    must touch the years. Articles are kept when they hold a kept statement (with an official
    or kind filter) and their date window touches the years. Errors are never filtered.
    """
    masks = filter_masks(frames, filters)
    return {name: frame if masks[name] is None else frame[masks[name]] for name, frame in frames.items()}


def official_counts(statements: pd.DataFrame) -> pd.DataFrame:
    """Speakers with their number of statements, most quoted first (ties by name)."""
    if statements.empty:
        return pd.DataFrame({"speaker": pd.Series(dtype=object), "statements": pd.Series(dtype="int64")})
    counts = (
        statements["speaker"].dropna().value_counts().rename_axis("speaker").reset_index(name="statements")
    )
    counts["statements"] = counts["statements"].astype("int64")
    return counts.sort_values(["statements", "speaker"], ascending=[False, True], ignore_index=True)


def year_bounds(frames: Mapping[str, pd.DataFrame], *, default: tuple[int, int]) -> tuple[int, int]:
    """The years the filters may take: the corpus' statement and article years, widened to ``default``."""
    years = [default[0], default[1]]
    for name, cols in (
        ("statements", ("date_earliest", "date", "date_latest")),
        ("articles", ("earliest", "date", "latest")),
    ):
        frame = frames.get(name)
        if frame is None or frame.empty:
            continue
        for col in cols:
            values = frame[col].dropna()
            if not values.empty:
                years += [int(values.min().year), int(values.max().year)]
    return min(years), max(years)
