"""AppTest of the live map element: one element per session whose data follows the filters, server clusters that add
up to the selection, the basemap sent once per session."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.components import map_data
from tests.dashboard.test_app import APP, run_app, store  # noqa: F401 - the fixture


def element(at):
    """The one map element of the page."""
    elements = [e for e in at.main if getattr(e.proto, "component_name", "") == "incident_map"]
    assert len(elements) == 1
    return elements[0]


def sent(at) -> dict:
    """The data the map element was sent in the last run."""
    proto = element(at).proto
    assert proto.WhichOneof("data") == "bytes"  # JSON encoded once, by the app (not twice, by Streamlit)
    return json.loads(proto.bytes)


def test_the_map_takes_each_filter_as_data_and_the_basemap_once(store):  # noqa: F811
    fresh = AppTest.from_file(APP, default_timeout=60)
    fresh.run()
    assert sent(fresh)["spec"]["basemap"]["geo"]["countries"]  # a session's first map brings its basemap
    at = run_app()
    first = sent(at)
    assert first["spec"]["incidents"]["payload"]["n"] == 7 and first["spec"]["basemap"]["geo"] is None  # then never
    element_id = element(at).proto.id
    at.sidebar.radio(key="f_preset").set_value("7 days").run()
    after = sent(at)
    assert after["spec"]["incidents"]["payload"]["n"] == 5
    assert after["spec"]["basemap"]["geo"] is None and after["spec"]["basemap"]["id"] == first["spec"]["basemap"]["id"]
    assert after["spec"]["incidents"]["id"] != first["spec"]["incidents"]["id"]
    assert element(at).proto.id == element_id
    at.sidebar.radio(key="f_preset").set_value("All").run()
    assert sent(at)["spec"]["incidents"]["id"] == first["spec"]["incidents"]["id"]  # same selection, same bytes


@pytest.mark.parametrize(("preset", "expected"), [("All", 7), ("7 days", 5)])
def test_server_clusters_add_up_to_the_selection(store, monkeypatch, preset, expected):  # noqa: F811
    monkeypatch.setattr(map_data, "MAX_BROWSER_INCIDENTS", 3)
    at = run_app()
    at.sidebar.radio(key="f_preset").set_value(preset).run()
    part = sent(at)["spec"]["incidents"]
    markers = part["payload"]["n"] if part["payload"] else 0
    assert markers + sum(part["clusters"]["n"]) == expected
    assert sent(at)["spec"]["report"]  # the browser reports its view: clusters follow it
