"""The import review's pure core: reading text in chunks with progress, the editable table, and applying the edits."""

from __future__ import annotations

import csv
import io
import math
from typing import Any, Callable

import pandas as pd

from incidents.errors import ImportFormatError, ValidationError
from incidents.model import Incident

CHUNK_ROWS = 2000
EDITABLE = (
    "event_type",
    "place",
    "admin1",
    "country",
    "lat",
    "lon",
    "geo_precision",
    "started_at",
    "ended_at",
    "killed",
    "injured",
    "drones_downed",
    "airport_iata",
    "status",
    "verification",
    "notes",
)
COUNTS = ("killed", "injured", "drones_downed")
Problem = dict[str, Any]
Progress = Callable[[float, str], None]


def detect(text: str, fmt: str) -> str:
    """The format to read: the one asked for, else detected from the header; text with no known header is an article."""
    from incidents.importers import detect_format

    if fmt != "auto":
        return fmt
    try:
        return detect_format(text)
    except ImportFormatError:
        return "article"


def csv_chunks(text: str, rows_per_chunk: int = CHUNK_ROWS) -> list[tuple[int, str]]:
    """(rows before the chunk, CSV text with the header) pieces of a CSV text, split on records, not lines."""
    records = list(csv.reader(io.StringIO(text)))
    if not records:
        return [(0, text)]
    header, body = records[0], records[1:]
    pieces = []
    for start in range(0, max(len(body), 1), rows_per_chunk):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body[start : start + rows_per_chunk])
        pieces.append((start, out.getvalue()))
    return pieces


def read_for_review(
    text: str, fmt: str, published: str | None = None, progress: Progress | None = None, source: dict | None = None
) -> tuple[list[Incident], list[Problem], str]:
    """(incidents, problems, format) from pasted or uploaded text, with progress every CHUNK_ROWS rows."""
    from incidents.importers import read_text

    name = detect(text, fmt)
    if name == "article":
        from incidents.extraction import extract_incidents

        return list(extract_incidents(text, published=published or None, source=source or None)), [], name
    if name == "geojson":
        incidents, problems = read_text(text, name)
        return incidents, problems, name
    from incidents.importers import ImportOptions, open_text

    batch = open_text(text, ImportOptions(fmt=name))  # one pass: a date column is decided by all its rows
    incidents, total = [], max(text.count("\n"), 1)
    for incident in batch.incidents():
        incidents.append(incident)
        if progress and batch.report.read % CHUNK_ROWS == 0:
            progress(min(batch.report.read / total, 1.0), f"Read {batch.report.read:,} rows")
    if progress:
        progress(1.0, f"Read {batch.report.read:,} rows")
    return incidents, batch.report.problems, name


def editor_frame(incidents: list[Incident]) -> pd.DataFrame:
    """One editable row per proposed incident: a 'keep' tick, the editable fields, and the id (read-only)."""
    rows = [
        {"keep": True, **{name: getattr(item, name) for name in EDITABLE}, "sources": len(item.sources), "id": item.id}
        for item in incidents
    ]
    frame = pd.DataFrame(rows, columns=["keep", *EDITABLE, "sources", "id"])
    for name in COUNTS:
        frame[name] = pd.array(frame[name].tolist(), dtype="Int64")
    return frame


def _clean(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return value.strip() or None
    return value


def _edited_values(row: pd.Series) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in EDITABLE:
        value = _clean(row[name])
        if name in COUNTS and value is not None:
            value = int(value)
        elif name in ("lat", "lon") and value is not None:
            value = float(value)
        values[name] = value
    for name in ("place", "admin1", "country", "notes"):
        values[name] = values[name] or ""
    values["verification"] = values["verification"] or "reported"
    if values["geo_precision"] is None:
        del values["geo_precision"]  # an emptied precision keeps the proposed one
    return values


def apply_edits(originals: list[Incident], edited: pd.DataFrame) -> tuple[list[Incident], list[Problem]]:
    """The kept rows as validated incidents (ids and sources kept), and a problem per row the model refuses."""
    by_id = {item.id: item for item in originals}
    kept: list[Incident] = []
    problems: list[Problem] = []
    for number, (_, row) in enumerate(edited.iterrows(), start=1):
        if not bool(row["keep"]):
            continue
        original = by_id.get(str(row["id"]))
        if original is None:
            problems.append({"row": number, "field": "id", "value": str(row["id"]), "message": "not a proposed row"})
            continue
        merged = {**original.to_dict(), **_edited_values(row)}
        try:
            kept.append(Incident.from_dict(merged))
        except ValidationError as exc:
            problems.append({"row": number, "field": exc.field, "value": str(exc.value)[:200], "message": exc.message})
    return kept, problems
