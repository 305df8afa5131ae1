"""Load and soak, one JSON line: concurrent Chromium sessions change filters on a large store while one session pastes
a long article and a CLI import runs; sessions held, p95 repaint time, rows lost.

Bounded: Playwright contexts on 127.0.0.1 only (every other request is aborted and counted), at most MAX_SESSIONS
sessions, every wait capped, and the whole run stopped after --max-seconds.

Two phases. The sessions arrive STAGGER_S apart and each paints its first page (the ramp-up: its first-paint times are
reported apart). Once every session has its map (all in), the CLI import starts, the paste session extracts its
article, and every session changes filters: the repaint figures and the 3 s target are about this phase, eight users
at work while the store is written and a long article is read. On this benchmark the eight browsers run on the
server's own two cores, and a session's first page costs its browser about 5 CPU-s (Streamlit's front end), ten
times a repaint: repaints that fell among other sessions' first pages measured the browsers' start more than the
app. `--together` runs the old shape for comparison: import and paste at once, filter changes as soon as each
session's own map is in.

Think time (--think, default THINK_S = 3 s): after a repaint each session waits about that long (0.5x to 1.5x, the
same draws every run) before its next change, as a user looks at the map before changing the filter again. Without
it (--think 0, the worst case) the sessions are a closed loop that changes filters as fast as the machine repaints:
it measures how many repaints per second the machine can do, not how long one user waits for one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import procs

MAX_SESSIONS = 12
PRESETS = ("7 days", "30 days", "All", "Last 24 h")
LOCAL = r"(data:|blob:|about:|https?://(127\.0\.0\.1|localhost)(:\d+)?(/|$))"
ELSEWHERE = re.compile(f"^(?!{LOCAL})", re.IGNORECASE)  # not loopback (nor data:, blob:, about:)
BLOCK_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"
WAIT_MS = 30_000
FIRST_PAINT_MS = 180_000  # a cold server builds the 100k frame and the first map once, for every session
STAGGER_S = 2.0  # sessions arrive one after another, as users do
SHOWN_S = 15.0  # a repaint started this soon after a new store version was shown is counted apart (phases)
SLOW_S = 10.0  # a repaint this slow is listed with its start time (UTC), to set beside the server's log
TARGET_S = 3.0  # every session's map repaints within this (the target, read as the run's p95)
NEW_VERSION = re.compile(r"catalog of store version ([2-9]|\d\d+) built|before it is shown")  # the server's log
ROUNDS_SETTLED = 2  # changes per session after the paste, the import and its new version are done (settled())
THINK_S = 3.0  # a user's pause between seeing the repainted map and the next filter change (see the docstring)
LONG_ARTICLE = "date 2024-12-21\nDrones struck " + "Kazan and Izhevsk and Saratov, " * 1000 + "officials said.\n"
# The live map (a components v2 element, no iframe) is repainted once its container shows a data version other than
# the one before the change, it is not waiting for data, and a marker or cluster icon is visible.
REPAINTED = """(before) => {
    const live = document.querySelector('[data-testid=incident-map] .leaflet-container');
    if (!live || live.dataset.version === before || live.getAttribute('data-waiting') === '1') return false;
    const icons = live.querySelectorAll('.leaflet-marker-icon.im-icon, .leaflet-marker-icon.im-cluster');
    return [...icons].some(n => n.checkVisibility({visibilityProperty: true}));
}"""
VERSION = """() => {
    const live = document.querySelector('[data-testid=incident-map] .leaflet-container');
    return live ? live.dataset.version || '' : '';
}"""

STATE = """() => {
    const live = document.querySelector('[data-testid=incident-map] .leaflet-container');
    if (!live) return 'no map';
    const icons = live.querySelectorAll('.leaflet-marker-icon.im-icon, .leaflet-marker-icon.im-cluster');
    const shown = [...icons].filter(n => n.checkVisibility({visibilityProperty: true})).length;
    const checked = document.querySelector('[data-testid=stRadioGroup] input:checked');
    const radio = checked ? checked.closest('label').innerText : '?';
    const running = document.querySelector('[data-testid=stStatusWidget]') ? 'running' : 'idle';
    return `version ${(live.dataset.version || '').slice(-12)} waiting ${live.getAttribute('data-waiting')} ` +
        `icons ${shown} radio ${radio} url ${location.search} ${running}`;
}"""


def make_store(path: Path, n: int) -> int:
    """A SQLite store holding `n` synthetic incidents; the count stored."""
    from incidents.frames import from_frame
    from incidents.storage import open_store
    from incidents.synth import synthesize

    store = open_store(str(path))
    try:
        store.upsert(from_frame(synthesize(n, seed=1)))
        return store.count()
    finally:
        store.close()


def import_file(folder: Path, n: int, existing: Path) -> tuple[Path, int]:
    """A CSV of `n` synthetic incidents none of which is in the store yet; (path, new rows)."""
    from incidents.exporters import csv_text
    from incidents.storage import open_store
    from incidents.synth import synthesize

    frame = synthesize(n, seed=99)
    store = open_store(str(existing))
    try:
        known = set(store.frame()["id"])
    finally:
        store.close()
    frame = frame[~frame["id"].isin(known)]
    path = folder / "import.csv"
    path.write_text(csv_text(frame), encoding="utf-8")
    return path, len(frame)


def _kind(cmd: str) -> str:
    if "chromium" in cmd:
        return "chromium " + (cmd.split("--type=", 1)[1].split()[0] if "--type=" in cmd else "browser")
    if "dashboard.launch" in cmd or "streamlit" in cmd:
        return "server"
    if "incidents import" in cmd:
        return "cli import"  # once it has exited (a zombie until the benchmark waits for it) it shows as "other"
    if "os.nice" in cmd and "extract" in cmd:
        return "extractor"
    return "playwright driver" if "playwright" in cmd or "node" in cmd else "other"


def process_cpu() -> dict[int, tuple[str, float]]:
    """CPU seconds so far of each process this one started, directly or not (server, import, browsers): pid ->
    (kind, seconds)."""
    return {pid: (_kind(cmd), own + children) for pid, (cmd, own, children) in procs.descendants().items()}


def cpu_by_kind(before: dict[int, tuple[str, float]]) -> dict[str, float]:
    """CPU seconds by kind of process since `before` (process_cpu()), this process's own included; processes that
    ended meanwhile are missed (their children's time is counted by their parent only once they are waited for)."""
    total: dict[str, float] = {"benchmark": time.process_time() - before.get(0, ("", 0.0))[1]}
    for pid, (kind, seconds) in process_cpu().items():
        total[kind] = total.get(kind, 0.0) + seconds - before.get(pid, (kind, 0.0))[1]
    return {kind: round(seconds, 1) for kind, seconds in sorted(total.items()) if seconds >= 0.05}


async def new_page(browser, blocked: list[str], errors: list[str]):
    """A page in its own context (a separate Streamlit session) that reaches loopback only."""
    context = await browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")

    # Nothing is intercepted (no request waits for Playwright's driver or this event loop, which under load held the
    # app's scripts back for minutes): Chromium resolves no host but loopback (BLOCK_HOSTS), and requests elsewhere
    # are counted as they are made.
    page = await context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: blocked.append(request.url) if ELSEWHERE.match(request.url) else None)
    return context, page


async def filter_session(browser, url: str, index: int, rounds: int, deadline: float, out: dict,
                         think: float = THINK_S) -> None:
    """Open the map, then change the date preset `rounds` times, timing each repaint, pausing about `think` seconds
    (0.5x to 1.5x) before each change."""
    await asyncio.sleep(index * STAGGER_S)
    pauses = random.Random(index)
    context, page = await new_page(browser, out["blocked"], out["errors"])
    times: list[float] = []
    try:
        opened = time.perf_counter()
        await page.goto(url + "/", timeout=FIRST_PAINT_MS)
        await page.wait_for_function(REPAINTED, arg="none", timeout=FIRST_PAINT_MS, polling=50)
        out["first_paints"].append(time.perf_counter() - opened)
        out["log"].append((round(time.perf_counter() - out["t0"], 1), index, "first paint"))
        if len(out["first_paints"]) == out["sessions"]:  # the last first paint: where the CPU went until now
            out["cpu_to_first_paints"] = cpu_by_kind(out["cpu_start"])
            out["all_in"].set()
        if not out["together"]:
            await asyncio.wait_for(out["all_in"].wait(), timeout=FIRST_PAINT_MS / 1000)
            # the sessions were in step at the barrier; users are not: each starts at its own point of a think period,
            # as the staggered arrivals spread them before
            await asyncio.sleep(think * index / out["sessions"])
        step, after = 0, 0
        while step < rounds or (not out["together"] and after < ROUNDS_SETTLED):
            if think:
                await asyncio.sleep(think * pauses.uniform(0.5, 1.5))
            if time.monotonic() > deadline:
                break
            after += settled(out)
            preset = PRESETS[(index + step) % len(PRESETS)]
            radio = page.get_by_role("radio", name=preset, exact=True)
            if await radio.is_checked():
                preset = PRESETS[(index + step + 1) % len(PRESETS)]
                radio = page.get_by_role("radio", name=preset, exact=True)
            before = await page.evaluate(VERSION)
            started = time.perf_counter()
            await page.get_by_test_id("stRadioGroup").get_by_text(preset, exact=True).click()
            try:
                await page.wait_for_function(REPAINTED, arg=before, timeout=WAIT_MS, polling=50)
            except Exception:
                out["lost"].append({"session": index, "step": step, "preset": preset, "before": before[-12:],
                                    "at_s": round(time.perf_counter() - opened, 1), "now": await page.evaluate(STATE)})
                raise
            times.append(time.perf_counter() - started)
            out["log"].append((round(started - out["t0"], 1), index, round(times[-1], 2)))
            if times[-1] > SLOW_S:
                out["slow"].append({"session": index, "preset": preset, "s": round(times[-1], 1),
                                    "at": time.strftime("%H:%M:%S", time.gmtime(time.time() - times[-1]))})
            step += 1
        out["held"] += 1
    except Exception as exc:  # noqa: BLE001 - a lost session is a figure of the benchmark, not its end
        out["errors"].append(f"session {index}: {type(exc).__name__}: {str(exc)[:200]}")
    finally:
        out["repaints"].extend(times)
        await context.close()


def settled(out: dict) -> bool:
    """The paste has its answer, the import has ended and the server has shown the store's new version (its catalog
    read and its views computed): each session makes at least ROUNDS_SETTLED changes from then on, so the run measures the
    repaints while all of that happened and after it."""
    marks = {what for _, who, what in out["log"] if who < 0}
    shown = any(NEW_VERSION.search(line) for line in out["server_log"])
    return "import done" in marks and bool(marks & {"paste answered", "paste failed"}) and shown


async def paste_session(browser, url: str, out: dict) -> None:
    """Paste the long article on the Import page and wait for the extraction's answer (or its time limit)."""
    context, page = await new_page(browser, out["blocked"], out["errors"])
    try:
        await page.goto(url + "/import", timeout=WAIT_MS * 2)
        box = page.get_by_label("Article or data")
        await box.wait_for(timeout=WAIT_MS * 2)
        await box.fill(LONG_ARTICLE)
        if not out["together"]:
            await asyncio.wait_for(out["all_in"].wait(), timeout=FIRST_PAINT_MS / 1000)
        started = time.perf_counter()
        out["log"].append((round(started - out["t0"], 1), -2, "paste started"))
        await page.get_by_role("button", name="Extract / read").click()
        finished = page.get_by_text(re.compile(r"Review: \d+ incident|stopped after|Nothing read from"))
        await finished.first.wait_for(timeout=120_000)
        out["log"].append((round(time.perf_counter() - out["t0"], 1), -2, "paste answered"))
        out["paste"] = {"chars": len(LONG_ARTICLE), "seconds": round(time.perf_counter() - started, 1),
                        "outcome": (await finished.first.inner_text())[:80]}
    except Exception as exc:  # noqa: BLE001
        out["errors"].append(f"paste: {type(exc).__name__}: {str(exc)[:200]}")
        out["log"].append((round(time.perf_counter() - out["t0"], 1), -2, "paste failed"))
    finally:
        await context.close()


CPU_EVERY_S = 10.0  # the run's CPU by kind of process is sampled this often (where the time went, when)


async def sample_cpu(out: dict) -> None:
    """Every CPU_EVERY_S, the CPU seconds by kind of process over the last interval (out["cpu_every"])."""
    last = {**process_cpu(), 0: ("benchmark", time.process_time())}
    while True:
        await asyncio.sleep(CPU_EVERY_S)
        now = {**process_cpu(), 0: ("benchmark", time.process_time())}
        out["cpu_every"].append((round(time.perf_counter() - out["t0"]), cpu_by_kind(last)))
        last = now


async def start_import(start, out: dict) -> None:
    """Start the CLI import (at once with --together, else when every session is in) and note in the run's log when
    its process starts and ends (its rows committed, a new store version)."""
    if not out["together"]:
        try:
            await asyncio.wait_for(out["all_in"].wait(), timeout=FIRST_PAINT_MS / 1000)
        except TimeoutError:  # a session never painted (an error of its own): the import runs all the same
            pass
    out["importer"] = importer = start()
    out["log"].append((round(time.perf_counter() - out["t0"], 1), -1, "import started"))
    while importer.poll() is None:
        await asyncio.sleep(0.25)
    out["log"].append((round(time.perf_counter() - out["t0"], 1), -1, "import done"))


def server_events(log: list[str], t0_wall: float) -> list[tuple[float, str]]:
    """The server's catalog builds and a new version's views from its log, as (seconds since the sessions started,
    what): the line's time stamp is when it ended."""
    events = []
    for line in log:
        if "catalog of store version" not in line and "computed in" not in line:
            continue
        try:
            stamp = time.mktime(time.strptime(line[:19], "%Y-%m-%d %H:%M:%S")) + int(line[20:23]) / 1000
        except ValueError:
            continue
        what = line.split(": ", 1)[-1].strip()[:90]
        events.append((round(stamp - t0_wall, 1), what))
    return events


def phases(log: list, events: list[tuple[float, str]], sessions: int) -> dict:
    """The repaints (by their start) split where the slow ones fall: while first pages load (before the last first
    paint), within SHOWN_S after a new store version is shown, and the rest."""
    firsts = [t for t, _, what in log if what == "first paint"]
    last_first = max(firsts) if len(firsts) == sessions else float("inf")
    shown = [t for t, what in events if "computed in" in what]
    parts: dict[str, list[float]] = {"during_first_paints": [], "after_new_version": [], "rest": []}
    for t, _, seconds in log:
        if not isinstance(seconds, float):
            continue
        if t < last_first:
            parts["during_first_paints"].append(seconds)
        elif any(0 <= t - at <= SHOWN_S for at in shown):
            parts["after_new_version"].append(seconds)
        else:
            parts["rest"].append(seconds)
    return {name: summary(values) for name, values in parts.items()}


def overlaps(log: list) -> dict:
    """How many repaints started while the import ran and while the pasted article was being read: the run measured
    what the issue asks only if both overlap the filter changes."""
    marks = {what: t for t, who, what in log if who < 0}
    spans = {"import": ("import started", "import done"), "paste": ("paste started", "paste answered")}
    starts = [t for t, _, seconds in log if isinstance(seconds, float)]
    return {name: sum(marks.get(a, float("inf")) <= t <= marks.get(b, float("inf")) for t in starts)
            for name, (a, b) in spans.items()}


def summary(values: list[float]) -> dict:
    """n, median, p95 and max of some repaint times."""
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {"n": len(ordered), "median": round(statistics.median(ordered), 2),
            "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2), "max": round(ordered[-1], 2)}


async def run_sessions(url: str, sessions: int, rounds: int, max_seconds: float, out: dict, think: float,
                       start=None) -> None:
    from playwright.async_api import async_playwright

    from dashboard.browser import CHROMIUM_FLAGS, chromium_path

    deadline = time.monotonic() + max_seconds + FIRST_PAINT_MS / 1000
    out["all_in"] = asyncio.Event()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), headless=True, args=[*CHROMIUM_FLAGS, BLOCK_HOSTS])
        try:
            jobs = [filter_session(browser, url, i, rounds, deadline, out, think) for i in range(sessions)]
            jobs.append(paste_session(browser, url, out))
            sampler = asyncio.ensure_future(sample_cpu(out))
            if start is not None:
                jobs.append(start_import(start, out))
            await asyncio.wait_for(asyncio.gather(*jobs), timeout=max_seconds + 180)
        finally:
            if "sampler" in locals():
                sampler.cancel()
            out["cpu_run"] = cpu_by_kind(out["cpu_start"])  # before the browser's processes are gone
            await browser.close()


def run_import(db: Path, path: Path) -> subprocess.Popen:
    env = {**os.environ, "INCIDENTS_DB": str(db), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "incidents", "import", str(path)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def count(db: Path) -> int:
    from incidents.storage import open_store

    store = open_store(str(db))
    try:
        return store.count()
    finally:
        store.close()


def run_arm(root: Path, args: argparse.Namespace, sessions: int) -> dict:
    """One load run against the app of checkout `root` on a fresh store: the figures of one arm."""
    from bench_app import server_cpu_s

    from tests.e2e.app_server import app_server

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "load.sqlite"
        before = make_store(db, args.n)
        csv_path, new_rows = import_file(Path(folder), args.import_rows, db)
        log: list[str] = []
        out: dict = {"held": 0, "repaints": [], "first_paints": [], "errors": [], "blocked": [], "lost": [], "slow": [],
                     "sessions": sessions, "log": [], "cpu_every": [], "together": args.together,
                     "server_log": log}
        from geodata.files import cache_dir

        shared = {"INCIDENT_MAP_CACHE_DIR": str(cache_dir().resolve())}  # a baseline checkout uses this one's files
        with app_server(db, timeout_s=180, log=log, root=root, extra_env=shared) as url:
            started, cpu_before = time.perf_counter(), server_cpu_s(url)
            out["cpu_start"] = {**process_cpu(), 0: ("benchmark", time.process_time())}
            out["t0"], t0_wall = time.perf_counter(), time.time()
            asyncio.run(run_sessions(url, sessions, args.rounds, args.max_seconds, out, max(0.0, args.think),
                                     lambda: run_import(db, csv_path)))
            server_cpu = server_cpu_s(url) - cpu_before
            importer = out.get("importer")
            stdout, stderr = importer.communicate(timeout=600) if importer else ("", "the import never started")
            seconds = time.perf_counter() - started
        summary = json.loads(stdout) if importer and importer.returncode == 0 else {"error": stderr.strip()[-300:]}
        after = count(db)
    repaints = sorted(out["repaints"])
    events = server_events(log, t0_wall)
    p95 = repaints[min(len(repaints) - 1, int(0.95 * len(repaints)))] if repaints else None
    held = out["held"] == sessions and not out["errors"] and before + new_rows == after
    return {
        "n": before,
        "shape": "together" if args.together else "all in, then import, paste and filter changes",
        # every session held, no error, no row lost and the p95 repaint within TARGET_S: the target
        "target_met": bool(held and p95 is not None and p95 <= TARGET_S),
        "sessions": sessions,
        "sessions_held": out["held"],
        "think_s": max(0.0, args.think),
        "repaints": len(repaints),
        "repaint_median_s": round(statistics.median(repaints), 2) if repaints else None,
        "repaint_p95_s": round(p95, 2) if p95 is not None else None,
        "repaint_max_s": round(repaints[-1], 2) if repaints else None,
        "first_paint_max_s": round(max(out["first_paints"]), 1) if out["first_paints"] else None,
        "first_paints_s": [round(s, 1) for s in out["first_paints"]],
        # CPU seconds by process until the last session's first paint, and over the whole run: where the time went
        "cpu_to_first_paints": out.get("cpu_to_first_paints"),
        "cpu_run": out.get("cpu_run"),
        "paste": out.get("paste"),
        "import": {"rows": new_rows, "inserted": summary.get("inserted"), "exit": importer.returncode if importer else None},
        "rows_lost": before + new_rows - after,
        "requests_blocked": len(out["blocked"]),
        "errors": out["errors"][:10],
        "lost": out["lost"][:10],
        "slow": out["slow"][:20],
        # when each catalog was built and the new version's views computed, to set beside the slow repaints
        "catalog_builds": [line[:160] for line in log if "catalog of store version" in line or "computed in" in line][:10],
        # (seconds since the sessions started, session, repaint seconds or "first paint"; session -1: "import done"),
        # in order of their end
        "repaint_log": out["log"],
        # (seconds since the sessions started, what) of the server's catalog builds and new versions' views
        "server_events": events,
        # the repaints while first pages load, within SHOWN_S after a new version is shown, and the rest
        "phases": phases(out["log"], events, sessions),
        # repaints that started while the import ran and while the paste was being read
        "repaints_during": overlaps(out["log"]),
        # (seconds since the sessions started, CPU seconds by kind of process over the CPU_EVERY_S before it)
        "cpu_every": out["cpu_every"],
        "seconds": round(seconds, 1),
        "server_cpu_s": round(server_cpu, 1),  # the machine is shared: the server's own CPU time over the run
        # all of it (first pages, catalogs, store-follow reruns included) per repaint measured
        "server_cpu_per_change_s": round(server_cpu / len(repaints), 2) if repaints else None,
        "load_average": os.getloadavg()[0],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="incidents in the store")
    parser.add_argument("--sessions", type=int, default=8, help=f"concurrent map sessions (at most {MAX_SESSIONS})")
    parser.add_argument("--rounds", type=int, default=8, help="filter changes per session")
    parser.add_argument("--import-rows", type=int, default=20_000, help="rows the concurrent CLI import adds")
    parser.add_argument("--think", type=float, default=THINK_S,
                        help="seconds a session pauses before each filter change (0: none, the worst case)")
    parser.add_argument("--max-seconds", type=float, default=240, help="stop changing filters after this long")
    parser.add_argument("--together", action="store_true",
                        help="the old shape: import and paste at once, each session changing filters once its own map is in")
    parser.add_argument("--baseline", default="",
                        help="also run the app of this git revision the same way, after this checkout's (a baseline)")
    args = parser.parse_args()
    sessions = max(1, min(args.sessions, MAX_SESSIONS))
    result = run_arm(ROOT, args, sessions)
    if args.baseline:
        from bench_app import baseline_checkout

        with tempfile.TemporaryDirectory() as folder:
            result["baseline"] = {"rev": args.baseline,
                                  **run_arm(baseline_checkout(args.baseline, Path(folder)), args, sessions)}
    print(json.dumps(result))
    return 0 if result["rows_lost"] == 0 and not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
