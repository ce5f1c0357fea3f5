"""A deterministic synthetic corpus for benchmarks: news-like articles built from templates.

Each article varies the official (from the knowledge base, with a date inside their term),
the dateline or its absence, figures and their periods, quote styles (straight, curly,
split around the attribution), reporting verbs, pronoun references and boilerplate lines
(captions, newsletter prompts, related links). Article ``i`` depends only on ``(seed, i)``,
so a smaller corpus is a prefix of a larger one. Lengths are seed-sized: 1,500-3,000 chars.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Final

from . import knowledge
from .corpus import document_from_text
from .models import Document

MIN_CHARS: Final = 1500
MAX_CHARS: Final = 3000
# Share of articles saved with Markdown front matter (title, outlet, date).
FRONT_MATTER_SHARE: Final = 0.15
# Synthetic articles fall in the years the real corpus covers.
FIRST_DAY: Final = date(2015, 1, 1)
LAST_DAY: Final = date(2024, 12, 31)

MONTHS: Final[tuple[str, ...]] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_AP: Final[tuple[str, ...]] = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
CITIES: Final[tuple[str, ...]] = (
    "WASHINGTON",
    "NEW YORK",
    "PHOENIX",
    "BOSTON",
    "COLUMBUS, Ohio",
    "SAN DIEGO",
    "EL PASO, Texas",
    "CHARLESTON, W.Va.",
    "DENVER",
    "ATLANTA",
    "SEATTLE",
    "LOUISVILLE, Ky.",
)
OUTLETS: Final[tuple[str, ...]] = (
    "The Daily Ledger",
    "Valley Tribune",
    "Capitol Wire",
    "Harbor Post",
    "Metro Courier",
    "Plains Herald",
)
REPORTING_VERBS: Final[tuple[str, ...]] = (
    "said",
    "told reporters",
    "warned",
    "noted",
    "added",
    "stated",
    "explained",
    "stressed",
    "argued",
)
QUOTES: Final[tuple[str, ...]] = (
    "We are losing far too many people to this poison, and we will not stop until the traffickers are held accountable",
    "This is the deadliest drug threat our nation has ever faced",
    "Every community in this country has been touched by this crisis",
    "The cartels are mass-producing these pills and pushing them into every state",
    "One pill can kill, and parents need to hear that message today",
    "We have to treat addiction as a disease, not a moral failing",
    "Our agents are seizing more fentanyl than at any point in our history",
    "These numbers represent mothers, fathers, sons and daughters",
    "Prevention, treatment and enforcement all have to move together",
    "We owe it to the families who have lost someone to keep pushing",
)
REPORTED: Final[tuple[str, ...]] = (
    "that the administration would expand access to naloxone in rural counties",
    "that traffickers increasingly rely on social media to reach teenagers",
    "that chemical suppliers abroad must face tougher sanctions",
    "that the department would send additional prosecutors to the hardest-hit districts",
    "that the agency was tracking a sharp increase in counterfeit pills",
    "that treatment capacity had not kept pace with demand",
)
FILLER: Final[tuple[str, ...]] = (
    "Public health experts say the spread of illicitly manufactured fentanyl has changed the drug market faster than policy could respond.",
    "Local officials described overwhelmed emergency rooms and coroners' offices running out of space.",
    "The announcement came during a meeting with state and local law enforcement leaders.",
    "Advocates for people in recovery welcomed the move but said more funding for treatment was needed.",
    "Counterfeit pills are often pressed to look like prescription medications such as oxycodone or Xanax.",
    "Families who lost children to overdoses attended the event and shared photographs of their loved ones.",
    "The program will fund community health workers and expand medication for opioid use disorder.",
    "Critics said the plan leaned too heavily on enforcement and too little on prevention.",
    "Naloxone, which can reverse an opioid overdose, is now sold over the counter in many pharmacies.",
    "Much of the fentanyl sold in the United States is made with precursor chemicals shipped from abroad.",
)
BOILERPLATE: Final[tuple[str, ...]] = (
    "Sign up for our morning newsletter to get the day's top stories.",
    "Photo: Agents display seized pills at a news conference. (File photo)",
    "RELATED: Overdose deaths hit a new record in 2021",
    "Share this article on Facebook or X.",
    "Copyright 2023 {outlet}. All rights reserved.",
    "Advertisement",
    "Read more: How fentanyl reached the suburbs",
    "By submitting this form, I agree to the terms of use.",
)


def _fmt_count(rng: random.Random, n: int) -> str:
    # Counts are written with thousands separators, as words for round millions.
    if n >= 1_000_000 and n % 1_000_000 == 0 and rng.random() < 0.5:
        return f"{n // 1_000_000} million"
    return f"{n:,}"


def _day_text(rng: random.Random, day: date) -> str:
    if rng.random() < 0.5:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"{MONTHS_AP[day.month - 1]} {day.day}"


def _figure_sentence(rng: random.Random, day: date) -> str:
    """One sentence with a figure and, usually, the period it describes."""
    year = rng.randint(max(2013, day.year - 3), day.year)
    deaths = rng.randrange(40_000, 110_000, 100)
    choice = rng.randrange(9)
    qual = rng.choice(("more than ", "nearly ", "about ", "over ", "almost ", ""))
    if choice == 0:
        return f"{qual.capitalize() or 'Some '}{_fmt_count(rng, deaths)} Americans died of drug overdoses in {year}."
    if choice == 1:
        return f"Deaths involving synthetic opioids such as fentanyl rose {rng.randint(5, 60)}% last year."
    if choice == 2:
        return f"Fentanyl is {rng.choice((50, 80, 100))} times more potent than heroin."
    if choice == 3:
        return f"Just {rng.choice(('two', '2', 'three'))} milligrams of fentanyl can be a lethal dose."
    if choice == 4:
        return f"Laboratory testing found that {rng.randint(2, 7)} out of 10 pills seized contained a potentially lethal dose."
    if choice == 5:
        return (
            f"Agents seized {rng.randrange(500, 20_000, 50):,} pounds of fentanyl in fiscal year {year}, "
            f"up from {rng.randrange(100, 5_000, 50):,} pounds two years earlier."
        )
    if choice == 6:
        month = rng.randrange(12)
        return (
            f"In the 12 months ending in {MONTHS[month]} {year}, {qual}{_fmt_count(rng, deaths)} "
            "people died of overdoses, according to provisional federal data."
        )
    if choice == 7:
        return f"The overdose death rate reached {rng.randint(100, 330) / 10} per 100,000 people in {year}."
    return f"The crisis costs the economy an estimated ${rng.randint(50, 900)} billion a year."


def _quote(rng: random.Random, name: str, surname: str, role: str, first: bool, pronoun: str) -> str:
    """A direct quotation in one of several house styles."""
    text = rng.choice(QUOTES)
    verb = rng.choice(("said", "said", "added", "told reporters", "warned"))
    who = f"{role} {name}" if first else rng.choice((surname, pronoun))
    style = rng.randrange(4)
    if style == 0:  # straight quotes, attribution after
        return f'"{text}," {who} {verb}.'
    if style == 1:  # curly quotes, attribution first
        return f"{who[0].upper()}{who[1:]} {verb}: \u201c{text}.\u201d"
    if style == 2 and ", " in text:  # split around the attribution
        head, tail = text.split(", ", 1)
        return f"\u201c{head},\u201d {who} {verb}, \u201c{tail}.\u201d"
    if who == pronoun:
        return f"\u201c{text},\u201d {who} {verb}."
    return f"\u201c{text},\u201d said {who}."  # inverted order only with "said"


def _reported(rng: random.Random, name: str, surname: str, role: str, first: bool, day: date) -> str:
    who = f"{role} {name}" if first else surname
    when = rng.choice(("", f" on {_day_text(rng, day)}", " on Tuesday", " last week"))
    return f"{who[0].upper()}{who[1:]}{when} {rng.choice(REPORTING_VERBS)} {rng.choice(REPORTED)}."


@lru_cache(maxsize=1)
def _terms() -> tuple[knowledge.Term, ...]:
    """Terms in office overlapping 2015-2024, so the role is right on the article's date."""
    return tuple(
        t
        for o in knowledge.officials()
        for t in o.terms
        if t.start <= LAST_DAY and (t.end is None or t.end >= FIRST_DAY)
    )


def reset_caches() -> None:
    _terms.cache_clear()


def _official_and_day(rng: random.Random) -> tuple[str, str, date]:
    """A known official and a day inside one of their terms (clipped to 2015-2024)."""
    term = rng.choice(_terms())
    start = max(term.start, FIRST_DAY)
    end = min(term.end or LAST_DAY, LAST_DAY)
    day = start + timedelta(days=rng.randint(0, (end - start).days))
    return term.name, term.role, day


def article_text(index: int, *, seed: int = 0) -> str:
    """The text of synthetic article ``index`` (deterministic in ``seed`` and ``index``)."""
    rng = random.Random(f"fentdash-synth:{seed}:{index}")
    name, role, day = _official_and_day(rng)
    surname = name.replace(".", " ").split()[-1]
    pronoun = rng.choice(("he", "she"))
    outlet = rng.choice(OUTLETS)
    target = rng.randint(MIN_CHARS, MAX_CHARS)
    lines = [
        f"{rng.choice(('Officials', 'Federal officials', surname))} {rng.choice(('warn of', 'target', 'respond to'))} "
        f"{rng.choice(('fentanyl surge', 'record overdose deaths', 'counterfeit pill threat'))} (#{index})"
    ]
    if rng.random() < 0.4:
        lines.append(f"By {rng.choice(('Maria Lopez', 'James Carter', 'Staff Reporter', 'Dana Whitfield'))}")
    if rng.random() < 0.3:
        lines.append(f"Published {_day_text(rng, day)} {rng.choice(('', '9:14 a.m. ET'))}".rstrip())
    lead = f"{role} {name} on {_day_text(rng, day)} announced new steps against fentanyl trafficking."
    dateline = rng.random()
    if dateline < 0.4:
        lead = f"{rng.choice(CITIES)} \u2014 {lead}"
    elif dateline < 0.6:
        lead = f"{rng.choice(CITIES)} ({rng.choice(('AP', 'Reuters'))}) \u2014 {lead}"
    body = [lead]
    first = False
    while sum(len(p) + 2 for p in body) < target - 150:
        kind = rng.random()
        if kind < 0.3:
            body.append(_quote(rng, name, surname, role, first, pronoun))
        elif kind < 0.45:
            body.append(_reported(rng, name, surname, role, first, day))
        elif kind < 0.7:
            body.append(_figure_sentence(rng, day) + " " + _figure_sentence(rng, day))
        elif kind < 0.85:
            body.append(rng.choice(FILLER))
        else:
            body.append(rng.choice(BOILERPLATE).format(outlet=outlet))
    if rng.random() < 0.5:
        body.append(rng.choice(BOILERPLATE).format(outlet=outlet))
    front = ""
    if rng.random() < FRONT_MATTER_SHARE:  # saved from a CMS or a notes app: metadata on top
        front = f"---\ntitle: {lines[0]}\noutlet: {outlet}\ndate: {day.isoformat()}\n---\n"
    # Drop whole paragraphs (never cut a sentence) to stay within the seed-sized range.
    while len(front) + len("\n\n".join(lines + body)) >= MAX_CHARS and len(body) > 3:
        body.pop()
    return front + "\n\n".join(lines + body) + "\n"


def generate_corpus(n: int, *, seed: int = 0) -> list[Document]:
    """``n`` synthetic documents with paths ``synthetic/00000.txt``..."""
    return [document_from_text(article_text(i, seed=seed), f"synthetic/{i:05d}.txt") for i in range(n)]


def write_corpus(n: int, folder: str | Path, *, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic articles as UTF-8 ``.txt`` files into ``folder``; return their paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = out / f"{i:05d}.txt"
        path.write_text(article_text(i, seed=seed), encoding="utf-8")
        paths.append(path)
    return paths
