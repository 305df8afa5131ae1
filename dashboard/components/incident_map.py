"""The app's incident map as a Streamlit components v2 element: one Leaflet map that keeps the user's view while each
rerun sends it new data (only the parts that changed are redrawn); marker clicks and the view come back to Python."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.components.map_data import (
    Drawn,
    Prepared,
    RawJSON,
    map_spec,
    prepare,
    view_from_state,
)
from dashboard.components.preload import JS, STATIC
from dashboard.escape import markdown_text
from dashboard.fragments import follow_page
from dashboard.maps.builder import MapOptions
from dashboard.maps.labels import label_script, view_labels
from dashboard.tile_archive import archive_part

NAME = "incident_map"
_mount = st.components.v2.component(NAME, js=JS, isolate_styles=False)


@dataclass(frozen=True)
class MapView:
    """What the map showed at its last report: (south, west, north, east) in degrees and the zoom level."""

    bounds: tuple[float, float, float, float]
    zoom: int


def _prepared(key: str, frame: pd.DataFrame, reference: Any, cache_key: Hashable | None) -> Prepared:
    """The selection prepared for the map: shared by every session under the caller's cache_key, else kept per
    session while the caller passes the same frame object."""
    if cache_key is not None:
        from dashboard.data import shared_map_selection

        return shared_map_selection(cache_key, reference, key, frame, prepare)
    slot = f"_{key}_prepared"
    kept = st.session_state.get(slot)
    if kept is not None and kept[0] is frame and kept[1] == reference:
        return kept[2]
    prepared = prepare(frame, reference, key)
    st.session_state[slot] = (frame, reference, prepared)
    return prepared


def _clicked(key: str, on_select: Callable[[list[str]], None] | None) -> None:
    value = (st.session_state.get(key) or {}).get("clicked")
    drawn: Drawn | None = st.session_state.get(f"_{key}_drawn")
    if not isinstance(value, dict) or drawn is None or on_select is None:
        return
    try:
        found = drawn.clicked(int(value.get("i")), str(value.get("v")))
    except (TypeError, ValueError):
        return
    if found:
        on_select(found)
        st.session_state[f"_{key}_rerun_app"] = True  # the selection shows outside the map: the whole page reruns


def _ignore() -> None:
    """State the browser reports is read at the next run (a callback is what makes Streamlit keep it)."""


def _reported_view(key: str) -> MapView | None:
    view = view_from_state((st.session_state.get(key) or {}).get("view"))
    return None if view is None else MapView((view.south, view.west, view.north, view.east), view.zoom)


def incident_map(
    frame: pd.DataFrame,
    *,
    reference: Any,
    selected: str | None = None,
    key: str = "map",
    height: int = 520,
    on_select: Callable[[list[str]], None] | None = None,
    area: tuple | None = None,
    report_view: bool = False,
    cache_key: Hashable | None = None,
    on_drawn: Callable[[], None] | None = None,
) -> MapView | None:
    """Draw the incidents of `frame` (full width); the same map takes the next rerun's data and keeps its view.

    on_select(ids) runs when a marker is clicked (or pressed): the incident's id first, then any drawn at the same
    point. `area` (the store's basemap area) gives every filter of a store one basemap. report_view: the browser
    reports every pan and zoom (the page reruns each time) even when the selection is small enough to need no server
    clusters; otherwise a pan or zoom reruns only the map (a fragment), for new server clusters. cache_key: a
    hashable naming the frame's content (store version and filter), to share its preparation across sessions.
    on_drawn runs once the browser has drawn the page's first map (or failed to: it then says why on the map); a
    page widget's change it makes (fragments.page_changed) reruns the page.
    Returns the view the browser last reported, or None before the first report."""
    _map_fragment(frame, reference, selected, key, height, on_select, area, report_view, cache_key, on_drawn)
    return _reported_view(key)


@st.fragment
def _map_fragment(frame: pd.DataFrame, reference: Any, selected: str | None, key: str, height: int,
                  on_select: Callable[[list[str]], None] | None, area: tuple | None, report_view: bool,
                  cache_key: Hashable | None, on_drawn: Callable[[], None] | None) -> None:
    """The map: on a run of its own (a pan or zoom reported, a marker clicked) it reruns alone unless the page
    must follow (a selection, or the view the page shows figures for)."""
    follow_page()  # a page widget's change came with this run: the whole page reruns
    state = st.session_state.get(key) or {}
    reported = _reported_view(key)
    moved = reported != st.session_state.get(f"_{key}_last_view")
    st.session_state[f"_{key}_last_view"] = reported
    if st.session_state.pop(f"_{key}_rerun_app", False) or (moved and report_view):
        st.rerun()
    view = view_from_state(state.get("view"))
    prepared = _prepared(key, frame, reference, cache_key)
    options = MapOptions.from_settings(selected_id=selected, basemap_area=area)
    sent: set[str] = st.session_state.setdefault(f"_{key}_basemaps", set())
    wanted, answered = state.get("need_basemap"), f"_{key}_basemap_answered"

    def send_basemap(basemap_id: str) -> bool:
        again = basemap_id == wanted and st.session_state.get(answered) != wanted  # the browser lost it: once more
        fresh = basemap_id not in sent or again
        sent.add(basemap_id)
        st.session_state[answered] = wanted
        return fresh

    spec, drawn = map_spec(prepared, reference, options, view, height, send_basemap, report_view)
    asked = (state.get("view") or {}).get("labels") if spec["report"] else state.get("labels_view")
    spec["labels"] = _labels(key, asked)
    spec["archive"] = archive_part()  # INCIDENT_MAP_BASEMAP, served by this process
    if spec["archive"] and "url" in spec["archive"]:
        spec["maxZoom"] = max(spec["maxZoom"], min(18, spec["archive"]["maxZoom"] + 2))  # street level
    elif spec["archive"]:
        st.warning(markdown_text(spec["archive"]["error"]))
    st.session_state[f"_{key}_drawn"] = drawn
    _mount(
        key=key,
        data=encoded({"key": key, "height": height, "static": STATIC, "spec": spec}),
        default={"view": None, "need_basemap": None, "labels_view": None},
        on_clicked_change=lambda: _clicked(key, on_select),
        on_drawn_change=on_drawn or _ignore,
        on_view_change=_ignore,
        on_need_basemap_change=_ignore,
        on_labels_view_change=_ignore,
    )
    if spec["labels"] is not None:  # the answer went out with this run (an interrupted run sends it again)
        st.session_state[f"_{key}_labels_sent"] = spec["labels"]["id"]


def encoded(data: dict[str, Any]) -> bytes:
    """The element's data as UTF-8 JSON bytes: encoded once (Streamlit encodes a dict twice: for the browser and,
    sorted, for the element's identity), and decoded by the browser's JSON.parse as before. RawJSON parts go in
    as they are."""
    raw: list[bytes] = []
    mark = secrets.token_hex(8)

    def keep(value: Any) -> str:
        if isinstance(value, RawJSON):
            raw.append(value)
            return f"\x00{mark}:{len(raw) - 1}\x00"
        raise TypeError(f"{type(value).__name__} is not JSON serializable")

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=keep).encode("utf-8", "surrogatepass")
    for number, part in enumerate(raw):
        text = text.replace(json.dumps(f"\x00{mark}:{number}\x00").encode(), part, 1)
    return text


def _labels(key: str, asked: Any) -> dict[str, Any] | None:
    """The place names for the view the browser last asked about (with its view report, or alone when the map
    reports no views): sent once per request (its rows are None on later reruns, the browser keeps them); the
    caller marks them sent once the component got them."""
    part = view_labels(asked, label_script())
    if part is None:
        return None
    if st.session_state.get(f"_{key}_labels_sent") == part["id"]:
        return {**part, "rows": None}
    return part
