"""INCIDENT_MAP_BASEMAP in Chromium with the network blocked: a tiny vector PMTiles and a raster MBTiles archive,
made here, are served by the app process and painted under the incidents at street level."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import MAP, TIMEOUT, painted_markers
from tests.e2e.tile_archive import write_mbtiles, write_pmtiles

pytestmark = pytest.mark.e2e
KAZAN = (55.7900, 49.1200)
THE_MAP = "IncidentMap.lives[0].map"


def share_of(page, shot, wanted) -> float:
    """The share of the map's pixels for which wanted((r, g, b)) holds."""
    box = page.locator(f"{MAP} .leaflet-container").bounding_box()
    with Image.open(shot) as image:
        crop = image.convert("RGB").crop((int(box["x"]), int(box["y"]), int(box["x"] + box["width"]),
                                          int(min(box["y"] + box["height"], image.height))))
        pixels = [crop.getpixel((x, y)) for y in range(0, crop.height, 2) for x in range(0, crop.width, 2)]
    return sum(1 for p in pixels if wanted(p)) / max(1, len(pixels))


def centre_colour(page, shot) -> tuple[int, int, int]:
    box = page.locator(f"{MAP} .leaflet-container").bounding_box()
    with Image.open(shot) as image:
        return image.convert("RGB").getpixel((int(box["x"] + box["width"] / 2), int(box["y"] + box["height"] / 2)))


def show_street_level(page, server: str) -> None:
    page.goto(server + "/")
    painted_markers(page)
    page.wait_for_function(f"document.querySelector('{MAP} .leaflet-container').dataset.archive", timeout=TIMEOUT)
    page.evaluate(f"{THE_MAP}.setView([{KAZAN[0]}, {KAZAN[1]}], 15, {{animate: false}})")


def test_vector_pmtiles_paint_at_street_level(tmp_path, page, screenshot):
    archive = write_pmtiles(tmp_path / "region.pmtiles", *KAZAN)
    db = fill_store(tmp_path / "incidents.sqlite")
    with app_server(db, extra_env={"INCIDENT_MAP_BASEMAP": str(archive)}) as server:
        show_street_level(page, server)
        page.wait_for_function("document.querySelectorAll('.leaflet-imArchive-pane canvas').length > 0", timeout=TIMEOUT)
        page.wait_for_timeout(1500)  # protomaps-leaflet paints after its fetches
        assert page.evaluate(f"{THE_MAP}.getZoom()") == 15
        shot = screenshot(page, "map_archive_pmtiles_z15")
        assert share_of(page, shot, lambda p: p[2] > p[0] + 60) > 0.05  # the archive's lake, in the flavour's water
        assert share_of(page, shot, lambda p: p == (0xCC, 0xCC, 0xCC)) < 0.01  # no grey where the archive has no tile
        credit = page.locator(".leaflet-control-attribution").inner_text()
        assert "OpenStreetMap contributors" in credit and "<a" not in credit
        assert page.blocked == [] and not page.page_errors


def test_raster_mbtiles_paint_through_the_tile_route(tmp_path, page, screenshot):
    archive = write_mbtiles(tmp_path / "region.mbtiles", *KAZAN, rgb=(200, 30, 160))
    db = fill_store(tmp_path / "incidents.sqlite")
    with app_server(db, extra_env={"INCIDENT_MAP_BASEMAP": str(archive)}) as server:
        show_street_level(page, server)
        page.wait_for_function("[...document.querySelectorAll('.leaflet-imArchive-pane img')].some(i => i.complete"
                               " && i.naturalWidth > 0)", timeout=TIMEOUT)
        page.wait_for_timeout(500)
        shot = screenshot(page, "map_archive_mbtiles_z15")
        assert centre_colour(page, shot) == pytest.approx((200, 30, 160), abs=8)
        assert "OpenStreetMap contributors" in page.locator(".leaflet-control-attribution").inner_text()
        assert page.blocked == [] and not page.page_errors
