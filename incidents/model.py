"""The incident record, its vocabularies and validation, and the filter users select with."""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from collections import abc
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Any, Mapping

from incidents.errors import ValidationError

EVENT_TYPES = (
    "drone_strike",
    "missile_strike",
    "strike",
    "interception",
    "airspace_restriction",
    "explosion",
    "other",
)
EVENT_LABELS = {
    "drone_strike": "Drone strike",
    "missile_strike": "Missile strike",
    "strike": "Strike (weapon unknown)",
    "interception": "Interception",
    "airspace_restriction": "Airspace restriction",
    "explosion": "Explosion",
    "other": "Other",
}
STRIKE_TYPES = ("drone_strike", "missile_strike", "strike")
GEO_PRECISIONS = ("exact", "city", "approximate", "region", "country")  # best first; approximate: a point placed by
# distance and bearing from a named place, or between two ("30 km south of Belgorod"), standing for no named place
TIME_PRECISIONS = ("minute", "hour", "day", "month")
STATUSES = ("active", "lifted")
VERIFICATIONS = ("reported", "confirmed", "disputed", "unverified", "synthetic")
REVIEW_STATES = ("draft", "reviewed", "rejected")  # draft: not yet checked; only reviewed rows are shown by default
SHOWN_BY_DEFAULT = ("reviewed",)
WITH_DRAFTS = ("draft", "reviewed")
COUNT_FIELDS = ("killed", "injured", "drones_downed")
MAX_COUNT = 10_000_000  # more than any single incident; larger values are typos or unit errors (and overflow SQLite)
EARLIEST_DAY = date(1900, 1, 1)  # dates run from here to one year after today (UTC); others are typos

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}")  # extended ISO 8601: the day is the first ten characters
_IATA = re.compile(r"^[A-Z0-9]{3}$")
_ICAO = re.compile(r"^[A-Z0-9]{4}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Source:
    """Where an incident was reported: a title, a URL, a publication date and the sentence quoted."""

    title: str = ""
    url: str = ""
    published: str = ""
    excerpt: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Source":
        """A Source from a mapping of title/url/published/excerpt; anything else is a ValidationError on `sources`."""
        if not _is_mapping(data):
            raise ValidationError("sources", data, "each source must be an object with title, url, published, excerpt")
        source = object.__new__(cls)  # what __init__ does for four text fields, without its frozen-setattr cost
        values = source.__dict__
        for key in _SOURCE_FIELDS:
            value = data.get(key)
            values[key] = value if type(value) is str else "" if value is None else str(value)
        return source


_SOURCE_FIELDS = ("title", "url", "published", "excerpt")


def _is_mapping(value: object) -> bool:
    """isinstance(value, Mapping), with the common dict answered first (ABC checks cost microseconds per row)."""
    return type(value) is dict or isinstance(value, abc.Mapping)


@dataclass(frozen=True)
class When:
    """A parsed time value: the calendar day as stated, and the instant when a time of day is known."""

    day: date
    instant: datetime | None  # timezone-aware, or None for a bare date

    @property
    def utc(self) -> datetime | None:
        return self.instant.astimezone(timezone.utc) if self.instant else None


def parse_when(value: str, field_name: str = "started_at") -> When:
    """Parse an ISO 8601 date or offset-aware datetime; naive datetimes are refused, never guessed."""
    if value is not None and not isinstance(value, str):
        raise ValidationError(field_name, value, "must be text: YYYY-MM-DD or YYYY-MM-DDTHH:MM+03:00")
    if type(value) is str:
        return _parsed_when(value, field_name)
    return _parse_when(value, field_name)


@lru_cache(maxsize=4096)
def _parsed_when(value: str, field_name: str) -> When:
    """parse_when of a text, remembered: imports repeat the same days and times row after row (errors are not
    remembered, so each bad row still raises its own ValidationError)."""
    return _parse_when(value, field_name)


def _parse_when(value: str | None, field_name: str) -> When:
    text = (value or "").strip()
    if len(text) == 10 and _DATE_ONLY.match(text):  # stripped: no newline for $ to stop before
        try:
            return When(date.fromisoformat(text), None)
        except ValueError as exc:
            raise ValidationError(field_name, value, f"not a real date ({exc}); write YYYY-MM-DD") from None
    moment = _extended_iso_datetime(text)
    if moment is None:
        raise ValidationError(field_name, value, "not ISO 8601; write YYYY-MM-DD or YYYY-MM-DDTHH:MM+03:00")
    if moment.tzinfo is None:
        raise ValidationError(field_name, value, "a time needs a UTC offset, e.g. 2024-12-21T07:40+03:00")
    when = object.__new__(When)  # what the frozen __init__ does, without its two setattr calls
    when.__dict__.update(day=moment.date(), instant=moment)
    return when


def _extended_iso_datetime(text: str) -> datetime | None:
    """A datetime in extended ISO 8601 (2024-12-21T07:40+03:00, 'Z' allowed), else None.

    Basic (20241221T0740) and week forms are refused: everything downstream reads the day from the first ten characters.
    """
    if not _DATE_TIME.match(text):
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass(frozen=True)
class Incident:
    """One incident of war at one place: validated on creation, immutable afterwards."""

    event_type: str
    lat: float
    lon: float
    started_at: str
    id: str = ""
    place: str = ""
    admin1: str = ""
    country: str = ""
    geo_precision: str = "city"
    ended_at: str | None = None
    time_precision: str = "day"
    killed: int | None = None
    injured: int | None = None
    drones_downed: int | None = None
    airport_iata: str | None = None
    airport_icao: str | None = None
    status: str | None = None
    verification: str = "reported"
    sources: tuple[Source, ...] = ()
    notes: str = ""
    created_at: str | None = None
    updated_at: str | None = None
    origin: Mapping[str, Any] = field(default_factory=dict)  # the source format's own labels and codes
    evidence: Mapping[str, Any] = field(default_factory=dict)  # field -> {"sentence", "start", "end"}
    distance_claim: Mapping[str, Any] | None = None  # {"claimed_km", "geodesic_km", "error_pct", ...}
    zero_zero_intended: bool = False
    review: str = "reviewed"  # REVIEW_STATES; imports, extraction and feeds write "draft" explicitly

    def __post_init__(self) -> None:
        _validate(self)
        if not self.id:
            object.__setattr__(self, "id", content_id(self))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Incident":
        """Build from a plain mapping (JSON, CSV row, GeoJSON properties); unknown keys are an error."""
        known = _FIELD_SET or _incident_fields()
        if not known.issuperset(data):
            unknown = sorted(set(data) - known)
            raise ValidationError(unknown[0], data[unknown[0]], f"unknown field; known fields are {', '.join(sorted(known))}")
        values = dict(data)
        for name in ("event_type", "lat", "lon", "started_at"):
            value = values.get(name)
            if value is None or value == "":
                raise ValidationError(name, value, "required field is missing")
        sources = values.get("sources") or ()
        if not isinstance(sources, (list, tuple)):
            raise ValidationError("sources", sources, "must be a list of sources (objects with title, url, ...)")
        values["sources"] = tuple([s if type(s) is Source else Source.from_dict(s) for s in sources])
        for name in ("origin", "evidence"):
            value = values.get(name)
            if not value:
                values[name] = {}
                continue
            if not _is_mapping(value):
                raise ValidationError(name, value, "must be an object (a mapping), or empty")
            values[name] = dict(value)
        for name in COUNT_FIELDS:
            value = values.get(name)
            if type(value) is float and value.is_integer():
                values[name] = int(value)  # 5.0 from JSON tools that write every number as a float
        if cls is not Incident:
            return cls(**values)
        incident = object.__new__(cls)  # what __init__ does, without 26 keyword arguments and frozen setattrs
        data = incident.__dict__
        data.update(_TEMPLATE or _template())
        data.update(values)
        incident.__post_init__()
        return incident

    @classmethod
    def trusted(cls, values: Mapping[str, Any]) -> "Incident":
        """An Incident of every field's value as given, already checked the way _validate checks them (a fast
        importer's rows): not validated again, no id made."""
        incident = object.__new__(cls)  # what __init__ does, without the checks the caller made already
        incident.__dict__.update(values)
        return incident

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping with every field, sources as a list of mappings."""
        data = self.__dict__  # what asdict gives (every value is text, a number, None or replaced below), faster
        out = {name: data[name] for name in _field_names()}
        out["sources"] = [{"title": s.title, "url": s.url, "published": s.published, "excerpt": s.excerpt}
                          for s in self.sources]
        out["origin"] = dict(self.origin)
        out["evidence"] = dict(self.evidence)
        out["distance_claim"] = dict(self.distance_claim) if self.distance_claim else None
        return out

    def content(self) -> dict[str, Any]:
        """Every field but the bookkeeping timestamps: what decides whether a re-import changed anything."""
        out = self.to_dict()
        out.pop("created_at")
        out.pop("updated_at")
        return out

    @property
    def start(self) -> When:
        return parse_when(self.started_at, "started_at")

    def with_changes(self, **changes: Any) -> "Incident":
        return replace(self, **changes)


@lru_cache(maxsize=1)
def _incident_fields() -> frozenset[str]:
    return frozenset(_field_names())


@lru_cache(maxsize=1)
def _field_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Incident))


@lru_cache(maxsize=1)
def _template() -> dict[str, Any]:
    """Every field in order with its default (None for the required ones, which from_dict checks are given;
    origin and evidence, the two with a default factory, are always given by from_dict)."""
    return {f.name: None if f.default is MISSING else f.default for f in fields(Incident)}


_FIELD_SET: frozenset[str] = frozenset()  # _incident_fields() and _template(), set once the class exists
_TEMPLATE: dict[str, Any] = {}


def content_id(incident: Incident) -> str:
    """A stable id from what identifies an incident: type, place (rounded), start and airport."""
    key = json.dumps(
        [incident.event_type, round(incident.lat, 3), round(incident.lon, 3), incident.started_at[:10],
         incident.airport_icao or incident.airport_iata or ""],
    )
    return "h" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


TEXT_FIELDS = ("id", "place", "admin1", "country", "notes", "review")
OPTIONAL_TEXT_FIELDS = ("ended_at", "airport_iata", "airport_icao", "status", "created_at", "updated_at")


def _check_types(inc: Incident) -> None:
    """Text fields hold text, mappings hold mappings: a wrong type is named before any value check."""
    data = inc.__dict__  # a frozen dataclass without slots: its dict is read without 30 attribute lookups
    for name in TEXT_FIELDS:
        value = data[name]
        if type(value) is not str and not isinstance(value, str):
            raise ValidationError(name, value, "must be text")
    for name in OPTIONAL_TEXT_FIELDS:
        value = data[name]
        if value is not None and type(value) is not str and not isinstance(value, str):
            raise ValidationError(name, value, "must be text, or empty")
    for name in ("origin", "evidence"):
        if not _is_mapping(data[name]):
            raise ValidationError(name, data[name], "must be an object (a mapping)")
    if inc.distance_claim is not None and not _is_mapping(inc.distance_claim):
        raise ValidationError("distance_claim", inc.distance_claim, "must be an object (a mapping), or empty")
    if not isinstance(inc.zero_zero_intended, bool):
        raise ValidationError("zero_zero_intended", inc.zero_zero_intended, "must be true or false")
    for source in inc.sources:
        if type(source) is not Source and not isinstance(source, Source):
            raise ValidationError("sources", inc.sources, "must be Source records")


_EVENT_TYPE_SET = frozenset(EVENT_TYPES)
_CHOICES = (("geo_precision", GEO_PRECISIONS), ("time_precision", TIME_PRECISIONS), ("verification", VERIFICATIONS),
            ("review", REVIEW_STATES))
_RANGES = (("lat", -90.0, 90.0), ("lon", -180.0, 180.0))


def _validate(inc: Incident) -> None:
    _check_types(inc)
    data = inc.__dict__
    if type(inc.event_type) is not str or inc.event_type not in _EVENT_TYPE_SET:
        if not isinstance(inc.event_type, str) or inc.event_type not in EVENT_TYPES:
            raise ValidationError("event_type", inc.event_type, f"unknown event type; use one of {', '.join(EVENT_TYPES)}")
    for name, low, high in _RANGES:
        value = data[name]
        if type(value) is float and low <= value <= high:  # the common case; NaN and infinities fail the range
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValidationError(name, value, "must be a finite number in decimal degrees")
        if not low <= value <= high:
            raise ValidationError(name, value, f"out of range; must lie between {low:g} and {high:g}")
    if inc.lat == 0 and inc.lon == 0 and not inc.zero_zero_intended:
        raise ValidationError("lat", 0, "(0, 0) is almost always a missing location; geocode the place or set zero_zero_intended")
    latest = latest_now()
    start = parse_when(inc.started_at, "started_at")
    if not EARLIEST_DAY <= start.day <= latest:
        check_day_range("started_at", inc.started_at, start.day)
    if inc.ended_at:
        end = parse_when(inc.ended_at, "ended_at")
        if not EARLIEST_DAY <= end.day <= latest:
            check_day_range("ended_at", inc.ended_at, end.day)
        if _before(end, start):
            raise ValidationError("ended_at", inc.ended_at, f"ends before it starts ({inc.started_at})")
    for name, allowed in _CHOICES:
        if data[name] not in allowed:
            _check_choice(name, data[name], allowed)
    if inc.status is not None:
        _check_choice("status", inc.status, STATUSES)
    for name in COUNT_FIELDS:
        value = data[name]
        if value is None:
            continue
        if type(value) is int and 0 <= value <= MAX_COUNT:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(name, value, "must be a whole number, or empty when not stated")
        check_count_range(name, value)
    if inc.country and not _COUNTRY.match(inc.country):
        raise ValidationError("country", inc.country, "must be an ISO 3166-1 alpha-2 code such as RU or UA")
    if inc.airport_iata and not _IATA.match(inc.airport_iata):
        raise ValidationError("airport_iata", inc.airport_iata, "must be a three-letter IATA code such as KZN")
    if inc.airport_icao and not _ICAO.match(inc.airport_icao):
        raise ValidationError("airport_icao", inc.airport_icao, "must be a four-letter ICAO code such as UWKD")


def latest_day(today: date | None = None) -> date:
    """The last accepted day: one year after today (UTC)."""
    today = today or datetime.now(timezone.utc).date()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)


_LATEST: list[Any] = [None, None]  # [UTC day number since 1970, latest_day() on that day]
_EPOCH = date(1970, 1, 1).toordinal()


def latest_now() -> date:
    """latest_day() for today, computed once per UTC day (POSIX time has 86,400 seconds a day)."""
    key = int(time.time() // 86400)
    if _LATEST[0] != key:
        _LATEST[:] = [key, latest_day(date.fromordinal(_EPOCH + key))]
    return _LATEST[1]


def check_day_range(name: str, value: object, day: date) -> None:
    """Refuse a day before 1900-01-01 or more than one year after today."""
    if not EARLIEST_DAY <= day <= latest_now():
        raise ValidationError(name, value, f"outside the accepted dates {EARLIEST_DAY} to {latest_day()} "
                              "(one year after today); check the year")


def future_warning(incident: "Incident", today: date | None = None) -> str | None:
    """A note when the incident starts after today (UTC): accepted, but probably a typo in the year."""
    if today is None:
        today = _today_utc()
        if incident.started_at[:10] <= _TODAY[2]:  # valid ISO text: its first ten characters are the day
            return None
    day = incident.start.day
    return f"started_at {incident.started_at} is in the future (after {today}); check the date" if day > today else None


_TODAY: list[Any] = [None, None, ""]  # [UTC day number since 1970, that day, its ISO text]


def _today_utc() -> date:
    """Today (UTC), worked out once per UTC day (imports ask for every row)."""
    key = int(time.time() // 86400)
    if _TODAY[0] != key:
        day = date.fromordinal(_EPOCH + key)
        _TODAY[:] = [key, day, day.isoformat()]
    return _TODAY[1]


def check_count_range(name: str, number: float, shown: object = None) -> None:
    """ValidationError for a negative or implausibly large count (`shown` is the value as the user wrote it)."""
    shown = number if shown is None else shown
    if number < 0:
        raise ValidationError(name, shown, "must not be negative; leave empty when not stated")
    if number > MAX_COUNT:
        raise ValidationError(name, shown, f"implausibly large (over {MAX_COUNT:,}); check the number")


def _before(end: When, start: When) -> bool:
    if end.instant and start.instant:
        return end.instant < start.instant
    return end.day < start.day


def _check_choice(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValidationError(name, value, f"use one of {', '.join(allowed)}")


@dataclass(frozen=True)
class IncidentFilter:
    """What a user selects: a date window first, then types, places, verification, text, area and distance."""

    start: date | None = None  # inclusive, on the incident's local calendar day
    end: date | None = None  # inclusive
    event_types: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()  # admin-1 names
    countries: tuple[str, ...] = ()  # ISO alpha-2
    verification: tuple[str, ...] = ()
    text: str = ""
    bbox: tuple[float, float, float, float] | None = None  # (south, west, north, east)
    distance_km: tuple[float, float] | None = None  # (min, max) from the reference place
    reference: tuple[float, float] | None = None  # (lat, lon) of the reference place
    review: tuple[str, ...] = SHOWN_BY_DEFAULT  # review states shown; () shows every state

    def is_empty(self) -> bool:
        return self == IncidentFilter()


def utc_now_iso() -> str:
    """The current instant as an ISO 8601 string in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


_FIELD_SET = _incident_fields()
_TEMPLATE = _template()
