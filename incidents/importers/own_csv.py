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


def row_values(row: Mapping[str, str], ctx: Context) -> dict[str, Any]:
    """The Incident fields of one CSV row; empty cells mean 'not stated'; unknown columns are ignored."""
    values: dict[str, Any] = {}
    readers = _READERS
    for name, text in row.items():
        if text == "" or name not in readers:
            continue
        if text[0] == "'":
            text = unguard(text)
        reader = readers[name]
        values[name] = text if reader is None else reader(name, text)
    for name in DATE_FIELDS:
        text = row.get(name)
        if text and _COMPLETE.match(text):
            values[name] = text  # the model checks it; nothing to decide per column
        elif text:
            values[name], note = ctx.when(name, unguard(text), values.get("lat"), values.get("lon"), name)
            add_note(values, note)
    return values


def json_cell(name: str, text: str) -> Any:
    """A JSON cell (origin, evidence, distance_claim) within the caps, with no NaN or Infinity inside."""
    if text == "{}":
        return {}
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


# the reader of each known column but the dates (None: the text as it is; the model checks it)
_READERS: dict[str, Any] = {
    **{name: None for name in KNOWN if name not in DATE_FIELDS},
    "lat": parse_float, "lon": parse_float,
    **{name: parse_count for name in COUNT_FIELDS},
    **{name: json_cell for name in JSON_FIELDS},
    "sources": parse_sources,
    "zero_zero_intended": _boolean,
}
