"""Letters that case-insensitive regexes treat as ASCII ("ı", "ſ", the Kelvin sign, "İ")
never crash extraction, and every span still reads back from the real text."""

from datetime import date

import pytest

from fentdash.corpus import document_from_text
from fentdash.models import Interval
from fentdash.pipeline import parse_document

CASES = [
    "Overdose deaths ıncreaſed 16% in the fırst quarter of 2019, officials said.",
    "Laſt year, 20,000 people died; in ſpring 2020 the DEA ſeized 6 \u212ailograms.",
    "İn May 2019 the agency said deaths were up 30% ſince 2014.",
]


@pytest.mark.parametrize("text", CASES)
def test_lookalike_letters_parse_and_spans_hold(text):
    parsed = parse_document(document_from_text(text))
    items = [*parsed.statements, *parsed.statistics, *parsed.time_expressions, *parsed.published.evidence]
    assert items
    for item in items:
        assert text[item.start : item.end] == item.text


def test_lookalike_quarter_resolves_like_ascii():
    parsed = parse_document(document_from_text(CASES[0]))
    quarter = [e for e in parsed.time_expressions if "quarter" in e.text]
    assert [(e.text, e.interval) for e in quarter] == [
        ("the fırst quarter of 2019", Interval(date(2019, 1, 1), date(2019, 3, 31), "quarter"))
    ]
    assert [(q.text, q.value) for q in parsed.statistics] == [("16%", 16.0)]
