"""Briefing PNG timings at scale, one JSON line: the briefing as built (numbered groups over the app's aggregated
clusters) vs a baseline measured in the same run (every incident handed to Leaflet, as before), warm Chromium."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from markupsafe import escape  # noqa: E402

from dashboard import briefing  # noqa: E402
from dashboard.briefing_html import build_briefing  # noqa: E402
from dashboard.briefing_map import STATIC_MAP_CSS, STATIC_MAP_JS  # noqa: E402
from dashboard.maps import MapOptions, build_map, render_html  # noqa: E402
from incidents.model import IncidentFilter  # noqa: E402
from incidents.selection import select  # noqa: E402
from incidents.storage import open_store  # noqa: E402
from incidents.synth import synth_incidents, synthesize  # noqa: E402

TARGET_S = 5.0  # a PNG of 100k incidents
# The baseline waits as the old capture did: Leaflet laid out and markers or cluster icons with a size.
BASELINE_PAINTED_JS = """
() => {
  const frame = document.getElementById('map'), doc = frame && frame.contentDocument;
  if (!doc || doc.readyState !== 'complete' || !doc.querySelector('.leaflet-map-pane')) return false;
  const sized = (nodes) => [...nodes].filter((n) => { const r = n.getBoundingClientRect(); return r.width > 0; }).length;
  return sized(doc.querySelectorAll('.leaflet-marker-pane > *, .leaflet-overlay-pane canvas')) > 0;
}
"""


def timed(job) -> tuple[float, float, bytes]:
    """(wall seconds, this process's CPU seconds, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = job()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def briefing_png(frame, flt, reference):
    return briefing.make_briefing(frame, flt, "png", reference=reference)


def baseline_png(frame, flt, reference):
    """The same page with the old map: build_map of every selected incident (MarkerCluster in the browser)."""
    built = build_briefing(frame, flt, title="Incident briefing", banner="", generated_at=datetime.now(timezone.utc),
                           reference=reference, continuation=False)
    view = select(frame, flt)
    document = render_html(build_map(view, reference=reference, options=MapOptions(fit_reference=True)), assets="inline")
    document = document.replace("</head>", f"<style>{STATIC_MAP_CSS}</style><script>{STATIC_MAP_JS}</script></head>", 1)
    html = built.html.replace(f'srcdoc="{escape(built.map.document)}"', f'srcdoc="{escape(document)}"', 1)
    html = html.replace(built.map.overlay, "", 1)

    def job(browser):
        context = browser.new_context(viewport={"width": 1122, "height": 792}, device_scale_factor=briefing.DEVICE_SCALE)
        try:
            page = context.new_page()
            page.route("**/*", briefing._local_only)
            page.set_content(html, wait_until="load", timeout=120_000)
            page.wait_for_function(BASELINE_PAINTED_JS, timeout=120_000, polling="raf")
            page.evaluate(briefing.TWO_FRAMES_JS)
            return page.locator("#sheet").screenshot(type="png")
        finally:
            context.close()

    return briefing.shared_renderer().run(job, 180)


def cold_cli(n: int) -> float:
    """Seconds for `python -m dashboard brief --out x.png` in a new process on a store of `n` incidents."""
    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "bench.sqlite"
        store = open_store(str(store_path))
        store.upsert(synth_incidents(n, seed=7))
        store.close()
        env = {"INCIDENTS_DB": str(store_path), "PATH": "/usr/bin:/bin"}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dashboard", "brief", "--out", str(Path(folder) / "b.png")], cwd=ROOT,
                       env=env, check=True, capture_output=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="incidents in the window")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--cold-n", type=int, default=0, help="also time a cold CLI run on a store of this many")
    args = parser.parse_args()
    frame, flt, reference = synthesize(args.n, seed=7), IncidentFilter(), briefing.default_reference()
    briefing_png(frame, flt, reference)  # Chromium started and warm
    runs = [timed(lambda: briefing_png(frame, flt, reference)) for _ in range(args.runs)]
    base = [] if args.no_baseline else [timed(lambda: baseline_png(frame, flt, reference)) for _ in range(args.runs)]
    wall = statistics.median(r[0] for r in runs)
    result = {
        "n": args.n,
        "png_s": round(wall, 2),
        "png_cpu_s": round(statistics.median(r[1] for r in runs), 2),  # this process; Chromium's CPU is not in it
        "baseline_png_s": round(statistics.median(r[0] for r in base), 2) if base else None,
        "baseline_cpu_s": round(statistics.median(r[1] for r in base), 2) if base else None,
        "speedup": round(statistics.median(r[0] for r in base) / wall, 1) if base else None,
        "png_ok": wall <= TARGET_S,
        "target_s": TARGET_S,
    }
    if args.cold_n:
        result["cold_cli_s"] = round(cold_cli(args.cold_n), 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
