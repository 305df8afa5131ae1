"""Store faults against real servers and files: concurrent imports, killed imports, a stopped server, migrations,
copies between stores, a corrupt SQLite file, readers during a write, and re-imports that must not lose data."""

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from incidents import migrations
from incidents.errors import IncidentsError, StoreUnavailable
from incidents.storage import SQLiteStore, StoreDamaged, open_store
from incidents.storage.maintenance import copy_between, copy_store, digest
from incidents.frames import FIELDS
from incidents.storage.rows import COLUMNS, to_row
from incidents.storage.sqlite import BUSY_TIMEOUT_MS, migrate_file
from tests.incidents.factory import make, rich
from tests.incidents.killed import kill_mid_upsert
from tests.incidents.test_cli import assert_one_line_error, run

LATEST = migrations.latest("postgis")

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def url(request, tmp_path):
    return request.getfixturevalue("pg_url") if request.param == "postgis" else str(tmp_path / "f.sqlite")


def batch(tag, n=3000):
    return [make(id=f"{tag}{i:05d}", started_at=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", killed=i % 7)
            for i in range(n)]


IMPORTER = textwrap.dedent("""
    import sys
    from incidents.storage import open_store
    from tests.incidents.test_storage_faults import batch
    store = open_store(sys.argv[1])
    shared = batch("shared")
    own = batch("own" + sys.argv[2], 1000)
    result = store.upsert(shared + own)
    store.close()
    print(result.inserted + result.updated + result.unchanged)
""")


def test_four_processes_importing_at_once_store_every_row_once(url):
    open_store(url).close()  # the schema exists before the race (as after `migrate`)
    children = [subprocess.Popen([sys.executable, "-c", IMPORTER, url, str(n)], cwd=ROOT, env=ENV,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(4)]
    outputs = [child.communicate(timeout=300) for child in children]
    assert [child.returncode for child in children] == [0] * 4, [err for _, err in outputs]
    store = open_store(url)
    ids = [item.id for item in store.all()]
    assert len(ids) == len(set(ids)) == 3000 + 4 * 1000
    assert store.get("shared00005").killed == 5 and store.get_row("shared00005").version == 1
    store.close()


def test_sigkill_mid_import_is_all_or_nothing(url):
    store = open_store(url)
    store.upsert([make(id="old", killed=1)])
    store.close()
    kill_mid_upsert(url, 12000)
    after = open_store(url)
    assert [i.id for i in after.all()] == ["old"] and after.get("old").killed == 1
    assert after.upsert(make(id=f"new{i:05d}", started_at="2024-01-01") for i in range(12000)).inserted == 12000
    after.close()


@pytest.mark.postgis
def test_server_stop_and_restart_under_the_app(pg_cluster, pg_url, tmp_path):
    store = open_store(pg_url)
    store.upsert([make(id="a")])
    pg_cluster.stop()
    try:
        with pytest.raises(StoreUnavailable, match="is unreachable .*start the server"):
            store.count()
        with pytest.raises(StoreUnavailable, match="unreachable"):
            store.upsert([make(id="b")])
        assert_one_line_error(run("export", "--format", "csv", db=pg_url))
    finally:
        pg_cluster.start()
    deadline = time.monotonic() + 20
    while True:  # the app keeps its store object; it recovers by itself
        try:
            assert store.count() == 1
            break
        except StoreUnavailable:
            assert time.monotonic() < deadline, "the store did not recover"
            time.sleep(0.5)
    assert store.upsert([make(id="b")]).inserted == 1
    store.close()


V1_COLUMNS = COLUMNS.replace(", review", "")  # the review state came with schema version 3


def v1_row(incident):
    row = to_row(incident)
    del row[FIELDS.index("review")]
    return row


def make_v1(url):
    """A store at schema version 1 (as written before row versions) holding two incidents."""
    rows = [v1_row(rich()), v1_row(make(id="plain"))]
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url) as conn:
            conn.execute(migrations.migrations("postgis")[0].sql)
            conn.execute("INSERT INTO schema_version VALUES (1)")
            with conn.cursor().copy(f"COPY incidents ({V1_COLUMNS}, day) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    migrate_file(Path(url), target=1)
    db = sqlite3.connect(url)
    db.executemany(f"INSERT INTO incidents ({V1_COLUMNS}, day) VALUES ({', '.join('?' * len(rows[0]))})", rows)
    db.commit()
    db.close()


def test_v1_to_current_migration(url):
    LATEST = migrations.latest("postgis")  # noqa: N806
    make_v1(url)
    if url.startswith("postgresql://"):  # a team store is migrated on purpose, never behind the app's back
        with pytest.raises(StoreUnavailable, match="run `python -m incidents migrate`"):
            open_store(url)
        done = run("migrate", db=url)
        assert done.returncode == 0, done.stderr
        assert {k: v for k, v in json.loads(done.stdout).items() if k != "store"} == \
            {"from": 1, "to": LATEST, "applied": list(range(2, LATEST + 1)), "latest": LATEST}
    store = open_store(url)
    assert store.schema_version() == migrations.latest("postgis" if "postgis" in store.describe().lower() else "sqlite")
    assert store.get("kazan-1").content() == rich().content() and store.count() == 2
    assert store.get_row("plain").version == 1
    store.update("plain", {"killed": 4}, 1)
    assert json.loads(run("migrate", db=url).stdout)["applied"] == []
    store.close()


def test_a_store_newer_than_the_code_is_refused(url):
    open_store(url).close()
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url) as conn:
            conn.execute("INSERT INTO schema_version VALUES (99)")
    else:
        with sqlite3.connect(url) as db:
            db.execute("INSERT INTO schema_version VALUES (99)")
    kind = "postgis" if url.startswith("postgresql://") else "sqlite"
    with pytest.raises(StoreUnavailable, match=f"schema version 99, newer than this program's {migrations.latest(kind)}; upgrade"):
        open_store(url)
    assert_one_line_error(run("export", "--format", "csv", db=url))


@pytest.mark.postgis
def test_copy_sqlite_to_postgis_to_sqlite_round_trips_exactly(tmp_path, pg_url):
    from incidents.synth import synth_incidents

    first = tmp_path / "first.sqlite"
    store = open_store(str(first))
    store.upsert([rich(), *synth_incidents(700, seed=5)])
    store.update("kazan-1", {"notes": "edited"}, 1)
    store.close()
    there = run("copy", "--from", first, "--to", pg_url, db=tmp_path / "unused.sqlite")
    assert there.returncode == 0, there.stderr
    back = json.loads(run("copy", "--from", pg_url, "--to", tmp_path / "back.sqlite", db=first).stdout)
    assert back["count"] == 701 and back["verified"] and back["copied"] == 701
    original, returned = open_store(str(first)), open_store(str(tmp_path / "back.sqlite"))
    assert [i.to_dict() for i in original.all()] == [i.to_dict() for i in returned.all()]
    assert digest(original) == digest(returned) and json.loads(there.stdout)["hash"] == back["hash"]
    original.close()
    returned.close()


@pytest.mark.postgis
def test_interrupted_copy_resumes(tmp_path, pg_url, monkeypatch):
    from incidents.storage.postgis import PostGISStore
    from incidents.synth import synth_incidents

    source = open_store(str(tmp_path / "src.sqlite"))
    source.upsert(synth_incidents(12000, seed=1))
    target = open_store(pg_url)
    loaded = PostGISStore.load
    calls = []

    def fail_second(self, incidents):
        calls.append(1)
        if len(calls) == 2:
            raise StoreUnavailable("the PostGIS store is unreachable (simulated)")
        return loaded(self, incidents)

    monkeypatch.setattr(PostGISStore, "load", fail_second)
    with pytest.raises(StoreUnavailable):
        copy_store(source, target)
    assert target.count() == 5000
    monkeypatch.setattr(PostGISStore, "load", loaded)
    done = copy_store(source, target)
    assert (done["copied"], done["already_there"], done["count"]) == (7000, 5000, 12000)
    target.upsert([make(id="extra")])
    with pytest.raises(IncidentsError, match="the copy does not match"):
        copy_store(source, target)
    with pytest.raises(IncidentsError, match="same store"):
        copy_between(pg_url, pg_url)
    with pytest.raises(IncidentsError, match="no SQLite store at .*typo.sqlite; check --from"):
        copy_between(str(tmp_path / "typo.sqlite"), pg_url)
    assert not (tmp_path / "typo.sqlite").exists()
    source.close()
    target.close()


def corrupt(path: Path) -> None:
    """Overwrite pages in the middle of a SQLite file's incidents table, as a torn or stray write would."""
    with sqlite3.connect(path) as db:
        pages = [row[0] for row in db.execute("SELECT pageno FROM dbstat WHERE name = 'incidents' ORDER BY pageno")]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    middle = (pages[len(pages) // 2] - 1) * size
    data[middle:middle + 3 * size] = b"\xde\xad\xbe\xef" * (3 * size // 4)
    path.write_bytes(bytes(data))


def test_corrupt_store_refuses_writes_and_restore_recovers(tmp_path):
    from incidents.synth import synth_incidents

    db = tmp_path / "c.sqlite"
    store = SQLiteStore(db)
    store.upsert(synth_incidents(3000, seed=2))
    store.close()
    saved = run("backup", tmp_path / "backup.sqlite", db=db)
    assert saved.returncode == 0 and json.loads(saved.stdout)["count"] == 3000, saved.stderr
    corrupt(db)
    damaged = SQLiteStore(db)
    assert damaged.damage
    with pytest.raises(StoreDamaged, match="damaged .*writes are refused.*python -m incidents restore"):
        damaged.upsert([make(id="x")])
    damaged.close()
    assert_one_line_error(run("import", ROOT / "tests/incidents/data/acled_sample.csv", db=db))
    assert_one_line_error(run("export", "--format", "csv", db=db))
    assert_one_line_error(run("restore", tmp_path / "missing.sqlite", db=db))
    restored = run("restore", tmp_path / "backup.sqlite", db=db)
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["count"] == 3000
    healthy = SQLiteStore(db)
    assert healthy.damage is None and healthy.count() == 3000 and healthy.upsert([make(id="x")]).inserted == 1
    healthy.close()


def test_a_corrupt_backup_is_not_restored(tmp_path):
    db = tmp_path / "ok.sqlite"
    store = SQLiteStore(db)
    store.upsert([make(id="keep")])
    store.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    assert_one_line_error(run("restore", bad, db=db))
    assert SQLiteStore(db).get("keep") is not None


def test_integrity_is_checked_only_when_the_file_changed(tmp_path):
    from incidents.storage.sqlite import needs_check

    db = tmp_path / "q.sqlite"
    store = SQLiteStore(db)
    store.upsert([make(id="a")])
    store.close()
    assert not needs_check(db)  # our own writes, closed cleanly: no check on the next open
    os.utime(db, ns=(time.time_ns(), time.time_ns() + 10**9))  # changed by someone else
    assert needs_check(db)
    SQLiteStore(db, read_only=True).close()
    assert not needs_check(db)


def test_readers_never_wait_for_a_writer(tmp_path):
    db = tmp_path / "r.sqlite"
    store = SQLiteStore(db)
    store.upsert([make(id="a")])
    store.close()
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE incidents SET killed = 99")
    try:
        done = run("export", "--format", "csv", db=db)  # a wait would end in "database is locked": the lock is held
        assert done.returncode == 0, done.stderr
        started = time.monotonic()
        reader = SQLiteStore(db, read_only=True)
        assert reader.get("a").killed is None and len(reader.frame()) == 1
        reader.close()
        writable = SQLiteStore(db)  # opening for writing takes no lock either: only a write does
        assert writable.count() == 1
        writable.close()
        assert time.monotonic() - started < BUSY_TIMEOUT_MS / 1000  # less than one wait for the lock
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_read_only_store_refuses_writes(tmp_path):
    db = tmp_path / "ro.sqlite"
    SQLiteStore(db).close()
    with pytest.raises(StoreUnavailable, match="read-only"):
        SQLiteStore(db, read_only=True).upsert([make()])


def test_reimporting_the_seed_article_keeps_the_kazan_sources(tmp_path):
    db = tmp_path / "demo.sqlite"
    assert run("demo", db=db).returncode == 0
    before = {i.id: i for i in SQLiteStore(db).all() if i.place == "Kazan" and i.event_type == "drone_strike"}
    (kazan,) = before.values()
    assert len(kazan.sources) == 4
    article = ROOT / "incidents/samples/articles/000_kazan_2024-12-21.txt"
    first = run("import", article, "--format", "article", "--published", "2024-12-21", db=db)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    after = SQLiteStore(db).get(kazan.id)
    assert after.sources[:4] == kazan.sources and after.killed == kazan.killed
    assert after.verification == kazan.verification and after.notes == kazan.notes
    assert summary["kept_fields"].get("notes") and "sources" not in summary["kept_fields"]
    again = json.loads(run("import", article, "--format", "article", "--published", "2024-12-21", db=db).stdout)
    assert again["updated"] == 0 and again["unchanged"] == summary["read"] - summary["rejected"]
    overwritten = run("import", article, "--format", "article", "--published", "2024-12-21", "--overwrite", "notes",
                      db=db)
    assert json.loads(overwritten.stdout)["changed_fields"].get("notes")
    assert SQLiteStore(db).get(kazan.id).sources[:4] == kazan.sources
