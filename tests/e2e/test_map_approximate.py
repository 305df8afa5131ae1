"""Approximate points in Chromium: a dotted ring around the type's symbol (never the region's dashed ring), a legend
entry of their own, and a popup that says the point is approximate and keeps the distance."""

from __future__ import annotations

import pytest

from dashboard.maps import MapOptions
from incidents.frames import to_frame
from tests.dashboard.maps_cases import kazan_incidents
from tests.e2e.test_map_offline import assert_quiet, open_map

pytestmark = pytest.mark.e2e


def test_approximate_points_are_dotted_rings_with_a_popup_note(page, tmp_path, screenshot):
    incidents = kazan_incidents()
    village = incidents[0].with_changes(geo_precision="approximate", place="30 km south of Belgorod", admin1="Belgorod",
                                        lat=50.3266, lon=36.5872)
    frame = to_frame([village, incidents[1].with_changes(geo_precision="region"), *incidents[2:]])
    open_map(page, tmp_path, frame, MapOptions(cluster_threshold=1000))
    marker = page.locator(".im-icon.im-approx")
    assert marker.count() == 1 and page.locator(".im-icon.im-region").count() == 1
    assert marker.get_attribute("aria-label").endswith("approximate point")
    assert marker.locator("path").count() == 1  # the type's symbol is kept: a point, not a region
    assert marker.locator("circle[stroke-dasharray]").count() == 1
    assert page.locator(".im-legend li", has_text="Approximate point").count() == 1
    marker.click()
    popup = page.locator(".im-popup")
    popup.wait_for()
    assert "approximate point (30 km south of Belgorod)" in popup.inner_text()
    screenshot(page, "map_approximate_point")
    assert_quiet(page)
