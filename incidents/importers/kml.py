"""KML and KMZ as Google My Maps and Google Earth export them: each Placemark (name, description, Point or the
centre of a shape, TimeStamp/TimeSpan or a date in ExtendedData) is a row, parsed as a stream by defusedxml with
DTDs and entities refused, nesting and size capped."""

from __future__ import annotations

import hashlib
import html
import re
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO, Any, Callable, Iterator, Mapping
from xml.etree.ElementTree import ParseError

from incidents.errors import ImportFormatError, ValidationError
from incidents.importers.common import country_code, cue_type, parse_count, parse_float
from incidents.importers.limits import MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_JSON_DEPTH, MB, check_input_file
from incidents.importers.pipeline import Context, add_note
from incidents.importers.tables import Record, Table
from incidents.model import EVENT_TYPES

KML_SUFFIXES = (".kml", ".kmz")
FIXED = ("name", "description", "lat", "lon", "when", "begin", "end", "kml_id", "shape_points")
HEADER_SCAN = 200  # placemarks read for the ExtendedData field names
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_TAGS = re.compile(r"<[^>]{0,2000}>")
_BREAKS = re.compile(r"<\s*(br|/p|/div|/li)\s*/?>", re.IGNORECASE)


def plain_text(text: str) -> str:
    """A description's text: HTML line breaks as new lines, other tags dropped, entities decoded."""
    if "<" not in text and "&" not in text:
        return text.strip()
    return html.unescape(_TAGS.sub("", _BREAKS.sub("\n", text))).strip()


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def opener_for(path: str | Path) -> Callable[[], IO[bytes]]:
    """A function opening the KML bytes afresh: the file itself, or the .kml inside a .kmz (doc.kml first)."""
    check_input_file(path)
    if Path(path).suffix.lower() != ".kmz":
        return lambda: open(path, "rb")
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info for info in archive.infolist() if info.filename.lower().endswith(".kml")
                     and not info.is_dir()]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ImportFormatError(f"not a readable KMZ (zip) archive ({exc}); export the map again as KML") from None
    if not names:
        raise ImportFormatError("the KMZ holds no .kml document; export the map again as KML")
    member = next((info for info in names if PurePosixPath(info.filename).name.lower() == "doc.kml"), names[0])
    if member.file_size > MAX_FILE_BYTES:
        raise ImportFormatError(f"the KML inside is {member.file_size / MB:,.0f} MB; split the map into layers")

    def open_member() -> IO[bytes]:
        archive = zipfile.ZipFile(path)
        try:
            return _Closing(archive.open(member), archive)
        except BaseException:
            archive.close()
            raise

    return open_member


class _Closing:
    """A zip member's stream that closes its archive with it (bounded reads: the size cap holds whatever the zip
    header claims)."""

    def __init__(self, stream: IO[bytes], archive: zipfile.ZipFile) -> None:
        self.stream, self.archive, self.read_bytes = stream, archive, 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size if size and size > 0 else MB)
        self.read_bytes += len(data)
        if self.read_bytes > MAX_FILE_BYTES:
            raise ImportFormatError(f"the KML inside unpacks to over {MAX_FILE_BYTES / MB:,.0f} MB; split the map")
        return data

    def close(self) -> None:
        self.stream.close()
        self.archive.close()

    def __enter__(self) -> "_Closing":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def placemarks(opener: Callable[[], IO[bytes]]) -> Iterator[dict[str, str]]:
    """Every Placemark as a flat row of text (ExtendedData fields by their names), streamed."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    depth = 0
    try:
        with opener() as stream:
            for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
                if event == "start":
                    depth += 1
                    if depth > MAX_JSON_DEPTH:
                        raise ImportFormatError(f"the KML nests over {MAX_JSON_DEPTH} levels deep; a map's folders "
                                                "nest only a few")
                    continue
                depth -= 1
                name = _local(element.tag)
                if name == "Placemark":
                    yield _row(element)
                    element.clear()
                elif name in ("Folder", "Document"):
                    element.clear()
    except ParseError as exc:
        line = getattr(exc, "position", (0, 0))[0]
        raise ImportFormatError(f"not well-formed KML (XML) at line {line}: {str(exc)[:120]}; export the map "
                                "again") from None
    except DefusedXmlException as exc:
        raise ImportFormatError(f"the KML declares a DTD or entities ({type(exc).__name__}), which maps never "
                                "need; export the map again") from None
    except UnicodeDecodeError:
        raise ImportFormatError("the KML is not in the encoding it declares; save it as UTF-8") from None


def _row(placemark: Any) -> dict[str, str]:
    row: dict[str, str] = {}
    for child in placemark:
        tag = _local(child.tag)
        if tag in ("name", "description") and child.text:
            row[tag] = plain_text(child.text) if tag == "description" else child.text.strip()
        elif tag == "TimeStamp":
            row["when"] = _text(child, "when")
        elif tag == "TimeSpan":
            row["begin"], row["end"] = _text(child, "begin"), _text(child, "end")
        elif tag == "ExtendedData":
            row.update(_extended(child))
    if placemark.get("id"):
        row.setdefault("kml_id", placemark.get("id"))
    points = _coordinates(placemark)
    if points:
        lon = sum(p[0] for p in points) / len(points)
        lat = sum(p[1] for p in points) / len(points)
        row["lat"], row["lon"] = repr(round(lat, 7)), repr(round(lon, 7))
        if len(points) > 1:
            row["shape_points"] = str(len(points))
    return {k: v[:MAX_CELL_CHARS] for k, v in row.items() if v}


def _text(element: Any, tag: str) -> str:
    for child in element.iter():
        if _local(child.tag) == tag and child.text:
            return child.text.strip()
    return ""


def _extended(element: Any) -> dict[str, str]:
    """Data name/value pairs (My Maps' table columns) and SchemaData's SimpleData (Earth, ogr2ogr)."""
    fields: dict[str, str] = {}
    for child in element.iter():
        tag = _local(child.tag)
        if tag == "Data" and child.get("name"):
            value = _text(child, "value")
            fields[child.get("name").strip()] = plain_text(value)
        elif tag == "SimpleData" and child.get("name"):
            fields[child.get("name").strip()] = plain_text(child.text or "")
    return {name: value for name, value in fields.items() if name and name not in FIXED}


def _coordinates(placemark: Any) -> list[tuple[float, float]]:
    """The distinct lon,lat positions of the placemark's geometry (Point, LineString, Polygon, MultiGeometry)."""
    seen: dict[tuple[float, float], None] = {}
    for child in placemark.iter():
        if _local(child.tag) != "coordinates" or not child.text:
            continue
        for chunk in child.text.split()[:100_000]:
            parts = chunk.split(",")
            try:
                lon, lat = float(parts[0]), float(parts[1])
            except (ValueError, IndexError):
                continue
            if -180 <= lon <= 180 and -90 <= lat <= 90:
                seen[(lon, lat)] = None
    return list(seen)


def kml_table(path: str | Path) -> Table:
    """A table of the file's placemarks; the header is the fixed fields plus the ExtendedData names found."""
    opener = opener_for(path)
    header = list(FIXED)
    count = -1
    for count, row in enumerate(placemarks(opener)):
        header += [name for name in row if name not in header]
        if count >= HEADER_SCAN:
            break
    if count < 0:
        raise ImportFormatError("the KML holds no Placemark (a link to an online map, or an empty layer); in Google "
                                "My Maps export again with 'Keep data up to date with network link KML' unchecked")

    def rows() -> Iterator[Record]:
        for number, row in enumerate(placemarks(opener), start=1):
            yield number, row, "" if "lat" in row else "column coordinates: the placemark has no Point or shape " \
                                                       "coordinates; place it on the map and export again"

    return Table(header, rows, {"kml_fields": header[len(FIXED):]})


def _extended_field(row: Mapping[str, str], field: str) -> str:
    from incidents.importers.mapping import propose_map

    extra = [name for name in row if name not in FIXED]
    column = propose_map(extra).fields.get(field)
    return column or ""


def row_values(row: Mapping[str, str], ctx: Context) -> dict[str, Any]:
    """The Incident fields of one placemark: its date from TimeStamp/TimeSpan or a date field, the weapon from the
    words of its name and description unless a field names one of ours."""
    lat = parse_float("coordinates", row.get("lat", ""))
    lon = parse_float("coordinates", row.get("lon", ""))
    column = next((name for name in ("when", "begin") if row.get(name)), "") or _extended_field(row, "started_at")
    if not column or not row.get(column):
        raise ValidationError("when", "", "the placemark has no date; add a TimeStamp (in Google Earth: Properties > "
                              "Date/Time) or a Date field, or import with --map started_at=FIELD")
    month = _MONTH.match(row[column].strip())  # xsd:gYearMonth, as Google Earth writes a month
    start, note = (f"{month.group(0)}-01", "") if month else ctx.when(column, row[column], lat, lon, "started_at")
    end, end_note = ctx.when("end", row["end"], lat, lon, "ended_at") if row.get("end") else ("", "")
    words = f"{row.get('name', '')} {row.get('description', '')}"
    typed = row.get(_extended_field(row, "event_type"), "").strip().casefold()
    place = row.get(_extended_field(row, "place")) or row.get("name", "")
    extended = {k: v for k, v in row.items() if k not in FIXED}
    values = {
        "id": "kml-" + (row.get("kml_id") or _digest(row, start)),
        "event_type": typed if typed in EVENT_TYPES else cue_type(words, "other"),
        "place": place,
        "lat": lat,
        "lon": lon,
        "started_at": start,
        "ended_at": end if end and end != start else None,
        "time_precision": "month" if month else "minute" if len(start) > 10 else "day",
        "notes": row.get("description", ""),
        "origin": {"format": "kml", **({"name": row["name"]} if row.get("name") else {}),
                   **({"fields": extended} if extended else {})},
    }
    for field in ("killed", "injured"):
        column = _extended_field(row, field)
        if column and row.get(column):
            values[field] = parse_count(column, row[column])
    country = _extended_field(row, "country")
    if country and row.get(country):
        values["country"] = country_code(row[country]) or ""
    if row.get("shape_points"):
        values["geo_precision"] = "region"
        add_note(values, f"placed at the centre of the shape's {row['shape_points']} position(s)")
    add_note(values, note)
    add_note(values, end_note)
    return values


def _digest(row: Mapping[str, str], start: str) -> str:
    key = "\x1f".join([row.get("name", ""), row.get("lat", ""), row.get("lon", ""), start[:10]])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
