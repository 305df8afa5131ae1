"""Reverse lookup, time zones, local times and basemap layers from the vendored Natural Earth data."""

from datetime import datetime, timezone

import numpy as np
import pytest

from geodata.errors import InvalidQuery
from geodata.regions import basemap_geojson, localize, reverse, reverse_many, timezone_at


@pytest.mark.parametrize("lat, lon, country, admin1, tz", [
    (55.789, 49.122, "RU", "Tatarstan", "Europe/Moscow"),
    (56.85, 53.20, "RU", "Udmurt", "Europe/Samara"),
    (51.54, 45.99, "RU", "Saratov", "Europe/Saratov"),
    (55.75, 37.62, "RU", "Moskva", "Europe/Moscow"),
    (46.73, -117.00, "US", "Idaho", "America/Los_Angeles"),
])
def test_reverse(lat, lon, country, admin1, tz):
    region = reverse(lat, lon)
    assert (region.country, region.admin1, region.timezone) == (country, admin1, tz)


def test_reverse_at_sea_and_near_coast():
    assert reverse(0.0, -30.0).country is None
    assert reverse(59.93, 30.25).country == "RU"  # St Petersburg waterfront


def test_reverse_many_is_vectorised():
    frame = reverse_many(np.array([55.789, 56.85, 0.0]), np.array([49.122, 53.20, -30.0]), timezones=True)
    assert list(frame["admin1"]) == ["Tatarstan", "Udmurt", None]
    assert list(frame["country_name"]) == ["Russia", "Russia", None]
    assert list(frame["timezone"][:2]) == ["Europe/Moscow", "Europe/Samara"]


def test_reverse_many_rejects_bad_points():
    with pytest.raises(InvalidQuery, match="latitude"):
        reverse_many([10.0, 100.0], [0.0, 0.0])


@pytest.mark.parametrize("lat, lon, offset", [
    (55.789, 49.122, "+03:00"), (56.85, 53.20, "+04:00"), (51.54, 45.99, "+04:00"),
])
def test_local_time_0740(lat, lon, offset):
    local = localize(datetime(2024, 12, 21, 7, 40), lat, lon)
    assert local.isoformat() == f"2024-12-21T07:40:00{offset}"


def test_localize_converts_aware_times():
    utc = datetime(2024, 12, 21, 4, 40, tzinfo=timezone.utc)
    assert localize(utc, 55.789, 49.122).isoformat() == "2024-12-21T07:40:00+03:00"
    with pytest.raises(InvalidQuery):
        localize("07:40", 55.789, 49.122)


def test_timezone_at_validates():
    assert timezone_at(51.54, 45.99) == "Europe/Saratov"
    with pytest.raises(InvalidQuery):
        timezone_at(-91, 0)


@pytest.mark.parametrize("level", ["land", "countries", "admin1"])
def test_basemap_layers(level):
    layer = basemap_geojson(level)
    assert layer["type"] == "FeatureCollection" and layer["features"]
    assert all("name" in feature["properties"] for feature in layer["features"])
    layer["features"].clear()
    assert basemap_geojson(level)["features"], "callers get a fresh copy"


def test_admin1_basemap_properties():
    features = basemap_geojson("admin1")["features"]
    tatarstan = [f for f in features if f["properties"]["admin1"] == "Tatarstan"]
    assert tatarstan and tatarstan[0]["properties"]["country"] == "RU"
    lon, lat = tatarstan[0]["geometry"]["coordinates"][0][0][:2] if tatarstan[0]["geometry"]["type"] == "Polygon" \
        else tatarstan[0]["geometry"]["coordinates"][0][0][0][:2]
    assert 45 < lon < 56 and 53 < lat < 57  # [lon, lat] order


def test_bad_basemap_level():
    with pytest.raises(InvalidQuery, match="land, countries, admin1"):
        basemap_geojson("oceans")
