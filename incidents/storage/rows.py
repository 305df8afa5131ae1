"""Incidents as table rows (JSON fields as text) and back, shared by the SQLite and PostGIS stores."""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from collections.abc import Iterable, Iterator
from itertools import islice
from operator import itemgetter
from typing import Any, TypeVar

import pandas as pd

from incidents.errors import ValidationError
from incidents.frames import (
    FIELDS,
    JSON_FIELDS,
    empty_frame,
    finish_frame,
    share_empties,
)
from incidents.model import Incident

T = TypeVar("T")
COLUMNS = ", ".join(FIELDS)
CATALOG = ("id", "day", "event_type", "lat", "lon", "country", "admin1", "verification", "killed", "injured")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of at most `size`, consumed lazily (a generator is never held whole)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def json_text(incident_id: str, name: str, value: Any) -> str | None:
    """A JSON field as compact sorted text; NaN and Infinity (not JSON) are a ValidationError naming the row."""
    if value is None:
        return None
    if not value:
        return "[]" if isinstance(value, (list, tuple)) else "{}"
    if name == "sources":
        text = sources_text(value)
        if text is not None:
            return text
        value = [{"title": s.title, "url": s.url, "published": s.published, "excerpt": s.excerpt} for s in value]
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False, default=str)
    except ValueError:
        raise ValidationError(name, value, f"incident {incident_id}: NaN or Infinity is not a JSON number; "
                                           "leave the value empty") from None


def sources_text(sources: Iterable[Any]) -> str | None:
    """The JSON text json_text gives for sources whose four fields are all text (as Source.from_dict makes them),
    written directly: keys in sorted order, the strings escaped by the json module's own encoder; None otherwise."""
    parts = []
    for source in sources:
        values = (source.excerpt, source.published, source.title, source.url)
        if not all(type(value) is str for value in values):
            return None
        parts.append('{"excerpt": %s, "published": %s, "title": %s, "url": %s}' % tuple(map(encode_basestring, values)))
    return "[" + ", ".join(parts) + "]"


_JSON_AT = tuple((FIELDS.index(name), name) for name in JSON_FIELDS)
_VALUES = itemgetter(*FIELDS)
_CREATED, _UPDATED = FIELDS.index("created_at"), FIELDS.index("updated_at")
_JSONB_EMPTY = {"{}": b"\x01{}", "[]": b"\x01[]"}


def to_row(incident: Incident, now: str = "", jsonb: bool = False) -> list[Any]:
    """The model fields in FIELDS order (JSON fields as text), then the day. With `now`, an empty created_at or
    updated_at is written as `now` (a new row's stamps, without copying the incident); with `jsonb`, JSON fields are
    PostgreSQL's binary jsonb (a version byte, then the text) as bytes."""
    values = list(_VALUES(incident.__dict__))  # a frozen dataclass without slots: its dict, read in C
    if now:
        values[_CREATED] = values[_CREATED] or now
        values[_UPDATED] = values[_UPDATED] or now
    for index, name in _JSON_AT:
        value = values[index]
        if value is None:
            continue
        if not value:  # the common empty mapping or list: a constant, no encoder
            text = "[]" if isinstance(value, (list, tuple)) else "{}"
            values[index] = _JSONB_EMPTY[text] if jsonb else text
            continue
        text = json_text(incident.id, name, value if name != "origin" and name != "evidence" else dict(value))
        values[index] = b"\x01" + text.encode() if jsonb else text
    values.append(incident.started_at[:10])
    return values


def from_row(row: Iterable[Any]) -> Incident:
    """The Incident of a row of FIELDS (JSON fields as text or already decoded)."""
    record: dict[str, Any] = {}
    for name, value in zip(FIELDS, row):
        if value is None:
            continue
        if name in JSON_FIELDS:
            value = _decoded(name, value)
            if value is None:
                continue
        elif name == "zero_zero_intended":
            value = bool(value)
        record[name] = value
    return Incident.from_dict(record)


def frame_from_rows(rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    """The frame contract from rows of FIELDS sorted by day then id, built column-wise (rows were validated when
    written)."""
    if not rows:
        return empty_frame()
    return finish_frame({name: _column_values(name, values) for name, values in zip(FIELDS, zip(*rows))})


def _column_values(name: str, values: tuple[Any, ...]) -> list[Any]:
    """One column of raw rows as the frame wants it: JSON decoded, missing values given their defaults."""
    if name == "sources":
        return share_empties(name, [[_full_source(source) for source in _decoded(name, text) or ()]
                                    for text in values])
    if name in JSON_FIELDS:
        return share_empties(name, [_decoded(name, text) for text in values])
    if name == "zero_zero_intended":
        return [bool(value) for value in values]
    if name in _DEFAULTS:
        default = _DEFAULTS[name]
        return [default if value is None else value for value in values]
    return list(values)


def _decoded(name: str, text: Any) -> Any:
    """A JSON cell, skipping the parser for the common empty values; missing or null gives the default."""
    if text == "{}":
        return {}
    if text == "[]":
        return []
    value = json.loads(text) if isinstance(text, str) else text
    return _default(name) if value is None else value


def _full_source(source: dict[str, Any]) -> dict[str, str]:
    return {key: str(source.get(key) or "") for key in ("title", "url", "published", "excerpt")}


_DEFAULTS = {"place": "", "admin1": "", "country": "", "notes": "", "origin": {}, "evidence": {},
             "zero_zero_intended": False}


def _default(name: str) -> Any:
    value = _DEFAULTS.get(name)
    return dict(value) if isinstance(value, dict) else value


def catalog_frame(rows: list[tuple[Any, ...]], columns: tuple[str, ...], flt: Any = None) -> pd.DataFrame:
    """Rows of catalog `columns` as a frame (day as datetime64), limited to the filter's distance band if any."""
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    if "day" in frame:
        frame["day"] = pd.to_datetime(frame["day"].astype(str), format="%Y-%m-%d")
    if flt is None or flt.distance_km is None or flt.reference is None or frame.empty:
        return frame
    from geodata.distances import distances_from

    km, _ = distances_from(flt.reference[0], flt.reference[1], frame["lat"].to_numpy(float),
                           frame["lon"].to_numpy(float))
    km = pd.Series(km, index=frame.index, dtype=float)
    return frame[(km >= flt.distance_km[0]) & (km <= flt.distance_km[1])].reset_index(drop=True)


def box_around(lat: float, lon: float, km: float) -> list[float]:
    """(west, south, east, north) of a box holding every point within `km` of (lat, lon): generous, never tight."""
    dlat = km / 110.0 + 0.01
    south, north = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    widest = max(abs(south), abs(north))
    if widest >= 89.0 or km > 2000:
        return [-180.0, south, 180.0, north]
    dlon = min(180.0, km / (111.0 * math.cos(math.radians(widest))) + 0.01)
    if lon - dlon < -180 or lon + dlon > 180:
        return [-180.0, south, 180.0, north]
    return [lon - dlon, south, lon + dlon, north]
