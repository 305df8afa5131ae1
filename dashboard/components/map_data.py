"""What the live map component is sent per rerun: its parts with ids, server clusters for large selections (pure)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.escape import html_text
from dashboard.maps.builder import (
    AIRPORTS_SHOWN,
    MapOptions,
    basemap_json,
    basemap_key,
    data_bbox,
    drawn_frame,
    fit_bounds,
    fit_max_zoom,
    incident_payload,
    legend_spec,
    named_airports,
    reference_payload,
)
from dashboard.maps.clusters import (
    View,
    covered,
    grid_clusters,
    in_view,
    outside_zoom,
    view_around,
    view_clusters,
    zoom_for,
)
from dashboard.maps.style import BASEMAP_COLORS, type_table
from incidents.model import EVENT_TYPES

MAX_BROWSER_INCIDENTS = 50_000  # a larger selection is clustered by the server for the view
MARKERS_SHARE = 0.4  # server mode: up to this share of the browser's limit near the view go as markers
POPUP_SOURCES_MAX = 5_000  # more markers than this: popups leave sources and notes to the detail panel (bytes)
AIRPORT_COLUMNS = (  # what the airports layer reads: only these are copied for the rows naming an airport
    "airport_iata", "airport_icao", "place", "lat", "lon", "event_type", "status", "started_at", "day", "start_utc",
)
ASSUMED_WIDTH_PX = 900  # the map's width before the browser reports its first view
FIT_PADDING_PX = 30  # the browser fits the data with this padding on every side (incidentmap.js, fitBounds)
ONLINE_TILES = {  # INCIDENT_MAP_TILES -> the tile server the live map loads from (none when 'offline')
    "osm": {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": "&copy; OpenStreetMap contributors"},
    "carto": {"url": "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
              "attribution": "&copy; OpenStreetMap contributors &copy; CARTO"},
}


@dataclass(frozen=True, eq=False)
class Prepared:
    """A selection made ready for the map once: drawn order, coordinates, type codes, box, legend, airports."""

    frame: pd.DataFrame
    lats: np.ndarray
    lons: np.ndarray
    types: np.ndarray
    bbox: tuple[float, float, float, float]
    airports: list[dict[str, Any]]
    tag: str
    server: bool  # too large for the browser: the server sends clusters for the view
    marker_limit: int  # server mode: this few incidents near the view are sent as markers
    # the incidents part of a selection the browser holds whole (the same for every view), by what else it depends
    # on: computed once (a cold start's warm-up computes it for the first session)
    parts: dict[Any, tuple[dict[str, Any], Drawn]] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Drawn:
    """The incidents sent as markers in one rerun (index i of the payload is row i here), for resolving clicks."""

    version: str
    ids: np.ndarray
    lats: np.ndarray
    lons: np.ndarray

    def clicked(self, index: int, version: str) -> list[str]:
        """Ids drawn at the point of marker `index` (that one first), or [] when the click is of older data."""
        if version != self.version or not 0 <= index < len(self.ids):
            return []
        same = np.flatnonzero((np.abs(self.lats - self.lats[index]) < 1e-6) & (np.abs(self.lons - self.lons[index]) < 1e-6))
        return [str(self.ids[index])] + [str(self.ids[i]) for i in same if i != index]


def digest(value: Any) -> str:
    """A short stable id of a JSON-able value."""
    return hashlib.blake2b(json.dumps(value, sort_keys=True, default=str).encode(), digest_size=8).hexdigest()


def digest_arrays(*columns: Any) -> str:
    """A short id of the content of a few columns: numbers by their bytes, pyarrow text by its buffers (no Python
    string per row: a million ids hash in milliseconds), other text by pandas' hash."""
    hasher = hashlib.blake2b(digest_size=8)
    for column in columns:
        if isinstance(column, pd.Series) and isinstance(column.dtype, pd.StringDtype) \
                and column.dtype.storage.startswith("pyarrow"):
            _hash_arrow(hasher, pa.array(column))
            continue
        values = np.asarray(column)
        if values.dtype == object:
            values = pd.util.hash_array(values.astype(str))
        hasher.update(np.ascontiguousarray(values).tobytes())
    return hasher.hexdigest()


def _hash_arrow(hasher: Any, values: pa.Array | pa.ChunkedArray) -> None:
    """Feed a pyarrow string array's content (each value's length, -1 for missing, then the characters) to `hasher`."""
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    for chunk in chunks:
        if not pa.types.is_large_string(chunk.type):
            chunk = chunk.cast(pa.large_string())
        if not len(chunk):
            continue
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int64)[chunk.offset:chunk.offset + len(chunk) + 1]
        lengths = np.diff(offsets)
        if chunk.null_count:
            lengths = np.where(chunk.is_null().to_numpy(zero_copy_only=False), -1, lengths)
        hasher.update(lengths.tobytes())
        hasher.update(memoryview(chunk.buffers()[2])[int(offsets[0]):int(offsets[-1])])


def prepare(frame: pd.DataFrame, ref: Any, tag: str, browser_limit: int | None = None) -> Prepared:
    """The selection in drawn order with what every rerun of it needs; payload ids are `tag` and a digest of the
    content (the same selection sends the same bytes, which Streamlit's message cache then skips); more than
    `browser_limit` incidents are clustered by the server."""
    drawn = drawn_frame(frame)
    browser_limit = MAX_BROWSER_INCIDENTS if browser_limit is None else browser_limit
    codes = pd.Categorical(drawn["event_type"], categories=list(EVENT_TYPES)).codes.astype(np.int64)
    return Prepared(
        frame=drawn,
        lats=drawn["lat"].to_numpy(float),
        lons=drawn["lon"].to_numpy(float),
        types=np.where(codes < 0, EVENT_TYPES.index("other"), codes),
        bbox=data_bbox(drawn, ref),
        airports=named_airports(drawn[[c for c in AIRPORT_COLUMNS if c in drawn.columns]]),
        tag=f"{tag}-{digest_arrays(drawn['lat'], drawn['lon'], codes, drawn['id'])}",
        server=len(drawn) > browser_limit,
        marker_limit=int(browser_limit * MARKERS_SHARE),
    )


def view_from_state(value: Any) -> View | None:
    """The view the browser reported ({south, west, north, east, zoom}), or None when there is none or it is odd."""
    if not isinstance(value, dict):
        return None
    try:
        view = View(*(float(value[k]) for k in ("south", "west", "north", "east")), int(value["zoom"]))
    except (KeyError, TypeError, ValueError):
        return None
    return view if np.isfinite([view.south, view.west, view.north, view.east]).all() else None


def first_view(prepared: Prepared, height_px: int, options: MapOptions) -> View:
    """The view the map opens on before the browser reports one: what Leaflet's fit of the data shows on a map
    ASSUMED_WIDTH_PX wide (its zoom, centred on the data), not the data's box, so the server clusters of a session's
    first page cover the region its first view report asks for: the same payload id, not drawn a second time."""
    (south, west), (north, east) = fit_bounds(prepared.bbox)
    box = (south, west, north, east)
    inner = (ASSUMED_WIDTH_PX - 2 * FIT_PADDING_PX, height_px - 2 * FIT_PADDING_PX)
    zoom = min(zoom_for(box, *inner, options.max_zoom), fit_max_zoom(options))
    return view_around(box, zoom, ASSUMED_WIDTH_PX, height_px)


def _incidents(prepared: Prepared, ref: Any, view: View, options: MapOptions) -> tuple[dict[str, Any], Drawn]:
    """The incidents part: every incident (a selection the browser can hold), or server clusters for the view with
    the incidents near the view as markers once few enough are there."""
    if prepared.server:
        return _view_incidents(prepared, ref, view, options)
    key = (ref.name, ref.lat, ref.lon, options.cluster_threshold)
    if key not in prepared.parts:
        prepared.parts[key] = _view_incidents(prepared, ref, view, options)
    part, drawn = prepared.parts[key]
    return dict(part), drawn  # the caller may change the part's own keys, never its payload


def _view_incidents(prepared: Prepared, ref: Any, view: View, options: MapOptions) -> tuple[dict[str, Any], Drawn]:
    frame, n = prepared.frame, len(prepared.frame)
    options_js = {"types": type_table(), "reference": str(ref.name), "cluster": n > options.cluster_threshold}
    covers = None
    if not prepared.server:
        rows = np.arange(n)
        version, clusters = prepared.tag, None
    else:
        region = covered(view)  # what is sent: a pan inside it is answered by the browser alone
        near = in_view(prepared.lats, prepared.lons, region)
        count = int(near.sum())
        show_markers = count <= prepared.marker_limit or view.zoom >= options.max_zoom
        rows = np.flatnonzero(near) if show_markers else np.zeros(0, np.int64)
        if show_markers:
            rest = ~near
            found = grid_clusters(prepared.lats[rest], prepared.lons[rest], outside_zoom(view.zoom), prepared.types[rest],
                                  len(EVENT_TYPES))
        else:
            found = view_clusters(prepared.lats, prepared.lons, region, prepared.types, len(EVENT_TYPES), share=0.0)
        clusters = found.payload()
        options_js["cluster"] = True
        # markers hold for any closer zoom inside the region (the browser clusters them); server clusters for one zoom
        covers = {"south": region.south, "west": region.west, "north": region.north, "east": region.east,
                  "zoom": region.zoom, "markers": bool(show_markers)}
        version = f"{prepared.tag}:{digest(covers)}"
    shown = frame.iloc[rows]
    if len(shown) > POPUP_SOURCES_MAX:
        shown = shown.drop(columns=[c for c in ("sources", "notes") if c in shown.columns])
    small = len(shown) <= options.cluster_threshold
    payload = incident_payload(shown, ref, with_ids=small, with_zones=small) if len(rows) or clusters is None else None
    part = {"id": version, "payload": payload, "clusters": clusters, "options": options_js,
            "label": f"Incidents ({n:,})", "covers": covers}
    drawn = Drawn(version, shown["id"].to_numpy(), prepared.lats[rows], prepared.lons[rows])
    return part, drawn


class RawJSON(bytes):
    """A part of the spec already encoded as UTF-8 JSON (the basemap, as read from the cache folder): the component's
    encoder puts it in as it is."""


def map_spec(prepared: Prepared, ref: Any, options: MapOptions, view: View | None, height_px: int,
             send_basemap: Callable[[str], bool], report_view: bool) -> tuple[dict[str, Any], Drawn]:
    """The spec the browser's IncidentMap.live draws (each part with an id: unchanged parts stay as drawn) and the
    markers it holds. `view` is the browser's last view (None before the first); `send_basemap(id)` says whether the
    basemap's geometry must go with it (the browser keeps each basemap it was sent)."""
    frame = prepared.frame
    box, countries = basemap_key(frame, prepared.bbox, options)
    basemap_id = digest([box, countries])
    shown_view = view or first_view(prepared, height_px, options)
    incidents, drawn = _incidents(prepared, ref, shown_view, options)
    if report_view:  # the page follows every pan and zoom: the browser reports them all, covered or not
        incidents["covers"] = None
    reference = reference_payload(ref, frame, prepared.bbox, options)
    legend = legend_spec(frame, ref, bool(incidents["options"]["cluster"]), options)
    spec = {
        "tiles": ONLINE_TILES.get(options.tiles),
        "minZoom": options.min_zoom,
        "maxZoom": options.max_zoom,
        "fit": fit_bounds(prepared.bbox),
        "fitMaxZoom": fit_max_zoom(options),
        "view": None,
        "report": bool(report_view or prepared.server),
        "basemap": {"id": basemap_id,
                    "geo": RawJSON(basemap_json(box, countries)) if send_basemap(basemap_id) else None,
                    "style": BASEMAP_COLORS, "admin1": options.show_admin1},
        "incidents": incidents,
        "airports": {"id": digest(prepared.airports), "list": prepared.airports,
                     "show": options.show_airports and len(prepared.airports) <= AIRPORTS_SHOWN},
        "reference": {"id": digest(reference), "payload": reference,
                      "label": f"Reference: {html_text(ref.name)} and range rings"},
        "legend": {"id": digest(legend), "spec": legend},
    }
    return spec, drawn
