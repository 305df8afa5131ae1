"""Place-name labels on the maps: every zoom's labels of a standalone map's area, or one view's for the live map."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dashboard.settings import dashboard_setting

AREA_LIMIT = 1500  # a standalone map: at most this many labels of its whole area per zoom
LABEL_ZOOMS_FROM = 3  # below this zoom a standalone map shows no place names (the world view)
VIEW_PAD = 0.5  # the live map: labels for the view grown by half its size on every side (a short pan asks nothing)
LAYER_NAME = "Place names (GeoNames)"
SCRIPTS = ("latin", "cyrillic")


def label_script() -> str:
    """INCIDENT_MAP_LABEL_SCRIPT: 'latin' (GeoNames' transliteration) or 'cyrillic' (the local name where the
    country writes one); anything else means 'latin'."""
    value = dashboard_setting("INCIDENT_MAP_LABEL_SCRIPT").strip().lower()
    return value if value in SCRIPTS else "latin"


@lru_cache(maxsize=16)
def area_label_rows(box: tuple[float, float, float, float], min_zoom: int, max_zoom: int,
                    script: str) -> list[list[Any]]:
    """Rows [lat, lon, name, rank, code] of every zoom of a standalone map over its basemap box, code having one
    character per zoom from LABEL_ZOOMS_FROM (see geodata.labels.label_zooms); [] when geodata cannot answer."""
    try:
        from geodata.labels import label_zooms

        return label_zooms(box, range(LABEL_ZOOMS_FROM, max(max_zoom, LABEL_ZOOMS_FROM) + 1), script, AREA_LIMIT)
    except (ImportError, OSError, ValueError):
        return []


def padded_view(view: dict[str, Any]) -> tuple[tuple[float, float, float, float], int] | None:
    """The (box, zoom) labels are chosen for from a view the browser asked about ({south, west, north, east, zoom}),
    or None for anything malformed."""
    try:
        south, west, north, east = (float(view[k]) for k in ("south", "west", "north", "east"))
        zoom = int(view["zoom"])
    except (KeyError, TypeError, ValueError):
        return None
    south, north = max(-90.0, south), min(90.0, north)  # Leaflet's bounds pass the poles on a small world map
    if not (south <= north and west <= east and 0 <= zoom <= 22 and east - west <= 720):
        return None
    dlat, dlon = (north - south) * VIEW_PAD, (east - west) * VIEW_PAD
    box = (max(-90.0, south - dlat), max(west - dlon, -540.0), min(90.0, north + dlat), min(east + dlon, 540.0))
    return tuple(round(v, 3) for v in box), zoom  # type: ignore[return-value]


@lru_cache(maxsize=64)
def _view_rows(box: tuple[float, float, float, float], zoom: int, script: str) -> list[list[Any]]:
    from geodata.labels import label_rows

    if box[3] - box[1] >= 360.0:
        box = (box[0], -180.0, box[2], 180.0)
    return [row[:4] + [str(row[4])] for row in label_rows(box, zoom, script)]


def view_labels(view: Any, script: str) -> dict[str, Any] | None:
    """The live map's label part for a view the browser asked about: {id, rows, box, zoom} (box as [s, w, n, e];
    each row's code is its position at that one zoom),
    or None when the request is malformed or geodata cannot answer."""
    padded = padded_view(view) if isinstance(view, dict) else None
    if padded is None:
        return None
    box, zoom = padded
    try:
        rows = _view_rows(box, zoom, script)
    except (ImportError, OSError, ValueError):
        return None
    return {"id": f"{zoom}:{box}:{script}:{view.get('n')}", "rows": rows, "box": list(box), "zoom": zoom}


def __getattr__(name: str) -> Any:
    """PlaceLabels (a folium layer) on demand: the live map imports this module without folium."""
    if name == "PlaceLabels":
        from dashboard.maps.layers import PlaceLabels

        return PlaceLabels
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
