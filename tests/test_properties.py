"""Property tests: generated text, random Unicode and mutated seed articles through every extractor.

Each input must not raise, must finish within the deadline, and every item must satisfy
``item.text == text[item.start:item.end]``. ``FENTDASH_HYPOTHESIS_EXAMPLES`` sets the examples
per extractor test (default 2500: four tests give CI 10,000 inputs).
"""

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fentdash import statements, statistics, timex
from fentdash.boilerplate import find_boilerplate, find_title
from fentdash.corpus import document_from_text
from fentdash.htmlmeta import extract_html
from fentdash.pipeline import parse_document

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXTS = tuple(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))

EXAMPLES = int(os.environ.get("FENTDASH_HYPOTHESIS_EXAMPLES", "2500"))
MAX_CHARS = 3000

EXTRACTOR = settings(
    max_examples=EXAMPLES,
    deadline=2000,
    database=None,  # keep the working tree clean; failures print their example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
CHEAP = settings(EXTRACTOR, max_examples=max(100, EXAMPLES // 5))

# Tokens that trigger every extractor: names, titles, reporting verbs, quotes, figures, dates.
TOKENS = (
    "said",
    "says",
    "told",
    "added",
    "warned",
    "according to",
    "announced",
    "he",
    "she",
    "they",
    "Attorney General",
    "Jeff Sessions",
    "Sessions",
    "Anne Milgram",
    "DEA",
    "the DEA’s acting head",
    "Administrator",
    "Dr.",
    "U.S.",
    "President Trump",
    "CDC",
    "officials",
    "The official",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    ":",
    ",",
    ".",
    ";",
    "!",
    "?",
    "–",
    "—",
    "-",
    "(",
    ")",
    "20,000",
    "60.000",
    "1,000,000",
    "one million",
    "$80bn",
    "$1.5 trillion",
    "27%",
    "400%",
    "3.15%",
    "three-quarters",
    "four of 10",
    "1 in 3",
    "50-100 times",
    "50 times more powerful than",
    "tripled",
    "per 100,000",
    "32.6",
    "2 milligrams",
    "two milligrams",
    "14,700 pounds",
    "130",
    "M",
    "30",
    "deaths",
    "overdose deaths",
    "fentanyl",
    "heroin",
    "pills",
    "people",
    "a day",
    "a year",
    "2014",
    "2016",
    "2019",
    "2020",
    "1990s",
    "last year",
    "this year",
    "two years previously",
    "the first three months of",
    "12-month period ending in",
    "June 2022",
    "May",
    "Monday",
    "on Tuesday",
    "In July 2017",
    "Feb. 6",
    "since 2001",
    "from 2013-2014",
    "today",
    "yesterday",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "WASHINGTON –",
    "Sign up to receive our latest news!",
    "###",
)
token_text = st.lists(st.sampled_from(TOKENS), max_size=400).map(" ".join)
word_soup = st.lists(
    st.one_of(
        st.sampled_from(TOKENS),
        st.integers(-(10**12), 10**12).map(str),
        st.floats(allow_nan=False, allow_infinity=False).map(str),
        st.text(max_size=12),
    ),
    max_size=200,
).map(lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts)))
random_unicode = st.text(max_size=MAX_CHARS)
ascii_punct = st.text(
    alphabet=st.sampled_from(list(" \n.,;:!?\"'“”‘’()-–—0123456789%$aAeEsS")), max_size=MAX_CHARS
)


@st.composite
def mutated_seed(draw) -> str:
    """A seed article with slices deleted, duplicated, swapped or replaced by noise."""
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 400)))
        kind = draw(st.sampled_from(["delete", "duplicate", "insert", "replace", "truncate", "quotes"]))
        if kind == "delete":
            text = text[:i] + text[j:]
        elif kind == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif kind == "insert":
            text = text[:i] + draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=30))) + text[i:]
        elif kind == "replace":
            text = text[:i] + draw(st.text(max_size=j - i + 5)) + text[j:]
        elif kind == "truncate":
            text = text[:i]
        else:
            text = text.replace("“", draw(st.sampled_from(['"', "”", "", "“ “"])))
    return text


# Long inputs (up to ~20,000 characters) catch work that grows faster than the text.
long_article = st.builds(lambda text, times: (text + "\n\n") * times, mutated_seed(), st.integers(2, 8))

ARTICLE_TEXT = st.one_of(token_text, word_soup, random_unicode, ascii_punct, mutated_seed(), long_article)


def assert_spans(text: str, items) -> None:
    for item in items:
        assert 0 <= item.start <= item.end <= len(text), item
        assert text[item.start : item.end] == item.text, item


@EXTRACTOR
@given(ARTICLE_TEXT)
def test_time_expressions(text):
    found = timex.find_time_expressions(text)
    assert_spans(text, found)
    assert_spans(text, timex.resolve(found, reference=None))


@EXTRACTOR
@given(ARTICLE_TEXT)
def test_statistics(text):
    assert_spans(text, statistics.find_statistics(text))


@EXTRACTOR
@given(ARTICLE_TEXT)
def test_statements(text):
    mentions = statements.find_mentions(text)
    assert_spans(text, mentions)
    found = statements.find_statements(text, mentions=mentions)
    assert_spans(text, found)
    for statement in found:
        assert_spans(text, statement.evidence)


@EXTRACTOR
@given(ARTICLE_TEXT)
def test_parse_document(text):
    document = document_from_text(text)
    parsed = parse_document(document)
    body = document.text
    assert_spans(body, parsed.statements)
    assert_spans(body, parsed.statistics)
    assert_spans(body, parsed.time_expressions)
    assert_spans(body, parsed.published.evidence)


# The reader's own stages are cheap: fewer examples, same properties.


@CHEAP
@given(ARTICLE_TEXT)
def test_boilerplate_spans_are_whole_lines(text):
    spans = find_boilerplate(text)
    assert list(spans) == sorted(spans)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert start == 0 or text[start - 1] == "\n"
        assert end == len(text) or text[end] == "\n"
    title = find_title(text)
    if title:
        assert text[title[1] : title[2]] == title[0]
        assert all(end <= title[1] or start >= title[2] for start, end in spans)


@CHEAP
@given(ARTICLE_TEXT)
def test_document_from_text_keeps_text(text):
    document = document_from_text(text)
    assert document.text == text.replace("\r\n", "\n").replace("\r", "\n")
    assert all(0 <= s < e <= len(document.text) for s, e in document.skip)
    if document.published_evidence:
        ev = document.published_evidence
        assert document.text[ev.start : ev.end] == ev.text


html_soup = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<script>",
                "</script>",
                "<br>",
                "<div",
                ">",
                "<!--",
                "-->",
                "<meta property='article:published_time' content='2019-11-04'>",
                "&amp;",
                "&#x",
                "<time datetime='2020-01-01'>",
                "<nav>",
                "</nav>",
                "<article>",
                "</article>",
                '<script type=\'application/ld+json\'>{"datePublished": "2018-05-01"',
                "</",
            ]
        ),
        st.text(max_size=20),
    ),
    max_size=80,
).map("".join)


@CHEAP
@given(html_soup)
def test_html_extraction_never_raises(markup):
    page = extract_html(markup)
    assert "\x00" not in page.text and "\n\n\n" not in page.text
    assert all(line == line.strip() for line in page.text.split("\n"))
