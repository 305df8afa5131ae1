"""The bundled sample incidents and their loader; the hand-checked seed files win over machine-extracted ones."""

from __future__ import annotations

from pathlib import Path

from incidents.importers import read_file
from incidents.importers.common import Problem
from incidents.model import Incident

SAMPLES_DIR = Path(__file__).resolve().parent
HAND_CHECKED_PREFIX = "seed_"


def sample_paths() -> list[Path]:
    """Every bundled sample GeoJSON file: extracted ones first, then the hand-checked `seed_*` files."""
    return sorted(SAMPLES_DIR.glob("*.geojson"), key=lambda p: (p.name.startswith(HAND_CHECKED_PREFIX), p.name))


def load_samples() -> tuple[list[Incident], list[Problem]]:
    """The incidents of every sample file, one per id (a later file's version wins), and any problems."""
    by_id: dict[str, Incident] = {}
    problems: list[Problem] = []
    for path in sample_paths():
        found, trouble = read_file(path, "geojson")
        by_id.update((item.id, item.with_changes(review="reviewed")) for item in found)  # samples are curated
        problems += [{**item, "file": path.name} for item in trouble]
    return list(by_id.values()), problems


def seed_incidents() -> list[Incident]:
    """Only the hand-checked seed-article incidents."""
    found: list[Incident] = []
    for path in sample_paths():
        if path.name.startswith(HAND_CHECKED_PREFIX):
            found += read_file(path, "geojson")[0]
    return found
