"""The default incident store: one SQLite file in WAL mode, every write a single transaction."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator

import pandas as pd

from incidents.errors import StoreUnavailable
from incidents.frames import FIELDS, JSON_FIELDS, empty_frame, finish_frame, share_empties
from incidents.model import Incident
from incidents.storage.base import UpsertResult, plan_upsert

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 5000
INTEGER_FIELDS = ("killed", "injured", "drones_downed", "zero_zero_intended")
REAL_FIELDS = ("lat", "lon")
CHUNK = 500


def _column_type(name: str) -> str:
    if name in INTEGER_FIELDS:
        return "INTEGER"
    if name in REAL_FIELDS:
        return "REAL NOT NULL"
    return "TEXT"


SCHEMA = f"""
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO meta (key, value) VALUES ('data_version', 0);
CREATE TABLE IF NOT EXISTS incidents (
    {", ".join(f"{name} {'TEXT PRIMARY KEY' if name == 'id' else _column_type(name)}" for name in FIELDS)},
    day TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_day ON incidents (day);
"""
INSERT = (f"INSERT OR REPLACE INTO incidents ({', '.join(FIELDS)}, day) "
          f"VALUES ({', '.join('?' for _ in FIELDS)}, ?)")


class SQLiteStore:
    """Incidents in a SQLite file: WAL journal, busy timeout, upsert by id in one transaction."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                       check_same_thread=False)
            self._prepare()
        except (sqlite3.Error, OSError) as exc:
            raise StoreUnavailable(f"cannot open the SQLite store at {self.path}: {exc}; "
                                   "check INCIDENTS_DB or remove the file") from None

    def _prepare(self) -> None:
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        with self._transaction():
            for statement in filter(str.strip, SCHEMA.split(";")):
                self._db.execute(statement)
            found = self._db.execute("SELECT max(version) FROM schema_version").fetchone()[0]
            if found is None:
                self._db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            elif found > SCHEMA_VERSION:
                raise StoreUnavailable(f"the store at {self.path} has schema version {found}, newer than this "
                                       f"program's {SCHEMA_VERSION}; upgrade incident-map")

    def _transaction(self) -> "_Transaction":
        return _Transaction(self._db, self._lock)

    def upsert(self, incidents: Iterable[Incident]) -> UpsertResult:
        incoming = list(incidents)
        with self._transaction():
            existing = {item.id: item for item in self._fetch([item.id for item in incoming])}
            plan = plan_upsert(incoming, existing)
            self._write(plan.inserts + plan.updates)
            if plan.changes:
                self._bump()
        return plan.result

    def _write(self, rows: list[Incident]) -> None:
        self._db.executemany(INSERT, (_to_row(item) for item in rows))

    def _bump(self) -> None:
        self._db.execute("UPDATE meta SET value = value + 1 WHERE key = 'data_version'")

    def _fetch(self, ids: list[str]) -> Iterator[Incident]:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            marks = ", ".join("?" for _ in chunk)
            yield from self._select(f"WHERE id IN ({marks})", chunk)

    def _select(self, where: str = "", params: Iterable[Any] = ()) -> list[Incident]:
        return [Incident.from_dict(record) for record in self._records(where, params)]

    def _records(self, where: str = "", params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cursor = self._db.execute(f"SELECT {', '.join(FIELDS)} FROM incidents {where} ORDER BY day, id",
                                      tuple(params))
            return [_from_row(row) for row in cursor.fetchall()]

    def all(self) -> list[Incident]:
        return self._select()

    def frame(self) -> pd.DataFrame:
        """Every incident as a frame, built from the rows directly (they were validated when written)."""
        with self._lock:
            rows = self._db.execute(f"SELECT {', '.join(FIELDS)} FROM incidents ORDER BY day, id").fetchall()
        if not rows:
            return empty_frame()
        return finish_frame({name: _column_values(name, values) for name, values in zip(FIELDS, zip(*rows))})

    def get(self, incident_id: str) -> Incident | None:
        found = self._select("WHERE id = ?", (incident_id,))
        return found[0] if found else None

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
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM incidents").fetchone()[0])

    def version(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()[0])

    def schema_version(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT max(version) FROM schema_version").fetchone()[0])

    def describe(self) -> str:
        return f"SQLite at {self.path}"

    def close(self) -> None:
        with self._lock:
            self._db.close()


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


def _to_row(incident: Incident) -> tuple[Any, ...]:
    data = incident.to_dict()
    values = []
    for name in FIELDS:
        value = data[name]
        if name in JSON_FIELDS:
            value = None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif name == "zero_zero_intended":
            value = int(bool(value))
        values.append(value)
    return (*values, incident.started_at[:10])


def _from_row(row: tuple[Any, ...]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for name, value in zip(FIELDS, row):
        if value is None:
            continue
        if name in JSON_FIELDS:
            value = json.loads(value)
            if value is None:
                continue
        elif name == "zero_zero_intended":
            value = bool(value)
        record[name] = value
    return record


def _column_values(name: str, values: tuple[Any, ...]) -> list[Any]:
    """One column of raw rows as the frame wants it: JSON decoded, missing values given their defaults
    (the same values _from_row and _default give, a column at a time)."""
    if name == "sources":
        return share_empties(name, [[_full_source(source) for source in _decoded(name, text) or ()] for text in values])
    if name in JSON_FIELDS:
        return share_empties(name, [_decoded(name, text) for text in values])
    if name == "zero_zero_intended":
        return [bool(value) for value in values]
    if name in _DEFAULTS:
        default = _DEFAULTS[name]
        return [default if value is None else value for value in values]
    return list(values)


def _decoded(name: str, text: str | None) -> Any:
    """A JSON cell, skipping the parser for the common empty values; missing or null gives the default."""
    if text == "{}":
        return {}
    if text == "[]":
        return []
    value = None if text is None else json.loads(text)
    return _default(name) if value is None else value


def _full_source(source: dict[str, Any]) -> dict[str, str]:
    return {key: str(source.get(key) or "") for key in ("title", "url", "published", "excerpt")}


_DEFAULTS = {"place": "", "admin1": "", "country": "", "notes": "", "origin": {}, "evidence": {},
             "zero_zero_intended": False}


def _default(name: str) -> Any:
    value = _DEFAULTS.get(name)
    return dict(value) if isinstance(value, dict) else value
