"""Figures that read as numbers but are not statistics: the people of one story, parts of a
place or of an abstract whole, and growth of resources rather than of drugs or deaths."""

from __future__ import annotations

from . import lexicon as lx
from . import stat_patterns as rx
from .stat_figure import Figure
from .stat_metrics import Keywords

_STORY_WINDOW = 80  # characters of the clause before a multiple searched for its subject


def is_story_count(text: str, sent: tuple[int, int], fig: Figure) -> bool:
    """ "Two men were arrested", "police found 4 bags of heroin": the people and things of one story.

    A small, unhedged count of people or things (not of deaths, not a change) is a tally only
    when the sentence says so ("so far this year", "in the operation", "nationwide").
    """
    return (
        fig.kind == "count"
        and fig.unit in ("people", "pills", "count")
        and not fig.change
        and fig.value < lx.STORY_COUNT_MAX
        and fig.value_high is None
        and fig.qualifier is None
        and rx.AGGREGATE.search(text, *sent) is None
    )


def _share_nouns(text: str, start: int, end: int) -> list[str]:
    """Words of what a share is of ("half of the nation's counties" -> ["the", "counties"]);
    possessives are determiners, not heads."""
    _, sep, whole = text[start:end].lower().partition(" of ")
    words = [w.strip(".,;:") for w in whole.split()] if sep else []
    return [w for w in words if not w.endswith(("'s", "’s", "s'"))]


def is_part_of_place(text: str, fig: Figure) -> bool:
    """ "half of the states", "a third of the budget": a share of a place or of an abstract
    whole with no figure of its own, not a measured share."""
    if not fig.share:
        return False
    nouns = _share_nouns(text, fig.start, fig.end)
    return any(w in lx.SHARE_NOT_COUNTED for w in nouns) and not any(c.isdigit() for w in nouns for c in w)


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
    sentence that names a drug or overdoses ("1,200 investigations into online drug sales" is
    not), and only when it is more than a handful."""
    if fig.kind != "count" or not fig.noun or fig.noun in lx.COUNT_NOUNS:
        return False
    # a handful of unlisted things ("3 packages in the car") is a detail of one story
    return fig.value < lx.STORY_COUNT_MAX or not kw.between(*sent)
