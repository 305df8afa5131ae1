"""The Storage protocol every incident store implements, and the upsert bookkeeping they share."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Mapping, Protocol, runtime_checkable

import pandas as pd

from incidents.model import Incident, utc_now_iso


@dataclass(frozen=True)
class UpsertResult:
    """What one upsert did: rows added, rows changed, rows already identical."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged}


@runtime_checkable
class Storage(Protocol):
    """A place incidents live: upsert by id in one transaction, read back as records or a frame."""

    def upsert(self, incidents: Iterable[Incident]) -> UpsertResult: ...

    def all(self) -> list[Incident]: ...

    def frame(self) -> pd.DataFrame: ...

    def get(self, incident_id: str) -> Incident | None: ...

    def delete(self, ids: Iterable[str]) -> int: ...

    def count(self) -> int: ...

    def version(self) -> int: ...

    def describe(self) -> str: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class UpsertPlan:
    """The rows an upsert writes (timestamps already filled) and its result."""

    inserts: list[Incident]
    updates: list[Incident]
    result: UpsertResult

    @property
    def changes(self) -> bool:
        return bool(self.inserts or self.updates)


def content_key(incident: Incident) -> str:
    """A canonical JSON text of an incident's content (tuples and lists compare equal)."""
    return json.dumps(incident.content(), sort_keys=True, ensure_ascii=False, default=str)


def plan_upsert(incoming: Iterable[Incident], existing: Mapping[str, Incident], now: str | None = None) -> UpsertPlan:
    """Decide per incident: insert (new id), update (content differs; created_at kept) or leave unchanged.

    Later duplicates of an id in `incoming` win. New rows keep a created_at they carry, else get `now`.
    """
    now = now or utc_now_iso()
    latest: dict[str, Incident] = {}
    for incident in incoming:
        latest[incident.id] = incident
    inserts, updates, unchanged = [], [], 0
    for incident_id, incident in latest.items():
        old = existing.get(incident_id)
        if old is None:
            inserts.append(incident.with_changes(created_at=incident.created_at or now,
                                                 updated_at=incident.updated_at or now))
        elif content_key(old) == content_key(incident):
            unchanged += 1
        else:
            updates.append(incident.with_changes(created_at=old.created_at or now, updated_at=now))
    return UpsertPlan(inserts, updates, UpsertResult(len(inserts), len(updates), unchanged))
