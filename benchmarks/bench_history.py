"""Benchmark: what recording history and a batch costs an import into SQLite (issue 17).

Prints one JSON line: for N synthetic incidents, a fresh import through `upsert` as one batch (one 'created' history
entry per new incident) and, as the baseline measured in the same run, `load` of the same rows (the raw write with no
planning and no history); then a re-import changing one field of every row (one history entry per changed field).
Wall and CPU seconds (time.process_time) for each.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from incidents.frames import from_frame  # noqa: E402
from incidents.storage import SQLiteStore  # noqa: E402
from incidents.storage.journal import Batch, new_batch_id  # noqa: E402
from incidents.synth import synthesize  # noqa: E402


def timed(work) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return {"wall_s": round(time.perf_counter() - wall, 3), "cpu_s": round(time.process_time() - cpu, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    rows = from_frame(synthesize(args.n, seed=1))
    changed = [item.with_changes(notes="re-imported") for item in rows]
    with tempfile.TemporaryDirectory() as folder:
        baseline = SQLiteStore(Path(folder) / "load.sqlite")
        load = timed(lambda: baseline.load(rows))
        baseline.close()
        store = SQLiteStore(Path(folder) / "upsert.sqlite")
        fresh = timed(lambda: store.upsert(rows, batch=Batch(new_batch_id("import"), "import", "bench")))
        again = timed(lambda: store.upsert(changed, overwrite=["notes"],
                                           batch=Batch(new_batch_id("import"), "import", "bench")))
        entries = len(store.history())
        store.close()
    print(json.dumps({"n": args.n, "import_with_history": fresh, "baseline_load_no_history": load,
                      "reimport_one_field_changed": again, "history_entries": entries,
                      "rows_per_s_import": round(args.n / fresh["wall_s"]),
                      "rows_per_s_baseline": round(args.n / load["wall_s"])}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
