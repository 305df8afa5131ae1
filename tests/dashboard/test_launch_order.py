"""dashboard.launch imports Streamlit's command line before its warm-up thread starts (no concurrent first import)."""

from __future__ import annotations

from types import SimpleNamespace

from dashboard import launch


def test_streamlit_is_imported_before_the_warm_up_thread_starts(monkeypatch):
    events = []
    cli = SimpleNamespace(main=lambda *args, **kwargs: events.append("serve") or 0)
    monkeypatch.setattr(launch, "streamlit_cli", lambda: events.append("import") or cli)
    monkeypatch.setattr(launch, "warm_in_background", lambda: events.append("warm"))
    monkeypatch.setattr(launch, "show_log", lambda: None)
    monkeypatch.setattr(launch, "skip_component_scan", lambda: events.append("no scan"))
    assert launch.main([]) == 0
    assert events == ["import", "no scan", "warm", "serve"]
