"""The exported map opened from file:// in Chromium with the network blocked: it paints, clusters and stays quiet."""

import re
from pathlib import Path

import pytest

from dashboard.maps import MapOptions, build_map, render_html
from incidents.synth import synthesize
from tests.dashboard.maps_cases import kazan_frame
from tests.e2e.conftest import pixel_spread, toggle_layer

pytestmark = pytest.mark.e2e


def open_map(page, tmp_path: Path, frame, options: MapOptions | None = None, name: str = "map.html", m=None) -> None:
    """Write the map as one inline HTML file, open it from file:// and wait until basemap and incidents are drawn."""
    path = tmp_path / name
    path.write_text(render_html(m if m is not None else build_map(frame, options=options)), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-imBase-pane svg path", state="attached")
    if len(frame):
        page.wait_for_selector(".im-icon, .im-cluster")
    page.wait_for_function("!document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim')")


# True once the element is fully opaque, inside the window and kept its place for ten animation frames (the
# popup's fade and the map's pan to show it have finished).
SETTLED = """(selector) => new Promise((done) => {
    const node = document.querySelector(selector);
    if (!node || getComputedStyle(node).opacity !== '1') { done(false); return; }
    const where = () => getComputedStyle(node).opacity + JSON.stringify(node.getBoundingClientRect());
    const before = where();
    let frames = 0;
    const step = () => {
        if (where() !== before) { done(false); return; }
        if (++frames < 10) { requestAnimationFrame(step); return; }
        const box = node.getBoundingClientRect();
        done(box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth);
    };
    requestAnimationFrame(step);
})"""


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
    popup = page.locator(".im-popup").first
    page.wait_for_function(SETTLED, arg=".leaflet-popup")  # faded in and done panning into view
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


def test_controls_airports_and_choropleth_key_are_there(page, tmp_path, screenshot):
    open_map(page, tmp_path, kazan_frame(), MapOptions(choropleth=True))
    assert page.locator(".leaflet-control-scale-line").count() == 2  # metric and imperial
    assert page.locator(".leaflet-control-layers").count() == 1
    assert page.locator(".im-airport").count() == 3  # KZN, IJK and GSV, one mark each
    key = page.locator(".im-choro-key")
    assert key.count() == 1 and "Incidents per admin-1 region" in key.inner_text() and "none" in key.inner_text()
    assert key.locator(".im-choro-swatch").count() >= 2
    swatches = key.locator(".im-choro-swatch").evaluate_all("nodes => nodes.map(n => getComputedStyle(n).backgroundColor)")
    assert len(set(swatches)) == len(swatches), "each class has its own colour"
    screenshot(page, "map_choropleth_offline")
    toggle_layer(page, "Incidents per admin-1 region")
    assert page.locator(".im-choro-key").count() == 0, "the key leaves with its layer"
    was_open = page.locator(".im-legend ul").first.is_visible()
    page.locator(".im-legend .im-toggle").click()
    assert page.locator(".im-legend ul").first.is_visible() != was_open, "one click folds or opens the legend"
    assert_quiet(page)


def test_leaflet_default_marker_icon_is_inlined(page, tmp_path):
    import folium

    frame = kazan_frame()
    m = build_map(frame)
    folium.Marker([55.8, 49.1]).add_to(m)  # a plain folium marker uses Leaflet's own PNG icon
    open_map(page, tmp_path, frame, m=m)
    sources = page.locator(".leaflet-marker-icon:not(.im-icon):not(.im-airport):not(.im-ring-label):not(.im-city-label)")
    images = sources.evaluate_all("nodes => nodes.filter(n => n.tagName === 'IMG').map(n => [n.src, n.naturalWidth])")
    assert images and all(src.startswith("data:image/png") and width > 0 for src, width in images)
    assert_quiet(page)


def test_one_hundred_thousand_incidents_cluster(page, tmp_path, screenshot):
    open_map(page, tmp_path, synthesize(100_000, seed=2))
    assert page.evaluate("IncidentMap.instances[0].incidentData.n") == 100_000
    page.wait_for_function("document.querySelectorAll('.im-cluster').length > 5", timeout=60_000)
    rings = page.locator(".im-cluster").evaluate_all("nodes => nodes.map(n => n.style.background)")
    assert all("conic-gradient" in ring for ring in rings), "each cluster shows its mix of event types"
    assert page.locator(".im-icon").count() < 2000
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_function("!document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim')")
    assert page.locator(".im-cluster").count() > 5
    assert pixel_spread(screenshot(page, "map_100k_offline")) > 10
    assert_quiet(page)


def test_on_a_small_map_the_legend_starts_folded(page, tmp_path):
    page.set_viewport_size({"width": 640, "height": 420})
    open_map(page, tmp_path, kazan_frame())
    legend = page.locator(".im-legend").first
    assert "Incidents: 4" in legend.inner_text() and not legend.locator("ul").is_visible()
    legend.locator(".im-toggle").click()
    assert legend.locator("ul").is_visible() and legend.locator("li").count() == 3
    assert_quiet(page)


def test_the_legend_starts_folded_when_it_would_cover_an_incident(page, tmp_path):
    from incidents.frames import to_frame
    from incidents.model import Incident

    page.set_viewport_size({"width": 1280, "height": 800})
    corners = [Incident(event_type="drone_strike", lat=lat, lon=lon, started_at="2024-12-21", place=name)
               for name, lat, lon in (("south-west", 34.0, 20.0), ("north-east", 64.0, 100.0))]
    open_map(page, tmp_path, to_frame(corners), name="corners.html")  # the fit puts south-west under the key
    assert not page.locator(".im-legend ul").first.is_visible()
    open_map(page, tmp_path, to_frame(corners[1:]), name="one.html")  # a lone incident sits in the middle
    assert page.locator(".im-legend ul").first.is_visible()
