"""The first page's data computed into dashboard.data's caches before a browser asks (dashboard.launch starts it)."""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from typing import Any


def _timed(steps: dict[str, float], name: str, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = work()
    steps[name] = round(time.perf_counter() - start, 3)
    return value


def first_page(imported: Callable[[], None] | None = None) -> dict[str, float]:
    """Compute what the main page computes on a visit without URL parameters, through dashboard.data's own cached
    functions (no second cache): the catalog, the facets, the figures, the map's rows and their preparation; and
    fill the basemap's caches by building the map's spec once. The page then finds them computed.
    `imported()` runs once the page's modules are imported. Returns seconds per step."""
    steps: dict[str, float] = {}
    _timed(steps, "imports", _import_first_page)
    if imported is not None:
        imported()
    from dashboard import data
    from dashboard.components.map_data import map_spec, prepare
    from dashboard.maps.builder import MapOptions
    from dashboard.state import KEYS
    from dashboard.views.overview import MAP_HEIGHT

    snap = _timed(steps, "catalog", data.snapshot)
    reference = data.reference()
    facets = _timed(steps, "facets", lambda: data.facets(snap))
    flt = first_filter(reference)
    shown = data.selection(snap, flt)
    if not shown.empty:
        _timed(steps, "figures", lambda: data.view_figures(snap, flt, shown))
        rows = _timed(steps, "map_rows", lambda: data.map_frame(snap, flt, shown))
        prepared = _timed(steps, "map_prepare", lambda: data.shared_map_selection(
            (snap.url, snap.version, repr(flt)), reference, KEYS.map, rows, prepare))
        options = MapOptions.from_settings(selected_id=None, basemap_area=facets.area)
        _timed(steps, "map_spec", lambda: map_spec(prepared, reference, options, None, MAP_HEIGHT, lambda _: True,
                                                   False))
    _timed(steps, "inspect", repl_check)
    return steps  # the rest of the gazetteer, basemap and place-name files: the first run starts them once drawn


def repl_check() -> None:
    """Streamlit's once-per-process REPL check (inspect.stack(), whose first call reads the path of every loaded
    module: 0.05 s of processor time) marked done; a Streamlit without that mark gets the call made here, off the
    first page's path."""
    from dashboard import streamlit_private

    if not streamlit_private.mark_repl_check_done():
        inspect.stack()


def first_filter(reference: Any) -> Any:
    """The filter of a first visit without URL parameters (the view the page's sidebar starts from)."""
    from dashboard.state import parse_params

    return parse_params({}, reference.point)[0].filter


def _import_first_page() -> None:
    """The modules the first page imports; the map component only once Streamlit's runtime exists (registering it
    earlier would register it nowhere)."""
    import PIL.Image  # noqa: F401 - st.set_page_config reads the page icon with Pillow
    from streamlit.runtime import Runtime

    from dashboard import signin  # noqa: F401
    from dashboard.views import overview  # noqa: F401 - a page file, importable: data, widgets, state, kpis, ...

    if Runtime.exists():
        from dashboard.components import incident_map  # noqa: F401
