"""Exports of a (filtered) incident frame: RFC 7946 GeoJSON and CSV with a formula guard, written atomically."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd

from geodata.files import write_output
from incidents.frames import FIELDS, JSON_FIELDS, readable_records
from incidents.model import Incident

GUARDED = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_FIELDS = ("lat", "lon", "killed", "injured", "drones_downed")


def _records(frame: pd.DataFrame, skipped: list[dict[str, Any]] | None) -> list[Incident]:
    """The frame's records; rows that no longer validate are left out and added to `skipped` (when given)."""
    records, problems = readable_records(frame)
    if skipped is not None:
        skipped.extend(problems)
    return records


def to_geojson(frame: pd.DataFrame, skipped: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A FeatureCollection: one Point [lon, lat] per row, properties = every model field (bad rows go to `skipped`)."""
    features = []
    for incident in _records(frame, skipped):
        features.append({
            "type": "Feature",
            "id": incident.id,
            "geometry": {"type": "Point", "coordinates": [incident.lon, incident.lat]},
            "properties": incident.to_dict(),
        })
    return {"type": "FeatureCollection", "features": features}


def geojson_text(frame: pd.DataFrame, skipped: list[dict[str, Any]] | None = None) -> str:
    """The GeoJSON export as UTF-8 JSON text."""
    return json.dumps(to_geojson(frame, skipped), ensure_ascii=False, indent=1) + "\n"


def csv_text(frame: pd.DataFrame, skipped: list[dict[str, Any]] | None = None) -> str:
    """CSV with the model's columns; lists and mappings as JSON; formula-like text cells get a leading '."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180; a CR or LF inside a cell gets it quoted
    writer.writerow(FIELDS)
    for incident in _records(frame, skipped):
        data = incident.to_dict()
        writer.writerow([_cell(name, data[name]) for name in FIELDS])
    return buffer.getvalue()


def _cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in NUMERIC_FIELDS:
        return repr(value) if isinstance(value, float) else str(value)
    if name == "zero_zero_intended":
        return "true" if value else "false"
    if name in JSON_FIELDS:
        return guard(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return guard(str(value))


def guard(text: str) -> str:
    """A spreadsheet formula guard: text starting with = + - @ tab or CR gets a leading '.

    Text already starting with quotes before such a character gets one more, so `unguard` restores it exactly.
    """
    return "'" + text if text.lstrip("'").startswith(GUARDED) else text


def unguard(text: str) -> str:
    """Undo `guard` (when importing our own CSV): one leading ' before [quotes and] = + - @ tab or CR is dropped."""
    return text[1:] if text.startswith("'") and text.lstrip("'").startswith(GUARDED) else text


def write_atomic(path: str | Path, text: str) -> Path:
    """Write `text` to the --out `path` through a temporary file in the same folder and an atomic rename; the folder
    must exist (geodata.files.write_output: the one rule for every --out)."""
    target = Path(path)
    write_output(target, text)
    return target


EXPORTERS = {"geojson": geojson_text, "csv": csv_text}


def export_text(frame: pd.DataFrame, fmt: str, skipped: list[dict[str, Any]] | None = None) -> str:
    """The frame as text in `fmt` ('geojson' or 'csv'); rows that no longer validate are added to `skipped`."""
    return EXPORTERS[fmt](frame, skipped)


def skipped_lines(skipped: list[dict[str, Any]], limit: int = 20) -> list[str]:
    """One `warning: …` line per skipped row (at most `limit`, then a count of the rest), for a CLI's stderr."""
    lines = [f"warning: skipped stored row id={item['id']!r}: {item['field']}={item['value']!r}: {item['message']}"
             for item in skipped[:limit]]
    if len(skipped) > limit:
        lines.append(f"warning: … and {len(skipped) - limit:,} more skipped row(s)")
    return lines
