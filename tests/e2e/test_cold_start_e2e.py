"""The map's assets in Chromium: requested once, at the page run's start, before the map's element exists."""

from __future__ import annotations

import pytest

from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import painted_markers

pytestmark = pytest.mark.e2e
# When the live map's element joins the page (performance.now() ms), recorded from the first byte of the page.
WATCH = """window.__mapAdded = null;
new MutationObserver(() => {
    if (window.__mapAdded === null && document.querySelector('[data-testid=incident-map]'))
        window.__mapAdded = performance.now();
}).observe(document, {childList: true, subtree: true});"""


def test_the_map_scripts_are_requested_once_before_the_map_element_exists(tmp_path, page):
    db = fill_store(tmp_path / "incidents.sqlite")
    page.add_init_script(WATCH)
    with app_server(db) as url:
        page.goto(url + "/")
        painted_markers(page, 7)
        found = page.evaluate("""() => [window.__mapAdded, performance.getEntriesByType('resource')
            .filter(e => /\\/vendor\\/(leaflet\\/leaflet|incidentmap\\/incidentmap)\\.js$/.test(e.name))
            .map(e => e.startTime)]""")
    added, starts = found
    assert len(starts) == 2  # leaflet.js and incidentmap.js, each once: the map element used the page's one load
    assert max(starts) < added
    assert not page.page_errors
