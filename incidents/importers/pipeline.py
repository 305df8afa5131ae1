"""The streamed import: rows mapped to incidents one at a time, problems collected in a report, and checks that need
a batch (regions by point, swapped coordinates) run on chunks, so memory does not grow with the file."""

from __future__ import annotations

import gc
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, Mapping

from incidents.errors import ValidationError
from incidents.importers.dates import DateColumns, Stamp
from incidents.importers.limits import MAX_CELL_CHARS, check_cell
from incidents.importers.tables import SKIPPED, Record, Row, Table
from incidents.model import Incident
from incidents.settings import incidents_setting

Problem = dict[str, Any]
MAX_VALUE_TEXT = 200
MAX_PROBLEMS = 10_000  # listed in full; more are counted
MAX_KEPT_ROWS = 1000  # rejected rows kept whole, for the Import page to fix
CHUNK = 20_000  # rows per batch check: each region lookup has a fixed cost of 10-25 ms; 20k rows hold ~60 MB


def fixable_cells(row: dict[str, Any]) -> dict[str, str]:
    """A rejected row as text cells to edit: a GeoJSON Feature becomes its properties plus lat/lon (and its id), nested
    values JSON text, so the copy shows what the file holds rather than empty cells."""
    from incidents.importers.tables import cell_text

    if row.get("type") == "Feature" and isinstance(row.get("properties"), (dict, type(None))):
        from incidents.importers.geojson import point_of

        cells = {str(k): cell_text(v) for k, v in (row.get("properties") or {}).items()}
        if row.get("id") not in (None, "") and not cells.get("id"):
            cells["id"] = cell_text(row["id"])
        try:
            lon, lat, _ = point_of(row.get("geometry"))
            cells.update(lat=repr(lat), lon=repr(lon))
        except ValidationError:
            cells.update(lat=cells.get("lat", ""), lon=cells.get("lon", ""))
        return cells
    return {str(k): v if isinstance(v, str) else cell_text(v) for k, v in row.items()}


def problem(row: int, field: str, value: Any, message: str) -> Problem:
    """One row-level problem as the CLI reports it."""
    text = "" if value is None else str(value)
    return {"row": row, "field": field, "value": text[:MAX_VALUE_TEXT], "message": message}


@dataclass
class ImportOptions:
    """What the user chose: format, date order, UTC for local times, sheet, column map, article date."""

    fmt: str = "auto"
    date_order: str | None = None
    assume_utc: bool = False
    sheet: str | None = None
    mapping: Any = None  # a mapping.ColumnMap
    published: date | str | None = None
    crs: str | None = None  # the coordinates' CRS when not WGS 84 degrees, e.g. EPSG:3857
    channel: str = ""  # a Telegram export's channel username, for t.me links


@dataclass
class Report:
    """What an import read: the format and how the file was read, rows read, problems and warnings."""

    fmt: str = ""
    info: dict[str, Any] = field(default_factory=dict)
    read: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # model field -> the source column, for messages
    rejected_rows: dict[int, dict[str, str]] = field(default_factory=dict)  # a copy to fix (the first MAX_KEPT_ROWS)
    listener: Callable[[Problem], None] | None = None  # told of every rejected row (the CLI's --rejects file)

    def reject(self, item: Problem, row: Any = None) -> None:
        self.rejected += 1
        if self.listener is not None:
            self.listener(item)
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(item)
        if isinstance(row, dict) and len(self.rejected_rows) < MAX_KEPT_ROWS:
            self.rejected_rows[item["row"]] = fixable_cells(row)

    def warn(self, item: Problem) -> None:
        if len(self.warnings) < MAX_PROBLEMS:
            self.warnings.append(item)

    def to_dict(self) -> dict[str, Any]:
        """The part of the CLI summary that comes from reading."""
        out = {"format": self.fmt, **self.info, "read": self.read, "rejected": self.rejected,
               "problems": self.problems}
        if self.rejected > len(self.problems):
            out["problems_listed"] = len(self.problems)
        if self.warnings:
            out["warnings"] = self.warnings
        return out


class Context:
    """One import's options, its report, and the facts of its date columns (read from the table when needed)."""

    def __init__(self, options: ImportOptions, table: Table | None = None, fmt: str = "") -> None:
        self.options = options
        self.table = table
        self.report = Report(fmt, dict(table.info) if table else {})
        self.dates = DateColumns(options.date_order, table.values if table else None)

    def when(self, column: str, value: str, lat: float | None, lon: float | None,
             field: str = "started_at") -> tuple[str, str]:
        """(ISO text for the model, a note or '') for a date cell; local times take the place's offset that day."""
        return self.finish(self.dates.parse(column, value, field), lat, lon, field)

    def finish(self, stamp: Stamp, lat: float | None, lon: float | None, field: str = "started_at") -> tuple[str, str]:
        if stamp.local is None:
            return stamp.text, ""
        shown = stamp.local.isoformat(sep=" ", timespec="minutes")
        if self.options.assume_utc or lat is None or lon is None:
            moment = stamp.local.replace(tzinfo=timezone.utc)
            return _iso(moment), f"{field} {shown} had no UTC offset; taken as UTC"
        from geodata.regions import localize, timezone_at

        moment = localize(stamp.local, lat, lon)
        return _iso(moment), (f"{field} {shown} had no UTC offset; took {timezone_at(lat, lon)}'s "
                              f"({moment.strftime('%z')[:3]}:{moment.strftime('%z')[3:]}) on that date "
                              "(--assume-utc to take UTC)")


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds" if moment.second else "minutes")


def add_note(values: dict[str, Any], note: str) -> None:
    """Append a note to the row's notes (a new line when there are notes already)."""
    if note:
        values["notes"] = f"{values['notes']}\n{note}" if values.get("notes") else note


Mapper = Callable[[Row, Context], dict[str, Any]]


def collect(records: Iterable[Record], mapper: Mapper, ctx: Context, label: str = "rows",
            columns: Mapping[str, str] | None = None, fast: Callable[[list[str]], Any] | None = None,
            header: list[str] | None = None) -> Iterator[tuple[int, Incident]]:
    """(row number, incident) for every row that maps to a valid Incident; the others become problems in the report.

    `columns` names the source column of a model field, so a problem points at the column the user can fix. With
    `header`, rows come as lists of cells (Table.open_lists): `fast` makes the Incident of one in plain form in one
    step (the same Incident, or its fast_csv.StoreRow), or gives None, and the row, as a dict, goes to mapper and model.
    """
    first_seen: dict[str, int] = {}
    report = ctx.report
    for number, row, issue in progress(records, label):
        report.read += 1
        if header is not None:
            if fast is not None and not issue and sum(map(len, row)) <= MAX_CELL_CHARS:  # _check_cells passes
                incident = fast(row)
                if incident is not None:
                    if incident.id in first_seen:
                        report.reject(problem(number, "id", incident.id, duplicate_message(first_seen[incident.id])),
                                      dict(zip(header, row)))
                        continue
                    first_seen[incident.id] = number
                    yield number, incident
                    continue
            row = dict(zip(header, row))
        if issue.startswith(SKIPPED):
            ctx.report.warn(problem(number, "row", "", issue[len(SKIPPED):]))
            continue
        try:
            if issue:
                raise ValidationError(_issue_column(issue), "", issue)
            _check_cells(row)
            incident = Incident.from_dict(mapper(row, ctx))
        except ValidationError as exc:
            ctx.report.reject(problem(number, (columns or {}).get(exc.field, exc.field), exc.value,
                                      exc.message + _projected_hint(exc, ctx)), row)
            continue
        if incident.id in first_seen:
            ctx.report.reject(problem(number, "id", incident.id, duplicate_message(first_seen[incident.id])), row)
            continue
        first_seen[incident.id] = number
        yield number, incident


def _projected_hint(exc: ValidationError, ctx: Context) -> str:
    """A remedy for coordinates out of range by far: metres of a projected CRS, read as degrees."""
    if exc.field not in ("lat", "lon") or ctx.options.crs or "out of range" not in exc.message:
        return ""
    try:
        far = abs(float(exc.value)) > 1000
    except (TypeError, ValueError):
        return ""
    return ("; these look like metres of a projected CRS: import with --crs EPSG:NNNN (e.g. EPSG:3857 for web "
            "maps, EPSG:326NN for UTM zone NN north)") if far else ""


def _issue_column(issue: str) -> str:
    return issue.split("column ", 1)[1].split(" ", 1)[0].rstrip(":,;") if "column " in issue else "row"


def _check_cells(row: Row) -> None:
    if not isinstance(row, dict):
        return
    try:
        if sum(map(len, row.values())) <= MAX_CELL_CHARS:
            return
    except TypeError:  # JSON records hold numbers too
        pass
    for name, value in row.items():
        if isinstance(value, str):
            check_cell(name, value)


def duplicate_message(first: int) -> str:
    """Why a row whose id an earlier row of the same file has is not imported."""
    return (f"same id as row {first} (ids without an id column come from type, place and day); "
            "merge the two rows or give each its own id")


def progress(items: Iterable[Any], label: str) -> Iterator[Any]:
    """`items`, with a tqdm progress bar on stderr once more than INCIDENTS_PROGRESS_ROWS have gone by."""
    threshold = int(incidents_setting("INCIDENTS_PROGRESS_ROWS"))
    iterator = iter(items)
    yield from islice(iterator, threshold)
    bar = None
    for item in iterator:
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(desc=label, unit="row", file=sys.stderr, initial=threshold)
        bar.update()
        yield item
    if bar is not None:
        bar.close()


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """Lists of up to `size` consecutive items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def checked(numbered: Iterable[tuple[int, Incident]], ctx: Context, fill: bool) -> Iterator[Incident]:
    """Incidents after the batch checks, chunk by chunk: missing regions filled by point (`fill`), and points that
    fall outside the country the row names flagged (swapped latitude and longitude refused)."""
    from incidents.importers.places import check_countries, fill_regions

    known: dict[tuple[float, float], str] = {}  # countries by point, kept from chunk to chunk
    with fewer_collections():
        for chunk in chunks(numbered, CHUNK):
            if fill:
                chunk = list(zip([n for n, _ in chunk], fill_regions([item for _, item in chunk])))
            yield from check_countries(chunk, ctx.report, known)


GC_YOUNG = 100_000  # the youngest generation's threshold while an import runs (Python's default is 700): a chunk
# of rows waiting for its batch checks (CHUNK) lives through every collection made while it fills, so fewer are made
_gc_lock = threading.Lock()
_gc_state: dict[str, Any] = {"imports": 0, "saved": None}


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while rows stream: every row makes a few containers that live
    until its chunk is written, and collecting them every 700 allocations cost a fifth of an import's time. Reference
    counting still frees everything at once; only cycles wait a little longer. The first import in the process sets
    the threshold and the last one to finish restores it."""
    with _gc_lock:
        if _gc_state["imports"] == 0:
            _gc_state["saved"] = gc.get_threshold()
            young, *older = _gc_state["saved"]
            gc.set_threshold(max(young, GC_YOUNG), *older)
        _gc_state["imports"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_state["imports"] -= 1
            if _gc_state["imports"] == 0:
                gc.set_threshold(*_gc_state["saved"])


NEAR_DEGREES = 0.003  # about 300 m: a stored point further from the row's is another place


def distinct_derived(items: Iterable[Any], stored: Callable[[list[str]], Mapping[str, tuple[Incident, int]]],
                     overwrite: Iterable[str] = (), size: int = CHUNK) -> Iterator[Any]:
    """`items`, each whose id comes from type, place and day (content_id) while the store holds that id for another
    incident (see `_other`) under the id with a stable suffix of its own content, so a later import never merges it
    into the first silently; the same row imported again keeps its id and merges as before."""
    from incidents.model import content_id

    replaced = set(overwrite)
    for chunk in chunks(items, size):
        found = stored([item.id for item in chunk])
        for item in chunk:
            old, version = found.get(item.id, (None, 0))
            if old is None:
                yield item
                continue
            incident = item if isinstance(item, Incident) else item.incident()
            derived = content_id(incident) == incident.id
            yield incident.with_changes(id=suffixed(incident)) if derived and _other(old, version, incident, replaced) else item


def stored_in(store: Any) -> Callable[[list[str]], dict[str, tuple[Incident, int]]]:
    """The `stored` of distinct_derived for a store: its incidents of those ids, each with its row version."""
    return lambda ids: {key: (row.incident, row.version) for key, row in store.get_rows(ids).items()}


def suffixed(incident: Incident) -> str:
    """The derived id with a suffix from the row's own content (stable: the same row gets the same id again)."""
    import hashlib
    import json

    key = json.dumps([dict(incident.origin), [_source_key(source) for source in incident.sources], incident.notes,
                      incident.killed, incident.injured, incident.lat, incident.lon], sort_keys=True, default=str)
    return f"{incident.id}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"


def _other(old: Incident, version: int, new: Incident, overwrite: set[str]) -> bool:
    """Whether `new`, a row of a table (not text read by the extractor), tells of another incident than the stored
    `old` with the same derived id from the same kind of file (origin's format): other columns of the source (origin)
    or only other sources; and, while `old` is as its import wrote it (row version 1: never updated since, so no
    person's correction), other notes, casualties or a point further than NEAR_DEGREES, unless `overwrite` names the
    field (the file corrects the stored row)."""
    if "extraction" in (new.origin or {}) or (old.origin or {}).get("format") != (new.origin or {}).get("format"):
        return False  # articles telling one incident, or another channel telling it (the seed read again): merged
    stored = {_source_key(source) for source in old.sources}
    offered = {_source_key(source) for source in new.sources}
    if (new.origin and old.origin and dict(new.origin) != dict(old.origin)) or (
            stored and offered and not stored & offered):
        return True
    if version > 1 or old.updated_at != old.created_at or "all" in overwrite:
        return False
    return any(name not in overwrite and differs for name, differs in (
        ("notes", bool(new.notes) and new.notes not in old.notes),
        ("killed", None not in (old.killed, new.killed) and old.killed != new.killed),
        ("injured", None not in (old.injured, new.injured) and old.injured != new.injured),
        ("lat", abs(old.lat - new.lat) > NEAR_DEGREES or abs(old.lon - new.lon) > NEAR_DEGREES)))


def _source_key(source: Any) -> tuple[str, ...]:
    """A source as the store merges sources: by URL, or by its text when it has none."""
    url = source.url.strip()
    return ("url", url) if url else ("text", source.title, source.excerpt)
