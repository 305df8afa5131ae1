"""Map benchmark: our build+render vs one folium.Marker+Popup per incident; prints one JSON line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import folium  # noqa: E402
import pandas as pd  # noqa: E402

from dashboard.maps import MapOptions, build_map, render_html  # noqa: E402


def synthetic_frame(n: int) -> pd.DataFrame:
    """incidents.synth.synthesize(n): synthetic incidents over real places."""
    from incidents.synth import synthesize

    return synthesize(n, seed=0)


def ours(frame: pd.DataFrame) -> str:
    return render_html(build_map(frame, options=MapOptions()), assets="inline")


def naive(frame: pd.DataFrame) -> str:
    """The textbook approach: one folium.Marker with an HTML Popup per incident."""
    m = folium.Map(location=[55.75, 37.62], zoom_start=4)
    for row in frame.itertuples(index=False):
        html = f"<b>{row.place}</b><br>{row.admin1}<br>{row.event_type}<br>{row.started_at}<br>killed {row.killed}"
        folium.Marker([row.lat, row.lon], popup=folium.Popup(html, max_width=300), tooltip=f"{row.place} {row.started_at[:10]}").add_to(m)
    return m.get_root().render()


LABEL_VIEWS = {  # name -> the live map's view (south, west, north, east, zoom) at 1100 x 750 px
    "kazan_z10": (55.64, 48.74, 55.94, 49.50, 10),
    "kyiv_z9": (50.15, 29.76, 50.75, 31.28, 9),
    "volga_z6": (50.9, 43.0, 59.5, 55.1, 6),
    "europe_z4": (38.0, 10.0, 62.0, 58.0, 4),
}


def label_figures() -> dict[str, dict[str, float]]:
    """Per view: labels sent to the live map, their JSON bytes and CPU time, against sending every GeoNames place
    in the same (padded) box."""
    import numpy as np

    from dashboard.maps.labels import _view_rows, padded_view, view_labels
    from geodata.labels import in_box, label_table

    table = label_table()
    out = {}
    for name, (south, west, north, east, zoom) in LABEL_VIEWS.items():
        view = {"south": south, "west": west, "north": north, "east": east, "zoom": zoom, "n": 1}
        _view_rows.cache_clear()
        cpu, wall = time.process_time(), time.perf_counter()
        part = view_labels(view, "latin")
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        box, _ = padded_view(view)
        every = np.flatnonzero(in_box(table.lat, table.lon, box))
        baseline = [[round(float(table.lat[i]), 4), round(float(table.lon[i]), 4), table.latin[i], 0, "0"] for i in every]
        out[name] = {"labels": len(part["rows"]), "bytes": len(json.dumps(part["rows"], ensure_ascii=False).encode()),
                     "cpu_ms": round(cpu * 1000, 1), "wall_ms": round(wall * 1000, 1), "all_places": len(every),
                     "all_places_bytes": len(json.dumps(baseline, ensure_ascii=False).encode())}
    from dashboard.maps.labels import area_label_rows

    cpu = time.process_time()
    rows = area_label_rows((52.0, 46.0, 59.0, 52.0), 2, 13, "latin")  # the seed day's exported map (Kazan +- 3 deg)
    out["export_kazan_all_zooms"] = {"labels": len(rows), "cpu_ms": round((time.process_time() - cpu) * 1000, 1),
                                     "bytes": len(json.dumps(rows, ensure_ascii=False).encode())}
    return out


def timed(function, frame: pd.DataFrame) -> tuple[float, str]:
    start = time.perf_counter()
    html = function(frame)
    return time.perf_counter() - start, html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20000, help="number of incidents")
    parser.add_argument("--no-baseline", action="store_true", help="skip the naive folium baseline")
    parser.add_argument("--labels-only", action="store_true", help="only the place-name figures (bytes per view)")
    args = parser.parse_args(argv)
    labels = label_figures()
    if args.labels_only:
        print(json.dumps({"labels_per_view": labels}))
        return 0
    frame = synthetic_frame(args.n)
    ours(frame.head(50))  # warm caches (basemap geometry) as a running app has them
    ours_s, html = timed(ours, frame)
    naive_s = None if args.no_baseline else timed(naive, frame)[0]
    size = len(html.encode("utf-8"))
    print(json.dumps({
        "n": args.n,
        "ours_s": round(ours_s, 3),
        "naive_s": None if naive_s is None else round(naive_s, 3),
        "ratio": None if naive_s is None else round(naive_s / ours_s, 1),
        "ours_bytes": size,
        "bytes_per_incident": round(size / max(args.n, 1), 2),
        "labels_per_view": labels,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
