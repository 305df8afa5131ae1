"""Tables read as streams of rows: CSV files (encoding and delimiter detected), pasted CSV text, spreadsheets, JSON
records. A table can be read again from the start, so a date column can be read whole before its cells are parsed."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from incidents.errors import ImportFormatError
from incidents.importers.headerless import columns_for
from incidents.importers.hxl import is_hashtag_row, tags_after
from incidents.importers.limits import MAX_FILE_BYTES, check_input_file
from incidents.importers.sniff import DELIMITER_NAMES, HEAD_BYTES, decode_head, detect_delimiter, detect_encoding

Row = dict[str, Any]
Record = tuple[int, Row, str]  # (row number as a spreadsheet shows it, the row, a problem with the row or '')
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
SKIPPED = "skipped: "  # an issue with this prefix is a warning: the row is not an incident (a totals row)
TOTAL_WORDS = frozenset({"total", "totals", "sum", "grand total", "итого", "всего", "сумма", "разом", "усього"})
FIRST_CELLS = 10_000  # row_issue answers remembered per import, at most
HEADER_SCAN = 10  # title rows above the header (a merged title, a blank line) are looked past this far


def header_index(records: list[list[Any]]) -> int:
    """The index of the header among a table's first records: the first with two or more filled cells (a title row
    above it, often merged, fills one), else the first with any."""
    filled = [sum(1 for cell in record if cell not in (None, "") and str(cell).strip()) for record in records]
    for index, count in enumerate(filled):
        if count >= 2:
            return index
    return next((index for index, count in enumerate(filled) if count), 0)


def _filled(cell: Any) -> bool:
    return cell not in (None, "") and bool(str(cell).strip())


def scanned_enough(records: list[list[Any]]) -> bool:
    """Whether the first records read hold the header and the row after it (a possible second header row)."""
    found = [index for index, record in enumerate(records) if sum(map(_filled, record)) >= 2]
    return len(records) >= HEADER_SCAN or bool(found and len(records) > found[0] + 1)


def header_names(records: list[list[Any]], text: Callable[[Any], str]) -> tuple[int, list[str]]:
    """(index of the last header row, the column names): a two-row header, whose upper row is merged over some
    columns (Координаты over Широта | Долгота), is read as one, the lower name winning where both are filled."""
    start = header_index(records)
    upper = [text(cell) for cell in records[start]] if records else []
    lower = records[start + 1] if start + 1 < len(records) else []
    gaps = [index for index, name in enumerate(upper) if not name.strip()]
    cells = [(index, text(cell)) for index, cell in enumerate(lower) if _filled(cell)]
    if (gaps and cells and any(index in gaps for index, _ in cells) and not is_hashtag_row(lower)
            and not any(re.search(r"\d", value) for _, value in cells)):
        below = dict(cells)
        width = max(len(upper), len(lower))
        names = [below.get(index) or (upper[index] if index < len(upper) else "") for index in range(width)]
        return start + 1, [name.strip() for name in names]
    return start, [name.strip() for name in upper]


def row_issue(cells: Iterable[Any]) -> str | None:
    """None for a row of empty cells (skipped silently), a SKIPPED warning for a totals row, else ''. Only the first
    filled cell is looked at, so this costs next to nothing per row."""
    for cell in cells:
        if cell is None or cell == "":
            continue
        text = str(cell).strip()
        if text:
            return f"{SKIPPED}a totals row ({text}), not an incident" if text.rstrip(":").casefold() in TOTAL_WORDS \
                else ""
    return None


@dataclass
class Table:
    """A header and a way to read its rows (again) from the start; `info` says how the file was read."""

    header: list[str]
    open_rows: Callable[[], Iterator[Record]]
    info: dict[str, Any] = field(default_factory=dict)
    open_lists: Callable[[], Iterator[Record]] | None = None  # the rows as lists of cells in header order (CSV)

    def rows(self) -> Iterator[Record]:
        return self.open_rows()

    def values(self, column: str) -> Iterator[str]:
        """Every value of one column, read from the start."""
        for _, row, _ in self.open_rows():
            value = row.get(column)
            yield value if isinstance(value, str) else ""


def csv_file_table(path: str | Path) -> Table:
    """A CSV file streamed from disk; the encoding and the delimiter are guessed from its start and reported."""
    check_input_file(path)
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    encoding = detect_encoding(head)
    delimiter = detect_delimiter(decode_head(head, encoding).lstrip("\ufeff"))
    info = {"encoding": encoding, "delimiter": DELIMITER_NAMES[delimiter]}
    return csv_table(lambda: open(path, encoding=encoding, newline=""), delimiter, info)


def csv_text_table(text: str) -> Table:
    """Pasted or already decoded CSV text."""
    text = text.lstrip("\ufeff")
    delimiter = detect_delimiter(text[:HEAD_BYTES])
    return csv_table(lambda: io.StringIO(text, newline=""), delimiter, {"delimiter": DELIMITER_NAMES[delimiter]})


def csv_table(opener: Callable[[], TextIO], delimiter: str, info: dict[str, Any]) -> Table:
    """A Table over CSV text that `opener` opens afresh for every pass."""
    csv.field_size_limit(MAX_FILE_BYTES)  # cells are capped per row (limits.check_cell), never the whole file
    with opener() as stream:
        first = _first_records(stream, delimiter, info)
    start, header = header_names(first, str)
    if not any(header):
        raise ImportFormatError("the file is empty: no CSV header")
    if start:
        info["header_row"] = start + 1
    start += _hashtag_row(first, start, header, info)
    known = columns_for(first[0]) if first and start == 0 else None
    if known:
        header, info["header"], start = known[0], known[1], -1  # the first line is a row: none is skipped

    def lists() -> Iterator[Record]:
        with opener() as stream:
            yield from _csv_records(stream, delimiter, header, info, start)

    def rows() -> Iterator[Record]:
        return ((number, dict(zip(header, record)), issue) for number, record, issue in lists())

    return Table(header, rows, info, lists)


def _first_records(stream: TextIO, delimiter: str, info: dict[str, Any]) -> list[list[str]]:
    """The file's first records, to find the header among them (a title row may stand above it)."""
    try:
        records = []
        for record in csv.reader(stream, delimiter=delimiter):
            records.append(record)
            if scanned_enough(records):
                break
        return records
    except UnicodeDecodeError:
        raise ImportFormatError(_undecodable(info, 1)) from None
    except csv.Error as exc:
        raise ImportFormatError(f"broken CSV at its first lines: {exc}; check the quoting of the header") from None


def _csv_records(stream: TextIO, delimiter: str, header: list[str], info: dict[str, Any],
                 start: int = 0) -> Iterator[Record]:
    """(row number, the record as a list of cells, its issue) for every row but empty ones."""
    reader = csv.reader(stream, delimiter=delimiter)
    last_line = 1
    states: dict[str, str | None] = {}  # row_issue by first cell: files repeat it (a type, a date), so each is read once
    try:
        for _ in range(start + 1):
            next(reader, None)
        last_line = reader.line_num
        for number, record in enumerate(reader, start=start + 2):
            issue = ""
            if reader.line_num - last_line > 1:
                issue = swallowed_rows(record, header, delimiter, last_line + 1, reader.line_num)
            last_line = reader.line_num
            first = record[0] if record else ""
            state = states.get(first) if first else None
            if state is None:
                state = row_issue(record) if record else None
                if state is not None and first.strip() and len(states) < FIRST_CELLS:
                    states[first] = state  # row_issue read this filled first cell alone
            if state is not None:
                yield number, record, issue or state
    except UnicodeDecodeError:
        raise ImportFormatError(_undecodable(info, last_line + 1)) from None
    except csv.Error as exc:
        raise ImportFormatError(f"broken CSV at line {reader.line_num}: {exc}; check the quoting of that line") \
            from None


def _undecodable(info: dict[str, Any], line: int) -> str:
    return (f"line {line} is not {info.get('encoding', 'UTF-8')} text (the encoding guessed from the start of the "
            "file); save the whole file as UTF-8")


def swallowed_rows(record: list[str], header: list[str], delimiter: str, first: int, last: int) -> str:
    """A problem when a quoted cell spans lines that look like rows (an unterminated quote), else ''."""
    for position, cell in enumerate(record):
        name = header[position] if position < len(header) else f"{position + 1} (past the header)"
        lines = cell.split("\n")[1:]
        rowlike = [line for line in lines if line.count(delimiter) >= max(len(header) - 1, 1)]
        if rowlike:
            return (f"the quote opened in column {name} on line {first} is not closed until line {last}, so "
                    f"{len(rowlike)} line(s) that look like rows were read into that cell; close the quote "
                    "(a quote inside a cell is written twice: \"\")")
    return ""


def records_table(records: Iterable[Any], info: dict[str, Any], first_row: int = 1) -> Table:
    """JSON records (objects) as a table; values become text as a CSV would hold them."""
    items = list(records)
    header: list[str] = []
    for item in items[:1000]:
        if isinstance(item, dict):
            header += [key for key in item if key not in header]

    def rows() -> Iterator[Record]:
        for number, item in enumerate(items, start=first_row):
            if not isinstance(item, dict):
                yield number, {}, "not an object of named values"
                continue
            yield number, {str(key): cell_text(value) for key, value in item.items()}, ""

    return Table(header, rows, info)


def cell_text(value: Any) -> str:
    """A spreadsheet or JSON value as CSV text: whole floats without '.0', dates in ISO, None as ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value).strip()


def spreadsheet_table(path: str | Path, sheet: str | None = None) -> Table:
    """The first sheet (or `sheet`) of an .xlsx/.xls/.ods workbook; the header is its first non-empty row."""
    from python_calamine import CalamineError, load_workbook

    check_input_file(path)
    try:
        book = load_workbook(str(path))
        names = list(book.sheet_names)
        if not names:
            raise ImportFormatError(f"{Path(path).name} has no sheets")
        if sheet is not None and sheet not in names:
            raise ImportFormatError(f"no sheet named {sheet!r}; the sheets are {', '.join(names)}")
        found = book.get_sheet_by_name(sheet or names[0])
    except CalamineError as exc:
        raise ImportFormatError(f"cannot read {Path(path).name} as a spreadsheet: {exc}") from None
    return grid_table(found.iter_rows, {"sheet": sheet or names[0], "sheets": names})


def grid_table(open_grid: Callable[[], Iterable[list[Any]]], info: dict[str, Any]) -> Table:
    """A table from a sheet's rows of cell values (read afresh per pass); the first row with a value is the header."""
    start, header = _grid_header(open_grid(), info)

    def rows() -> Iterator[Record]:
        for number, cells in enumerate(open_grid(), start=1):
            state = row_issue(cells) if number > start else None
            if state is not None:
                yield number, {name: cell_text(cell) for name, cell in zip(header, cells) if name}, state

    return Table(header, rows, info)


def _grid_header(grid: Iterable[list[Any]], info: dict[str, Any]) -> tuple[int, list[str]]:
    """The header's row number and names: past a merged title row above it (HEADER_SCAN rows at most)."""
    first: list[list[Any]] = []
    for cells in grid:
        first.append(list(cells))
        if scanned_enough(first):
            break
    if not any(cell not in (None, "") for cells in first for cell in cells):
        raise ImportFormatError(f"sheet {info.get('sheet')!r} is empty")
    index, header = header_names(first, cell_text)
    if index and sum(map(_filled, first[header_index(first)])) >= 2:
        info["header_row"] = index + 1
    return index + 1 + _hashtag_row(first, index, header, info), header


def _hashtag_row(records: list[list[Any]], start: int, header: list[str], info: dict[str, Any]) -> int:
    """1 when an HXL hashtag row (HDX) stands under the header: it is skipped, its tags kept in `info`."""
    tags = tags_after(records, start, header)
    if tags is None:
        return 0
    info["hxl_row"] = start + 2
    info["hxl_tags"] = tags
    return 1
