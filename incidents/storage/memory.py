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
from incidents.storage.rows import CATALOG, chunked

CHUNK = 500


class MemoryStore:
    """Incidents in a dict keyed by id; same behaviour as the SQLite store, nothing persisted."""

    def __init__(self) -> None:
        self._rows: dict[str, Row] = {}
        self._version = 0

    def upsert(self, incidents: Iterable[Incident], overwrite: Iterable[str] = (),
               expected: Mapping[str, int] | None = None) -> UpsertResult:
        allowed = tuple(overwrite)
        staged = dict(self._rows)  # all or nothing, like one transaction
        total = UpsertResult()
        for chunk in chunked(incidents, CHUNK):
            check_expected(expected, staged, (item.id for item in chunk))
            plan = plan_upsert(chunk, {item.id: staged[item.id].incident for item in chunk if item.id in staged},
                               overwrite=allowed)
            self._stage(staged, plan.inserts + plan.updates)
            total += plan.result
        self._rows = staged
        self._version += total.wrote
        return total

    @staticmethod
    def _stage(staged: dict[str, Row], incidents: Iterable[Incident]) -> None:
        for incident in incidents:
            old = staged.get(incident.id)
            staged[incident.id] = Row(incident, old.version + 1 if old else 1)

    def update(self, incident_id: str, changes: Mapping[str, Any], expected_version: int) -> Row:
        incident = edited(self._rows.get(incident_id), incident_id, changes, expected_version)
        self._stage(self._rows, [incident])
        self._version += 1
        return self._rows[incident_id]

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
