"""The briefing's map: a Leaflet basemap with the reference rings at a fixed view, and an SVG of numbered markers,
leader lines, labels and aggregated clusters laid over it (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium
import numpy as np
import pandas as pd

from dashboard.briefing_groups import Group
from dashboard.briefing_layout import (
    LABEL_PAD, LABEL_SIZE, MARKER_R, Layout, MapFrame, Marker, city_obstacles, fit_frame, place_labels,
    ring_label_boxes, short_label, spread, view_frame,
)
from dashboard.escape import html_text
from dashboard.maps import EVENT_COLORS, render_html
from dashboard.maps import basemap
from dashboard.maps.assets import use_local_assets
from dashboard.maps.builder import MapOptions, basemap_js, reference_payload, with_reference
from dashboard.maps.clusters import grid_clusters
from dashboard.maps.layers import JsLayer, MethodLayer, RawJs
from dashboard.maps.style import BASEMAP_COLORS
from incidents.figures import type_codes
from incidents.model import EVENT_TYPES

MAP_NUMBERS = 20  # numbered markers on the map at most: the groups in page 1's table (others: dots or clusters)
DOTS_MAX = 400  # up to this many other incidents are drawn one dot each; more are aggregated into clusters
DOT_R = 2.6
STATIC_MAP_JS = "if (window.L) { L.Map.mergeOptions({zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false}); }"
STATIC_MAP_CSS = (
    ".leaflet-control-zoom, .leaflet-control-layers, .leaflet-control-attribution, .im-legend { display: none !important; }"
    " body { font-variant-ligatures: none; }"
)
DARK_TEXT = ("#f2c94c", "#ffd166", "#f6c85f")  # light marker colours that take a dark number


@dataclass
class BriefMap:
    """The map of a briefing: the frame it shows, its Leaflet document, the SVG overlay and the layout behind it."""

    frame: MapFrame
    document: str
    overlay: str
    layout: Layout
    from_view: bool
    clustered: bool
    marked: int = 0  # groups 1..marked are numbered on the map (those inside the frame)


def choose_frame(view: pd.DataFrame, reference: Any, size: tuple[int, int],
                 bounds: tuple[float, float, float, float] | None) -> MapFrame:
    """The view on screen when the app gave one, else a fit of the incidents (and the reference city when near)."""
    width, height = size
    if bounds is not None:
        return view_frame(bounds, width, height)
    if not len(view):
        return fit_frame((reference.lat - 8, reference.lon - 12, reference.lat + 8, reference.lon + 12), width, height)
    lat, lon = view["lat"].to_numpy(float), view["lon"].to_numpy(float)
    box = (float(lat.min()), float(lon.min()), float(lat.max()), float(lon.max()))
    return fit_frame(with_reference(box, reference), width, height)


def map_document(frame: MapFrame, reference: Any, countries: tuple[str, ...], online_tiles: bool) -> str:
    """The Leaflet map (offline Natural Earth basemap, or online tiles when asked) at exactly `frame`, with the
    reference city and its range rings; no incident markers (the overlay draws them), no attribution control."""
    m = folium.Map(location=[frame.lat, frame.lon], zoom_start=frame.zoom, tiles=None, min_zoom=0, max_zoom=19,
                   control_scale=True, zoom_control=False, width="100%", height="100%", world_copy_jump=False)
    m.options.update({"zoom_snap": 0, "zoom_delta": 0.25, "attribution_control": False, "min_zoom": 0, "max_zoom": 19})
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", max_zoom=19).add_to(m)
    bbox = frame.bounds()
    layer = JsLayer("basemap", "Offline basemap (Natural Earth)", source=RawJs(basemap_js(basemap.padded(bbox), countries)),
                    options=BASEMAP_COLORS, show=not online_tiles)
    layer.add_to(m)
    MethodLayer(layer, "admin1Layer", "Admin-1 boundaries").add_to(m)
    JsLayer("reference", f"Reference: {html_text(reference.name)}", source=_reference(reference, bbox)).add_to(m)
    document = render_html(use_local_assets(m), assets="inline")
    return document.replace("</head>", f"<style>{STATIC_MAP_CSS}</style><script>{STATIC_MAP_JS}</script></head>", 1)


def _reference(reference: Any, bbox: tuple[float, float, float, float]) -> dict[str, Any]:
    empty = pd.DataFrame({"id": pd.Series([], dtype=object)})
    return reference_payload(reference, empty, bbox, MapOptions(fit_reference=True))


def layout_map(frame: MapFrame, groups: list[Group], reference: Any, marked: int = MAP_NUMBERS) -> Layout:
    """Markers for the first MAP_NUMBERS groups inside the frame (spread apart where they meet), then labels placed
    most important first, avoiding markers, each other, the reference city and the ring labels."""
    shown = groups[:min(marked, MAP_NUMBERS)]
    xs, ys = frame.project([g.lat for g in shown], [g.lon for g in shown])
    inside = [(g, float(x), float(y)) for g, x, y in zip(shown, xs, ys)
              if -MARKER_R <= x <= frame.width + MARKER_R and -MARKER_R <= y <= frame.height + MARKER_R]
    points = spread([(x, y) for _, x, y in inside])
    layout = Layout(frame)
    layout.markers = [Marker(g.number, px, py, x, y, g.kind, g.status) for (g, x, y), (px, py) in zip(inside, points)]
    rings = _reference(reference, frame.bounds())["rings"]
    layout.obstacles = city_obstacles(frame, str(reference.name), reference.lat, reference.lon)
    layout.soft = ring_label_boxes(frame, [tuple(r["label"]) for r in rings], [f"{r['km']:,.0f} km" for r in rings])
    on_map = {g.number: g for g, _, _ in inside}
    order = [g.number for g in sorted(on_map.values(), key=lambda g: g.weight)]
    place_labels(layout, {n: (short_label(g.label), short_label(g.place, 28)) for n, g in on_map.items()}, order)
    return layout


def others_svg(frame: MapFrame, view: pd.DataFrame, numbered_ids: set[str]) -> tuple[str, bool]:
    """The incidents without a number: a dot each when few, else the app's grid clusters with their counts."""
    if not len(view):
        return "", False
    rest = view[~view["id"].astype(object).isin(numbered_ids)] if numbered_ids else view
    if not len(rest):
        return "", False
    lat, lon = rest["lat"].to_numpy(float), rest["lon"].to_numpy(float)
    south, west, north, east = frame.bounds()
    keep = (lat >= south - 1) & (lat <= north + 1) & (lon >= west - 1) & (lon <= east + 1)
    codes = type_codes(rest["event_type"])[keep]
    lat, lon = lat[keep], lon[keep]
    if len(lat) <= DOTS_MAX:
        xs, ys = frame.project(lat, lon)
        dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{DOT_R}" fill="{_colour(int(c))}" stroke="#222" '
                       f'stroke-width="0.6"/>' for x, y, c in zip(xs, ys, codes))
        return f'<g class="dots">{dots}</g>', False
    clusters = grid_clusters(lat, lon, int(np.floor(frame.zoom)), codes, len(EVENT_TYPES))
    xs, ys = frame.project(clusters.lat, clusters.lon)
    parts = []
    for x, y, n, by_type in zip(xs, ys, clusters.count, clusters.by_type):
        r = 5.0 + 3.2 * np.log10(max(1, int(n)))
        colour = _colour(int(np.argmax(by_type)))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" fill-opacity="0.45" '
                     f'stroke="{colour}" stroke-width="1"/>')
        if n > 1 and r >= 8:
            parts.append(f'<text x="{x:.1f}" y="{y + 3:.1f}" class="cn">{int(n):,}</text>')
    return f'<g class="clusters">{"".join(parts)}</g>', True


def _colour(code: int) -> str:
    kind = EVENT_TYPES[code] if 0 <= code < len(EVENT_TYPES) else "other"
    return EVENT_COLORS.get(kind, "#6E6E6E")


def marker_svg(marker: Marker) -> str:
    colour = EVENT_COLORS.get(marker.kind, "#6E6E6E")
    fill, stroke, dash, ink = colour, "#1a1a1a", "", "#ffffff"
    if marker.status == "lifted":
        fill, stroke, dash, ink = "#ffffff", colour, ' stroke-dasharray="3 2"', "#1a1a1a"
    elif colour.lower() in DARK_TEXT:
        ink = "#1a1a1a"
    size = 10 if marker.number < 100 else 8
    return (f'<g class="marker" data-number="{marker.number}"><circle cx="{marker.x:.1f}" cy="{marker.y:.1f}" '
            f'r="{MARKER_R}" fill="{fill}" stroke="{stroke}" stroke-width="1.6"{dash}/>'
            f'<text x="{marker.x:.1f}" y="{marker.y + size * 0.36:.1f}" class="num" fill="{ink}" '
            f'font-size="{size}">{marker.number}</text></g>')


def overlay_svg(layout: Layout, others: str) -> str:
    """The SVG laid over the map: other incidents, leader lines, anchors, numbered markers, then labels."""
    frame = layout.frame
    leaders = "".join(
        f'<line x1="{m.anchor_x:.1f}" y1="{m.anchor_y:.1f}" x2="{m.x:.1f}" y2="{m.y:.1f}" class="leader"/>'
        f'<circle cx="{m.anchor_x:.1f}" cy="{m.anchor_y:.1f}" r="2.2" class="anchor"/>'
        for m in layout.markers if m.spread)
    markers = "".join(marker_svg(m) for m in layout.markers)
    labels = "".join(
        f'<g class="label" data-number="{label.number}"><rect x="{label.box.x:.1f}" y="{label.box.y:.1f}" '
        f'width="{label.box.w:.1f}" height="{label.box.h:.1f}" rx="2"/>'
        f'<text x="{label.box.x + LABEL_PAD:.1f}" y="{label.box.y + label.box.h / 2 + LABEL_SIZE * 0.36:.1f}">'
        f'{html_text(label.text)}</text></g>'
        for label in layout.labels)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" id="overlay" width="{frame.width}" height="{frame.height}" '
            f'viewBox="0 0 {frame.width} {frame.height}" role="img" aria-label="Numbered incidents and place labels">'
            f'{others}{leaders}{markers}{labels}</svg>')


def brief_map(view: pd.DataFrame, groups: list[Group], reference: Any, size: tuple[int, int], *,
              bounds: tuple[float, float, float, float] | None = None, online_tiles: bool = False,
              marked: int = MAP_NUMBERS) -> BriefMap:
    """Everything the briefing's map needs, for the selected rows `view` and the numbered groups."""
    frame = choose_frame(view, reference, size, bounds)
    layout = layout_map(frame, groups, reference, marked)
    numbered = {str(r.get("id")) for g in groups[:min(marked, MAP_NUMBERS)] for r in g.records}
    others, clustered = others_svg(frame, view, numbered)
    countries = tuple(sorted({c for c in view["country"].dropna().astype(str).unique() if c})) if len(view) else ()
    return BriefMap(frame, map_document(frame, reference, countries, online_tiles), overlay_svg(layout, others),
                    layout, bounds is not None, clustered, min(marked, MAP_NUMBERS, len(groups)))
