"""GeoJSON FeatureCollections of Points: the project's own export exactly, others with extra properties kept.

The Point geometry is authoritative for the position; `lat`/`lon` properties, when present, are ignored.
"""

from __future__ import annotations

import json
import math
from typing import Any, Mapping

from incidents.errors import ImportFormatError, ValidationError
from incidents.frames import FIELDS
from incidents.importers.common import Problem, collect
from incidents.model import Incident

COORDINATE_FIELDS = ("lat", "lon")


def read(text: str) -> tuple[list[Incident], list[Problem]]:
    """Incidents and feature problems (row = feature number from 1) from GeoJSON text."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
    kind = document.get("type") if isinstance(document, dict) else type(document).__name__
    if kind == "Feature":
        document = {"type": "FeatureCollection", "features": [document]}  # a lone Feature is a collection of one
    elif kind != "FeatureCollection":
        raise ImportFormatError(f"not a GeoJSON FeatureCollection (top-level type is {str(kind)[:40]!r}); "
                                "give a FeatureCollection of Point features")
    features = document.get("features")
    if not isinstance(features, list):
        raise ImportFormatError("the FeatureCollection has no 'features' list; add \"features\": [...]")
    return collect(features, feature_values, first_row=1, label="geojson")


def feature_values(feature: Mapping[str, Any]) -> dict[str, Any]:
    """The Incident fields of one Feature: coordinates from the Point, unknown properties into `origin`."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValidationError("type", _short(feature), "not a GeoJSON Feature")
    lon, lat = _point(feature.get("geometry"))
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        raise ValidationError("properties", _short(properties), "must be an object of incident fields")
    properties = dict(properties)
    if isinstance(properties.get("id"), int) and not isinstance(properties["id"], bool):
        properties["id"] = str(properties["id"])  # numeric ids written by GIS tools
    for name in COORDINATE_FIELDS:
        properties.pop(name, None)
    known = {k: v for k, v in properties.items() if k in FIELDS}
    extra = {k: v for k, v in properties.items() if k not in FIELDS}
    if extra:
        known["origin"] = {**dict(known.get("origin") or {}), "properties": extra}
    if "id" not in known and feature.get("id") not in (None, ""):
        known["id"] = str(feature["id"])
    return {**known, "lat": lat, "lon": lon}


def _point(geometry: Any) -> tuple[float, float]:
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        kind = geometry.get("type") if isinstance(geometry, dict) else geometry
        raise ValidationError("geometry", kind, "each incident needs a Point geometry with [lon, lat] coordinates")
    coordinates = geometry.get("coordinates")
    if (not isinstance(coordinates, list) or len(coordinates) < 2
            or not all(_finite(value) for value in coordinates[:2])):
        raise ValidationError("geometry", coordinates, "Point coordinates must be [lon, lat] numbers")
    return float(coordinates[0]), float(coordinates[1])


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _short(value: Any) -> str:
    return json.dumps(value, default=str)[:80]
