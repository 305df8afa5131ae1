"""Hostile text in Chromium: no payload runs in popups, tooltips or the legend, and the map still renders."""

import pytest

from dashboard.maps import MapOptions, build_map, render_html
from tests.dashboard.maps_cases import HOSTILE, hostile_frame
from tests.e2e.conftest import toggle_layer

pytestmark = pytest.mark.e2e
PROBE = "window.__pwned"


class HostileReference:
    """A reference city whose name is a payload: it reaches the layer control (innerHTML), legend and popups."""

    name, lat, lon = HOSTILE[6], 55.75, 37.62


@pytest.mark.parametrize("threshold", [1000, 0], ids=["markers", "clusters"])
def test_no_payload_runs_and_text_shows_literally(page, tmp_path, screenshot, threshold):
    path = tmp_path / "hostile.html"
    options = MapOptions(cluster_threshold=threshold, choropleth=True, heatmap=True, playback=True)
    path.write_text(render_html(build_map(hostile_frame(), reference=HostileReference(), options=options)), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-imBase-pane svg path", state="attached")
    group = "IncidentMap.instances[0]"
    count = page.evaluate(f"{group}.incidentData.n")
    assert count == len(HOSTILE)
    texts, links = [], []
    for i in range(count):
        texts.append(page.evaluate(f"{group}.openIncident({i}).textContent"))
        links += page.evaluate("Array.from(document.querySelectorAll('.im-popup a')).map(a => a.href)")
        page.evaluate(f"document.body.appendChild({group}.tooltipFor({i}))")
    toggle_layer(page, "Time playback")
    page.locator(".im-playback button").click()  # play: labels and markers are redrawn
    page.wait_for_function("document.querySelector('.im-playback span').textContent.includes('8 incidents')")
    airports = page.locator(".im-airport")
    for i in range(airports.count()):
        airports.nth(i).dispatch_event("click")
        texts.append(page.locator(".leaflet-popup-content").last.inner_text())
    assert any(HOSTILE[1] in text for text in texts[count:]), "the airport layer names its airport in plain text"
    choropleth = page.locator(".leaflet-imChoro-pane path")
    assert choropleth.count() > 0
    choropleth.first.dispatch_event("mouseover")
    assert page.evaluate(PROBE) is None
    assert page.dialogs == []
    assert page.console_errors == [] and page.page_errors == []
    assert any(HOSTILE[0] in text for text in texts)  # shown as text, not parsed
    assert any("${window.__pwned=3}" in text for text in texts)
    page.hover(".leaflet-control-layers")
    assert HOSTILE[6] in page.locator(".leaflet-control-layers-overlays").inner_text()
    assert HOSTILE[6] in page.locator(".im-legend").first.text_content()  # folded or not, shown as text
    assert links and all(link.startswith("https://ok.example/") for link in links)
    assert page.locator(".im-icon, .im-cluster").count() > 0
    screenshot(page, f"map_hostile_{'markers' if threshold else 'clusters'}")
