"""Importers, one module per format, each returning (incidents, problems); the format is detected from the header."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from incidents.errors import ImportFormatError
from incidents.importers import acled, geojson, own_csv, ucdp
from incidents.importers.common import Problem, fill_regions, read_csv_rows
from incidents.model import Incident

Reader = Callable[[str], tuple[list[Incident], list[Problem]]]
READERS: dict[str, Reader] = {"csv": own_csv.read, "acled": acled.read, "ucdp": ucdp.read, "geojson": geojson.read}
FILLED = ("acled", "ucdp")  # foreign tables get a missing country/admin1 by point; own formats round-trip as written
FORMATS = ("auto", *READERS, "article")
CSV_SIGNATURES = (("acled", acled.SIGNATURE), ("ucdp", ucdp.SIGNATURE), ("csv", own_csv.SIGNATURE))

__all__ = ["FORMATS", "READERS", "detect_format", "read_file", "read_text"]


def detect_format(text: str) -> str:
    """'geojson', 'acled', 'ucdp' or 'csv' from the start of the text; ImportFormatError when none fits."""
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return "geojson"
    header, _ = read_csv_rows(text.split("\n", 1)[0] + "\n")
    columns = set(header)
    for name, signature in CSV_SIGNATURES:
        if signature <= columns:
            return name
    shown = ", ".join(header[:8]) + (" ..." if len(header) > 8 else "")
    raise ImportFormatError(f"unknown format (header: {shown}); use --format csv|acled|ucdp|geojson, "
                            "or --format article for news text")


def read_text(text: str, fmt: str = "auto", published: date | str | None = None) -> tuple[list[Incident], list[Problem]]:
    """Incidents and row problems from text in format `fmt` (auto-detected; 'article' runs the extractor)."""
    name = detect_format(text) if fmt == "auto" else fmt
    if name == "article":
        return _read_article(text, published)
    if name not in READERS:
        raise ImportFormatError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    incidents, problems = READERS[name](text)
    return (fill_regions(incidents) if name in FILLED else incidents), problems


def read_file(path: str | Path, fmt: str = "auto") -> tuple[list[Incident], list[Problem]]:
    """Incidents and row problems from a file; ImportFormatError when it can't be read or recognised."""
    return read_text(load_text(path, keep_newlines=fmt != "article"), fmt)


def load_text(path: str | Path, keep_newlines: bool = False) -> str:
    """The UTF-8 text of a file (a BOM is dropped); ImportFormatError when it can't be read.

    Line ends become \n unless `keep_newlines` (data files: a CR inside a quoted CSV cell is data).
    """
    try:
        with open(path, encoding="utf-8-sig", newline="" if keep_newlines else None) as stream:
            return stream.read()
    except UnicodeDecodeError:
        raise ImportFormatError(f"cannot read {path}: not UTF-8 text; save it as UTF-8 (in Excel: CSV UTF-8)") from None
    except OSError as exc:
        raise ImportFormatError(f"cannot read {path}: {exc.strerror or exc}") from None


def _read_article(text: str, published: date | str | None) -> tuple[list[Incident], list[Problem]]:
    from incidents.extraction import extract_incidents

    return extract_incidents(text, published=published), []
