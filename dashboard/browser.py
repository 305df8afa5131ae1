"""Starts Debian's headless Chromium through Playwright, offline, for briefings and end-to-end tests."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM_FLAGS = (
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
    "--mute-audio",
)
INSTALL_HINT = "apt-get install chromium (or set INCIDENT_MAP_CHROMIUM to a Chromium binary)"


class ChromiumMissing(RuntimeError):
    """No Chromium binary could be found; the message names the install command."""


def chromium_path() -> str:
    """The Chromium binary to drive: INCIDENT_MAP_CHROMIUM, else Debian's /usr/bin/chromium."""
    configured = os.environ.get("INCIDENT_MAP_CHROMIUM", "").strip()
    candidates = [configured] if configured else ["/usr/bin/chromium", shutil.which("chromium") or ""]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise ChromiumMissing(f"Chromium not found; install it with: {INSTALL_HINT}")


@contextmanager
def chromium() -> Iterator["object"]:
    """Yield a launched Playwright Browser (headless Debian Chromium), closed on exit."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, headless=True, args=list(CHROMIUM_FLAGS))
        try:
            yield browser
        finally:
            browser.close()
