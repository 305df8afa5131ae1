"""Merge several articles' reports of one incident (same type, same place or airport, same day) into one incident."""

from __future__ import annotations

from typing import Iterable

from incidents.model import Incident, Source

_PRECISION = ("minute", "hour", "day", "month")


def merge_key(incident: Incident) -> tuple:
    """What makes two reports the same incident: type, airport code or place (name and rounded point), local day."""
    where = incident.airport_icao or incident.airport_iata or (incident.place.casefold(), incident.country,
                                                                round(incident.lat, 1), round(incident.lon, 1))
    return (incident.event_type, where, incident.start.day)


def merge(incidents: Iterable[Incident]) -> list[Incident]:
    """One incident per merge key, in order of first appearance, sources combined without repeats."""
    groups: dict[tuple, list[Incident]] = {}
    for incident in incidents:
        groups.setdefault(merge_key(incident), []).append(incident)
    return [merge_group(group) for group in groups.values()]


def merge_group(group: list[Incident]) -> Incident:
    """The best-timed report, completed by the others: counts (largest), status (lifted wins), sources, notes, evidence."""
    if len(group) == 1:
        return group[0]
    base = min(group, key=lambda i: _PRECISION.index(i.time_precision))
    changes: dict = {"sources": _sources(group), "notes": "; ".join(_unique(n for i in group for n in i.notes.split("; ") if n))}
    for name in ("killed", "injured", "drones_downed"):
        values = [getattr(i, name) for i in group if getattr(i, name) is not None]
        changes[name] = max(values) if values else None
    if base.status is not None:
        changes["status"] = "lifted" if any(i.status == "lifted" for i in group) else base.status
    evidence = {}
    for incident in group:
        for field, item in incident.evidence.items():
            evidence.setdefault(field, item)
    changes["evidence"] = evidence
    changes["distance_claim"] = base.distance_claim or next((i.distance_claim for i in group if i.distance_claim), None)
    if base.ended_at is None:
        changes["ended_at"] = next((i.ended_at for i in group if i.ended_at and i.time_precision == base.time_precision), None)
    return base.with_changes(**changes)


def _sources(group: list[Incident]) -> tuple[Source, ...]:
    seen: dict[tuple[str, str, str], Source] = {}
    for incident in group:
        for source in incident.sources:
            seen.setdefault((source.title, source.url, source.published), source)
    return tuple(seen.values())


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
