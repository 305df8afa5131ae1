"""Benchmark: the Review page with a busy feed (many drafts), before and after it read its queue from the catalog.

Prints one JSON line. A SQLite store of N synthetic drafts (default 50,000; a third of them with an extraction
confidence) plus --reviewed reviewed rows is rendered in Streamlit's AppTest: the page as it is now (the cached
catalog's drafts, details read for the 50 rows shown) and, as the baseline measured in the same run, the page as it
was before (every draft read from the store as a record on each render: `git show BASELINE:dashboard/views/
review_queue.py`). For each: a cold render (caches cleared: the catalog and duplicate candidates built) and the median
of --repeat re-renders (what each widget change costs). Wall and CPU seconds (time.process_time) for each.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from incidents.frames import from_frame  # noqa: E402
from incidents.storage import SQLiteStore  # noqa: E402
from incidents.synth import synthesize  # noqa: E402

BASELINE = "91e02ff"  # the last commit with the page reading every draft per render
PAGE = ROOT / "dashboard" / "views" / "review_queue.py"


def fill(path: Path, drafts: int, reviewed: int) -> None:
    frame = synthesize(drafts + reviewed, seed=3)
    rng = np.random.default_rng(3)
    frame["review"] = ["draft"] * drafts + ["reviewed"] * reviewed
    frame["origin"] = [{"extraction": {"confidence": round(float(rng.random()), 3)}} if n % 3 == 0 else {}
                       for n in range(len(frame))]
    store = SQLiteStore(path)
    store.load(from_frame(frame))
    store.close()


def timed(work) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return {"wall_s": round(time.perf_counter() - wall, 3), "cpu_s": round(time.process_time() - cpu, 3)}


def measure(app, repeat: int) -> dict[str, object]:
    """Cold render (every cache cleared) and the median re-render of one page script."""
    from dashboard import data

    data.clear_caches()
    cold = timed(lambda: app.run(timeout=600))
    if app.exception:
        raise SystemExit(f"the page failed: {app.exception[0].value}")
    again = []
    for number in range(repeat):
        app.text_input(key="review_reason").input(f"reason {number}")  # a widget change: one rerun of the page
        again.append(timed(lambda: app.run(timeout=600)))
    return {"cold": cold, "rerender_median": {key: statistics.median(item[key] for item in again)
                                              for key in ("wall_s", "cpu_s")},
            "table_rows": len(app.dataframe[0].value) if app.dataframe else 0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--drafts", type=int, default=50_000)
    parser.add_argument("--reviewed", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest

    before = subprocess.run(["git", "-C", str(ROOT), "show", f"{BASELINE}:dashboard/views/review_queue.py"],
                            capture_output=True, text=True, check=False)
    if before.returncode:
        raise SystemExit(f"the baseline page is not in this clone's history ({BASELINE}): {before.stderr.strip()}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "review.sqlite"
        fill(path, args.drafts, args.reviewed)
        os.environ["INCIDENTS_DB"] = str(path)
        out: dict[str, object] = {"drafts": args.drafts, "reviewed": args.reviewed}
        out["baseline_every_draft_per_render"] = measure(AppTest.from_string(before.stdout, default_timeout=600),
                                                         args.repeat)
        out["catalog_paged"] = measure(AppTest.from_file(str(PAGE), default_timeout=600), args.repeat)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
