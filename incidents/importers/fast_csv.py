"""The project's own CSV read fast: a row whose cells all take their plain forms becomes an Incident in one step; any
other row gets None and takes the general path (own_csv.row_values, Incident.from_dict), which alone words problems."""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date, datetime
from typing import Any, Mapping

from incidents.importers.common import _PLAIN_DEGREES
from incidents.importers.sources import _URL
from incidents.model import (
    EARLIEST_DAY, EVENT_TYPES, GEO_PRECISIONS, MAX_COUNT, REVIEW_STATES, STATUSES, TIME_PRECISIONS, VERIFICATIONS,
    Incident, Source, _latest_now, _template, content_id,
)

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z)\Z")
_COUNTRY = re.compile(r"[A-Z]{2}\Z")
_IATA = re.compile(r"[A-Z0-9]{3}\Z")
_ICAO = re.compile(r"[A-Z0-9]{4}\Z")
_TRUE, _FALSE = frozenset(("true", "1", "yes")), frozenset(("false", "0", "no"))
# the fields whose text is kept as it is: (field, the values the model accepts, or None for any text)
_TEXTS = (("id", None), ("place", None), ("admin1", None), ("notes", None), ("created_at", None),
          ("updated_at", None), ("geo_precision", frozenset(GEO_PRECISIONS)),
          ("time_precision", frozenset(TIME_PRECISIONS)), ("verification", frozenset(VERIFICATIONS)),
          ("review", frozenset(REVIEW_STATES)), ("status", frozenset(STATUSES)))
_EVENT_TYPES = frozenset(EVENT_TYPES)
_COUNTS = ("killed", "injured", "drones_downed")
_CODES = (("country", _COUNTRY), ("airport_iata", _IATA), ("airport_icao", _ICAO))


def fast_incident(row: Mapping[str, str]) -> Incident | None:
    """The Incident the general path makes of a CSV row (text cells) when every filled cell is in a plain form:
    decimal degrees, digits, ISO dates with an offset, one URL or title as the source, {} for mappings; else None."""
    get = row.get
    values: dict[str, Any] = dict(_template())
    event_type = get("event_type")
    if event_type not in _EVENT_TYPES:
        return None
    values["event_type"] = event_type
    lat, lon = _degrees(get("lat"), 90.0), _degrees(get("lon"), 180.0)
    if lat is None or lon is None:
        return None
    values["lat"], values["lon"] = lat, lon
    for name, allowed in _TEXTS:
        text = get(name)
        if text:
            if text[0] == "'" or (allowed is not None and text not in allowed):
                return None
            values[name] = text
    for name, pattern in _CODES:
        text = get(name)
        if text:
            if not pattern.match(text):
                return None
            values[name] = text
    for name in _COUNTS:
        text = get(name)
        if text:
            if not (len(text) < 9 and text.isascii() and text.isdigit()) or int(text) > MAX_COUNT:
                return None
            values[name] = int(text)
    if not _dates(get("started_at"), get("ended_at"), values):
        return None
    for name in ("origin", "evidence"):
        text = get(name)
        if text and text != "{}":
            return None
        values[name] = {}
    text = get("distance_claim")
    if text:
        if text != "{}":
            return None
        values["distance_claim"] = {}
    if not _sources(get("sources"), values):
        return None
    text = get("zero_zero_intended")
    if text:
        lowered = text.strip().lower()
        if lowered not in _TRUE and lowered not in _FALSE:
            return None
        values["zero_zero_intended"] = lowered in _TRUE
    if lat == 0 and lon == 0 and not values["zero_zero_intended"]:
        return None
    incident = object.__new__(Incident)  # what from_dict builds; every value was checked above as _validate would
    incident.__dict__.update(values)
    if not values["id"]:
        incident.__dict__["id"] = content_id(incident)
    return incident


def _degrees(text: str | None, limit: float) -> float | None:
    if not text or not _PLAIN_DEGREES.match(text):
        return None
    value = float(text)
    return value if -limit <= value <= limit else None


def _when(text: str) -> tuple[date, str] | None:
    """(day, the time of day with its offset, or '') of an ISO date or date and time with an offset, when the model
    reads it as valid; else None. Days and clock times repeat from row to row: each is checked once."""
    if len(text) == 10:
        day = _day(text) if _DAY.match(text) else None
        return None if day is None else (day, "")
    if not _TIME.match(text):
        return None
    day = _day(text[:10])
    return None if day is None or not _clock(text[10:]) else (day, text[10:])


@lru_cache(maxsize=65_536)
def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@lru_cache(maxsize=65_536)
def _clock(text: str) -> bool:
    """Whether 'THH:MM[:SS]±HH:MM' (or Z) is a valid time of day and offset."""
    try:
        datetime.fromisoformat("2000-01-01" + text.replace("Z", "+00:00"))
        return True
    except ValueError:
        return False


def _dates(started: str | None, ended: str | None, values: dict[str, Any]) -> bool:
    """Whether the dates are plain and valid (within the accepted days, the end not before the start); sets them."""
    if not started:
        return False
    start = _when(started)
    if start is None or not EARLIEST_DAY <= start[0] <= _latest_now():
        return False
    values["started_at"] = started
    if ended:
        end = _when(ended)
        if end is None or not EARLIEST_DAY <= end[0] <= _latest_now() or _before(ended, end, started, start):
            return False
        values["ended_at"] = ended
    return True


def _before(ended: str, end: tuple[date, str], started: str, start: tuple[date, str]) -> bool:
    """Whether the end lies before the start: as instants when both have a time, else as days (the model's rule)."""
    if not end[1] or not start[1]:
        return end[0] < start[0]
    if len(ended) == len(started) and ended[-6:] == started[-6:] and ended[-1] != "Z":
        return ended < started  # the same form and offset: the text orders as the instants do
    return _instant(ended) < _instant(started)


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _sources(text: str | None, values: dict[str, Any]) -> bool:
    """One plain URL or title (no JSON, no list, no surrounding space) as the row's source; sets it."""
    if not text:
        return True
    if text[0] in "[{'" or ";" in text or "\n" in text or text.strip() != text:
        return False
    source = object.__new__(Source)
    source.__dict__.update(title="", url=text, published="", excerpt="") if _URL.match(text) else \
        source.__dict__.update(title=text, url="", published="", excerpt="")
    values["sources"] = (source,)
    return True
