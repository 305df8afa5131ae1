"""Upserts spanning several chunks merge like one sequential pass (an id in adjacent chunks, many chunks)."""

import pytest

from incidents.model import Source
from incidents.storage import memory, postgis, sqlite
from tests.incidents.factory import make


@pytest.fixture
def small_chunks(monkeypatch):
    for module in (memory, postgis, sqlite):
        monkeypatch.setattr(module, "CHUNK", 2)


def source(n: int) -> Source:
    return Source(f"report {n}", f"https://example.org/{n}", "2024-12-21", "")


def test_an_id_in_adjacent_chunks_merges_with_what_the_last_chunk_wrote(store, small_chunks):
    store.upsert([make(id="a", sources=[source(0)])])
    rows = [make(id="x"), make(id="a", sources=[source(1)]), make(id="y"), make(id="a", sources=[source(2)]),
            make(id="z"), make(id="b"), make(id="b", killed=3)]
    result = store.upsert(rows)
    assert [s.url for s in store.get("a").sources] == [source(n).url for n in range(3)]
    assert (result.inserted, result.updated, result.unchanged) == (4, 3, 0)
    assert store.get("b").killed == 3
    assert store.count() == 5
    created = [change.incident_id for change in store.history() if change.field == "created"]
    assert sorted(created) == ["a", "b", "x", "y", "z"]


def test_many_chunks_keep_every_row_once(store, small_chunks):
    result = store.upsert(make(id=f"r{n}", killed=n) for n in range(11))
    assert result.inserted == 11 and store.count() == 11
    again = store.upsert(make(id=f"r{n}", killed=n) for n in range(0, 11, 3))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4)
    assert sorted(item.killed for item in store.all()) == list(range(11))
