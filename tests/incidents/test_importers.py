"""Every importer with good and bad rows, format detection, dates never guessed, idempotent re-import."""

import json
from pathlib import Path

import pytest

from incidents.errors import ImportFormatError
from incidents.exporters import csv_text, geojson_text
from incidents.frames import to_frame
from incidents.importers import detect_format, read_file, read_text
from incidents.importers.common import country_code
from incidents.storage import MemoryStore
from tests.incidents.factory import make, rich

DATA = Path(__file__).parent / "data"


def by_id(incidents):
    return {item.id: item for item in incidents}


def problem_fields(problems):
    return {(p["row"], p["field"]) for p in problems}


def test_acled_good_rows_and_mapping():
    incidents, problems = read_file(DATA / "acled_sample.csv")
    found = by_id(incidents)
    assert set(found) == {"acled-RUS1001", "acled-UKR2002", "acled-UKR2003", "acled-UKR2004", "acled-RUS2005",
                          "acled-RUS2010"}
    kazan = found["acled-RUS1001"]
    assert (kazan.event_type, kazan.started_at, kazan.country, kazan.killed) == ("drone_strike", "2024-12-21", "RU", 0)
    assert kazan.origin["sub_event_type"] == "Air/drone strike" and kazan.origin["geo_precision"] == "1"
    assert kazan.sources[0].title == "Reuters"
    assert found["acled-UKR2002"].event_type == "missile_strike"
    assert found["acled-UKR2003"].event_type == "strike"
    assert found["acled-UKR2003"].killed is None  # empty fatalities = not stated, never 0
    assert found["acled-UKR2003"].started_at == "2024-12-19"
    assert found["acled-UKR2004"].event_type == "explosion"
    assert (found["acled-UKR2004"].geo_precision, found["acled-UKR2004"].time_precision) == ("region", "month")
    assert found["acled-RUS2005"].event_type == "interception"
    assert found["acled-RUS2010"].event_type == "other" and found["acled-RUS2010"].country == "RU"


def test_acled_bad_rows_become_problems():
    _, problems = read_file(DATA / "acled_sample.csv")
    assert problem_fields(problems) == {(7, "event_date"), (8, "latitude"), (9, "fatalities"), (10, "geo_precision")}
    bad_day = next(p for p in problems if p["field"] == "event_date")
    assert bad_day["value"] == "30 February 2024" and "not a date" in bad_day["message"]
    assert all(set(p) == {"row", "field", "value", "message"} for p in problems)


def test_ucdp_good_and_bad_rows():
    incidents, problems = read_file(DATA / "ucdp_sample.csv")
    found = by_id(incidents)
    assert set(found) == {"ucdp-500001", "ucdp-500002", "ucdp-500003"}
    kazan, kyiv, pokrovsk = found["ucdp-500001"], found["ucdp-500002"], found["ucdp-500003"]
    assert (kazan.event_type, kazan.country, kazan.geo_precision, kazan.ended_at) == ("drone_strike", "RU", "exact", None)
    assert (kyiv.event_type, kyiv.started_at, kyiv.ended_at, kyiv.killed) == ("missile_strike", "2024-12-18",
                                                                                "2024-12-20", 1)
    assert kyiv.origin["date_prec"] == "3" and kyiv.origin["where_prec"] == "2"
    assert (pokrovsk.event_type, pokrovsk.time_precision, pokrovsk.geo_precision) == ("other", "month", "region")
    assert pokrovsk.origin["type_of_violence_label"] == "state-based"
    assert problem_fields(problems) == {(5, "latitude"), (6, "date_start"), (7, "where_prec"), (8, "date_end")}


def test_own_csv_good_and_bad_rows():
    incidents, problems = read_file(DATA / "own_sample.csv")
    found = by_id(incidents)
    assert set(found) == {"own-1", "own-2", "own-8"}
    assert found["own-8"].sources[0].title == "not json"  # a plain title is a source too
    assert found["own-1"].notes == "=looks like a formula"  # the export's guard is undone
    assert found["own-1"].sources[0].excerpt == "six drones were neutralized"
    assert (found["own-1"].killed, found["own-1"].drones_downed) == (0, 6)
    assert found["own-2"].injured is None and found["own-2"].status == "active"
    assert problem_fields(problems) == {(4, "event_type"), (5, "ended_at"), (6, "lat"), (7, "started_at"),
                                        (8, "killed")}


def test_own_csv_round_trips_exactly():
    records = [rich(), make(id="b", started_at="2024-01-02", notes="+1 -2 @x\ttab", place="-Kazan"),
               make(id="sea", lat=43.0, lon=34.0, admin1="", country="", notes=" padded \n two lines ")]
    text = csv_text(to_frame(records))
    incidents, problems = read_text(text, "csv")
    assert problems == [] and by_id(incidents) == by_id(records)


def test_geojson_round_trips_exactly():
    records = [rich(created_at="2024-12-22T10:00:00+00:00", updated_at="2024-12-22T10:00:00+00:00"),
               make(id="b", started_at="2024-01-02", lat=-33.5, lon=151.25),
               make(id="sea", lat=43.0, lon=34.0, admin1="", country="", place="Black Sea")]
    text = geojson_text(to_frame(records))
    incidents, problems = read_text(text)
    assert problems == [] and by_id(incidents) == by_id(records)
    assert geojson_text(to_frame(incidents)) == text


def test_geojson_bad_features_and_foreign_properties():
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.5, 50.45]},
         "properties": {"event_type": "explosion", "started_at": "2024-05-01", "colour": "red"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 1], [1, 2]]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.5, 50.45]},
         "properties": {"event_type": "explosion"}},
        "not a feature",
    ]}
    incidents, problems = read_text(json.dumps(collection))
    assert len(incidents) == 1 and incidents[0].origin["properties"] == {"colour": "red"}
    assert problem_fields(problems) == {(2, "event_type"), (3, "started_at"), (4, "type")}  # a LineString is placed


@pytest.mark.parametrize("name, expected", [("acled_sample.csv", "acled"), ("ucdp_sample.csv", "ucdp"),
                                            ("own_sample.csv", "csv")])
def test_detect_format(name, expected):
    assert detect_format((DATA / name).read_text(encoding="utf-8")) == expected


def test_detect_geojson_and_unknown():
    assert detect_format('  {"type": "FeatureCollection"}') == "geojson"
    with pytest.raises(ImportFormatError, match="unknown format"):
        detect_format("name,age\nx,1\n")


@pytest.mark.parametrize("text, fmt, words", [
    ("", "csv", "empty"),
    ("name,age\n", "acled", "missing column"),
    ("[1, 2]", "geojson", "FeatureCollection"),
    ("{not json", "geojson", "not JSON"),
])
def test_unreadable_inputs_raise_import_format_error(text, fmt, words):
    with pytest.raises(ImportFormatError, match=words):
        read_text(text, fmt)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(ImportFormatError, match="cannot read"):
        read_file(tmp_path / "missing.csv")
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportFormatError, match="binary data"):
        read_file(binary)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("event_type,lat,lon,started_at,notes\nstrike,1,2,2024-01-01,caf\u00e9 cr\u00e8me\n".encode("latin-1"))
    with pytest.raises(ImportFormatError, match="UTF-8"):
        read_file(latin)


def test_foreign_rows_get_missing_regions_by_point():
    text = (DATA / "ucdp_sample.csv").read_text(encoding="utf-8").replace("Kyiv city,,50.4501", ",,50.4501")
    kyiv = by_id(read_text(text, "ucdp")[0])["ucdp-500002"]
    assert kyiv.admin1 and kyiv.country == "UA"


def test_country_codes():
    assert [country_code(v) for v in ("Russia", "Russia (Soviet Union)", "804", "UKR", "by", "Atlantis")] == \
        ["RU", "RU", "UA", "UA", "BY", ""]


@pytest.mark.parametrize("name", ["acled_sample.csv", "ucdp_sample.csv", "own_sample.csv"])
def test_reimport_changes_nothing(name):
    store = MemoryStore()
    first = store.upsert(read_file(DATA / name)[0])
    second = store.upsert(read_file(DATA / name)[0])
    assert first.inserted > 0 and first.updated == 0
    assert second.to_dict() == {"inserted": 0, "updated": 0, "unchanged": first.inserted}


def test_big_files_show_progress_on_stderr(capsys, monkeypatch):
    monkeypatch.setenv("INCIDENTS_PROGRESS_ROWS", "3")
    read_file(DATA / "acled_sample.csv")
    assert "acled" in capsys.readouterr().err
    monkeypatch.setenv("INCIDENTS_PROGRESS_ROWS", "1000")
    read_file(DATA / "acled_sample.csv")
    assert capsys.readouterr().err == ""


ACLED_HEADER = "event_id_cnty,event_date,sub_event_type,latitude,longitude,country,fatalities\n"


@pytest.mark.parametrize("row, field, words", [
    ("A1,2024-12-21,Air/drone strike,,,Russia,0", "latitude", "missing"),
    ("A2,2024-12-21,Air/drone strike,NaN,49.1,Russia,0", "latitude", "finite"),
    ("A3,2024-12-21,Air/drone strike,inf,49.1,Russia,0", "latitude", "finite"),
    ("A4,2024-12-21,Air/drone strike,55.7,49.1,Russia,99999999999999999999999999", "fatalities", "implausibly"),
    ("A5,2024-12-21,Air/drone strike,55.7,49.1,Russia,-3", "fatalities", "negative"),
    ("A6,2024-12-21,Air/drone strike,55.7,49.1,Russia,nan", "fatalities", "whole number"),
    ("A7,2024-02-30,Air/drone strike,55.7,49.1,Russia,1", "event_date", "real calendar date"),
    ("A8,2024/02/30,Air/drone strike,55.7,49.1,Russia,1", "event_date", "real calendar date"),
    ("A9,2024-12-21,Air/drone strike,95.5,49.1,Russia,1", "latitude", "out of range"),
])
def test_acled_bad_cells_name_the_source_column(row, field, words):
    incidents, problems = read_text(ACLED_HEADER + row + "\n" + "B1,2024-12-21,Air/drone strike,55.7,49.1,Russia,2\n")
    assert [item.id for item in incidents] == ["acled-B1"]  # the good row is kept
    assert len(problems) == 1 and (problems[0]["row"], problems[0]["field"]) == (2, field)
    assert words in problems[0]["message"]


def test_bom_and_semicolon_csv(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_bytes("\ufeff".encode() + ACLED_HEADER.replace(",", ";").encode()
                     + "X2;2024-12-21;Air/drone strike;55,78;49,12;Russia;1\n".encode())
    incidents, problems = read_file(path)
    assert problems == [] and (incidents[0].id, incidents[0].lat, incidents[0].killed) == ("acled-X2", 55.78, 1)


def test_a_lone_feature_and_hostile_features():
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [49.1, 55.7]},
               "properties": {"event_type": "drone_strike", "started_at": "2024-12-21", "id": 17}}
    incidents, problems = read_text(json.dumps(feature))
    assert problems == [] and incidents[0].id == "17"
    bad = [{**feature, "geometry": None}, {**feature, "properties": [1, 2]},
           {**feature, "properties": {**feature["properties"], "sources": "x"}},
           {**feature, "properties": {**feature["properties"], "origin": [1]}},
           {**feature, "properties": {**feature["properties"], "started_at": 20241221}}]
    incidents, problems = read_text(json.dumps({"type": "FeatureCollection", "features": bad}))
    assert incidents == []
    assert [(p["row"], p["field"]) for p in problems] == [(1, "geometry"), (2, "properties"), (3, "sources"),
                                                         (4, "origin"), (5, "started_at")]


@pytest.mark.parametrize("text, words", [("[]", "top-level type is 'list'"), ("null", "NoneType"),
                                         ('{"type": "FeatureCollection", "features": {}}', "'features' list")])
def test_geojson_that_is_not_a_collection(text, words):
    with pytest.raises(ImportFormatError, match=words):
        read_text(text, "geojson")


def test_long_cells_and_carriage_returns_in_files_survive(tmp_path):
    record = make(id="long", notes="x" * 200_000 + "\rend")
    path = tmp_path / "own.csv"
    path.write_bytes(csv_text(to_frame([record])).encode("utf-8"))
    incidents, problems = read_file(path)
    assert problems == [] and incidents == [record]


def test_same_id_twice_in_one_file_is_reported_not_silently_merged():
    header = "event_type,lat,lon,started_at,notes\n"
    text = header + "drone_strike,50.45,30.52,2024-12-21T03:00+02:00,night\n" \
                    "drone_strike,50.45,30.52,2024-12-21T21:00+02:00,evening\n"
    incidents, problems = read_text(text, "csv")
    assert [item.notes for item in incidents] == ["night"]
    assert [(p["row"], p["field"]) for p in problems] == [(3, "id")] and "row 2" in problems[0]["message"]
    with_ids = text.replace(header, header.strip() + ",id\n").replace("night\n", "night,a\n").replace("evening\n", "evening,b\n")
    assert [item.id for item in read_text(with_ids, "csv")[0]] == ["a", "b"]
