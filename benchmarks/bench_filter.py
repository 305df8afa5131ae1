"""Benchmark: selection over the catalog of N synthetic incidents vs a boolean-mask scan; free-text search; figures.

Prints one JSON line: n, ours_ms, naive_ms, ratio (30-day window + two types, rows found as positions both ways),
the same for a one-year window, text_ms (free text over the whole store, median over several words) with its
naive baseline (a substring test per row), figures_ms (the figures of the 30-day view) and catalog build seconds.
Targets (issue 14) at n = 1,000,000: ours_ms <= 1, ratio >= 25, text_ms <= 50.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from incidents.catalog import Catalog, Reference, build_catalog, search_text  # noqa: E402
from incidents.figures import figures  # noqa: E402
from incidents.model import IncidentFilter  # noqa: E402
from incidents.selection import positions, rows  # noqa: E402
from incidents.synth import synthesize  # noqa: E402

TYPES = ("drone_strike", "missile_strike")
WINDOWS = {"month": (date(2020, 3, 1), date(2020, 3, 30)), "year": (date(2020, 1, 1), date(2020, 12, 31))}
WORDS = ("kazan", "moscow", "oblast", "zzzz", "synthetic")
MOSCOW = Reference("Moscow", 55.7558, 37.6173)


def naive(frame: pd.DataFrame, flt: IncidentFilter) -> np.ndarray:
    """The baseline: one boolean mask over every row of the frame, as positions."""
    day = frame["day"]
    mask = (day >= pd.Timestamp(flt.start)) & (day <= pd.Timestamp(flt.end)) & frame["event_type"].isin(flt.event_types)
    return np.flatnonzero(mask.to_numpy())


def naive_text(texts: list[str], word: str) -> np.ndarray:
    """The baseline: a substring test on every row's search text."""
    return np.flatnonzero(np.fromiter((word in text for text in texts), dtype=bool, count=len(texts)))


def elapsed_ms(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def medians(ours: Callable[[], object], theirs: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Medians of interleaved runs (so load from other processes hits both alike)."""
    pairs = [(elapsed_ms(ours), elapsed_ms(theirs)) for _ in range(repeat)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def measure(catalog: Catalog, window: tuple[date, date], repeat: int) -> dict[str, float]:
    """The window + two types, after checking both find the same rows."""
    flt = IncidentFilter(start=window[0], end=window[1], event_types=TYPES)
    found = positions(catalog, flt)
    assert np.array_equal(found, naive(catalog.frame, flt))
    ours_ms, naive_ms = medians(lambda: positions(catalog, flt), lambda: naive(catalog.frame, flt), repeat)
    return {"rows": len(found), "ours_ms": round(ours_ms, 3), "naive_ms": round(naive_ms, 3),
            "ratio": round(naive_ms / ours_ms, 1)}


def measure_text(catalog: Catalog, texts: list[str], repeat: int) -> dict[str, float]:
    """Free text over the whole store, the median over WORDS, after checking both find the same rows."""
    ours, theirs = [], []
    for word in WORDS:
        flt = IncidentFilter(text=word)
        assert np.array_equal(positions(catalog, flt), naive_text(texts, word))
        mine, base = medians(lambda: positions(catalog, flt), lambda: naive_text(texts, word), max(1, repeat // 8))
        ours.append(mine)
        theirs.append(base)
    return {"text_ms": round(statistics.median(ours), 3), "text_max_ms": round(max(ours), 3),
            "text_naive_ms": round(statistics.median(theirs), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=31)
    args = parser.parse_args()
    frame = synthesize(args.n, seed=args.seed)
    started = time.perf_counter()
    catalog = build_catalog(frame, reference=MOSCOW)
    build_s = time.perf_counter() - started
    texts = search_text(frame)
    del frame
    month = measure(catalog, WINDOWS["month"], args.repeat)
    year = measure(catalog, WINDOWS["year"], args.repeat)
    text = measure_text(catalog, texts, args.repeat)
    flt = IncidentFilter(start=WINDOWS["month"][0], end=WINDOWS["month"][1], event_types=TYPES)
    view = rows(catalog, positions(catalog, flt))
    figures_ms = statistics.median(elapsed_ms(lambda: figures(view, flt.start, flt.end)) for _ in range(5))
    everything = rows(catalog, positions(catalog, IncidentFilter()))
    all_figures_ms = statistics.median(elapsed_ms(lambda: figures(everything)) for _ in range(3))
    result = {"n": args.n, **{k: month[k] for k in ("ours_ms", "naive_ms", "ratio", "rows")},
              **{f"year_{k}": v for k, v in year.items()}, **text,
              "figures_month_ms": round(figures_ms, 1), "figures_all_ms": round(all_figures_ms, 1),
              "catalog_build_s": round(build_s, 2),
              "target_met": month["ours_ms"] <= 1 and month["ratio"] >= 25 and text["text_ms"] <= 50}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
