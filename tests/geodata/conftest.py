"""Shared fixtures for the geodata tests: the real gazetteer (built once into the cache) and the offline geocoder."""

import pytest

from geodata.gazetteer import get_gazetteer
from geodata.geocoding import OfflineGeocoder


@pytest.fixture(scope="session")
def gazetteer():
    return get_gazetteer()


@pytest.fixture()
def geocoder(gazetteer):
    return OfflineGeocoder(gazetteer)
