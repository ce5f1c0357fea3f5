"""Boilerplate spans: exactly which lines are skipped, and that article text never is."""

import json

import pytest
from support import ROOT, SEEDS

from fentdash.boilerplate import find_boilerplate, find_title

DEVSET = ROOT / "tests" / "fixtures" / "corpus" / "devset"


def skipped(text: str) -> list[str]:
    return [text[s:e] for s, e in find_boilerplate(text)]


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


SEED_SKIPS = {
    "000": [
        "Attorney General Jeff Sessions Refuses To Discuss Conversations With Trump During Hearing, "
        "Says Robert Mueller's Team Has Not Interviewed Him",
        "US Attorney General Jeff Sessions",
        "Fentanyl bust New york police",
        "New York Police made a huge fentanyl bust earlier this year Special Narcotics Prosecutor's Office NYC",
    ],
    "001": [
        "Sign up to receive our latest news!",
        "By submitting this form, I agree to the terms.",
    ],
    "002": [],
}


@pytest.mark.parametrize("prefix", sorted(SEED_SKIPS))
def test_seed_skips_exact_lines(prefix):
    assert skipped(seed(prefix)) == SEED_SKIPS[prefix]


@pytest.mark.parametrize("prefix", sorted(SEED_SKIPS))
def test_seeds_have_no_title(prefix):
    # Each seed opens with a body sentence, not a headline.
    assert find_title(seed(prefix)) is None


DEVSET_TITLES = {
    "01": "Rates of Drug Overdose Deaths Continue to Rise, More Action Needed to Reverse Troubling Trends",
    "02": "Attorney General Sessions Announces New Tool to Fight Online Drug Trafficking",
    "03": "U.S. Attorney Brady: Western Pennsylvania’s Response to the Opioid Epidemic Resulted in a "
    "Dramatic Decrease in Overdose Deaths in 2018",
    "04": None,  # opens with a sentence ending in a colon
    "05": "DEA Issues Public Safety Alert on Sharp Increase in Fake Prescription Pills Containing Fentanyl and Meth",
    "06": "CDC Media Briefing — New Vital Signs Report – Overdose deaths show historic increase: "
    "How can we address widening disparities and save lives?",
    "07": "Dr. Gupta: While today’s data continue to show a hopeful trend of a decrease in overdose deaths, "
    "we must remain focused on fully implementing President Biden’s National Drug Control Strategy "
    "that will save tens of thousands of lives",
    "08": None,
    "09": "Drugs Intercepted Through Targeted International Mail Inspections",
    "10": "Seattle CBP officers seize more than 1 pound of fentanyl",
}


def devset_text(prefix: str) -> str:
    return next(DEVSET.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(DEVSET_TITLES))
def test_devset_titles(prefix):
    found = find_title(devset_text(prefix))
    assert (found[0] if found else None) == DEVSET_TITLES[prefix]


@pytest.mark.parametrize("prefix", sorted(DEVSET_TITLES))
def test_devset_press_releases_lose_no_line(prefix):
    # Real federal releases: datelines, speaker lists, event times and one-line paragraphs stay.
    assert skipped(devset_text(prefix)) == []


def _gold_spans():
    for entry in json.loads((DEVSET / "spans.json").read_text(encoding="utf-8")):
        for kind in ("statements", "statistics", "date_cues"):
            for span in entry[kind]:
                yield entry["file"], kind, span


@pytest.mark.parametrize("name,kind,span", list(_gold_spans()))
def test_no_gold_span_falls_in_a_skip_span(name, kind, span):
    text = (DEVSET / name).read_text(encoding="utf-8")
    start = text.index(span)
    for s, e in find_boilerplate(text):
        assert e <= start or s >= start + len(span), (kind, span, text[s:e])


# A scraped news page with the usual debris, written for these tests.
SCRAPE = """Overdose Deaths Hit Record as Officials Warn of Fake Pills

By Dana Whitfield

A federal health official said Tuesday that counterfeit pills are driving a new wave of deaths.

Advertisement

Health Secretary Maria Lopez told reporters the agency would expand testing.
Maria Lopez at a press briefing
Getty Images

Related:
Five Things To Know About Fentanyl Test Strips
Why Counterfeit Pills Are So Hard To Spot

"We are seeing pills pressed to look exactly like real medicine," Lopez said.

Share this article
Subscribe to our newsletter
Click here to get breaking news alerts.
We use cookies to improve your experience. By continuing you accept our privacy policy.
(Reporting by Dana Whitfield; Editing by Tom Brown)
"""

SCRAPE_SKIPS = [
    "By Dana Whitfield",
    "Advertisement",
    "Maria Lopez at a press briefing",
    "Getty Images",
    "Related:",
    "Five Things To Know About Fentanyl Test Strips",
    "Why Counterfeit Pills Are So Hard To Spot",
    "Share this article",
    "Subscribe to our newsletter",
    "Click here to get breaking news alerts.",
    "We use cookies to improve your experience. By continuing you accept our privacy policy.",
    "(Reporting by Dana Whitfield; Editing by Tom Brown)",
]


def test_scraped_page_debris_is_skipped():
    assert skipped(SCRAPE) == SCRAPE_SKIPS
    assert find_title(SCRAPE)[0] == "Overdose Deaths Hit Record as Officials Warn of Fake Pills"


# (text, lines expected to be skipped): lines that look short but carry content stay.
CASES = [
    # hard-wrapped prose: every line is short and unpunctuated except the last
    (
        "The attorney general said on Monday that\nthe cartels are shipping fentanyl through\n"
        "ports of entry in ever larger quantities.\n\nA second paragraph follows here.\n",
        [],
    ),
    # a caption between paragraphs
    (
        "The agency said seizures rose sharply.\n\nBorder agents inspect a truck at Nogales\n\n"
        "Officials said more arrests are expected.\n",
        ["Border agents inspect a truck at Nogales"],
    ),
    # figures, weekdays, list items and quotes in unpunctuated lines are kept
    (
        "Officials released these numbers.\n\nFentanyl seized in 2021 14,700 pounds\n"
        "Briefing on Thursday at noon ET\n- Naloxone kits handed out\n“We will not stop\n\nEnd of story.\n",
        [],
    ),
    # speaker lists with academic credentials are kept
    ("Join the call.\n\nJane Roe, M.D., Director of Overdose Prevention\n\nMore details follow.\n", []),
    # a one-line paragraph ending in a colon or a closing quote is prose
    ("He said the following:\n\nThe director called it a “crisis”\n\nNothing else.\n", []),
    # a photo credit with a full stop is still a credit
    (
        "The DEA said 40% of pills were lethal.\n\nAgents display seized pills. (AP Photo/Jane Doe)\n\nMore text.\n",
        ["Agents display seized pills. (AP Photo/Jane Doe)"],
    ),
    # end-of-release marker and bare link
    (
        "The office announced charges today.\n\n###\nhttps://www.justice.gov/opa\n",
        ["###", "https://www.justice.gov/opa"],
    ),
    # a sentence that merely starts like a prompt but is long stays
    (
        "Officials spoke.\n\nRead more about the policy in the report, which the DEA said covers every state and "
        "lists the number of pills seized over the last four years in great detail across all regions and "
        "field offices of the agency nationwide.\n",
        [],
    ),
    # the line naming the speaker under a quotation is kept (a dash or not)
    (
        "Officials spoke.\n\n“Fentanyl is killing Americans.”\nJeff Sessions, U.S. Attorney General\n\n"
        "“Again.”\n\n— Anne Milgram, DEA Administrator\n\nMore text.\n",
        [],
    ),
    # markdown subheadings between paragraphs are not article text
    ("The DEA said so.\n\n## The Sinaloa connection\n\nMore text.\n", ["## The Sinaloa connection"]),
    # a related headline repeating another story's figure is skipped; a sentence missing its
    # full stop that reports speech is kept
    (
        "The DEA said so.\n\nFentanyl Deaths Top 100,000 For First Time In Ohio\n\n"
        "Milgram said the pills are deadly\n\nEnd.\n",
        ["Fentanyl Deaths Top 100,000 For First Time In Ohio"],
    ),
    # sentences that start like prompts are text; the prompts themselves are not
    (
        "The DEA said so.\n\nSponsored by the DEA, the program trained 300 officers.\n\n"
        "Reporting by the Times found 5,000 pills.\n\nAdvertisement - Scroll to continue\n\nSponsored content\n\n"
        "Copyright 2019 Example Ledger. All rights reserved.\n\nEditing by Tom Brown\n",
        [
            "Advertisement - Scroll to continue",
            "Sponsored content",
            "Copyright 2019 Example Ledger. All rights reserved.",
            "Editing by Tom Brown",
        ],
    ),
    # nothing but numbers
    ("1 2 3\n4 5 6\n\n7 8 9\n", []),
    # empty and whitespace-only input
    ("", []),
    ("   \n\n\t\n", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_line_cases(text, expected):
    assert skipped(text) == expected


def test_captions_before_the_first_sentence_are_kept_as_header():
    # Decks under a headline read like captions; before the body starts they are kept.
    text = (
        "Headline About Fentanyl Seizures\n\nAgency Warns of Fake Pills in Every State\n\nThe DEA said so.\n"
    )
    assert skipped(text) == []


def test_start_skips_front_matter_region():
    text = "---\ntitle: A\n---\nHeadline Here Now\n\nBody sentence one.\n\nA caption line\n"
    assert [text[s:e] for s, e in find_boilerplate(text, start=text.index("Headline"))] == ["A caption line"]
    assert find_title(text, start=text.index("Headline")) == ("Headline Here Now", 17, 34)


def test_spans_are_line_spans_in_order():
    spans = find_boilerplate(SCRAPE)
    assert list(spans) == sorted(spans)
    for s, e in spans:
        assert "\n" not in SCRAPE[s:e]
        assert SCRAPE[s - 1] == "\n" and SCRAPE[e] == "\n"


def test_long_input_is_fast():
    import time

    text = ("Word " * 200_000) + "\n" + ("Short caption line\n\nA sentence.\n\n" * 2000)
    began = time.process_time()
    find_boilerplate(text)
    assert time.process_time() - began < 2.0


RELEASE = """Department of Justice
Office of Public Affairs

FOR IMMEDIATE RELEASE
Tuesday, October 22, 2019

Justice Department Announces Charges Against Fentanyl Traffickers

WASHINGTON – Two men were charged today with shipping fentanyl analogues to 25 states.

“These defendants sold poison,” said the Attorney General.

Topic(s):
Drug Trafficking
Press Release Number: 19-1138
Updated October 22, 2019
"""


def test_press_release_layout():
    assert find_title(RELEASE)[0] == "Justice Department Announces Charges Against Fentanyl Traffickers"
    assert skipped(RELEASE) == ["FOR IMMEDIATE RELEASE", "Drug Trafficking"]


@pytest.mark.parametrize(
    "text,title",
    [
        ("Fentanyl Deaths Soar\n\nThe CDC said so.\n", "Fentanyl Deaths Soar"),
        ("Only a headline-like line", None),
        ("Headline Without Body\n\n\n", None),
        ("The first line is a sentence.\nSecond Line Looks Like A Headline\n", None),
    ],
)
def test_title_cases(text, title):
    found = find_title(text)
    assert (found[0] if found else None) == title


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in text.split("\n\n"))


@pytest.mark.parametrize("width", [40, 50, 60, 72, 80])
@pytest.mark.parametrize(
    "path", sorted(DEVSET.glob("*.txt")) + sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:6]
)
def test_hard_wrapped_articles_lose_no_line(path, width):
    # E-mailed and plain-text copies wrap every paragraph; no wrapped line may look like a caption.
    expected = SEED_SKIPS["001"] if path.name.startswith("001") else []
    # A wrapped prompt is skipped line by line: compare the words.
    assert " ".join(skipped(_wrap(path.read_text(encoding="utf-8"), width))) == " ".join(expected)


LAYOUTS = ROOT / "tests" / "fixtures" / "corpus" / "layouts"

LAYOUT_SKIPS = {
    "wire_story.txt": [
        "By JANE DOE Associated Press",
        "FILE - Pills seized by the DEA are displayed during a news conference in Washington, Sept. 27, 2021. "
        "(AP Photo/Jose Luis Magana, File)",
        "ADVERTISEMENT",
        "___",
        "Associated Press writer John Roe contributed to this report.",
        "Copyright 2023 The Associated Press. All rights reserved. This material may not be published, broadcast, "
        "rewritten or redistributed without permission.",
    ],
    # the "Posted:"/"Updated:" lines carry the date and stay; the hard-wrapped paragraph stays
    "local_tv.txt": [
        "Dave Yost",
        "Ohio Attorney General",
        "Top Stories",
        "Police chase ends in crash on I-71",
        "Weather: Rain moves in tonight",
        "Copyright 2019 Nexstar Media Inc. All rights reserved.",
    ],
}


@pytest.mark.parametrize("name", sorted(LAYOUT_SKIPS))
def test_news_layouts(name):
    assert skipped((LAYOUTS / name).read_text(encoding="utf-8")) == LAYOUT_SKIPS[name]
