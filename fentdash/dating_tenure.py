"""Tenure clues for article dating: an official named in an office bounds the date by the term.

Three strengths, by how sure we are of the office meant:
  - the title stands with the name ("Attorney General Jeff Sessions", "Tom Price, the HHS
    secretary"): the term's dates, strong;
  - the name stands bare but the office is described elsewhere and no other named official
    could hold it ("Robert Patterson told reporters ... the acting head of the DEA said"):
    the described term, a little weaker;
  - the name stands bare everywhere: the union of all the person's terms, weak.
"former X" bounds from below (after the term); "then-X", "the late X" and titles set in the
past by the clause ("In July 2017, Attorney General ...") do not bound at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import knowledge
from .dating_spans import Allowed, Clues, Constraint, Options, bounded, intersect, union
from .dating_text import evidence, sentence, sentences, skipped
from .models import Mention

TENURE_STRENGTH = 0.9
FORMER_STRENGTH = 0.6
DESCRIBED_STRENGTH = 0.75
# Below a year spoken of as past (0.4): a bare name may be history ("Obama signed CARA").
NAMED_ONLY_STRENGTH = 0.38
MAX_MENTIONS = 200

_ROLE_QUALIFIERS = frozenset(
    {"deputy", "acting", "assistant", "associate", "principal", "state", "vice", "chief"}
)
_ROLE_NOISE = re.compile(r"\b(?:the|of)\b|'s\b|\u2019s\b|[^\w\s-]", re.IGNORECASE)
_US = re.compile(r"\b(?:u\.\s?s\.?|united states)(?=\s|$)", re.IGNORECASE)
# Organisation aliases too vague to name an office.
_GENERIC_ORGS = frozenset({"agency", "department", "office", "white house"})
# Words that name an office only together with an organisation ("acting head" of what?).
_GENERIC_ROLE_WORDS = frozenset(
    "acting deputy assistant associate principal head chief boss leader administrator director official "
    "commissioner secretary president senator us".split()
)
# How close (normalised characters) an organisation must stand to a generic office word.
_ORG_REACH = 50
_LEFT_REACH = 90
# Lower-case words that belong to a title before a name.
_TITLE_WORDS = frozenset(
    "the of for and acting former ex deputy assistant associate principal chief head official director "
    "administrator secretary attorney general commissioner czar boss top prosecutor agent agency u.s. us "
    "federal national state health drug".split()
)
# Words of a title run that do not make it a title ("Sessions and Rosenstein").
_NOT_TITLE = frozenset({"the", "and", "of", "for", "a", "an", "with"})
# Nouns that make an apposition a role ("Anne Milgram, the agency's administrator,").
_TITLE_NOUNS = frozenset(
    "head chief boss leader director administrator secretary attorney general commissioner czar official "
    "president senator prosecutor agent spokesman spokeswoman spokesperson minister governor mayor".split()
)
_APPOSITION = re.compile(r",\s([^,;\n]{2,90}?)(?:,|;|\.\s|\.$|\n|$)")
# "former Attorney General X": the article is after the tenure; "then-" says nothing about now.
_FORMER = re.compile(
    r"\b(?:former|ex|onetime|one-time|erstwhile|retired)\b[-\s]*(?:[\w.'()-]+\s){0,5}$", re.IGNORECASE
)
_THEN = re.compile(r"\bthen\b[-\s]*(?:[\w.'()-]+\s){0,5}$", re.IGNORECASE)
# Right before a bare name: the person is not (or no longer) in office.
_NOT_NOW = re.compile(
    r"\b(?:former|ex|then|late|onetime|one-time|erstwhile|retired)\b[-\s]{0,3}$", re.IGNORECASE
)
# The role before a name stops at punctuation or at a word that starts another phrase.
_LEFT_CUT = re.compile(r"[,;:\"\u201c\u201d]|\b(?:with|said|says|told|by|to|from)\b", re.IGNORECASE)
# "In July 2017," / "in 2018" / "back in 2016": a time set for the clause, so a title is as of then.
_SET_TIME = (
    r"\b(?:in|during|back\sin)\s(?:(?:early|late|mid)[-\s])?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s)?(?:19|20)\d\d\b"
)
_SET_TIME_BEFORE = re.compile(_SET_TIME, re.IGNORECASE)
_SET_TIME_AFTER = re.compile(r"\s*,?\s*" + _SET_TIME, re.IGNORECASE)
# A relative clause with a year after a bare name sets the person in the past ("Sessions, who left in 2018,").
_PAST_CLAUSE = re.compile(r",\s(?:who|whose)\b[^.;\n]{0,80}?\b(?:19|20)\d\d\b")


def normalise_role(value: str) -> str:
    """Lower case, "U.S."/"United States" as "us", no articles, possessives or punctuation."""
    return " ".join(_ROLE_NOISE.sub(" ", _US.sub("us", value.lower())).split())


@lru_cache(maxsize=256)
def _org_keys(term: knowledge.Term) -> tuple[str, ...]:
    """Normalised names of the term's organisation (full name, aliases, "of ..." tail)."""
    _, _, tail = term.role.partition(" of ")
    orgs = {normalise_role(term.organization), normalise_role(tail)}
    orgs |= {normalise_role(a) for a in knowledge.organizations().get(term.organization, ())}
    return tuple(sorted(o for o in orgs if o and o not in _GENERIC_ORGS))


@lru_cache(maxsize=256)
def _role_keys(term: knowledge.Term) -> tuple[str, ...]:
    """Normalised ways to name the office: the role, its aliases, and title + organisation
    in either order ("HHS Secretary", "Secretary of Health and Human Services")."""
    keys = [normalise_role(a) for a in (term.role, *term.role_aliases)]
    core = normalise_role(term.role.partition(" of ")[0])
    for org in _org_keys(term):
        keys += [f"{org} {core}", f"{core} {org}"]
    if "acting" in core.split():
        # Reporters often drop "acting": "DEA Administrator Uttam Dhillon".
        keys += [re.sub(r"\bacting\s", "", k) for k in keys]
    return tuple(dict.fromkeys(k for k in keys if k))


def _word_positions(phrase: str, context: str) -> list[int]:
    """Where ``phrase`` stands as whole words in a space-padded normalised ``context``."""
    out, needle = [], f" {phrase} "
    pos = context.find(needle)
    while pos >= 0:
        out.append(pos + 1)
        pos = context.find(needle, pos + 1)
    return out


def _key_hits(term: knowledge.Term, normalised: str) -> list[tuple[str, int]]:
    """(key, position) of every way the term's office is named in ``normalised`` text. A
    qualifier the term lacks ("deputy", "acting") before the matched title means another office."""
    context = f" {normalised} "
    term_words = set(normalise_role(term.role).split())
    hits = []
    for key in _role_keys(term):
        for pos in _word_positions(key, context):
            previous = context[:pos].split()
            if previous and previous[-1] in _ROLE_QUALIFIERS and previous[-1] not in term_words:
                continue
            hits.append((key, pos))
    return hits


def role_matches(term: knowledge.Term, worded: str) -> bool:
    """Does the role as worded name this term's office?"""
    return bool(_key_hits(term, normalise_role(worded)))


def _described(term: knowledge.Term, normalised: str) -> str | None:
    """The key naming this office in a passage with no name; a generic one ("acting head")
    counts only with the organisation close by."""
    context = f" {normalised} "
    for key, pos in _key_hits(term, normalised):
        if any(f" {o} " in f" {key} " for o in _org_keys(term)):
            return key
        if not set(key.split()) <= _GENERIC_ROLE_WORDS:
            return key
        if any(abs(p - pos) <= _ORG_REACH for org in _org_keys(term) for p in _word_positions(org, context)):
            return key
    return None


@lru_cache(maxsize=1)
def _people_pattern() -> re.Pattern[str] | None:
    """Full names and aliases of every known official, for texts no mentions came with."""
    names = {
        alias for p in knowledge.officials() for alias in (p.name, *p.aliases) if len(alias.split()) >= 2
    }
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b")


def reset_caches() -> None:
    for fn in (_people_pattern, _role_keys, _org_keys):
        fn.cache_clear()


def _known_mentions(text: str, options: Options) -> list[Mention]:
    pattern = _people_pattern()
    if pattern is None:
        return []
    lookup = {alias: p.name for p in knowledge.officials() for alias in (p.name, *p.aliases)}
    return [
        Mention(lookup[m.group(0)], m.group(0), m.start(), m.end(), None, True)
        for m in pattern.finditer(text)
        if not skipped(m.start(), m.end(), options)
    ]


_WORD_RUN = re.compile(r"\S+\s*")


def _trailing_title(left: str) -> str:
    """The run of title-like words just before a name ("the DEA's acting head ")."""
    keep = len(left)
    for w in reversed(list(_WORD_RUN.finditer(left))):
        token = w.group(0).strip().strip("(),").lower()
        if not (
            any(c.isupper() for c in w.group(0)) or token in _TITLE_WORDS or token.endswith(("'s", "\u2019s"))
        ):
            break
        keep = w.start()
    return left[keep:]


def _role_context(text: str, mention: Mention, previous_end: int = 0) -> tuple[str, str]:
    """(title words before the name in its sentence, apposition after it); the title never
    reaches back into the previous person's name."""
    s0, _ = sentence(text, mention.start)
    left = text[max(s0, previous_end, mention.start - _LEFT_REACH) : mention.start]
    cuts = list(_LEFT_CUT.finditer(left))
    if cuts:
        left = left[cuts[-1].end() :]
    left = _trailing_title(left)
    m = _APPOSITION.match(text, mention.end)
    return left, (m.group(1) if m else "")


def _has_title(role: str, left: str, apposition: str, *, sentence_start: bool = False) -> bool:
    """Does this mention carry any title at all (even one we cannot match)? A capitalised
    first word of the sentence ("Yesterday Jeff Sessions") is no title unless it is a title word."""
    words = left.split()
    if sentence_start and words:
        first = words[0].strip(".,()'")
        if not first.isupper() and first.lower() not in _TITLE_WORDS | _TITLE_NOUNS:
            words = words[1:]
    words = [w.strip(".,()'") for w in f"{role} {' '.join(words)}".lower().split()]
    if any(w and w not in _NOT_TITLE for w in words):
        return True
    return any(w.strip(".,'") in _TITLE_NOUNS or w[:1].isupper() for w in apposition.split())


def _set_in_the_past(text: str, mention: Mention) -> bool:
    s0, _ = sentence(text, mention.start)
    if _SET_TIME_BEFORE.search(text, s0, mention.start):
        return True
    return bool(_SET_TIME_AFTER.match(text, mention.end))


def _out_of_office(terms: Sequence[knowledge.Term], options: Options) -> Allowed:
    """When someone who held these terms was "former": after a term ends, until the next starts."""
    spans = []
    for t in terms:
        if t.end is None:
            continue
        later = [u.start for u in terms if u.start >= t.end]
        spans.append((t.end, min(later) if later else options.max_date))
    return intersect(union(spans), ((options.min_date, options.max_date),))


def _tenures(terms: Sequence[knowledge.Term], options: Options) -> tuple[Allowed, str]:
    allowed = bounded(((t.start, t.end or options.max_date) for t in terms), options)
    label = "; ".join(f"{t.start.isoformat()}..{t.end.isoformat() if t.end else 'present'}" for t in terms)
    return allowed, label


def _titled_clue(
    text: str, person: knowledge.Official, mention: Mention, left: str, after: str, options: Options
) -> Constraint | None:
    """The tenure (or, for "former", the time out of office) of the office the title names."""
    if _set_in_the_past(text, mention):
        return None  # "In July 2017, Attorney General Sessions ...": the title is as of then
    # The role as the statements stage worded it ends where the name starts, like ``left``.
    role = f"{mention.role} " if mention.role else ""
    if _THEN.search(left) or _THEN.search(role):
        return None
    worded = " ".join(filter(None, (mention.role or "", left, mention.text, after)))
    terms = tuple(t for t in person.terms if role_matches(t, worded))
    if not terms:
        return None
    span_start = mention.start - len(left.lstrip()) if left.strip() else mention.start
    if _FORMER.search(left) or _FORMER.search(role):
        allowed = _out_of_office(terms, options)
        ended = ", ".join(t.end.isoformat() for t in terms if t.end is not None)
        if not ended:
            return None
        reason = f"{person.name} is called a former {terms[0].role}; that ended on {ended}"
        strength = FORMER_STRENGTH
    else:
        allowed, label = _tenures(terms, options)
        reason = f"{person.name} was {terms[0].role} {label}"
        strength = TENURE_STRENGTH
    if not allowed:
        return None
    return Constraint(evidence(text, span_start, mention.end, reason), allowed, strength)


def tenure_clues(text: str, mentions: Sequence[Mention], options: Options, clues: Clues) -> None:
    """Bound the date by the terms of the officials named (see the module docstring)."""
    people = knowledge.officials_by_name()
    seen: set[tuple[str, Allowed, float]] = set()
    found = sorted(list(mentions) or _known_mentions(text, options), key=lambda m: m.start)
    ends = [0] + [m.end for m in found]
    titled: set[str] = set()  # people named with some title somewhere
    untitled: dict[str, list[tuple[int, Mention]]] = {}  # people named without one: (index, mention)
    claimed: list[tuple[int, int]] = []  # where titles and appositions of named people stand
    for index, (mention, previous_end) in enumerate(list(zip(found, ends, strict=False))[:MAX_MENTIONS]):
        if skipped(mention.start, mention.end, options):
            continue
        left, after = _role_context(text, mention, previous_end if previous_end <= mention.start else 0)
        claimed.append((mention.start - len(left), mention.end + (len(after) + 2 if after else 0)))
        person = people.get(mention.name)
        if person is None:
            continue
        role = f"{mention.role} " if mention.role else ""
        before_left = text[max(0, mention.start - len(left) - 3) : mention.start - len(left)].strip()
        if not _has_title(role, left, after, sentence_start=before_left in ("", ".", "!", "?")):
            untitled.setdefault(person.name, []).append((index, mention))
            continue
        titled.add(person.name)
        clue = _titled_clue(text, person, mention, left, after, options)
        if clue is not None and (key := (person.name, clue.allowed, clue.strength)) not in seen:
            seen.add(key)
            clues.constraints.append(clue)
    # People named with a title somewhere are dated by it: their bare mentions are not read.
    pending = _bare_names({n: ms for n, ms in untitled.items() if n not in titled}, text)
    if not pending:
        return
    passages = _unclaimed_passages(text, claimed, options)
    named = [people[n] for n in dict.fromkeys(m.name for m in found) if n in people]
    described = _descriptions(passages, [t for p in named for t in p.terms])
    for name, bare_mentions in pending.items():
        _bare_name_clue(text, people[name], bare_mentions[0], described, options, clues)


def _bare_names(untitled: dict[str, list[tuple[int, Mention]]], text: str) -> dict[str, list[Mention]]:
    """People named only without a title, with their mentions as someone in office now (in
    text order, people ordered by the first of them). Each mention comes with its index in
    text order. "former X", "the late X" anywhere rules the person out; a mention set in the
    past ("In 2016, X", "X, who left in 2018,") does not count."""
    bare: list[tuple[int, str, list[Mention]]] = []
    for name, indexed in untitled.items():
        if any(_NOT_NOW.search(text[max(0, m.start - 20) : m.start]) for _, m in indexed):
            continue
        now = [
            (i, m) for i, m in indexed if not (_set_in_the_past(text, m) or _PAST_CLAUSE.match(text, m.end))
        ]
        if now:
            bare.append((now[0][0], name, [m for _, m in now]))
    return {name: mentions for _, name, mentions in sorted(bare, key=lambda b: b[0])}


def _unclaimed_passages(text: str, claimed: Sequence[tuple[int, int]], options: Options) -> list[str]:
    """Normalised stretches of text outside the titles and appositions of named people."""
    pieces, pos = [], 0
    for s, e in sorted([*((s, e) for s, e in claimed if s < e), *options.skip]):
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e)
    pieces.append((pos, len(text)))
    return [normalise_role(text[a:b]) for s, e in pieces for a, b in sentences(text, s, e)]


def _descriptions(
    passages: Sequence[str], terms: Sequence[knowledge.Term]
) -> list[list[tuple[knowledge.Term, str]]]:
    """For each passage, the terms (of the people named) whose office it describes, with the key."""
    return [[(t, key) for t in terms if (key := _described(t, p)) is not None] for p in passages]


def _bare_name_clue(
    text: str,
    person: knowledge.Official,
    mention: Mention,
    described: Sequence[Sequence[tuple[knowledge.Term, str]]],
    options: Options,
    clues: Clues,
) -> None:
    """A name with no title: the office described elsewhere, else any of the person's terms."""
    mine: dict[knowledge.Term, str] = {}
    for hits in described:
        # Another official named in the article could hold the office described: ambiguous.
        if hits and all(t.name == person.name for t, _ in hits):
            for term, key in hits:
                mine.setdefault(term, key)
    if mine:
        terms = [t for t in person.terms if t in mine]
        allowed, label = _tenures(terms, options)
        keys = ", ".join(f'"{mine[t]}"' for t in terms)
        reason = f"{person.name} was {terms[0].role} {label}: the article names the office ({keys}) elsewhere"
        strength = DESCRIBED_STRENGTH
    else:
        allowed, label = _tenures(person.terms, options)
        reason = f"{person.name} is named without a title; in office {label}"
        strength = NAMED_ONLY_STRENGTH
    if allowed:
        clues.constraints.append(
            Constraint(evidence(text, mention.start, mention.end, reason), allowed, strength)
        )
