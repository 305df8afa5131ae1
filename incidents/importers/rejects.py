"""Rejected rows written back as a CSV to fix and import again: the file's own columns, then the row and the reason."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

from incidents.errors import IncidentsError
from incidents.exporters import guard, unguard

REASON_COLUMNS = ("rejected_row", "rejected_reason")  # ignored when the fixed file is imported again
FLAT_FORMATS = ("csv", "acled", "ucdp", "mapped")  # tables of text cells (CSV files, spreadsheets, JSON records)


def check_target(path: str | Path, batch: Any) -> Path:
    """The --rejects path, checked before anything is imported: its folder exists and the file is a table."""
    target = Path(path)
    if not target.parent.is_dir():
        raise IncidentsError(f"--rejects {target}: folder {target.parent} does not exist; create it first or choose "
                             "another path")
    if batch.context.table is None or batch.report.fmt not in FLAT_FORMATS:
        raise IncidentsError(f"--rejects writes rows of a table (CSV or spreadsheet); a {batch.report.fmt} file's "
                             "problems are listed in the summary instead: drop --rejects")
    return target


def collect_reasons(batch: Any) -> dict[int, str]:
    """Row number -> why it was rejected, filled as `batch` is read (every rejected row, not only those listed)."""
    reasons: dict[int, str] = {}

    def note(item: dict[str, Any]) -> None:
        reason = f"{item['field']}: {item['message']}"
        number = item["row"]
        reasons[number] = f"{reasons[number]}; {reason}" if number in reasons else reason

    batch.report.listener = note
    return reasons


def write_rejects(path: Path, batch: Any, reasons: dict[int, str]) -> int:
    """Write the rejected rows as they are in the file (read again from the start), each with its row number and
    reason, to `path` (through a temporary file and a rename); the number of rows written."""
    table = batch.context.table
    header = [name for name in table.header if name and name not in REASON_COLUMNS]
    guarded = batch.report.fmt == "csv"  # the own CSV undoes one formula guard on import; other formats read raw text
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    written = 0
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(header + list(REASON_COLUMNS))
            for number, row, _ in (table.rows() if reasons else ()):
                if number not in reasons:
                    continue
                cells = [_text(row.get(name)) for name in header]
                writer.writerow([guard(unguard(cell)) if guarded else cell for cell in cells] + [number, reasons[number]])
                written += 1
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return written


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)
