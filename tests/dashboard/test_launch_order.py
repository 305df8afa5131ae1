"""dashboard.launch imports Streamlit's command line before its warm-up thread starts (no concurrent first import),
with the garbage collector off until the first page is warmed."""

from __future__ import annotations

import gc
from types import SimpleNamespace

import pytest

from dashboard import launch, streamlit_private


@pytest.fixture
def collector():
    yield
    gc.enable()


def test_streamlit_is_imported_before_the_warm_up_thread_starts(monkeypatch, collector):
    events = []
    cli = SimpleNamespace(main=lambda *args, **kwargs: events.append(("serve", gc.isenabled())) or 0)
    monkeypatch.setattr(launch, "streamlit_cli", lambda: events.append(("import", gc.isenabled())) or cli)
    monkeypatch.setattr(launch, "warm_in_background", lambda: events.append(("warm", gc.isenabled())) or object())
    monkeypatch.setattr(launch, "show_log", lambda: None)
    monkeypatch.setattr(streamlit_private, "skip_component_scan", lambda: events.append(("no scan", gc.isenabled())))
    assert launch.main([]) == 0
    assert events == [("import", False), ("no scan", False), ("warm", False), ("serve", False)]


def test_without_a_warm_up_the_collector_is_on_before_serving(monkeypatch, collector):
    events = []
    cli = SimpleNamespace(main=lambda *args, **kwargs: events.append(("serve", gc.isenabled())) or 0)
    monkeypatch.setattr(launch, "streamlit_cli", lambda: cli)
    monkeypatch.setattr(launch, "warm_in_background", lambda: None)
    monkeypatch.setattr(launch, "show_log", lambda: None)
    monkeypatch.setattr(streamlit_private, "skip_component_scan", lambda: None)
    monkeypatch.setattr(gc, "freeze", lambda: events.append(("freeze", gc.isenabled())))
    assert launch.main([]) == 0
    assert events == [("freeze", False), ("serve", True)]


def test_the_warm_up_turns_the_collector_back_on_even_when_it_fails(monkeypatch, collector):
    monkeypatch.setattr(launch, "_warm_first_page", lambda: 1 / 0)
    monkeypatch.setattr(gc, "freeze", lambda: None)
    gc.disable()
    with pytest.raises(ZeroDivisionError):
        launch._warm()
    assert gc.isenabled()
