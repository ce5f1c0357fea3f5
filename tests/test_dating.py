"""Article dating: each stage on sentences and short articles written for these tests."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fentdash import datelines, dating, dating_gates, dating_text, knowledge
from fentdash.corpus import document_from_text
from fentdash.datelines import find_dateline, find_dates, find_update_line, find_weekdays, find_years
from fentdash.dating_events import mask_abbreviations
from fentdash.models import UNKNOWN_DATE, Document, Evidence, Interval, Mention, Statistic, TimeExpression

FIXTURES = Path(__file__).parent / "fixtures" / "dating"


def _doc(text: str, **kw) -> Document:
    doc = document_from_text(text)
    if kw:
        import dataclasses

        doc = dataclasses.replace(doc, **kw)
    return doc


def _window(estimate) -> tuple[date | None, date | None, date | None, str]:
    return estimate.date, estimate.earliest, estimate.latest, estimate.method


# ---------------------------------------------------------------- datelines

DATELINES = [
    ("WASHINGTON, Dec 14 (Reuters) - The U.S. attorney general said", (None, 12, 14, None, "place")),
    ("November 4, 2019 \u2014 The DEA warned on Monday", (2019, 11, 4, None, "none")),
    ("Headline here\nPITTSBURGH, Pa. (March 8, 2019) \u2013 U.S. Attorney", (2019, 3, 8, None, "place")),
    ("Title\nRelease Date: Mon, 07/01/2024\nDETROIT \u2013 Officers", (2024, 7, 1, 0, "label")),
    ("FOR IMMEDIATE RELEASE\nTuesday, September 27, 2021\nWASHINGTON", (2021, 9, 27, 1, "none")),
    ("Posted on: June 3, 2020 by admin\nText", (2020, 6, 3, None, "label")),
    ("By Jane Doe | Dec. 14, 2017\nBody text", (2017, 12, 14, None, "byline")),
    ("14 December 2017 - London", (2017, 12, 14, None, "none")),
    ("2019-11-04\nBody", (2019, 11, 4, None, "none")),
    ("Last updated: March 3, 2021\nPublished: Feb. 2, 2021\n", (2021, 2, 2, None, "label")),
    ("Published 5:02 PM EST Dec 14, 2017\nBody", (2017, 12, 14, None, "label")),
    ("Thu 14 Dec 2017 10.00 GMT\nBody", (2017, 12, 14, 3, "none")),
    ("Dec. 14, 2017 at 10:30 a.m.\nBody", (2017, 12, 14, None, "none")),
    ("Updated Dec. 15, 2017 | Originally published Dec. 14, 2017\nBody", (2017, 12, 14, None, "label")),
    ("News | Health | Dec. 3, 2019\nBody", (2019, 12, 3, None, "none")),
    ("RELEASE DATE: 07/01/2024", (2024, 7, 1, None, "label")),
    # not datelines
    ("In July 2017, Attorney General Sessions announced", None),
    ("Tuesday, July 19, at 12:00 p.m. ET", None),
    ("SEATTLE \u2014 Officers seized more than 1 pound of fentanyl Feb. 6.", None),
    ("WASHINGTON, D.C. \u2013 The Drug Enforcement Administration has issued", None),
    ("The agency may 10 times over exceed its goals.", None),
    ("March 8, 2019 was a turning point.", None),
    ("Date: a long day", None),
]


@pytest.mark.parametrize("text,expected", DATELINES)
def test_find_dateline(text, expected):
    found = find_dateline(text)
    if expected is None:
        assert found is None
        return
    d = found.date
    assert (d.year, d.month, d.day, d.weekday, found.kind) == expected
    assert text[d.start : d.end] == d.text


def test_update_line_is_not_a_dateline():
    found = find_update_line("Last updated: March 3, 2021\nBody")
    assert (found.date.full, found.kind) == (date(2021, 3, 3), "update")
    assert find_dateline("Last updated: March 3, 2021\nBody") is None


def test_find_dates_in_body():
    text = "seized Feb. 6. On Tuesday, July 19, at noon; on November 4, 2019, and 14 December 2017 and 2019-11-04."
    got = [(d.text, d.year, d.month, d.day, d.weekday) for d in find_dates(text)]
    assert got == [
        ("Feb. 6", None, 2, 6, None),
        ("Tuesday, July 19", None, 7, 19, 1),
        ("November 4, 2019", 2019, 11, 4, None),
        ("14 December 2017", 2017, 12, 14, None),
        ("2019-11-04", 2019, 11, 4, None),
    ]


def test_find_years_and_weekdays():
    text = "between 2013-2014, $2019, 2,017 deaths in 2016, the 1990s."
    assert [y for y, _, _ in find_years(text)] == [2013, 2014, 2016]
    text = "said on Monday. Tuesday, July 19 and Monday's talk; Cyber Monday sales; next Friday."
    assert [(w, text[s:e]) for w, s, e in find_weekdays(text)] == [(0, "Monday"), (0, "Monday")]


# ---------------------------------------------------------------- stage 1 and 2


def test_metadata_wins():
    ev = Evidence("2020-06-03", 10, 20, "front matter date")
    doc = _doc("Attorney General Jeff Sessions said.", published=date(2020, 6, 3), published_evidence=ev)
    got = dating.date_document(doc)
    assert (got.date, got.earliest, got.latest, got.confidence, got.method, got.evidence) == (
        date(2020, 6, 3),
        date(2020, 6, 3),
        date(2020, 6, 3),
        0.95,
        "metadata",
        (ev,),
    )


def test_full_dateline():
    text = (FIXTURES / "press_release_immediate.txt").read_text(encoding="utf-8")
    got = dating.date_document(_doc(text))
    assert _window(got) == (date(2018, 3, 14), date(2018, 3, 14), date(2018, 3, 14), "dateline")
    assert got.confidence == 0.9
    assert [(e.text, text[e.start : e.end]) for e in got.evidence] == [("Wednesday, March 14, 2018",) * 2]


def test_dateline_outside_plausible_bounds_is_ignored():
    got = dating.date_document(_doc("March 4, 1985 - A report."), min_date=date(1990, 1, 1))
    assert got == UNKNOWN_DATE


def test_wire_dateline_without_year_is_completed_by_tenure():
    text = (FIXTURES / "wire_no_year.txt").read_text(encoding="utf-8")
    got = dating.date_document(_doc(text))
    assert _window(got) == (date(2017, 10, 27), date(2017, 10, 27), date(2017, 10, 27), "dateline")
    reasons = [e.reason for e in got.evidence]
    assert "dateline gives October 27 without a year" in reasons
    assert "Eric Hargan was Acting Secretary of Health and Human Services 2017-10-10..2018-01-29" in reasons


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.whitehouse.gov/ondcp/briefing-room/2022/11/16/statement/", (date(2022, 11, 16),) * 3),
        ("https://example.com/news/2019-11-04-dea-warns-of-fake-pills", (date(2019, 11, 4),) * 3),
        (
            "https://www.justice.gov/usao/pr/2018/01/sessions",
            (date(2018, 1, 16), date(2018, 1, 1), date(2018, 1, 31)),
        ),
        ("https://www.cdc.gov/media/releases/2022/a0719-overdose.html", (None, None, None)),
    ],
)
def test_url_dates(url, expected):
    got = dating.date_document(_doc("Fentanyl seizures rose.", url=url))
    assert (got.date, got.earliest, got.latest) == expected


# ---------------------------------------------------------------- stage 3: tenures


@pytest.mark.parametrize(
    "name,expected",
    [
        ("tenure_only.txt", (date(2020, 3, 7), date(2019, 5, 22), date(2020, 12, 23), "inferred")),
        ("event_and_acting.txt", (date(2018, 10, 24), date(2018, 10, 24), date(2020, 5, 19), "inferred")),
        ("last_year_figure.txt", (date(2020, 7, 1), date(2018, 3, 26), date(2020, 12, 31), "inferred")),
        ("future_event.txt", (date(2021, 12, 3), date(2021, 6, 28), date(2022, 5, 10), "inferred")),
        ("weekday_calendar.txt", (date(2020, 1, 30), date(2019, 10, 30), date(2020, 5, 1), "inferred")),
        ("former_official.txt", (None, date(2018, 11, 7), date(2030, 12, 31), "inferred")),
        (
            "law_signed_last_year_figure.txt",
            # "on Wednesday signed ... the SUPPORT Act": days after the signing, a Wednesday or Thursday
            (date(2018, 10, 24), date(2018, 10, 24), date(2018, 11, 1), "inferred"),
        ),
        ("title_before_department.txt", (date(2017, 6, 8), date(2017, 2, 10), date(2017, 9, 29), "inferred")),
        ("pandemic_last_year.txt", (date(2021, 8, 11), date(2021, 3, 19), date(2021, 12, 31), "inferred")),
        ("no_clues.txt", (None, None, None, "none")),
        # "Nov 4" fits Dhillon's tenure in 2018 and 2019; "said on Monday" picks 2019
        (
            "wire_weekday_picks_year.txt",
            (date(2019, 11, 4), date(2019, 11, 4), date(2019, 11, 4), "dateline"),
        ),
        # "former President" between his terms; Biden in office
        ("former_president.txt", (date(2023, 1, 20), date(2021, 1, 20), date(2025, 1, 20), "inferred")),
        # "In 2018, then-Attorney General Jeff Sessions" does not bound; Garland does
        ("historical_title.txt", (date(2023, 2, 16), date(2021, 3, 11), date(2025, 1, 20), "inferred")),
    ],
)
def test_fixture_articles(name, expected):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    got = dating.date_document(_doc(text))
    assert _window(got) == expected
    for ev in got.evidence:
        assert text[ev.start : ev.end] == ev.text


def test_union_of_years_from_an_ambiguous_last_year_figure():
    """70,000 overdose deaths match both 2017 and 2019: the article is from 2018 or 2020."""
    text = (FIXTURES / "last_year_figure.txt").read_text(encoding="utf-8")
    got = dating.date_document(_doc(text))
    reasons = [e.reason for e in got.evidence]
    assert reasons[0] == (
        '"last year" figure 70,000 matches CDC data for 2017 overdose deaths (70,237), '
        "2019 overdose deaths (70,630): the article is from the year after"
    )


ROLES = [
    ("Attorney General Jeff Sessions said", "Jeff Sessions", (date(2017, 2, 9), date(2018, 11, 7))),
    ("US Attorney General Jeff Sessions said", "Jeff Sessions", (date(2017, 2, 9), date(2018, 11, 7))),
    ("Sen. Jeff Sessions of Alabama said", "Jeff Sessions", None),  # "Sen." is no listed alias
    (
        "Acting Attorney General Matthew Whitaker said",
        "Matthew Whitaker",
        (date(2018, 11, 7), date(2019, 2, 14)),
    ),
    ("Deputy Attorney General Rod Rosenstein said", "Rod Rosenstein", (date(2017, 4, 26), date(2019, 5, 11))),
    ("the DEA's acting head Uttam Dhillon said", "Uttam Dhillon", (date(2018, 7, 2), date(2020, 5, 19))),
    ("DEA Administrator Uttam Dhillon said", "Uttam Dhillon", (date(2018, 7, 2), date(2020, 5, 19))),
    (
        "said Anne Milgram, Administrator of the Drug Enforcement Administration.",
        "Anne Milgram",
        (date(2021, 6, 28), date(2025, 1, 20)),
    ),
    ("Anne Milgram said", "Anne Milgram", None),  # no role: no bound
    ("then-Attorney General Jeff Sessions said", "Jeff Sessions", None),
    (
        "Health and Human Services Secretary Tom Price said",
        "Tom Price",
        (date(2017, 2, 10), date(2017, 9, 29)),
    ),
    (
        "said Tom Price, the secretary of health and human services.",
        "Tom Price",
        (date(2017, 2, 10), date(2017, 9, 29)),
    ),
    # a title set in the past by the clause does not date the article
    ("In July 2017, Attorney General Jeff Sessions announced", "Jeff Sessions", None),
    ("Attorney General Jeff Sessions in 2017 ordered a review", "Jeff Sessions", None),
    # the title of the person named just before is not this person's
    ("Attorney General Jeff Sessions and Rod Rosenstein said", "Rod Rosenstein", None),
]


@pytest.mark.parametrize("text,name,expected", ROLES)
def test_role_must_match_the_tenure(text, name, expected):
    mentions = [
        Mention(other, other, text.index(other), text.index(other) + len(other), None, True)
        for other in (
            "Jeff Sessions",
            "Rod Rosenstein",
            "Tom Price",
            "Uttam Dhillon",
            "Anne Milgram",
            "Matthew Whitaker",
        )
        if other in text
    ]
    got = dating.date_document(_doc(text), mentions=mentions)
    tenures = [e for e in got.evidence if e.reason.startswith(f"{name} was ")]
    if expected is None:
        assert tenures == []
    else:
        assert len(tenures) == 1
        assert (got.earliest, got.latest) == expected


def test_former_official_bounds_from_below():
    text = "Former Attorney General Jeff Sessions said the policy worked."
    mention = Mention("Jeff Sessions", "Jeff Sessions", 24, 37, "Attorney General", True)
    got = dating.date_document(_doc(text), mentions=[mention])
    assert (got.date, got.earliest, got.latest) == (None, date(2018, 11, 7), date(2030, 12, 31))
    assert (
        got.evidence[0].reason
        == "Jeff Sessions is called a former Attorney General; that ended on 2018-11-07"
    )


# ---------------------------------------------------------------- stage 3: events and figures


def _last_year_stat(text: str, value: float, metric: str, figure: str) -> Statistic:
    start = text.index(figure)
    ly = text.index("last year")
    source = TimeExpression("last year", ly, ly + 9, "relative", "year", None, -1, "year", "last_year")
    return Statistic(figure, start, start + len(figure), value, "deaths", metric, period_source=source)


def test_last_year_figure_from_statistics_stage():
    text = "Synthetic opioids such as fentanyl killed 19,400 people last year, Attorney General Jeff Sessions said."
    stat = _last_year_stat(text, 19400, "synthetic_opioid_deaths", "19,400")
    mention = Mention(
        "Jeff Sessions",
        "Jeff Sessions",
        text.index("Jeff"),
        text.index("Jeff") + 13,
        "Attorney General",
        True,
    )
    got = dating.date_document(_doc(text), statistics=[stat], mentions=[mention])
    assert _window(got) == (date(2017, 7, 21), date(2017, 2, 9), date(2017, 12, 31), "inferred")
    assert got.evidence[0].reason == (
        '"last year" figure 19,400 matches CDC data for 2016 synthetic opioid deaths '
        "(19,413): the article is from the year after"
    )


def test_past_and_future_events():
    past = "Last week President Trump declared the opioid epidemic a national public health emergency."
    got = dating.date_document(_doc(past), mentions=[])
    # Trump's two terms leave 2017-10-26..2021-01-20 or 2025 on: too wide for a point date.
    assert (got.date, got.earliest, got.latest) == (None, date(2017, 10, 26), date(2030, 12, 31))
    future = "The DEA will hold the first National Fentanyl Awareness Day on May 10."
    got = dating.date_document(_doc(future))
    # only an upper bound (every earlier May 10 stays possible): a window but no point date
    assert (got.date, got.earliest, got.latest) == (None, date(1990, 2, 7), date(2022, 5, 10))


def test_event_named_with_last_year_fixes_the_year():
    text = "Of 10 pills tested by the DEA last year, four held a potentially lethal dose of fentanyl."
    got = dating.date_document(_doc(text))
    assert (got.earliest, got.latest) == (date(2022, 1, 1), date(2022, 11, 20))


def test_this_year_period_and_event_and_weekday():
    text = (
        "The DEA said on Monday that 27% of pills tested during the first three months of this year "
        "held a lethal dose. In May, China banned all fentanyl analogs as a class, a step welcomed in Washington."
    )
    got = dating.date_document(_doc(text))
    assert _window(got) == (None, date(2019, 5, 1), date(2030, 12, 31), "inferred")
    # with the acting administrator named, the window closes
    name = "Uttam Dhillon"
    text2 = text + f" Acting DEA Administrator {name} said pills kill thousands."
    mention = Mention(name, name, text2.index(name), text2.index(name) + len(name), None, True)
    got = dating.date_document(_doc(text2), mentions=[mention])
    assert _window(got) == (date(2019, 5, 6), date(2019, 5, 1), date(2020, 5, 19), "inferred")


def test_rolling_twelve_months_release_lag():
    text = (
        "Provisional CDC data show 107,000 predicted overdose deaths in the 12-month period ending in "
        "March 2023, ONDCP Director Rahul Gupta said."
    )
    got = dating.date_document(_doc(text))
    assert _window(got) == (date(2023, 8, 15), date(2023, 7, 1), date(2024, 3, 1), "inferred")


def test_conflicting_clue_is_ignored_with_a_note():
    text = (
        "Attorney General Jeff Sessions said on Tuesday that the first National Fentanyl Awareness Day "
        "had drawn wide attention."
    )
    got = dating.date_document(_doc(text))
    assert (got.earliest, got.latest) == (date(2017, 2, 9), date(2018, 11, 7))
    ignored = [e.reason for e in got.evidence if e.reason.startswith("ignored")]
    assert ignored == [
        "ignored, conflicts with stronger clues: First National Fentanyl Awareness Day (2022-05-10) "
        "is reported as having happened",
        "ignored, conflicts with stronger clues: First National Fentanyl Awareness Day (2022-05-10) "
        'is told as "Tuesday": the article is from 0-13 days after',
    ]


def test_plans_and_names_are_not_past_years():
    text = "HHS Secretary Xavier Becerra said the agency will cut overdose deaths by 2030 under Healthy People 2030."
    got = dating.date_document(_doc(text))
    assert (got.earliest, got.latest) == (date(2021, 3, 19), date(2025, 1, 20))


def test_time_expressions_from_timex_add_years():
    text = "HHS Secretary Alex Azar said deaths fell in the year just ended."
    expr = TimeExpression(
        "the year just ended",
        42,
        61,
        "absolute",
        "year",
        Interval(date(2018, 1, 1), date(2018, 12, 31), "year"),
    )
    got = dating.date_document(_doc(text), expressions=[expr])
    assert (got.earliest, got.latest) == (date(2018, 1, 29), date(2021, 1, 20))
    assert got.date == date(2019, 7, 2)


def test_skip_spans_are_ignored():
    text = "Related: Attorney General Jeff Sessions visits Mexico\nFentanyl kills."
    got = dating.date_document(_doc(text, skip=((0, 53),)))
    assert got == UNKNOWN_DATE


def test_no_clue_is_unknown():
    assert dating.date_document(_doc("Fentanyl is a synthetic opioid.")) == UNKNOWN_DATE
    # a year-less date alone cannot tell the year
    assert dating.date_document(_doc("Officers seized 2 pounds of fentanyl Feb. 6.")) == UNKNOWN_DATE


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    [
        "a" * 20000,
        "1" * 20000,
        ("Monday, " * 2500),
        ("January 1, " * 1800),
        ("Attorney General " * 1200),
        ("China " + "x" * 50 + " ") * 350,
        ("WASHINGTON, " * 1600),
    ],
)
def test_hostile_input_is_fast(text):
    start = time.perf_counter()
    dating.date_document(_doc(text))
    assert time.perf_counter() - start < 2.0


def test_reset_caches():
    dating.reset_caches()
    knowledge.reset_caches()
    got = dating.date_document(_doc("Attorney General Jeff Sessions said."))
    assert (got.earliest, got.latest) == (date(2017, 2, 9), date(2018, 11, 7))


# ---------------------------------------------------------------- relative words next to events

NEAR_EVENTS = [
    # a release's own "today announced": the article is from that day or the next
    (
        "PITTSBURGH - Attorney General Jeff Sessions today announced the Joint Criminal Opioid Darknet "
        "Enforcement team.",
        (date(2018, 1, 29), date(2018, 1, 29), date(2018, 1, 30)),
    ),
    # "on Wednesday signed": within two weeks, then the weekday narrows it
    (
        "President Donald Trump on Wednesday signed the SUPPORT for Patients and Communities Act.",
        (date(2018, 10, 24), date(2018, 10, 24), date(2018, 11, 1)),
    ),
    # another month named in the sentence: "today" may be about it, so only the lower bound holds
    (
        "Trump, who signed the SUPPORT for Patients and Communities Act in October, spoke today.",
        (None, date(2018, 10, 24), date(2030, 12, 31)),
    ),
]


@pytest.mark.parametrize("text,expected", NEAR_EVENTS)
def test_relative_words_next_to_events(text, expected):
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == expected


def test_last_year_next_to_a_data_release_counts_from_its_data_year():
    """The 2024 release describes 2023: "last year" next to it means an article from 2024."""
    text = "Overdose deaths fell about 3% last year, the first annual decline since 2018, the CDC said."
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == (date(2024, 5, 15), date(2024, 5, 15), date(2024, 12, 31))
    assert got.evidence[0].reason == (
        "CDC provisional data: first annual decline in overdose deaths since 2018 describes 2023 "
        'and is placed in "last year": the article is from 2024'
    )


def test_fiscal_year_counts_from_october():
    text = "CBP Acting Commissioner Troy Miller said officers seized 27,000 pounds of fentanyl in fiscal year 2023."
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == (date(2023, 7, 2), date(2022, 11, 13), date(2024, 1, 20))
    assert got.evidence[-1].reason == "fiscal year 2023 is the latest year spoken of as past"


def test_roles_worded_by_the_statements_stage():
    text = "Former Attorney General Jeff Sessions said. Then-Attorney General Jeff Sessions had said so."
    mentions = [
        Mention("Jeff Sessions", "Jeff Sessions", 24, 37, "Former Attorney General", True),
        Mention("Jeff Sessions", "Jeff Sessions", 65, 78, "Then-Attorney General", True),
    ]
    got = dating.date_document(_doc(text), mentions=mentions)
    assert (got.earliest, got.latest) == (date(2018, 11, 7), date(2030, 12, 31))
    assert [e.reason for e in got.evidence] == [
        "Jeff Sessions is called a former Attorney General; that ended on 2018-11-07"
    ]


def test_update_line_bounds_from_above():
    text = "Last updated: Jan. 5, 2018\n\nAttorney General Jeff Sessions said the department would act."
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == (date(2017, 7, 24), date(2017, 2, 9), date(2018, 1, 5))


# ---------------------------------------------------------------- round 2: officials named without a title


@pytest.mark.parametrize(
    "name,expected,reason",
    [
        # wire copy: the office is described in the next sentence, with the agency spelled out
        (
            "described_office_wire.txt",
            (date(2018, 2, 15), date(2017, 10, 1), date(2018, 7, 2)),
            "Robert Patterson was Acting Administrator 2017-10-01..2018-07-02: the article names the office "
            '("acting head") elsewhere',
        ),
        # blog post: "The DEA chief" two sentences later
        (
            "described_office_blog.txt",
            (date(2019, 6, 10), date(2018, 7, 2), date(2020, 5, 19)),
            "Uttam Dhillon was Acting Administrator 2018-07-02..2020-05-19: the article names the office "
            '("dea chief") elsewhere',
        ),
        # undated repost: no office anywhere, so any of her terms; the 2021 figure picks the later one
        (
            "bare_name_repost.txt",
            (date(2022, 7, 2), date(2021, 6, 28), date(2025, 1, 20)),
            "Anne Milgram is named without a title; in office 2021-06-28..2025-01-20; 2007-06-29..2010-01-19",
        ),
    ],
)
def test_official_named_without_a_title(name, expected, reason):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == expected
    assert reason in [e.reason for e in got.evidence]


BARE_NAMES = [
    # the office named elsewhere, lower case, no organisation needed for a distinctive title
    (
        "William Barr said the department would prosecute dealers whose drugs kill. The attorney general spoke in Cleveland.",
        (date(2019, 2, 14), date(2020, 12, 23)),
    ),
    # "the attorney general" could be Garland's office or Milgram's old New Jersey one: each gets
    # only the union of their terms
    (
        "Merrick Garland and Anne Milgram spoke at the event. The attorney general said fentanyl is the deadliest threat.",
        (date(2021, 6, 28), date(2025, 1, 20)),
    ),
    # a generic title ("acting head") with no agency near it says nothing: union of the terms
    (
        "Robert Patterson spoke to the students. The acting head said pills kill.",
        (date(2017, 10, 1), date(2018, 7, 2)),
    ),
    # no title anywhere: all the person's terms (a wide window, no point date)
    ("Anne Milgram said fake pills are flooding the country.", (date(2007, 6, 29), date(2025, 1, 20))),
    # "the late", "former", "then-" before a bare name: no bound at all
    ("A bill named for the late Tom Price passed the House.", (None, None)),
    ("Critics of former Jeff Sessions policies spoke up.", (None, None)),
    # a year in the sentence may set the clause in the past
    ("Jeff Sessions, who left office in 2018, backed the bill.", (date(2018, 1, 1), date(2030, 12, 31))),
]


@pytest.mark.parametrize("text,expected", BARE_NAMES)
def test_bare_names_in_short_texts(text, expected):
    got = dating.date_document(_doc(text))
    assert (got.earliest, got.latest) == expected


def test_bare_name_yields_to_a_titled_mention_of_the_same_person():
    text = "Jeff Sessions spoke. Attorney General Jeff Sessions said the department would act."
    got = dating.date_document(_doc(text))
    assert [e.reason for e in got.evidence] == ["Jeff Sessions was Attorney General 2017-02-09..2018-11-07"]


def test_bare_name_is_weaker_than_a_year_spoken_of_as_past():
    """ "Obama signed ..." in a later article: the year wins, the name's term is dropped."""
    text = "Barack Obama signed the bill. Overdose deaths rose again in 2021."
    got = dating.date_document(_doc(text))
    assert (got.earliest, got.latest) == (date(2021, 1, 1), date(2030, 12, 31))
    assert got.warnings == (
        "dating clue ignored, it conflicts with stronger ones: Barack Obama is named without a title; "
        "in office 2009-01-20..2017-01-20",
    )


# ---------------------------------------------------------------- round 2: final and provisional CDC counts


def test_cdc_release_table():
    from fentdash.dating_figures import cdc_releases

    got = {y: (r.day, r.earliest, r.latest) for y, r in cdc_releases().items()}
    assert got[2018] == (date(2020, 1, 30), date(2020, 1, 30), date(2020, 1, 30))
    assert got[2020] == (None, date(2021, 12, 1), date(2021, 12, 31))  # month only
    assert sorted(got) == list(range(2016, 2024))


FIGURE_VINTAGES = [
    # press release repost: the exact final count for 2018 exists only from 2020-01-30, and exact
    # counts are mostly quoted around their release
    ("final_figure_release.txt", (date(2020, 1, 30), date(2020, 1, 30), date(2020, 12, 31))),
    # blog: "more than 64,000 last year" is the provisional 2016 figure: 2017, and before mid-2018
    ("provisional_figure_blog.txt", (date(2017, 7, 2), date(2017, 1, 1), date(2017, 12, 31))),
]


@pytest.mark.parametrize("name,expected", FIGURE_VINTAGES)
def test_final_and_provisional_counts(name, expected):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == expected


def _year_stat(text: str, figure: str, value: float, metric: str, year: int, qualifier=None) -> Statistic:
    start = text.index(figure)
    period = Interval(date(year, 1, 1), date(year, 12, 31), "year")
    return Statistic(
        figure, start, start + len(figure), value, "deaths", metric, qualifier=qualifier, period=period
    )


FINAL_COUNTS = [
    # exact final 2021 count: on or after 2022-12-22 (and within two years of the data)
    (
        "The CDC counted 106,699 overdose deaths in 2021.",
        "106,699",
        106699,
        "overdose_deaths",
        2021,
        None,
        (date(2022, 12, 22), date(2023, 12, 31)),
    ),
    # only the month of the 2020 release is known: from its first day
    (
        "A total of 91,799 people died of overdoses in 2020.",
        "91,799",
        91799,
        "overdose_deaths",
        2020,
        None,
        (date(2021, 12, 1), date(2022, 12, 31)),
    ),
    # a rounded figure may predate the final count: no release bound
    (
        "About 67,000 people died of overdoses in 2018.",
        "67,000",
        67000,
        "overdose_deaths",
        2018,
        "about",
        (date(2018, 12, 1), date(2020, 12, 31)),
    ),
    # the final count of another year than the one the text gives is no match
    (
        "In 2019, 67,367 deaths were recorded.",
        "67,367",
        67367,
        "overdose_deaths",
        2019,
        None,
        (date(2019, 12, 1), date(2021, 12, 31)),
    ),
]


@pytest.mark.parametrize("text,figure,value,metric,year,qualifier,expected", FINAL_COUNTS)
def test_final_count_release_dates(text, figure, value, metric, year, qualifier, expected):
    stat = _year_stat(text, figure, value, metric, year, qualifier)
    got = dating.date_document(_doc(text), statistics=[stat])
    assert (got.earliest, got.latest) == expected


# ---------------------------------------------------------------- round 2: data years, separate periods, month-days


def _fiscal_stat(text: str, figure: str, value: float, fy: int) -> Statistic:
    start, at = text.index(figure), text.index(f"fiscal year {fy}")
    period = Interval(date(fy - 1, 10, 1), date(fy, 9, 30), "range")
    source = TimeExpression(
        f"fiscal year {fy}", at, at + 16, "absolute", "range", period, label="fiscal_year"
    )
    return Statistic(
        figure, start, start + len(figure), value, "pounds", "seizures", period=period, period_source=source
    )


def test_fiscal_year_seizures_and_a_yearless_date_resolve_to_the_following_january():
    text = (FIXTURES / "fiscal_year_seizure_release.txt").read_text(encoding="utf-8")
    stat = _fiscal_stat(text, "11,200 pounds", 11200, 2021)
    got = dating.date_document(_doc(text), statistics=[stat])
    assert (got.date, got.earliest, got.latest, got.confidence) == (
        date(2022, 1, 27),
        date(2021, 1, 26),
        date(2023, 4, 28),
        0.1,
    )
    note = (
        "the clues allow 3 separate periods (2021-01-26..2021-04-28, 2022-01-26..2022-04-28, "
        "2023-01-26..2023-04-28); the date 2022-01-27 is in the first one that fits data cited for 2021 "
        "(articles usually follow their data by a year)"
    )
    assert got.warnings == (note,)
    reasons = [e.reason for e in got.evidence]
    assert (
        reasons[0]
        == "the latest data cited are for fiscal year 2021: articles rarely cite data more than 2 years old"
    )
    assert reasons[-1] == note


@pytest.mark.parametrize(
    "text,expected",
    [
        # a seizure on Feb. 6 in Dhillon's tenure: 2019 or 2020; with no data year, the earliest
        (
            "DEA Administrator Uttam Dhillon said agents seized 40 pounds of fentanyl on Feb. 6 in a raid in Phoenix.",
            (date(2019, 2, 7), date(2019, 2, 6), date(2020, 5, 8), 0.2),
        ),
        # with 2019 data cited, the year after it
        (
            (FIXTURES / "two_periods_wire.txt").read_text(encoding="utf-8"),
            (date(2020, 2, 7), date(2019, 2, 6), date(2020, 5, 8), 0.2),
        ),
    ],
)
def test_separate_periods_pick_the_one_after_the_data_year(text, expected):
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest, got.confidence) == expected
    assert len(got.warnings) == 1 and got.warnings[0].startswith("the clues allow 2 separate periods")


def test_tenure_and_a_last_year_figure_matching_two_years_intersect():
    """Sessions (2017-02..2018-11) and 70,000 "last year" (2017 or 2019 data): only 2018 remains."""
    text = "More than 70,000 Americans died of drug overdoses last year, Attorney General Jeff Sessions said."
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == (date(2018, 6, 5), date(2018, 1, 1), date(2018, 11, 7))
    assert got.warnings == ()


def test_yearless_past_date_in_a_one_year_window_puts_the_point_just_after_it():
    text = (FIXTURES / "tenure_and_ambiguous_figure.txt").read_text(encoding="utf-8")
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == (date(2018, 6, 3), date(2018, 6, 2), date(2018, 9, 2))


def test_ignored_clues_become_warnings():
    text = (
        "Attorney General Jeff Sessions said on Tuesday that the first National Fentanyl Awareness Day "
        "had drawn wide attention."
    )
    got = dating.date_document(_doc(text))
    assert got.warnings == (
        "dating clue ignored, it conflicts with stronger ones: First National Fentanyl Awareness Day "
        "(2022-05-10) is reported as having happened",
        "dating clue ignored, it conflicts with stronger ones: First National Fentanyl Awareness Day "
        '(2022-05-10) is told as "Tuesday": the article is from 0-13 days after',
    )


def test_many_bare_names_and_office_words_are_fast():
    names = [p.name for p in knowledge.officials()]
    text = (
        " ".join(f"{n} spoke. The attorney general and the acting head of the DEA said." for n in names) * 8
    )
    start = time.perf_counter()
    dating.date_document(_doc(text[:20000]))
    assert time.perf_counter() - start < 2.0


def test_final_data_release_event_with_a_weekday():
    text = "The CDC released final data for 2021 on Thursday, showing overdose deaths rose again."
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == (
        date(2022, 12, 22),
        date(2022, 12, 22),
        date(2022, 12, 30),
    )


def test_separate_periods_a_dated_clue_picks_its_period():
    text = (
        "More than 70,000 Americans died of drug overdoses last year, CDC Director Robert Redfield said. "
        "The agency opened a new overdose center on May 1, 2018."
    )
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == (date(2018, 5, 1), date(2018, 5, 1), date(2020, 12, 31))
    assert got.warnings == (
        "the clues allow 2 separate periods (2018-05-01..2018-12-31, 2020-01-01..2020-12-31); "
        "the date 2018-05-01 is in the one after 2018-05-01, a dated clue",
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        # a capitalised first word that is no title leaves the name bare
        (
            "Yesterday Robert Patterson spoke. The DEA chief said pills kill.",
            (date(2017, 10, 1), date(2018, 7, 2)),
        ),
        # a first word that is a title word still makes a title ("Acting" fits no listed office of Barr)
        ("Acting William Barr spoke. The attorney general said pills kill.", (None, None)),
    ],
)
def test_sentence_initial_words_before_a_name(text, expected):
    got = dating.date_document(_doc(text))
    assert (got.earliest, got.latest) == expected


def test_reset_caches_reloads_the_release_table(tmp_path, monkeypatch):
    import shutil

    from fentdash.dating_figures import cdc_releases

    for f in knowledge.DEFAULT_DATA_DIR.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "cdc_releases.csv").write_text(
        "data_year,final_release_date,release_month,source,notes\n2018,2020-02-14,,test,\n", encoding="utf-8"
    )
    text = "In 2018, 67,367 people died of drug overdoses."
    monkeypatch.setenv("FENTDASH_DATA", str(tmp_path))
    knowledge.reset_caches()
    dating.reset_caches()
    try:
        assert sorted(cdc_releases()) == [2018]
        assert dating.date_document(_doc(text)).earliest == date(2020, 2, 14)
    finally:
        monkeypatch.delenv("FENTDASH_DATA")
        knowledge.reset_caches()
        dating.reset_caches()
    assert dating.date_document(_doc(text)).earliest == date(2020, 1, 30)


def test_last_year_final_count_with_a_weekday():
    """Wire copy: 2016's final count, "last year", said on a Thursday: late December 2017."""
    text = "Some 63,632 Americans died of drug overdoses last year, the Centers for Disease Control said on Thursday."
    got = dating.date_document(_doc(text))
    assert (got.date, got.earliest, got.latest) == (
        date(2017, 12, 21),
        date(2017, 12, 21),
        date(2017, 12, 29),
    )


def test_fiscal_year_release_through_the_pipeline():
    """The same press release with figures and periods found by the statistics stage."""
    from fentdash import pipeline

    text = (FIXTURES / "fiscal_year_seizure_release.txt").read_text(encoding="utf-8")
    got = pipeline.parse_document(_doc(text)).published
    assert (got.date, got.earliest, got.latest) == (date(2022, 1, 27), date(2021, 1, 26), date(2023, 4, 28))


def test_a_year_about_something_else_keeps_the_bare_name_clue():
    text = "Robert Patterson told reporters that seizures doubled in 2017. The DEA chief spoke in Ohio."
    got = dating.date_document(_doc(text))
    assert (got.earliest, got.latest) == (date(2017, 10, 1), date(2018, 7, 2))


# ---------------------------------------------------------------- speed-ups that must not change results


def _sentence_by_scanning(text: str, pos: int) -> tuple[int, int]:
    """The original windowed scan that ``dating_text.sentence`` replaces with a lookup."""
    reach, end_re = dating_text._SENTENCE_REACH, dating_text._SENTENCE_END
    lo = max(0, pos - reach)
    start = lo
    for m in end_re.finditer(text, lo, pos):
        start = m.end()
    end = end_re.search(text, pos, min(len(text), pos + reach))
    return start, (end.end() if end else min(len(text), pos + reach))


SENTENCES = [
    ("He said it. Then he left.", 14, (11, 25)),
    ("He said it. Then he left.", 11, (0, 25)),  # a stop ends a sentence only with the space seen
    ("He said it. Then he left.", 10, (0, 11)),
    ("The U.S. attorney spoke. Next.", 5, (0, 24)),  # "U.S." does not end a sentence
    ('"We will win." He left.', 16, (14, 23)),
    ("Line one\nLine two", 9, (9, 17)),
    ("Line one\nLine two", 8, (0, 9)),
    ("x" * 500 + ". tail", 450, (50, 501)),  # at most _SENTENCE_REACH each side
]


@pytest.mark.parametrize("text,pos,expected", SENTENCES)
def test_sentence_bounds(text, pos, expected):
    assert dating_text.sentence(text, pos) == expected
    assert _sentence_by_scanning(text, pos) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='aB. \n!?"\u201d)Z', max_size=900), st.integers(min_value=0, max_value=900))
def test_sentence_lookup_equals_the_windowed_scan(text, pos):
    pos = min(pos, len(text))
    assert dating_text.sentence(text, pos) == _sentence_by_scanning(text, pos)


GATES = [
    # (pattern, gate as sorted word lists per alternative, first words)
    (
        r"\bNational Fentanyl Awareness Day\b",
        [[["national fentanyl awareness day"]]],
        ["national fentanyl awareness day"],
    ),
    (
        r"xylazine[^.]{0,100}\bthreat|\bthreat[^.]{0,100}xylazine",
        [[["xylazine"], ["threat"]], [["xylazine"], ["threat"]]],
        ["threat", "xylazine"],
    ),
    # one alternation in the sequence: one alternative per branch
    (
        r"\b(?:seized|captured)\b[^.]{0,40}\bpills?\b",
        [[["seized"], ["pill"]], [["captured"], ["pill"]]],
        ["captured", "seized"],
    ),
    (r"\bU\.S\. Customs\b", [[[" customs"]]], ["u"]),  # dots are masked in event text: never in words
    (r"\w+ overdoses", [[[" overdoses"]]], None),  # a match may start anywhere
    (r"(?:the )?opioid crisis", [[["opioid crisis"]]], None),
    (r"\bon\b", [], ["on"]),  # only short words: no gate, the regex always runs
]


@pytest.mark.parametrize("pattern,gate,firsts", GATES)
def test_gates_and_first_words_are_read_from_the_regex(pattern, gate, firsts):
    compiled = re.compile(pattern, re.IGNORECASE)
    got = dating_gates.gate_for(compiled)
    assert [[sorted(s) for s in conj] for conj in got] == [[sorted(s) for s in conj] for conj in gate]
    found = dating_gates.first_words(compiled)
    assert (sorted(found) if found is not None else None) == firsts


def test_fold_keeps_offsets_and_every_case_insensitive_ascii_match():
    """Over every code point: folding keeps the length, and a character that re.IGNORECASE
    matches with an ASCII letter or digit folds to exactly that character."""
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = dating_gates.fold(text)
    assert len(folded) == len(text)
    for m in re.finditer(r"[a-z0-9]", text, re.IGNORECASE):
        f = folded[m.start()]
        assert f.isascii() and re.fullmatch(re.escape(f), m.group(0), re.IGNORECASE), hex(ord(m.group(0)))


_CUE_FRAGMENTS = [
    "four",
    "FOUR",
    "4",
    "six",
    " in ",
    " of ",
    " out of ",
    " every",
    " 10",
    " ten",
    " pills",
    " Tablet",
    "among",
    " ",
    ".",
    "U.S.",
    "Public Safety Alert",
    "fake",
    "final",
    " data",
    "2017",
    "China",
    " banned ",
    "declared",
    "national",
    "public health emergency",
    "\u0130",
    "\u017f",
    "\u212a",
    "K",
    "x",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CUE_FRAGMENTS), max_size=40).map("".join))
def test_event_gates_and_anchored_scans_find_what_the_cues_find(text):
    masked = mask_abbreviations(text)
    words = dating_gates.Words(dating_gates.fold(text))
    for event in knowledge.events():
        expected = [m.span() for m in event.cue.finditer(masked)]
        if not dating_gates.is_open(dating_gates.gate_for(event.cue), words):
            assert expected == [], event.name
            continue
        firsts = dating_gates.first_words(event.cue)
        got = [m.span() for m in dating_gates.finditer_from(event.cue, masked, words.folded, firsts)]
        assert got == expected, event.name


_DATE_FRAGMENTS = [
    "Jan",
    "JAN",
    "January",
    "May",
    "Sept",
    "Sep.",
    "Dec.",
    "December",
    "Wednesday",
    "WEDNESDAY",
    "Wed.",
    "Tues",
    "Sunday",
    " ",
    "   ",
    "\t",
    ",",
    ".",
    "/",
    "-",
    "1",
    "12",
    "31st",
    "07",
    "2019",
    "1999",
    "203",
    "20",
    "199",
    "$",
    "%",
    "x",
    "\n",
    ":",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_FRAGMENTS), max_size=50).map("".join))
def test_token_anchored_date_scans_equal_finditer(text):
    for pattern in datelines._TOKENS:
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in datelines._scan(pattern, text)] == expected


WIDEST_DATES = [
    # the longest text a date pattern allows before its token
    ("x Wednesday.,   December 31st,   2019", (2019, 12, 31, 2)),
    ("x WEDNESDAY.,   31st   DECEMBER 2019", (2019, 12, 31, 2)),
    ("x Wednesday.,   12/31/2019", (2019, 12, 31, 2)),
    ("x 2019-12-31 y", (2019, 12, 31, None)),
]


@pytest.mark.parametrize("text,expected", WIDEST_DATES)
def test_widest_dates_are_found(text, expected):
    (found,) = find_dates(text)
    assert (found.year, found.month, found.day, found.weekday) == expected
    assert found.start == text.index(found.text) == 2 and found.end == len(text.rstrip(" y"))
