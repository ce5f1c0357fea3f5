"""One persistent headless Chromium (through kaleido) that turns Plotly figures into PNG/SVG.

Starting Chromium costs ~3 s; a warm one renders an image in ~0.2-0.4 s. The server starts
on the first render and stays up for the life of the process (the dashboard, a CLI run),
rendering on demand. Results are cached by the figure's JSON and the output options.

Why not ``kaleido.start_sync_server``: its calls block forever when the browser failed to
start (the worker thread is gone but the queue is still joined), and it is not safe to call
from several threads at once, which Streamlit sessions do. This keeps kaleido's browser and
its ``calc_fig`` but owns the event loop, so every call has a timeout and a lock.
"""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import json
import logging
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Mapping
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, Literal

import plotly.io as pio

ImageFormat = Literal["png", "svg"]
Figurish = Any  # a plotly go.Figure or its dict (kaleido takes both)

# Where Debian puts its Chromium; BROWSER_PATH (kaleido's own variable) takes precedence.
DEFAULT_BROWSER_PATHS: tuple[str, ...] = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
BROWSER_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = "apt-get install -y chromium"

START_TIMEOUT_S = 60.0
RENDER_TIMEOUT_S = 60.0
CACHE_ENTRIES = 32

_log = logging.getLogger(__name__)


def figure_key(figure: Figurish, opts: Mapping[str, Any]) -> str:
    """Cache key: plotly's own full JSON of the figure (numpy arrays, dates) plus the options."""
    spec = pio.to_json(figure, validate=False, remove_uids=True)
    return hashlib.sha256((spec + json.dumps(dict(opts), sort_keys=True)).encode("utf-8")).hexdigest()


class ChromiumMissingError(RuntimeError):
    """No Chromium to render with; the message says how to install one."""


class RenderError(RuntimeError):
    """Chromium is there but the image could not be made."""


def chromium_path() -> str | None:
    """The browser kaleido will use: $BROWSER_PATH, Debian's Chromium, or one on $PATH."""
    explicit = os.environ.get("BROWSER_PATH")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for candidate in DEFAULT_BROWSER_PATHS:
        if Path(candidate).is_file():
            return candidate
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_chromium_message() -> str:
    return (
        "Image export needs Chromium, which was not found "
        f"(looked at $BROWSER_PATH, {', '.join(DEFAULT_BROWSER_PATHS)} and $PATH). "
        f"Install it with `{INSTALL_HINT}` (as root), or set BROWSER_PATH to a Chrome/Chromium binary."
    )


class RenderServer:
    """A kaleido browser on its own event-loop thread; ``render`` is thread-safe and cached."""

    def __init__(
        self,
        *,
        browser_path: str | None = None,
        start_timeout: float = START_TIMEOUT_S,
        render_timeout: float = RENDER_TIMEOUT_S,
        cache_entries: int = CACHE_ENTRIES,
    ) -> None:
        self._browser_path = browser_path
        self._start_timeout = start_timeout
        self._render_timeout = render_timeout
        self._cache_entries = cache_entries
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._warming = False
        self.renders = 0  # images actually drawn by Chromium (cache misses), for tests

    @property
    def running(self) -> bool:
        return self._kaleido is not None

    def warm_up(self) -> None:
        """Start Chromium on a background thread so the first download is quick.

        Failures are only logged here: the render that needs the browser reports them.
        """
        if self.running or self._warming or chromium_path() is None:
            return
        self._warming = True

        def start() -> None:
            try:
                self.start()
            except Exception as exc:  # noqa: BLE001 - surfaced again by render()
                _log.warning("kaleido warm-up failed: %s", exc)
            finally:
                self._warming = False

        threading.Thread(target=start, name="fentdash-kaleido-warmup", daemon=True).start()

    def start(self) -> None:
        """Open the browser once; later calls return at once."""
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._kaleido is not None:
            return
        path = self._browser_path or chromium_path()
        if path is None:
            raise ChromiumMissingError(missing_chromium_message())
        import kaleido  # imported late: CSV and Markdown exports need not pay for kaleido and choreographer

        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="fentdash-kaleido", daemon=True)
        thread.start()
        try:
            # mathjax=False: its default is a CDN script, and this machine has no network.
            k = kaleido.Kaleido(n=1, timeout=self._render_timeout, mathjax=False, path=path)
            asyncio.run_coroutine_threadsafe(k.open(), loop).result(self._start_timeout)
        except BaseException as exc:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=5)
            if isinstance(exc, (FutureTimeout, TimeoutError)):
                raise RenderError(
                    f"Chromium at {path} did not start within {self._start_timeout:.0f} s"
                ) from exc
            raise RenderError(f"Chromium at {path} could not be started: {exc}") from exc
        self._loop, self._thread, self._kaleido = loop, thread, k

    def close(self) -> None:
        with self._lock:
            self._close_locked()

    def _close_locked(self) -> None:
        k, loop, thread = self._kaleido, self._loop, self._thread
        self._kaleido = self._loop = self._thread = None
        if k is None or loop is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(k.close(), loop).result(10)
        except Exception as exc:  # noqa: BLE001 - closing a dead browser must not raise
            _log.debug("closing kaleido: %s", exc)
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(timeout=5)

    def render(
        self,
        figure: Figurish,
        *,
        fmt: ImageFormat = "png",
        width: int | None = None,
        height: int | None = None,
        scale: float = 1,
    ) -> bytes:
        """Image bytes of a ``go.Figure`` (or its dict); the same figure and options are drawn once."""
        opts: dict[str, Any] = {"format": fmt, "scale": scale}
        if width:
            opts["width"] = int(width)
        if height:
            opts["height"] = int(height)
        key = figure_key(figure, opts)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
            image = self._render_locked(figure, opts)
            self._cache[key] = image
            while len(self._cache) > self._cache_entries:
                self._cache.popitem(last=False)
            return image

    def _render_locked(self, figure: Figurish, opts: dict[str, Any]) -> bytes:
        # One retry with a fresh browser: Chromium may have died since the last render.
        for attempt in (1, 2):
            self._start_locked()
            assert self._loop is not None
            future = asyncio.run_coroutine_threadsafe(self._kaleido.calc_fig(figure, opts=opts), self._loop)
            try:
                image = future.result(self._render_timeout + 5)
            except Exception as exc:  # noqa: BLE001 - reported below with context
                future.cancel()
                self._close_locked()
                if attempt == 2:
                    raise RenderError(
                        f"Chromium could not render the {opts['format'].upper()}: {exc!r}"
                    ) from exc
                continue
            self.renders += 1
            return bytes(image)
        raise AssertionError("unreachable")

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()


_SERVER: RenderServer | None = None
_SERVER_LOCK = threading.Lock()


def get_server() -> RenderServer:
    """The process-wide render server (created on first use, started on first render)."""
    global _SERVER
    with _SERVER_LOCK:
        if _SERVER is None:
            _SERVER = RenderServer()
            atexit.register(_SERVER.close)
        return _SERVER
