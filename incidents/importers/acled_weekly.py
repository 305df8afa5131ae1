"""ACLED's aggregated data (events and fatalities per week, admin1 region and event type): each row becomes one
incident at region precision, placed at the region's centroid, spanning the week, with the events count kept."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any, Mapping

from incidents.errors import ValidationError
from incidents.importers.acled import event_type
from incidents.importers.common import country_code, parse_count, parse_float
from incidents.importers.pipeline import Context, add_note

REQUIRED = ("WEEK", "EVENTS", "FATALITIES", "CENTROID_LATITUDE", "CENTROID_LONGITUDE")
SIGNATURE = frozenset({"WEEK", "ADMIN1", "EVENTS", "CENTROID_LATITUDE"})
COLUMNS = {"lat": "CENTROID_LATITUDE", "lon": "CENTROID_LONGITUDE", "killed": "FATALITIES", "started_at": "WEEK",
           "admin1": "ADMIN1", "place": "ADMIN1"}
KEY_COLUMNS = ("COUNTRY", "ADMIN1", "DISORDER_TYPE", "EVENT_TYPE", "SUB_EVENT_TYPE")
ORIGIN_COLUMNS = ("ID", "REGION", "EVENT_TYPE", "SUB_EVENT_TYPE", "DISORDER_TYPE", "POPULATION_EXPOSURE")
WEEK_DAYS = 7  # ACLED's weeks run Saturday to Friday; WEEK is the first day


def row_id(row: Mapping[str, str], week: str) -> str:
    """A stable id from what makes a row one (the week's first day, region, event type), the same from CSV and xlsx,
    so a re-import updates rather than adds."""
    key = "\x1f".join([week, *((row.get(name) or "").strip().casefold() for name in KEY_COLUMNS)])
    return "acled-week-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def row_values(row: Mapping[str, str], ctx: Context) -> dict[str, Any]:
    """The Incident fields of one aggregated row: the week as the date range, the admin1 centroid as the point."""
    events = parse_count("EVENTS", row.get("EVENTS", ""))
    if not events:
        raise ValidationError("EVENTS", row.get("EVENTS", ""), "no events counted in this row; nothing to map "
                              "(drop the row, or filter EVENTS > 0 before export)")
    lat = parse_float("CENTROID_LATITUDE", row.get("CENTROID_LATITUDE", ""))
    lon = parse_float("CENTROID_LONGITUDE", row.get("CENTROID_LONGITUDE", ""))
    start, note = ctx.when("WEEK", row.get("WEEK", ""), lat, lon, "WEEK")
    end = date.fromisoformat(start[:10]) + timedelta(days=WEEK_DAYS - 1)
    sub = row.get("SUB_EVENT_TYPE", "") or row.get("EVENT_TYPE", "")
    region = row.get("ADMIN1", "") or row.get("COUNTRY", "")  # a row for a whole country has no ADMIN1
    values = {
        "id": row_id(row, start[:10]),
        "event_type": event_type(sub, ""),
        "place": region,
        "admin1": row.get("ADMIN1", ""),
        "country": country_code(row.get("COUNTRY", "")),
        "lat": lat,
        "lon": lon,
        "geo_precision": "region" if row.get("ADMIN1") else "country",
        "started_at": start[:10],
        "ended_at": end.isoformat(),
        "time_precision": "day",
        "killed": parse_count("FATALITIES", row.get("FATALITIES", "")),
        "notes": (f"ACLED aggregated data: {events} event(s) of {sub or 'all types'} in {region} in the week of "
                  f"{start[:10]} (a weekly count per region, not one event; placed at the region's centroid)"),
        "origin": {"format": "acled-weekly", "events": events,
                   **{k.lower(): row[k] for k in ORIGIN_COLUMNS if row.get(k)}},
    }
    add_note(values, note)
    return values
