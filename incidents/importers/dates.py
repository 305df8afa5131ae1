"""Dates decided per column, never per cell: ISO, 'DD Month YYYY', DD/MM/YYYY or MM/DD/YYYY (the order proven by the
column or given with --date-order), YYYY/MM/DD, Excel serial numbers and Unix timestamps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterable

from incidents.errors import ImportFormatError, ValidationError

DATE_ORDERS = ("dmy", "mdy")
EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 1 is 1900-01-01 in Excel's 1900 date system (after its leap-year bug)
EXCEL_SERIALS = (18264, 80000)  # 1950-01-01 .. 2119: numbers outside are not dates
_CLOCK = r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s?([AaPp])\.?[Mm]\.?)?)?"  # 12-hour AM/PM too
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})" + _CLOCK + "$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})" + _CLOCK + "$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_UNIX = re.compile(r"^(\d{9,10}|\d{12,13})$")
MONTH_WORDS = {  # Russian and Ukrainian month names, genitive ("21 декабря 2024") and nominative, by prefix
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12, "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "травн": 5, "черв": 6,
    "лип": 7, "серп": 8, "верес": 9, "жовт": 10, "листопад": 11, "груд": 12,
}
_WORD_DATE = re.compile(r"^(\d{1,2})\s+([^\W\d_]{3,12})\.?,?\s+(\d{4})(?:\s*(?:г\.?|года|р\.?|року))?" + _CLOCK + "$")
_SHORT_YEAR = re.compile(r"^(\d{1,2})[- ]([A-Za-z]{3,9})[- ](\d{2})$")  # Excel's d-mmm-yy display: 30-Apr-19
TEXT_FORMATS = ("%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d %B, %Y")


@dataclass(frozen=True)
class Stamp:
    """One parsed date cell: the text to store when it is complete, else a local wall-clock time without offset."""

    text: str  # YYYY-MM-DD, or an ISO datetime with its offset; '' when `local` needs a time zone
    local: datetime | None = None  # a wall-clock time with no UTC offset

    @property
    def has_time(self) -> bool:
        return self.local is not None or len(self.text) > 10


@dataclass(frozen=True)
class ColumnFacts:
    """What the whole column says: the day/month order of numeric dates and whether any time of day is not 00:00."""

    order: str | None = None
    clock: bool = False


def column_facts(column: str, values: Iterable[str], order: str | None = None) -> ColumnFacts:
    """Read every value of a column once; ImportFormatError when numeric dates stay ambiguous or contradict."""
    day_first = month_first = ambiguous = ""
    clock = False
    for value in values:
        text = (value or "").strip()
        match = _NUMERIC.match(text) or _YMD.match(text)
        if match is None:
            clock = clock or bool(_ISO.match(text) and _iso_clock(text))
            continue
        clock = clock or _nonzero_clock(match)
        if match.re is _YMD:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 and second <= 12:
            day_first = day_first or text
        elif second > 12 and first <= 12:
            month_first = month_first or text
        elif first != second:
            ambiguous = ambiguous or text
    if order:
        return ColumnFacts(order, clock)
    if day_first and month_first:
        raise ImportFormatError(f"column {column} mixes day-first ({day_first}) and month-first ({month_first}) "
                                "dates; correct the rows that differ, or choose with --date-order dmy|mdy")
    if ambiguous and not (day_first or month_first):
        raise ImportFormatError(f"column {column}: dates such as {ambiguous} could be day-first or month-first and no "
                                "row decides; say which with --date-order dmy or --date-order mdy")
    return ColumnFacts("dmy" if day_first else "mdy" if month_first else None, clock)


def _nonzero_clock(match: re.Match) -> bool:
    minutes, seconds = match.group(5), match.group(6)
    return bool(match.group(4)) and (_hour(match), int(minutes), int(seconds or 0)) != (0, 0, 0)


def _hour(match: re.Match) -> int:
    """The hour of a matched clock on 24 hours: '12:00:00 AM' (as US-locale spreadsheets save a date) is 0."""
    hour, meridiem = int(match.group(4) or 0), (match.group(7) or "").upper()
    if meridiem and not 1 <= hour <= 12:
        return 99  # '13:00 PM' is no time: rejected when the row is built
    return hour % 12 + (12 if meridiem == "P" else 0) if meridiem else hour


def _iso_clock(text: str) -> bool:
    return len(text) > 10 and text[11:19].rstrip() not in ("00:00", "00:00:00")


def needs_column(text: str) -> bool:
    """Whether a value can only be read knowing its column: numeric day/month forms and times without an offset."""
    text = text.strip()
    if _NUMERIC.match(text) or _YMD.match(text):
        return True
    return bool(_ISO.match(text)) and len(text) > 10 and not _has_offset(text)


def _has_offset(text: str) -> bool:
    return text.endswith("Z") or bool(re.search(r"[+-]\d{2}(:?\d{2})?$", text[10:]))


def parse_date(field: str, value: str, facts: ColumnFacts = ColumnFacts()) -> Stamp:
    """One date cell read with its column's facts; ValidationError naming the form to write otherwise."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, value, "required date is missing")
    if _ISO.match(text):
        return _iso(field, text, facts)
    for pattern, reader in ((_YMD, _ymd), (_NUMERIC, _numeric)):
        match = pattern.match(text)
        if match:
            return reader(field, text, match, facts)
    if _SERIAL.match(text):
        return _serial(field, text)
    if _UNIX.match(text):
        seconds = int(text) / (1000 if len(text) > 10 else 1)
        moment = datetime.fromtimestamp(seconds, timezone.utc)
        return Stamp(moment.isoformat(timespec="seconds"))
    for fmt in TEXT_FORMATS:
        try:
            return Stamp(datetime.strptime(text, fmt).date().isoformat())
        except ValueError:
            continue
    short = _SHORT_YEAR.match(text)
    if short:
        return _short_year(field, text, short)
    match = _WORD_DATE.match(text)
    if match and _month(match.group(2)):
        return _build(field, text, int(match.group(3)), _month(match.group(2)), int(match.group(1)), match, facts)
    raise ValidationError(field, value, "not a date this importer reads; write YYYY-MM-DD, 21 December 2024, "
                                        "21/12/2024 or 2024/12/21")


def _short_year(field: str, text: str, match: re.Match) -> Stamp:
    """'30-Apr-19' as Excel shows a date: the century that keeps the day out of the future (2019, not 2119)."""
    this_year = datetime.now(timezone.utc).year
    year = 2000 + int(match.group(3))
    year = year if year <= this_year + 1 else year - 100
    for fmt in ("%d %b %Y", "%d %B %Y"):
        try:
            return Stamp(datetime.strptime(f"{match.group(1)} {match.group(2)} {year}", fmt).date().isoformat())
        except ValueError:
            continue
    raise ValidationError(field, text, "not a date this importer reads; write YYYY-MM-DD, 21 December 2024, "
                                       "21/12/2024 or 2024/12/21")


def _month(word: str) -> int:
    """The month a Russian or Ukrainian month name stands for (longest prefix first), 0 when none."""
    word = word.casefold()
    for prefix in sorted(MONTH_WORDS, key=len, reverse=True):
        if word.startswith(prefix) and (prefix != "ма" or word in ("мая", "май")):
            return MONTH_WORDS[prefix]
    return 0


def _iso(field: str, text: str, facts: ColumnFacts) -> Stamp:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(field, text, "not a real calendar date or time; write an existing day as "
                                           "YYYY-MM-DD") from None
    if len(text) == 10:
        return Stamp(text)
    if moment.tzinfo is not None:
        return Stamp(text)
    return _clock(moment, facts)


def _clock(moment: datetime, facts: ColumnFacts) -> Stamp:
    """A time without offset: the day alone when the column's times are all 00:00, else a local time."""
    if not facts.clock:
        return Stamp(moment.date().isoformat())
    return Stamp("", moment)


def _ymd(field: str, text: str, match: re.Match, facts: ColumnFacts) -> Stamp:
    return _build(field, text, int(match.group(1)), int(match.group(2)), int(match.group(3)), match, facts)


def _numeric(field: str, text: str, match: re.Match, facts: ColumnFacts) -> Stamp:
    first, second, year = int(match.group(1)), int(match.group(2)), match.group(3)
    if len(year) != 4:
        raise ValidationError(field, text, "write the year with four digits (21/12/2024)")
    if facts.order is None:
        if first > 12 or second > 12:
            facts = ColumnFacts("dmy" if first > 12 else "mdy", facts.clock)
        elif first != second:
            raise ValidationError(field, text, "ambiguous date: day and month could be either way; "
                                               "choose with --date-order dmy|mdy")
    day, month = (first, second) if facts.order in ("dmy", None) else (second, first)
    return _build(field, text, int(year), month, day, match, facts)


def _build(field: str, text: str, year: int, month: int, day: int, match: re.Match, facts: ColumnFacts) -> Stamp:
    try:
        moment = datetime(year, month, day, _hour(match), int(match.group(5) or 0),
                          int(match.group(6) or 0))
    except ValueError:
        order = {"dmy": "day-first", "mdy": "month-first"}.get(facts.order or "", "")
        hint = f" (the column is {order})" if order else ""
        raise ValidationError(field, text, f"not a real calendar date or time{hint}; correct the day or month") \
            from None
    if match.group(4) is None:
        return Stamp(moment.date().isoformat())
    return _clock(moment, facts)


def _serial(field: str, text: str) -> Stamp:
    number = float(text)
    if not EXCEL_SERIALS[0] <= number < EXCEL_SERIALS[1]:
        raise ValidationError(field, text, "a number that is not an Excel date (1950-2119); write YYYY-MM-DD")
    moment = EXCEL_EPOCH + timedelta(days=number)
    if number.is_integer():
        return Stamp(moment.date().isoformat())
    return Stamp("", moment.replace(microsecond=0))


class DateColumns:
    """The facts of each date column, read from the whole column the first time a cell needs them."""

    def __init__(self, order: str | None = None, scan: Callable[[str], Iterable[str]] | None = None) -> None:
        if order is not None and order not in DATE_ORDERS:
            raise ImportFormatError(f"unknown date order {order!r}; use --date-order dmy or --date-order mdy")
        self.order = order
        self._scan = scan
        self._facts: dict[str, ColumnFacts | ImportFormatError] = {}

    def parse(self, column: str, value: str, field: str | None = None) -> Stamp:
        """The cell of `column` as a Stamp; ValidationError names `field` (default: the column)."""
        text = (value or "").strip()
        facts = self.facts(column) if needs_column(text) else ColumnFacts(self.order)
        return parse_date(field or column, text, facts)

    def facts(self, column: str) -> ColumnFacts:
        """The column's facts, read once; a column that cannot be decided raises the same error at every cell."""
        if column not in self._facts:
            values = self._scan(column) if self._scan else ()
            try:
                self._facts[column] = column_facts(column, values, self.order)
            except ImportFormatError as error:
                self._facts[column] = error
        found = self._facts[column]
        if isinstance(found, ImportFormatError):
            raise found
        return found
