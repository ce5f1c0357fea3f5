"""Cited figures: values, units, qualifiers and what they count.

One pass of compiled regexes finds every number as written (``numbers.NUMBER``), every
fraction word ("three-quarters of") and every multiple verb ("tripled"). Each number then goes
through a flat cascade of stages (``_STAGES``), most specific first: a unit right after it
("%", "times", "mg", "per 100,000"), a ratio ("4 in 10"), a counted noun ("20,000 deaths"),
and last a noun named before it ("deaths reached 107,622"). A bare number next to a figure of
the same sentence takes that figure's unit ("up from 460,000", "1,581 in 2017 and 1,019 in
2018"). Years, ages, durations, labels, imprints and counts of things we do not track
("25 counties") are dropped. The metric comes from keywords near the figure in its sentence.
Periods and speakers are left to later stages.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import lexicon as lx
from .models import Statistic
from .numbers import NUMBER, UNITS_WORDS, WORD_NUMBER, fraction_percent, parse_number

__all__ = ["find_statistics"]

_SP = r"[ \u00a0]"
_MAX_LOOK = 160  # characters of context looked at on each side of a figure
_MAX_CONTEXT = 250  # characters of a sentence used to decide what a figure counts


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(fragment: str) -> re.Pattern[str]:
    """A lexicon fragment as whole words, any case."""
    return re.compile(rf"\b(?:{fragment})\b", re.IGNORECASE)


# ---------------------------------------------------------------- candidate patterns
_NUMBER_CATCH = re.compile(
    rf"(?<![\w$.,/\[\-–:#@])(?P<cur>(?:US|U\.S\.)?\$(?:{_SP})?)?(?P<n1>{NUMBER})"
    rf"(?:(?<!\b(?:19|20)\d\d)(?P<sep>{_SP}?[-–]{_SP}?|{_SP}+to{_SP}+|{_SP}+and{_SP}+)(?:\$)?(?P<n2>{NUMBER}))?",
    re.IGNORECASE,
)
_FRACTION_CATCH = re.compile(
    rf"(?<![\w-])(?P<f>(?:a|one|two|three|four)[ \u00a0-](?:half|thirds?|quarters?|fourths?|fifths?|tenths?)"
    rf"|half)(?={_SP}+(?:of{_SP}|(?:of{_SP}+them{_SP}+)?(?:contained|contain|were|had|tested|involved|showed)\b))",
    re.IGNORECASE,
)
_FOLD_VERB_CATCH = re.compile(
    rf"(?<![\w-])(?:(?P<v>{_alt(lx.FOLD_VERBS)})|(?P<w>two|three|four|five|six|seven|eight|nine|ten|twenty)fold)\b"
    rf"(?!{_SP}+down)(?P<tail>{_SP}+(?:since|from|between){_SP}+\d{{4}}(?:{_SP}*(?:[-–]|to|and){_SP}*\d{{2,4}})?)?",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- context patterns
_QUAL_BEFORE = re.compile(rf"\b(?P<q>{_alt(lx.QUALIFIERS)}){_SP}+$", re.IGNORECASE)
_PERCENT = re.compile(rf"{_SP}?(?:%|per{_SP}?-?cent(?:age{_SP}points?)?\b|pct\b)", re.IGNORECASE)
_TIMES = re.compile(
    rf"(?:{_SP}?-?fold\b|{_SP}+times\b|{_SP}?x(?={_SP}+(?:more|stronger|higher|as)\b))", re.IGNORECASE
)
_COMPARISON = re.compile(
    rf"{_SP}+(?:(?:{lx.COMPARATIVES})(?:{_SP}+(?:{lx.POTENCY_WORDS}|likely|dangerous|addictive|high))?"
    rf"(?:{_SP}+(?:than|as)(?:{_SP}+(?:pure|street|pharmaceutical|regular|that\s+of))?{_SP}+[a-z]+)?"
    rf"|(?:the|its)?{_SP}*(?:potency|strength|rate|amount|number|level|risk)(?:{_SP}+of{_SP}+[a-z]+)?)",
    re.IGNORECASE,
)
_WEIGHT = re.compile(
    rf"{_SP}?-?(?P<u>{_alt(lx.WEIGHT_UNITS)})(?![\w])\.?"
    rf"(?P<of>{_SP}+of{_SP}+(?:(?:illicit|illegal|pure|suspected|powdered|powder|liquid|deadly|synthetic|counterfeit|street|the|raw){_SP}+){{0,2}}(?!the\b)[a-z][a-z-]*)?",
    re.IGNORECASE,
)
_PILL_STRENGTH = re.compile(rf"\.?{_SP}+(?:{lx.PILL_NAMES})\b", re.IGNORECASE)
_DOLLARS = re.compile(rf"{_SP}+(?:US{_SP}+|U\.S\.{_SP}+)?dollars\b", re.IGNORECASE)
_PER_YEAR = re.compile(rf"{_SP}+(?:a|per|each|every){_SP}+year\b|{_SP}+annually\b", re.IGNORECASE)
_RATE = re.compile(
    rf"(?:{_SP}+(?:(?:drug|opioid|fentanyl|heroin|overdose){_SP}+){{0,2}}(?:deaths?|overdoses?|fatalities))?"
    rf"{_SP}+(?:per|for{_SP}+every){_SP}+(?P<base>100,000|100{_SP}000|100000|100k)\b"
    rf"(?:{_SP}+(?:people|persons|residents|population|individuals|standard{_SP}population))?",
    re.IGNORECASE,
)
_TIME = re.compile(rf"(?:{_SP}|-)+(?P<t>{_alt(lx.TIME_UNITS)})\b", re.IGNORECASE)
_RATIO = re.compile(
    rf"{_SP}+(?P<rel>in|of|out{_SP}+of)(?:{_SP}+every)?{_SP}+(?P<den>\d{{1,4}}|{WORD_NUMBER})(?![\w,]|\.\d)",
    re.IGNORECASE,
)
_AMONG_VERB = re.compile(
    rf"{_SP}+(?:of{_SP}+(?:them|those){_SP}+)?(?:contained|contain|had|have|were|was|tested|showed|carried|included|involved|involve|came|died)\b",
    re.IGNORECASE,
)
_AMONG_BEFORE = re.compile(rf"\bamong{_SP}+(?:the{_SP}+)?$", re.IGNORECASE)
# A word of a counted noun phrase; a pill strength ("5,000 fake 30 mg pills") may sit inside.
_WORD = re.compile(rf"(?:,?{_SP}|-)+([A-Za-z][A-Za-z'’.]*|\d{{1,3}}[- ]?(?:mg|milligram)(?![\w-]))")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ians|ans|ers)")  # "Pennsylvanians", "New Yorkers"
_NP_WORD = re.compile(rf"(?:{_SP}|-)+([A-Za-z][A-Za-z'’.]*)")
_BACK_COUNT = re.compile(
    r"\b(?:deaths|overdoses|fatalities|death toll|toll|died|dying)\b(?:[^.;:!?\n]|\.(?=\d)){0,80}?"
    rf"\b(?:reach(?:ed|es|ing)?|total(?:ed|led|s|ing)?|topp(?:ed|ing)|tops?|hit|exceed(?:ed|s|ing)?"
    r"|surpass(?:ed|es|ing)?|numbered|(?P<be>was|were|is|are)|stood at|to|at|of|from|(?P<by>by))"
    rf"(?:{_SP}+(?:a{_SP}+total{_SP}+of|an?{_SP}+(?:new{_SP}+)?(?:record|all-time{_SP}+high)(?:{_SP}+of)?|a{_SP}+high{_SP}+of))?{_SP}+$",
    re.IGNORECASE,
)
_BACK_GATE = re.compile(r"death|overdos|fatalit|toll|died|dying", re.IGNORECASE)
_COMPARED_BEFORE = re.compile(
    rf"(?:\b(?:up|down|rising|falling|risen|fallen|increased?|decreased?)?{_SP}*\bfrom|\bcompared{_SP}+(?:with|to)"
    rf"|\bversus|\bvs\.?|\bthan|(?P<to>\bto)|(?P<and>\band|,))(?:{_SP}+(?:just|about|nearly|almost|roughly|some|over))?{_SP}+$",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(rf"\bfrom{_SP}+$", re.IGNORECASE)
_UP_DOWN_BEFORE = re.compile(
    rf"\b(up|down){_SP}+(?:by{_SP}+)?(?:(?:about|nearly|almost|some|roughly){_SP}+)?$", re.IGNORECASE
)
_ONES = re.compile(rf"(?:{_SP}+(?P<adj>[a-z-]+))?{_SP}+ones\b", re.IGNORECASE)
_FATAL_AFTER = re.compile(rf",?{_SP}+(?:fatally|died|dying|were{_SP}+killed)\b", re.IGNORECASE)
_OF_THEM = re.compile(rf"{_SP}+of{_SP}+(?:them|those|these)\b", re.IGNORECASE)
_OF_THE_BEFORE = re.compile(rf"\b(?:of|among){_SP}+(?:the|those|these){_SP}+$", re.IGNORECASE)
# What may follow a compared bare number: a period, a date, punctuation; not a noun of its own.
_BARE_AFTER = re.compile(
    rf"(?:{_SP}+(?:in|during|for|last|the|a|an|this|that|through|over|per|each|every|since|from|than|compared|versus|vs)\b|{_SP}*[,.;:)\u2013\u2014]|{_SP}*$)",
    re.IGNORECASE,
)
_OF_YEAR = re.compile(rf"{_SP}+of{_SP}+(?:the{_SP}+)?(?:(?:19|20)\d\d|year|decade|century)\b", re.IGNORECASE)
_COMPARED_WITH = re.compile(
    rf"\b(?:than|like|as|versus|vs\.?){_SP}+(?:pure{_SP}+|street{_SP}+)?$", re.IGNORECASE
)
_THAN = re.compile(rf"{_SP}+than\b", re.IGNORECASE)
_MORE_FEWER = re.compile(rf"{_SP}+(?P<c>more|fewer|less|additional)(?={_SP})", re.IGNORECASE)
_CHANGE_AFTER = re.compile(
    rf"{_SP}+(?:(?:year-over-year|annual|overall|total|net|relative){_SP}+)?"
    rf"(?P<c>{_alt(w for w in lx.CHANGE_CUES if len(w) > 3 or w == 'cut')})\b",
    re.IGNORECASE,
)
_SHARE_AFTER = re.compile(rf"{_SP}+of{_SP}", re.IGNORECASE)
_PEOPLE_DIE = re.compile(rf"^(?:{_SP}+[a-z]+){{0,3}}?{_SP}+(?:{lx.DEATH_VERBS})\b", re.IGNORECASE)
_KILL_BEFORE = re.compile(rf"\b(?:{lx.KILL_BEFORE}){_SP}+(?:the{_SP}+)?$", re.IGNORECASE)
_POTENTIAL_KILL = re.compile(rf"\b(?:{lx.POTENTIAL_KILL})\b[^.;]{{0,20}}$", re.IGNORECASE)
_PER_DAY = re.compile(rf"\b(?:{lx.PER_DAY})\b", re.IGNORECASE)
_PER_DAY_AFTER = re.compile(rf"{_SP}+(?:{lx.PER_DAY})\b", re.IGNORECASE)
_EVERY_BEFORE = re.compile(rf"\bevery{_SP}+$", re.IGNORECASE)
_LINK_VERB = re.compile(
    r"\b(?:connected|linked|tied|involved|responsible|caused|causes|killed|kills|claimed|claims"
    r"|accounted|accounts|contributed|goes|went|surpassed|exceeded|topped|reached|blamed|attributed)\b",
    re.IGNORECASE,
)
_INVOLVING = re.compile(
    r"[ \u00a0]*(?:involving|from|due to|caused by|linked to|related to|attributed to|tied to"
    r"|connected to|associated with|by|of)\b[^.;,]{0,60}",
    re.IGNORECASE,
)
_RATE_WORD = re.compile(r"\brates?\b", re.IGNORECASE)
_TEEN = _words(lx.TEEN_WORDS)
_PILL = _words(lx.PILL_WORDS)
_LETHAL = _words(lx.LETHAL_WORDS)
_SEIZE = _words(lx.SEIZURE_WORDS)
_STRICT_SEIZE = _words(lx.STRICT_SEIZURE_WORDS)
_PROSECUTE = _words(lx.PROSECUTION_WORDS)
_ARREST = _words(lx.ARREST_WORDS)
_FUNDING = _words(lx.FUNDING_WORDS)
_VALUE_WORDS = _words(lx.PRICE_WORDS)
_REVENUE = _words(lx.REVENUE_WORDS)
_CASH = _words(lx.CASH_WORDS)
_SETTLE = _words(lx.SETTLEMENT_WORDS)
_NONFATAL = _words(lx.NONFATAL_WORDS)
_FATAL = _words(lx.FATAL_WORDS)
_DRUG_CONTEXT = _words(lx.DRUG_WORDS)
_NALOXONE = _words(r"naloxone|narcan")
_SAVED = _words(r"sav\w+|protect\w*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NOT_FATAL_MODIFIER = _words(r"suspected|nonfatal|non-fatal|reported")
_DEATH_CONTEXT = _words(lx.DEATH_WORDS)
_POTENCY = re.compile(rf"\b(?:{lx.POTENCY_WORDS}|potency|strength)\b", re.IGNORECASE)
_HEROIN = re.compile(r"\bheroin\b", re.IGNORECASE)
_MORPHINE = re.compile(r"\bmorphine\b", re.IGNORECASE)
# All substance keywords in one pattern (group ``s<i>`` is SUBSTANCE_METRICS[i]) for one scan.
_ANY_SUBSTANCE = re.compile(
    r"\b(?:" + "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(lx.SUBSTANCE_METRICS)) + r")\b",
    re.IGNORECASE,
)


class _Keywords:
    """Every substance keyword of one text, found in one scan, looked up by range; and
    per-sentence cue words, searched once per sentence however many figures it has."""

    __slots__ = ("text", "starts", "hits", "cache")

    def __init__(self, text: str) -> None:
        self.text = text
        self.hits = [
            (h.start(), h.end(), int((h.lastgroup or "s0")[1:])) for h in _ANY_SUBSTANCE.finditer(text)
        ]
        self.starts = [h[0] for h in self.hits]
        self.cache: dict[tuple[str, int, int], bool] = {}

    def has(self, rx: re.Pattern, lo: int, hi: int) -> bool:
        key = (rx.pattern, lo, hi)
        if key not in self.cache:
            self.cache[key] = rx.search(self.text, lo, hi) is not None
        return self.cache[key]

    def between(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """(index into SUBSTANCE_METRICS, start, end) of the keywords inside text[lo:hi]."""
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.hits) and self.hits[i][1] <= hi:
            h0, h1, idx = self.hits[i]
            out.append((idx, h0, h1))
            i += 1
        return out


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s)|\n")
_LAST_WORD = re.compile(r"([\w.']+)\.$")
_CLAUSE_BREAK = re.compile(r"[;:]")
_CLAUSE_PUNCT = re.compile(r"[;:()\u2013\u2014]|,(?!\d)")  # not the comma inside "100,000"

_COUNT_UNITS = frozenset({"deaths", "people", "pills", "count", "deaths_per_day"})


@dataclass(slots=True)
class _Figure:
    start: int
    end: int
    value: float
    unit: str
    kind: str  # count | percent | fold | weight | money | rate | interval
    value_high: float | None = None
    qualifier: str | None = None
    change: int = 0  # sign of a change, 0 when the figure is a level or share
    share: bool = False
    level: bool = False  # "from 10% to 20%": a level, never a change
    noun_end: int = -1
    noun: str = ""  # the counted noun, the unit of a generic count ("220,000 drug listings")
    # A figure in a list ("44% for Black people and 39% for ...") counts what the first one counts.
    leader: _Figure | None = None


# ---------------------------------------------------------------- sentences
def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        if m.group(0) == ".":
            word = _LAST_WORD.search(text, max(0, m.start() - 12), m.end())
            if word and word.group(1).lower() in lx.ABBREVIATIONS:
                continue
            if len(word.group(1)) == 1 if word else False:  # initials: "Scott W. Brady"
                continue
        starts.append(m.end())
    return starts


def _sentence(starts: list[int], text: str, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    return starts[i], end


# ---------------------------------------------------------------- classification
def _qualifier(text: str, lo: int, start: int) -> tuple[str | None, int]:
    """The hedge right before a figure ("more than", "an estimated") and where it starts."""
    window = text[max(lo, start - 30) : start]
    if not window[-1:].isspace():
        return None, start
    words = window.split()
    for n in (3, 2, 1):
        key = " ".join(words[-n:]).lower()
        if len(words) >= n and key in lx.QUALIFIERS:
            # the hedge must be whole words: "some" but not "handsome"
            m = _QUAL_BEFORE.search(window)
            if m and m.group("q").lower() == key:
                return lx.QUALIFIERS[key], start - len(window) + m.start()
    return None, start


def _preceding_word(before: str) -> str:
    parts = before[-40:].rsplit(None, 1)
    if not parts or before[-40:].strip() == "":
        return ""
    return parts[-1].lstrip("(\"“‘'[").lower()


def _after_among(text: str, lo: int, start: int) -> re.Match[str] | None:
    """ "Among 10 pills": the number is the base of a share given later, not a figure."""
    lo = max(lo, start - 20)
    return _AMONG_BEFORE.search(text, lo, start) if text.find("mong", lo, start) >= 0 else None


def _context(sent: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The sentence around a figure, capped so long run-on "sentences" stay cheap."""
    return max(sent[0], start - _MAX_CONTEXT), min(sent[1], end + _MAX_CONTEXT)


def _noun_head(text: str, pos: int, limit: int) -> tuple[str, int, str] | None:
    """The counted noun after a number: (unit, end offset, noun), or None."""
    for _ in range(5):
        m = _WORD.match(text, pos, limit)
        if not m:
            return None
        word = m.group(1).rstrip(".").lower().replace("’", "'")
        if word[0].isdigit():  # a pill strength inside the phrase
            pos = m.end()
            continue
        if word in lx.COUNT_NOUNS:
            return lx.COUNT_NOUNS[word], m.end(1) - (m.group(1).endswith(".")), word
        if _DEMONYM.fullmatch(m.group(1)):
            return "people", m.end(1), word  # "Pennsylvanians", "New Yorkers"
        if word in ("and", "or", "&"):  # "76 billion oxycodone and hydrocodone pills"
            pos = m.end()
            continue
        if word in lx.NP_STOPWORDS or word in lx.TIME_UNITS or word in lx.WEIGHT_UNITS or word in UNITS_WORDS:
            return None
        if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
            return None  # the head is some other plural: "25 counties"
        pos = m.end()
    return None


def _np_end(text: str, pos: int, limit: int, *, max_words: int = 6) -> int:
    """End of an "of ..." noun phrase after a share ("27% of a sample of counterfeit pills")."""
    m = _SHARE_AFTER.match(text, pos, limit)
    if not m:
        return pos
    end, cur = pos, m.end() - 1
    for _ in range(max_words):
        w = _NP_WORD.match(text, cur, limit)
        if not w:
            break
        word = w.group(1).rstrip(".").lower()
        if word in ("a", "an", "the", "of", "all", "those", "these", "u.s", "its", "their"):
            cur = w.end()
            continue
        if word in lx.NP_STOPWORDS or word in lx.TIME_UNITS or word.endswith("ed") or word.endswith("ly"):
            break
        cur = end = w.end(1) - w.group(1).endswith(".")
    return end


def _classify(
    text: str, m: re.Match, sent: tuple[int, int], among: list[tuple[int, float, str]]
) -> list[_Figure]:
    s0 = sent[0]
    start, end = m.start(), m.end()
    n2 = m.group("n2")
    before = text[max(s0, start - _MAX_LOOK) : start]
    fromto = False
    if n2 is not None:
        sep = m.group("sep").strip().lower()
        if sep == "and" and not re.search(r"\bbetween\s*$", before, re.I):
            n2, end = None, m.end("n1")
        fromto = sep == "to" and bool(re.search(r"\bfrom\s*$", before, re.I))
    figures = _classify_number(text, m, sent, among, before, end, n2)
    high_value = figures[0].value_high if len(figures) == 1 else None
    if fromto and high_value is not None:
        # "rose from 2.4 to 5.2 per 100,000": two levels, not a range
        fig = figures[0]
        low = _Figure(fig.start, m.end("n1"), fig.value, fig.unit, fig.kind, None, fig.qualifier, level=True)
        high = _Figure(
            m.start("n2"), fig.end, high_value, fig.unit, fig.kind, level=True, noun_end=fig.noun_end
        )
        return [low, high]
    return figures


@dataclass(slots=True)
class _Candidate:
    """One number as written, with the context the classifying stages look at."""

    text: str
    m: re.Match[str]
    s0: int  # sentence (context) bounds
    s1: int
    before: str  # up to _MAX_LOOK characters before the number, same sentence
    end: int  # end of the number or range
    n2: str | None  # the high end of a range
    limit: int  # how far after the number the stages may look
    fig_start: int  # start of the figure's span: its hedge word, if any
    qualifier: str | None
    among: list[tuple[int, float, str]]

    @property
    def start(self) -> int:
        return self.m.start()

    def values(self, *, count: bool) -> tuple[float | None, float | None]:
        low = parse_number(self.m.group("n1"), count=count)
        high = parse_number(self.n2, count=count) if self.n2 is not None else None
        return low, high

    def figure(
        self, end: int, value: float, unit: str, kind: str, high: float | None = None, **kw
    ) -> _Figure:
        return _Figure(self.fig_start, end, value, unit, kind, high, self.qualifier, **kw)

    def level_word(self) -> bool:
        """ "up from 14%", "rose to 20%": the figure is a level, not a change."""
        word = _preceding_word(self.text[max(self.s0, self.fig_start - 20) : self.fig_start])
        return word in ("from", "to", "at")


# Each stage returns figures (possibly none, meaning "not a statistic, stop") or None ("not mine").
_Stage = Callable[[_Candidate], "list[_Figure] | None"]


def _money(c: _Candidate) -> list[_Figure] | None:
    """ "almost $80bn a year", "80 billion dollars"."""
    dollars = _DOLLARS.match(c.text, c.end, c.limit)
    if not (c.m.group("cur") or dollars):
        return None
    low, high = c.values(count=False)
    if low is None:
        return []
    end = dollars.end() if dollars else c.end
    per_year = _PER_YEAR.match(c.text, end, c.limit)
    return [c.figure(per_year.end() if per_year else end, low, "usd", "money", high)]


def _percent(c: _Candidate) -> list[_Figure] | None:
    """Shares ("27% of a sample of pills") and signed changes ("down 43%", "a 3.15% decrease")."""
    pct = _PERCENT.match(c.text, c.end, c.limit)
    if not pct:
        return None
    low, high = c.values(count=False)
    if low is None:
        return []
    end = pct.end()
    cue = _CHANGE_AFTER.match(c.text, end, c.limit)
    sign = lx.CHANGE_CUES[cue.group("c").lower()] if cue else 0
    end = cue.end() if cue else end
    level = c.level_word()
    if not sign and not level:
        sign = _near_cue(c.text[max(c.s0, c.fig_start - 40) : c.fig_start])
    share = False
    if _SHARE_AFTER.match(c.text, end, c.limit):
        share = not sign
        end = _np_end(c.text, end, c.limit)
    return [c.figure(end, low, "percent", "percent", high, change=sign, share=share, level=level)]


def _multiple(c: _Candidate) -> list[_Figure] | None:
    """ "50 times more powerful than heroin", "50-100 times", "a 5-fold increase"."""
    times = _TIMES.match(c.text, c.end, c.limit)
    if not times:
        return None
    comp = _COMPARISON.match(c.text, times.end(), c.limit)
    low, high = c.values(count=False)
    if low is None or (not comp and "fold" not in times.group(0).lower()):
        return []  # "arrested 5 times"
    end = comp.end() if comp else times.end()
    cue = _CHANGE_AFTER.match(c.text, end, c.limit)
    return [c.figure(cue.end() if cue else end, low, "fold", "fold", high)]


def _rate(c: _Candidate) -> list[_Figure] | None:
    """ "32.6 per 100,000": one figure, never two."""
    rate = _RATE.match(c.text, c.end, c.limit)
    if not rate:
        return None
    low, high = c.values(count=False)
    return [c.figure(rate.end(), low, "per_100k", "rate", high)] if low is not None else []


def _weight(c: _Candidate) -> list[_Figure] | None:
    """ "approximately two milligrams", "six pounds of fentanyl", "45 kg"."""
    weight = _WEIGHT.match(c.text, c.end, c.limit)
    if not weight:
        return None
    unit = lx.WEIGHT_UNITS[weight.group("u").lower()]
    low, high = c.values(count=unit not in ("mg", "mcg"))
    if low is None or (unit in ("mg", "mcg") and _PILL_STRENGTH.match(c.text, weight.end("u"), c.limit)):
        return []  # "30 mg oxycodone pills": a pill's label, not a figure
    end = weight.end() if weight.group("of") else weight.end("u")
    return [c.figure(end, low, unit, "weight", high)]


def _duration(c: _Candidate) -> list[_Figure] | None:
    """Durations and ages are not figures; "a life every five minutes" is."""
    dur = _TIME.match(c.text, c.end, c.limit)
    if not dur:
        return None
    unit = dur.group("t").lower()
    every = _EVERY_BEFORE.search(c.before)
    if every and unit in lx.TIME_TO_MINUTES and _DEATH_CONTEXT.search(c.text, c.s0, c.s1):
        low, _ = c.values(count=False)
        if low is not None:
            start = c.start - (len(c.before) - every.start())
            return [_Figure(start, dur.end(), low * lx.TIME_TO_MINUTES[unit], "minutes", "interval")]
    return []


def _ratio(c: _Candidate) -> list[_Figure] | None:
    """ "4 in 10 pills", "one in three", "four out of ten" as percent."""
    ratio = _RATIO.match(c.text, c.end, c.limit)
    if not ratio or c.n2 is not None:
        return None
    low, _ = c.values(count=False)
    den = parse_number(ratio.group("den"), count=False)
    noun = _noun_head(c.text, ratio.end(), c.limit)
    # "one in four", "four of 10 pills"; but "one of 25 investigations" is not a share
    share_like = ratio.group("rel").lower() == "in" or noun is not None or den in (10, 100, 1000)
    if low is None or not den or not 0 < low < den or not share_like or _YEAR.fullmatch(ratio.group("den")):
        return None
    end = noun[1] if noun else ratio.end()
    return [c.figure(end, round(100 * low / den, 1), "percent", "percent", share=True, level=c.level_word())]


def _count_difference(c: _Candidate) -> list[_Figure] | None:
    """ "10,000 fewer overdose deaths", "47 deaths ..., 12 more than a year ago"."""
    more = _MORE_FEWER.match(c.text, c.end, c.limit)
    if not more or c.n2 is not None:
        return None
    head = _noun_head(c.text, more.end(), c.limit)
    if (
        head is None
        and _THAN.match(c.text, more.end(), c.limit)
        and _DEATH_CONTEXT.search(c.text, c.s0, c.fig_start)
    ):
        head = ("deaths", more.end(), "")
    low, _ = c.values(count=True)
    if not head or head[0] != "deaths" or low is None:
        return None
    sign = -1 if more.group("c").lower() in ("fewer", "less") else 1
    return [c.figure(head[1], low, "deaths", "count", change=sign, noun_end=head[1])]


def _counted(c: _Candidate) -> list[_Figure] | None:
    """ "20,000 deaths", "9.5 million counterfeit pills", "25 health care professionals"."""
    head = _noun_head(c.text, c.end, c.limit)
    if not head:
        return None
    unit, end, noun = head
    low, high = c.values(count=True)
    if low is None or (low < (3 if unit == "count" else 2) and high is None):
        return []  # "one person", "two doses": not a figure worth charting
    unit = _what_people_count(c, unit, end) if unit == "people" else unit
    if unit == "deaths":
        unit = _deaths_or_overdoses(c, noun, end)
    if unit == "deaths":
        per_day = _PER_DAY_AFTER.match(c.text, end, c.limit)
        end = per_day.end() if per_day else end
        if per_day or _per_day_cue(c.text, c.s0, c.s1, c.fig_start, end):
            unit = "deaths_per_day"
    return [c.figure(end, low, unit, "count", high, noun_end=end, noun=noun)]


def _what_people_count(c: _Candidate, unit: str, end: int) -> str:
    """People who died ("took the lives of 1 million Americans") or might ("enough to kill 500,000 people")."""
    if _POTENTIAL_KILL.search(c.before[-60:]):
        return "people"
    if _KILL_BEFORE.search(c.text, max(c.s0, c.fig_start - 40), c.fig_start) or _PEOPLE_DIE.match(
        c.text[end : c.limit]
    ):
        return "deaths"
    return unit


def _deaths_or_overdoses(c: _Candidate, noun: str, end: int) -> str:
    """ "saved 500 lives", "reversed 1,400 overdoses", "3,400 suspected overdoses" are not deaths."""
    recent = c.before[-60:]
    if noun == "lives" and not _KILL_BEFORE.search(recent) and _SAVED.search(recent):
        return "count"
    if noun in ("overdoses", "poisonings"):
        if _NONFATAL.search(c.text, c.s0, c.s1) and not _FATAL.search(c.text, c.s0, c.s1):
            return "count"
        if noun == "overdoses" and _NOT_FATAL_MODIFIER.search(c.text, c.fig_start, end):
            return "count"
    return "deaths"


def _per_day_bare(c: _Candidate) -> list[_Figure] | None:
    """ "2,550 died in 2021, or about seven a day"."""
    per_day = _PER_DAY_AFTER.match(c.text, c.end, c.limit)
    if not per_day or c.n2 is not None or not _DEATH_CONTEXT.search(c.text, c.s0, c.s1):
        return None
    low, _ = c.values(count=True)
    return [c.figure(per_day.end(), low, "deaths_per_day", "count")] if low is not None and low >= 2 else None


def _among(c: _Candidate) -> list[_Figure] | None:
    """ "Among 10 pills caught last year, ... four contained 2 milligrams": a share."""
    verb = _AMONG_VERB.match(c.text, c.end, c.limit)
    if not verb or not c.among or c.n2 is not None:
        return None
    low, _ = c.values(count=False)
    a_start, den, _noun = c.among[-1]
    if low is None or not 0 < low < den or a_start < c.s0:
        return None
    return [
        _Figure(
            a_start,
            verb.end(),
            round(100 * low / den, 1),
            "percent",
            "percent",
            None,
            c.qualifier,
            share=True,
        )
    ]


def _count_named_before(c: _Candidate) -> list[_Figure] | None:
    """ "deaths reached 107,622", "the death toll stood at 93,000", "deaths fell by 2,000"."""
    lo = max(c.s0, c.fig_start - 110)
    back = _BACK_GATE.search(c.text, lo, c.fig_start) and _BACK_COUNT.search(c.text, lo, c.fig_start)
    if not back:
        return None
    low, high = c.values(count=True)
    # "deaths ... were under 35" is an age: small figures need a verb of counting
    if low is None or low < 10 or (low < 100 and back.group("be")):
        return None
    sign = _near_cue(c.before[: len(c.before) - (c.start - c.fig_start)]) if back.group("by") else 0
    if back.group("by") and not sign:
        return None
    return [c.figure(c.end, low, "deaths", "count", high, change=sign)]


# Most specific first: a unit right after the number beats a noun further on or a word before.
_STAGES: tuple[_Stage, ...] = (
    _money,
    _percent,
    _multiple,
    _rate,
    _weight,
    _duration,
    _ratio,
    _count_difference,
    _counted,
    _per_day_bare,
    _among,
    _count_named_before,
)


def _classify_number(
    text: str,
    m: re.Match,
    sent: tuple[int, int],
    among: list[tuple[int, float, str]],
    before: str,
    end: int,
    n2: str | None,
) -> list[_Figure]:
    s0, s1 = sent
    start, n1 = m.start(), m.group("n1")
    money = bool(m.group("cur"))
    limit = min(s1, end + _MAX_LOOK)
    if not money and n2 is None and _YEAR.fullmatch(n1):
        nxt = _WORD.match(text, end, limit)
        if not (nxt and nxt.group(1).lower() in lx.COUNT_NOUNS) or _preceding_word(before) in lx.YEAR_WORDS:
            return []
    if n2 is not None and _YEAR.fullmatch(n1):
        return []
    if _preceding_word(before) in lx.LABEL_WORDS or _after_among(text, s0, start):
        return []
    if end < len(text) and text[end].isalpha() and not money:
        if not (_PERCENT.match(text, end) or _WEIGHT.match(text, end) or _TIMES.match(text, end)):
            return []  # "1990s", "3rd", "4ANPP"
    qualifier, fig_start = _qualifier(text, s0, start)
    candidate = _Candidate(text, m, s0, s1, before, end, n2, limit, fig_start, qualifier, among)
    for stage in _STAGES:
        figures = stage(candidate)
        if figures is not None:
            return figures
    return []


def _per_day_cue(text: str, s0: int, s1: int, fig_start: int, fig_end: int) -> bool:
    """ "Every day, 130 persons die" or "130 die of overdoses every day", not "..., or seven a day"."""
    if _PER_DAY.search(text, s0, fig_start):
        return True
    stop = _CLAUSE_PUNCT.search(text, fig_end, s1)
    return _PER_DAY.search(text, fig_end, stop.start() if stop else s1) is not None


def _compared_figure(text: str, m: re.Match, sent: tuple[int, int], found: list) -> _Figure | None:
    """A bare number that repeats the unit of the figure before it, or None."""
    if m.group("n2") is not None or m.group("cur") or not found or found[-1][1] != sent:
        return None
    prev = found[-1][0]
    return _compared(text, m, sent, prev) or _part_of_whole(text, m, sent, prev)


def _compared(text: str, m: re.Match, sent: tuple[int, int], prev: _Figure) -> _Figure | None:
    """A bare number compared with the figure before it takes its unit: "1.2 million pills
    ..., up from 460,000", "52 deaths ..., compared with 31", "from 6.1 per 100,000 ... to 21.7"."""
    if prev.kind not in ("count", "weight", "rate") or m.start() - prev.end > 80:
        return None
    lead = _COMPARED_BEFORE.search(text, max(sent[0], m.start() - 40), m.start())
    if not lead:
        return _count_change(text, m, sent, prev)
    if lead.group("to") and not _FROM_BEFORE.search(text, max(sent[0], prev.start - 30), prev.start):
        return None
    n1 = m.group("n1")
    if _YEAR.fullmatch(n1) or not _BARE_AFTER.match(text, m.end(), sent[1]):
        return None
    if lead.group("and") and (prev.kind != "count" or m.start() - prev.end > 40):
        return None  # "1,581 in 2017 and 1,019 in 2018"
    value = parse_number(n1, count=prev.unit in _COUNT_UNITS or prev.kind == "weight")
    if value is None:
        return None
    qualifier, q0 = _qualifier(text, sent[0], m.start())
    return _Figure(
        q0, m.end(), value, prev.unit, prev.kind, None, qualifier, level=True, leader=prev.leader or prev
    )


def _count_change(text: str, m: re.Match, sent: tuple[int, int], prev: _Figure) -> _Figure | None:
    """ "rose to 620 in 2023, up 200 from the previous year": the change in the count just given."""
    lead = _UP_DOWN_BEFORE.search(text, max(sent[0], m.start() - 12), m.start())
    if lead is None or prev.kind != "count" or not _BARE_AFTER.match(text, m.end(), sent[1]):
        return None
    value = parse_number(m.group("n1"), count=True)
    if value is None or _YEAR.fullmatch(m.group("n1")):
        return None
    sign = 1 if lead.group(1).lower() == "up" else -1
    qualifier, q0 = _qualifier(text, sent[0], m.start())
    return _Figure(lead.start(), m.end(), value, prev.unit, "count", None, qualifier, sign)


def _part_of_whole(text: str, m: re.Match, sent: tuple[int, int], prev: _Figure) -> _Figure | None:
    """ "Of the 93,000 overdose deaths in 2020, about 69,000 involved opioids", "accounted for
    42,249 of them", "including 290 fatal ones": a part of a count."""
    if prev.kind != "count" or _YEAR.fullmatch(m.group("n1")):
        return None
    ones = _ONES.match(text, m.end(), sent[1])
    of_them = _OF_THEM.match(text, m.end(), sent[1])
    of_the = _OF_THE_BEFORE.search(text, max(sent[0], prev.start - 20), prev.start)
    if not (ones or of_them or (of_the and _AMONG_VERB.match(text, m.end(), sent[1]))):
        return None
    value = parse_number(m.group("n1"), count=True)
    if value is None or value >= prev.value:
        return None
    if ones and ones.group("adj") and ones.group("adj").lower() in ("fatal", "deadly", "lethal"):
        qualifier, q0 = _qualifier(text, sent[0], m.start())
        return _Figure(q0, ones.end(), value, "deaths", "count", None, qualifier, noun_end=ones.end())
    tail = ones or of_them
    end = tail.end() if tail else m.end()
    unit = "deaths" if _FATAL_AFTER.match(text, end, sent[1]) else prev.unit  # "two of them fatally"
    qualifier, q0 = _qualifier(text, sent[0], m.start())
    return _Figure(q0, end, value, unit, prev.kind, None, qualifier, level=True, noun_end=end)


def _near_cue(before: str) -> int:
    """Sign of a change word among the last few words before a figure ("down 43%")."""
    words = re.findall(r"[a-z]+", before.lower())[-4:]
    for word in reversed(words):
        if word in lx.CHANGE_CUES and word not in ("more", "less"):
            return lx.CHANGE_CUES[word]
    return 0


def _far_cue(text: str, lo: int, start: int) -> int:
    """Sign of the nearest strong change word earlier in the clause ("decreases ..., including of 50%")."""
    clause = text[lo:start]
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(clause)]
    if breaks:
        clause = clause[breaks[-1] :]
    weak = {"more", "less", "fewer", "higher", "lower", "up", "down", "cut"}
    for word in reversed(re.findall(r"[a-z]+", clause.lower())[-25:]):
        if word in lx.CHANGE_CUES and word not in weak:
            return lx.CHANGE_CUES[word]
    return 0


# ---------------------------------------------------------------- metrics
def _substance(text: str, lo: int, hi: int, fig: _Figure, kw: _Keywords) -> str | None:
    """The metric named nearest to the figure: in its own span, then its complement, then the sentence."""
    metrics = lx.SUBSTANCE_METRICS
    own = [i for i, _h0, _h1 in kw.between(fig.start, fig.end)]
    involving = _INVOLVING.match(text, fig.end, hi)
    if involving:
        tail = [i for i, _h0, _h1 in kw.between(involving.start(), involving.end())]
        if tail:
            return metrics[min(tail)][1]
    if own:
        named = metrics[min(own)][1]
        if named in lx.SPECIFIC_METRICS:
            return named
        if _LINK_VERB.search(text, lo, fig.start):
            # "fentanyl, which for the first time goes beyond 60.000 overdose deaths"
            specific = [
                i for i, _h0, _h1 in kw.between(lo, fig.start) if metrics[i][1] in lx.SPECIFIC_METRICS
            ]
            if specific:
                return metrics[min(specific)][1]
        return named
    hits: list[tuple[int, int, int, int, str]] = []
    for i, h0, h1 in kw.between(lo, hi):
        if _COMPARED_WITH.search(text, max(lo, h0 - 12), h0):
            continue  # "stronger than heroin", "drugs like fentanyl": not what is counted
        if h1 <= fig.start:
            dist = fig.start - h1
        else:
            dist = max(h0 - fig.end, 0)
            if _CLAUSE_PUNCT.search(text, fig.end, h0):
                continue  # a keyword in a later clause is about something else
        hits.append((dist, i, h0, h1, lx.SUBSTANCE_METRICS[i][1]))
    if not hits:
        return None
    best = min(hits)
    # A more specific word in the same noun phrase wins: "Heroin overdose deaths".
    best_index, best_start = best[1], best[2]
    for _dist, i, _h0, h1, name in sorted(hits, key=lambda h: h[1]):
        if i < best_index and 0 <= best_start - h1 <= 25 and not _CLAUSE_PUNCT.search(text, h1, best_start):
            return name
    return best[4]


def _last_substance(kw: _Keywords, lo: int, hi: int) -> str | None:
    """The metric keyword closest to the end of a span (the previous sentence)."""
    hits = [(h1, -i) for i, _h0, h1 in kw.between(lo, hi)]
    return lx.SUBSTANCE_METRICS[-max(hits)[1]][1] if hits else None


def _metric(
    text: str, sent: tuple[int, int], fig: _Figure, kw: _Keywords, *, previous: tuple[int, int] | None = None
) -> str:
    lo, hi = _context(sent, fig.start, fig.end)
    span = text[fig.start : fig.end]
    base = _substance(text, lo, hi, fig, kw)
    bounds = sent
    if base is None and previous is not None and fig.kind in ("percent", "fold", "rate"):
        # "Overdose deaths are down 43%. This includes decreases ... of 50% in Beaver County"
        base = _last_substance(kw, *previous)
        if base is not None:
            bounds = (previous[0], sent[1])

    def in_sentence(rx: re.Pattern) -> bool:
        return kw.has(rx, *bounds)

    if fig.kind == "money":
        if in_sentence(_SEIZE) and in_sentence(_CASH):
            return "cash_seized"
        if in_sentence(_VALUE_WORDS):
            return "street_value"
        if in_sentence(_SETTLE):
            return "settlement"
        if in_sentence(_REVENUE):
            return "revenue"
        return "funding" if in_sentence(_FUNDING) else "cost"
    if fig.kind == "interval":
        return "interval_between_overdose_deaths"
    if fig.kind == "weight":
        if fig.unit in ("mg", "mcg") and (in_sentence(_LETHAL) or not in_sentence(_STRICT_SEIZE)):
            return "lethal_dose"
        return "seizures"
    # What kind of thing the sentence counts, when the keyword names only a drug.
    if base and base.endswith("_deaths") and not in_sentence(_FATAL):
        if in_sentence(_NONFATAL):
            base = "nonfatal_overdoses"
        elif in_sentence(_STRICT_SEIZE):
            base = "seizures"
    if fig.kind == "rate":
        return (base or "overdose_deaths").replace("_deaths", "_death_rate")
    if fig.kind == "fold":
        if _POTENCY.search(span) or in_sentence(_POTENCY):
            if _MORPHINE.search(span):
                return "potency_vs_morphine"
            if _HEROIN.search(span) or in_sentence(_HEROIN):
                return "potency_vs_heroin"
            return "potency"
        if base is None:
            if in_sentence(_STRICT_SEIZE):
                return "seizures_change"
            return "overdose_deaths_change" if in_sentence(_DEATH_CONTEXT) else "other"
        return f"{base}_change"
    if fig.kind == "percent":
        rate = bool(_RATE_WORD.search(text, max(lo, fig.start - 40), fig.start))
        if fig.change:
            if base is None and in_sentence(_STRICT_SEIZE):
                return "seizures_change"
            if base is None and not in_sentence(_DEATH_CONTEXT):
                return "other_change"
            base = base or "overdose_deaths"
            return (base.replace("_deaths", "_death_rate") if rate else base) + "_change"
        # what the share is of: its own span, or the words right after "half of the 2,000 ..."
        stop = _CLAUSE_PUNCT.search(text, fig.end, min(hi, fig.end + 40))
        whole = text[fig.start : stop.start() if stop else min(hi, fig.end + 40)]
        # "Of the 8,000 pills seized, roughly a quarter contained ...": the pills are named before
        if _TEEN.search(whole) and _DEATH_CONTEXT.search(whole):
            return "teen_overdose_share"
        pills = _PILL.search(whole) or (" of " not in span and in_sentence(_PILL))
        if pills and in_sentence(_LETHAL):
            return "counterfeit_pill_share"
        return f"{base}_share" if base and _DEATH_CONTEXT.search(whole) else "other"
    # counts
    if fig.change:
        return f"{base or 'overdose_deaths'}_change"
    noun = text[fig.start : fig.end].lower().split()[-1] if fig.end > fig.start else ""
    if noun in ("arrests", "indictments", "convictions", "prosecutions", "prescriptions"):
        return noun
    if fig.unit == "deaths_per_day":
        return "overdose_deaths_per_day"
    if fig.unit == "deaths":
        return base or "overdose_deaths"
    if fig.unit == "count" and (base == "nonfatal_overdoses" or span.lower().endswith("overdoses")):
        return (
            "nonfatal_overdoses" if base == "nonfatal_overdoses" or "fatal" in span.lower() else "overdoses"
        )
    if fig.unit in ("pills", "count") and in_sentence(_SEIZE):
        return "seizures"
    near = text[max(lo, fig.start - 60) : min(hi, fig.end + 40)]
    if fig.unit == "people" and _POTENTIAL_KILL.search(text, max(lo, fig.start - 60), fig.start):
        return "potential_lethal_doses"
    if _NALOXONE.search(near):
        return "naloxone"
    if "dose" in span.lower() and _LETHAL.search(near):
        return "potential_lethal_doses"
    if _PROSECUTE.search(near):
        return "prosecutions"
    if _ARREST.search(near):
        return "arrests"
    return "other"


# ---------------------------------------------------------------- other candidates
def _fractions(text: str, starts: list[int]) -> list[tuple[_Figure, tuple[int, int]]]:
    out = []
    for m in _FRACTION_CATCH.finditer(text):
        sent = _sentence(starts, text, m.start())
        prev = _preceding_word(text[max(sent[0], m.start() - 20) : m.start()])
        if prev in ("first", "second", "last", "latter", "past", "the", "next", "and"):
            continue
        value = fraction_percent(m.group("f"))
        if value is None:
            continue
        end = _np_end(text, m.end(), sent[1])
        tail = text[m.end() : end].lower().split()
        if tail and tail[-1].rstrip(".,") in lx.TIME_UNITS:
            continue  # "a quarter of a century"
        if not tail and _OF_YEAR.match(text, m.end()):
            continue  # "half of 2019"
        qualifier, qstart = _qualifier(text, sent[0], m.start())
        out.append(
            (_Figure(qstart, end, round(value, 1), "percent", "percent", None, qualifier, 0, True), sent)
        )
    return out


def _fold_verbs(text: str, starts: list[int], kw: _Keywords) -> list[tuple[_Figure, tuple[int, int]]]:
    out = []
    for m in _FOLD_VERB_CATCH.finditer(text):
        sent = _sentence(starts, text, m.start())
        value = (
            lx.FOLD_VERBS[m.group("v").lower()] if m.group("v") else parse_number(m.group("w"), count=False)
        )
        if value is None:
            continue
        qualifier, qstart = _qualifier(text, sent[0], m.start())
        fig = _Figure(qstart, m.end(), value, "fold", "fold", None, qualifier, 1)
        lo, hi = _context(sent, fig.start, fig.end)
        if _substance(text, lo, hi, fig, kw) is None and not (
            _DEATH_CONTEXT.search(text, lo, hi) or _SEIZE.search(text, lo, hi)
        ):
            continue  # "doubled the FBI's investment": not a drug figure
        out.append((fig, sent))
    return out


# ---------------------------------------------------------------- entry point
def find_statistics(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[Statistic]:
    """Figures cited in ``text`` with value, unit, qualifier and metric.

    Args:
        text: the normalised article text.
        skip: ``(start, end)`` spans (captions, boilerplate) whose figures are ignored.

    Returns:
        Statistics in text order; ``period`` and ``speaker`` are left ``None``.

    Notes:
        Rule-based; see the module docstring. Changes carry a sign; a list of figures after
        one change word ("down 43% ..., 50% in Beaver County, 47% in ...") shares its sign.
    """
    starts = _sentence_starts(text)
    skipped = _Skip(skip)
    found: list[tuple[_Figure, tuple[int, int]]] = []
    consumed = -1
    among: list[tuple[int, float, str]] = []
    for m in _NUMBER_CATCH.finditer(text):
        if m.start() < consumed or skipped.covers(m.start()):
            continue
        sent = _sentence(starts, text, m.start())
        lead = _after_among(text, sent[0], m.start())
        if lead:  # "Among 10 pills ...": the base of a share given later in the sentence
            den = parse_number(m.group("n1"), count=True)
            if den:
                among.append((lead.start(), den, ""))
        ctx = _context(sent, m.start(), m.end())
        figures = _classify(text, m, ctx, [x for x in among if x[0] >= sent[0]])
        if not figures:
            compared = _compared_figure(text, m, sent, found)
            figures = [compared] if compared else []
        for fig in figures:
            found.append((fig, sent))
            consumed = max(consumed, fig.noun_end if fig.kind == "count" else fig.end)
            if fig.kind == "percent" and fig.share and fig.end > m.end() and _RATIO.match(text, m.end()):
                consumed = max(consumed, fig.end)
    kw = _Keywords(text)
    found += [
        f for f in _fractions(text, starts) + _fold_verbs(text, starts, kw) if not skipped.covers(f[0].start)
    ]
    found.sort(key=lambda item: item[0].start)
    found = _carry_signs(text, found)
    found = _drop_title_repeats(text, found)
    out = []
    metrics: dict[int, str] = {}
    for fig, sent in found:
        inherited = metrics.get(id(fig.leader)) if fig.leader is not None else None
        if inherited and fig.level and inherited.endswith("_change"):
            inherited = inherited[: -len("_change")] + "_share"  # "rose 12 points, to 68 percent"
        previous = (
            _context(_sentence(starts, text, sent[0] - 1), sent[0] - 1, sent[0]) if sent[0] > 0 else None
        )
        metrics[id(fig)] = inherited or _metric(text, sent, fig, kw, previous=previous)
        if (
            fig.unit in ("people", "count")
            and metrics[id(fig)] == "other"
            and not kw.has(_DRUG_CONTEXT, *sent)
        ):
            continue  # "12 nurses", "4 victims": people counted in a sentence about something else
        sign = -1 if fig.change < 0 and fig.kind in ("percent", "count") else 1
        value = fig.value * sign
        high = None if fig.value_high is None else fig.value_high * sign
        out.append(
            Statistic(
                text=text[fig.start : fig.end],
                start=fig.start,
                end=fig.end,
                value=float(value),
                unit=_unit(fig),
                metric=metrics[id(fig)],
                value_high=None if high is None else float(high),
                qualifier=fig.qualifier,
            )
        )
    return out


class _Skip:
    """Boilerplate spans (captions, newsletter lines) whose numbers are not looked at."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        self.spans = merged
        self.starts = [a for a, _ in merged]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]


def _unit(fig: _Figure) -> str:
    """A generic count is reported in its own noun ("listings", "arrests", "doses")."""
    if fig.unit == "count" and fig.noun in lx.COUNT_NOUNS and lx.COUNT_NOUNS[fig.noun] == "count":
        return lx.COUNT_UNIT_NAMES.get(fig.noun, fig.noun)
    return fig.unit


def _carry_signs(
    text: str, found: list[tuple[_Figure, tuple[int, int]]]
) -> list[tuple[_Figure, tuple[int, int]]]:
    """A percent with no change word of its own takes the sign of the list it sits in."""
    last_change: _Figure | None = None
    last_percent: _Figure | None = None
    last_sent = None
    for fig, sent in found:
        if sent != last_sent:
            last_change, last_percent, last_sent = None, None, sent
        if fig.kind != "percent":
            continue
        if fig.change:
            last_change = last_percent = fig
            continue
        if fig.level and last_percent is not None:
            fig.leader = last_percent.leader or last_percent  # "60% ..., up from 14% in 2010"
        last_percent = fig
        if fig.share or fig.level:
            continue
        if last_change is not None:
            fig.change = last_change.change
            fig.leader = last_change.leader or last_change
        else:
            fig.change = _far_cue(text, max(sent[0], fig.start - _MAX_CONTEXT), fig.start)
        if fig.change:
            last_change = fig
    return found


def _drop_title_repeats(
    text: str, found: list[tuple[_Figure, tuple[int, int]]]
) -> list[tuple[_Figure, tuple[int, int]]]:
    """A figure in a title line that the body repeats is counted once, in the body."""
    first_nl = text.find("\n")
    if first_nl < 0 or first_nl > 250 or text[:first_nl].rstrip().endswith((".", "”", '"')):
        return found
    body = {(f.value, f.unit) for f, _ in found if f.start > first_nl}
    return [(f, s) for f, s in found if f.start > first_nl or (f.value, f.unit) not in body]
