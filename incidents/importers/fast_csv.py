"""The project's own CSV read fast: a record (a list of text cells) whose cells all take their plain forms becomes the
SQLite store's row, or an Incident, in one step; any other record gets None and takes the general path
(own_csv.row_values, Incident.from_dict), which alone words problems."""

from __future__ import annotations

import re
from datetime import date, datetime
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any, Mapping, Sequence

from incidents.frames import FIELDS
from incidents.importers.common import PLAIN_DEGREES
from incidents.importers.sources import URL
from incidents.model import (
    EARLIEST_DAY, EVENT_TYPES, GEO_PRECISIONS, MAX_COUNT, REVIEW_STATES, STATUSES, TIME_PRECISIONS, VERIFICATIONS,
    Incident, Source, When, content_id, latest_now, parse_when,
)
from incidents.storage.rows import from_row

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_CLOCK = re.compile(r"T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z)\Z")  # what follows the day in a time
_COUNTRY = re.compile(r"[A-Z]{2}\Z")
_IATA = re.compile(r"[A-Z0-9]{3}\Z")
_ICAO = re.compile(r"[A-Z0-9]{4}\Z")
_FLAGS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
CELLS = ("event_type", "lat", "lon", "started_at", "id", "place", "admin1", "country", "geo_precision", "ended_at",
         "time_precision", "killed", "injured", "drones_downed", "airport_iata", "airport_icao", "status",
         "verification", "sources", "notes", "created_at", "updated_at", "origin", "evidence", "distance_claim",
         "zero_zero_intended", "review")  # what PlainRows reads: every model field (a new one turns the path off)
COVERS_MODEL = CELLS == FIELDS
_EVENT_TYPES = frozenset(EVENT_TYPES)
_GEO, _TIMES = frozenset(GEO_PRECISIONS) | {""}, frozenset(TIME_PRECISIONS) | {""}  # "": the default
_VERIFICATIONS, _REVIEWS = frozenset(VERIFICATIONS) | {""}, frozenset(REVIEW_STATES) | {""}
_STATUSES, _EMPTY_MAPPING = frozenset(STATUSES) | {""}, frozenset(("", "{}"))
_ID, _LAT, _LON, _COUNTRY_AT, _STARTED, _REVIEW = (FIELDS.index(name) for name in
                                                   ("id", "lat", "lon", "country", "started_at", "review"))
_SOURCES, _CLAIM = FIELDS.index("sources"), FIELDS.index("distance_claim")
_CREATED, _UPDATED = FIELDS.index("created_at"), FIELDS.index("updated_at")
_ONE_URL, _ONE_TITLE = ('[{"excerpt": "", "published": "", "title": "", "url": %s}]',
                        '[{"excerpt": "", "published": "", "title": %s, "url": ""}]')  # what rows.sources_text writes
KEPT = 100_000  # plain coordinates, days and clock times remembered per import, at most each


class PlainRows:
    """The fast path of one own-CSV import, compiled for its header: a record whose cells are all in plain form (see
    `row`) becomes an Incident, or with `review` set, the StoreRow the SQLite store inserts when the id is new; any
    other record (or one whose length is not the header's) gives None."""

    def __init__(self, header: Sequence[str]) -> None:
        self.review: str | None = None  # the review state rows are stored in; None: Incidents are made
        self.width = len(header)
        at = {name: index for index, name in enumerate(header)}  # a repeated name: the last wins, as in a dict row
        self._pad = [""] if any(name not in at for name in CELLS) else None  # a missing column reads as empty
        self._cells = itemgetter(*(at.get(name, self.width) for name in CELLS))
        self._latest = latest_now()  # read once: a day that becomes acceptable during the import goes the long way
        self._lats: dict[str, float] = {}
        self._lons: dict[str, float] = {}
        self._days: dict[str, date] = {}
        self._clocks: set[str] = set()

    def __call__(self, record: list[str]) -> Incident | StoreRow | None:
        if len(record) != self.width:
            return None
        cells = self._cells(record + self._pad if self._pad else record)
        row = self.row(cells)
        if row is None:
            return None
        if self.review is None:
            return incident_of(row, cells[_SOURCES])
        if not row[_ID]:
            row[_ID] = content_id(incident_of(row, cells[_SOURCES]))
        return row

    def row(self, cells: Sequence[str]) -> StoreRow | None:
        """The store's row (FIELDS, then the day; JSON fields as text, in review state `review` when set) the general
        path gives cells (text, in CELLS order) when every filled cell is in a plain form: decimal degrees, digits,
        ISO dates with an offset, one URL or title as the source, {} for mappings; else None. An empty cell is the
        field's default, as in the general path; an empty id stays empty (see __call__)."""
        (event_type, lat, lon, started_at, key, place, admin1, country, geo_precision, ended_at, time_precision,
         killed, injured, drones_downed, iata, icao, status, verification, sources, notes, created_at, updated_at,
         origin, evidence, claim, zero_zero, review) = cells
        if event_type not in _EVENT_TYPES or not started_at:
            return None
        lats, lons = self._lats, self._lons
        lat = lats[lat] if lat in lats else _coordinate(lat, 90.0, lats)
        lon = lons[lon] if lon in lons else _coordinate(lon, 180.0, lons)
        if lat is None or lon is None or not self._dates(started_at, ended_at):
            return None
        if "'" in (key[:1], place[:1], admin1[:1], notes[:1], created_at[:1], updated_at[:1]):
            return None  # the formula guard: unguard decides
        if (geo_precision not in _GEO or time_precision not in _TIMES or verification not in _VERIFICATIONS
                or review not in _REVIEWS or status not in _STATUSES or origin not in _EMPTY_MAPPING
                or evidence not in _EMPTY_MAPPING or claim not in _EMPTY_MAPPING):
            return None
        if (country and not _COUNTRY.match(country)) or (iata and not _IATA.match(iata)) or \
                (icao and not _ICAO.match(icao)):
            return None
        flag = _FLAGS.get(zero_zero) if zero_zero else False
        if flag is None:
            flag = _FLAGS.get(zero_zero.strip().lower())
        if flag is None or (lat == 0 and lon == 0 and not flag):
            return None
        if sources and (sources[0] in "[{'" or ";" in sources or "\n" in sources or sources.strip() != sources):
            return None
        if killed:
            killed = _COUNTS.get(killed) or _count(killed)
        if injured:
            injured = _COUNTS.get(injured) or _count(injured)
        if drones_downed:
            drones_downed = _COUNTS.get(drones_downed) or _count(drones_downed)
        if killed == -1 or injured == -1 or drones_downed == -1:
            return None
        return StoreRow((
            event_type, lat, lon, started_at, key, place, admin1, country, geo_precision or "city", ended_at or None,
            time_precision or "day", killed if killed != "" else None, injured if injured != "" else None,
            drones_downed if drones_downed != "" else None, iata or None, icao or None, status or None,
            verification or "reported", sources_json(sources) if sources else "[]", notes, created_at or None,
            updated_at or None, "{}", "{}", "{}" if claim else None, flag, self.review or review or "reviewed",
            started_at[:10]))

    def _dates(self, started: str, ended: str) -> bool:
        """Whether the dates are plain and valid: within the accepted days, the end not before the start."""
        start = self._when(started)
        if start is None:
            return False
        if ended:
            end = self._when(ended)
            if end is None or _before(ended, end, started, start):
                return False
        return True

    def _when(self, text: str) -> tuple[date, bool] | None:
        """(day, whether a time of day is given) of an ISO date, or date and time with an offset, that the model reads
        as valid and within the accepted days; else None. Days and clock times repeat: each is checked once."""
        day = self._days.get(text[:10])
        if day is None:
            day = self._day(text[:10])
            if day is None:
                return None
        if len(text) == 10:
            return day, False
        clock = text[10:]
        if clock not in self._clocks and not self._clock(clock):
            return None
        return day, True

    def _day(self, text: str) -> date | None:
        if not _DAY.match(text):
            return None
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        if not EARLIEST_DAY <= day <= self._latest:
            return None
        if len(self._days) < KEPT:
            self._days[text] = day
        return day

    def _clock(self, text: str) -> bool:
        """Whether 'THH:MM[:SS]±HH:MM' (or Z) is a valid time of day and offset."""
        if not _CLOCK.match(text):
            return False
        try:
            datetime.fromisoformat("2000-01-01" + text.replace("Z", "+00:00"))
        except ValueError:
            return False
        if len(self._clocks) < KEPT:
            self._clocks.add(text)
        return True


def model_values(row: Mapping[str, str]) -> list[Any] | None:
    """PlainRows.row for a row of text cells by column name (a missing cell is empty), or None."""
    return PlainRows(CELLS).row(tuple(row.get(name) or "" for name in CELLS))


def _coordinate(text: str, limit: float, known: dict[str, float]) -> float | None:
    """Decimal degrees within ±limit, kept in `known`; None when not plain or out of range."""
    if not PLAIN_DEGREES.match(text):
        return None
    value = float(text)
    if not -limit <= value <= limit:
        return None
    if len(known) < KEPT:
        known[text] = value
    return value


_COUNTS = {str(number): number for number in range(1, 10_000)}  # counts as most files write them ("0" is falsy)


def _count(text: str) -> int:
    """A count in digits; -1 when not plain (or over MAX_COUNT): the general path decides."""
    if len(text) < 9 and text.isascii() and text.isdigit():
        number = int(text)
        return number if number <= MAX_COUNT else -1
    return -1


def _before(ended: str, end: tuple[date, bool], started: str, start: tuple[date, bool]) -> bool:
    """Whether the end lies before the start: as instants when both have a time, else as days (the model's rule)."""
    if not end[1] or not start[1]:
        return end[0] < start[0]
    if len(ended) == len(started) and ended[-6:] == started[-6:] and ended[-1] != "Z":
        return ended < started  # the same form and offset: the text orders as the instants do
    return _instant(ended) < _instant(started)


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def sources_json(text: str) -> str:
    """The stored JSON of a plain sources cell: one URL or one title, or none."""
    if not text:
        return "[]"
    return (_ONE_URL if URL.match(text) else _ONE_TITLE) % encode_basestring(text)


def incident_of(row: list[Any], text: str) -> Incident:
    """The Incident of a plain row (PlainRows.row) whose sources cell read `text`, as from_dict builds it: every value
    was checked as _validate would check it; the id made from the content when the row has none."""
    values = dict(zip(FIELDS, row))
    values["sources"] = (Source.from_dict({"url": text} if URL.match(text) else {"title": text}),) if text else ()
    values.update(origin={}, evidence={}, distance_claim={} if values["distance_claim"] else None)
    incident = Incident.trusted(values)
    if not values["id"]:
        values = {**values, "id": content_id(incident)}
        incident = Incident.trusted(values)
    return incident


class StoreRow(list):
    """A new incident as the SQLite store's row (storage.rows.to_row's values, FIELDS then the day), made from a
    plain row without an Incident; it answers what the batch checks and the store ask of an Incident."""

    __slots__ = ()
    id = property(itemgetter(_ID))
    lat = property(itemgetter(_LAT))
    lon = property(itemgetter(_LON))
    country = property(itemgetter(_COUNTRY_AT))
    started_at = property(itemgetter(_STARTED))
    review = property(itemgetter(_REVIEW))

    @property
    def start(self) -> When:
        return parse_when(self[_STARTED], "started_at")

    def incident(self) -> Incident:
        """The Incident of this row (to merge into a stored one)."""
        return from_row(self[:-1])

    def stamped(self, now: str) -> tuple[Any, ...]:
        """The row's values, its empty created_at and updated_at set to `now` (what to_row does for a new row), as a
        tuple (the sqlite3 module binds a tuple's items faster than a list subclass's)."""
        self[_CREATED] = self[_CREATED] or now
        self[_UPDATED] = self[_UPDATED] or now
        return tuple(self)
