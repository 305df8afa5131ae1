"""Property tests for the real-download forms: random bytes given as any file kind (.txt, .html, .eml, .kml, .kmz,
.zip, .csv), random placemarks, HXL rows and zipped members never make an importer raise anything but our one-line
error, nor hang."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidents.errors import IncidentsError
from incidents.importers import ImportOptions, open_path
from tests.incidents.test_importers_properties import CELL, DATE_CELL, NUMERIC_CELL, survives

FILES = settings(max_examples=25, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SUFFIXES = [".txt", ".html", ".eml", ".kml", ".kmz", ".zip", ".csv", ".tsv", ".geojson"]
KML_PARTS = st.sampled_from([
    "<kml>", "</kml>", "<Document>", "</Document>", "<Folder>", "</Folder>", "<Placemark>", "</Placemark>",
    "<Placemark id='p'>", "<name>", "</name>", "<description>", "</description>", "<![CDATA[", "]]>",
    "<TimeStamp><when>", "</when></TimeStamp>", "<TimeSpan><begin>", "</begin><end>", "</end></TimeSpan>",
    "<ExtendedData>", "</ExtendedData>", "<Data name='Date'><value>", "</value></Data>",
    "<SimpleData name='killed'>", "</SimpleData>", "<Point><coordinates>", "</coordinates></Point>",
    "<Polygon><outerBoundaryIs><LinearRing><coordinates>", "</coordinates></LinearRing></outerBoundaryIs></Polygon>",
    "36.23,49.99,0", "1e400,nan", " ", "\n", "&amp;", "&bogus;", "<br>", "2024-01-06", "06/01/2024",
])


@pytest.fixture(scope="module", autouse=True)
def warm_extractor(tmp_path_factory):
    """Load the article extractor's dictionaries once: the first load is slow, not a hang."""
    folder = tmp_path_factory.mktemp("warm")
    for number, text in enumerate(["Drones struck Kazan on 21 December 2024.", "Дроны атаковали Казань 21 декабря.",
                                   "Дрони атакували Київ 20 грудня.", "\x06\x17ї»ЫФ"]):
        path = folder / f"article{number}.txt"
        path.write_text(text, encoding="utf-8")
        try:  # slow the first time (dictionaries load); an error is fine
            list(open_path(path).incidents())
        except IncidentsError:
            pass


def consume(path, **options) -> None:
    list(open_path(path, ImportOptions(**options)).incidents())


def zip_bytes(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return out.getvalue()


@FILES
@given(st.binary(max_size=800), st.sampled_from(SUFFIXES))
def test_no_bytes_as_any_file_kind_hang_or_crash(tmp_path, data, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    survives(lambda: consume(path))


@FILES
@given(st.lists(st.one_of(KML_PARTS, CELL, DATE_CELL, NUMERIC_CELL), max_size=40), st.booleans())
def test_no_kml_made_of_its_own_parts_hangs_or_crashes(tmp_path, parts, packed):
    text = "".join(parts).encode("utf-8", "surrogatepass")
    path = tmp_path / ("map.kmz" if packed else "map.kml")
    path.write_bytes(zip_bytes("doc.kml", text) if packed else text)
    survives(lambda: consume(path))


@FILES
@given(st.sampled_from(["GEDEvent_v24_1.csv", "data.xlsx", "x.kml", "a.json", "README.txt", "dir/"]),
       st.binary(max_size=600), st.sampled_from([None, "EPSG:3857", "EPSG:32637"]))
def test_no_zipped_member_or_crs_hangs_or_crashes(tmp_path, member, data, crs):
    path = tmp_path / "download.zip"
    path.write_bytes(zip_bytes(member, data))
    survives(lambda: consume(path, crs=crs))


@FILES
@given(st.lists(st.lists(st.one_of(st.from_regex(r"#[a-z_]{1,8}(\+[a-z]{1,6}){0,3}", fullmatch=True), CELL,
                                   DATE_CELL, NUMERIC_CELL), min_size=1, max_size=7), min_size=2, max_size=5))
def test_no_table_with_hashtag_rows_hangs_or_crashes(tmp_path, rows):
    header = ["Date", "Oblast", "Lat", "Lon", "Dead", "Town", "WEEK"]
    lines = [",".join(header), "#date,#adm1+name,#geo+lat,#geo+lon,#affected+killed,#loc+name,#date+week"]
    lines += [",".join(cell.replace(",", " ").replace("\n", " ").replace('"', "") for cell in row) for row in rows]
    path = tmp_path / "hdx.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    survives(lambda: consume(path))
