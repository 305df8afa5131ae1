"""Small builders of valid incidents for the incidents tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from incidents.model import Incident, Source

ROOT = Path(__file__).resolve().parents[2]

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


def import_cli(tmp_path: Path, *args: str) -> dict:
    """`python -m incidents import ARGS` into a store in tmp_path: its JSON, or {"error": its one line}; never a traceback."""
    env = {"INCIDENTS_DB": str(tmp_path / "store.sqlite"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "incidents", "import", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout) if done.returncode == 0 else {"error": done.stderr.strip()}
