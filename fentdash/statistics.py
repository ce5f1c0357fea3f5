"""Cited figures: values, units, qualifiers and what they count. (stub)"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Statistic


def find_statistics(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[Statistic]:
    return []
