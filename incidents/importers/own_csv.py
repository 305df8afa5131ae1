"""The project's own CSV: one column per model field, lists and mappings as JSON, formula guard undone."""

from __future__ import annotations

import json
from typing import Any, Mapping

from incidents.errors import ValidationError
from incidents.exporters import unguard
from incidents.frames import FIELDS, JSON_FIELDS
from incidents.importers.common import (
    Problem, check_not_ambiguous, collect, parse_count, parse_float, read_csv_rows, require_columns,
)
from incidents.model import COUNT_FIELDS, Incident

REQUIRED = ("event_type", "lat", "lon", "started_at")
SIGNATURE = frozenset(REQUIRED)


def read(text: str) -> tuple[list[Incident], list[Problem]]:
    """Incidents and row problems from the text of an own-format CSV file."""
    header, rows = read_csv_rows(text, strip=False)
    require_columns(header, REQUIRED, "an incident CSV")
    return collect(rows, row_values, label="csv")


def row_values(row: Mapping[str, str]) -> dict[str, Any]:
    """The Incident fields of one CSV row; empty cells mean 'not stated'; unknown columns are ignored."""
    values: dict[str, Any] = {}
    for name in FIELDS:
        text = row.get(name, "")
        if text == "":
            continue
        values[name] = _value(name, unguard(text))
    return values


def _value(name: str, text: str) -> Any:
    if name in ("lat", "lon"):
        return parse_float(name, text)
    if name in COUNT_FIELDS:
        return parse_count(name, text)
    if name in JSON_FIELDS:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(name, text, f"must be JSON ({exc.msg})") from None
    if name == "zero_zero_intended":
        return _boolean(name, text)
    if name in ("started_at", "ended_at"):
        check_not_ambiguous(name, text)
    return text


def _boolean(name: str, text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise ValidationError(name, text, "must be true or false")
