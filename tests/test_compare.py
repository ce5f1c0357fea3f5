"""Cited vs official: exact verdicts, differences and provisional flags against the CDC file."""

from __future__ import annotations

import pandas as pd
import pytest

from fentdash.compare import (
    COMPARISON_COLUMNS,
    base_metric,
    bound_of,
    claim_holds,
    compare_statistics,
    ensure_compared,
    official_for,
    provisional_only,
    verdict_for,
    whole_years,
)

T = pd.Timestamp
NaT = pd.NaT


def _row(metric, value, unit="deaths", qualifier=None, start=None, end=None, published=None):
    return dict(
        metric=metric,
        value=value,
        unit=unit,
        qualifier=qualifier,
        period_start=T(start) if start else NaT,
        period_end=T(end) if end else NaT,
        article_date=T(published) if published else NaT,
    )


# (row, official_value, difference_pct (1 decimal), verdict, claim_holds, provisional_only, provisional_value)
CASES = [
    # Sessions, Dec 2017: "20,000 deaths last year" (synthetic opioids 2016) vs final 19,413.
    (
        _row("synthetic_opioid_deaths", 20000, start="2016-01-01", end="2016-12-31", published="2017-12-14"),
        19413.0,
        3.0,
        "matches",
        True,
        True,
        20100.0,
    ),
    # "64,000 deaths by drug poisoning overall" (2016) vs 63,632.
    (
        _row("overdose_deaths", 64000, start="2016-01-01", end="2016-12-31", published="2017-12-14"),
        63632.0,
        0.6,
        "matches",
        True,
        True,
        64000.0,
    ),
    # "almost 400% increase on two years previously": 5,544 -> 19,413 is +250.2%.
    (
        _row(
            "synthetic_opioid_deaths_change",
            400,
            unit="percent",
            qualifier="almost",
            start="2014-01-01",
            end="2016-12-31",
            published="2017-12-14",
        ),
        250.2,
        59.9,
        "overstated",
        True,
        True,
        None,
    ),  # literally under 400, but far from it
    # Milgram, May 2022: "beyond 60.000 overdose deaths" from fentanyl in 2021 vs 70,601: true but understated.
    (
        _row(
            "synthetic_opioid_deaths",
            60000,
            qualifier="more than",
            start="2021-01-01",
            end="2021-12-31",
            published="2022-05-10",
        ),
        70601.0,
        -15.0,
        "understated",
        True,
        True,
        None,
    ),  # the ~71,000 provisional came out 2022-05-11
    # "more than one million Americans since 2001": the 2001-2021 totals sum to 1,004,799.
    (
        _row(
            "overdose_deaths",
            1_000_000,
            qualifier="more than",
            start="2001-01-01",
            end="2021-12-31",
            published="2022-05-10",
        ),
        1004799.0,
        -0.5,
        "matches",
        True,
        True,
        None,
    ),
    # A rate per 100,000 (2022: 32.6), quoted after the final data came out.
    (
        _row(
            "overdose_death_rate",
            32.6,
            unit="per_100k",
            start="2022-01-01",
            end="2022-12-31",
            published="2024-06-01",
        ),
        32.6,
        0.0,
        "matches",
        True,
        False,
        None,
    ),
    # "tripled" from 2015 to 2017 (9,580 -> 28,466 is x2.97).
    (
        _row(
            "synthetic_opioid_deaths_change",
            3,
            unit="fold",
            start="2015-01-01",
            end="2017-12-31",
            published="2019-03-01",
        ),
        3.0,
        1.0,
        "matches",
        True,
        False,
        None,
    ),
    # "nearly 110,000" for 2022 (107,941): a ceiling within 2%.
    (
        _row(
            "overdose_deaths",
            110000,
            qualifier="nearly",
            start="2022-01-01",
            end="2022-12-31",
            published="2023-05-20",
        ),
        107941.0,
        1.9,
        "matches",
        True,
        True,
        109680.0,
    ),
    # An overstated plain figure: 90,000 synthetic deaths in 2021.
    (
        _row("synthetic_opioid_deaths", 90000, start="2021-01-01", end="2021-12-31", published="2023-01-10"),
        70601.0,
        27.5,
        "overstated",
        False,
        False,
        71000.0,
    ),
]


@pytest.mark.parametrize("row,official,diff,verdict,holds,provisional,prov_value", CASES)
def test_compare_cases(row, official, diff, verdict, holds, provisional, prov_value):
    got = compare_statistics(pd.DataFrame([row])).iloc[0]
    assert round(got["official_value"], 1) == official
    assert round(got["difference_pct"], 1) == diff
    assert got["verdict"] == verdict
    assert got["claim_holds"] is holds
    assert got["provisional_only"] is provisional
    assert (None if pd.isna(got["provisional_value"]) else got["provisional_value"]) == prov_value


@pytest.mark.parametrize(
    "row,reason",
    [
        (
            _row(
                "synthetic_opioid_deaths", 60000, start="2020-01-01", end="2020-12-31", published="2021-06-01"
            ),
            "2020 synthetic count is not confirmed in the CDC file",
        ),
        (
            _row(
                "teen_overdose_share",
                75,
                unit="percent",
                start="2021-01-01",
                end="2021-12-31",
                published="2022-05-10",
            ),
            "not a CDC series",
        ),
        (
            _row("overdose_deaths", 9000, start="2021-01-01", end="2021-03-31", published="2021-09-01"),
            "a quarter is not an annual figure",
        ),
        (_row("overdose_deaths", 107000), "no period"),
        (
            _row(
                "overdose_death_rate",
                20.0,
                unit="per_100k",
                start="2015-01-01",
                end="2017-12-31",
                published="2019-01-01",
            ),
            "rates are not summed over years",
        ),
        (
            _row(
                "synthetic_opioid_deaths_change",
                50,
                unit="percent",
                start="2016-01-01",
                end="2016-12-31",
                published="2017-06-01",
            ),
            "a change needs two years",
        ),
        (
            _row("heroin_deaths", 20000, start="2016-01-01", end="2021-12-31", published="2022-06-01"),
            "heroin 2018-2021 missing: no partial sums",
        ),
    ],
)
def test_no_official_figure(row, reason):
    got = compare_statistics(pd.DataFrame([row])).iloc[0]
    assert (got["verdict"], pd.isna(got["official_value"]), pd.isna(got["difference_pct"])) == (
        "no official figure",
        True,
        True,
    ), reason
    assert got["claim_holds"] is None


def test_compare_keeps_rows_and_index():
    frame = pd.DataFrame([CASES[0][0], CASES[3][0]], index=[7, 3])
    out = compare_statistics(frame)
    assert list(out.index) == [7, 3]
    assert list(out["verdict"]) == ["matches", "understated"]
    assert set(COMPARISON_COLUMNS) <= set(out.columns)
    assert ensure_compared(out) is out


def test_compare_empty_frame():
    empty = pd.DataFrame([CASES[0][0]]).iloc[:0]
    out = compare_statistics(empty)
    assert out.empty and set(COMPARISON_COLUMNS) <= set(out.columns)


def test_injected_series():
    cdc = pd.DataFrame({"year": [2016], "metric": ["overdose_deaths"], "value": [1000.0]})
    prov = pd.DataFrame({"data_year": [], "metric": [], "provisional_value": [], "quoted_from": []})
    out = compare_statistics(pd.DataFrame([CASES[1][0]]), cdc=cdc, provisional=prov).iloc[0]
    assert (out["official_value"], round(out["difference_pct"]), out["verdict"]) == (
        1000.0,
        6300,
        "overstated",
    )


@pytest.mark.parametrize(
    "metric,expected",
    [
        ("synthetic_opioid_deaths_change", ("synthetic_opioid_deaths", True)),
        ("overdose_deaths", ("overdose_deaths", False)),
        (None, (None, False)),
    ],
)
def test_base_metric(metric, expected):
    assert base_metric(metric) == expected


@pytest.mark.parametrize(
    "qualifier,expected",
    [
        ("more than", "lower"),
        ("Over", "lower"),
        ("at least", "lower"),
        ("well over", "lower"),
        ("almost", "upper"),
        ("as many as", "upper"),
        ("nearly", "upper"),
        ("about", None),
        (None, None),
    ],
)
def test_bound_of(qualifier, expected):
    assert bound_of(qualifier) == expected


@pytest.mark.parametrize(
    "cited,official,expected",
    [
        (105, 100, (5.0, "matches")),
        (106, 100, (6.0, "overstated")),
        (94, 100, (-6.0, "understated")),
    ],
)
def test_verdict_for(cited, official, expected):
    diff, verdict = verdict_for(cited, official)
    assert (round(diff, 6), verdict) == expected


@pytest.mark.parametrize(
    "cited,official,bound,expected",
    [
        (60000, 70601, "lower", True),
        (80000, 70601, "lower", False),
        (400, 250.2, "upper", True),
        (200, 250.2, "upper", False),
        (200, 250.2, None, False),
    ],
)
def test_claim_holds(cited, official, bound, expected):
    assert claim_holds(cited, official, bound) is expected


@pytest.mark.parametrize(
    "start,end,expected",
    [
        ("2016-01-01", "2016-12-31", (2016, 2016)),
        ("2001-01-01", "2021-12-31", (2001, 2021)),
        ("2019-01-01", "2019-03-31", None),
        ("2019-06-01", "2020-05-31", None),
    ],
)
def test_whole_years(start, end, expected):
    assert whole_years(T(start), T(end)) == expected
    assert whole_years(NaT, T(end)) is None


def test_official_for_basis():
    series = {("overdose_deaths", 2015): 52404.0, ("overdose_deaths", 2016): 63632.0}
    assert official_for("overdose_deaths", (2015, 2016), series) == (
        116036.0,
        "overdose_deaths summed 2015–2016",
    )
    value, basis = official_for("overdose_deaths_change", (2015, 2016), series, unit="percent")
    assert (round(value, 1), basis) == (21.4, "overdose_deaths 2015→2016 change, %")


@pytest.mark.parametrize(
    "year,published,expected",
    [
        (2016, "2017-12-14", True),  # final 2016 data came out 2017-12-21
        (2016, "2018-01-05", False),
        (2021, "2022-05-10", True),
        (2021, None, None),
    ],
)
def test_provisional_only(year, published, expected):
    assert provisional_only(year, T(published) if published else NaT) is expected
