"""Statements: quotation styles, reporting verbs, coreference, traps, speed.

Every case is written for these tests (not taken from the seeds or the dev set) and
asserts the whole list of (speaker, kind, text) the parser returns.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from fentdash.models import Interval
from fentdash.quotes import find_quotes, sentences
from fentdash.statements import find_statements


def triples(text: str, **kwargs) -> list[tuple[str, str, str]]:
    found = find_statements(text, **kwargs)
    for s in found:
        assert text[s.start : s.end] == s.text
    return [(s.speaker, s.kind, s.text) for s in found]


# ---------------------------------------------------------------- quotation styles

QUOTE_STYLES = [
    # straight quotes, inverted attribution with a title, place after the name
    (
        '"We are seeing record numbers of overdoses," said Sheriff John Smith of Ocean County.',
        [("John Smith", "direct", "We are seeing record numbers of overdoses")],
    ),
    # curly quotes, surname after an earlier full name
    (
        "DEA Administrator Anne Milgram spoke in Phoenix. “This is a poison that kills,” Milgram "
        "told reporters on Tuesday.",
        [("Anne Milgram", "direct", "This is a poison that kills")],
    ),
    # a quotation split around one attribution counts once
    (
        "“Fentanyl is killing our kids,” said Sheriff Ana Ruiz. “We need action now.”",
        [
            (
                "Ana Ruiz",
                "direct",
                "Fentanyl is killing our kids,” said Sheriff Ana Ruiz. “We need action now.",
            )
        ],
    ),
    (
        '"The pills look real," Dr. Lena Park said. "They are not."',
        [("Lena Park", "direct", 'The pills look real," Dr. Lena Park said. "They are not.')],
    ),
    # a quotation over two paragraphs (the first paragraph has no closing mark)
    (
        "Attorney General Merrick Garland said: “We will not rest until every trafficker is caught.\n\n"
        "“The cartels are on notice.”",
        [
            (
                "Merrick Garland",
                "direct",
                "We will not rest until every trafficker is caught.\n\n“The cartels are on notice.",
            )
        ],
    ),
    # colon-introduced in the same sentence, and from the end of the previous paragraph
    (
        "County Coroner Amy Li spoke first. She added: “Every one of these deaths was preventable.”",
        [("Amy Li", "direct", "Every one of these deaths was preventable.")],
    ),
    (
        "Sheriff Tom Reed told the board:\n“We cannot arrest our way out of this.”",
        [("Tom Reed", "direct", "We cannot arrest our way out of this.")],
    ),
    # an introducing paragraph without a reporting verb
    (
        "HHS Secretary Xavier Becerra issued the following statement:\n\n"
        "“Today’s data are a call to action for every community in America.”",
        [("Xavier Becerra", "direct", "Today’s data are a call to action for every community in America.")],
    ),
    # curly single quotes, British style, resolved through a title
    (
        "Sheriff Tom Jones spoke. ‘We have never seen anything like this in our lifetime,’ the sheriff said.",
        [("Tom Jones", "direct", "We have never seen anything like this in our lifetime")],
    ),
    # a quotation closed by its own full stop, then a bare attribution sentence
    (
        "DEA Administrator Anne Milgram spoke. “We will win this fight against the cartels.” Milgram said.",
        [("Anne Milgram", "direct", "We will win this fight against the cartels.")],
    ),
    ("“We will win this fight.”\nMilgram said so.", []),
    # "according to" after a quotation
    (
        "“Two milligrams can kill an adult,” according to Special Agent Maria Lopez.",
        [("Maria Lopez", "direct", "Two milligrams can kill an adult")],
    ),
    # a whole-paragraph quotation continuing the previous paragraph's speaker
    (
        "“The first shipment was hidden in tires,” said Port Director Sam Hill.\n"
        "“The second one was inside a shipment of frozen shrimp.”",
        [
            ("Sam Hill", "direct", "The first shipment was hidden in tires"),
            ("Sam Hill", "direct", "The second one was inside a shipment of frozen shrimp."),
        ],
    ),
    # degrees after the name end the attribution sentence
    (
        "“Deaths from opioid overdoses are alarming,” said CDC Director Tom Frieden, M.D., M.P.H. "
        "“The epidemic is devastating families.”",
        [
            (
                "Tom Frieden",
                "direct",
                "Deaths from opioid overdoses are alarming,” said CDC Director Tom Frieden, M.D., M.P.H. "
                "“The epidemic is devastating families.",
            )
        ],
    ),
    # a quotation split inside one sentence
    (
        "“The cartels,” Milgram said, “are ruthless and they do not care about human life.”",
        [
            (
                "Anne Milgram",
                "direct",
                "The cartels,” Milgram said, “are ruthless and they do not care about human life.",
            )
        ],
    ),
    # a private person: an age apposition marks the name, the surname then resolves to it
    (
        'John Smith, 45, of Dayton lost his son in 2021. "He thought it was a Percocet," Smith said.',
        [("John Smith", "direct", "He thought it was a Percocet")],
    ),
    # a stray straight mark before the quotation
    (
        '"Unclosed start here "This is a big deal for us," said Sheriff Ann Lee.',
        [("Ann Lee", "direct", "This is a big deal for us")],
    ),
    # two speakers each with a split quotation
    (
        "“We seized it at the bridge,” said Officer Dan Cole. “It was in the dashboard.” "
        "“This is the largest seizure this year,” said Chief Rita Moss. “It will save lives.”",
        [
            (
                "Dan Cole",
                "direct",
                "We seized it at the bridge,” said Officer Dan Cole. “It was in the dashboard.",
            ),
            (
                "Rita Moss",
                "direct",
                "This is the largest seizure this year,” said Chief Rita Moss. “It will save lives.",
            ),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", QUOTE_STYLES)
def test_quote_styles(text, expected):
    assert triples(text) == expected


# ---------------------------------------------------------------- reporting verbs

REPORTED = [
    (
        "Attorney General William Barr said the department would prosecute dealers aggressively.",
        [("William Barr", "reported", "said the department would prosecute dealers aggressively.")],
    ),
    # "…, said X." and "…, X said." keep the whole sentence (the clause comes first)
    (
        "The drug is flooding our streets, said Sheriff Jane Doe.",
        [("Jane Doe", "reported", "The drug is flooding our streets, said Sheriff Jane Doe.")],
    ),
    (
        "Most of the pills came from Sinaloa, Commissioner Troy Miller said on Monday.",
        [
            (
                "Troy Miller",
                "reported",
                "Most of the pills came from Sinaloa, Commissioner Troy Miller said on Monday.",
            )
        ],
    ),
    # "according to X" keeps the whole sentence
    (
        "Overdose deaths rose 30% in 2020, according to CDC Director Robert Redfield.",
        [
            (
                "Robert Redfield",
                "reported",
                "Overdose deaths rose 30% in 2020, according to CDC Director Robert Redfield.",
            )
        ],
    ),
    (
        "Fake pills are everywhere, according to a statement from Attorney General Merrick Garland.",
        [
            (
                "Merrick Garland",
                "reported",
                "Fake pills are everywhere, according to a statement from Attorney General Merrick Garland.",
            )
        ],
    ),
    # a document is not a speaker
    ("Deaths fell 5%, according to a new CDC report.", []),
    # X told Y: the speaker is X, not the outlet
    (
        "Dr. Rahul Gupta visited Ohio. Gupta told The Associated Press that the numbers were alarming.",
        [("Rahul Gupta", "reported", "told The Associated Press that the numbers were alarming.")],
    ),
    # X, who …, said
    (
        "DEA Administrator Anne Milgram visited. Milgram, who took over the agency in 2021, said the "
        "cartels were ruthless.",
        [("Anne Milgram", "reported", "said the cartels were ruthless.")],
    ),
    # X, apposition, said
    (
        "Dr. Nora Volkow, director of the National Institute on Drug Abuse, said addiction is a disease.",
        [("Nora Volkow", "reported", "said addiction is a disease.")],
    ),
    # dateline, "today announced"
    (
        "WASHINGTON – Attorney General Merrick B. Garland today announced charges against eight companies.",
        [("Merrick Garland", "reported", "announced charges against eight companies.")],
    ),
    (
        "Garland has said that fentanyl is the deadliest threat the country faces.",
        [("Merrick Garland", "reported", "said that fentanyl is the deadliest threat the country faces.")],
    ),
    (
        "Sheriff Mike Chitwood of Volusia County warned that dealers would be charged with murder.",
        [("Mike Chitwood", "reported", "warned that dealers would be charged with murder.")],
    ),
    (
        "HHS Secretary Alex Azar testified that naloxone prescriptions had doubled.",
        [("Alex Azar", "reported", "testified that naloxone prescriptions had doubled.")],
    ),
    (
        "U.S. Attorney Trini E. Ross urged parents to talk to their children about fake pills.",
        [("Trini E. Ross", "reported", "urged parents to talk to their children about fake pills.")],
    ),
    (
        "Special Agent in Charge Frank A. Tarentino III of the DEA New York Division said agents "
        "seized 200 pounds.",
        [("Frank A. Tarentino III", "reported", "said agents seized 200 pounds.")],
    ),
    (
        "Sen. Joe Manchin (D-W.Va.) said the bill would save lives.",
        [("Joe Manchin", "reported", "said the bill would save lives.")],
    ),
    (
        "President Donald Trump tweeted that the wall would stop the drugs.",
        [("Donald Trump", "reported", "tweeted that the wall would stop the drugs.")],
    ),
    # a lead adverbial is not a reported clause: the statement still starts at the verb
    (
        "In a statement, the White House said the President was briefed.",
        [("White House", "reported", "said the President was briefed.")],
    ),
    (
        "Speaking at a press conference, Milgram warned that fake pills are sold on social media apps.",
        [("Anne Milgram", "reported", "warned that fake pills are sold on social media apps.")],
    ),
    (
        "A spokesman for the agency, John Doe, said the pills were fake.",
        [("John Doe", "reported", "said the pills were fake.")],
    ),
    # time and manner between the speaker and the verb
    (
        "Milgram in 2019 said the labs were growing.",
        [("Anne Milgram", "reported", "said the labs were growing.")],
    ),
    (
        "Milgram this week warned that pills were fake.",
        [("Anne Milgram", "reported", "warned that pills were fake.")],
    ),
    # abbreviations inside an apposition
    (
        "HHS Secretary Tom Price, M.D., said the department would spend $1 billion on treatment.",
        [("Tom Price", "reported", "said the department would spend $1 billion on treatment.")],
    ),
    (
        "Scott Brady, the U.S. attorney for western Pennsylvania, said overdose deaths fell.",
        [("Scott W. Brady", "reported", "said overdose deaths fell.")],
    ),
    # a role, then the name between commas
    (
        "Arizona's U.S. attorney, Gary Restaino, said his office had charged 100 people this year.",
        [("Gary Restaino", "reported", "said his office had charged 100 people this year.")],
    ),
    # joint speakers each get the statement
    (
        "Attorney General Merrick B. Garland, Deputy Attorney General Lisa Monaco and DEA Administrator "
        "Anne Milgram announced the charges.",
        [
            ("Merrick Garland", "reported", "announced the charges."),
            ("Lisa Monaco", "reported", "announced the charges."),
            ("Anne Milgram", "reported", "announced the charges."),
        ],
    ),
    # "said Monday that “…”": the quotation is the statement
    (
        "Milgram said Monday that “the cartels are flooding our communities with fake pills.”",
        [("Anne Milgram", "direct", "the cartels are flooding our communities with fake pills.")],
    ),
    # a lead reported statement next to the same person's direct quotation
    (
        "BOSTON – U.S. Attorney Rachael Rollins today announced the arrest of 12 people. "
        "“These defendants sold poison,” said U.S. Attorney Rollins.",
        [
            ("Rachael Rollins", "reported", "announced the arrest of 12 people."),
            ("Rachael Rollins", "direct", "These defendants sold poison"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", REPORTED)
def test_reported_speech(text, expected):
    assert triples(text) == expected


# ---------------------------------------------------------------- coreference

COREFERENCE = [
    (
        "CDC Director Rochelle Walensky released the data. “Fentanyl is killing our kids,” she said.",
        [("Rochelle Walensky", "direct", "Fentanyl is killing our kids")],
    ),
    (
        "U.S. Attorney Scott W. Brady spoke in Pittsburgh. He warned that counterfeit pills were spreading.",
        [("Scott W. Brady", "reported", "warned that counterfeit pills were spreading.")],
    ),
    # a title resolves to the person holding it, not the last person named
    (
        "Attorney General Jeff Sessions met Sheriff Bob Jones in Texas. The attorney general said the "
        "cartels must be stopped.",
        [("Jeff Sessions", "reported", "said the cartels must be stopped.")],
    ),
    (
        "Anne Milgram, the DEA administrator, visited El Paso. The official said the pills were deadly.",
        [("Anne Milgram", "reported", "said the pills were deadly.")],
    ),
    (
        "Administrator Anne Milgram visited the lab. The DEA chief said four in ten pills were lethal.",
        [("Anne Milgram", "reported", "said four in ten pills were lethal.")],
    ),
    # "quoted him as saying": the quoted person speaks, not the news agency
    (
        "Attorney General Jeff Sessions spoke in Mexico City. “We must stop the labs before they grow,” "
        "Reuters quoted him as saying.",
        [("Jeff Sessions", "direct", "We must stop the labs before they grow")],
    ),
    # an honorific gives the gender that picks the antecedent
    (
        "Ms. Ana Gold met Sheriff Tom Fox. “I lost my son to one pill,” she said.",
        [("Ana Gold", "direct", "I lost my son to one pill")],
    ),
    # a given name gives the gender when no honorific does
    (
        "Attorney General Pam Bondi met Sheriff Tom Fox in Tampa. She said the cartels are terrorists.",
        [("Pam Bondi", "reported", "said the cartels are terrorists.")],
    ),
    # quotations nested in a quotation belong to it
    (
        "“He told me, ‘You will die if you take it,’ and I believed him,” said Sheriff Ann Lee.",
        [("Ann Lee", "direct", "He told me, ‘You will die if you take it,’ and I believed him")],
    ),
    # organisations and the agency anaphor
    (
        "The Drug Enforcement Administration issued a warning. The agency said fake pills were everywhere.",
        [("Drug Enforcement Administration", "reported", "said fake pills were everywhere.")],
    ),
    (
        "The Justice Department said it had charged 150 people in the operation.",
        [("Department of Justice", "reported", "said it had charged 150 people in the operation.")],
    ),
]


@pytest.mark.parametrize("text,expected", COREFERENCE)
def test_coreference(text, expected):
    assert triples(text) == expected


# ---------------------------------------------------------------- traps

TRAPS = [
    # scare quotes are not statements
    ("Officials called the pills “mass killers” in a briefing on Monday.", []),
    ('Any user who takes a fentanyl "hot spot" will overdose.', []),
    # headlines and decks (a title-case line is a headline even with a full stop)
    ("Sessions Says Mexican Labs Are Growing.", []),
    ("Attorney General Garland Announces New Fentanyl Strategy\n\nThe plan has five parts.", []),
    ("Dr. Gupta: Today’s data show we must act\n\nThe report came out on Wednesday.", []),
    # actions are not speech
    (
        "Attorney General Jeff Sessions ordered the creation of a task force. U.S. Attorney Scott Brady "
        "appointed a coordinator. Agents seized 5 pounds.",
        [],
    ),
    ("President Donald Trump has declared the opioid epidemic a public health emergency.", []),
    # unnamed speakers
    (
        "Police said the man was arrested. Officials said more arrests were likely. Experts have said "
        "the trend will continue. A study found that most pills were fake.",
        [],
    ),
    # unattributed quotation
    ("“This is a crisis that affects everyone in the state.”", []),
    # nested speech inside someone's quotation is theirs, not a second statement
    (
        "“President Biden said we must act now on this crisis,” said Dr. Rahul Gupta.",
        [("Rahul Gupta", "direct", "President Biden said we must act now on this crisis")],
    ),
    # plural roles are groups, not names
    ("Narcotics Detectives said the pills were pressed locally.", []),
    # an unnamed office is not a speaker
    ("“We’re seeing more deaths,” the sheriff’s office said in a statement.", []),
    # a person merely named
    ("HHS Secretary Sylvia Burwell’s home state of West Virginia has the highest death rate.", []),
    # the modal "may" and possessives are not speech
    ("Sheriff Tom Fox may ask for more deputies next year.", []),
    # organisations named in a statement introduction are not persons
    (
        "Fentanyl was found at the Fort Street Cargo Facility, and Homeland Security Investigations "
        "is investigating the case.",
        [],
    ),
]


@pytest.mark.parametrize("text,expected", TRAPS)
def test_traps(text, expected):
    assert triples(text) == expected


def test_skip_spans_yield_nothing():
    text = "Sign up! Sheriff Tom Fox said pills are everywhere.\nSheriff Tom Fox said the county needs help."
    cut = text.index("\n")
    assert triples(text, skip=[(0, cut)]) == [("Tom Fox", "reported", "said the county needs help.")]


def test_roles_and_types():
    text = (
        "“The seizure shows the value of our partnerships,” said Rene Ortega, Area Port Director – "
        "Tacoma. The DEA said the pills came from Mexico. Attorney General Merrick Garland said "
        "the cartels are to blame."
    )
    found = find_statements(text)
    assert [(s.speaker, s.speaker_type, s.role) for s in found] == [
        ("Rene Ortega", "person", "Area Port Director – Tacoma"),
        ("Drug Enforcement Administration", "organization", None),
        ("Merrick Garland", "person", "Attorney General"),
    ]


def test_pronoun_evidence_points_to_the_antecedent():
    text = "Attorney General Jeff Sessions spoke. He warned that the labs were growing."
    (s,) = find_statements(text)
    reasons = [(e.text, e.start, e.reason) for e in s.evidence]
    assert reasons == [
        ("He", 38, "pronoun resolved to the last male person named"),
        ("Jeff Sessions", 17, "antecedent named here"),
    ]


def test_speech_dated_by_its_sentence():
    text = (
        "In July 2017, Attorney General Jeff Sessions announced the seizure of a dark net market. "
        "Sessions said in 2016 that the crisis was growing."
    )
    found = find_statements(text)
    assert [s.when for s in found] == [
        Interval(date(2017, 7, 1), date(2017, 7, 31), "month"),
        None,  # 2016 belongs to the reported content, not to the speech
    ]


def test_speech_dated_to_the_day():
    text = "On March 3, 2023, Garland told the Senate that cartels were the deadliest threat."
    (s,) = find_statements(text)
    assert (s.text, s.when) == (
        "told the Senate that cartels were the deadliest threat.",
        Interval(date(2023, 3, 3), date(2023, 3, 3), "day"),
    )


def test_split_quote_spans_are_exact():
    text = (
        '"This crisis is real," said U.S. Attorney Brady, calling the city "Ground Zero" today. "We act now."'
    )
    (s,) = find_statements(text)
    assert (s.start, s.end) == (1, len(text) - 1)
    assert s.text.startswith("This crisis is real") and s.text.endswith("We act now.")


# ---------------------------------------------------------------- quotation marks and sentences

QUOTE_SPANS = [
    ('He said "stop" and "go on now".', ["stop", "go on now"]),
    ("“One.” “Two three.”", ["One.", "Two three."]),
    # an inch mark is not a quotation mark
    ('The 12" pipe held pills. "This is a big deal," she said.', ["This is a big deal,"]),
    # an unbalanced curly mark restarts the quotation
    ("“Lost start “Real quote here.”", ["Real quote here."]),
    # a quotation running over two paragraphs is one span
    ("“First part.\n\n“Second part.”", ["First part.\n\n“Second part."]),
    # unclosed at the end of a paragraph with no continuation: dropped
    ("“Never closed\nNext paragraph.", []),
    # curly single quotes only with five words or more, apostrophes ignored
    (
        "DEA’s agents said ‘we will find every single one of them’ yesterday.",
        ["we will find every single one of them"],
    ),
    ("The ‘hot spot’ problem.", []),
]


@pytest.mark.parametrize("text,expected", QUOTE_SPANS)
def test_quote_spans(text, expected):
    assert [text[q.start : q.end] for q in find_quotes(text)] == expected


SENTENCES = [
    ("Fentanyl is sold in the U.S. The DEA said so.", ["Fentanyl is sold in the U.S.", "The DEA said so."]),
    (
        "It came to the U.S. Drug Enforcement Administration on Jan. 5. Agents acted.",
        ["It came to the U.S. Drug Enforcement Administration on Jan. 5.", "Agents acted."],
    ),
    (
        "“We act. We win,” said Marty C. Raybon. “Done.” Next one.",
        ["“We act. We win,” said Marty C. Raybon.", "“Done.”", "Next one."],
    ),
    ("Line one without stop\nLine two.", ["Line one without stop", "Line two."]),
]


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_sentences(text, expected):
    assert [text[a:b] for a, b in sentences(text, find_quotes(text))] == expected


# ---------------------------------------------------------------- speed and robustness

ARTICLE = (
    "WASHINGTON – Attorney General Jeff Sessions today announced a new team. "
    "“Criminals think they are safe,” Attorney General Sessions said. “They are not.” "
    "The DEA said 27% of pills were fake, according to Sheriff Ann Lee of Ocean County.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        (ARTICLE * 80)[:20000],
        "“" * 20000,
        '"' * 20001,
        ("“unbalanced " + "”" * 3 + " said he “") * 1000,
        "Word " * 4000,
        ("A B C D E F G H I J K L M N O P Q R S T U V W X Y Z " * 400)[:20000],
        ("Sheriff " * 2500)[:20000],
        ("said, " * 3400)[:20000],
        # round 2: descriptions, spokespeople, "called", joint speakers, quoted appositions
        ("The nation's top drug enforcement official said. " * 400)[:20000],
        ("A DEA spokeswoman for the FBI spokesman said " * 450)[:20000],
        ("Sheriff Ann Lee, who called “a,” " * 600)[:20000],
        ("Sheriff Ann Lee called it “bad news” and " * 500)[:20000],
        ("The acting head of the U.S. Drug Enforcement Administration said X. Robert Patterson said. " * 220)[
            :20000
        ],
        ("Garland and Milgram and Garland and " * 560)[:20000],
        ("said Sheriff Ann Lee and Sheriff Tom Fox and " * 450)[:20000],
    ],
)
def test_any_20k_input_is_fast(text):
    t0 = time.perf_counter()
    find_statements(text)
    assert time.perf_counter() - t0 < 0.5


def _seconds(text: str) -> float:
    t0 = time.perf_counter()
    find_statements(text)
    return time.perf_counter() - t0


@pytest.mark.parametrize(
    "unit",
    [
        "fentanyl “quoted words and more Words Said ",  # unbalanced marks, no punctuation
        "Sheriff John Smith said ",  # one endless sentence full of speakers
        "“a\n\n",  # open quotation marks over thousands of paragraphs
        "The top U.S. prosecutor said Sheriff John Smith ",  # descriptions looking ahead
    ],
)
@pytest.mark.slow
def test_megabyte_input_is_linear(unit):
    small = _seconds(unit * (100_000 // len(unit)))
    big = _seconds(unit * (1_000_000 // len(unit)))
    # Ten times the text may take at most ~25 times as long (quadratic would be ~100x).
    assert big < 25 * small + 1.0


@pytest.mark.parametrize(
    "text,role",
    [
        # the knowledge base's role is the one the text's wording names
        ("Sen. Jeff Sessions said the border must be secured.", "Senator from Alabama"),
        ("Attorney General Jeff Sessions said the border must be secured.", "Attorney General"),
        (
            "New Jersey Attorney General Anne Milgram said the state would sue.",
            "Attorney General of New Jersey",
        ),
        ("DEA chief Anne Milgram said the state would sue.", "Administrator"),
        # people outside the knowledge base keep the text's wording
        ("Acting U.S. Attorney Jane Doe said the state would sue.", "Acting U.S. Attorney"),
        ("Jane Doe, the Ocean County prosecutor, said the state would sue.", "the Ocean County prosecutor"),
    ],
)
def test_statement_roles(text, role):
    (s,) = find_statements(text)
    assert s.role == role


# ---------------------------------------------------------------- reporting patterns (round 2)

REPORTING_PATTERNS = [
    # "In a statement, X said"
    (
        "In a statement, Attorney General Loretta Lynch said heroin deaths had nearly tripled since 2010.",
        [("Loretta Lynch", "reported", "said heroin deaths had nearly tripled since 2010.")],
    ),
    # "X said in an interview with <outlet>": the outlet is not the speaker
    (
        "Dr. Tom Frieden said in an interview with NPR that prescription painkillers were the gateway.",
        [
            (
                "Tom Frieden",
                "reported",
                "said in an interview with NPR that prescription painkillers were the gateway.",
            )
        ],
    ),
    # "X testified before <committee> that"
    (
        "Acting DEA Administrator Chuck Rosenberg testified before the Senate Judiciary Committee that "
        "heroin seizures at the border had doubled.",
        [
            (
                "Chuck Rosenberg",
                "reported",
                "testified before the Senate Judiciary Committee that heroin seizures at the border had doubled.",
            )
        ],
    ),
    # "X wrote on Twitter that"
    (
        "Sen. Maggie Hassan wrote on Twitter that the STOP Act would close a deadly loophole.",
        [("Maggie Hassan", "reported", "wrote on Twitter that the STOP Act would close a deadly loophole.")],
    ),
    # "X told lawmakers"
    (
        "CBP Commissioner Chris Magnus told lawmakers that most fentanyl crossed at ports of entry.",
        [("Chris Magnus", "reported", "told lawmakers that most fentanyl crossed at ports of entry.")],
    ),
    # "…, said X, who …"
    (
        "The county lost four people in a single weekend, said Sheriff Dana Ortiz, who has served since 2014.",
        [
            (
                "Dana Ortiz",
                "reported",
                "The county lost four people in a single weekend, said Sheriff Dana Ortiz, who has served "
                "since 2014.",
            )
        ],
    ),
    # an apposition holding a short quotation
    (
        "Police Chief Ray Dunn, who called the drug “gray death,” said the pills were pressed locally.",
        [("Ray Dunn", "reported", "said the pills were pressed locally.")],
    ),
    # a bare attribution sentence with time, place and audience after the verb
    (
        "Dr. Nora Volkow spoke. “We are losing a generation.” Volkow told reporters in Bethesda on Monday.",
        [("Nora Volkow", "direct", "We are losing a generation.")],
    ),
    # ... but a clause after the verb is the person's own reported statement
    (
        "“We are losing a generation.” Gupta said the pills were cheap.",
        [("Rahul Gupta", "reported", "said the pills were cheap.")],
    ),
    # a trailing attribution with circumstances keeps the whole sentence
    (
        "The agency had seized 50 million pills, Milgram said Tuesday in remarks at the Justice Department.",
        [
            (
                "Anne Milgram",
                "reported",
                "The agency had seized 50 million pills, Milgram said Tuesday in remarks at the Justice "
                "Department.",
            )
        ],
    ),
    # a surname with an apposition before the verb
    (
        "Sessions, speaking in Memphis, said the task force would target pill mills.",
        [("Jeff Sessions", "reported", "said the task force would target pill mills.")],
    ),
    # "X, the DEA administrator, said"
    (
        "Robert Patterson, the acting DEA administrator, said the agency was short of chemists.",
        [("Robert Patterson", "reported", "said the agency was short of chemists.")],
    ),
    # "According to X, …"
    (
        "According to Dr. Nora Volkow, fentanyl is now involved in most overdose deaths.",
        [
            (
                "Nora Volkow",
                "reported",
                "According to Dr. Nora Volkow, fentanyl is now involved in most overdose deaths.",
            )
        ],
    ),
    # "X said …, adding that …": one statement
    (
        "Gov. Phil Murphy said the state would hand out naloxone for free, adding that the pilot had saved lives.",
        [
            (
                "Phil Murphy",
                "reported",
                "said the state would hand out naloxone for free, adding that the pilot had saved lives.",
            )
        ],
    ),
    # "X was quoted as saying"
    (
        "Health Secretary Tom Price was quoted as saying that medication-assisted treatment swaps one "
        "opioid for another.",
        [
            (
                "Tom Price",
                "reported",
                "was quoted as saying that medication-assisted treatment swaps one opioid for another.",
            )
        ],
    ),
    # verbs of emphasis, concession, estimation
    (
        "Jim Carroll reiterated that the administration would not cut treatment money.",
        [("Jim Carroll", "reported", "reiterated that the administration would not cut treatment money.")],
    ),
    (
        "Anne Schuchat cautioned that the 2017 counts were provisional.",
        [("Anne Schuchat", "reported", "cautioned that the 2017 counts were provisional.")],
    ),
    (
        "Michael Botticelli acknowledged that the data lag by about a year.",
        [("Michael Botticelli", "reported", "acknowledged that the data lag by about a year.")],
    ),
    (
        "Dr. Robert Redfield estimated that 72,000 Americans died of overdoses in 2017.",
        [("Robert Redfield", "reported", "estimated that 72,000 Americans died of overdoses in 2017.")],
    ),
    (
        "Alex Azar pointed out that opioid prescriptions had fallen for six years.",
        [("Alex Azar", "reported", "pointed out that opioid prescriptions had fallen for six years.")],
    ),
    (
        "Rahul Gupta insisted that the strategy was working.",
        [("Rahul Gupta", "reported", "insisted that the strategy was working.")],
    ),
    (
        "Senator Joe Manchin argued that drug distributors had ignored red flags.",
        [("Joe Manchin", "reported", "argued that drug distributors had ignored red flags.")],
    ),
    (
        "Mayor Ellen Park stressed that treatment beds were full.",
        [("Ellen Park", "reported", "stressed that treatment beds were full.")],
    ),
    # press-release leads
    (
        "PITTSBURGH - United States Attorney Cindy K. Chung today announced the indictment of 12 people.",
        [("Cindy K. Chung", "reported", "announced the indictment of 12 people.")],
    ),
    (
        "CDC Director Mandy Cohen issued the following statement:\n\n"
        "“These numbers are moving in the right direction, but too many families still grieve.”",
        [
            (
                "Mandy Cohen",
                "direct",
                "These numbers are moving in the right direction, but too many families still grieve.",
            )
        ],
    ),
]


@pytest.mark.parametrize("text,expected", REPORTING_PATTERNS)
def test_reporting_patterns(text, expected):
    assert triples(text) == expected


# A quoted phrase after "called" / "described … as": two words or more are a direct statement;
# a single word is a word the speaker used, so the clause from the verb on is reported speech.
CALLING = [
    (
        "Gov. Mike DeWine called the new numbers “absolutely heartbreaking.”",
        [("Mike DeWine", "direct", "absolutely heartbreaking.")],
    ),
    (
        "Attorney General Bill Barr described fentanyl as “a weapon of mass destruction” in 2019.",
        [("William Barr", "direct", "a weapon of mass destruction")],
    ),
    (
        "Gov. Mike DeWine called the numbers “unacceptable.”",
        [("Mike DeWine", "reported", "called the numbers “unacceptable.”")],
    ),
    # no named speaker: still scare quotes
    ("Officials called the pills “mass killers” in a briefing on Monday.", []),
    # a name for a thing, not a speaker calling it
    ('The program, called "Operation Last Mile," began in 2022.', []),
]


@pytest.mark.parametrize("text,expected", CALLING)
def test_called_phrases(text, expected):
    assert triples(text) == expected


JOINT = [
    (
        "“We will not stop until the network is gone,” said Attorney General Merrick Garland and DEA "
        "Administrator Anne Milgram.",
        [
            ("Merrick Garland", "direct", "We will not stop until the network is gone"),
            ("Anne Milgram", "direct", "We will not stop until the network is gone"),
        ],
    ),
    (
        "“Fentanyl is the deadliest drug threat our country faces,” Garland and Milgram said in a joint "
        "statement.",
        [
            ("Merrick Garland", "direct", "Fentanyl is the deadliest drug threat our country faces"),
            ("Anne Milgram", "direct", "Fentanyl is the deadliest drug threat our country faces"),
        ],
    ),
    (
        "Gov. Kate Brown and Sheriff Tom Fox said in a joint statement: “Every county needs naloxone.”",
        [
            ("Kate Brown", "direct", "Every county needs naloxone."),
            ("Tom Fox", "direct", "Every county needs naloxone."),
        ],
    ),
]


JOINT.append(
    (
        "Garland and Milgram issued the following statement:\n\n“We will hold every trafficker accountable.”",
        [
            ("Merrick Garland", "direct", "We will hold every trafficker accountable."),
            ("Anne Milgram", "direct", "We will hold every trafficker accountable."),
        ],
    )
)


@pytest.mark.parametrize("text,expected", JOINT)
def test_joint_quotes(text, expected):
    assert triples(text) == expected


# A spokesperson speaks for an organisation, never as the person who employs them.
SPOKESPEOPLE = [
    (
        "Attorney General Jeff Sessions’ spokeswoman said the department would appeal the ruling.",
        [("Department of Justice", "organization", "said the department would appeal the ruling.")],
    ),
    (
        "A DEA spokeswoman said the pills had been pressed in Sinaloa.",
        [("Drug Enforcement Administration", "organization", "said the pills had been pressed in Sinaloa.")],
    ),
    (
        "A spokesman for the FBI said agents were still searching the house.",
        [("Federal Bureau of Investigation", "organization", "said agents were still searching the house.")],
    ),
    (
        "“We are reviewing the report,” a CDC spokesman said on Friday.",
        [("Centers for Disease Control and Prevention", "organization", "We are reviewing the report")],
    ),
    (
        "“The secretary has been briefed,” said a spokeswoman for Health and Human Services Secretary "
        "Alex Azar.",
        [("Department of Health and Human Services", "organization", "The secretary has been briefed")],
    ),
    (
        "Rochelle Walensky spoke on Monday. Her spokeswoman later said the figures were preliminary.",
        [
            (
                "Centers for Disease Control and Prevention",
                "organization",
                "said the figures were preliminary.",
            )
        ],
    ),
    # a named spokesperson speaks as themselves
    (
        "DEA spokeswoman Barbara Carreno said the pills were fake.",
        [("Barbara Carreno", "person", "said the pills were fake.")],
    ),
    (
        "Gov. Chris Christie's spokesman, Brian Murray, said the governor would sign the bill.",
        [("Brian Murray", "person", "said the governor would sign the bill.")],
    ),
    (
        "“Fentanyl is killing Americans at a record pace,” Jane Roe, a spokeswoman for the DEA, said.",
        [("Jane Roe", "person", "Fentanyl is killing Americans at a record pace")],
    ),
    # a private person's spokesperson: no organisation known, so no speaker
    ("Sheriff Grady Judd's spokeswoman said deputies found 40 grams of fentanyl.", []),
]


@pytest.mark.parametrize("text,expected", SPOKESPEOPLE)
def test_spokespeople(text, expected):
    assert [(s.speaker, s.speaker_type, s.text) for s in find_statements(text)] == expected


# ---------------------------------------------------------------- cataphora

CATAPHORA = [
    # wire copy: description first, the person named in a later paragraph
    (
        "The acting head of the U.S. Drug Enforcement Administration said on Thursday that the agency "
        "would target Chinese suppliers.\n\nRobert Patterson told reporters the pills were killing Americans.",
        [
            (
                "Robert Patterson",
                "reported",
                "said on Thursday that the agency would target Chinese suppliers.",
            ),
            ("Robert Patterson", "reported", "told reporters the pills were killing Americans."),
        ],
    ),
    (
        "The nation's top drug enforcement official warned Congress on Tuesday that the crisis was "
        "worsening. Anne Milgram said the pills were everywhere.",
        [
            ("Anne Milgram", "reported", "warned Congress on Tuesday that the crisis was worsening."),
            ("Anne Milgram", "reported", "said the pills were everywhere."),
        ],
    ),
    (
        "The top U.S. prosecutor said fentanyl was the deadliest threat. Attorney General Merrick Garland "
        "spoke in Phoenix.",
        [("Merrick Garland", "reported", "said fentanyl was the deadliest threat.")],
    ),
    (
        "The head of the Centers for Disease Control and Prevention said deaths had topped 100,000. "
        "Dr. Rochelle Walensky called it a grim milestone.",
        [("Rochelle Walensky", "reported", "said deaths had topped 100,000.")],
    ),
    # the country's drug czar: the knowledge base's role alias fits
    (
        "The country's drug czar said on Wednesday that the numbers were falling. Rahul Gupta spoke in Ohio.",
        [("Rahul Gupta", "reported", "said on Wednesday that the numbers were falling.")],
    ),
    # an organisation's possessive: "The White House's drug czar"
    (
        "The White House's drug czar said Tuesday the numbers were sobering. Jim Carroll spoke at a rally.",
        [("Jim Carroll", "reported", "said Tuesday the numbers were sobering.")],
    ),
    # a government's possessive says nothing about the office
    (
        "The Trump administration's top health official said treatment works. Alex Azar spoke in Ohio.",
        [("Alex Azar", "reported", "said treatment works.")],
    ),
    # a person named before who fits wins over one named after
    (
        "Acting DEA Administrator Uttam Dhillon visited El Paso. The acting head of the DEA said the "
        "pills were fake. Anne Milgram was not there.",
        [("Uttam Dhillon", "reported", "said the pills were fake.")],
    ),
    # nobody fitting is named: no speaker (not the sheriff, not the agency)
    (
        "The acting head of the U.S. Drug Enforcement Administration said on Thursday that the agency would "
        "act. Sheriff John Smith told reporters the pills were killing people.",
        [("John Smith", "reported", "told reporters the pills were killing people.")],
    ),
    # a fitting person named too far ahead (three sentences later) is not used
    (
        "The top U.S. prosecutor said fentanyl was the deadliest threat. Cartels ship it by mail. "
        "Agents seize tons. Attorney General Merrick Garland spoke in Phoenix.",
        [],
    ),
]


@pytest.mark.parametrize("text,expected", CATAPHORA)
def test_cataphora(text, expected):
    assert triples(text) == expected


def test_cataphora_evidence_says_forward():
    text = (
        "The acting head of the U.S. Drug Enforcement Administration said the agency would act.\n\n"
        "Robert Patterson spoke in Washington."
    )
    (s,) = find_statements(text)
    assert [(e.text, e.start, e.reason) for e in s.evidence] == [
        (
            "The acting head of the U.S. Drug Enforcement Administration",
            0,
            "description 'The acting head of the U.S. Drug Enforcement Administration' resolved forward "
            "to the first person named after it with that role",
        ),
        ("Robert Patterson", 88, "named after the description"),
    ]
    assert (s.speaker, s.role) == ("Robert Patterson", "Acting Administrator")


def test_spokesperson_evidence_names_the_organisation():
    text = "A DEA spokeswoman said the pills had been pressed in Sinaloa."
    (s,) = find_statements(text)
    assert [(e.text, e.start, e.reason) for e in s.evidence] == [
        ("A DEA spokeswoman", 0, "a spokesperson speaks for Drug Enforcement Administration"),
        ("DEA", 2, "organisation named here"),
    ]


# ---------------------------------------------------------------- organisation names in roles

# The last capitalised word of an organisation inside a role apposition ("... on Drug Abuse")
# is never a person; every statement has exactly one speaker.
ORGANISATION_ROLES = [
    (
        "“This is a tragic milestone,” said Dr. Nora Volkow, director of the National Institute on Drug "
        "Abuse. “We have to expand access to treatment.”",
        [("Nora Volkow", "director of the National Institute on Drug Abuse", "direct")],
    ),
    (
        "“Treatment works,” said Laura Bennett, administrator of the Substance Abuse and Mental Health "
        "Services Administration. “We need more of it.”",
        [
            (
                "Laura Bennett",
                "administrator of the Substance Abuse and Mental Health Services Administration",
                "direct",
            )
        ],
    ),
    (
        "The administrator of the Substance Abuse and Mental Health Services Administration said grants would double.",
        [],
    ),
    (
        "“Every county is affected,” said Tom Harlan, head of the Office of National Drug Control Policy. "
        "“No one is spared.”",
        [("Tom Harlan", "head of the Office of National Drug Control Policy", "direct")],
    ),
    (
        "Maria Ortiz, chief of the Bureau of Alcohol, Tobacco, Firearms and Explosives, said the guns came "
        "from Texas.",
        [("Maria Ortiz", "chief of the Bureau of Alcohol, Tobacco, Firearms and Explosives", "reported")],
    ),
    ("The director of the National Institute on Drug Abuse warned that the supply was changing.", []),
    (
        "“Potency keeps rising,” said director of the National Institute on Drug Abuse Nora Volkow.",
        [("Nora Volkow", "director of the National Institute on Drug Abuse", "direct")],
    ),
    (
        "“It is a poisoning,” said Ellen Marsh, commissioner of the Indiana Department of Mental Health "
        "and Addiction. “Every pill is a risk.”",
        [("Ellen Marsh", "commissioner of the Indiana Department of Mental Health and Addiction", "direct")],
    ),
    (
        "“Naloxone saves lives,” Alan Pierce, deputy director of the Centers for Disease Control and "
        "Prevention, said.",
        [("Alan Pierce", "deputy director of the Centers for Disease Control and Prevention", "direct")],
    ),
]


@pytest.mark.parametrize("text,expected", ORGANISATION_ROLES)
def test_organisation_names_in_roles_are_not_speakers(text, expected):
    assert [(s.speaker, s.role, s.kind) for s in find_statements(text)] == expected


# ---------------------------------------------------------------- speed paths (same output)

GATED = [
    # each pattern scanned only when its literal is in the text: found when it is
    (
        "Fentanyl seizures rose, according to Acting DEA Administrator Chuck Rosenberg.",
        [
            (
                "Chuck Rosenberg",
                "reported",
                "Fentanyl seizures rose, according to Acting DEA Administrator Chuck Rosenberg.",
            )
        ],
    ),
    (
        "A DEA spokeswoman said the pills were fake.",
        [("Drug Enforcement Administration", "reported", "said the pills were fake.")],
    ),
    (
        "Gov. Kay Ivey issued the following statement.\n“We will not stop. Every life matters.”",
        [("Kay Ivey", "direct", "We will not stop. Every life matters.")],
    ),
    ("Seizures rose at the border this year.", []),
]


@pytest.mark.parametrize("text,expected", GATED)
def test_gated_patterns_and_mentions_passed_in(text, expected):
    from fentdash.statements import find_mentions

    assert triples(text) == expected
    assert triples(text, mentions=find_mentions(text)) == expected


def test_statements_verb_regex_finds_exactly_what_people_verb_finds():
    # statements.VERB is people.VERB regrouped by first letter for speed; both are built from
    # people_lexicon.REPORTING_VERBS and must never drift apart.
    from fentdash import people
    from fentdash import statements as st
    from fentdash.people_lexicon import REPORTING_VERBS

    pieces = []
    for verb in REPORTING_VERBS:
        pieces += [verb, verb.upper(), verb.capitalize(), f"un{verb}", f"{verb}ed", f"{verb}s", f"{verb}-ly"]
    text = " ".join(pieces) + "\n" + ", ".join(reversed(pieces))
    assert [m.span() for m in st.VERB.finditer(text)] == [m.span() for m in people.VERB.finditer(text)]
    assert len(list(st.VERB.finditer(text))) >= 2 * len(REPORTING_VERBS)
