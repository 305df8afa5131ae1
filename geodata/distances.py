"""Geodesy on the WGS-84 ellipsoid: distances, bearings, compass words, claimed-distance checks, distance to a border."""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from pyproj import Geod

from geodata.coords import check_lat_lon
from geodata.errors import InvalidQuery, PlaceNotFound

DATA_DIR = Path(__file__).resolve().parent / "data"
KM_PER_MILE = 1.609344
WGS84 = Geod(ellps="WGS84")
COMPASS_16 = (
    "north", "north-northeast", "northeast", "east-northeast", "east", "east-southeast", "southeast",
    "south-southeast", "south", "south-southwest", "southwest", "west-southwest", "west", "west-northwest",
    "northwest", "north-northwest",
)
PARALLEL_MIN_POINTS = 200_000
ACCURATE_PCT = 5.0  # a claim within this many per cent of the geodesic counts as accurate


def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance in km between two points (geopy, WGS-84; imported here: geopy loads every geocoder)."""
    from geopy.distance import geodesic

    return float(geodesic(check_lat_lon(lat1, lon1), check_lat_lon(lat2, lon2)).km)


def km_to_mi(km: float) -> float:
    """Kilometres to statute miles."""
    return km / KM_PER_MILE


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing from the first point to the second, degrees clockwise from true north in [0, 360)."""
    lat1, lon1 = check_lat_lon(lat1, lon1)
    lat2, lon2 = check_lat_lon(lat2, lon2)
    azimuth, _, _ = WGS84.inv(lon1, lat1, lon2, lat2)
    return float(azimuth) % 360.0


def compass16(deg: float) -> str:
    """The 16-point compass word for a bearing: 90 -> 'east', 67.5 -> 'east-northeast'."""
    if not math.isfinite(deg):
        raise InvalidQuery(f"bearing must be a finite number of degrees, got {deg}")
    return COMPASS_16[int(((deg % 360.0) + 11.25) // 22.5) % 16]


def distances_from(ref_lat: float, ref_lon: float, lats: Sequence[float] | np.ndarray,
                   lons: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Geodesic km and initial bearings (degrees) from one reference to many points; NaN where a point is missing."""
    ref_lat, ref_lon = check_lat_lon(ref_lat, ref_lon)
    lat = np.asarray(lats, dtype=np.float64)
    lon = np.asarray(lons, dtype=np.float64)
    if lat.shape != lon.shape:
        raise InvalidQuery(f"{lat.size} latitudes but {lon.size} longitudes")
    valid = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    km = np.full(lat.shape, np.nan)
    bearing = np.full(lat.shape, np.nan)
    if valid.any():
        azimuth, metres = inverse_many(ref_lat, ref_lon, lat[valid], lon[valid])
        km[valid] = metres / 1000.0
        bearing[valid] = np.mod(azimuth, 360.0)
    return km, bearing


def inverse_many(ref_lat: float, ref_lon: float, lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Forward azimuths and metres from the reference (pyproj's geodesic solver; chunks run in threads, it frees the GIL)."""
    size = lat.size
    workers = min(os.cpu_count() or 1, 8) if size >= PARALLEL_MIN_POINTS else 1
    bounds = np.linspace(0, size, workers + 1).astype(int)

    def solve(part: int) -> tuple[np.ndarray, np.ndarray]:
        start, stop = bounds[part], bounds[part + 1]
        count = stop - start
        azimuth, _, metres = WGS84.inv(np.full(count, ref_lon), np.full(count, ref_lat), lon[start:stop],
                                       lat[start:stop], return_back_azimuth=False)
        return azimuth, metres

    if workers == 1:
        return solve(0)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(solve, range(workers)))
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


@dataclass(frozen=True)
class ClaimCheck:
    """A claimed distance against the geodesic: signed error (claimed minus geodesic) and a verdict sentence."""

    claimed_km: float
    geodesic_km: float
    error_km: float
    error_pct: float
    verdict: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return asdict(self)


def claim_verdict(error_pct: float, geodesic: float) -> str:
    """'accurate: ...', 'overstated: 11% over ...' or 'understated: ...' against the rounded geodesic."""
    reference = f"the {geodesic:,.0f} km geodesic distance"
    if abs(error_pct) <= ACCURATE_PCT:
        return f"accurate: within {ACCURATE_PCT:.0f}% of {reference}"
    direction = "over" if error_pct > 0 else "under"
    word = "overstated" if error_pct > 0 else "understated"
    return f"{word}: {abs(error_pct):.0f}% {direction} {reference}"


def check_claim(lat: float, lon: float, ref_lat: float, ref_lon: float, claimed_km: float) -> ClaimCheck:
    """Checks 'X is N km from the reference': Kazan, Moscow, 800 -> 721 km geodesic, 11% over, 'overstated'."""
    try:
        claimed = float(claimed_km)
    except (TypeError, ValueError):
        raise InvalidQuery(f"claimed distance must be a number of km, got {claimed_km!r}") from None
    if not math.isfinite(claimed) or claimed <= 0:
        raise InvalidQuery(f"claimed distance must be a positive number of km, got {claimed_km!r}")
    actual = geodesic_km(lat, lon, ref_lat, ref_lon)
    if actual == 0:
        raise InvalidQuery("the place and the reference are the same point; a distance claim cannot be checked")
    error = claimed - actual
    pct = 100.0 * error / actual
    return ClaimCheck(round(claimed, 3), round(actual, 3), round(error, 3), round(pct, 2), claim_verdict(pct, actual))


@lru_cache(maxsize=1)
def country_polygons() -> dict[str, Any]:
    """Natural Earth country (multi)polygons keyed by ISO2 code (simplified to about 500 m)."""
    import geopandas as gpd

    frame = gpd.read_parquet(DATA_DIR / "countries.parquet")
    return dict(zip(frame["iso_a2"], frame.geometry))


def km_to_border(lat: float, lon: float, country: str) -> float:
    """Geodesic km from the point to the nearest point of the country (0 inside it), via an equidistant projection."""
    import shapely
    from pyproj import Transformer
    from shapely import Point

    lat, lon = check_lat_lon(lat, lon)
    if not isinstance(country, str) or len(country.strip()) != 2:
        raise InvalidQuery(f"country must be a two-letter ISO code such as UA, got {country!r}")
    polygon = country_polygons().get(country.strip().upper())
    if polygon is None:
        raise PlaceNotFound(f"no Natural Earth polygon for country {country!r}")
    if polygon.contains(Point(lon, lat)):
        return 0.0
    aeqd = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    project = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    boundary = shapely.transform(polygon.boundary, lambda xy: np.column_stack(project.transform(xy[:, 0], xy[:, 1])))
    return float(boundary.distance(Point(0.0, 0.0)) / 1000.0)
