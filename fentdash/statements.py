"""Statements of named people: direct quotations and reported speech.

Method: find quotation spans and sentences (``quotes``), people and the expressions that
refer to them (``people``), then attribute
  1. each quotation, by the attribution after it ("…,” he said", "…,” said X and Y"), before
     it ("He added: “…"), in an introducing paragraph ("X issued the following statement:"),
     by a verb of naming ("X called the numbers “a national tragedy”"), or as the
     continuation of the previous paragraph's quotation; a quotation split around one
     attribution ("“A,” she said. “B.”") is one statement;
  2. each reporting verb outside quotations with a speaker next to it ("X said …",
     "…, said X", "according to X").
Joint speakers ("Garland and Milgram said") each get the statement. A spokesperson speaks for
an organisation ("a DEA spokeswoman said", "Sessions' spokeswoman said": the Department of
Justice), never as the person employing them. Descriptions ("the acting head of the DEA")
resolve to the last fitting person named, or forward to one named in the next sentences.
Headlines, decks ("Name: …"), lines without sentence punctuation and ``skip`` spans yield
nothing; names inside someone's quotation are never speakers.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from . import people, timex
from .models import Evidence, Interval, Mention, Statement
from .people import APPOSITION_GAP, GAP, INTRO, INVERTED, VERB, Cast, Ref, Speaker
from .quotes import Quote, find_quotes, intervals, paragraphs, sentences

__all__ = ["find_mentions", "find_statements"]


# Quotations this short are scare quotes unless they open an attributed sentence.
MAX_SCARE_WORDS = 4
# Longer "sentences" are runs of text without punctuation, not prose: no reported speech.
MAX_SENTENCE_CHARS = 2000
# A sentence right after a quotation this short may be its bare attribution ("Milgram said.").
NEXT_ATTRIBUTION_CHARS = 80
# "X called the numbers “…”": a quoted phrase of at least this many words is X's direct
# statement; a single quoted word ("unacceptable") is a word X used, so the sentence from the
# verb on is reported speech instead (a lone word has no claim of its own to chart).
MIN_CALLED_WORDS = 2
# How far (characters) an attribution may sit from its quotation.
ATTRIBUTION_WINDOW = 300
# At most this many words after the verb, with a clause before the speaker, make a trailing
# attribution ("Fentanyl kills, he said on Monday.").
TRAILING_MAX_WORDS = 5
# A description opening a story ("The acting head of the DEA said") may name its person in
# this many following sentences.
CATAPHORA_SENTENCES = 2

# "according to X", "according to a statement from X"
_ACCORDING = re.compile(
    r"(?=[Aa])\b[Aa]ccording[ \t]+to[ \t]+(?:(?:a|an|the)[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?:statement|release|remarks|testimony|letter)[ \t]+(?:from|by|of)[ \t]+)?"
)
# What every match of a pattern contains (case-sensitive, as the patterns are).
_ACCORDING_NEEDS = ("ccording",)
_SPOKESPERSON_NEEDS = ("spokes", "press")
_INTRO_NEEDS = ("statement", "remarks", "comment")
_LEAD = re.compile(r"[ \t]*[,—–-]?[ \t]*")
_QUOTED_AS = re.compile(r"[A-Z][\w.&’'-]*(?:[ \t]+[A-Z][\w.&’'-]*){0,3}[ \t]+quoted[ \t]+")
_AS_SAYING = re.compile(r"[ \t]+as[ \t]+saying\b")
# Between a head attribution's verb and the quotation: "He added: “", "X said in a statement, “".
_HEAD_TAIL = re.compile(r"(?:[^.!?“”\"\n]{0,100}?(?:[:,]|\bthat))?[ \t]*")
_HEAD_END = re.compile(rf"(?:\bthat|{VERB.pattern})$")
# An attribution inside a sentence between two parts of one quotation: "…,” X said, “…".
_MID_SPLIT = re.compile(r"[ \t]*,?[ \t]*[^“”\"\n.!?]{1,120},[ \t]*")
_COORDINATION = re.compile(r",?[ \t]+and[ \t]+|,[ \t]+")
_DECK = re.compile(r"(?:[A-Z][\w.’'-]*[ \t]+){0,5}[A-Z][\w’'-]*[ \t]*:[ \t]")
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d[\d,.]*")
# The words of _WORD longer than three characters that start with a letter: a shorter word's
# tail is shorter still, so scanning for these alone finds the same words.
_LONG_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")
# What a prose paragraph ends with, before trailing spaces and tabs.
_PROSE_END_CHARS = frozenset('.!?:”"’)…')
_THAT = re.compile(r"\bthat\b")
# A spokesperson speaks for an organisation: "a DEA spokeswoman", "the agency's spokesman",
# "Sessions’ spokeswoman", "a spokesman for the FBI" (never for the person who employs them).
_SPOKESPERSON = re.compile(r"(?=[sp])\b(?:spokes(?:man|woman|person)|press[ \t]+secretary)\b")
_SPOKES_FOR = re.compile(r"[ \t]+for[ \t]+")
_POSSESSOR_GAP = re.compile(r"(?:['’]s?)?[ \t]+(?:(?:chief|acting|deputy|senior|top|lead|a|an)[ \t]+)?")
_ARTICLE = re.compile(r"(?:\b[Aa]n?|\b[Tt]he)[ \t]+$")
_NAMED_AFTER = re.compile(r",?[ \t]+")
# Verbs that attribute a quoted phrase by naming something with it.
_CALLING = re.compile(
    r"\b(?=[cdlt])(?:called|calls|described|describes|labeled|labelled|labels|dubbed|dubs|termed|terms)\b"
)
_CALLED_OBJECT = re.compile(r"[^“”\"\n.!?;:]{0,80}")
# What may follow an attribution's verb without being reported content: when, where, to whom,
# in what form ("said Tuesday in remarks at the Justice Department", "told reporters").
_CIRCUMSTANCE_WORD = (
    r"(?:on|last|this|early|late|later|earlier|in|at|during|to|with|before|after|of|for|a|an|the|"
    r"his|her|their|its|today|yesterday|morning|afternoon|evening|night|week|month|year|"
    r"statement|statements|news|press|release|conference|interview|remarks|briefing|reporters|"
    r"speech|hearing|call|email|post|video|appearance|event|rally|visit|testimony|also|again|"
    r"[A-Z][\w.’'-]*|\d{1,4}(?:st|nd|rd|th)?)"
)
_CIRCUMSTANCE = re.compile(rf"(?:[ \t,]+{_CIRCUMSTANCE_WORD}){{0,12}}[ \t]*[.!?]?[”\"’]?[ \t]*")
_LEAD_ADVERBIAL = re.compile(
    r"[ \t]*(?:(?:In|On|During|By|Back[ \t]+in|Earlier[ \t]+in|Later[ \t]+in)[ \t]+[^.;]{1,40}),?[ \t]*"
)


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: Speaker
    verb: int | None  # offset of the reporting verb used, so it is not reported again
    end: int  # where the attribution ends (for split quotations)
    how: str  # tail | head | intro | continuation | calling
    also: tuple[Speaker, ...] = ()  # joint speakers: "“…,” said X and Y."


class _Layout:
    """Paragraphs, sentences and quotations of one text, with offset lookups."""

    def __init__(self, text: str, skip: Sequence[tuple[int, int]]):
        self.text = text
        self.skipped = intervals(skip)
        self.paragraphs = paragraphs(text)
        self._para_starts = [s for s, _ in self.paragraphs]
        # Whether each paragraph is prose, read when first asked (most never are).
        self._prose: list[bool | None] = [None] * len(self.paragraphs)
        self.quotes = [
            q for q in find_quotes(text) if q.word_count and not self.skipped.overlaps(q.open, q.close + 1)
        ]
        self.interiors = intervals([(q.open, q.close + 1) for q in self.quotes])
        self.sentences = sentences(text, self.quotes, paragraph_spans=self.paragraphs)
        self._sent_starts = [s for s, _ in self.sentences]
        # The sentences ``finditer`` scans, filtered once rather than per pattern.
        self._scanned = [(s0, s1) for s0, s1 in self.sentences if s1 - s0 <= MAX_SENTENCE_CHARS]
        self._scanned_starts = [s0 for s0, _ in self._scanned]
        # Spokespeople speaking for organisations, by the reporting verb they govern and by
        # where their phrase starts (filled once the cast is known).
        self.spokes_by_verb: dict[int, tuple[Speaker, Ref]] = {}
        self.spokes_by_start: dict[int, tuple[Speaker, Ref]] = {}

    def _is_prose(self, start: int, end: int) -> bool:
        """Body text: ends with sentence punctuation, is not a headline or a "Name: …" deck."""
        line = self.text[start:end]
        # A paragraph holds no line break, so no "$" subtlety: a test of the last character.
        if line.rstrip(" \t")[-1:] not in _PROSE_END_CHARS:
            return False
        if (
            ":" in line
            and _DECK.match(line)
            and not any(w.islower() for w in line[: line.index(":")].split())
        ):
            return False
        # A title-case line is a headline even with a full stop ("Sessions Says Labs Grow.").
        # Two lowercase long words make it prose: stop reading there.
        long_words = lower = 0
        for m in _LONG_WORD.finditer(line):
            long_words += 1
            if line[m.start()].islower():
                lower += 1
                if lower > 1:
                    return True
        return not (long_words >= 4 and lower <= 1)

    def paragraph_index(self, pos: int) -> int:
        return bisect_right(self._para_starts, pos) - 1

    def in_prose(self, pos: int) -> bool:
        k = self.paragraph_index(pos)
        if k < 0 or pos > self.paragraphs[k][1]:
            return False
        prose = self._prose[k]
        if prose is None:
            prose = self._prose[k] = self._is_prose(*self.paragraphs[k])
        return prose and not self.skipped.contains(pos)

    def finditer(self, pattern: re.Pattern[str], *, needs: tuple[str, ...] = ()) -> list[re.Match[str]]:
        """Matches inside sentences of prose length (a cheap gate for megabyte lines), in order.

        ``needs``: strings every match contains; only the sentences holding one are scanned.
        """
        text = self.text
        if needs:
            return self._find_near(pattern, needs)
        # One scan of the whole text, kept when each match lies inside one scanned sentence: it
        # then finds what the scans of the sentences would, since the callers' patterns read at
        # most one character past a match (``\b``) and a sentence ends before a space or the end.
        # A list, not a generator: the callers read every match, and resuming costs per match.
        found = []
        starts, scanned = self._scanned_starts, self._scanned
        for m in pattern.finditer(text):
            start, end = m.span()
            k = bisect_right(starts, start) - 1
            if k < 0 or end > scanned[k][1]:
                break  # stop at once: a long run-on "sentence" may hold many matches
            found.append(m)
        else:
            return found
        scan = pattern.finditer
        return [m for s0, s1 in scanned for m in scan(text, s0, s1)]

    def _find_near(self, pattern: re.Pattern[str], needs: tuple[str, ...]) -> list[re.Match[str]]:
        """The matches of scanning each scanned sentence, scanning only those holding one of
        ``needs``: no match lies in the others. (A few substring searches instead of a regex
        scan of the whole text, for patterns whose words are rare.)"""
        text, starts, scanned = self.text, self._scanned_starts, self._scanned
        holding: set[int] = set()  # indexes of the scanned sentences holding a needed word
        for w in needs:
            at = text.find(w)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                if k >= 0 and at + len(w) <= scanned[k][1]:
                    holding.add(k)
                    at = text.find(w, scanned[k][1])  # this sentence is known: on to the next
                else:
                    at = text.find(w, at + 1)
        scan = pattern.finditer
        return [m for k in sorted(holding) for m in scan(text, *scanned[k])]

    def next_sentence(self, pos: int) -> tuple[int, int]:
        """The sentence after the one holding ``pos`` (an empty span at the end)."""
        k = bisect_right(self._sent_starts, pos)
        return self.sentences[k] if k < len(self.sentences) else (len(self.text), len(self.text))

    def ahead(self, pos: int) -> int:
        """End of the sentences a description at ``pos`` may look ahead to for its person."""
        k = bisect_right(self._sent_starts, pos) - 1 + CATAPHORA_SENTENCES
        return self.sentences[min(max(k, 0), len(self.sentences) - 1)][1] if self.sentences else pos

    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self._sent_starts, pos) - 1
        if k >= 0 and pos <= self.sentences[k][1]:
            return self.sentences[k]
        return pos, pos


# ---------------------------------------------------------------- speakers around a verb


def _left_speaker(layout: _Layout, cast: Cast, verb: int) -> tuple[Speaker, Ref] | None:
    """The speaker written before a reporting verb in the same sentence."""
    if verb in layout.spokes_by_verb:
        return layout.spokes_by_verb[verb]
    s0, _ = layout.sentence(verb)
    text = layout.text
    for ref in people.refs_ending_before(cast, verb):
        if ref.start < s0:
            break
        if layout.interiors.contains(ref.start):
            continue
        gap = text[ref.end : verb]
        if GAP.fullmatch(gap) or APPOSITION_GAP.fullmatch(gap):
            speaker = people.resolve(cast, ref, blocked=layout.interiors, ahead=layout.ahead(ref.start))
            return (speaker, ref) if speaker else None
    return None


def _right_speaker(layout: _Layout, cast: Cast, pos: int) -> tuple[Speaker, Ref] | None:
    if pos in layout.spokes_by_start:
        return layout.spokes_by_start[pos]
    ref = people.ref_starting_at(cast, pos)
    if ref is None:
        return None
    speaker = people.resolve(cast, ref, blocked=layout.interiors, ahead=layout.ahead(ref.start))
    return (speaker, ref) if speaker else None


def _joined_right(layout: _Layout, cast: Cast, ref: Ref, end: int) -> tuple[tuple[Speaker, ...], Ref]:
    """Persons coordinated after a speaker ("X and Y", "X, Y and Z"), and the last reference."""
    also: list[Speaker] = []
    for _ in range(4):
        link = _COORDINATION.match(layout.text, ref.end, end)
        nxt = link and people.ref_starting_at(cast, link.end())
        if not nxt or nxt.kind != "person" or nxt.end > end:
            break
        speaker = people.resolve(cast, nxt, blocked=layout.interiors)
        if speaker is None:
            break
        also.append(speaker)
        ref = nxt
    return tuple(also), ref


def _owner(layout: _Layout, cast: Cast, m: re.Match[str]) -> tuple[Ref, int, int] | None:
    """Whom a spokesperson speaks for, and the span of the whole phrase."""
    text = layout.text
    after = _SPOKES_FOR.match(text, m.end())
    if after:
        owner = people.organization_near(cast, start=after.end()) or people.ref_starting_at(cast, after.end())
        start = m.start()
        if owner is not None:
            article = _ARTICLE.search(text, max(0, start - 4), start)
            return owner, article.start() if article else start, owner.end
    for end in range(m.start(), max(0, m.start() - 12) - 1, -1):
        owner = people.organization_near(cast, end=end)
        if owner is not None and _POSSESSOR_GAP.fullmatch(text, end, m.start()):
            break
    else:
        near = next(iter(people.refs_ending_before(cast, m.start(), window=16)), None)
        owner = near if near and _POSSESSOR_GAP.fullmatch(text, near.end, m.start()) else None
    if owner is None:
        return None
    article = _ARTICLE.search(text, max(0, owner.start - 4), owner.start)
    return owner, article.start() if article else owner.start, m.end()


def _find_spokespeople(layout: _Layout, cast: Cast) -> None:
    """Fill ``layout.spokes_*``: unnamed spokespeople speak for their organisation; a
    person's spokesperson speaks for the organisation the person heads, never as the person."""
    text = layout.text
    for m in layout.finditer(_SPOKESPERSON, needs=_SPOKESPERSON_NEEDS):
        if layout.interiors.contains(m.start()) or not layout.in_prose(m.start()):
            continue
        named = _NAMED_AFTER.match(text, m.end())
        after = named and people.ref_starting_at(cast, named.end())
        if after and after.kind == "person":
            continue  # "spokesman John Doe said": the named spokesperson speaks
        found = _owner(layout, cast, m)
        if found is None:
            continue
        owner, start, end = found
        resolved = people.resolve(cast, owner, blocked=layout.interiors)
        if resolved is None:
            continue
        name = resolved.name if resolved.kind == "organization" else people.organization_of(resolved)
        if name is None:
            continue  # a private person's spokesperson: no organisation to speak for
        cue = Evidence(text[start:end], start, end, f"a spokesperson speaks for {name}")
        speaker = Speaker(name, "organization", None, True, (cue, *resolved.evidence))
        ref = Ref("organization", start, end, organization=name)
        layout.spokes_by_start[start] = (speaker, ref)
        gap = GAP.match(text, end) or APPOSITION_GAP.match(text, end)
        verb = gap and VERB.match(text, gap.end())
        if verb:
            layout.spokes_by_verb[verb.start()] = (speaker, ref)


# ---------------------------------------------------------------- quotations


def _tail_attribution(layout: _Layout, cast: Cast, q: Quote, limit: int) -> _Attribution | None:
    """Attribution after a quotation: …,” he said / said X / according to X / AFP quoted him as saying."""
    text = layout.text
    _, s1 = layout.sentence(q.close)
    end = min(s1, q.close + ATTRIBUTION_WINDOW, limit)
    lead = _LEAD.match(text, q.close + 1, end)
    pos = lead.end() if lead else q.close + 1
    if pos >= end:
        return _next_sentence_attribution(layout, cast, q)
    inverted = INVERTED.match(text, pos, end)
    if inverted:
        found = _right_speaker(layout, cast, inverted.end())
        if found:
            also, last = _joined_right(layout, cast, found[1], end)
            return _Attribution(found[0], pos, max(s1, last.end), "tail", also)
    quoted = _QUOTED_AS.match(text, pos, end)
    if quoted:
        found = _right_speaker(layout, cast, quoted.end())
        if found and _AS_SAYING.match(text, found[1].end):
            return _Attribution(found[0], None, s1, "tail")
    spokes = layout.spokes_by_start.get(pos)
    if spokes is not None:
        gap = GAP.match(text, spokes[1].end) or APPOSITION_GAP.match(text, spokes[1].end)
        if gap and VERB.match(text, gap.end()):
            return _Attribution(spokes[0], gap.end(), s1, "tail")
    ref = people.ref_starting_at(cast, pos)
    if ref is not None:
        also, last = _joined_right(layout, cast, ref, end) if ref.kind == "person" else ((), ref)
        gap = GAP.match(text, last.end) or APPOSITION_GAP.match(text, last.end)
        if gap and VERB.match(text, gap.end()):
            speaker = people.resolve(cast, ref, blocked=layout.interiors)
            if speaker:
                return _Attribution(speaker, gap.end(), s1, "tail", also)
    return None


def _next_sentence_attribution(layout: _Layout, cast: Cast, q: Quote) -> _Attribution | None:
    """A quotation closed by its own full stop, then a bare attribution: “We will win.” Milgram said."""
    text = layout.text
    _, s1 = layout.sentence(q.close)
    n0, n1 = layout.next_sentence(q.close)
    if n0 <= s1 or n1 - n0 > NEXT_ATTRIBUTION_CHARS or "\n" in text[s1:n0]:
        return None
    ref = people.ref_starting_at(cast, n0)
    if ref is None:
        return None
    gap = GAP.match(text, ref.end)
    verb = gap and VERB.match(text, gap.end())
    if not verb or not (
        len(_WORD.findall(text, verb.end(), n1)) <= 3 or _CIRCUMSTANCE.fullmatch(text, verb.end(), n1)
    ):
        return None
    speaker = people.resolve(cast, ref, blocked=layout.interiors)
    return _Attribution(speaker, verb.start(), n1, "tail") if speaker else None


def _head_attribution(layout: _Layout, cast: Cast, q: Quote) -> _Attribution | None:
    """Attribution before a quotation: He added: “…” / X said in a statement, “…” (also at the
    end of the previous paragraph)."""
    text = layout.text
    s0, _ = layout.sentence(q.open)
    lo = max(s0, q.open - ATTRIBUTION_WINDOW)
    k = layout.paragraph_index(q.open)
    if text[lo : q.open].strip() == "" and k > 0:
        # The quotation opens its paragraph: the previous one may end with "X said:".
        p0, p1 = layout.paragraphs[k - 1]
        if not text[max(p0, p1 - 8) : p1].rstrip().endswith(":"):
            return None
        s0, _ = layout.sentence(p1 - 1)
        lo, hi = max(s0, p1 - ATTRIBUTION_WINDOW), p1
    else:
        hi = q.open
    # Cheap gate: the head must end in ":" or "," or "that", or with the verb itself.
    end = text[max(lo, hi - 16) : hi].rstrip()
    if not end or not (end[-1] in ":," or _HEAD_END.search(end)):
        return None
    lo = max(lo, hi - 140)
    for verb in reversed(list(VERB.finditer(text, lo, hi))):
        if layout.interiors.contains(verb.start()):
            continue
        if not _HEAD_TAIL.fullmatch(text, verb.end(), hi):
            continue
        found = _left_speaker(layout, cast, verb.start())
        if found:
            first, *also = _joint(layout, cast, found)
            return _Attribution(first, verb.start(), q.open, "head", tuple(also))
        return None
    return None


def _intro_attributions(layout: _Layout, cast: Cast) -> dict[int, _Attribution]:
    """Introductions ("X issued the following statement …") give the next quotation within
    two paragraphs its speaker."""
    out: dict[int, _Attribution] = {}
    opens = [q.open for q in layout.quotes]
    for m in layout.finditer(INTRO, needs=_INTRO_NEEDS):
        if layout.interiors.contains(m.start()) or not layout.in_prose(m.start()):
            continue
        found = _left_speaker(layout, cast, m.start())
        if not found:
            continue
        k = bisect_right(opens, m.end())
        if k < len(opens):
            q = layout.quotes[k]
            if layout.paragraph_index(q.open) - layout.paragraph_index(m.start()) <= 2:
                first, *also = _joint(layout, cast, found)
                out.setdefault(q.open, _Attribution(first, m.start(), q.open, "intro", tuple(also)))
    return out


def _calling_attribution(layout: _Layout, cast: Cast, q: Quote) -> _Attribution | None:
    """X called the numbers “unacceptable” / X described fentanyl as “a weapon of mass destruction”."""
    text = layout.text
    s0, _ = layout.sentence(q.open)
    verbs = list(_CALLING.finditer(text, max(s0, q.open - 120), q.open))
    if not verbs or not _CALLED_OBJECT.fullmatch(text, verbs[-1].end(), q.open):
        return None
    found = _left_speaker(layout, cast, verbs[-1].start())
    return _Attribution(found[0], verbs[-1].start(), q.close + 1, "calling") if found else None


def _is_scare(layout: _Layout, q: Quote) -> bool:
    """Short quoted phrases inside a sentence ("hot spot", "Ground Zero")."""
    if q.word_count > MAX_SCARE_WORDS:
        return False
    s0, _ = layout.sentence(q.open)
    return layout.text[max(s0, q.open - 40) : q.open].strip(" \t—–-") != ""


def _attribute_quotes(layout: _Layout, cast: Cast) -> list[tuple[list[Quote], _Attribution]]:
    intros = _intro_attributions(layout, cast)
    quotes = [q for q in layout.quotes if layout.in_prose(q.open)]
    found: list[tuple[Quote, _Attribution | None]] = []
    tail_verbs: set[int] = set()
    for i, q in enumerate(quotes):
        limit = quotes[i + 1].open if i + 1 < len(quotes) else len(layout.text)
        attribution = _tail_attribution(layout, cast, q, limit)
        if attribution is None:
            attribution = _head_attribution(layout, cast, q) or intros.get(q.open)
            if attribution is not None and attribution.verb in tail_verbs:
                attribution = None  # the second part of "“A,” X said, “B.”"
            attribution = attribution or _calling_attribution(layout, cast, q)
        if attribution is not None and _is_scare(layout, q) and attribution.how not in {"head", "calling"}:
            attribution = None
        if attribution is not None and attribution.how == "tail" and attribution.verb is not None:
            tail_verbs.add(attribution.verb)
        found.append((q, attribution))
    groups: list[tuple[list[Quote], _Attribution]] = []
    i = 0
    while i < len(found):
        q, attribution = found[i]
        i += 1
        if attribution is None:
            continue
        parts = [q]
        edge = attribution.end if attribution.how == "tail" else q.close + 1
        # A split quotation: unattributed quotations right after the attribution sentence.
        while i < len(found):
            nxt, own = found[i]
            if len(parts) == 1 and own is None and _MID_SPLIT.fullmatch(layout.text, q.close + 1, nxt.open):
                # "“The cartels,” Milgram said, “are ruthless.”": split inside one sentence.
                parts.append(nxt)
                edge = max(edge, nxt.close + 1)
                i += 1
                continue
            if nxt.open < edge:
                if _is_scare(layout, nxt):
                    i += 1
                    continue
                break
            between = layout.text[edge : nxt.open]
            if own is not None or between.strip() or "\n" in between:
                break
            parts.append(nxt)
            edge = nxt.close + 1
            i += 1
        groups.append((parts, attribution))
    return _continuations(layout, found, groups)


def _continuations(
    layout: _Layout,
    found: Sequence[tuple[Quote, _Attribution | None]],
    groups: list[tuple[list[Quote], _Attribution]],
) -> list[tuple[list[Quote], _Attribution]]:
    """An unattributed whole-paragraph quotation right after a paragraph holding a person's
    quotation continues that person's words (news style names every new speaker)."""
    text = layout.text
    by_paragraph = {layout.paragraph_index(parts[0].open): (parts, a) for parts, a in groups}
    grouped = {q.open for parts, _ in groups for q in parts}
    extra = []
    for q, attribution in found:
        if attribution is not None or q.open in grouped or q.word_count <= MAX_SCARE_WORDS:
            continue
        k = layout.paragraph_index(q.open)
        p0, p1 = layout.paragraphs[k]
        previous = by_paragraph.get(k - 1)
        if q.open != p0 or text[q.close + 1 : p1].strip() or previous is None:
            continue
        parts, earlier = previous
        if earlier.speaker.kind != "person":
            continue
        cue = Evidence(
            text[parts[0].start : parts[-1].end],
            parts[0].start,
            parts[-1].end,
            "continues the quotation attributed in the previous paragraph",
        )
        speaker = dataclasses.replace(earlier.speaker, evidence=earlier.speaker.evidence + (cue,))
        continued = _Attribution(speaker, None, q.close + 1, "continuation", earlier.also)
        by_paragraph[k] = ([q], continued)
        extra.append(([q], continued))
    return sorted(groups + extra, key=lambda g: g[0][0].open)


def _direct(layout: _Layout, cast: Cast) -> tuple[list[Statement], set[int]]:
    text = layout.text
    statements, used = [], set()
    for parts, attribution in _attribute_quotes(layout, cast):
        start, end = parts[0].start, parts[-1].end
        while end > start and text[end - 1] in ", \t":
            end -= 1
        if end <= start:
            continue
        if attribution.verb is not None:
            used.add(attribution.verb)
        kind: Literal["direct", "reported"] = "direct"
        verb = attribution.verb
        if attribution.how == "calling" and verb is not None and parts[0].word_count < MIN_CALLED_WORDS:
            # A single quoted word: report the clause from the verb on.
            start, (_, end) = verb, layout.sentence(verb)
            kind = "reported"
        for s in (attribution.speaker, *attribution.also):
            statements.append(
                Statement(s.name, s.kind, s.role, kind, text[start:end], start, end, s.evidence)
            )
    return statements, used


# ---------------------------------------------------------------- reported speech


def _speech_date(text: str, s0: int, speaker_start: int) -> Interval | None:
    """The date a sentence gives its speech: "In July 2017, Attorney General Sessions announced"."""
    prefix = text[max(s0, speaker_start - 80) : speaker_start]
    if speaker_start - s0 > 80 or not prefix.strip() or not _LEAD_ADVERBIAL.fullmatch(prefix):
        return None
    for expression in timex.find_time_expressions(prefix):
        if expression.kind == "absolute" and expression.interval is not None:
            return expression.interval
    return None


def _coordinated(layout: _Layout, cast: Cast, ref: Ref, s0: int) -> list[tuple[Speaker, Ref]]:
    """Other persons joined to a speaker: "X, Y and Z announced" (nearest first)."""
    out: list[tuple[Speaker, Ref]] = []
    while ref.kind == "person":
        before = next(iter(people.refs_ending_before(cast, ref.start - 1, window=8)), None)
        if before is None or before.kind != "person" or before.start < s0:
            break
        if not _COORDINATION.fullmatch(layout.text, before.end, ref.start):
            break
        speaker = people.resolve(cast, before, blocked=layout.interiors)
        if speaker is None:
            break
        out.append((speaker, before))
        ref = before
    return out


def _joint(layout: _Layout, cast: Cast, found: tuple[Speaker, Ref]) -> list[Speaker]:
    """A speaker and the persons coordinated before it, in the order the text names them."""
    s0, _ = layout.sentence(found[1].start)
    joined = [found, *_coordinated(layout, cast, found[1], s0)]
    return [speaker for speaker, _ in reversed(joined)]


def _reported(layout: _Layout, cast: Cast, used: set[int], direct: Sequence[Statement]) -> list[Statement]:
    text = layout.text
    direct_spans = intervals([(s.start, s.end) for s in direct])
    out: list[Statement] = []

    def usable(pos: int) -> bool:
        return (
            pos not in used
            and not layout.interiors.contains(pos)
            and not direct_spans.contains(pos)
            and layout.in_prose(pos)  # last: the first ask reads the whole paragraph
        )

    for m in layout.finditer(VERB):
        v0, v1 = m.span()
        if not usable(v0):
            continue
        s0, s1 = layout.sentence(v0)
        if s1 - s0 > MAX_SENTENCE_CHARS:
            continue  # not prose: a run of text without sentence punctuation
        rest = text[v1:s1]
        if rest.lstrip()[:1] in {":", "“", '"'}:
            continue  # introduces a quotation; the quotation is the statement
        found = _left_speaker(layout, cast, v0)
        whole = False
        if found is None:
            before = text[s0:v0].rstrip()
            right = INVERTED.match(text, v0)
            if not (before.endswith(",") and right and right.end() <= s1):
                continue
            found = _right_speaker(layout, cast, right.end())
            whole = True
            if found is None:
                continue
        speaker, ref = found
        words_after = _WORD.findall(rest)
        lead = text[s0 : ref.start].rstrip()
        if not whole and (
            (len(words_after) <= TRAILING_MAX_WORDS and not _THAT.search(rest))
            or _CIRCUMSTANCE.fullmatch(rest)
        ):
            # "Fentanyl kills, he said on Monday.": the reported clause is before the speaker.
            whole = (
                lead.endswith(",")
                and len(_WORD.findall(lead)) >= 2
                and not _LEAD_ADVERBIAL.fullmatch(text, s0, ref.start)
            )
        if not whole and len(words_after) < 2:
            continue  # nothing reported: "he said."
        start = s0 if whole else v0
        joined = [(speaker, ref), *_coordinated(layout, cast, ref, s0)]
        when = None if whole else _speech_date(text, s0, joined[-1][1].start)
        for sp, _ in reversed(joined):
            out.append(
                Statement(sp.name, sp.kind, sp.role, "reported", text[start:s1], start, s1, sp.evidence, when)
            )
    for m in layout.finditer(_ACCORDING, needs=_ACCORDING_NEEDS):
        if not usable(m.start()):
            continue
        found = _right_speaker(layout, cast, m.end())
        if found is None:
            continue
        speaker, _ = found
        s0, s1 = layout.sentence(m.start())
        if s1 - s0 > MAX_SENTENCE_CHARS:
            continue
        out.append(
            Statement(
                speaker.name, speaker.kind, speaker.role, "reported", text[s0:s1], s0, s1, speaker.evidence
            )
        )
    return out


# ---------------------------------------------------------------- entry points


def find_mentions(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Every person named outside ``skip``: canonical name when known, role as worded."""
    return people.mentions_of(text, people.find_persons(text, skip=skip))


def find_statements(
    text: str, *, skip: Sequence[tuple[int, int]] = (), mentions: Sequence[Mention] | None = None
) -> list[Statement]:
    """Direct quotations and reported speech of named people (and organisations), by start.

    Args:
        skip: boilerplate spans (captions, newsletter lines) that yield nothing.
        mentions: accepted for the pipeline's signature; attribution needs the offsets of
            roles written before names, so persons come from ``people.find_persons``, which
            reuses the reading ``find_mentions`` made of the same text.
    """
    layout = _Layout(text, skip)
    cast = people.build_cast(text, skip=skip)
    _find_spokespeople(layout, cast)
    direct, used = _direct(layout, cast)
    reported = _reported(layout, cast, used, direct)
    found = sorted(direct + reported, key=lambda s: (s.start, s.end))
    # One statement per span and speaker: a sentence reported twice keeps the first reading.
    out: list[Statement] = []
    seen: set[tuple[int, str]] = set()
    for s in found:
        if (s.start, s.speaker) not in seen:
            seen.add((s.start, s.speaker))
            out.append(s)
    return out
