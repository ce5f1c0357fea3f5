"""What a figure counts (its metric), from keywords in its span and sentence."""

from __future__ import annotations

import bisect
import re

from . import lexicon as lx
from . import stat_patterns as rx
from .stat_figure import Figure
from .stat_text import context_bounds, has_case_odd, lowered

# Group name ``s<i>`` of ``rx.ANY_SUBSTANCE`` -> i (a dict lookup, not a string parse per keyword).
_GROUP_INDEX: dict[str | None, int] = {name: int(name[1:]) for name in rx.ANY_SUBSTANCE.groupindex}


class Keywords:
    """Every substance keyword of one text, found in one scan, looked up by range; and
    per-sentence cue words, searched once per sentence however many figures it has."""

    __slots__ = ("text", "starts", "hits", "cache")

    def __init__(self, text: str) -> None:
        self.text = text
        index = _GROUP_INDEX
        self.hits = [(*h.span(), index.get(h.lastgroup, 0)) for h in rx.ANY_SUBSTANCE.finditer(text)]
        self.starts = [h[0] for h in self.hits]
        self.cache: dict[tuple[str, int, int], bool] = {}

    def has(self, rx: re.Pattern, lo: int, hi: int) -> bool:
        key = (rx.pattern, lo, hi)
        if key not in self.cache:
            self.cache[key] = _search(rx, self.text, lo, hi)
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


def _search(pattern: re.Pattern, text: str, lo: int, hi: int) -> bool:
    """Whether ``pattern`` occurs in text[lo:hi]; a sentence holding none of its literal stems
    (most, for most cue lists) is not searched."""
    gate = rx.STEM_GATES.get(pattern)
    if gate is not None:
        low = lowered(text)
        if low is not None:  # the text lowered once (same offsets): no slice per question
            if not gate.search(low, lo, hi):
                return False
        else:
            window = text[lo:hi]
            if not has_case_odd(window) and not gate.search(window.lower()):
                return False
    return pattern.search(text, lo, hi) is not None


# ---------------------------------------------------------------- metrics
def substance(text: str, lo: int, hi: int, fig: Figure, kw: Keywords) -> str | None:
    """The metric named nearest to the figure: in its own span, then its complement, then the sentence."""
    metrics = lx.SUBSTANCE_METRICS
    own = [i for i, _h0, _h1 in kw.between(fig.start, fig.end)]
    involving = rx.INVOLVING.match(text, fig.end, hi)
    if involving:
        tail = [i for i, _h0, _h1 in kw.between(involving.start(), involving.end())]
        if tail:
            return metrics[min(tail)][1]
    if own:
        named = metrics[min(own)][1]
        if named in lx.SPECIFIC_METRICS:
            return named
        if rx.LINK_VERB.search(text, lo, fig.start):
            # "fentanyl, which for the first time goes beyond 60.000 overdose deaths"
            specific = [
                i for i, _h0, _h1 in kw.between(lo, fig.start) if metrics[i][1] in lx.SPECIFIC_METRICS
            ]
            if specific:
                return metrics[min(specific)][1]
        return named
    hits: list[tuple[int, int, int, int, str]] = []
    for i, h0, h1 in kw.between(lo, hi):
        if rx.COMPARED_WITH.search(text, max(lo, h0 - 12), h0):
            continue  # "stronger than heroin", "drugs like fentanyl": not what is counted
        if h1 <= fig.start:
            dist = fig.start - h1
        else:
            dist = max(h0 - fig.end, 0)
            if rx.CLAUSE_PUNCT.search(text, fig.end, h0):
                continue  # a keyword in a later clause is about something else
        hits.append((dist, i, h0, h1, lx.SUBSTANCE_METRICS[i][1]))
    if not hits:
        return None
    best = min(hits)
    # A more specific word in the same noun phrase wins: "Heroin overdose deaths".
    best_index, best_start = best[1], best[2]
    for _dist, i, _h0, h1, name in sorted(hits, key=lambda h: h[1]):
        if i < best_index and 0 <= best_start - h1 <= 25 and not rx.CLAUSE_PUNCT.search(text, h1, best_start):
            return name
    return best[4]


def last_substance(kw: Keywords, lo: int, hi: int) -> str | None:
    """The metric keyword closest to the end of a span (the previous sentence)."""
    hits = [(h1, -i) for i, _h0, h1 in kw.between(lo, hi)]
    return lx.SUBSTANCE_METRICS[-max(hits)[1]][1] if hits else None


_SUBJECT_LOOK = 60  # characters before a change searched for the group it is about ("Teen ...")


def metric_of(
    text: str, sent: tuple[int, int], fig: Figure, kw: Keywords, *, previous: tuple[int, int] | None = None
) -> str:
    """What ``fig`` counts, by its kind and the keywords of its span and sentence."""
    metric = _metric_by_kind(text, sent, fig, kw, previous=previous)
    if metric == "overdose_deaths_change" and _teen_subject(text, sent, fig):
        return "teen_overdose_deaths_change"  # "Teen overdose deaths rose 94%"
    return metric


def _teen_subject(text: str, sent: tuple[int, int], fig: Figure) -> bool:
    """A teen word in the clause right before a change, in its own span, or in a phrase that
    opens the sentence ("Among teenagers, overdose deaths climbed 109%")."""
    lo = max(sent[0], fig.start - _SUBJECT_LOOK)
    ends = [m.end() for m in rx.TEEN.finditer(text, lo, fig.end)]
    if ends and not rx.CLAUSE_PUNCT.search(text, ends[-1], fig.start):
        return True
    return rx.FRONTED_TEEN.match(text, sent[0], fig.start) is not None


def _seized_in_clause(text: str, lo: int, fig: Figure) -> bool:
    """A strict seizure word in the clause right before a figure."""
    a = max(lo, fig.start - _SUBJECT_LOOK)
    breaks = list(rx.CLAUSE_PUNCT.finditer(text, a, fig.start))
    return rx.STRICT_SEIZE.search(text, breaks[-1].end() if breaks else a, fig.start) is not None


def _naloxone_dose(text: str, lo: int, hi: int, fig: Figure) -> bool:
    """A dose named nearer to naloxone/Narcan than to any drug: "Narcan delivers a 4 mg dose".

    The figure's own clause decides when it names either ("a lethal dose of fentanyl is 2 mg,
    while a naloxone dose is 4 mg"); otherwise the nearest in the sentence does.
    """
    before = list(rx.CLAUSE_PUNCT.finditer(text, lo, fig.start))
    after = rx.CLAUSE_PUNCT.search(text, fig.end, hi)
    clause = (before[-1].end() if before else lo, after.start() if after else hi)
    for a, b in (clause, (lo, hi)):
        rescue = [m.start() for m in rx.NALOXONE.finditer(text, a, b)]
        drugs = [m.start() for m in rx.WEIGHT_SUBSTANCE.finditer(text, a, b)]
        if rescue or drugs:
            return bool(rescue) and (not drugs or _nearest(rescue, fig) < _nearest(drugs, fig))
    return False


def _nearest(starts: list[int], fig: Figure) -> int:
    return min(fig.start - p if p < fig.start else max(0, p - fig.end) for p in starts)


def _metric_by_kind(
    text: str, sent: tuple[int, int], fig: Figure, kw: Keywords, *, previous: tuple[int, int] | None = None
) -> str:
    lo, hi = context_bounds(sent, fig.start, fig.end)
    span = text[fig.start : fig.end]
    base = substance(text, lo, hi, fig, kw)
    bounds = sent
    if base is None and previous is not None and fig.kind in ("percent", "fold", "rate"):
        # "Overdose deaths are down 43%. This includes decreases ... of 50% in Beaver County"
        base = last_substance(kw, *previous)
        if base is not None:
            bounds = (previous[0], sent[1])

    def in_sentence(rx: re.Pattern) -> bool:
        return kw.has(rx, *bounds)

    if fig.kind == "money":
        if in_sentence(rx.SEIZE) and in_sentence(rx.CASH):
            return "cash_seized"
        if in_sentence(rx.VALUE_WORDS):
            return "street_value"
        if in_sentence(rx.SETTLE):
            return "settlement"
        if in_sentence(rx.REVENUE):
            return "revenue"
        return "funding" if in_sentence(rx.FUNDING) else "cost"
    if fig.kind == "interval":
        return "interval_between_overdose_deaths"
    if fig.kind == "mme":
        return "prescribed_dose"
    if fig.kind == "weight":
        if fig.unit in ("mg", "mcg") and _naloxone_dose(text, lo, hi, fig):
            return "naloxone_dose"
        if fig.unit in ("mg", "mcg") and (in_sentence(rx.LETHAL) or not in_sentence(rx.STRICT_SEIZE)):
            return "lethal_dose"
        return "seizures"
    # What kind of thing the sentence counts, when the keyword names only a drug.
    if base and base.endswith("_deaths") and not in_sentence(rx.FATAL):
        if in_sentence(rx.NONFATAL):
            base = "nonfatal_overdoses"
        elif in_sentence(rx.STRICT_SEIZE):
            base = "seizures"
    if fig.kind == "rate":
        return (base or "overdose_deaths").replace("_deaths", "_death_rate")
    if fig.kind == "fold":
        if rx.POTENCY.search(span) or in_sentence(rx.POTENCY):
            if rx.MORPHINE.search(span):
                return "potency_vs_morphine"
            if rx.HEROIN.search(span) or in_sentence(rx.HEROIN):
                return "potency_vs_heroin"
            return "potency"
        if base and base.endswith("_deaths") and in_sentence(rx.SEIZE) and not in_sentence(rx.DEATH_CONTEXT):
            return "seizures_change"  # "recovered almost triple the amount of heroin found in 2016"
        if base is None:
            if in_sentence(rx.STRICT_SEIZE):
                return "seizures_change"
            return "overdose_deaths_change" if in_sentence(rx.DEATH_CONTEXT) else "other"
        return f"{base}_change"
    if fig.kind == "percent":
        rate = bool(rx.RATE_WORD.search(text, max(lo, fig.start - 40), fig.start))
        if fig.change:
            if base is None and in_sentence(rx.STRICT_SEIZE):
                return "seizures_change"
            if base is None and not in_sentence(rx.DEATH_CONTEXT):
                return "other_change"
            base = base or "overdose_deaths"
            return (base.replace("_deaths", "_death_rate") if rate else base) + "_change"
        # what the share is of: its own span, or the words right after "half of the 2,000 ..."
        stop = rx.CLAUSE_PUNCT.search(text, fig.end, min(hi, fig.end + 40))
        whole = text[fig.start : stop.start() if stop else min(hi, fig.end + 40)]
        # "Of the 8,000 pills seized, roughly a quarter contained ...": the pills are named before
        if rx.TEEN.search(whole) and rx.DEATH_CONTEXT.search(whole):
            return "teen_overdose_share"
        pills = rx.PILL.search(whole) or (" of " not in span and in_sentence(rx.PILL))
        if pills and in_sentence(rx.LETHAL):
            return "counterfeit_pill_share"
        return f"{base}_share" if base and rx.DEATH_CONTEXT.search(whole) else "other"
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
    if fig.noun and fig.noun not in lx.COUNT_NOUNS:
        # a noun outside the lexicon is seized only when its own clause says so
        # ("intercepted fentanyl in 1,400 parcels"), not "1,436 investigations, and the seizure of ..."
        return "seizures" if _seized_in_clause(text, lo, fig) else "other"
    if fig.unit in ("pills", "count") and in_sentence(rx.SEIZE):
        return "seizures"
    near = text[max(lo, fig.start - 60) : min(hi, fig.end + 40)]
    if fig.unit == "people" and rx.POTENTIAL_KILL.search(text, max(lo, fig.start - 60), fig.start):
        return "potential_lethal_doses"
    if rx.NALOXONE.search(near):
        return "naloxone"
    if "dose" in span.lower() and rx.LETHAL.search(near):
        return "potential_lethal_doses"
    if rx.PROSECUTE.search(near):
        return "prosecutions"
    if rx.ARREST.search(near):
        return "arrests"
    return "other"
