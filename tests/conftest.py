"""Suite-wide switches: network tests are opt-in (INCIDENT_MAP_NETWORK_TESTS=1) and off in CI."""

import os

import pytest


def pytest_collection_modifyitems(config, items):
    if os.environ.get("INCIDENT_MAP_NETWORK_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="needs the internet; set INCIDENT_MAP_NETWORK_TESTS=1 to run")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)
