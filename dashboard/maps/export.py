"""The standalone export: the filtered incidents from the store as one offline HTML file, written atomically."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dashboard.maps.assets import render_html
from dashboard.maps.builder import MapOptions, build_map
from geodata.files import output_problem, write_output
from incidents.exporters import skipped_lines
from incidents.frames import drawable_rows
from incidents.model import IncidentFilter


def export_map_cli(flt: IncidentFilter, out: Path, online_tiles: bool = False) -> int:
    """`python -m dashboard map`: 0 and one JSON line on success, 1 when no incident matches (nothing written)."""
    from incidents.selection import select
    from incidents.storage import open_store

    out = Path(out)
    problem = output_problem(out)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    store = open_store()
    try:
        frame = select(store.frame(), flt)
        where = store.describe()
    finally:
        store.close()
    frame, skipped = drawable_rows(frame)
    for line in skipped_lines(skipped):
        print(line, file=sys.stderr)
    if frame.empty:
        print(f"error: no incidents in {where} match the filter; nothing written", file=sys.stderr)
        return 1
    options = MapOptions.from_settings()
    if online_tiles and options.tiles == "offline":
        options = MapOptions.from_settings(tiles="osm")
    elif not online_tiles:
        options = MapOptions.from_settings(tiles="offline")
    size = write_output(out, render_html(build_map(frame, options=options), assets="inline"))
    print(json.dumps({"out": str(out), "incidents": int(len(frame)), "bytes": size, "tiles": options.tiles}))
    return 0
