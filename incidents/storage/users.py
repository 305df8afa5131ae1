"""The users table of each store kind (memory, SQLite, PostGIS): plain rows in and out; policy lives in incidents.accounts."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

COLUMNS = ("name", "role", "password_hash", "created_at", "failed", "locked_until", "last_sign_in")
UPDATABLE = frozenset(COLUMNS) - {"name", "created_at"}


class MemoryUsers:
    """Users of a MemoryStore, kept on the store object (one per process, like its incidents)."""

    def __init__(self, store: Any) -> None:
        if not hasattr(store, "_users"):
            store._users = {}
        self._rows: dict[str, dict[str, Any]] = store._users

    def get(self, name: str) -> dict[str, Any] | None:
        row = self._rows.get(name)
        return dict(row) if row else None

    def all(self) -> list[dict[str, Any]]:
        return [dict(self._rows[name]) for name in sorted(self._rows)]

    def insert(self, row: dict[str, Any]) -> bool:
        if row["name"] in self._rows:
            return False
        self._rows[row["name"]] = {column: row.get(column) for column in COLUMNS}
        return True

    def update(self, name: str, **changes: Any) -> bool:
        _check(changes)
        if name not in self._rows:
            return False
        self._rows[name].update(changes)
        return True

    def delete(self, name: str) -> bool:
        return self._rows.pop(name, None) is not None

    def record_failure(self, name: str, now: float, lock: Callable[[int], float]) -> tuple[int, float] | None:
        """Count one failed sign-in (see SQLUsers.record_failure), under the process's lock."""
        with _MEMORY_LOCK:
            row = self._rows.get(name)
            if row is None:
                return None
            row["failed"] = int(row["failed"] or 0) + 1
            row["locked_until"] = max(float(row["locked_until"] or 0), now + lock(row["failed"]))
            return row["failed"], row["locked_until"]

    def count(self) -> int:
        return len(self._rows)


class SQLUsers:
    """Users in the `users` table of a SQLite or PostGIS store (migration 0004), through the store's own transactions."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self._mark = "?" if hasattr(store, "_db") else "%s"

    def _query(self, sql: str, params: tuple = (), write: bool = False) -> tuple[list[tuple], int]:
        """(rows, rowcount) of one statement, `?` marks written as the driver wants them."""
        sql = sql.replace("?", self._mark)
        store = self._store
        if hasattr(store, "_db"):  # SQLiteStore
            if not write:
                return store._read(sql, params), -1
            with store._transaction() as db:
                cursor = db.execute(sql, params)
                return [], cursor.rowcount
        if write:
            store._writable()
        with store._connection() as conn:
            cursor = conn.execute(sql, params)
            return (cursor.fetchall() if cursor.description else []), cursor.rowcount

    def get(self, name: str) -> dict[str, Any] | None:
        rows, _ = self._query(f"SELECT {', '.join(COLUMNS)} FROM users WHERE name = ?", (name,))
        return dict(zip(COLUMNS, rows[0])) if rows else None

    def all(self) -> list[dict[str, Any]]:
        rows, _ = self._query(f"SELECT {', '.join(COLUMNS)} FROM users ORDER BY name")
        return [dict(zip(COLUMNS, row)) for row in rows]

    def insert(self, row: dict[str, Any]) -> bool:
        marks = ", ".join("?" for _ in COLUMNS)
        _, count = self._query(f"INSERT INTO users ({', '.join(COLUMNS)}) VALUES ({marks}) ON CONFLICT (name) DO NOTHING",
                               tuple(row.get(column) for column in COLUMNS), write=True)
        return count == 1

    def update(self, name: str, **changes: Any) -> bool:
        _check(changes)
        sets = ", ".join(f"{column} = ?" for column in changes)
        _, count = self._query(f"UPDATE users SET {sets} WHERE name = ?", (*changes.values(), name), write=True)
        return count == 1

    def delete(self, name: str) -> bool:
        _, count = self._query("DELETE FROM users WHERE name = ?", (name,), write=True)
        return count == 1

    def count(self) -> int:
        rows, _ = self._query("SELECT count(*) FROM users")
        return int(rows[0][0])

    def record_failure(self, name: str, now: float, lock: Callable[[int], float]) -> tuple[int, float] | None:
        """Count one failed sign-in for `name` atomically: `UPDATE … SET failed = failed + 1 … RETURNING failed`, then
        the lockout that count earns (`now + lock(count)`, never shortening one already set), in one transaction
        (SQLite: BEGIN IMMEDIATE; PostgreSQL: the row stays locked by the first UPDATE), so concurrent failures from
        several processes are all counted. (failures, locked_until) after it, or None when there is no such account."""
        greatest = "max" if hasattr(self._store, "_db") else "GREATEST"

        def work(run: Callable[[str, tuple], list[tuple]]) -> tuple[int, float] | None:
            counted = run("UPDATE users SET failed = failed + 1 WHERE name = ? RETURNING failed", (name,))
            if not counted:
                return None
            failed = int(counted[0][0])
            until = run(f"UPDATE users SET locked_until = {greatest}(locked_until, ?) WHERE name = ? "
                        "RETURNING locked_until", (now + lock(failed), name))
            return failed, float(until[0][0])

        return self._in_transaction(work)

    def _in_transaction(self, work: Callable[[Callable[[str, tuple], list[tuple]]], Any]) -> Any:
        """`work(run)` inside one write transaction; `run(sql, params)` returns a statement's rows."""
        store = self._store
        if hasattr(store, "_db"):  # SQLiteStore
            with store._transaction() as db:
                return work(lambda sql, params: db.execute(sql, params).fetchall())
        store._writable()
        with store._connection() as conn:
            return work(lambda sql, params: conn.execute(sql.replace("?", "%s"), params).fetchall())


_MEMORY_LOCK = threading.Lock()


def _check(changes: dict[str, Any]) -> None:
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise ValueError(f"not a user column that can change: {sorted(unknown)}")


def users_of(store: Any) -> MemoryUsers | SQLUsers:
    """The users table of an open store."""
    from incidents.storage.memory import MemoryStore

    return MemoryUsers(store) if isinstance(store, MemoryStore) else SQLUsers(store)
