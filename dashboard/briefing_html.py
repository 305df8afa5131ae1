"""Builds the one-page briefing as self-contained HTML (pure: no browser, no files, no clock)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from dashboard.escape import html_text, safe_url
from dashboard.maps import EVENT_COLORS, EVENT_SVG_PATHS, MapOptions, build_map, render_html
from dashboard.maps.airports import at_airports
from incidents.figures import BRIEF_BARS, NOT_STATED, Figures, Timeline, count_text, figures, plural
from incidents.frames import drawable_rows, with_reference
from incidents.model import EVENT_LABELS, EVENT_TYPES, IncidentFilter
from incidents.selection import select

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_ROWS = 13  # table rows that fit under the map on one A4 landscape page
MAP_HEIGHT = 396  # CSS pixels of the map with a full table under it
ROW_HEIGHT = 16  # CSS pixels of one table line: a shorter table gives its room to the map
HEAD_HEIGHT = 18  # the table's header line, absent when the window is empty
BANNER_HEIGHT = 24  # one classification banner and its gap, given to the map when there is no banner
HEADER_HEIGHT = 56  # title, key figures and filters
LONG_TITLE = 60  # characters: a longer title is set smaller on up to two lines (taking LONG_TITLE_EXTRA px more)
LONG_TITLE_EXTRA = 10
LONG_BANNER = 120  # characters: a longer banner wraps onto two small lines, printed whole up to ~300 characters
LONG_BANNER_EXTRA = 8
MAX_SOURCES = 6  # numbered references that fit in the side column
CELL_CHARS = 60  # longest text kept in one table cell (the rest is cut with an ellipsis)
TIMELINE_SIZE = (400, 104)  # width, height of the SVG chart in CSS pixels
MAX_CHART_GROWTH = 80  # the chart grows by half the map's extra height, up to this many pixels
ATTRIBUTION = (
    "Basemap: Natural Earth (public domain).",
    "Places: GeoNames (CC BY 4.0); airports: airportsdata (MIT).",
    "Map drawn with Leaflet (BSD-2-Clause) via folium (MIT).",
)
OSM_ATTRIBUTION = "Map tiles © OpenStreetMap contributors (ODbL)."
COMPASS_ABBREVIATIONS = {
    "north": "N", "south": "S", "east": "E", "west": "W",
    "northeast": "NE", "northwest": "NW", "southeast": "SE", "southwest": "SW",
}
# A printed map has nothing to click: hide the zoom buttons and the layer switcher; the key is drawn beside the map.
# No zoom or fade animations: fitBounds lands at once, so a capture never catches a half-zoomed, scaled map.
STATIC_MAP_JS = "if (window.L) { L.Map.mergeOptions({zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false}); }"
STATIC_MAP_CSS = (
    ".leaflet-control-zoom, .leaflet-control-layers, .im-legend { display: none !important; }"
    " body { font-variant-ligatures: none; }"
)


@dataclass(frozen=True)
class Row:
    """One table line of the briefing, already escaped."""

    when: Markup
    place: Markup
    region: Markup
    kind: Markup
    symbol: Markup
    killed: Markup
    injured: Markup
    distance: Markup
    airport: Markup
    refs: Markup


@dataclass
class SourceList:
    """Numbered references in the order the table first cites them, de-duplicated by URL or title."""

    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)

    def cite(self, source: dict[str, Any]) -> int:
        key = (str(source.get("url") or ""), "" if source.get("url") else str(source.get("title") or ""))
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
            self.items.append(source)
        return self.numbers[key]


def briefing_html(
    frame: pd.DataFrame,
    flt: IncidentFilter,
    *,
    title: str,
    banner: str,
    generated_at: datetime,
    reference: Any,
    online_tiles: bool = False,
    max_rows: int = MAX_ROWS,
    data_as_of: date | None = None,
) -> str:
    """The briefing page for the incidents of `frame` that pass `flt`: one A4 landscape sheet of HTML. Every figure
    on it comes from incidents.figures (`data_as_of`: the newest incident in the store, else in `frame`)."""
    frame = drawable_rows(frame)[0]  # a stored row that cannot be drawn is left out, and dates no figure
    view = select(frame, flt)
    figs = brief_figures(view, flt, data_as_of or _newest(frame))
    title, banner = title or "Incident briefing", banner.strip() if banner else ""
    long_title, long_banner = len(title) > LONG_TITLE, len(banner) > LONG_BANNER
    recent = with_reference(at_airports(most_recent(view, max_rows)), reference.lat, reference.lon)  # as the map draws them
    sources = SourceList()
    rows = [table_row(record, sources) for record in recent.to_dict("records")]
    height = map_height(len(rows), max_rows, banner=bool(banner)) - (LONG_TITLE_EXTRA if long_title else 0) - (
        2 * LONG_BANNER_EXTRA if long_banner else 0)
    chart = (TIMELINE_SIZE[0], TIMELINE_SIZE[1] + min(MAX_CHART_GROWTH, (height - MAP_HEIGHT) // 2))
    context = {
        "title": text(title),
        "banner": text(banner),
        "long_title": long_title,
        "long_banner": long_banner,
        "header_height": HEADER_HEIGHT + (LONG_TITLE_EXTRA if long_title else 0),
        "window": window_text(view, flt),
        "filters": filters_text(flt),
        "summary": summary_text(figs),
        "count": len(view),
        "rows": rows,
        "more": len(view) - len(rows),
        "sources": [source_item(number, item) for number, item in enumerate(sources.items[:MAX_SOURCES], 1)],
        "more_sources": max(0, len(sources.items) - MAX_SOURCES),
        "timeline": Markup(timeline_svg(figs.timeline, chart)),
        "timeline_unit": figs.timeline.unit,
        "legend": legend_items(figs),
        "map_html": map_document(view, reference, online_tiles),
        "map_height": height,
        "reference": text(f"{reference.name} ({reference.lat:.2f}, {reference.lon:.2f})"),
        "rings": rings_text(),
        "attribution": " ".join(ATTRIBUTION + ((OSM_ATTRIBUTION,) if online_tiles else ())),
        "generated": generated_text(generated_at),
        "online_tiles": online_tiles,
    }
    return _template().render(**context)


def brief_figures(view: pd.DataFrame, flt: IncidentFilter, data_as_of: date | None) -> Figures:
    """The figures of the briefing's view (by day, week or month: at most BRIEF_BARS bars)."""
    return figures(view, flt.start, flt.end, data_as_of=data_as_of, max_bars=BRIEF_BARS, hourly=False)


def _newest(frame: pd.DataFrame) -> date | None:
    days = frame["day"].dropna() if len(frame) else frame["day"]
    return None if days.empty else days.max().date()


def map_height(rows: int, max_rows: int = MAX_ROWS, banner: bool = True) -> int:
    """The map's height in CSS pixels: the full height when the table is full and banners are printed, taller by
    the table lines and banners the page does not use."""
    spare = max(0, max_rows - rows) * ROW_HEIGHT + (0 if rows else HEAD_HEIGHT) + (0 if banner else 2 * BANNER_HEIGHT)
    return MAP_HEIGHT + spare


def most_recent(view: pd.DataFrame, n: int) -> pd.DataFrame:
    """The `n` latest incidents, newest first (by day, then start time), without sorting the whole view."""
    if len(view) <= n:
        tail = view
    else:
        tail = view[view["day"] >= view["day"].iloc[-n]]
    order = tail.assign(_start=tail["started_at"].astype(str)).sort_values(["day", "_start"], ascending=False, kind="stable")
    return order.drop(columns="_start").head(n)


@lru_cache(maxsize=1)
def _template():
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined)
    return env.get_template("briefing.html.j2")


def text(value: Any, limit: int | None = None) -> Markup:
    """Data text escaped for HTML (and for any JS template it may reach), optionally cut to `limit` characters."""
    plain = "" if _missing(value) else str(value)
    if limit is not None and len(plain) > limit:
        plain = plain[: limit - 1].rstrip() + "…"
    return Markup(html_text(plain))


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and value != value


def table_row(record: dict[str, Any], sources: SourceList) -> Row:
    """The escaped table line for one incident, citing its sources in `sources`."""
    numbers = sorted({sources.cite(source) for source in (record.get("sources") or ())})
    kind = str(record.get("event_type") or "other")
    return Row(
        when=text(local_time(record.get("started_at"), record.get("ended_at"))),
        place=text(record.get("place") or "unnamed place", CELL_CHARS),
        region=text(_join(record.get("admin1"), record.get("country")), CELL_CHARS),
        kind=text(EVENT_LABELS.get(kind, kind)),
        symbol=Markup(symbol_svg(kind, _status_key(record) if kind == "airspace_restriction" else "", 11)),
        killed=text(count_text(record.get("killed"))),
        injured=text(count_text(record.get("injured"))),
        distance=text(distance_text(record.get("ref_km"), record.get("ref_compass"))),
        airport=text(airport_text(record), CELL_CHARS),
        refs=text(" ".join(f"[{n}]" for n in numbers) or "—"),
    )


def _status_key(record: dict[str, Any]) -> str:
    status = record.get("status")
    return "none" if _missing(status) or not status else str(status)


def _join(*parts: Any) -> str:
    return ", ".join(str(part) for part in parts if not _missing(part) and str(part))


def distance_text(km: Any, compass: Any) -> str:
    """ "721 km E" from the distance and the 16-point compass word from the reference city."""
    if _missing(km):
        return "—"
    if float(km) < 0.5:
        return "0 km"
    words = str(compass or "").split("-")
    direction = "".join(COMPASS_ABBREVIATIONS.get(word, "") for word in words)
    return f"{float(km):,.0f} km {direction}".strip()


def airport_text(record: dict[str, Any]) -> str:
    """The airport codes with the restriction status, e.g. "KZN/UWKD active"."""
    codes = "/".join(str(code) for code in (record.get("airport_iata"), record.get("airport_icao")) if not _missing(code) and code)
    status = record.get("status")
    if not codes:
        return "—"
    return f"{codes} {status}" if not _missing(status) and status else f"{codes} (status {NOT_STATED})"


def local_time(started: Any, ended: Any = None) -> str:
    """The local start (and end) time with its UTC offset; a bare date stays a date, never midnight."""
    if _missing(started) or not str(started):
        return NOT_STATED
    start = str(started)
    if len(start) <= 10:
        return f"{start} (time {NOT_STATED})"
    moment = _instant(start)
    if moment is None:
        return start
    out = f"{moment:%Y-%m-%d %H:%M}"
    end = None if _missing(ended) or not ended or len(str(ended)) <= 10 else _instant(str(ended))
    if end is not None and end.date() == moment.date():
        out += f"–{end:%H:%M}"
    return f"{out} {utc_offset(moment)}"


def _instant(text: str) -> datetime | None:
    """The aware datetime of an ISO 8601 time, None when a stored value does not parse (shown as written)."""
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def utc_offset(moment: datetime) -> str:
    """ "UTC+03:00" for an aware datetime."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def window_text(view: pd.DataFrame, flt: IncidentFilter) -> Markup:
    """The date window (the filter's, else the data's) and the time zones its days are counted in."""
    first, last = flt.start, flt.end
    if (first is None or last is None) and len(view):
        days = view["day"]
        first = first or days.min().date()
        last = last or days.max().date()
    if first is None and last is None:
        span = "all dates"
    else:
        span = f"{_day_text(first, 'earliest')} to {_day_text(last, 'latest')}"
    zones = time_zones(view["started_at"])
    zone_text = f"local calendar days ({', '.join(zones)})" if zones else "local calendar days of each incident"
    return text(f"{span}, {zone_text}")


def _day_text(value: date | None, fallback: str) -> str:
    return value.strftime("%d %b %Y").lstrip("0") if value else fallback


def time_zones(started: Iterable[Any]) -> list[str]:
    """The UTC offsets written in the start times: each one when at most three, else the lowest and highest."""
    offsets = pd.Series(list(started), dtype=object).astype(str).str.slice(16)
    found = sorted({_offset_name(value) for value in pd.unique(offsets)} - {""}, key=_offset_minutes)
    return found if len(found) <= 3 else [f"{found[0]} to {found[-1]}"]


def _offset_name(value: str) -> str:
    if value == "Z":
        return "UTC+00:00"
    return f"UTC{value[-6:]}" if len(value) >= 6 and value[-6] in "+-" else ""


def _offset_minutes(name: str) -> int:
    sign = -1 if name[3] == "-" else 1
    return sign * (int(name[4:6]) * 60 + int(name[7:9]))


def filters_text(flt: IncidentFilter) -> Markup:
    """The non-date filters in force, in words, always with the review states shown."""
    parts = []
    if flt.event_types:
        parts.append("types: " + ", ".join(EVENT_LABELS.get(t, t) for t in flt.event_types))
    for label, values in (("regions", flt.regions), ("countries", flt.countries), ("verification", flt.verification)):
        if values:
            parts.append(f"{label}: " + ", ".join(values))
    if flt.text:
        parts.append(f'text: "{flt.text}"')
    parts.append("reviewed incidents only" if tuple(flt.review) == ("reviewed",) else
                 "review states: " + (", ".join(flt.review) if flt.review else "all, drafts and rejected included"))
    if flt.bbox:
        parts.append("map area: S {:.2f} W {:.2f} N {:.2f} E {:.2f}".format(*flt.bbox))
    if flt.distance_km:
        low, high = flt.distance_km
        parts.append(f"distance {low:,.0f}–{high:,.0f} km" if math.isfinite(high) else f"distance from {low:,.0f} km")
    return text("; ".join(parts), 200)


def summary_text(figs: Figures) -> Markup:
    """One line of key figures: incidents, strikes, killed/injured (null-aware), airports restricted, data as of."""
    if not figs.incidents:
        return text("No incidents in this window.")
    parts = [
        plural(figs.incidents, "incident"),
        plural(figs.strikes, "strike"),
        f"killed {figs.killed.total_text}",
        f"injured {figs.injured.total_text}",
        figs.restricted_text(),
    ]
    if figs.data_as_of:
        parts.append(f"data as of {figs.data_as_of}")
    return text(" · ".join(parts))


def legend_items(figs: Figures) -> list[dict[str, Any]]:
    """The map's key, drawn beside the map so it hides no marker: symbol, label and count per type and status."""
    counts = figs.by_type
    items = [
        {"symbol": Markup(symbol_svg(kind)), "label": EVENT_LABELS[kind], "count": f"{counts[kind]:,}"}
        for kind in EVENT_TYPES
        if counts[kind] and kind != "airspace_restriction"
    ]
    for status, count in figs.restriction_records.items():
        if count:
            label = f"Airspace restriction {RESTRICTION_LABELS[status]}"
            items.append({"symbol": Markup(symbol_svg("airspace_restriction", status)), "label": label, "count": f"{count:,}"})
    return items


RESTRICTION_LABELS = {"active": "active", "lifted": "lifted", "none": "(status not stated)"}


def symbol_svg(kind: str, status: str = "", size: int = 12) -> str:
    """The map's marker for an event type as inline SVG: filled, or a dashed outline when a restriction was lifted."""
    color = EVENT_COLORS.get(kind, "#6E6E6E")
    fill, opacity, stroke, width, dash = color, "0.95", "#1a1a1a", "1.3", ""
    if status == "lifted":
        fill, opacity, stroke, width, dash = "#ffffff", "0.9", color, "2.4", ' stroke-dasharray="3 2"'
    elif status == "none":
        opacity = "0.55"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 20 20">'
        f'<path d="{EVENT_SVG_PATHS.get(kind, EVENT_SVG_PATHS["other"])}" fill="{fill}" fill-opacity="{opacity}" '
        f'stroke="{stroke}" stroke-width="{width}"{dash} stroke-linejoin="round"/></svg>'
    )


def source_item(number: int, source: dict[str, Any]) -> dict[str, Any]:
    """A numbered reference: title, publication date and URL (a link only when it is http(s))."""
    url = str(source.get("url") or "")
    return {
        "number": number,
        "title": text(source.get("title") or "untitled source", 120),
        "published": text(str(source.get("published") or "")[:10]),
        "url": text(url, 110),
        "href": safe_url(url) if url else "",
    }


def generated_text(moment: datetime) -> Markup:
    """ "2026-11-26 01:05 UTC" for the generation time."""
    utc = moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return text(f"{utc:%Y-%m-%d %H:%M} UTC")


def timeline_svg(timeline: Timeline, size: tuple[int, int] = TIMELINE_SIZE) -> str:
    """A small stacked bar chart of the figures' timeline (per day, week or month, by type), as inline SVG."""
    width, height = size
    counts = timeline.table()
    starts = list(counts.index)
    left, bottom, top = 34, 18, 6
    plot_w, plot_h = width - left - 4, height - bottom - top
    peak = int(counts.sum(axis=1).max()) if len(counts) else 0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="Incidents per {timeline.unit} by type">',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#444" stroke-width="1"/>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" class="axis">0</text>',
    ]
    if peak:
        parts.append(f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" class="axis">{peak:,}</text>')
    if len(counts) and peak:
        parts.extend(_bars(counts, left, top, plot_w, plot_h, peak))
    if starts:
        parts.append(f'<text x="{left}" y="{height - 4}" class="axis">{_bin_label(starts[0], timeline.unit)}</text>')
        parts.append(f'<text x="{left + plot_w}" y="{height - 4}" text-anchor="end" class="axis">'
                     f'{_bin_label(starts[-1], timeline.unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _bars(counts: pd.DataFrame, left: int, top: int, plot_w: int, plot_h: int, peak: int) -> list[str]:
    slot = plot_w / len(counts)
    bar_w = min(max(slot * 0.8, 0.8), 36.0)
    out = []
    for index, row in enumerate(counts.itertuples(index=False)):
        base = top + plot_h
        for kind, value in zip(counts.columns, row):
            if not value:
                continue
            h = plot_h * value / peak
            base -= h
            out.append(
                f'<rect x="{left + index * slot + (slot - bar_w) / 2:.2f}" y="{base:.2f}" width="{bar_w:.2f}" '
                f'height="{h:.2f}" fill="{EVENT_COLORS.get(kind, "#777777")}"/>'
            )
    return out


def _bin_label(start: pd.Timestamp, unit: str) -> str:
    return start.strftime("%b %Y") if unit == "month" else start.strftime("%d %b %Y").lstrip("0")


def map_options(online_tiles: bool) -> Any:
    """The map's options for a briefing: offline basemap unless online tiles were asked for."""
    return MapOptions(tiles="osm" if online_tiles else "offline", fit_reference=True)


def rings_text() -> str:
    """The range rings the map draws, e.g. "250, 500, 750, 1,000 km"."""
    return ", ".join(f"{km:,g}" for km in map_options(False).rings_km) + " km"


def map_document(view: pd.DataFrame, reference: Any, online_tiles: bool) -> str:
    """The rendered folium map of `view` as one HTML document with its assets inlined (no network), print-ready."""
    document = render_html(build_map(view, reference=reference, options=map_options(online_tiles)), assets="inline")
    return document.replace("</head>", f"<style>{STATIC_MAP_CSS}</style><script>{STATIC_MAP_JS}</script></head>", 1)
