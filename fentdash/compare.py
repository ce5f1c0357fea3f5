"""Cited vs official: each figure an article cites, set against the CDC/NCHS final series.

Pure: a statistics DataFrame in, the same rows plus comparison columns out. The official
series and the provisional figures come from the knowledge base (data files), never code.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from . import knowledge

# Metrics the CDC annual series covers (knowledge.CDC_METRICS), and their changes.
CDC_COMPARABLE: tuple[str, ...] = (
    "overdose_deaths",
    "synthetic_opioid_deaths",
    "heroin_deaths",
    "opioid_deaths",
    "overdose_death_rate",
)
CHANGE_SUFFIX = "_change"
# Rates cannot be summed over several years; counts can.
SUMMABLE: frozenset[str] = frozenset(
    {"overdose_deaths", "synthetic_opioid_deaths", "heroin_deaths", "opioid_deaths"}
)

MATCHES, OVERSTATED, UNDERSTATED, NO_FIGURE = "matches", "overstated", "understated", "no official figure"
VERDICTS: tuple[str, ...] = (MATCHES, OVERSTATED, UNDERSTATED, NO_FIGURE)

# "Within a few percent": provisional counts and rounding ("about 20,000") stay inside this.
MATCH_TOLERANCE_PCT = 5.0

# Qualifiers that make the cited value a floor ("more than 60,000") or a ceiling ("nearly 110,000").
LOWER_BOUND_QUALIFIERS: frozenset[str] = frozenset(
    {
        "more than",
        "over",
        "well over",
        "just over",
        "at least",
        "beyond",
        "above",
        "upwards of",
        "in excess of",
        "exceeding",
        "greater than",
        "higher than",
        "north of",
        "topping",
        "surpassing",
    }
)
UPPER_BOUND_QUALIFIERS: frozenset[str] = frozenset(
    {
        "almost",
        "nearly",
        "up to",
        "as many as",
        "as much as",
        "under",
        "less than",
        "fewer than",
        "just under",
        "not quite",
        "shy of",
        "below",
    }
)

# CDC/NCHS publish final data for year Y around late December of Y+1 (data briefs: 2016 data on
# 2017-12-21, 2020 data on 2021-12-22); before that only provisional counts circulate.
FINAL_DATA_RELEASE: tuple[int, int] = (12, 20)  # (month, day) of year Y+1

COMPARISON_COLUMNS: tuple[str, ...] = (
    "official_value",
    "difference_pct",
    "verdict",
    "bound",
    "claim_holds",
    "provisional_only",
    "provisional_value",
    "official_basis",
)


def base_metric(metric: str | None) -> tuple[str | None, bool]:
    """``("synthetic_opioid_deaths", True)`` for ``synthetic_opioid_deaths_change``."""
    if not isinstance(metric, str):
        return None, False
    if metric.endswith(CHANGE_SUFFIX):
        return metric[: -len(CHANGE_SUFFIX)], True
    return metric, False


def is_comparable(metric: str | None) -> bool:
    base, _ = base_metric(metric)
    return base in CDC_COMPARABLE


def bound_of(qualifier: str | None) -> str | None:
    """``"lower"`` when the cited value is a floor, ``"upper"`` when a ceiling, else None."""
    if not isinstance(qualifier, str):
        return None
    q = qualifier.strip().lower()
    if q in LOWER_BOUND_QUALIFIERS:
        return "lower"
    if q in UPPER_BOUND_QUALIFIERS:
        return "upper"
    return None


def verdict_for(
    cited: float, official: float, *, tolerance_pct: float = MATCH_TOLERANCE_PCT
) -> tuple[float, str]:
    """Difference in percent of the official value, and the verdict it earns."""
    if official == 0:
        return float("nan"), NO_FIGURE
    diff = (cited - official) / abs(official) * 100.0
    if abs(diff) <= tolerance_pct:
        return diff, MATCHES
    return diff, OVERSTATED if diff > 0 else UNDERSTATED


def claim_holds(
    cited: float, official: float, bound: str | None, *, tolerance_pct: float = MATCH_TOLERANCE_PCT
) -> bool:
    """Whether the claim is literally true: "more than 60,000" holds for 70,601 (if understated)."""
    slack = abs(official) * tolerance_pct / 100.0
    if bound == "lower":
        return official >= cited - slack
    if bound == "upper":
        return official <= cited + slack
    return abs(cited - official) <= slack


def whole_years(start: pd.Timestamp | None, end: pd.Timestamp | None) -> tuple[int, int] | None:
    """``(first, last)`` year when the period is a run of whole calendar years, else None."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None
    if (start.month, start.day) != (1, 1) or (end.month, end.day) != (12, 31) or end < start:
        return None
    return int(start.year), int(end.year)


def _series_lookup(cdc_long: pd.DataFrame) -> dict[tuple[str, int], float]:
    return {
        (m, int(y)): float(v)
        for m, y, v in zip(cdc_long["metric"], cdc_long["year"], cdc_long["value"], strict=True)
    }


def official_for(
    metric: str | None,
    years: tuple[int, int] | None,
    series: Mapping[tuple[str, int], float],
    *,
    unit: str | None = None,
) -> tuple[float | None, str | None]:
    """The official value for a metric over whole years, and how it was computed.

    One year: the annual value. Several years: a change (start year -> end year) for
    ``*_change`` metrics, or a sum of the annual counts when every year is present.
    """
    base, is_change = base_metric(metric)
    if base not in CDC_COMPARABLE or years is None:
        return None, None
    first, last = years
    if is_change:
        lo, hi = series.get((base, first)), series.get((base, last))
        if first == last or lo is None or hi is None or lo == 0:
            return None, None
        if unit == "fold":
            return hi / lo, f"{base} {last} / {first}"
        return (hi - lo) / lo * 100.0, f"{base} {first}→{last} change, %"
    if first == last:
        value = series.get((base, first))
        return (value, f"{base} {first}") if value is not None else (None, None)
    if base not in SUMMABLE:
        return None, None
    values = [series.get((base, y)) for y in range(first, last + 1)]
    if any(v is None for v in values):
        return None, None
    return float(sum(values)), f"{base} summed {first}–{last}"  # type: ignore[arg-type]


def provisional_only(
    last_year: int | None,
    article_date: pd.Timestamp | None,
    *,
    final_release: tuple[int, int] = FINAL_DATA_RELEASE,
) -> bool | None:
    """True when the article appeared before CDC's final data for the period's last year."""
    if last_year is None or article_date is None or pd.isna(article_date):
        return None
    final_out = date(last_year + 1, *final_release)
    return article_date.date() < final_out


def _provisional_lookup(provisional: pd.DataFrame) -> dict[tuple[str, int], list[tuple[pd.Timestamp, float]]]:
    out: dict[tuple[str, int], list[tuple[pd.Timestamp, float]]] = {}
    for year, metric, value, since in zip(
        provisional["data_year"],
        provisional["metric"],
        provisional["provisional_value"],
        provisional["quoted_from"],
        strict=True,
    ):
        out.setdefault((metric, int(year)), []).append((pd.Timestamp(since), float(value)))
    return out


def _compare_row(
    metric, unit, value, qualifier, start, end, published, *, series, prov, tolerance_pct
) -> tuple:
    """One statistic's comparison, in COMPARISON_COLUMNS order."""
    years = whole_years(start, end)
    official, basis = official_for(metric, years, series, unit=unit)
    bound = bound_of(qualifier)
    if official is None or value is None or pd.isna(value):
        diff, verdict, holds = None, NO_FIGURE, None
    else:
        diff, verdict = verdict_for(float(value), official, tolerance_pct=tolerance_pct)
        holds = claim_holds(float(value), official, bound, tolerance_pct=tolerance_pct)
    base, is_change = base_metric(metric)
    known = None
    dated = published is not None and not pd.isna(published)
    if years and base is not None and not is_change and years[0] == years[1] and dated:
        seen = [v for since, v in prov.get((base, years[0]), []) if since <= published]
        known = seen[-1] if seen else None
    first_final = provisional_only(years[1], published) if years and official is not None else None
    return official, diff, verdict, bound, holds, first_final, known, basis


def compare_statistics(
    statistics: pd.DataFrame,
    *,
    cdc: pd.DataFrame | None = None,
    provisional: pd.DataFrame | None = None,
    tolerance_pct: float = MATCH_TOLERANCE_PCT,
) -> pd.DataFrame:
    """``statistics`` plus COMPARISON_COLUMNS.

    ``cdc`` is the long series (year, metric, value; default ``knowledge.cdc_long()``);
    ``provisional`` the provisional figures (default ``knowledge.provisional_figures()``).
    ``provisional_value`` is the provisional figure circulating when the article appeared.
    Rows whose metric the CDC series does not cover get "no official figure" without a lookup.
    """
    series = _series_lookup(knowledge.cdc_long() if cdc is None else cdc)
    prov = _provisional_lookup(knowledge.provisional_figures() if provisional is None else provisional)
    out = statistics.copy()
    out["official_value"] = pd.Series(float("nan"), index=out.index, dtype="float64")
    out["difference_pct"] = pd.Series(float("nan"), index=out.index, dtype="float64")
    out["verdict"] = pd.Series(NO_FIGURE, index=out.index, dtype="object")
    out["bound"] = pd.Series([bound_of(q) for q in statistics["qualifier"]], index=out.index, dtype="object")
    for col in ("claim_holds", "provisional_only", "official_basis"):
        out[col] = pd.Series([None] * len(out), index=out.index, dtype="object")
    out["provisional_value"] = pd.Series(float("nan"), index=out.index, dtype="float64")
    comparable = (
        statistics["metric"].map(is_comparable).astype(bool) if len(statistics) else statistics["metric"]
    )
    rows = statistics[comparable]
    if rows.empty:
        return out
    published = rows["article_date"] if "article_date" in rows else pd.Series(pd.NaT, index=rows.index)
    results = [
        _compare_row(*cells, series=series, prov=prov, tolerance_pct=tolerance_pct)
        for cells in zip(
            rows["metric"],
            rows["unit"],
            pd.to_numeric(rows["value"], errors="coerce"),
            rows["qualifier"],
            rows["period_start"],
            rows["period_end"],
            published,
            strict=True,
        )
    ]
    table = pd.DataFrame(results, index=rows.index, columns=list(COMPARISON_COLUMNS))
    for col in COMPARISON_COLUMNS:
        out.loc[rows.index, col] = table[col].astype(_DTYPES[col])
    return out


_DTYPES: dict[str, str] = {
    "official_value": "float64",
    "difference_pct": "float64",
    "verdict": "object",
    "bound": "object",
    "claim_holds": "object",
    "provisional_only": "object",
    "provisional_value": "float64",
    "official_basis": "object",
}


def ensure_compared(statistics: pd.DataFrame, **options) -> pd.DataFrame:
    """Compare once: frames loaded by the app already carry the columns."""
    if all(c in statistics.columns for c in COMPARISON_COLUMNS):
        return statistics
    return compare_statistics(statistics, **options)
