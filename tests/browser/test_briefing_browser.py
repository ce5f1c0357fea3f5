"""The dashboard and the Briefing page in a real Chromium: filters, chart data, downloads."""

from __future__ import annotations

import csv
import io
import re
import struct
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.browser

OFFICIAL = "Anne Milgram"
# Lane markers are the top row's marker traces; the CDC lines and cited figures use y2.
LANE_MARKERS_JS = """el => el.data
    .filter(t => (t.yaxis || 'y') === 'y' && String(t.mode || '').includes('markers'))
    .map(t => ({name: t.name, n: (t.x || []).length}))"""
PLOT = ".js-plotly-plot"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _lanes(page) -> list[dict]:
    return page.locator(PLOT).first.evaluate(LANE_MARKERS_JS)


def _wait_for_lanes(page, expected: set[str]) -> list[dict]:
    """Poll the chart until its lanes are ``expected`` (Streamlit redraws after a rerun)."""
    page.wait_for_function(
        """([sel, names]) => { const el = document.querySelector(sel);
            if (!el || !el.data) return false;
            const got = el.data.filter(t => (t.yaxis || 'y') === 'y' && String(t.mode || '').includes('markers'))
                               .map(t => t.name);
            return got.length === names.length && got.every(n => names.includes(n)); }""",
        arg=[PLOT, sorted(expected)],
    )
    return _lanes(page)


def test_pick_an_official_shows_only_their_markers(page, app_url):
    page.goto(app_url)
    page.wait_for_selector(PLOT)
    before = {lane["name"] for lane in _lanes(page)}
    assert OFFICIAL in before and len(before) > 1, before
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_test_id("stMultiSelect").first.click()
    page.get_by_role("option", name=re.compile(re.escape(OFFICIAL))).first.click()
    lanes = _wait_for_lanes(page, {OFFICIAL})
    assert [lane["name"] for lane in lanes] == [OFFICIAL]
    assert lanes[0]["n"] >= 1
    assert f"official={OFFICIAL.replace(' ', '+')}" in page.url


def test_briefing_page_from_url_with_filters(page, briefing_url, artifacts):
    query = urlencode({"official": OFFICIAL, "from": 2021, "to": 2022})
    page.goto(f"{briefing_url}?{query}")
    page.wait_for_selector(PLOT)
    assert [lane["name"] for lane in _wait_for_lanes(page, {OFFICIAL})] == [OFFICIAL]
    layout = page.locator(PLOT).first.evaluate("el => el.layout")
    assert (layout["width"], layout["height"]) == (1600, 900)
    assert [d[:10] for d in layout["xaxis"]["range"]] == ["2021-01-01", "2022-12-31"]
    texts = [a.get("text", "") for a in layout.get("annotations", [])]
    assert any("Anne Milgram" in t and "2021" in t and "2022" in t for t in texts), texts
    assert any(t.startswith("Data: CDC/NCHS final data") for t in texts), texts
    page.screenshot(path=str(artifacts / "briefing-full-page.png"), full_page=True)

    # The server-side PNG (kaleido + Chromium).
    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").filter(has_text="PNG").get_by_role("button").click()
    download = info.value
    assert download.suggested_filename == "fentdash-briefing_anne-milgram_2021-2022.png"
    path = artifacts / download.suggested_filename
    download.save_as(str(path))
    assert _png_size(path.read_bytes()) == (3200, 1800)

    # CSV and Markdown: the same filters, the same file name.
    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").filter(has_text="CSV").get_by_role("button").click()
    download = info.value
    assert download.suggested_filename == "fentdash-briefing_anne-milgram_2021-2022.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    statements = [r for r in rows if r["record"] == "statement"]
    assert statements and {r["speaker"] for r in statements} == {OFFICIAL}
    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").filter(has_text="Markdown").get_by_role("button").click()
    brief = Path(info.value.path()).read_text(encoding="utf-8")
    assert brief.splitlines()[2] == "Filters: Officials: Anne Milgram · Years: 2021–2022  "

    # The Plotly toolbar's camera, drawn in the browser with the page's config.
    page.locator(PLOT).first.hover()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download plot as a PNG").click()
    download = info.value
    assert download.suggested_filename == "fentdash-briefing_anne-milgram_2021-2022.png"
    path = artifacts / ("toolbar-" + download.suggested_filename)
    download.save_as(str(path))
    assert _png_size(path.read_bytes()) == (3200, 1800)


def test_embed_mode_shows_only_the_figure(page, briefing_url, artifacts):
    query = urlencode({"official": OFFICIAL, "from": 2021, "to": 2022, "embed": "true"})
    page.goto(f"{briefing_url}?{query}")
    page.wait_for_selector(PLOT)
    assert [lane["name"] for lane in _wait_for_lanes(page, {OFFICIAL})] == [OFFICIAL]
    assert not page.get_by_test_id("stSidebar").is_visible()
    assert not page.get_by_test_id("stExpandSidebarButton").is_visible()
    main = page.get_by_test_id("stMain")
    assert main.locator(PLOT).count() == 1
    assert main.get_by_test_id("stHeading").count() == 0  # no page title either
    assert page.get_by_test_id("stDownloadButton").count() == 0
    page.screenshot(path=str(artifacts / "briefing-embed.png"), full_page=True)
