"""Small builders of valid incidents for the incidents tests."""

from __future__ import annotations

from typing import Any

from incidents.model import Incident, Source

BASE: dict[str, Any] = {
    "event_type": "drone_strike",
    "lat": 55.7963,
    "lon": 49.1088,
    "started_at": "2024-12-21T07:40+03:00",
    "place": "Kazan",
    "admin1": "Tatarstan",
    "country": "RU",
}


def make(**changes: Any) -> Incident:
    """A valid Kazan drone strike with `changes` applied."""
    return Incident.from_dict({**BASE, **changes})


def rich(**changes: Any) -> Incident:
    """An incident with every kind of field filled, to exercise round-trips."""
    values: dict[str, Any] = {
        **BASE,
        "id": "kazan-1",
        "ended_at": "2024-12-21T09:20+03:00",
        "time_precision": "minute",
        "killed": 0,
        "injured": None,
        "drones_downed": 6,
        "sources": [Source("Kazan attacked", "https://example.org/a", "2024-12-21", "six drones were neutralized")],
        "notes": "=cmd|' /C calc'!A0 looks like a formula",
        "origin": {"format": "test", "codes": [1, 2]},
        "evidence": {"killed": {"sentence": "no casualties were reported", "start": 0, "end": 27}},
        "distance_claim": {"reference": "Moscow", "claimed_km": 800.0, "claimed_text": "800 km",
                           "geodesic_km": 720.6, "error_pct": 11.0, "verdict": "overstated"},
    }
    values.update(changes)
    return Incident.from_dict(values)
