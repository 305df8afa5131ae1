"""The exported map opened from file:// in Chromium with the network blocked: it paints, clusters and stays quiet."""

import re
from pathlib import Path

import pytest

from dashboard.maps import MapOptions, build_map, render_html
from incidents.synth import synthesize
from tests.dashboard.maps_cases import kazan_frame
from tests.e2e.conftest import pixel_spread, toggle_layer

pytestmark = pytest.mark.e2e


def open_map(page, tmp_path: Path, frame, options: MapOptions | None = None, name: str = "map.html") -> None:
    path = tmp_path / name
    path.write_text(render_html(build_map(frame, options=options)), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-imBase-pane svg path", state="attached")
    page.wait_for_timeout(500)


def assert_quiet(page) -> None:
    assert page.console_errors == []
    assert page.page_errors == []
    assert page.dialogs == []
    assert page.blocked == []  # nothing even tried to reach the network


def test_kazan_map_paints_basemap_markers_and_popup_offline(page, tmp_path, screenshot):
    frame = kazan_frame()
    open_map(page, tmp_path, frame, MapOptions(selected_id=str(frame["id"][0])))
    assert page.locator(".leaflet-imBase-pane svg path").count() > 20  # Natural Earth countries
    assert page.locator(".leaflet-imAdmin-pane svg path").count() > 10  # admin-1 boundaries
    assert page.locator(".leaflet-overlay-pane svg path").count() >= 5  # range rings and the geodesic line
    assert page.locator(".im-icon").count() == 4
    assert page.locator(".im-legend li").count() == 3
    page.evaluate("IncidentMap.instances[0].openIncident(0)")
    page.wait_for_timeout(600)  # let the popup fade in and the map pan
    popup = page.locator(".im-popup").first
    text = popup.inner_text()
    assert "Kazan" in text and "Drones downed" in text and "07:40\u201309:20 UTC+03:00" in text
    assert "04:40 UTC" in text and re.search(r"7[12]\d km, east", text)  # geodesic ~721 km, not the claimed 800
    assert popup.locator("a").get_attribute("href").startswith("https://")
    shot = screenshot(page, "map_kazan_offline")
    assert pixel_spread(shot) > 10
    assert_quiet(page)


def test_large_map_clusters_and_toggles_heat_and_playback(page, tmp_path, screenshot):
    open_map(page, tmp_path, synthesize(5000, seed=1), MapOptions(heatmap=True, playback=True))
    assert page.locator(".im-cluster").count() > 5
    assert page.locator(".im-icon").count() < 1000  # markers are clustered, not all drawn
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    toggle_layer(page, "Time playback")
    assert "5,000 incidents" in page.locator(".im-playback").inner_text()
    shot = screenshot(page, "map_clusters_offline")
    assert pixel_spread(shot) > 10
    assert_quiet(page)
