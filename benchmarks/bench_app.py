"""App benchmark, one JSON line: rerun time at 10k (cached vs caching off), map bytes at 100k, cold start."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PRESETS = ("7 days", "30 days", "All", "Last 24 h", "7 days", "30 days", "All", "Last 24 h")


def make_store(path: Path, n: int) -> Path:
    """A SQLite store holding `n` synthetic incidents."""
    from incidents.frames import from_frame
    from incidents.storage import open_store
    from incidents.synth import synthesize

    store = open_store(str(path))
    try:
        store.upsert(from_frame(synthesize(n, seed=1)))
    finally:
        store.close()
    return path


class ScriptTimer:
    """Times every script run AppTest makes (the Python time of a rerun, without AppTest's own polling)."""

    def __init__(self) -> None:
        from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

        self.runs: list[float] = []
        original = ScriptRunner._run_script
        timer = self

        def timed(runner, *args, **kwargs):
            start = time.perf_counter()
            try:
                return original(runner, *args, **kwargs)
            finally:
                timer.runs.append(time.perf_counter() - start)

        ScriptRunner._run_script = timed


def new_filter_times(db: Path, timer: ScriptTimer) -> list[float]:
    """Script times of filter changes never seen before (cache misses: the map is built and rendered again)."""
    from streamlit.testing.v1 import AppTest

    os.environ["INCIDENTS_DB"] = str(db)
    os.environ["INCIDENT_MAP_APP_CACHE"] = "on"
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=300)
    at.run()
    timer.runs.clear()
    for low in (100, 200, 300, 400, 500):
        at.sidebar.slider(key="f_band").set_value((float(low), float(low + 1500))).run()
        if at.exception:
            raise RuntimeError(at.exception[0].value)
    return list(timer.runs)


def rerun_times(db: Path, timer: ScriptTimer, cache: str) -> list[float]:
    """Script times of filter changes (date presets) after a warm-up, with INCIDENT_MAP_APP_CACHE=`cache`."""
    from streamlit.testing.v1 import AppTest

    os.environ["INCIDENTS_DB"] = str(db)
    os.environ["INCIDENT_MAP_APP_CACHE"] = cache
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=300)
    at.run()
    for preset in PRESETS[:4]:  # warm-up: every window once
        at.sidebar.radio(key="f_preset").set_value(preset).run()
    timer.runs.clear()
    for preset in PRESETS:
        at.sidebar.radio(key="f_preset").set_value(preset).run()
        if at.exception:
            raise RuntimeError(at.exception[0].value)
    return list(timer.runs)


def map_bytes(n: int) -> dict[str, object]:
    """Clustering and payload of the app's map over `n` synthetic incidents: the text the map component is sent."""
    from dashboard.data import Reference
    from dashboard.views.map_component import map_payload
    from dashboard.views.mapping import build_app_map
    from incidents.frames import with_reference
    from incidents.synth import synthesize

    moscow = Reference("Moscow", 55.7558, 37.6173)
    frame = with_reference(synthesize(n, seed=2), moscow.lat, moscow.lon)
    start = time.perf_counter()
    payload = map_payload(build_app_map(frame, None, moscow))
    seconds = time.perf_counter() - start
    empty = map_payload(build_app_map(frame.iloc[0:0], None, moscow))
    return {
        "n": n,
        "clustered": '"cluster":true' in payload.script.replace(" ", ""),
        "map_bytes": payload.size,
        "basemap_and_code_bytes": empty.size,
        "bytes_per_incident": round((payload.size - empty.size) / n, 1),
        "build_render_s": round(seconds, 2),
    }


def cold_starts(db: Path, runs: int) -> dict[str, object]:
    """Medians of `runs` cold starts (a new server process each time), and every page-to-map figure."""
    samples = [cold_start(db) for _ in range(runs)]
    medians = {key: round(statistics.median(s[key] for s in samples), 2) for key in samples[0]}
    return {**medians, "runs": runs, "page_to_painted_map_all_s": [s["page_to_painted_map_s"] for s in samples]}


def cold_start(db: Path) -> dict[str, float]:
    """Seconds from launching the server to healthy, and from opening the page to markers painted in Chromium."""
    from dashboard.browser import chromium
    from tests.e2e.app_server import app_server

    spawned = time.perf_counter()
    with app_server(db) as url, chromium() as browser:
        healthy = time.perf_counter()
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        opened = time.perf_counter()
        page.goto(url + "/")
        frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
        frame.locator(".leaflet-marker-icon, .leaflet-interactive").first.wait_for(timeout=60_000)
        painted = time.perf_counter()
        page.close()
    return {
        "server_start_s": round(healthy - spawned, 2),
        "page_to_painted_map_s": round(painted - opened, 2),
        "spawn_to_painted_map_s": round(painted - spawned - (opened - healthy), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000, help="incidents for the rerun benchmark")
    parser.add_argument("--big", type=int, default=100_000, help="incidents for the map payload check")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium cold start")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts to take the median of")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = make_store(Path(folder) / "bench.sqlite", args.n)
        timer = ScriptTimer()
        ours = rerun_times(db, timer, "on")
        naive = rerun_times(db, timer, "off")
        fresh = new_filter_times(db, timer)
        result: dict[str, object] = {
            "n": args.n,
            "rerun_median_s": round(statistics.median(ours), 3),
            "rerun_max_s": round(max(ours), 3),
            "naive_rerun_median_s": round(statistics.median(naive), 3),
            "ratio": round(statistics.median(naive) / statistics.median(ours), 1),
            "new_filter_median_s": round(statistics.median(fresh), 3),
        }
        result["map_100k"] = map_bytes(args.big)
        if not args.no_browser:
            result["cold_start"] = cold_starts(db, args.cold_runs)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
