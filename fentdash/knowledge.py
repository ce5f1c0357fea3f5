"""The knowledge base: officials, dated events, the CDC series, organisations.

All facts live in CSV files under ``fentdash/data/`` (each row with its source) so users
can extend them without touching code. Point ``FENTDASH_DATA`` at another folder holding
files of the same names to use a different knowledge base.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where a frame is built: parse workers never need pandas
    import pandas as pd

DEFAULT_DATA_DIR = Path(__file__).with_name("data")


def data_dir() -> Path:
    return Path(os.environ.get("FENTDASH_DATA") or DEFAULT_DATA_DIR)


@dataclass(frozen=True, slots=True)
class Term:
    """One person in one office for one stretch of time (``end`` None = still in office)."""

    name: str
    role: str
    organization: str
    start: date
    end: date | None
    role_aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    aliases: tuple[str, ...]
    terms: tuple[Term, ...]
    gender: str | None = None  # "female" | "male" | None, for resolving "he"/"she"

    @property
    def surname(self) -> str:
        return self.name.replace(".", " ").split()[-1]

    def role_on(self, day: date | None) -> str | None:
        """The role held on ``day`` (or the first listed role when ``day`` is None)."""
        if day is None:
            return self.terms[0].role if self.terms else None
        for term in self.terms:
            if term.start <= day and (term.end is None or day <= term.end):
                return term.role
        return None


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    day: date
    precision: str
    cue: re.Pattern[str]
    source: str
    data_year: int | None = None  # the year the event's figures describe ("4 in 10 pills": 2021)
    superseded_on: date | None = None  # when a newer figure replaced this one


def _date_or_none(value: str) -> date | None:
    value = (value or "").strip()
    return date.fromisoformat(value) if value else None


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def _rows(name: str) -> list[dict[str, str]]:
    with open(data_dir() / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def officials() -> tuple[Official, ...]:
    """Every official in ``officials.csv``, terms grouped by person, in file order."""
    grouped: dict[str, tuple[list[str], list[Term]]] = {}
    genders: dict[str, str] = {}
    for row in _rows("officials.csv"):
        name = row["name"].strip()
        start = _date_or_none(row["start"])
        if not name or start is None:
            continue
        if (row.get("gender") or "").strip():
            genders[name] = row["gender"].strip().lower()
        aliases, terms = grouped.setdefault(name, ([], []))
        for alias in _split(row.get("aliases", "")):
            if alias not in aliases:
                aliases.append(alias)
        terms.append(
            Term(
                name=name,
                role=row["role"].strip(),
                organization=row["organization"].strip(),
                start=start,
                end=_date_or_none(row["end"]),
                role_aliases=_split(row.get("role_aliases", "")),
                source=row.get("source", "").strip(),
            )
        )
    return tuple(
        Official(name, tuple(aliases), tuple(terms), genders.get(name))
        for name, (aliases, terms) in grouped.items()
    )


@lru_cache(maxsize=1)
def officials_by_name() -> dict[str, Official]:
    return {o.name: o for o in officials()}


@lru_cache(maxsize=1)
def events() -> tuple[Event, ...]:
    return tuple(
        Event(
            name=row["event"].strip(),
            day=date.fromisoformat(row["date"].strip()),
            precision=row.get("precision", "day").strip() or "day",
            cue=re.compile(row["cue_pattern"], re.IGNORECASE),
            source=row.get("source", "").strip(),
            data_year=int(row["data_year"]) if (row.get("data_year") or "").strip() else None,
            superseded_on=_date_or_none(row.get("superseded_on") or ""),
        )
        for row in _rows("events.csv")
        if row.get("cue_pattern", "").strip()
    )


@lru_cache(maxsize=1)
def organizations() -> dict[str, tuple[str, ...]]:
    """Canonical organisation name -> aliases (acronyms and short forms)."""
    return {row["name"].strip(): _split(row.get("aliases", "")) for row in _rows("organizations.csv")}


# Columns of the CDC file and the metric names the rest of the code uses for them.
CDC_METRICS = {
    "overdose_deaths": "all_drug_od_deaths",
    "synthetic_opioid_deaths": "synthetic_opioids_T40.4_deaths",
    "heroin_deaths": "heroin_T40.1_deaths",
    "opioid_deaths": "any_opioid_deaths",
    "overdose_death_rate": "all_drug_aadr",
    "synthetic_opioid_death_rate": "synthetic_aadr",
}


@lru_cache(maxsize=1)
def cdc_series() -> pd.DataFrame:
    """CDC/NCHS final annual counts, one row per year; empty cells stay NaN (never filled)."""
    import pandas as pd

    return pd.read_csv(data_dir() / "cdc_overdose_deaths_by_year.csv")


def cdc_long() -> pd.DataFrame:
    """The CDC series as rows of (year, metric, value, source), unconfirmed cells dropped."""
    import pandas as pd

    wide = cdc_series()
    frames = [
        pd.DataFrame(
            {"year": wide["year"], "metric": metric, "value": wide[column], "source": wide["source"]}
        )
        for metric, column in CDC_METRICS.items()
    ]
    return pd.concat(frames, ignore_index=True).dropna(subset=["value"]).reset_index(drop=True)


@lru_cache(maxsize=1)
def provisional_figures() -> pd.DataFrame:
    import pandas as pd

    return pd.read_csv(data_dir() / "provisional_figures.csv", parse_dates=["quoted_from"])


@lru_cache(maxsize=1)
def official_counts() -> tuple[tuple[str, int, float], ...]:
    """(metric, year, value) of every final CDC figure, in ``cdc_long``'s order.

    Read with the csv module: parsing needs these values, and parse workers should not pay
    for importing pandas.
    """
    with open(data_dir() / "cdc_overdose_deaths_by_year.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(
        (metric, int(row["year"]), float(row[column]))
        for metric, column in CDC_METRICS.items()
        for row in rows
        if (row.get(column) or "").strip()
    )


@lru_cache(maxsize=1)
def provisional_counts() -> tuple[tuple[str, int, float], ...]:
    """(metric, data year, provisional value) of every provisional figure, in file order."""
    with open(data_dir() / "provisional_figures.csv", newline="", encoding="utf-8") as fh:
        return tuple(
            (row["metric"], int(row["data_year"]), float(row["provisional_value"]))
            for row in csv.DictReader(fh)
        )


@lru_cache(maxsize=1)
def _official_values() -> dict[tuple[str, int], float]:
    """(metric, year) -> final CDC value; a dict because dating looks values up per figure."""
    return {(m, y): v for m, y, v in official_counts()}


def official_value(metric: str, year: int) -> float | None:
    """The final CDC figure for ``metric`` in ``year``, or None when the file has none."""
    return _official_values().get((metric, year))


def reset_caches() -> None:
    """Forget loaded files (after editing them, or in tests that point FENTDASH_DATA elsewhere)."""
    for fn in (
        officials,
        officials_by_name,
        events,
        organizations,
        cdc_series,
        provisional_figures,
        official_counts,
        provisional_counts,
        _official_values,
    ):
        fn.cache_clear()
