"""Geodesy: pinned Kazan-Moscow distance, bearings, compass words, vectorised distances, claim checks, borders."""

import numpy as np
import pytest
from geopy.distance import geodesic

from geodata.distances import (bearing_deg, check_claim, compass16, distances_from, geodesic_km, km_to_border,
                               km_to_mi)
from geodata.errors import InvalidQuery, PlaceNotFound

KAZAN = (55.78874, 49.12214)
MOSCOW = (55.75204, 37.61781)


def test_kazan_to_moscow_is_721_km():
    assert geodesic_km(*KAZAN, *MOSCOW) == pytest.approx(721, abs=2)
    assert km_to_mi(geodesic_km(*KAZAN, *MOSCOW)) == pytest.approx(448, abs=2)


def test_bearings_and_compass():
    assert compass16(bearing_deg(*MOSCOW, *KAZAN)) == "east"
    assert compass16(bearing_deg(*KAZAN, *MOSCOW)) == "west"
    assert bearing_deg(0, 0, 10, 0) == pytest.approx(0)
    assert bearing_deg(0, 0, 0, -10) == pytest.approx(270)


@pytest.mark.parametrize("deg, word", [
    (0, "north"), (11.2, "north"), (11.3, "north-northeast"), (45, "northeast"), (67.5, "east-northeast"),
    (90, "east"), (180, "south"), (247.5, "west-southwest"), (348.7, "north-northwest"), (359.9, "north"),
    (-90, "west"), (450, "east"),
])
def test_compass16(deg, word):
    assert compass16(deg) == word


def test_distances_from_agrees_with_geopy_to_a_metre():
    rng = np.random.default_rng(7)
    lats, lons = rng.uniform(-85, 85, 300), rng.uniform(-180, 180, 300)
    km, bearing = distances_from(*MOSCOW, lats, lons)
    expected = np.array([geodesic(MOSCOW, (a, b)).km for a, b in zip(lats, lons)])
    assert np.max(np.abs(km - expected)) < 0.001
    assert np.all((bearing >= 0) & (bearing < 360))


def test_distances_from_large_arrays_use_the_same_answers():
    lats = np.tile([KAZAN[0], 50.45], 150_000)
    lons = np.tile([KAZAN[1], 30.52], 150_000)
    km, _ = distances_from(*MOSCOW, lats, lons)
    assert km[0] == km[-2] == pytest.approx(geodesic_km(*MOSCOW, *KAZAN), abs=1e-6)
    assert km[1] == km[-1]


def test_distances_from_marks_missing_points_nan():
    km, bearing = distances_from(*MOSCOW, [KAZAN[0], np.nan, 95.0], [KAZAN[1], 10.0, 0.0])
    assert np.isfinite(km[0]) and np.isnan(km[1:]).all() and np.isnan(bearing[1:]).all()


def test_distances_from_shape_mismatch():
    with pytest.raises(InvalidQuery):
        distances_from(*MOSCOW, [1.0, 2.0], [1.0])


def test_claim_check_for_the_seed_article():
    check = check_claim(*KAZAN, *MOSCOW, 800)
    assert check.geodesic_km == pytest.approx(721, abs=2)
    assert check.error_pct == pytest.approx(11, abs=0.5)
    assert check.error_km == pytest.approx(79, abs=2)
    assert check.verdict == "overstated: 11% over the 721 km geodesic distance"


def test_claim_verdicts():
    assert check_claim(*KAZAN, *MOSCOW, 725).verdict.startswith("accurate")
    assert check_claim(*KAZAN, *MOSCOW, 500).verdict.startswith("understated: 31% under")


@pytest.mark.parametrize("claimed", [0, -5, float("nan"), "far"])
def test_bad_claims(claimed):
    with pytest.raises(InvalidQuery):
        check_claim(*KAZAN, *MOSCOW, claimed)


@pytest.mark.parametrize("lat, lon", [(91, 0), (0, 181), (float("nan"), 0), ("x", 0)])
def test_bad_coordinates(lat, lon):
    with pytest.raises(InvalidQuery):
        geodesic_km(lat, lon, 0, 0)


def test_km_to_border():
    assert km_to_border(*KAZAN, "UA") == pytest.approx(920, abs=40)
    assert km_to_border(*MOSCOW, "UA") == pytest.approx(450, abs=30)
    assert km_to_border(50.45, 30.52, "ua") == 0.0
    with pytest.raises(PlaceNotFound):
        km_to_border(*KAZAN, "XX")
    with pytest.raises(InvalidQuery):
        km_to_border(*KAZAN, "Ukraine")
