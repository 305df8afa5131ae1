"""The basemap's vectorised GeoJSON decode gives exactly what shapely.geometry.shape gives, feature by feature."""

from __future__ import annotations

import pytest
import shapely

from geodata.regions import geojson_shapes

SQUARE = [[0.0, 0.0], [0.0, 2.0], [2.0, 2.0], [2.0, 0.0], [0.0, 0.0]]
HOLE = [[0.5, 0.5], [0.5, 1.0], [1.0, 1.0], [1.0, 0.5], [0.5, 0.5]]
FAR = [[10.0, 10.0], [10.0, 11.0], [11.0, 11.0], [10.0, 10.0]]
POLYGON = {"type": "Polygon", "coordinates": [SQUARE, HOLE]}
MULTI = {"type": "MultiPolygon", "coordinates": [[SQUARE], [FAR]]}
ONE_PART = {"type": "MultiPolygon", "coordinates": [[FAR]]}


@pytest.mark.parametrize(
    "geometries",
    [
        [POLYGON, MULTI, ONE_PART, POLYGON],
        [MULTI],
        [{"type": "Point", "coordinates": [1.0, 2.0]}, POLYGON],  # another type: decoded one by one
        [{"type": "MultiPolygon", "coordinates": []}, POLYGON],  # an empty geometry: decoded one by one
    ],
)
def test_shapes_match_shapely_shape(geometries):
    got = geojson_shapes(geometries)
    want = [shapely.geometry.shape(g) for g in geometries]
    assert [g.geom_type for g in got] == [g.geom_type for g in want]
    assert all(a.equals_exact(b, 0) for a, b in zip(got, want))


def test_no_geometries_give_an_empty_array():
    assert len(geojson_shapes([])) == 0
