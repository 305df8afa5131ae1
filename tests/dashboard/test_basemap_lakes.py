"""The bundled Natural Earth 10m lakes: the water near the data goes with the basemap (the Volga's reservoirs at Kazan)."""

import shapely

from dashboard.maps.basemap import lakes_near
from dashboard.maps.builder import basemap_data


def test_the_kuybyshev_reservoir_south_of_kazan_is_sent():
    lakes = lakes_near((54.0, 47.0, 57.0, 52.0))
    shapes = [shapely.geometry.shape(f["geometry"]) for f in lakes["features"]]
    assert any(s.contains(shapely.Point(49.2, 55.3)) for s in shapes)  # the reservoir near Laishevo
    assert not any(s.contains(shapely.Point(49.12, 55.79)) for s in shapes)  # Kazan's centre is dry land
    assert 0 < len(lakes["features"]) < 60


def test_only_lakes_meeting_the_box_and_the_basemap_carries_them():
    assert lakes_near((0.0, -30.0, 1.0, -29.0))["features"] == []  # open Atlantic
    assert basemap_data((54.0, 47.0, 57.0, 52.0), ("RU",))["lakes"]["features"]
