"""Blind set for the statistics extractor: sentences written (with their expected answers)
before the extractor was run on them, in varied news and press-release styles, 2015-2024.

``score`` gives precision/recall/F1 over whole rows (span, value, high, unit, metric, qualifier).
"""

from __future__ import annotations

import pytest

from fentdash.statistics import find_statistics

# (text, [(span, value, value_high, unit, metric, qualifier), ...]) in text order.
BLIND = [
    ("Two men were arrested Tuesday after police found fentanyl pills in their car.", []),
    ("Three defendants were charged in the indictment with conspiracy to distribute fentanyl.", []),
    ("A 45-year-old man and his two sons were sentenced for running a fentanyl ring.", []),
    (
        "Since 2018, the Strike Force has charged more than 100 defendants with illegal opioid distribution.",
        [("more than 100 defendants", 100, None, "people", "prosecutions", "more than")],
    ),
    (
        "In all, 1,200 people were arrested in the operation, which targeted fentanyl traffickers in 14 states.",
        [("1,200 people", 1200, None, "people", "arrests", None)],
    ),
    (
        "The takedown charged 25 health care professionals with illegally prescribing opioids.",
        [("25 health care professionals", 25, None, "people", "prosecutions", None)],
    ),
    ("Cartels are now pushing fentanyl into the eastern half of the country, the DEA said.", []),
    ("Half of the states have passed laws expanding access to fentanyl test strips.", []),
    ("Nearly a third of the budget request would go to opioid treatment programs.", []),
    (
        "CBP officers seized 11,200 pounds of fentanyl this year, more than double the amount seized in fiscal year 2020.",
        [
            ("11,200 pounds of fentanyl", 11200, None, "pounds", "seizures", None),
            ("more than double the amount", 2, None, "fold", "seizures_change", "more than"),
        ],
    ),
    (
        "There were three times as many overdose deaths in the county last year as in 2015.",
        [("three times as many overdose deaths", 3, None, "fold", "overdose_deaths_change", None)],
    ),
    ("The bill would more than double the FBI's investment in fentanyl investigations.", []),
    (
        "Funding for the opioid program tripled to $45 million, officials said.",
        [("$45 million", 45e6, None, "usd", "funding", None)],
    ),
    (
        "Teen overdose deaths rose 94% between 2019 and 2020, researchers reported.",
        [("94%", 94, None, "percent", "teen_overdose_deaths_change", None)],
    ),
    (
        "Overdose deaths among adolescents more than doubled in 2020.",
        [("more than doubled", 2, None, "fold", "teen_overdose_deaths_change", "more than")],
    ),
    (
        "Police officers now carry naloxone, which comes in a 4 mg nasal spray dose.",
        [("4 mg", 4, None, "mg", "naloxone_dose", None)],
    ),
    (
        "A single 4-milligram dose of Narcan can reverse an opioid overdose within minutes.",
        [("4-milligram", 4, None, "mg", "naloxone_dose", None)],
    ),
    (
        "Just 2 milligrams of fentanyl, the weight of a few grains of salt, can be lethal.",
        [("2 milligrams of fentanyl", 2, None, "mg", "lethal_dose", None)],
    ),
    (
        "State crime labs identified fentanyl in 3,150 submissions in 2016.",
        [("3,150 submissions", 3150, None, "count", "other", None)],
    ),
    (
        "Investigators traced the fentanyl to 37 shipments from China.",
        [("37 shipments", 37, None, "count", "other", None)],
    ),
    ("A 19-year-old student and two friends overdosed on counterfeit pills at a party.", []),
    (
        "Overdose deaths in the state fell 12% in 2023, the first drop in five years.",
        [("12%", -12, None, "percent", "overdose_deaths_change", None)],
    ),
    (
        "About 42% of the pills tested by the lab contained at least 2 mg of fentanyl.",
        [
            ("About 42% of the pills", 42, None, "percent", "counterfeit_pill_share", "about"),
            ("at least 2 mg of fentanyl", 2, None, "mg", "lethal_dose", "at least"),
        ],
    ),
    (
        "Prosecutors said the ring distributed roughly 500,000 pills across five states.",
        [("roughly 500,000 pills", 500000, None, "pills", "other", "roughly")],
    ),
    (
        "Authorities charged 41 people in the Appalachian region with prescribing and dispensing opioids.",
        [("41 people", 41, None, "people", "prosecutions", None)],
    ),
    (
        "The operation led to the arrest of 3,800 suspected drug traffickers across Mexico.",
        [("3,800 suspected drug traffickers", 3800, None, "people", "arrests", None)],
    ),
    ("In half of the counties surveyed, no treatment beds were available for opioid patients.", []),
    (
        "Seizures of fentanyl at the border have increased nearly fourfold since 2019.",
        [("nearly fourfold since 2019", 4, None, "fold", "seizures_change", "nearly")],
    ),
    (
        "The Justice Department announced charges against 345 defendants, including 187 doctors, nurses and other licensed medical professionals.",
        [
            ("345 defendants", 345, None, "people", "prosecutions", None),
            ("187 doctors", 187, None, "people", "prosecutions", None),
        ],
    ),
    ("Two of the three victims were teenagers, the coroner said after the fentanyl deaths.", []),
    (
        "Narcan nasal spray delivers a 4 mg dose; the injectable form uses 0.4 mg.",
        [
            ("4 mg", 4, None, "mg", "naloxone_dose", None),
            ("0.4 mg", 0.4, None, "mg", "naloxone_dose", None),
        ],
    ),
]


def _rows(text: str) -> list[tuple]:
    return [
        (q.text, round(q.value, 6), q.value_high, q.unit, q.metric, q.qualifier)
        for q in find_statistics(text)
    ]


def _norm(expected: list[tuple]) -> list[tuple]:
    return [(s, round(float(v), 6), h, u, m, q) for s, v, h, u, m, q in expected]


def score(cases=BLIND) -> tuple[float, float, float]:
    """Precision, recall and F1 of whole rows over a table of cases."""
    tp = n_pred = n_gold = 0
    for text, expected in cases:
        got, gold = _rows(text), _norm(expected)
        n_pred, n_gold = n_pred + len(got), n_gold + len(gold)
        remaining = list(gold)
        for row in got:
            if row in remaining:
                remaining.remove(row)
                tp += 1
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@pytest.mark.parametrize("text,expected", BLIND, ids=[t[:50] for t, _ in BLIND])
def test_blind(text, expected):
    assert _rows(text) == _norm(expected)


def test_blind_f1():
    assert score()[2] >= 0.9
