"""A page widget changed in the same moment as the map reports to the server: Streamlit's browser code sends both
in one request scoped to the map's fragment, and the page must still follow (a busy machine makes this common)."""

from __future__ import annotations

import pytest

from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import TIMEOUT, wait_kpi, wait_url

pytestmark = pytest.mark.e2e
SIDEBAR = "[data-testid=stSidebar]"

# In one task of the page: the live map asks for place names (a state report of the map's fragment), then the user
# clicks a preset. Streamlit batches widget updates until its next timer and sends the batch with the first
# fragment id it saw: the preset's change reaches the server as a rerun of the map fragment alone.
REPORT_AND_CLICK = """(preset) => {
    const live = window.IncidentMap.lives[0];
    live.hooks.needLabels(Object.assign(live.view(), {n: 1e6}));
    const label = [...document.querySelectorAll('[data-testid=stSidebar] label')]
        .find((l) => l.innerText.trim() === preset);
    label.click();
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("batch") / "incidents.sqlite")
    with app_server(db) as url:
        yield url


def test_a_preset_clicked_while_the_map_reports_redraws_the_page(server, page):
    page.goto(server + "/?start=2024-12-15&end=2024-12-21&type=interception")
    wait_kpi(page, "Incidents", "1")
    page.get_by_text("Timeline", exact=True).wait_for(timeout=TIMEOUT)  # the first page's follow-up run is over
    page.wait_for_function("() => (window.IncidentMap?.lives || []).length === 1", timeout=TIMEOUT)
    page.locator(SIDEBAR).get_by_text("30 days", exact=True).wait_for(timeout=TIMEOUT)
    page.evaluate(REPORT_AND_CLICK, "30 days")
    wait_url(page, r"start=2024-11-22.*type=interception")
    wait_kpi(page, "Incidents", "1")
    assert page.get_by_text("Window: 2024-11-22 – 2024-12-21", exact=False).first.is_visible()
