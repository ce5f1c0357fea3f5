"""Every expectation of seeds_expected.md, asserted exactly on the bundled seeds."""

from datetime import date

import pytest
from support import SEEDS

from fentdash import parse_paths, to_contract


@pytest.fixture(scope="module")
def parsed() -> dict:
    data = to_contract(parse_paths([str(SEEDS)]))
    by_prefix = {}
    for a in data["articles"]:
        prefix = a["path"].rsplit("/", 1)[-1][:3]
        by_prefix[prefix] = {
            "article": a,
            "text": (SEEDS / a["path"].rsplit("/", 1)[-1]).read_text(encoding="utf-8"),
            "statements": [s for s in data["statements"] if s["article_id"] == a["id"]],
            "statistics": [q for q in data["statistics"] if q["article_id"] == a["id"]],
        }
    return by_prefix


WINDOWS = [
    ("000", date(2017, 12, 14), date(2017, 10, 26), date(2018, 1, 31), 2017),
    ("001", date(2022, 5, 10), date(2022, 1, 1), date(2022, 11, 21), 2022),
    ("002", date(2019, 11, 4), date(2019, 5, 1), date(2020, 5, 19), 2019),
]


@pytest.mark.parametrize("prefix,true,lo,hi,year", WINDOWS)
def test_publication_window(parsed, prefix, true, lo, hi, year):
    pub = parsed[prefix]["article"]["published"]
    earliest, latest = date.fromisoformat(pub["earliest"]), date.fromisoformat(pub["latest"])
    assert earliest <= true <= latest
    assert lo <= earliest and latest <= hi
    assert date.fromisoformat(pub["date"]).year == year
    assert pub["method"] == "inferred"
    assert pub["evidence"], "an inferred date must show its evidence"
    text = parsed[prefix]["text"]
    for ev in pub["evidence"]:
        assert text[ev["start"] : ev["end"]] == ev["text"]


# (speaker, kind, the statement text starts with)
STATEMENTS = {
    "000": [
        ("Jeff Sessions", "reported", None, "according to US Attorney General Jeff Sessions"),
        ("Jeff Sessions", "reported", "warned that Mexican drug traffickers", None),
        ("Jeff Sessions", "direct", "Fentanyl originally started mostly from China", None),
        ("Jeff Sessions", "direct", "We are also seeing precursor chemicals", None),
        ("Jeff Sessions", "direct", "So one of the priorities I would like to see us do", None),
    ],
    "001": [
        ("Anne Milgram", "reported", "told CBS News that it is essential every shipment", None),
        ("Anne Milgram", "reported", "said they had not been able to do that", None),
        ("Anne Milgram", "reported", "said these chemicals are outwardly sold", None),
        ("Anne Milgram", "reported", "said that the ability to locate the chemicals", None),
        ("Anne Milgram", "reported", "said fentanyl’s threat to teens is even higher", None),
        ("Anne Milgram", "reported", "warns that fentanyl-laced drugs could be disguised", None),
        ("Anne Milgram", "reported", "said four contained 2 milligrams or more of fentanyl", None),
        ("Anne Milgram", "reported", "said the amount equal to a tip of a pencil", None),
    ],
    "002": [
        ("Uttam Dhillon", "direct", "Capitalizing on the opioid epidemic", None),
        ("Uttam Dhillon", "reported", "added that pills containing fentanyl", None),
    ],
}


@pytest.mark.parametrize("prefix", sorted(STATEMENTS))
def test_person_statements(parsed, prefix):
    persons = [s for s in parsed[prefix]["statements"] if s["speaker_type"] == "person"]
    assert len(persons) == len(STATEMENTS[prefix])
    for got, (speaker, kind, starts, contains) in zip(persons, STATEMENTS[prefix], strict=True):
        assert (got["speaker"], got["kind"]) == (speaker, kind)
        if starts:
            assert got["text"].startswith(starts), got["text"]
        if contains:
            assert contains in got["text"], got["text"]


@pytest.mark.parametrize(
    "prefix,forbidden",
    [
        ("000", ["Refuses To Discuss", "hot spot"]),
        ("001", ["Sign up", "By submitting", "A study found"]),
    ],
)
def test_not_statements(parsed, prefix, forbidden):
    for s in parsed[prefix]["statements"]:
        for phrase in forbidden:
            assert phrase not in s["text"]


def test_afp_is_not_a_speaker(parsed):
    assert all(s["speaker"] != "AFP" for s in parsed["000"]["statements"])


# (value, value_high, unit, qualifier, period_start, period_end, span starts with)
STATISTICS = {
    "000": [
        (50, 100, "fold", None, None, None, "50-100 times more potent than heroin"),
        (20000, None, "deaths", None, "2016-01-01", "2016-12-31", "20,000 deaths"),
        (400, None, "percent", "almost", "2014-01-01", "2016-12-31", "almost 400% increase"),
        (64000, None, "deaths", None, "2016-01-01", "2016-12-31", "64,000 deaths"),
        (80e9, None, "usd", "almost", None, None, "almost $80bn"),
    ],
    "001": [
        (60000, None, "deaths", "more than", "2021-01-01", "2021-12-31", None),
        (50, None, "fold", None, None, None, "50 times more powerful than heroin"),
        (1000000, None, "deaths", "more than", "2001-01-01", "2021-12-31", "more than one million"),
        (75, None, "percent", None, "2021-01-01", "2021-12-31", "three-quarters"),
        (40, None, "percent", None, "2021-01-01", "2021-12-31", None),
        (2, None, "mg", None, None, None, "2 milligrams"),
    ],
    "002": [
        (27, None, "percent", None, "2019-01-01", "2019-03-31", "27%"),
        (130, None, "deaths_per_day", "an average of", None, None, None),
        (50, None, "fold", None, None, None, "50 times more powerful than heroin"),
        (2, None, "mg", "approximately", None, None, "approximately two milligrams"),
    ],
}


@pytest.mark.parametrize("prefix", sorted(STATISTICS))
def test_statistics(parsed, prefix):
    got = sorted(parsed[prefix]["statistics"], key=lambda q: q["start"])
    assert len(got) == len(STATISTICS[prefix]), [q["text"] for q in got]
    for q, (value, high, unit, qualifier, p0, p1, starts) in zip(got, STATISTICS[prefix], strict=True):
        assert q["value"] == pytest.approx(value)
        assert q["value_high"] == high
        assert q["unit"] == unit
        if qualifier != "an average of":
            assert q["qualifier"] == qualifier
        assert q["period_start"] == p0
        if p1 is not None or p0 is None:
            assert q["period_end"] == p1
        if starts:
            assert q["text"].startswith(starts), q["text"]


def test_not_statistics(parsed):
    values = {q["value"] for q in parsed["002"]["statistics"]}
    assert 30 not in values  # the pill imprint
    texts = " ".join(q["text"] for q in parsed["002"]["statistics"])
    assert "two decades" not in texts and "thousands of deaths" not in texts
    texts = " ".join(q["text"] for q in parsed["000"]["statistics"])
    assert "few grains" not in texts and "1990s" not in texts
