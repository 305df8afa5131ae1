"""GeoJSON FeatureCollections of Points: the project's own export exactly, others with extra properties kept (or
mapped with --map like any table). The Point geometry is authoritative; `lat`/`lon` properties are ignored."""

from __future__ import annotations

import json
import math
import re
from typing import Any, Callable, Iterator, Mapping, TextIO

from incidents.errors import ImportFormatError, ValidationError
from incidents.frames import FIELDS
from incidents.importers.dates import needs_column
from incidents.importers.limits import check_finite
from incidents.importers.pipeline import Context, add_note
from incidents.importers.tables import Record, Table, cell_text

COORDINATE_FIELDS = ("lat", "lon")
CHECKED_JSON = ("origin", "evidence", "distance_claim")


def features_of(document: Any) -> list[Any]:
    """The features of a FeatureCollection (a lone Feature is a collection of one); ImportFormatError otherwise."""
    kind = document.get("type") if isinstance(document, dict) else type(document).__name__
    if kind == "Feature":
        return [document]
    if kind != "FeatureCollection":
        raise ImportFormatError(f"not a GeoJSON FeatureCollection (top-level type is {str(kind)[:40]!r}); "
                                "give a FeatureCollection of Point features")
    check_crs(crs_name(document))
    features = document.get("features")
    if not isinstance(features, list):
        raise ImportFormatError("the FeatureCollection has no 'features' list; add \"features\": [...]")
    return features


_WGS84 = re.compile(r"(CRS84|EPSG:{1,2}(?:[\d.]*:)?4326|WGS\s*84|4326)\s*$", re.IGNORECASE)
_CRS_NAME = re.compile(r'"crs"\s*:\s*\{[^{}]*"properties"\s*:\s*\{[^{}]*"name"\s*:\s*"([^"]{1,200})"')


def crs_name(document: Any) -> str:
    """The name in a FeatureCollection's (old-style) `crs` member, or ''."""
    crs = document.get("crs") if isinstance(document, dict) else None
    properties = crs.get("properties") if isinstance(crs, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else None
    return name if isinstance(name, str) else ""


def head_crs_name(head: str) -> str:
    """The crs member's name from the start of a large file read as a stream, or ''."""
    found = _CRS_NAME.search(head)
    return found.group(1) if found else ""


def is_wgs84(name: str) -> bool:
    return bool(_WGS84.search(name.strip()))


def check_crs(name: str) -> None:
    """ImportFormatError when the (old-style) `crs` member names a CRS that cannot be reprojected to WGS 84
    longitude/latitude (a known one is reprojected: see crs.py)."""
    from incidents.importers.crs import known

    if name and not is_wgs84(name) and not known(name):
        raise ImportFormatError(f"the file's coordinates are in {name[:80]} (its crs member), not WGS 84 degrees, "
                                "and that CRS is unknown; import with --crs EPSG:NNNN, or save it as GeoJSON in "
                                "EPSG:4326 (in QGIS: Export > Save Features As, CRS EPSG:4326)")


class FeatureTable(Table):
    """Features as rows; a column's values are one property of every feature."""

    def values(self, column: str) -> Iterator[str]:
        for _, feature, _ in self.open_rows():
            properties = feature.get("properties") if isinstance(feature, dict) else None
            value = properties.get(column) if isinstance(properties, dict) else None
            yield value if isinstance(value, str) else ""


def feature_table(features: list[Any]) -> FeatureTable:
    """The features of a collection, numbered from 1."""
    return FeatureTable([], lambda: ((n, f, "") for n, f in enumerate(features, start=1)), {})


def flat_rows(table: Table) -> Iterator[Record]:
    """Features as flat rows for a column map: the properties as text, plus lat and lon from the Point."""
    for number, feature, issue in table.rows():
        properties = feature.get("properties") if isinstance(feature, dict) else None
        row = {str(k): cell_text(v) for k, v in properties.items()} if isinstance(properties, dict) else {}
        try:
            lon, lat, _ = point_of(feature.get("geometry") if isinstance(feature, dict) else None)
        except ValidationError as exc:
            yield number, row, f"column geometry: {exc.message}"  # the row's values kept for its fixable copy
            continue
        yield number, {**row, "lat": repr(lat), "lon": repr(lon)}, issue


def feature_values(feature: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
    """The Incident fields of one Feature: coordinates from the Point, unknown properties into `origin`."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValidationError("type", _short(feature), "not a GeoJSON Feature")
    lon, lat, where = point_of(feature.get("geometry"))
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
    for name in CHECKED_JSON:
        check_finite(name, known.get(name))
    if extra:
        check_finite("origin", extra)
        known["origin"] = {**dict(known.get("origin") or {}), "properties": extra}
    _require_mapped(known, properties)
    if "id" not in known and feature.get("id") not in (None, ""):
        known["id"] = str(feature["id"])
    for name in ("started_at", "ended_at"):
        if isinstance(known.get(name), str) and needs_column(known[name]):
            known[name], note = ctx.when(name, known[name], lat, lon, name)
            add_note(known, note)
    if where:
        known.setdefault("geo_precision", "region")
        add_note(known, where)
    return {**known, "lat": lat, "lon": lon}


def _require_mapped(known: Mapping[str, Any], properties: Mapping[str, Any]) -> None:
    """A problem with its remedy when a required field is not a property (a mapping tool named it otherwise)."""
    from incidents.importers.mapping import propose_map

    missing = [name for name in ("event_type", "started_at") if known.get(name) in (None, "")]
    proposed = propose_map([str(key) for key in properties]).fields if missing else {}
    told = []  # every missing field at once: a drawing from geojson.io has neither, and one answer should say so
    for name in missing:
        column = proposed.get(name)
        told.append(f"no {name} property; " + (f"this file's property {column!r} looks like it: import with "
                                               f"--map {name}={column}" if column else
                                               f"add {name}, or name the property holding it with --map {name}=NAME"))
    if missing:
        raise ValidationError(missing[0], "", "; ".join(told))


SHAPES = ("MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
MAX_SHAPE_POINTS = 100_000


def point_of(geometry: Any) -> tuple[float, float, str]:
    """(lon, lat, note): a Point as it is; a MultiPoint, line or polygon (as mapping tools draw) by the centre of its
    vertices, with a note saying so; ValidationError for anything else."""
    if isinstance(geometry, dict) and geometry.get("type") in SHAPES:
        points = list(_vertices(geometry.get("coordinates"), 0))
        if not points:
            raise ValidationError("geometry", geometry.get("type"), f"the {geometry.get('type')} has no [lon, lat] "
                                  "positions; give a Point")
        lon = sum(p[0] for p in points) / len(points)
        lat = sum(p[1] for p in points) / len(points)
        return lon, lat, (f"placed at the centre of the {geometry['type']}'s {len(points)} position(s) "
                          "(geo_precision region)")
    lon, lat = _point(geometry)
    return lon, lat, ""


def _vertices(value: Any, depth: int) -> Iterator[tuple[float, float]]:
    """The distinct [lon, lat] positions nested in a geometry's coordinates (at most 4 levels, MAX_SHAPE_POINTS)."""
    seen: set[tuple[float, float]] = set()
    stack = [(value, depth)]
    while stack and len(seen) < MAX_SHAPE_POINTS:
        item, level = stack.pop()
        if not isinstance(item, list) or level > 4:
            continue
        if len(item) >= 2 and _finite(item[0]) and _finite(item[1]):
            point = (float(item[0]), float(item[1]))
            if point not in seen and -180 <= point[0] <= 180 and -90 <= point[1] <= 90:
                seen.add(point)
                yield point
            continue
        stack.extend((child, level + 1) for child in item)


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


STREAM_CHUNK = 2**20
_FEATURES = re.compile(r'"features"\s*:\s*\[')


def stream_features(opener: Callable[[], TextIO]) -> Iterator[Any]:
    """The features of a large FeatureCollection file one at a time (memory does not grow with the file)."""
    from incidents.importers.limits import _DECODER, MAX_CELL_CHARS, MAX_JSON_DEPTH, check_depth

    with opener() as stream:
        buffer, position, done = _to_features(stream)
        while True:
            position = _skip(buffer, position)
            while position >= len(buffer) and not done:
                buffer, position, done = _more(stream, buffer, position)
                position = _skip(buffer, position)
            if position >= len(buffer):
                raise ImportFormatError("the GeoJSON file ends inside the 'features' list; the file is cut short")
            if buffer[position] == "]":
                return
            try:
                feature, end = _DECODER.raw_decode(buffer, position)
            except json.JSONDecodeError as exc:
                if done or len(buffer) - position > MAX_CELL_CHARS:
                    raise ImportFormatError(f"not JSON: {exc.msg} in a feature") from None
                buffer, position, done = _more(stream, buffer, position)
                continue
            except RecursionError:
                raise ImportFormatError("JSON nested too deeply; incident data nests only a few levels") from None
            if buffer.count("{", position, end) + buffer.count("[", position, end) > MAX_JSON_DEPTH:
                check_depth(feature)  # only a feature with that many brackets (strings included) can nest so deep
            yield feature
            position = end


def streamable(head: str) -> bool:
    """Whether a JSON file's head opens a FeatureCollection's 'features' list (read feature by feature); anything
    else (the ACLED API's {"data": [...]}, UCDP's {"Result": [...]}, a list of records) is read whole."""
    match = _FEATURES.search(head)
    return head.lstrip().startswith("{") and match is not None and "FeatureCollection" in head[:match.start()]


def _to_features(stream: TextIO) -> tuple[str, int, bool]:
    buffer, piece = "", "start"
    while piece and _FEATURES.search(buffer) is None and len(buffer) < 2**20:
        piece = stream.read(STREAM_CHUNK)
        buffer += piece
    match = _FEATURES.search(buffer)
    if not buffer.lstrip().startswith("{") or match is None or "FeatureCollection" not in buffer[:match.start()]:
        raise ImportFormatError("not a GeoJSON FeatureCollection starting with its type and a 'features' list")
    crs = _CRS_NAME.search(buffer, 0, match.start())
    check_crs(crs.group(1) if crs else "")
    return buffer, match.end(), not piece


def _more(stream: TextIO, buffer: str, position: int) -> tuple[str, int, bool]:
    piece = stream.read(STREAM_CHUNK)
    return buffer[position:] + piece, 0, not piece


def _skip(buffer: str, position: int) -> int:
    length = len(buffer)
    while position < length and buffer[position] in " \t\r\n,":
        position += 1
    return position


def streamed_table(opener: Callable[[], TextIO], info: dict[str, Any]) -> FeatureTable:
    """A FeatureTable read from a file feature by feature, numbered from 1."""
    return FeatureTable([], lambda: ((n, f, "") for n, f in enumerate(stream_features(opener), start=1)), info)
