"""Numbers as written: digits, European grouping, words, scale words, fractions."""

from __future__ import annotations

import re

import pytest

from fentdash.numbers import NUMBER, fraction_percent, parse_number

_FULL = re.compile(NUMBER, re.IGNORECASE)

PARSED = [
    ("20,000", True, 20_000),
    ("1,300.5", True, 1300.5),
    ("60.000", True, 60_000),
    ("60.000", False, 60.0),
    ("3.15", True, 3.15),
    ("1.300.000", True, 1_300_000),
    ("32.6", False, 32.6),
    ("9.5 million", True, 9_500_000),
    ("1.3 million", True, 1_300_000),
    ("80bn", False, 80e9),
    ("1.5 trillion", False, 1.5e12),
    ("2.3 million", False, 2.3e6),
    ("5k", True, 5000),
    ("one million", True, 1_000_000),
    ("a million", True, 1_000_000),
    ("two", True, 2),
    ("twenty-five", True, 25),
    ("ninety nine", True, 99),
    ("one hundred thousand", True, 100_000),
    ("two hundred", True, 200),
    ("Six", True, 6),
]


@pytest.mark.parametrize("text,count,expected", PARSED)
def test_parse_number(text, count, expected):
    assert parse_number(text, count=count) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "dozens", "few", "thousands"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("three-quarters", 75.0),
        ("three quarters", 75.0),
        ("half", 50.0),
        ("a third", 100 / 3),
        ("two-thirds", 200 / 3),
        ("one-fifth", 20.0),
        ("a quarter", 25.0),
        ("dozen", None),
    ],
)
def test_fraction_percent(text, expected):
    got = fraction_percent(text)
    assert got == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(
    "text,match",
    [
        ("20,000 deaths", "20,000"),
        ("9.5 million pills", "9.5 million"),
        ("80bn a year", "80bn"),
        ("one million Americans", "one million"),
        ("twenty-five people", "twenty-five"),
        ("60.000 overdose deaths", "60.000"),
        ("2mg", "2"),
        ("tens of thousands", None),
        ("someone", None),
    ],
)
def test_number_fragment(text, match):
    m = _FULL.match(text)
    got = (
        m.group(0)
        if m and (m.end() == len(text) or not text[m.end()].isalpha() or text[m.end() :].startswith("mg"))
        else None
    )
    assert got == match
