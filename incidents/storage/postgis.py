"""The team store: PostgreSQL + PostGIS through psycopg 3 and its pool; COPY for bulk writes, filters in the database."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from incidents import migrations
from incidents.errors import StoreUnavailable
from incidents.frames import FIELDS, JSON_FIELDS
from incidents.model import Incident, IncidentFilter
from incidents.storage.base import (
    Row,
    UpsertResult,
    check_expected,
    edited,
    plan_upsert,
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
    box_around,
    catalog_frame,
    chunked,
    frame_from_rows,
    from_row,
    to_row,
)

logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())  # faults reach users as StoreUnavailable
KIND = "postgis"
SCHEMA_VERSION = migrations.latest(KIND)
CHANNEL = "incidents_changed"
CHUNK = 5000
LOCK_KEY = 7_412_316  # advisory lock taken while migrating
DEFER_KEY = 7_412_317  # advisory lock of the one import that may build an empty table's indexes after its load
DEFER_AT = CHUNK  # an import whose first chunk is this full, into an empty table, builds the indexes after the load
ID = FIELDS.index("id")
WRITTEN = (*FIELDS, "day")
READ = ", ".join(f"{name}::text" if name in JSON_FIELDS else name for name in FIELDS)
UPDATE_ALL = ", ".join(f"{name} = excluded.{name}" for name in WRITTEN if name != "id")
MOVE = f"INSERT INTO incidents ({', '.join(WRITTEN)}) SELECT {', '.join(WRITTEN)} FROM stage ORDER BY id "
MOVE_REPLACING = MOVE + f"ON CONFLICT (id) DO UPDATE SET {UPDATE_ALL}, row_version = incidents.row_version + 1"
MOVE_NEW = MOVE + "ON CONFLICT (id) DO NOTHING RETURNING id"
IDS = "ANY((SELECT ids FROM wanted)::text[])"  # an array (an initplan), not a set of rows
WANTED = "wanted AS MATERIALIZED (SELECT ARRAY(SELECT jsonb_array_elements_text(%s::jsonb)) AS ids)"
TOMBSTONED = f"WITH {WANTED} SELECT id FROM tombstones WHERE id = {IDS}"
FOUND = f"SELECT {READ}, row_version FROM incidents WHERE id = {IDS} ORDER BY id"
GONE = ", ".join("id" if name == "id" else "NULL" for name in FIELDS) + ", NULL"
LOOKUP = (f"WITH {WANTED}, found AS MATERIALIZED ({FOUND} FOR UPDATE) SELECT false, * FROM found "
          f"UNION ALL SELECT true, {GONE} FROM tombstones WHERE id = {IDS}")


def pg_url(text: str) -> str:
    """postgis:// and postgres:// as the postgresql:// URL libpq takes."""
    return re.sub(r"^(postgis|postgres)://", "postgresql://", text.strip())


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


class PostGISStore:
    """Incidents in PostgreSQL with PostGIS: a geometry(Point, 4326) per row, upserts by id in one transaction.

    Connection faults raise StoreUnavailable (the pool checks each connection before use, so the store recovers by
    itself when the server returns). A store older than this program must be migrated (`python -m incidents
    migrate`); an empty database gets the schema on first open.
    """

    def __init__(self, url: str, read_only: bool = False, pool_size: int = 4, timeout: float = 5.0,
                 migrate: bool = False) -> None:
        from psycopg_pool import ConnectionPool

        self.url = pg_url(url)
        self.where = _safe(self.url)
        self.read_only = read_only
        self._pool = ConnectionPool(self.url, min_size=1, max_size=pool_size, timeout=timeout, open=False,
                                    check=ConnectionPool.check_connection, kwargs={"connect_timeout": 3},
                                    name="incidents")
        self._listener: Any = None
        self.applied: list[int] = []  # migrations this open applied
        self._prepare(migrate)
        self._pool.open(wait=False)

    def _unavailable(self, exc: BaseException) -> StoreUnavailable:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        state = getattr(exc, "sqlstate", None)
        if state and not state.startswith(("08", "57P")):
            return StoreUnavailable(f"the PostGIS store at {self.where} is busy ({reason}); try again; "
                                    "nothing was changed")
        return StoreUnavailable(f"the PostGIS store at {self.where} is unreachable ({reason}); start the server or "
                                "check INCIDENTS_DB; nothing was changed")

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        """A pooled connection inside one transaction; server faults become StoreUnavailable."""
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            with self._pool.connection() as conn, conn.transaction():
                yield conn
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise self._unavailable(exc) from None

    @contextmanager
    def _direct(self) -> Iterator[Any]:
        """One unpooled connection in a transaction (the first contact reports libpq's reason at once)."""
        import psycopg

        try:
            with psycopg.connect(self.url, connect_timeout=3) as conn, conn.transaction():
                yield conn
        except psycopg.OperationalError as exc:
            raise self._unavailable(exc) from None

    def _prepare(self, migrate: bool) -> None:
        with self._direct() as conn:
            found = schema_version_of(conn)
        if found > SCHEMA_VERSION:
            raise StoreUnavailable(migrations.too_new_message(self.where, found, KIND))
        if found < SCHEMA_VERSION:
            if found and not migrate:
                raise StoreUnavailable(migrations.too_old_message(self.where, found, KIND))
            self.applied = self.migrate()

    def migrate(self, target: int | None = None) -> list[int]:
        """Apply the due migrations in one transaction (an advisory lock keeps two migrators apart)."""
        with self._direct() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            found = schema_version_of(conn)
            if found > SCHEMA_VERSION:
                raise StoreUnavailable(migrations.too_new_message(self.where, found, KIND))
            steps = migrations.due(KIND, found, target)
            for step in steps:
                conn.execute(step.sql)
                conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (step.number,))
        return [step.number for step in steps]

    def schema_version(self) -> int:
        with self._connection() as conn:
            return schema_version_of(conn)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreUnavailable(f"the store at {self.where} was opened read-only; nothing was changed")

    def upsert(self, incidents: Iterable[Incident], overwrite: Iterable[str] = (),
               expected: Mapping[str, int] | None = None, actor: str = LOCAL, reason: str = "",
               batch: Batch | None = None) -> UpsertResult:
        """Insert new ids, merge existing ones (see base.merge), `incidents` read in chunks, all in one transaction;
        deleted ids stay deleted; the history (and the batch, if given) recorded in the same transaction.

        Rows are COPYed into a temporary table and moved with INSERT … ON CONFLICT; existing rows are locked
        (FOR UPDATE) while merged, so concurrent imports never lose each other's sources.
        """
        self._writable()
        allowed = tuple(overwrite)
        total = UpsertResult()
        batch_id = batch.id if batch else None
        with self._connection() as conn:
            _stage_table(conn)
            load = BulkLoad()
            for number, chunk in enumerate(chunked(incidents, CHUNK)):
                if number == 0 and len(chunk) >= DEFER_AT:
                    load = _defer_indexes(conn)
                gone, rows = load.lookup(conn, [item.id for item in chunk])
                kept = [item for item in chunk if item.id not in gone]
                total += self._upsert_chunk(conn, kept, allowed, expected, (actor, reason, batch_id), rows)
                total += UpsertResult(unchanged=len(chunk) - len(kept))
            load.finish(conn)
            if batch is not None and total.wrote:  # a batch that wrote nothing has nothing to list or undo
                done = Batch(batch.id, batch.kind, batch.source, batch.sha256, batch.actor, batch.at or now_iso(),
                             total.inserted, total.updated, total.unchanged)
                conn.execute(f"INSERT INTO batches ({BATCH_COLUMNS}) VALUES ({_marks(10)})", done.row())
            if total.wrote:
                self._bump(conn)
        return total

    def _upsert_chunk(self, conn: Any, chunk: list[Incident], allowed: tuple[str, ...],
                      expected: Mapping[str, int] | None, who: tuple[str, str, str | None],
                      rows: dict[str, Row] | None = None) -> UpsertResult:
        """Upsert one chunk, its stored `rows` already locked (else locked here); new rows stamped as encoded."""
        if rows is None:
            rows = _rows(conn, [item.id for item in chunk], lock=True)
        check_expected(expected, rows, (item.id for item in chunk))
        existing = {key: row.incident for key, row in rows.items()}
        plan = plan_upsert(chunk, existing, overwrite=allowed)
        if plan.updates:
            _copy_stage(conn, plan.updates)
            conn.execute(MOVE_REPLACING)
        added = _insert_new(conn, plan.new, plan.now)
        raced: list[Incident] = []  # inserted by another import meanwhile
        if len(added) < len(plan.new):
            took = set(added)
            raced = [item for item in plan.new if item.id not in took]
            added = [item.id for item in plan.new if item.id in took]
        _log_created(conn, added, who)
        _log(conn, upsert_changes((), plan.updates, existing, *who))
        if not raced:
            return plan.result
        again = self._upsert_chunk(conn, raced, allowed, expected, who)
        first = plan.result
        return UpsertResult(first.inserted - len(raced), first.updated, first.unchanged, first.changed_fields,
                            first.kept_fields, first.changes) + again

    def update(self, incident_id: str, changes: Mapping[str, Any], expected_version: int, actor: str = LOCAL,
               reason: str = "") -> Row:
        """Edit one incident based on `expected_version`; EditConflict when someone saved it since; recorded."""
        self._writable()
        with self._connection() as conn:
            row = _rows(conn, [incident_id], lock=True).get(incident_id)
            incident = edited(row, incident_id, changes, expected_version)
            _stage_table(conn)
            _copy_stage(conn, [incident])
            conn.execute(MOVE_REPLACING)
            _log(conn, changes_between(row.incident, incident, actor, now_iso(), reason))
            self._bump(conn)
        return Row(incident, expected_version + 1)

    def apply(self, writes: Writes) -> None:
        """Write rows as given, move tombstoned rows out, remove undone creations, record history and batch: one
        transaction; EditConflict when a row moved on from its expected version."""
        self._writable()
        with self._connection() as conn:
            locked = sorted({*(writes.expected or ()), *(item.id for item in writes.rows)})
            check_expected(writes.expected, _rows(conn, locked, lock=True), writes.expected or ())
            if writes.rows:
                _stage_table(conn)
                _copy_stage(conn, list(writes.rows))
                conn.execute(MOVE_REPLACING)
            gone = [item.id for item in writes.tombstones] + list(writes.removed)
            if gone:
                conn.execute("DELETE FROM incidents WHERE id = ANY(%s)", (gone,))
            for item in writes.tombstones:
                conn.execute(f"INSERT INTO tombstones ({TOMBSTONE_COLUMNS}) VALUES ({_marks(6)}) ON CONFLICT (id) "
                             "DO UPDATE SET at = excluded.at, actor = excluded.actor, reason = excluded.reason, "
                             "merged_into = excluded.merged_into, record = excluded.record", item.row())
            if writes.revived:
                conn.execute("DELETE FROM tombstones WHERE id = ANY(%s)", (list(writes.revived),))
            _log(conn, writes.changes)
            if writes.batch is not None:
                conn.execute(f"INSERT INTO batches ({BATCH_COLUMNS}) VALUES ({_marks(10)}) ON CONFLICT (id) DO UPDATE "
                             "SET undone_by = excluded.undone_by", writes.batch.row())
            self._bump(conn)

    def history(self, incident_id: str | None = None, since: str | None = None,
                batch: str | None = None) -> list[Change]:
        """The recorded changes, oldest first: of one incident, from a time on (ISO text), or of one batch."""
        query, params = history_query("%s", incident_id, since, batch)
        return [change_from_row(row) for row in self._query(query, params)]

    def batches(self) -> list[Batch]:
        return [batch_from_row(row) for row in self._query(f"SELECT {BATCH_COLUMNS} FROM batches ORDER BY at, id")]

    def tombstones(self, ids: Iterable[str] | None = None) -> dict[str, Tombstone]:
        if ids is None:
            rows = self._query(f"SELECT {TOMBSTONE_COLUMNS} FROM tombstones ORDER BY id")
        else:
            rows = self._query(f"SELECT {TOMBSTONE_COLUMNS} FROM tombstones WHERE id = ANY(%s) ORDER BY id",
                               (list(ids),))
        return {row[0]: tombstone_from_row(row) for row in rows}

    def load(self, incidents: Iterable[Incident]) -> int:
        """Write rows exactly as given (timestamps kept), replacing any with the same id, by COPY."""
        self._writable()
        written = 0
        with self._connection() as conn:
            _stage_table(conn)
            for chunk in chunked(incidents, CHUNK):
                _copy_stage(conn, chunk)
                conn.execute(MOVE_REPLACING)
                written += len(chunk)
            if written:
                self._bump(conn)
        return written

    def _bump(self, conn: Any) -> None:
        value = conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'data_version' RETURNING value").fetchone()
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, str(value[0])))

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._connection() as conn:
            return conn.execute(sql, tuple(params)).fetchall()

    def all(self) -> list[Incident]:
        return [from_row(row) for row in self._query(f"SELECT {READ} FROM incidents ORDER BY day, id")]

    def frame(self) -> pd.DataFrame:
        return frame_from_rows(self._query(f"SELECT {READ} FROM incidents ORDER BY day, id"))

    def select(self, flt: IncidentFilter) -> pd.DataFrame:
        """The incidents passing `flt`: window, types, places, box (ST_Intersects) and distance (ST_DWithin on
        geography) in the database, free text on the result."""
        from incidents.selection import select

        where, params = sql_filter(flt)
        return select(frame_from_rows(self._query(f"SELECT {READ} FROM incidents {where} ORDER BY day, id",
                                                  params)), flt)

    def catalog(self, flt: IncidentFilter, columns: tuple[str, ...] = CATALOG) -> pd.DataFrame:
        """Only `columns` (with lat and lon) of the incidents passing the filter's window, types, places, box and
        distance band, all in the database (free text needs `select`)."""
        columns = tuple(dict.fromkeys((*columns, "lat", "lon")))
        where, params = sql_filter(flt)
        rows = self._query(f"SELECT {', '.join(columns)} FROM incidents {where} ORDER BY day, id", params)
        return catalog_frame(rows, columns, flt)

    def get(self, incident_id: str) -> Incident | None:
        row = self.get_row(incident_id)
        return row.incident if row else None

    def get_row(self, incident_id: str) -> Row | None:
        return self.get_rows([incident_id]).get(incident_id)

    def get_rows(self, ids: Iterable[str]) -> dict[str, Row]:
        """The stored rows (incident and row version) of those `ids` that exist."""
        with self._connection() as conn:
            return _rows(conn, list(ids))

    def scan(self, after: str | None = None, limit: int = 1000) -> list[Incident]:
        return [from_row(row) for row in self._query(
            f"SELECT {READ} FROM incidents WHERE id > %s ORDER BY id LIMIT %s", (after or "", int(limit)))]

    def delete(self, ids: Iterable[str]) -> int:
        self._writable()
        wanted = list(dict.fromkeys(ids))
        with self._connection() as conn:
            gone = conn.execute("DELETE FROM incidents WHERE id = ANY(%s)", (wanted,)).rowcount if wanted else 0
            if gone:
                self._bump(conn)
        return gone

    def count(self) -> int:
        return int(self._query("SELECT count(*) FROM incidents")[0][0])

    def version(self) -> int:
        return int(self._query("SELECT value FROM meta WHERE key = 'data_version'")[0][0])

    def wait_for_change(self, since: int, timeout: float) -> int:
        """Block until another session's save is NOTIFYed (or the version already differs from `since`), at most
        `timeout` seconds; the version then."""
        import psycopg

        try:
            if self._listener is None or self._listener.closed:
                self._listener = psycopg.connect(self.url, autocommit=True, connect_timeout=3)
                self._listener.execute(f"LISTEN {CHANNEL}")
            now = self.version()
            if now == since:
                for _ in self._listener.notifies(timeout=timeout, stop_after=1):
                    break
                now = self.version()
            return now
        except psycopg.OperationalError as exc:
            self._listener = None
            raise self._unavailable(exc) from None

    def describe(self) -> str:
        return f"PostGIS at {self.where}"

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        self._pool.close()


def schema_version_of(conn: Any) -> int:
    """The schema version of a PostGIS store (0 for an empty database)."""
    if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
        return 0
    return int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])


def _marks(n: int) -> str:
    return ", ".join("%s" for _ in range(n))


def _log(conn: Any, changes: Iterable[Change]) -> None:
    """Append history entries by COPY (an import of a million rows writes a million 'created' entries)."""
    rows = [change.row() for change in changes]
    if rows:
        with conn.cursor().copy(f"COPY history ({HISTORY_COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _log_created(conn: Any, ids: list[str], who: tuple[str, str, str | None]) -> None:
    """One 'created' history entry per new id, in order, by one text COPY (a multi-row insert in the server, no
    executor pass per row): the entries differ only in the id, so the text is one join of the ids."""
    if not ids:
        return
    actor, reason, batch = who
    tail = "\t" + "\t".join(_copy_text(value) for value in (CREATED, None, None, actor, now_iso(), reason, batch))
    tail += "\n"
    if _SPECIAL.search("".join(ids)):
        ids = [_copy_text(item) for item in ids]
    with conn.cursor().copy(f"COPY history ({HISTORY_COLUMNS}) FROM STDIN") as copy:
        copy.write(tail.join(ids) + tail)


_SPECIAL = re.compile(r"[\\\t\n\r]")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _copy_text(value: str | None) -> str:
    """A value in COPY's text format: \\N for NULL; backslash, tab, newline and carriage return escaped."""
    if value is None:
        return "\\N"
    return _SPECIAL.sub(lambda found: _ESCAPES[found.group()], value)


@dataclass
class BulkLoad:
    """An import's bookkeeping of what `_defer_indexes` dropped: the statements that rebuild it, and, while the
    incidents' primary key is dropped, the ids this import wrote (its only rows: the table was empty and stays
    locked), so a chunk's stored rows are known without a query."""

    rebuild: list[str] = field(default_factory=list)
    key: str = ""  # the ADD CONSTRAINT statement of the incidents' dropped primary key
    seen: set[str] = field(default_factory=set)

    def lookup(self, conn: Any, ids: list[str]) -> tuple[set[str], dict[str, Row]]:
        """Which `ids` are tombstoned, and the stored rows of the others (locked). Keyless, ids not written yet
        by this import have no stored row; an id met again puts the primary key back (then as usual)."""
        if self.key and self.seen.isdisjoint(ids):
            self.seen.update(ids)
            return _tombstoned(conn, ids), {}
        self.restore_key(conn)
        return _lookup(conn, ids)

    def restore_key(self, conn: Any) -> None:
        if self.key:
            conn.execute(self.key)
            self.rebuild.remove(self.key)
            self.key, self.seen = "", set()

    def finish(self, conn: Any) -> None:
        """Rebuild what was dropped (primary keys first), each index in one pass over the table."""
        for statement in self.rebuild:
            conn.execute(statement)
        self.rebuild, self.key, self.seen = [], "", set()


def _defer_indexes(conn: Any) -> BulkLoad:
    """When the incidents table is empty: its indexes and primary key (and the history's, if that is empty too)
    dropped for a bulk load, under an exclusive lock held to the end of the transaction; a BulkLoad with the
    statements that rebuild them (in one pass each, faster than a million index insertions). Inside the import's
    transaction, so a failed or killed import leaves the indexes as they were. Only one import at a time tries (an
    advisory lock); others take the ordinary path (they wait for the lock, then find rows and keys). Nothing
    dropped (an empty BulkLoad) when the table has rows."""
    import psycopg

    load = BulkLoad()
    if not conn.execute("SELECT pg_try_advisory_xact_lock(%s)", (DEFER_KEY,)).fetchone()[0]:
        return load
    for table in ("incidents", "history"):
        with conn.transaction():  # a savepoint: rolled back, its lock is released at once
            conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
            if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
                raise psycopg.Rollback()
            keys = conn.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                                "%s::regclass AND contype = 'p'", (table,)).fetchall()
            for name, definition in keys:
                conn.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
                load.rebuild.append(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
            if table == "incidents" and keys:
                load.key = load.rebuild[-1]
            found = conn.execute(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                "WHERE i.indrelid = %s::regclass AND NOT i.indisunique ORDER BY i.indexrelid", (table,)).fetchall()
            for name, _ in found:
                conn.execute(f"DROP INDEX {name}")
            load.rebuild += [definition for _, definition in found]
        if table == "incidents" and not load.rebuild:
            break
    if load.rebuild:
        conn.execute("SET LOCAL maintenance_work_mem = '128MB'")
    return load


def _tombstoned(conn: Any, ids: list[str]) -> set[str]:
    """Which `ids` are tombstoned (the ids are not even sent while there are no tombstones)."""
    if not ids or not conn.execute("SELECT EXISTS (SELECT 1 FROM tombstones)").fetchone()[0]:
        return set()
    return {row[0] for row in conn.execute(TOMBSTONED, (_json_ids(ids),)).fetchall()}


def _json_ids(ids: list[str]) -> str:
    """Ids as one JSON array text (encoded in C; a text[] parameter is built element by element in Python)."""
    return json.dumps(ids, ensure_ascii=False)


def _lookup(conn: Any, ids: list[str]) -> tuple[set[str], dict[str, Row]]:
    """In one query: which `ids` are tombstoned, and the stored rows of the others, locked (FOR UPDATE, by id)."""
    if not ids:
        return set(), {}
    gone: set[str] = set()
    rows: dict[str, Row] = {}
    for row in conn.execute(LOOKUP, (_json_ids(ids),)).fetchall():
        if row[0]:
            gone.add(row[1 + ID])
        else:
            rows[row[1 + ID]] = Row(from_row(row[1:-1]), int(row[-1]))
    return gone, rows


def _stage_table(conn: Any) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS stage AS SELECT "
                 f"{', '.join(WRITTEN)} FROM incidents WITH NO DATA")
    conn.execute("TRUNCATE stage")


def _insert_new(conn: Any, incidents: list[Incident], now: str = "") -> list[str]:
    """Insert rows believed new: one COPY straight into the table (the common case), or, when another import
    added some of these ids meanwhile, through the temporary table with ON CONFLICT DO NOTHING; the ids added (all
    of them in order, or those the move added). `now` fills empty created_at and updated_at."""
    import psycopg

    if not incidents:
        return []
    try:
        with conn.transaction():  # a savepoint: a clash undoes only this COPY
            _copy_rows(conn, "incidents", incidents, now)
        return [item.id for item in incidents]
    except psycopg.errors.UniqueViolation:
        _copy_stage(conn, incidents, now)
        return [row[0] for row in conn.execute(MOVE_NEW).fetchall()]


def _copy_rows(conn: Any, table: str, incidents: list[Incident], now: str = "") -> None:
    """COPY in binary (no text parsing in the server); `now` fills empty created_at and updated_at as rows are
    encoded. JSON fields go as binary jsonb bytes (rows.to_row), declared bytea to the client: binary COPY sends no
    type per field, and the bytes dumper is psycopg's own (C), not a Python call per value."""
    types = _written_types(conn)  # before the COPY: the connection answers nothing else during one
    fromisoformat = date.fromisoformat
    cursor = conn.cursor()
    cursor.adapters.register_dumper(None, _bytes_dumper())  # for bytea by oid: psycopg's C dumper, not dbapi20's
    with cursor.copy(f"COPY {table} ({', '.join(WRITTEN)}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(types)
        write = copy.write_row
        for incident in incidents:
            row = to_row(incident, now, jsonb=True)
            row[-1] = fromisoformat(row[-1])
            write(row)


def _bytes_dumper() -> type:
    import psycopg
    from psycopg.adapt import PyFormat

    return psycopg.adapters.get_dumper(bytes, PyFormat.BINARY)


_TYPES: list[str] = []


def _written_types(conn: Any) -> list[str]:
    """The database types of WRITTEN, read once from the catalog (binary COPY needs them exactly)."""
    if not _TYPES:
        rows = conn.execute("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                            "WHERE attrelid = 'incidents'::regclass AND attnum > 0 AND NOT attisdropped").fetchall()
        types = dict(rows)  # jsonb sent as the bytes of its binary form (rows.to_row)
        _TYPES[:] = ["bytea" if types[name] == "jsonb" else types[name] for name in WRITTEN]
    return _TYPES


def _copy_stage(conn: Any, incidents: list[Incident], now: str = "") -> None:
    """Replace the temporary table's rows by `incidents`, with COPY."""
    conn.execute("TRUNCATE stage")
    if incidents:
        _copy_rows(conn, "stage", incidents, now)


def _rows(conn: Any, ids: list[str], lock: bool = False) -> dict[str, Row]:
    if not ids:
        return {}
    cursor = conn.execute(f"WITH {WANTED} {FOUND}" + (" FOR UPDATE" if lock else ""), (_json_ids(ids),))
    return {row[ID]: Row(from_row(row[:-1]), int(row[-1])) for row in cursor.fetchall()}


def sql_filter(flt: IncidentFilter) -> tuple[str, list[Any]]:
    """A WHERE clause for a filter's database-side parts: day window, types, places, box and distance band."""
    parts: list[str] = []
    params: list[Any] = []
    if flt.start:
        parts.append("day >= %s")
        params.append(flt.start)
    if flt.end:
        parts.append("day <= %s")
        params.append(flt.end)
    for column, wanted in (("event_type", flt.event_types), ("admin1", flt.regions), ("country", flt.countries),
                           ("verification", flt.verification), ("review", flt.review)):
        if wanted:
            parts.append(f"{column} = ANY(%s)")
            params.append(list(wanted))
    if flt.bbox is not None:
        south, west, north, east = flt.bbox
        boxes = [(west, east)] if west <= east else [(west, 180.0), (-180.0, east)]
        parts.append("(" + " OR ".join("ST_Intersects(geom, ST_MakeEnvelope(%s, %s, %s, %s, 4326))"
                                       for _ in boxes) + ")")
        for low, high in boxes:
            params += [low, south, high, north]
    if flt.distance_km is not None and flt.reference is not None:
        low, high = flt.distance_km
        lat, lon = flt.reference
        parts.append("geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)")  # the GiST index narrows to a box first
        params += box_around(lat, lon, high)
        point = "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography"
        parts.append(f"ST_DWithin(geom::geography, {point}, %s)")
        params += [lon, lat, high * 1000 + 1]  # 1 m slack: the exact band is applied on the result
        if low > 0:
            parts.append(f"NOT ST_DWithin(geom::geography, {point}, %s)")
            params += [lon, lat, max(0.0, low * 1000 - 1)]
    return ("WHERE " + " AND ".join(parts) if parts else ""), params
