"""A real dashboard in a real browser: ``streamlit run app.py`` on a free port, driven by
Playwright through the system Chromium (never ``playwright install``: there is no network).

Outside CI a missing Chromium skips these tests; with CI=true it fails them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium floods the closed network with retries.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
STARTUP_TIMEOUT_S = 90.0


def _require_chromium() -> None:
    if Path(CHROMIUM).is_file():
        return
    message = f"{CHROMIUM} is missing: apt-get install -y chromium"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard on the bundled seeds, with its own parse cache, stopped after the session."""
    _require_chromium()
    port = _free_port()
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    env = {**os.environ, "FENTDASH_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _healthy(f"{base}/_stcore/health"):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start (exit {proc.poll()}):\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def briefing_url(browser, app_url) -> str:
    """The Briefing page's address, read from the app's own navigation (not guessed).

    Opening the main page first also matters: Streamlit (1.67, st.navigation) answers the
    very first session of a fresh server that opens a deep link with a "Page not found"
    dialog; from the second session on, deep links work.
    """
    context = browser.new_context()
    first = context.new_page()
    first.goto(app_url)
    first.wait_for_selector(".js-plotly-plot", timeout=90_000)
    link = first.get_by_test_id("stSidebarNavLink").filter(has_text="Briefing")
    href = link.first.get_attribute("href")
    context.close()
    assert href, "no Briefing page in the app's navigation"
    return urljoin(app_url + "/", href)


@pytest.fixture
def page(browser, briefing_url):
    context = browser.new_context(viewport={"width": 1800, "height": 1200}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
