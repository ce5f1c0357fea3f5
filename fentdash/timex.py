"""Time expressions: find them in text and resolve each to an interval. (stub)"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .models import TimeExpression


def find_time_expressions(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[TimeExpression]:
    return []


def resolve(expressions: Sequence[TimeExpression], *, reference: date | None) -> list[TimeExpression]:
    return list(expressions)
