"""#16 in the app: an edit based on an older row version is shown as a clear message with both values, and the map
page follows the store's version (another user's write shows without a reload)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import data
from incidents.storage import open_store
from incidents.storage.base import EditConflict
from tests.incidents.factory import make

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def two_incident_store(path: Path, monkeypatch) -> Path:
    """A SQLite store at `path` holding Kazan and Izhevsk, made the app's store (INCIDENTS_DB)."""
    store = open_store(str(path))
    store.upsert([make(id="a", place="Kazan"), make(id="b", place="Izhevsk")])
    store.close()
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    return path


def read_here_store(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """two_incident_store made 'large' (STALE_FROM 2) and read in this process, caches cleared before and after (a
    fixture's body: `yield from read_here_store(tmp_path, monkeypatch)`)."""
    path = two_incident_store(tmp_path / "s.sqlite", monkeypatch)
    monkeypatch.setattr(data, "STALE_FROM", 2)  # two incidents count as large here
    monkeypatch.setattr(data, "BUILD_IN_CHILD", False)  # every read in this process, where the tests can count it
    data.clear_caches()
    data._RECENT.clear()
    yield path
    for build in list(data._BUILDS.values()):
        build.join(30)
    data.clear_caches()
    data._RECENT.clear()


@pytest.fixture
def store_path(tmp_path, monkeypatch):
    return two_incident_store(tmp_path / "s.sqlite", monkeypatch)


def test_an_edit_conflict_reads_as_both_values_escaped(store_path):
    store = open_store(str(store_path))
    try:
        row = store.get_row("a")
        store.update("a", {"place": "Kazan city"}, row.version)  # someone else saves first
        with pytest.raises(EditConflict) as caught:
            store.update("a", {"place": "![x](http://evil.example/p.png)"}, row.version)
    finally:
        store.close()
    text = data.conflict_message(caught.value)
    assert "someone else" in text and "Kazan city" in text and "Stored now" in text and "Nothing was saved" in text
    assert "](http" not in text and "!\\[" in text  # the user's value is shown as text, never as an image


def test_the_map_page_watches_the_store_and_shows_another_writers_incident(store_path):
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert any(metric.value == "2" for metric in at.metric)
    assert 5.0 >= data.WATCH_SECONDS > 0
    store = open_store(str(store_path))
    try:
        store.upsert([make(id="c", place="Saratov")])
    finally:
        store.close()
    at.run()
    assert any(metric.value == "3" for metric in at.metric)
