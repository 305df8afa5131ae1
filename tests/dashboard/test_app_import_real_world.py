"""AppTest of the Import page with real downloads: a projected CSV read with the CRS typed on the page, a KML map
and a zipped UCDP GED file uploaded as they come."""

from __future__ import annotations

import io
import zipfile

import pytest

from dashboard.views import import_mapping
from tests.dashboard.test_app_import import import_page
from tests.dashboard.test_app_import_mapping import upload
from tests.incidents.test_importers_real_world import MY_MAPS, PROJECTED_CSV, ged_text


@pytest.fixture
def empty_store(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENTS_DB", str(tmp_path / "incidents.sqlite"))
    monkeypatch.setattr(import_mapping, "mappings_path", lambda: tmp_path / "maps.json")


def test_projected_csv_is_read_with_the_crs_typed_on_the_page(empty_store):
    at = import_page()
    at.text_input(key="import_crs").input("EPSG:3857").run()
    at = upload(at, "mercator.csv", PROJECTED_CSV.encode("utf-8"))
    [item] = at.session_state["import_batch"].incidents
    assert abs(item.lat - 49.906) < 0.001 and "EPSG:3857" in item.notes


def test_kml_and_zipped_ged_uploads_are_read(empty_store):
    at = upload(import_page(), "strikes.kml", MY_MAPS.encode("utf-8"))
    assert sorted(i.place for i in at.session_state["import_batch"].incidents) == ["Kharkiv", "Odesa port"]
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("GEDEvent_v24_1.csv", ged_text())
    at = upload(import_page(), "ged241-csv.zip", packed.getvalue())
    assert len(at.session_state["import_batch"].incidents) == 2
