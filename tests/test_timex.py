"""Time expressions: exact spans, kinds and intervals, plus the false-date traps.

Each case is (text, reference date, expected list). An expected item is
(span, kind, interval start, interval end, granularity); the start offset asserted is
``text.index(span)`` (or the n-th occurrence for ``(span, n)``).
"""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fentdash import timex
from fentdash.models import Interval, TimeExpression

D = date.fromisoformat


def _start(text: str, span) -> tuple[str, int]:
    if isinstance(span, tuple):
        span, n = span
        pos = -1
        for _ in range(n + 1):
            pos = text.index(span, pos + 1)
        return span, pos
    return span, text.index(span)


def _got(text: str, reference: date | None) -> list[tuple]:
    out = []
    for e in timex.resolve(timex.find_time_expressions(text), reference=reference):
        assert text[e.start : e.end] == e.text
        iv = e.interval
        out.append(
            (
                e.text,
                e.start,
                e.kind,
                iv and iv.start.isoformat(),
                iv and iv.end.isoformat(),
                iv.granularity if iv else e.granularity,
            )
        )
    return out


def _want(text: str, expected) -> list[tuple]:
    out = []
    for span, kind, lo, hi, gran in expected:
        span, start = _start(text, span)
        out.append((span, start, kind, lo, hi, gran))
    return out


ABSOLUTE = [
    (
        "The warning was issued on November 4, 2019, in Washington.",
        None,
        [("November 4, 2019", "absolute", "2019-11-04", "2019-11-04", "day")],
    ),
    (
        "Sessions spoke on Dec. 14, 2017 and again on 14 December 2017.",
        None,
        [
            ("Dec. 14, 2017", "absolute", "2017-12-14", "2017-12-14", "day"),
            ("14 December 2017", "absolute", "2017-12-14", "2017-12-14", "day"),
        ],
    ),
    (
        "Posted 2019-11-04 at noon; updated 07/01/2024.",
        None,
        [
            ("2019-11-04", "absolute", "2019-11-04", "2019-11-04", "day"),
            ("07/01/2024", "absolute", "2024-07-01", "2024-07-01", "day"),
        ],
    ),
    (
        "The rule took effect in May 2019 after talks in July 2017 and September of 2018.",
        None,
        [
            ("May 2019", "absolute", "2019-05-01", "2019-05-31", "month"),
            ("July 2017", "absolute", "2017-07-01", "2017-07-31", "month"),
            ("September of 2018", "absolute", "2018-09-01", "2018-09-30", "month"),
        ],
    ),
    (
        "In 2014, 5,544 people died; by 2016 the toll had tripled.",
        None,
        [
            ("2014", "absolute", "2014-01-01", "2014-12-31", "year"),
            ("2016", "absolute", "2016-01-01", "2016-12-31", "year"),
        ],
    ),
    (
        "Deaths rose between 2013-2014, from 2013 to 2014, between 2013 and 2014, and in 2015–16.",
        None,
        [
            ("between 2013-2014", "absolute", "2013-01-01", "2014-12-31", "range"),
            ("from 2013 to 2014", "absolute", "2013-01-01", "2014-12-31", "range"),
            ("between 2013 and 2014", "absolute", "2013-01-01", "2014-12-31", "range"),
            ("2015–16", "absolute", "2015-01-01", "2016-12-31", "range"),
        ],
    ),
    (
        "CBP seized 14,700 pounds in FY2022, more than in fiscal year 2021 or FY 21.",
        None,
        [
            ("FY2022", "absolute", "2021-10-01", "2022-09-30", "range"),
            ("fiscal year 2021", "absolute", "2020-10-01", "2021-09-30", "range"),
            ("FY 21", "absolute", "2020-10-01", "2021-09-30", "range"),
        ],
    ),
    (
        "Pills were over-prescribed in the 1990s and the early 2000s.",
        None,
        [
            ("the 1990s", "absolute", "1990-01-01", "1999-12-31", "range"),
            ("the early 2000s", "absolute", "2000-01-01", "2003-12-31", "range"),
        ],
    ),
    (
        "Seizures in the first quarter of 2019 beat Q3 2020 and the fourth quarter of 2018.",
        None,
        [
            ("the first quarter of 2019", "absolute", "2019-01-01", "2019-03-31", "quarter"),
            ("Q3 2020", "absolute", "2020-07-01", "2020-09-30", "quarter"),
            ("the fourth quarter of 2018", "absolute", "2018-10-01", "2018-12-31", "quarter"),
        ],
    ),
    (
        "Data for the first six months of 2021 and the second half of 2020 differ.",
        None,
        [
            ("the first six months of 2021", "absolute", "2021-01-01", "2021-06-30", "range"),
            ("the second half of 2020", "absolute", "2020-07-01", "2020-12-31", "range"),
        ],
    ),
    (
        "CBP seized 262,274 pounds from October 2021 through September 2022.",
        None,
        [("from October 2021 through September 2022", "absolute", "2021-10-01", "2022-09-30", "range")],
    ),
    (
        "Counts for January-March 2019 and between April and June 2019.",
        None,
        [
            ("January-March 2019", "absolute", "2019-01-01", "2019-03-31", "range"),
            ("between April and June 2019", "absolute", "2019-04-01", "2019-06-30", "range"),
        ],
    ),
    (
        "CDC predicted 107,582 deaths in the 12-month period ending in June 2022.",
        None,
        [("the 12-month period ending in June 2022", "absolute", "2021-07-01", "2022-06-30", "range")],
    ),
    (
        "There were 93,000 deaths in the 12 months ending April 2023, and 71,000 in the 12 months ended May 31, 2020.",
        None,
        [
            ("the 12 months ending April 2023", "absolute", "2022-05-01", "2023-04-30", "range"),
            ("the 12 months ended May 31, 2020", "absolute", "2019-06-01", "2020-05-31", "range"),
        ],
    ),
    (
        "From Jan. 1 through Sept. 30, 2023, officers seized 2,400 pounds.",
        None,
        [("From Jan. 1 through Sept. 30, 2023", "absolute", "2023-01-01", "2023-09-30", "range")],
    ),
    (
        "Use rose in mid-2019 and again in spring 2021.",
        None,
        [
            ("mid-2019", "absolute", "2019-05-01", "2019-08-31", "range"),
            ("spring 2021", "absolute", "2021-03-01", "2021-05-31", "range"),
        ],
    ),
]

REFERENCE_2019 = D("2019-11-04")  # a Monday
RELATIVE = [
    (
        "Fentanyl killed 20,000 people last year, more than this year or next year.",
        D("2017-12-14"),
        [
            ("last year", "relative", "2016-01-01", "2016-12-31", "year"),
            ("this year", "relative", "2017-01-01", "2017-12-31", "year"),
            ("next year", "relative", "2018-01-01", "2018-12-31", "year"),
        ],
    ),
    (
        "Police made a bust earlier this year; 9.5 million pills were seized so far this year.",
        D("2021-09-27"),
        [
            ("earlier this year", "relative", "2021-01-01", "2021-09-27", "range"),
            ("so far this year", "relative", "2021-01-01", "2021-09-27", "range"),
        ],
    ),
    (
        "So far in 2023, agents have seized 9,000 pounds; 2023 thus far has been a record.",
        D("2023-05-20"),
        [
            ("So far in 2023", "relative", "2023-01-01", "2023-05-20", "range"),
            ("2023 thus far", "relative", "2023-01-01", "2023-05-20", "range"),
        ],
    ),
    (
        "Seizures so far in 2022 topped 50 million pills.",
        D("2023-01-10"),
        [("so far in 2022", "relative", "2022-01-01", "2022-12-31", "range")],
    ),
    (
        "27% of pills tested during the first three months of this year were lethal.",
        REFERENCE_2019,
        [("the first three months of this year", "relative", "2019-01-01", "2019-03-31", "quarter")],
    ),
    (
        "Overdoses fell last month and rose last week.",
        REFERENCE_2019,
        [
            ("last month", "relative", "2019-10-01", "2019-10-31", "month"),
            ("last week", "relative", "2019-10-28", "2019-11-03", "range"),
        ],
    ),
    (
        "In May, China banned the analogues.",
        REFERENCE_2019,
        [("In May", "relative", "2019-05-01", "2019-05-31", "month")],
    ),
    (
        "In December, officials met again.",
        REFERENCE_2019,
        [("In December", "relative", "2018-12-01", "2018-12-31", "month")],
    ),
    (
        "The DEA said on Monday that cartels were busy. Officials said Friday they agreed.",
        REFERENCE_2019,
        [
            ("on Monday", "relative", "2019-11-04", "2019-11-04", "day"),
            ("Friday", "relative", "2019-11-01", "2019-11-01", "day"),
        ],
    ),
    (
        "The agency announced today what it had found yesterday and this week.",
        REFERENCE_2019,
        [
            ("today", "relative", "2019-11-04", "2019-11-04", "day"),
            ("yesterday", "relative", "2019-11-03", "2019-11-03", "day"),
            ("this week", "relative", "2019-11-04", "2019-11-10", "range"),
        ],
    ),
    (
        "Deaths soared in the past year and over the last two decades.",
        REFERENCE_2019,
        [
            ("in the past year", "relative", "2018-11-04", "2019-11-04", "range"),
            ("over the last two decades", "relative", "1999-11-04", "2019-11-04", "range"),
        ],
    ),
    (
        "Seizures have grown in the past decade.",
        D("2023-03-01"),
        [("in the past decade", "relative", "2013-03-01", "2023-03-01", "range")],
    ),
    (
        "The briefing is Tuesday, July 19, at 12:00 p.m. ET.",
        D("2022-07-19"),
        [("Tuesday, July 19", "relative", "2022-07-19", "2022-07-19", "day")],
    ),
    (
        "CBP officers seized the fentanyl in Detroit, June 2.",
        D("2024-07-01"),
        [("June 2", "relative", "2024-06-02", "2024-06-02", "day")],
    ),
    (
        "Officers seized a shipment Feb. 6, weeks after a Dec. 20 seizure.",
        D("2025-02-12"),
        [
            ("Feb. 6", "relative", "2025-02-06", "2025-02-06", "day"),
            ("Dec. 20", "relative", "2024-12-20", "2024-12-20", "day"),
        ],
    ),
    (
        "Three years ago and a decade ago, few had heard of it.",
        D("2019-11-04"),
        [
            ("Three years ago", "relative", "2016-01-01", "2016-12-31", "year"),
            ("a decade ago", "relative", "2009-01-01", "2009-12-31", "year"),
        ],
    ),
    (
        "Drug overdoses have taken more than one million lives since 2001.",
        D("2022-05-10"),
        [("since 2001", "relative", "2001-01-01", "2021-12-31", "range")],
    ),
    (
        "Seizures have doubled since last year and since Jan. 20.",
        REFERENCE_2019,
        [
            ("since last year", "relative", "2018-01-01", "2019-11-04", "range"),
            ("since Jan. 20", "relative", "2019-01-20", "2019-11-04", "range"),
        ],
    ),
    (
        "Deaths have risen every year since 2018.",
        REFERENCE_2019,
        [("since 2018", "relative", "2018-01-01", "2019-11-04", "range")],
    ),
    (
        "Seizures have doubled since May.",
        REFERENCE_2019,
        [("since May", "relative", "2019-05-01", "2019-11-04", "range")],
    ),
    (
        "Seizures have doubled since July 2019.",
        REFERENCE_2019,
        [("since July 2019", "relative", "2019-07-01", "2019-11-04", "range")],
    ),
    (
        "Deaths in the 12 months ending in June topped 100,000.",
        D("2022-11-16"),
        [("the 12 months ending in June", "relative", "2021-07-01", "2022-06-30", "range")],
    ),
    (
        "It met last May, and will meet again next March.",
        REFERENCE_2019,
        [
            ("last May", "relative", "2019-05-01", "2019-05-31", "month"),
            ("next March", "relative", "2020-03-01", "2020-03-31", "month"),
        ],
    ),
    (
        "In the fiscal year that ended Sept. 30, agents seized 11,200 pounds.",
        D("2021-10-20"),
        [("the fiscal year that ended Sept. 30", "relative", "2020-10-01", "2021-09-30", "range")],
    ),
    (
        "Between Jan. 1 and March 31, agents seized 900 pounds.",
        D("2020-05-01"),
        [("Between Jan. 1 and March 31", "relative", "2020-01-01", "2020-03-31", "range")],
    ),
    (
        "CBP seized 27,000 pounds last fiscal year and 9,000 so far this fiscal year.",
        D("2023-11-20"),
        [
            ("last fiscal year", "relative", "2022-10-01", "2023-09-30", "range"),
            ("so far this fiscal year", "relative", "2023-10-01", "2023-11-20", "range"),
        ],
    ),
    (
        "Seizures this fiscal year outpace the previous fiscal year.",
        D("2023-05-02"),
        [
            ("this fiscal year", "relative", "2022-10-01", "2023-09-30", "range"),
            ("the previous fiscal year", "relative", "2021-10-01", "2022-09-30", "range"),
        ],
    ),
    (
        "Pills seized year-to-date and in the fourth quarter of last year.",
        REFERENCE_2019,
        [
            ("year-to-date", "relative", "2019-01-01", "2019-11-04", "range"),
            ("the fourth quarter of last year", "relative", "2018-10-01", "2018-12-31", "quarter"),
        ],
    ),
    # From the start of a year, month or week the article date names, to the article date.
    (
        "Deaths have climbed since the start of the year.",
        REFERENCE_2019,
        [("since the start of the year", "relative", "2019-01-01", "2019-11-04", "range")],
    ),
    (
        "Since the beginning of this year, agents have seized 2 tons.",
        D("2021-03-17"),
        [("Since the beginning of this year", "relative", "2021-01-01", "2021-03-17", "range")],
    ),
    (
        "Arrests are up since the first of the year and since the start of the month.",
        D("2020-07-22"),
        [
            ("since the first of the year", "relative", "2020-01-01", "2020-07-22", "range"),
            ("since the start of the month", "relative", "2020-07-01", "2020-07-22", "range"),
        ],
    ),
    (
        "Seizures have doubled since the start of last year.",
        D("2020-07-22"),
        [("since the start of last year", "relative", "2019-01-01", "2020-07-22", "range")],
    ),
    (
        "CBP has seized 9 tons since the start of the fiscal year.",
        D("2023-02-10"),
        [("since the start of the fiscal year", "relative", "2022-10-01", "2023-02-10", "range")],
    ),
    # A year-less month after "since": this year's, or last year's when it is still to come.
    (
        "Overdoses have doubled since January, officials said.",
        D("2022-06-10"),
        [("since January", "relative", "2022-01-01", "2022-06-10", "range")],
    ),
    (
        "The lab has tested 400 pills since November.",
        D("2022-06-10"),
        [("since November", "relative", "2021-11-01", "2022-06-10", "range")],
    ),
    (
        "Prices fell since early March and since mid-April.",
        D("2022-06-10"),
        [
            ("since early March", "relative", "2022-03-01", "2022-06-10", "range"),
            ("since mid-April", "relative", "2022-04-11", "2022-06-10", "range"),
        ],
    ),
    (
        "In the first half of the year, 300 people died.",
        D("2022-09-01"),
        [("the first half of the year", "relative", "2022-01-01", "2022-06-30", "range")],
    ),
    # "through the end of June": the year up to the end of that month.
    (
        "The county recorded 41 deaths through the end of June.",
        D("2022-09-01"),
        [("through the end of June", "relative", "2022-01-01", "2022-06-30", "range")],
    ),
    (
        "By the end of Dec., 12 labs had closed.",
        D("2023-01-15"),
        [("By the end of Dec.", "relative", "2022-01-01", "2022-12-31", "range")],
    ),
    (
        "The county recorded 41 deaths through the end of June, 2021.",
        D("2022-09-01"),
        [("through the end of June, 2021", "absolute", "2021-01-01", "2021-06-30", "range")],
    ),
    # Year-less month spans: the latest such span, across New Year when the months wrap.
    (
        "From January through the end of June, 88 people died.",
        D("2022-09-01"),
        [("From January through the end of June", "relative", "2022-01-01", "2022-06-30", "range")],
    ),
    (
        "Between November and February, seizures rose.",
        D("2022-04-01"),
        [("Between November and February", "relative", "2021-11-01", "2022-02-28", "range")],
    ),
    (
        "Deaths in the 12 months through the end of June topped 100,000.",
        D("2022-11-16"),
        [("the 12 months through the end of June", "relative", "2021-07-01", "2022-06-30", "range")],
    ),
]

ANAPHORIC = [
    (
        "Fentanyl was connected to 20,000 deaths in the US last year, an almost 400% increase on two years previously.",
        D("2017-12-14"),
        [
            ("last year", "relative", "2016-01-01", "2016-12-31", "year"),
            ("two years previously", "anaphoric", "2014-01-01", "2014-12-31", "year"),
        ],
    ),
    (
        "In July 2017, the site was seized. A year earlier, it had 100,000 listings.",
        None,
        [
            ("July 2017", "absolute", "2017-07-01", "2017-07-31", "month"),
            ("A year earlier", "anaphoric", "2016-07-01", "2016-07-31", "month"),
        ],
    ),
    (
        "In 2018, fewer Americans died of overdoses than the year before.",
        None,
        [
            ("2018", "absolute", "2018-01-01", "2018-12-31", "year"),
            ("the year before", "anaphoric", "2017-01-01", "2017-12-31", "year"),
        ],
    ),
    (
        "Deaths hit 70,000 in 2019, up from the previous year; the prior year was worse.",
        None,
        [
            ("2019", "absolute", "2019-01-01", "2019-12-31", "year"),
            ("the previous year", "anaphoric", "2018-01-01", "2018-12-31", "year"),
            ("the prior year", "anaphoric", "2017-01-01", "2017-12-31", "year"),
        ],
    ),
    (
        "There was a 30% increase from 2019 to 2020. In one year, rates rose 44%.",
        None,
        [
            ("from 2019 to 2020", "absolute", "2019-01-01", "2020-12-31", "range"),
            ("In one year", "anaphoric", "2020-01-01", "2020-12-31", "year"),
        ],
    ),
    (
        "Fentanyl for the first time goes beyond 60,000 deaths in a single year.",
        D("2022-05-10"),
        [("in a single year", "anaphoric", "2021-01-01", "2021-12-31", "year")],
    ),
    (
        "The 12 months ending September 2022 saw 106,840 deaths; during the same period, CBP seized more.",
        None,
        [
            ("The 12 months ending September 2022", "absolute", "2021-10-01", "2022-09-30", "range"),
            ("the same period", "anaphoric", "2021-10-01", "2022-09-30", "range"),
        ],
    ),
    (
        "100,306 died in the 12 months ending April 2021, up 28.5% from the same period the year before.",
        None,
        [
            ("the 12 months ending April 2021", "absolute", "2020-05-01", "2021-04-30", "range"),
            ("the same period the year before", "anaphoric", "2019-05-01", "2020-04-30", "range"),
        ],
    ),
    (
        "So far in fiscal year 2023, CBP seized 7,800 pounds, up from 4,000 in the same period of fiscal year 2022.",
        D("2023-02-03"),
        [
            ("So far in fiscal year 2023", "relative", "2022-10-01", "2023-02-03", "range"),
            ("the same period of fiscal year 2022", "anaphoric", "2021-10-01", "2022-02-03", "range"),
        ],
    ),
    (
        "Deaths rose in the first half of 2021 compared with the same months in 2019.",
        None,
        [
            ("the first half of 2021", "absolute", "2021-01-01", "2021-06-30", "range"),
            ("the same months in 2019", "anaphoric", "2019-01-01", "2019-06-30", "range"),
        ],
    ),
    (
        "Sales began in 2015 and three years later reached Ohio.",
        None,
        [
            ("2015", "absolute", "2015-01-01", "2015-12-31", "year"),
            ("three years later", "anaphoric", "2018-01-01", "2018-12-31", "year"),
        ],
    ),
]


@pytest.mark.parametrize("text,reference,expected", ABSOLUTE + RELATIVE + ANAPHORIC)
def test_expressions(text, reference, expected):
    assert _got(text, reference) == _want(text, expected)


# Text with no date in it at all: every number here is a count, dose, ID, age or phone number.
NO_DATES = [
    "Fentanyl is 50 times stronger; 20 and 30 and 1 in 3 and four of 10 pills.",
    "Blue tablets stamped with the letter “M” on one side and “30” on the other.",
    "The victim was 45 years old; a 13 year old also died.",
    "It may be that this may be the least of their concerns.",
    "A lethal dose is 2 milligrams; agents seized 20,000 pills and 220,000 listings.",
    "It cost $1.5 trillion, or $80bn a year; the line is open 24/7.",
    "Call (202) 307-2016 or 1-800-662-2019 for help.",
    "Charged under Title 21, Section 841, and 21 U.S.C. 2018.",
    "They seized 2,016 pills and 2016 pounds of powder, about 1995 kilograms.",
    "Rates hit 21.2019 per unit and 2019% of target.",
    "COVID-19 made everything worse; Cyber Monday and Black Friday sales.",
    "Deaths occur every day, thousands every year, and $80bn a year is spent.",
    "The march on Washington; we may march again.",
]


@pytest.mark.parametrize("text", NO_DATES)
def test_no_false_dates(text):
    assert timex.find_time_expressions(text) == []


def test_relative_unresolved_without_reference():
    text = "Deaths rose last year and since 2001, two years previously, In May and on Monday."
    exprs = timex.resolve(timex.find_time_expressions(text), reference=None)
    assert [(e.text, e.kind, e.label, e.interval) for e in exprs] == [
        ("last year", "relative", "last_year", None),
        ("since 2001", "relative", "since", None),
        ("two years previously", "anaphoric", "shift", None),
        ("In May", "relative", "month_name", None),
        ("on Monday", "relative", "weekday", None),
    ]
    assert [(e.offset, e.unit) for e in exprs[:3]] == [(-1, "year"), (0, None), (-2, "year")]


def test_find_leaves_relative_intervals_empty():
    exprs = timex.find_time_expressions("In 2016 and last year.")
    assert [(e.text, e.interval) for e in exprs] == [
        ("2016", Interval(D("2016-01-01"), D("2016-12-31"), "year")),
        ("last year", None),
    ]


def test_resolve_keeps_order_and_offsets():
    text = "Fentanyl killed 20,000 last year, up from 2014. Today the DEA said so."
    found = timex.find_time_expressions(text)
    resolved = timex.resolve(found, reference=D("2017-12-14"))
    assert [(e.text, e.start, e.end) for e in resolved] == [(e.text, e.start, e.end) for e in found]
    assert [e.interval.start for e in resolved] == [D("2016-01-01"), D("2014-01-01"), D("2017-12-14")]


def test_anaphora_waits_for_an_unresolved_antecedent():
    text = "In 2010, few died. Last year 20,000 died, up from 5,000 two years previously."
    found = timex.find_time_expressions(text)
    assert [e.interval and e.interval.start for e in timex.resolve(found, reference=None)] == [
        D("2010-01-01"),
        None,
        None,
    ]
    assert [e.interval.start for e in timex.resolve(found, reference=D("2017-12-14"))] == [
        D("2010-01-01"),
        D("2016-01-01"),
        D("2014-01-01"),
    ]


def test_anaphora_skips_speech_dates():
    # "on Monday" dates the speech; "a year earlier" refers to the data year before it.
    text = "Deaths hit 70,000 in 2019, officials said on Monday, up 5% from a year earlier."
    resolved = timex.resolve(timex.find_time_expressions(text), reference=D("2020-06-01"))
    assert [(e.text, e.interval.start) for e in resolved] == [
        ("2019", D("2019-01-01")),
        ("on Monday", D("2020-06-01")),
        ("a year earlier", D("2018-01-01")),
    ]


def test_resolve_one_helper():
    last_year = timex.find_time_expressions("last year")[0]
    assert timex.resolve_one(last_year, reference=D("2017-12-14")) == Interval(
        D("2016-01-01"), D("2016-12-31"), "year"
    )
    assert timex.resolve_one(last_year, reference=None) is None
    earlier = timex.find_time_expressions("two years previously")[0]
    prev = Interval(D("2016-01-01"), D("2016-12-31"), "year")
    assert timex.resolve_one(earlier, reference=None, previous=prev) == Interval(
        D("2014-01-01"), D("2014-12-31"), "year"
    )
    assert timex.resolve_one(earlier, reference=None) is None


def test_since_anchor():
    since = timex.find_time_expressions("since 2001")[0]
    assert timex.since_anchor(since) == Interval(D("2001-01-01"), D("2001-12-31"), "year")
    # Within the current year the open range runs to the article date.
    assert timex.resolve_one(since, reference=D("2001-06-01")) == Interval(
        D("2001-01-01"), D("2001-06-01"), "range"
    )


def test_skip_spans():
    text = "Caption: a bust earlier this year.\nDeaths rose in 2016."
    cut = text.index("\n")
    assert [e.text for e in timex.find_time_expressions(text, skip=[(0, cut)])] == ["2016"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("two years before the pandemic", []),  # relative to the noun phrase, not the last period
        ("up from 2,000 the year before.", ["the year before"]),
        ("February 30, 2019", []),  # impossible day
        ("2019-2017", []),  # backwards range
        ("In 2016 deaths rose", ["2016"]),  # a year before a count noun, after "In"
        ("the 1990's and the 2020's first half", ["the 1990's", "the 2020's"]),
        ("2020's first half", ["2020"]),
        ("in the last days of the campaign", []),  # no length
        ("a fiscal 20 million cut", []),  # "fiscal" needs a four-digit year
        ("FY 2019-20 budget", ["FY 2019"]),
    ],
)
def test_edge_cases(text, expected):
    assert [e.text for e in timex.find_time_expressions(text)] == expected


def test_reset_caches():
    text = "Feb. 6"
    expr = timex.find_time_expressions(text)[0]
    timex.reset_caches()
    assert timex._parse_day.cache_info().currsize == 0
    timex.resolve([expr], reference=D("2025-02-12"))
    assert timex._parse_day.cache_info().currsize == 1
    timex.reset_caches()
    assert timex._parse_day.cache_info().currsize == 0
    assert timex._resolve_cached.cache_info().currsize == 0


ARTICLE = (
    "Fentanyl was connected to 20,000 deaths in the US last year, an almost 400% increase on two "
    "years previously. In July 2017, the DEA said on Monday that 27% of pills tested during the first "
    "three months of this year were lethal; 107,582 died in the 12-month period ending in June 2022. "
    "Call 202-307-2016. It may be 20 or 30 pills, 1 in 3, $1.5 trillion, 24/7, since 2001.\n"
)


def test_speed_on_long_text():
    text = (ARTICLE * 60)[:20000]
    timex.find_time_expressions(text)  # warm the regex engine
    t0 = time.perf_counter()
    found = timex.find_time_expressions(text)
    timex.resolve(found, reference=D("2022-11-16"))
    assert time.perf_counter() - t0 < 0.5  # typically ~0.05 s; slack for a shared machine
    assert len(found) > 100


@pytest.mark.parametrize(
    "chunk",
    [
        "2019 ",
        "May 5 ",
        "in May ",
        "the last ",
        "((((",
        "1-1-1-",
        "since 2001 ",
        "a" * 7,
        "since the start of the ",
        "through the end of June ",
        "since mid-",
        "from January to the end of ",
    ],
)
def test_no_catastrophic_backtracking(chunk):
    text = (chunk * (20000 // len(chunk) + 1))[:20000]
    t0 = time.perf_counter()
    timex.find_time_expressions(text)
    assert time.perf_counter() - t0 < 2.0


def _valid(text: str, exprs: list[TimeExpression]) -> bool:
    ends = [e.start for e in exprs[1:]]
    return all(text[e.start : e.end] == e.text for e in exprs) and all(
        a.end <= b for a, b in zip(exprs, ends, strict=False)
    )


_TOKENS = [
    *"0123456789 ,.-/$%'’\n",
    "May",
    "June",
    "2019",
    "2013-14",
    "last",
    "year",
    "since",
    "the",
    "in",
    "ago",
    "two",
    "Monday",
    "FY",
    "to",
    "Dec.",
    "of",
    "months",
    "ending",
    "quarter",
    "first",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40).map(" ".join))
def test_offsets_always_valid(text):
    exprs = timex.find_time_expressions(text)
    assert _valid(text, exprs)
    resolved = timex.resolve(exprs, reference=D("2020-02-29"))
    assert [(e.start, e.end) for e in resolved] == [(e.start, e.end) for e in exprs]


# ----------------------------------------------------------------------------- speed paths
# The fast paths must give exactly what the slow ones gave: dateparser for full dates, every
# rule's pattern without its first-character lookahead, every rule without its ``also`` gate.


@pytest.mark.parametrize(
    "phrase,reference,expected",
    [
        ("November 4 2019", None, D("2019-11-04")),
        ("February 29 2020", None, D("2020-02-29")),
        ("December 31 1999", None, D("1999-12-31")),
        ("January 1 1950", None, D("1950-01-01")),
        # yearless: the latest such day not after the reference (the reference day itself counts)
        ("June 2", "2019-06-02", D("2019-06-02")),
        ("June 3", "2019-06-02", D("2018-06-03")),
        ("June 1", "2019-06-02", D("2019-06-01")),
        ("December 28", "2020-01-01", D("2019-12-28")),
        ("January 1", "2020-01-01", D("2020-01-01")),
        ("February 28", "2021-02-27", D("2020-02-28")),
        ("May 31", "2021-03-01", D("2020-05-31")),
        ("December 31", "2021-12-31", D("2021-12-31")),
        ("April 30", "2024-04-29", D("2023-04-30")),
    ],
)
def test_plain_day_agrees_with_dateparser(phrase, reference, expected):
    import dateparser

    assert timex._plain_day(phrase, reference) == expected
    base = timex._DATEPARSER_SETTINGS if reference else timex._DATEPARSER_STRICT
    settings = dict(base, RELATIVE_BASE=datetime.fromisoformat(reference or timex._NEUTRAL_BASE))
    assert dateparser.parse(phrase, languages=["en"], settings=settings).date() == expected


@pytest.mark.parametrize(
    "phrase,reference,expected",
    [
        # shapes left to dateparser: impossible dates, and yearless days not in every year/month
        ("February 30 2019", None, None),
        ("February 29 2019", None, None),
        ("April 31 2020", None, None),
        ("February 29", "2021-03-01", "dateparser"),
        ("February 29", "2024-03-01", "dateparser"),
    ],
)
def test_plain_day_leaves_the_rest_to_dateparser(phrase, reference, expected):
    assert timex._plain_day(phrase, reference) is None
    timex.reset_caches()
    parsed = timex._parse_day(phrase, reference)
    if expected is None:
        assert parsed is None
    else:
        assert timex._parse_day.cache_info().currsize == 1


_LOOKAHEAD_TEXTS = [
    "On Monday, March 4, 2019, the DEA said 4 March 2019 and the 4th of March 2019 were busy.",
    "Deaths rose in the 12 months ending in June 2022 and in the twelve-month period ending March 2021.",
    "In the fiscal year ending Sept. 30, 2020, and the year through August, seizures doubled.",
    "From 2013 to 2014 and between 2015–2016, in 2010/11 and FY 2019-20, counts rose.",
    "in early March, since mid-April, last June, during May and through December; by July.",
    "the spring of 2018, summer 2019, late 2017, the beginning of 2016, mid-2015, End 2014.",
    "Friday, Jan. 5 and Tuesday 12 Feb., on Sept. 3 and 3 Sept; ſpring 2019, İn March, THE END OF 2019.",
    "٢٠١٩ months ending in June 2020; Two months to June 2021, one-year ending May 2020.",
]


@pytest.mark.parametrize(
    "pattern_name,lookahead",
    [
        ("MDY_PATTERN", "_STARTS_MDY"),
        ("DMY_PATTERN", "_STARTS_DMY"),
        ("MONTH_DAY_PATTERN", "_STARTS_MONTH_DAY"),
        ("SEASON_YEAR_PATTERN", "_STARTS_SEASON"),
        ("YEAR_RANGE_PATTERN", "_STARTS_YEAR_RANGE"),
        ("ROLLING_PATTERN", "_STARTS_ROLLING"),
        ("ROLLING_REL_PATTERN", "_STARTS_ROLLING"),
        ("MONTH_NAME_PATTERN", "_STARTS_MONTH_NAME"),
        ("YEAR_PATTERN", "_STARTS_YEAR"),
    ],
)
def test_first_character_lookaheads_change_no_match(pattern_name, lookahead):
    import re

    from fentdash import timex_patterns as P

    pattern, prefix = getattr(P, pattern_name), getattr(P, lookahead)
    assert pattern.pattern.startswith(prefix)
    bare = re.compile(pattern.pattern[len(prefix) :])
    for text in _LOOKAHEAD_TEXTS:
        with_prefix = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert with_prefix == [(m.span(), m.groupdict()) for m in bare.finditer(text)]
    assert any(pattern.search(text) for text in _LOOKAHEAD_TEXTS)


@pytest.mark.parametrize(
    "label,text",
    [
        ("rolling", "the 12 months ending in June 2022"),
        ("rolling", "the year ending Sept. 30, 2020"),
        ("quarter_rel", "the first quarter of this year"),
        ("part_of_year_rel", "the first half of the year"),
        ("fiscal_year_rel", "so far this fiscal year"),
        ("year_range", "between 2013–2014"),
        ("year_range", "FY 2010/11"),
        ("to_date", "year-to-date"),
        ("to_date", "since the start of the month"),
        ("past", "over the past three decades"),
        ("unit_rel", "last week"),
        ("ago", "two decades ago"),
        ("single_year", "in a single year"),
        ("shift", "three days later"),
        ("previous", "the preceding quarter"),
        ("same", "the same time period"),
        ("same", "that time frame"),
    ],
)
def test_also_gates_hold_every_match(label, text):
    rules = [r for r in timex._RULES if r.label == label and r.also]
    matches = [m for r in rules if (m := r.pattern.search(text))]
    assert matches
    for rule in rules:
        assert not any(ch in w for w in rule.also for ch in "is")  # ı, İ, ſ lowercase to themselves
    for m in matches:
        assert any(w in m.group().lower() for r in rules for w in r.also)


def test_gated_candidates_equal_ungated_scan():
    """Every rule run on every chunk, gates ignored, finds no candidate the gates skipped."""
    from fentdash import timex_patterns as P

    text = "\n".join(_LOOKAHEAD_TEXTS + [ARTICLE, "The 12-month period ending in June; so far in 2023."])
    gated = {(s, e, id(r)) for s, e, r, _ in timex._candidates(text)}
    ungated = set()  # the gates as they were before ``also`` and the per-article word list
    start = 0
    while start < len(text):
        end = text.find("\n", start + timex._CHUNK)
        end = len(text) if end < 0 else end + 1
        lower = text[start:end].lower()
        digit = P.DIGIT_GATE.search(text, start, end) is not None
        month = P.MONTH_GATE.search(text, start, end) is not None
        for rule in timex._RULES:
            if (rule.digit and not digit) or (rule.month and not month):
                continue
            if rule.words and not any(w in lower for w in rule.words):
                continue
            for m in rule.pattern.finditer(text, start, end):
                if m.end() > m.start() and (rule.accept is None or rule.accept(text, m)):
                    ungated.add((m.start(), m.end(), id(rule)))
        start = end
    assert gated == ungated
    assert len(gated) > 40
