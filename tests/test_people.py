"""People named in a text: canonical names, roles as worded, organisations kept out."""

from __future__ import annotations

import pytest

from fentdash.statements import find_mentions


def named(text: str, **kwargs) -> list[tuple[str, str, str | None, bool]]:
    found = find_mentions(text, **kwargs)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.name, m.text, m.role, m.known) for m in found]


MENTIONS = [
    # known people: canonical name, role as the text words it
    (
        "Mexican labs are growing, according to US Attorney General Jeff Sessions.",
        [("Jeff Sessions", "Jeff Sessions", "US Attorney General", True)],
    ),
    (
        "The DEA’s acting head Uttam Dhillon spoke.",
        [("Uttam Dhillon", "Uttam Dhillon", "The DEA’s acting head", True)],
    ),
    (
        "U.S. Drug Enforcement Administration (DEA) official Anne Milgram spoke.",
        [("Anne Milgram", "Anne Milgram", "U.S. Drug Enforcement Administration (DEA) official", True)],
    ),
    (
        "Dr. Rahul Gupta, Director of the White House Office of National Drug Control Policy (ONDCP), spoke.",
        [
            (
                "Rahul Gupta",
                "Rahul Gupta",
                "Director of the White House Office of National Drug Control Policy (ONDCP)",
                True,
            )
        ],
    ),
    (
        "HHS Secretary Alex Azar and CBP Commissioner Kevin K. McAleenan met.",
        [
            ("Alex Azar", "Alex Azar", "HHS Secretary", True),
            ("Kevin McAleenan", "Kevin K. McAleenan", "CBP Commissioner", True),
        ],
    ),
    # a surname alone: an earlier full name, or a unique surname in the knowledge base with a cue
    (
        "Attorney General Jeff Sessions spoke. Later Sessions left.",
        [
            ("Jeff Sessions", "Jeff Sessions", "Attorney General", True),
            ("Jeff Sessions", "Sessions", None, True),
        ],
    ),
    ("DEA chief Milgram said the pills were fake.", [("Anne Milgram", "Milgram", "DEA chief", True)]),
    ("Milgram warns that pills are sold online.", [("Anne Milgram", "Milgram", None, True)]),
    # people not in the knowledge base, titles stripped, roles kept
    (
        "United States Attorney Scott W. Brady spoke.",
        [("Scott W. Brady", "Scott W. Brady", "United States Attorney", True)],
    ),
    (
        "“It is deadly,” said Director of Field Operations Marty C. Raybon.",
        [("Marty C. Raybon", "Marty C. Raybon", "Director of Field Operations", False)],
    ),
    (
        "“It is deadly,” said Rene Ortega, Area Port Director – Seattle.",
        [("Rene Ortega", "Rene Ortega", "Area Port Director – Seattle", False)],
    ),
    (
        "Sheriff Mike Chitwood of Volusia County said dealers should be charged.",
        [("Mike Chitwood", "Mike Chitwood", "Sheriff", False)],
    ),
    (
        "Debra E. Houry, M.D., M.P.H., CDC Acting Principal Deputy Director\n"
        "Mbabazi Kariisa, Ph.D., M.P.H., Health Scientist, CDC’s Division of Overdose Prevention",
        [
            ("Debra Houry", "Debra E. Houry", "CDC Acting Principal Deputy Director", True),
            ("Mbabazi Kariisa", "Mbabazi Kariisa", "Health Scientist", False),
        ],
    ),
    (
        "José Ramírez, a DEA special agent, said the pills came from Sinaloa.",
        [("José Ramírez", "José Ramírez", "DEA special agent", False)],
    ),
    ("Mr. Smith, a pharmacist, was arrested.", [("Smith", "Smith", "pharmacist", False)]),
    ("Jane Doe said her son died after taking one pill.", [("Jane Doe", "Jane Doe", None, False)]),
    (
        "Mexican Attorney General Raul Cervantes met officials.",
        [("Raul Cervantes", "Raul Cervantes", "Mexican Attorney General", False)],
    ),
    (
        "U.S. Attorney for the District of Arizona Gary Restaino said the seizure was historic.",
        [("Gary Restaino", "Gary Restaino", "U.S. Attorney for the District of Arizona", False)],
    ),
    (
        "CDC Director Dr. Robert Redfield spoke.",
        [("Robert Redfield", "Robert Redfield", "CDC Director", True)],
    ),
    (
        "Special Agent in Charge Frank A. Tarentino III spoke.",
        [("Frank A. Tarentino III", "Frank A. Tarentino III", "Special Agent in Charge", False)],
    ),
    ("Sen. Joe Manchin (D-W.Va.) spoke.", [("Joe Manchin", "Joe Manchin", "Sen.", False)]),
    # a state before the title names the office
    (
        "Ohio Attorney General Dave Yost sued the distributors.",
        [("Dave Yost", "Dave Yost", "Ohio Attorney General", False)],
    ),
    # possessives
    (
        "HHS Secretary Sylvia Burwell’s home state of West Virginia.",
        [("Sylvia Burwell", "Sylvia Burwell", "HHS Secretary", True)],
    ),
    # organisations, places and programmes are not people
    (
        "The Drug Enforcement Administration and Homeland Security Investigations searched the Fort "
        "Street Cargo Facility in Western Pennsylvania near the White House.",
        [],
    ),
    (
        "The Joint Criminal Opioid Darknet Enforcement team added Special Agents, Intelligence Analysts "
        "and staff. CBS News reported it. Reuters said so.",
        [],
    ),
    ("Drugs Intercepted Through Targeted International Mail Inspections", []),
    ("Officials in New York said the Sinaloa Cartel ships pills. On Monday, June 2, Police said more.", []),
    # the last word of an organisation inside a role is not a surname, nor are words after "the"
    (
        "Dr. Nora Volkow, director of the National Institute on Drug Abuse, spoke.",
        [("Nora Volkow", "Nora Volkow", "director of the National Institute on Drug Abuse", False)],
    ),
    ("The director of the National Institute on Drug Abuse said more.", []),
    ("The head of the Substance Abuse and Mental Health Services Administration said more.", []),
    (
        "Director of the National Institute on Drug Abuse Nora Volkow spoke.",
        [("Nora Volkow", "Nora Volkow", "Director of the National Institute on Drug Abuse", False)],
    ),
    (
        "Kim Lowe, chief of the Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF), spoke.",
        [
            (
                "Kim Lowe",
                "Kim Lowe",
                "chief of the Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)",
                False,
            )
        ],
    ),
    # a full name may follow an organisation word in a title
    (
        "U.S. Attorney for the District of Columbia Dana Price spoke.",
        [("Dana Price", "Dana Price", "U.S. Attorney for the District of Columbia", False)],
    ),
    ("Attorney General Garland spoke.", [("Merrick Garland", "Garland", "Attorney General", True)]),
]


@pytest.mark.parametrize("text,expected", MENTIONS)
def test_mentions(text, expected):
    assert named(text) == expected


def test_mentions_skip_boilerplate():
    text = "Photo: US Attorney General Jeff Sessions\nSheriff Ann Lee spoke."
    assert named(text, skip=[(0, text.index("\n"))]) == [("Ann Lee", "Ann Lee", "Sheriff", False)]


def test_surname_of_unknown_person_resolves_to_earlier_full_name():
    text = "Port Director Devin Chamberlain spoke. Chamberlain said the team did well."
    assert [m.name for m in find_mentions(text)] == ["Devin Chamberlain", "Devin Chamberlain"]


def test_knowledge_base_reload_is_followed(tmp_path, monkeypatch):
    import shutil

    from fentdash import knowledge, people

    for name in ("officials.csv", "organizations.csv"):
        shutil.copy(knowledge.DEFAULT_DATA_DIR / name, tmp_path / name)
    with open(tmp_path / "officials.csv", "a", encoding="utf-8") as fh:
        fh.write("Zed Quimby,,Sheriff,Ocean County,sheriff,2020-01-01,,test,\n")
    assert named("Quimby said so.") == []
    monkeypatch.setenv("FENTDASH_DATA", str(tmp_path))
    knowledge.reset_caches()
    try:
        assert named("Quimby said so.") == [("Zed Quimby", "Quimby", None, True)]
    finally:
        monkeypatch.delenv("FENTDASH_DATA")
        knowledge.reset_caches()
        people.reset_caches()
    assert named("Quimby said so.") == []


def test_lexicons_are_typed_constants():
    from fentdash import people_lexicon

    sets = {
        name: value
        for name, value in vars(people_lexicon).items()
        if name.isupper() and not isinstance(value, dict)
    }
    assert sets and all(
        isinstance(v, frozenset) and all(isinstance(w, str) for w in v) for v in sets.values()
    )


@pytest.mark.parametrize(
    "text,speaker",
    [
        # the knowledge base's gender picks the antecedent: "Uttam" is in no given-name list,
        # so without it the nearer "Pat Kelly" (gender unknown) would be taken
        (
            "Acting DEA Administrator Uttam Dhillon met Sheriff Pat Kelly. He said the pills were fake.",
            "Uttam Dhillon",
        ),
        ("Lisa Monaco met Sheriff Pat Kelly in Tulsa. She said the pills were fake.", "Lisa Monaco"),
        # people outside the knowledge base: honorific, then the given-name fallback
        ("Ms. Jo Reyes met Sheriff Pat Kelly. She said the pills were fake.", "Jo Reyes"),
        ("Sheriff Karen Olsen met Mayor Pat Kelly. She said the pills were fake.", "Karen Olsen"),
        # no gender known for anyone: the nearest person
        ("Sheriff Kim Sato met Mayor Pat Kelly. She said the pills were fake.", "Pat Kelly"),
    ],
)
def test_pronoun_gender_sources(text, speaker):
    from fentdash.statements import find_statements

    assert [s.speaker for s in find_statements(text)] == [speaker]


def test_every_official_has_a_gender():
    import csv

    from fentdash import knowledge

    with open(knowledge.DEFAULT_DATA_DIR / "officials.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["gender"] for r in rows} <= {"female", "male"}
    by_name = {r["name"]: r["gender"] for r in rows}
    assert (by_name["Anne Milgram"], by_name["Uttam Dhillon"], by_name["Regina LaBelle"]) == (
        "female",
        "male",
        "female",
    )


def test_persons_are_read_once_per_text_and_skip():
    """The pipeline asks for the persons of one article twice; the second answer is the first."""
    from fentdash import people

    people.reset_caches()
    text = "Attorney General Jeff Sessions said labs grow. Dr. Anne Milgram warned of pills."
    first = people.find_persons(text)
    again = people.find_persons(text)
    assert again == first and again is not first  # a copy: callers may change their list
    assert [(p.name, p.start, p.role) for p in first] == [
        ("Jeff Sessions", 17, "Attorney General"),
        ("Anne Milgram", 51, "Dr."),
    ]
    # other skip spans or another text are read afresh
    assert [p.name for p in people.find_persons(text, skip=[(0, 46)])] == ["Anne Milgram"]
    assert [p.name for p in people.find_persons(text, skip=((0, 46),))] == ["Anne Milgram"]
    assert [p.name for p in people.find_persons(text)] == ["Jeff Sessions", "Anne Milgram"]
    assert people.find_persons("Nobody spoke.") == []
    people.reset_caches()
    assert people._LAST_PERSONS is None and not people._LAST_INDEXES


# ---------------------------------------------------------------- name candidates in a run

# (capitalised run, the token groups that may be a name). The memoised reading of a run alone
# must match the reading of its tokens in place.
RUN_CASES = [
    ("Attorney General Merrick Garland", ["Merrick Garland"]),
    ("The", []),
    ("DEA Administrator Anne Milgram’s", ["Anne Milgram’s"]),
    ("Scott W. Brady", ["Scott W. Brady"]),
    ("Dr. Robert R. Redfield Jr.", ["Robert R. Redfield Jr."]),
    ("CDC Director", []),
    ("Narcotics Detectives", ["Narcotics"]),
]


@pytest.mark.parametrize(("run", "expected"), RUN_CASES)
def test_run_candidates(run, expected):
    from fentdash import people

    words = people._TOKEN_CATCH.findall(run)
    got = [" ".join(words[i:j]) for i, j in people._run_candidates(run)]
    assert got == expected
    # In place, inside a longer text, the tokens give the same ranges.
    text = f"On Monday, {run} spoke."
    m = people._RUN.search(text, text.index(run))
    assert people._candidates(people._name_tokens(m)) == list(people._run_candidates(m.group()))
