"""Places of imported rows: regions filled by point, points outside the country a row names flagged (swapped
latitude and longitude refused), and place names geocoded offline when a table has no coordinates."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

from incidents.errors import ValidationError
from incidents.model import Incident

KNOWN_POINTS = 200_000  # countries remembered by point during one import (imports repeat places), at most
GEO_PRECISION = {"city": "city", "airport": "exact", "point": "exact", "region": "region", "country": "country"}


def fill_regions(incidents: list[Incident]) -> list[Incident]:
    """Fill a missing country or admin1 by point (geodata.regions), in one batch; a point standing for a whole
    country (geo_precision country) gets no admin1: the region it happens to fall in is not the row's."""
    from geodata.regions import reverse_many

    todo = [i for i, item in enumerate(incidents) if not item.country or not item.admin1]
    if not todo:
        return incidents
    found = reverse_many([incidents[i].lat for i in todo], [incidents[i].lon for i in todo])
    out = list(incidents)
    for position, index in enumerate(todo):
        item = out[index]
        country = _text(found["country"].iloc[position])
        admin1 = _text(found["admin1"].iloc[position])
        changes = {}
        if not item.country and len(country) == 2 and country.isalpha() and country.isupper():
            changes["country"] = country
        if not item.admin1 and admin1 and item.geo_precision != "country":
            changes["admin1"] = admin1
        if changes:
            out[index] = item.with_changes(**changes)
    return out


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def check_countries(chunk: list[tuple[int, Incident]], report: Any,
                    known: dict[tuple[float, float], str] | None = None) -> Iterator[Incident]:
    """The chunk's incidents; a point outside the country its row names is refused when swapping latitude and
    longitude puts it there, else kept as written with a warning in the report. `known` keeps the countries found
    by point from one chunk to the next."""
    from incidents.importers.pipeline import problem

    known = {} if known is None else known
    named = [(number, item) for number, item in chunk if item.country]
    found = _countries_at([(item.lat, item.lon) for _, item in named], known)
    at = {number: country for (number, item), country in zip(named, found) if country != item.country}  # or at sea
    if not at:
        yield from (item for _, item in chunk)
        return
    swapped = _swapped_fits([(number, item) for number, item in named if number in at], known)
    for number, item in chunk:
        if number not in at:
            yield item
            continue
        where = at[number] or "no country (at sea)"
        if number in swapped:
            report.reject(problem(number, report.columns.get("lat", "lat"), f"{item.lat}, {item.lon}",
                                  f"the point lies in {where}, not in {item.country} as the row says; swapped it "
                                  f"lies in {item.country}: latitude and longitude look swapped; swap the columns"))
            continue
        report.warn(problem(number, "country", item.country, f"the point lies in {where}, not in {item.country} as "
                            "the row says; check the coordinates (imported as written)"))
        yield item


def _swapped_fits(rows: list[tuple[int, Incident]], known: dict[tuple[float, float], str]) -> set[int]:
    usable = [(number, item) for number, item in rows if abs(item.lon) <= 90]
    found = _countries_at([(item.lon, item.lat) for _, item in usable], known)
    return {number for (number, item), country in zip(usable, found) if country == item.country}


def _countries_at(points: list[tuple[float, float]], known: dict[tuple[float, float], str]) -> list[str]:
    """The country at each point ('' at sea): each distinct point not in `known` looked up once, then kept there."""
    new = [point for point in dict.fromkeys(points) if point not in known]  # imports repeat places
    if not new:
        return [known[point] for point in points]
    from geodata.regions import reverse_many

    found = reverse_many([lat for lat, _ in new], [lon for _, lon in new])
    looked = dict(zip(new, (_text(value) for value in found["country"])))
    out = [looked[point] if point in looked else known[point] for point in points]
    if len(known) + len(looked) > KNOWN_POINTS:
        known.clear()
    known.update(looked)
    return out


def geocoded(place: str, admin1: str = "", country: str = "") -> dict[str, Any]:
    """Model fields for a place name without coordinates: lat/lon, geo_precision, regions, and a note (with
    verification 'unverified') when the name is not unique; ValidationError on `place` when it is not found."""
    return dict(_geocoded(place.strip(), admin1.strip(), country.strip()))


@lru_cache(maxsize=100_000)
def _geocoded(place: str, admin1: str, country: str) -> tuple[tuple[str, Any], ...]:
    from geodata.errors import QUERY_ERRORS
    from geodata.geocoding import geocode

    if not place:
        raise ValidationError("place", place, "no coordinates and no place name; map lat/lon or place columns")
    try:
        found = geocode(place, country or None, (admin1,) if admin1 else ())
    except QUERY_ERRORS as exc:  # a broken data file (DataFileError) is no row's fault: raised
        raise ValidationError("place", place, f"{exc}; give coordinates, or add admin1/country columns") from None
    values: dict[str, Any] = {"lat": found.lat, "lon": found.lon,
                              "geo_precision": GEO_PRECISION.get(found.kind, "city"),
                              "country": found.country or country, "admin1": found.admin1 or admin1}
    rivals = namesakes(found, admin1)
    origin = {"query": place, "found": found.name, "kind": found.kind,
              "alternatives": [f"{alt.name}, {alt.admin1 or ''}, {alt.country}".replace(", ,", ",")
                               for alt in found.alternatives]}
    values["origin_geocoded"] = origin
    if rivals:
        values["verification"] = "unverified"
        values["note"] = (f"geocoded {place!r} to {found.name} ({found.admin1 or found.country}); not unique: also "
                          f"{'; '.join(rivals)}; check the place")
    else:
        values["note"] = f"geocoded {place!r} to {found.name} ({found.admin1 or found.country}) offline"
    return tuple(values.items())


def namesakes(found: Any, admin1: str = "") -> list[str]:
    """Other places of the same name and kind the answer could have been (within the admin-1 when one is named)."""
    from geodata.names import normalize

    key = normalize(found.name)
    out = []
    for alt in found.alternatives:
        if normalize(alt.name) != key or alt.kind != found.kind or (alt.lat, alt.lon) == (found.lat, found.lon):
            continue
        if admin1 and normalize(alt.admin1 or "") != normalize(admin1):
            continue
        out.append(f"{alt.name} ({alt.admin1 or alt.country}, {alt.country})")
    return out


