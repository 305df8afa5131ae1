"""The briefing map's layout (pure): the view, numbered groups, markers spread apart and labels that never overlap."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from dashboard.maps.clusters import mercator_y

TILE_PX = 256
MAX_FIT_ZOOM = 9.0
MIN_SPAN_DEG = 2.0  # a fitted map shows at least this many degrees of latitude
FIT_PADDING = 36  # pixels kept free around the fitted incidents (room for markers and labels)
MARKER_R = 8.5  # radius of a numbered marker
SPREAD_PX = 2 * MARKER_R + 2  # markers whose centres are closer than this are spread around their middle
LABEL_SIZE = 10  # font size of a place label (bold)
LABEL_PAD = 2  # pixels around a label's text inside its box
LABEL_CHARS = 48  # longest label drawn on the map (the table carries the full text)
CITY_SIZE = 12  # the reference city's label, as the map draws it (incidentmap.css .im-city-label)
SCALE_BOX = (0, -34, 110, 0)  # the scale bar in the map's bottom-left corner (x0, y0 from the bottom, x1, y1)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class MapFrame:
    """What the briefing map shows: its centre, a (fractional) zoom and its size in CSS pixels."""

    lat: float
    lon: float
    zoom: float
    width: int
    height: int

    def project(self, lats: Any, lons: Any) -> tuple[np.ndarray, np.ndarray]:
        """Pixel (x, y) in the map of each point, as Leaflet's EPSG:3857 places it."""
        scale = TILE_PX * 2.0 ** self.zoom
        x = (np.asarray(lons, float) + 180.0) / 360.0 * scale
        y = mercator_y(np.asarray(lats, float)) * scale
        cx = (self.lon + 180.0) / 360.0 * scale
        cy = float(mercator_y(np.array([self.lat]))[0]) * scale
        return x - round(cx - self.width / 2), y - round(cy - self.height / 2)

    def bounds(self) -> tuple[float, float, float, float]:
        """(south, west, north, east) of what the map shows."""
        scale = TILE_PX * 2.0 ** self.zoom
        cy = float(mercator_y(np.array([self.lat]))[0])
        dx, dy = self.width / 2 / scale * 360.0, self.height / 2 / scale
        return (_lat_of(cy + dy), self.lon - dx, _lat_of(cy - dy), self.lon + dx)


def _lat_of(y: float) -> float:
    """The latitude of a Web Mercator y (0 top, 1 bottom)."""
    return math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y))))


def fit_frame(bbox: tuple[float, float, float, float], width: int, height: int, *, padding: int = FIT_PADDING,
              max_zoom: float = MAX_FIT_ZOOM, min_span: float = MIN_SPAN_DEG) -> MapFrame:
    """The frame that shows (south, west, north, east) whole within `padding` pixels, at most `max_zoom`."""
    south, west, north, east = bbox
    if north - south < min_span:
        mid = (south + north) / 2
        south, north = mid - min_span / 2, mid + min_span / 2
    lon_span = min_span / max(0.2, math.cos(math.radians((south + north) / 2)))
    if east - west < lon_span:
        mid = (west + east) / 2
        west, east = mid - lon_span / 2, mid + lon_span / 2
    south, north = max(-85.0, south), min(85.0, north)
    top, bottom = mercator_y(np.array([north, south]))
    span_x, span_y = max((east - west) / 360.0, 1e-9), max(float(bottom - top), 1e-9)
    zoom = min(math.log2(max(1, width - 2 * padding) / TILE_PX / span_x),
               math.log2(max(1, height - 2 * padding) / TILE_PX / span_y), max_zoom)
    return MapFrame(_lat_of(float(top + bottom) / 2), (west + east) / 2, round(max(0.0, zoom), 3), width, height)


def view_frame(bounds: tuple[float, float, float, float], width: int, height: int) -> MapFrame:
    """The frame showing the view a user had on screen (its bounds) in the briefing's map size, no closer than
    that view's own zoom allows (the same area, fitted to the page's shape)."""
    return fit_frame(bounds, width, height, padding=0, max_zoom=18.0, min_span=0.01)


@dataclass(frozen=True)
class Box:
    """A rectangle in map pixels."""

    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: "Box") -> bool:
        return self.x < other.x + other.w and other.x < self.x + self.w and self.y < other.y + other.h and \
            other.y < self.y + self.h

    def inside(self, width: float, height: float, margin: float = 2) -> bool:
        return self.x >= margin and self.y >= margin and self.x + self.w <= width - margin and \
            self.y + self.h <= height - margin


@dataclass(frozen=True)
class Marker:
    """A numbered marker: the group's number, where it is drawn, where the incidents are (the leader line's end)."""

    number: int
    x: float
    y: float
    anchor_x: float
    anchor_y: float
    kind: str
    status: str = ""

    @property
    def spread(self) -> bool:
        return abs(self.x - self.anchor_x) > 0.5 or abs(self.y - self.anchor_y) > 0.5

    def box(self) -> Box:
        return Box(self.x - MARKER_R, self.y - MARKER_R, 2 * MARKER_R, 2 * MARKER_R)


@dataclass(frozen=True)
class Label:
    """A place label drawn beside marker `number`: its text and box (the text starts at box.x + LABEL_PAD)."""

    number: int
    text: str
    box: Box


@dataclass
class Layout:
    """The drawn map: markers, the labels placed, the numbers whose labels had no room, and the obstacles used."""

    frame: MapFrame
    markers: list[Marker] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    obstacles: list[Box] = field(default_factory=list)
    soft: list[Box] = field(default_factory=list)  # avoided when possible (the range rings' labels), else covered


@lru_cache(maxsize=8)
def _font(size: int, bold: bool) -> Any:
    try:
        from PIL import ImageFont

        return ImageFont.truetype(str(FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)
    except (ImportError, OSError):
        return None


def text_width(text: str, size: int = LABEL_SIZE, bold: bool = True) -> float:
    """The width in CSS pixels of `text` in DejaVu Sans (what Chromium uses here), estimated when the font is absent."""
    font = _font(size, bold)
    if font is None:
        return len(text) * size * (0.68 if bold else 0.6)
    return float(font.getlength(text))


def spread(anchors: list[tuple[float, float]], rounds: int = 80) -> list[tuple[float, float]]:
    """Marker positions: markers that would overlap are pushed apart (coincident ones around their point, in
    golden-angle directions) until no two overlap or `rounds` passes are done; the others stay on their point."""
    points = [list(p) for p in anchors]
    n = len(points)
    golden = math.pi * (3 - math.sqrt(5))
    seeds: list[list[int]] = []
    for i in range(n):  # (nearly) one point: a ring around it
        home = next((g for g in seeds if math.dist(anchors[g[0]], anchors[i]) < 3), None)
        if home is None:
            seeds.append([i])
        else:
            home.append(i)
    for members in seeds:
        if len(members) > 1:
            cx, cy = anchors[members[0]]
            radius = max(SPREAD_PX / 2 + 1, (SPREAD_PX + 1) * len(members) / (2 * math.pi))
            for k, i in enumerate(members):
                angle = -math.pi / 2 + 2 * math.pi * k / len(members)
                points[i] = [cx + radius * math.cos(angle), cy + radius * math.sin(angle)]
    for _ in range(rounds):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = points[j][0] - points[i][0], points[j][1] - points[i][1]
                d = math.hypot(dx, dy)
                if d >= SPREAD_PX:
                    continue
                if d < 1e-6:
                    angle = -math.pi / 2 + golden * j
                    dx, dy, d = math.cos(angle), math.sin(angle), 1.0
                push = (SPREAD_PX - d) / 2 + 0.5
                points[i][0] -= dx / d * push
                points[i][1] -= dy / d * push
                points[j][0] += dx / d * push
                points[j][1] += dy / d * push
                moved = True
        if not moved:
            break
    return [(x, y) for x, y in points]


def candidates(marker: Marker, width: float, height: float) -> list[Box]:
    """Label boxes around a marker, best first: right, left, above, below, then the diagonals; a spread marker
    tries the side away from its anchor first."""
    h = LABEL_SIZE + 2 * LABEL_PAD + 2
    gap, r = 3, MARKER_R
    x, y = marker.x, marker.y
    right = Box(x + r + gap, y - h / 2, width, h)
    left = Box(x - r - gap - width, y - h / 2, width, h)
    above = Box(x - width / 2, y - r - gap - h, width, h)
    below = Box(x - width / 2, y + r + gap, width, h)
    diagonals = [Box(x + r - 2, y - r - h + 2, width, h), Box(x + r - 2, y + r - 2, width, h),
                 Box(x - r + 2 - width, y - r - h + 2, width, h), Box(x - r + 2 - width, y + r - 2, width, h)]
    order = [right, left, above, below, Box(right.x, right.y - h, width, h), Box(right.x, right.y + h, width, h),
             Box(left.x, left.y - h, width, h), Box(left.x, left.y + h, width, h)]
    if marker.spread:
        dx, dy = marker.x - marker.anchor_x, marker.y - marker.anchor_y
        order.sort(key=lambda b: -((b.x + b.w / 2 - x) * dx + (b.y + b.h / 2 - y) * dy))
    return order + diagonals


def place_labels(layout: Layout, texts: dict[int, str | tuple[str, ...]], order: Iterable[int]) -> None:
    """Place the label of each marker number in `order` (most important first) at the first free candidate box,
    trying its texts longest first (e.g. 'Kazan: drone strike; KZN flights suspended', then 'Kazan'); a label with
    no free box for any text is dropped (recorded in layout.dropped)."""
    width, height = layout.frame.width, layout.frame.height
    hard = [m.box() for m in layout.markers] + list(layout.obstacles)
    taken = hard + list(layout.soft)
    by_number = {m.number: m for m in layout.markers}
    for number in order:
        marker, wanted = by_number.get(number), texts.get(number, "")
        options = [wanted] if isinstance(wanted, str) else list(wanted)
        options = [t for t in options if t]
        if marker is None or not options:
            continue
        own = marker.box()
        placed = None
        for avoid in (taken, hard):
            for text in options:
                w = text_width(text) + 2 * LABEL_PAD
                spot = next((box for box in candidates(marker, w, height) if box.inside(width, height)
                             and not any(box.overlaps(other) for other in avoid if other != own)), None)
                if spot is not None:
                    placed = Label(number, text, spot)
                    break
            if placed is not None:
                break
        if placed is None:
            layout.dropped.append(number)
            continue
        taken.append(placed.box)
        hard.append(placed.box)
        layout.labels.append(placed)


def city_obstacles(frame: MapFrame, name: str, lat: float, lon: float) -> list[Box]:
    """What the map itself draws that a label must not hide: the reference city's dot and name, and the scale bar."""
    xs, ys = frame.project([lat], [lon])
    x, y = float(xs[0]), float(ys[0])
    out = [Box(x - 8, y - 8, 16, 16), Box(x + 8, y - 8, min(120.0, text_width(name[:40], CITY_SIZE) + 4), 16)]
    x0, y0, x1, y1 = SCALE_BOX
    out.append(Box(x0, frame.height + y0, x1 - x0, y1 - y0))
    return out


def ring_label_boxes(frame: MapFrame, points: Iterable[tuple[float, float]], texts: Iterable[str]) -> list[Box]:
    """The range rings' labels ('250 km', centred on their point), which labels avoid when they can."""
    points, texts = list(points), list(texts)
    if not points:
        return []
    xs, ys = frame.project([p[0] for p in points], [p[1] for p in points])
    out = []
    for x, y, label in zip(xs, ys, texts):
        w = text_width(label, 11, bold=False) + 4
        out.append(Box(float(x) - w / 2, float(y) - 7, w, 14))
    return out


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """A map label of at most `limit` characters (an ellipsis marks a cut; the table carries the whole text)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ;,:") + "…"


def wrapped_lines(text: str, width: float, size: float = 10, bold: bool = False, spacing: float = 0.0) -> int:
    """How many lines `text` takes when wrapped at spaces in a box `width` px wide (a word longer than a line is
    broken anywhere, as overflow-wrap: anywhere does); `spacing` is letter-spacing in px."""
    if not str(text).strip():
        return 0
    scale = size / round(size)
    measure = lambda s: text_width(s, round(size), bold) * scale + spacing * len(s)  # noqa: E731
    space = measure(" ")
    lines, used = 1, 0.0
    for word in str(text).split():
        w = measure(word)
        while w > width:  # a long word (a URL) fills lines of its own
            if used:
                lines, used = lines + 1, 0.0
            w -= width
            lines += 1
        extra = w if not used else space + w
        if used + extra <= width:
            used += extra
        else:
            lines, used = lines + 1, w
    return lines
