"""Place names in Chromium with the network blocked: the standalone map at city zoom on Kazan, and the live map,
which asks the server for each new view's names while the map stays usable."""

from __future__ import annotations

import pytest

from dashboard.maps import MapOptions
from tests.dashboard.maps_cases import kazan_frame
from tests.e2e.app_server import app_server, fill_store
from tests.e2e.conftest import pixel_spread
from tests.e2e.test_app_e2e import TIMEOUT, painted_markers
from tests.e2e.test_map_offline import assert_quiet, open_map

pytestmark = pytest.mark.e2e
SET_VIEW = ("([lat, lon, zoom]) => { for (const k in window) { const m = window[k];"
            " if (k.startsWith('map_') && m && m.setView) { m.setView([lat, lon], zoom, {animate: false}); } } }")


def place_names(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.im-place span')].map(n => n.textContent)")


def test_standalone_map_names_kazan_and_its_neighbours_at_city_zoom(page, tmp_path, screenshot):
    open_map(page, tmp_path, kazan_frame(), MapOptions())
    page.evaluate(SET_VIEW, [55.79, 49.12, 10])
    page.wait_for_function("document.querySelectorAll('.im-place span').length > 5")
    names = place_names(page)
    assert "Kazan" in names and "Zelenodolsk" in names and "Vysokaya Gora" in names
    assert len(names) < 400
    assert "GeoNames" in page.locator(".leaflet-control-attribution").inner_text()
    boxes = page.evaluate("[...document.querySelectorAll('.im-place span')].map(n => { const b = n.getBoundingClientRect();"
                          " return [b.left, b.top, b.right, b.bottom]; })")
    overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[0] < b[2] - 2 and b[0] < a[2] - 2 and a[1] < b[3] - 2 and b[1] < a[3] - 2]
    assert overlaps == []  # the estimate of a label's size is never smaller than what the browser draws
    page.evaluate(SET_VIEW, [55.79, 49.12, 4])
    page.wait_for_function("!document.querySelector('.im-place span') || document.querySelectorAll('.im-place span').length < 60")
    assert "Vysokaya Gora" not in place_names(page)  # a village's name is for city zooms
    shot = screenshot(page, "map_labels_kazan_z10")
    assert pixel_spread(shot) > 10
    assert_quiet(page)


def test_standalone_map_in_cyrillic(page, tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_LABEL_SCRIPT", "cyrillic")
    from dashboard.maps.labels import area_label_rows

    area_label_rows.cache_clear()
    open_map(page, tmp_path, kazan_frame(), MapOptions())
    page.evaluate(SET_VIEW, [55.79, 49.12, 10])
    page.wait_for_function("document.querySelectorAll('.im-place span').length > 5")
    assert "Казань" in place_names(page) and "Kazan" not in place_names(page)
    area_label_rows.cache_clear()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("labels") / "incidents.sqlite")
    with app_server(db) as url:
        yield url


def test_live_map_asks_for_each_views_names(server, page, screenshot):
    page.goto(server + "/")
    painted_markers(page, 7)
    page.evaluate("IncidentMap.lives[0].map.setView([55.79, 49.12], 10, {animate: false})")
    page.wait_for_function("[...document.querySelectorAll('.im-place span')].some(n => n.textContent === 'Kazan')",
                           timeout=TIMEOUT)
    assert "Vysokaya Gora" in place_names(page)
    page.evaluate("IncidentMap.lives[0].map.setView([50.45, 30.52], 9, {animate: false})")  # Kyiv: a new request
    page.wait_for_function("[...document.querySelectorAll('.im-place span')].some(n => n.textContent === 'Kyiv')",
                           timeout=TIMEOUT)
    count = page.evaluate("IncidentMap.lives[0].placeLabels.rows.length")
    assert 0 < count <= 300
    screenshot(page, "map_labels_live_kyiv")
    assert not page.page_errors and page.blocked == []


DROP_FIRST_CITY_ANSWER = """() => { const original = IncidentMap.liveLabels; window.droppedLabels = 0;
  IncidentMap.liveLabels = (live, part) => {
    if (part && part.rows && part.zoom === 10 && !window.droppedLabels) {  // as if its run were never drawn
      window.droppedLabels += 1; part = Object.assign({}, part, { rows: null });
    }
    return original(live, part);
  }; }"""


def test_live_map_asks_again_for_names_whose_answer_never_arrived(server, page):
    """Under load a newer run can replace the one that carried a view's names before the browser drew it; later runs
    say the answer went out (rows null): the map asks once more instead of waiting for names that never come."""
    page.goto(server + "/")
    painted_markers(page, 7)
    page.evaluate(DROP_FIRST_CITY_ANSWER)
    page.evaluate("IncidentMap.lives[0].map.setView([55.79, 49.12], 10, {animate: false})")
    page.wait_for_function("[...document.querySelectorAll('.im-place span')].some(n => n.textContent === 'Kazan')",
                           timeout=TIMEOUT)
    assert page.evaluate("window.droppedLabels") == 1
    assert not page.page_errors and page.blocked == []
