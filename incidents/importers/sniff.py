"""A file's text form guessed from its first bytes: the encoding (UTF-8 ± BOM, UTF-16, cp1251) and the delimiter."""

from __future__ import annotations

import codecs
import csv
import io

from incidents.errors import ImportFormatError

HEAD_BYTES = 64 * 1024
DELIMITERS = ",;\t"
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
CYRILLIC_SHARE = 0.3  # in cp1251 text most letters are high bytes; in Western 8-bit text few are


def detect_encoding(head: bytes) -> str:
    """'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-8' or 'cp1251'; ImportFormatError for binary data."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:HEAD_BYTES]
    if b"\x00" in sample or max(sample[0::2].count(4), sample[1::2].count(4)) > len(sample) // 8:  # 0x04: Cyrillic
        return _utf16_without_bom(sample)
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and len(sample) == HEAD_BYTES:
            return "utf-8"  # a character cut at the end of the sample
    if _looks_cyrillic(sample):
        return "cp1251"
    raise ImportFormatError("the file is neither UTF-8, UTF-16 nor Cyrillic cp1251 text; save it as UTF-8 "
                            "(in Excel: CSV UTF-8)")


def _utf16_without_bom(sample: bytes) -> str:
    half = max(len(sample) // 2, 1)
    even = sample[0::2].count(0) + sample[0::2].count(4)
    odd = sample[1::2].count(0) + sample[1::2].count(4)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    raise ImportFormatError("the file holds binary data (NUL bytes), not text; give a CSV, spreadsheet, JSON or "
                            "article file")


def _looks_cyrillic(sample: bytes) -> bool:
    high = sum(1 for byte in sample if byte >= 0xC0 or byte in (0xA8, 0xB8, 0xAA, 0xBA, 0xAF, 0xBF, 0xB2, 0xB3))
    letters = sum(1 for byte in sample if 65 <= byte <= 90 or 97 <= byte <= 122)
    return high > 0 and high / (high + letters) >= CYRILLIC_SHARE


def decode_head(head: bytes, encoding: str) -> str:
    """The start of the file as text (a character cut at the end of the sample is dropped)."""
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head[:HEAD_BYTES])


def detect_delimiter(first_line: str) -> str:
    """The delimiter of a CSV header line: the most frequent of comma, semicolon and tab outside quotes."""
    line = first_line.splitlines()[0] if first_line else ""
    counts = {mark: len(next(csv.reader(io.StringIO(line), delimiter=mark), [])) for mark in DELIMITERS}
    return max(DELIMITERS, key=lambda mark: (counts[mark], -DELIMITERS.index(mark)))
