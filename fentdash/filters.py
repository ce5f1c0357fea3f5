"""Dashboard filters: which officials, years and statement kinds to show.

The same ``Filters`` value drives the sidebar, the URL (``?official=Anne+Milgram&from=2021``),
the tables and the figure, so a copied link reopens the same view. Pure pandas, no streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

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


def _years_overlap(lo: pd.Series, hi: pd.Series, filters: Filters) -> np.ndarray:
    """Rows whose [lo, hi] dates touch the filter's years; rows with no date fail a year filter."""
    keep = np.ones(len(lo), dtype=bool)
    # Comparing the year numbers (NaN for no date, which fails either comparison) is one
    # vectorised step; no fillna, no nullable booleans.
    if filters.year_from is not None:
        keep &= hi.dt.year.to_numpy(dtype=float, na_value=np.nan) >= filters.year_from
    if filters.year_to is not None:
        keep &= lo.dt.year.to_numpy(dtype=float, na_value=np.nan) <= filters.year_to
    return keep


def _has_years(filters: Filters) -> bool:
    return filters.year_from is not None or filters.year_to is not None


def _member(values: pd.Series, allowed: pd.Series) -> np.ndarray:
    """``values.isin(allowed)`` as a numpy mask.

    A hash lookup through an Index of the distinct allowed values: ``Series.isin`` on Arrow
    strings makes a pyarrow scalar of every allowed value, ~75 ms for 10,000 article ids.
    """
    return pd.Index(allowed.unique()).get_indexer(values) >= 0


def _statement_mask(statements: pd.DataFrame, filters: Filters) -> np.ndarray:
    keep = np.ones(len(statements), dtype=bool)
    if filters.officials:
        keep &= statements["speaker"].isin(filters.officials).to_numpy(dtype=bool)
    if filters.kinds:
        keep &= statements["kind"].isin(filters.kinds).to_numpy(dtype=bool)
    if _has_years(filters):
        # A statement dated by a window counts in every year the window touches.
        lo = statements["date"].fillna(statements["date_earliest"])
        hi = statements["date"].fillna(statements["date_latest"])
        keep &= _years_overlap(lo, hi, filters)
    return keep


def filter_masks(frames: Mapping[str, pd.DataFrame], filters: Filters) -> dict[str, np.ndarray | None]:
    """The rows ``apply_filters`` keeps, as a boolean array per frame (None: keep every row).

    Lets a caller that needs a few columns select only those (``charts.build_main_figure``).
    """
    masks: dict[str, np.ndarray | None] = {name: None for name in frames}
    if not filters.active:
        return masks
    statements = frames["statements"]
    kept = _statement_mask(statements, filters)
    masks["statements"] = kept
    by_person = bool(filters.officials or filters.kinds)
    quoting = statements["article_id"][kept]  # the articles that quote a kept statement

    statistics = frames.get("statistics")
    if statistics is not None:
        keep = np.ones(len(statistics), dtype=bool)
        if filters.officials:
            speaker = statistics["speaker"]
            keep &= speaker.isin(filters.officials).to_numpy(dtype=bool) | (
                speaker.isna().to_numpy(dtype=bool) & _member(statistics["article_id"], quoting)
            )
        if _has_years(filters):
            lo = statistics["period_start"].fillna(statistics["article_date"])
            hi = statistics["period_end"].fillna(statistics["article_date"])
            keep &= _years_overlap(lo, hi, filters)
        masks["statistics"] = keep

    articles = frames.get("articles")
    if articles is not None:
        keep = np.ones(len(articles), dtype=bool)
        if by_person:
            keep &= _member(articles["id"], quoting)
        if _has_years(filters):
            lo = articles["date"].fillna(articles["earliest"])
            hi = articles["date"].fillna(articles["latest"])
            keep &= _years_overlap(lo, hi, filters)
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
