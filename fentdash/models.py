"""Plain data types shared by every stage of the pipeline.

Every extracted item keeps ``text``, ``start`` and ``end`` such that
``article.text[start:end] == text``. Dates are ``datetime.date``; intervals are closed
(``start`` and ``end`` are both inside the period).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from datetime import date as _date  # DateEstimate has a field named `date`
from typing import Literal

Granularity = Literal["year", "quarter", "month", "day", "range"]
DatingMethod = Literal["metadata", "dateline", "inferred", "none"]
StatementKind = Literal["direct", "reported"]
SpeakerType = Literal["person", "organization"]


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed calendar interval with the granularity the text gave it."""

    start: date
    end: date
    granularity: Granularity


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article and why it constrains a date or an attribution."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded article: normalised text plus whatever metadata the file carried.

    ``skip`` lists ``(start, end)`` spans of boilerplate (captions, newsletter lines,
    front matter, related headlines) that extractors must ignore. Offsets are never shifted.
    """

    id: str
    path: str
    text: str
    paths: tuple[str, ...] = ()
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None  # from metadata only
    published_evidence: Evidence | None = None
    skip: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadError:
    path: str
    error: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in text.

    ``kind`` says what it needs to be resolved:
      - ``absolute``: resolved on its own ("2016", "May 2019", "the 1990s")
      - ``relative``: needs the article date ("last year", "in May", "on Monday")
      - ``anaphoric``: relative to the period mentioned just before ("two years previously")
    ``interval`` is filled when it could be resolved (always for ``absolute``).
    ``offset``/``unit`` describe relative and anaphoric shifts (e.g. -1, "year").
    ``tense_past`` is True when the sentence reports the event as having happened.
    """

    text: str
    start: int
    end: int
    kind: Literal["absolute", "relative", "anaphoric"]
    granularity: Granularity
    interval: Interval | None = None
    offset: int = 0
    unit: str | None = None
    label: str | None = None  # resolver's name for the pattern, e.g. "last_year", "weekday"


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in the text, with the title or role the text gives them.

    ``name`` is the canonical name when the knowledge base knows the person, else the
    name as written (titles stripped). ``role`` is the role as the text words it.
    """

    name: str
    text: str
    start: int
    end: int
    role: str | None = None
    known: bool = False


@dataclass(frozen=True, slots=True)
class DateEstimate:
    date: _date | None
    earliest: _date | None
    latest: _date | None
    confidence: float
    method: DatingMethod
    evidence: tuple[Evidence, ...] = ()
    # Clues that were dropped because they conflicted with stronger ones, in plain words.
    warnings: tuple[str, ...] = ()


UNKNOWN_DATE = DateEstimate(None, None, None, 0.0, "none", ())


@dataclass(frozen=True, slots=True)
class Statement:
    speaker: str
    speaker_type: SpeakerType
    role: str | None
    kind: StatementKind
    text: str
    start: int
    end: int
    # Where the speaker was named or resolved (pronoun, title, apposition), for the UI.
    evidence: tuple[Evidence, ...] = ()
    # When the text dates the speech itself ("In July 2017, ... announced").
    when: Interval | None = None


@dataclass(frozen=True, slots=True)
class Statistic:
    text: str
    start: int
    end: int
    value: float
    unit: str
    metric: str
    value_high: float | None = None
    qualifier: str | None = None
    speaker: str | None = None
    period: Interval | None = None
    # The time expression the period comes from, kept for evidence and for dating.
    period_source: TimeExpression | None = None
    # For a change ("up 16% compared to 2013"): the expression of the period it is measured from.
    period_baseline: TimeExpression | None = None
    # Free text: what the figure is about beyond its metric (e.g. "Beaver County"), or "".
    context: str = ""


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    document: Document
    published: DateEstimate
    statements: tuple[Statement, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    warnings: tuple[str, ...] = field(default=())
