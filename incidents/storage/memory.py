"""An in-memory incident store for tests and throwaway sessions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from incidents.frames import to_frame
from incidents.model import Incident, IncidentFilter
from incidents.storage.base import (
    Row,
    UpsertResult,
    check_expected,
    edited,
    plan_upsert,
    poll_for_change,
)
from incidents.storage.journal import (
    LOCAL,
    Batch,
    Change,
    Tombstone,
    Writes,
    changes_between,
    now_iso,
    upsert_changes,
)
from incidents.storage.rows import CATALOG, chunked

CHUNK = 500


class MemoryStore:
    """Incidents in a dict keyed by id; same behaviour as the SQLite store, nothing persisted."""

    def __init__(self) -> None:
        self._rows: dict[str, Row] = {}
        self._version = 0
        self._history: list[Change] = []
        self._batches: dict[str, Batch] = {}
        self._tombstones: dict[str, Tombstone] = {}

    def upsert(self, incidents: Iterable[Incident], overwrite: Iterable[str] = (),
               expected: Mapping[str, int] | None = None, actor: str = LOCAL, reason: str = "",
               batch: Batch | None = None) -> UpsertResult:
        allowed = tuple(overwrite)
        staged = dict(self._rows)  # all or nothing, like one transaction
        logged: list[Change] = []
        total = UpsertResult()
        for chunk in chunked(incidents, CHUNK):
            kept = [item for item in chunk if item.id not in self._tombstones]
            check_expected(expected, staged, (item.id for item in kept))
            existing = {item.id: staged[item.id].incident for item in kept if item.id in staged}
            plan = plan_upsert(kept, existing, overwrite=allowed)
            self._stage(staged, plan.inserts + plan.updates)
            logged += upsert_changes(plan.new, plan.updates, existing, actor, reason, batch.id if batch else None)
            total += plan.result + UpsertResult(unchanged=len(chunk) - len(kept))
        self._rows = staged
        self._history += logged
        if batch is not None and total.wrote:
            self._batches[batch.id] = Batch(batch.id, batch.kind, batch.source, batch.sha256, batch.actor,
                                            batch.at or now_iso(), total.inserted, total.updated, total.unchanged)
        self._version += total.wrote
        return total

    @staticmethod
    def _stage(staged: dict[str, Row], incidents: Iterable[Incident]) -> None:
        for incident in incidents:
            old = staged.get(incident.id)
            staged[incident.id] = Row(incident, old.version + 1 if old else 1)

    def update(self, incident_id: str, changes: Mapping[str, Any], expected_version: int, actor: str = LOCAL,
               reason: str = "") -> Row:
        row = self._rows.get(incident_id)
        incident = edited(row, incident_id, changes, expected_version)
        self._stage(self._rows, [incident])
        self._history += changes_between(row.incident, incident, actor, now_iso(), reason)
        self._version += 1
        return self._rows[incident_id]

    def apply(self, writes: Writes) -> None:
        check_expected(writes.expected, self._rows, writes.expected or ())
        self._stage(self._rows, writes.rows)
        for item in writes.tombstones:
            self._rows.pop(item.id, None)
            self._tombstones[item.id] = item
        for key in writes.removed:
            self._rows.pop(key, None)
        for key in writes.revived:
            self._tombstones.pop(key, None)
        self._history += writes.changes
        if writes.batch is not None:
            self._batches[writes.batch.id] = writes.batch
        self._version += 1

    def history(self, incident_id: str | None = None, since: str | None = None,
                batch: str | None = None) -> list[Change]:
        return [item for item in self._history if (incident_id is None or item.incident_id == incident_id)
                and (since is None or item.at >= since) and (batch is None or item.batch == batch)]

    def batches(self) -> list[Batch]:
        return sorted(self._batches.values(), key=lambda item: (item.at, item.id))

    def tombstones(self, ids: Iterable[str] | None = None) -> dict[str, Tombstone]:
        wanted = None if ids is None else set(ids)
        return {key: item for key, item in sorted(self._tombstones.items()) if wanted is None or key in wanted}

    def load(self, incidents: Iterable[Incident]) -> int:
        rows = list(incidents)
        self._stage(self._rows, rows)
        self._version += bool(rows)
        return len(rows)

    def all(self) -> list[Incident]:
        return sorted((row.incident for row in self._rows.values()), key=lambda item: (item.started_at[:10], item.id))

    def frame(self) -> pd.DataFrame:
        return to_frame(row.incident for row in self._rows.values())

    def select(self, flt: IncidentFilter) -> pd.DataFrame:
        from incidents.selection import select

        return select(self.frame(), flt)

    def catalog(self, flt: IncidentFilter, columns: tuple[str, ...] = CATALOG) -> pd.DataFrame:
        columns = tuple(dict.fromkeys((*columns, "lat", "lon")))
        return self.select(flt)[list(columns)].reset_index(drop=True)

    def get(self, incident_id: str) -> Incident | None:
        row = self._rows.get(incident_id)
        return row.incident if row else None

    def get_row(self, incident_id: str) -> Row | None:
        return self._rows.get(incident_id)

    def get_rows(self, ids: Iterable[str]) -> dict[str, Row]:
        return {key: self._rows[key] for key in ids if key in self._rows}

    def scan(self, after: str | None = None, limit: int = 1000) -> list[Incident]:
        ids = sorted(key for key in self._rows if key > (after or ""))[:limit]
        return [self._rows[key].incident for key in ids]

    def delete(self, ids: Iterable[str]) -> int:
        gone = [key for key in set(ids) if self._rows.pop(key, None) is not None]
        self._version += bool(gone)
        return len(gone)

    def count(self) -> int:
        return len(self._rows)

    def version(self) -> int:
        return self._version

    def wait_for_change(self, since: int, timeout: float) -> int:
        return poll_for_change(self, since, timeout)

    def describe(self) -> str:
        return "in-memory store (nothing is saved)"

    def close(self) -> None:
        return None
