"""The live map's vendored scripts and styles requested at the start of a page run: the browser loads them while the
server computes the page, instead of after the map's data arrived (imports only Streamlit)."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

JS = (Path(__file__).with_name("incident_map.js")).read_text(encoding="utf-8")  # the map element's module
STATIC = "app/static/vendor/"  # dashboard.maps.assets.STATIC_BASE, relative: resolved against the page's address
MARK = "incident-map-assets"
HIDDEN_CSS = f'[data-testid="stElementContainer"]:has(#{MARK}) {{display: none;}}'  # for the page's CSS: no room


def loader_js() -> str:
    """The map module's own vendor loader (between its <vendor-loader> marks), run once at once: it starts the
    page's one load (window.__incidentMapVendor), which the map element then waits for."""
    start = JS.index("\n", JS.index("// <vendor-loader>"))  # after the mark's line: no "<" in a kept script
    end = JS.index("// </vendor-loader>")
    return f"(() => {{{JS[start:end]}loadVendor({json.dumps(STATIC)});\n}})();"


def preload_map_assets() -> None:
    """A hidden element whose script starts loading the map's assets (Streamlit's Html element runs it: a component
    would wait for its own code chunk and React's commit)."""
    st.html(f'<span id="{MARK}"></span><script>{loader_js()}</script>', unsafe_allow_javascript=True)
