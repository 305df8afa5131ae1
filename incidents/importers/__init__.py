"""Importers: every file form (CSV in any delimiter and encoding, spreadsheets, ACLED, UCDP, GeoJSON, JSON records,
any table through a column map, articles) read as a stream of incidents plus a report of row problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from incidents.errors import ImportFormatError
from incidents.importers import acled, acled_weekly, archive, geojson, hxl, kml, mapping, own_csv, ucdp
from incidents.importers.common import Problem, require_columns
from incidents.importers import fast_csv
from incidents.importers.fast_csv import PlainRows, StoreRow
from incidents.importers.limits import check_input_file, load_json
from incidents.importers.pipeline import Context, ImportOptions, Mapper, Report, checked, collect
from incidents.importers.sniff import HEAD_BYTES, decode_head, detect_encoding
from incidents.importers.tables import (
    SPREADSHEETS, Table, csv_file_table, csv_text_table, records_table, spreadsheet_table,
)
from incidents.model import Incident

ARTICLE_SUFFIXES = (".html", ".htm", ".eml", ".pdf", ".mht", ".mhtml")
STREAM_BYTES = 8 * 2**20  # larger GeoJSON files are read feature by feature


@dataclass(frozen=True)
class TableFormat:
    """How one table format is read: its row mapper, required columns and signature, and column names for problems."""

    mapper: Mapper
    required: tuple[str, ...]
    signature: frozenset[str]
    label: str
    columns: dict[str, str]
    fill: bool  # foreign tables get a missing country/admin1 by point; own formats round-trip as written


TABLE_FORMATS = {
    "acled": TableFormat(acled.row_values, acled.REQUIRED, acled.SIGNATURE, "an ACLED", acled.COLUMNS, True),
    "ucdp": TableFormat(ucdp.row_values, ucdp.REQUIRED, ucdp.SIGNATURE, "a UCDP GED", ucdp.COLUMNS, True),
    "acled-weekly": TableFormat(acled_weekly.row_values, acled_weekly.REQUIRED, acled_weekly.SIGNATURE,
                                "an ACLED aggregated (weekly)", acled_weekly.COLUMNS, False),
    "csv": TableFormat(own_csv.row_values, own_csv.REQUIRED, own_csv.SIGNATURE, "an incident CSV", {}, False),
}
FORMATS = ("auto", "csv", "acled", "acled-weekly", "ucdp", "geojson", "kml", "mapped", "article")

__all__ = ["Batch", "FORMATS", "ImportOptions", "Report", "detect_format", "open_path", "open_text", "read_file",
           "read_text", "load_text"]


@dataclass
class Batch:
    """One file being imported: its context (options, report) and the incidents, produced while they are consumed."""

    context: Context
    numbered: Iterable[tuple[int, Incident]]
    fill: bool = False
    fast: PlainRows | None = None  # the own CSV's fast path

    @property
    def report(self) -> Report:
        return self.context.report

    def incidents(self) -> Iterator[Incident]:
        """The incidents after the batch checks; the report fills while this is consumed."""
        return checked(self.numbered, self.context, self.fill)

    def store_rows(self, review: str) -> Iterator[Incident | StoreRow] | None:
        """incidents(), in review state `review`, where rows in plain form come as StoreRows for the SQLite store
        (fast_csv); None when this batch has no such path. Checks, problems and stored rows are those of incidents()."""
        if self.fast is None or self.fill:
            return None
        self.fast.review = review
        return self.incidents()


def detect_format(text: str) -> str:
    """'geojson', 'acled', 'ucdp' or 'csv' from the start of the text; ImportFormatError when none fits."""
    if text.lstrip()[:1] in ("{", "["):
        return "geojson"
    return table_format(csv_text_table(text.split("\n", 1)[0] + "\n").header, ImportOptions())


def table_format(header: list[str], options: ImportOptions) -> str:
    """The format a table's header says (or the one asked for, checked); 'mapped' with a column map."""
    if options.mapping is not None or options.fmt == "mapped":
        return "mapped"
    if options.fmt in TABLE_FORMATS:
        spec = TABLE_FORMATS[options.fmt]
        require_columns(header, spec.required, spec.label)
        return options.fmt
    columns = set(header)
    for name, spec in TABLE_FORMATS.items():
        if spec.signature <= columns:
            require_columns(header, spec.required, spec.label)
            return name
    shown = ", ".join(header[:8]) + (" ..." if len(header) > 8 else "")
    proposal = " ".join(f"--map {k}={_quoted(v)}" for k, v in mapping.propose_map(header).fields.items())
    raise ImportFormatError(f"unknown format (header: {shown}); map its columns, e.g. {proposal or '--map date=Date'}"
                            " (or --format csv|acled|ucdp|geojson|article)")


def _hashtag_format(table: Table, options: ImportOptions) -> str:
    """table_format, or 'mapped' through the HXL hashtags (HDX) when the header names are no known format."""
    try:
        return table_format(table.header, options)
    except ImportFormatError:
        tags = table.info.get("hxl_tags") or {}
        fields = hxl.tag_map(tags)
        if not hxl.usable(fields):
            if tags:
                raise ImportFormatError(hxl.unusable_message(tags, fields)) from None
            raise
        options.mapping = mapping.ColumnMap(fields)
        table.info["mapping_from"] = "HXL hashtags"
        return "mapped"


def _case_folded(table: Table, options: ImportOptions) -> Table:
    """The table with lower-case column names when only they make a known format (older ACLED and HDX exports
    write EVENT_ID_CNTY, EVENT_DATE...); otherwise the table as it is."""
    if options.mapping is not None or options.fmt == "mapped" or not any(name != name.lower() for name in table.header):
        return table
    try:
        table_format(table.header, options)
        return table
    except ImportFormatError:
        pass
    lowered = [name.lower() for name in table.header]
    try:
        found = table_format(lowered, options)
    except ImportFormatError:
        return table
    info = {**table.info, "column_names": f"upper-case names read as {TABLE_FORMATS[found].label} header"}
    opened = table.open_rows
    return Table(lowered, lambda: ((n, {str(k).lower(): v for k, v in row.items()}, issue)
                                   for n, row, issue in opened()), info, table.open_lists)


def _quoted(column: str) -> str:
    return f"'{column}'" if " " in column else column


def open_table(table: Table, options: ImportOptions) -> Batch:
    """A Batch over a table in a known format, or through the column map."""
    table = _case_folded(table, options)
    fmt = _hashtag_format(table, options)
    ctx = Context(options, table, fmt)
    if fmt == "mapped":
        given = options.mapping or mapping.ColumnMap({})
        proposed = {} if table.info.get("mapping_from") else mapping.propose_map(table.header).fields  # tags rule
        column_map = mapping.ColumnMap({**{k: v for k, v in proposed.items() if v not in given.fields.values()},
                                        **given.fields}, given.values)
        options.mapping = column_map
        mapping.check_map(column_map, table.header)
        ctx.report.info["mapping"] = dict(column_map.fields)
        ctx.report.columns = dict(column_map.fields)
        return Batch(ctx, collect(table.rows(), _projected(mapping.mapped_values, ctx), ctx, "mapped",
                                  column_map.fields), True)
    spec = TABLE_FORMATS[fmt]
    ctx.report.columns = dict(spec.columns)
    plain = fmt == "csv" and table.open_lists is not None and not ctx.options.crs and fast_csv.COVERS_MODEL
    if not plain:
        return Batch(ctx, collect(table.rows(), _projected(spec.mapper, ctx), ctx, fmt, spec.columns), spec.fill)
    fast = fast_csv.PlainRows(table.header)  # CSV text cells as lists
    return Batch(ctx, collect(table.open_lists(), spec.mapper, ctx, fmt, spec.columns, fast, table.header), spec.fill,
                 fast)


def _projected(mapper: Mapper, ctx: Context) -> Mapper:
    """The mapper, reprojecting coordinates first when the import names a CRS (--crs, a GeoJSON crs member)."""
    if not ctx.options.crs:
        return mapper
    from incidents.importers.crs import reprojecting

    return reprojecting(mapper, ctx, ctx.options.crs)


def open_document(document: Any, options: ImportOptions, info: dict[str, Any]) -> Batch:
    """A Batch over parsed JSON: GeoJSON, the ACLED API's {"data": [...]}, UCDP's {"Result": [...]} or records."""
    records = _records(document)
    named = geojson.crs_name(document)
    if named and not options.crs and not geojson.is_wgs84(named):
        options.crs = named
    if records is not None and options.fmt != "geojson":
        return open_table(records_table(records, info), options)
    table = geojson.feature_table(geojson.features_of(document))
    table.info = info
    if options.mapping is not None or options.fmt == "mapped" or _rows_as_properties(table, options):
        flat = Table(["lat", "lon"], lambda: geojson.flat_rows(table), info)
        flat.header = sorted({key for _, row, _ in flat.rows() for key in row})  # mapped GeoJSON is read whole
        return open_table(flat, options)
    return feature_batch(table, options)


def _rows_as_properties(table: Table, options: ImportOptions) -> bool:
    """Whether the features' properties are an ACLED or UCDP row (an export turned into GeoJSON by an online
    converter): then they are read as that table, the point from the row's own latitude and longitude."""
    if options.fmt != "auto":
        return False
    for _, feature, _ in table.rows():
        properties = feature.get("properties") if isinstance(feature, dict) else None
        columns = {str(key).lower() for key in properties} if isinstance(properties, dict) else set()
        return any(TABLE_FORMATS[name].signature <= columns for name in ("acled", "ucdp"))
    return False


def kml_batch(path: str | Path, options: ImportOptions) -> Batch:
    """A Batch over a KML/KMZ map's placemarks (or through the column map, its fields as columns)."""
    table = kml.kml_table(path)
    if options.mapping is not None or options.fmt == "mapped":
        return open_table(table, options)
    ctx = Context(options, table, "kml")
    return Batch(ctx, collect(table.rows(), kml.row_values, ctx, "kml"), True)


def feature_batch(table: Table, options: ImportOptions) -> Batch:
    """A Batch over GeoJSON features (model fields as properties)."""
    ctx = Context(options, table, "geojson")
    return Batch(ctx, collect(table.rows(), _projected(geojson.feature_values, ctx), ctx, "geojson"))


def _records(document: Any) -> list[Any] | None:
    if isinstance(document, dict) and isinstance(document.get("data"), list):
        return document["data"]  # ACLED API
    if isinstance(document, dict) and isinstance(document.get("Result"), list):
        return document["Result"]  # UCDP GED API
    if isinstance(document, list):
        return document
    return None


def open_text(text: str, options: ImportOptions | None = None) -> Batch:
    """A Batch over pasted or decoded text: JSON, CSV in any delimiter, or an article."""
    options = options or ImportOptions()
    if options.fmt == "article":
        return article_batch(text, options)
    if text.lstrip()[:1] in ("{", "[") or options.fmt == "geojson":
        return open_document(load_json(text), options, {})
    if not text.strip():
        raise ImportFormatError("the file is empty: no CSV header")
    return open_table(csv_text_table(text), options)


def open_path(path: str | Path, options: ImportOptions | None = None) -> Batch:
    """A Batch over a file: spreadsheet, JSON, CSV (streamed), or an article page/mail/text."""
    options = options or ImportOptions()
    suffix = Path(path).suffix.lower()
    if suffix == ".zip" and options.fmt != "article":
        return archive.open_zip(path, options, open_path)
    if options.fmt == "kml" or (suffix in kml.KML_SUFFIXES and options.fmt != "article"):
        return kml_batch(path, options)
    if suffix in SPREADSHEETS and options.fmt != "article":
        return open_table(spreadsheet_table(path, options.sheet), options)
    if options.fmt == "article" or (options.fmt == "auto" and (suffix in ARTICLE_SUFFIXES or Path(path).is_dir())):
        from incidents.importers.articles import article_path_batch

        return article_path_batch(path, options)
    check_input_file(path)
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    encoding = detect_encoding(head)
    start = decode_head(head, encoding).lstrip("\ufeff").lstrip()
    if options.fmt in ("auto", "article") and options.mapping is None and _is_telegram(start):
        from incidents.importers.articles import article_path_batch

        return article_path_batch(path, options)
    if start[:1] in ("{", "["):
        info = {"encoding": encoding}
        if (Path(path).stat().st_size > STREAM_BYTES and options.mapping is None and options.fmt in ("auto", "geojson")
                and geojson.streamable(start)):
            named = geojson.head_crs_name(start)
            if named and not options.crs and not geojson.is_wgs84(named):
                options.crs = named
            return feature_batch(geojson.streamed_table(lambda: open(path, encoding=encoding), info), options)
        return open_document(load_json(load_text(path, True, encoding)), options, info)
    table = csv_file_table(path)
    if options.fmt == "auto" and options.mapping is None and suffix == ".txt":
        try:
            table_format(table.header, options)
        except ImportFormatError:
            return article_batch(load_text(path, encoding=encoding), options)
    return open_table(table, options)


def _is_telegram(start: str) -> bool:
    from incidents.importers.telegram import is_json_export

    return start[:1] == "{" and is_json_export(start)


def article_batch(text: str, options: ImportOptions, source: dict | None = None) -> Batch:
    """A Batch of the incidents the extractor proposes for one article (drafts: see articles.as_drafts)."""
    from incidents.extraction import extract_incidents

    ctx = Context(options, None, "article")
    from incidents.importers.textclean import clean_text

    found = extract_incidents(clean_text(text), published=options.published, source=source)
    ctx.report.read = len(found)
    return Batch(ctx, list(enumerate(found, start=1)))


def read_text(text: str, fmt: str = "auto", published: date | str | None = None,
              **options: Any) -> tuple[list[Incident], list[Problem]]:
    """Incidents and row problems from text in format `fmt` (auto-detected; 'article' runs the extractor)."""
    batch = open_text(text, ImportOptions(fmt=fmt, published=published, **options))
    return list(batch.incidents()), batch.report.problems


def read_file(path: str | Path, fmt: str = "auto", **options: Any) -> tuple[list[Incident], list[Problem]]:
    """Incidents and row problems from a file; ImportFormatError when it can't be read or recognised."""
    batch = open_path(path, ImportOptions(fmt=fmt, **options))
    return list(batch.incidents()), batch.report.problems


def load_text(path: str | Path, keep_newlines: bool = False, encoding: str | None = None) -> str:
    """The text of a file in its detected encoding (UTF-8 ± BOM, UTF-16, cp1251); ImportFormatError when unreadable.

    Line ends become \n unless `keep_newlines` (data files: a CR inside a quoted CSV cell is data).
    """
    check_input_file(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ImportFormatError(f"cannot read {path}: {exc.strerror or exc}") from None
    encoding = encoding or detect_encoding(data[:HEAD_BYTES])
    try:
        text = data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ImportFormatError(f"line {line} of {path} is not {encoding} text; save the file as UTF-8") from None
    return text if keep_newlines else text.replace("\r\n", "\n").replace("\r", "\n")


