"""Cited figures: values, units, qualifiers and what they count.

The one entry point, ``find_statistics``, chains single-job modules:

- ``stat_patterns``: every compiled pattern; ``NUMBER_CATCH`` finds each number as written.
- ``stat_units``: a flat cascade of stages gives each number its unit and value, most
  specific first: a unit right after it ("%", "times", "mg", "per 100,000"), a ratio
  ("4 in 10"), a counted noun ("20,000 deaths"), a noun named before it ("deaths reached
  107,622"). Years, ages, durations, labels, imprints and counts of untracked things drop out.
- ``stat_candidates``: figures that are words, fractions ("three-quarters of") and multiples
  ("tripled", "more than double").
- ``stat_lists``: a bare number next to a figure takes its unit ("up from 460,000"); signs
  carry along a list; a title line the body repeats is dropped.
- ``stat_filters``: what reads as a figure but is not one: the people of one story ("two men
  were arrested"), parts of a place ("half of the states"), growth of resources ("funding
  tripled").
- ``stat_metrics``: what the figure counts, from keywords in its span and sentence.
- ``stat_text`` (sentences, hedges, change cues) and ``stat_figure`` (the shared record)
  serve them all.

Periods and speakers are left to later stages.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from . import stat_patterns as rx
from .models import Statistic
from .numbers import parse_number
from .stat_candidates import fold_verbs, fraction_changes, fractions, multiple_words
from .stat_figure import Figure, contract_unit
from .stat_filters import is_part_of_place, is_resource_multiple, is_story_count, is_untracked_count
from .stat_lists import carry_signs, compared_figure, drop_title_repeats, lead_multiples
from .stat_metrics import Keywords, metric_of
from .stat_text import after_among, context_bounds, sentence_of, sentence_starts
from .stat_units import classify

__all__ = ["find_statistics"]


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
    starts = sentence_starts(text)
    skipped = _Skip(skip)
    found: list[tuple[Figure, tuple[int, int]]] = []
    consumed = -1
    among: list[tuple[int, float, str]] = []
    sent = (0, 0)  # the sentence of the last number: the next is often in it too
    for m in rx.NUMBER_CATCH.finditer(text):
        if m.start() < consumed or skipped.covers(m.start()):
            continue
        if not sent[0] <= m.start() < sent[1]:
            sent = sentence_of(starts, text, m.start())
        lead = after_among(text, sent[0], m.start())
        if lead:  # "Among 10 pills ...": the base of a share given later in the sentence
            den = parse_number(m.group("n1"), count=True)
            if den:
                among.append((lead.start(), den, ""))
        ctx = context_bounds(sent, m.start(), m.end())
        bases = [x for x in among if x[0] >= sent[0]] if among else among
        figures = classify(text, m, ctx, bases, after_among=lead is not None)
        if not figures:
            compared = compared_figure(text, m, sent, found)
            figures = [compared] if compared else []
        for fig in figures:
            found.append((fig, sent))
            consumed = max(consumed, fig.noun_end if fig.kind == "count" else fig.end)
            if fig.kind == "percent" and fig.share and fig.end > m.end() and rx.RATIO.match(text, m.end()):
                consumed = max(consumed, fig.end)
    kw = Keywords(text)
    words = (
        fractions(text, starts)
        + fraction_changes(text, starts)
        + fold_verbs(text, starts, kw)
        + multiple_words(text, starts, kw)
    )
    found += [f for f in words if not skipped.covers(f[0].start)]
    found = [
        (fig, sent)
        for fig, sent in found
        if not (
            is_story_count(text, sent, fig)
            or is_part_of_place(text, fig)
            or is_untracked_count(sent, fig, kw)
        )
    ]
    found.sort(key=lambda item: item[0].start)
    found = carry_signs(text, found)
    found = lead_multiples(text, found)
    found = drop_title_repeats(text, found)
    out = []
    metrics: dict[int, str] = {}
    for fig, sent in found:
        inherited = metrics.get(id(fig.leader)) if fig.leader is not None else None
        if inherited and fig.level and inherited.endswith("_change"):
            inherited = inherited[: -len("_change")] + "_share"  # "rose 12 points, to 68 percent"
        if inherited and fig.kind == "fold" and not inherited.endswith("_change"):
            inherited += "_change"  # "8,214 exhibits ..., almost twice as many as in 2017"
        metrics[id(fig)] = inherited or metric_of(
            text, sent, fig, kw, previous=_previous_sentence(text, starts, sent, fig)
        )
        if (
            fig.unit in ("people", "count")
            and metrics[id(fig)] == "other"
            and not kw.has(rx.DRUG_CONTEXT, *sent)
        ):
            continue  # "12 nurses", "4 victims": people counted in a sentence about something else
        if (
            fig.kind == "fold"
            and not metrics[id(fig)].startswith("potency")
            and is_resource_multiple(text, sent, fig)
        ):
            continue  # "funding for the program tripled": a resource, not a drug figure
        sign = -1 if fig.change < 0 and fig.kind in ("percent", "count") else 1
        value = fig.value * sign
        high = None if fig.value_high is None else fig.value_high * sign
        out.append(
            Statistic(
                text=text[fig.start : fig.end],
                start=fig.start,
                end=fig.end,
                value=float(value),
                unit=contract_unit(fig),
                metric=metrics[id(fig)],
                value_high=None if high is None else float(high),
                qualifier=fig.qualifier,
            )
        )
    return out


def _previous_sentence(
    text: str, starts: list[int], sent: tuple[int, int], fig: Figure
) -> tuple[int, int] | None:
    """The context of the sentence before ``sent``, which only a percent, fold or rate without
    a substance of its own reads (``metric_of``): not looked up for the other figures."""
    if sent[0] <= 0 or fig.kind not in ("percent", "fold", "rate"):
        return None
    return context_bounds(sentence_of(starts, text, sent[0] - 1), sent[0] - 1, sent[0])


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
