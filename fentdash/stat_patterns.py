"""Compiled patterns of the statistics extractor, built once from named fragments.

Candidate patterns find figures (``NUMBER_CATCH``, ``FRACTION_CATCH``, ``FOLD_VERB_CATCH``,
``MULTIPLE_CATCH``, ``FRACTION_CHANGE``);
context patterns are matched right after or right before a number; cue-word patterns
(``DEATH_CONTEXT``, ``SEIZE`` ...) are lexicon fragments searched in a figure's sentence.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .numbers import NUMBER, TENS_WORDS, UNITS_WORDS, WORD_NUMBER

SP = r"[ \u00a0]"
MAX_LOOK = 160  # characters of context looked at on each side of a figure
MAX_CONTEXT = 250  # characters of a sentence used to decide what a figure counts


def alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def words(fragment: str) -> re.Pattern[str]:
    """A lexicon fragment as whole words, any case."""
    pattern = re.compile(rf"\b(?:{fragment})\b", re.IGNORECASE)
    stems = literal_stems(fragment)
    if stems is not None:
        STEM_GATES[pattern] = re.compile(alt(stems))
    return pattern


# Patterns made by ``words`` -> the lowercase strings one of which every match holds, as one
# case-sensitive pattern to search in lowercased text (one scan, not one per string).
STEM_GATES: dict[re.Pattern[str], re.Pattern[str]] = {}


def literal_stems(fragment: str) -> tuple[str, ...] | None:
    """The literal start of each alternative of a lexicon fragment ("seiz\\w*|nets?" -> "seiz",
    "net"), or None when that is not plain to read (groups, escaped bars, an opening class)."""
    if "(" in fragment or "\\|" in fragment or re.search(r"\[[^\]]*\|", fragment):
        return None  # a "|" that does not separate top-level alternatives
    stems = []
    for alternative in fragment.split("|"):
        run = re.match(r"[a-z' -]*", alternative).group()  # type: ignore[union-attr]
        if alternative[len(run) : len(run) + 1] in ("?", "*", "{"):
            run = run[:-1]  # "deaths?": the last letter is optional
        if not run:
            return None
        stems.append(run)
    return tuple(stems)


# ---------------------------------------------------------------- candidate patterns


def _number_starts() -> str:
    """A lookahead of how a number can begin: digits, "$", "US$", "a"/"an" before a scale word, or
    the first two letters of a number word. It spares the long alternation below at most word
    starts; it only rejects positions where NUMBER_CATCH cannot match."""
    second: dict[str, set[str]] = {}
    for w in (*TENS_WORDS, *UNITS_WORDS):
        second.setdefault(w[0], set()).add(w[1])
    words = "|".join(f"{a}[{''.join(sorted(b))}]" for a, b in sorted(second.items()))
    # One class of every first character, tested before the branches: most word starts fail it.
    first = "".join(sorted({*second, "a", "u"}))
    return rf"(?=[\d${first}])(?=[\d$]|u[s.]|an?{SP}|{words})"


NUMBER_CATCH = re.compile(
    rf"(?<![\w$.,/\[\-–:#@]){_number_starts()}(?P<cur>(?:US|U\.S\.)?\$(?:{SP})?)?(?P<n1>{NUMBER})"
    rf"(?:(?<!\b(?:19|20)\d\d)(?P<sep>{SP}?[-–]{SP}?|{SP}+to{SP}+|{SP}+and{SP}+)(?:\$)?(?P<n2>{NUMBER}))?",
    re.IGNORECASE,
)
FRACTION_CATCH = re.compile(
    rf"(?<![\w-])(?P<f>(?:a|one|two|three|four)[ \u00a0-](?:half|thirds?|quarters?|fourths?|fifths?|tenths?)"
    rf"|half)(?={SP}+(?:of{SP}|(?:of{SP}+them{SP}+)?(?:contained|contain|were|had|tested|involved|showed)\b))",
    re.IGNORECASE,
)
FOLD_VERB_CATCH = re.compile(
    rf"(?<![\w-])(?:(?P<v>{alt(lx.FOLD_VERBS)})|(?P<w>two|three|four|five|six|seven|eight|nine|ten|twenty)fold)\b"
    rf"(?!{SP}+down)(?P<tail>{SP}+(?:since|from|between){SP}+\d{{4}}(?:{SP}*(?:[-–]|to|and){SP}*\d{{2,4}})?)?",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- context patterns
QUAL_BEFORE = re.compile(rf"\b(?P<q>{alt(lx.QUALIFIERS)}){SP}+$", re.IGNORECASE)
PERCENT = re.compile(rf"{SP}?(?:%|per{SP}?-?cent(?:age{SP}points?)?\b|pct\b)", re.IGNORECASE)
TIMES = re.compile(
    rf"(?:{SP}?-?fold\b|{SP}+times\b|{SP}?x(?={SP}+(?:more|stronger|higher|as)\b))", re.IGNORECASE
)
COMPARISON = re.compile(
    rf"{SP}+(?:(?:{lx.COMPARATIVES})(?:{SP}+(?:{lx.POTENCY_WORDS}|likely|dangerous|addictive|high))?"
    rf"(?:{SP}+(?:than|as)(?:{SP}+(?:pure|street|pharmaceutical|regular|that\s+of))?{SP}+[a-z]+)?"
    rf"|(?:the|its)?{SP}*(?:potency|strength|rate|amount|number|level|risk)(?:{SP}+of{SP}+[a-z]+)?)",
    re.IGNORECASE,
)
WEIGHT = re.compile(
    rf"{SP}?-?(?P<u>{alt(lx.WEIGHT_UNITS)})(?![\w])\.?"
    rf"(?P<of>{SP}+of{SP}+(?:(?:illicit|illegal|pure|suspected|powdered|powder|liquid|deadly|synthetic|counterfeit|street|the|raw){SP}+){{0,2}}(?!the\b)[a-z][a-z-]*)?",
    re.IGNORECASE,
)
PILL_STRENGTH = re.compile(rf"\.?{SP}+(?:{lx.PILL_NAMES})\b", re.IGNORECASE)
DOLLARS = re.compile(rf"{SP}+(?:US{SP}+|U\.S\.{SP}+)?dollars\b", re.IGNORECASE)
PER_YEAR = re.compile(rf"{SP}+(?:a|per|each|every){SP}+year\b|{SP}+annually\b", re.IGNORECASE)
RATE = re.compile(
    rf"(?:{SP}+(?:(?:drug|opioid|fentanyl|heroin|overdose){SP}+){{0,2}}(?:deaths?|overdoses?|fatalities))?"
    rf"{SP}+(?:per|for{SP}+every){SP}+(?P<base>100,000|100{SP}000|100000|100k)\b"
    rf"(?:{SP}+(?:people|persons|residents|population|individuals|standard{SP}population))?",
    re.IGNORECASE,
)
TIME = re.compile(rf"(?:{SP}|-)+(?P<t>{alt(lx.TIME_UNITS)})\b", re.IGNORECASE)
RATIO = re.compile(
    rf"{SP}+(?P<rel>in|of|out{SP}+of)(?:{SP}+every)?{SP}+(?P<den>\d{{1,4}}|{WORD_NUMBER})(?![\w,]|\.\d)",
    re.IGNORECASE,
)
AMONG_VERB = re.compile(
    rf"{SP}+(?:of{SP}+(?:them|those){SP}+)?(?:contained|contain|had|have|were|was|tested|showed|carried|included|involved|involve|came|died)\b",
    re.IGNORECASE,
)
AMONG_BEFORE = re.compile(rf"\bamong{SP}+(?:the{SP}+)?$", re.IGNORECASE)
# A word of a counted noun phrase; a pill strength ("5,000 fake 30 mg pills") may sit inside.
WORD = re.compile(rf"(?:,?{SP}|-)+([A-Za-z][A-Za-z'’.]*|\d{{1,3}}[- ]?(?:mg|milligram)(?![\w-]))")
DEMONYM = re.compile(r"[A-Z][a-z]+(?:ians|ans|ers)")  # "Pennsylvanians", "New Yorkers"
NP_WORD = re.compile(rf"(?:{SP}|-)+([A-Za-z][A-Za-z'’.]*)")
BACK_COUNT = re.compile(
    r"\b(?:deaths|overdoses|fatalities|death toll|toll|died|dying)\b(?:[^.;:!?\n]|\.(?=\d)){0,80}?"
    rf"\b(?:reach(?:ed|es|ing)?|total(?:ed|led|s|ing)?|topp(?:ed|ing)|tops?|hit|exceed(?:ed|s|ing)?"
    r"|surpass(?:ed|es|ing)?|numbered|(?P<be>was|were|is|are)|stood at|to|at|of|from|(?P<by>by))"
    rf"(?:{SP}+(?:a{SP}+total{SP}+of|an?{SP}+(?:new{SP}+)?(?:record|all-time{SP}+high)(?:{SP}+of)?|a{SP}+high{SP}+of))?{SP}+$",
    re.IGNORECASE,
)
BACK_GATE = re.compile(r"death|overdos|fatalit|toll|died|dying", re.IGNORECASE)
_COMPARED_HEDGES = ("just", "about", "nearly", "almost", "roughly", "some", "over")
COMPARED_BEFORE = re.compile(
    rf"(?:\b(?:up|down|rising|falling|risen|fallen|increased?|decreased?)?{SP}*\bfrom|\bcompared{SP}+(?:with|to)"
    rf"|\bversus|\bvs\.?|\bthan|(?P<to>\bto)|(?P<and>\band|,))(?:{SP}+(?:{'|'.join(_COMPARED_HEDGES)}))?{SP}+$",
    re.IGNORECASE,
)
# What a COMPARED_BEFORE match ends with before its trailing spaces (lowercase).
COMPARED_ENDS = ("from", "with", "to", "versus", "vs", "vs.", "than", "and", ",", *_COMPARED_HEDGES)
FROM_BEFORE = re.compile(rf"\bfrom{SP}+$", re.IGNORECASE)
UP_DOWN_BEFORE = re.compile(
    rf"\b(up|down){SP}+(?:by{SP}+)?(?:(?:about|nearly|almost|some|roughly){SP}+)?$", re.IGNORECASE
)
ONES = re.compile(rf"(?:{SP}+(?P<adj>[a-z-]+))?{SP}+ones\b", re.IGNORECASE)
FATAL_AFTER = re.compile(rf",?{SP}+(?:fatally|died|dying|were{SP}+killed)\b", re.IGNORECASE)
OF_THEM = re.compile(rf"{SP}+of{SP}+(?:them|those|these)\b", re.IGNORECASE)
OF_THE_BEFORE = re.compile(rf"\b(?:of|among){SP}+(?:the|those|these){SP}+$", re.IGNORECASE)
# What may follow a compared bare number: a period, a date, punctuation; not a noun of its own.
BARE_AFTER = re.compile(
    rf"(?:{SP}+(?:in|during|for|last|the|a|an|this|that|through|over|per|each|every|since|from|than|compared|versus|vs)\b|{SP}*[,.;:)\u2013\u2014]|{SP}*$)",
    re.IGNORECASE,
)
OF_YEAR = re.compile(rf"{SP}+of{SP}+(?:the{SP}+)?(?:(?:19|20)\d\d|year|decade|century)\b", re.IGNORECASE)
COMPARED_WITH = re.compile(rf"\b(?:than|like|as|versus|vs\.?){SP}+(?:pure{SP}+|street{SP}+)?$", re.IGNORECASE)
THAN = re.compile(rf"{SP}+than\b", re.IGNORECASE)
MORE_FEWER = re.compile(rf"{SP}+(?P<c>more|fewer|less|additional)(?={SP})", re.IGNORECASE)
CHANGE_AFTER = re.compile(
    rf"{SP}+(?:(?:year-over-year|annual|overall|total|net|relative){SP}+)?"
    rf"(?P<c>{alt(w for w in lx.CHANGE_CUES if len(w) > 3 or w == 'cut')})\b",
    re.IGNORECASE,
)
SHARE_AFTER = re.compile(rf"{SP}+of{SP}", re.IGNORECASE)
PEOPLE_DIE = re.compile(rf"^(?:{SP}+[a-z]+){{0,3}}?{SP}+(?:{lx.DEATH_VERBS})\b", re.IGNORECASE)
KILL_BEFORE = re.compile(rf"\b(?:{lx.KILL_BEFORE}){SP}+(?:the{SP}+)?$", re.IGNORECASE)
POTENTIAL_KILL = re.compile(rf"\b(?:{lx.POTENTIAL_KILL})\b[^.;]{{0,20}}$", re.IGNORECASE)
PER_DAY = re.compile(rf"\b(?:{lx.PER_DAY})\b", re.IGNORECASE)
PER_DAY_AFTER = re.compile(rf"{SP}+(?:{lx.PER_DAY})\b", re.IGNORECASE)
EVERY_BEFORE = re.compile(rf"\bevery{SP}+$", re.IGNORECASE)
LINK_VERB = re.compile(
    r"\b(?:connected|linked|tied|involved|responsible|caused|causes|killed|kills|claimed|claims"
    r"|accounted|accounts|contributed|goes|went|surpassed|exceeded|topped|reached|blamed|attributed)\b",
    re.IGNORECASE,
)
INVOLVING = re.compile(
    r"[ \u00a0]*(?:involving|from|due to|caused by|linked to|related to|attributed to|tied to"
    r"|connected to|associated with|by|of)\b[^.;,]{0,60}",
    re.IGNORECASE,
)
RATE_WORD = re.compile(r"\brates?\b", re.IGNORECASE)
TEEN = words(lx.TEEN_WORDS)
PILL = words(lx.PILL_WORDS)
LETHAL = words(lx.LETHAL_WORDS)
SEIZE = words(lx.SEIZURE_WORDS)
STRICT_SEIZE = words(lx.STRICT_SEIZURE_WORDS)
PROSECUTE = words(lx.PROSECUTION_WORDS)
ARREST = words(lx.ARREST_WORDS)
FUNDING = words(lx.FUNDING_WORDS)
VALUE_WORDS = words(lx.PRICE_WORDS)
REVENUE = words(lx.REVENUE_WORDS)
CASH = words(lx.CASH_WORDS)
SETTLE = words(lx.SETTLEMENT_WORDS)
NONFATAL = words(lx.NONFATAL_WORDS)
FATAL = words(lx.FATAL_WORDS)
DRUG_CONTEXT = words(lx.DRUG_WORDS)
NALOXONE = words(r"naloxone|narcan")
SAVED = words(r"sav\w+|protect\w*")
YEAR = re.compile(r"(?:19|20)\d\d")
NOT_FATAL_MODIFIER = words(r"suspected|nonfatal|non-fatal|reported")
DEATH_CONTEXT = words(lx.DEATH_WORDS)
POTENCY = re.compile(rf"\b(?:{lx.POTENCY_WORDS}|potency|strength)\b", re.IGNORECASE)
HEROIN = re.compile(r"\bheroin\b", re.IGNORECASE)
MORPHINE = re.compile(r"\bmorphine\b", re.IGNORECASE)
# Letters every substance keyword starts with: a lookahead that skips other words fast.
SUBSTANCE_FIRST = "fschpomd"
# All substance keywords in one pattern (group ``s<i>`` is SUBSTANCE_METRICS[i]) for one scan.
# The first-letter test comes before ``\b``: it is the cheaper one, and fails at most positions.
ANY_SUBSTANCE = re.compile(
    rf"(?=[{SUBSTANCE_FIRST}])\b(?:"
    + "|".join(f"(?P<s{i}>{p})" for i, (p, _) in enumerate(lx.SUBSTANCE_METRICS))
    + r")\b",
    re.IGNORECASE,
)

# A sentence ends at terminal punctuation (with closing marks) before a space, or a line break;
# the punctuation branch alone serves a scan that finds line breaks apart.
PUNCT_END = re.compile(r"[.!?][\"”’')\]]*(?=\s)")
SENTENCE_END = re.compile(PUNCT_END.pattern + r"|\n")
LAST_WORD = re.compile(r"([\w.']+)\.$")


def _abbreviated_stop() -> str:
    """Found from the stop (a literal: a fast scan), the word looked at behind it: one fixed-width
    lookbehind per word length, as lookbehinds must be."""
    by_length: dict[int, list[str]] = {1: [r"[\w.']"]}
    for word in lx.ABBREVIATIONS:
        by_length.setdefault(len(word), []).append(re.escape(word))
    behind = "|".join(rf"(?<=(?<![\w.'])(?:{'|'.join(sorted(w))})\.)" for _, w in sorted(by_length.items()))
    return rf"\.(?=\s)(?:{behind})"


# A full stop that ends no sentence: after a whole word of [\w.'] that is an abbreviation or one
# character ("U.S.", "Scott W. Brady"), as ``stat_text.sentence_starts`` tests with LAST_WORD.
# Case-blind: right only where ``str.lower()`` agrees with the regex case rules
# (not ``stat_text.has_case_odd``).
ABBREVIATED_STOP = re.compile(_abbreviated_stop(), re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[;:]")
CLAUSE_PUNCT = re.compile(r"[;:()\u2013\u2014]|,(?!\d)")  # not the comma inside "100,000"

COUNT_UNITS = frozenset({"deaths", "people", "pills", "count", "deaths_per_day"})

# ---------------------------------------------------------------- multiples as words, tallies, doses
MULTIPLE_CATCH = re.compile(
    rf"(?<![\w-])(?P<w>{alt(lx.MULTIPLE_WORDS)})"
    rf"(?:{SP}+(?:the|that{SP}+of{SP}+the){SP}+(?:{lx.MULTIPLE_BASES})\b|(?P<as>{SP}+as)(?={SP}+(?:many|much)\b))",
    re.IGNORECASE,
)
# Every multiple word or verb holds one of these: a literal gate before the costly scans.
MULTIPLE_STEMS = (*lx.FOLD_VERBS, *lx.MULTIPLE_WORDS, "fold")
AS_MANY = re.compile(rf"{SP}+(?:many|much)\b", re.IGNORECASE)
MME = re.compile(rf"{SP}+(?:morphine{SP}+milligram{SP}+equivalents?|MMEs?)\b", re.IGNORECASE)
AGGREGATE = words(lx.AGGREGATE_WORDS)
RESOURCE = words(lx.RESOURCE_WORDS)
FOLD_SUBJECT = words(lx.DEATH_WORDS + "|" + lx.SEIZURE_WORDS)
WEIGHT_SUBSTANCE = words(r"fentanyl|carfentanil|heroin|opioids?|drugs?|cocaine|meth\w*")
# "Among teenagers, ...", "For adolescents ages 14 to 18, ...": the group a sentence is about.
FRONTED_TEEN = re.compile(
    rf"\s*(?:among|for|in){SP}+(?:[\w-]+{SP}+){{0,3}}?(?:{lx.TEEN_WORDS})\b[^,;.]{{0,40}},", re.IGNORECASE
)
# A drug named right after "as much": "twice as much fentanyl".
MASS_DRUG = re.compile(
    rf"{SP}+(?:fentanyl|carfentanil|heroin|cocaine|methamphetamine|meth|drugs?)\b", re.IGNORECASE
)
# A change by a fraction: "dropped by a third", "rose by nearly half".
# Every fraction word holds one of these stems: a literal gate before the costly scans.
FRACTION_STEMS = ("half", "third", "quarter", "fourth", "fifth", "tenth")
_FRACTION = r"(?:a|one|two|three)[ \u00a0-](?:half|thirds?|quarters?|fourths?|fifths?|tenths?)|half"
FRACTION_CHANGE = re.compile(
    rf"\b(?P<cue>{alt(w for w in lx.CHANGE_CUES if len(w) > 3 and w not in ('more', 'less', 'higher', 'lower'))})"
    rf"{SP}+by{SP}+(?P<body>(?:(?:{alt(lx.QUALIFIERS)}){SP}+)?(?P<f>{_FRACTION}))\b(?!{SP}+of\b)",
    re.IGNORECASE,
)
# A multiple that names no noun of its own: "twice as many", "double the amount".
BARE_MULTIPLE = re.compile(rf"(?:as{SP}+(?:many|much)|the{SP}+(?:{lx.MULTIPLE_BASES}))$", re.IGNORECASE)
