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
# Streamlit's code chunks the first page's elements load on demand (each when its first element arrives), by their
# names before the content hash: asked for at once, they arrive while the server computes the page (the map's
# element and the KPI tiles come last, 0.2-0.5 s after their data on a loaded machine otherwise).
CHUNKS = (
    "BidiComponent", "Metric", "CustomTheme", "numbro", "formatNumber", "printWidthCap", "_arrayReduce", "recordbatch",
    "sprintfjs", "serialization", "loadVegaEmbed", "Slider", "inputUtils", "moment", "formatMoment",
    "withCalculatedWidth", "Checkbox", "_baseMap", "sortBy", "checkboxIndicatorStyles", "TextInput", "useTextField",
    "TextField", "useUpdateUiValue", "useDebouncedCallback", "InputInstructions", "Multiselect", "WidgetLabelHelpIcon",
    "useSyncComboBoxEnterTargetFocus", "ErrorOutline.esm", "Cancel.esm", "requiredField", "DateInput", "DateField",
    "ReorderedSegments", "useMenuTrigger", "useCollator", "useFilter", "useLoadMoreSentinel", "Autocomplete", "Radio",
    "useFormReset", "useField", "useFormValidation", "WidgetLabel", "useSlot", "Input", "useBasicWidgetState",
    "WidgetLabelHelpIconInline", "styled-components",
)


def chunk_paths() -> list[str]:
    """The CHUNKS files of the installed Streamlit, relative to the page ('static/js/NAME.HASH.js'); a name this
    Streamlit does not have is left out."""
    try:
        names = sorted(path.name for path in (Path(st.__file__).parent / "static" / "static" / "js").glob("*.js"))
    except OSError:
        return []
    stems: dict[str, list[str]] = {}
    for name in names:
        stems.setdefault(name.rsplit(".", 2)[0], []).append(name)
    return [f"static/js/{name}" for stem in CHUNKS for name in stems.get(stem, ())]


CHUNK_PATHS = chunk_paths()


def loader_js() -> str:
    """The map module's own vendor loader (between its <vendor-loader> marks), run once at once: it starts the
    page's one load (window.__incidentMapVendor), which the map element then waits for; and Streamlit's code chunks
    of the first page's elements, preloaded as modules."""
    start = JS.index("\n", JS.index("// <vendor-loader>"))  # after the mark's line: no "<" in a kept script
    end = JS.index("// </vendor-loader>")
    chunks = (f"for (const path of {json.dumps(CHUNK_PATHS)}) {{const link = document.createElement('link'); "
              "link.rel = 'modulepreload'; link.crossOrigin = ''; link.href = vendorUrl('', path); "
              "document.head.appendChild(link);}\n")
    return f"(() => {{{JS[start:end]}{chunks}loadVendor({json.dumps(STATIC)});\n}})();"


def preload_map_assets() -> None:
    """A hidden element whose script starts loading the map's assets (Streamlit's Html element runs it: a component
    would wait for its own code chunk and React's commit)."""
    st.html(f'<span id="{MARK}"></span><script>{loader_js()}</script>', unsafe_allow_javascript=True)
