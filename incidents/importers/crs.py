"""Coordinates in another CRS (`--crs EPSG:NNNN`, or a GeoJSON file's crs member) reprojected to WGS 84 longitude
and latitude with pyproj (its wheel bundles proj.db; no download), the source CRS noted on every row."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any, Mapping

from incidents.errors import ImportFormatError, ValidationError
from incidents.importers.limits import number_text
from incidents.importers.pipeline import Context, Mapper, add_note

MAX_POSITIONS = 100_000  # per feature, as for shapes read without reprojection
MAX_NAME = 200


@lru_cache(maxsize=32)
def transformer(name: str) -> tuple[Any, str] | None:
    """(a pyproj Transformer to WGS 84 lon/lat, the CRS's label) for a CRS name; None for WGS 84 degrees already;
    ImportFormatError for a name pyproj does not know."""
    from pyproj import CRS, Transformer
    from pyproj.exceptions import CRSError

    text = (name or "").strip()[:MAX_NAME]
    try:
        crs = CRS.from_user_input(text)
    except (CRSError, ValueError, TypeError) as exc:
        raise ImportFormatError(f"unknown CRS {text!r} ({str(exc)[:80]}); give it as EPSG:NNNN, e.g. "
                                "--crs EPSG:3857") from None
    epsg = crs.to_epsg()
    if epsg == 4326 or (crs.is_geographic and crs.name.startswith("WGS 84")):
        return None
    label = f"EPSG:{epsg}" if epsg else crs.name
    try:
        return Transformer.from_crs(crs, "EPSG:4326", always_xy=True), label
    except CRSError as exc:
        raise ImportFormatError(f"cannot reproject from {label} to WGS 84 ({str(exc)[:80]})") from None


def known(name: str) -> bool:
    """Whether a CRS name can be reprojected from (WGS 84 itself included)."""
    try:
        transformer(name)
    except ImportFormatError:
        return False
    return True


def reprojecting(mapper: Mapper, ctx: Context, name: str) -> Mapper:
    """`mapper` fed rows whose coordinates are reprojected first (a GeoJSON Feature's geometry, a table's lat/lon
    columns as the report names them: lat holds y/northing, lon x/easting), each row noting the source CRS."""
    found = transformer(name)
    if found is None:
        return mapper
    project, label = found
    ctx.report.info["crs"] = label
    lat_column = ctx.report.columns.get("lat", "lat")
    lon_column = ctx.report.columns.get("lon", "lon")

    def mapped(row: Any, context: Context) -> dict[str, Any]:
        if isinstance(row, dict) and row.get("type") == "Feature":
            row = _feature(row, project)
        elif isinstance(row, dict):
            row = _cells(row, lat_column, lon_column, project, label)
        values = mapper(row, context)
        add_note(values, f"coordinates reprojected from {label} to WGS 84")
        return values

    return mapped


def _cells(row: Mapping[str, Any], lat_column: str, lon_column: str, project: Any, label: str) -> dict[str, Any]:
    y, x = row.get(lat_column), row.get(lon_column)
    if not isinstance(y, str) or not isinstance(x, str) or not y.strip() or not x.strip():
        return dict(row)  # the mapper names what is missing
    northing = float(number_text(lat_column, y, f"must be a number of {label} units (northing)"))
    easting = float(number_text(lon_column, x, f"must be a number of {label} units (easting)"))
    lon, lat = project.transform(easting, northing)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise ValidationError(lat_column, y, f"({x}, {y}) is outside the area {label} covers; check --crs")
    return {**row, lat_column: repr(round(lat, 7)), lon_column: repr(round(lon, 7))}


def _feature(feature: Mapping[str, Any], project: Any) -> dict[str, Any]:
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        return dict(feature)
    budget = [MAX_POSITIONS]
    coordinates = _positions(geometry.get("coordinates"), project, 0, budget)
    return {**feature, "geometry": {**geometry, "coordinates": coordinates}}


def _positions(value: Any, project: Any, depth: int, budget: list[int]) -> Any:
    """The nested [x, y] positions of a geometry reprojected (at most 4 levels and MAX_POSITIONS)."""
    if not isinstance(value, list) or depth > 4:
        return value
    if len(value) >= 2 and all(_number(item) for item in value[:2]):
        if budget[0] <= 0:
            return value
        budget[0] -= 1
        lon, lat = project.transform(float(value[0]), float(value[1]))
        return [round(lon, 7), round(lat, 7), *value[2:]] if math.isfinite(lon) and math.isfinite(lat) else [None, None]
    return [_positions(item, project, depth + 1, budget) for item in value]


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
