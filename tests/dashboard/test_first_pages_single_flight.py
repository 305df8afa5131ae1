"""Load: a cold server whose store an import wrote just before its first catalog read reads that catalog once, however
many first pages ask for it while it is read (single flight), and each page shows the import."""

from __future__ import annotations

import threading

import pytest

from dashboard import data
from tests.dashboard.test_snapshot_while_building import write_one
from tests.dashboard.test_store_follow import read_here_store

PAGES = 8


@pytest.fixture
def store_path(tmp_path, monkeypatch):
    yield from read_here_store(tmp_path, monkeypatch)


def first_pages(got: list) -> list[threading.Thread]:
    """PAGES sessions' first runs (the main page's snapshot, then its store check), started at once."""
    def page() -> None:
        snap = data.snapshot(stale_ok=True)
        got.append((snap.version, len(snap.frame), data.served_version()))

    pages = [threading.Thread(target=page, name=f"page-{i}") for i in range(PAGES)]
    for thread in pages:
        thread.start()
    return pages


@pytest.mark.parametrize("commit", ["before_the_version_asked", "between_the_version_and_the_read"])
def test_an_import_committed_before_the_first_read_has_its_catalog_read_once_for_every_first_page(
        store_path, monkeypatch, commit):
    if commit == "before_the_version_asked":
        write_one(store_path, "c")
    real, reads, reading, gate = data._load_catalog, [], threading.Event(), threading.Event()

    def read(url):
        if commit != "before_the_version_asked" and not reads:
            write_one(store_path, "c")  # the import commits after the warm-up asked the store's version
        reads.append(threading.current_thread().name)
        reading.set()
        gate.wait(30)  # a 100k-row read takes seconds: the pages arrive meanwhile
        return real(url)

    monkeypatch.setattr(data, "_load_catalog", read)
    warm = threading.Thread(target=data.snapshot, name="first-page-warm-up")
    warm.start()
    assert reading.wait(30)
    got: list = []
    pages = first_pages(got)
    threading.Event().wait(0.3)
    gate.set()
    for thread in [warm, *pages]:
        thread.join(30)
    for build in list(data._BUILDS.values()):
        build.join(30)
    version = data.store_version()
    assert reads == ["first-page-warm-up"]  # one read, by the warm-up; no page or background build read another
    assert got == [(version, 3, version)] * PAGES
