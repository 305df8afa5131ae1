"""AppTest of the Import page with files in the shape of real exports: a rejected GeoJSON feature's fixable copy holds
its values, is fixed and saved; an analyst's table under a title row is mapped from its real header."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.views import import_mapping
from tests.dashboard.test_app_import import import_page
from tests.dashboard.test_app_import_mapping import upload

DATA = Path(__file__).resolve().parents[1] / "incidents" / "data" / "real_like"
GEOJSON = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:4326"}}, "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [49.1088, 55.7963]},
     "properties": {"event_type": "drone_strike", "started_at": "2024-12-21", "place": "Kazan"}},
    {"type": "Feature", "id": "f2", "geometry": {"type": "Point", "coordinates": [30.52, 50.45]},
     "properties": {"event_type": "strike", "started_at": "2024-13-20", "place": "Kyiv", "style": {"c": "red"}}},
]}


@pytest.fixture
def empty_store(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENTS_DB", str(tmp_path / "incidents.sqlite"))
    monkeypatch.setattr(import_mapping, "mappings_path", lambda: tmp_path / "maps.json")


def test_rejected_geojson_row_copy_has_its_values_and_can_be_fixed(empty_store):
    at = upload(import_page(), "tool.geojson", json.dumps(GEOJSON).encode("utf-8"))
    rows = at.session_state[import_mapping.SOURCE]["rows"]
    assert rows[2]["place"] == "Kyiv" and rows[2]["started_at"] == "2024-13-20" and rows[2]["lat"] == "50.45"
    assert rows[2]["id"] == "f2" and rows[2]["style"] == '{"c": "red"}'
    copy = import_mapping.rejected_copy(at.session_state["import_batch"].problems, rows)
    copy.loc[0, "started_at"] = "2024-12-20"
    incidents, problems = import_mapping.reread(copy, at.session_state[import_mapping.SOURCE]["options"])
    assert problems == [] and (incidents[0].place, incidents[0].started_at, incidents[0].lat) == \
        ("Kyiv", "2024-12-20", 50.45)


def test_analyst_table_under_a_title_row_is_mapped_from_its_header(empty_store):
    at = upload(import_page(), "svodka.csv", (DATA / "analyst_ru_cp1251.csv").read_bytes())
    assert at.selectbox(key="import_map_started_at").value == "Дата"
    assert at.selectbox(key="import_map_place").value == "Населённый пункт"
    at.text_input(key="import_map_values").input(
        "event_type:Удар БПЛА=drone_strike; event_type:Ракетный удар=missile_strike").run()
    preview = at.dataframe[0].value
    assert list(preview["place"]) == ["Казань", "Киев", "Харьков"]  # no title, blank or totals row
    assert list(preview["lat"]) == [55.7963, 50.4501, 49.9935]  # comma decimals
    assert list(preview["started_at"]) == ["2024-12-21", "2024-12-20", "2025-01-03"]  # Russian and numeric dates


def test_mapping_tool_geojson_opens_the_column_map_and_reads_its_shapes(empty_store):
    at = upload(import_page(), "tool.geojson", (DATA / "mapping_tool.geojson").read_bytes())
    assert any("not named as incident fields" in i.value for i in at.info)
    assert at.selectbox(key="import_map_started_at").value == "date"
    assert at.selectbox(key="import_map_event_type").value == "category"
    at.selectbox(key="import_map_place").set_value("name").run()
    assert list(at.dataframe[0].value["place"]) == ["Drone strike on refinery", "Several impacts", "Damaged area"]
    at.button(key="import_map_read").click().run()
    at.switch_page("views/import_page.py").run()
    batch = at.session_state["import_batch"]
    assert len(batch.incidents) == 3 and [p["row"] for p in batch.problems] == [4]


def test_warnings_of_a_read_are_shown_not_dropped(empty_store):
    at = upload(import_page(), "svodka.xlsx", (DATA / "analyst_ru.xlsx").read_bytes())
    at.text_input(key="import_map_values").input(
        "event_type:Удар БПЛА=drone_strike; event_type:Ракетный удар=missile_strike").run()
    at.button(key="import_map_read").click().run()
    at.switch_page("views/import_page.py").run()
    batch = at.session_state["import_batch"]
    assert len(batch.incidents) == 3 and batch.problems == []
    assert [(w["row"], "totals row" in w["message"]) for w in batch.warnings] == [(7, True)]
    assert any("1 row(s) with a warning" in i.value for i in at.info)
