"""Which country, admin-1 region and time zone a point is in, local times there, and the offline basemap layers."""

from __future__ import annotations

import json
import pickle
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from geodata.coords import check_lat_lon
from geodata.errors import InvalidQuery
from geodata.files import cached_derived, file_digest, read_vendored

DATA_DIR = Path(__file__).resolve().parent / "data"
BASEMAP_LEVELS = ("land", "countries", "admin1", "lakes")
BASEMAP_CACHE_FORMAT = 1  # bump when the layout of the cached decoded levels changes
NEAREST_MAX_DEGREES = 0.25  # points this close to a coast or a simplification gap take the nearest region
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Region:
    """Country (ISO2 and name), admin-1 region and IANA time zone at a point; None where there is no land."""

    country: str | None
    country_name: str | None
    admin1: str | None
    timezone: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return asdict(self)


@lru_cache(maxsize=1)
def admin1_polygons() -> Any:
    """Natural Earth admin-1 polygons (simplified for lookup) as a GeoDataFrame with a spatial index."""
    import geopandas as gpd

    with _LOCK:
        frame = read_vendored(DATA_DIR / "admin1.parquet", gpd.read_parquet)
        frame.sindex  # build once, under the lock
    return frame


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country name keyed by ISO2 code, from the vendored Natural Earth table."""
    table = read_vendored(DATA_DIR / "countries.csv", lambda path: pd.read_csv(path, keep_default_na=False))
    return dict(zip(table["iso_a2"], table["name"]))


@lru_cache(maxsize=1)
def timezone_finder() -> Any:
    """One TimezoneFinder per process (its data is memory-mapped)."""
    from timezonefinder import TimezoneFinder

    return TimezoneFinder()


def checked_arrays(lats: Sequence[float] | np.ndarray, lons: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude arrays of equal length within WGS-84 bounds, else InvalidQuery."""
    lat = np.asarray(lats, dtype=np.float64).ravel()
    lon = np.asarray(lons, dtype=np.float64).ravel()
    if lat.shape != lon.shape:
        raise InvalidQuery(f"{lat.size} latitudes but {lon.size} longitudes")
    bad = ~(np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180))
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        check_lat_lon(lat[first], lon[first])  # raises with a precise message
    return lat, lon


def reverse_many(lats: Sequence[float] | np.ndarray, lons: Sequence[float] | np.ndarray,
                 timezones: bool = False) -> pd.DataFrame:
    """Country, country_name and admin1 for many points (spatial join); `timezones=True` adds a timezone column."""
    import geopandas as gpd

    lat, lon = checked_arrays(lats, lons)
    points = gpd.GeoDataFrame({"lat": lat, "lon": lon}, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    polygons = admin1_polygons()
    joined = gpd.sjoin(points, polygons, how="left", predicate="within")
    joined = joined[~joined.index.duplicated(keep="first")]
    result = pd.DataFrame({"lat": lat, "lon": lon, "country": joined["iso_a2"].to_numpy(dtype=object),
                           "admin1": joined["name"].to_numpy(dtype=object)})
    fill_nearest(result, points, polygons)
    names = country_names()
    result["country_name"] = [names.get(code) if isinstance(code, str) else None for code in result["country"]]
    result = result.astype({"country": object, "admin1": object}).where(result.notna(), None)
    if timezones:
        result["timezone"] = [timezone_at(y, x) for y, x in zip(lat, lon)]
    return result[["lat", "lon", "country", "country_name", "admin1"] + (["timezone"] if timezones else [])]


def fill_nearest(result: pd.DataFrame, points: Any, polygons: Any) -> None:
    """Points in no polygon (coasts, simplification slivers) take the nearest region within NEAREST_MAX_DEGREES."""
    import warnings

    import geopandas as gpd

    missing = result["country"].isna().to_numpy()
    if not missing.any():
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # distances in degrees are fine for "nearest within a few km"
        near = gpd.sjoin_nearest(points[missing], polygons, how="left", max_distance=NEAREST_MAX_DEGREES)
    near = near[~near.index.duplicated(keep="first")]
    result.loc[near.index, "country"] = near["iso_a2"].to_numpy(dtype=object)
    result.loc[near.index, "admin1"] = near["name"].to_numpy(dtype=object)


def timezone_at(lat: float, lon: float) -> str:
    """IANA time zone at the point (timezonefinder); at sea the nautical Etc/GMT zone."""
    lat, lon = check_lat_lon(lat, lon)
    return timezone_finder().timezone_at(lat=lat, lng=lon) or "UTC"


def _zone_cache_path() -> Path:
    from importlib import metadata

    from geodata.files import cache_dir

    return cache_dir() / f"zones-{metadata.version('timezonefinder')}.json"


@lru_cache(maxsize=1)
def _zone_cache() -> dict[str, str]:
    """The zones found so far, by rounded point, as kept in the cache folder (empty when missing or unreadable)."""
    try:
        table = json.loads(_zone_cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in table.items()} if isinstance(table, dict) else {}


def timezones_at(lats: Sequence[float], lons: Sequence[float]) -> list[str]:
    """timezone_at for many points, remembered in the cache folder (zones-<timezonefinder version>.json): a later
    process answers known points without loading timezonefinder (about 0.3 s of a server's first map)."""
    keys = [f"{float(lat):.4f},{float(lon):.4f}" for lat, lon in zip(lats, lons)]
    table = _zone_cache()
    missing = [i for i, key in enumerate(keys) if key not in table]
    if missing:
        with _LOCK:
            for i in missing:
                table[keys[i]] = timezone_at(float(lats[i]), float(lons[i]))
            try:
                from geodata.files import write_atomically

                write_atomically(_zone_cache_path(), json.dumps(table, sort_keys=True))
            except OSError:
                pass  # a read-only cache folder: the zones are kept in memory only
    return [table[key] for key in keys]


def reverse(lat: float, lon: float) -> Region:
    """Country, admin-1 region and time zone at one point."""
    lat, lon = check_lat_lon(lat, lon)
    row = reverse_many([lat], [lon]).iloc[0]
    return Region(country=row["country"], country_name=row["country_name"], admin1=row["admin1"],
                  timezone=timezone_at(lat, lon))


def localize(moment: datetime, lat: float, lon: float) -> datetime:
    """A naive local wall-clock time at the point made aware (07:40 in Kazan -> 07:40+03:00); aware times converted."""
    if not isinstance(moment, datetime):
        raise InvalidQuery(f"expected a datetime, got {type(moment).__name__}")
    zone = ZoneInfo(timezone_at(lat, lon))
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


@lru_cache(maxsize=len(BASEMAP_LEVELS))
def _basemap_text(level: str) -> str:
    return read_vendored(basemap_path(level), lambda path: path.read_text(encoding="utf-8"))


def basemap_path(level: str) -> Path:
    """The vendored GeoJSON file of a basemap level ('land', 'countries', 'admin1' or 'lakes'), else InvalidQuery."""
    if level not in BASEMAP_LEVELS:
        raise InvalidQuery(f"basemap level must be one of {', '.join(BASEMAP_LEVELS)}, got {level!r}")
    return DATA_DIR / f"basemap_{level}.geojson"


def basemap_geojson(level: str) -> dict[str, Any]:
    """Simplified Natural Earth polygons ('land', 'countries', 'admin1' or 'lakes') as a fresh GeoJSON dict."""
    return json.loads(_basemap_text(level))  # an unknown level raises InvalidQuery (basemap_path)


# ---------------------------------------------------------------- decoded basemap, cached on disk


def basemap_inputs(level: str) -> list[str]:
    """What a decoded level is derived from: its file, this decoder and shapely/GEOS; a change in any rebuilds it."""
    import shapely

    return [f"format={BASEMAP_CACHE_FORMAT}", f"shapely={shapely.__version__}", f"geos={shapely.geos_version_string}",
            file_digest(basemap_path(level)), file_digest(Path(__file__).resolve())]


def basemap_shapes(level: str) -> tuple[tuple[dict[str, Any], ...], np.ndarray]:
    """Properties and shapely geometries of a basemap level: decoded once, then read back from the cache folder
    (a tenth of the decode's time); the same geometries either way."""
    return cached_derived(f"basemap-{level}", basemap_inputs(level), lambda: decode_basemap(level),
                          dump_shapes, load_shapes)


def decode_basemap(level: str) -> tuple[tuple[dict[str, Any], ...], np.ndarray]:
    """Properties and shapely geometries of a basemap level, decoded from its GeoJSON (the uncached path)."""
    features = basemap_geojson(level).get("features", [])
    return tuple(dict(f.get("properties") or {}) for f in features), geojson_shapes([f["geometry"] for f in features])


def dump_shapes(value: tuple[tuple[dict[str, Any], ...], np.ndarray]) -> bytes:
    """Properties and geometries (as WKB, exact to the bit) in one pickle."""
    import shapely

    props, geoms = value
    return pickle.dumps((list(props), list(shapely.to_wkb(geoms))), protocol=pickle.HIGHEST_PROTOCOL)


def load_shapes(data: bytes) -> tuple[tuple[dict[str, Any], ...], np.ndarray]:
    """The inverse of dump_shapes; ValueError when the bytes do not hold one."""
    import shapely

    props, wkb = pickle.loads(data)
    if not (isinstance(props, list) and isinstance(wkb, list) and len(props) == len(wkb)
            and all(isinstance(p, dict) for p in props)):
        raise ValueError("not a decoded basemap level")
    return tuple(props), shapely.from_wkb(np.array(wkb, dtype=object))


def geojson_shapes(geometries: list[dict[str, Any]]) -> np.ndarray:
    """Shapely geometries of GeoJSON (Multi)Polygons, built in one vectorised call (five times faster than one
    shapely.geometry.shape per feature); other types one by one."""
    import shapely

    kinds = [g.get("type") for g in geometries]
    simple = set(kinds) <= {"Polygon", "MultiPolygon"} and all(g.get("coordinates") for g in geometries)
    try:
        if geometries and simple:
            return _polygons(kinds, geometries)
    except (ValueError, TypeError, shapely.errors.GEOSException):  # ragged or 3-D coordinates: the slow way
        pass
    return np.array([shapely.geometry.shape(g) for g in geometries], dtype=object)


def _polygons(kinds: list[str], geometries: list[dict[str, Any]]) -> np.ndarray:
    import shapely

    coords: list[Any] = []
    rings, polygons, parts = [0], [0], [0]
    for kind, geometry in zip(kinds, geometries):
        for polygon in [geometry["coordinates"]] if kind == "Polygon" else geometry["coordinates"]:
            for ring in polygon:
                coords.extend(ring)
                rings.append(len(coords))
            polygons.append(len(rings) - 1)
        parts.append(len(polygons) - 1)
    offsets = (np.array(rings), np.array(polygons), np.array(parts))
    shapes = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, np.array(coords, dtype=float), offsets)
    single = np.array([kind == "Polygon" for kind in kinds], dtype=bool)
    shapes[single] = shapely.get_geometry(shapes[single], 0)  # a Polygon stays a Polygon
    return shapes
