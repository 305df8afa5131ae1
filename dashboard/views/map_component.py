"""st_folium's component fed from a pre-rendered map payload, so a rerun with a cached payload renders nothing again.

streamlit_folium.st_folium renders the whole folium tree on every call (about a second at 10k incidents). Here the
rendering steps of st_folium 0.27 are split in two: `map_payload` (pure, cacheable: the strings st_folium would send)
and `show_map` (the component call). Only a plain folium.Map is supported (no DualMap, feature groups or drawing).
Private streamlit-folium 0.27.4 names used: _get_html, _get_header, _get_map_string, _component_func (plus the public
get_full_id and generate_js_hash). tests/dashboard/test_app.py::test_map_component_sends_what_st_folium_0_27_4_sends
pins the version and checks that show_map sends the component exactly what st_folium sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

import branca
import folium
import folium.elements
import streamlit_folium as sf


@dataclass(frozen=True)
class MapPayload:
    """What the st_folium component needs to draw a map: scripts, HTML, asset links, initial bounds and zoom."""

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    bounds: tuple[tuple[Any, Any], tuple[Any, Any]]
    zoom: Any

    @property
    def size(self) -> int:
        """Bytes of text sent to the browser for this map."""
        return sum(len(part.encode()) for part in (self.script, self.header, self.html))


def _walk(element: Any) -> Iterable[Any]:
    if isinstance(element, (branca.colormap.ColorMap, folium.elements.JSCSSMixin)):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def map_payload(fmap: folium.Map) -> MapPayload:
    """Render `fmap` once, exactly as st_folium 0.27 does, into the strings its component takes."""
    fmap.get_root().render()
    fmap.render()
    html = sf._get_html(fmap)
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    css: list[str] = []
    js: list[str] = []
    for element in _walk(fmap):
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    try:
        bounds = fmap.get_bounds()
    except AttributeError:
        bounds = [[None, None], [None, None]]
    return MapPayload(
        script=script,
        header=header,
        html=html,
        map_id=sf.get_full_id(fmap),
        css_links=tuple(dict.fromkeys(css)),
        js_links=tuple(dict.fromkeys(js)),
        bounds=(tuple(bounds[0]), tuple(bounds[1])),
        zoom=fmap.options.get("zoom"),
    )


def _defaults(payload: MapPayload, returned_objects: list[str]) -> dict[str, Any]:
    (south, west), (north, east) = payload.bounds
    everything = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_tooltip": None,
        "last_object_clicked_popup": None,
        "bounds": {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}},
        "zoom": payload.zoom,
    }
    return {name: value for name, value in everything.items() if name in returned_objects}


def show_map(
    payload: MapPayload, key: str, height: int, returned_objects: list[str], on_change: Callable[[], None] | None = None
) -> Any:
    """Draw the component for `payload` (full width); st.session_state[key] gets its value when the user interacts."""
    import streamlit as st

    hash_key = sf.generate_js_hash(payload.script, key, False)

    def changed() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    return sf._component_func(
        script=payload.script,
        header=payload.header,
        html=payload.html,
        id=payload.map_id,
        key=hash_key,
        height=height,
        width=None,
        returned_objects=returned_objects,
        default=_defaults(payload, returned_objects),
        zoom=None,
        center=None,
        feature_group=None,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(payload.css_links),
        js_links=list(payload.js_links),
        on_change=changed,
        wrap_longitude=False,
    )
