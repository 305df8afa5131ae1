"""Builds the briefing as self-contained HTML (pure: no browser, no files, no clock): page 1 with the map, the
analyst's words, the figures and the first rows; continuation pages with the full table and every source (PDF)."""

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

from dashboard.briefing_groups import Group, numbered_groups
from dashboard.briefing_layout import wrapped_lines
from dashboard.briefing_map import BriefMap, brief_map
from dashboard.briefing_markdown import MAX_SUMMARY, block_html, blocks
from dashboard.escape import html_text, safe_url
from dashboard.maps import EVENT_COLORS, EVENT_SVG_PATHS, MapOptions
from dashboard.maps.airports import at_airports
from incidents.figures import (
    BRIEF_BARS, NOT_STATED, Figures, Timeline, count_text, figures, plural, verification_counts, verification_text,
)
from incidents.frames import drawable_rows, with_reference
from incidents.model import EVENT_LABELS, EVENT_TYPES, IncidentFilter
from incidents.selection import select

TEMPLATES = Path(__file__).resolve().parent / "templates"
SHEET_W, SHEET_H = 1122, 792  # A4 landscape in CSS pixels
PAD_TOP, PAD_BOTTOM, PAD_SIDE, GAP = 10, 6, 18, 6
CONTENT_W = SHEET_W - 2 * PAD_SIDE
MAP_W = 672
SIDE_W = CONTENT_W - MAP_W - 12
MAX_ROWS = 13  # table rows on page 1 at most
ROW_HEIGHT = 16  # one table line on page 1
HEAD_HEIGHT = 18  # the table's header line
MORE_HEIGHT = 14  # the "and N more" line
FOOTER_HEIGHT = 16
META_LINES = 3  # window and author; reliability and the map's view; filters (the figures line wraps: measured)
META_LINE = 14
MIN_MAP_HEIGHT = 300
MAX_TITLE = 200  # characters
MAX_BANNER = 300
MAX_AUTHOR = 120
LIST_LIMIT = 500  # incidents listed in the PDF's full table at most (the CSV export has them all)
CELL_CHARS = 60  # longest text kept in a page-1 table cell (the continuation table prints it whole)
TIMELINE_SIZE = (400, 104)  # width, height of the SVG chart in CSS pixels
MAX_CHART_GROWTH = 80
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
# Continuation table columns (CSS px; the last takes the rest) and the plain-text cells they measure.
CONT_COLUMNS = (("#", 30), ("Local time", 196), ("Place", 142), ("Region", 122), ("Type", 124), ("Killed", 64),
                ("Injured", 64), ("From ref.", 80), ("Airport", 118), ("Verification", 86), ("Sources", 0))


class BriefingInputError(ValueError):
    """The analyst's text is too long for a briefing (a one-line message naming the limit)."""


@dataclass(frozen=True)
class Row:
    """One table line of the briefing, already escaped; `number` is its group's number on the map."""

    number: int
    when: Markup
    place: Markup
    region: Markup
    kind: Markup
    symbol: Markup
    killed: Markup
    injured: Markup
    distance: Markup
    airport: Markup
    verification: Markup
    refs: Markup
    synthetic: bool = False
    full_place: Markup = Markup("")
    full_region: Markup = Markup("")
    full_airport: Markup = Markup("")

    def cells(self) -> list[str]:
        """The continuation table's plain cell texts, for measuring."""
        return [str(v.unescape()) for v in (Markup(str(self.number)), self.when, self.full_place, self.full_region,
                                             self.kind, self.killed, self.injured, self.distance, self.full_airport,
                                             self.verification, self.refs)]


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


@dataclass
class Briefing:
    """A built briefing: its HTML and what went into it (for slides and tests)."""

    html: str
    title: str
    figures: Figures
    reliability: str
    rows: list[Row]
    groups: list[Group]
    sources: list[dict[str, Any]]
    map: BriefMap
    pages: int
    synthetic: bool
    headline: str
    banner: str = ""
    summary_source: str = ""
    author: str = ""


def check_words(title: str, banner: str, summary: str, author: str) -> None:
    """BriefingInputError when a text is longer than a page can hold whole."""
    for name, value, limit in (("title", title, MAX_TITLE), ("banner", banner, MAX_BANNER),
                               ("summary", summary, MAX_SUMMARY), ("author", author, MAX_AUTHOR)):
        if len(value or "") > limit:
            raise BriefingInputError(f"the {name} has {len(value):,} characters; a briefing prints at most {limit:,}")


def briefing_html(frame: pd.DataFrame, flt: IncidentFilter, **options: Any) -> str:
    """The briefing page(s) for the incidents of `frame` that pass `flt` (see build_briefing)."""
    return build_briefing(frame, flt, **options).html


def build_briefing(
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
    summary: str = "",
    author: str = "",
    view_bounds: tuple[float, float, float, float] | None = None,
    continuation: bool = True,
) -> Briefing:
    """The briefing for the incidents of `frame` that pass `flt`: page 1 (A4 landscape) and, when `continuation`,
    the pages that carry the rest of the summary, the full table and every source. Every figure comes from
    incidents.figures (`data_as_of`: the newest incident in the store, else in `frame`); `view_bounds` is the map
    view on screen (south, west, north, east) when made from the app."""
    title = " ".join((title or "Incident briefing").split())
    banner, author, summary = " ".join((banner or "").split()), " ".join((author or "").split()), (summary or "").strip()
    check_words(title, banner, summary, author)
    frame = drawable_rows(frame)[0]  # a stored row that cannot be drawn is left out, and dates no figure
    view = select(frame, flt)
    figs = brief_figures(view, flt, data_as_of or _newest(frame))
    counts = verification_counts(view)
    listed = with_reference(at_airports(most_recent(view, LIST_LIMIT)),
                            reference.lat, reference.lon)  # as the map draws them
    groups = numbered_groups(listed.to_dict("records"))
    sources = SourceList()
    rows = [table_row(record, sources, group.number) for group in groups for record in group.records]
    first = rows[:max_rows]
    headline = summary_text(figs)
    sizes = page_one_sizes(title, banner, len(first), len(view) > len(first), str(headline.unescape()))
    marked = max((row.number for row in first), default=0)
    the_map = brief_map(view, groups, reference, (MAP_W - 2, sizes["map"] - 2), bounds=view_bounds,
                        online_tiles=online_tiles, marked=marked)
    legend = legend_items(figs, the_map)
    side = side_column(blocks(summary), legend, sources.items, sizes["map"])
    synthetic = counts["synthetic"] > 0
    needed = bool(side["summary_rest"]) or len(view) > len(first) or side["sources"] < len(sources.items)
    unlisted = len(view) - len(rows)
    later = continuation_pages(side["summary_rest"], rows, sources.items, banner, title, unlisted) \
        if continuation and needed else []
    total_pages = 1 + len(later)
    source_page = next((n for n, page in enumerate(later, 2) if any(kind == "sources" for kind, _ in page["parts"])), None)
    context = {
        "title": text(title),
        "title_size": sizes["title_size"],
        "title_line": sizes["title_line"],
        "banner": text(banner),
        "banner_height": sizes["banner"],
        "header_height": sizes["header"],
        "author": text(author),
        "window": window_text(view, flt),
        "filters": filters_text(flt),
        "map_note": text(map_note(the_map, len(groups))),
        "summary": headline,
        "reliability": reliability_html(counts) if len(view) else Markup(""),
        "count": len(view),
        "rows": first,
        "more": len(view) - len(first),
        "more_where": more_where(len(view), len(rows), continuation, total_pages),
        "analysis": Markup("".join(block_html(kind, lines) for kind, lines in side["summary"])),
        "analysis_more": bool(side["summary_rest"]) and continuation,
        "analysis_cut": bool(side["summary_rest"]) and not continuation,
        "sources": [source_item(number, item) for number, item in enumerate(sources.items[:side["sources"]], 1)],
        "more_sources": max(0, len(sources.items) - side["sources"]),
        "source_page": source_page,
        "timeline": Markup(timeline_svg(figs.timeline, (TIMELINE_SIZE[0], side["chart"]))),
        "timeline_unit": figs.timeline.unit,
        "legend": legend,
        "map_html": the_map.document,
        "overlay": Markup(the_map.overlay),
        "map_height": sizes["map"],
        "reference": text(f"{reference.name} ({reference.lat:.2f}, {reference.lon:.2f})"),
        "rings": rings_text(),
        "attribution": " ".join(ATTRIBUTION + ((OSM_ATTRIBUTION,) if online_tiles else ())),
        "generated": generated_text(generated_at),
        "online_tiles": online_tiles,
        "synthetic": synthetic,
        "pages": later,
        "total_pages": total_pages,
        "columns": CONT_COLUMNS,
    }
    html = _template().render(**context)
    return Briefing(html, title, figs, verification_text(counts), rows, groups, sources.items, the_map, total_pages,
                    synthetic, str(headline.unescape()), banner, summary, author)


def reliability_html(counts: dict[str, int]) -> Markup:
    """'Reliability: 4 reported · 19 synthetic' with the synthetic count in bold (figures' counts, not recounted)."""
    parts = [Markup("<b>{}</b>").format(f"{n:,} {name}") if name == "synthetic" else text(f"{n:,} {name}")
             for name, n in counts.items() if n]
    return Markup("Reliability: ") + Markup(" · ").join(parts)


def more_where(view: int, listed: int, continuation: bool, pages: int) -> str:
    """Where the rows page 1 leaves out are listed."""
    if continuation and pages > 1:
        return " (all listed from page 2)" if view == listed else f" (the {listed:,} most recent are listed from page 2)"
    return ""


def map_note(the_map: BriefMap, groups: int) -> str:
    """What the map shows, in words: the view on screen or a fit, and which numbers it marks."""
    south, west, north, east = the_map.frame.bounds()
    where = (f"the view on screen in the app (S {south:.2f} W {west:.2f} N {north:.2f} E {east:.2f}, "
             f"zoom {the_map.frame.zoom:.1f})" if the_map.from_view else
             "fitted to the incidents" if groups else "around the reference city (no incidents)")
    marks = f"; numbers 1–{the_map.marked} marked" if groups > the_map.marked else ""
    outside = the_map.marked - len(the_map.layout.markers)
    if outside > 0:
        marks += f", {outside} of them outside the view"
    return f"Map: {where}{marks}"


def title_lines(title: str) -> tuple[int, int, int]:
    """(font size, line height, lines) of the title: 20 px on one line when it fits, else 16 px wrapped."""
    if wrapped_lines(title, CONTENT_W, 20, bold=True) <= 1:
        return 20, 24, 1
    return 16, 19, wrapped_lines(title, CONTENT_W - 4, 16, bold=True)


def banner_height(banner: str) -> int:
    """The banner's height: 12 px lines (bold 9.5 px, letter-spaced) inside 2 px rules."""
    if not banner:
        return 0
    return 12 * max(1, wrapped_lines(banner, CONTENT_W - 6, 9.5, bold=True, spacing=0.4)) + 6


def page_one_sizes(title: str, banner: str, rows: int, more: bool, figures: str = "") -> dict[str, int]:
    """Heights on page 1: banner, header, the table and what is left for the map (never below MIN_MAP_HEIGHT rows
    permitting: the table is what gives way)."""
    size, line, lines = title_lines(title)
    band = banner_height(banner)
    header = line * lines + (META_LINES + max(1, wrapped_lines(figures, CONTENT_W - 4, 11))) * META_LINE + 5
    table = (HEAD_HEIGHT + rows * ROW_HEIGHT if rows else MORE_HEIGHT) + (MORE_HEIGHT + 2 if more else 0)
    parts = [header, table, FOOTER_HEIGHT] + ([band, band] if band else [])
    room = SHEET_H - PAD_TOP - PAD_BOTTOM - GAP * len(parts) - sum(parts)
    return {"map": max(MIN_MAP_HEIGHT, room), "header": header, "banner": band, "title_size": size,
            "title_line": line}


def map_height(rows: int, max_rows: int = MAX_ROWS, banner: bool = True, title: str = "Incident briefing") -> int:
    """The map's height for `rows` table lines (a short table gives its room to the map)."""
    shown = min(rows, max_rows)
    return page_one_sizes(title, "UNCLASSIFIED" if banner else "", shown, rows > max_rows)["map"]


SUMMARY_LINE, SOURCE_TITLE_LINE, SOURCE_URL_LINE, H2 = 12.5, 12, 11, 19


def side_column(summary: list[tuple[str, list[str]]], legend: list[dict[str, Any]], sources: list[dict[str, Any]],
                height: int) -> dict[str, Any]:
    """What fits beside the map: the summary's first blocks (the rest continues later), the key, the chart (grown
    into spare room) and as many sources as fit whole."""
    key = H2 + 13 * (math.ceil(len(legend) / 2) + 2)
    chart_min = H2 + TIMELINE_SIZE[1]
    room = height - key - chart_min - H2 - 6
    shown, used = [], 0.0
    if summary:
        used = H2
        for index, (kind, lines) in enumerate(summary):
            need = block_height(kind, lines)
            if used + need > room - 44:  # keep room for a source
                head, tail = split_paragraph(kind, lines, room - 44 - used - 13)
                if head:
                    shown.append(("p", head))
                    rest = [("p", tail)] + summary[index + 1:]
                else:
                    rest = summary[index:]
                break
            shown.append((kind, lines))
            used += need
        else:
            rest = []
    else:
        rest = []
    if rest:
        used += 13  # "continued on page 2"
    left = room - used
    heights = [source_height(item) for item in sources]
    fit, total = 0, 0.0
    for h in heights:
        if total + h > left - 14:  # keep a line for "and N more sources"
            break
        fit, total = fit + 1, total + h
    if fit == len(sources) and sources:
        fit = len(sources)
    spare = max(0.0, left - total - 16)
    chart = TIMELINE_SIZE[1] + int(min(MAX_CHART_GROWTH, spare / 2))
    return {"summary": shown, "summary_rest": rest, "sources": fit, "chart": chart}


def split_paragraph(kind: str, lines: list[str], room: float) -> tuple[list[str], list[str]]:
    """A paragraph cut at the last word that fits in `room` px (markers kept balanced by cutting between words
    outside ** and *), as (head, tail) line lists; ([], lines) when not even a line fits or it is a list."""
    if kind != "p" or room < SUMMARY_LINE * 2:
        return [], lines
    words = " ".join(lines).split(" ")
    low, high = 0, len(words)
    while low < high:
        mid = (low + high + 1) // 2
        if block_height("p", [" ".join(words[:mid])]) <= room:
            low = mid
        else:
            high = mid - 1
    while low and (" ".join(words[:low]).count("**") % 2 or " ".join(words[:low]).replace("**", "").count("*") % 2):
        low -= 1
    if not low or low == len(words):
        return [], lines
    return [" ".join(words[:low])], [" ".join(words[low:])]


def block_height(kind: str, lines: list[str]) -> float:
    """A summary block's height in the side column (lists indent by 14 px)."""
    width = SIDE_W - (16 if kind != "p" else 2)
    items = [" ".join(lines)] if kind == "p" else lines
    return sum(wrapped_lines(item, width, 10, bold=False) * SUMMARY_LINE * 1.04 for item in items) + 4


def source_height(item: dict[str, Any]) -> float:
    """A numbered source in the side column: its wrapped title and URL lines."""
    title = f"[00] {item.get('title') or 'untitled source'}"
    url = f"{str(item.get('published') or '')[:10]} · {item.get('url') or 'no URL given'}"
    return (wrapped_lines(title, SIDE_W - 4, 9.5) * SOURCE_TITLE_LINE + wrapped_lines(url, SIDE_W - 4, 9) *
            SOURCE_URL_LINE + 3)


CONT_HEADER = 26  # the title line and "continued" on each continuation page


def continuation_pages(summary_rest: list[tuple[str, list[str]]], rows: list[Row], sources: list[dict[str, Any]],
                       banner: str, title: str, unlisted: int = 0) -> list[dict[str, Any]]:
    """Pages 2…: the rest of the summary, the full table (rows wrap, never cut) and every source with its URL."""
    band = banner_height(banner)
    title_h = 19 * max(1, wrapped_lines(title, CONTENT_W - 200, 14, bold=True))
    room = SHEET_H - PAD_TOP - PAD_BOTTOM - (2 * band + 2 * GAP if band else 0) - title_h - 8 - FOOTER_HEIGHT - 2 * GAP
    items: list[tuple[str, Any, float]] = []
    if summary_rest:
        items.append(("h2", "Summary (continued)", H2))
        items.extend(("summary", Markup(block_html(kind, lines)), block_height_wide(kind, lines)) for kind, lines in summary_rest)
    items.append(("h2", "All incidents listed", H2))
    items.extend(("row", row, row_height(row)) for row in rows)
    if unlisted > 0:
        items.append(("note", f"and {unlisted:,} more incidents are not listed (the {len(rows):,} most recent are); "
                              "the CSV export has them all", MORE_HEIGHT + 4))
    items.append(("h2", "Sources", H2))
    items.extend(("source", source_item(n, item, full=True), source_height_wide(item)) for n, item in enumerate(sources, 1))
    pages: list[dict[str, Any]] = []
    current: list[tuple[str, Any]] = []
    used = 0.0
    for kind, value, height in items:
        need = height + (HEAD_HEIGHT if kind == "row" and (not current or current[-1][0] != "row") else 0)
        if current and used + need > room:
            pages.append(_page(current))
            current, used = [], 0.0
            need = height + (HEAD_HEIGHT if kind == "row" else 0)
        current.append((kind, value))
        used += need
    if current:
        pages.append(_page(current))
    return pages if (summary_rest or rows or sources) else []


def _page(items: list[tuple[str, Any]]) -> dict[str, Any]:
    """One continuation page: its parts in order (runs of rows become one table), and whether it lists synthetic
    incidents (then it carries the mark)."""
    parts: list[tuple[str, Any]] = []
    for kind, value in items:
        if kind == "row" and parts and parts[-1][0] == "table":
            parts[-1][1].append(value)
        elif kind == "row":
            parts.append(("table", [value]))
        elif kind == "source" and parts and parts[-1][0] == "sources":
            parts[-1][1].append(value)
        elif kind == "source":
            parts.append(("sources", [value]))
        else:
            parts.append((kind, value))
    synthetic = any(kind == "table" and any(r.synthetic for r in value) for kind, value in parts)
    return {"parts": parts, "synthetic": synthetic}


def row_height(row: Row) -> float:
    """A continuation table row: the most lines any of its cells wraps to."""
    widths = [w or CONTENT_W - sum(c[1] for c in CONT_COLUMNS) for _, w in CONT_COLUMNS]
    lines = max(wrapped_lines(cell, max(20, w - 8), 9.5) for cell, w in zip(row.cells(), widths))
    return max(1, lines) * 12 + 4


def block_height_wide(kind: str, lines: list[str]) -> float:
    items = [" ".join(lines)] if kind == "p" else lines
    return sum(wrapped_lines(item, CONTENT_W - 40, 10) * SUMMARY_LINE * 1.04 for item in items) + 4


def source_height_wide(item: dict[str, Any]) -> float:
    title = f"[000] {item.get('title') or 'untitled source'}"
    url = f"{str(item.get('published') or '')[:10]} · {item.get('url') or 'no URL given'}"
    return wrapped_lines(title, CONTENT_W - 10, 10) * 13 + wrapped_lines(url, CONTENT_W - 10, 9.5) * 12 + 4


def brief_figures(view: pd.DataFrame, flt: IncidentFilter, data_as_of: date | None) -> Figures:
    """The figures of the briefing's view (by day, week or month: at most BRIEF_BARS bars)."""
    return figures(view, flt.start, flt.end, data_as_of=data_as_of, max_bars=BRIEF_BARS, hourly=False)


def _newest(frame: pd.DataFrame) -> date | None:
    days = frame["day"].dropna() if len(frame) else frame["day"]
    return None if days.empty else days.max().date()


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


def table_row(record: dict[str, Any], sources: SourceList, number: int = 0) -> Row:
    """The escaped table line for one incident of group `number`, citing its sources in `sources`."""
    numbers = sorted({sources.cite(source) for source in (record.get("sources") or ())})
    kind = str(record.get("event_type") or "other")
    verification = "reported" if _missing(record.get("verification")) else str(record.get("verification"))
    place = record.get("place") or "unnamed place"
    if record.get("geo_precision") == "approximate":
        place += " (approximate point)"  # placed by distance from a named place: "30 km south of Belgorod"
    region = _join(record.get("admin1"), record.get("country"))
    airport = airport_text(record)
    return Row(
        number=number,
        when=text(local_time(record.get("started_at"), record.get("ended_at"))),
        place=text(place, CELL_CHARS),
        region=text(region, CELL_CHARS),
        kind=text(EVENT_LABELS.get(kind, kind)),
        symbol=Markup(circle_svg(kind, _status_key(record) if kind == "airspace_restriction" else "", 11)),
        killed=text(count_text(record.get("killed")) if kind != "airspace_restriction" else "—"),
        injured=text(count_text(record.get("injured")) if kind != "airspace_restriction" else "—"),
        distance=text(distance_text(record.get("ref_km"), record.get("ref_compass"))),
        airport=text(airport, CELL_CHARS),
        verification=text(verification),
        refs=text(" ".join(f"[{n}]" for n in numbers) or "—"),
        synthetic=verification == "synthetic",
        full_place=text(place),
        full_region=text(region),
        full_airport=text(airport),
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


def legend_items(figs: Figures, the_map: Any = None) -> list[dict[str, Any]]:
    """The map's key, drawn beside the map so it hides no marker: colour, label and count per type and status,
    then what numbers, dots and clusters mean."""
    counts = figs.by_type
    items = [
        {"symbol": Markup(circle_svg(kind)), "label": EVENT_LABELS[kind], "count": f"{counts[kind]:,}"}
        for kind in EVENT_TYPES
        if counts[kind] and kind != "airspace_restriction"
    ]
    for status, count in figs.restriction_records.items():
        if count:
            label = f"Airspace restriction {RESTRICTION_LABELS[status]}"
            items.append({"symbol": Markup(circle_svg("airspace_restriction", status)), "label": label, "count": f"{count:,}"})
    if the_map is not None and the_map.layout.markers:
        items.append({"symbol": Markup(circle_svg("other", "", 12, "1")), "label": "Number = table’s # (one incident or a related group)",
                      "count": "", "wide": True})
    if the_map is not None and the_map.clustered:
        items.append({"symbol": Markup(circle_svg("other", "cluster")), "label": "Other incidents, aggregated (count inside)",
                      "count": "", "wide": True})
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


def circle_svg(kind: str, status: str = "", size: int = 12, number: str = "") -> str:
    """The map's numbered marker as a small circle in the type's colour (lifted: white with a dashed ring)."""
    color = EVENT_COLORS.get(kind, "#6E6E6E")
    fill, stroke, dash, opacity = color, "#1a1a1a", "", "1"
    if status == "lifted":
        fill, stroke, dash = "#ffffff", color, ' stroke-dasharray="3 2"'
    elif status == "none":
        opacity = "0.55"
    elif status == "cluster":
        fill, stroke, opacity = "#6E6E6E", "#6E6E6E", "0.45"
    if number:
        fill, stroke = "#444444", "#1a1a1a"
    mark = (f'<text x="10" y="14" text-anchor="middle" font-size="12" font-weight="bold" fill="#fff">{number}</text>'
            if number else "")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 20 20">'
            f'<circle cx="10" cy="10" r="8" fill="{fill}" fill-opacity="{opacity}" stroke="{stroke}" stroke-width="1.8"'
            f'{dash}/>{mark}</svg>')


def source_item(number: int, source: dict[str, Any], full: bool = True) -> dict[str, Any]:
    """A numbered reference: title, publication date and URL, whole (a link only when it is http(s))."""
    url = str(source.get("url") or "")
    return {
        "number": number,
        "title": text(source.get("title") or "untitled source"),
        "published": text(str(source.get("published") or "")[:10]),
        "url": text(url),
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


MAP_HEIGHT = map_height(MAX_ROWS + 1)  # the map on a full page (13 rows and 'and N more', one-line banners and title)
