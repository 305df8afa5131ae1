"""Incident stores: the Storage protocol, SQLite (default), PostGIS (teams), in-memory, and the one INCIDENTS_DB names."""

from __future__ import annotations

from pathlib import Path

from incidents.errors import StoreUnavailable
from incidents.settings import incidents_setting
from incidents.storage.base import (
    EditConflict,
    Row,
    Storage,
    StoreDamaged,
    UpsertResult,
)
from incidents.storage.memory import MemoryStore
from incidents.storage.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = "var/incidents.sqlite"
POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgis://")

__all__ = ["EditConflict", "MemoryStore", "Row", "SQLiteStore", "Storage", "StoreDamaged", "UpsertResult",
           "open_store", "store_path", "store_url"]


def store_url(url: str | None = None) -> str:
    """The store setting in force: `url`, else INCIDENTS_DB (default var/incidents.sqlite)."""
    return (url if url is not None else incidents_setting("INCIDENTS_DB")).strip()


def open_store(url: str | None = None, read_only: bool = False, migrate: bool = False) -> Storage:
    """The store `url` names, else INCIDENTS_DB, else var/incidents.sqlite in the repo; StoreUnavailable if it can't
    open. `read_only` never takes a write lock; `migrate` upgrades an older PostGIS store (SQLite files are upgraded
    on open)."""
    text = store_url(url)
    if text in ("memory:", ":memory:"):
        return MemoryStore()
    if text.startswith(POSTGRES_SCHEMES):
        from incidents.storage.postgis import PostGISStore

        return PostGISStore(text, read_only=read_only, migrate=migrate)
    return SQLiteStore(store_path(text), read_only=read_only)


def store_path(text: str) -> Path:
    """The file a SQLite store setting names: a path or sqlite:///relative, sqlite:////absolute."""
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        raise StoreUnavailable(f"unknown store URL {text!r}; use a file path, sqlite:///path, postgresql://… or memory:")
    if not text:
        raise StoreUnavailable("empty store path; set INCIDENTS_DB to a file path, sqlite:///path or memory:")
    if text == DEFAULT_PATH:
        return ROOT / DEFAULT_PATH
    return Path(text).expanduser()
