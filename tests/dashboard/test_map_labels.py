"""The maps' place-name labels: a standalone map carries its area's labels, the live map gets one view's at a time."""

import pytest

from dashboard.maps import MapOptions, build_map, render_html
from dashboard.maps.labels import PlaceLabels, area_label_rows, label_script, padded_view, view_labels
from tests.dashboard.maps_cases import kazan_frame


def label_layer(m):
    return next(child for child in m._children.values() if isinstance(child, PlaceLabels))


def test_standalone_map_carries_the_areas_labels_with_their_first_zoom():
    m = build_map(kazan_frame())
    rows = label_layer(m).rows
    codes = {row[2]: row[4] for row in rows}  # position per zoom from zoom 3
    assert codes["Kazan"][6 - 3] in "01234567" and codes["Zelenodolsk"][9 - 3] in "01234567"
    assert max(len(code) for code in codes.values()) <= 13 - 3 + 1
    assert 50 < len(rows) < 5000
    html = render_html(m)
    assert "IncidentMap.placeLabels" in html and "Place names: GeoNames" in html  # layer code and credit inlined


def test_online_tiles_carry_their_own_names():
    layer = label_layer(build_map(kazan_frame(), options=MapOptions(tiles="osm")))
    assert not layer.show and layer.rows  # listed in the layer control, unticked


def test_labels_can_be_left_out():
    m = build_map(kazan_frame(), options=MapOptions(place_labels=False))
    assert not any(isinstance(child, PlaceLabels) for child in m._children.values())


def test_script_setting(monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_LABEL_SCRIPT", "Cyrillic")
    assert label_script() == "cyrillic"
    rows = area_label_rows((52.0, 45.0, 59.0, 53.0), 2, 13, label_script())
    assert "Казань" in {row[2] for row in rows}
    monkeypatch.setenv("INCIDENT_MAP_LABEL_SCRIPT", "klingon")
    assert label_script() == "latin"


def test_a_world_view_past_the_poles_is_answered():
    part = view_labels({"south": -120, "west": -300, "north": 120, "east": 300, "zoom": 0, "n": 5}, "latin")
    assert part is not None and part["box"][0] == -90 and len(part["rows"]) <= 300


def test_live_view_labels_are_bounded_and_padded():
    part = view_labels({"south": 55.6, "west": 48.8, "north": 56.0, "east": 49.4, "zoom": 10, "n": 3}, "latin")
    assert part["zoom"] == 10 and part["box"] == [55.4, 48.5, 56.2, 49.7]
    assert "Kazan" in {row[2] for row in part["rows"]} and all(row[4] in "01234567" for row in part["rows"])
    wide = view_labels({"south": 30, "west": 10, "north": 70, "east": 100, "zoom": 6, "n": 4}, "latin")
    assert len(wide["rows"]) <= 300


@pytest.mark.parametrize("view", [None, {}, {"south": "x", "west": 0, "north": 1, "east": 1, "zoom": 3},
                                  {"south": 2, "west": 0, "north": 1, "east": 1, "zoom": 3},
                                  {"south": 0, "west": 5, "north": 1, "east": 1, "zoom": 3},
                                  {"south": 0, "west": 0, "north": 1, "east": 1, "zoom": 99}, "text"])
def test_malformed_view_requests_get_nothing(view):
    assert view_labels(view, "latin") is None
    assert padded_view(view) is None if isinstance(view, dict) else True
