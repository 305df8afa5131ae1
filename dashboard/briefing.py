"""Renders the briefing in headless Chromium (PNG, PDF, the map of a slide) and the `python -m dashboard brief` command."""

from __future__ import annotations

import atexit
import json
import queue
import sys
import threading
import time
from concurrent.futures import Future
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import pandas as pd
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dashboard.briefing_html import BriefingInputError, build_briefing, check_words
from dashboard.browser import ChromiumMissing, chromium
from dashboard.maps import default_reference
from geodata.files import output_problem, write_output
from incidents.exporters import skipped_lines
from incidents.frames import drawable_rows
from incidents.model import IncidentFilter
from incidents.selection import select
from incidents.storage import open_store

FORMATS = ("png", "pdf", "pptx")
SHEET_SIZE = (1122, 792)  # A4 landscape in CSS pixels (96 per inch)
DEVICE_SCALE = 2  # PNG pixels per CSS pixel: 2244 px wide
LOCAL_SCHEMES = ("about:", "data:", "blob:")
STARTUP_S = 15  # allowance for launching Chromium on top of a job's own time limit
# The map has painted when Leaflet is not mid-animation and laid out real geometry (SVG paths with a size, a canvas or
# loaded tiles); the incidents are the page's own SVG overlay. Then two frames let paint land.
MAP_PAINTED_JS = """
() => {
  const sheet = document.getElementById('sheet');
  const frame = document.getElementById('map');
  const doc = frame && frame.contentDocument;
  if (!sheet || !doc || doc.readyState !== 'complete' || !doc.querySelector('.leaflet-map-pane')) return false;
  if (doc.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim')) return false;  // still zooming or panning
  const sized = (nodes) => [...nodes].filter((n) => { const r = n.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length;
  const drawn = sized(doc.querySelectorAll('.leaflet-map-pane svg path, .leaflet-map-pane canvas, .leaflet-tile-loaded'));
  return drawn > 0 && !!document.getElementById('overlay');
}
"""
TWO_FRAMES_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


class BriefingError(RuntimeError):
    """A briefing could not be made (Chromium missing, rendering too slow, bad output path); says what to do."""


def make_briefing(
    frame: pd.DataFrame,
    flt: IncidentFilter,
    fmt: str,
    *,
    title: str = "Incident briefing",
    banner: str = "",
    timeout_s: float = 60,
    reference: Any = None,
    online_tiles: bool = False,
    generated_at: datetime | None = None,
    summary: str = "",
    author: str = "",
    view_bounds: tuple[float, float, float, float] | None = None,
) -> bytes:
    """The briefing of the incidents of `frame` that pass `flt`, as PNG or PDF bytes (shared warm Chromium)."""
    if fmt not in FORMATS:
        raise BriefingError(f"unknown briefing format {fmt!r}; use png, pdf or pptx")
    shared_renderer().start()  # Chromium launches while the page is built
    try:
        built = build_briefing(
            frame,
            flt,
            title=title,
            banner=banner,
            generated_at=generated_at or datetime.now(timezone.utc),
            reference=reference if reference is not None else default_reference(),
            online_tiles=online_tiles,
            summary=summary,
            author=author,
            view_bounds=view_bounds,
            continuation=fmt == "pdf",
        )
    except BriefingInputError as exc:
        raise BriefingError(str(exc)) from None
    if fmt == "pptx":
        from dashboard.briefing_slides import slide_bytes

        picture = render_html(built.html, "map", timeout_s=timeout_s, allow_network=online_tiles)
        return slide_bytes(built, picture)
    return render_html(built.html, fmt, timeout_s=timeout_s, allow_network=online_tiles)


def render_html(html: str, fmt: str, *, timeout_s: float = 60, allow_network: bool = False) -> bytes:
    """Render a briefing page to PNG or PDF bytes in the shared Chromium; BriefingError on timeout or no Chromium."""
    return shared_renderer().run(lambda browser: capture(browser, html, fmt, timeout_s, allow_network), timeout_s)


def capture(browser: Any, html: str, fmt: str, timeout_s: float, allow_network: bool = False) -> bytes:
    """Load `html` in a fresh page of `browser` (offline unless online tiles were asked for), wait for the map
    to paint, and take the PNG (element screenshot of the sheet) or the one-page A4 landscape PDF."""
    deadline = time.monotonic() + timeout_s
    context = browser.new_context(
        viewport={"width": SHEET_SIZE[0], "height": SHEET_SIZE[1]},
        device_scale_factor=DEVICE_SCALE,
        offline=not allow_network,
    )
    try:
        page = context.new_page()
        if not allow_network:
            page.route("**/*", _local_only)
        page.set_content(html, wait_until="load", timeout=_left_ms(deadline))
        page.wait_for_function(MAP_PAINTED_JS, timeout=_left_ms(deadline), polling="raf")
        page.evaluate(TWO_FRAMES_JS)
        if fmt in ("png", "map"):
            target = "#sheet" if fmt == "png" else "#sheet .map"
            return page.locator(target).screenshot(type="png", timeout=_left_ms(deadline), animations="disabled")
        return page.pdf(format="A4", landscape=True, print_background=True, margin=_NO_MARGIN)
    except PlaywrightTimeout:
        raise BriefingError(f"the briefing did not render within {timeout_s:g} s (the map never finished painting); "
                            "try a narrower window or fewer incidents") from None
    finally:
        context.close()


_NO_MARGIN = {"top": "0", "right": "0", "bottom": "0", "left": "0"}


def _left_ms(deadline: float) -> float:
    return max(1.0, (deadline - time.monotonic()) * 1000)


def _local_only(route: Any) -> None:
    """Let data:/about:/blob: through and abort every other request: the briefing never touches the network."""
    if route.request.url.startswith(LOCAL_SCHEMES):
        route.continue_()
    else:
        route.abort("blockedbyclient")


class Renderer:
    """One Chromium kept warm in its own thread (Playwright's sync API is bound to the thread that started it)."""

    def __init__(self) -> None:
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Launch Chromium in the background now (it starts while the page is being built)."""
        with self._lock:
            self._ensure_thread()

    def run(self, job: Callable[[Any], bytes], timeout_s: float) -> bytes:
        """Run `job(browser)` on the warm browser; BriefingError when it takes longer than `timeout_s` (+ start-up)."""
        future: Future = Future()
        with self._lock:
            self._ensure_thread()
            self._jobs.put((job, future))
        try:
            return future.result(timeout=timeout_s + STARTUP_S)
        except TimeoutError:
            self.close(wait=False)  # a stuck browser is left to finish or die; the next job starts a fresh one
            raise BriefingError(f"the briefing did not render within {timeout_s:g} s; Chromium was restarted") from None

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._jobs = queue.Queue()
            self._thread = threading.Thread(target=self._serve, args=(self._jobs,), name="briefing-chromium", daemon=True)
            self._thread.start()

    def _serve(self, jobs: queue.Queue) -> None:
        """The browser thread: launch Chromium, then run jobs until told to stop (None) or Chromium dies."""
        launched = False
        try:
            with chromium() as browser:
                launched = True
                while (item := jobs.get()) is not None:
                    _settle(item, browser)
                    if not browser.is_connected():
                        raise RuntimeError("Chromium disconnected")
        except ChromiumMissing as exc:
            _refuse(jobs, BriefingError(str(exc)), wait=True)
        except Exception as exc:  # Chromium failed to start or crashed: tell whoever waits, then let a new thread retry
            first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            _refuse(jobs, BriefingError(f"Chromium failed: {first_line}"), wait=not launched)

    def close(self, wait: bool = True) -> None:
        """Stop the browser thread (the next job starts a new one); wait up to 10 s for Chromium to close."""
        with self._lock:
            thread, self._thread = self._thread, None
            if thread is not None and thread.is_alive():
                self._jobs.put(None)
                if wait:
                    thread.join(timeout=10)


def _settle(item: tuple[Callable[[Any], bytes], Future], browser: Any) -> None:
    job, future = item
    try:
        future.set_result(job(browser))
    except BaseException as exc:  # handed to the caller's thread, re-raised there
        future.set_exception(exc if isinstance(exc, BriefingError) else _as_briefing_error(exc))


def _as_briefing_error(exc: BaseException) -> BaseException:
    if isinstance(exc, Exception) and type(exc).__module__.startswith("playwright"):
        return BriefingError(f"Chromium failed while rendering the briefing: {str(exc).splitlines()[0]}")
    return exc


def _refuse(jobs: queue.Queue, error: BriefingError, wait: bool) -> None:
    """Fail the queued jobs with `error`; when Chromium never started, first wait for the job that is coming."""
    while True:
        try:
            item = jobs.get() if wait else jobs.get_nowait()
        except queue.Empty:
            return
        if item is None:
            return
        if not item[1].done():
            item[1].set_exception(error)
        wait = False


_RENDERER: Renderer | None = None


def shared_renderer() -> Renderer:
    """The process-wide warm renderer, closed when the interpreter exits."""
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = Renderer()
        atexit.register(_RENDERER.close)
    return _RENDERER


def format_for(out: Path) -> str | None:
    """'png', 'pdf' or 'pptx' from the output suffix (case-insensitive), None for anything else."""
    suffix = out.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def brief_cli(flt: IncidentFilter, out: Path, title: str = "Incident briefing", banner: str = "", summary: str = "",
              summary_file: str | None = None, author: str = "") -> int:
    """`python -m dashboard brief`: render the stored incidents that pass `flt` to `out`; one JSON line on stdout."""
    fmt = format_for(out)
    if fmt is None:
        return _fail(f"--out {out} must end in .png, .pdf or .pptx", 2)
    problem = output_problem(out)
    if problem:
        return _fail(problem, 2)
    if summary_file:
        try:
            summary = Path(summary_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"--summary-file {summary_file}: {getattr(exc, 'strerror', None) or exc}", 2)
    try:
        check_words(title, banner, summary, author)
    except BriefingInputError as exc:
        return _fail(str(exc), 2)
    store = open_store()
    try:
        frame, skipped = drawable_rows(store.frame())
    finally:
        store.close()
    for line in skipped_lines(skipped):
        print(line, file=sys.stderr)
    started = time.monotonic()
    try:
        data = make_briefing(frame, flt, fmt, title=title, banner=banner, summary=summary, author=author)
    except BriefingError as exc:
        return _fail(str(exc), 1)
    write_output(out, data)
    summary_line = {"out": str(out), "format": fmt, "incidents": int(len(select(frame, flt))), "bytes": len(data),
                    "seconds": round(time.monotonic() - started, 2)}
    print(json.dumps(summary_line))
    return 0


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code
