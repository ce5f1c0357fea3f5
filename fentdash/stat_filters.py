"""Figures that read as numbers but are not statistics: the people of one story, parts of a
place or of an abstract whole, and growth of resources rather than of drugs or deaths."""

from __future__ import annotations

from . import lexicon as lx
from . import stat_patterns as rx
from .stat_figure import Figure
from .stat_metrics import Keywords

_STORY_WINDOW = 80  # characters of the clause before a multiple searched for its subject


def is_story_count(text: str, sent: tuple[int, int], fig: Figure) -> bool:
    """ "Two men were arrested", "three defendants were charged": the people of one story.

    A small, unhedged count of people (not of deaths) is a tally only when the sentence says
    so ("so far this year", "in the operation", "nationwide").
    """
    return (
        fig.kind == "count"
        and fig.unit == "people"
        and fig.value < lx.STORY_COUNT_MAX
        and fig.value_high is None
        and fig.qualifier is None
        and rx.AGGREGATE.search(text, *sent) is None
    )


def share_head(text: str, start: int, end: int) -> str:
    """Last word of a share's span ("half of the states" -> "states"), lower-case."""
    words = text[start:end].lower().split()
    return words[-1].rstrip(".,;:'’") if len(words) > 1 else ""


def is_part_of_place(text: str, fig: Figure) -> bool:
    """ "half of the states", "a third of the budget": a share of a place or of an abstract
    whole with no figure of its own, not a measured share."""
    if not fig.share:
        return False
    span = text[fig.start : fig.end]
    return share_head(text, fig.start, fig.end) in lx.SHARE_NOT_COUNTED and not any(
        c.isdigit() for c in span.split(" of ", 1)[-1]
    )


def is_resource_multiple(text: str, sent: tuple[int, int], fig: Figure) -> bool:
    """ "Funding for the program tripled", "double the FBI's investment": resources, not drugs.

    The subject before the multiple (same clause) and the phrase after it name a resource
    and no death, overdose or seizure.
    """
    lo = max(sent[0], fig.start - _STORY_WINDOW)
    breaks = list(rx.CLAUSE_PUNCT.finditer(text, lo, fig.start))
    lo = breaks[-1].end() if breaks else lo
    stop = rx.CLAUSE_PUNCT.search(text, fig.end, min(sent[1], fig.end + 40))
    hi = stop.start() if stop else min(sent[1], fig.end + 40)
    if not (rx.RESOURCE.search(text, lo, fig.start) or rx.RESOURCE.search(text, fig.end, hi)):
        return False
    return not (rx.FOLD_SUBJECT.search(text, lo, fig.start) or rx.FOLD_SUBJECT.search(text, fig.start, hi))


def is_untracked_count(sent: tuple[int, int], fig: Figure, kw: Keywords) -> bool:
    """A count of a noun outside the lexicon ("3,150 submissions") is a figure only in a
    sentence that names a drug or overdoses; "1,200 investigations into online drug sales" is not."""
    return fig.kind == "count" and bool(fig.noun) and fig.noun not in lx.COUNT_NOUNS and not kw.between(*sent)
