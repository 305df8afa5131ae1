"""Command line: `python -m incidents import | export | synth | demo | extract`; JSON on stdout, exit 2 on bad input."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from geodata.files import run_cli, run_subcommand
from incidents.cli import Parser, add_filter_arguments, day, filter_from_args
from incidents.errors import IncidentsError

MAX_SYNTH = 10_000_000  # about 10 GB of GeoJSON; more is a typo


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    if int(text) > MAX_SYNTH:
        raise argparse.ArgumentTypeError(f"{text} is more than {MAX_SYNTH:,}; ask for fewer incidents")
    return int(text)


def _seed(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return int(text)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False))


def _emit(text: str, out: str | None) -> None:
    if out:
        from incidents.exporters import write_atomic

        write_atomic(out, text)
    else:
        sys.stdout.write(text)


def summary(read: int, result: Any, problems: list[dict[str, Any]], incidents: Any = ()) -> dict[str, Any]:
    """The import summary the CLI prints; `warnings` (when any) names rows stored with a start in the future."""
    from incidents.model import future_warning

    out = {"read": read, **result.to_dict(), "rejected": len(problems), "problems": problems}
    warnings = [{"id": item.id, "message": note} for item in incidents if (note := future_warning(item))]
    return {**out, "warnings": warnings} if warnings else out


def _import(args: argparse.Namespace) -> int:
    from incidents.importers import load_text, read_text
    from incidents.storage import open_store

    text = load_text(args.path, keep_newlines=args.format != "article")
    incidents, problems = read_text(text, args.format, published=args.published)
    store = open_store()
    try:
        result = store.upsert(incidents)
    finally:
        store.close()
    _print_json(summary(len(incidents) + len(problems), result, problems, incidents))
    return 0


def _export(args: argparse.Namespace) -> int:
    from incidents.exporters import export_text, skipped_lines
    from incidents.selection import select
    from incidents.storage import open_store

    flt = filter_from_args(args)
    store = open_store()
    try:
        frame = store.frame()
    finally:
        store.close()
    skipped: list[dict[str, Any]] = []
    _emit(export_text(select(frame, flt), args.format, skipped), args.out)
    for line in skipped_lines(skipped):
        print(line, file=sys.stderr)
    return 0


def _synth(args: argparse.Namespace) -> int:
    from incidents.exporters import export_text
    from incidents.synth import synthesize

    _emit(export_text(synthesize(args.n, args.seed), args.format), args.out)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from incidents.samples import load_samples
    from incidents.storage import open_store
    from incidents.storage.base import UpsertResult

    store = open_store()
    try:
        if args.if_empty and store.count():
            _print_json({"skipped": "the store already holds incidents", "count": store.count(),
                         "store": store.describe()})
            return 0
        incidents, problems = load_samples()
        result = store.upsert(incidents) if incidents else UpsertResult()
        _print_json({**summary(len(incidents) + len(problems), result, problems), "store": store.describe()})
    finally:
        store.close()
    return 0


def _extract(args: argparse.Namespace) -> int:
    from incidents.importers import load_text

    text = sys.stdin.read() if args.path == "-" else load_text(args.path)
    from incidents.extraction import extract_geojson

    _print_json(extract_geojson(text, published=args.published, explain=args.explain))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m incidents", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    read = sub.add_parser("import", help="import a file into the store; prints a JSON summary")
    read.add_argument("path")
    read.add_argument("--format", default="auto", choices=("auto", "csv", "acled", "ucdp", "geojson", "article"))
    read.add_argument("--published", type=day, help="publication date of an article (with --format article)")
    read.set_defaults(run=_import)
    export = sub.add_parser("export", help="export the store, filtered, as GeoJSON or CSV")
    export.add_argument("--format", required=True, choices=("geojson", "csv"))
    add_filter_arguments(export)
    export.add_argument("--out", help="output file (default: stdout)")
    export.set_defaults(run=_export)
    synth = sub.add_parser("synth", help="synthetic incidents over real places (never loaded by default)")
    synth.add_argument("--n", type=_positive, required=True)
    synth.add_argument("--seed", type=_seed, default=0)
    synth.add_argument("--format", default="geojson", choices=("geojson", "csv"))
    synth.add_argument("--out", help="output file (default: stdout)")
    synth.set_defaults(run=_synth)
    demo = sub.add_parser("demo", help="load the bundled sample incidents into the store")
    demo.add_argument("--if-empty", action="store_true", help="only when the store holds no incidents")
    demo.set_defaults(run=_demo)
    extract = sub.add_parser("extract", help="extract incidents from a news article (file or - for stdin)")
    extract.add_argument("path")
    extract.add_argument("--published", type=day, help="publication date, YYYY-MM-DD")
    extract.add_argument("--explain", action="store_true", help="include the evidence for every field")
    extract.set_defaults(run=_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the subcommand; returns the exit code."""
    return run_subcommand(build_parser().parse_args(argv), (IncidentsError,))


if __name__ == "__main__":
    sys.exit(run_cli(main))
