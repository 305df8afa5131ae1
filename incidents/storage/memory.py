"""An in-memory incident store for tests and throwaway sessions."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from incidents.frames import to_frame
from incidents.model import Incident
from incidents.storage.base import UpsertResult, plan_upsert


class MemoryStore:
    """Incidents in a dict keyed by id; same behaviour as the SQLite store, nothing persisted."""

    def __init__(self) -> None:
        self._rows: dict[str, Incident] = {}
        self._version = 0

    def upsert(self, incidents: Iterable[Incident]) -> UpsertResult:
        plan = plan_upsert(incidents, self._rows)
        for incident in plan.inserts + plan.updates:
            self._rows[incident.id] = incident
        self._version += plan.changes
        return plan.result

    def all(self) -> list[Incident]:
        return sorted(self._rows.values(), key=lambda item: (item.started_at[:10], item.id))

    def frame(self) -> pd.DataFrame:
        return to_frame(self._rows.values())

    def get(self, incident_id: str) -> Incident | None:
        return self._rows.get(incident_id)

    def delete(self, ids: Iterable[str]) -> int:
        gone = [key for key in set(ids) if self._rows.pop(key, None) is not None]
        self._version += bool(gone)
        return len(gone)

    def count(self) -> int:
        return len(self._rows)

    def version(self) -> int:
        return self._version

    def describe(self) -> str:
        return "in-memory store (nothing is saved)"

    def close(self) -> None:
        return None
