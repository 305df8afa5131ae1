"""Benchmark: import of N synthetic incidents from CSV and GeoJSON (and an xlsx of up to 100k rows): rows per second
(wall and CPU) and peak memory, each measured in a fresh process. The headline (default --sink cli) is what a user gets
from `python -m incidents import FILE` into a new SQLite store: the command itself, with its journal and history.
Baselines in the same run: with --baseline-code DIR, the same CSV imported by another checkout (e.g. main's); and the
same file read into a list first (what the importer did before streaming), on at most --baseline-n rows.

Prints one JSON line. Targets (issue 13): >= 20,000 rows/s for CSV and peak memory <= 600 MB at 1M rows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = os.environ.get("BENCH_CODE_ROOT") or str(ROOT)  # the checkout whose importer is measured
sys.path.insert(0, CODE)

from incidents.frames import FIELDS  # noqa: E402


def synthetic_frame(n: int, seed: int):
    """N synthetic incidents with a plain-URL source each, as text columns the way a CSV holds them."""
    from incidents.synth import synthesize

    frame = synthesize(n, seed)[list(FIELDS)].copy()
    frame["sources"] = "https://example.org/" + frame["id"]
    frame["origin"] = "{}"
    frame["evidence"] = "{}"
    frame["distance_claim"] = ""
    frame["zero_zero_intended"] = "false"
    return frame


def write_csv(frame, path: Path) -> None:
    frame.to_csv(path, index=False)


def write_geojson(frame, path: Path) -> None:
    columns = [name for name in FIELDS if name not in ("lat", "lon", "sources", "origin", "evidence",
                                                        "distance_claim", "zero_zero_intended")]
    with open(path, "w", encoding="utf-8") as stream:
        stream.write('{"type": "FeatureCollection", "features": [\n')
        for number, row in enumerate(frame.itertuples(index=False)):
            record = row._asdict()
            properties = {k: _plain(k, record[k]) for k in columns}
            properties["sources"] = [{"url": record["sources"]}]
            feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [record["lon"], record["lat"]]},
                       "properties": properties}
            stream.write(("" if number == 0 else ",\n") + json.dumps(feature, default=str))
        stream.write("\n]}\n")


def _plain(name: str, value: object) -> object:
    """A frame cell as JSON: missing values (None, NaN, pd.NA) as null, counts as whole numbers."""
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return int(value) if name in ("killed", "injured", "drones_downed") else value


def write_xlsx(frame, path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("incidents")
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append([_plain(name, value) for name, value in zip(frame.columns, row)])
    book.save(path)


def measure(path: str, sink: str) -> dict[str, float]:
    """Import one file in this process into `sink` (cli, sqlite, count or list); rows, seconds and peak MB."""
    os.environ["INCIDENTS_PROGRESS_ROWS"] = str(10**12)
    if sink == "cli":
        return measure_cli(path)
    from incidents.importers import open_path
    from incidents.storage import open_store

    start, cpu = time.perf_counter(), time.process_time()
    batch = open_path(path)
    if sink == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            store = open_store(str(Path(folder) / "bench.sqlite"))
            store.upsert(batch.incidents())
            store.close()
    elif sink == "list":
        rows = list(batch.incidents())
        del rows
    else:
        for _ in batch.incidents():
            pass
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rows = batch.report.read
    return {"rows": rows, "rejected": batch.report.rejected, "seconds": round(seconds, 2),
            "rows_per_s": round(rows / seconds), "rows_per_cpu_s": round(rows / cpu),
            "peak_mb": peak_mb()}


def measure_cli(path: str) -> dict[str, float]:
    """`python -m incidents import PATH` into a new SQLite store, run in this process (its output parsed)."""
    import contextlib
    import io

    with tempfile.TemporaryDirectory() as folder:
        os.environ["INCIDENTS_DB"] = str(Path(folder) / "bench.sqlite")
        from incidents.__main__ import main as incidents_main

        output = io.StringIO()
        start, cpu = time.perf_counter(), time.process_time()
        with contextlib.redirect_stdout(output):
            code = incidents_main(["import", path])
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if code:
        raise SystemExit(f"the import failed: {output.getvalue()[:500]}")
    summary = json.loads(output.getvalue())
    rows = summary["read"]
    return {"rows": rows, "rejected": summary["rejected"], "inserted": summary["inserted"],
            "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "rows_per_s": round(rows / seconds),
            "rows_per_cpu_s": round(rows / cpu), "peak_mb": peak_mb()}


def peak_mb() -> int:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, it does not carry the forking parent's peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def in_child(path: Path, sink: str, code: str | None = None) -> dict[str, float]:
    """measure() in a fresh process, importing this checkout's code or the one at `code`."""
    env = {**os.environ, "BENCH_CODE_ROOT": str(Path(code).resolve()) if code else str(ROOT)}
    done = subprocess.run([sys.executable, __file__, "--measure", str(path), "--sink", sink], capture_output=True,
                          text=True, check=True, env=env, cwd=env["BENCH_CODE_ROOT"])
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--xlsx-n", type=int, default=100_000)
    parser.add_argument("--baseline-n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sink", choices=("cli", "sqlite", "count", "list"), default="cli",
                        help="where the incidents go: cli (`python -m incidents import` into a new SQLite store: "
                             "what a user gets), sqlite (store.upsert alone), count (parse and checks only), list")
    parser.add_argument("--baseline-code", help="another checkout (e.g. of main): its CSV import of the same file "
                                                "is measured too, as `baseline_code_csv`")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.sink)))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        out = run_all(args, Path(folder))
    print(json.dumps(out))
    return 0


def run_all(args: argparse.Namespace, folder: Path) -> dict[str, object]:
    """Write the files, measure each import in a fresh process."""
    frame = synthetic_frame(args.n, args.seed)
    out: dict[str, object] = {"n": args.n, "sink": args.sink}
    write_csv(frame, folder / "incidents.csv")
    out["csv"] = in_child(folder / "incidents.csv", args.sink)
    if args.baseline_code:
        out["baseline_code"] = str(args.baseline_code)
        out["baseline_code_csv"] = in_child(folder / "incidents.csv", args.sink, args.baseline_code)
    write_geojson(frame, folder / "incidents.geojson")
    out["geojson"] = in_child(folder / "incidents.geojson", args.sink)
    write_xlsx(frame.head(args.xlsx_n), folder / "incidents.xlsx")
    out["xlsx"] = in_child(folder / "incidents.xlsx", args.sink)
    write_csv(frame.head(args.baseline_n), folder / "baseline.csv")
    out["baseline_list_csv"] = in_child(folder / "baseline.csv", "list")
    if args.sink not in ("sqlite", "cli"):
        out["csv_cli_at_baseline_n"] = in_child(folder / "baseline.csv", "cli")
    out["targets"] = {"csv_rows_per_s": 20_000, "peak_mb": 600}
    return out


if __name__ == "__main__":
    sys.exit(main())
