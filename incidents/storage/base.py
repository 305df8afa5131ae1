"""The Storage protocol every incident store implements, and the upsert and edit rules they share."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from incidents.errors import IncidentsError, StoreUnavailable
from incidents.model import Incident, IncidentFilter, Source, utc_now_iso
from incidents.storage.journal import plain

if TYPE_CHECKING:
    import pandas as pd

MAX_REPORTED = 200  # field-level changes listed in an upsert's result (the counts per field cover every row)
ALL_FIELDS = "all"
MERGED = ("sources", "evidence")  # never replaced by an import: incoming items are added to the stored ones
BOOKKEEPING = ("id", "created_at", "updated_at")
CURATED = ("review",)  # set by reviewers only: an import never changes a stored incident's review state
DEFAULTS: dict[str, Any] = {f.name: (f.default_factory() if callable(f.default_factory) else f.default)
                            for f in fields(Incident) if f.name not in BOOKKEEPING}
OVERWRITABLE = tuple(name for name in DEFAULTS if name not in MERGED and name not in CURATED)


class EditConflict(IncidentsError):
    """An edit or upsert was based on an older row version than the stored one: it is refused, nothing is written."""

    def __init__(self, incident_id: str, current: Row | None, attempted: Mapping[str, Any]):
        self.incident_id = incident_id
        self.current = current
        self.attempted = dict(attempted)
        when = current.incident.updated_at if current else None
        what = "deleted" if current is None else "changed"
        super().__init__(f"incident {incident_id} was {what} by someone else at {when or 'an unknown time'}; reload")

    def differences(self) -> dict[str, tuple[Any, Any]]:
        """Per attempted field: (the stored value now, the value this edit wanted), to show both."""
        stored = self.current.incident.to_dict() if self.current else {}
        return {name: (stored.get(name), value) for name, value in self.attempted.items()}


class StoreDamaged(StoreUnavailable):
    """The store failed its integrity check: reads may fail, writes are refused until it is restored."""


@dataclass(frozen=True)
class Row:
    """A stored incident and its row version (pass the version back to `update`)."""

    incident: Incident
    version: int


@dataclass(frozen=True)
class FieldChange:
    """One field of one incident an upsert changed, or kept because the stored value wins (kept=True)."""

    id: str
    field: str
    old: Any
    new: Any
    kept: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "field": self.field, "old": self.old, "new": self.new,
                "action": "kept" if self.kept else "changed"}


@dataclass(frozen=True)
class UpsertResult:
    """What one upsert did: rows added, changed, already identical, and per field what changed or was kept."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    changed_fields: Mapping[str, int] = field(default_factory=dict)  # field -> rows whose value this upsert changed
    kept_fields: Mapping[str, int] = field(default_factory=dict)  # field -> rows where the stored value was kept
    changes: tuple[FieldChange, ...] = ()  # the first MAX_REPORTED of both, field by field

    def to_dict(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged}

    def details(self) -> dict[str, Any]:
        """What changed field by field: rows per changed field, rows per kept field, the first changes listed."""
        return {"changed_fields": dict(self.changed_fields), "kept_fields": dict(self.kept_fields),
                "changes": [change.to_dict() for change in self.changes]}

    def __add__(self, other: UpsertResult) -> UpsertResult:
        return UpsertResult(self.inserted + other.inserted, self.updated + other.updated,
                            self.unchanged + other.unchanged, _add_counts(self.changed_fields, other.changed_fields),
                            _add_counts(self.kept_fields, other.kept_fields),
                            (self.changes + other.changes)[:MAX_REPORTED])

    @property
    def wrote(self) -> bool:
        return bool(self.inserted or self.updated)


@runtime_checkable
class Storage(Protocol):
    """A place incidents live: upsert by id in one transaction, read back as records or a frame."""

    def upsert(self, incidents: Iterable[Incident], overwrite: Iterable[str] = (),
               expected: Mapping[str, int] | None = None) -> UpsertResult: ...

    def update(self, incident_id: str, changes: Mapping[str, Any], expected_version: int) -> Row: ...

    def get_row(self, incident_id: str) -> Row | None: ...

    def get_rows(self, ids: Iterable[str]) -> dict[str, Row]: ...

    def all(self) -> list[Incident]: ...

    def frame(self) -> pd.DataFrame: ...

    def select(self, flt: IncidentFilter) -> pd.DataFrame: ...

    def catalog(self, flt: IncidentFilter, columns: tuple[str, ...] = ...) -> pd.DataFrame: ...

    def get(self, incident_id: str) -> Incident | None: ...

    def scan(self, after: str | None = None, limit: int = 1000) -> list[Incident]: ...

    def load(self, incidents: Iterable[Incident]) -> int: ...

    def delete(self, ids: Iterable[str]) -> int: ...

    def count(self) -> int: ...

    def version(self) -> int: ...

    def wait_for_change(self, since: int, timeout: float) -> int: ...

    def describe(self) -> str: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class UpsertPlan:
    """The rows an upsert writes and its result: `new` as imported (a missing created_at or updated_at becomes `now`
    when written, see `inserts` and rows.to_row), `updates` with their timestamps filled."""

    new: list[Incident]
    updates: list[Incident]
    result: UpsertResult
    now: str = ""

    @property
    def inserts(self) -> list[Incident]:
        """The new rows with their timestamps filled (a copy of each incident lacking one)."""
        now = self.now
        return [stamped(item, item.created_at or now, item.updated_at or now) for item in self.new]

    @property
    def changes(self) -> bool:
        return bool(self.new or self.updates)


def content_key(incident: Incident) -> str:
    """A canonical JSON text of an incident's content (tuples and lists compare equal)."""
    return json.dumps(incident.content(), sort_keys=True, ensure_ascii=False, default=str)


def overwrite_fields(names: Iterable[str]) -> frozenset[str]:
    """The fields an import may overwrite (`all` for every one); an unknown name is an IncidentsError."""
    wanted = frozenset(names)
    if ALL_FIELDS in wanted:
        return frozenset(OVERWRITABLE)
    unknown = sorted(wanted - set(OVERWRITABLE))
    if unknown:
        raise IncidentsError(f"cannot overwrite {', '.join(unknown)}: use one of {', '.join(OVERWRITABLE)} or all "
                             "(sources and evidence are always merged)")
    return wanted


def plan_upsert(incoming: Iterable[Incident], existing: Mapping[str, Incident], now: str | None = None,
                overwrite: Iterable[str] = ()) -> UpsertPlan:
    """Decide per incident: insert (new id), update (merged content differs; created_at kept) or leave unchanged.

    Later duplicates of an id in `incoming` win. New rows keep a created_at they carry, else get `now`. An existing
    row is merged with the incoming one (see `merge`), so an import never drops sources, evidence or stored values.
    """
    now = now or utc_now_iso()
    allowed = overwrite_fields(overwrite)
    latest: dict[str, Incident] = {}
    for incident in incoming:
        latest[incident.id] = incident
    inserts, updates, unchanged = [], [], 0
    changed: dict[str, int] = {}
    kept: dict[str, int] = {}
    report: list[FieldChange] = []
    for incident_id, incident in latest.items():
        old = existing.get(incident_id)
        if old is None:
            inserts.append(incident)  # stamped when written: no copy of the incident
            continue
        values, notes = _merged_values(old, incident, allowed)
        for note in notes:
            counts = kept if note.kept else changed
            counts[note.field] = counts.get(note.field, 0) + 1
        report.extend(notes[:max(0, MAX_REPORTED - len(report))])
        if all(note.kept for note in notes):  # every value is the stored one: nothing to compare or write
            unchanged += 1
            continue
        merged = old.with_changes(**values)
        if content_key(old) == content_key(merged):
            unchanged += 1
        else:
            updates.append(merged.with_changes(created_at=old.created_at or now, updated_at=now))
    return UpsertPlan(inserts, updates, UpsertResult(len(inserts), len(updates), unchanged, changed, kept,
                                                     tuple(report)), now)


def stamped(incident: Incident, created_at: str, updated_at: str) -> Incident:
    """`incident` with its bookkeeping timestamps set, without validating the rest again (a hot path of imports)."""
    if (incident.created_at, incident.updated_at) == (created_at, updated_at):
        return incident
    out = object.__new__(Incident)
    out.__dict__.update(incident.__dict__, created_at=created_at, updated_at=updated_at)
    return out


def merge(old: Incident, new: Incident, overwrite: frozenset[str] = frozenset()) -> tuple[Incident, list[FieldChange]]:
    """The stored incident `old` updated by an imported `new`, and what changed or was kept, field by field.

    Sources and evidence are merged (nothing dropped). A field the store leaves at its default is filled; a value
    already stored (a person's, or an earlier import's) is kept unless its field is in `overwrite`. An empty
    imported value never erases a stored one.
    """
    values, notes = _merged_values(old, new, overwrite)
    return old.with_changes(**values), notes


def _merged_values(old: Incident, new: Incident, overwrite: frozenset[str]) -> tuple[dict[str, Any],
                                                                                      list[FieldChange]]:
    """The field values of `merge` and its notes; when no note is a change, every value is the stored one."""
    values: dict[str, Any] = {}
    notes: list[FieldChange] = []
    stored, incoming = old.__dict__, new.__dict__  # frozen dataclasses without slots: no attribute lookups
    for name, default in DEFAULTS.items():
        was, offered = stored[name], incoming[name]
        if name == "sources":
            value = merge_sources(was, offered)
            if len(value) == len(was):  # nothing added: the stored tuple itself (compared by identity below)
                value = was
        elif name == "evidence":
            continue
        elif name in CURATED:
            value = was
        elif _same(was, offered) or _same(offered, default) or not (_same(was, default) or name in overwrite):
            value = was
            if not _same(was, offered) and not _same(offered, default):
                notes.append(FieldChange(old.id, name, plain(was), plain(offered), kept=True))
        else:
            value = offered
        if not _same(value, was):
            notes.append(FieldChange(old.id, name, _shown(name, was), _shown(name, value)))
        values[name] = value
    taken = {change.field for change in notes if not change.kept}
    if new.evidence.keys() <= old.evidence.keys() and not taken.intersection(new.evidence):
        values["evidence"] = old.evidence  # what the merge below gives, without building and comparing it
        return values, notes
    evidence = {**new.evidence, **old.evidence, **{key: item for key, item in new.evidence.items() if key in taken}}
    if not _same(evidence, old.evidence):
        notes.append(FieldChange(old.id, "evidence", len(old.evidence), len(evidence)))
    values["evidence"] = evidence
    return values, notes


def merge_sources(stored: tuple[Source, ...], offered: tuple[Source, ...]) -> tuple[Source, ...]:
    """The stored sources, then each offered one not already there (same URL, or same text when it has no URL)."""
    seen = {_source_key(source) for source in stored}
    added = []
    for source in offered:
        key = _source_key(source)
        if key not in seen:
            seen.add(key)
            added.append(source)
    return tuple(stored) + tuple(added)


def _source_key(source: Source) -> tuple[str, ...]:
    return ("url", source.url.strip()) if source.url.strip() else ("text", source.title, source.excerpt)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _same(a: Any, b: Any) -> bool:
    if type(a) in _SCALARS and type(b) in _SCALARS:  # the common case: plain values compare directly
        return a == b
    if a is b:
        return True
    if isinstance(a, (Mapping, tuple, list)) or isinstance(b, (Mapping, tuple, list)):
        return json.dumps(plain(a), sort_keys=True, default=str) == json.dumps(plain(b), sort_keys=True, default=str)
    return a == b


def _shown(name: str, value: Any) -> Any:
    """How a change is reported: sources and evidence by their count, other fields by value."""
    return len(value) if name in MERGED else plain(value)


def _add_counts(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, int]:
    out = dict(a)
    for key, value in b.items():
        out[key] = out.get(key, 0) + value
    return out


def check_expected(expected: Mapping[str, int] | None, rows: Mapping[str, Row], ids: Iterable[str]) -> None:
    """EditConflict when an upsert names the row version it was based on and the stored one differs."""
    if not expected:
        return
    for incident_id in ids:
        if incident_id in expected:
            row = rows.get(incident_id)
            if row is None or row.version != expected[incident_id]:
                raise EditConflict(incident_id, row, {})


def edited(row: Row | None, incident_id: str, changes: Mapping[str, Any], expected_version: int,
           now: str | None = None) -> Incident:
    """The incident after an edit based on `expected_version`; EditConflict when the stored row moved on."""
    if row is None or row.version != expected_version:
        raise EditConflict(incident_id, row, changes)
    bad = sorted(set(changes) & set(BOOKKEEPING))
    if bad:
        raise IncidentsError(f"cannot edit {', '.join(bad)}: the store keeps them")
    data = {**row.incident.to_dict(), **changes, "updated_at": now or utc_now_iso()}
    return Incident.from_dict(data)


def poll_for_change(store: Any, since: int, timeout: float, every: float = 0.2) -> int:
    """Wait until `store.version()` differs from `since` or `timeout` seconds pass; the version then."""
    deadline = time.monotonic() + max(0.0, timeout)
    while True:
        now = store.version()
        if now != since or time.monotonic() >= deadline:
            return now
        time.sleep(min(every, max(0.0, deadline - time.monotonic())))
