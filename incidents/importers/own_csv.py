"""The project's own CSV: one column per model field; lists and mappings as JSON (sources also as plain URLs or
titles), other date forms and local times read per column, the formula guard undone."""

from __future__ import annotations

import re
from typing import Any, Mapping

from incidents.errors import ImportFormatError, ValidationError
from incidents.exporters import unguard
from incidents.frames import FIELDS, JSON_FIELDS
from incidents.importers.common import parse_count, parse_float
from incidents.importers.limits import check_finite, load_json
from incidents.importers.pipeline import Context, add_note
from incidents.importers.sources import parse_sources
from incidents.model import COUNT_FIELDS

REQUIRED = ("event_type", "lat", "lon", "started_at")
SIGNATURE = frozenset(REQUIRED)
DATE_FIELDS = ("started_at", "ended_at")
KNOWN = frozenset(FIELDS)
_COMPLETE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z))?$")
PLAIN_TEXT = frozenset(("id", "event_type", "place", "admin1", "country", "geo_precision", "time_precision",
                        "airport_iata", "airport_icao", "status", "verification", "notes", "created_at", "updated_at"))


def row_values(row: Mapping[str, str], ctx: Context) -> dict[str, Any]:
    """The Incident fields of one CSV row; empty cells mean 'not stated'; unknown columns are ignored."""
    values: dict[str, Any] = {}
    for name, text in row.items():
        if text == "" or name not in KNOWN or name in DATE_FIELDS:
            continue
        values[name] = _value(name, unguard(text) if text[0] == "'" else text)
    for name in DATE_FIELDS:
        text = row.get(name)
        if text and _COMPLETE.match(text):
            values[name] = text  # the model checks it; nothing to decide per column
        elif text:
            values[name], note = ctx.when(name, unguard(text), values.get("lat"), values.get("lon"), name)
            add_note(values, note)
    return values


def _value(name: str, text: str) -> Any:
    if name in PLAIN_TEXT:
        return text
    if name in ("lat", "lon"):
        return parse_float(name, text)
    if name in COUNT_FIELDS:
        return parse_count(name, text)
    if name == "sources":
        return parse_sources(name, text)
    if name in JSON_FIELDS:
        return json_cell(name, text)
    if name == "zero_zero_intended":
        return _boolean(name, text)
    return text


def json_cell(name: str, text: str) -> Any:
    """A JSON cell (origin, evidence, distance_claim) within the caps, with no NaN or Infinity inside."""
    try:
        value = load_json(text)
    except ImportFormatError as exc:
        raise ValidationError(name, text, f"must be JSON ({exc})") from None
    check_finite(name, value)
    return value


def _boolean(name: str, text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise ValidationError(name, text, "must be true or false")
