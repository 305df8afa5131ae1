"""Under load: a filter change on a large store does not wait for the catalog of another writer's new version; the
page shows the previous content until that catalog is built in the background, then follows it."""

from __future__ import annotations

import threading
import time

import pytest

from dashboard import data
from incidents.storage import open_store
from tests.dashboard.test_store_follow import two_incident_store
from tests.incidents.factory import make


@pytest.fixture
def store_path(tmp_path, monkeypatch):
    path = two_incident_store(tmp_path / "s.sqlite", monkeypatch)
    data.clear_caches()
    yield path
    data.clear_caches()


def write_one(path, incident_id: str) -> None:
    store = open_store(str(path))
    try:
        store.upsert([make(id=incident_id, place="Saratov")])
    finally:
        store.close()


@pytest.fixture
def slow_catalog(monkeypatch):
    """Catalog builds wait until the returned event is set (as a 100k-row catalog takes seconds under load)."""
    gate = threading.Event()
    real = data._load_catalog
    monkeypatch.setattr(data, "_load_catalog", lambda url: (gate.wait(30), real(url))[1])
    return gate


def test_a_large_store_is_shown_as_it_was_while_another_writers_catalog_builds(store_path, monkeypatch, slow_catalog):
    monkeypatch.setattr(data, "STALE_FROM", 2)  # two incidents count as large here
    slow_catalog.set()
    first = data.snapshot(stale_ok=True)
    slow_catalog.clear()
    write_one(store_path, "c")
    started = time.perf_counter()
    during = data.snapshot(stale_ok=True)
    assert time.perf_counter() - started < 5 and during is first  # not waiting for the build
    assert data.served_version() == first.version != data.store_version()  # the page is not rerun for it yet
    slow_catalog.set()
    for build in list(data._BUILDS.values()):
        build.join(30)
    after = data.snapshot(stale_ok=True)
    assert after.version == data.store_version() == data.served_version() and len(after.frame) == 3


def test_a_small_store_and_other_pages_show_the_new_content_at_once(store_path, monkeypatch):
    first = data.snapshot(stale_ok=True)
    write_one(store_path, "c")
    assert len(data.snapshot(stale_ok=True).frame) == 3  # two incidents: below STALE_FROM, built in the run
    monkeypatch.setattr(data, "STALE_FROM", 2)
    write_one(store_path, "d")
    assert len(data.snapshot().frame) == 4 and first.version != data.store_version()  # not asked to wait: built
