"""Filters: URL parameters in and out, and what apply_filters keeps (exact rows).

``make_frames`` builds a small hand-made corpus in the shape of ``pipeline.to_frames``; the
other dashboard tests import it so they do not depend on the extractors being finished.
"""

from __future__ import annotations

import pandas as pd
import pytest

from fentdash.filters import (
    Filters,
    apply_filters,
    filter_masks,
    normalise,
    official_counts,
    parse_query,
    prepare_filtering,
    to_query,
    year_bounds,
)

T = pd.Timestamp
NaT = pd.NaT

SESSIONS_TEXT = (
    "Mexican drug barons have begun to manufacture fentanyl, according to US Attorney General Jeff Sessions.\n\n"
    '"We are also seeing precursor chemicals in Mexico," he said. '
    "Fentanyl was connected to 20,000 deaths in the US last year, an almost 400% increase on two years previously."
)
MILGRAM_TEXT = (
    "DEA chief Anne Milgram said these chemicals are sold to Mexican drugmakers. "
    "Fentanyl for the first time goes beyond 60.000 overdose deaths in the U.S. in a single year. "
    "Milgram said four contained 2 milligrams or more of fentanyl."
)
DHILLON_TEXT = (
    "\u201cCapitalizing on the opioid epidemic, drug trafficking organizations are now sending counterfeit pills,\u201d "
    "the DEA's acting head Uttam Dhillon said in a statement. <script>alert(1)</script>"
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make_frames() -> dict[str, pd.DataFrame]:
    """Three articles (Sessions 2017, Milgram 2022, Dhillon 2019) with statements and figures."""
    articles = pd.DataFrame(
        [
            dict(
                id="a-sessions",
                path="seeds/000.txt",
                paths=["seeds/000.txt"],
                title="Mexican cartels make fentanyl",
                outlet="IBTimes UK",
                url="https://www.ibtimes.co.uk/fentanyl",
                date=T("2017-12-14"),
                earliest=T("2017-10-26"),
                latest=T("2018-01-31"),
                confidence=0.7,
                method="inferred",
                evidence=[
                    {
                        "text": "last year",
                        "start": SESSIONS_TEXT.index("last year"),
                        "end": SESSIONS_TEXT.index("last year") + 9,
                        "reason": "2016 figures cited as last year",
                    }
                ],
                warnings=[],
                text=SESSIONS_TEXT,
            ),
            dict(
                id="a-milgram",
                path="seeds/001.txt",
                paths=["seeds/001.txt"],
                title=None,
                outlet=None,
                url="javascript:alert(1)",
                date=T("2022-05-10"),
                earliest=T("2022-01-01"),
                latest=T("2022-11-21"),
                confidence=0.6,
                method="inferred",
                evidence=[],
                warnings=[],
                text=MILGRAM_TEXT,
            ),
            dict(
                id="a-dhillon",
                path="seeds/002.txt",
                paths=["seeds/002.txt"],
                title="DEA warns of fake pills",
                outlet="Reuters",
                url="https://www.reuters.com/x",
                date=T("2019-11-04"),
                earliest=T("2019-11-04"),
                latest=T("2019-11-04"),
                confidence=0.9,
                method="dateline",
                evidence=[],
                warnings=[],
                text=DHILLON_TEXT,
            ),
        ]
    )
    meta = {a["id"]: a for a in articles.to_dict("records")}

    def stmt(article_id, text, speaker, role, kind, part, date, lo, hi):
        start, end = _span(text, part)
        a = meta[article_id]
        return dict(
            article_id=article_id,
            speaker=speaker,
            speaker_type="person",
            role=role,
            kind=kind,
            text=part,
            start=start,
            end=end,
            date=date,
            date_earliest=lo,
            date_latest=hi,
            evidence=[],
            title=a["title"],
            outlet=a["outlet"],
            url=a["url"],
            path=a["path"],
            date_method=a["method"],
        )

    statements = pd.DataFrame(
        [
            stmt(
                "a-sessions",
                SESSIONS_TEXT,
                "Jeff Sessions",
                "Attorney General",
                "reported",
                "according to US Attorney General Jeff Sessions",
                T("2017-12-14"),
                T("2017-10-26"),
                T("2018-01-31"),
            ),
            stmt(
                "a-sessions",
                SESSIONS_TEXT,
                "Jeff Sessions",
                "Attorney General",
                "direct",
                "We are also seeing precursor chemicals in Mexico,",
                T("2017-12-14"),
                T("2017-10-26"),
                T("2018-01-31"),
            ),
            stmt(
                "a-milgram",
                MILGRAM_TEXT,
                "Anne Milgram",
                "DEA Administrator",
                "reported",
                "said these chemicals are sold to Mexican drugmakers.",
                T("2022-05-10"),
                T("2022-01-01"),
                T("2022-11-21"),
            ),
            stmt(
                "a-milgram",
                MILGRAM_TEXT,
                "Anne Milgram",
                "DEA Administrator",
                "reported",
                "said four contained 2 milligrams or more of fentanyl.",
                T("2022-05-10"),
                T("2022-01-01"),
                T("2022-11-21"),
            ),
            stmt(
                "a-dhillon",
                DHILLON_TEXT,
                "Uttam Dhillon",
                "Acting Administrator",
                "direct",
                "Capitalizing on the opioid epidemic, drug trafficking organizations are now sending counterfeit pills,",
                T("2019-11-04"),
                T("2019-11-04"),
                T("2019-11-04"),
            ),
        ]
    )

    def stat(article_id, text, part, value, unit, metric, qualifier, p0, p1, speaker, value_high=None):
        start, end = _span(text, part)
        a = meta[article_id]
        return dict(
            article_id=article_id,
            text=part,
            start=start,
            end=end,
            value=value,
            value_high=value_high,
            unit=unit,
            metric=metric,
            qualifier=qualifier,
            period_start=p0,
            period_end=p1,
            period_granularity=None if p0 is NaT else ("year" if p0.year == p1.year else "range"),
            period_text=None,
            speaker=speaker,
            title=a["title"],
            outlet=a["outlet"],
            url=a["url"],
            path=a["path"],
            date_method=a["method"],
            article_date=a["date"],
        )

    statistics = pd.DataFrame(
        [
            stat(
                "a-sessions",
                SESSIONS_TEXT,
                "20,000 deaths",
                20000.0,
                "deaths",
                "synthetic_opioid_deaths",
                None,
                T("2016-01-01"),
                T("2016-12-31"),
                None,
            ),
            stat(
                "a-sessions",
                SESSIONS_TEXT,
                "almost 400% increase",
                400.0,
                "percent",
                "synthetic_opioid_deaths_change",
                "almost",
                T("2014-01-01"),
                T("2016-12-31"),
                None,
            ),
            stat(
                "a-milgram",
                MILGRAM_TEXT,
                "beyond 60.000 overdose deaths",
                60000.0,
                "deaths",
                "synthetic_opioid_deaths",
                "more than",
                T("2021-01-01"),
                T("2021-12-31"),
                None,
            ),
            stat(
                "a-milgram",
                MILGRAM_TEXT,
                "2 milligrams",
                2.0,
                "mg",
                "lethal_dose",
                None,
                NaT,
                NaT,
                "Anne Milgram",
            ),
        ]
    )
    errors = pd.DataFrame([{"path": "seeds/broken.txt", "error": "the file is empty"}])
    return {"articles": articles, "statements": statements, "statistics": statistics, "errors": errors}


OFFICIALS = ("Jeff Sessions", "Anne Milgram", "Uttam Dhillon")
BOUNDS = (1999, 2024)


@pytest.mark.parametrize(
    "params,expected,notices",
    [
        ({}, Filters(), []),
        (
            {"official": "Anne Milgram", "from": "2021", "to": "2022"},
            Filters(("Anne Milgram",), 2021, 2022),
            [],
        ),
        (
            {"official": ["Jeff Sessions", "Anne Milgram", "Jeff Sessions"]},
            Filters(("Jeff Sessions", "Anne Milgram")),
            [],
        ),
        (
            {"official": "Nobody Known"},
            Filters(),
            ["Ignored official 'Nobody Known': no statements by this name in the corpus."],
        ),
        ({"from": "20x1"}, Filters(), ["Ignored 'from=20x1': expected a four-digit year."]),
        ({"to": "1850"}, Filters(), ["Ignored 'to=1850': years available are 1999–2024."]),
        (
            {"from": "2022", "to": "2019"},
            Filters(year_from=2019, year_to=2022),
            ["Swapped the years: 2022 is after 2019."],
        ),
        (
            {"kind": ["direct", "quoted"]},
            Filters(kinds=("direct",)),
            ["Ignored 'kind=quoted': use one of direct, reported."],
        ),
        (
            {"offical": "Anne Milgram", "article": "a-milgram"},
            Filters(),
            ["Ignored unknown parameter 'offical'."],
        ),
        ({"from": ["2017", "2018"], "to": ""}, Filters(year_from=2018), []),
        ({"from": "２０２１"}, Filters(), ["Ignored 'from=２０２１': expected a four-digit year."]),
    ],
)
def test_parse_query(params, expected, notices):
    got = parse_query(params, known_officials=OFFICIALS, year_bounds=BOUNDS, extra_params=("article",))
    assert got == (expected, notices)


@pytest.mark.parametrize(
    "filters,query",
    [
        (Filters(), {}),
        (
            Filters(("Anne Milgram",), 2021, 2022),
            {"official": ["Anne Milgram"], "from": "2021", "to": "2022"},
        ),
        (Filters(kinds=("direct", "reported"), year_to=2019), {"to": "2019", "kind": ["direct", "reported"]}),
    ],
)
def test_to_query_round_trips(filters, query):
    assert to_query(filters) == query
    assert parse_query(query, known_officials=OFFICIALS, year_bounds=BOUNDS) == (filters, [])


def test_normalise_keeps_ordered_years():
    assert normalise(Filters(year_from=2017, year_to=2017)) == (Filters(year_from=2017, year_to=2017), [])


def test_describe():
    assert Filters().describe() == "No filters: all officials, all years"
    assert Filters(("Anne Milgram",), 2021, None, ("direct",)).describe() == (
        "Officials: Anne Milgram · Years: 2021–… · Kind: direct"
    )


def _kept(frames, filters):
    out = apply_filters(frames, filters)
    return (
        list(out["statements"]["text"].str[:20]),
        list(out["statistics"]["text"]),
        list(out["articles"]["id"]),
        len(out["errors"]),
    )


@pytest.mark.parametrize(
    "filters,statements,statistics,articles",
    [
        (
            Filters(),
            [
                "according to US Atto",
                "We are also seeing p",
                "said these chemicals",
                "said four contained ",
                "Capitalizing on the ",
            ],
            ["20,000 deaths", "almost 400% increase", "beyond 60.000 overdose deaths", "2 milligrams"],
            ["a-sessions", "a-milgram", "a-dhillon"],
        ),
        (
            Filters(officials=("Anne Milgram",)),
            ["said these chemicals", "said four contained "],
            ["beyond 60.000 overdose deaths", "2 milligrams"],
            ["a-milgram"],
        ),
        (Filters(officials=("Uttam Dhillon",)), ["Capitalizing on the "], [], ["a-dhillon"]),
        # Years: statements by their date, statistics by the period they describe.
        (
            Filters(year_from=2021, year_to=2022),
            ["said these chemicals", "said four contained "],
            ["beyond 60.000 overdose deaths", "2 milligrams"],
            ["a-milgram"],
        ),
        (Filters(year_from=2016, year_to=2016), [], ["20,000 deaths", "almost 400% increase"], []),
        (
            Filters(year_to=2019),
            ["according to US Atto", "We are also seeing p", "Capitalizing on the "],
            ["20,000 deaths", "almost 400% increase"],
            ["a-sessions", "a-dhillon"],
        ),
        (
            Filters(kinds=("direct",)),
            ["We are also seeing p", "Capitalizing on the "],
            ["20,000 deaths", "almost 400% increase", "beyond 60.000 overdose deaths", "2 milligrams"],
            ["a-sessions", "a-dhillon"],
        ),
        (Filters(officials=("Anne Milgram",), kinds=("direct",)), [], ["2 milligrams"], []),
    ],
)
def test_apply_filters(filters, statements, statistics, articles):
    assert _kept(make_frames(), filters) == (statements, statistics, articles, 1)


def test_year_filter_uses_the_window_of_an_undated_statement():
    frames = make_frames()
    frames["statements"].loc[0, "date"] = NaT  # Sessions: window 2017-10-26..2018-01-31
    got = apply_filters(frames, Filters(year_from=2018, year_to=2018))["statements"]
    assert list(got["speaker"]) == ["Jeff Sessions"]


def test_official_counts():
    counts = official_counts(make_frames()["statements"])
    assert counts.to_dict("list") == {
        "speaker": ["Anne Milgram", "Jeff Sessions", "Uttam Dhillon"],
        "statements": [2, 2, 1],
    }
    assert official_counts(make_frames()["statements"].iloc[:0]).to_dict("list") == {
        "speaker": [],
        "statements": [],
    }


def test_year_bounds():
    assert year_bounds(make_frames(), default=(2000, 2020)) == (2000, 2022)
    empty = {k: v.iloc[:0] for k, v in make_frames().items()}
    assert year_bounds(empty, default=(1999, 2023)) == (1999, 2023)


@pytest.mark.parametrize(
    "filters,masks",
    [
        (Filters(), {"statements": None, "statistics": None, "articles": None, "errors": None}),
        (
            Filters(officials=("Anne Milgram",)),
            {
                "statements": [False, False, True, True, False],
                "statistics": [False, False, True, True],
                "articles": [False, True, False],
                "errors": None,
            },
        ),
        (
            Filters(kinds=("direct",), year_to=2019),
            {
                "statements": [False, True, False, False, True],
                "statistics": [True, True, False, False],
                "articles": [True, False, True],
                "errors": None,
            },
        ),
    ],
)
def test_filter_masks(filters, masks):
    got = filter_masks(make_frames(), filters)
    assert {k: None if v is None else v.tolist() for k, v in got.items()} == masks


def test_masks_select_what_apply_filters_keeps():
    frames = make_frames()
    filters = Filters(officials=("Jeff Sessions", "Anne Milgram"), year_from=2017, year_to=2021)
    masks, kept = filter_masks(frames, filters), apply_filters(frames, filters)
    for name in ("statements", "statistics", "articles"):
        pd.testing.assert_frame_equal(kept[name], frames[name][masks[name]])
    assert kept["errors"] is frames["errors"]


def test_article_membership_on_arrow_strings():
    # Statistics without a speaker follow the article that quotes the official; the lookup must
    # give the same rows whether the ids are Arrow strings or Python objects.
    frames = make_frames()
    arrow = {
        **frames,
        "statistics": frames["statistics"].astype({"article_id": "string[pyarrow]", "speaker": object}),
    }
    filters = Filters(officials=("Jeff Sessions",))
    assert list(apply_filters(arrow, filters)["statistics"]["text"]) == list(
        apply_filters(frames, filters)["statistics"]["text"]
    )
    assert list(apply_filters(arrow, filters)["statistics"]["text"]) == [
        "20,000 deaths",
        "almost 400% increase",
    ]


PREPARED_CASES = [
    Filters(officials=("Anne Milgram",)),
    Filters(officials=("Jeff Sessions", "Anne Milgram"), year_from=2017, year_to=2021),
    Filters(kinds=("direct",), year_to=2019),
    Filters(year_from=2020),
    Filters(officials=("Nobody",)),
]


def _copied(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: frame.copy() for name, frame in frames.items()}


def _plain(masks: dict) -> dict:
    return {k: None if v is None else v.tolist() for k, v in masks.items()}


@pytest.mark.parametrize("filters", PREPARED_CASES)
def test_prepared_filtering_gives_the_same_masks(filters):
    # prepare_filtering only moves work to load time: same rows with or without it, also for
    # articles without an id (a missing id matches a missing id, as the Index lookup does).
    frames = make_frames()
    frames["statements"].loc[2, "article_id"] = None
    frames["statistics"].loc[3, ["article_id", "speaker"]] = [None, None]
    plain = _copied(frames)
    prepare_filtering(frames)
    assert _plain(filter_masks(frames, filters)) == _plain(filter_masks(plain, filters))


def test_preparation_is_only_used_for_the_frames_it_was_made_for():
    frames = make_frames()
    prepare_filtering(frames)
    filters = Filters(officials=("Jeff Sessions",), year_from=2017)
    # Same statements, other statistics and articles: the precomputed codes do not apply.
    other = {
        **frames,
        "statistics": frames["statistics"].iloc[::-1],
        "articles": frames["articles"].iloc[::-1],
    }
    assert _plain(filter_masks(other, filters)) == _plain(filter_masks(_copied(other), filters))
