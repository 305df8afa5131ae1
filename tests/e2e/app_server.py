"""Test helpers for the app: a small store of known incidents, and a real Streamlit server on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from incidents.model import Incident, Source

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SEED_URL = "https://example.org/kazan-2024-12-21"


def _source(excerpt: str, url: str = SEED_URL) -> tuple[Source, ...]:
    return (Source(title="Drones strike Kazan", url=url, published="2024-12-21", excerpt=excerpt),)


def sample_incidents() -> list[Incident]:
    """The seed case (Kazan strike, three airports) plus older incidents so windows and filters matter."""
    kazan = _source("Kazan ... was struck by three waves of drones between 7:40 am and 9:20 am local time")
    return [
        Incident(
            id="kazan-strike",
            event_type="drone_strike",
            place="Kazan",
            admin1="Tatarstan",
            country="RU",
            lat=55.7963,
            lon=49.1088,
            started_at="2024-12-21T07:40+03:00",
            ended_at="2024-12-21T09:20+03:00",
            time_precision="minute",
            killed=0,
            injured=0,
            drones_downed=6,
            sources=kazan,
            distance_claim={
                "reference": "Moscow",
                "claimed_km": 800,
                "claimed_text": "500 miles (800 km)",
                "geodesic_km": 721.0,
                "error_pct": 11.0,
                "verdict": "overstated",
            },
            evidence={"drones_downed": {"sentence": "six drones were neutralized", "start": 0, "end": 3}},
        ),
        Incident(
            id="kzn",
            event_type="airspace_restriction",
            place="Kazan International Airport",
            admin1="Tatarstan",
            country="RU",
            lat=55.6062,
            lon=49.2787,
            started_at="2024-12-21T08:00+03:00",
            time_precision="hour",
            airport_iata="KZN",
            airport_icao="UWKD",
            status="active",
            sources=kazan,
        ),
        Incident(
            id="ijk",
            event_type="airspace_restriction",
            place="Izhevsk Airport",
            admin1="Udmurtia",
            country="RU",
            lat=56.8281,
            lon=53.4575,
            started_at="2024-12-21",
            airport_iata="IJK",
            airport_icao="USII",
            status="active",
            sources=kazan,
        ),
        Incident(
            id="gsv",
            event_type="airspace_restriction",
            place="Saratov Gagarin Airport",
            admin1="Saratov",
            country="RU",
            lat=51.7128,
            lon=46.1711,
            started_at="2024-12-21",
            airport_iata="GSV",
            airport_icao="UWSG",
            status="lifted",
            sources=kazan,
        ),
        Incident(
            id="bryansk-old",
            event_type="missile_strike",
            place="Bryansk",
            admin1="Bryansk",
            country="RU",
            lat=53.2434,
            lon=34.3637,
            started_at="2024-11-02T22:10+03:00",
            time_precision="minute",
            killed=2,
            injured=None,
            sources=_source("a missile hit an industrial site, killing two", "https://example.org/b"),
        ),
        Incident(
            id="kharkiv-old",
            event_type="explosion",
            place="Kharkiv",
            admin1="Kharkiv",
            country="UA",
            lat=49.9935,
            lon=36.2304,
            started_at="2024-10-15",
            killed=None,
            injured=4,
            sources=_source("explosions were heard; four people were injured", "https://example.org/k"),
        ),
        Incident(
            id="moscow-intercept",
            event_type="interception",
            place="Moscow",
            admin1="Moscow",
            country="RU",
            lat=55.7558,
            lon=37.6173,
            started_at="2024-12-15T03:00+03:00",
            time_precision="hour",
            drones_downed=3,
            sources=_source("three drones were shot down over Moscow region", "https://example.org/m"),
        ),
    ]


def fill_store(path: Path, incidents: list[Incident] | None = None) -> Path:
    """A SQLite store at `path` holding `incidents` (the sample by default)."""
    from incidents.storage import open_store

    store = open_store(str(path))
    try:
        store.upsert(sample_incidents() if incidents is None else incidents)
    finally:
        store.close()
    return path


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def _read_lines(stream: Iterable[str], lines: list[str]) -> None:
    for line in stream:
        lines.append(line)


@contextmanager
def app_server(db: Path, timeout_s: float = 60, extra_env: dict[str, str] | None = None,
               root: Path = ROOT, address: str = "127.0.0.1", log: list[str] | None = None) -> Iterator[str]:
    """Serve the app (the checkout `root`'s launcher, as `make run` does) on a free port of `address`
    against the store `db`; yield its base URL; stop it afterwards. The server's stderr lines are appended to `log`
    as they come (read all along, so a chatty server never blocks on a full pipe)."""
    port = free_port()
    env = {**os.environ, "INCIDENTS_DB": str(db), **(extra_env or {})}
    launcher = ["-m", "dashboard.launch"] if (root / "dashboard" / "launch.py").exists() else \
        ["-m", "streamlit", "run", str(root / "dashboard" / "app.py")]  # an older checkout (a benchmark's baseline)
    command = [
        sys.executable,
        *launcher,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.address",
        address,
    ]
    process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    lines = [] if log is None else log
    reader = threading.Thread(target=_read_lines, args=(process.stderr, lines), daemon=True)
    reader.start()
    url = f"http://{address}:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while not _healthy(url):
            if process.poll() is not None:
                reader.join(timeout=5)
                raise RuntimeError(f"streamlit exited: {''.join(lines)[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not become healthy in time")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
