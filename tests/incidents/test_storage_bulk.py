"""PostGIS bulk loads into an empty table: indexes dropped and rebuilt in the import's transaction, binary COPY,
'created' history built in the database; concurrent and killed imports stay exactly-once and all-or-nothing."""

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import psycopg
import pytest

from incidents.model import IncidentFilter
from incidents.storage import open_store, postgis
from tests.incidents.factory import make, rich
from tests.incidents.killed import kill_mid_upsert

pytestmark = pytest.mark.postgis
ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def index_names(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return sorted(row[0] for row in conn.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename IN ('incidents', 'history')").fetchall())


@pytest.fixture
def small_defer(monkeypatch):
    monkeypatch.setattr(postgis, "DEFER_AT", 3)


def test_a_bulk_load_into_an_empty_table_rebuilds_every_index(pg_url, small_defer):
    store = open_store(pg_url)
    before = index_names(pg_url)
    rows = [make(id=f"r{n:02d}", started_at=f"2024-03-{1 + n % 28:02d}", lat=55 + n / 100) for n in range(20)]
    assert store.upsert(rows).inserted == 20
    assert index_names(pg_url) == before and len(before) >= 8
    first = date.fromisoformat(rows[0].started_at[:10])
    day = IncidentFilter(start=first, end=first)
    assert list(store.catalog(day)["id"]) == ["r00"]
    assert [c.incident_id for c in store.history() if c.field == "created"] == [item.id for item in rows]
    store.close()


def test_binary_copy_round_trips_every_field(pg_url, small_defer):
    store = open_store(pg_url)
    item = rich()
    store.upsert([item, make(id="b"), make(id="c")])
    stored = store.get(item.id)
    assert stored.to_dict() | {"created_at": "", "updated_at": ""} == item.to_dict() | {"created_at": "",
                                                                                        "updated_at": ""}
    store.close()


def test_a_non_empty_table_keeps_its_indexes_during_an_import(pg_url, small_defer):
    store = open_store(pg_url)
    store.upsert([make(id="old")])
    with psycopg.connect(pg_url) as conn, conn.transaction():
        assert postgis._defer_indexes(conn).rebuild == []
    assert store.upsert(make(id=f"n{n}") for n in range(10)).inserted == 10
    store.close()


def test_an_id_met_again_in_a_later_chunk_restores_the_key_and_merges(pg_url, small_defer, monkeypatch):
    monkeypatch.setattr(postgis, "CHUNK", 4)
    store = open_store(pg_url)
    before = index_names(pg_url)
    rows = [make(id=f"k{n}") for n in range(9)] + [make(id="k1", killed=5)] + [make(id=f"k{n}") for n in range(9, 12)]
    result = store.upsert(rows)
    assert (result.inserted, result.updated, store.count()) == (12, 1, 12)
    assert store.get("k1").killed == 5 and index_names(pg_url) == before
    with psycopg.connect(pg_url) as conn, pytest.raises(psycopg.errors.UniqueViolation):
        conn.execute("INSERT INTO incidents (event_type, lat, lon, started_at, id, day) "
                     "VALUES ('drone_strike', 1, 1, '2024-01-01', 'k3', '2024-01-01')")
    store.close()


def test_a_keyless_bulk_load_still_skips_tombstoned_ids(pg_url, small_defer):
    from incidents.curation import delete
    from tests.incidents.test_curation import REVIEWER

    store = open_store(pg_url)
    store.upsert([make(id="gone")])
    delete(store, REVIEWER, ["gone"], "a test row")
    assert store.count() == 0
    result = store.upsert([make(id=f"t{n}") for n in range(5)] + [make(id="gone")])
    assert (result.inserted, result.unchanged, store.get("gone")) == (5, 1, None)
    store.close()


IMPORTER = textwrap.dedent("""
    import sys
    from incidents.storage import open_store, postgis
    from tests.incidents.test_storage_faults import batch
    postgis.DEFER_AT = 3
    store = open_store(sys.argv[1])
    result = store.upsert(batch("shared") + batch("own" + sys.argv[2], 1000))
    store.close()
    print(result.inserted + result.updated + result.unchanged)
""")


def test_four_bulk_loads_into_an_empty_table_store_every_row_once(pg_url):
    open_store(pg_url).close()
    before = index_names(pg_url)
    children = [subprocess.Popen([sys.executable, "-c", IMPORTER, pg_url, str(n)], cwd=ROOT, env=ENV,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(4)]
    outputs = [child.communicate(timeout=300) for child in children]
    assert [child.returncode for child in children] == [0] * 4, [err for _, err in outputs]
    store = open_store(pg_url)
    ids = [item.id for item in store.all()]
    assert len(ids) == len(set(ids)) == 3000 + 4 * 1000
    created = [c.incident_id for c in store.history() if c.field == "created"]
    assert sorted(created) == sorted(ids)
    assert index_names(pg_url) == before
    store.close()


def test_a_killed_bulk_load_leaves_the_empty_table_and_its_indexes(pg_url):
    open_store(pg_url).close()
    before = index_names(pg_url)
    kill_mid_upsert(pg_url, 12000, "from incidents.storage import postgis; postgis.DEFER_AT = 3")
    store = open_store(pg_url)
    assert store.count() == 0 and store.history() == []
    assert index_names(pg_url) == before
    assert store.upsert(make(id=f"new{i:05d}", started_at="2024-01-01") for i in range(12000)).inserted == 12000
    assert index_names(pg_url) == before
    store.close()


def test_created_entries_keep_tabs_newlines_and_backslashes(pg_url):
    store = open_store(pg_url)
    ids = ["tab\there", "line\nbreak", "back\\slash", "cr\rhere", "\\N", "plain"]
    store.upsert([make(id=item) for item in ids], reason="a\treason \\ with\nodd text", actor="ivan\\t")
    created = [c for c in store.history() if c.field == "created"]
    assert [c.incident_id for c in created] == ids
    assert {(c.reason, c.actor, c.old, c.new) for c in created} == {("a\treason \\ with\nodd text", "ivan\\t",
                                                                     None, None)}
    store.close()
