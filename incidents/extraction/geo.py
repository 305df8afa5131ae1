"""The extractor's window on geodata: gazetteer names, geocoding with context, airports, time zones, distance checks."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from geodata.errors import GeodataError
from geodata.gazetteer import Place, get_gazetteer
from geodata.names import normalize


def is_name(text: str) -> bool:
    """True when the gazetteer knows the (normalised) text as the name of some place."""
    return get_gazetteer().is_name(text)


def max_words() -> int:
    """The longest gazetteer name, in words."""
    return get_gazetteer().max_words


def key(text: str) -> str:
    """The gazetteer's matching key for a name."""
    return normalize(text)


@lru_cache(maxsize=4096)
def place(name: str, hint: str | None = None, context: tuple[Any, ...] = ()) -> Place | None:
    """The most likely place for a name in this article's context (countries and places already seen), or None."""
    from geodata.geocoding import geocode

    query = f"{name} region" if hint == "region" and "region" not in name.lower() else name
    try:
        found = geocode(query, None, () if hint == "region" else context)
    except (GeodataError, ValueError):
        return None
    if hint == "region" and found.kind != "region":
        regions = get_gazetteer().lookup(name, kinds=("region",))
        return regions[0] if regions else found
    if hint is None and found.kind == "region":
        cities = [c for c in get_gazetteer().lookup(name, kinds=("city",)) if c.country == found.country]
        return cities[0] if cities else found
    return found


@lru_cache(maxsize=4096)
def airport(query: str, country: str | None = None) -> Place | None:
    """The airport meant by a name, a city or a code ("Kazan", "Vnukovo", "KZN"), or None."""
    from geodata.geocoding import find_airport

    try:
        return find_airport(query, country)
    except (GeodataError, ValueError):
        return None


def airport_by_code(code: str) -> Place | None:
    """The airport with this IATA or ICAO code, or None."""
    return get_gazetteer().airport_by_code(code)


def timezone_of(found: Place) -> str:
    """The IANA time zone of a place (its own, else the zone at its coordinates)."""
    if found.timezone and found.timezone != "UTC":
        return found.timezone
    from geodata.regions import timezone_at

    return timezone_at(found.lat, found.lon)


def admin1_of(found: Place) -> str:
    """The admin-1 region of a place (its own, else the region at its coordinates)."""
    if found.admin1:
        return found.admin1
    from geodata.regions import reverse

    try:
        return reverse(found.lat, found.lon).admin1 or ""
    except (GeodataError, ValueError):
        return ""


def check_claim(lat: float, lon: float, ref: Place, claimed_km: float) -> dict[str, Any]:
    """The claimed distance from `ref` checked against the geodesic one (geodata.distances.check_claim)."""
    from geodata.distances import check_claim as check

    result = check(lat, lon, ref.lat, ref.lon, claimed_km)
    return {
        "reference": ref.name,
        "claimed_km": round(float(result.claimed_km), 1),
        "geodesic_km": round(float(result.geodesic_km), 1),
        "error_pct": round(float(result.error_pct), 1),
        "verdict": str(result.verdict),
    }


def km_between(a: Place, b: Place) -> float:
    """Geodesic distance between two places in kilometres."""
    from geodata.distances import geodesic_km

    return float(geodesic_km(a.lat, a.lon, b.lat, b.lon))


def context_of(places: Iterable[Place]) -> tuple[Place, ...]:
    """A hashable geocoding context: the distinct places seen so far (at most a few)."""
    seen: dict[tuple[str, str], Place] = {}
    for item in places:
        seen.setdefault((item.name, item.country), item)
    return tuple(list(seen.values())[:8])
