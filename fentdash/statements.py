"""Statements of named people: direct quotations and reported speech. (stub)"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Mention, Statement


def find_mentions(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    return []


def find_statements(
    text: str, *, skip: Sequence[tuple[int, int]] = (), mentions: Sequence[Mention] | None = None
) -> list[Statement]:
    return []
