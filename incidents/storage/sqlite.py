"""The default incident store: one SQLite file in WAL mode, every write a single transaction, readers never blocked."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from incidents import migrations
from incidents.errors import StoreUnavailable
from incidents.frames import FIELDS
from incidents.model import Incident, IncidentFilter
from incidents.storage.base import (
    Row,
    StoreDamaged,
    UpsertResult,
    check_expected,
    edited,
    plan_upsert,
    poll_for_change,
)
from incidents.storage.journal import (
    BATCH_COLUMNS,
    CREATED,
    HISTORY_COLUMNS,
    LOCAL,
    TOMBSTONE_COLUMNS,
    Batch,
    Change,
    Tombstone,
    Writes,
    batch_from_row,
    change_from_row,
    changes_between,
    history_query,
    now_iso,
    tombstone_from_row,
    upsert_changes,
)
from incidents.storage.rows import (
    CATALOG,
    COLUMNS,
    box_around,
    catalog_frame,
    chunked,
    frame_from_rows,
    from_row,
    to_row,
)

KIND = "sqlite"
SCHEMA_VERSION = migrations.latest(KIND)
BUSY_TIMEOUT_MS = 5000
WRITE_TIMEOUT_MS = 120_000  # a writer queues behind another import (readers never wait: WAL)
CHUNK = 500
BULK_ROWS = 10_000  # an upsert into empty tables drops their secondary indexes past this many rows (_BulkIndexes)
BULK_CACHE_KIB = 65_536  # the page cache while such a load runs: fewer pages spilled mid-write, index sorts in memory
ID = FIELDS.index("id")
RECOVER = ("restore a backup with `python -m incidents restore BACKUP_FILE` (make one of a healthy store with "
           "`python -m incidents backup OUT_FILE`), or salvage the rows with `sqlite3 FILE .recover`")
INSERT = f"INSERT INTO incidents ({COLUMNS}, day, row_version) VALUES ({', '.join('?' for _ in FIELDS)}, ?, 1)"
# None binds as NULL with or without an adapter; registering one ({}.get gives None for any key, in C) spares the
# sqlite3 module its search for one (__adapt__, __conform__) on every None parameter: a quarter of an import's inserting
sqlite3.register_adapter(type(None), {}.get)
UPSERT = (f"{INSERT} ON CONFLICT (id) DO UPDATE SET {', '.join(f'{name} = excluded.{name}' for name in FIELDS if name != 'id')}, "
          "day = excluded.day, row_version = incidents.row_version + 1")


class SQLiteStore:
    """Incidents in a SQLite file: WAL journal, busy timeout, upsert by id in one transaction.

    Opening never takes a write lock unless a migration is due; `read_only=True` opens the file read-only (readers
    never wait for writers). The file's integrity is checked on open when it changed since the last check.
    """

    takes_store_rows = True  # upsert also takes importers.fast_csv.StoreRow items (an incident's row values)

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.damage: str | None = None
        self._lock = threading.RLock()
        self._seen: tuple[int, int] | None = None  # (PRAGMA data_version, counter) last read
        self._version_lock = threading.Lock()
        self._version_db: sqlite3.Connection | None = None  # version() reads here, never waiting for self._lock
        try:
            if not self.path.exists() or self.path.stat().st_size == 0:
                migrate_file(self.path)
            self._db = _connect(self.path, read_only)
        except (sqlite3.Error, OSError) as exc:
            raise self._cannot_open(exc) from None
        try:
            self._check_integrity()
            if not self.damage:
                self._migrate_if_due()
        except BaseException as exc:
            self._db.close()
            if isinstance(exc, (sqlite3.Error, OSError)):
                raise self._cannot_open(exc) from None
            raise

    def _cannot_open(self, exc: BaseException) -> StoreUnavailable:
        return StoreUnavailable(f"cannot open the SQLite store at {self.path}: {exc}; check INCIDENTS_DB or "
                                "remove the file")

    def _check_integrity(self) -> None:
        """PRAGMA quick_check when the file changed since the last clean check (recorded in the user's cache)."""
        if not needs_check(self.path):
            return
        try:
            found = [row[0] for row in self._db.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            found = [str(exc)]
        if found != ["ok"]:
            self.damage = "; ".join(found[:3])
        else:
            _write_stamp(self.path)

    def _migrate_if_due(self) -> None:
        found = schema_version_of(self._db)
        if found > SCHEMA_VERSION:
            raise StoreUnavailable(migrations.too_new_message(str(self.path), found, KIND))
        if found < SCHEMA_VERSION:
            migrate_file(self.path)

    def _transaction(self) -> _Transaction:
        if self.damage:
            raise StoreDamaged(f"the store at {self.path} is damaged ({self.damage}); writes are refused. {RECOVER}")
        if self.read_only:
            raise StoreUnavailable(f"the store at {self.path} was opened read-only; nothing was changed")
        return _Transaction(self._db, self._lock)

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, tuple(params)).fetchall()
            except sqlite3.DatabaseError as exc:
                raise StoreUnavailable(f"the store at {self.path} cannot be read ({exc}); it may be damaged: "
                                       f"{RECOVER}") from None

    def upsert(self, incidents: Iterable[Incident], overwrite: Iterable[str] = (),
               expected: Mapping[str, int] | None = None, actor: str = LOCAL, reason: str = "",
               batch: Batch | None = None) -> UpsertResult:
        """Insert new ids, merge existing ones (see base.merge), `incidents` read in chunks, all in one transaction;
        deleted ids stay deleted; the history (and the batch, if given) recorded in the same transaction."""
        allowed = tuple(overwrite)
        total = UpsertResult()
        with self._transaction():
            indexes = _BulkIndexes(self._db, ("incidents", "history"))
            stones = self._db.execute("SELECT 1 FROM tombstones LIMIT 1").fetchone() is not None  # none added here
            for chunk in chunked(incidents, CHUNK):
                gone = self._tombstoned([item.id for item in chunk]) if stones else set()
                kept = [item for item in chunk if item.id not in gone] if gone else chunk
                rows = self._rows([item.id for item in kept])
                check_expected(expected, rows, (item.id for item in kept))
                existing = {key: row.incident for key, row in rows.items()}
                if existing:  # an import's new rows may be row values (StoreRow): an Incident to merge
                    kept = [item if isinstance(item, Incident) or item.id not in existing else item.incident()
                            for item in kept]
                plan = plan_upsert(kept, existing, overwrite=allowed)
                self._insert(plan.new, plan.now)  # new rows stamped as they are encoded
                self._write(plan.updates)
                self._log_created([item.id for item in plan.new], actor, reason, batch.id if batch else None)
                self._log(upsert_changes((), plan.updates, existing, actor, reason, batch.id if batch else None))
                total += plan.result + UpsertResult(unchanged=len(chunk) - len(kept))
                indexes.wrote(len(plan.new) + len(plan.updates))
            indexes.rebuild()
            if batch is not None and total.wrote:  # a batch that wrote nothing has nothing to list or undo
                self._record_batch(batch, total)
            if total.wrote:
                self._bump()
        return total

    def update(self, incident_id: str, changes: Mapping[str, Any], expected_version: int, actor: str = LOCAL,
               reason: str = "") -> Row:
        """Edit one incident based on `expected_version`; EditConflict when someone saved it since; recorded."""
        with self._transaction():
            row = self._rows([incident_id]).get(incident_id)
            incident = edited(row, incident_id, changes, expected_version)
            self._write([incident])
            self._log(changes_between(row.incident, incident, actor, now_iso(), reason))
            self._bump()
        return Row(incident, expected_version + 1)

    def apply(self, writes: Writes) -> None:
        """Write rows as given, move tombstoned rows out, remove undone creations, record history and batch: one
        transaction; EditConflict when a row moved on from its expected version."""
        with self._transaction():
            ids = [item.id for item in writes.rows] + [item.id for item in writes.tombstones] + list(writes.removed)
            check_expected(writes.expected, self._rows(list(writes.expected or ())), writes.expected or ())
            self._write(list(writes.rows))
            gone = [item.id for item in writes.tombstones] + list(writes.removed)
            for chunk in chunked(gone, CHUNK):
                self._db.execute(f"DELETE FROM incidents WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)
            self._db.executemany(f"INSERT OR REPLACE INTO tombstones ({TOMBSTONE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                                 [item.row() for item in writes.tombstones])
            for chunk in chunked(list(writes.revived), CHUNK):
                self._db.execute(f"DELETE FROM tombstones WHERE id IN ({_marks(len(chunk))})", chunk)
            self._log(writes.changes)
            if writes.batch is not None:
                self._db.execute(f"INSERT OR REPLACE INTO batches ({BATCH_COLUMNS}) VALUES ({_marks(10)})",
                                 writes.batch.row())
            if ids:
                self._bump()

    def _log(self, changes: Iterable[Change]) -> None:
        self._history_rows(change.row() for change in changes)

    def _log_created(self, ids: list[str], actor: str, reason: str, batch: str | None) -> None:
        """One 'created' history entry per new incident (what upsert_changes gives them), in the order of `ids`: one
        statement over the ids as a JSON array (a statement per row costs ~4x as much: AUTOINCREMENT each time)."""
        at = now_iso()
        listed = json.dumps(ids)
        if not ids or "\\u0000" in listed:  # NUL in an id: bound row by row, as text of its exact length
            self._history_rows([(key, CREATED, None, None, actor, at, reason, batch) for key in ids])
            return
        self._db.execute(f"INSERT INTO history ({HISTORY_COLUMNS}) SELECT value, ?, NULL, NULL, ?, ?, ?, ? "
                         "FROM json_each(?) ORDER BY key", (CREATED, actor, at, reason, batch, listed))

    def _history_rows(self, rows: Iterable[tuple]) -> None:
        self._db.executemany(f"INSERT INTO history ({HISTORY_COLUMNS}) VALUES ({_marks(8)})", rows)

    def _record_batch(self, batch: Batch, result: UpsertResult) -> None:
        done = Batch(batch.id, batch.kind, batch.source, batch.sha256, batch.actor, batch.at or now_iso(),
                     result.inserted, result.updated, result.unchanged)
        self._db.execute(f"INSERT INTO batches ({BATCH_COLUMNS}) VALUES ({_marks(10)})", done.row())

    def _tombstoned(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        return {row[0] for row in self._read(f"SELECT id FROM tombstones WHERE id IN ({_marks(len(ids))})", ids)}

    def history(self, incident_id: str | None = None, since: str | None = None,
                batch: str | None = None) -> list[Change]:
        """The recorded changes, oldest first: of one incident, from a time on (ISO text), or of one batch."""
        query, params = history_query("?", incident_id, since, batch)
        return [change_from_row(row) for row in self._read(query, params)]

    def batches(self) -> list[Batch]:
        return [batch_from_row(row) for row in self._read(f"SELECT {BATCH_COLUMNS} FROM batches ORDER BY at, id")]

    def tombstones(self, ids: Iterable[str] | None = None) -> dict[str, Tombstone]:
        rows = self._read(f"SELECT {TOMBSTONE_COLUMNS} FROM tombstones ORDER BY id")
        wanted = None if ids is None else set(ids)
        return {row[0]: tombstone_from_row(row) for row in rows if wanted is None or row[0] in wanted}

    def load(self, incidents: Iterable[Incident]) -> int:
        """Write rows exactly as given (timestamps kept), replacing any with the same id; for copies and restores."""
        written = 0
        with self._transaction():
            for chunk in chunked(incidents, CHUNK):
                self._write(chunk)
                written += len(chunk)
            if written:
                self._bump()
        return written

    def _write(self, rows: list[Incident], now: str = "") -> None:
        """Upsert `rows`; with `now`, their empty created_at and updated_at written as `now`."""
        self._db.executemany(UPSERT, (to_row(item, now) for item in rows))

    def _insert(self, rows: list[Incident], now: str) -> None:
        """Insert rows whose ids the store does not hold (looked up in the same transaction), stamped with `now`;
        an import's rows may come as their values already (importers.fast_csv.StoreRow)."""
        self._db.executemany(INSERT, (to_row(item, now) if isinstance(item, Incident) else item.stamped(now)
                                      for item in rows))

    def _bump(self) -> None:
        self._db.execute("UPDATE meta SET value = value + 1 WHERE key = 'data_version'")
        self._seen = None

    def _rows(self, ids: list[str]) -> dict[str, Row]:
        found: dict[str, Row] = {}
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in self._read(f"SELECT {COLUMNS}, row_version FROM incidents WHERE id IN ({marks})", chunk):
                found[row[ID]] = Row(from_row(row[:-1]), int(row[-1]))
        return found

    def _select(self, where: str = "", params: Iterable[Any] = (), order: str = "day, id") -> list[Incident]:
        return [from_row(row) for row in self._read(f"SELECT {COLUMNS} FROM incidents {where} ORDER BY {order}",
                                                    params)]

    def all(self) -> list[Incident]:
        return self._select()

    def frame(self) -> pd.DataFrame:
        """Every incident as a frame, built from the rows directly (they were validated when written)."""
        return frame_from_rows(self._read(f"SELECT {COLUMNS} FROM incidents ORDER BY day, id"))

    def select(self, flt: IncidentFilter) -> pd.DataFrame:
        """The incidents passing `flt`: window, types, places and box in SQL (indexed), the rest on the result."""
        from incidents.selection import select

        where, params = sql_filter(flt)
        return select(frame_from_rows(self._read(f"SELECT {COLUMNS} FROM incidents {where} ORDER BY day, id",
                                                 params)), flt)

    def catalog(self, flt: IncidentFilter, columns: tuple[str, ...] = CATALOG) -> pd.DataFrame:
        """Only `columns` (with lat and lon) of the incidents passing the filter's window, types, places, box and
        distance band, straight from SQL (free text needs `select`)."""
        columns = tuple(dict.fromkeys((*columns, "lat", "lon")))
        where, params = sql_filter(flt)
        rows = self._read(f"SELECT {', '.join(columns)} FROM incidents {where} ORDER BY day, id", params)
        return catalog_frame(rows, columns, flt)

    def get(self, incident_id: str) -> Incident | None:
        found = self._select("WHERE id = ?", (incident_id,))
        return found[0] if found else None

    def get_row(self, incident_id: str) -> Row | None:
        return self._rows([incident_id]).get(incident_id)

    def get_rows(self, ids: Iterable[str]) -> dict[str, Row]:
        """The stored rows (incident and row version) of those `ids` that exist."""
        return self._rows(list(ids))

    def scan(self, after: str | None = None, limit: int = 1000) -> list[Incident]:
        """Up to `limit` incidents with ids after `after`, by id (a stable order to page through a store)."""
        return self._select("WHERE id > ?", (after or "",), order=f"id LIMIT {int(limit)}")

    def delete(self, ids: Iterable[str]) -> int:
        wanted = list(dict.fromkeys(ids))
        gone = 0
        with self._transaction():
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start:start + CHUNK]
                marks = ", ".join("?" for _ in chunk)
                gone += self._db.execute(f"DELETE FROM incidents WHERE id IN ({marks})", chunk).rowcount
            if gone:
                self._bump()
        return gone

    def count(self) -> int:
        return int(self._read("SELECT count(*) FROM incidents")[0][0])

    def version(self) -> int:
        """The store's write counter; a cheap PRAGMA data_version decides whether anyone wrote since the last call.
        Asked on a connection of its own, so it never waits for a long read or a write of another thread (a server
        asks it on every page run while another session's catalog is read)."""
        with self._version_lock:
            try:
                if self._version_db is None:
                    self._version_db = _connect(self.path, self.read_only)
                marker = int(self._version_db.execute("PRAGMA data_version").fetchone()[0])
                if self._seen is None or self._seen[0] != marker:
                    found = self._version_db.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
                    self._seen = (marker, int(found[0]))
                return self._seen[1]
            except sqlite3.DatabaseError as exc:
                raise StoreUnavailable(f"the store at {self.path} cannot be read ({exc}); it may be damaged: "
                                       f"{RECOVER}") from None

    def wait_for_change(self, since: int, timeout: float) -> int:
        """Block until the version differs from `since` (another process saved) or `timeout` seconds pass."""
        return poll_for_change(self, since, timeout)

    def schema_version(self) -> int:
        with self._lock:
            return schema_version_of(self._db)

    def describe(self) -> str:
        return f"SQLite at {self.path}"

    def close(self) -> None:
        with self._lock:
            self._db.close()
        with self._version_lock:
            if self._version_db is not None:
                self._version_db.close()
        if not self.damage and not self.read_only:
            _write_stamp(self.path)


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


class _BulkIndexes:
    """The secondary indexes of the tables that were empty when a write began: dropped once it has written BULK_ROWS
    rows (filling a table and then indexing it is faster than updating its indexes row by row) and created again,
    as they were, by `rebuild` before the write commits. Both happen inside the write's transaction, so a write
    that fails or is killed leaves the indexes as they were. Meanwhile the connection's page cache is BULK_CACHE_KIB
    (memory only: what is written and when it is synced stay the same)."""

    def __init__(self, db: sqlite3.Connection, tables: tuple[str, ...]) -> None:
        self._db = db
        self._empty = [table for table in tables if db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None]
        self._written = 0
        self._dropped: list[str] = []
        self._cache: int | None = None  # the cache_size to restore

    def wrote(self, rows: int) -> None:
        self._written += rows
        if self._empty and self._written >= BULK_ROWS:
            self._cache = self._db.execute("PRAGMA cache_size").fetchone()[0]
            self._db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
            for table in self._empty:
                for name, sql in self._db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                                  "tbl_name = ? AND sql IS NOT NULL", (table,)).fetchall():
                    self._db.execute(f'DROP INDEX "{name}"')
                    self._dropped.append(sql)
            self._empty = []

    def rebuild(self) -> None:
        for sql in self._dropped:
            self._db.execute(sql)
        self._dropped = []
        if self._cache is not None:
            self._db.execute(f"PRAGMA cache_size = {int(self._cache)}")
            self._cache = None


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises; holds the store's lock."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def __enter__(self) -> sqlite3.Connection:
        self._lock.acquire()
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            self._lock.release()
            raise StoreUnavailable(f"the store is busy or read-only ({exc}); try again later") from None
        except BaseException:
            self._lock.release()
            raise
        return self._db

    def __exit__(self, kind, value, trace) -> None:
        try:
            self._db.execute("COMMIT" if kind is None else "ROLLBACK")
        finally:
            self._lock.release()
        if kind is not None and issubclass(kind, sqlite3.OperationalError):
            raise StoreUnavailable(f"the store cannot be written ({value}); nothing was changed") from None


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        db = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, isolation_level=None,
                             timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    else:
        db = sqlite3.connect(path, timeout=WRITE_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS if read_only else WRITE_TIMEOUT_MS}")
    return db


def schema_version_of(db: sqlite3.Connection) -> int:
    """The schema version of an open SQLite store (0 for an empty file)."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone():
        return 0
    return int(db.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])


def migrate_file(path: Path, target: int | None = None) -> list[int]:
    """Apply the due migrations to the SQLite file at `path` (created if missing) in one transaction; the
    versions applied. A store newer than this program is refused."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=WRITE_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            found = schema_version_of(db)
            if found > SCHEMA_VERSION:
                raise StoreUnavailable(migrations.too_new_message(str(path), found, KIND))
            steps = migrations.due(KIND, found, target)
            for step in steps:
                for statement in step.statements():
                    db.execute(statement)
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (step.number,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return [step.number for step in steps]
    finally:
        db.close()


def sql_filter(flt: IncidentFilter) -> tuple[str, list[Any]]:
    """A WHERE clause for the indexed parts of a filter: day window, types, regions, countries, verification, box."""
    parts: list[str] = []
    params: list[Any] = []
    if flt.start:
        parts.append("day >= ?")
        params.append(flt.start.isoformat())
    if flt.end:
        parts.append("day <= ?")
        params.append(flt.end.isoformat())
    for column, wanted in (("event_type", flt.event_types), ("admin1", flt.regions), ("country", flt.countries),
                           ("verification", flt.verification), ("review", flt.review)):
        if wanted:
            parts.append(f"{column} IN ({', '.join('?' for _ in wanted)})")
            params.extend(wanted)
    if flt.bbox is not None:
        south, west, north, east = flt.bbox
        parts.append("lat BETWEEN ? AND ?")
        params += [south, north]
        parts.append("lon BETWEEN ? AND ?" if west <= east else "(lon >= ? OR lon <= ?)")
        params += [west, east]
    if flt.distance_km is not None and flt.reference is not None:  # a box holding the band; exact on the result
        west, south, east, north = box_around(flt.reference[0], flt.reference[1], flt.distance_km[1])
        parts.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
        params += [south, north, west, east]
    return ("WHERE " + " AND ".join(parts) if parts else ""), params


def needs_check(path: Path) -> bool:
    """True when the file's size or modification time differs from those of its last clean check."""
    return _stamp(path) != _read_stamp(path)


def _stamp(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def _stamp_path(path: Path) -> Path:
    """Where the last clean check of a store file is recorded: the user's cache folder (not beside the store)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "incident-map" / "store-checks"
    cache.mkdir(parents=True, exist_ok=True)
    return cache / (hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest() + ".json")


def _read_stamp(path: Path) -> list[int] | None:
    try:
        return json.loads(_stamp_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_stamp(path: Path) -> None:
    """Record the file's size and time as checked (best effort: a read-only folder only means checking again)."""
    try:
        target = _stamp_path(path)
        temporary = target.with_name(target.name + f".{os.getpid()}")
        temporary.write_text(json.dumps(_stamp(path)), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        return
