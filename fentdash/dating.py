"""Article dating: metadata, dateline, then inference from content. (stub)"""

from __future__ import annotations

from collections.abc import Sequence

from .models import UNKNOWN_DATE, DateEstimate, Document, Mention, Statistic, TimeExpression


def date_document(
    document: Document,
    *,
    expressions: Sequence[TimeExpression] = (),
    statistics: Sequence[Statistic] = (),
    mentions: Sequence[Mention] = (),
) -> DateEstimate:
    return UNKNOWN_DATE
