"""SQLite bulk loads into empty tables: secondary indexes dropped and rebuilt inside the import's transaction, the same
rows and history as the row-by-row path; failed and killed imports leave nothing and keep every index."""

import sqlite3
from pathlib import Path

import pytest

from incidents.model import IncidentFilter
from incidents.storage import SQLiteStore, sqlite
from tests.incidents.factory import make
from tests.incidents.killed import kill_mid_upsert


def indexes(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        return sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))


def rows(count: int, prefix: str = "r"):
    return [make(id=f"{prefix}{n:03d}", started_at=f"2024-03-{1 + n % 28:02d}", lat=55 + n / 1000) for n in range(count)]


def stored(path: Path) -> tuple[list, list]:
    store = SQLiteStore(path)
    try:
        return [item.content() for item in store.all()], [(c.incident_id, c.field) for c in store.history()]
    finally:
        store.close()


def test_a_bulk_load_gives_the_rows_history_and_indexes_of_the_row_by_row_path(tmp_path, monkeypatch):
    slow, fast = tmp_path / "slow.sqlite", tmp_path / "fast.sqlite"
    SQLiteStore(slow).upsert(rows(40))
    monkeypatch.setattr(sqlite, "BULK_ROWS", 3)
    store = SQLiteStore(fast)
    before, cache = indexes(fast), store._db.execute("PRAGMA cache_size").fetchone()
    assert store.upsert(rows(40)).inserted == 40
    assert store._db.execute("PRAGMA cache_size").fetchone() == cache  # the load's larger cache given back
    assert len(store.select(IncidentFilter(event_types=("drone_strike",)))) == 40
    store.close()
    assert indexes(fast) == before == indexes(slow) and len(before) >= 6
    assert stored(fast) == stored(slow)


def test_only_tables_empty_when_the_write_began_lose_their_indexes(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite, "BULK_ROWS", 3)
    store = SQLiteStore(tmp_path / "s.sqlite")
    store.upsert(rows(2, "first"))
    dropped = []
    real = sqlite._BulkIndexes.wrote

    def watched(self, count):
        real(self, count)
        dropped.append(list(self._dropped))

    monkeypatch.setattr(sqlite._BulkIndexes, "wrote", watched)
    assert store.upsert(rows(10)).inserted == 10
    assert dropped and not any(dropped)  # neither table was empty: no index was touched
    store.close()


def test_a_failing_bulk_load_leaves_nothing_and_every_index(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite, "BULK_ROWS", 3)
    path = tmp_path / "f.sqlite"
    store = SQLiteStore(path)
    before = indexes(path)

    def broken():
        yield from rows(1200)
        raise RuntimeError("the file broke off")

    with pytest.raises(RuntimeError):
        store.upsert(broken())
    assert store.count() == 0 and store.history() == []
    assert indexes(path) == before
    store.close()


def test_a_killed_bulk_load_leaves_the_empty_store_and_its_indexes(tmp_path):
    path = tmp_path / "k.sqlite"
    SQLiteStore(path).close()
    before = indexes(path)
    kill_mid_upsert(str(path), 1200, "from incidents.storage import sqlite; sqlite.BULK_ROWS = 3",
                    {"HOME": str(tmp_path)})
    assert indexes(path) == before
    store = SQLiteStore(path)
    assert store.count() == 0 and store.history() == [] and store.damage is None
    assert store.upsert(make(id=f"new{i:05d}", started_at="2024-01-01") for i in range(1200)).inserted == 1200
    store.close()
    assert indexes(path) == before


def test_a_bulk_load_runs_with_the_larger_page_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite, "BULK_ROWS", 3)
    store = SQLiteStore(tmp_path / "s.sqlite")
    seen = []
    real = sqlite._BulkIndexes.rebuild

    def watched(self):
        seen.append(self._db.execute("PRAGMA cache_size").fetchone()[0])
        real(self)

    monkeypatch.setattr(sqlite._BulkIndexes, "rebuild", watched)
    assert store.upsert(rows(10)).inserted == 10
    assert seen == [-sqlite.BULK_CACHE_KIB]
    store.close()
