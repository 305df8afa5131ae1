"""A filter change swaps the timeline's data in place: the browser keeps the chart it drew instead of building a new
one (the chart's spec is the same for every window), which was a large part of a repaint's CPU in the browser."""

from __future__ import annotations

import pytest

from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import painted_markers, wait_kpi

pytestmark = pytest.mark.e2e
TIMEOUT = 60_000
CHART = "[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg.marks"
# The drawn chart's node and what it shows (a canvas's pixels, or an svg's markup).
DRAWN = """(sel) => {
    const node = document.querySelector(sel);
    if (!node) return null;
    return node.tagName === 'CANVAS' ? node.toDataURL() : node.outerHTML;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("chart") / "incidents.sqlite")
    with app_server(db) as url:
        yield url


def test_a_filter_change_redraws_the_timeline_in_the_same_chart(server, page):
    page.goto(server + "/")
    painted_markers(page, 7)
    page.locator(CHART).first.wait_for(timeout=TIMEOUT)  # the timeline follows the map on a session's first page
    page.wait_for_timeout(500)  # let Vega finish its first render
    before = page.evaluate(DRAWN, CHART)
    page.evaluate("(sel) => { document.querySelector(sel).__kept = true; }", CHART)
    page.get_by_text("7 days", exact=True).click()
    wait_kpi(page, "Incidents", "5")
    painted_markers(page, 5)
    page.wait_for_function("([sel, before]) => { const n = document.querySelector(sel); if (!n) return false;"
                           " const now = n.tagName === 'CANVAS' ? n.toDataURL() : n.outerHTML; return now !== before; }",
                           arg=[CHART, before], timeout=TIMEOUT)  # the chart shows the new window
    assert page.evaluate("(sel) => document.querySelector(sel).__kept === true", CHART), "the chart was rebuilt"
    assert not page.page_errors



def test_a_span_dragged_across_the_timeline_sets_the_date_window(server, page):
    page.goto(server + "/")
    painted_markers(page, 7)
    chart = page.locator(CHART).first
    chart.wait_for(timeout=TIMEOUT)
    page.wait_for_timeout(500)  # let Vega finish its first render
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(box["x"] + box["width"] * 0.3, y)  # inside the plot, right of the y axis
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=8)
    page.mouse.up()
    page.wait_for_function("() => /[?&]start=\\d{4}-\\d\\d-\\d\\d&end=\\d{4}-/.test(location.search)", timeout=TIMEOUT)
    assert not page.page_errors
