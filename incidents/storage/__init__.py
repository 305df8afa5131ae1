"""Incident stores: the Storage protocol, SQLite (default), in-memory, and the store chosen by INCIDENTS_DB."""

from __future__ import annotations

from pathlib import Path

from incidents.errors import StoreUnavailable
from incidents.settings import incidents_setting
from incidents.storage.base import Storage, UpsertResult
from incidents.storage.memory import MemoryStore
from incidents.storage.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = "var/incidents.sqlite"
POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgis://")

__all__ = ["MemoryStore", "SQLiteStore", "Storage", "UpsertResult", "open_store", "store_path"]


def open_store(url: str | None = None) -> Storage:
    """The store `url` names, else INCIDENTS_DB, else var/incidents.sqlite in the repo; StoreUnavailable if it can't open."""
    text = (url if url is not None else incidents_setting("INCIDENTS_DB")).strip()
    if text in ("memory:", ":memory:"):
        return MemoryStore()
    if text.startswith(POSTGRES_SCHEMES):
        raise StoreUnavailable("PostGIS store not available yet; set INCIDENTS_DB to a SQLite path or memory:")
    return SQLiteStore(store_path(text))


def store_path(text: str) -> Path:
    """The file a SQLite store setting names: a path or sqlite:///relative, sqlite:////absolute."""
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        raise StoreUnavailable(f"unknown store URL {text!r}; use a file path, sqlite:///path or memory:")
    if not text:
        raise StoreUnavailable("empty store path; set INCIDENTS_DB to a file path, sqlite:///path or memory:")
    if text == DEFAULT_PATH:
        return ROOT / DEFAULT_PATH
    return Path(text).expanduser()
