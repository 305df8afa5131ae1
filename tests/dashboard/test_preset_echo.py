"""A preset click survives a request the browser sent before it got the preset's dates (found by bench_load)."""

from __future__ import annotations


from streamlit.testing.v1 import AppTest

from dashboard import widgets
from tests.dashboard.test_app import APP, store  # noqa: F401 - the store fixture


def settled() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.run()  # the first page's timed follow-up run
    assert not at.exception, [e.value for e in at.exception]
    return at


def count(at: AppTest) -> str:
    return {m.label: m.value for m in at.metric}["Incidents"]


def test_stale_dates_echo_after_a_preset_click_does_not_undo_the_preset(store):
    """A timed fragment run or a map view report made before the browser got the new dates carries the old ones:
    read as the user picking them, it put the preset back to All and the map never repainted (lost repaint)."""
    at = settled()
    shown_before = at.sidebar.date_input(key="f_dates").value
    at.sidebar.radio(key="f_preset").set_value("7 days").run()
    assert count(at) == "5"
    at.sidebar.date_input(key="f_dates").set_value(shown_before).run()  # the browser's stale value comes back
    assert not at.exception
    assert at.sidebar.radio(key="f_preset").value == "7 days"
    assert count(at) == "5"
    assert at.query_params["start"] == ["2024-12-15"] or at.query_params["start"] == "2024-12-15"


def test_the_old_dates_picked_again_later_are_taken(store, monkeypatch):
    monkeypatch.setattr(widgets, "ECHO_S", 0.0)  # long after the click: a person picked them
    at = settled()
    shown_before = at.sidebar.date_input(key="f_dates").value
    at.sidebar.radio(key="f_preset").set_value("7 days").run()
    at.sidebar.date_input(key="f_dates").set_value(shown_before).run()
    assert at.sidebar.radio(key="f_preset").value == "All"
    assert count(at) == "7"
