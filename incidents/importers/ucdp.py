"""UCDP GED, CSV or the API's JSON: fatal events with their where/date precision codes; the weapon from the headline."""

from __future__ import annotations

from typing import Any, Mapping

from incidents.errors import ImportFormatError, ValidationError
from incidents.importers.common import country_code, cue_type, parse_code, parse_count, parse_float
from incidents.importers.pipeline import Context, add_note

REQUIRED = ("id", "date_start", "latitude", "longitude")
SIGNATURE = frozenset({"date_start", "where_prec"})
WHERE_PRECISION = {"1": "exact", "2": "city", "3": "region", "4": "region", "5": "region", "6": "country",
                   "7": "country"}
DATE_PRECISION = {"1": "day", "2": "day", "3": "day", "4": "month", "5": "month"}
TYPE_OF_VIOLENCE = {"1": "state-based", "2": "non-state", "3": "one-sided"}
COLUMNS = {"lat": "latitude", "lon": "longitude", "killed": "best", "started_at": "date_start",
           "ended_at": "date_end", "admin1": "adm_1", "geo_precision": "where_prec", "time_precision": "date_prec"}
ORIGIN_COLUMNS = ("id", "relid", "code_status", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b", "where_prec",
                  "date_prec", "event_clarity", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
                  "high", "low", "where_description", "adm_2", "country_id", "priogrid_gid")


def row_values(row: Mapping[str, str], ctx: Context) -> dict[str, Any]:
    """The Incident fields of one UCDP GED row, CSV or JSON (the weapon is guessed from the headline, else 'other')."""
    if not row.get("id"):
        raise ValidationError("id", "", "required UCDP event id is missing")
    lat = parse_float("latitude", row.get("latitude", ""))
    lon = parse_float("longitude", row.get("longitude", ""))
    start, note = ctx.when("date_start", row.get("date_start", ""), lat, lon, "date_start")
    end, end_note = ctx.when("date_end", row["date_end"], lat, lon, "date_end") if row.get("date_end") else (start, "")
    geo, _ = parse_code("where_prec", row.get("where_prec") or "2", WHERE_PRECISION)  # unstated: city, not exact
    when, _ = parse_code("date_prec", row.get("date_prec") or "1", DATE_PRECISION)
    headline = row.get("source_headline", "")
    origin = {"format": "ucdp", **{k: row[k] for k in ORIGIN_COLUMNS if row.get(k)}}
    if row.get("type_of_violence") in TYPE_OF_VIOLENCE:
        origin["type_of_violence_label"] = TYPE_OF_VIOLENCE[row["type_of_violence"]]
    values = {
        "id": f"ucdp-{row['id']}",
        "event_type": cue_type(f"{headline} {row.get('source_article', '')}", "other"),
        "place": row.get("where_coordinates", "") or row.get("where_description", ""),
        "admin1": row.get("adm_1", ""),
        "country": country_code(row.get("country", "")),
        "lat": lat,
        "lon": lon,
        "geo_precision": geo,
        "started_at": start,
        "ended_at": end if end != start else None,
        "time_precision": when,
        "killed": parse_count("best", row.get("best", "")),
        "sources": _sources(row, ctx),
        "notes": row.get("source_article", ""),
        "origin": origin,
    }
    add_note(values, note)
    add_note(values, end_note)
    return values


def _sources(row: Mapping[str, str], ctx: Context) -> list[dict[str, str]]:
    """One source per article: a GED row citing several lists office, date and headline joined by ';'."""
    if not (row.get("source_headline") or row.get("source_office") or row.get("source_article")):
        return []
    offices, days, headlines = (_parts(row.get(key, "")) for key in ("source_office", "source_date", "source_headline"))
    if len(headlines) < 2 or len(days) != len(headlines) or len(offices) not in (0, len(headlines)):
        offices, days, headlines = [row.get("source_office", "")], days[:1], [row.get("source_headline", "")]
    excerpt = row.get("source_original", "")
    return [{"title": headline or (offices[n] if n < len(offices) else ""),
             "published": _published(days[n], ctx) if n < len(days) else "", "excerpt": excerpt}
            for n, headline in enumerate(headlines)]


def _parts(text: str) -> list[str]:
    return [part.strip() for part in text.split(";")] if text.strip() else []


def _published(text: str, ctx: Context) -> str:
    """A source's day as YYYY-MM-DD ('27/01/2014' read with its column), '' when the column cannot tell."""
    try:
        stamp = ctx.dates.parse("source_date", text)
    except (ImportFormatError, ValidationError):
        return ""
    return stamp.text[:10] or stamp.local.date().isoformat()
