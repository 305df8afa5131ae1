"""Numbered groups for the briefing: related incidents (one article nearby, or close in space and time) share a number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from incidents.model import EVENT_LABELS, STRIKE_TYPES

ARTICLE_KM = 150.0  # incidents cited from one article and at most this far apart are one group
RELATED_KM = 50.0  # ... and so are incidents this close ...
RELATED_DAYS = 1  # ... on the same or the next calendar day
KIND_RANK = {"missile_strike": 0, "drone_strike": 1, "strike": 2, "explosion": 3, "interception": 4, "other": 5,
             "airspace_restriction": 6}
EARTH_KM = 6371.0088


@dataclass(frozen=True)
class Group:
    """A numbered group: its records (newest first), where its marker goes (the lead record's point) and its label."""

    number: int
    records: tuple[dict[str, Any], ...]
    lat: float
    lon: float
    kind: str
    status: str
    label: str
    weight: tuple  # sorts the most important group first
    place: str = ""  # the lead incident's place: the short label

    @property
    def synthetic(self) -> bool:
        return any(r.get("verification") == "synthetic" for r in self.records)


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _urls(record: dict[str, Any]) -> set[str]:
    return {str(s.get("url")) for s in (record.get("sources") or ()) if s.get("url")}


def _km(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Great-circle distances between every pair of points (haversine), in km."""
    la, lo = np.radians(lat), np.radians(lon)
    dlat = la[:, None] - la[None, :]
    dlon = lo[:, None] - lo[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(la)[:, None] * np.cos(la)[None, :] * np.sin(dlon / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def related(records: list[dict[str, Any]]) -> list[list[int]]:
    """Indexes of `records` joined into groups (each group in the records' order, groups by their first member)."""
    n = len(records)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if n > 1:
        lat = np.array([float(r["lat"]) for r in records])
        lon = np.array([float(r["lon"]) for r in records])
        km = _km(lat, lon)
        days = np.array([pd.Timestamp(r["day"]).value // 86_400_000_000_000 if not _missing(r.get("day")) else -10**9
                         for r in records])
        near = (km <= RELATED_KM) & (np.abs(days[:, None] - days[None, :]) <= RELATED_DAYS)
        urls = [_urls(r) for r in records]
        for i, j in zip(*np.nonzero(np.triu(km <= ARTICLE_KM, 1))):
            if near[i, j] or urls[i] & urls[j]:
                parent[root(int(i))] = root(int(j))
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def numbered_groups(records: list[dict[str, Any]]) -> list[Group]:
    """The groups of `records` (newest first), numbered 1, 2, … in order of their newest incident."""
    out = []
    for number, members in enumerate(related(records), 1):
        rows = tuple(records[i] for i in members)
        lead = min(rows, key=_importance)
        out.append(Group(number, rows, float(lead["lat"]), float(lead["lon"]), str(lead.get("event_type") or "other"),
                         _status(lead), group_label(rows, lead), (*_importance(lead)[:3], number),
                         group_label((lead,), lead)))
    return out


def _status(record: dict[str, Any]) -> str:
    if record.get("event_type") != "airspace_restriction":
        return ""
    status = record.get("status")
    return "none" if _missing(status) or not status else str(status)


def _harm(record: dict[str, Any]) -> int:
    return sum(int(record.get(name)) for name in ("killed", "injured") if not _missing(record.get(name)))


def _importance(record: dict[str, Any]) -> tuple:
    """Lower sorts first: real before synthetic, then casualties, then strikes before other kinds and restrictions."""
    kind = str(record.get("event_type") or "other")
    synthetic = 1 if record.get("verification") == "synthetic" else 0
    return (synthetic, -_harm(record), KIND_RANK.get(kind, 5), 0 if _status(record) == "active" else 1)


def phrase(record: dict[str, Any]) -> str:
    """What happened in a few words: 'drone strike', 'KZN flights suspended', 'SGC restriction lifted'."""
    kind = str(record.get("event_type") or "other")
    if kind != "airspace_restriction":
        return EVENT_LABELS.get(kind, kind).lower()
    code = next((str(record[k]) for k in ("airport_iata", "airport_icao") if not _missing(record.get(k)) and record.get(k)),
                "")
    status = _status(record)
    words = {"active": "flights suspended", "lifted": "restriction lifted"}.get(status, "airspace restriction")
    return f"{code} {words}".strip()


def group_label(rows: tuple[dict[str, Any], ...], lead: dict[str, Any]) -> str:
    """'Kazan' for one incident; 'Kazan: drone strike; KZN flights suspended' for a group."""
    place = str(lead.get("place") or "") if not _missing(lead.get("place")) else ""
    place = place or "unnamed place"
    if len(rows) == 1:
        return place
    phrases: list[str] = []
    for record in sorted(rows, key=_importance):
        words = phrase(record)
        if words not in phrases:
            phrases.append(words)
    return f"{place}: {'; '.join(phrases)}"


def strike_first(kind: str) -> bool:
    return kind in STRIKE_TYPES
