"""Linking figures to the time expression that gives their period.

Statistics are built by hand (value/unit/metric as the statistics stage would give them) so
these tests pin the linking rules alone. Each case is (text, article date, figures), a figure
being (span, unit, metric, expected period start, end, granularity, expected period_text);
``None`` dates mean "no period".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from fentdash import periods, timex
from fentdash.corpus import document_from_text
from fentdash.models import Interval, Statistic
from fentdash.pipeline import parse_document

D = date.fromisoformat
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _figure(text: str, span: str, unit: str, metric: str) -> Statistic:
    start = text.index(span)
    return Statistic(text=span, start=start, end=start + len(span), value=1.0, unit=unit, metric=metric)


def _run(text: str, reference: date | None, figures) -> list[tuple]:
    stats = [_figure(text, span, unit, metric) for span, unit, metric, *_ in figures]
    found = timex.find_time_expressions(text)
    linked = periods.attach_periods(text, stats, found)
    final = periods.resolve_periods(linked, timex.resolve(found, reference=reference))
    out = []
    for q in final:
        p, src = q.period, q.period_source
        if src is not None:
            assert text[src.start : src.end] == src.text
        out.append(
            (
                q.text,
                p and p.start.isoformat(),
                p and p.end.isoformat(),
                p and p.granularity,
                src and src.text,
            )
        )
    return out


def _want(figures) -> list[tuple]:
    return [(span, lo, hi, gran, source) for span, _u, _m, lo, hi, gran, source in figures]


SENTENCES = [
    # Expression inside or right after the figure.
    (
        "Synthetic opioids killed 5,544 people in 2014.",
        None,
        [("5,544 people", "deaths", "synthetic_opioid_deaths", "2014-01-01", "2014-12-31", "year", "2014")],
    ),
    (
        "The state recorded 1,203 overdose deaths in the first quarter of 2021, officials said.",
        None,
        [
            (
                "1,203 overdose deaths",
                "deaths",
                "overdose_deaths",
                "2021-01-01",
                "2021-03-31",
                "quarter",
                "the first quarter of 2021",
            )
        ],
    ),
    (
        "Provisional data show 93,331 deaths in the 12 months ending April 2021.",
        None,
        [
            (
                "93,331 deaths",
                "deaths",
                "overdose_deaths",
                "2020-05-01",
                "2021-04-30",
                "range",
                "the 12 months ending April 2021",
            )
        ],
    ),
    # Expression before the figure, same sentence.
    (
        "In 2018, the county counted 737 fentanyl deaths.",
        None,
        [
            (
                "737 fentanyl deaths",
                "deaths",
                "synthetic_opioid_deaths",
                "2018-01-01",
                "2018-12-31",
                "year",
                "2018",
            )
        ],
    ),
    (
        "Last year, agents seized 4,800 pounds of fentanyl at ports of entry.",
        D("2020-03-02"),
        [("4,800 pounds", "pounds", "seizures", "2019-01-01", "2019-12-31", "year", "Last year")],
    ),
    # Relative expressions need the article date.
    (
        "Agents have seized 2.3 million fake pills so far this year.",
        D("2021-06-15"),
        [
            (
                "2.3 million fake pills",
                "pills",
                "seizures",
                "2021-01-01",
                "2021-06-15",
                "range",
                "so far this year",
            )
        ],
    ),
    (
        "Agents have seized 2.3 million fake pills so far this year.",
        None,
        [("2.3 million fake pills", "pills", "seizures", None, None, None, "so far this year")],
    ),
    # A change takes the later period; its baseline starts the range.
    (
        "Deaths reached 72,000 in 2017, a 10% increase compared to 2016.",
        None,
        [
            ("72,000", "deaths", "overdose_deaths", "2017-01-01", "2017-12-31", "year", "2017"),
            (
                "a 10% increase",
                "percent",
                "overdose_deaths_change",
                "2016-01-01",
                "2017-12-31",
                "range",
                "2017",
            ),
        ],
    ),
    (
        "Heroin deaths rose 20% from 2015 to 2016.",
        None,
        [
            (
                "rose 20%",
                "percent",
                "heroin_deaths_change",
                "2015-01-01",
                "2016-12-31",
                "range",
                "from 2015 to 2016",
            )
        ],
    ),
    (
        "In 2022, overdose deaths fell 3% from the previous year.",
        None,
        [("fell 3%", "percent", "overdose_deaths_change", "2021-01-01", "2022-12-31", "range", "2022")],
    ),
    (
        "Prescribing has more than tripled since 2010.",
        D("2015-12-10"),
        [
            (
                "more than tripled",
                "fold",
                "opioid_deaths_change",
                "2010-01-01",
                "2014-12-31",
                "range",
                "since 2010",
            )
        ],
    ),
    # The speech date is not the data period.
    (
        "The DEA said on Monday that 27% of pills tested during the first three months of this year were lethal.",
        D("2019-11-04"),
        [
            (
                "27% of pills",
                "percent",
                "counterfeit_pill_share",
                "2019-01-01",
                "2019-03-31",
                "quarter",
                "the first three months of this year",
            )
        ],
    ),
    (
        "Officials said Tuesday that 300 people died.",
        D("2019-11-05"),
        [("300 people", "deaths", "overdose_deaths", None, None, None, None)],
    ),
    # A possessive names a document, not a period.
    (
        "This month's report counts 1,500 deaths.",
        D("2023-02-15"),
        [("1,500 deaths", "deaths", "overdose_deaths", None, None, None, None)],
    ),
    # ... but a period's possessive is still that period.
    (
        "Last year's seizures totaled 27,000 pounds.",
        D("2024-02-01"),
        [("27,000 pounds", "pounds", "seizures", "2023-01-01", "2023-12-31", "year", "Last year")],
    ),
    # A change whose later period comes after its baseline.
    (
        "Deaths increased 30% from 2019, to 93,000 in 2020.",
        None,
        [
            (
                "increased 30%",
                "percent",
                "overdose_deaths_change",
                "2019-01-01",
                "2020-12-31",
                "range",
                "2020",
            ),
            ("93,000", "deaths", "overdose_deaths", "2020-01-01", "2020-12-31", "year", "2020"),
        ],
    ),
    (
        "In 2020, 56,516 deaths involved synthetic opioids, up from 36,359 in 2019.",
        None,
        [
            (
                "56,516 deaths",
                "deaths",
                "synthetic_opioid_deaths",
                "2020-01-01",
                "2020-12-31",
                "year",
                "2020",
            ),
            ("36,359", "deaths", "synthetic_opioid_deaths", "2019-01-01", "2019-12-31", "year", "2019"),
        ],
    ),
    (
        "Fentanyl was involved in 68% of the 107,000 overdose deaths in 2021.",
        None,
        [
            ("68%", "percent", "other", "2021-01-01", "2021-12-31", "year", "2021"),
            (
                "107,000 overdose deaths",
                "deaths",
                "overdose_deaths",
                "2021-01-01",
                "2021-12-31",
                "year",
                "2021",
            ),
        ],
    ),
    (
        "Deaths topped 100,000 in the 12 months ending in April, up from 78,000 the year before.",
        D("2021-11-17"),
        [
            (
                "100,000",
                "deaths",
                "overdose_deaths",
                "2020-05-01",
                "2021-04-30",
                "range",
                "the 12 months ending in April",
            ),
            ("78,000", "deaths", "overdose_deaths", "2019-05-01", "2020-04-30", "range", "the year before"),
        ],
    ),
    # No expression in the sentence: no period, whatever the article date.
    (
        "Every day, an average of 130 Americans die of an opioid overdose.",
        D("2019-11-04"),
        [
            (
                "an average of 130 Americans",
                "deaths_per_day",
                "overdose_deaths_per_day",
                None,
                None,
                None,
                None,
            )
        ],
    ),
    # Doses, potencies and frequencies describe no period even next to one.
    (
        "Among 10 pills seized last year, four contained 2 milligrams or more.",
        D("2022-05-10"),
        [
            (
                "four contained",
                "percent",
                "counterfeit_pill_share",
                "2021-01-01",
                "2021-12-31",
                "year",
                "last year",
            ),
            ("2 milligrams", "mg", "lethal_dose", None, None, None, None),
        ],
    ),
    (
        "The epidemic claims a life every five minutes and cost $1.5 trillion in 2020 alone.",
        None,
        [
            ("every five minutes", "minutes", "other", None, None, None, None),
            ("$1.5 trillion", "usd", "cost", "2020-01-01", "2020-12-31", "year", "2020"),
        ],
    ),
    (
        "In 2019, it was found to be 50 times more potent than heroin.",
        None,
        [("50 times more potent", "fold", "potency_vs_heroin", None, None, None, None)],
    ),
    # The period of a paragraph carries to the next sentence that names none ...
    (
        "In July 2017, the DOJ seized AlphaBay. The site hosted some 220,000 drug listings.",
        None,
        [
            (
                "some 220,000 drug listings",
                "listings",
                "other",
                "2017-07-01",
                "2017-07-31",
                "month",
                "July 2017",
            )
        ],
    ),
    # ... but not into another paragraph, nor into a hypothetical sentence.
    (
        "In July 2017, the DOJ seized AlphaBay.\n\nThe site hosted some 220,000 drug listings.",
        None,
        [("some 220,000 drug listings", "listings", "other", None, None, None, None)],
    ),
    (
        "Agents seized 5 kilograms in 2021. Experts warn overdoses could kill 1.2 million more people.",
        None,
        [
            ("5 kilograms", "kg", "seizures", "2021-01-01", "2021-12-31", "year", "2021"),
            ("1.2 million more people", "people", "other", None, None, None, None),
        ],
    ),
    # A figure after a second figure's expression does not borrow it.
    (
        "There were 48,000 deaths, up from 42,000 in 2016.",
        None,
        [
            ("48,000 deaths", "deaths", "overdose_deaths", None, None, None, None),
            ("42,000", "deaths", "overdose_deaths", "2016-01-01", "2016-12-31", "year", "2016"),
        ],
    ),
    # An expression opening the next clause belongs to that clause's figure.
    (
        "In 2021, 107,622 people died, and in 2022, 109,680 died.",
        None,
        [
            ("107,622 people", "deaths", "overdose_deaths", "2021-01-01", "2021-12-31", "year", "2021"),
            ("109,680", "deaths", "overdose_deaths", "2022-01-01", "2022-12-31", "year", "2022"),
        ],
    ),
    # A dateline dates the article, not the figure.
    (
        "WASHINGTON, Nov. 4, 2019 – Agents say 27% of pills contain a lethal dose.",
        None,
        [("27% of pills", "percent", "counterfeit_pill_share", None, None, None, None)],
    ),
    (
        "About 70,000 people died in 2017 — roughly 200 a day.",
        None,
        [("About 70,000 people", "deaths", "overdose_deaths", "2017-01-01", "2017-12-31", "year", "2017")],
    ),
    (
        "Nov. 16, 2022 /PRNewswire/ -- Overdoses killed 107,000 people in 2021.",
        None,
        [("107,000 people", "deaths", "overdose_deaths", "2021-01-01", "2021-12-31", "year", "2021")],
    ),
    # "the first decline since 2018" compares with a record; it is not the figure's period.
    (
        "Overdose deaths fell 3% last year to 105,000, the first decline since 2018.",
        D("2024-05-15"),
        [
            ("fell 3%", "percent", "overdose_deaths_change", "2023-01-01", "2023-12-31", "year", "last year"),
            ("105,000", "deaths", "overdose_deaths", "2023-01-01", "2023-12-31", "year", "last year"),
        ],
    ),
    # A shared trailing period covers coordinated figures ("more than" is a qualifier, not a baseline).
    (
        "The DEA seized more than 50.6 million fake pills and more than 10,000 pounds of powder in 2022.",
        None,
        [
            (
                "more than 50.6 million fake pills",
                "pills",
                "seizures",
                "2022-01-01",
                "2022-12-31",
                "year",
                "2022",
            ),
            ("more than 10,000 pounds", "pounds", "seizures", "2022-01-01", "2022-12-31", "year", "2022"),
        ],
    ),
    # A change against "the same period the year before" runs over both rolling windows.
    (
        "CDC estimated that 100,306 Americans died in the 12-month period that ended in April 2021, up 28.5% "
        "from the same period the year before.",
        None,
        [
            (
                "100,306 Americans",
                "deaths",
                "overdose_deaths",
                "2020-05-01",
                "2021-04-30",
                "range",
                "the 12-month period that ended in April 2021",
            ),
            (
                "28.5%",
                "percent",
                "overdose_deaths_change",
                "2019-05-01",
                "2021-04-30",
                "range",
                "the 12-month period that ended in April 2021",
            ),
        ],
    ),
    (
        "In the fiscal year that ended Sept. 30, agents seized 11,200 pounds of fentanyl.",
        D("2021-10-20"),
        [
            (
                "11,200 pounds",
                "pounds",
                "seizures",
                "2020-10-01",
                "2021-09-30",
                "range",
                "the fiscal year that ended Sept. 30",
            )
        ],
    ),
    (
        "From Jan. 1 through Sept. 30, 2023, officers seized 2,400 pounds of fentanyl.",
        None,
        [
            (
                "2,400 pounds",
                "pounds",
                "seizures",
                "2023-01-01",
                "2023-09-30",
                "range",
                "From Jan. 1 through Sept. 30, 2023",
            )
        ],
    ),
    (
        "The number of overdose deaths rose from 70,630 in 2019 to 93,331 in 2020.",
        None,
        [
            ("70,630", "deaths", "overdose_deaths", "2019-01-01", "2019-12-31", "year", "2019"),
            ("93,331", "deaths", "overdose_deaths", "2020-01-01", "2020-12-31", "year", "2020"),
        ],
    ),
    (
        "“We seized 4,000 pounds last year,” the director said on Tuesday.",
        D("2023-03-07"),
        [("4,000 pounds", "pounds", "seizures", "2022-01-01", "2022-12-31", "year", "last year")],
    ),
    (
        "2021: 106,699 overdose deaths\n2022: 107,941 overdose deaths",
        None,
        [
            (
                "106,699 overdose deaths",
                "deaths",
                "overdose_deaths",
                "2021-01-01",
                "2021-12-31",
                "year",
                "2021",
            ),
            (
                "107,941 overdose deaths",
                "deaths",
                "overdose_deaths",
                "2022-01-01",
                "2022-12-31",
                "year",
                "2022",
            ),
        ],
    ),
    (
        "On Tuesday, agents raided a lab in Ohio. They seized 5 kilograms of fentanyl.",
        D("2023-03-09"),
        [("5 kilograms", "kg", "seizures", "2023-03-07", "2023-03-07", "day", "On Tuesday")],
    ),
    (
        "On Tuesday, the DEA announced the arrests. Agents seized 5 kilograms of fentanyl.",
        D("2023-03-09"),
        [("5 kilograms", "kg", "seizures", None, None, None, None)],
    ),
    (
        "Over a 12-month period ending in February, 99,000 people died.",
        D("2023-07-12"),
        [
            (
                "99,000 people",
                "deaths",
                "overdose_deaths",
                "2022-03-01",
                "2023-02-28",
                "range",
                "12-month period ending in February",
            )
        ],
    ),
    # Abbreviations do not end sentences.
    (
        "In 2021, U.S. Customs seized 11,200 pounds of fentanyl.",
        None,
        [("11,200 pounds", "pounds", "seizures", "2021-01-01", "2021-12-31", "year", "2021")],
    ),
    # Anaphoric periods resolve against the period just named.
    (
        "Deaths hit 70,630 in 2019. A year earlier, 67,367 people died.",
        None,
        [
            ("70,630", "deaths", "overdose_deaths", "2019-01-01", "2019-12-31", "year", "2019"),
            (
                "67,367 people",
                "deaths",
                "overdose_deaths",
                "2018-01-01",
                "2018-12-31",
                "year",
                "A year earlier",
            ),
        ],
    ),
]


@pytest.mark.parametrize("text,reference,figures", SENTENCES)
def test_sentences(text, reference, figures):
    assert _run(text, reference, figures) == _want(figures)


# The three seeds, with the periods listed in seeds_expected.md.
SEED_CASES = [
    (
        "000",
        D("2017-12-14"),
        [
            ("50-100 times more potent than heroin", "fold", "potency_vs_heroin", None, None, None, None),
            (
                "20,000 deaths",
                "deaths",
                "synthetic_opioid_deaths",
                "2016-01-01",
                "2016-12-31",
                "year",
                "last year",
            ),
            (
                "almost 400% increase",
                "percent",
                "synthetic_opioid_deaths_change",
                "2014-01-01",
                "2016-12-31",
                "range",
                "last year",
            ),
            ("64,000 deaths", "deaths", "overdose_deaths", "2016-01-01", "2016-12-31", "year", "last year"),
            ("almost $80bn a year", "usd", "cost", None, None, None, None),
        ],
    ),
    (
        "001",
        D("2022-05-10"),
        [
            (
                "beyond 60.000 overdose deaths",
                "deaths",
                "synthetic_opioid_deaths",
                "2021-01-01",
                "2021-12-31",
                "year",
                "in a single year",
            ),
            ("50 times more powerful than heroin", "fold", "potency_vs_heroin", None, None, None, None),
            (
                "more than one million Americans",
                "deaths",
                "overdose_deaths",
                "2001-01-01",
                "2021-12-31",
                "range",
                "since 2001",
            ),
            (
                "three-quarters of teen overdose deaths",
                "percent",
                "teen_overdose_share",
                "2021-01-01",
                "2021-12-31",
                "year",
                "last year",
            ),
            (
                "four contained 2 milligrams or more",
                "percent",
                "counterfeit_pill_share",
                "2021-01-01",
                "2021-12-31",
                "year",
                "last year",
            ),
            ("2 milligrams", "mg", "lethal_dose", None, None, None, None),
        ],
    ),
    (
        "002",
        D("2019-11-04"),
        [
            (
                "27% of a sample of counterfeit pills",
                "percent",
                "counterfeit_pill_share",
                "2019-01-01",
                "2019-03-31",
                "quarter",
                "the first three months of this year",
            ),
            (
                "an average of 130 persons",
                "deaths_per_day",
                "overdose_deaths_per_day",
                None,
                None,
                None,
                None,
            ),
            ("50 times more powerful than heroin", "fold", "potency_vs_heroin", None, None, None, None),
            ("approximately two milligrams", "mg", "lethal_dose", None, None, None, None),
        ],
    ),
]


@pytest.mark.parametrize("prefix,reference,figures", SEED_CASES)
def test_seeds(prefix, reference, figures):
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    assert _run(text, reference, figures) == _want(figures)


# Excerpts of the dev-set releases (US federal works, public domain) with their gold periods.
DEVSET = [
    (
        "Data shows 18,893 overdose deaths involving opioid pain relievers in 2014, which is an increase of 16%, or "
        "2,658 deaths, compared to 2013 data. Prescription opioid-related overdose deaths are increasing in part "
        "because deaths involving synthetic opioids, such as fentanyl and tramadol, increased by 79% from 2013-2014, "
        "totaling 5,544 deaths in 2014. Heroin-related deaths have more than tripled since 2010. Heroin-related "
        "death rates increased 28% from 2013-2014, totaling 10,574 deaths in 2014.",
        D("2015-12-10"),
        [
            ("18,893 overdose deaths", "deaths", "opioid_deaths", "2014-01-01", "2014-12-31", "year", "2014"),
            (
                "an increase of 16%",
                "percent",
                "opioid_deaths_change",
                "2013-01-01",
                "2014-12-31",
                "range",
                "2014",
            ),
            ("2,658 deaths", "deaths", "opioid_deaths", "2013-01-01", "2014-12-31", "range", "2014"),
            (
                "increased by 79%",
                "percent",
                "synthetic_opioid_deaths_change",
                "2013-01-01",
                "2014-12-31",
                "range",
                "from 2013-2014",
            ),
            (
                "5,544 deaths in 2014",
                "deaths",
                "synthetic_opioid_deaths",
                "2014-01-01",
                "2014-12-31",
                "year",
                "2014",
            ),
            (
                "more than tripled since 2010",
                "fold",
                "heroin_deaths_change",
                "2010-01-01",
                "2014-12-31",
                "range",
                "since 2010",
            ),
            (
                "increased 28%",
                "percent",
                "heroin_deaths_change",
                "2013-01-01",
                "2014-12-31",
                "range",
                "from 2013-2014",
            ),
            ("10,574 deaths in 2014", "deaths", "heroin_deaths", "2014-01-01", "2014-12-31", "year", "2014"),
        ],
    ),
    (
        "PITTSBURGH – Today, United States Attorney Scott W. Brady announced a dramatic decrease in overdose deaths "
        "in western Pennsylvania in 2018. Overdose deaths are down 43% throughout the 25 counties in the Western "
        "District of Pennsylvania. This includes significant decreases in the counties most impacted by the crisis, "
        "including of 50% in Beaver County, 37% in Westmoreland County.\n\nThus far, the U.S. Attorney’s Office has "
        "prosecuted 25 health care professionals for illegal drug distribution.",
        D("2019-03-08"),
        [
            (
                "Overdose deaths are down 43%",
                "percent",
                "overdose_deaths_change",
                "2018-01-01",
                "2018-12-31",
                "year",
                "2018",
            ),
            (
                "50% in Beaver County",
                "percent",
                "overdose_deaths_change",
                "2018-01-01",
                "2018-12-31",
                "year",
                "2018",
            ),
            (
                "37% in Westmoreland County",
                "percent",
                "overdose_deaths_change",
                "2018-01-01",
                "2018-12-31",
                "year",
                "2018",
            ),
            ("prosecuted 25 health care professionals", "people", "other", None, None, None, None),
        ],
    ),
    (
        "Against the backdrop of the COVID-19 pandemic, there was a historic 30% increase in overdose deaths in the "
        "United States from 2019 to 2020. In one year, overdose death rates increased 44% for Black people and 39% "
        "for American Indian and Alaska Native people, according to a new CDC Vital Signs report.",
        D("2022-07-19"),
        [
            (
                "a historic 30% increase",
                "percent",
                "overdose_deaths_change",
                "2019-01-01",
                "2020-12-31",
                "range",
                "from 2019 to 2020",
            ),
            (
                "increased 44%",
                "percent",
                "overdose_death_rate_change",
                "2020-01-01",
                "2020-12-31",
                "year",
                "In one year",
            ),
            (
                "39% for American Indian",
                "percent",
                "overdose_death_rate_change",
                "2020-01-01",
                "2020-12-31",
                "year",
                "In one year",
            ),
        ],
    ),
    (
        "Today, Dr. Rahul Gupta issued the following statement regarding the CDC’s release of provisional drug "
        "overdose death data, which show 106,840 predicted overdose deaths in the 12-month period ending in "
        "September 2022.[1] This month’s report on 12-month rolling total data represents a steady slowing of the "
        "rate of increase. There has been a 3.15% decrease from the 110,317 fatal drug overdoses provisionally "
        "estimated for the 12-month period ending March 2022.\n\nTo disrupt the supply of drugs, during the same "
        "period, from October 2021 through September 2022, U.S. Customs and Border Protection seized nearly 262,274 "
        "pounds of illicit drugs at our nation’s borders, including 14,700 pounds of illicit fentanyl.",
        D("2023-02-15"),
        [
            (
                "106,840 predicted overdose deaths",
                "deaths",
                "overdose_deaths",
                "2021-10-01",
                "2022-09-30",
                "range",
                "the 12-month period ending in September 2022",
            ),
            (
                "a 3.15% decrease",
                "percent",
                "overdose_deaths_change",
                "2021-04-01",
                "2022-09-30",
                "range",
                "the 12-month period ending in September 2022",
            ),
            (
                "110,317 fatal drug overdoses",
                "deaths",
                "overdose_deaths",
                "2021-04-01",
                "2022-03-31",
                "range",
                "the 12-month period ending March 2022",
            ),
            (
                "nearly 262,274 pounds",
                "pounds",
                "seizures",
                "2021-10-01",
                "2022-09-30",
                "range",
                "from October 2021 through September 2022",
            ),
            (
                "14,700 pounds",
                "pounds",
                "seizures",
                "2021-10-01",
                "2022-09-30",
                "range",
                "from October 2021 through September 2022",
            ),
        ],
    ),
    (
        "DETROIT – U.S. Customs and Border Protection’s (CBP) Office of Field Operations seized nearly six pounds of "
        "fentanyl at the Fort Street Cargo Facility in Detroit, June 2.\n“According to the CDC, in 2023, there were "
        "over 100,000 drug overdose deaths, with synthetic opioids like fentanyl being the main contributors.",
        D("2024-07-01"),
        [
            (
                "seized nearly six pounds of fentanyl",
                "pounds",
                "seizures",
                "2024-06-02",
                "2024-06-02",
                "day",
                "June 2",
            ),
            (
                "over 100,000 drug overdose deaths",
                "deaths",
                "overdose_deaths",
                "2023-01-01",
                "2023-12-31",
                "year",
                "2023",
            ),
        ],
    ),
    (
        "These counterfeit pills have been seized by DEA in every U.S. state in unprecedented quantities. More than "
        "9.5 million counterfeit pills were seized so far this year, which is more than the last two years combined. "
        "DEA laboratory testing reveals a dramatic rise in the number of counterfeit pills containing at least two "
        "milligrams of fentanyl, which is considered a lethal dose.",
        D("2021-09-27"),
        [
            (
                "More than 9.5 million counterfeit pills",
                "pills",
                "seizures",
                "2021-01-01",
                "2021-09-27",
                "range",
                "so far this year",
            ),
            ("at least two milligrams", "mg", "lethal_dose", None, None, None, None),
        ],
    ),
]


@pytest.mark.parametrize("text,reference,figures", DEVSET)
def test_devset_periods(text, reference, figures):
    assert _run(text, reference, figures) == _want(figures)


# Round 2: comparisons with a noun-phrase baseline, "since" ranges, event days, derived figures.
COMPARISONS = [
    # The expression after "the number/amount ... in" is the baseline; the figure takes the later period.
    (
        "In 2014, 10,574 people died of heroin overdoses, more than three times the number who died in 2010.",
        None,
        [
            ("10,574 people", "deaths", "heroin_deaths", "2014-01-01", "2014-12-31", "year", "2014"),
            (
                "more than three times",
                "fold",
                "heroin_deaths_change",
                "2010-01-01",
                "2014-12-31",
                "range",
                "2014",
            ),
        ],
    ),
    (
        "Border agents seized 11,200 pounds of fentanyl in fiscal year 2021, more than double the amount seized in "
        "fiscal year 2020.",
        None,
        [
            ("11,200 pounds", "pounds", "seizures", "2020-10-01", "2021-09-30", "range", "fiscal year 2021"),
            (
                "more than double",
                "fold",
                "seizures_change",
                "2019-10-01",
                "2021-09-30",
                "range",
                "fiscal year 2021",
            ),
        ],
    ),
    (
        "State troopers confiscated 380 pounds of the drug in 2019, twice as many as in 2015.",
        None,
        [
            ("380 pounds", "pounds", "seizures", "2019-01-01", "2019-12-31", "year", "2019"),
            ("twice as many", "fold", "seizures_change", "2015-01-01", "2019-12-31", "range", "2019"),
        ],
    ),
    (
        "The toll in 2017 was roughly six times that of 2013.",
        None,
        [
            (
                "roughly six times",
                "fold",
                "overdose_deaths_change",
                "2013-01-01",
                "2017-12-31",
                "range",
                "2017",
            )
        ],
    ),
    (
        "Deaths in 2019 were roughly triple the 2010 toll.",
        None,
        [("roughly triple", "fold", "overdose_deaths_change", "2010-01-01", "2019-12-31", "range", "2019")],
    ),
    (
        "Fentanyl killed twice as many people in 2021 as in 2018.",
        None,
        [
            (
                "twice as many",
                "fold",
                "synthetic_opioid_deaths_change",
                "2018-01-01",
                "2021-12-31",
                "range",
                "2021",
            )
        ],
    ),
    # "the number of X in Y1 as in Y0": the second term is the baseline.
    (
        "There were three times the number of deaths in 2019 as in 2010.",
        None,
        [("three times", "fold", "overdose_deaths_change", "2010-01-01", "2019-12-31", "range", "2019")],
    ),
    # Groups compared within one year: the year is the period, not a baseline.
    (
        "In 2020, Black men died at twice the rate of white men.",
        None,
        [
            (
                "twice the rate",
                "fold",
                "overdose_death_rate_change",
                "2020-01-01",
                "2020-12-31",
                "year",
                "2020",
            )
        ],
    ),
    (
        "Black men died at twice the rate of white men in 2020.",
        None,
        [
            (
                "twice the rate",
                "fold",
                "overdose_death_rate_change",
                "2020-01-01",
                "2020-12-31",
                "year",
                "2020",
            )
        ],
    ),
    # "as in the previous year" after a percent change repeats the change; it is no baseline.
    (
        "Overdose deaths rose 30% in 2020, as in the previous year.",
        None,
        [("rose 30%", "percent", "overdose_deaths_change", "2020-01-01", "2020-12-31", "year", "2020")],
    ),
    # The later period may come from the previous sentence of the paragraph.
    (
        "Heroin killed 10,574 people in 2014. That was nearly four times the toll recorded in 2010.",
        None,
        [
            ("10,574 people", "deaths", "heroin_deaths", "2014-01-01", "2014-12-31", "year", "2014"),
            (
                "nearly four times",
                "fold",
                "heroin_deaths_change",
                "2010-01-01",
                "2014-12-31",
                "range",
                "2014",
            ),
        ],
    ),
    (
        "Nationwide, 4,500 residents died last year, up from 2,100 the year before.",
        D("2020-03-01"),
        [
            ("4,500 residents", "deaths", "overdose_deaths", "2019-01-01", "2019-12-31", "year", "last year"),
            ("2,100", "deaths", "overdose_deaths", "2018-01-01", "2018-12-31", "year", "the year before"),
        ],
    ),
    # A baseline is never the period of a plain figure, nor carried to the next sentence.
    (
        "Agents seized 900 pounds, three times the amount seized in 2018. Officers made 40 arrests.",
        None,
        [
            ("900 pounds", "pounds", "seizures", None, None, None, None),
            ("three times", "fold", "seizures_change", None, None, None, None),
            ("40 arrests", "arrests", "arrests", None, None, None, None),
        ],
    ),
    # "an increase in the number of deaths in 2014" names the period, not a baseline.
    (
        "The report found a 16% increase in the number of deaths in 2014.",
        None,
        [("a 16% increase", "percent", "overdose_deaths_change", "2014-01-01", "2014-12-31", "year", "2014")],
    ),
    # "since 2010" ends with the latest data of its paragraph, not at the article date ...
    (
        "Heroin deaths have more than tripled since 2010. Heroin killed 10,574 people in 2014.",
        D("2016-06-30"),
        [
            (
                "more than tripled",
                "fold",
                "heroin_deaths_change",
                "2010-01-01",
                "2014-12-31",
                "range",
                "since 2010",
            ),
            ("10,574 people", "deaths", "heroin_deaths", "2014-01-01", "2014-12-31", "year", "2014"),
        ],
    ),
    (
        "Heroin deaths have more than tripled since 2010. Heroin killed 10,574 people in 2014.",
        None,
        [
            (
                "more than tripled",
                "fold",
                "heroin_deaths_change",
                "2010-01-01",
                "2014-12-31",
                "range",
                "since 2010",
            ),
            ("10,574 people", "deaths", "heroin_deaths", "2014-01-01", "2014-12-31", "year", "2014"),
        ],
    ),
    (
        "Since 2013, deaths involving synthetic opioids have risen tenfold, to 36,359 in 2019.",
        D("2021-05-01"),
        [
            (
                "risen tenfold",
                "fold",
                "synthetic_opioid_deaths_change",
                "2013-01-01",
                "2019-12-31",
                "range",
                "Since 2013",
            ),
            ("36,359", "deaths", "synthetic_opioid_deaths", "2019-01-01", "2019-12-31", "year", "2019"),
        ],
    ),
    # ... but the data of another paragraph do not end it.
    (
        "Overdose deaths have doubled since 2015.\n\nIn 2019, 70,630 people died.",
        D("2021-03-01"),
        [
            ("doubled", "fold", "overdose_deaths_change", "2015-01-01", "2020-12-31", "range", "since 2015"),
            ("70,630 people", "deaths", "overdose_deaths", "2019-01-01", "2019-12-31", "year", "2019"),
        ],
    ),
]


@pytest.mark.parametrize("text,reference,figures", COMPARISONS)
def test_comparisons_and_since(text, reference, figures):
    assert _run(text, reference, figures) == _want(figures)


EVENT_DAYS = [
    # The day of a seizure or an arrest is the period of its figures ("on" dates it; it is no baseline).
    (
        "CBP officers at the Nogales port seized nearly 250 pounds of fentanyl hidden in a truck on Jan. 26.",
        D("2023-02-02"),
        [("nearly 250 pounds", "pounds", "seizures", "2023-01-26", "2023-01-26", "day", "Jan. 26")],
    ),
    (
        "Troopers seized 40 pounds of fentanyl pills on Friday, police said.",
        D("2022-08-10"),
        [("40 pounds", "pounds", "seizures", "2022-08-05", "2022-08-05", "day", "on Friday")],
    ),
    (
        "On March 14, officers arrested 12 people and seized 9 kilograms of fentanyl.",
        D("2023-04-01"),
        [
            ("12 people", "arrests", "arrests", "2023-03-14", "2023-03-14", "day", "March 14"),
            ("9 kilograms", "kg", "seizures", "2023-03-14", "2023-03-14", "day", "March 14"),
        ],
    ),
    (
        "Deputies stopped the car on Dec. 3, 2019, and found 3,000 pills under a seat.",
        None,
        [("3,000 pills", "pills", "seizures", "2019-12-03", "2019-12-03", "day", "Dec. 3, 2019")],
    ),
    # A day's possessive dates the event it names, but not a briefing or data release.
    (
        "Tuesday's seizure of 40 kilograms stunned veteran agents.",
        D("2023-03-09"),
        [("40 kilograms", "kg", "seizures", "2023-03-07", "2023-03-07", "day", "Tuesday")],
    ),
    (
        "Tuesday's data showed 1,200 deaths.",
        D("2023-03-09"),
        [("1,200 deaths", "deaths", "overdose_deaths", None, None, None, None)],
    ),
    # A day attached to a reporting verb dates the speech, not the figure.
    (
        "The DEA announced Jan. 26 that agents had seized 250 pounds of fentanyl.",
        D("2023-02-02"),
        [("250 pounds", "pounds", "seizures", None, None, None, None)],
    ),
    (
        "On Tuesday, the Justice Department announced that agents had seized 40 kilograms.",
        D("2023-03-09"),
        [("40 kilograms", "kg", "seizures", None, None, None, None)],
    ),
    (
        "PITTSBURGH – Today, U.S. Attorney Scott Brady announced that 3,000 pills were seized.",
        D("2019-03-08"),
        [("3,000 pills", "pills", "seizures", None, None, None, None)],
    ),
    (
        "The agency on Thursday reported 1,200 overdose deaths.",
        D("2023-03-11"),
        [("1,200 overdose deaths", "deaths", "overdose_deaths", None, None, None, None)],
    ),
    (
        "The health department released figures Wednesday showing 310 residents died.",
        D("2023-03-11"),
        [("310 residents", "deaths", "overdose_deaths", None, None, None, None)],
    ),
    # Year to date runs from Jan. 1 to the article date.
    (
        "Year to date, agents at the border have seized 9,400 pounds of fentanyl.",
        D("2023-05-20"),
        [("9,400 pounds", "pounds", "seizures", "2023-01-01", "2023-05-20", "range", "Year to date")],
    ),
    (
        "The county has logged 57 suspected overdose deaths so far in 2018.",
        D("2018-04-09"),
        [
            (
                "57 suspected overdose deaths",
                "deaths",
                "overdose_deaths",
                "2018-01-01",
                "2018-04-09",
                "range",
                "so far in 2018",
            )
        ],
    ),
    (
        "So far in fiscal year 2023, CBP has seized 7,800 pounds of fentanyl, up from 4,000 pounds in the same period "
        "of fiscal year 2022.",
        D("2023-02-03"),
        [
            (
                "7,800 pounds",
                "pounds",
                "seizures",
                "2022-10-01",
                "2023-02-03",
                "range",
                "So far in fiscal year 2023",
            ),
            (
                "4,000 pounds",
                "pounds",
                "seizures",
                "2021-10-01",
                "2022-02-03",
                "range",
                "the same period of fiscal year 2022",
            ),
        ],
    ),
    (
        "So far this year, the county has logged 57 suspected overdose deaths.",
        D("2018-04-09"),
        [
            (
                "57 suspected overdose deaths",
                "deaths",
                "overdose_deaths",
                "2018-01-01",
                "2018-04-09",
                "range",
                "So far this year",
            )
        ],
    ),
]


# Year-to-date phrases without a year take it from the article date.
YEAR_TO_DATE = [
    (
        "Federal prosecutors have charged more than 2,000 defendants in fentanyl cases since the start of the year.",
        D("2023-09-14"),
        [
            (
                "more than 2,000 defendants",
                "defendants",
                "prosecutions",
                "2023-01-01",
                "2023-09-14",
                "range",
                "since the start of the year",
            )
        ],
    ),
    (
        "Since the beginning of the year, 212 people have died of overdoses in the county.",
        D("2021-08-02"),
        [
            (
                "212 people",
                "deaths",
                "overdose_deaths",
                "2021-01-01",
                "2021-08-02",
                "range",
                "Since the beginning of the year",
            )
        ],
    ),
    (
        "Officers have seized 41 kilograms of fentanyl since January, the sheriff said.",
        D("2022-06-10"),
        [("41 kilograms", "kg", "seizures", "2022-01-01", "2022-06-10", "range", "since January")],
    ),
    # A month after the article's month is last year's.
    (
        "The task force has made 96 arrests since October.",
        D("2020-03-05"),
        [("96 arrests", "arrests", "arrests", "2019-10-01", "2020-03-05", "range", "since October")],
    ),
    (
        "In the first half of the year, the state recorded 1,340 overdose deaths.",
        D("2022-09-01"),
        [
            (
                "1,340 overdose deaths",
                "deaths",
                "overdose_deaths",
                "2022-01-01",
                "2022-06-30",
                "range",
                "the first half of the year",
            )
        ],
    ),
    (
        "The county had recorded 87 fatal overdoses through the end of June, the coroner said.",
        D("2019-08-20"),
        [
            (
                "87 fatal overdoses",
                "deaths",
                "overdose_deaths",
                "2019-01-01",
                "2019-06-30",
                "range",
                "through the end of June",
            )
        ],
    ),
    # Read in February, the end of November is last year's.
    (
        "Agents seized 3,100 pounds through the end of November.",
        D("2024-02-11"),
        [
            (
                "3,100 pounds",
                "pounds",
                "seizures",
                "2023-01-01",
                "2023-11-30",
                "range",
                "through the end of November",
            )
        ],
    ),
    # A record "since" a start is not the figure's period.
    (
        "It was the largest seizure since the start of the year: 80 pounds of fentanyl.",
        D("2023-09-14"),
        [("80 pounds", "pounds", "seizures", None, None, None, None)],
    ),
    (
        "Agents seized 3,100 pounds through the end of November 2022.",
        None,
        [
            (
                "3,100 pounds",
                "pounds",
                "seizures",
                "2022-01-01",
                "2022-11-30",
                "range",
                "through the end of November 2022",
            )
        ],
    ),
]


@pytest.mark.parametrize("text,reference,figures", YEAR_TO_DATE)
def test_year_to_date_without_a_year(text, reference, figures):
    assert _run(text, reference, figures) == _want(figures)


@pytest.mark.parametrize("text,reference,figures", EVENT_DAYS)
def test_event_days_and_year_to_date(text, reference, figures):
    assert _run(text, reference, figures) == _want(figures)


DERIVED = [
    # A figure derived from an amount named before takes that amount's period.
    (
        "Agents seized 5 kilograms in 2021. That amount could kill 2.5 million people.",
        None,
        [
            ("5 kilograms", "kg", "seizures", "2021-01-01", "2021-12-31", "year", "2021"),
            (
                "2.5 million people",
                "people",
                "potential_lethal_doses",
                "2021-01-01",
                "2021-12-31",
                "year",
                "2021",
            ),
        ],
    ),
    (
        "Officers seized 12 pounds of fentanyl on March 3 near Yuma. That much fentanyl is enough to kill 2.7 million "
        "people.",
        D("2022-03-10"),
        [
            ("12 pounds", "pounds", "seizures", "2022-03-03", "2022-03-03", "day", "March 3"),
            (
                "2.7 million people",
                "people",
                "potential_lethal_doses",
                "2022-03-03",
                "2022-03-03",
                "day",
                "March 3",
            ),
        ],
    ),
    (
        "Agents seized 20 kilograms of fentanyl in Tucson in May 2021.\n\nThe seizure is enough to kill 10 million "
        "people, officials said.",
        None,
        [
            ("20 kilograms", "kg", "seizures", "2021-05-01", "2021-05-31", "month", "May 2021"),
            (
                "10 million people",
                "people",
                "potential_lethal_doses",
                "2021-05-01",
                "2021-05-31",
                "month",
                "May 2021",
            ),
        ],
    ),
    # The antecedent is the latest quantity of drug, not a death count quoted in between.
    (
        "Officers seized nearly six pounds of fentanyl in Detroit, June 2.\n“In 2023, there were over 100,000 overdose "
        "deaths. Given that just 2 milligrams can be a lethal dose, this amount had the potential to kill over 1.3 "
        "million people.”",
        D("2024-07-01"),
        [
            ("nearly six pounds", "pounds", "seizures", "2024-06-02", "2024-06-02", "day", "June 2"),
            (
                "over 100,000 overdose deaths",
                "deaths",
                "overdose_deaths",
                "2023-01-01",
                "2023-12-31",
                "year",
                "2023",
            ),
            ("2 milligrams", "mg", "lethal_dose", None, None, None, None),
            (
                "over 1.3 million people",
                "people",
                "potential_lethal_doses",
                "2024-06-02",
                "2024-06-02",
                "day",
                "June 2",
            ),
        ],
    ),
    # "a potentially lethal dose" describes pills; "the pills it tested" need not be the ones seized.
    (
        "Agents seized 20 million pills last year.\n\nThe agency said 60% of the pills it tested contained a "
        "potentially lethal dose.",
        D("2022-12-20"),
        [
            ("20 million pills", "pills", "seizures", "2021-01-01", "2021-12-31", "year", "last year"),
            ("60% of the pills", "percent", "counterfeit_pill_share", None, None, None, None),
        ],
    ),
    # The derived figure's own period wins.
    (
        "Agents seized 30 pounds in 2020. In 2021, the same amount would have killed 6 million people.",
        None,
        [
            ("30 pounds", "pounds", "seizures", "2020-01-01", "2020-12-31", "year", "2020"),
            (
                "6 million people",
                "people",
                "potential_lethal_doses",
                "2021-01-01",
                "2021-12-31",
                "year",
                "2021",
            ),
        ],
    ),
    # Too far back: no antecedent.
    (
        "Agents seized 30 pounds in 2020. The drug was in a van. Its driver fled. Dogs found him. He hid in a barn. "
        "He was charged. A judge set bail. He pleaded guilty. He was sentenced. He appealed. "
        "That amount could kill 6 million people.",
        None,
        [
            ("30 pounds", "pounds", "seizures", "2020-01-01", "2020-12-31", "year", "2020"),
            ("6 million people", "people", "potential_lethal_doses", None, None, None, None),
        ],
    ),
]


@pytest.mark.parametrize("text,reference,figures", DERIVED)
def test_derived_figures(text, reference, figures):
    assert _run(text, reference, figures) == _want(figures)


def test_year_to_date_end_to_end():
    text = (
        "WASHINGTON – Customs officers have seized more than 2.3 million counterfeit pills so far this year, "
        "the agency said on Tuesday."
    )
    document = replace(document_from_text(text), published=D("2021-06-15"))
    [q] = parse_document(document).statistics
    assert (q.text, q.period) == (
        "more than 2.3 million counterfeit pills",
        Interval(D("2021-01-01"), D("2021-06-15"), "range"),
    )


def test_attach_sets_absolute_periods_before_dating():
    text = "Deaths hit 70,630 in 2019, up 5% on the previous year; 20,000 died last year."
    stats = [
        _figure(text, "70,630", "deaths", "overdose_deaths"),
        _figure(text, "up 5%", "percent", "x_change"),
        _figure(text, "20,000", "deaths", "overdose_deaths"),
    ]
    linked = periods.attach_periods(text, stats, timex.find_time_expressions(text))
    assert [(q.period, q.period_source.text) for q in linked] == [
        (Interval(D("2019-01-01"), D("2019-12-31"), "year"), "2019"),
        (Interval(D("2018-01-01"), D("2019-12-31"), "range"), "2019"),
        (None, "last year"),  # relative: waits for the article date
    ]
    assert (linked[1].period_baseline.start, linked[1].period_baseline.end) == (
        text.index("the previous year"),
        text.index("the previous year") + 17,
    )
    assert linked[0].period_baseline is None


def test_resolve_periods_leaves_unlinked_and_unresolved_figures():
    text = "About 500 pills were seized. Deaths rose last year."
    stats = [_figure(text, "About 500 pills", "pills", "seizures")]
    found = timex.find_time_expressions(text)
    linked = periods.attach_periods(text, stats, found)
    assert periods.resolve_periods(linked, timex.resolve(found, reference=None)) == stats


def test_empty_inputs():
    assert periods.attach_periods("", [], []) == []
    assert periods.resolve_periods([], []) == []


# ----------------------------------------------------------------------------- sentence spans

# (text, protected spans, expected (start, end, paragraph) triples). Every line break ends a
# sentence and opens a paragraph; abbreviations, initials and protected spans never split.
SENTENCE_CASES = [
    (
        "Deaths rose.\n\nU.S. Customs said so. Scott W. Brady spoke.",
        [],
        [(0, 12, 0), (12, 13, 0), (13, 14, 1), (14, 35, 2), (35, 57, 2)],
    ),
    ("In 2021 about 107,000 died. In 2022 fewer did.", [(8, 15)], [(0, 27, 0), (27, 46, 0)]),
    ("In 2021 about 107,000 died. In 2022 fewer did.", [(20, 30)], [(0, 46, 0)]),
    ("", [], []),
    ("Line one\nLine two.\n", [], [(0, 9, 0), (9, 19, 1)]),
    ("He said it (“Yes.”) Then left. Dr. Ray agreed!", [], [(0, 19, 0), (19, 30, 0), (30, 46, 0)]),
]


@pytest.mark.parametrize(("text", "protected", "expected"), SENTENCE_CASES)
def test_sentence_spans(text, protected, expected):
    got = [(s.start, s.end, s.paragraph) for s in periods._sentences(text, protected)]
    assert got == expected
