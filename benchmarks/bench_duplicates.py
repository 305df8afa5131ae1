"""Benchmark: the Review page's duplicate candidates at scale (issue 17).

Prints one JSON line. For each size in --sizes (default 100k and 1M synthetic incidents, --drafts of them drafts):
`candidates_for` (the sorted sweep over the catalog frame, the drafts against every row). As the baseline, measured
in the same run on --baseline-n incidents: the previous implementation `duplicate_candidates` (every stored incident
against every other, over Incident objects; its candidates filtered to the drafts' afterwards) and the sweep on the
same rows. Wall and CPU seconds (time.process_time) for each.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from incidents.catalog import build_catalog  # noqa: E402
from incidents.duplicates import candidates_for, duplicate_candidates  # noqa: E402
from incidents.frames import from_frame  # noqa: E402
from incidents.synth import synthesize  # noqa: E402


def timed(work) -> tuple[dict[str, float], object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return {"wall_s": round(time.perf_counter() - wall, 3), "cpu_s": round(time.process_time() - cpu, 3)}, result


def with_drafts(n: int, share: float, seed: int = 1):
    """The synthetic frame of `n` rows (its catalog's hot columns) and a mask of `share` of them as drafts."""
    frame = synthesize(n, seed=seed)
    focus = np.random.default_rng(seed).random(n) < share
    frame["review"] = np.where(focus, "draft", "reviewed")
    hot = build_catalog(frame).frame
    return frame, hot, (hot["review"] == "draft").to_numpy()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--drafts", type=float, default=0.01, help="share of rows that are drafts")
    parser.add_argument("--baseline-n", type=int, default=100_000)
    args = parser.parse_args()
    out: dict[str, object] = {"drafts_share": args.drafts}
    frame, hot, focus = with_drafts(args.baseline_n, args.drafts)
    incidents = from_frame(frame)
    drafts = {item.id for item in incidents if item.review == "draft"}
    old, pairs = timed(lambda: [p for p in duplicate_candidates(incidents) if {p.first, p.second} & drafts])
    new, found = timed(lambda: candidates_for(hot, focus))
    out["baseline"] = {"n": args.baseline_n, "all_pairs": old, "sweep": new, "pairs": len(pairs),
                       "same_pairs": [(p.first, p.second) for p in pairs] == [(p.first, p.second) for p in found]}
    for size in (int(text) for text in args.sizes.split(",") if text):
        _, hot, focus = with_drafts(size, args.drafts)
        figure, found = timed(lambda: candidates_for(hot, focus))
        out[str(size)] = {**figure, "drafts": int(focus.sum()), "pairs": len(found)}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
