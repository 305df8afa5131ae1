"""Files in the exact shape of real exports (tests/incidents/data/real_like) through the importers and the CLI: every
fault a new user met with them, each a named test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from incidents.importers import ImportOptions, open_path, read_file, read_text
from incidents.importers.common import parse_float, parse_pair
from incidents.importers.dates import parse_date
from incidents.importers.mapping import parse_map
from incidents.importers.pipeline import fixable_cells
from tests.incidents.factory import import_cli as cli

DATA = Path(__file__).parent / "data" / "real_like"
ROOT = Path(__file__).resolve().parents[2]
RU_MAP = ["date=Дата", "place=Населённый пункт", "admin1=Область", "lat=Широта", "lon=Долгота", "killed=Погибло",
          "event_type=Тип"]
RU_VALUES = ["event_type:Удар БПЛА=drone_strike", "event_type:Ракетный удар=missile_strike"]


def ru_options() -> dict:
    return {"mapping": parse_map(RU_MAP, RU_VALUES)}




def test_acled_export_and_its_xlsx_read_the_same_incidents():
    csv_rows, csv_problems = read_file(DATA / "acled_export.csv")
    xlsx_rows, xlsx_problems = read_file(DATA / "acled_export.xlsx")
    assert csv_problems == [] == xlsx_problems and len(csv_rows) == 4
    assert [i.to_dict() for i in csv_rows] == [i.to_dict() for i in xlsx_rows]
    kazan = csv_rows[0]
    assert (kazan.id, kazan.started_at, kazan.event_type, kazan.country, kazan.killed) == \
        ("acled-UKR201234", "2024-12-21", "drone_strike", "RU", 0)
    assert csv_rows[1].event_type == "missile_strike" and "\n" in csv_rows[1].notes


def test_ucdp_ged_dates_with_milliseconds_and_a_month_long_event():
    incidents, problems = read_file(DATA / "ucdp_ged.csv")
    assert problems == [] and [i.started_at for i in incidents] == ["2023-05-02", "2023-05-01"]
    assert incidents[1].ended_at == "2023-05-31" and incidents[1].time_precision == "month"
    assert incidents[0].killed == 2 and incidents[0].event_type in ("strike", "missile_strike")


def test_title_row_above_the_header_is_looked_past_in_csv_and_xlsx():
    for name in ("analyst_ru_cp1251.csv", "analyst_ru_bom.csv", "analyst_ru.xlsx"):
        batch = open_path(DATA / name, ImportOptions(**ru_options()))
        incidents = list(batch.incidents())
        assert batch.report.problems == [], (name, batch.report.problems)
        assert [i.place for i in incidents] == ["Казань", "Киев", "Харьков"], name
        assert batch.report.info["header_row"] == 2
        assert (incidents[2].started_at, incidents[0].lat, incidents[0].lon) == ("2025-01-03", 55.7963, 49.1088)


def test_unknown_table_under_a_title_row_gets_a_proposed_map_not_its_title(tmp_path):
    out = cli(tmp_path, str(DATA / "analyst_ru_cp1251.csv"))
    assert "Сводка" not in out["error"] and "--map started_at=Дата" in out["error"]


def test_blank_row_is_skipped_and_totals_row_is_a_warning_not_a_rejection():
    batch = open_path(DATA / "analyst_ru_bom.csv", ImportOptions(**ru_options()))
    list(batch.incidents())
    assert batch.report.rejected == 0
    assert [(w["row"], "totals row" in w["message"]) for w in batch.report.warnings] == [(7, True)]


def test_russian_and_ukrainian_month_names_are_dates():
    assert parse_date("d", "21 декабря 2024").text == "2024-12-21"
    assert parse_date("d", "3 января 2025 г.").text == "2025-01-03"
    assert parse_date("d", "1 мая 2024").text == "2024-05-01"
    assert parse_date("d", "2 марта 2023 года").text == "2023-03-02"
    assert parse_date("d", "5 березня 2024 р.").text == "2024-03-05"


def test_dms_coordinates_and_a_coordinates_column():
    assert parse_float("lat", "55°47′N") == pytest.approx(55.783333)
    assert parse_float("lon", "49°07'30\"W") == pytest.approx(-49.125)
    assert parse_pair("c", "55°47′N 49°07′E") == pytest.approx((55.783333, 49.116667))
    assert parse_pair("c", "49°07′E 55°47′N") == pytest.approx((55.783333, 49.116667))  # letters decide the order
    assert parse_pair("c", "55,79; 49,12") == (55.79, 49.12)
    text = "Дата;Город;Координаты\n21.12.2024;Казань;55°47′N 49°07′E\n"
    incidents, problems = read_text(text, mapping=parse_map(["date=Дата", "place=Город", "coordinates=Координаты"]))
    assert problems == [] and (incidents[0].lat, incidents[0].lon) == pytest.approx((55.783333, 49.116667))


def test_dms_that_is_not_degrees_names_the_remedy():
    with pytest.raises(Exception, match="degrees-minutes-seconds"):
        parse_float("lat", "55°99′N")


def test_mapping_tool_geojson_needs_map_and_says_which_property():
    _, problems = read_file(DATA / "mapping_tool.geojson")
    assert "--map event_type=category" in problems[0]["message"]


def test_multipoint_and_polygon_are_placed_at_their_centre_with_a_note():
    mapping = parse_map(["date=date", "event_type=category", "place=name"])
    incidents, problems = read_file(DATA / "mapping_tool.geojson", mapping=mapping)
    assert [i.place for i in incidents] == ["Drone strike on refinery", "Several impacts", "Damaged area"]
    assert (incidents[1].lat, incidents[1].lon) == pytest.approx((50.455, 30.525))
    assert (incidents[2].lat, incidents[2].lon) == pytest.approx((49.95, 36.25))
    assert [(p["row"], p["field"]) for p in problems] == [(4, "geometry")]  # the column, not "geometry:"
    own = {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {
        "type": "Polygon", "coordinates": [[[36.2, 49.9], [36.3, 49.9], [36.3, 50.0], [36.2, 49.9]]]},
        "properties": {"event_type": "strike", "started_at": "2024-12-19"}}]}
    placed, problems = read_text(json.dumps(own))
    assert problems == [] and placed[0].geo_precision == "region" and "centre of the Polygon" in placed[0].notes


def test_rejected_geojson_feature_keeps_its_values_for_the_fixable_copy():
    feature = {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [49.1, 55.8]},
               "properties": {"event_type": "strike", "started_at": "21/13/2024", "style": {"colour": "red"}}}
    cells = fixable_cells(feature)
    assert cells == {"event_type": "strike", "started_at": "21/13/2024", "style": '{"colour": "red"}', "id": "7",
                     "lat": "55.8", "lon": "49.1"}
    batch = open_path(DATA / "mapping_tool.geojson")
    list(batch.incidents())
    assert batch.report.rejected_rows[1]["category"] == "drone_strike" and batch.report.rejected_rows[1]["lat"]


def test_reimporting_the_same_files_inserts_nothing_twice(tmp_path):
    args = ["--map", "date=Дата", "--map", "place=Населённый пункт", "--map", "lat=Широта", "--map", "lon=Долгота",
            "--map", "event_type=Тип", "--value", RU_VALUES[0], "--value", RU_VALUES[1]]
    first = cli(tmp_path, str(DATA / "analyst_ru_cp1251.csv"), *args)
    again = cli(tmp_path, str(DATA / "analyst_ru_bom.csv"), *args)
    assert (first["inserted"], again["inserted"], again["unchanged"]) == (3, 0, 3)
    acled = cli(tmp_path, str(DATA / "acled_export.csv"))
    acled_xlsx = cli(tmp_path, str(DATA / "acled_export.xlsx"))
    assert (acled["inserted"], acled_xlsx["inserted"], acled_xlsx["unchanged"]) == (4, 0, 4)


PROJECTED = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
             "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [5466343.1, 7515005.2]},
                           "properties": {"event_type": "strike", "started_at": "2024-12-21"}}]}


def test_geojson_in_a_projected_crs_is_reprojected_and_an_unknown_crs_refused(tmp_path, monkeypatch):
    from incidents import importers
    from incidents.errors import ImportFormatError

    [whole], problems = read_text(json.dumps(PROJECTED))
    assert problems == [] and 50 < whole.lat < 60 and 40 < whole.lon < 50 and "EPSG:3857" in whole.notes
    path = tmp_path / "projected.geojson"
    path.write_text(json.dumps(PROJECTED), encoding="utf-8")
    monkeypatch.setattr(importers, "STREAM_BYTES", 10)  # the streamed reader reads the crs member too
    [streamed], _ = read_file(path)
    assert (streamed.lat, streamed.lon) == (whole.lat, whole.lon)
    unknown = json.loads(json.dumps(PROJECTED))
    unknown["crs"]["properties"]["name"] = "urn:ogc:def:crs:EPSG::999999"
    with pytest.raises(ImportFormatError, match="999999.*--crs EPSG"):
        read_text(json.dumps(unknown))
    incidents, problems = read_file(DATA / "mapping_tool.geojson", mapping=parse_map(["date=date",
                                                                                    "event_type=category"]))
    assert len(incidents) == 3  # CRS84, as the fixture names it, is WGS 84


def test_two_row_header_merged_over_its_columns_is_read_as_one(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Сводка за декабрь"])
    sheet.merge_cells("A1:E1")
    sheet.append(["Дата", "Город", "Координаты", None, "Погибло"])
    sheet.append([None, None, "Широта", "Долгота", None])
    sheet.merge_cells("C2:D2")
    sheet.append(["21 декабря 2024", "Казань", "55,7963", "49,1088", 0])
    sheet.append(["Итого", None, None, None, 0])
    book.save(tmp_path / "two_rows.xlsx")
    text = "Дата;Город;Координаты;;Погибло\n;;Широта;Долгота;\n21.12.2024;Казань;55,7963;49,1088;0\n"
    (tmp_path / "two_rows.csv").write_text(text, encoding="cp1251")
    mapping = parse_map(["date=Дата", "place=Город", "lat=Широта", "lon=Долгота", "killed=Погибло"])
    for name, first_row in (("two_rows.xlsx", 4), ("two_rows.csv", 3)):
        batch = open_path(tmp_path / name, ImportOptions(mapping=mapping))
        incidents = list(batch.incidents())
        assert batch.report.problems == [] and len(incidents) == 1, (name, batch.report.problems)
        assert (incidents[0].lat, incidents[0].lon, incidents[0].started_at) == (55.7963, 49.1088, "2024-12-21")
        assert batch.context.table.header == ["Дата", "Город", "Широта", "Долгота", "Погибло"]
        assert batch.report.info["header_row"] == first_row - 1


def test_analysts_not_stated_marks_grouped_thousands_and_estimates_in_counts():
    from incidents.errors import ValidationError
    from incidents.importers.common import parse_count

    assert [parse_count("Погибло", v) for v in ("н/д", "-", "—", "?", "n/a", " 12 ")] == [None] * 5 + [12]
    with pytest.raises(ValidationError, match="without the thousands separator \\(1234\\)"):
        parse_count("Погибло", "1\u00a0234")
    for estimate in ("2-3", "~10", "10+", "около 10"):
        with pytest.raises(ValidationError, match="lowest figure"):
            parse_count("Погибло", estimate)
    with pytest.raises(ValidationError, match="not a plain number"):
        parse_count("Погибло", "5_5")
