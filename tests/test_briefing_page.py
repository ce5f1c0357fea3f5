"""AppTest of the Briefing page on hand-made frames: slide-size figure, toolbar config,
downloads, URL filters, and the message when Chromium is missing."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest
from test_export import ROOT, _frames

from ui import state_keys as keys

APP = str(ROOT / "app.py")
PAGE = "pages/4_Briefing.py"
TIMEOUT = 90


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FENTDASH_CACHE_DIR", str(tmp_path / "cache"))


def _briefing(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state[keys.INJECTED_FRAMES] = _frames()
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _chart(at: AppTest):
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    proto = charts[0].proto
    return json.loads(proto.spec), json.loads(proto.config)


def _lane_names(spec: dict) -> list[str]:
    return [t["name"] for t in spec["data"] if t.get("yaxis", "y") == "y" and "markers" in t.get("mode", "")]


def _buttons(at: AppTest) -> list[tuple[str, bool]]:
    return [(b.proto.label, b.proto.disabled) for b in at.get("download_button")]


def test_slide_size_figure_with_toolbar_png_at_scale_2():
    at = _briefing({"official": "Anne Milgram", "from": "2020", "to": "2022"})
    spec, config = _chart(at)
    assert (spec["layout"]["width"], spec["layout"]["height"]) == (1600, 900)
    assert _lane_names(spec) == ["Anne Milgram"]
    texts = [a["text"] for a in spec["layout"]["annotations"]]
    assert "Officials: Anne Milgram · Years: 2020–2022" in texts
    assert any(t.startswith("Data: CDC/NCHS final data 1999–") for t in texts)
    assert config["toImageButtonOptions"] == {
        "format": "png",
        "filename": "fentdash-briefing_anne-milgram_2020-2022",
        "width": 1600,
        "height": 900,
        "scale": 2,
    }
    assert at.get("plotly_chart")[0].proto.theme == ""  # theme=None: the figure's own template


def test_four_downloads_offered_when_chromium_is_there(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/usr/bin/chromium")
    at = _briefing({"official": "Jeff Sessions"})
    assert _buttons(at) == [
        ("PNG (3200×1800)", False),
        ("SVG", False),
        ("CSV of statements and figures", False),
        ("Markdown brief", False),
    ]
    assert [e.value for e in at.warning] == []


def test_missing_chromium_says_how_to_install_and_keeps_csv_and_markdown(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    at = _briefing()
    warnings = [e.value for e in at.warning]
    assert len(warnings) == 1 and "apt-get install -y chromium" in warnings[0]
    assert _buttons(at) == [
        ("PNG (3200×1800)", True),
        ("SVG", True),
        ("CSV of statements and figures", False),
        ("Markdown brief", False),
    ]


def test_filter_matching_nothing_still_renders():
    at = _briefing({"official": "Anne Milgram", "from": "2016", "to": "2017"})
    spec, _ = _chart(at)
    assert _lane_names(spec) == []
    assert "No statements match these filters" in [a["text"] for a in spec["layout"]["annotations"]]


def test_bad_query_values_are_ignored():
    at = _briefing({"official": "Nobody Atall", "from": "20x1"})
    spec, config = _chart(at)
    assert sorted(_lane_names(spec)) == ["Anne Milgram", "Jeff Sessions"]
    assert config["toImageButtonOptions"]["filename"] == "fentdash-briefing"
