"""The map's visual vocabulary: colour-blind-safe colours, shapes and symbols per event type, shared by app and briefing."""

from __future__ import annotations

from incidents.model import EVENT_LABELS, EVENT_TYPES

# Okabe-Ito palette (safe for the common colour-vision deficiencies); shape tells types apart too.
EVENT_COLORS: dict[str, str] = {
    "drone_strike": "#D55E00",  # vermillion
    "missile_strike": "#CC79A7",  # reddish purple
    "strike": "#E69F00",  # orange
    "interception": "#009E73",  # bluish green
    "airspace_restriction": "#0072B2",  # blue
    "explosion": "#F0E442",  # yellow
    "other": "#6E6E6E",  # grey
}
# A text symbol per type, for legends, tables and the briefing.
EVENT_ICONS: dict[str, str] = {
    "drone_strike": "▲",
    "missile_strike": "◆",
    "strike": "●",
    "interception": "✚",
    "airspace_restriction": "■",
    "explosion": "✸",
    "other": "•",
}
# Vega-Lite / Altair point shapes matching EVENT_ICONS.
EVENT_SHAPES: dict[str, str] = {
    "drone_strike": "triangle-up",
    "missile_strike": "diamond",
    "strike": "circle",
    "interception": "cross",
    "airspace_restriction": "square",
    "explosion": "triangle-down",
    "other": "circle",
}
# SVG path of each marker in a 20 x 20 box (drawn by the browser-side code).
EVENT_SVG_PATHS: dict[str, str] = {
    "drone_strike": "M10 2 L18.5 17 L1.5 17 Z",
    "missile_strike": "M10 1.5 L18.5 10 L10 18.5 L1.5 10 Z",
    "strike": "M10 2.5 A7.5 7.5 0 1 1 9.99 2.5 Z",
    "interception": "M7 2 H13 V7 H18 V13 H13 V18 H7 V13 H2 V7 H7 Z",
    "airspace_restriction": "M3 3 H17 V17 H3 Z",
    "explosion": "M10 1 L12.2 7 L18.6 6.2 L13.6 10.4 L17 16 L11 13.4 L8.4 19 L7.6 13 L1.4 12.8 L6.4 9 L3.4 3.6 L9 6.4 Z",
    "other": "M10 5 A5 5 0 1 1 9.99 5 Z",
}
STATUS_LABELS = {"active": "active", "lifted": "lifted", None: "status not stated"}
NOT_STATED = "not stated"
BASEMAP_COLORS = {"sea": "#dde6ec", "land": "#f6f4ef", "border": "#8c8c8c", "admin1": "#b5b5b5", "text": "#222222",
                  "water": "#c9dbe8", "shore": "#9fbcd0"}
REFERENCE_COLOR = "#222222"
CHOROPLETH_COLORS = ("#f1eef6", "#d0d1e6", "#a6bddb", "#74a9cf", "#2b8cbe", "#045a8d")  # ColorBrewer PuBu


def type_table() -> list[dict[str, str]]:
    """Per event type, in EVENT_TYPES order: key, label, colour, symbol and SVG path (sent to the browser)."""
    return [
        {
            "key": key,
            "label": EVENT_LABELS[key],
            "color": EVENT_COLORS[key],
            "symbol": EVENT_ICONS[key],
            "path": EVENT_SVG_PATHS[key],
        }
        for key in EVENT_TYPES
    ]
