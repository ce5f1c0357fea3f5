"""Link each cited figure to the time expression that gives its period.

Rules, most specific first (all within one sentence unless said otherwise; no figure is
ever dated from the article date alone):
  1. an expression inside the figure's span ("5,544 deaths in 2014");
  2. the nearest expression after the figure, in its clause and before the next figure
     ("... in the 12-month period ending in June 2022");
  3. the nearest expression before the figure ("In 2018, ...");
  3b. an expression after later figures that they share ("50 million pills and 10,000
     pounds of powder in 2022"), unless a baseline cue ("from", "than") comes between;
  4. the period the paragraph is talking about, carried from an earlier sentence of the
     same paragraph ("... last year. There were a total of 64,000 deaths overall."),
     except in hypothetical sentences ("could kill", "enough to");
  5. a figure derived from an amount named before ("this amount could kill 1.3 million
     people", "the seizure is enough to kill ...") takes the period of the latest quantity
     of drug within ``DERIVED_REACH`` sentences.
A change ("an increase on two years previously", "compared to 2013", "a 3% decrease from
... the 12-month period ending March 2022", "three times the number who died in 2010",
"twice as many as in 2015") keeps its baseline and takes the later period, so its period
runs from the baseline's start to the later period's end. "Tripled since 2010" ends with the
latest data period of its paragraph when there is one, else at the article date.
Days are periods of the events they date ("seized ... on Jan. 26"), except days attached to
a reporting verb, which date the speech ("said on Monday", "On Tuesday, the DEA announced").
Those, possessives ("this month's report") and baselines are never the period of a plain
figure. Doses and potencies have no period.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import date
from typing import Final, NamedTuple

from . import timex
from .models import Interval, Statistic, TimeExpression
from .stat_text import has_case_odd, line_ends, lowered

__all__ = ["attach_periods", "resolve_periods"]

# Figures that describe no period: doses, potencies, frequencies ("a life every five minutes").
TIMELESS_METRICS: Final[frozenset[str]] = frozenset(
    {"lethal_dose", "potency_vs_heroin", "potency_vs_morphine", "potency", "naloxone_dose", "prescribed_dose"}
)
TIMELESS_UNITS: Final[frozenset[str]] = frozenset({"mg", "minutes"})
# Expressions that span a whole from-to period; they are never just a baseline.
SPAN_LABELS: Final[frozenset[str]] = frozenset(
    {"range", "year_range", "month_range", "since", "past", "to_date", "year_so_far", "through_end"}
)
# Abbreviations whose final period does not end a sentence.
ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {
        "u.s",
        "u.k",
        "u.n",
        "d.c",
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "no",
        "nos",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "gov",
        "sen",
        "rep",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "prof",
        "vs",
        "v",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "fig",
        "dept",
        "mt",
        "ft",
        "pa",
        "u.s.a",
        "n.y",
        "l.a",
    }
)

_STOP = r"[.!?][\"”’')\]]{0,3}(?:\[\d{1,3}\])?(?=\s{1,20}[\"“‘(\[]?[A-Z0-9])"
# Stops and line breaks are found apart: a stop never consumes a line break, so the cuts are the
# same as one alternation's, and only the (few) stops need the abbreviation test in Python.
_SENTENCE_STOP = re.compile(_STOP)
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z.]{1,8})$")
_NON_BLANK = re.compile(r"\S")
_CHANGE = re.compile(
    r"(?i:\b(?:increas(?:e[sd]?|ing)|decreas(?:e[sd]?|ing)|ris(?:e[sn]?|ing)|rose|jump(?:s|ed|ing)?|"
    r"surg(?:e[sd]?|ing)|climb(?:s|ed|ing)?|fell|fall(?:s|en|ing)?|drop(?:s|ped|ping)?|declin(?:e[sd]?|ing)|"
    r"(?:doubl|tripl|quadrupl)(?:e[sd]?|ing)|grew|grow(?:s|n|ing)?|up|down|higher|lower|chang(?:e[sd]?|ing))\b)"
)
# "on two years previously", "compared to 2013", "from the 12-month period ...".
# "more than 10,000" and "over 100,000" are qualifiers, not comparisons.
_NOT_A_NUMBER = r"(?!\s{1,3}(?:\$?\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+(?:million|billion|dozen|third|quarter))\b))"
_BASELINE_CUE = re.compile(
    rf"(?i:\b(?:from|compared\s+(?:to|with)|on|over{_NOT_A_NUMBER}|than{_NOT_A_NUMBER}|versus|vs\.?|relative\s+to)\b)"
)
# Before a day, "on" dates the event ("seized 250 pounds on Jan. 26").
_BASELINE_CUE_NO_ON = re.compile(
    rf"(?i:\b(?:from|compared\s+(?:to|with)|over{_NOT_A_NUMBER}|than{_NOT_A_NUMBER}|versus|vs\.?|relative\s+to)\b)"
)
_BASELINE_CUE_NEAR = re.compile(
    r"(?i:\b(?:from|compared\s+(?:to|with)|on|over|than|versus|vs\.?|relative\s+to)\s{1,3}(?:the\s{1,3})?$)"
)
# What a _BASELINE_CUE_NEAR match ends with before its trailing whitespace (lowercase).
_BASELINE_CUE_ENDS = ("from", "to", "with", "on", "over", "than", "versus", "vs", "vs.", "the")
# "on" dates an event when a day follows ("seized ... on Jan. 26"); before a year it compares ("up 5% on 2016").
_ON_CUE = re.compile(r"(?i:\bon\s{1,3}(?:the\s{1,3})?$)")
# A comparison whose baseline is a noun phrase: "three times the number who died in 2010", "double the amount
# seized in fiscal year 2020", "twice as many as in 2015", "half that of 2019". The multiplier comes first.
_MULTIPLIER_WORDS = ("times", "twice", "thrice", "double", "triple", "quadruple", "half")
_MULTIPLIER = rf"\b(?:{'|'.join(_MULTIPLIER_WORDS)})\s{{1,3}}"
# Any multiplier word in lowercase text: one scan instead of one per word.
_MULTIPLIER_LOWER = re.compile("|".join(_MULTIPLIER_WORDS))
_AS_MUCH = r"as\s{1,3}(?:many|much|high|large|great|often)"
_BASE_NOUN = (
    r"(?:the|its|their)\s{1,3}(?:(?:number|amount|level|total|count|quantity|volume|figure|tally|toll|pace)s?\b"
    # "twice the rate of white men in 2020" compares groups in one year: 2020 is the period.
    r"|rates?\b(?!\s{1,3}(?:of|among|for)\b))"
)
_NP_BASELINE = re.compile(
    rf"(?i:{_MULTIPLIER}(?:{_BASE_NOUN}|(?:that|those|what)\b|{_AS_MUCH}\s{{1,3}}as\s{{1,3}}(?:in|during|for|at|of)\b)"
    r"[^.;:!?]{0,60}$"
    # "three times as many deaths in 2019 as in 2010".
    rf"|{_MULTIPLIER}{_AS_MUCH}\b[^.;:!?]{{0,60}}\bas\s{{1,3}}(?:(?:in|during|for|of|at)\s{{1,3}})?$"
    # "double the 2019 total": the expression right after "the".
    rf"|{_MULTIPLIER}(?:the|its|their)\s{{1,3}}$)"
)
# "three times the number of deaths in 2019 as in 2010": the second term is the baseline, the first the period.
_SECOND_TERM = re.compile(
    r"(?i:[^.;:!?\d]{0,40}\b(?:as|than|compared\s{1,3}(?:to|with)|versus|vs\.?)\s{1,3}"
    r"(?:(?:in|during|for|of|at|with)\s{1,3})?(?:the\s{1,3})?$)"
)
_REPORTING_VERB = (
    r"(?:said|says|say|told|tells|announced|announces|stated|added|noted|warned|reported|explained|"
    r"issued|released|testified|wrote|according\s+to)"
)
# A speech date is a day attached to a reporting verb: "said on Monday", "announced Jan. 26",
# "released data Tuesday" (a short object, no figure between) ...
_SPEECH_BEFORE = re.compile(
    rf"(?i:\b{_REPORTING_VERB}(?:\s{{1,3}}(?!that\b)[a-z'’-]{{1,20}}){{0,2}}\s{{1,3}}(?:on\s{{1,3}})?$)"
)
# ... "The DEA on Tuesday announced" ...
_SPEECH_RIGHT_AFTER = re.compile(rf"(?i:\s{{1,3}}{_REPORTING_VERB}\b)")
# ... or a day opening the sentence whose verb reports: "On Tuesday, the Justice Department announced".
_SPEECH_OPENER = re.compile(rf",?\s{{1,3}}(?:[A-Za-z.'’&-]{{1,30}}\s{{1,3}}){{0,8}}(?i:{_REPORTING_VERB})\b")
# What may come before such a day: quotes, or a dateline ("PITTSBURGH – Today, ... announced").
_OPENING = re.compile(r"(?:[A-Z][A-Za-z.,'’ ()]{1,40}\s(?:[—–]|--?)\s{1,3})?[\s\"“‘(\[]{0,5}")
# A new clause: an expression after it belongs to the next clause's figure ("..., and in 2022, ...").
_CLAUSE_BREAK = re.compile(r"(?i:;|,\s{1,3}(?:and|but|while|whereas)\b|\s[—–]\s)")
# A dateline ("WASHINGTON, Nov. 4, 2019 –") dates the article, not a figure.
_DATELINE_TAIL = re.compile(r"\s{0,3}(?:\([A-Za-z .]{1,30}\)|/[A-Za-z -]{1,30}/)?\s{0,3}(?:[—–]|--?)\s")
# What may precede a dateline's date on its line: nothing, or "WASHINGTON, " / "SAN DIEGO (AP), ".
_DATELINE_HEAD = re.compile(r"(?:[A-Z][A-Za-z.'’ -]{1,30},\s{0,3}(?:\([A-Za-z .]{1,30}\)\s{0,3})?)?")
# "the first decline since 2018", "the largest seizure in the past five years": a record, not a period.
_RECORD_BEFORE = re.compile(
    r"(?i:\b(?:first|largest|highest|lowest|biggest|steepest|sharpest|smallest|fewest|worst|only|most|least)\b"
    r"[^.,;:!?]{0,40}$)"
)
_RECORD_LABELS: Final[frozenset[str]] = frozenset({"since", "past"})
_SINCE_WORD = re.compile(r"(?i:since)\b")
# A figure derived from an amount named before: "this amount could kill 1.3 million people",
# "enough to kill 500,000 people", "the seizure has a street value of $2 million".
_DERIVED = re.compile(
    r"(?i:\b(?:this|that|these|those|such\s{1,3}an?)\s{1,3}(?:[a-z-]{1,15}\s{1,3})?"
    r"(?:amounts?|quantity|quantities|seizures?|loads?|shipments?|hauls?|batch|drugs|fentanyl|pills|powder|"
    r"substance|package|parcels?|stash|cache)\b"
    # "the seizure", "the amount": but "the pills tested" need not be the ones seized.
    r"|\bthe\s{1,3}(?:[a-z-]{1,15}\s{1,3})?(?:amount|quantity|seizure|load|shipment|haul|batch|stash|cache)s?\b"
    r"|\bthat\s{1,3}much\b|\benough\s{1,3}(?:[a-z]{1,15}\s{1,3}){0,3}?to\s{1,3}(?:kill|be\s{1,3}lethal)\b"
    # "the potential to kill", "could potentially kill"; not "a potentially lethal dose" (a description).
    r"|\bpotential(?:ly)?\s{1,3}(?:to\s{1,3})?kill)"
)
# Quantities of drug a derived figure can refer back to (not doses: "2 mg can be lethal").
QUANTITY_UNITS: Final[frozenset[str]] = frozenset({"pounds", "kg", "grams", "ounces", "tons", "pills"})
# How many sentences back a derived figure may look: press releases put the seizure in the lead
# and the arithmetic of lethal doses in a quote several sentences later.
DERIVED_REACH: Final = 8
_DERIVED_FIGURES: Final = 40  # and at most this many figures back, so dense lists stay linear
_HYPOTHETICAL = re.compile(r"(?i:\b(?:could|can|would|might|potential(?:ly)?|enough\s+to)\b)")
_POTENCY = re.compile(r"(?i:\b(?:potent|powerful|stronger|strong)\b)")
_POSSESSIVE = re.compile(r"[’']s\b")
# "this month's report", "Tuesday's briefing": the possessive names a document or an event.
_DOCUMENT_AFTER = re.compile(
    r"\s{1,3}(?:[a-z-]{1,20}\s{1,3})?(?i:report|release|statement|announcement|briefing|update|edition|issue|"
    r"meeting|hearing|speech|address|summit|conference|press|bulletin|alert|advisory|notice)s?\b"
)

# "Tuesday's seizure", "the Jan. 26 raid's haul": a day's possessive names the event it dates.
_EVENT_AFTER = re.compile(
    r"\s{1,3}(?:[a-z-]{1,20}\s{1,3})?(?i:seizure|raid|arrest|bust|operation|interdiction|search|stop|sweep|haul)s?\b"
)

_REACH: Final = 400


# A NamedTuple, not a frozen dataclass: there are ~70 per article and frozen __init__ is slow.
class _Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int


# ----------------------------------------------------------------------------- sentences


def _sentences(text: str, protected: Sequence[tuple[int, int]]) -> list[_Sentence]:
    """Sentence spans with paragraph numbers; never split inside a protected span.

    Every line break ends a sentence (blank lines are sentences of their own) and starts a new
    paragraph; a stop ends one unless it closes an abbreviation or falls inside a protected span.
    """
    spans = sorted(protected)
    span_starts = [s for s, _ in spans]
    # Longest protected span ending at or after each index: "is m inside any span" in O(log n).
    reach, furthest = [], -1
    for _, e in spans:
        furthest = max(furthest, e)
        reach.append(furthest)

    def inside(pos: int) -> bool:
        i = bisect_left(span_starts, pos) - 1  # spans starting strictly before pos
        return i >= 0 and reach[i] > pos

    breaks = line_ends(text)
    cuts = list(breaks)
    word_before = _WORD_BEFORE_DOT.search
    for m in _SENTENCE_STOP.finditer(text):
        at = m.start()
        if not _may_abbreviate(text, at):
            if not inside(at):
                cuts.append(m.end())
            continue
        word = word_before(text, max(0, at - 8), at)
        token = word.group(1).lower().strip(".") if word else ""
        if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue  # "U.S. Customs", "Scott W. Brady"
        if not inside(at):
            cuts.append(m.end())
    cuts.sort()  # matches never overlap, so the cuts are distinct and each sentence is non-empty
    starts = [0, *cuts]
    ends = [*cuts, len(text)]
    if starts[-1] >= len(text):
        starts.pop()
        ends.pop()
    # A sentence's paragraph is the number of line breaks before it.
    new = tuple.__new__
    return [new(_Sentence, (a, b, bisect_right(breaks, a))) for a, b in zip(starts, ends, strict=True)]


# The last two letters of each abbreviation longer than one: a word ending in other letters is
# none, whatever comes before them.
_ABBREVIATION_ENDS: Final = frozenset(a[-2:] for a in ABBREVIATIONS if len(a) > 1)
_ASCII_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _may_abbreviate(text: str, at: int) -> bool:
    """False when the stop at ``at`` surely ends no abbreviation or initial (the test in
    ``_sentences``): after no letter, dot or line break ("2021.", "said)."), or after two letters
    no abbreviation ends with ("said."). Most stops, so the word before is rarely looked up."""
    last = text[at - 1] if at else ""
    if last in _ASCII_LETTERS:
        before = text[at - 2] if at >= 2 else ""
        return before not in _ASCII_LETTERS or (before + last).lower() in _ABBREVIATION_ENDS
    return last in (".", "\n")


def _sentence_of(starts: Sequence[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1)


# ----------------------------------------------------------------------------- classification


def _is_timeless(q: Statistic) -> bool:
    if q.metric in TIMELESS_METRICS or q.unit in TIMELESS_UNITS:
        return True
    return q.unit == "fold" and bool(_POTENCY.search(q.text))


def _is_change(text: str, q: Statistic, sentence: _Sentence) -> bool:
    if q.metric.endswith("_change") or q.unit in ("fold", "fold_change"):
        return True
    before = text[max(sentence.start, q.start - 40) : q.start]
    return bool(_CHANGE.search(q.text) or _CHANGE.search(before))


def _speech_date(text: str, e: TimeExpression, sentence: _Sentence) -> bool:
    """A day attached to a reporting verb dates the speech; "seized ... on Jan. 26, police said" does not."""
    if _SPEECH_BEFORE.search(text, max(sentence.start, e.start - 60), e.start):
        return True
    if _SPEECH_RIGHT_AFTER.match(text, e.end, sentence.end):
        return True
    opens = _OPENING.fullmatch(text, sentence.start, e.start) is not None
    return opens and _SPEECH_OPENER.match(text, e.end, min(sentence.end, e.end + 120)) is not None


def _usable(text: str, e: TimeExpression, sentence: _Sentence) -> bool:
    """Not a possessive ("this month's report") nor the date of the speech ("said Monday")."""
    possessive = _POSSESSIVE.match(text, e.end)
    if possessive and (
        _DOCUMENT_AFTER.match(text, possessive.end())
        or (e.granularity == "day" and not _EVENT_AFTER.match(text, possessive.end()))
    ):
        return False  # "Today's data", "this month's report"; but "last year's seizures" is a period
    if e.granularity == "day" and _speech_date(text, e, sentence):
        return False
    record = e.label in _RECORD_LABELS or _SINCE_WORD.match(
        e.text
    )  # "since January", "since the start of ..."
    if record and _RECORD_BEFORE.search(text, max(sentence.start, e.start - 60), e.start):
        return False
    line_start = text.rfind("\n", 0, e.start) + 1
    dateline = _DATELINE_HEAD.fullmatch(text, line_start, e.start) and _DATELINE_TAIL.match(text, e.end)
    return not dateline


def _np_baseline(text: str, lo: int, hi: int) -> bool:
    """``_NP_BASELINE`` in text[lo:hi]. Every match opens with a multiplier word: a window
    without one (the common case) is not searched."""
    low = lowered(text)
    if low is not None:  # the whole text lowered once (same offsets), shared by every window
        if not _MULTIPLIER_LOWER.search(low, lo, hi):
            return False
    else:
        window = text[lo:hi]
        if not _MULTIPLIER_LOWER.search(window.lower()) and not has_case_odd(window):
            return False
    return _NP_BASELINE.search(text, lo, hi) is not None


def _baseline_cue_near(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``_BASELINE_CUE_NEAR.search(text, lo, hi)``, skipped when text[lo:hi] does not end in a cue
    word and whitespace (most windows): the search tries every start in the window."""
    window = text[lo:hi]
    if not has_case_odd(window):
        core = window.rstrip()  # str.isspace() is the regex's \s
        if len(core) == len(window) or not core.lower().endswith(_BASELINE_CUE_ENDS):
            return None
    return _BASELINE_CUE_NEAR.search(text, lo, hi)


def _near_baseline(text: str, e: TimeExpression, floor: int) -> bool:
    """A cue before the expression: "on two years previously", "compared to 2013", "twice the number in 2015"."""
    if e.label in SPAN_LABELS:
        return False
    cue = _baseline_cue_near(text, max(floor, e.start - 20), e.start)
    if cue and not (e.granularity == "day" and _ON_CUE.match(text, cue.start(), e.start)):
        return True
    return _np_baseline(text, max(floor, e.start - 90), e.start)


def _cue_between(text: str, lo: int, e: TimeExpression, figure_start: int) -> bool:
    """A comparison word between ``lo`` and the expression, or a multiplier from the figure on."""
    cue = _BASELINE_CUE_NO_ON if e.granularity == "day" else _BASELINE_CUE
    if cue.search(text, lo, e.start):
        return True
    return _np_baseline(text, max(figure_start, e.start - 90), e.start)


def _sentence_period(
    text: str, exprs: Sequence[TimeExpression], sentence: _Sentence
) -> TimeExpression | None:
    """What a sentence is about: its last usable expression that is not a baseline."""
    found = None
    for e in exprs:
        if _usable(text, e, sentence) and not _near_baseline(text, e, sentence.start):
            found = e
    return found


class _Carried:
    """What a sentence's paragraph has been talking about before it: the period of its latest
    earlier sentence in the same paragraph that has one. Computed on demand, since only the
    sentences holding a figure ask, and memoised per sentence."""

    __slots__ = ("_text", "_sentences", "_by_sentence", "_with_exprs", "_memo")

    def __init__(
        self, text: str, sentences: Sequence[_Sentence], by_sentence: dict[int, list[TimeExpression]]
    ) -> None:
        self._text = text
        self._sentences = sentences
        self._by_sentence = by_sentence
        self._with_exprs = sorted(by_sentence)
        self._memo: dict[int, TimeExpression | None] = {}

    def _own(self, j: int) -> TimeExpression | None:
        if j not in self._memo:
            self._memo[j] = _sentence_period(self._text, self._by_sentence[j], self._sentences[j])
        return self._memo[j]

    def at(self, i: int) -> TimeExpression | None:
        paragraph = self._sentences[i].paragraph
        # Paragraph numbers never decrease, so walking back stops at the paragraph's first sentence.
        for k in range(bisect_left(self._with_exprs, i) - 1, -1, -1):
            j = self._with_exprs[k]
            if self._sentences[j].paragraph != paragraph:
                return None
            found = self._own(j)
            if found is not None:
                return found
        return None


class _ResolvedIndex:
    """The expressions resolved without the article date, by offsets; resolved on the first
    lookup, since ``_period`` looks nothing up for an absolute source without a baseline."""

    __slots__ = ("_exprs", "_index")

    def __init__(self, exprs: Sequence[TimeExpression]) -> None:
        self._exprs = exprs
        self._index: dict[tuple[int, int], TimeExpression] | None = None

    def get(self, key: tuple[int, int], default: TimeExpression | None = None) -> TimeExpression | None:
        if self._index is None:
            self._index = {(e.start, e.end): e for e in timex.resolve(self._exprs, reference=None)}
        return self._index.get(key, default)


def _ranks(text: str, sentences: Sequence[_Sentence]) -> list[int]:
    """Each sentence's rank among the non-blank ones: blank lines do not count as distance."""
    ranks, rank = [], 0
    for s in sentences:
        ranks.append(rank)
        rank += _NON_BLANK.search(text, s.start, s.end) is not None  # same test as str.strip()
    return ranks


# ----------------------------------------------------------------------------- linking


def _link(
    text: str,
    q: Statistic,
    sentence: _Sentence,
    exprs: Sequence[TimeExpression],
    figure_starts: Sequence[int],
    carried: TimeExpression | None,
) -> tuple[TimeExpression | None, TimeExpression | None]:
    """(period expression, baseline expression) for one figure."""
    # A clause never runs longer than this; clipping keeps run-on text (no punctuation) linear.
    sentence = _Sentence(
        max(sentence.start, q.start - _REACH), min(sentence.end, q.end + _REACH), sentence.paragraph
    )
    usable = [
        e for e in exprs if sentence.start <= e.start and e.end <= sentence.end and _usable(text, e, sentence)
    ]
    following = bisect_left(figure_starts, q.end)
    next_figure = figure_starts[following] if following < len(figure_starts) else sentence.end
    next_figure = min(next_figure, sentence.end)
    change = _is_change(text, q, sentence)

    baseline = first_term = None
    if change:
        floor = q.end
        for e in (e for e in usable if e.start >= q.end):
            if e.label not in SPAN_LABELS and _cue_between(text, floor, e, q.start):
                baseline = e
                break
            floor = e.end
        second = next((e for e in usable if baseline and e.start >= baseline.end), None)
        if (
            baseline
            and second
            and second.label not in SPAN_LABELS
            and _SECOND_TERM.match(text, baseline.end, second.start)
        ):
            first_term, baseline = baseline, second

    # Not the baseline nor right after a comparison cue; tested once per expression.
    plain = [e for e in usable if e is not baseline and not _near_baseline(text, e, sentence.start)]
    inside = [e for e in plain if e.start < q.end and q.start < e.end]
    after = [
        e for e in plain if q.end <= e.start < next_figure and not _CLAUSE_BREAK.search(text, q.end, e.start)
    ]
    before = [e for e in plain if e.end <= q.start]
    beyond_baseline: list[TimeExpression] = []
    if change and baseline is not None:
        beyond_baseline = [
            e
            for e in plain
            if e.start > baseline.start and not _CLAUSE_BREAK.search(text, baseline.end, e.start)
        ]
        after = [e for e in after if e.start < baseline.start]
    later = (
        first_term
        or (inside[-1] if inside else None)
        or (after[0] if after else None)
        or (before[-1] if before else None)
    )
    if later is None and beyond_baseline:
        later = beyond_baseline[0]  # "increased 30% from 2019, to 93,000 in 2020"
    if later is None:
        # "50 million pills and 10,000 pounds of powder in 2022": a shared trailing period.
        later = next(
            (
                e
                for e in plain
                if e.start >= next_figure
                and not _cue_between(text, q.end, e, q.end)
                and not _CLAUSE_BREAK.search(text, q.end, e.start)
            ),
            None,
        )
    if later is None and not _HYPOTHETICAL.search(text, sentence.start, sentence.end):
        later = carried
    if later is None:
        return None, None
    return later, baseline if change else None


def _antecedent(
    statistics: Sequence[Statistic],
    earlier: Sequence[int],
    links: dict[int, tuple[TimeExpression, TimeExpression | None]],
    sentence: int,
    starts: Sequence[int],
    ranks: Sequence[int],
) -> tuple[TimeExpression | None, TimeExpression | None]:
    """The link of the latest quantity of drug with a period, up to ``DERIVED_REACH`` sentences back.

    ``earlier`` are the indexes of the figures before this one, in text order; ``sentence`` is the
    figure's rank among the non-blank sentences, and ``ranks`` maps each sentence to its rank.
    """
    for j in reversed(earlier):
        prior = statistics[j]
        if sentence - ranks[_sentence_of(starts, prior.start)] > DERIVED_REACH:
            break
        if prior.unit in QUANTITY_UNITS and j in links:
            return links[j]
    return None, None


def _end_since_at_data(
    statistics: Sequence[Statistic],
    links: dict[int, tuple[TimeExpression, TimeExpression | None]],
    sentences: Sequence[_Sentence],
    starts: Sequence[int],
    index: _ResolvedIndex,
) -> None:
    """ "Deaths have tripled since 2010" in a paragraph of 2014 data runs 2010..2014, not to the article date."""
    latest: dict[int, date] = {}  # paragraph -> end of its latest data period
    for k, (later, baseline) in links.items():
        if later.label == "since" or later.kind != "absolute":
            continue
        period = _period(later, baseline, index)
        if period is not None and period.granularity != "day":
            paragraph = sentences[_sentence_of(starts, statistics[k].start)].paragraph
            latest[paragraph] = max(latest.get(paragraph, period.end), period.end)
    for k, (later, baseline) in list(links.items()):
        if later.label != "since":
            continue
        end = latest.get(sentences[_sentence_of(starts, statistics[k].start)].paragraph)
        anchor = timex.since_anchor(later)
        if end is None or anchor is None or end.year <= anchor.end.year:
            continue
        # The text fixes both ends, so the period no longer waits for the article date.
        links[k] = (replace(later, kind="absolute", interval=Interval(anchor.start, end, "range")), baseline)


def _combine(later: Interval | None, baseline: Interval | None) -> Interval | None:
    """A change runs from the baseline to the later period; it takes the later period's end."""
    if later is None:
        return None
    if baseline is None or baseline.end >= later.end:
        return later
    return Interval(min(baseline.start, later.start), later.end, "range")


def _period(
    source: TimeExpression,
    baseline: TimeExpression | None,
    index: dict[tuple[int, int], TimeExpression] | _ResolvedIndex,
) -> Interval | None:
    # An absolute source carries its own interval (a "since" range the paragraph's data ends).
    found = None if source.kind == "absolute" else index.get((source.start, source.end))
    later = source.interval if found is None else found.interval
    base = index.get((baseline.start, baseline.end), baseline) if baseline else None
    return _combine(later, base.interval if base else None)


# ``dataclasses.replace`` reads every field by name; figures get a period in a hot loop, so they
# are rebuilt positionally. Guarded by the field list: if ``Statistic`` changes, fall back.
_STATISTIC_FIELDS = tuple(f.name for f in fields(Statistic))
_FAST_COPY = _STATISTIC_FIELDS == (
    "text", "start", "end", "value", "unit", "metric", "value_high", "qualifier", "speaker",
    "period", "period_source", "period_baseline", "context",
)  # fmt: skip


def _with_period(
    q: Statistic,
    period: Interval | None,
    source: TimeExpression | None,
    baseline: TimeExpression | None,
) -> Statistic:
    """``replace(q, period=..., period_source=..., period_baseline=...)``, faster."""
    if not _FAST_COPY:
        return replace(q, period=period, period_source=source, period_baseline=baseline)
    return Statistic(
        q.text, q.start, q.end, q.value, q.unit, q.metric, q.value_high, q.qualifier, q.speaker,
        period, source, baseline, q.context,
    )  # fmt: skip


def attach_periods(
    text: str, statistics: Sequence[Statistic], expressions: Sequence[TimeExpression]
) -> list[Statistic]:
    """Set ``period_source`` on each figure, and ``period`` when it resolves without the article date.

    Args:
        text: the article text the offsets refer to.
        statistics: figures from ``statistics.find_statistics`` (any order).
        expressions: the output of ``timex.find_time_expressions``.

    Returns:
        The figures in the given order, each with the expression that gives its period
        (see the module docstring for the rules). A change also keeps the expression
        it is measured from in ``period_baseline``.
    """
    exprs = sorted(expressions, key=lambda e: e.start)
    figures = sorted(statistics, key=lambda q: q.start)
    figure_starts = [q.start for q in figures]
    protected = [(e.start, e.end) for e in exprs] + [(q.start, q.end) for q in figures]
    sentences = _sentences(text, protected)
    if not sentences:
        return list(statistics)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[TimeExpression]] = {}
    for e in exprs:
        by_sentence.setdefault(_sentence_of(starts, e.start), []).append(e)
    carried = _Carried(text, sentences, by_sentence)
    index = _ResolvedIndex(exprs)
    ranks: list[int] = []  # filled on the first derived figure: most articles have none
    # In text order, so a derived figure ("this amount could kill ...") can look back at the seizure.
    links: dict[int, tuple[TimeExpression, TimeExpression | None]] = {}
    order = sorted(range(len(statistics)), key=lambda k: statistics[k].start)
    for position, k in enumerate(order):
        q = statistics[k]
        if _is_timeless(q):
            continue
        i = _sentence_of(starts, q.start)
        later, baseline = _link(text, q, sentences[i], by_sentence.get(i, ()), figure_starts, carried.at(i))
        lo, hi = max(sentences[i].start, q.start - _REACH), min(sentences[i].end, q.end + _REACH)
        if later is None and _DERIVED.search(text, lo, hi):
            if not ranks:
                ranks = _ranks(text, sentences)
            later, baseline = _antecedent(
                statistics,
                order[max(0, position - _DERIVED_FIGURES) : position],
                links,
                ranks[i],
                starts,
                ranks,
            )
        if later is not None:
            links[k] = (later, baseline)
    _end_since_at_data(statistics, links, sentences, starts, index)

    out = []
    for k, q in enumerate(statistics):
        if k not in links:
            out.append(q)
            continue
        later, baseline = links[k]
        out.append(_with_period(q, _period(later, baseline, index), later, baseline))
    return out


def resolve_periods(
    statistics: Sequence[Statistic], expressions: Sequence[TimeExpression]
) -> list[Statistic]:
    """Fill ``period`` from the resolved expressions (same offsets as ``period_source``)."""
    index = {(e.start, e.end): e for e in expressions}
    out = []
    for q in statistics:
        if q.period_source is None:
            out.append(q)
            continue
        period = _period(q.period_source, q.period_baseline, index)
        out.append(_with_period(q, period, q.period_source, q.period_baseline) if period is not None else q)
    return out
