"""Property tests: no input makes an importer parser hang or crash. Each parser, given any text (or bytes), returns or
raises one of our errors (a clear line), within a bounded time."""

from __future__ import annotations

import json
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidents.errors import IncidentsError
from incidents.importers import ImportOptions, open_path, open_text
from incidents.importers.common import parse_count, parse_float, parse_pair
from incidents.importers.dates import parse_date
from incidents.importers.mapping import parse_map

LIMIT_S = 5.0
BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
NUMERIC_CELL = st.one_of(CELL, st.from_regex(r"[-+]?\d{1,4}([.,]\d{0,6})?\s*[°]?\s*\d{0,2}['′]?\s*[NSEWСЮВЗ]?",
                                             fullmatch=True))
DATE_CELL = st.one_of(CELL, st.from_regex(r"\d{1,5}([./ -]\d{1,2}){0,2}[./ -]?\d{0,4}( [а-я]{3,9} \d{4})?",
                                          fullmatch=True))
HEADERS = {
    "acled": ["event_id_cnty", "event_date", "sub_event_type", "latitude", "longitude", "fatalities", "notes", "iso"],
    "ucdp": ["id", "date_start", "date_end", "where_prec", "latitude", "longitude", "best", "country"],
    "csv": ["event_type", "lat", "lon", "started_at", "place", "killed", "sources", "origin"],
    "mapped": ["Дата", "Город", "Широта", "Долгота", "Координаты", "Погибло"],
}
RU_MAP = parse_map(["date=Дата", "place=Город", "lat=Широта", "lon=Долгота", "coordinates=Координаты",
                    "killed=Погибло"])


def survives(read) -> None:
    """`read()` returns or raises our error, never anything else, and within LIMIT_S."""
    began = time.monotonic()
    try:
        read()
    except IncidentsError:
        pass
    assert time.monotonic() - began < LIMIT_S


def consume(text: str, **options) -> None:
    batch = open_text(text, ImportOptions(**options))
    list(batch.incidents())


def table(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    clean = [[cell.replace(delimiter, " ") for cell in row] for row in rows]
    return "\n".join(delimiter.join(line) for line in [header, *clean]) + "\n"


@BOUNDED
@given(st.sampled_from(sorted(HEADERS)), st.lists(st.lists(NUMERIC_CELL | DATE_CELL, min_size=0, max_size=9),
                                                  max_size=6), st.sampled_from([",", ";", "\t"]))
def test_no_table_row_hangs_or_crashes_any_table_format(fmt, rows, delimiter):
    options = {"mapping": RU_MAP} if fmt == "mapped" else {"fmt": fmt}
    survives(lambda: consume(table(HEADERS[fmt], rows, delimiter), **options))


@BOUNDED
@given(st.text(max_size=400))
def test_no_text_hangs_or_crashes_format_detection(text):
    survives(lambda: consume(text))


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | CELL,
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(CELL, inner, max_size=4),
                          max_leaves=20)
GEOMETRY = st.fixed_dictionaries({"type": st.sampled_from(["Point", "MultiPoint", "LineString", "Polygon",
                                                          "MultiPolygon", "GeometryCollection", "x"]),
                                  "coordinates": JSON_VALUE})


@BOUNDED
@given(st.lists(st.fixed_dictionaries({"type": st.sampled_from(["Feature", "feature", 1]),
                                       "geometry": GEOMETRY | JSON_VALUE,
                                       "properties": st.dictionaries(st.sampled_from(
                                           ["event_type", "started_at", "id", "origin", "killed", "date", "x"]),
                                           JSON_VALUE | DATE_CELL, max_size=5) | JSON_VALUE}), max_size=5),
       st.booleans())
def test_no_geojson_feature_hangs_or_crashes(features, mapped):
    text = json.dumps({"type": "FeatureCollection", "features": features}, allow_nan=True)
    options = {"mapping": parse_map(["date=date", "event_type=x"])} if mapped else {}
    survives(lambda: consume(text, **options))


@BOUNDED
@given(JSON_VALUE)
def test_no_json_document_hangs_or_crashes(document):
    survives(lambda: consume(json.dumps(document)))


@BOUNDED
@given(DATE_CELL)
def test_no_date_cell_hangs_or_crashes(text):
    survives(lambda: parse_date("date", text))


@BOUNDED
@given(NUMERIC_CELL)
def test_no_number_cell_hangs_or_crashes(text):
    survives(lambda: parse_float("lat", text))
    survives(lambda: parse_count("killed", text))
    survives(lambda: parse_pair("coordinates", f"{text} {text}"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600), st.sampled_from([".csv", ".xlsx", ".ods", ".geojson", ".json"]))
def test_no_file_bytes_hang_or_crash(tmp_path, data, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    survives(lambda: list(open_path(path).incidents()))
