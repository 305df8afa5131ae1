"""Hostile text in Chromium: no payload runs in popups, tooltips or the legend, and the map still renders."""

import pytest

from dashboard.maps import MapOptions, build_map, render_html
from tests.dashboard.maps_cases import HOSTILE, hostile_frame
from tests.e2e.conftest import toggle_layer

pytestmark = pytest.mark.e2e
PROBE = "window.__pwned"


@pytest.mark.parametrize("threshold", [1000, 0], ids=["markers", "clusters"])
def test_no_payload_runs_and_text_shows_literally(page, tmp_path, screenshot, threshold):
    path = tmp_path / "hostile.html"
    options = MapOptions(cluster_threshold=threshold, choropleth=True, heatmap=True, playback=True)
    path.write_text(render_html(build_map(hostile_frame(), options=options)), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-imBase-pane svg path", state="attached")
    group = "IncidentMap.instances[0]"
    count = page.evaluate(f"{group}.incidentData.n")
    assert count == len(HOSTILE)
    texts = []
    for i in range(count):
        texts.append(page.evaluate(f"{group}.openIncident({i}).textContent"))
        page.evaluate(f"document.body.appendChild({group}.tooltipFor({i}))")
    toggle_layer(page, "Time playback")
    page.wait_for_timeout(300)
    assert page.evaluate(PROBE) is None
    assert page.dialogs == []
    assert page.console_errors == [] and page.page_errors == []
    assert any(HOSTILE[0] in text for text in texts)  # shown as text, not parsed
    assert any("${window.__pwned=3}" in text for text in texts)
    links = page.evaluate("Array.from(document.querySelectorAll('.im-popup a')).map(a => a.href)")
    assert links and all(link.startswith("https://ok.example/") for link in links)
    assert page.locator(".im-icon, .im-cluster").count() > 0
    screenshot(page, f"map_hostile_{'markers' if threshold else 'clusters'}")
