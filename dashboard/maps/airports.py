"""Airspace restrictions drawn at their airports, and the airports layer's table (pure, vectorised, gazetteer-backed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from incidents.figures import airport_statuses

# An airport farther than this from the incident's own point contradicts it (wrong code or wrong place): the
# incident stays where its data put it rather than jump across the map.
SNAP_KM = 150.0


class Airport(NamedTuple):
    """An airport as the map needs it: name and position (from the gazetteer)."""

    name: str
    lat: float
    lon: float


@lru_cache(maxsize=4096)
def airport(code: str) -> Airport | None:
    """The airport with this IATA or ICAO code from geodata's gazetteer, None when unknown or geodata can't say."""
    try:
        from geodata import remembered_airport

        found = remembered_airport(code)  # from the cache folder: the first page loads no gazetteer
    except Exception:  # noqa: BLE001 - no gazetteer means incidents stay at their own coordinates
        return None
    return None if found is None else Airport(*found)


def airport_codes(frame: pd.DataFrame) -> pd.Series:
    """Per row the airport's ICAO code, else its IATA code, else None."""
    if not len(frame):
        return pd.Series(dtype=object)
    icao = _codes(frame["airport_icao"])
    return icao.where(icao.notna(), _codes(frame["airport_iata"]))


def _codes(column: pd.Series) -> pd.Series:
    """Codes with blanks as None."""
    column = column.astype(object)
    return column.where(column.fillna("").astype(str).str.strip() != "")


def _known(codes: pd.Series) -> pd.Series:
    """Per row the gazetteer airport of a code (looked up once per distinct code), else None."""
    table = {code: airport(code.strip()) for code in codes.dropna().unique()}
    return codes.map(table).astype(object)


def _lookup(frame: pd.DataFrame) -> pd.Series:
    """Per row the gazetteer airport of the ICAO code, else of the IATA code, else None."""
    found = _known(_codes(frame["airport_icao"]))
    return found.where(found.notna(), _known(_codes(frame["airport_iata"])))


def _km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle kilometres (spherical; only compared with SNAP_KM)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def at_airports(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each airspace restriction that names a known airport moved onto that airport, unless its own
    point is 'exact' or lies more than SNAP_KM away (then the data disagree and its point is kept)."""
    if not len(frame) or "airport_icao" not in frame.columns:
        return frame
    movable = frame["event_type"].eq("airspace_restriction") & frame["geo_precision"].astype(object).ne("exact")
    if not movable.any():
        return frame
    found = _lookup(frame[movable])
    found = found[found.notna()]
    if found.empty:
        return frame
    lat = np.array([a.lat for a in found], dtype=float)
    lon = np.array([a.lon for a in found], dtype=float)
    own = frame.loc[found.index]
    near = _km(own["lat"].to_numpy(float), own["lon"].to_numpy(float), lat, lon) <= SNAP_KM
    if not near.any():
        return frame
    out = frame.copy()
    out.loc[found.index[near], "lat"] = lat[near]
    out.loc[found.index[near], "lon"] = lon[near]
    return out


def airport_table(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One entry per airport named by incidents: codes, name, position (the gazetteer's, else the latest incident's),
    restriction counts by status and the latest restriction."""
    code = airport_codes(frame)
    named = code.notna()
    if not len(frame) or not named.any():
        return []
    rows = frame.loc[named, ["airport_iata", "airport_icao", "place", "lat", "lon", "event_type", "status", "started_at"]]
    restriction = rows["event_type"].eq("airspace_restriction")
    status = rows["status"].astype(object)
    rows = rows.assign(_code=code[named], _r=restriction, _active=restriction & status.eq("active"),
                       _lifted=restriction & status.eq("lifted"), _unknown=restriction & status.isna())
    grouped = rows.groupby("_code", sort=True)
    last = rows.groupby("_code").tail(1).set_index("_code")  # where an airport without a gazetteer entry is drawn
    table = grouped[["_active", "_lifted", "_unknown"]].sum().join(grouped[["airport_iata", "airport_icao"]].last(), rsuffix="_")
    statuses = {status.airport: status.text for status in airport_statuses(frame, None)}  # the figures' rule
    out = []
    for key, counts in table.iterrows():
        where = last.loc[key]
        known = airport(str(key))
        latest = statuses.get(str(key), "")
        out.append({
            "iata": counts["airport_iata"] or "", "icao": counts["airport_icao"] or "",
            "name": known.name if known else f"{where['place'] or key} airport",
            "lat": known.lat if known else float(where["lat"]), "lon": known.lon if known else float(where["lon"]),
            "active": int(counts["_active"]), "lifted": int(counts["_lifted"]), "unknown": int(counts["_unknown"]),
            "last": latest,
        })
    return out
