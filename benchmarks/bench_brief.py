"""Briefing PNG timings, one JSON line: warm (Chromium running) and cold (new process) vs a sleep-and-grab baseline."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard import briefing  # noqa: E402
from dashboard.briefing_html import briefing_html  # noqa: E402
from incidents.frames import to_frame  # noqa: E402
from incidents.model import Incident, IncidentFilter  # noqa: E402
from incidents.storage import open_store  # noqa: E402
from incidents.synth import synth_incidents  # noqa: E402

NAIVE_SLEEP_S = 3.0  # what a script without a paint signal has to wait to be reasonably sure the map is drawn
WARM_TARGET_S = 3.0
COLD_TARGET_S = 10.0


def incidents(n: int) -> list[Incident]:
    """`n` synthetic incidents, the briefing's typical (big) window."""
    return synth_incidents(n, seed=7)


def warm_png(frame, flt, runs: int) -> list[float]:
    """Seconds per PNG with the shared Chromium already started (the app's case)."""
    briefing.make_briefing(frame, flt, "png")  # start the browser
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        briefing.make_briefing(frame, flt, "png")
        times.append(time.perf_counter() - started)
    return times


def naive_png(frame, flt, runs: int) -> list[float]:
    """Baseline: new browser per render, fixed sleep instead of a paint signal, whole-window grab."""
    from dashboard.browser import chromium

    html = briefing_html(frame, flt, title="Incident briefing", banner="", generated_at=datetime.now(timezone.utc),
                         reference=briefing.default_reference())
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1122, "height": 792}, device_scale_factor=2)
            page.set_content(html)
            page.wait_for_timeout(NAIVE_SLEEP_S * 1000)
            page.screenshot(full_page=True)
        times.append(time.perf_counter() - started)
    return times


def cold_cli(store_path: Path, runs: int) -> list[float]:
    """Seconds for `python -m dashboard brief --out x.png` in a new process (imports, store, Chromium start)."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "brief.png"
        env = {"INCIDENTS_DB": str(store_path), "PATH": "/usr/bin:/bin"}
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "dashboard", "brief", "--out", str(out)], cwd=ROOT, env=env,
                           check=True, capture_output=True)
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500, help="incidents in the window")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    records = incidents(args.n)
    frame, flt = to_frame(records), IncidentFilter(start=date(2015, 1, 1))
    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "bench.sqlite"
        store = open_store(str(store_path))
        store.upsert(records)
        store.close()
        cold = cold_cli(store_path, args.runs)
    warm = warm_png(frame, flt, args.runs)
    naive = [] if args.no_baseline else naive_png(frame, flt, args.runs)
    result = {
        "n": args.n,
        "warm_png_s": round(statistics.median(warm), 3),
        "cold_png_s": round(statistics.median(cold), 3),
        "naive_png_s": round(statistics.median(naive), 3) if naive else None,
        "speedup_vs_naive": round(statistics.median(naive) / statistics.median(warm), 1) if naive else None,
        "warm_ok": statistics.median(warm) <= WARM_TARGET_S,
        "cold_ok": statistics.median(cold) <= COLD_TARGET_S,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
