"""Exports: GeoJSON in lon/lat order, CSV columns and the formula guard, atomic writes."""

import csv
import io
import json
import os

import pytest

from incidents.exporters import csv_text, geojson_text, guard, to_geojson, write_atomic
from incidents.frames import FIELDS, empty_frame, to_frame
from tests.incidents.factory import make, rich


def test_geojson_is_rfc7946_lon_lat():
    collection = to_geojson(to_frame([make(id="k")]))
    feature = collection["features"][0]
    assert collection["type"] == "FeatureCollection"
    assert feature["geometry"] == {"type": "Point", "coordinates": [49.1088, 55.7963]}
    assert feature["id"] == "k" and feature["properties"]["lat"] == 55.7963
    assert set(feature["properties"]) == set(FIELDS)


def test_empty_exports():
    assert json.loads(geojson_text(empty_frame())) == {"type": "FeatureCollection", "features": []}
    assert csv_text(empty_frame()).strip() == ",".join(FIELDS)


@pytest.mark.parametrize("text, expected", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Kazan", "Kazan"), ("", ""), ("a=b", "a=b"),
])
def test_guard(text, expected):
    assert guard(text) == expected


def test_csv_guards_text_cells_but_not_numbers():
    frame = to_frame([rich(place="=HYPERLINK(\"http://evil\")", lat=-33.5, lon=-70.25, admin1="@admin")])
    rows = list(csv.DictReader(io.StringIO(csv_text(frame))))
    assert rows[0]["place"].startswith("'=")
    assert rows[0]["admin1"] == "'@admin"
    assert rows[0]["notes"].startswith("'=cmd")
    assert (rows[0]["lat"], rows[0]["lon"]) == ("-33.5", "-70.25")
    assert json.loads(rows[0]["sources"])[0]["title"] == "Kazan attacked"
    assert rows[0]["injured"] == "" and rows[0]["killed"] == "0"
    text_cells = [value for name, value in rows[0].items() if name not in ("lat", "lon")]
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in text_cells)


def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.geojson"
    target.write_text("old")
    write_atomic(target, "new content")
    assert target.read_text() == "new content"
    assert os.listdir(tmp_path) == ["out.geojson"]


def test_write_atomic_failure_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("old")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["out.csv"]


@pytest.mark.parametrize("text", ["=1", "'=1", "''+x", "'plain", "'", "\r\n=1", "a\rb", "-"])
def test_guard_and_unguard_are_exact_inverses(text):
    from incidents.exporters import unguard

    assert unguard(guard(text)) == text
    assert not guard(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_quotes_cells_with_carriage_returns():
    frame = to_frame([rich(notes="line one\rline two", place="a\r\nb")])
    rows = list(csv.DictReader(io.StringIO(csv_text(frame), newline="")))
    assert rows[0]["notes"] == "line one\rline two" and rows[0]["place"] == "a\r\nb"
