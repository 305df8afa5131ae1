"""Places and geometry: gazetteer, geocoding, distances, regions and time zones; knows nothing of incidents."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from geodata.gazetteer import Place


def reference_place(name: str | None = None) -> "Place":
    """The reference place for distances: `name` ('lat,lon' allowed), else INCIDENT_MAP_REFERENCE (Moscow)."""
    from geodata.geocoding import resolve
    from geodata.settings import setting

    return resolve(name if name is not None else setting("INCIDENT_MAP_REFERENCE"))
