"""Filters survive a sidebar widget whose code reaches the browser late (a busy machine): it mounts with a later
run's element, and must start from the filter's value, not from its empty default sent back as the user's choice."""

from __future__ import annotations

import re

import pytest

from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import TIMEOUT, wait_kpi, wait_url

pytestmark = pytest.mark.e2e
MULTISELECT_CHUNK = re.compile(r"/static/js/Multiselect\.[\w-]+\.js$")  # Streamlit's lazily loaded widget code
SIDEBAR = "[data-testid=stSidebar]"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("late") / "incidents.sqlite")
    with app_server(db) as url:
        yield url


def test_a_type_filter_whose_widget_mounts_late_survives_the_next_change(server, page):
    held = []
    page.route(MULTISELECT_CHUNK, lambda route: held.append(route))  # the multiselects' code waits: released below
    page.goto(server + "/?start=2024-12-20&end=2024-12-21&type=interception")
    page.get_by_text("No incidents match").wait_for(timeout=TIMEOUT)
    page.get_by_text("7 days", exact=True).click()
    wait_url(page, r"start=2024-12-15.*type=interception")
    wait_kpi(page, "Incidents", "1")
    assert held, "the multiselect code was not requested: the test would prove nothing"
    for route in held:  # the code arrives now: the multiselects mount with the 7-days run's elements
        route.continue_()
    page.locator(SIDEBAR).locator("[data-testid=stMultiSelect]").nth(3).wait_for(timeout=TIMEOUT)  # all four drawn
    page.get_by_text("30 days", exact=True).click()
    wait_url(page, r"start=2024-11-22")
    assert "type=interception" in page.url
    wait_kpi(page, "Incidents", "1")
    assert page.locator(SIDEBAR).get_by_text("Interception", exact=True).is_visible()  # the chosen type is shown
