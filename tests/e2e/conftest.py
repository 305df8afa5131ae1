"""Shared Playwright fixtures: one offline Chromium per session, pages that block the network, screenshots."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterator

import pytest

from dashboard.browser import chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_URL = re.compile(r"^(file:|data:|blob:|about:|https?://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(/|$))", re.I)


def pytest_collection_modifyitems(items):
    """Every test in this folder drives Chromium: mark it e2e (the hook sees the whole session's items)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Debian Chromium launched through dashboard.browser.chromium()."""
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh page where every non-local request is aborted; it records console errors, dialogs and blocked URLs.

    Attributes added to the page: console_errors, page_errors, dialogs, blocked (lists of strings).
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    new_page = context.new_page()
    new_page.console_errors = []
    new_page.page_errors = []
    new_page.dialogs = []
    new_page.blocked = []

    def route(request_route) -> None:
        url = request_route.request.url
        if LOCAL_URL.match(url):
            request_route.continue_()
        else:
            new_page.blocked.append(url)
            request_route.abort()

    def on_dialog(dialog) -> None:
        new_page.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    context.route("**/*", route)
    new_page.on("console", lambda msg: msg.type == "error" and new_page.console_errors.append(msg.text))
    new_page.on("pageerror", lambda exc: new_page.page_errors.append(str(exc)))
    new_page.on("dialog", on_dialog)
    try:
        yield new_page
    finally:
        context.close()


@pytest.fixture
def screenshot() -> Callable[[object, str], Path]:
    """save(page, name) writes test-artifacts/<name>.png and returns its path."""

    def save(target_page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        target_page.screenshot(path=str(path), full_page=False, animations="disabled")  # fades end, not caught midway
        return path

    return save


def pixel_spread(path: Path) -> float:
    """Standard deviation of the grey levels in an image: near 0 means a blank screenshot."""
    from PIL import Image, ImageStat

    with Image.open(path) as image:
        return ImageStat.Stat(image.convert("L")).stddev[0]


def toggle_layer(target_page, name: str) -> None:
    """Tick or untick a layer in a (collapsed) Leaflet layer control by its label text."""
    target_page.hover(".leaflet-control-layers")
    target_page.locator(".leaflet-control-layers-overlays label", has_text=name).click()
    target_page.mouse.move(5, 400)
