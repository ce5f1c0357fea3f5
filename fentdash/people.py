"""People in a text: names with the roles the text gives them, and the expressions that
refer back to them (pronouns, descriptions such as "the official") or to organisations.

Names are runs of capitalised words. A run is a person only with a cue: the knowledge base
knows the name, a title or honorific stands before it, an apposition with a role follows it,
or a reporting verb is next to it. Organisation and place words end a name, so
"Drug Enforcement Administration" or "Fort Street Cargo Facility" are never people; nor is a
lone word right after an organisation word ("Abuse" in "National Institute on Drug Abuse") or
a run right after "the", unless the knowledge base or an earlier full name knows it.
Word lists live in ``people_lexicon``; gender comes from the knowledge base for known people
and from honorifics or common given names otherwise. A description resolves to the last
person whose office fits all its words, else forward to the first fitting person named soon
after it (cataphora), else to the last person whose office fits its head noun.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from . import knowledge
from .models import Evidence, Mention
from .people_lexicon import (
    DESCRIPTION_HEADS,
    DESCRIPTION_MODIFIERS,
    DESCRIPTION_POSSESSORS,
    DESCRIPTION_STOPWORDS,
    FEMALE_GIVEN_NAMES,
    FEMALE_HONORIFICS,
    FUNCTION_WORDS,
    GENERIC_HEADS,
    GOVERNMENT_POSSESSIVES,
    HEAD_SYNONYMS,
    HONORIFICS,
    INVERTED_VERBS,
    MALE_GIVEN_NAMES,
    MALE_HONORIFICS,
    ORG_ANAPHORS,
    ORG_WORDS,
    PLACE_WORDS,
    PLAIN_HONORIFICS,
    PRONOUNS,
    REPORTING_VERBS,
    ROLE_ABBREVIATIONS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SUFFIXES,
    Gender,
)
from .quotes import intervals

# ---------------------------------------------------------------- settings

ACADEMIC_DEGREES = r"(?:M\.D\.|Ph\.D\.|M\.P\.H\.|J\.D\.|R\.N\.|D\.O\.|M\.S\.|Esq\.|MD|PhD|MPH)"
# How many of the last persons named a pronoun looks through for one of its gender.
NEARBY_PERSONS = 4
# How many persons named after a description it looks through for its person (cataphora).
MAX_CATAPHORA_PERSONS = 8

# ---------------------------------------------------------------- patterns

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_DOTTED = r"(?:[A-Z]\.){2,}"
_HONORIFIC = r"(?:Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Lt|Sgt|Capt|Gen|Col|Det|Prof|Insp|Cmdr|Supt|Jr|Sr)\."
_INITIAL = r"[A-Z]\."
_WORD = rf"[{_UP}](?:['’][{_UP}])?[{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}][{_LO}]+)?(?:['’]s\b)?"
_CAPS = r"[A-Z]{2,}(?:['’]s\b)?"
_TOKEN = rf"(?:{_DOTTED}|{_HONORIFIC}|{_WORD}|{_INITIAL}|{_CAPS})"
_TOKEN_CATCH = re.compile(_TOKEN)
# Runs of capitalised tokens on one line (bounded, so no backtracking blow-up).
# Each pattern opens with a cheap first-letter lookahead (before any \b or lookbehind): it
# lets the scan skip most positions.
_RUN = re.compile(rf"(?=[{_UP}])(?<![\w.’'-]){_TOKEN}(?:[ \t]{{1,2}}{_TOKEN}){{0,11}}")
_POSSESSIVE = re.compile(r"['’]s$")
_DOTTED_CATCH = re.compile(_DOTTED)
_INITIAL_CATCH = re.compile(_INITIAL)
_PAREN_ACRONYM = re.compile(r"\([A-Z]{2,6}\)")
# A role phrase is at most this many tokens ("U.S. Drug Enforcement Administration (DEA) official").
MAX_ROLE_TOKENS = 12
_APPOSITION = re.compile(rf",[ \t]+(?:{ACADEMIC_DEGREES},?[ \t]*){{0,3}}(?P<role>[^,;\n“”\"]{{1,160}})")
# The apposition ends at its sentence: a full stop not after an initial or "Mr".
_APPOSITION_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.(?:[ \t]|$)")
# An organisation named by a series of one-word items: the rest of "Bureau of Alcohol, Tobacco,
# Firearms and Explosives" after the apposition stopped at its first comma.
_SERIAL_NAME = re.compile(
    rf"(?:,[ \t]+[{_UP}][{_LO}]+){{1,6}},?[ \t]+and[ \t]+[{_UP}][{_LO}]+(?:[ \t]+\([A-Z]{{2,6}}\))?(?=[,.;:)\s]|$)"
)
_VERB_BEFORE = re.compile(r"\b(?:said|says|added|stated|noted|warned|explained)[ \t]+$")
_ORG_TRIM = re.compile(r"^(?:[Tt]he[ \t]+)?(?:(?:U\.S\.|US)[ \t]+)?|(?:[ \t]*\([A-Z]{2,6}\))?(?:['’]s)?$")
# Every _ORG_ANAPHOR match is one of these, as written.
_ORG_ANAPHOR_FORMS = tuple(form for p in sorted(ORG_ANAPHORS) for form in (p, p.capitalize()))
_ORG_ANAPHOR = re.compile(r"(?=[Tt]he )\b(?:" + "|".join(_ORG_ANAPHOR_FORMS) + r")\b")
_CONNECTORS = frozenset({"of", "for", "on", "and", "in", "the"})
_APPOSED_NAME = re.compile(r",[ \t]*$")
# "the" right before a capitalised run: a name never follows it ("of the Substance Abuse and").
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_CLOSING_COMMA = re.compile(r",(?=[ \t]*[a-z])")
_APPOSITION_AGE = re.compile(r",[ \t]+\d{1,3},")
_APPOSITION_DEGREE = re.compile(rf",[ \t]+{ACADEMIC_DEGREES}")
_ROLE_TOKENS = re.compile(r"\S+")
_PRONOUN = re.compile(r"(?=[HhSs])\b(?:[Hh]e|[Ss]he|him|[Hh]er|[Hh]is)\b")


def _by_initial(words: frozenset[str]) -> str:
    """An alternation of ``words`` grouped by first letter, longest first within each group.

    At any position the regex engine then tries only the words starting with the letter there,
    and picks the word a flat longest-first alternation would: every word matching at one
    position starts with the same letter, so it sits in the same group, in the same order.
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(sorted(words), key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in sorted(groups.items()))


# A reporting verb; grouped by first letter, ~30% faster to scan than one flat alternation.
VERB = re.compile(rf"\b(?:{_by_initial(REPORTING_VERBS)})\b")
_INVERTED_NAMES = "|".join(sorted((re.escape(v) for v in INVERTED_VERBS), key=len, reverse=True))
INVERTED = re.compile(rf"(?:{_INVERTED_NAMES})[ \t]+")
# Adverbs and auxiliaries between a speaker and the reporting verb ("today announced").
_GAP_WORD = (
    r"(?:also|today|yesterday|previously|recently|later|further|then|again|once|repeatedly|"
    r"publicly|has|have|had|would|will|has also|had also|himself|herself|earlier|often|"
    r"(?:on|last|this|earlier this|in) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|\d{4})|in an? (?:(?:joint|written|separate|brief) )?(?:statement|news release|press release|release|interview|letter|"
    r"tweet|post|email|speech|video))"
)
# "Sheriff Mike Chitwood of Volusia County said": a place or office after the name.
_OF_PLACE = r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,4})?"
# "Sen. Joe Manchin (D-W.Va.) said": a short parenthesis after the name.
_PARENTHESIS = r"(?:[ \t]*\([^()\n]{1,30}\))?"
GAP = re.compile(rf"{_PARENTHESIS}{_OF_PLACE}(?:[ \t]+{_GAP_WORD}){{0,3}}[ \t]+")
# A statement introduction: "X issued the following statement" (the quotation comes next).
INTRO = re.compile(
    r"(?=[irmgdpso])\b(?:issued|released|made|gave|delivered|provided|shared|offered)[ \t]+"
    r"(?:the[ \t]+following|this|a|his|her|their|the)[ \t]+(?:[a-z]+[ \t]+)?(?:statement|remarks|comment)s?\b"
)
# An apposition between a speaker and the verb: "Milgram, who ..., said".
# Full stops allowed inside an apposition: "U.S.", "M.D.", "Ph.D.", "Dr.".
_ABBREVIATED = r"(?:[A-Z][a-z]?\.){2,4}|(?:Dr|Mr|Mrs|Ms|St|Jr|Sr)\."
# A short quoted phrase may sit inside it ("who called the drug “gray death,” said"), its
# comma then inside the closing mark.
APPOSITION_GAP = re.compile(
    rf",[ \t]+(?:[^.;:!?\n“”\"]|{_ABBREVIATED}|“[^“”\n]{{1,60}}”){{1,200}}(?:,|(?<=,”))(?:[ \t]+{_GAP_WORD}){{0,3}}[ \t]+"
)
_HEAD_NAMES = "|".join(sorted(DESCRIPTION_HEADS, key=lambda h: (-len(h), h)))
_POSSESSOR = "|".join(sorted(DESCRIPTION_POSSESSORS, key=len, reverse=True))
_MODIFIER = "|".join(re.escape(m) for m in sorted(DESCRIPTION_MODIFIERS, key=len, reverse=True))
# A co-speaker after a name: ", and Attorney General Merrick Garland" (bounded).
_JOINED_NAME = re.compile(r",?[ \t]+and[ \t]+(?:[A-Z][\w.’'-]*[ \t]+){0,5}[A-Z][\w’'-]*")
# A definite description: "the official", "The DEA’s acting head", "the head of the DEA",
# "The nation's top drug enforcement official", "the acting head of the U.S. Drug Enforcement
# Administration". Every repetition is bounded and separated by a space (no backtracking blow-up).
_DESCRIPTION = re.compile(
    rf"(?=[TA-Z]|the)\b(?:[Tt]he[ \t]+(?:(?:[A-Z]{{2,5}}|{_POSSESSOR})(?:['’]s)?[ \t]+"
    r"|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}(?:[ \t]+(?:administration|government))?['’]s[ \t]+)?"
    r"|America['’]s[ \t]+"
    r"|(?<![Aa] )(?<![Aa]n )(?<![Oo]ne )[A-Z]{2,5}(?:['’]s)?[ \t]+)"
    rf"(?:(?:{_MODIFIER}|[A-Z]{{2,5}})[ \t]+){{0,4}}"
    rf"(?P<head>(?i:{_HEAD_NAMES}))\b"
    r"(?:[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?(?:(?:U\.S\.|US)[ \t]+)?"
    r"(?:[A-Z]{2,5}\b|[A-Z][a-z]+(?:[ \t]+(?:of[ \t]+|and[ \t]+|on[ \t]+|for[ \t]+)?[A-Z][a-z]+){0,6}))?"
)
_DESCRIPTION_WORDS = re.compile(r"[\w.’'-]+")

RefKind = Literal["person", "pronoun", "description", "organization"]


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in the text. ``start``/``end`` delimit the name as written;
    ``ref_start`` includes a role written before it ("Attorney General Jeff Sessions")."""

    name: str
    start: int
    end: int
    ref_start: int
    role: str | None
    known: bool
    gender: Gender | None = None
    # End of the reference: after the closing comma of an apposed name ("the U.S. attorney,
    # Gary Restaino, said"), else the name's end.
    ref_end: int = -1


@dataclass(frozen=True, slots=True)
class Ref:
    """An expression that can be the speaker of a statement."""

    kind: RefKind
    start: int
    end: int
    person: Person | None = None
    organization: str | None = None
    head: str | None = None  # description head or pronoun


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a reference points to, and why."""

    name: str
    kind: Literal["person", "organization"]
    role: str | None
    known: bool
    evidence: tuple[Evidence, ...] = ()


@dataclass(slots=True)
class Cast:
    """Everyone named in one text, with what later references need to resolve to them."""

    text: str
    persons: list[Person]
    refs: list[Ref]
    roles: dict[str, list[str]] = field(default_factory=dict)
    genders: dict[str, Gender] = field(default_factory=dict)
    # Every organisation named, even inside a longer reference ("The DEA's spokeswoman").
    organizations: list[Ref] = field(default_factory=list)
    _forms: dict[str, str] = field(default_factory=dict)  # name -> what is known of their offices
    _org_starts: dict[int, Ref] = field(default_factory=dict)
    _org_ends: dict[int, Ref] = field(default_factory=dict)
    _ref_ends: list[int] = field(default_factory=list)
    _person_ends: list[int] = field(default_factory=list)


# ---------------------------------------------------------------- knowledge base indexes


def _key(name: str) -> tuple[str, str]:
    parts = [p for p in name.replace(".", ". ").split() if not p.endswith(".") or len(p) > 2]
    parts = [p for p in parts if p.rstrip(".") not in {"Dr", "Mr", "Ms", "Mrs", "Jr", "Sr", "II", "III"}]
    return (parts[0].lower(), parts[-1].lower()) if parts else ("", "")


NameIndex = tuple[dict[str, str], dict[tuple[str, str], str], dict[str, tuple[str, ...]]]


# The last index built, by the identity of the officials tuple it was built from: looking
# the tuple up in an lru_cache hashes all ~90 officials (~0.1 ms) on every call.
_LAST_INDEXES: dict[str, tuple[object, object]] = {}


def _kb_names() -> NameIndex:
    """Indexes of the knowledge base's names; rebuilt whenever the knowledge base reloads."""
    officials = knowledge.officials()
    last = _LAST_INDEXES.get("names")
    if last is None or last[0] is not officials:
        last = (officials, _name_index(officials))
        _LAST_INDEXES["names"] = last
    return last[1]  # type: ignore[return-value]


@lru_cache(maxsize=2)
def _name_index(officials: tuple[knowledge.Official, ...]) -> NameIndex:
    exact: dict[str, str] = {}
    first_last: dict[tuple[str, str], str] = {}
    surnames: dict[str, set[str]] = {}
    for official in officials:
        for form in (official.name, *official.aliases):
            exact[form] = official.name
            first_last.setdefault(_key(form), official.name)
            surnames.setdefault(_key(form)[1], set()).add(official.name)
    return exact, first_last, {k: tuple(sorted(v)) for k, v in surnames.items()}


def _organization_pattern() -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """A pattern for every organisation name and alias, the canonical name of each form, and
    the forms every match holds one of; rebuilt when the knowledge base reloads."""
    return _organization_index(tuple(knowledge.organizations().items()))


@lru_cache(maxsize=2)
def _organization_index(
    organizations: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...]]:
    canonical: dict[str, str] = {}
    for name, aliases in organizations:
        for form in (name, *aliases):
            bare = form[4:] if form.lower().startswith("the ") else form
            if bare.lower() in {"agency"}:
                continue  # generic anaphor, resolved in context
            canonical[bare] = name
    forms = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(
        r"(?=[A-Z]|the)(?<![\w-])(?:(?:[Tt]he)[ \t]+)?(?:(?:U\.S\.|US)[ \t]+)?(?:"
        + "|".join(re.escape(f) for f in forms)
        + r")(?![\w-])(?:[ \t]*\([A-Z]{2,6}\))?(?:['’]s)?"
    )
    # A match holds a form as written; a form holding a shorter one ("U.S. Drug Enforcement
    # Administration") needs no test of its own.
    needs = tuple(f for f in forms if not any(g != f and g in f for g in forms))
    return pattern, canonical, needs


def _kb_genders() -> dict[str, Gender]:
    """Canonical name -> gender from the knowledge base; rebuilt when it reloads."""
    officials = knowledge.officials()
    last = _LAST_INDEXES.get("genders")
    if last is None or last[0] is not officials:
        last = (officials, _gender_index(officials))
        _LAST_INDEXES["genders"] = last
    return last[1]  # type: ignore[return-value]


@lru_cache(maxsize=2)
def _gender_index(officials: tuple[knowledge.Official, ...]) -> dict[str, Gender]:
    return {o.name: o.gender for o in officials if o.gender in ("male", "female")}  # type: ignore[misc]


def reset_caches() -> None:
    """Forget the knowledge-base indexes (they also follow knowledge.reset_caches() by themselves)."""
    global _LAST_PERSONS
    _name_index.cache_clear()
    _organization_index.cache_clear()
    _gender_index.cache_clear()
    _LAST_INDEXES.clear()
    _LAST_PERSONS = None


def kb_role(name: str, worded: str | None) -> str | None:
    """The knowledge base's role for ``name``, preferring the term the text's wording names."""
    official = knowledge.officials_by_name().get(name)
    if official is None or not official.terms:
        return None
    wording = (worded or "").lower()
    for short, full in ROLE_ABBREVIATIONS.items():
        wording = wording.replace(short, full)
    if wording:
        for term in official.terms:
            forms = (term.role, *term.role_aliases)
            if any(f.lower() in wording for f in forms if len(f) > 3):
                return term.role
    return official.terms[0].role


# ---------------------------------------------------------------- names


def _bare(word: str) -> str:
    """The word without a possessive "’s"."""
    return word[:-2] if word.endswith(("’s", "'s")) else word


# The word tests below read only constant lexicons; articles repeat the same capitalised words,
# so they are memoised (bounded, so a hostile text cannot grow the caches without limit).
@lru_cache(maxsize=8192)
def _is_role_word(word: str) -> bool:
    w = _bare(word.lower().strip("()’'"))
    if w in ROLE_NOUNS or w in ROLE_MODIFIERS:
        return True
    # Plural roles ("Narcotics Detectives said") are groups of people, never a name.
    return w.endswith("s") and w[:-1] in ROLE_NOUNS


@lru_cache(maxsize=8192)
def _stops_name(token: str) -> bool:
    bare = _bare(token)
    return (
        bare in ORG_WORDS
        or bare in FUNCTION_WORDS
        or bare in HONORIFICS
        or bare in PLACE_WORDS
        or bare.isupper()
        or "." in bare[:-1]
        or _is_role_word(bare)
    )


@lru_cache(maxsize=8192)
def _role_token(tok: str, left: str, right: str) -> bool:
    """Whether ``tok`` can belong to a role phrase, given its neighbours."""
    if tok in HONORIFICS or _is_role_word(tok):
        return True
    dotted = _DOTTED_CATCH.fullmatch(tok) is not None
    if tok[-1] in ",;:–—-" or tok.endswith(".") and not dotted:
        return False
    if dotted or _PAREN_ACRONYM.fullmatch(tok) or tok in {"the", "The"}:
        return True
    if tok in {"of", "for", "on"}:
        return bool(right)
    if tok == "in":
        return right == "Charge"  # "Special Agent in Charge"
    if tok == "and":
        return _bare(right) in ORG_WORDS and _bare(left) in ORG_WORDS  # "Health and Human Services"
    bare = _bare(tok)
    return bare[:1].isupper() and bare not in FUNCTION_WORDS


def _prefix_role(text: str, start: int) -> tuple[int, str | None]:
    """(start, role) of the role phrase written right before a name, e.g. "the DEA’s acting
    head"; ``(start, None)`` when there is none."""
    line_start = text.rfind("\n", max(0, start - 160), start) + 1
    lo = max(line_start, start - 160)
    # Most names follow no role: when the word right before the name cannot end one, the loop
    # below stops at once. ``str.split`` and ``\S+`` cut at the same whitespace.
    tail = text[lo:start].rsplit(None, 2)
    if not tail or not _role_token(tail[-1], tail[-2] if len(tail) > 1 else "", ""):
        return start, None
    tokens = list(_ROLE_TOKENS.finditer(text, lo, start))[-MAX_ROLE_TOKENS:]
    words = [m.group() for m in tokens]
    first = len(tokens)
    for k in range(len(tokens) - 1, -1, -1):
        tok = words[k]
        left = words[k - 1] if k else ""
        right = words[k + 1] if k + 1 < len(words) else ""
        if not _role_token(tok, left, right):
            break
        first = k
        if tok == "The" or tok == "the" and left not in {"of", "for"}:
            break  # "the" opens a role unless inside one ("U.S. Attorney for the District")
    phrase = words[first:]
    while phrase and phrase[0] in _CONNECTORS - {"the"}:
        phrase.pop(0)
        first += 1
    if not phrase or phrase[-1] in _CONNECTORS:
        return start, None  # "Director of the White House": a name never follows "the"
    if not any(_bare(w.lower()) in ROLE_NOUNS for w in phrase):
        return start, None  # capitalised words without a role noun (e.g. "Mexican")
    # Drop leading capitalised words that are neither role nor organisation words.
    while len(phrase) > 1 and not _keeps_role_start(phrase):
        phrase.pop(0)
        first += 1
    # A trailing honorific is not part of the role: "CDC Director Dr. Robert Redfield".
    last = len(tokens) - 1
    while last > first and words[last] in HONORIFICS:
        last -= 1
    return tokens[first].start(), text[tokens[first].start() : tokens[last].end()]


def _keeps_role_start(phrase: list[str]) -> bool:
    head = phrase[0]
    if head in {"the", "The"} or head in HONORIFICS or _is_role_word(head):
        return True
    if _bare(head) in ORG_WORDS or head.isupper() or _DOTTED_CATCH.fullmatch(head):
        return True
    if _bare(head) in PLACE_WORDS:
        return True  # "Ohio Attorney General": the place names the office
    return any(_bare(w) in ORG_WORDS or w.isupper() for w in phrase[1:])


def _apposition_role(text: str, end: int) -> tuple[str | None, bool]:
    """(role, cue): a role in an apposition after the name ("Rene Ortega, Area Port Director")."""
    m = _APPOSITION.match(text, end)
    if not m:
        return None, False
    # A degree or an age ("John Smith, 45, of Dayton") marks a person even without a role.
    degree = bool(_APPOSITION_DEGREE.match(text, end) or _APPOSITION_AGE.match(text, end))
    role = m.group("role")
    # The apposition ends at its sentence: stop at ". " not preceded by an abbreviation.
    cut = _APPOSITION_END.search(role)
    if cut:
        role = role[: cut.start()]
    elif role[-1:].isalpha() and role.split()[-1][:1].isupper():
        serial = _SERIAL_NAME.match(text, m.end())
        role += serial.group() if serial else ""
    role = role.strip()
    if role.startswith(("who ", "whose ")):
        return None, True
    for article in ("a ", "an "):
        if role.startswith(article):
            role = role[len(article) :]
    words = role.split()
    if not words or len(words) > 16 or not any(_bare(w.lower()) in ROLE_NOUNS for w in words):
        return None, degree
    if not (
        words[0][:1].isupper()
        or words[0] in ROLE_NOUNS
        or words[0] in {"the", "acting", "deputy"}
        or role.startswith(tuple(ROLE_MODIFIERS))
    ):
        return None, degree
    return role, True


def _inside_organization(text: str, tokens: list[re.Match[str]], i: int, j: int) -> bool:
    """Whether candidate tokens [i, j) continue an organisation or place name rather than
    start a person's: "Abuse" in "National Institute on Drug Abuse" (a lone word right after an
    organisation word), "Substance Abuse" in "of the Substance Abuse and Mental Health ...".
    """
    start = tokens[i].start()
    if _ARTICLE_BEFORE.search(text, max(0, start - 5), start):
        return True
    # "Director of National Drug Control Policy Rahul Gupta": a full name may follow one.
    return j - i == 1 and _after_organization_word(tokens, i)


def _after_organization_word(tokens: list[re.Match[str]], i: int) -> bool:
    """Token i follows an organisation or place word in the same capitalised run."""
    if not i:
        return False
    prev = _bare(tokens[i - 1].group())
    if prev.lower() in ROLE_NOUNS or prev in HONORIFICS:
        return False  # "Director Milgram", "Dr. Volkow"
    return prev in ORG_WORDS or prev in PLACE_WORDS


def _shed_organization_tail(tokens: list[re.Match[str]], i: int, j: int) -> int:
    """Start of the name in a long candidate that opens with the last word of an
    organisation: "Drug Abuse Nora Volkow" -> "Nora Volkow"."""
    first = _bare(tokens[i].group())
    if j - i >= 3 and _after_organization_word(tokens, i):
        if first not in FEMALE_GIVEN_NAMES and first not in MALE_GIVEN_NAMES:
            return i + 1
    return i


def _verb_next(text: str, end: int) -> bool:
    """A reporting verb follows, perhaps after a co-speaker: "Garland and Milgram said"."""
    gap = GAP.match(text, end) or APPOSITION_GAP.match(text, end)
    if gap and (VERB.match(text, gap.end()) or INTRO.match(text, gap.end())):
        return True
    joined = _JOINED_NAME.match(text, end)
    gap = joined and GAP.match(text, joined.end())
    return bool(gap and (VERB.match(text, gap.end()) or INTRO.match(text, gap.end())))


def _verb_before(text: str, start: int) -> bool:
    window = text[max(0, start - 25) : start]
    return bool(_VERB_BEFORE.search(window))


def _name_tokens(run: re.Match[str]) -> list[re.Match[str]]:
    return list(_TOKEN_CATCH.finditer(run.string, run.start(), run.end()))


def _candidates(tokens: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of name-like token groups within one capitalised run."""
    return list(_candidate_ranges(tuple(t.group() for t in tokens)))


@lru_cache(maxsize=4096)
def _run_candidates(run: str) -> tuple[tuple[int, int], ...]:
    """``_candidates`` of a run read alone: its tokens do not depend on the text around it
    (``_TOKEN`` has no lookbehind, and its only ``\b`` sees the run's end as the text's end).
    Runs recur ("The", "Attorney General Merrick Garland"), and most hold no name."""
    return _candidate_ranges(tuple(_TOKEN_CATCH.findall(run)))


@lru_cache(maxsize=4096)
def _candidate_ranges(words: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """``_candidates`` on the tokens' words."""
    out, i, n = [], 0, len(words)
    while i < n:
        tok = words[i]
        starts_name = not _stops_name(tok) or _INITIAL_CATCH.fullmatch(tok) is not None
        if not starts_name:
            i += 1
            continue
        j = i
        while j < n and j - i < 4:
            t = words[j]
            if _INITIAL_CATCH.fullmatch(t) or (t in SUFFIXES and j > i + 1):
                j += 1
                continue
            if _stops_name(t):
                break
            j += 1
            if _POSSESSIVE.search(t):
                break
        # A name ends in a word, not an initial.
        while j > i and _INITIAL_CATCH.fullmatch(words[j - 1]):
            j -= 1
        if j > i:
            out.append((i, j))
            i = j
        else:
            i += 1
    return tuple(out)


def _resolve_name(
    written: str, *, cue: bool, title: bool, earlier: dict[str, str], index: NameIndex
) -> tuple[str, bool] | None:
    """(canonical or written name, known) for a candidate, or None when it is not a person."""
    exact, first_last, surnames = index
    words = written.split()
    if written in exact:
        return exact[written], True
    if len(words) >= 2:
        key = _key(written)
        if key in first_last:
            return first_last[key], True
        return (written, False) if cue else None
    surname = written.lower()
    if surname in earlier:
        name = earlier[surname]
        return name, name in knowledge.officials_by_name()
    kb = surnames.get(surname, ())
    if len(kb) == 1 and cue:
        return kb[0], True
    return (written, False) if title else None


# The pipeline reads the persons of each article twice (``statements.find_mentions``, then
# ``build_cast`` in ``find_statements``): the last reading is kept, keyed on the text, the
# skip spans and the knowledge base (by identity) it was made with. One entry, replaced
# whole, so threads never see half of one.
_LAST_PERSONS: tuple[str, object, tuple[tuple[int, int], ...], tuple[Person, ...]] | None = None


def find_persons(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[Person]:
    """Every person named outside ``skip``, in text order."""
    global _LAST_PERSONS
    officials = knowledge.officials()
    spans = tuple((start, end) for start, end in skip)
    last = _LAST_PERSONS
    if last is not None and last[1] is officials and last[2] == spans and last[0] == text:
        return list(last[3])
    persons = _read_persons(text, spans)
    _LAST_PERSONS = (text, officials, spans, tuple(persons))
    return persons


def _read_persons(text: str, skip: Sequence[tuple[int, int]]) -> list[Person]:
    skipped = intervals(skip)
    index = _kb_names()
    genders = _kb_genders()
    earlier: dict[str, str] = {}
    persons: list[Person] = []
    for run in _RUN.finditer(text):
        ranges = _run_candidates(run.group())  # a cache hit for most runs: test it first
        if not ranges or skipped.overlaps(run.start(), run.end()):
            continue
        tokens = _name_tokens(run)
        for i, j in ranges:
            i = _shed_organization_tail(tokens, i, j)
            start, end = tokens[i].start(), tokens[j - 1].end()
            written = _bare(text[start:end])
            end = start + len(written)
            prev = tokens[i - 1].group() if i else ""
            honorific = prev in HONORIFICS
            role_start, role = _prefix_role(text, start)
            ref_end = end
            apposed = None if role else _APPOSED_NAME.search(text, max(0, start - 3), start)
            closing = _CLOSING_COMMA.match(text, end)
            if apposed and closing:
                # "Arizona's U.S. attorney, Gary Restaino, said": the role before the comma.
                role_start, role = _prefix_role(text, apposed.start())
                ref_end = closing.end() if role else end
            title = bool(role) or honorific
            # Most candidates ("Fentanyl", "Ohio") are no person even with a cue: a cue only
            # ever turns None into a name, so skip the cue searches when it cannot help.
            if _resolve_name(written, cue=True, title=title, earlier=earlier, index=index) is None:
                continue
            if apposed and closing and ref_end == end and _verb_next(text, closing.end()):
                ref_end = closing.end()  # "a spokesman for the agency, John Doe, said"
            after_role, after_cue = _apposition_role(text, end)
            cue = title or after_cue or _verb_next(text, ref_end) or _verb_before(text, role_start)
            if _inside_organization(text, tokens, i, j):
                # Only the knowledge base or an earlier full name can make it a person.
                title = cue = False
            resolved = _resolve_name(written, cue=cue, title=title, earlier=earlier, index=index)
            if resolved is None:
                continue
            name, known = resolved
            if len(written.split()) >= 2:
                earlier.setdefault(written.split()[-1].lower(), name)
                earlier.setdefault(name.split()[-1].lower(), name)
            # Prefer a descriptive role over a bare honorific ("Dr.").
            worded = None if role in PLAIN_HONORIFICS else role
            if after_role and (not worded or worded in HONORIFICS):
                worded = after_role
            gender = genders.get(name) if known else None
            gender = gender or _gender(prev, name if known else written)
            persons.append(Person(name, start, end, role_start, worded, known, gender, ref_end))
    return persons


def _gender(honorific: str, written: str) -> Gender | None:
    """Gender from an honorific, else (fallback) from a conventional given name."""
    first = written.split()[0]
    if honorific in MALE_HONORIFICS or first in MALE_GIVEN_NAMES:
        return "male"
    if honorific in FEMALE_HONORIFICS or first in FEMALE_GIVEN_NAMES:
        return "female"
    return None


def mentions_of(text: str, persons: Sequence[Person]) -> list[Mention]:
    return [Mention(p.name, text[p.start : p.end], p.start, p.end, p.role, p.known) for p in persons]


# ---------------------------------------------------------------- references


def _organizations(text: str, skipped) -> list[Ref]:
    pattern, canonical, needs = _organization_pattern()
    refs = []
    # Literal gates: most texts name no organisation of the knowledge base and no anaphor.
    if any(form in text for form in needs):
        for m in pattern.finditer(text):
            if skipped.contains(m.start()):
                continue
            core = _ORG_TRIM.sub("", m.group())
            name = canonical.get(core)
            if name:
                refs.append(Ref("organization", m.start(), m.end(), organization=name))
    if any(form in text for form in _ORG_ANAPHOR_FORMS):
        for m in _ORG_ANAPHOR.finditer(text):
            if not skipped.contains(m.start()):
                refs.append(Ref("organization", m.start(), m.end(), head=m.group().lower()))
    return refs


def build_cast(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> Cast:
    """Persons, plus pronouns, descriptions and organisations that may refer to speakers."""
    skipped = intervals(skip)
    persons = find_persons(text, skip=skip)
    taken = intervals([(p.ref_start, max(p.end, p.ref_end)) for p in persons])
    refs: list[Ref] = [Ref("person", p.ref_start, max(p.end, p.ref_end), person=p) for p in persons]
    for m in _PRONOUN.finditer(text):
        if not skipped.contains(m.start()):
            refs.append(Ref("pronoun", m.start(), m.end(), head=m.group().lower()))
    for m in _DESCRIPTION.finditer(text):
        if not skipped.contains(m.start()) and not taken.overlaps(m.start(), m.end()):
            refs.append(Ref("description", m.start(), m.end(), head=m.group("head").lower()))
    organizations = _organizations(text, skipped)
    for r in organizations:
        if not taken.overlaps(r.start, r.end):
            refs.append(r)
    refs.sort(key=lambda r: (r.end, -(r.end - r.start)))
    # Keep the longest reference ending at each offset (a description contains its org).
    kept: list[Ref] = []
    for r in refs:
        if kept and kept[-1].end == r.end:
            continue
        while kept and kept[-1].start >= r.start and kept[-1].end <= r.end:
            kept.pop()
        kept.append(r)
    cast = Cast(text, persons, kept)
    cast.organizations = sorted(organizations, key=lambda r: r.start)
    cast._org_starts = {r.start: r for r in cast.organizations}
    cast._org_ends = {r.end: r for r in cast.organizations}
    for p in persons:
        cast.roles.setdefault(p.name, [])
        if p.role:
            cast.roles[p.name].append(p.role)
        if p.gender:
            cast.genders.setdefault(p.name, p.gender)
    cast._ref_ends = [r.end for r in kept]
    cast._person_ends = [p.end for p in persons]
    return cast


def refs_ending_before(cast: Cast, pos: int, *, window: int = 260) -> list[Ref]:
    """References ending at or before ``pos`` (nearest first), within ``window`` chars."""
    k = bisect_right(cast._ref_ends, pos)
    out = []
    while k > 0 and cast.refs[k - 1].end >= pos - window:
        out.append(cast.refs[k - 1])
        k -= 1
    return out


def ref_starting_at(cast: Cast, pos: int) -> Ref | None:
    """The longest reference that starts at ``pos``."""
    k = bisect_right(cast._ref_ends, pos)
    best = None
    for r in cast.refs[k : k + 12]:
        if r.start == pos and (best is None or r.end > best.end):
            best = r
    return best


def organization_near(cast: Cast, *, start: int | None = None, end: int | None = None) -> Ref | None:
    """The organisation reference that starts at ``start`` or ends at ``end``."""
    if start is not None and start in cast._org_starts:
        return cast._org_starts[start]
    return cast._org_ends.get(end) if end is not None else None


def organization_of(speaker: Speaker) -> str | None:
    """The organisation a known person spoke for, from the knowledge base term of their role."""
    official = knowledge.officials_by_name().get(speaker.name) if speaker.kind == "person" else None
    if official is None or not official.terms:
        return None
    for term in official.terms:
        if term.role == speaker.role:
            return term.organization
    return official.terms[0].organization


def _span(cast: Cast, start: int, end: int, reason: str) -> Evidence:
    return Evidence(cast.text[start:end], start, end, reason)


def _person_speaker(cast: Cast, p: Person, evidence: tuple[Evidence, ...]) -> Speaker:
    role = kb_role(p.name, " ".join(cast.roles.get(p.name, ())) or p.role) if p.known else None
    if role is None:
        worded = cast.roles.get(p.name) or []
        role = p.role or (worded[-1] if worded else None)
    return Speaker(p.name, "person", role, p.known, evidence)


def _antecedents(cast: Cast, pos: int, blocked, limit: int = 40) -> list[Person]:
    k = bisect_right(cast._person_ends, pos)
    out: list[Person] = []
    while k > 0 and len(out) < limit:
        p = cast.persons[k - 1]
        if not blocked.contains(p.start):
            out.append(p)
        k -= 1
    return out


def _forms(cast: Cast, p: Person) -> str:
    """Everything known about a person's offices, lower case: roles as worded, the knowledge
    base's roles and role aliases, and the organisations of those terms with their aliases."""
    forms = [r for r in cast.roles.get(p.name, ())]
    official = knowledge.officials_by_name().get(p.name)
    if official:
        organizations = knowledge.organizations()
        for term in official.terms:
            forms += [term.role, *term.role_aliases, term.organization]
            forms += organizations.get(term.organization, ())
    return " | ".join(forms).lower()


def _description_words(text: str) -> list[str]:
    """The words of a description that name an office or organisation."""
    tokens = _DESCRIPTION_WORDS.findall(text)
    # "The Biden administration's drug czar": a government's name says nothing about the office.
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].lower() in GOVERNMENT_POSSESSIVES:
            tokens = tokens[k + 1 :]
            break
    words = [_bare(w).lower() for w in tokens]
    return [w for w in words if w and w not in DESCRIPTION_STOPWORDS]


def _role_matches(cast: Cast, p: Person, ref: Ref, *, strict: bool = True, forward: bool = False) -> bool:
    """Whether a description ("the DEA's acting head") fits a person: its head names the
    person's office and, when ``strict``, "acting" matches and its other words ("DEA",
    "drug enforcement") appear in what is known of the person's roles and organisations."""
    forms = cast._forms.get(p.name)
    if forms is None:
        forms = cast._forms[p.name] = _forms(cast, p)
    if not forms:
        return False
    head = ref.head or ""
    words = _description_words(cast.text[ref.start : ref.end])
    content = [w for w in words if w not in head.split() and w != "acting"]
    if head in GENERIC_HEADS:
        # "the official" names no office: forward, only its other words can pick a person.
        if forward and not content:
            return False
    elif not any(s in forms for s in HEAD_SYNONYMS.get(head, frozenset({head}))):
        return False
    if not strict:
        return True
    if "acting" in words and "acting" not in forms:
        return False
    return all(w in forms for w in content)


def _cataphora(cast: Cast, ref: Ref, ahead: int, blocked) -> Person | None:
    """The first person named after a description, before ``ahead``, whose office fits it."""
    k = bisect_right(cast._person_ends, ref.end)
    for p in cast.persons[k : k + MAX_CATAPHORA_PERSONS]:
        if p.start >= ahead:
            break
        if p.start >= ref.end and not blocked.contains(p.start) and _role_matches(cast, p, ref, forward=True):
            return p
    return None


def resolve(cast: Cast, ref: Ref, *, blocked=None, ahead: int | None = None) -> Speaker | None:
    """The person or organisation a reference points to; None when it cannot be resolved.

    ``blocked`` holds spans (quotations) whose names are not antecedents. A description with
    no fitting person before it may resolve forward to a fitting person named before ``ahead``.
    """
    blocked = blocked or intervals(())
    here = _span(cast, ref.start, ref.end, "")
    if ref.kind == "person" and ref.person is not None:
        p = ref.person
        return _person_speaker(cast, p, (Evidence(here.text, here.start, here.end, "speaker named here"),))
    if ref.kind == "organization":
        name = ref.organization
        if name is None:  # "the agency": the organisation named last
            before = [
                r
                for r in refs_ending_before(cast, ref.start, window=3000)
                if r.kind == "organization" and r.organization
            ]
            if not before:
                return None
            name = before[0].organization or ""
        return Speaker(
            name,
            "organization",
            None,
            True,
            (Evidence(here.text, here.start, here.end, "organisation named here"),),
        )
    candidates = _antecedents(cast, ref.start, blocked)
    head = ref.head or ""
    # A description: the last person whose office fits all its words, else the first person
    # named after it who fits (cataphora), else the last person whose office fits its head.
    fits = [c for c in candidates if ref.kind == "description" and _role_matches(cast, c, ref)]
    if ref.kind == "description" and not fits and ahead is not None:
        # Wire copy opens with a description and names the person later.
        later = _cataphora(cast, ref, ahead, blocked)
        if later is not None:
            reason = f"description '{here.text}' resolved forward to the first person named after it with that role"
            named = Evidence(
                cast.text[later.start : later.end], later.start, later.end, "named after the description"
            )
            return _person_speaker(cast, later, (Evidence(here.text, here.start, here.end, reason), named))
    if ref.kind == "description" and not fits:
        fits = [
            c for c in candidates if _role_matches(cast, c, ref, strict=False) and head not in GENERIC_HEADS
        ]
    if ref.kind == "description" and not fits and head in GENERIC_HEADS:
        # A generic head ("the official") falls back to the nearest person when no role fits.
        fits = candidates[:1]
    if ref.kind == "pronoun":
        # A nearby person known to have the pronoun's gender beats a nearer unknown one.
        want = PRONOUNS[head]
        known = [c for c in candidates[:NEARBY_PERSONS] if cast.genders.get(c.name) == want]
        candidates = known[:1] + candidates
    for p in candidates:
        if ref.kind == "pronoun":
            have = cast.genders.get(p.name)
            if have and have != want:
                continue
            cast.genders.setdefault(p.name, want)
            reason = f"pronoun resolved to the last {want} person named"
        else:
            if p not in fits:
                continue
            reason = f"description '{here.text}' resolved to the last person with that role"
        antecedent = Evidence(cast.text[p.start : p.end], p.start, p.end, "antecedent named here")
        evidence = (Evidence(here.text, here.start, here.end, reason), antecedent)
        return _person_speaker(cast, p, evidence)
    return None
