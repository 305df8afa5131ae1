"""Load: a first page does not read a second catalog beside the one being read, a new store version is published with
the views the pages last drew already computed, and the pages following the store do not all rerun at once."""

from __future__ import annotations

import threading

import pytest

from dashboard.catalog_process import ChildFailed, read_in_child

from dashboard import data
from incidents.model import IncidentFilter
from incidents.storage import open_store
from tests.incidents.factory import make
from tests.dashboard.test_snapshot_while_building import write_one
from tests.dashboard.test_store_follow import read_here_store


@pytest.fixture
def store_path(tmp_path, monkeypatch):
    yield from read_here_store(tmp_path, monkeypatch)


@pytest.fixture
def reads(monkeypatch):
    """Catalog reads wait for the returned gate once read (as a 100k-row read takes seconds); the versions read are
    listed in `reads.versions`."""
    gate = threading.Event()
    gate.versions, gate.read = [], threading.Event()
    real = data._load_catalog

    def slow(url):
        catalog = real(url)
        gate.read.set()
        gate.wait(30)
        gate.versions.append(catalog.version)
        return catalog

    monkeypatch.setattr(data, "_load_catalog", slow)
    return gate


def test_a_first_page_shows_the_catalog_being_read_instead_of_reading_a_second_one(store_path, reads):
    warm = threading.Thread(target=data.snapshot)  # the server's warm-up reads the catalog of the first version
    warm.start()
    assert reads.read.wait(30) and data._LOADING
    first = data.store_version()
    write_one(store_path, "c")  # an import commits meanwhile
    got = []
    page = threading.Thread(target=lambda: got.append(data.snapshot(stale_ok=True)))
    page.start()
    threading.Event().wait(0.3)
    assert not got  # the page waits for the catalog being read ...
    reads.set()
    page.join(30)
    warm.join(30)
    assert got[0].version == first and len(got[0].frame) == 2  # ... and shows it, not a catalog of its own
    for build in list(data._BUILDS.values()):
        build.join(30)  # the new version is read once, in the background
    assert sorted(reads.versions) == [first, data.store_version()]
    assert data.served_version() == data.store_version()


def test_a_new_version_is_published_with_the_last_drawn_views_computed(store_path, monkeypatch):
    first = data.snapshot(stale_ok=True)
    flt = IncidentFilter()
    data.view_figures(first, flt, data.selection(first, flt))  # the main page drew this view
    computed = []
    real = data._figures
    monkeypatch.setattr(data, "_figures", lambda catalog, f, frame: (computed.append(catalog.version), real(catalog, f, frame))[1])
    write_one(store_path, "c")
    assert data.snapshot(stale_ok=True) is first  # shown as it was while the new catalog builds
    for build in list(data._BUILDS.values()):
        build.join(30)
    new = data.snapshot(stale_ok=True)
    assert new.version == data.store_version() != first.version and computed == [new.version]
    figs = data.view_figures(new, flt, data.selection(new, flt))
    assert figs.incidents == 3 and computed == [new.version]  # the page's rerun finds its figures computed


def test_pages_follow_a_published_version_each_after_its_own_delay(store_path):
    data._READY[(None, 7)] = 100.0
    assert data.follow_due(None, 7, 0.0, now=100.0)
    assert not data.follow_due(None, 7, 3.0, now=102.0) and data.follow_due(None, 7, 3.0, now=103.5)
    assert data.follow_due(None, 8, 3.0, now=100.0)  # a version built by a page itself: at once
    assert 0 < data.FOLLOW_SPREAD_S <= 2 * data.WATCH_SECONDS


def test_a_background_build_reads_the_catalog_in_a_child_process(store_path, monkeypatch):
    monkeypatch.setattr(data, "BUILD_IN_CHILD", True)
    first = data.snapshot(stale_ok=True)
    here = []
    real = data._load_catalog
    monkeypatch.setattr(data, "_load_catalog", lambda url: (here.append(url), real(url))[1])
    store = open_store(str(store_path))
    try:
        store.upsert([make(id="c", place="Saratov", sources=[{"title": "Saratov", "url": "https://example.org/c"}])])
    finally:
        store.close()
    assert data.snapshot(stale_ok=True) is first
    for build in list(data._BUILDS.values()):
        build.join(60)
    new = data.snapshot(stale_ok=True)
    assert not here and new.version == data.store_version() and sorted(new.frame["id"]) == ["a", "b", "c"]
    shown = data.with_details(new, new.frame[new.frame["id"] == "c"])  # details through this process's store
    assert shown.iloc[0]["sources"][0]["url"] == "https://example.org/c"


def test_a_child_that_cannot_read_the_store_says_why(tmp_path):
    with pytest.raises(ChildFailed):
        read_in_child(str(tmp_path), data.reference(), None)  # a folder is no store


def test_a_relative_store_path_names_the_same_file_in_the_child(store_path, monkeypatch):
    monkeypatch.chdir(store_path.parent)  # the server's folder, not the repository's
    catalog = read_in_child(store_path.name, data.reference(), None)
    assert sorted(catalog.frame["id"]) == ["a", "b"]


def test_a_catalog_whose_read_found_a_newer_version_is_shown_as_that_one_and_not_read_again(store_path, monkeypatch):
    """The server's warm-up asks the store's version, an import commits, then the catalog is read: it holds the
    import and is shown as the import's version (its own), so no page reads that version a second time in the
    background and then reruns for it."""
    asked = data.store_version()
    real, reads = data._load_catalog, []

    def read(url):
        if not reads:
            write_one(store_path, "c")  # the import commits between the version asked for and the catalog's read
        reads.append(url)
        return real(url)

    monkeypatch.setattr(data, "_load_catalog", read)
    warm = data.snapshot()
    assert warm.version == data.store_version() != asked and len(warm.frame) == 3
    assert data.snapshot(stale_ok=True) is warm and data.snapshot() is warm and data.served_version() == warm.version
    assert not [key for key in data._BUILDS if key[0] == data.store_url()] and len(reads) == 1  # read once
