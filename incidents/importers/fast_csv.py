"""The project's own CSV read fast: a row whose cells all take their plain forms becomes an Incident in one step; any
other row gets None and takes the general path (own_csv.row_values, Incident.from_dict), which alone words problems."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any, Mapping

from incidents.importers.common import _PLAIN_DEGREES
from incidents.importers.sources import _URL
from incidents.frames import FIELDS
from incidents.model import (
    EARLIEST_DAY, EVENT_TYPES, GEO_PRECISIONS, MAX_COUNT, REVIEW_STATES, STATUSES, TIME_PRECISIONS, VERIFICATIONS,
    Incident, Source, When, _latest_now, content_id, parse_when,
)
from incidents.storage.rows import from_row

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z)\Z")
_COUNTRY = re.compile(r"[A-Z]{2}\Z")
_IATA = re.compile(r"[A-Z0-9]{3}\Z")
_ICAO = re.compile(r"[A-Z0-9]{4}\Z")
_TRUE, _FALSE = frozenset(("true", "1", "yes")), frozenset(("false", "0", "no"))
CELLS = ("event_type", "lat", "lon", "started_at", "id", "place", "admin1", "country", "geo_precision", "ended_at",
         "time_precision", "killed", "injured", "drones_downed", "airport_iata", "airport_icao", "status",
         "verification", "sources", "notes", "created_at", "updated_at", "origin", "evidence", "distance_claim",
         "zero_zero_intended", "review")  # what model_values reads: every model field (a new one turns the path off)
COVERS_MODEL = CELLS == FIELDS
_EVENT_TYPES, _GEO, _TIME_PRECISIONS = frozenset(EVENT_TYPES), frozenset(GEO_PRECISIONS), frozenset(TIME_PRECISIONS)
_VERIFICATIONS, _REVIEWS, _STATUSES = frozenset(VERIFICATIONS), frozenset(REVIEW_STATES), frozenset(STATUSES)


class FastRows:
    """The fast path of one own-CSV import: the Incident of a row in plain form (see `model_values`), or with `review`
    set, the StoreRow the SQLite store inserts when the id is new; None for any other row."""

    def __init__(self) -> None:
        self.review: str | None = None  # the review state rows are stored in; None: Incidents are made

    def __call__(self, row: Mapping[str, str]) -> Incident | StoreRow | None:
        values = model_values(row)
        if values is None:
            return None
        if self.review is None:
            return incident_of(values)
        values[_REVIEW] = self.review
        return StoreRow(values)


def fast_incident(row: Mapping[str, str]) -> Incident | None:
    """The Incident the general path makes of a CSV row when every filled cell is in a plain form, else None."""
    values = model_values(row)
    return None if values is None else incident_of(values)


def incident_of(values: list[Any]) -> Incident:
    """The Incident of checked model values, as from_dict builds it (every value was checked as _validate would)."""
    incident = object.__new__(Incident)
    data = incident.__dict__
    data.update(zip(CELLS, values))
    if not data["id"]:
        data["id"] = content_id(incident)
    return incident


def model_values(row: Mapping[str, str]) -> list[Any] | None:
    """The model values (in CELLS order) the general path gives a CSV row (text cells) when every filled cell is in
    a plain form: decimal degrees, digits, ISO dates with an offset, one URL or title as the source, {} for mappings;
    else None. An empty or missing cell is the field's default, as in the general path."""
    (event_type, lat, lon, started_at, key, place, admin1, country, geo_precision, ended_at, time_precision, killed,
     injured, drones_downed, iata, icao, status, verification, sources, notes, created_at, updated_at, origin,
     evidence, claim, zero_zero, review) = map(row.get, CELLS)  # the cells in one pass
    if event_type not in _EVENT_TYPES:
        return None
    lat, lon = _degrees(lat, 90.0), _degrees(lon, 180.0)
    if lat is None or lon is None or not started_at or not _dates(started_at, ended_at):
        return None
    for text in (key, place, admin1, notes, created_at, updated_at):
        if text and text[0] == "'":  # the formula guard: unguard decides
            return None
    if ((geo_precision and geo_precision not in _GEO) or (time_precision and time_precision not in _TIME_PRECISIONS)
            or (verification and verification not in _VERIFICATIONS) or (review and review not in _REVIEWS)
            or (status and status not in _STATUSES)):
        return None
    if (country and not _COUNTRY.match(country)) or (iata and not _IATA.match(iata)) or \
            (icao and not _ICAO.match(icao)):
        return None
    if (origin and origin != "{}") or (evidence and evidence != "{}") or (claim and claim != "{}"):
        return None
    counts = (_count(killed) if killed else None, _count(injured) if injured else None,
              _count(drones_downed) if drones_downed else None)
    if -1 in counts:
        return None
    source = _source(sources)
    flag = _flag(zero_zero)
    if source is None or flag is None or (lat == 0 and lon == 0 and not flag):
        return None
    return [event_type, lat, lon, started_at, key or "", place or "", admin1 or "", country or "",
            geo_precision or "city", ended_at or None, time_precision or "day", counts[0], counts[1], counts[2],
            iata or None, icao or None, status or None, verification or "reported", source, notes or "",
            created_at or None, updated_at or None, {}, {}, {} if claim else None, flag, review or "reviewed"]


def _count(text: str) -> int:
    """A count in digits; -1 when not plain (or over MAX_COUNT): the general path decides."""
    if len(text) < 9 and text.isascii() and text.isdigit():
        number = int(text)
        return number if number <= MAX_COUNT else -1
    return -1


def _flag(text: str | None) -> bool | None:
    """zero_zero_intended as the general path reads it (False when empty); None when not a plain true or false."""
    if not text:
        return False
    lowered = text.strip().lower()
    return True if lowered in _TRUE else False if lowered in _FALSE else None


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


def _dates(started: str, ended: str | None) -> bool:
    """Whether the dates are plain and valid: within the accepted days, the end not before the start."""
    start, latest = _when(started), _latest_now()
    if start is None or not EARLIEST_DAY <= start[0] <= latest:
        return False
    if ended:
        end = _when(ended)
        if end is None or not EARLIEST_DAY <= end[0] <= latest or _before(ended, end, started, start):
            return False
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


def _source(text: str | None) -> tuple[Source, ...] | None:
    """The sources of a cell holding one plain URL or title (no JSON, no list, no surrounding space); () when empty;
    None when not plain."""
    if not text:
        return ()
    if text[0] in "[{'" or ";" in text or "\n" in text or text.strip() != text:
        return None
    source = object.__new__(Source)  # what Source.from_dict({"url": text}) or ({"title": text}) makes
    if _URL.match(text):
        source.__dict__.update(title="", url=text, published="", excerpt="")
    else:
        source.__dict__.update(title=text, url="", published="", excerpt="")
    return (source,)


_ID, _LAT, _LON, _COUNTRY_AT, _STARTED, _REVIEW = (FIELDS.index(name) for name in
                                                   ("id", "lat", "lon", "country", "started_at", "review"))
_CREATED, _UPDATED = FIELDS.index("created_at"), FIELDS.index("updated_at")
_JSON_AT = tuple(FIELDS.index(name) for name in ("sources", "origin", "evidence", "distance_claim"))
_ONE_SOURCE = '[{"excerpt": "", "published": "", "title": %s, "url": %s}]'


class StoreRow(list):
    """A new incident as the SQLite store's row (storage.rows.to_row's values, FIELDS then the day), made from checked
    model values without an Incident; it answers what the batch checks and the store ask of an Incident."""

    __slots__ = ()
    id = property(itemgetter(_ID))
    lat = property(itemgetter(_LAT))
    lon = property(itemgetter(_LON))
    country = property(itemgetter(_COUNTRY_AT))
    started_at = property(itemgetter(_STARTED))
    review = property(itemgetter(_REVIEW))

    def __init__(self, values: list[Any]) -> None:
        super().__init__(values)
        if not values[_ID]:
            self[_ID] = content_id(incident_of(values))
        sources, origin, evidence, claim = _JSON_AT
        source = values[sources]
        self[sources] = _ONE_SOURCE % (encode_basestring(source[0].title), encode_basestring(source[0].url)) \
            if source else "[]"
        self[origin] = self[evidence] = "{}"  # plain rows hold no mapping but the empty one
        if values[claim] is not None:
            self[claim] = "{}"
        self.append(values[_STARTED][:10])

    @property
    def start(self) -> When:
        return parse_when(self[_STARTED], "started_at")

    def incident(self) -> Incident:
        """The Incident of this row (to merge into a stored one)."""
        return from_row(self[:-1])

    def stamped(self, now: str) -> StoreRow:
        """The row, its empty created_at and updated_at set to `now` (what to_row does for a new row)."""
        self[_CREATED] = self[_CREATED] or now
        self[_UPDATED] = self[_UPDATED] or now
        return self
