"""The app in Debian Chromium on a real server: map, window -> markers/KPIs/URL, permalinks, import, CSV."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests.e2e.app_server import app_server, fill_store
from tests.e2e.conftest import pixel_spread

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "incidents" / "samples" / "articles" / "000_kazan_2024-12-21.txt"
MAP = "[data-testid=incident-map]"
MARKERS = ".leaflet-marker-icon.im-icon"
TIMEOUT = 60_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("app") / "incidents.sqlite")
    with app_server(db) as url:
        yield url


@pytest.fixture
def empty_server(tmp_path):
    with app_server(tmp_path / "empty.sqlite") as url:
        yield url


def painted_markers(page, expected: int | None = None) -> int:
    """Wait until the one map shows painted incident markers (as many as `expected`, when given); their count.

    Checked in one step in the page: after a filter change the map takes the new markers in place of the old.
    """
    handle = page.wait_for_function(
        """([sel, marker, n]) => {
            const maps = document.querySelectorAll(sel);
            if (maps.length !== 1) return false;
            const all = [...maps[0].querySelectorAll(marker)];
            const painted = all.some(m => m.checkVisibility({visibilityProperty: true}));
            return painted && (n === null || all.length === n) ? all.length : false;
        }""",
        arg=[MAP, MARKERS, expected],
        timeout=TIMEOUT,
    )
    return int(handle.json_value())


def wait_url(page, pattern: str) -> None:
    """Wait until the address (updated in place by the app, no navigation) matches the regular expression."""
    page.wait_for_function("p => new RegExp(p).test(location.href)", arg=pattern, timeout=TIMEOUT)


def kpi(page, label: str) -> str:
    """The value of the KPI tile called `label`."""
    tile = page.locator("[data-testid=stMetric]", has_text=label).first
    return tile.locator("[data-testid=stMetricValue]").inner_text().strip()


def wait_kpi(page, label: str, value: str) -> None:
    page.locator("[data-testid=stMetric]", has_text=label).locator(
        "[data-testid=stMetricValue]", has_text=re.compile(f"^{re.escape(value)}$")
    ).first.wait_for(timeout=TIMEOUT)


def test_map_paints_with_markers(server, page, screenshot):
    page.goto(server + "/")
    assert painted_markers(page, 7) == 7
    wait_kpi(page, "Incidents", "7")
    shot = screenshot(page, "app_map_1280x800")
    assert pixel_spread(shot) > 10
    assert not page.page_errors
    assert not page.blocked, page.blocked  # fully offline: no CDN, no font or favicon fetches


def test_date_window_changes_markers_kpis_and_url(server, page, screenshot):
    page.goto(server + "/")
    painted_markers(page, 7)
    page.get_by_text("7 days", exact=True).click()
    wait_url(page, r"start=2024-12-15.*end=2024-12-21")
    wait_kpi(page, "Incidents", "5")
    assert painted_markers(page, 5) == 5
    screenshot(page, "app_map_7_days")


def test_reloading_a_permalink_restores_the_view(server, page):
    page.goto(server + "/?start=2024-12-21&end=2024-12-21&type=airspace_restriction")
    wait_kpi(page, "Incidents", "3")
    assert painted_markers(page, 3) == 3
    page.reload()
    wait_kpi(page, "Incidents", "3")
    assert "type=airspace_restriction" in page.url and "start=2024-12-21" in page.url
    page.get_by_text("Airspace restriction", exact=True).first.wait_for(timeout=TIMEOUT)  # the type picker shows it
    assert page.get_by_text("In this view: Drone strike 1").first.is_visible()  # counts beside it, not in it


def test_the_type_filter_survives_two_window_changes(server, page):
    """The browser sends a multiselect's labels back as its value: with the count inside the label ("Interception
    (0)" becoming "(1)"), the second window change dropped the type."""
    page.goto(server + "/?start=2024-12-20&end=2024-12-21&type=interception")
    page.get_by_text("No incidents match").wait_for(timeout=TIMEOUT)
    page.get_by_text("7 days", exact=True).click()
    wait_url(page, r"start=2024-12-15.*type=interception")
    wait_kpi(page, "Incidents", "1")
    page.get_by_text("30 days", exact=True).click()
    wait_url(page, r"start=2024-11-22.*type=interception")
    wait_kpi(page, "Incidents", "1")


def test_empty_window_shows_the_empty_state_and_widens(server, page, screenshot):
    page.goto(server + "/?start=2030-01-01&end=2030-01-02")
    page.get_by_text("No incidents match").wait_for(timeout=TIMEOUT)
    widen = page.get_by_role("button", name="Show all dates")
    widen.wait_for(timeout=TIMEOUT)
    screenshot(page, "app_empty_state")
    widen.click()
    wait_kpi(page, "Incidents", "7")
    assert "start=" not in page.url


def test_invalid_parameters_are_reported(server, page):
    page.goto(server + "/?start=yesterday&type=nuke")
    page.get_by_text("Ignored start=").wait_for(timeout=TIMEOUT)
    wait_kpi(page, "Incidents", "7")


def test_csv_download_is_valid(server, page):
    page.goto(server + "/?type=drone_strike")
    wait_kpi(page, "Incidents", "1")
    with page.expect_download(timeout=TIMEOUT) as download:
        page.get_by_role("button", name="Download CSV", exact=True).click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == ["kazan-strike"]
    assert rows[0]["drones_downed"] == "6" and rows[0]["started_at"] == "2024-12-21T07:40+03:00"
    assert download.value.suggested_filename == "incidents_all.csv"
    assert page.get_by_role("button", name="Download as CSV").count() == 0  # the table's unguarded export is hidden


def test_clicking_a_marker_opens_its_details(server, page):
    page.goto(server + "/?type=drone_strike")
    painted_markers(page, 1)
    page.locator(MAP).scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # let the scroll settle so the click lands on the marker, not beside it
    page.locator(MAP).locator(MARKERS).first.click()
    wait_url(page, r"id=kazan-strike")
    page.get_by_text("Distance claim check").wait_for(timeout=TIMEOUT)


def test_pasting_the_seed_article_puts_the_kazan_strike_on_the_map(empty_server, page, screenshot):
    page.goto(empty_server + "/import")
    page.get_by_label("Article or data").fill(SEED.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Extract / read").click()
    page.get_by_text("Review: 4 incident(s)").wait_for(timeout=TIMEOUT)
    screenshot(page, "app_import_review")
    page.get_by_role("button", name=re.compile(r"^Save 4 incident")).click()
    page.get_by_text("4 new").wait_for(timeout=TIMEOUT)
    page.get_by_role("link", name="See them on the map").click()
    wait_kpi(page, "Strikes", "1")
    assert painted_markers(page, 4) == 4
    page.locator(MAP).get_by_text("Drone strike").first.wait_for(state="attached", timeout=TIMEOUT)  # in the key (open or folded)
    screenshot(page, "app_after_import")


def test_narrow_screen_still_shows_kpis_and_map(server, browser):
    context = browser.new_context(viewport={"width": 420, "height": 900})
    narrow = context.new_page()
    try:
        narrow.goto(server + "/")
        painted_markers(narrow, 7)
        wait_kpi(narrow, "Incidents", "7")
        from tests.e2e.conftest import ARTIFACTS

        ARTIFACTS.mkdir(exist_ok=True)
        narrow.screenshot(path=str(ARTIFACTS / "app_narrow_420.png"))
    finally:
        context.close()


def test_the_demo_map_key_starts_folded_where_it_would_cover_western_incidents(page, tmp_path):
    """The key is checked against the view after the fit's animated zoom (checked before it, the key stayed open over
    the westernmost incidents on about half of the page loads)."""
    from incidents.samples import load_samples

    demo = load_samples()[0]
    db = fill_store(tmp_path / "demo.sqlite", demo)
    page.set_viewport_size({"width": 1280, "height": 800})
    with app_server(db) as url:
        for _ in range(3):
            page.goto(url + "/")
            assert painted_markers(page) == len(demo)  # every demo incident is painted
            frame = page.locator(MAP)
            frame.locator(".im-legend").first.wait_for(state="attached", timeout=TIMEOUT)
            page.wait_for_function(
                "sel => !document.querySelector(sel).querySelector('.leaflet-zoom-anim, .leaflet-pan-anim')",
                arg=MAP, timeout=TIMEOUT,
            )
            page.wait_for_timeout(300)
            assert frame.locator(".im-legend.im-collapsed").count() == 1
