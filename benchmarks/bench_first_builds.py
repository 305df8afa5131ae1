"""Catalog builds of a cold server whose store a CLI import wrote just before its first read, with N first pages at once."""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class Builds(logging.Handler):
    """The server's 'catalog of store version N built' lines, as they are logged."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[tuple[float, str]] = []
        self.t0 = time.perf_counter()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "catalog of store version" in message or "computed in" in message:
            self.lines.append((round(time.perf_counter() - self.t0, 2), message))


def cpu_s() -> float:
    """Processor seconds of this process and its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def cli_import(db: Path, csv: Path) -> subprocess.Popen:
    env = {**os.environ, "INCIDENTS_DB": str(db), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "incidents", "import", str(csv)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def first_page(data, t0: float, paints: list[float], follow_s: float) -> None:
    """A session's first run (the main page's snapshot and facets), then its store check every second."""
    snap = data.snapshot(stale_ok=True)
    data.facets(snap)
    paints.append(round(time.perf_counter() - t0, 2))
    end = time.monotonic() + follow_s
    while time.monotonic() < end:
        if data.served_version() != snap.version:
            snap = data.snapshot(stale_ok=True)  # the rerun follow_store makes
            data.facets(snap)
        time.sleep(1.0)


def app_page(data, t0: float, paints: list[float], follow_s: float) -> None:
    """A session's first run of the app itself (Streamlit's AppTest, a script run with its own session), then a
    rerun every second as its store check."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=600)
    at.run()
    paints.append(round(time.perf_counter() - t0, 2))
    end = time.monotonic() + follow_s
    while time.monotonic() < end:
        time.sleep(1.0)
        at.run()


def import_before_first_read(data, db: Path, csv: Path) -> Started:
    """The CLI import, started and waited for by the process's first catalog read right before it reads."""
    real, started = data._load_catalog, []

    def read(url):
        if not started:
            started.append(cli_import(db, csv))
            started[0].wait()
        return real(url)

    data._load_catalog = read
    return Started(started)


class Started:
    """The import that the first catalog read starts (nothing to wait for until it has)."""

    def __init__(self, started: list[subprocess.Popen]) -> None:
        self.started = started

    def wait(self) -> None:
        for importer in self.started:
            importer.wait()


def run(store: Path, csv: Path, sessions: int, follow_s: float, during: bool, app: bool, race: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="first-builds-") as folder:
        db = Path(folder) / "store.sqlite"
        shutil.copy(store, db)
        os.environ["INCIDENTS_DB"] = str(db)
        from dashboard import data, warm

        builds = Builds()
        logging.getLogger("dashboard").addHandler(builds)
        logging.getLogger("dashboard").setLevel(logging.INFO)
        before = data.store_version()  # the server's store open (a page's store check)
        if race:  # the import commits after the warm-up asked the store's version, before its catalog read
            importer = import_before_first_read(data, db, csv)
        else:
            importer = cli_import(db, csv)  # commits before the server's first catalog read (or during: --during)
            if not during:
                importer.wait()
        cpu0, t0 = cpu_s(), time.perf_counter()
        builds.t0 = t0
        warming = threading.Thread(target=warm.first_page, name="first-page-warm-up")
        warming.start()
        paints: list[float] = []
        pages = [threading.Thread(target=app_page if app else first_page, args=(data, t0, paints, follow_s), name=f"session-{i}")
                 for i in range(sessions)]
        for page in pages:
            time.sleep(0.5)
            page.start()
        for thread in [warming, *pages]:
            thread.join(600)
        for build in list(data._BUILDS.values()):
            build.join(600)
        importer.wait()
        return {"sessions": sessions, "version_before": before, "version_after": data.store_version(),
                "builds": len([line for line in builds.lines if "catalog of store version" in line[1]]),
                "build_lines": builds.lines, "first_paints_s": sorted(paints),
                "cpu_s": round(cpu_s() - cpu0, 1), "wall_s": round(time.perf_counter() - t0, 1),
                "load_average": os.getloadavg()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store", type=Path, help="a SQLite store (copied; e.g. bench_load.make_store's)")
    parser.add_argument("csv", type=Path, help="a small CSV the CLI imports just before the first read")
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--during", action="store_true", help="the import runs while the server starts reading")
    parser.add_argument("--race", action="store_true", help="the import commits between the warm-up's version and its read")
    parser.add_argument("--app", action="store_true", help="sessions run the app's script (AppTest)")
    parser.add_argument("--follow", type=float, default=15.0, help="seconds each session keeps checking the store")
    args = parser.parse_args()
    print(json.dumps(run(args.store, args.csv, args.sessions, args.follow, args.during, args.app, args.race), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
