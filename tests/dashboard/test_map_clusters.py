"""Server-side clusters and the live map's spec: exact counts that add up, bytes per view, markers once zoomed in."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from dashboard.components.map_data import Drawn, map_spec, prepare, view_from_state
from dashboard.data import Reference
from dashboard.maps import MapOptions
from dashboard.maps.clusters import (
    View,
    contains,
    covered,
    grid_clusters,
    in_view,
    view_clusters,
    zoom_for,
)
from incidents.frames import to_frame
from incidents.synth import synthesize
from tests.dashboard.maps_cases import kazan_incidents

MOSCOW = Reference("Moscow", 55.7558, 37.6173)


def points(n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(44, 60, n), rng.uniform(25, 60, n), rng.integers(0, 7, n)


@pytest.mark.parametrize("zoom", [0, 3, 6, 9, 13])
def test_cluster_counts_add_up_to_the_selection(zoom):
    lats, lons, types = points(20_000)
    lats[:50], lons[:50] = -33.9, 151.2  # some far away, in another hemisphere
    found = view_clusters(lats, lons, View(50, 35, 55, 45, zoom), types, 7)
    assert int(found.count.sum()) == len(lats)
    assert (found.by_type.sum(axis=1) == found.count).all()
    assert (np.bincount(types, minlength=7) == found.by_type.sum(axis=0)).all()


def test_a_finer_zoom_splits_clusters_and_centres_are_means():
    lats = np.array([50.0, 50.001, 10.0])
    lons = np.array([30.0, 30.001, 10.0])
    coarse = grid_clusters(lats, lons, 2)
    assert sorted(coarse.count.tolist()) == [1, 2]
    pair = int(np.argmax(coarse.count))
    assert coarse.lat[pair] == pytest.approx(50.0005) and coarse.lon[pair] == pytest.approx(30.0005)
    assert len(grid_clusters(lats, lons, 20)) == 3


def test_the_view_wraps_the_antimeridian():
    lats, lons = np.array([0.0, 0.0, 0.0]), np.array([179.0, -179.0, 0.0])
    assert in_view(lats, lons, View(-5, 170, 5, 190, 5)).tolist() == [True, True, False]
    assert in_view(lats, lons, View(-5, -180, 5, 180, 1)).all()


def test_zoom_for_matches_the_box():
    assert zoom_for((-80, -180, 80, 180), 900, 520) <= 2
    assert zoom_for((55.7, 49.0, 55.9, 49.3), 900, 520) >= 9


def test_clustering_a_million_is_fast():
    lats, lons, types = points(1_000_000)
    view_clusters(lats, lons, View(50, 35, 55, 45, 5), types, 7)
    start = time.perf_counter()
    found = view_clusters(lats, lons, View(50, 35, 55, 45, 5), types, 7)
    assert time.perf_counter() - start < 1.0
    assert int(found.count.sum()) == 1_000_000


def spec_for(frame, view=None, limit=50_000, options=None):
    prepared = prepare(frame, MOSCOW, "t", browser_limit=limit)
    return prepared, *map_spec(prepared, MOSCOW, options or MapOptions(), view, 520, lambda _: True, False)


@pytest.fixture(scope="module")
def synthetic():
    return synthesize(3000, seed=3)


def test_server_clusters_and_markers_add_up_to_the_selection(synthetic):
    prepared, spec, drawn = spec_for(synthetic, limit=1000)
    part = spec["incidents"]
    assert prepared.server and spec["report"]
    assert part["payload"] is None and sum(part["clusters"]["n"]) == len(synthetic)
    zoomed = View(55.70, 37.45, 55.80, 37.75, 12)  # closer in: few incidents near the view go as markers
    _, spec, drawn = spec_for(synthetic, zoomed, limit=1000)
    part = spec["incidents"]
    markers = part["payload"]["n"] if part["payload"] else 0
    assert markers == len(drawn.ids) and markers + sum(part["clusters"]["n"]) == len(synthetic)
    assert in_view(drawn.lats, drawn.lons, covered(zoomed)).all()


def test_a_small_pan_is_answered_by_what_was_sent(synthetic):
    """A pan inside the region sent needs no new payload: the same id (nothing redrawn), and the browser is told the
    region (it then does not even ask)."""
    view = View(55.70, 37.45, 55.80, 37.75, 12)
    nudged = View(55.71, 37.47, 55.81, 37.77, 12)
    _, spec, _ = spec_for(synthetic, view, limit=1000)
    _, again, _ = spec_for(synthetic, nudged, limit=1000)
    covers = spec["incidents"]["covers"]
    assert again["incidents"]["id"] == spec["incidents"]["id"]
    assert covers["markers"] and covers["zoom"] == 12
    assert contains(View(covers["south"], covers["west"], covers["north"], covers["east"], 12), view.padded())
    _, zoomed_out, _ = spec_for(synthetic, View(50, 30, 60, 45, 6), limit=1000)
    assert zoomed_out["incidents"]["id"] != spec["incidents"]["id"]


def test_the_covered_region_holds_the_padded_view_on_whole_tiles():
    for view in (View(55.7, 37.4, 55.8, 37.7, 12), View(-10, 170, 10, 200, 4), View(-85, -180, 85, 180, 1)):
        region = covered(view)
        assert contains(region, view.padded()) and region.zoom == view.zoom
        tile = 360.0 / 2**view.zoom
        assert abs((region.west + 180.0) / tile - round((region.west + 180.0) / tile)) < 1e-4


def test_a_small_selection_goes_to_the_browser_whole(synthetic):
    prepared, spec, drawn = spec_for(synthetic)
    assert not prepared.server and not spec["report"]
    assert spec["incidents"]["clusters"] is None and spec["incidents"]["payload"]["n"] == len(synthetic) == len(drawn.ids)


def test_bytes_for_one_view_stay_small_whatever_the_selection():
    frame = synthesize(120_000, seed=5)
    for view in (None, View(40, 20, 60, 60, 5), View(50, 30, 51, 32, 11)):
        _, spec, _ = spec_for(frame, view, options=MapOptions())
        spec["basemap"]["geo"] = None  # sent once per session, not per view
        assert len(json.dumps(spec).encode()) < 5_000_000


def test_a_click_resolves_to_the_drawn_incident_and_its_neighbours_at_the_same_point():
    drawn = Drawn("v1", np.array(["a", "b", "c"]), np.array([55.0, 55.0, 56.0]), np.array([37.0, 37.0, 38.0]))
    assert drawn.clicked(1, "v1") == ["b", "a"]
    assert drawn.clicked(2, "v1") == ["c"]
    assert drawn.clicked(2, "v0") == []  # a click on data the map no longer shows
    assert drawn.clicked(7, "v1") == []


def test_region_precision_incidents_have_their_own_legend_entry():
    incidents = kazan_incidents()
    frame = to_frame([incidents[0].with_changes(geo_precision="region"), *incidents[1:]])
    _, spec, _ = spec_for(frame)
    region = [e for e in spec["legend"]["spec"]["entries"] if e.get("region")]
    assert region and region[0]["count"] == 1
    flags = spec["incidents"]["payload"]["precisions"]
    assert "region" in flags


def test_reported_views_are_checked():
    assert view_from_state({"south": 1, "west": 2, "north": 3, "east": 4, "zoom": 5}) == View(1, 2, 3, 4, 5)
    assert view_from_state({"south": "x"}) is None
    assert view_from_state(None) is None
    assert view_from_state({"south": float("nan"), "west": 2, "north": 3, "east": 4, "zoom": 5}) is None


def test_long_sources_stay_out_of_a_large_payload():
    frame = synthesize(6000, seed=7)
    frame["sources"] = [[{"title": "t", "url": f"https://example.org/{i}", "excerpt": "x" * 400}] for i in range(len(frame))]
    _, spec, _ = spec_for(frame)
    assert len(json.dumps(spec["incidents"]).encode()) < 400_000  # ~37 bytes per incident, no 400-byte excerpts
    _, spec, _ = spec_for(frame.head(50))
    assert "x" * 400 in json.dumps(spec["incidents"])  # a small map keeps them in its popups
