"""Pan and zoom on the live map in Chromium, one JSON line: per small pan and per zoom step the seconds until the map
is settled, the main thread's long-task time, the bytes the server sent, its CPU time and the script reruns the page
asked for; for our code and a baseline checkout, on a store of --n synthetic incidents (server clusters above 50,000),
with the load average."""

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
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_app import Bytes, baseline_checkout, make_store, painted_after, server_cpu_s

TIMEOUT_MS = 60_000
QUIET_MS = 1500  # settled: no new data version and no waiting note for this long (a report waits 250 ms)
LONG_TASKS = """() => { window.__busy = 0; new PerformanceObserver(list => {
    for (const entry of list.getEntries()) window.__busy += entry.duration; }).observe({type: 'longtask', buffered: false}); }"""
STATE = """() => { const c = document.querySelector('[data-testid=incident-map] .leaflet-container');
    return [c ? c.dataset.version || '' : '', c ? c.getAttribute('data-waiting') || '0' : '0', window.__busy || 0]; }"""
MOVES = (("zoom", 7), ("pan", (120, 0)), ("pan", (0, 90)), ("pan", (-150, -60)), ("zoom", 8), ("pan", (160, 40)),
         ("pan", (-80, 80)), ("zoom", 9), ("pan", (100, -100)), ("pan", (-120, 20)))


class Reruns:
    """Counts the script reruns the page asks for (BackMsgs), leaving out timed fragment runs (polling)."""

    def __init__(self, page) -> None:
        self.total = 0
        page.on("websocket", lambda ws: ws.on("framesent", self._add))

    def _add(self, payload) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        try:
            message = BackMsg.FromString(payload if isinstance(payload, bytes) else payload.encode())
        except Exception:  # noqa: BLE001 - not a BackMsg: not a rerun
            return
        if message.WhichOneof("type") == "rerun_script" and not message.rerun_script.is_auto_rerun:
            self.total += 1


def settle(page, started: float, seen: list) -> float:
    """Seconds from `started` to the map's last change from `seen` (its data version and waiting note before the
    move) once it has been quiet and not waiting for QUIET_MS; 0 when the map needed nothing new."""
    last_change, seen = started, seen[:2]
    while True:
        now = page.evaluate(STATE)[:2]
        if now != seen:
            seen, last_change = now, time.perf_counter()
        quiet = time.perf_counter() - max(last_change, started) >= QUIET_MS / 1000
        if (quiet and now[1] != "1") or time.perf_counter() - started > TIMEOUT_MS / 1000:
            return last_change - started
        page.wait_for_timeout(50)


def measure(db: Path, root: Path) -> dict[str, object]:
    from dashboard.browser import chromium
    from tests.e2e.app_server import app_server

    with app_server(db, timeout_s=600, root=root, extra_env={"INCIDENT_MAP_CACHE_DIR": str(ROOT / ".cache")}) as url, \
            chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        counter, asked = Bytes(page), Reruns(page)
        page.goto(url + "/", timeout=TIMEOUT_MS)
        painted_after(page, "none")
        page.wait_for_timeout(4000)  # the follow-up run (timeline, table) is over
        page.evaluate(LONG_TASKS)
        page.evaluate("() => IncidentMap.lives[0].map.setView([55.75, 37.62], 6, {animate: false})")
        settle(page, time.perf_counter(), page.evaluate(STATE))
        rows = []
        for kind, arg in MOVES:
            state = page.evaluate(STATE)
            before_bytes, before_cpu, before_busy = counter.total, server_cpu_s(url), state[2]
            before_reruns = asked.total
            started = time.perf_counter()
            if kind == "zoom":
                page.evaluate(f"() => IncidentMap.lives[0].map.setZoom({arg}, {{animate: false}})")
            else:
                page.evaluate(f"() => IncidentMap.lives[0].map.panBy([{arg[0]}, {arg[1]}], {{animate: false}})")
            seconds = settle(page, started, state)
            rows.append({"kind": kind, "s": seconds, "bytes": counter.total - before_bytes,
                         "server_cpu_s": server_cpu_s(url) - before_cpu, "busy_ms": page.evaluate(STATE)[2] - before_busy,
                         "reruns": asked.total - before_reruns})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        page.close()
    out: dict[str, object] = {}
    for kind in ("pan", "zoom"):
        mine = [r for r in rows if r["kind"] == kind]
        out[kind] = {"median_s": round(statistics.median(r["s"] for r in mine), 2),
                     "max_s": round(max(r["s"] for r in mine), 2),
                     "browser_long_tasks_ms": round(sum(r["busy_ms"] for r in mine) / len(mine)),
                     "bytes": int(statistics.mean(r["bytes"] for r in mine)),
                     "server_cpu_s": round(statistics.mean(r["server_cpu_s"] for r in mine), 2),
                     "reruns": round(statistics.mean(r["reruns"] for r in mine), 2)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="synthetic incidents in the store")
    parser.add_argument("--db", type=Path, help="an existing store to serve instead of making one")
    parser.add_argument("--baseline", default="49bb335", help="git revision to compare with ('' to skip)")
    args = parser.parse_args()
    started = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = args.db or make_store(work / "bench.sqlite", args.n)
        roots = {"ours": ROOT}
        if args.baseline:
            roots["baseline"] = baseline_checkout(args.baseline, Path(tempfile.mkdtemp(dir=work)))
        result: dict[str, object] = {"n": args.n}
        for name, root in roots.items():
            result[name] = measure(db, root)
        result["load_average"] = [round(v, 2) for v in started + os.getloadavg()]  # 1/5/15 min at start, then at end
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
