"""Coordinate checks and parsing shared by every geodata module: (lat, lon) in, InvalidQuery on bad input."""

from __future__ import annotations

import math
import re

from geodata.errors import InvalidQuery

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+|nan|inf(?:inity)?)"  # nan/inf are caught as coordinates, then refused
_LAT_LON = re.compile(rf"^\s*({_NUMBER})\s*[,;\s]\s*({_NUMBER})\s*$", re.IGNORECASE)


def check_lat_lon(lat: float, lon: float) -> tuple[float, float]:
    """The pair as floats when it is a valid WGS-84 position, else InvalidQuery saying what is wrong."""
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidQuery(f"coordinates must be numbers, got {lat!r}, {lon!r}") from None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise InvalidQuery(f"coordinates must be finite numbers, got {lat}, {lon}")
    if not -90.0 <= lat <= 90.0:
        raise InvalidQuery(f"latitude {lat} is out of range (-90 to 90)")
    if not -180.0 <= lon <= 180.0:
        raise InvalidQuery(f"longitude {lon} is out of range (-180 to 180)")
    return lat, lon


def looks_like_lat_lon(text: str) -> bool:
    """True when the text is two numbers separated by a comma, semicolon or space."""
    return bool(_LAT_LON.match(text))


def parse_lat_lon(text: str) -> tuple[float, float]:
    """'55.79,49.12' -> (55.79, 49.12); InvalidQuery when malformed or out of range."""
    match = _LAT_LON.match(text)
    if not match:
        raise InvalidQuery(f"expected 'lat,lon' in decimal degrees, got {text[:60]!r}")
    return check_lat_lon(float(match.group(1)), float(match.group(2)))
