"""The figure record shared by the statistics stages, and its contract unit."""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as lx


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    value: float
    unit: str
    kind: str  # count | percent | fold | weight | money | rate | interval | mme
    value_high: float | None = None
    qualifier: str | None = None
    change: int = 0  # sign of a change, 0 when the figure is a level or share
    share: bool = False
    level: bool = False  # "from 10% to 20%": a level, never a change
    noun_end: int = -1
    noun: str = ""  # the counted noun, the unit of a generic count ("220,000 drug listings")
    # A figure in a list ("44% for Black people and 39% for ...") counts what the first one counts.
    leader: Figure | None = None


def contract_unit(fig: Figure) -> str:
    """A generic count is reported in its own noun ("listings", "arrests", "doses")."""
    if fig.unit == "count" and fig.noun in lx.COUNT_NOUNS and lx.COUNT_NOUNS[fig.noun] == "count":
        return lx.COUNT_UNIT_NAMES.get(fig.noun, fig.noun)
    return fig.unit
