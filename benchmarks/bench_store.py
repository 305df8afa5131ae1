"""Benchmark: the SQLite and PostGIS stores side by side on N synthetic incidents.

Prints one JSON line: per store, bulk import rows/s (the import path: streamed upsert; PostGIS moves rows with COPY)
and the CPU seconds it took in this process and, for the throwaway cluster, in the PostgreSQL server's processes (so
rows per CPU-second can be compared on a loaded machine, where wall time says little); for PostGIS in its own cluster,
the same import with the indexes maintained row by row instead of built after the load (`import_indexes_kept`); a re-import of every tenth row
(each merged with its stored row, nothing inserted); frame load time and size, the machine's load average, and the
catalog queries in the database: a 30-day window + two types, a 1°x1° box and a 100 km distance band (median ms). `--store` names the store under test; the other is its baseline.
Targets (issue 16): PostGIS bulk import >= 50,000 rows/s; the window query <= 50 ms at n = 1,000,000.
PostGIS runs in a throwaway cluster (fsync on) unless --url names a server.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from incidents.frames import from_frame  # noqa: E402
from incidents.model import IncidentFilter  # noqa: E402
from incidents.storage import open_store  # noqa: E402
from incidents.synth import synthesize  # noqa: E402

MOSCOW = (55.7558, 37.6173)
CHUNK = 50_000


def queries(first_day: date) -> dict[str, IncidentFilter]:
    start = first_day.replace(day=1)
    return {
        "window_30d_types": IncidentFilter(start=start, end=date.fromordinal(start.toordinal() + 29),
                                           event_types=("drone_strike", "missile_strike")),
        "bbox_1deg": IncidentFilter(bbox=(55.3, 37.1, 56.3, 38.1)),
        "distance_100km": IncidentFilter(distance_km=(0.0, 100.0), reference=MOSCOW),
    }


def rss_mb() -> float:
    """The process's resident memory now (Linux /proc), in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def median_ms(run, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2), result


def server_cpu_s(data: Path | None) -> float:
    """CPU seconds used so far by the PostgreSQL server whose data folder is `data` (the postmaster and its children,
    read from /proc, with the children that ended, such as parallel index-build workers, through the postmaster's
    cutime and cstime); 0 without a server (SQLite runs in this process)."""
    if data is None:
        return 0.0
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == postmaster:
            ticks += sum(int(value) for value in stat[11:15])  # utime, stime, cutime, cstime
        elif int(stat[1]) == postmaster:
            ticks += int(stat[11]) + int(stat[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(url: str, incidents: list, first_day: date, repeat: int, server: Path | None = None) -> dict[str, object]:
    store = open_store(url)
    counted = server is not None or "://" not in url  # CPU seconds known: SQLite, or a server of our own
    try:
        started, cpu, server_cpu = time.perf_counter(), time.process_time(), server_cpu_s(server)
        result = store.upsert(iter(incidents))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        server_cpu = server_cpu_s(server) - server_cpu
        assert result.inserted == len(incidents), result
        again = incidents[::10]
        reimport_cpu, reimport_server = time.process_time(), server_cpu_s(server)
        result = store.upsert(iter(again))
        reimport_cpu = time.process_time() - reimport_cpu + server_cpu_s(server) - reimport_server
        assert result.inserted == 0 and result.unchanged == len(again), result
        assert store.count() == len(incidents)
        rss_before = rss_mb()
        started = time.perf_counter()
        frame = store.frame()
        frame_s = time.perf_counter() - started
        out: dict[str, object] = {
            "store": store.describe(), "import_rows_per_s": round(len(incidents) / seconds),
            "import_s": round(seconds, 1), "import_client_cpu_s": round(cpu, 2),
            "import_server_cpu_s": round(server_cpu, 2) if server else None,
            "import_rows_per_cpu_s": round(len(incidents) / (cpu + server_cpu)) if counted else None,
            "reimport_tenth_rows_per_cpu_s": round(len(again) / reimport_cpu) if counted else None,
            "frame_load_s": round(frame_s, 2),
            "frame_mb": round(frame.memory_usage(deep=True).sum() / 2**20),
            "frame_rss_growth_mb": round(rss_mb() - rss_before),
            "load_average": round(os.getloadavg()[0], 1),
        }
        del frame
        for name, flt in queries(first_day).items():
            ms, found = median_ms(lambda flt=flt: store.catalog(flt), repeat)
            out[f"{name}_ms"] = ms
            out[f"{name}_rows"] = len(found)
        return out
    finally:
        store.close()


def import_with_indexes_kept(url: str, incidents: list, server: Path | None) -> dict[str, object]:
    """The PostGIS bulk import into an empty table with its indexes maintained row by row (as before the indexes
    were built after the load): the same-run baseline of that step."""
    from incidents.storage import postgis

    store, deferring = open_store(url), postgis.DEFER_AT
    postgis.DEFER_AT = len(incidents) + postgis.CHUNK + 1  # never reached: no index is dropped
    try:
        started, cpu, server_cpu = time.perf_counter(), time.process_time(), server_cpu_s(server)
        store.upsert(iter(incidents))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        server_cpu = server_cpu_s(server) - server_cpu
        return {"import_rows_per_s": round(len(incidents) / seconds), "import_client_cpu_s": round(cpu, 2),
                "import_server_cpu_s": round(server_cpu, 2) if server else None,
                "load_average": round(os.getloadavg()[0], 1)}
    finally:
        postgis.DEFER_AT = deferring
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--store", choices=("sqlite", "postgis"), default="postgis")
    parser.add_argument("--url", help="a PostgreSQL database with PostGIS (default: a throwaway cluster)")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    frame = synthesize(args.n, seed=0)
    incidents = [item for start in range(0, args.n, CHUNK) for item in from_frame(frame.iloc[start:start + CHUNK])]
    first_day = frame["day"].iloc[len(frame) // 2].date()
    del frame
    cluster = None
    try:
        if args.url:
            pg = args.url
        else:
            from tests.pgcluster import Cluster

            cluster = Cluster(fsync=True)
            pg = cluster.new_database()
        with tempfile.TemporaryDirectory() as folder:
            results = {"sqlite": measure(str(Path(folder) / "bench.sqlite"), incidents, first_day, args.repeat),
                       "postgis": measure(pg, incidents, first_day, args.repeat,
                                          cluster.data if cluster else None)}
        if cluster and args.store == "postgis":
            results["postgis"]["import_indexes_kept"] = import_with_indexes_kept(cluster.new_database(), incidents,
                                                                                 cluster.data)
    finally:
        if cluster:
            cluster.destroy()
    ours = results[args.store]
    print(json.dumps({"n": args.n, "store": args.store, **{k: v for k, v in ours.items() if k != "store"},
                      "baseline": {"store": "postgis" if args.store == "sqlite" else "sqlite",
                                   **results["postgis" if args.store == "sqlite" else "sqlite"]},
                      "targets": {"postgis_import_rows_per_s": 50_000, "window_ms": 50}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
