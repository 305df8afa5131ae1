"""dashboard.launch (through dashboard.streamlit_private) starts Streamlit without scanning every installed package for component manifests."""

from __future__ import annotations

import importlib.metadata

from streamlit.components.v2 import manifest_scanner
from streamlit.components.v2.component_manager import BidiComponentManager

from dashboard import streamlit_private


def test_the_server_start_reads_no_installed_package_metadata(monkeypatch):
    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", manifest_scanner.scan_component_manifests)
    read = []
    real = importlib.metadata.distributions
    monkeypatch.setattr(importlib.metadata, "distributions", lambda *a, **k: read.append(1) or real(*a, **k))
    assert streamlit_private.skip_component_scan()
    manager = BidiComponentManager()
    manager.discover_and_register_components(start_file_watching=False)
    assert read == []


def test_without_the_skip_the_scan_reads_them(monkeypatch):  # the test above can fail
    read = []
    real = importlib.metadata.distributions
    monkeypatch.setattr(importlib.metadata, "distributions", lambda *a, **k: read.append(1) or real(*a, **k))
    BidiComponentManager().discover_and_register_components(start_file_watching=False)
    assert read
