"""Packs an incident frame into one compact, JSON-safe payload that the browser decodes (pure, vectorised)."""

from __future__ import annotations

import json
from typing import Any, Sequence

import numpy as np
import pandas as pd

from dashboard.escape import safe_url
from incidents.model import EVENT_TYPES, GEO_PRECISIONS, VERIFICATIONS

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"  # URL-safe base64 digits
STATUSES = (None, "active", "lifted")
# Field name -> number of base-64 digits; the record is these fields back to back, fixed width.
FIELDS: tuple[tuple[str, int], ...] = (
    ("lat", 4), ("lon", 4), ("type", 1), ("flags", 2), ("place", 3), ("day", 3), ("minute", 2),
    ("offset", 1), ("duration", 2), ("killed", 1), ("injured", 1), ("drones", 1), ("detail", 3),
    ("km", 3), ("compass", 1),
)
WIDTH = sum(width for _, width in FIELDS)
# `flags` holds three choices in mixed radix, least significant first: precision + P * (status + S * verification),
# with P and S the lengths of the payload's `precisions` and `statuses` tables (the browser reads them from there).
FLAG_PARTS = (("precision", GEO_PRECISIONS), ("status", STATUSES), ("verification", VERIFICATIONS))
COMPASS16 = (
    "north", "north-northeast", "northeast", "east-northeast", "east", "east-southeast", "southeast",
    "south-southeast", "south", "south-southwest", "southwest", "west-southwest", "west", "west-northwest",
    "northwest", "north-northwest",
)
_DIGITS = np.frombuffer(ALPHABET.encode("ascii"), dtype=np.uint8)
_SMALL_MAX = 62  # counts 0..61 fit one digit as value + 1; 0 means "not stated", 63 "see overflow"


def limit(width: int) -> int:
    """Largest value a field of `width` digits holds."""
    return 64**width - 1


def encode_digits(values: np.ndarray, width: int) -> np.ndarray:
    """Each non-negative integer as `width` base-64 digits: an (n, width) uint8 array of ASCII codes."""
    values = np.asarray(values, dtype=np.int64)
    if len(values) and (values.min() < 0 or values.max() > limit(width)):
        raise ValueError(f"value out of range for {width} digits")
    powers = 64 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return _DIGITS[(values[:, None] // powers[None, :]) % 64]


def decode_record(text: str, index: int) -> dict[str, int]:
    """The integer fields of record `index` (what the browser does; used by tests)."""
    out, position = {}, index * WIDTH
    for name, width in FIELDS:
        value = 0
        for ch in text[position:position + width]:
            value = value * 64 + ALPHABET.index(ch)
        out[name] = value
        position += width
    return out


def pack_flags(codes: dict[str, np.ndarray]) -> np.ndarray:
    """The `flags` field from each part's codes (indexes into FLAG_PARTS' vocabularies)."""
    out, scale = 0, 1
    for name, choices in FLAG_PARTS:
        out = out + np.asarray(codes[name], dtype=np.int64) * scale
        scale *= len(choices)
    return np.asarray(out, dtype=np.int64)


def unpack_flags(value: int) -> dict[str, Any]:
    """The choices packed in one `flags` value (what the browser does; used by tests)."""
    out = {}
    for name, choices in FLAG_PARTS:
        out[name] = choices[value % len(choices)]
        value //= len(choices)
    return out


def scale_coord(values: np.ndarray, low: float, span: float, width: int) -> np.ndarray:
    """Degrees to integers on a grid of limit(width) steps."""
    return np.rint((np.asarray(values, dtype=float) - low) / span * limit(width)).astype(np.int64)


def factorize(values: Sequence[Any]) -> tuple[np.ndarray, list[Any]]:
    """Codes and the table of distinct values, in first-seen order."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
    return codes.astype(np.int64), list(uniques)


def _text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    column = frame[name].astype(object)
    return column.where(column.notna(), "").astype(str)


def _small_counts(column: pd.Series | None, n: int, overflow: dict[str, int], name: str) -> np.ndarray:
    """Counts as one digit: 0 = not stated, value + 1, or 63 with the value kept in `overflow`."""
    if column is None:
        return np.zeros(n, dtype=np.int64)
    values = pd.array(column, dtype="Int64")
    stated = ~np.asarray(values.isna())
    numbers = np.asarray(values.fillna(0), dtype=np.int64)
    out = np.where(stated, np.minimum(numbers + 1, 63), 0)
    for row in np.flatnonzero(out == 63):
        overflow[f"{name}{row}"] = int(numbers[row])
    return out


def _digits(chars: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Two ASCII digits at chars[rows, cols] and chars[rows, cols + 1] as numbers (non-digits count as 0)."""
    tens = chars[rows, np.clip(cols, 0, chars.shape[1] - 1)].astype(np.int64) - 48
    ones = chars[rows, np.clip(cols + 1, 0, chars.shape[1] - 1)].astype(np.int64) - 48
    return np.where((tens >= 0) & (tens <= 9) & (ones >= 0) & (ones <= 9), tens * 10 + ones, 0)


def _minutes(started: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Local minute of day + 1 (0 = time not stated) and UTC offset in minutes, from ISO start strings."""
    text = np.asarray(started.astype(str).to_numpy(), dtype="S40")
    n = len(text)
    chars = text.view(np.uint8).reshape(n, 40) if n else np.zeros((0, 40), np.uint8)
    length = np.strings.str_len(text).astype(np.int64)
    rows = np.arange(n)
    timed = length > 10
    minute = _digits(chars, rows, np.full(n, 11)) * 60 + _digits(chars, rows, np.full(n, 14))
    zulu = chars[rows, np.clip(length - 1, 0, 39)] == ord("Z")
    colon = chars[rows, np.clip(length - 3, 0, 39)] == ord(":")
    sign_at = np.where(colon, length - 6, length - 5)
    sign = np.where(chars[rows, np.clip(sign_at, 0, 39)] == ord("-"), -1, 1)
    offset = sign * (_digits(chars, rows, sign_at + 1) * 60 + _digits(chars, rows, length - 2))
    offset = np.where(timed & ~zulu, offset, 0)
    return np.where(timed, minute + 1, 0), offset


def _durations(frame: pd.DataFrame, minute: np.ndarray, offset: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """End as minutes after the start + 1 (0 = no end); ends that don't fit are returned as text per row."""
    n = len(frame)
    ended = _text_column(frame, "ended_at")
    spill: list[Any] = [None] * n
    out = np.zeros(n, dtype=np.int64)
    rows = np.flatnonzero(ended.to_numpy() != "")
    if not len(rows):
        return out, spill
    end_min, end_off = _minutes(ended.iloc[rows])
    end_day = pd.to_datetime(ended.iloc[rows].str.slice(0, 10), errors="coerce", format="%Y-%m-%d").to_numpy("datetime64[D]")
    start_day = frame["day"].iloc[rows].to_numpy("datetime64[D]")
    span = (end_day - start_day).astype(np.int64) * 1440 + (end_min - minute[rows])
    fits = (minute[rows] > 0) & (end_min > 0) & (end_off == offset[rows]) & (span >= 0) & (span < limit(2))
    out[rows[fits]] = span[fits] + 1
    for row in rows[~fits]:
        spill[row] = ended.iloc[row]
    return out, spill


def _sources(value: Any) -> list[list[str]]:
    """[[title, url or "", excerpt, published], ...] with only http(s) URLs kept."""
    out = []
    for source in value if isinstance(value, (list, tuple)) else ():
        item = source if isinstance(source, dict) else getattr(source, "__dict__", {})
        get = lambda key: "" if item.get(key) is None else str(item.get(key))  # noqa: E731
        out.append([get("title"), safe_url(get("url")) or "", get("excerpt"), get("published")])
    return out


def _details(frame: pd.DataFrame, ended_spill: list[Any], with_ids: bool) -> tuple[np.ndarray, list[Any]]:
    """Per row an index into a table of rarely-varying details: sources, notes, airport codes, odd ends, id."""
    n = len(frame)
    sources = frame["sources"].tolist() if "sources" in frame.columns else [None] * n
    columns = [
        _text_column(frame, "notes").tolist(),
        _text_column(frame, "airport_iata").tolist(),
        _text_column(frame, "airport_icao").tolist(),
        [e or "" for e in ended_spill],
        _text_column(frame, "id").tolist() if with_ids else [""] * n,
    ]
    source_codes, source_table = factorize([json.dumps(_sources(s), ensure_ascii=False) if s is not None and len(s) else "[]"
                                            for s in sources])
    keys = list(zip(source_codes.tolist(), *columns))
    codes, table = factorize(keys)
    rows = [
        {"s": json.loads(source_table[key[0]]), "n": key[1], "ia": key[2], "ic": key[3], "e": key[4], "id": key[5]}
        for key in table
    ]
    return codes, [{k: v for k, v in row.items() if v} for row in rows]


def _choice_codes(column: pd.Series, choices: Sequence[Any]) -> np.ndarray:
    """Index of each value in `choices`; missing or unknown values get 0 (which is None when None is a choice)."""
    named = [c for c in choices if c is not None]
    codes = pd.Categorical(column, categories=named).codes.astype(np.int64)
    return codes + 1 if choices and choices[0] is None else np.maximum(codes, 0)


def place_zones(frame: pd.DataFrame, place_codes: np.ndarray, count: int) -> list[str]:
    """IANA time zone of each distinct place (at its first incident), or "" when geodata can't tell."""
    first = pd.Series(np.arange(len(place_codes))).groupby(place_codes).first().to_numpy()
    try:
        from geodata.regions import timezones_at

        return timezones_at(frame["lat"].to_numpy(float)[first], frame["lon"].to_numpy(float)[first])
    except Exception:  # noqa: BLE001 - a zone is a nicety; the UTC offset is always shown
        return [""] * count


def pack_incidents(frame: pd.DataFrame, km: np.ndarray, sector: np.ndarray, with_ids: bool = False,
                   with_zones: bool = False) -> dict[str, Any]:
    """The payload: `rec` (fixed-width records), string tables and the few values that overflow a field.

    with_ids / with_zones add incident ids and IANA zone names (for small maps: they cost bytes and time)."""
    n = len(frame)
    overflow: dict[str, int] = {}
    minute, offset = _minutes(frame["started_at"]) if n else (np.zeros(0, np.int64), np.zeros(0, np.int64))
    offset_codes, offset_table = factorize(offset.tolist())
    duration, ended_spill = _durations(frame, minute, offset) if n else (np.zeros(0, np.int64), [])
    place_keys = list(zip(_text_column(frame, "place"), _text_column(frame, "admin1"), _text_column(frame, "country")))
    place_codes, place_table = factorize(place_keys)
    if with_zones and n:
        place_table = [key + (zone,) for key, zone in zip(place_table, place_zones(frame, place_codes, len(place_table)))]
    detail_codes, detail_table = _details(frame, ended_spill, with_ids)
    days = frame["day"].to_numpy("datetime64[D]") if n else np.zeros(0, "datetime64[D]")
    base = days.min() if n else np.datetime64("1970-01-01")
    flags = pack_flags({"verification": _choice_codes(frame["verification"], VERIFICATIONS),
                        "status": _choice_codes(frame["status"], STATUSES),
                        "precision": _choice_codes(frame["geo_precision"], GEO_PRECISIONS)}) if n else np.zeros(0, np.int64)
    values = {
        "lat": scale_coord(frame["lat"], -90.0, 180.0, 4),
        "lon": scale_coord(frame["lon"], -180.0, 360.0, 4),
        "type": _choice_codes(frame["event_type"], EVENT_TYPES),
        "flags": flags,
        "place": place_codes,
        "day": (days - base).astype(np.int64),
        "minute": minute,
        "offset": offset_codes,
        "duration": duration,
        "killed": _small_counts(frame.get("killed"), n, overflow, "k"),
        "injured": _small_counts(frame.get("injured"), n, overflow, "i"),
        "drones": _small_counts(frame.get("drones_downed"), n, overflow, "d"),
        "detail": detail_codes,
        "km": np.clip(np.rint(np.nan_to_num(km, nan=0.0) * 10), 0, limit(3)).astype(np.int64),
        "compass": np.asarray(sector, dtype=np.int64) % 16,
    }
    blocks = [encode_digits(values[name], width) for name, width in FIELDS]
    records = np.concatenate(blocks, axis=1) if n else np.zeros((0, WIDTH), np.uint8)
    return {
        "n": n,
        "width": WIDTH,
        "fields": [[name, width] for name, width in FIELDS],
        "rec": records.tobytes().decode("ascii"),
        "base": str(base),
        "places": [list(key) for key in place_table],
        "offsets": offset_table,
        "details": detail_table,
        "overflow": overflow,
        "types": list(EVENT_TYPES),
        "verifications": list(VERIFICATIONS),
        "statuses": ["", "active", "lifted"],
        "precisions": list(GEO_PRECISIONS),
        "compass": list(COMPASS16),
    }
