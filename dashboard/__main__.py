"""Command line: `python -m dashboard serve | prepare | map | brief`; one stderr line and exit 2 on bad input."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from geodata.errors import GeodataError
from geodata.files import run_cli, run_subcommand
from incidents.cli import Parser, add_filter_arguments, filter_from_args
from incidents.errors import IncidentsError
from incidents.model import VERIFICATIONS

ROOT = Path(__file__).resolve().parents[1]


def _serve(args: argparse.Namespace) -> int:
    from dashboard.serving import preflight

    command = [sys.executable, "-m", "dashboard.launch", "--server.port", str(args.port)]  # as `make run`
    if args.address is not None:
        problem = preflight(args.address)
        if problem:
            raise IncidentsError(problem)
        command += ["--server.address", args.address]
    return subprocess.call(command, cwd=ROOT, env=os.environ.copy())


def _prepare(args: argparse.Namespace) -> int:
    import json
    import time

    from dashboard.data import prepare
    from dashboard.launch import byte_compile
    from geodata.files import cache_dir

    start = time.perf_counter()
    reference = prepare()
    compiled = byte_compile()  # the server's start reads the app's byte code
    print(json.dumps({"reference": reference, "cache_dir": str(cache_dir()), "byte_compiled": compiled,
                      "seconds": round(time.perf_counter() - start, 2)}))
    return 0


def _map(args: argparse.Namespace) -> int:
    from dashboard.maps import export_map_cli

    return export_map_cli(filter_from_args(args), Path(args.out), online_tiles=args.online_tiles)


def _brief(args: argparse.Namespace) -> int:
    from dashboard.briefing import brief_cli

    from dataclasses import replace

    flt = filter_from_args(args)
    if args.verification:
        flt = replace(flt, verification=tuple(dict.fromkeys(args.verification)))
    return brief_cli(flt, Path(args.out), title=args.title, banner=args.banner, summary=args.summary,
                     summary_file=args.summary_file, author=args.author)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m dashboard", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    serve = sub.add_parser("serve", help="serve the Streamlit app")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", help="address to listen on (default 127.0.0.1, from .streamlit/config.toml); any "
                                         "other needs accounts or OpenID Connect")
    serve.set_defaults(run=_serve)
    prepare = sub.add_parser("prepare", help="build the gazetteer and basemap files in the cache folder and the app's "
                                             "byte code (make run does)")
    prepare.set_defaults(run=_prepare)
    export = sub.add_parser("map", help="write the filtered map as one offline HTML file")
    add_filter_arguments(export)
    export.add_argument("--out", required=True, help="output .html path")
    export.add_argument("--online-tiles", action="store_true", help="add online tile layers (needs network)")
    export.set_defaults(run=_map)
    brief = sub.add_parser("brief", help="write a briefing: PNG (one image), PDF (page 1 + continuation) or PPTX (one slide)")
    add_filter_arguments(brief)
    brief.add_argument("--out", required=True, help="brief.png, brief.pdf or brief.pptx")
    brief.add_argument("--title", default="Incident briefing", help="the briefing's title (up to 200 characters, wraps)")
    brief.add_argument("--banner", default="", help="classification/handling banner, top and bottom")
    brief.add_argument("--summary", default="", help="the analyst's summary: Markdown **bold**, *italic*, - lists")
    brief.add_argument("--summary-file", default=None, help="read the summary from this Markdown file instead")
    brief.add_argument("--author", default="", help="who prepared the briefing")
    brief.add_argument("--verification", action="extend", nargs="+", default=[], choices=VERIFICATIONS,
                       help="show only these statuses, e.g. --verification reported confirmed (leaves synthetic out)")
    brief.set_defaults(run=_brief)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the subcommand; returns the exit code."""
    return run_subcommand(build_parser().parse_args(argv), (IncidentsError, GeodataError))


if __name__ == "__main__":
    sys.exit(run_cli(main))
