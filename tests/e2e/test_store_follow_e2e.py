"""#16 in the browser: another writer's incident appears on an open map page within seconds, with no reload."""

from __future__ import annotations

import pytest

from incidents.storage import open_store
from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import MAP, painted_markers
from tests.incidents.factory import make

pytestmark = pytest.mark.e2e
LEGEND_TOTAL = f"{MAP} .im-legend .im-title"


def test_another_writers_save_shows_on_an_open_page_without_a_reload(tmp_path, page):
    db = fill_store(tmp_path / "incidents.sqlite", [make(id="a", place="Kazan"), make(id="b", place="Izhevsk")])
    with app_server(db) as url:
        page.goto(url + "/")
        painted_markers(page, 2)
        page.get_by_text("Timeline", exact=False).first.wait_for(timeout=30_000)  # the first page's follow-up run
        page.wait_for_timeout(1000)  # ... and its repaint are over: from now on only the store watch reruns
        assert page.locator(LEGEND_TOTAL).inner_text() == "Incidents: 2"
        store = open_store(str(db))
        try:
            store.upsert([make(id="c", place="Saratov", lat=51.53, lon=46.03)])
        finally:
            store.close()
        page.wait_for_function("sel => document.querySelector(sel).textContent === 'Incidents: 3'", arg=LEGEND_TOTAL,
                               timeout=20_000)  # polled every 5 s; the rerun and repaint take the rest
        assert not page.page_errors
