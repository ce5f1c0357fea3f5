"""Unit and value of one number as written: a cascade of stages, most specific first."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import lexicon as lx
from . import stat_patterns as rx
from .numbers import UNITS_WORDS, parse_number
from .stat_figure import Figure
from .stat_text import after_among as _after_among
from .stat_text import find_qualifier, near_cue, preceding_word


def noun_head(text: str, pos: int, limit: int, *, open_plural: bool = False) -> tuple[str, int, str] | None:
    """The counted noun after a number: (unit, end offset, noun), or None.

    With ``open_plural``, a plural head outside the lexicon ("3,150 submissions") is a generic
    count unless it names a place, a body or a document (``NOT_COUNTED_NOUNS``); the caller
    keeps it only in a sentence about drugs.
    """
    plain = (
        open_plural  # an open head may follow only plain modifiers, never a verb ("69,000 involved opioids")
    )
    for _ in range(5):
        m = rx.WORD.match(text, pos, limit)
        if not m:
            return None
        word = m.group(1).rstrip(".").lower().replace("’", "'")
        if word[0].isdigit():  # a pill strength inside the phrase
            pos = m.end()
            continue
        if word in lx.COUNT_NOUNS:
            return lx.COUNT_NOUNS[word], m.end(1) - (m.group(1).endswith(".")), word
        if rx.DEMONYM.fullmatch(m.group(1)):
            return "people", m.end(1), word  # "Pennsylvanians", "New Yorkers"
        if word in ("and", "or", "&"):  # "76 billion oxycodone and hydrocodone pills"
            pos = m.end()
            continue
        if word in lx.NP_STOPWORDS or word in lx.TIME_UNITS or word in lx.WEIGHT_UNITS or word in UNITS_WORDS:
            return None
        if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
            # the head is some other plural: "25 counties" is not a figure, "37 shipments" may be
            if (
                plain
                and m.group(1).islower()
                and word.isalpha()
                and word not in lx.NOT_COUNTED_NOUNS
                and not word.endswith(lx.ROLE_ENDINGS)
            ):
                return "count", m.end(1) - m.group(1).endswith("."), word
            return None
        plain = plain and m.group(1).islower() and not word.endswith(("ed", "ing"))
        pos = m.end()
    return None


def as_many_end(text: str, pos: int, limit: int) -> int:
    """End of "as many overdose deaths" / "as much fentanyl" after a multiple, or ``pos``."""
    many = rx.AS_MANY.match(text, pos, limit)
    if not many:
        return pos
    head = noun_head(text, many.end(), limit)
    if head:
        return head[1]
    drug = rx.MASS_DRUG.match(text, many.end(), limit)
    return drug.end() if drug else many.end()


def np_end(text: str, pos: int, limit: int, *, max_words: int = 6) -> int:
    """End of an "of ..." noun phrase after a share ("27% of a sample of counterfeit pills")."""
    m = rx.SHARE_AFTER.match(text, pos, limit)
    if not m:
        return pos
    end, cur = pos, m.end() - 1
    for _ in range(max_words):
        w = rx.NP_WORD.match(text, cur, limit)
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


def classify(
    text: str,
    m: re.Match,
    sent: tuple[int, int],
    among: list[tuple[int, float, str]],
    *,
    after_among: bool | None = None,
) -> list[Figure]:
    """Figures of the number ``m`` in the context ``sent``; ``after_among``: whether "among"
    comes right before it (``stat_text.after_among``), when the caller knows already."""
    s0 = sent[0]
    start, end = m.start(), m.end()
    n2 = m.group("n2")
    before = text[max(s0, start - rx.MAX_LOOK) : start]
    fromto = False
    if n2 is not None:
        sep = m.group("sep").strip().lower()
        if sep == "and" and not re.search(r"\bbetween\s*$", before, re.I):
            n2, end = None, m.end("n1")
        fromto = sep == "to" and bool(re.search(r"\bfrom\s*$", before, re.I))
    if after_among is None:
        after_among = _after_among(text, s0, start) is not None
    figures = _classify_number(text, m, sent, among, before, end, n2, after_among)
    high_value = figures[0].value_high if len(figures) == 1 else None
    if fromto and high_value is not None:
        # "rose from 2.4 to 5.2 per 100,000": two levels, not a range
        fig = figures[0]
        low = Figure(fig.start, m.end("n1"), fig.value, fig.unit, fig.kind, None, fig.qualifier, level=True)
        high = Figure(
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
    before: str  # up to rx.MAX_LOOK characters before the number, same sentence
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

    def figure(self, end: int, value: float, unit: str, kind: str, high: float | None = None, **kw) -> Figure:
        return Figure(self.fig_start, end, value, unit, kind, high, self.qualifier, **kw)

    def level_word(self) -> bool:
        """ "up from 14%", "rose to 20%": the figure is a level, not a change."""
        word = preceding_word(self.text[max(self.s0, self.fig_start - 20) : self.fig_start])
        return word in ("from", "to", "at")


# Each stage returns figures (possibly none, meaning "not a statistic, stop") or None ("not mine").
_Stage = Callable[[_Candidate], "list[Figure] | None"]


def _money(c: _Candidate) -> list[Figure] | None:
    """ "almost $80bn a year", "80 billion dollars"."""
    dollars = rx.DOLLARS.match(c.text, c.end, c.limit)
    if not (c.m.group("cur") or dollars):
        return None
    low, high = c.values(count=False)
    if low is None:
        return []
    end = dollars.end() if dollars else c.end
    per_year = rx.PER_YEAR.match(c.text, end, c.limit)
    return [c.figure(per_year.end() if per_year else end, low, "usd", "money", high)]


def _percent(c: _Candidate) -> list[Figure] | None:
    """Shares ("27% of a sample of pills") and signed changes ("down 43%", "a 3.15% decrease")."""
    pct = rx.PERCENT.match(c.text, c.end, c.limit)
    if not pct:
        return None
    low, high = c.values(count=False)
    if low is None:
        return []
    end = pct.end()
    cue = rx.CHANGE_AFTER.match(c.text, end, c.limit)
    sign = lx.CHANGE_CUES[cue.group("c").lower()] if cue else 0
    end = cue.end() if cue else end
    level = c.level_word()
    if not sign and not level:
        sign = near_cue(c.text[max(c.s0, c.fig_start - 40) : c.fig_start])
    share = False
    if rx.SHARE_AFTER.match(c.text, end, c.limit):
        share = not sign
        end = np_end(c.text, end, c.limit)
    return [c.figure(end, low, "percent", "percent", high, change=sign, share=share, level=level)]


def _multiple(c: _Candidate) -> list[Figure] | None:
    """ "50 times more powerful than heroin", "50-100 times", "a 5-fold increase"."""
    times = rx.TIMES.match(c.text, c.end, c.limit)
    if not times:
        return None
    comp = rx.COMPARISON.match(c.text, times.end(), c.limit)
    low, high = c.values(count=False)
    if low is None or (not comp and "fold" not in times.group(0).lower()):
        return []  # "arrested 5 times"
    end = comp.end() if comp else times.end()
    if comp and comp.group(0).rstrip().lower().endswith(" as"):
        end = as_many_end(c.text, end, c.limit)  # "three times as many overdose deaths"
    cue = rx.CHANGE_AFTER.match(c.text, end, c.limit)
    return [c.figure(cue.end() if cue else end, low, "fold", "fold", high)]


def _rate(c: _Candidate) -> list[Figure] | None:
    """ "32.6 per 100,000": one figure, never two."""
    rate = rx.RATE.match(c.text, c.end, c.limit)
    if not rate:
        return None
    low, high = c.values(count=False)
    return [c.figure(rate.end(), low, "per_100k", "rate", high)] if low is not None else []


def _weight(c: _Candidate) -> list[Figure] | None:
    """ "approximately two milligrams", "six pounds of fentanyl", "45 kg"."""
    weight = rx.WEIGHT.match(c.text, c.end, c.limit)
    if not weight:
        return None
    unit = lx.WEIGHT_UNITS[weight.group("u").lower()]
    low, high = c.values(count=unit not in ("mg", "mcg"))
    if low is None or (unit in ("mg", "mcg") and rx.PILL_STRENGTH.match(c.text, weight.end("u"), c.limit)):
        return []  # "30 mg oxycodone pills": a pill's label, not a figure
    end = weight.end() if weight.group("of") else weight.end("u")
    return [c.figure(end, low, unit, "weight", high)]


def _mme(c: _Candidate) -> list[Figure] | None:
    """ "45 morphine milligram equivalents": the standard measure of a prescribed opioid dose."""
    mme = rx.MME.match(c.text, c.end, c.limit)
    if not mme:
        return None
    low, high = c.values(count=False)
    return [c.figure(mme.end(), low, "mme", "mme", high)] if low is not None else []


def _duration(c: _Candidate) -> list[Figure] | None:
    """Durations and ages are not figures; "a life every five minutes" is."""
    dur = rx.TIME.match(c.text, c.end, c.limit)
    if not dur:
        return None
    unit = dur.group("t").lower()
    every = rx.EVERY_BEFORE.search(c.before)
    if every and unit in lx.TIME_TO_MINUTES and rx.DEATH_CONTEXT.search(c.text, c.s0, c.s1):
        low, _ = c.values(count=False)
        if low is not None:
            start = c.start - (len(c.before) - every.start())
            return [Figure(start, dur.end(), low * lx.TIME_TO_MINUTES[unit], "minutes", "interval")]
    return []


def _ratio(c: _Candidate) -> list[Figure] | None:
    """ "4 in 10 pills", "one in three", "four out of ten" as percent."""
    ratio = rx.RATIO.match(c.text, c.end, c.limit)
    if not ratio or c.n2 is not None:
        return None
    low, _ = c.values(count=False)
    den = parse_number(ratio.group("den"), count=False)
    noun = noun_head(c.text, ratio.end(), c.limit)
    # "one in four", "four of 10 pills"; but "one of 25 investigations" is not a share
    share_like = ratio.group("rel").lower() == "in" or noun is not None or den in (10, 100, 1000)
    if low == 1 and ratio.group("rel").lower() == "of" and "every" not in ratio.group(0).lower():
        share_like = False  # "one of 12 people who died": a member of a count, not a share
    if low is None or not den or not 0 < low < den or not share_like or rx.YEAR.fullmatch(ratio.group("den")):
        return None
    end = noun[1] if noun else ratio.end()
    return [c.figure(end, round(100 * low / den, 1), "percent", "percent", share=True, level=c.level_word())]


def _count_difference(c: _Candidate) -> list[Figure] | None:
    """ "10,000 fewer overdose deaths", "47 deaths ..., 12 more than a year ago"."""
    more = rx.MORE_FEWER.match(c.text, c.end, c.limit)
    if not more or c.n2 is not None:
        return None
    head = noun_head(c.text, more.end(), c.limit)
    if (
        head is None
        and rx.THAN.match(c.text, more.end(), c.limit)
        and rx.DEATH_CONTEXT.search(c.text, c.s0, c.fig_start)
    ):
        head = ("deaths", more.end(), "")
    low, _ = c.values(count=True)
    if not head or head[0] != "deaths" or low is None:
        return None
    sign = -1 if more.group("c").lower() in ("fewer", "less") else 1
    return [c.figure(head[1], low, "deaths", "count", change=sign, noun_end=head[1])]


def _counted(c: _Candidate) -> list[Figure] | None:
    """ "20,000 deaths", "9.5 million counterfeit pills", "25 health care professionals"."""
    head = noun_head(c.text, c.end, c.limit, open_plural=True)
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
        per_day = rx.PER_DAY_AFTER.match(c.text, end, c.limit)
        end = per_day.end() if per_day else end
        if per_day or _per_day_cue(c.text, c.s0, c.s1, c.fig_start, end):
            unit = "deaths_per_day"
    return [c.figure(end, low, unit, "count", high, noun_end=end, noun=noun)]


def _what_people_count(c: _Candidate, unit: str, end: int) -> str:
    """People who died ("took the lives of 1 million Americans") or might ("enough to kill 500,000 people")."""
    if rx.POTENTIAL_KILL.search(c.before[-60:]):
        return "people"
    if rx.KILL_BEFORE.search(c.text, max(c.s0, c.fig_start - 40), c.fig_start) or rx.PEOPLE_DIE.match(
        c.text[end : c.limit]
    ):
        return "deaths"
    return unit


def _deaths_or_overdoses(c: _Candidate, noun: str, end: int) -> str:
    """ "saved 500 lives", "reversed 1,400 overdoses", "3,400 suspected overdoses" are not deaths."""
    recent = c.before[-60:]
    if noun == "lives" and not rx.KILL_BEFORE.search(recent) and rx.SAVED.search(recent):
        return "count"
    if noun in ("overdoses", "poisonings"):
        if rx.NONFATAL.search(c.text, c.s0, c.s1) and not rx.FATAL.search(c.text, c.s0, c.s1):
            return "count"
        if noun == "overdoses" and rx.NOT_FATAL_MODIFIER.search(c.text, c.fig_start, end):
            return "count"
    return "deaths"


def _per_day_bare(c: _Candidate) -> list[Figure] | None:
    """ "2,550 died in 2021, or about seven a day"."""
    per_day = rx.PER_DAY_AFTER.match(c.text, c.end, c.limit)
    if not per_day or c.n2 is not None or not rx.DEATH_CONTEXT.search(c.text, c.s0, c.s1):
        return None
    low, _ = c.values(count=True)
    return [c.figure(per_day.end(), low, "deaths_per_day", "count")] if low is not None and low >= 2 else None


def _among(c: _Candidate) -> list[Figure] | None:
    """ "Among 10 pills caught last year, ... four contained 2 milligrams": a share."""
    verb = rx.AMONG_VERB.match(c.text, c.end, c.limit)
    if not verb or not c.among or c.n2 is not None:
        return None
    low, _ = c.values(count=False)
    a_start, den, _noun = c.among[-1]
    if low is None or not 0 < low < den or a_start < c.s0:
        return None
    return [
        Figure(
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


def _count_named_before(c: _Candidate) -> list[Figure] | None:
    """ "deaths reached 107,622", "the death toll stood at 93,000", "deaths fell by 2,000"."""
    lo = max(c.s0, c.fig_start - 110)
    back = rx.BACK_GATE.search(c.text, lo, c.fig_start) and rx.BACK_COUNT.search(c.text, lo, c.fig_start)
    if not back:
        return None
    low, high = c.values(count=True)
    # "deaths ... were under 35" is an age: small figures need a verb of counting
    if low is None or low < 10 or (low < 100 and back.group("be")):
        return None
    sign = near_cue(c.before[: len(c.before) - (c.start - c.fig_start)]) if back.group("by") else 0
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
    _mme,
    _duration,
    _ratio,
    _count_difference,
    _counted,
    _per_day_bare,
    _among,
    _count_named_before,
)

# The pattern each of the first stages matches right after the number; a stage whose pattern
# does not match there returns None ("not mine"), so it can be skipped.
_AFTER_STAGES: tuple[tuple[_Stage, re.Pattern[str]], ...] = (
    (_money, rx.DOLLARS),
    (_percent, rx.PERCENT),
    (_multiple, rx.TIMES),
    (_rate, rx.RATE),
    (_weight, rx.WEIGHT),
    (_mme, rx.MME),
    (_duration, rx.TIME),
    (_ratio, rx.RATIO),
    (_count_difference, rx.MORE_FEWER),
)


def _stage_gate() -> re.Pattern[str]:
    """One alternation of the first stages' patterns, in stage order, each branch closed by an
    empty group ``g<i>``: its ``lastgroup`` names the first stage whose pattern matches, so one
    match replaces up to nine tried one after another."""
    branches = []
    for i, (stage, pattern) in enumerate(_AFTER_STAGES):
        body = re.sub(r"(?<!\\)\(\?P<\w+>", "(?:", pattern.pattern)  # no group may close after the marker
        if _STAGES[i] is not stage or pattern.flags != _AFTER_STAGES[0][1].flags:
            raise ValueError(f"stage {i} out of order or with other flags")
        if re.compile(body, pattern.flags).groups:
            raise ValueError(f"a group left in {pattern.pattern!r}")
        branches.append(f"(?:{body})(?P<g{i}>)")
    return re.compile("|".join(branches), _AFTER_STAGES[0][1].flags)


_STAGE_GATE = _stage_gate()
_GATE_INDEX = {f"g{i}": i for i in range(len(_AFTER_STAGES))}


def _first_stage(text: str, end: int, limit: int, money: bool) -> int:
    """Index of the first stage that may claim the number: stages before it would return None."""
    if money:
        return 0  # "$80bn": the money stage claims it without a unit after the number
    gate = _STAGE_GATE.match(text, end, limit)
    return _GATE_INDEX[gate.lastgroup] if gate and gate.lastgroup else len(_AFTER_STAGES)


def _classify_number(
    text: str,
    m: re.Match,
    sent: tuple[int, int],
    among: list[tuple[int, float, str]],
    before: str,
    end: int,
    n2: str | None,
    after_among: bool,
) -> list[Figure]:
    s0, s1 = sent
    start, n1 = m.start(), m.group("n1")
    money = bool(m.group("cur"))
    limit = min(s1, end + rx.MAX_LOOK)
    word_before = preceding_word(before)
    if not money and rx.YEAR.fullmatch(n1):
        if n2 is not None:
            return []
        nxt = rx.WORD.match(text, end, limit)
        if not (nxt and nxt.group(1).lower() in lx.COUNT_NOUNS) or word_before in lx.YEAR_WORDS:
            return []
    elif n2 is not None and rx.YEAR.fullmatch(n1):
        return []
    if word_before in lx.LABEL_WORDS or after_among:
        return []
    if end < len(text) and text[end].isalpha() and not money:
        if not (rx.PERCENT.match(text, end) or rx.WEIGHT.match(text, end) or rx.TIMES.match(text, end)):
            return []  # "1990s", "3rd", "4ANPP"
    qualifier, fig_start = find_qualifier(text, s0, start)
    candidate = _Candidate(text, m, s0, s1, before, end, n2, limit, fig_start, qualifier, among)
    for stage in _STAGES[_first_stage(text, end, limit, money) :]:
        figures = stage(candidate)
        if figures is not None:
            return figures
    return []


def _per_day_cue(text: str, s0: int, s1: int, fig_start: int, fig_end: int) -> bool:
    """ "Every day, 130 persons die" or "130 die of overdoses every day", not "..., or seven a day"."""
    if rx.PER_DAY.search(text, s0, fig_start):
        return True
    stop = rx.CLAUSE_PUNCT.search(text, fig_end, s1)
    return rx.PER_DAY.search(text, fig_end, stop.start() if stop else s1) is not None
