"""Event clues for article dating: dated events from ``events.csv`` named in the text."""

from __future__ import annotations

import re
from datetime import timedelta

from . import knowledge
from .dating_gates import Gate, Words, finditer_from, first_words, fold, gate_for, is_open
from .dating_spans import Clues, Constraint, Options, after, before, intersect, year_span
from .dating_text import LAST_YEAR, THIS_YEAR, evidence, is_future, sentence, skipped

EVENT_STRENGTH = 0.8
EVENT_YEAR_STRENGTH = 0.7
EVENT_NEAR_STRENGTH = 0.62
SUPERSEDED_STRENGTH = 0.35

PRECISION_SLACK: dict[str, int] = {"day": 0, "week": 7, "month": 31, "year": 366}

# Dots of abbreviations ("U.S.", "Dr.", "Feb.") would end an event cue's "[^.]" gap early.
_ABBREVIATION_DOT = re.compile(
    r"\b(?:[A-Z]|Dr|Mr|Mrs|Ms|St|No|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Inc|Co|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
)
# Where such an abbreviation can be: the same words and dot, but no leading "\b", so the regex
# engine skips to capitals at once. A match of _ABBREVIATION_DOT is exactly the candidate found
# at its start, and no candidate hides one (inside a candidate, letters precede: no "\b").
_ABBREVIATION_CANDIDATE = re.compile(r"[A-Zv][a-z]{0,3}\.")

# Relative words next to a past event say how long ago it was: (pattern, first day, last day after).
_RECENT: tuple[tuple[re.Pattern[str], int, int], ...] = (
    (re.compile(r"\b(?:today|tonight|this\s(?:morning|afternoon|evening))\b", re.IGNORECASE), 0, 1),
    (re.compile(r"\b(?:yesterday|last\snight)\b", re.IGNORECASE), 1, 2),
    (
        re.compile(
            r"\b(?:(?:this|last|earlier\sthis)\sweek|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
        0,
        13,
    ),
    (re.compile(r"\b(?:(?:this|last|earlier\sthis)\smonth)\b", re.IGNORECASE), 0, 62),
)
_NEAR = 150  # characters between the event cue and the relative word
# Another time named in the sentence may be what the relative word is about.
_OTHER_TIME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?|\b(?:19|20)\d\d\b"
)


def mask_abbreviations(text: str) -> str:
    """The text with abbreviation dots replaced by "_" (same length, so offsets hold)."""

    def mask(m: re.Match[str]) -> str:
        found = m.group(0)
        return found[:-1] + "_" if _ABBREVIATION_DOT.match(text, m.start()) else found

    return _ABBREVIATION_CANDIDATE.sub(mask, text)


def event_clues(text: str, options: Options, clues: Clues) -> None:
    """Each event named: after it when told as past (its day is an anchor), before it when to come."""
    masked: str | None = None  # masked only when a cue is run
    events = knowledge.events()
    words = Words(fold(text))
    for event, (gate, firsts) in zip(events, _gates(events), strict=True):
        if not is_open(gate, words):
            continue  # a word the cue needs is missing: it cannot match
        masked = mask_abbreviations(text) if masked is None else masked
        found = finditer_from(event.cue, masked, words.folded, firsts)
        m = next((m for m in found if not skipped(m.start(), m.end(), options)), None)
        if m is None:
            continue
        slack = timedelta(days=PRECISION_SLACK.get(event.precision, 0))
        when = event.day.isoformat()
        if is_future(text, m.start(), m.end()):
            allowed = before(event.day + slack, options)
            reason = f"{event.name} ({when}) is spoken of as still to come"
            clues.constraints.append(
                Constraint(evidence(text, m.start(), m.end(), reason), allowed, EVENT_STRENGTH)
            )
            continue
        allowed = after(event.day - slack, options)
        reason = f"{event.name} ({when}) is reported as having happened"
        clues.constraints.append(
            Constraint(
                evidence(text, m.start(), m.end(), reason), allowed, EVENT_STRENGTH, anchors=(event.day,)
            )
        )
        _nearness_clue(text, event, m, options, clues)
        if event.superseded_on is not None:
            until = event.superseded_on
            reason = f"{event.name} is cited as current; a newer figure replaced it on {until.isoformat()}"
            allowed = before(until - timedelta(days=1), options)
            if allowed:
                clues.constraints.append(
                    Constraint(evidence(text, m.start(), m.end(), reason), allowed, SUPERSEDED_STRENGTH)
                )


# Per event of the last events table seen: its cue's gate and the words a match starts with.
_Scan = tuple[Gate, "frozenset[str] | None"]
_gate_cache: list[tuple[tuple[knowledge.Event, ...], tuple[_Scan, ...]]] = []


def _gates(events: tuple[knowledge.Event, ...]) -> tuple[_Scan, ...]:
    """Keyword gates and first words of the events' cues, read once per events table (a
    reload makes a new one)."""
    if not _gate_cache or _gate_cache[0][0] is not events:
        _gate_cache[:] = [(events, tuple((gate_for(e.cue), first_words(e.cue)) for e in events))]
    return _gate_cache[0][1]


def _nearness_clue(
    text: str, event: knowledge.Event, m: re.Match[str], options: Options, clues: Clues
) -> None:
    """Relative words next to a past event: "last year" / "this year" name the article's year
    (counted from the year the event's figures describe, for a data release); "today",
    "on Monday", "last month" put the article days or weeks after the event."""
    s0, s1 = sentence(text, m.start())
    when = event.day.isoformat()
    base = event.data_year if event.data_year is not None else event.day.year
    for pattern, shift, words in ((LAST_YEAR, 1, "last year"), (THIS_YEAR, 0, "this year")):
        y = pattern.search(text, s0, s1)
        if y:
            year = base + shift
            about = f"describes {base}" if event.data_year is not None else f"was in {base}"
            reason = f'{event.name} {about} and is placed in "{words}": the article is from {year}'
            clues.constraints.append(
                Constraint(
                    evidence(text, y.start(), y.end(), reason), (year_span(year),), EVENT_YEAR_STRENGTH
                )
            )
            return
    if (
        event.precision != "day"
        or _OTHER_TIME.search(text, s0, m.start())
        or _OTHER_TIME.search(text, m.end(), s1)
    ):
        return
    lo, hi = max(s0, m.start() - _NEAR), min(s1, m.end() + _NEAR)
    for pattern, first, last in _RECENT:
        r = pattern.search(text, lo, hi)
        if r:
            allowed = intersect(
                ((event.day + timedelta(days=first), event.day + timedelta(days=last)),),
                ((options.min_date, options.max_date),),
            )
            reason = f'{event.name} ({when}) is told as "{r.group(0)}": the article is from {first}-{last} days after'
            if allowed:
                clues.constraints.append(
                    Constraint(evidence(text, r.start(), r.end(), reason), allowed, EVENT_NEAR_STRENGTH)
                )
            return
