"""Link each cited figure to the time expression that gives its period. (stub)"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Statistic, TimeExpression


def attach_periods(text: str, statistics: Sequence[Statistic], expressions: Sequence[TimeExpression]) -> list[Statistic]:
    return list(statistics)


def resolve_periods(statistics: Sequence[Statistic], expressions: Sequence[TimeExpression]) -> list[Statistic]:
    """Fill ``period`` from the resolved expressions (same offsets as ``period_source``)."""
    return list(statistics)
