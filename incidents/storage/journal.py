"""The history of every write (one change per field), import batches and tombstones, shared by every store."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from incidents.model import Incident, Source

LOCAL = "local"
CREATED = "created"  # one entry for a new incident, not one per field (imports stay fast)
DELETED = "deleted"  # the incident went to the tombstones (new: the reason, or the id it was merged into)
REMOVED = "removed"  # an undo took away an incident its batch had created
SKIPPED_FIELDS = ("id", "created_at")


@dataclass(frozen=True)
class Change:
    """One field of one incident written once: old and new value, who, when, why and in which batch."""

    incident_id: str
    field: str
    old: Any
    new: Any
    actor: str = LOCAL
    at: str = ""
    reason: str = ""
    batch: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def row(self) -> tuple[Any, ...]:
        """The change as a table row (values as JSON text)."""
        return (self.incident_id, self.field, encode(self.old), encode(self.new), self.actor, self.at, self.reason,
                self.batch)


HISTORY_COLUMNS = "incident_id, field, old, new, actor, at, reason, batch"


def history_query(mark: str, incident_id: str | None = None, since: str | None = None,
                  batch: str | None = None) -> tuple[str, list[Any]]:
    """The SELECT of the history table, oldest first, for one incident, from a time on (ISO text) or of one batch,
    with its parameters (`mark` is the driver's placeholder: `?` or `%s`)."""
    parts, params = [], []
    for column, value, test in (("incident_id", incident_id, "="), ("at", since, ">="), ("batch", batch, "=")):
        if value is not None:
            parts.append(f"{column} {test} {mark}")
            params.append(value)
    where = ("WHERE " + " AND ".join(parts)) if parts else ""
    return f"SELECT {HISTORY_COLUMNS} FROM history {where} ORDER BY seq", params


def change_from_row(row: Iterable[Any]) -> Change:
    incident_id, name, old, new, actor, at, reason, batch = row
    return Change(incident_id, name, decode(old), decode(new), actor, at, reason or "", batch)


@dataclass(frozen=True)
class Batch:
    """One import (or synthetic load, or demo): where it came from, who ran it, what it did, and whether undone."""

    id: str
    kind: str  # import | synth | demo | watch | app
    source: str = ""
    sha256: str = ""
    actor: str = LOCAL
    at: str = ""
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    undone_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def row(self) -> tuple[Any, ...]:
        return (self.id, self.kind, self.source, self.sha256, self.actor, self.at, self.inserted, self.updated,
                self.unchanged, self.undone_by)


BATCH_COLUMNS = "id, kind, source, sha256, actor, at, inserted, updated, unchanged, undone_by"


def batch_from_row(row: Iterable[Any]) -> Batch:
    values = list(row)
    return Batch(*values[:6], *(int(v or 0) for v in values[6:9]), values[9])


@dataclass(frozen=True)
class Tombstone:
    """A deleted (or merged-away) incident, kept whole: hidden from every view, its history kept."""

    id: str
    at: str
    actor: str
    reason: str
    merged_into: str | None
    record: Mapping[str, Any]

    def row(self) -> tuple[Any, ...]:
        return (self.id, self.at, self.actor, self.reason, self.merged_into,
                json.dumps(dict(self.record), ensure_ascii=False, sort_keys=True, default=str))


TOMBSTONE_COLUMNS = "id, at, actor, reason, merged_into, record"


def tombstone_from_row(row: Iterable[Any]) -> Tombstone:
    values = list(row)
    return Tombstone(*values[:5], json.loads(values[5]))


@dataclass(frozen=True)
class Writes:
    """What one curation write does, applied by a store in one transaction: rows to write as given, ids to remove
    (tombstones for deletes, none for an undone creation), history entries, a batch to record, row versions
    expected (EditConflict otherwise)."""

    rows: tuple[Incident, ...] = ()
    tombstones: tuple[Tombstone, ...] = ()
    removed: tuple[str, ...] = ()
    revived: tuple[str, ...] = ()  # ids whose tombstones go (their rows written back in `rows`)
    changes: tuple[Change, ...] = ()
    batch: Batch | None = None
    expected: Mapping[str, int] | None = None


def now_iso() -> str:
    """The current instant in UTC to the microsecond (history entries of one second stay in order)."""
    return datetime.now(timezone.utc).isoformat()


def new_batch_id(kind: str) -> str:
    return f"{kind}-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"


def file_sha256(path: str) -> str:
    """The sha256 of a file (a folder: of its files' names and contents, in name order)."""
    from pathlib import Path

    digest = hashlib.sha256()
    target = Path(path)
    files = sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target]
    for item in files:
        if target.is_dir():
            digest.update(str(item.relative_to(target)).encode("utf-8") + b"\0")
        with open(item, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def plain(value: Any) -> Any:
    """A field value as JSON-ready data (sources as mappings)."""
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    if isinstance(value, Source):
        return {"title": value.title, "url": value.url, "published": value.published, "excerpt": value.excerpt}
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    return value


def encode(value: Any) -> str | None:
    return None if value is None else json.dumps(plain(value), ensure_ascii=False, sort_keys=True, default=str)


def decode(text: Any) -> Any:
    return None if text is None else json.loads(text)


def field_diff(old: Incident, new: Incident) -> list[tuple[str, Any, Any]]:
    """(field, old value, new value) for every field that differs, as JSON-ready data (timestamps included)."""
    out = []
    before, after = old.__dict__, new.__dict__
    for name in before:
        if name in SKIPPED_FIELDS:
            continue
        was, now = plain(before[name]), plain(after[name])
        if was != now:
            out.append((name, was, now))
    return out


def changes_between(old: Incident, new: Incident, actor: str, at: str, reason: str = "",
                    batch: str | None = None) -> list[Change]:
    return [Change(new.id, name, was, now, actor, at, reason, batch) for name, was, now in field_diff(old, new)]


def upsert_changes(inserts: Iterable[Incident], updates: Iterable[Incident], existing: Mapping[str, Incident],
                   actor: str, reason: str, batch: str | None) -> list[Change]:
    """The history of one upsert chunk: one 'created' entry per new incident, one per changed field of the rest."""
    at = now_iso()
    out = [Change(item.id, CREATED, None, None, actor, at, reason, batch) for item in inserts]
    for item in updates:
        out.extend(changes_between(existing[item.id], item, actor, at, reason, batch))
    return out


def with_values(incident: Incident, values: Mapping[str, Any]) -> Incident:
    """`incident` with fields set from JSON-ready `values` (as history holds them), validated."""
    return Incident.from_dict({**incident.to_dict(), **values})
