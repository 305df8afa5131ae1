"""The Import page's parts for real files: an uploaded file of any form read through the importers, a proposed column
map with a preview for unknown tables (remembered by header signature), the date-order choice, article title/URL/date
fields prefilled from the first lines, and rejected rows fixed in an editable copy and saved with the rest."""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.escape import markdown_text
from dashboard.messages import app_wording, error_text, problem_rows
from geodata.files import cache_dir, write_atomically
from incidents.errors import ImportFormatError, IncidentsError
from incidents.importers import ImportOptions, open_path, open_text
from incidents.importers.mapping import MAPPABLE, ColumnMap, header_signature, propose_map

PENDING = "import_pending"  # an uploaded file waiting for its column map
SOURCE = "import_source"  # where the batch under review came from, to re-read fixed rows the same way
UPLOAD_TYPES = ["csv", "tsv", "txt", "geojson", "json", "xlsx", "xls", "ods", "html", "htm", "eml", "zip", "kml",
                "kmz"]
DATE_ORDERS = {"auto": "Decide from the column", "dmy": "Day first (21/12/2024)", "mdy": "Month first (12/21/2024)"}
PREVIEW_ROWS = 20
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"']+")
_ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def prefill(text: str) -> dict[str, str]:
    """Title, URL and publication date from an article's first lines, where they are stated."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:5]
    found = {"title": "", "url": "", "published": ""}
    for line in lines:
        dated = _DATE_LINE.match(line)
        if dated and not found["published"]:
            found["published"] = dated.group(1)
            line = dated.group(2)
        url = _URL.search(line)
        if url and not found["url"]:
            found["url"] = url.group(0).rstrip(".,;)")
            line = line.replace(url.group(0), "").strip(" -|·")
        day = _ISO_DAY.search(line) if not found["published"] else None
        if day:
            found["published"] = day.group(1)
        if line and not found["title"]:
            found["title"] = line[:200]
    return found


def article_source_fields(text: str) -> dict[str, str]:
    """Title, URL and publication date fields for a pasted article; an empty field takes the first lines' value."""
    guess = prefill(text or "")
    left, right = st.columns(2)
    title = left.text_input("Article title", key="import_title", placeholder=guess["title"] or "optional",
                            max_chars=300)
    url = right.text_input("Article URL", key="import_url", placeholder=guess["url"] or "https://…", max_chars=2000)
    source = {"title": title.strip() or guess["title"], "url": url.strip() or guess["url"]}
    if source["url"] and not source["url"].startswith(("http://", "https://")):
        st.warning("The URL should start with http:// or https://; it is kept as written.")
    return {k: v for k, v in source.items() if v}


def remember_source(**source: Any) -> None:
    """Keep where the batch under review came from (pasted text or an uploaded file, and how it was read)."""
    st.session_state[SOURCE] = source


def mappings_path() -> Path:
    return cache_dir() / "import-mappings.json"


def remembered_map(header: list[str]) -> ColumnMap | None:
    """The map last used for a table with this header, if any."""
    try:
        saved = json.loads(mappings_path().read_text(encoding="utf-8")).get(header_signature(header))
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(saved, dict):
        return None
    by_key = {column.strip().casefold(): column for column in header}  # the signature ignores case
    fields = {k: by_key[str(v).strip().casefold()] for k, v in (saved.get("fields") or {}).items()
              if k in MAPPABLE and str(v).strip().casefold() in by_key}
    return ColumnMap(fields, saved.get("values") or {})


def remember_map(header: list[str], column_map: ColumnMap) -> None:
    """Remember a map by the header's signature (in the cache folder; failure to write is not an error)."""
    try:
        saved = json.loads(mappings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = {}
    saved[header_signature(header)] = column_map.to_dict()
    try:
        write_atomically(mappings_path(), json.dumps(saved, ensure_ascii=False, indent=1))
    except OSError:
        pass


def read_file_bytes(name: str, data: bytes, options: ImportOptions) -> tuple[list, Any]:
    """(incidents, report) for an uploaded file, read through a temporary file of the same suffix."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("upload" + Path(name).suffix.lower())
        path.write_bytes(data)
        batch = open_path(path, options)
        incidents = list(batch.incidents())
    return incidents, batch.report


def table_header(name: str, data: bytes, sheet: str | None = None) -> list[str]:
    """The header row of an uploaded table (CSV in any encoding, or a spreadsheet's sheet)."""
    from incidents.importers.tables import SPREADSHEETS, csv_file_table, spreadsheet_table

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("upload" + Path(name).suffix.lower())
        path.write_bytes(data)
        table = spreadsheet_table(path, sheet) if path.suffix in SPREADSHEETS else csv_file_table(path)
        return table.header


def needs_map(exc: Exception) -> bool:
    """Whether a read failed only for want of a column map or a date order (the page can then ask for them)."""
    text = str(exc)
    return "unknown format" in text or "--date-order" in text or "the map has no" in text


def map_editor(header: list[str], start: ColumnMap) -> tuple[ColumnMap, str | None]:
    """Selectboxes proposing a column per field, and the date-order choice."""
    st.markdown("**Column map** · which column holds each field (proposed from the header names)")
    choices = ["—", *header]
    fields: dict[str, str] = {}
    grid = st.columns(4)
    for position, name in enumerate(MAPPABLE):
        current = start.fields.get(name)
        picked = grid[position % 4].selectbox(name, choices, index=choices.index(current) if current in choices else 0,
                                              key=f"import_map_{name}")
        if picked != "—":
            fields[name] = picked
    values_text = st.text_input("Labels to map (optional)", key="import_map_values",
                                placeholder="event_type:Shelling=strike; event_type:Drone=drone_strike")
    order = date_order_choice()
    values: dict[str, dict[str, str]] = {k: dict(v) for k, v in start.values.items()}
    for piece in filter(None, (part.strip() for part in values_text.split(";"))):
        name, _, rest = piece.partition(":")
        label, _, value = rest.partition("=")
        if name.strip() and label.strip() and value.strip():
            values.setdefault(name.strip(), {})[label.strip().casefold()] = value.strip()
    return ColumnMap(fields, values), order


def preview_frame(incidents: list) -> pd.DataFrame:
    """The first incidents as the table a user checks a map against."""
    rows = [{"started_at": i.started_at, "event_type": i.event_type, "place": i.place, "admin1": i.admin1,
             "country": i.country, "lat": i.lat, "lon": i.lon, "killed": i.killed, "verification": i.verification,
             "notes": i.notes} for i in incidents[:PREVIEW_ROWS]]
    return pd.DataFrame(rows)


def first_rows(data: bytes, name: str, rows: int = PREVIEW_ROWS) -> bytes:
    """The first rows of a CSV upload (a spreadsheet is read whole: calamine has no row limit)."""
    if Path(name).suffix.lower() not in (".csv", ".tsv", ".txt"):
        return data
    return b"\n".join(data.split(b"\n")[: rows + 1]) + b"\n"


def mapping_panel(start_batch: Any) -> None:
    """For a pending upload: the proposed map, a preview of the first rows as incidents, then the whole file."""
    pending = st.session_state.get(PENDING)
    if not pending:
        return
    st.info(f"{markdown_text(pending['name'])}: {markdown_text(app_wording(pending['why']))}")
    header = pending["header"]
    known = known_format(header)
    if known:  # a known format whose dates need an order: only that is asked
        column_map, order = None, date_order_choice()
    else:
        column_map, order = map_editor(header, remembered_map(header) or propose_map(header))
    options = ImportOptions(fmt=known or "mapped", mapping=column_map, date_order=order, crs=crs_choice())
    try:
        sample, report = read_file_bytes(pending["name"], first_rows(pending["data"], pending["name"]), options)
    except IncidentsError as exc:
        st.error(f"Preview: {error_text(exc)}")
        return
    st.markdown(f"**Preview** · the first rows as incidents ({len(sample)} read, {report.rejected} with problems)")
    st.dataframe(preview_frame(sample), hide_index=True, width="stretch")
    if report.problems:
        st.dataframe(pd.DataFrame(problem_rows(report.problems), columns=["row", "field", "value", "message"]),
                     hide_index=True)
    if st.button("Read the whole file" + ("" if known else " with this map"), type="primary", key="import_map_read"):
        try:
            incidents, report = read_file_bytes(pending["name"], pending["data"], options)
        except IncidentsError as exc:
            st.error(f"Nothing read from {markdown_text(pending['name'])}: {error_text(exc)}")
            return
        if column_map is not None:
            remember_map(header, column_map)
        remember_source(kind="file", name=pending["name"], data=pending["data"], options=options,
                        rows=report.rejected_rows)
        st.session_state.pop(PENDING, None)
        start_batch(pending["name"], report.fmt, incidents, report.problems, warnings=report.warnings)
        st.rerun()


def unmapped_features(name: str, data: bytes, incidents: list, problems: list[dict]) -> list[str]:
    """The property names (and lat, lon) of a GeoJSON file none of whose features name their date or type as our
    fields (a mapping tool's export), so the page offers a column map; [] otherwise."""
    if incidents or not problems or Path(name).suffix.lower() not in (".geojson", ".json"):
        return []
    if not all(item["field"] == "geometry" or "--map" in item["message"] for item in problems):
        return []
    from incidents.importers.geojson import features_of
    from incidents.importers.limits import load_json

    try:
        features = features_of(load_json(data.decode("utf-8-sig")))
    except (IncidentsError, UnicodeDecodeError):
        return []
    names: list[str] = []
    for feature in features[:1000]:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        names += [str(key) for key in (properties or {}) if str(key) not in names] if isinstance(properties,
                                                                                                dict) else []
    return sorted({*names, "lat", "lon"})


def known_format(header: list[str]) -> str | None:
    """The format a header names (ACLED, UCDP, our CSV), or None for a table that needs a column map."""
    from incidents.importers import table_format

    try:
        return table_format(header, ImportOptions())
    except ImportFormatError:
        return None


def crs_choice() -> str | None:
    """The CRS typed on the Import page (e.g. EPSG:3857), or None for WGS 84 degrees."""
    text = str(st.session_state.get("import_crs") or "").strip()
    return text or None


def date_order_choice() -> str | None:
    """The date-order radio: None to decide from the column, else 'dmy' or 'mdy'."""
    order = st.radio("Dates like 03/04/2024", list(DATE_ORDERS), format_func=DATE_ORDERS.get, horizontal=True,
                     key="import_date_order")
    return None if order == "auto" else order


def read_upload(name: str, data: bytes, fmt: str, start_batch: Any) -> None:
    """Read an uploaded file of any form; a table that needs a column map or a date order opens the map panel."""
    options = ImportOptions(fmt=fmt if fmt != "auto" else "auto", crs=crs_choice())
    try:
        incidents, report = read_file_bytes(name, data, options)
    except ImportFormatError as exc:
        if needs_map(exc) and Path(name).suffix.lower() not in (".geojson", ".json", ".html", ".htm", ".eml"):
            try:
                header = table_header(name, data)
            except IncidentsError:
                header = []
            if header:
                st.session_state[PENDING] = {"name": name, "data": data, "header": header, "why": str(exc)}
                return
        st.error(f"Nothing read from {markdown_text(name)}: {error_text(exc)}")
        return
    except IncidentsError as exc:
        st.error(f"Nothing read from {markdown_text(name)}: {error_text(exc)}")
        return
    header = unmapped_features(name, data, incidents, report.problems)
    if header:
        st.session_state[PENDING] = {"name": name, "data": data, "header": header,
                                     "why": "its features' properties are not named as incident fields; map them"}
        return
    st.session_state.pop(PENDING, None)
    remember_source(kind="file", name=name, data=data, options=options, rows=report.rejected_rows)
    guessed = ", ".join(f"{k} {v}" for k, v in report.info.items() if k in ("encoding", "delimiter", "sheet"))
    start_batch(name, report.fmt, incidents, report.problems, guessed, warnings=report.warnings)


def rejected_copy(problems: list[dict], rows: dict[int, dict[str, str]]) -> pd.DataFrame:
    """One editable row per rejected row that was kept whole: its number, its problems, then its cells."""
    why: dict[int, list[str]] = {}
    for item in problems:
        why.setdefault(item["row"], []).append(f"{item['field']}: {item['message']}")
    records = [{"row": number, "problem": "; ".join(why.get(number, [])), **cells} for number, cells in rows.items()]
    return pd.DataFrame(records)


def rows_text(edited: pd.DataFrame) -> str:
    """The edited rows as CSV text with their header (the row and problem columns left out)."""
    columns = [name for name in edited.columns if name not in ("row", "problem")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for _, row in edited.iterrows():
        writer.writerow(["" if pd.isna(row[name]) else str(row[name]) for name in columns])
    return out.getvalue()


def reread(edited: pd.DataFrame, options: ImportOptions) -> tuple[list, list[dict]]:
    """The fixed rows read again as the file was (same format, map and date order); problems keep the file's rows."""
    fmt = "csv" if options.fmt == "geojson" else options.fmt  # a fixed GeoJSON feature comes back as a table row
    batch = open_text(rows_text(edited), ImportOptions(fmt=fmt,
                                                       date_order=options.date_order, assume_utc=options.assume_utc,
                                                       mapping=options.mapping))
    incidents = list(batch.incidents())
    numbers = list(edited["row"])
    problems = [{**item, "row": numbers[item["row"] - 2]} for item in batch.report.problems]
    return incidents, problems


def fix_rejected(batch: Any) -> None:
    """Rejected rows next to an editable copy; fixed rows join the batch and are saved with the rest."""
    source = st.session_state.get(SOURCE) or {}
    rows = source.get("rows") or {}
    if not batch.problems or not rows or batch.saved:
        return
    st.markdown("**Fix rejected rows** · edit the cells, then add them to the rows to save")
    edited = st.data_editor(rejected_copy(batch.problems, rows), hide_index=True, width="stretch",
                            disabled=("row", "problem"), key="import_fix_editor")
    if st.button("Add the fixed rows", key="import_fix_add"):
        try:
            incidents, problems = reread(edited, source["options"])
        except IncidentsError as exc:
            st.error(f"The fixed rows cannot be read: {error_text(exc)}")
            return
        fixed = set(edited["row"]) - {item["row"] for item in problems}
        batch.incidents = batch.incidents + incidents
        batch.problems = [item for item in batch.problems if item["row"] not in fixed and item["row"] not in
                          {p["row"] for p in problems}] + problems
        source["rows"] = {n: cells for n, cells in rows.items() if n not in fixed}
        st.session_state.pop("import_editor", None)
        st.session_state.pop("import_fix_editor", None)
        st.rerun()
