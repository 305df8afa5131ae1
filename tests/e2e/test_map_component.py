"""The app's live map in Chromium: the view survives filter changes, a tap selects at phone width, markers load
visibly, region-precision incidents are rings."""

from __future__ import annotations

import pytest

from dashboard.maps import MapOptions
from incidents.frames import to_frame
from tests.dashboard.maps_cases import kazan_incidents
from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import MAP, MARKERS, TIMEOUT, painted_markers, wait_url
from tests.e2e.test_map_offline import assert_quiet, open_map

pytestmark = pytest.mark.e2e
THE_MAP = "IncidentMap.lives[0].map"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("component") / "incidents.sqlite")
    with app_server(db) as url:
        yield url


def view_of(page) -> dict:
    return page.evaluate(f"(() => {{ const m = {THE_MAP}, c = m.getCenter();"
                         " return {zoom: m.getZoom(), lat: c.lat, lng: c.lng}; })()")


def test_zoom_and_centre_survive_a_filter_change_and_the_map_is_not_rebuilt(server, page, screenshot):
    page.goto(server + "/")
    painted_markers(page, 7)
    page.evaluate(f"{THE_MAP}.setView([55.2, 44.5], 7, {{animate: false}})")
    page.evaluate("document.querySelector('.leaflet-container').dataset.probe = 'kept'")
    before = view_of(page)
    version = page.locator(f"{MAP} .leaflet-container").get_attribute("data-version")
    page.get_by_text("7 days", exact=True).click()
    wait_url(page, r"start=2024-12-15")
    page.wait_for_function("v => document.querySelector('.leaflet-container').dataset.version !== v", arg=version,
                           timeout=TIMEOUT)
    assert painted_markers(page, 5) == 5
    after = view_of(page)
    assert after["zoom"] == before["zoom"] == 7
    assert after["lat"] == pytest.approx(before["lat"], abs=1e-6) and after["lng"] == pytest.approx(before["lng"], abs=1e-6)
    assert page.evaluate("document.querySelector('.leaflet-container').dataset.probe") == "kept"  # the same map
    screenshot(page, "map_component_view_kept")
    assert not page.page_errors


def test_a_tap_on_a_marker_at_390_px_selects_the_incident(server, browser, screenshot):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(server + "/?type=drone_strike")
        painted_markers(phone, 1)
        marker = phone.locator(MAP).locator(MARKERS).first
        marker.scroll_into_view_if_needed()
        phone.wait_for_timeout(300)  # the scroll settles before the tap
        marker.click()
        wait_url(phone, r"id=kazan-strike")
        phone.get_by_text("Distance claim check").wait_for(timeout=TIMEOUT)
        screenshot(phone, "map_component_tap_390")
    finally:
        context.close()


def test_the_map_says_it_is_loading_markers_until_all_are_in(page, tmp_path):
    incident = kazan_incidents()[0]
    many = to_frame([incident.with_changes(id=f"k{i}", lat=50 + (i % 100) * 0.05, lon=30 + (i // 100) * 0.1)
                     for i in range(12_000)])
    # a slow device: markercluster reports progress only when adding takes longer than one 200 ms chunk, and a fast
    # machine adds 12,000 markers inside one (then there is nothing to wait for and no note)
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 20})
    page.add_init_script("""window.__loading = false; new MutationObserver(() => {
        if (document.querySelector('.im-loading')) { window.__loading = true; } })
        .observe(document, {childList: true, subtree: true});""")
    open_map(page, tmp_path, many, MapOptions(cluster_threshold=0))
    page.wait_for_function("!document.querySelector('.im-loading') && !document.querySelector('[data-loading]')",
                           timeout=TIMEOUT)
    assert page.evaluate("window.__loading")
    assert page.evaluate("IncidentMap.instances[0].getLayers().length") == 12_000
    assert_quiet(page)


def test_region_precision_incidents_are_dashed_rings_with_a_legend_entry(page, tmp_path, screenshot):
    incidents = kazan_incidents()
    frame = to_frame([incidents[0].with_changes(geo_precision="region"), *incidents[1:]])
    open_map(page, tmp_path, frame, MapOptions(cluster_threshold=1000))
    ring = page.locator(".im-icon.im-region")
    assert ring.count() == 1
    assert ring.get_attribute("aria-label").endswith("located to the region only")
    assert ring.locator("circle[stroke-dasharray]").count() == 1 and ring.locator("path").count() == 0
    assert page.locator(".im-legend li", has_text="Located to a region only").count() == 1
    screenshot(page, "map_region_ring")
    assert_quiet(page)
