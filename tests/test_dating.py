"""Article dating: each stage on sentences and short articles written for these tests."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from fentdash import dating, knowledge
from fentdash.corpus import document_from_text
from fentdash.datelines import find_dateline, find_dates, find_update_line, find_weekdays, find_years
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
