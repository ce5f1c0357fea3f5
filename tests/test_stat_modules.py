"""The single-job modules behind ``statistics.find_statistics``, each on its own."""

from __future__ import annotations

import pytest

from fentdash.stat_figure import Figure
from fentdash.stat_filters import is_part_of_place, is_story_count
from fentdash.stat_text import far_cue, find_qualifier, near_cue, sentence_starts
from fentdash.stat_units import as_many_end, noun_head


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Deaths rose. Then they fell.", [0, 12]),
        ("Gov. Smith spoke. U.S. deaths rose.", [0, 17]),
        ("Scott W. Brady said so.\nNext line.", [0, 23, 24]),
    ],
)
def test_sentence_starts(text, expected):
    assert sentence_starts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("deaths of more than 100", ("more than", 10)),
        ("an estimated 2.1 million", ("an estimated", 0)),
        ("handsome 20", (None, 9)),
        ("some 20", ("some", 0)),
    ],
)
def test_find_qualifier(text, expected):
    start = len(text) - len(text.split()[-1]) - (1 if text.endswith("million") else 0)
    if text.endswith("million"):
        start = text.index("2.1")
    assert find_qualifier(text, 0, start) == expected


@pytest.mark.parametrize(
    "before,expected",
    [("deaths are down ", -1), ("deaths rose by ", 1), ("there were more than ", 0), ("the figure of ", 0)],
)
def test_near_cue(before, expected):
    assert near_cue(before) == expected


def test_far_cue_stops_at_clause_break():
    text = "Deaths declined in most counties; in Erie County 40%"
    assert far_cue(text, 0, text.index("40%")) == 0
    text = "steep declines in the hardest-hit places, including of 40%"
    assert far_cue(text, 0, text.index("40%")) == -1


@pytest.mark.parametrize(
    "tail,open_plural,expected",
    [
        (" overdose deaths in 2021", False, ("deaths", 16, "deaths")),
        (" fentanyl reports in 2015", False, None),
        (" fentanyl reports in 2015", True, ("count", 17, "reports")),
        (" counties reported", True, None),
        (" involved opioids", True, None),
        (" Jones", True, None),
    ],
)
def test_noun_head(tail, open_plural, expected):
    assert noun_head(tail, 0, len(tail), open_plural=open_plural) == expected


@pytest.mark.parametrize(
    "tail,expected",
    [(" many overdose deaths as", 21), (" much fentanyl this year", 14), (" likely to die", 0)],
)
def test_as_many_end(tail, expected):
    assert as_many_end(tail, 0, len(tail)) == expected


def _count(text: str, span: str, unit: str, qualifier: str | None = None) -> Figure:
    start = text.index(span)
    value = float(span.split()[0]) if span[0].isdigit() else 3.0
    return Figure(start, start + len(span), value, unit, "count", qualifier=qualifier)


@pytest.mark.parametrize(
    "text,span,unit,qualifier,expected",
    [
        ("Three defendants were charged.", "Three defendants", "people", None, True),
        ("Three defendants were charged in the operation.", "Three defendants", "people", None, False),
        ("Three people died on Saturday.", "Three people", "deaths", None, False),
        ("3 men were arrested.", "3 men", "people", "more than", False),
        ("25 nurses were charged.", "25 nurses", "people", None, False),
    ],
)
def test_is_story_count(text, span, unit, qualifier, expected):
    fig = _count(text, span, unit, qualifier)
    assert is_story_count(text, (0, len(text)), fig) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("half of the states", True),
        ("half of the nation's counties", True),
        ("half of the country's overdose deaths", False),
        ("40% of the $46 billion budget", False),
        ("a third of the budget", True),
    ],
)
def test_is_part_of_place(text, expected):
    fig = Figure(0, len(text), 50.0, "percent", "percent", share=True)
    assert is_part_of_place(text, fig) is expected
