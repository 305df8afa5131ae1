"""App benchmark in Chromium on a running server, one JSON line: page load -> painted map, a filter change ->
repainted map, bytes sent for that view, server memory, and the demo's cold start; each also for a baseline checkout."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TIMEOUT_MS = 600_000
PRESETS = ("7 days", "All", "30 days", "All")  # the filter changes timed, in this order
OLD_MAP = "iframe[title='streamlit_folium.st_folium']"  # the map before the live component
# True once the map shows incident markers or clusters drawn from data other than `token` (the same test for both:
# the first icon painted): the live component's map after its data version changed; the old code's new iframe.
PAINTED = """(token) => {
    const live = document.querySelector('[data-testid=incident-map] .leaflet-container');
    let root = live;
    if (live) {
        if (live.dataset.version === token || live.getAttribute('data-waiting') === '1') return false;
    } else {
        const frame = document.querySelector("iframe[title='streamlit_folium.st_folium']");
        if (!frame || !frame.contentDocument || frame.dataset.token === token) return false;
        root = frame.contentDocument;
    }
    const icons = [...root.querySelectorAll('.leaflet-marker-icon.im-icon, .leaflet-marker-icon.im-cluster')];
    return icons.some(n => n.checkVisibility({visibilityProperty: true}));
}"""
# Mark the map drawn now: returns the token PAINTED waits to see replaced.
MARK = """() => {
    const live = document.querySelector('[data-testid=incident-map] .leaflet-container');
    if (live) return live.dataset.version || '';
    const frame = document.querySelector("iframe[title='streamlit_folium.st_folium']");
    if (frame) frame.dataset.token = 'before';
    return 'before';
}"""


def make_store(path: Path, n: int) -> Path:
    """A SQLite store holding `n` synthetic incidents (the demo data when n is 0)."""
    from incidents.frames import from_frame
    from incidents.samples import load_samples
    from incidents.storage import open_store
    from incidents.synth import synthesize

    store = open_store(str(path))
    try:
        store.upsert(load_samples()[0] if n == 0 else from_frame(synthesize(n, seed=1)))
    finally:
        store.close()
    return path


def baseline_checkout(rev: str, folder: Path) -> Path:
    """The code at git revision `rev`, extracted into `folder` (no worktree is registered)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def server_proc(url: str) -> Path | None:
    """/proc/PID of the Streamlit process serving `url` (found by its port)."""
    port = url.rsplit(":", 1)[1]
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            if (b"streamlit" in b" ".join(cmdline) or b"dashboard.launch" in cmdline) and port.encode() in cmdline:
                return proc
        except OSError:
            continue
    return None


def server_rss_mb(url: str) -> float | None:
    """Resident memory of the Streamlit process serving `url`, in MB."""
    proc = server_proc(url)
    try:
        for line in (proc / "status").read_text().splitlines() if proc else ():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def server_cpu_s(url: str) -> float:
    """CPU seconds (user + system) the Streamlit process serving `url` has used so far: the machine is shared, so
    wall times are reported with the server's own CPU time."""
    proc = server_proc(url)
    try:
        fields = (proc / "stat").read_text().rsplit(")", 1)[1].split() if proc else []
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else float("nan")


class Bytes:
    """Counts the bytes the page receives on its websockets (what Streamlit sends: deltas, component data)."""

    def __init__(self, page) -> None:
        self.total = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._add))

    def _add(self, payload) -> None:
        self.total += len(payload.encode() if isinstance(payload, str) else payload)


def painted_after(page, token: str) -> None:
    page.wait_for_function(PAINTED, arg=token, timeout=TIMEOUT_MS, polling=50)


def load(page, url: str) -> float:
    """Seconds from navigation to a painted map."""
    start = time.perf_counter()
    page.goto(url, timeout=TIMEOUT_MS)
    painted_after(page, "none")
    return time.perf_counter() - start


def filter_changes(page, counter: Bytes, url: str) -> tuple[list[float], list[int], list[float]]:
    """Seconds, bytes received and server CPU seconds per filter change (a date preset clicked) until the map is
    repainted."""
    seconds, sizes, cpu = [], [], []
    for preset in PRESETS:
        page.wait_for_timeout(1500)  # the page's follow-up run (timeline, table) is over
        token = page.evaluate(MARK)
        before = counter.total
        cpu_before = server_cpu_s(url)
        start = time.perf_counter()
        page.get_by_text(preset, exact=True).first.click()
        painted_after(page, token)
        seconds.append(time.perf_counter() - start)
        cpu.append(server_cpu_s(url) - cpu_before)
        sizes.append(counter.total - before)
    return seconds, sizes, cpu


def measure(db: Path, root: Path) -> dict[str, object]:
    """Every browser figure for the app of checkout `root` serving `db`."""
    from dashboard.browser import chromium
    from tests.e2e.app_server import app_server

    with app_server(db, timeout_s=600, root=root, extra_env={"INCIDENT_MAP_CACHE_DIR": str(ROOT / ".cache")}) as url, \
            chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        counter = Bytes(page)
        cpu_start = server_cpu_s(url)
        first = load(page, url + "/")
        first_cpu = server_cpu_s(url) - cpu_start
        rss = server_rss_mb(url)
        first_bytes = counter.total
        cpu_start = server_cpu_s(url)
        reload = load(page, url + "/")
        reload_cpu = server_cpu_s(url) - cpu_start
        seconds, sizes, cpu = filter_changes(page, counter, url)
        page.close()
    return {
        "first_page_s": round(first, 2),
        "first_page_server_cpu_s": round(first_cpu, 2),
        "first_page_bytes": first_bytes,
        "page_load_s": round(reload, 2),
        "page_load_server_cpu_s": round(reload_cpu, 2),
        "filter_change_s": [round(x, 2) for x in seconds],
        "filter_change_server_cpu_s": [round(x, 2) for x in cpu],
        "filter_change_median_s": round(statistics.median(seconds), 2),
        "filter_change_max_s": round(max(seconds), 2),
        "view_bytes_median": int(statistics.median(sizes)),
        "view_bytes_max": max(sizes),
        "server_rss_mb": rss,
    }


def cold_start(db: Path, root: Path, cache: Path = ROOT / ".cache") -> dict[str, float]:
    """Seconds from launching the server to a painted map in a new page, with the server's CPU seconds by then."""
    from dashboard.browser import chromium
    from tests.e2e.app_server import app_server

    with chromium() as browser:  # the user's browser is running already: its start is not the app's
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        spawned = time.perf_counter()
        with app_server(db, root=root, extra_env={"INCIDENT_MAP_CACHE_DIR": str(cache)}) as url:
            healthy = time.perf_counter() - spawned
            session: list[tuple[float, float]] = []  # when the front end opened its websocket, and the server's CPU
            page.on("websocket", lambda _: session or session.append((time.perf_counter(), server_cpu_s(url))))
            page.goto(url + "/", timeout=TIMEOUT_MS)
            painted_after(page, "none")
            painted = time.perf_counter()
            cpu = server_cpu_s(url)
        page.close()
    opened, cpu_opened = session[0] if session else (float("nan"), float("nan"))
    return {"s": round(painted - spawned, 2), "server_up_s": round(healthy, 2), "server_cpu_s": round(cpu, 2),
            # the browser loading Streamlit's front end (the warm-up's window), then the app's own critical path
            "front_end_s": round(opened - spawned - healthy, 2), "session_to_painted_s": round(painted - opened, 2),
            "session_server_cpu_s": round(cpu - cpu_opened, 2)}


def byte_compile(root: Path) -> None:
    """The checkout's byte code written beside its sources, as an installed app has it (`make run`'s prepare writes
    it; Python itself does unless PYTHONDONTWRITEBYTECODE is set): every checkout starts on the same footing."""
    import compileall

    for name in ("dashboard", "incidents", "geodata"):
        if (root / name).is_dir():
            compileall.compile_dir(root / name, quiet=2)


def cold_starts(db: Path, roots: dict[str, Path], repeat: int, compiled: bool = True) -> dict[str, object]:
    """Each checkout's cold start `repeat` times, alternating; with several, every run and the medians. Each checkout
    has its own cache folder (a copy of this checkout's, then `make run`'s prepare and one untimed start): derived files
    are keyed by the code that makes them, so two checkouts sharing one folder would rebuild each other's (the world
    basemap, 20 s of processor time after the first page) on every start."""
    for root in roots.values() if compiled else ():
        byte_compile(root)
    caches = {name: Path(tempfile.mkdtemp(dir=db.parent)) / "cache" for name in roots}
    for name, root in roots.items():
        if (ROOT / ".cache").is_dir():
            shutil.copytree(ROOT / ".cache", caches[name], ignore=shutil.ignore_patterns("*.lock"))
        subprocess.run([sys.executable, "-m", "dashboard", "prepare"], cwd=root, check=True, capture_output=True,
                       env={**os.environ, "INCIDENT_MAP_CACHE_DIR": str(caches[name]), "INCIDENTS_DB": str(db)})
        cold_start(db, root, caches[name])  # the demo's own basemap box
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in roots}
    for _ in range(repeat):
        for name, root in roots.items():
            runs[name].append({**cold_start(db, root, caches[name]), "load_average": round(os.getloadavg()[0], 2)})
    if repeat == 1:
        return {name: found[0] for name, found in runs.items()}
    return {name: {"runs": found, **{f"median_{k}": round(statistics.median(r[k] for r in found), 2)
                                      for k in ("s", "server_up_s", "server_cpu_s", "front_end_s",
                                                "session_to_painted_s", "session_server_cpu_s")}}
            for name, found in runs.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="synthetic incidents in the store")
    parser.add_argument("--baseline", default="2dc2c46", help="git revision to compare with ('' to skip)")
    parser.add_argument("--no-cold", action="store_true", help="skip the demo store's cold start")
    parser.add_argument("--only-cold", action="store_true", help="measure the demo store's cold start only")
    parser.add_argument("--db", type=Path, help="an existing store to serve instead of making one of --n incidents")
    parser.add_argument("--no-byte-compile", action="store_true",
                        help="cold starts without the checkouts' byte code written first (each start compiles them)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="cold starts per checkout, alternating between them (the load changes meanwhile)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = args.db or (None if args.only_cold else make_store(work / "bench.sqlite", args.n))
        roots = {"ours": ROOT}
        if args.baseline:
            roots["baseline"] = baseline_checkout(args.baseline, Path(tempfile.mkdtemp(dir=work)))
        result: dict[str, object] = {"n": args.n, "load_average": os.getloadavg()[0]}
        for name, root in roots.items():
            if not args.only_cold:
                result[name] = measure(db, root)
        if not args.no_cold:
            demo = make_store(work / "demo.sqlite", 0)
            result["demo_cold_start_s"] = cold_starts(demo, roots, args.repeat, not args.no_byte_compile)
            result["byte_compiled"] = not args.no_byte_compile
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
