"""ACLED CSV exports and API records: sub-event types mapped onto our vocabulary, original labels and codes kept."""

from __future__ import annotations

import re
from typing import Any, Mapping

from incidents.errors import ValidationError
from incidents.importers.common import country_code, cue_type, parse_code, parse_count, parse_float
from incidents.importers.pipeline import Context, add_note

REQUIRED = ("event_id_cnty", "event_date", "latitude", "longitude")  # files before 2019 have no sub_event_type
SIGNATURE = frozenset({"event_id_cnty", "event_date"})
SUB_EVENT_TYPES = {
    "air/drone strike": "drone_strike",
    "shelling/artillery/missile attack": "strike",  # missile_strike when the notes say missile
    "remote explosive/landmine/ied": "explosion",
    "suicide bomb": "explosion",
    "grenade": "explosion",
    "disrupted weapons use": "interception",
}
GEO_PRECISION = {"1": "city", "2": "region", "3": "region"}
TIME_PRECISION = {"1": "day", "2": "day", "3": "month"}
COLUMNS = {"lat": "latitude", "lon": "longitude", "killed": "fatalities", "started_at": "event_date",
           "place": "location", "geo_precision": "geo_precision", "time_precision": "time_precision"}
ORIGIN_COLUMNS = ("event_id_cnty", "data_id", "event_id_no_cnty", "event_type", "sub_event_type", "disorder_type",
                  "actor1", "actor2", "geo_precision", "time_precision", "timestamp", "source_scale", "iso", "admin2",
                  "admin3", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "interaction", "civilian_targeting",
                  "tags")
UNKNOWN = re.compile(r"\b(casualties|fatalities) (are |were )?unknown\b", re.IGNORECASE)  # ACLED's notes for a 0


def event_type(sub_event_type: str, notes: str, old_event_type: str = "") -> str:
    """Our event type for an ACLED sub-event type (shelling with 'missile' in the notes is a missile strike); a file
    before 2019 has none, and its event type 'Remote violence' is read from the notes' words, else a strike."""
    if not sub_event_type.strip():
        return cue_type(notes, "strike") if old_event_type.strip().casefold() == "remote violence" else "other"
    mapped = SUB_EVENT_TYPES.get(sub_event_type.strip().casefold(), "other")
    if mapped == "strike" and cue_type(notes, "strike") == "missile_strike":
        return "missile_strike"
    return mapped


def row_values(row: Mapping[str, str], ctx: Context) -> dict[str, Any]:
    """The Incident fields of one ACLED row (CSV export or the API's JSON records)."""
    if not row.get("event_id_cnty"):
        raise ValidationError("event_id_cnty", "", "required ACLED event id is missing")
    lat = parse_float("latitude", row.get("latitude", ""))
    lon = parse_float("longitude", row.get("longitude", ""))
    day, note = ctx.when("event_date", row.get("event_date", ""), lat, lon, "event_date")
    geo, _ = parse_code("geo_precision", row.get("geo_precision") or "1", GEO_PRECISION)
    when, _ = parse_code("time_precision", row.get("time_precision") or "1", TIME_PRECISION)
    country = country_code(row.get("country", "")) or country_code(row.get("iso", ""))
    source = row.get("source", "").strip()
    values = {
        "id": f"acled-{row['event_id_cnty']}",
        "event_type": event_type(row.get("sub_event_type", ""), row.get("notes", ""), row.get("event_type", "")),
        "place": row.get("location", ""),
        "admin1": row.get("admin1", ""),
        "country": country,
        "lat": lat,
        "lon": lon,
        "geo_precision": geo,
        "started_at": day,
        "time_precision": when,
        "killed": killed(row.get("fatalities", ""), row.get("notes", "")),
        "sources": [{"title": source, "published": day[:10], "excerpt": row.get("notes", "")}] if source else [],
        "notes": row.get("notes", ""),
        "origin": {"format": "acled", **{k: row[k] for k in ORIGIN_COLUMNS if row.get(k)}},
    }
    if values["killed"] is None and row.get("fatalities"):
        values["origin"]["fatalities"] = row["fatalities"]
    add_note(values, note)
    return values


def killed(fatalities: str, notes: str) -> int | None:
    """ACLED's fatalities; ACLED codes unknown casualties as 0, so a 0 whose notes say 'Casualties unknown' is not
    stated (None), kept apart from a stated zero."""
    count = parse_count("fatalities", fatalities)
    if count == 0 and UNKNOWN.search(notes or ""):
        return None
    return count
