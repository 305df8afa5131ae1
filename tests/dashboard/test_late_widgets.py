"""Every run's filter elements carry the filter values, so a widget the browser mounts late starts from them."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.dashboard.test_app import APP, store  # noqa: F401 - the store fixture


def test_a_run_that_changed_only_the_window_still_sends_the_chosen_types_and_search(store):
    """A widget's element says its value only when the run set it; a multiselect whose code the browser loaded later
    mounted with a later run's element, started empty and sent that back: the type filter was dropped (found under
    CPU load by the e2e type-filter test; tests/e2e/test_late_widgets_e2e.py replays it in Chromium)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"type": "drone_strike", "q": "Kazan"})
    at.run()
    at.sidebar.radio(key="f_preset").set_value("7 days").run()  # a run in which neither the types nor the text change
    assert not at.exception, [e.value for e in at.exception]
    types = at.sidebar.multiselect(key="f_types").proto
    assert types.set_value and list(types.raw_values) == ["Drone strike"]
    text = at.sidebar.text_input(key="f_text").proto
    assert text.set_value and text.value == "Kazan"
    assert not at.sidebar.multiselect(key="f_countries").proto.set_value  # empty: the widget's own default says it
