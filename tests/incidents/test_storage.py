"""Every store (memory, SQLite, PostGIS): upsert semantics, versions, deletes, frames; SQLite durability, killed
writes and bad paths."""

import sqlite3
from pathlib import Path

import pytest

from incidents import migrations
from incidents.errors import StoreUnavailable
from incidents.frames import to_frame
from incidents.storage import MemoryStore, SQLiteStore, Storage, open_store, store_path
from tests.incidents.factory import make, rich

ROOT = Path(__file__).resolve().parents[2]


def test_implements_the_protocol(store):
    assert isinstance(store, Storage)


def test_upsert_insert_update_unchanged(store):
    first = store.upsert([rich(), make(id="b")])
    assert (first.inserted, first.updated, first.unchanged) == (2, 0, 0)
    created = store.get("kazan-1").created_at
    assert created and store.get("kazan-1").updated_at
    again = store.upsert([rich(), make(id="b", killed=2)])
    assert (again.inserted, again.updated, again.unchanged) == (0, 1, 1)
    assert again.changed_fields == {"killed": 1} and again.details()["changes"] == [
        {"id": "b", "field": "killed", "old": None, "new": 2, "action": "changed"}]
    assert store.get("b").killed == 2
    assert store.get("kazan-1").created_at == created
    assert store.count() == 2


def test_round_trip_keeps_every_field(store):
    store.upsert([rich()])
    back = store.get("kazan-1")
    assert back.content() == rich().content()
    assert store.get("missing") is None


def test_frame_equals_to_frame_of_all(store):
    store.upsert([rich(), make(id="b", started_at="2024-01-01"), make(id="c", injured=4, country="")])
    assert store.frame().equals(to_frame(store.all()))


def test_version_changes_only_on_writes(store):
    start = store.version()
    store.upsert([make(id="a")])
    after_insert = store.version()
    store.upsert([make(id="a")])
    assert after_insert != start and store.version() == after_insert
    assert store.delete(["a", "nope"]) == 1
    assert store.version() != after_insert and store.count() == 0


def test_duplicate_ids_in_one_batch_last_wins(store):
    result = store.upsert([make(id="d", killed=1), make(id="d", killed=5)])
    assert result.inserted == 1 and store.get("d").killed == 5


def test_sqlite_has_wal_schema_version_and_persists(tmp_path):
    path = tmp_path / "x.sqlite"
    store = SQLiteStore(path)
    store.upsert([rich()])
    assert store.schema_version() == migrations.latest("sqlite")
    store.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    reopened = SQLiteStore(path)
    assert reopened.get("kazan-1").content() == rich().content()
    assert reopened.describe() == f"SQLite at {path}"
    reopened.close()


def test_failed_upsert_writes_nothing(tmp_path, monkeypatch):
    store = SQLiteStore(tmp_path / "f.sqlite")
    store.upsert([make(id="old")])
    version = store.version()

    def broken(self, rows, now=""):
        self._db.executemany("DELETE FROM incidents", [()])
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SQLiteStore, "_write", broken)
    with pytest.raises(RuntimeError):
        store.upsert([make(id="new")])
    assert [i.id for i in store.all()] == ["old"] and store.version() == version


def test_open_store_urls(tmp_path, monkeypatch):
    assert isinstance(open_store("memory:"), MemoryStore)
    target = tmp_path / "u.sqlite"
    assert open_store(f"sqlite:///{target}").path == target
    monkeypatch.setenv("INCIDENTS_DB", str(tmp_path / "env.sqlite"))
    assert open_store().describe() == f"SQLite at {tmp_path / 'env.sqlite'}"
    monkeypatch.delenv("INCIDENTS_DB")
    assert store_path("var/incidents.sqlite") == ROOT / "var" / "incidents.sqlite"
    assert store_path("sqlite:///rel/x.db") == Path("rel/x.db")


@pytest.mark.parametrize("url, words", [
    ("postgresql://u@127.0.0.1:1/db", "PostGIS store at postgresql://u@127.0.0.1:1/db is unreachable"),
    ("mysql://h/db", "unknown store URL"),
    ("sqlite:///", "empty store path"),
])
def test_open_store_refuses(url, words):
    with pytest.raises(StoreUnavailable, match=words):
        open_store(url)


def test_unopenable_files_raise_store_unavailable(tmp_path):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreUnavailable, match="cannot open the SQLite store"):
        SQLiteStore(garbage)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreUnavailable):
        SQLiteStore(blocker / "sub" / "db.sqlite")


def test_busy_store_raises_store_unavailable(tmp_path):
    path = tmp_path / "busy.sqlite"
    store = SQLiteStore(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store._db.execute("PRAGMA busy_timeout = 50")
    with pytest.raises(StoreUnavailable, match="busy"):
        store.upsert([make()])
    other.execute("ROLLBACK")
    assert store.upsert([make()]).inserted == 1


def test_frame_shares_the_empty_sources_origin_and_evidence(store):
    from incidents.frames import SHARED_EMPTY

    store.upsert([make(id="a"), make(id="b"), rich()])
    frame = store.frame()
    assert sum(value is SHARED_EMPTY["origin"] for value in frame["origin"]) >= 2
    assert sum(value is SHARED_EMPTY["sources"] for value in frame["sources"]) == 2
