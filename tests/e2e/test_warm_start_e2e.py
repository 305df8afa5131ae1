"""The served app (`python -m dashboard.launch`, as `make run`): the store's catalog is built once, by the warm-up
started with the server, and the first page in Chromium paints the map from it."""

from __future__ import annotations

import time

import pytest

from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import painted_markers

pytestmark = pytest.mark.e2e
WARMED = "first page warmed"
BUILT = "catalog of store version"


def wait_for(lines: list[str], text: str, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while not any(text in line for line in lines):
        assert time.monotonic() < deadline, f"no {text!r} in the server's log: {''.join(lines)[-2000:]}"
        time.sleep(0.1)


def test_the_first_page_paints_from_the_catalog_the_warm_up_built(tmp_path, page):
    db = fill_store(tmp_path / "incidents.sqlite")
    log: list[str] = []
    with app_server(db, log=log) as url:
        wait_for(log, WARMED)
        page.goto(url + "/")
        assert painted_markers(page, 7) == 7
    built = [line for line in log if BUILT in line]
    assert len(built) == 1 and "thread first-page-warm-up" in built[0], built


def test_with_the_warm_up_off_the_first_page_builds_the_catalog(tmp_path, page):
    db = fill_store(tmp_path / "incidents.sqlite")
    log: list[str] = []
    with app_server(db, log=log, extra_env={"INCIDENT_MAP_WARM_START": "off"}) as url:
        page.goto(url + "/")
        assert painted_markers(page, 7) == 7
    built = [line for line in log if BUILT in line]
    assert len(built) == 1 and "first-page-warm-up" not in built[0] and not any(WARMED in line for line in log)
