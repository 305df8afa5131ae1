"""Local accounts in the incident store: add, list, set a role, remove, and verify a password with a growing lockout."""

from __future__ import annotations

import logging
import re
import threading
import time
from typing import Any

from incidents.access import LOCAL_ADMIN, ROLES, User
from incidents.errors import IncidentsError
from incidents.model import utc_now_iso as _now

log = logging.getLogger("incidents.accounts")
NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
FREE_FAILS = 3  # failed sign-ins before the lockout starts
MAX_LOCK_S = 900.0  # the lockout doubles from 2 s up to 15 minutes
ADD_HINT = "add one with `python -m incidents users add NAME --role admin` (the password is asked for)"


class AccountError(IncidentsError):
    """A user command cannot be done (unknown name, bad role, weak password …)."""


class SignInRefused(IncidentsError):
    """A sign-in failed: wrong name or password, or too many failures for now (`retry_after` seconds)."""

    def __init__(self, message: str, retry_after: float = 0.0):
        self.retry_after = retry_after
        super().__init__(message)


def lock_seconds(failures: int, free: int = FREE_FAILS) -> float:
    """How long sign-in stays refused after this many failures in a row: none for the first `free`, then doubling."""
    if failures < free:
        return 0.0
    return min(2.0 ** (failures - free + 1), MAX_LOCK_S)


def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id, the library's RFC 9106 low-memory profile


def hash_password(password: str) -> str:
    """The Argon2id hash of a password (salted; the password itself is never stored)."""
    check_password(password)
    return _hasher().hash(password)


def check_password(password: str) -> None:
    """AccountError unless the password is long enough (and not absurdly long)."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password is {len(password)} characters; use at least {MIN_PASSWORD}")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"the password is longer than {MAX_PASSWORD} characters")


def clean_name(name: str) -> str:
    """The account name as stored (lower case); AccountError when it is not a plain login name."""
    text = (name or "").strip().lower()
    if not NAME.match(text):
        raise AccountError(f"{name!r} is not a user name: use 1-64 letters, digits, '.', '_', '@' or '-', "
                           "starting with a letter or digit")
    return text


def clean_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"{role!r} is not a role; use one of {', '.join(ROLES)}")
    return role


def public(row: dict[str, Any], now: float | None = None) -> dict[str, Any]:
    """What `users list` shows of an account: never the hash."""
    left = max(0.0, float(row["locked_until"] or 0) - (time.time() if now is None else now))
    return {"name": row["name"], "role": row["role"], "created_at": row["created_at"],
            "last_sign_in": row["last_sign_in"], "failed_sign_ins": int(row["failed"] or 0),
            "locked_for_s": round(left)}


class Throttle:
    """Failure counters with the growing lockout for keys that are not accounts: names with no account (so probing
    names locks out like probing passwords) and client addresses. Thread-safe, bounded; with `forget_s`, a key's
    count starts again once its last failure is that old."""

    LIMIT = 10_000

    def __init__(self, free: int = FREE_FAILS, forget_s: float | None = None) -> None:
        self.free, self.forget_s = free, forget_s
        self._lock = threading.Lock()
        self._fails: dict[str, tuple[int, float, float]] = {}  # key -> (failures, locked until, last failure)

    def get(self, key: str, now: float | None = None) -> tuple[int, float]:
        """(failures, locked until) of `key`."""
        with self._lock:
            return self._current(key, time.time() if now is None else now)[:2]

    def failed(self, key: str, now: float) -> tuple[int, float]:
        """Count one failure of `key`: (failures, locked until) after it."""
        with self._lock:
            if len(self._fails) >= self.LIMIT:
                self._fails.clear()
            count = self._current(key, now)[0] + 1
            self._fails[key] = (count, now + lock_seconds(count, self.free), now)
            return self._fails[key][:2]

    def _current(self, key: str, now: float) -> tuple[int, float, float]:
        found = self._fails.get(key, (0, 0.0, 0.0))
        if self.forget_s is not None and found[0] and now - found[2] > self.forget_s and now >= found[1]:
            return (0, 0.0, 0.0)
        return found


_UNKNOWN = Throttle()
_DUMMY: list[str] = []  # one hash checked for unknown names, so they take as long as known ones


class Accounts:
    """The accounts of one open store (any kind: memory, SQLite, PostGIS)."""

    def __init__(self, store: Any) -> None:
        from incidents.storage.users import users_of

        self.table = users_of(store)

    def count(self) -> int:
        return self.table.count()

    def list(self) -> list[dict[str, Any]]:
        now = time.time()
        return [public(row, now) for row in self.table.all()]

    def get(self, name: str) -> User | None:
        """The account's user (name and role), or None when there is no such account."""
        try:
            row = self.table.get(clean_name(name))
        except AccountError:
            return None
        return User(row["name"], row["role"]) if row else None

    def add(self, name: str, role: str, password: str) -> dict[str, Any]:
        name, role = clean_name(name), clean_role(role)
        row = {"name": name, "role": role, "password_hash": hash_password(password), "created_at": _now(),
               "failed": 0, "locked_until": 0.0, "last_sign_in": None}
        if not self.table.insert(row):
            raise AccountError(f"there is already a user called {name!r}; "
                               "`python -m incidents users set-role` changes a role")
        log.info("account added: %r (%s)", name, role)
        return public(row)

    def set_role(self, name: str, role: str) -> dict[str, Any]:
        name, role = clean_name(name), clean_role(role)
        row = self._existing(name)
        if row["role"] == "admin" and role != "admin":
            self._keep_an_admin(name)
        self.table.update(name, role=role)
        log.info("role of %r set to %s (was %s)", name, role, row["role"])
        return public({**row, "role": role})

    def set_password(self, name: str, password: str) -> None:
        name = clean_name(name)
        self._existing(name)
        self.table.update(name, password_hash=hash_password(password), failed=0, locked_until=0.0)
        log.info("password of %r changed", name)

    def remove(self, name: str) -> dict[str, Any]:
        name = clean_name(name)
        row = self._existing(name)
        if row["role"] == "admin":
            self._keep_an_admin(name)
        self.table.delete(name)
        log.info("account removed: %r", name)
        return {"removed": name}

    def _existing(self, name: str) -> dict[str, Any]:
        row = self.table.get(name)
        if not row:
            raise AccountError(f"there is no user called {name!r}; `python -m incidents users list` shows them")
        return row

    def _keep_an_admin(self, name: str) -> None:
        admins = [row["name"] for row in self.table.all() if row["role"] == "admin"]
        if admins == [name] and self.table.count() > 1:
            raise AccountError(f"{name!r} is the only admin; make another user admin first "
                               "(`python -m incidents users set-role NAME admin`)")

    def verify(self, name: str, password: str, now: float | None = None) -> User:
        """The user when the name and password match and the name is not locked out; SignInRefused otherwise.

        Every failure (unknown name or wrong password) counts against the name; after a few, sign-in for that name is
        refused for a time that doubles with each further failure, whatever the password."""
        now = time.time() if now is None else now
        try:
            key = clean_name(name)
        except AccountError:
            key = ""
        row = self.table.get(key) if key else None
        until = float(row["locked_until"]) if row else _UNKNOWN.get(key, now)[1]
        if until > now:
            raise SignInRefused(f"too many failed sign-ins for this name; try again in {until - now:.0f} s",
                                until - now)
        if not _password_matches(row["password_hash"] if row else None, password):
            counted = self.table.record_failure(key, now, lock_seconds) if row else None  # atomic: no lost failure
            until = (counted or _UNKNOWN.failed(key, now))[1]
            raise SignInRefused("wrong user name or password", max(0.0, until - now))
        changes: dict[str, Any] = {"failed": 0, "locked_until": 0.0, "last_sign_in": _now()}
        if _hasher().check_needs_rehash(row["password_hash"]):
            changes["password_hash"] = _hasher().hash(password)
        self.table.update(key, **changes)
        return User(row["name"], row["role"])


def _password_matches(stored: str | None, password: str) -> bool:
    """Whether `password` matches the stored hash; an unknown name (None) spends the same time on a dummy hash."""
    if len(password) > MAX_PASSWORD:
        return False
    if stored is None:
        if not _DUMMY:
            _DUMMY.append(_hasher().hash("not anybody's password"))
        _hash_matches(_DUMMY[0], password)
        return False
    return _hash_matches(stored, password)


def _hash_matches(stored: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


def open_accounts(url: str | None = None) -> tuple[Any, Accounts]:
    """(store, accounts) of the store INCIDENTS_DB (or `url`) names; close the store when done."""
    from incidents.storage import open_store

    store = open_store(url)
    return store, Accounts(store)


def cli_user(name: str | None = None, url: str | None = None) -> User:
    """Who runs a CLI write: the account `name` (its role from the store), or with no name the local admin (whoever
    can run the CLI can write the store file or database directly). AccountError for an unknown name."""
    if not name:
        return LOCAL_ADMIN
    store, accounts = open_accounts(url)
    try:
        user = accounts.get(name)
    finally:
        store.close()
    if user is None:
        raise AccountError(f"there is no user called {name!r}; `python -m incidents users list` shows them")
    return user


__all__ = ["ADD_HINT", "AccountError", "Accounts", "SignInRefused", "Throttle", "cli_user", "lock_seconds",
           "open_accounts"]
