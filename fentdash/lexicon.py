"""Word lists for the statistics extractor: hedges, units, counted nouns, cues, metrics.

Keys are lower-case as they appear in text; values are the normalised form the contract uses.
"""

from __future__ import annotations

from typing import Final

# Compact tables read better than one entry a line.
# fmt: off

# The text's own hedge before a figure -> qualifier as reported (lower-case).
QUALIFIERS: Final[dict[str, str]] = {
    "almost": "almost", "nearly": "nearly", "about": "about", "approximately": "approximately",
    "approx.": "approximately", "around": "around", "roughly": "roughly", "more than": "more than",
    "over": "over", "well over": "well over", "just over": "just over", "at least": "at least",
    "some": "some", "up to": "up to", "as many as": "as many as", "as much as": "as much as",
    "fewer than": "fewer than", "less than": "less than", "just under": "just under", "under": "under",
    "beyond": "more than", "upwards of": "upwards of", "upward of": "upwards of",
    "in excess of": "in excess of", "an estimated": "an estimated", "estimated": "an estimated",
    "close to": "close to", "an average of": "an average of", "on average": "an average of",
    "averaging": "an average of", "nearly all": "nearly",
}

# Weight and dose units -> contract unit.
WEIGHT_UNITS: Final[dict[str, str]] = {
    "milligram": "mg", "milligrams": "mg", "mg": "mg", "mgs": "mg", "microgram": "mcg",
    "micrograms": "mcg", "mcg": "mcg", "gram": "grams", "grams": "grams", "g": "grams", "gr": "grams",
    "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg", "kg": "kg", "kgs": "kg",
    "pound": "pounds", "pounds": "pounds", "lb": "pounds", "lbs": "pounds", "ounce": "ounces",
    "ounces": "ounces", "oz": "ounces", "ton": "tons", "tons": "tons", "tonne": "tons",
    "tonnes": "tons", "metric tons": "tons",
}

# Head nouns that make a bare number a statistic -> unit.
COUNT_NOUNS: Final[dict[str, str]] = {
    "deaths": "deaths", "death": "deaths", "fatalities": "deaths", "overdoses": "deaths",
    "poisonings": "deaths", "lives": "deaths", "casualties": "deaths", "people": "people",
    "persons": "people", "americans": "people", "individuals": "people", "residents": "people",
    "adults": "people", "teens": "people", "teenagers": "people", "adolescents": "people",
    "children": "people", "kids": "people", "youths": "people", "users": "people",
    "patients": "people", "men": "people", "women": "people", "victims": "people",
    "citizens": "people", "veterans": "people", "professionals": "people", "doctors": "people",
    "physicians": "people", "pharmacists": "people", "nurses": "people", "prescribers": "people",
    "defendants": "people", "suspects": "people", "traffickers": "people", "dealers": "people",
    "pills": "pills", "tablets": "pills", "capsules": "pills", "doses": "count", "listings": "count",
    "arrests": "count", "indictments": "count", "convictions": "count", "prosecutions": "count",
    "prescriptions": "count", "visits": "count", "kits": "count", "bags": "count", "packets": "count",
    "vials": "count", "seizures": "count", "dosage units": "count",
}

# A generic count ("count" above) is reported in its noun; these nouns get a common name.
COUNT_UNIT_NAMES: Final[dict[str, str]] = {"dosage units": "doses", "packets": "bags", "vials": "doses"}

# Nouns after a number that make it a duration or an age, never a statistic.
TIME_UNITS: Final[frozenset[str]] = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "decade", "decades", "century", "centuries", "yr", "yrs", "quarter",
    "quarters", "straight", "consecutive",
})
TIME_TO_MINUTES: Final[dict[str, float]] = {
    "second": 1 / 60, "seconds": 1 / 60, "minute": 1.0, "minutes": 1.0, "hour": 60.0, "hours": 60.0,
}

# Words that end a counted noun phrase without being its head.
NP_STOPWORDS: Final[frozenset[str]] = frozenset({
    "of", "in", "on", "at", "to", "from", "for", "by", "with", "and", "or", "but", "than", "the", "a",
    "an", "this", "that", "these", "those", "which", "who", "were", "was", "are", "is", "be", "been",
    "have", "has", "had", "will", "would", "could", "can", "may", "might", "each", "every", "per",
    "since", "during", "through", "between", "across", "among", "into", "last", "next", "their", "its",
    "his", "her", "our", "it", "they", "we", "he", "she", "times", "percent", "more", "less", "fewer",
    "as", "so", "not", "no", "nationwide", "alone", "die", "died", "dies", "dying", "tested",
    "containing", "contained", "including", "go", "goes", "went", "come", "comes", "came", "get", "gets",
    "got", "say", "says", "said", "make", "makes", "made", "take", "takes", "took", "remain",
})

# Multiples written as a predeterminer: "more than double the amount", "twice as many deaths".
MULTIPLE_WORDS: Final[dict[str, float]] = {
    "double": 2, "twice": 2, "triple": 3, "treble": 3, "quadruple": 4, "quintuple": 5,
}
# What a multiple is measured against, when that is a quantity we track ("double the amount").
MULTIPLE_BASES: Final[str] = (
    r"amount|amounts|number|numbers|total|quantity|volume|level|levels|rate|count|toll|figure"
)
# Resources and means, whose growth is a policy figure, not a drug or death figure.
RESOURCE_WORDS: Final[str] = (
    r"invest\w*|fund\w*|budget\w*|spend\w*|resources?|staff\w*|personnel|agents|officers|grants?"
    r"|money|dollars|salar\w*|capacity|workforce|positions|beds|programs?|efforts?"
)

# Counts of people that mark a tally, not the people of one story ("more than 100 defendants
# charged so far this year"); without one, a small count ("two men were arrested") is the story.
AGGREGATE_WORDS: Final[str] = (
    r"total|totall?ed|in all|altogether|combined|collectively|overall|so far|to date|this year"
    r"|annually|each year|every year|per year|nationwide|statewide|nationally|countrywide"
    r"|operations?|takedowns?|sweeps?|initiatives?|crackdowns?|campaigns?|surges?|strike forces?"
    r"|enforcement actions?"
)
# Story counts stay below this (AP style spells out one to nine: the people in one story).
STORY_COUNT_MAX: Final[int] = 10

# Heads of a share that is a part of a place or of an abstract whole, not a measured share
# ("half of the states", "the eastern half of the country", "a third of the budget").
SHARE_NOT_COUNTED: Final[frozenset[str]] = frozenset({
    "country", "countries", "nation", "nations", "state", "states", "county", "counties", "city",
    "cities", "town", "towns", "region", "regions", "world", "continent", "border", "district",
    "districts", "area", "areas", "territory", "territories", "neighborhood", "neighborhoods",
    "community", "communities", "globe", "hemisphere", "map", "budget", "budgets", "funding",
    "money", "request", "time", "term", "session", "game", "century", "decade", "year", "way",
    "battle", "story", "problem", "equation", "team", "staff", "workforce", "board", "members",
    "senate", "house", "congress", "legislature", "agencies", "departments",
})
# Adjectives that make "half" a position, not a share ("the eastern half of the country").
POSITION_WORDS: Final[frozenset[str]] = frozenset({
    "first", "second", "last", "latter", "past", "the", "next", "and", "eastern", "western",
    "northern", "southern", "upper", "lower", "top", "bottom", "back", "front", "other", "better",
    "bigger", "larger", "smaller", "former", "final", "early", "late", "earlier", "later",
})

# Plural heads outside COUNT_NOUNS that are never a drug figure: places, bodies, documents,
# charges against one defendant ("pleaded guilty to three counts") and generic words.
NOT_COUNTED_NOUNS: Final[frozenset[str]] = SHARE_NOT_COUNTED | frozenset({
    "counts", "charges", "laws", "bills", "pages", "points", "steps", "levels", "ways", "things",
    "others", "ones", "times", "words", "letters", "members", "officials", "agencies", "offices",
    "departments", "branches", "schools", "colleges", "universities", "hospitals", "clinics",
    "companies", "firms", "groups", "organizations", "sessions", "meetings", "hearings", "events",
    "locations", "sites", "places", "homes", "houses", "residences", "vehicles", "cars", "trucks",
    "guns", "firearms", "weapons", "rounds", "dogs", "miles", "feet", "inches", "yards", "acres",
    "stories", "floors", "rooms", "categories", "types", "kinds", "forms", "factors", "reasons",
    "questions", "goals", "priorities", "pillars", "recommendations", "provisions", "sections",
    "chapters", "titles", "episodes", "hours", "tips", "lessons", "signs", "symptoms", "percentiles",
    "grades", "ranks", "seats", "votes", "terms", "grains", "granules", "crystals", "specks", "beds",
    "positions", "jobs", "agents", "deputies", "staff", "clients", "attendees", "friends",
})
# Endings of plural nouns for people's roles ("couriers", "counselors", "chemists", "employees"):
# people are counted only through COUNT_NOUNS, so an open plural with one of these is not a figure.
ROLE_ENDINGS: Final[tuple[str, ...]] = ("ers", "ors", "ists", "ees", "ians")

# Change cues: word stem -> sign.
CHANGE_CUES: Final[dict[str, int]] = {
    "increase": 1, "increased": 1, "increases": 1, "increasing": 1, "rise": 1, "rose": 1, "rising": 1,
    "rises": 1, "risen": 1, "up": 1, "jump": 1, "jumped": 1, "jumps": 1, "climb": 1, "climbed": 1,
    "surge": 1, "surged": 1, "spike": 1, "spiked": 1, "grew": 1, "growth": 1, "grown": 1, "soared": 1,
    "higher": 1, "more": 1, "gain": 1, "increasingly": 1, "decrease": -1, "decreased": -1,
    "decreases": -1, "decreasing": -1, "decline": -1, "declined": -1, "declines": -1, "declining": -1,
    "drop": -1, "dropped": -1, "drops": -1, "fall": -1, "fell": -1, "falling": -1, "fallen": -1,
    "down": -1, "reduction": -1, "reductions": -1, "reduced": -1, "lower": -1, "fewer": -1, "less": -1,
    "plunged": -1, "plummeted": -1, "dipped": -1, "dip": -1, "cut": -1, "slid": -1, "shrank": -1,
}

# Multiples written as verbs -> fold.
FOLD_VERBS: Final[dict[str, float]] = {
    "doubled": 2, "doubling": 2, "tripled": 3, "tripling": 3, "trebled": 3, "quadrupled": 4,
    "quadrupling": 4, "quintupled": 5, "sextupled": 6,
}

# What a figure counts, by keyword, most specific first. Regex fragments, lower-case text.
SUBSTANCE_METRICS: Final[tuple[tuple[str, str], ...]] = (
    (
        r"fentanyl|fentanyls|synthetic[- ]opioids?|synthetic[- ]narcotics?|carfentanil",
        "synthetic_opioid_deaths",
    ),
    (r"heroin", "heroin_deaths"),
    (
        r"prescription[- ](?:opioids?|painkillers?|pain[- ]?killers?|drugs?)|opioid pain ?relievers?|pain ?relievers?|painkillers?",
        "prescription_opioid_deaths",
    ),
    (r"(?:opioid )?prescriptions|prescribing", "opioid_prescriptions"),
    (r"methamphetamine|meth|psychostimulants?|stimulants?", "stimulant_deaths"),
    (r"cocaine", "cocaine_deaths"),
    (r"opioids?|opiates?", "opioid_deaths"),
    (r"overdoses?|overdosed|drug poisonings?|poisonings?|drug deaths|drug-related deaths", "overdose_deaths"),
)
# Metrics for a specific substance beat the generic overdose one.
SPECIFIC_METRICS: Final[frozenset[str]] = frozenset({
    "synthetic_opioid_deaths", "heroin_deaths", "prescription_opioid_deaths", "stimulant_deaths",
    "cocaine_deaths",
})

# A person count that means deaths, or only potential deaths.
DEATH_VERBS: Final[str] = (
    r"die|died|dies|dying|were killed|have been killed|lost their lives|perished|succumbed"
    r"|fatally overdosed|overdosed and died"
)
KILL_BEFORE: Final[str] = (
    r"losing|lose|lost|killed|kills|killing|claiming|taking|claimed|claims|took|taken|takes|lives of|deaths of|death of"
)
POTENTIAL_KILL: Final[str] = (
    r"(?:enough|potential|able|capable|sufficient)\s+to\s+kill|(?:could|would|might)\s+(?:potentially\s+)?"
    r"(?:have\s+)?kill(?:ed)?|can\s+kill|to\s+kill"
)
PER_DAY: Final[str] = r"every single day|every day|each day|per day|a day|daily|everyday|each and every day"

# Sentence cues that decide what a figure counts (regex fragments, matched as whole words).
DEATH_WORDS: Final[str] = r"li(?:fe|ves)|dies?|died|deaths?|overdoses?|killed|kills|mortality|fatal\w*"
FATAL_WORDS: Final[str] = r"deaths?|died|die|dies|fatal|fatalities|killed|kills|lives|mortality"
NONFATAL_WORDS: Final[str] = (
    r"revers\w*|nonfatal|non-fatal|surviv\w*|visits?|emergency|hospitali[sz]\w*|treated|responded"
)
DRUG_WORDS: Final[str] = (
    r"drugs?|opioids?|opiates?|fentanyl|heroin|overdos\w*|addict\w*|substance|narcotics?|pills?"
    r"|meth\w*|cocaine|naloxone|narcan|treatment|recovery|traffick\w*|dealers?|prescri\w*"
)
TEEN_WORDS: Final[str] = r"teens?|teenagers?|teenage|teen-age|adolescents?|youths?|young people|minors|students"
PILL_WORDS: Final[str] = r"pills?|tablets?"
# Names after a pill strength ("30 mg oxycodone"): the label of a pill, not a dose figure.
PILL_NAMES: Final[str] = (
    r"oxycodone|oxycontin|percocet|hydrocodone|vicodin|xanax|alprazolam|adderall|pills?|tablets?"
    r"|capsules?|blue|counterfeit|fake|m30s?"
)
LETHAL_WORDS: Final[str] = r"lethal|deadly|fatal|dose|doses|kill|potentially|fentanyl"
SEIZURE_WORDS: Final[str] = r"seiz\w*|confiscat\w*|intercept\w*|recover\w*|nets?|netted|found|discover\w*"
STRICT_SEIZURE_WORDS: Final[str] = r"seiz\w*|confiscat\w*|intercept\w*"
PROSECUTION_WORDS: Final[str] = r"prosecut(?!ors?\b)\w*|charg\w*|indict\w*|convict\w*|sentenc\w*"
ARREST_WORDS: Final[str] = r"arrest\w*"
FUNDING_WORDS: Final[str] = (
    r"ask\w*|request\w*|programs?|fund\w*|grants?|invest\w*|budget\w*|allocat\w*|award\w*|appropriat\w*"
)
PRICE_WORDS: Final[str] = (
    r"street value|worth|valued|value|prices?|sells?|sold|buy\w*|bought"
    r"|(?:per|a) (?:pill|kilo\w*|pound|gram|ounce)"
)
REVENUE_WORDS: Final[str] = r"earn\w*|revenues?|profits?|income"
CASH_WORDS: Final[str] = r"cash|currency|proceeds"
SETTLEMENT_WORDS: Final[str] = r"settle\w*|pay|paid|penalt\w*|fine[ds]?|forfeit\w*"

# Comparisons after "N times": potency when the comparative is about strength.
POTENCY_WORDS: Final[str] = r"potent|powerful|stronger|strong|deadlier|deadly|lethal|toxic"
COMPARATIVES: Final[str] = r"more|less|greater|higher|stronger|deadlier|larger|bigger|lower|as|the"

# Words before a number that make it a label, not a figure.
LABEL_WORDS: Final[frozenset[str]] = frozenset({
    "title", "section", "sections", "chapter", "part", "rule", "no.", "no", "number", "article",
    "paragraph", "subsection", "page", "pages", "route", "highway", "interstate", "exit", "suite",
    "box", "ext.", "phase", "grade", "schedule", "tier", "step", "item", "docket", "case", "act",
    "volume", "vol.", "issue", "figure", "table", "apartment", "room", "floor", "aged", "age", "ages",
    "#", "u.s.c.", "usc",
})
# Words before a four-digit number that make it a year.
YEAR_WORDS: Final[frozenset[str]] = frozenset({
    "in", "since", "from", "of", "by", "to", "until", "till", "through", "thru", "between", "and",
    "the", "for", "during", "early", "late", "mid", "fiscal", "fy", "year", "before", "after",
    "around", "circa", "as", "spring", "summer", "fall", "autumn", "winter", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    "–", "-", "or", "than", "at", "on", "'s", "that", "which", "while", "when", "yet", "beginning",
    "ending", "end",
})

# Abbreviations whose final dot does not end a sentence.
ABBREVIATIONS: Final[frozenset[str]] = frozenset({
    "u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "gov", "sen", "rep", "gen",
    "lt", "sgt", "col", "capt", "d.c", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc", "e.g", "i.e", "a.m", "p.m",
    "approx", "est", "dept", "atty", "u.s.c", "fig", "vol", "pp", "p",
})
# fmt: on
