"""The offline basemap for a map: coarse world countries plus admin-1 regions around the data, simplified to stay small."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

Bbox = tuple[float, float, float, float]  # (south, west, north, east)
WORLD_TOLERANCE = 0.25  # degrees; the world layer is a backdrop
WORLD_MIN_AREA = 0.5  # square degrees; smaller islands are left out of the backdrop
MARGIN_DEGREES = 3.0
EMPTY: dict[str, Any] = {"type": "FeatureCollection", "features": []}


@lru_cache(maxsize=4)
def _level(level: str) -> tuple[tuple[dict[str, Any], ...], np.ndarray]:
    """Properties and shapely geometries of one Natural Earth level (decoded once, then read back from the cache
    folder); empty when geodata has no basemap."""
    try:
        from geodata.regions import basemap_shapes

        return basemap_shapes(level)
    except (ImportError, AttributeError, OSError, ValueError):
        return (), np.array([], dtype=object)


def _collection(props: list[dict[str, Any]], geoms: np.ndarray, tolerance: float,
                decimals: int) -> tuple[dict[str, Any], np.ndarray]:
    """Simplified GeoJSON of the geometries that survive simplification, and which ones did (a mask)."""
    import shapely

    if not len(geoms):
        return dict(EMPTY), np.zeros(0, dtype=bool)
    try:  # shared borders stay shared: no slivers of sea between neighbours
        simple = shapely.coverage_simplify(geoms, tolerance)
    except (AttributeError, shapely.errors.GEOSException):
        simple = shapely.simplify(geoms, tolerance)
    geometries = [_rounded(json.loads(text), decimals) for text in shapely.to_geojson(simple)]
    kept = np.array([bool(g["coordinates"]) for g in geometries], dtype=bool)
    names = ("name", "admin1", "country")
    features = [
        {"type": "Feature", "properties": {k: p.get(k) for k in names if p.get(k)}, "geometry": g}
        for p, g, k in zip(props, geometries, kept) if k
    ]
    return {"type": "FeatureCollection", "features": features}, kept


def _ring(ring: list[list[float]], decimals: int) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, decimals), round(y, decimals)]
        if not out or point != out[-1]:
            out.append(point)
    return out if len(out) >= 4 else []


def _polygon(rings: list[Any], decimals: int) -> list[Any]:
    outer = _ring(rings[0], decimals) if rings else []
    if not outer:
        return []
    return [outer] + [r for r in (_ring(inner, decimals) for inner in rings[1:]) if r]


def _rounded(geometry: dict[str, Any], decimals: int) -> dict[str, Any]:
    """Polygon/MultiPolygon GeoJSON with rounded coordinates, repeated points and collapsed rings removed."""
    if geometry.get("type") == "Polygon":
        return {"type": "Polygon", "coordinates": _polygon(geometry["coordinates"], decimals)}
    if geometry.get("type") == "MultiPolygon":
        parts = [p for p in (_polygon(poly, decimals) for poly in geometry["coordinates"]) if p]
        return {"type": "MultiPolygon", "coordinates": parts}
    return {"type": "Polygon", "coordinates": []}


@lru_cache(maxsize=16)
def countries_for(bbox: Bbox) -> dict[str, Any]:
    """Countries meeting the box at the box's level of detail, the rest of the world as a coarse backdrop."""
    props, geoms = _level("countries")
    if not len(geoms) or tolerance_for(bbox) >= WORLD_TOLERANCE * 0.8:
        return world_countries()
    near = _meets(geoms, bbox)
    focus, _ = _collection([p for p, k in zip(props, near) if k], geoms[near], tolerance_for(bbox), 2)
    focus_names = {p.get("name") for p, k in zip(props, near) if k}
    world = [f for f in world_countries()["features"] if f["properties"].get("name") not in focus_names]
    return {"type": "FeatureCollection", "features": world + focus["features"]}


def _meets(geoms: np.ndarray, bbox: Bbox) -> np.ndarray:
    """Which geometries' bounds meet the (south, west, north, east) box."""
    import shapely

    bounds = shapely.bounds(geoms)
    south, west, north, east = bbox
    return (bounds[:, 1] <= north) & (bounds[:, 3] >= south) & (bounds[:, 0] <= east) & (bounds[:, 2] >= west)


@lru_cache(maxsize=2)
def world_countries() -> dict[str, Any]:
    """Every country, coarsely simplified, without the smallest islands (computed once, then read back from the
    cache folder: no geometry is decoded or simplified for it in a new process)."""
    try:
        from geodata.files import cached_derived, file_digest
        from geodata.regions import basemap_inputs

        inputs = basemap_inputs("countries") + [file_digest(Path(__file__).resolve())]
    except (ImportError, AttributeError, OSError, ValueError):
        return _world()
    return cached_derived("basemap-world", inputs, _world, _dump_json, _load_collection)


def _world() -> dict[str, Any]:
    """The world layer, computed from the decoded countries (the uncached path)."""
    import shapely

    props, geoms = _level("countries")
    if not len(geoms):
        return dict(EMPTY)
    parts, owner = shapely.get_parts(geoms, return_index=True)
    big = shapely.area(parts) >= WORLD_MIN_AREA
    merged = [shapely.multipolygons(parts[big & (owner == i)]) for i in range(len(geoms))]
    keep = np.array([not shapely.is_empty(g) for g in merged], dtype=bool)
    chosen = np.array([g for g, k in zip(merged, keep) if k], dtype=object)
    return _collection([p for p, k in zip(props, keep) if k], chosen, WORLD_TOLERANCE, 1)[0]


def _dump_json(collection: dict[str, Any]) -> bytes:
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _load_collection(data: bytes) -> dict[str, Any]:
    """A FeatureCollection from JSON bytes; ValueError for anything else."""
    collection = json.loads(data)
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise ValueError("not a GeoJSON FeatureCollection")
    return collection


def padded(bbox: Bbox, margin: float = MARGIN_DEGREES) -> Bbox:
    """The box grown by `margin` degrees on every side (clamped to the globe), rounded for caching."""
    south, west, north, east = bbox
    return (
        max(-90.0, round(south - margin)), max(-180.0, round(west - margin)),
        min(90.0, round(north + margin)), min(180.0, round(east + margin)),
    )


def tolerance_for(bbox: Bbox) -> float:
    """Simplification tolerance in degrees: finer for a small area, coarser for a continent."""
    extent = max(bbox[2] - bbox[0], bbox[3] - bbox[1], 1.0)
    return float(min(WORLD_TOLERANCE, max(0.01, extent / 300.0)))


@lru_cache(maxsize=16)
def admin1_near(bbox: Bbox, countries: tuple[str, ...] = ()) -> tuple[dict[str, Any], np.ndarray]:
    """Admin-1 regions whose bounds meet the box (and of `countries`, when given): GeoJSON for the map and
    the full geometries for counting."""

    props, geoms = _level("admin1")
    if not len(geoms):
        return dict(EMPTY), geoms
    near = _meets(geoms, bbox)
    if countries:
        near &= np.array([p.get("country") in countries for p in props], dtype=bool)
    chosen = geoms[near]
    collection, kept = _collection([p for p, k in zip(props, near) if k], chosen, tolerance_for(bbox), 2)
    return collection, chosen[kept]


@lru_cache(maxsize=16)
def lakes_near(bbox: Bbox) -> dict[str, Any]:
    """Natural Earth 10m lakes and reservoirs meeting the box, as vendored (simplified to ~500 m): the water a city
    lies on (the Volga's reservoirs at Kazan) at city zoom. Empty when geodata has none."""
    import shapely

    _, geoms = _level("lakes")
    if not len(geoms):
        return dict(EMPTY)
    near = _meets(geoms, bbox)
    geometries = [_rounded(json.loads(text), 3) for text in shapely.to_geojson(geoms[near])]
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": g} for g in geometries if g["coordinates"]]}


VIEWS_KEPT = 8  # basemap files of this many boxes are kept in the cache folder (the newest)
LAYER_LEVELS = ("countries", "admin1", "lakes")


@lru_cache(maxsize=16)
def layers_near(bbox: Bbox, countries: tuple[str, ...] = ()) -> dict[str, Any]:
    """A map's basemap for a padded box: countries (the world around them coarse), admin-1 regions (of `countries`
    when given) and lakes. Built once per box, then read back from the cache folder: a new process (a cold start)
    decodes and simplifies no geometry for a box it has drawn before. Exactly the built value either way."""
    try:
        from geodata.files import cached_derived

        stem, inputs = _layers_file(bbox, countries)
    except (ImportError, AttributeError, OSError, ValueError):
        return _layers(bbox, countries)
    layers = cached_derived(stem, inputs, lambda: _layers(bbox, countries), _dump_json, _load_layers)
    _keep_newest_views()
    return layers


def _layers_file(bbox: Bbox, countries: tuple[str, ...]) -> tuple[str, list[str]]:
    """The stem and inputs of layers_near's file in the cache folder."""
    from geodata.files import fingerprint, file_digest
    from geodata.regions import basemap_inputs

    inputs = [item for level in LAYER_LEVELS for item in basemap_inputs(level)]
    inputs += [file_digest(Path(__file__).resolve()), repr(bbox), repr(tuple(countries))]
    return f"basemap-view-{fingerprint([repr(bbox), repr(tuple(countries))])[:12]}", inputs


@lru_cache(maxsize=16)
def layers_json(bbox: Bbox, countries: tuple[str, ...] = ()) -> bytes:
    """layers_near's value as UTF-8 JSON: its file in the cache folder as it is (the live map sends it on: no
    parsing, no encoding on a cold start's first page, 0.07 s of processor time), else encoded once."""
    try:
        from geodata.files import derived_path

        data = derived_path(*_layers_file(bbox, countries)).read_bytes()
        if data.startswith(b'{"countries":{"type":"FeatureCollection"') and data.endswith(b"}"):
            return data
    except (ImportError, AttributeError, OSError, ValueError):
        pass
    return _dump_json(layers_near(bbox, tuple(countries)))


def _layers(bbox: Bbox, countries: tuple[str, ...]) -> dict[str, Any]:
    """The layers of layers_near, computed (the uncached path)."""
    return {"countries": countries_for(bbox), "admin1": admin1_near(bbox, countries)[0], "lakes": lakes_near(bbox)}


def _load_layers(data: bytes) -> dict[str, Any]:
    """layers_near's value from JSON bytes; ValueError for anything else."""
    layers = json.loads(data)
    if not isinstance(layers, dict) or set(layers) != {"countries", "admin1", "lakes"} or any(
            not isinstance(v, dict) or v.get("type") != "FeatureCollection" for v in layers.values()):
        raise ValueError("not the basemap layers of a box")
    return layers


def _keep_newest_views() -> None:
    """Removes all but the VIEWS_KEPT newest box files from the cache folder."""
    try:
        from geodata.files import cache_dir

        found = sorted(cache_dir().glob("basemap-view-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in found[VIEWS_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a file removed meanwhile by another process, or a read-only folder


def counts_per_region(geoms: np.ndarray, lats: np.ndarray, lons: np.ndarray) -> list[int]:
    """How many points fall in each polygon (points on no polygon are not counted)."""
    import shapely

    counts = np.zeros(len(geoms), dtype=np.int64)
    if not len(geoms) or not len(lats):
        return counts.tolist()
    points = shapely.points(np.asarray(lons, float), np.asarray(lats, float))
    point_index, region_index = shapely.STRtree(geoms).query(points, predicate="within")
    first = np.full(len(points), -1)
    first[point_index[::-1]] = region_index[::-1]  # one region per point (the first match)
    np.add.at(counts, first[first >= 0], 1)
    return counts.tolist()
