"""The "Include drafts" switch: carried in the permalink (drafts=1), drafts off the map by default, and the briefing
naming the review states it shows."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.briefing_html import filters_text
from dashboard.state import ViewState, parse_params, to_params
from incidents.curation import with_review
from incidents.model import SHOWN_BY_DEFAULT, WITH_DRAFTS, IncidentFilter
from tests.dashboard.test_app import APP, metrics, qp
from tests.e2e.app_server import fill_store, sample_incidents


@pytest.fixture
def store(tmp_path, monkeypatch):
    rows = sample_incidents()
    path = fill_store(tmp_path / "drafts.sqlite", rows[1:] + list(with_review(rows[:1], "draft")))
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    return len(rows)


def opened(params=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_permalink_carries_the_drafts_switch_both_ways():
    assert parse_params({"drafts": ["1"]})[0].filter.review == WITH_DRAFTS
    assert parse_params({})[0].filter.review == SHOWN_BY_DEFAULT
    view, notices = parse_params({"drafts": ["yes"]})
    assert view.filter.review == SHOWN_BY_DEFAULT and "drafts=1" in notices[0]
    assert to_params(ViewState(IncidentFilter(review=WITH_DRAFTS))) == {"drafts": "1"}
    assert to_params(ViewState()) == {}


def test_drafts_are_off_the_map_until_switched_on_and_the_switch_goes_into_the_url(store):
    at = opened()
    assert metrics(at)["Incidents"] == str(store - 1)
    assert at.sidebar.toggle(key="f_drafts").value is False and qp(at, "drafts") is None
    at.sidebar.toggle(key="f_drafts").set_value(True).run()
    assert metrics(at)["Incidents"] == str(store) and qp(at, "drafts") == ["1"]


def test_a_permalink_with_drafts_opens_with_the_switch_on(store):
    at = opened({"drafts": "1"})
    assert at.sidebar.toggle(key="f_drafts").value is True
    assert metrics(at)["Incidents"] == str(store)


def test_the_briefing_names_the_review_states_it_shows():
    assert "reviewed incidents only" in str(filters_text(IncidentFilter()))
    assert "review states: draft, reviewed" in str(filters_text(IncidentFilter(review=WITH_DRAFTS)))
