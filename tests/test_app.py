"""AppTest of every page: on the bundled seeds (no exception, filters narrow what is shown)
and on hand-made frames injected through session state (exact rows, notices, empty states)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_filters import make_frames

from ui import state_keys as keys

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PAGES = ["pages/1_Statements.py", "pages/2_Statistics.py", "pages/3_Articles.py"]
TIMEOUT = 90  # the first run imports plotly/pandas and parses the seeds


@pytest.fixture(scope="module", autouse=True)
def _private_cache(tmp_path_factory):
    """Keep the disk cache out of the working tree."""
    old = os.environ.get("FENTDASH_CACHE_DIR")
    os.environ["FENTDASH_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("FENTDASH_CACHE_DIR", None)
    else:
        os.environ["FENTDASH_CACHE_DIR"] = old


def _app(*, inject: bool = False, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if inject:
        at.session_state[keys.INJECTED_FRAMES] = make_frames()
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def _open(at: AppTest, page: str | None = None) -> AppTest:
    if page is None:
        at.run()
    else:
        at.run()
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _infos(at: AppTest) -> list[str]:
    return [e.value for e in at.info]


def _table(at: AppTest):
    return at.dataframe[0].value


# ---------------------------------------------------------------- the seeds


@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_page_runs_on_the_seeds(page):
    at = _open(_app(), page)
    assert at.text_input(key=keys.CORPUS_FOLDER).value == str(ROOT / "seeds")
    if page is None:
        assert len(at.get("plotly_chart")) == 1
    else:
        assert at.title[0].value in {"Statements", "Cited vs official figures", "Articles"}


def test_each_official_filter_shows_only_that_official_on_the_seeds():
    at = _open(_app(), "pages/1_Statements.py")
    officials = list(at.multiselect(key=keys.OFFICIAL).options)
    assert officials, "the seeds quote officials (Sessions, Milgram, Dhillon)"
    for official in officials:
        at.multiselect(key=keys.OFFICIAL).set_value([official]).run()
        assert not at.exception
        assert set(_table(at)["speaker"]) == {official}
    assert len(officials) == len(set(officials))


def _lane_names(at: AppTest) -> set[str]:
    """Names of the statement traces (top row) in the Timeline's figure."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {t["name"] for t in spec["data"] if t.get("yaxis") == "y" and t.get("mode") == "markers"}


def test_each_official_filter_on_the_timeline_figure():
    at = _open(_app())
    officials = list(at.multiselect(key=keys.OFFICIAL).options)
    assert _lane_names(at) == set(officials)
    for official in officials:
        at.multiselect(key=keys.OFFICIAL).set_value([official]).run()
        assert _lane_names(at) == {official}


def test_each_year_filter_on_the_seeds():
    at = _open(_app(), "pages/1_Statements.py")
    years = sorted({d.year for d in _table(at)["date"].dropna()})
    assert years, "the seeds' statements are dated"
    for year in years:
        at.selectbox(key=keys.YEAR_FROM).set_value(year)
        at.selectbox(key=keys.YEAR_TO).set_value(year).run()
        assert {d.year for d in _table(at)["date"].dropna()} == {year}


def test_year_filter_on_the_seeds():
    at = _open(_app(), "pages/1_Statements.py")
    last_year = int(at.selectbox(key=keys.YEAR_FROM).options[-1])
    at.selectbox(key=keys.YEAR_FROM).set_value(last_year).run()
    assert not at.exception
    # The last selectable year is later than every seed article (2017, 2019, 2022 at most).
    assert _infos(at)[-1] == (
        "No statements match these filters. Widen the years or clear the officials in the sidebar."
    )


# ---------------------------------------------------------------- injected frames: exact


def test_query_parameters_set_the_filters_on_every_page():
    query = {"official": "Anne Milgram", "from": "2021", "to": "2022"}
    at = _open(_app(inject=True, query=query))
    assert at.multiselect(key=keys.OFFICIAL).value == ["Anne Milgram"]
    assert (at.selectbox(key=keys.YEAR_FROM).value, at.selectbox(key=keys.YEAR_TO).value) == (2021, 2022)
    assert _infos(at) == []
    at.switch_page("pages/1_Statements.py").run()
    assert list(_table(at)["text"]) == [
        "said these chemicals are sold to Mexican drugmakers.",
        "said four contained 2 milligrams or more of fentanyl.",
    ]
    assert at.caption[1].value == "Officials: Anne Milgram · Years: 2021–2022"
    at.switch_page("pages/2_Statistics.py").run()
    assert list(_table(at)["text"]) == ["beyond 60.000 overdose deaths", "2 milligrams"]
    at.switch_page("pages/3_Articles.py").run()
    assert at.selectbox(key=keys.ARTICLE_PICK).options == ["2022-05-10 · 001.txt"]


def test_bad_query_parameters_are_ignored_with_a_notice():
    query = {
        "official": ["Jeff Sessions", "Nobody Known"],
        "from": "2x17",
        "to": "1850",
        "kind": "quoted",
        "offical": "typo",
    }
    at = _open(_app(inject=True, query=query))  # the page the link lands on says what it ignored
    assert _infos(at) == [
        "Ignored unknown parameter 'offical'.",
        "Ignored official 'Nobody Known': no statements by this name in the corpus.",
        "Ignored 'kind=quoted': use one of direct, reported.",
        "Ignored 'from=2x17': expected a four-digit year.",
        "Ignored 'to=1850': years available are 1999–2023.",
    ]
    assert at.multiselect(key=keys.OFFICIAL).value == ["Jeff Sessions"]
    assert (at.selectbox(key=keys.YEAR_FROM).value, at.selectbox(key=keys.YEAR_TO).value) == (None, None)
    at.switch_page("pages/1_Statements.py").run()
    assert list(_table(at)["speaker"]) == ["Jeff Sessions", "Jeff Sessions"]


@pytest.mark.parametrize(
    "official,texts",
    [
        (
            "Jeff Sessions",
            [
                "according to US Attorney General Jeff Sessions",
                "We are also seeing precursor chemicals in Mexico,",
            ],
        ),
        (
            "Uttam Dhillon",
            [
                "Capitalizing on the opioid epidemic, drug trafficking organizations are now sending "
                "counterfeit pills,"
            ],
        ),
    ],
)
def test_filter_by_official_exact_rows(official, texts):
    at = _open(_app(inject=True), "pages/1_Statements.py")
    at.multiselect(key=keys.OFFICIAL).set_value([official]).run()
    assert sorted(_table(at)["text"]) == sorted(texts)
    assert set(_table(at)["speaker"]) == {official}


def test_year_and_kind_filters_exact_rows():
    at = _open(_app(inject=True), "pages/1_Statements.py")
    at.selectbox(key=keys.YEAR_FROM).set_value(2017)
    at.selectbox(key=keys.YEAR_TO).set_value(2019).run()
    assert list(_table(at)["speaker"]) == ["Uttam Dhillon", "Jeff Sessions", "Jeff Sessions"]
    at.multiselect(key=keys.KIND).set_value(["direct"]).run()
    assert list(_table(at)["speaker"]) == ["Uttam Dhillon", "Jeff Sessions"]


def test_filters_follow_the_user_across_pages():
    at = _open(_app(inject=True), "pages/1_Statements.py")
    at.multiselect(key=keys.OFFICIAL).set_value(["Uttam Dhillon"]).run()
    at.switch_page("pages/2_Statistics.py").run()
    assert at.multiselect(key=keys.OFFICIAL).value == ["Uttam Dhillon"]
    assert _infos(at) == ["No cited figures match these filters."]
    at.switch_page("pages/1_Statements.py").run()
    assert list(_table(at)["speaker"]) == ["Uttam Dhillon"]


def test_search_narrows_statements():
    at = _open(_app(inject=True), "pages/1_Statements.py")
    at.text_input(key=keys.STATEMENT_SEARCH).set_value("milligrams").run()
    assert list(_table(at)["text"]) == ["said four contained 2 milligrams or more of fentanyl."]
    assert _table(at)["article"].iloc[0] == "Articles?article=a-milgram"
    at.text_input(key=keys.STATEMENT_SEARCH).set_value("zzz").run()
    assert _infos(at) == ["No statement contains “zzz”. Try a shorter word or a speaker's surname."]


def test_statistics_page_exact():
    at = _open(_app(inject=True), "pages/2_Statistics.py")
    table = _table(at)
    assert table[["text", "verdict", "period"]].fillna("").values.tolist() == [
        ["almost 400% increase", "overstated", "2014–2016"],
        ["beyond 60.000 overdose deaths", "understated", "2021"],
        ["20,000 deaths", "matches", "2016"],
        ["2 milligrams", "no official figure", ""],
    ]
    assert list(table["official_value"].round(1).fillna(-1)) == [250.2, 70601.0, 19413.0, -1]
    assert [m.value for m in at.metric] == ["1", "1", "1", "1"]


def test_articles_page_highlights_escaped_text():
    at = _open(_app(inject=True, query={"article": "a-dhillon"}), "pages/3_Articles.py")
    assert at.selectbox(key=keys.ARTICLE_PICK).value == "a-dhillon"
    body = [h.proto.body for h in at.get("html") if "fd-article" in h.proto.body][0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>" not in body
    assert '<mark class="fd-statement"' in body
    assert [m.value for m in at.metric][:3] == ["2019-11-04", "90%", "dateline"]
    assert "**Window:** 2019-11-04 – 2019-11-04" in [m.value for m in at.markdown]
    assert any("reuters.com" in m.value for m in at.markdown)


def test_article_without_statements_and_unsafe_url():
    frames = make_frames()
    frames["statements"] = frames["statements"][frames["statements"]["article_id"] != "a-milgram"]
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state[keys.INJECTED_FRAMES] = frames
    at.query_params["article"] = "a-milgram"
    _open(at, "pages/3_Articles.py")
    assert "No statements by a named official were found in this article." in _infos(at)
    assert not any("javascript:" in m.value for m in at.markdown)
    assert any(c.value.startswith("Source address not shown as a link") for c in at.caption)


def test_unknown_article_id():
    at = _open(_app(inject=True, query={"article": "nope"}), "pages/3_Articles.py")
    assert _infos(at)[0] == "No article with id “nope” in this corpus; showing the list instead."


def test_errors_listed_on_articles_page():
    at = _open(_app(inject=True), "pages/3_Articles.py")
    assert at.expander[0].label == "Files that could not be read (1)"


@pytest.mark.parametrize("page", [None, *PAGES])
def test_filter_matching_nothing(page):
    at = _open(_app(inject=True, query={"official": "Jeff Sessions", "from": "2021"}), page)
    expected = {
        None: "No statements match these filters. Widen the years or clear the officials in the sidebar.",
        "pages/1_Statements.py": "No statements match these filters. Widen the years or clear the officials in "
        "the sidebar.",
        "pages/2_Statistics.py": "No cited figures match these filters.",
        "pages/3_Articles.py": "No articles match these filters. Widen the years or clear the officials in the "
        "sidebar.",
    }[page]
    assert expected in _infos(at)


# ---------------------------------------------------------------- empty corpus


@pytest.mark.parametrize("page", [None, *PAGES])
def test_empty_folder(tmp_path, page):
    at = _app()
    at.session_state[keys.CORPUS_FOLDER] = str(tmp_path)
    _open(at, page)
    assert _infos(at)[0] == (
        f"No articles could be read from {tmp_path.name}. Pick another folder or upload "
        ".txt, .md or .html files in the sidebar."
    )


def test_no_corpus_at_all():
    at = _app()
    at.session_state[keys.CORPUS_FOLDER] = ""
    _open(at)
    assert _infos(at) == [
        "No corpus yet: enter a folder of articles in the sidebar or upload .txt, .md or .html files."
    ]


# ---------------------------------------------------------------- uploads


@pytest.fixture()
def upload_dir(tmp_path, monkeypatch):
    folder = tmp_path / "uploads"
    monkeypatch.setenv("FENTDASH_UPLOAD_DIR", str(folder))
    return folder


def test_upload_is_stored_and_parsed(upload_dir):
    text = (ROOT / "seeds" / "002_521d9096764948d5.txt").read_bytes()
    at = _app()
    at.session_state[keys.CORPUS_FOLDER] = ""  # uploads only
    _open(at)
    at.file_uploader[0].upload("../../dea warning.txt", text, "text/plain").run()
    assert not at.exception
    assert sorted(p.name for p in upload_dir.iterdir()) == ["dea warning.txt"]  # no folders in the name
    at.switch_page("pages/3_Articles.py").run()
    assert not at.exception
    # The label is "<inferred date> · <file name>"; the date is the parser's business.
    assert [o.split(" · ")[1] for o in at.selectbox(key=keys.ARTICLE_PICK).options] == ["dea warning.txt"]
    at.button(key=keys.FORGET_UPLOADS).click().run()
    assert _infos(at) == [
        "No corpus yet: enter a folder of articles in the sidebar or upload .txt, .md or .html files."
    ]


def test_rejected_upload_is_reported(upload_dir):
    at = _open(_app(inject=True))
    at.file_uploader[0].upload("report.txt", b"%PDF-1.4 binary", "text/plain").run()
    assert not at.exception
    assert [w.value for w in at.sidebar.warning] == ["report.txt: looks like a PDF, not text"]
    assert not upload_dir.exists() or not any(upload_dir.iterdir())


@pytest.mark.parametrize("page", PAGES)
def test_pages_run_on_their_own(page):
    # A cold server may run a pages/ file before app.py has declared the navigation.
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state[keys.INJECTED_FRAMES] = make_frames()
    at.query_params["official"] = "Anne Milgram"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.multiselect(key=keys.OFFICIAL).value == ["Anne Milgram"]
