"""The launcher's warm-up fills dashboard.data's own caches: the first page after it computes none of it again."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import warm
from tests.e2e.app_server import fill_store

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
COMPUTED = ("catalog of store version", "computed ")  # dashboard.data's notes of a cache miss


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    path = fill_store(tmp_path / "incidents.sqlite")  # a new path: no value of it is cached in this process yet
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    return path


def first_page_computes(caplog) -> list[str]:
    """What the first page run computed (dashboard.data's log of cache misses); asserts the map page was drawn."""
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="dashboard.data"):
        at = AppTest.from_file(APP, default_timeout=120)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert {m.label: m.value for m in at.metric}["Incidents"] == "7"
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith(COMPUTED)]


def test_after_the_warm_up_the_first_page_builds_no_catalog_and_computes_nothing_cached(store, caplog):
    from dashboard import data

    seen = []
    steps = warm.first_page(imported=lambda: seen.append(data._cached_catalog))  # after the imports, once
    assert {"catalog", "facets", "figures", "map_rows", "map_prepare", "map_spec"} <= set(steps)
    assert len(seen) == 1
    assert first_page_computes(caplog) == []


def test_without_the_warm_up_the_first_page_computes_it_all(store, caplog):
    computed = " | ".join(first_page_computes(caplog))  # the same check fails when nothing was warmed
    for what in ("catalog of store version", "computed facets", "computed figures", "computed map rows",
                 "computed map selection"):
        assert what in computed



def test_after_the_warm_up_streamlits_first_element_reads_no_stack(monkeypatch):
    import inspect

    import streamlit as st
    from streamlit import delta_generator

    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    calls = []
    monkeypatch.setattr(inspect, "stack", lambda *a, **k: calls.append(1) or [(None, "app.py")])
    warm.repl_check()
    st.empty()
    assert calls == []
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)  # the test can fail
    st.empty()
    assert calls == [1]
