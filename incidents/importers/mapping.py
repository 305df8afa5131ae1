"""Any table through a column map: `--map field=Column` and `--value field:Label=value`, a map proposed from the
header names, the header signature maps are remembered by, and the row mapper (geocoding rows without coordinates)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from incidents.errors import ImportFormatError, ValidationError
from incidents.importers.common import NOT_STATED, country_code, parse_count, parse_float, parse_pair
from incidents.importers.pipeline import Context, add_note
from incidents.importers.sources import parse_sources
from incidents.model import COUNT_FIELDS, EVENT_TYPES

MAPPABLE = ("id", "event_type", "started_at", "ended_at", "place", "admin1", "country", "lat", "lon",
            "geo_precision", "time_precision", "killed", "injured", "drones_downed", "airport_iata", "airport_icao",
            "status", "verification", "sources", "notes", "coordinates")
DATE_FIELDS = ("started_at", "ended_at")
SYNONYMS = {  # each field's header names, English first, then Russian and Ukrainian
    "id": ("id", "event_id", "event id", "event_id_cnty", "uid", "identifier"),
    "event_type": ("event_type", "event type", "type", "category", "kind", "sub_event_type", "тип", "вид"),
    "started_at": ("started_at", "date", "event_date", "event date", "date_start", "day", "when", "datetime",
                   "time", "дата"),
    "ended_at": ("ended_at", "end", "end date", "date_end"),
    "place": ("place", "location", "town", "city", "town city", "city town", "settlement", "where", "locality",
              "place name", "где", "место", "город", "населенный пункт", "населённый пункт", "місто", "населений пункт",
              "місце"),
    "admin1": ("admin1", "adm_1", "admin 1", "region", "oblast", "province", "state", "область", "регион", "регіон"),
    # a code column before the name column: 'Country ISO' PSE, COD where 'Country' says OPT, DRC
    "country": ("country_code", "country iso", "iso3", "iso", "country", "страна", "країна"),
    "coordinates": ("coordinates", "coords", "coordinate", "lat lon", "latlon", "координаты", "координати"),
    "lat": ("lat", "latitude", "y", "широта"),
    "lon": ("lon", "lng", "long", "longitude", "x", "долгота", "довгота"),
    "killed": ("killed", "dead", "deaths", "fatalities", "best", "погибшие", "погибло", "погибших", "убито", "загиблі",
               "загинули", "загинуло", "загиблих"),
    "injured": ("injured", "wounded", "раненые", "ранено", "раненых", "поранені", "поранено", "поранених"),
    "drones_downed": ("drones_downed", "drones downed", "downed", "сбито"),
    "notes": ("notes", "description", "brief description", "event description", "summary", "comment", "comments",
              "details", "описание", "примечание", "опис", "примітки"),
    "sources": ("sources", "source", "url", "link", "links", "источник", "источники", "ссылка", "джерело", "джерела",
                "посилання"),
}


@dataclass(frozen=True)
class ColumnMap:
    """Model field -> column name, and per field a table of the column's labels -> our values."""

    fields: Mapping[str, str]
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def column(self, name: str) -> str | None:
        return self.fields.get(name)

    def to_dict(self) -> dict[str, Any]:
        return {"fields": dict(self.fields), "values": {k: dict(v) for k, v in self.values.items()}}


def parse_map(maps: Iterable[str], values: Iterable[str] = ()) -> ColumnMap:
    """A ColumnMap from `field=Column` and `field:Label=value` texts; ImportFormatError naming a bad one."""
    fields: dict[str, str] = {}
    for text in maps:
        name, sep, column = text.partition("=")
        name = field_name(name.strip())
        if not sep or not column.strip():
            raise ImportFormatError(f"--map {text!r}: write FIELD=Column, e.g. --map place=Town")
        if name not in MAPPABLE:
            raise ImportFormatError(f"--map {text!r}: {name!r} is not a field; map one of {', '.join(MAPPABLE)}")
        fields[name] = column.strip()
    table: dict[str, dict[str, str]] = {}
    for text in values:
        match = re.match(r"^\s*(\w+)\s*:(.+)=(.*)$", text)
        if not match or not match.group(3).strip():
            raise ImportFormatError(f"--value {text!r}: write FIELD:Label=value, e.g. "
                                    "--value event_type:Shelling=strike")
        table.setdefault(match.group(1), {})[match.group(2).strip().casefold()] = match.group(3).strip()
    return ColumnMap(fields, table)


def check_map(mapping: ColumnMap, header: list[str]) -> None:
    """ImportFormatError when a mapped column is not in the header, or a table has neither dates nor places."""
    missing = [column for column in mapping.fields.values() if column not in header]
    if missing:
        raise ImportFormatError(f"--map names column(s) not in the header: {', '.join(missing)}; the columns are "
                                f"{', '.join(header[:30])}")
    if "started_at" not in mapping.fields:
        raise ImportFormatError("the map has no date: add --map started_at=Column (or date=Column)")
    if not ({"lat", "lon"} <= set(mapping.fields) or {"place", "coordinates"} & set(mapping.fields)):
        raise ImportFormatError("the map has no place: add --map lat=Column --map lon=Column, or --map place=Column "
                                "to geocode place names offline")


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name.strip().casefold())


def propose_map(header: Iterable[str]) -> ColumnMap:
    """A map proposed from the header names (each field at most once, each column at most once)."""
    keys = {_key(column.replace("/", " ")): column for column in header}  # 'town/city' as 'town city'
    for column in header:  # 'Source1', 'Source 2': the first numbered column, unless the bare name is there
        bare = re.sub(r"\s*\d+$", "", _key(column))
        if len(bare) > 3:  # not 'x1', 'lat2', 'id3': coordinates and ids are never guessed from a numbered column
            keys.setdefault(bare, column)
    fields: dict[str, str] = {}
    used: set[str] = set()
    for name, words in SYNONYMS.items():
        for word in words:
            column = keys.get(_key(word))
            if column and column not in used:
                fields[name] = column
                used.add(column)
                break
    return ColumnMap(fields)


def header_signature(header: Iterable[str]) -> str:
    """A short fingerprint of a header's column names (order and case ignored) to remember a map by."""
    names = sorted({_key(name) for name in header if name.strip()})
    return hashlib.sha1("\x1f".join(names).encode("utf-8")).hexdigest()[:16]


ALIASES = {"date": "started_at", "start": "started_at", "end": "ended_at", "latitude": "lat", "longitude": "lon",
           "lng": "lon", "type": "event_type", "dead": "killed", "fatalities": "killed", "location": "place"}


def field_name(name: str) -> str:
    """The model field an alias such as date, latitude or type stands for."""
    return ALIASES.get(name, name)


def mapped_values(row: Mapping[str, str], ctx: Context) -> dict[str, Any]:
    """The Incident fields of one row through the context's column map; no coordinates -> the place geocoded."""
    mapping: ColumnMap = ctx.options.mapping
    cell = {name: (row.get(column) or "").strip() for name, column in mapping.fields.items()}
    for name in ("place", "admin1", "country"):  # 'No Information', 'unknown' name no place
        if cell.get(name, "").casefold() in NOT_STATED:
            cell[name] = ""
    values: dict[str, Any] = {}
    for name in ("id", "place", "admin1", "notes", "airport_iata", "airport_icao"):
        if cell.get(name):
            values[name] = cell[name]
    for name in ("event_type", "geo_precision", "time_precision", "status", "verification"):
        if cell.get(name):
            values[name] = _label(mapping, name, cell[name])
    if cell.get("country"):
        values["country"] = _country(cell["country"])
    for name in COUNT_FIELDS:
        if cell.get(name):
            values[name] = parse_count(mapping.column(name) or name, cell[name])
    note = _where(values, cell, mapping)
    _dates(values, cell, mapping, ctx)
    if cell.get("sources"):
        values["sources"] = parse_sources(mapping.column("sources") or "sources", cell["sources"])
    values["origin"] = {"format": "mapped", **({"geocoded": values.pop("origin_geocoded")}
                                               if "origin_geocoded" in values else {}),
                        "columns": {k: v for k, v in row.items() if k not in mapping.fields.values() and v}}
    values.setdefault("event_type", "other")
    add_note(values, note)
    return values


def _label(mapping: ColumnMap, name: str, text: str) -> str:
    table = mapping.values.get(name, {})
    value = table.get(text.casefold(), text)
    if name == "event_type" and value not in EVENT_TYPES:
        column = mapping.column(name) or name
        raise ValidationError(name, text, f"not an event type; map it with --value event_type:{text}=strike "
                                          f"(one of {', '.join(EVENT_TYPES)}) — column {column}")
    return value


def _country(text: str) -> str:
    return country_code(text) or text


def _where(values: dict[str, Any], cell: Mapping[str, str], mapping: ColumnMap) -> str:
    """Coordinates from the lat/lon columns, else the place geocoded; returns the geocoding note or ''."""
    if cell.get("coordinates") and not (cell.get("lat") or cell.get("lon")):
        values["lat"], values["lon"] = parse_pair(mapping.column("coordinates") or "coordinates", cell["coordinates"])
        return ""
    if cell.get("lat") or cell.get("lon"):
        values["lat"] = parse_float(mapping.column("lat") or "lat", cell.get("lat", ""))
        values["lon"] = parse_float(mapping.column("lon") or "lon", cell.get("lon", ""))
        return ""
    if "place" not in mapping.fields:
        raise ValidationError(mapping.column("lat") or "lat", "", "coordinates are missing and no place column is "
                              "mapped; fill them in or add --map place=Column")
    from incidents.importers.places import geocoded

    found = geocoded(cell.get("place", ""), cell.get("admin1", ""), values.get("country", ""))
    note = found.pop("note")
    values.update({k: v for k, v in found.items() if k not in values or k in ("lat", "lon")})
    return note


def _dates(values: dict[str, Any], cell: Mapping[str, str], mapping: ColumnMap, ctx: Context) -> None:
    lat, lon = values.get("lat"), values.get("lon")
    for name in DATE_FIELDS:
        if name not in mapping.fields or (name == "ended_at" and not cell.get(name)):
            continue
        text, note = ctx.when(mapping.fields[name], cell.get(name, ""), lat, lon, name)
        values[name] = text
        add_note(values, note)
        if name == "started_at" and "time_precision" not in values:
            values["time_precision"] = "minute" if len(text) > 10 else "day"
