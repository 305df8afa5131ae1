"""The map from the keyboard in Chromium: Tab reaches named markers with a focus ring, Enter or Space acts as a click."""

from __future__ import annotations

import re

import pytest

from dashboard.maps import MapOptions
from incidents.frames import to_frame
from tests.dashboard.maps_cases import HOSTILE, hostile_frame, kazan_frame, kazan_incidents
from tests.e2e.app_server import app_server, fill_store
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_app_e2e import MAP, MARKERS, TIMEOUT, painted_markers, wait_url
from tests.e2e.test_map_offline import assert_quiet, open_map

pytestmark = pytest.mark.e2e
MAX_TABS = 30  # Tab presses allowed to reach a map element from the map itself


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("keyboard") / "incidents.sqlite")
    with app_server(db) as url:
        yield url


def tab_to(page, scope, selector: str):
    """Press Tab until the focused element of `scope` (a page or frame locator) matches `selector`; that element."""
    focused = scope.locator(f"{selector}:focus")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused.count():
            return focused
    raise AssertionError(f"Tab never reached {selector}")


def settle(page) -> None:
    """Wait for the zoom and markercluster's animations to end: the clusters being replaced (faded out, still tab
    stops) are gone and every cluster left is opaque."""
    page.wait_for_function("""() => !document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim, .leaflet-cluster-anim')
        && [...document.querySelectorAll('.im-cluster')].every(n => getComputedStyle(n).opacity === '1')""")


def focus_ring(element) -> dict[str, str]:
    """The outline a focused element is drawn with."""
    return element.evaluate("n => { const s = getComputedStyle(n); return {style: s.outlineStyle, width: s.outlineWidth,"
                            " color: s.outlineColor}; }")


def assert_ring(element) -> None:
    ring = focus_ring(element)
    assert ring["style"] == "solid" and float(ring["width"].removesuffix("px")) >= 2, ring


def test_enter_on_a_focused_marker_opens_its_popup_and_the_detail_panel(server, page, screenshot):
    page.goto(server + "/?type=drone_strike")
    painted_markers(page, 1)
    page.locator(MAP).scroll_into_view_if_needed()
    frame = page.locator(MAP)
    frame.locator(".leaflet-container").first.focus()
    marker = tab_to(page, frame, MARKERS)
    assert marker.get_attribute("aria-label") == "Drone strike, Kazan, 2024-12-21"
    assert marker.get_attribute("role") == "button"
    assert frame.get_by_role("button", name="Drone strike, Kazan, 2024-12-21").count() == 1
    assert_ring(marker)
    assert "Kazan" in frame.locator(".leaflet-tooltip").inner_text()  # the hover tooltip shows on focus too
    screenshot(page, "map_keyboard_focus_app")
    page.keyboard.press("Enter")
    frame.locator(".leaflet-popup-content", has_text="Drones downed").wait_for(timeout=TIMEOUT)
    wait_url(page, r"id=kazan-strike")
    page.get_by_text("Distance claim check").wait_for(timeout=TIMEOUT)
    screenshot(page, "map_keyboard_enter_app")


def test_space_on_a_marker_and_an_airport_opens_their_popups(page, tmp_path, screenshot):
    open_map(page, tmp_path, kazan_frame(), MapOptions(cluster_threshold=1000))
    marker = tab_to(page, page, ".im-icon")
    assert marker.get_attribute("aria-label").startswith("Drone strike, Kazan, 2024-12-21")
    assert_ring(marker)
    page.keyboard.press(" ")
    page.locator(".leaflet-popup-content .im-popup", has_text="Drones downed").wait_for()
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    names = [page.locator(".im-icon").nth(i).get_attribute("aria-label") for i in range(4)]
    assert "Airspace restriction, Saratov, 2024-12-21, lifted" in names
    airport = tab_to(page, page, ".im-airport")
    assert airport.get_attribute("aria-label").startswith("Airport ")
    assert_ring(airport)
    screenshot(page, "map_keyboard_focus_airport")
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content", has_text="Restrictions").wait_for()
    assert_quiet(page)


def test_enter_on_a_cluster_zooms_in_and_space_spiderfies_a_cluster_at_one_point(page, tmp_path, screenshot):
    open_map(page, tmp_path, hostile_frame(copies=3), MapOptions(cluster_threshold=0))
    settle(page)
    zoom = page.evaluate("IncidentMap.instances[0]._map.getZoom()")
    cluster = tab_to(page, page, ".im-cluster")
    assert re.fullmatch(r"Cluster of \d+ incidents", cluster.get_attribute("aria-label"))
    assert_ring(cluster)
    screenshot(page, "map_keyboard_focus_cluster")
    page.keyboard.press("Enter")
    page.wait_for_function(f"IncidentMap.instances[0]._map.getZoom() > {zoom}")
    assert page.evaluate("document.activeElement.classList.contains('leaflet-container')")  # Tab goes on from the map
    same_place = to_frame([incident for incident in kazan_incidents()[:1] for _ in range(3)])
    open_map(page, tmp_path, same_place.assign(id=["a", "b", "c"]), MapOptions(cluster_threshold=0, max_zoom=8),
             name="same-place.html")
    settle(page)
    tab_to(page, page, ".im-cluster")
    page.keyboard.press(" ")
    focused = page.locator(".im-icon:focus")
    focused.wait_for()  # the first spread-out marker takes the focus
    assert focused.get_attribute("aria-label") == "Drone strike, Kazan, 2024-12-21"
    assert page.locator(".im-icon").count() == 3
    assert_quiet(page)


@pytest.mark.parametrize("threshold", [1000, 0], ids=["markers", "clusters"])
def test_hostile_names_are_inert_text(page, tmp_path, screenshot, threshold):
    open_map(page, tmp_path, hostile_frame(), MapOptions(cluster_threshold=threshold))
    icons = page.locator(".im-icon")
    names = [icons.nth(i).get_attribute("aria-label") for i in range(icons.count())]
    assert len(names) == len(HOSTILE)
    expected = {f"{'Airspace restriction' if i % 2 else 'Drone strike'}, {text}, 2024-12-{1 + i:02d}"
                + (", active" if i % 2 else "") for i, text in enumerate(HOSTILE[:7])}
    assert expected <= set(names)  # every payload kept to the letter: quotes, backticks, ${, backslashes, tags
    assert page.locator(".im-icon img, .im-icon script, .im-icon [onload], .im-icon [onerror]").count() == 0
    assert all(icons.nth(i).locator("svg").count() == 1 and icons.nth(i).locator("*").count() == 2
               for i in range(icons.count()))  # the icon holds its symbol and nothing the data brought
    airports = page.locator(".im-airport")
    assert any(HOSTILE[1] in (airports.nth(i).get_attribute("aria-label") or "") for i in range(airports.count()))
    marker = tab_to(page, page, ".im-icon")
    assert marker.get_attribute("aria-label") in names
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content .im-popup").wait_for()
    by_name = page.get_by_role("button", name=f"Airspace restriction, {HOSTILE[3]}, 2024-12-04, active", exact=True)
    assert by_name.count() == 1  # the accessibility tree has the literal text as the name
    assert page.evaluate("window.__pwned") is None
    assert_quiet(page)
    screenshot(page, f"map_keyboard_hostile_{'markers' if threshold else 'clusters'}")
    assert (ARTIFACTS / f"map_keyboard_hostile_{'markers' if threshold else 'clusters'}.png").exists()
