"""Where one filter change's repaint goes, one session, one JSON line per change: wall time to the repainted map, CPU
seconds of each process (server, Chromium renderer, GPU process, ...) to the repaint and once the page settled, bytes
on the websocket, when in the page the messages came, React's commits and when the live map's update ran; --trace
adds the renderer main thread's CPU by kind and sampled JS time by library (tracing costs CPU itself). --root serves
another checkout."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import procs  # noqa: E402
from bench_load import PRESETS, REPAINTED, VERSION, make_store

CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,disabled-by-default-v8.cpu_profiler"
# In the page: when websocket messages arrive and when the live map's update runs (performance.now() ms).
MARKS = """() => {
    if (window.__marks) return;
    window.__marks = {ws: [], update: [], commits: 0};
    // React's commits (each one a render of the changed part of the page): counted through the hook React's
    // developer tools use, installed before React loads
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {supportsFiber: true, renderers: new Map(), isDisabled: false,
        inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {},
        onPostCommitFiberRoot() {}, onCommitFiberRoot() { window.__marks.commits += 1; }};
    const Real = window.WebSocket;
    window.WebSocket = function (...args) {
        const socket = new Real(...args);
        socket.addEventListener('message', (e) => window.__marks.ws.push([performance.now(), e.data.byteLength || e.data.size || e.data.length || 0]));
        return socket;
    };
    window.WebSocket.prototype = Real.prototype;
    Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
}"""
WRAP_UPDATE = """() => {
    for (const live of window.IncidentMap.lives) {
        if (live.__wrapped) continue;
        const update = live.update.bind(live);
        live.update = (spec) => { const t = performance.now(); update(spec); window.__marks.update.push([t, performance.now()]); };
        live.__wrapped = true;
    }
    window.__marks.ws = []; window.__marks.update = []; window.__marks.commits = 0;
    return performance.now();
}"""
SETTLE_MS = 2500  # after the map is repainted, the rest of the page (chart, table) is drawn within this


def main_thread_time(trace: bytes) -> dict[str, float]:
    """CPU milliseconds of the renderer's main thread by event kind: top-level tasks, script by source file, layout."""
    events = json.loads(trace)["traceEvents"]
    main = {(e["pid"], e["tid"]) for e in events if e.get("name") == "thread_name"
            and e.get("args", {}).get("name") == "CrRendererMain"}
    out: Counter = Counter()
    for event in events:
        if (event.get("pid"), event.get("tid")) not in main or event.get("ph") != "X":
            continue
        ms = event.get("tdur", event.get("dur", 0)) / 1000  # thread (CPU) time: the machine is shared
        name = event["name"]
        if name == "RunTask":
            out["tasks"] += ms
            if ms >= 50:
                out["long_tasks"] += ms
        elif name in ("Layout", "UpdateLayoutTree", "Paint", "ParseHTML", "ParseAuthorStyleSheet", "MajorGC",
                      "MinorGC", "V8.GC_SCAVENGER", "PrePaint", "Layerize"):
            out[name] += ms
        elif name in ("FunctionCall", "EvaluateScript", "TimerFire", "EventDispatch", "FireAnimationFrame"):
            data = event.get("args", {}).get("data", {})
            url = (data.get("url") or data.get("scriptName") or "").rsplit("/", 1)[-1].split("?")[0] or "?"
            out[f"js:{url[:40]}"] += ms
    return {k: round(v) for k, v in out.most_common(14)}


def js_by_library(trace: bytes) -> dict[str, float]:
    """Sampled JS milliseconds by the libraries on the stack (inclusive: a Leaflet call made by React counts as
    Leaflet; the innermost library wins), from the V8 CPU profiler's samples in the trace."""
    events = json.loads(trace)["traceEvents"]
    nodes: dict = {}
    samples: list = []
    for event in events:
        if event.get("name") != "ProfileChunk":
            continue
        data = event["args"]["data"].get("cpuProfile", {})
        for node in data.get("nodes", []):
            nodes[(event["id"], node["id"])] = (node.get("parent"), node["callFrame"].get("url", ""),
                                                node["callFrame"].get("functionName", ""))
        deltas = event["args"]["data"].get("timeDeltas", [])
        samples += [((event["id"], s), d) for s, d in zip(data.get("samples", []), deltas)]
    out: Counter = Counter()
    for (chunk, node_id), delta in samples:
        found, key = None, (chunk, node_id)
        while key in nodes and found is None:
            parent, url, name = nodes[key]
            tail = url.rsplit("/", 1)[-1].split("?")[0]
            if tail:
                found = tail.split(".")[0]
            elif name in ("(garbage collector)", "(program)", "(idle)"):
                found = name
            key = (chunk, parent) if parent else None
        out[found or "?"] += delta / 1000
    out.pop("(idle)", None)
    return {k: round(v) for k, v in out.most_common(12)}


def process_cpu() -> dict[int, tuple[str, float]]:
    """CPU seconds so far of this process's descendants (Chromium's processes, the driver, the server), by pid."""
    out = {}
    for pid, (cmd, seconds, _) in procs.descendants().items():
        if "chromium" in cmd:
            kind = "chromium:" + (cmd.split("--type=", 1)[1].split()[0] if "--type=" in cmd else "browser")
        else:
            kind = "server" if "streamlit" in cmd else "driver" if "playwright" in cmd else "other"
        out[pid] = (kind, seconds)
        if kind == "chromium:renderer":  # and by thread: the main thread, the compositor, raster workers, ...
            for task in (Path("/proc") / str(pid) / "task").glob("*"):
                try:
                    name, rest = (task / "stat").read_text().split("(", 1)[1].rsplit(")", 1)
                except (OSError, ValueError):
                    continue
                fields = rest.split()
                thread = "renderer." + name.rstrip("0123456789").strip()
                out[-int(task.name)] = (thread, (int(fields[11]) + int(fields[12])) / procs.TICK)
    return out


def cpu_since(before: dict[int, tuple[str, float]]) -> dict[str, float]:
    """CPU seconds used by kind of process since `before` (process_cpu())."""
    total: Counter = Counter()
    for pid, (kind, seconds) in process_cpu().items():
        total[kind] += seconds - before.get(pid, (kind, 0.0))[1]
    return {k: round(v, 2) for k, v in total.items() if v > 0.005}


def run(url: str, rounds: int, trace: bool) -> None:
    from bench_app import Bytes, server_cpu_s
    from playwright.sync_api import sync_playwright

    from dashboard.browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True, args=list(CHROMIUM_FLAGS))
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        counter = Bytes(page)
        page.add_init_script(script=f"({MARKS})()")
        started = time.perf_counter()
        page.goto(url + "/", timeout=300_000)
        page.wait_for_function(REPAINTED, arg="none", timeout=300_000, polling=50)
        print(json.dumps({"first_paint_s": round(time.perf_counter() - started, 2), "bytes": counter.total}), flush=True)
        page.wait_for_timeout(4000)
        for step in range(rounds):
            preset = PRESETS[step % len(PRESETS)]
            if page.get_by_role("radio", name=preset, exact=True).is_checked():
                preset = PRESETS[(step + 1) % len(PRESETS)]
            before, sent, cpu, procs = page.evaluate(VERSION), counter.total, server_cpu_s(url), process_cpu()
            if trace:
                browser.start_tracing(page=page, categories=CATEGORIES.split(","))
            zero = page.evaluate(WRAP_UPDATE)
            clicked = time.perf_counter()
            page.get_by_test_id("stRadioGroup").get_by_text(preset, exact=True).click()
            page.wait_for_function(REPAINTED, arg=before, timeout=60_000, polling=50)
            seconds = time.perf_counter() - clicked
            sent_map, cpu_map = counter.total - sent, server_cpu_s(url) - cpu
            cpu_repaint = cpu_since(procs)
            seen = page.evaluate("performance.now()") - zero
            page.wait_for_timeout(SETTLE_MS)
            cpu_settled = cpu_since(procs)
            traced = browser.stop_tracing() if trace else None
            marks = page.evaluate("window.__marks")
            ws = [(round(t - zero), size) for t, size in marks["ws"]]
            timeline = {"first_message_ms": ws[0][0] if ws else None, "messages": len(ws),
                        "react_commits": marks["commits"],
                        "map_update_ms": [(round(a - zero), round(b - a)) for a, b in marks["update"]],
                        "repainted_ms": round(seen), "last_message_ms": ws[-1][0] if ws else None}
            print(json.dumps({"preset": preset, "repaint_s": round(seconds, 2), "server_cpu_s": round(cpu_map, 2),
                              "bytes_to_repaint": sent_map, "bytes_settled": counter.total - sent,
                              "in_page": timeline, "cpu_to_repaint": cpu_repaint, "cpu_settled": cpu_settled,
                              **({"main_thread_ms": main_thread_time(traced), "js_sampled_ms": js_by_library(traced)} if traced else {})}), flush=True)
        browser.close()


def served_arguments(description: str) -> argparse.ArgumentParser:
    """The options every profiler of a served app takes: the store's size or path, a checkout to serve, tracing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--trace", action="store_true", help="also trace the browser (adds its own overhead)")
    parser.add_argument("--root", type=Path, default=ROOT, help="serve the app of this checkout (a baseline)")
    parser.add_argument("--store", type=Path, help="an existing store to serve (else a synthetic one of --n)")
    return parser


@contextmanager
def served(args: argparse.Namespace) -> Iterator[str]:
    """The app of args.root served on 127.0.0.1 over args.store (else a synthetic store of args.n); yields its URL."""
    from tests.e2e.app_server import app_server

    with tempfile.TemporaryDirectory() as folder:
        db = args.store or Path(folder) / "profile.sqlite"
        if not args.store:
            make_store(db, args.n)
        with app_server(db, timeout_s=300, root=args.root) as url:
            yield url


def main() -> int:
    parser = served_arguments(__doc__)
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    with served(args) as url:
        run(url, args.rounds, args.trace)
    return 0


if __name__ == "__main__":
    sys.exit(main())
