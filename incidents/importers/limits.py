"""Caps on what an imported file may hold (size, cell length, JSON depth, number length), each refused in one line."""

from __future__ import annotations

import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any

from incidents.errors import ImportFormatError, ValidationError

MB = 2**20
MAX_FILE_BYTES = 4096 * MB  # a 1M-row export is about 0.5 GB; more is not a table of incidents
MAX_CELL_CHARS = 16 * MB  # long article excerpts in notes fit; a larger cell is its row's problem, not the file's
MAX_JSON_DEPTH = 64  # incident properties nest a few levels; deeper is hostile or not incident data
MAX_NUMBER_CHARS = 40  # longer digit strings are never a coordinate, a count or a code
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d{1,3})?$")  # no 5_5, no hex, no words


def check_input_file(path: str | Path) -> int:
    """The size of a regular file we may read; ImportFormatError for a device, a folder, a missing or huge file."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ImportFormatError(f"cannot read {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportFormatError(f"{path} is a folder; give a file (a folder of articles: --format article)")
    if not stat.S_ISREG(info.st_mode):
        raise ImportFormatError(f"{path} is not a regular file (a device or a pipe); save the data to a file first")
    if info.st_size > MAX_FILE_BYTES:
        raise ImportFormatError(f"{path} is {info.st_size / MB:,.0f} MB, over the {MAX_FILE_BYTES / MB:,.0f} MB "
                                "limit; split it into smaller files")
    return info.st_size


def number_text(field: str, value: str, what: str) -> str:
    """The text of a plain decimal number (a decimal comma becomes a point); ValidationError naming `what` otherwise."""
    text = (value or "").strip()
    if len(text) > MAX_NUMBER_CHARS:
        raise ValidationError(field, text[:MAX_NUMBER_CHARS] + "…",
                              f"a number of {len(text):,} characters; {what}")
    if not _NUMBER.match(text):
        raise ValidationError(field, value, f"not a plain number; {what}")
    return text.replace(",", ".")


def _int(text: str) -> int:
    if len(text.lstrip("+-")) > MAX_NUMBER_CHARS:
        raise ImportFormatError(f"a number of {len(text):,} digits; numbers are limited to {MAX_NUMBER_CHARS} digits")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise ImportFormatError(f"a number of {len(text):,} characters; numbers are limited to {MAX_NUMBER_CHARS}")
    return float(text)


_DECODER = json.JSONDecoder(parse_int=_int, parse_float=_float)
_EMPTY = {"{}": dict, "[]": list}


def load_json(text: str) -> Any:
    """Parsed JSON with capped number length and nesting depth; NaN/Infinity become floats checked per field later."""
    if text in _EMPTY:
        return _EMPTY[text]()
    try:
        document = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise ImportFormatError(f"JSON nested too deeply (over {MAX_JSON_DEPTH} levels); "
                                "incident data nests only a few levels") from None
    if text.count("{") + text.count("[") > MAX_JSON_DEPTH:
        check_depth(document)
    return document


def check_depth(document: Any, limit: int = MAX_JSON_DEPTH) -> None:
    """ImportFormatError when lists/objects nest deeper than `limit` (checked without recursion)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            raise ImportFormatError(f"JSON nested too deeply (over {limit} levels); incident data nests only a "
                                    "few levels")
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values() if isinstance(item, (dict, list)))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value if isinstance(item, (dict, list)))


def check_finite(field: str, value: Any) -> None:
    """ValidationError when a JSON value holds NaN or Infinity anywhere (they are not JSON and break exports)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            raise ValidationError(field, item, "holds NaN or Infinity, which JSON cannot carry; write a number or null")
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def check_cell(field: str, value: str) -> None:
    """ValidationError for a cell longer than MAX_CELL_CHARS (the row is refused; the rest of the file is read)."""
    if len(value) > MAX_CELL_CHARS:
        raise ValidationError(field, value[:80] + "…", f"the cell holds {len(value) / MB:,.1f} MB, over the "
                              f"{MAX_CELL_CHARS // MB} MB limit; shorten it")
