"""Store maintenance: migrate, copy between stores (verified, resumable), SQLite backup and verified restore."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from incidents import migrations
from incidents.errors import IncidentsError, StoreUnavailable
from incidents.model import Incident
from incidents.storage import POSTGRES_SCHEMES, open_store, store_path, store_url
from incidents.storage.base import Storage
from incidents.storage.journal import Writes
from incidents.storage.sqlite import migrate_file, schema_version_of
from incidents.storage.users import UPDATABLE, users_of

PAGE = 5000


def migrate_store(url: str | None = None) -> dict[str, Any]:
    """Bring the store `url` (else INCIDENTS_DB) to the latest schema version; what was done."""
    text = store_url(url)
    if text.startswith(POSTGRES_SCHEMES):
        from incidents.storage.postgis import PostGISStore

        store = PostGISStore(text, migrate=True)
        try:
            before = store.applied[0] - 1 if store.applied else store.schema_version()
            return _migrated(store.describe(), before, store.applied, "postgis")
        finally:
            store.close()
    if text in ("memory:", ":memory:"):
        raise IncidentsError("an in-memory store has no schema to migrate")
    path = store_path(text)
    before = _sqlite_version(path)
    applied = migrate_file(path)
    return _migrated(f"SQLite at {path}", before, applied, "sqlite")


def _migrated(where: str, before: int, applied: list[int], kind: str) -> dict[str, Any]:
    return {"store": where, "from": before, "to": applied[-1] if applied else before, "applied": applied,
            "latest": migrations.latest(kind)}


def _sqlite_version(path: Path) -> int:
    if not path.exists():
        return 0
    db = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    try:
        return schema_version_of(db)
    except sqlite3.DatabaseError as exc:
        raise StoreUnavailable(f"cannot read the SQLite store at {path}: {exc}") from None
    finally:
        db.close()


def digest(store: Storage) -> tuple[int, str]:
    """(count, content hash) of every incident in a store, every field included; independent of row order."""
    total, count, after = 0, 0, None
    while page := store.scan(after, PAGE):
        for incident in page:
            total = (total + int(_row_hash(incident), 16)) % (1 << 256)
        count += len(page)
        after = page[-1].id
    return count, f"{total:064x}"


def _row_hash(incident: Incident) -> str:
    text = json.dumps(incident.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def copy_store(source: Storage, target: Storage) -> dict[str, Any]:
    """Copy every incident of `source` into `target` exactly (timestamps kept), a page per transaction, skipping
    rows already identical there (so an interrupted copy resumes); then verify counts and content hashes."""
    copied = already = 0
    after = None
    while page := source.scan(after, PAGE):
        there = target.get_rows(item.id for item in page)
        missing = [item for item in page if item.id not in there or
                   there[item.id].incident.to_dict() != item.to_dict()]
        if missing:
            target.load(missing)
        copied += len(missing)
        already += len(page) - len(missing)
        after = page[-1].id
    (count, source_hash), (target_count, target_hash) = digest(source), digest(target)
    if (count, source_hash) != (target_count, target_hash):
        raise IncidentsError(f"the copy does not match: source {count} incidents (hash {source_hash[:12]}), target "
                             f"{target_count} (hash {target_hash[:12]}); the target holds other incidents too, or "
                             "was changed during the copy: copy into an empty store")
    return {"from": source.describe(), "to": target.describe(), "count": count, "copied": copied,
            "already_there": already, "hash": source_hash, "verified": True, **copy_journal(source, target)}


def copy_journal(source: Storage, target: Storage) -> dict[str, Any]:
    """Copy what surrounds the incidents: import batches, history, tombstones and user accounts (password hashes as
    they are), skipping what the target already holds (a resumed copy adds nothing twice); then verify each."""
    for item in source.batches():
        there = {b.id: b for b in target.batches()}
        if there.get(item.id) != item:
            target.apply(Writes(batch=item))
    missing = Counter(change.row() for change in source.history()) - Counter(c.row() for c in target.history())
    pending = [change for change in source.history() if missing[change.row()] > 0 and _take(missing, change.row())]
    for start in range(0, len(pending), PAGE):
        target.apply(Writes(changes=tuple(pending[start:start + PAGE])))
    stones = [item for key, item in source.tombstones().items() if target.tombstones([key]).get(key) != item]
    for start in range(0, len(stones), PAGE):
        target.apply(Writes(tombstones=tuple(stones[start:start + PAGE])))
    accounts, theirs = users_of(source), users_of(target)
    for row in accounts.all():
        if not theirs.insert(row) and theirs.get(row["name"]) != row:
            theirs.update(row["name"], **{key: row[key] for key in UPDATABLE})
    counts = _journal(source)
    if counts != _journal(target):
        raise IncidentsError("the copy's history, batches, tombstones or accounts do not match the source's: the target "
                             "held some of its own; copy into an empty store")
    return {"batches": len(counts[0]), "history": len(counts[1]), "tombstones": len(counts[2]),
            "accounts": len(counts[3])}


def _take(counter: Counter, key: Any) -> bool:
    counter[key] -= 1
    return True


def _journal(store: Storage) -> tuple[list, list, list, list]:
    """Everything besides the incidents, comparable between two stores of any kind."""
    return (sorted(item.row() for item in store.batches()), sorted(_key(c.row()) for c in store.history()),
            sorted(item.row() for item in store.tombstones().values()),
            [sorted(row.items()) for row in users_of(store).all()])


def _key(row: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple("" if value is None else str(value) for value in row)


def copy_between(source_url: str, target_url: str) -> dict[str, Any]:
    """`copy_store` between the stores two URLs name; the source is opened read-only."""
    if store_url(source_url) == store_url(target_url):
        raise IncidentsError("--from and --to name the same store; give two different stores")
    source_text = store_url(source_url)
    if not source_text.startswith(POSTGRES_SCHEMES) and source_text not in ("memory:", ":memory:") \
            and not store_path(source_text).is_file():
        raise IncidentsError(f"no SQLite store at {store_path(source_text)}; check --from")
    source = open_store(source_url, read_only=True)
    try:
        target = open_store(target_url)
        try:
            return copy_store(source, target)
        finally:
            target.close()
    finally:
        source.close()


def backup(url: str | None, out: str | Path) -> dict[str, Any]:
    """An online copy of a SQLite store (SQLite's backup API: writers may go on), checked, written atomically."""
    path = _sqlite_only(url, "backup", "pg_dump")
    out = Path(out)
    if out.resolve() == path.resolve():
        raise IncidentsError("the backup file is the store itself; choose another path")
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        source = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            _copy_database(source, temporary)
        finally:
            source.close()
        count = _verified_count(temporary)
        os.replace(temporary, out)
    except sqlite3.DatabaseError as exc:
        raise StoreUnavailable(f"cannot back up the store at {path} ({exc}); if it is damaged, restore an older "
                               "backup") from None
    finally:
        temporary.unlink(missing_ok=True)
    return {"store": f"SQLite at {path}", "backup": str(out), "count": count, "verified": True}


def restore(url: str | None, backup_file: str | Path) -> dict[str, Any]:
    """Replace a SQLite store by a backup after checking the backup (integrity_check) and then the restored copy
    (integrity and count). Stop the app and imports first: the store file is replaced."""
    path = _sqlite_only(url, "restore", "pg_restore")
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise IncidentsError(f"no backup file at {backup_file}")
    try:
        expected = _verified_count(backup_file)
    except sqlite3.DatabaseError as exc:
        raise IncidentsError(f"the backup {backup_file} is not a usable store ({exc}); choose another") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.restore")
    try:
        source = sqlite3.connect(f"file:{backup_file.resolve()}?mode=ro", uri=True)
        try:
            _copy_database(source, temporary, journal="WAL")
        finally:
            source.close()
        if _verified_count(temporary) != expected:
            raise IncidentsError(f"the restored copy of {backup_file} does not match it; nothing was replaced")
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    store = open_store(str(path))  # migrates an older backup and records the clean check
    try:
        return {"store": store.describe(), "restored_from": str(backup_file), "count": store.count(),
                "verified": True}
    finally:
        store.close()


def _sqlite_only(url: str | None, what: str, instead: str) -> Path:
    text = store_url(url)
    if text.startswith(POSTGRES_SCHEMES):
        raise IncidentsError(f"{what} works on SQLite stores; for PostGIS use {instead} (or `python -m incidents copy "
                             "--from postgresql://… --to FILE.sqlite`)")
    if text in ("memory:", ":memory:"):
        raise IncidentsError(f"an in-memory store has nothing to {what}")
    return store_path(text)


def _copy_database(source: sqlite3.Connection, target: Path, journal: str = "DELETE") -> None:
    """`source` copied page by page into a new file at `target` (DELETE journal: one self-contained file)."""
    target.unlink(missing_ok=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        destination.execute(f"PRAGMA journal_mode = {journal}")
    finally:
        destination.close()


def _verified_count(path: Path) -> int:
    """The incident count of a SQLite file after a full integrity check; DatabaseError when it fails."""
    db = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    try:
        found = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        if found != ["ok"]:
            raise sqlite3.DatabaseError("integrity check failed: " + "; ".join(found[:3]))
        if schema_version_of(db) > migrations.latest("sqlite"):
            raise sqlite3.DatabaseError("written by a newer incident-map")
        return int(db.execute("SELECT count(*) FROM incidents").fetchone()[0])
    finally:
        db.close()
