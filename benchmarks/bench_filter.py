"""Benchmark: date window + two event types over N synthetic incidents, sorted-index selection vs a full boolean scan.

Prints one JSON line: n, ours_ms, naive_ms, ratio (30-day window) and the same for a one-year window.
Target (issue 3): ours_ms <= 5 and ratio >= 20 for the 30-day window at n = 1,000,000.
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

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from incidents.model import IncidentFilter  # noqa: E402
from incidents.selection import select  # noqa: E402
from incidents.synth import synthesize  # noqa: E402

TYPES = ("drone_strike", "missile_strike")
WINDOWS = {"month": (date(2020, 3, 1), date(2020, 3, 30)), "year": (date(2020, 1, 1), date(2020, 12, 31))}


def naive(frame: pd.DataFrame, flt: IncidentFilter) -> pd.DataFrame:
    """The baseline: one boolean mask over every row of the frame."""
    day = frame["day"]
    mask = (day >= pd.Timestamp(flt.start)) & (day <= pd.Timestamp(flt.end)) & frame["event_type"].isin(flt.event_types)
    return frame[mask]


def elapsed_ms(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def measure(frame: pd.DataFrame, window: tuple[date, date], repeat: int) -> dict[str, float]:
    """Medians of interleaved runs (so load from other processes hits both alike), after checking equality."""
    flt = IncidentFilter(start=window[0], end=window[1], event_types=TYPES)
    pd.testing.assert_frame_equal(select(frame, flt), naive(frame, flt))  # same rows, columns, dtypes, index
    ours = select(frame, flt)
    pairs = [(elapsed_ms(lambda: select(frame, flt)), elapsed_ms(lambda: naive(frame, flt))) for _ in range(repeat)]
    ours_ms = statistics.median(p[0] for p in pairs)
    naive_ms = statistics.median(p[1] for p in pairs)
    return {"rows": len(ours), "ours_ms": round(ours_ms, 3), "naive_ms": round(naive_ms, 3),
            "ratio": round(naive_ms / ours_ms, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=31)
    args = parser.parse_args()
    frame = synthesize(args.n, seed=args.seed)
    month = measure(frame, WINDOWS["month"], args.repeat)
    year = measure(frame, WINDOWS["year"], args.repeat)
    result = {"n": args.n, **{k: month[k] for k in ("ours_ms", "naive_ms", "ratio", "rows")},
              **{f"year_{k}": v for k, v in year.items()},
              "target_met": month["ours_ms"] <= 5 and month["ratio"] >= 20}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
