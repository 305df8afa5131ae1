"""Command line: `python -m incidents import | watch | export | figures | synth | demo | extract | migrate | copy |
backup | restore | history | batches | undo | edit | delete | review | duplicates | merge | related | users`; JSON on stdout,
exit 2 on bad input."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Iterable, Iterator

from geodata.errors import DataFileError
from geodata.files import run_cli, run_subcommand
from incidents.cli import Parser, add_filter_arguments, day, filter_from_args
from incidents.curation_cli import cli_user, import_batch, register
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


def summary(read: int, result: Any, problems: list[dict[str, Any]]) -> dict[str, Any]:
    """The summary `demo` prints (an import's adds how the file was read and its warnings)."""
    return {"read": read, **result.to_dict(), **result.details(), "rejected": len(problems), "problems": problems}


def import_options(args: argparse.Namespace) -> Any:
    """The ImportOptions the import flags describe."""
    from incidents.importers import ImportOptions
    from incidents.importers.mapping import parse_map

    column_map = parse_map(args.map, args.value) if (args.map or args.value) else None
    return ImportOptions(fmt=args.format, date_order=args.date_order, assume_utc=args.assume_utc, sheet=args.sheet,
                         mapping=column_map, published=args.published, crs=getattr(args, "crs", None),
                         channel=getattr(args, "channel", None) or "")


def _noting_future(incidents: Iterable[Any], warnings: list[dict[str, Any]]) -> Iterator[Any]:
    """The incidents as they come, noting in `warnings` each one that starts in the future."""
    from incidents.model import future_warning

    for item in incidents:
        if note := future_warning(item):
            warnings.append({"id": item.id, "message": note})
        yield item


def _import(args: argparse.Namespace) -> int:
    from incidents.access import check
    from incidents.curation import with_review
    from incidents.importers import open_path
    from incidents.importers.pipeline import distinct_derived, stored_in
    from incidents.storage import open_store
    from incidents.storage.base import overwrite_fields

    overwrite_fields(args.overwrite)  # an unknown field name is refused before the file is read
    user = cli_user(args.as_user)
    check(user, "review" if args.reviewed else "import")
    future: list[dict[str, Any]] = []
    batch = open_path(args.path, import_options(args))
    record = import_batch(args.path, "import", user.name)
    rejects = _rejects(args, batch)
    store = open_store()
    try:
        # a generator: rows are read, checked and written as they come
        state = "reviewed" if args.reviewed else "draft"
        incidents = (getattr(store, "takes_store_rows", False) and batch.store_rows(state)) or batch.incidents()
        rows = with_review(_noting_future(distinct_derived(incidents, stored_in(store), args.overwrite), future), state)
        result = store.upsert(rows, overwrite=args.overwrite, actor=user.name, batch=record)
    finally:
        store.close()
    report = batch.report.to_dict()
    _print_json({"read": report.pop("read"), **result.to_dict(), **result.details(), **report,
                 "warnings": report.get("warnings", []) + future, "batch": record.id if result.wrote else None,
                 **(rejects() if rejects else {})})
    return 0


def _rejects(args: argparse.Namespace, batch: Any) -> Any:
    """With --rejects: a function writing the rejected rows (with their reasons) once the import is done."""
    if not args.rejects:
        return None
    from incidents.importers.rejects import check_target, collect_reasons, write_rejects

    target = check_target(args.rejects, batch)
    reasons = collect_reasons(batch)
    return lambda: {"rejects": {"path": str(target), "rows": write_rejects(target, batch, reasons)}}


def _watch(args: argparse.Namespace) -> int:
    import time

    from incidents.importers.feeds import Watcher, check_targets
    from incidents.storage import open_store

    check_targets(args.targets, args.allow_network)

    from incidents.curation import with_review

    def save(incidents: list) -> Any:
        store = open_store()
        try:
            return store.upsert(with_review(incidents, "draft"), batch=import_batch("feeds", "watch"))
        finally:
            store.close()

    watcher = Watcher(args.targets, save, interval=args.interval, state=args.state)
    rounds = 0
    while True:
        for line in watcher.poll():
            _print_json(line)
            sys.stdout.flush()
        rounds += 1
        if args.once or (args.rounds and rounds >= args.rounds):
            return 0
        time.sleep(min(max(min(t.next_at for t in watcher.targets) - time.monotonic(), 1.0), watcher.interval))


def _export(args: argparse.Namespace) -> int:
    from incidents.exporters import export_text, skipped_lines
    from incidents.selection import select
    from incidents.storage import open_store

    flt = filter_from_args(args)
    store = open_store(read_only=True)
    try:
        frame = store.frame()
    finally:
        store.close()
    skipped: list[dict[str, Any]] = []
    _emit(export_text(select(frame, flt), args.format, skipped), args.out)
    for line in skipped_lines(skipped):
        print(line, file=sys.stderr)
    return 0


def _figures(args: argparse.Namespace) -> int:
    from incidents.catalog import load_catalog
    from incidents.figures import figures
    from incidents.selection import select_catalog
    from incidents.storage import open_store

    flt = filter_from_args(args)
    store = open_store()
    try:
        catalog = load_catalog(store)
    finally:
        store.close()
    view = select_catalog(catalog, flt)
    out = figures(view, flt.start, flt.end, data_as_of=catalog.newest).to_dict()
    _print_json({**out, "filters": {"type": list(flt.event_types), "region": list(flt.regions),
                                    "review": list(flt.review)},
                 "skipped": catalog.skipped, "problems": list(catalog.problems[:20])})
    return 0


def _synth(args: argparse.Namespace) -> int:
    from incidents.exporters import export_text
    from incidents.synth import synthesize

    if args.into_store:
        return _synth_into_store(args)
    _emit(export_text(synthesize(args.n, args.seed), args.format), args.out)
    return 0


def _synth_into_store(args: argparse.Namespace) -> int:
    """Synthetic incidents written straight into the store as their own batch (undo it to remove them all)."""
    from incidents.frames import from_frame
    from incidents.storage import open_store
    from incidents.storage.journal import Batch, new_batch_id, now_iso
    from incidents.synth import synthesize

    record = Batch(new_batch_id("synth"), "synth", f"synth n={args.n} seed={args.seed}", "", "local", now_iso())
    store = open_store()
    try:
        result = store.upsert(from_frame(synthesize(args.n, args.seed)), batch=record)
    finally:
        store.close()
    _print_json({**result.to_dict(), "batch": record.id if result.wrote else None})
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
        record = import_batch("samples", "demo")
        result = store.upsert(incidents, batch=record) if incidents else UpsertResult()
        _print_json({**summary(len(incidents) + len(problems), result, problems), "store": store.describe()})
    finally:
        store.close()
    return 0


def _extract(args: argparse.Namespace) -> int:
    from incidents.importers.articles import extract_input

    text, found = extract_input(args.path)
    from incidents.extraction import extract_geojson

    given = {"title": args.title or "", "url": args.url or "", "published": str(args.published or "")}
    source = {**found, **{k: v for k, v in given.items() if v}}
    _print_json(extract_geojson(text, published=args.published or found.get("published"), explain=args.explain,
                                source=source if (source.get("title") or source.get("url")) else None))
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from incidents.storage.maintenance import migrate_store

    _print_json(migrate_store())
    return 0


def _copy(args: argparse.Namespace) -> int:
    from incidents.storage.maintenance import copy_between

    _print_json(copy_between(args.source, args.target))
    return 0


def _backup(args: argparse.Namespace) -> int:
    from incidents.storage.maintenance import backup

    _print_json(backup(None, args.out))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from incidents.storage.maintenance import restore

    _print_json(restore(None, args.backup))
    return 0


def _add_store_commands(sub: Any) -> None:
    """migrate, copy, backup and restore: the store's maintenance commands."""
    migrate = sub.add_parser("migrate", help="upgrade the store (INCIDENTS_DB) to this program's schema version")
    migrate.set_defaults(run=_migrate)
    copy = sub.add_parser("copy", help="copy every incident between stores, verified by counts and content hashes; "
                                       "an interrupted copy resumes when run again")
    copy.add_argument("--from", dest="source", required=True, help="source store: SQLite path or postgresql://…")
    copy.add_argument("--to", dest="target", required=True, help="target store: SQLite path or postgresql://…")
    copy.set_defaults(run=_copy)
    backup = sub.add_parser("backup", help="online backup of the SQLite store to a file (checked)")
    backup.add_argument("out", help="backup file to write")
    backup.set_defaults(run=_backup)
    restore = sub.add_parser("restore", help="replace the SQLite store by a checked backup (stop the app first)")
    restore.add_argument("backup", help="backup file made by `backup`")
    restore.set_defaults(run=_restore)


def _interval(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if value < 60:
        raise argparse.ArgumentTypeError("polls are at most one a minute per feed; give 60 seconds or more")
    return value


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """PATH and the flags that say how to read it."""
    parser.add_argument("path", help="a data file, an article (.txt, .html, .eml) or a folder of articles")
    parser.add_argument("--format", default="auto", choices=("auto", "csv", "acled", "acled-weekly", "ucdp", "geojson",
                                                             "kml", "mapped", "article"))
    parser.add_argument("--published", type=day, help="publication date of an article (with --format article)")
    parser.add_argument("--channel", help="a Telegram export's channel username, for its t.me/<channel>/<id> links")
    parser.add_argument("--date-order", choices=("dmy", "mdy"), help="numeric dates day-first or month-first")
    parser.add_argument("--assume-utc", action="store_true", help="times without an offset are UTC, not local")
    parser.add_argument("--sheet", help="the spreadsheet's sheet (default: the first)")
    parser.add_argument("--crs", help="the coordinates' CRS when not WGS 84 degrees, e.g. EPSG:3857 (reprojected)")
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=Column",
                        help="read a field from a column: --map date=Date --map place=Town")
    parser.add_argument("--value", action="append", default=[], metavar="FIELD:Label=value",
                        help="map a column's labels: --value event_type:Shelling=strike")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m incidents", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    read = sub.add_parser("import", help="import a file or a folder of articles into the store; prints a JSON summary")
    add_import_arguments(read)
    read.add_argument("--overwrite", action="append", default=[], metavar="FIELD",
                      help="let the file replace this field's stored value (repeat, or `all`); by default values "
                           "already in the store are kept, sources and evidence merged")
    read.add_argument("--reviewed", action="store_true",
                      help="the rows were already checked (a curated data set such as ACLED or UCDP): store them as "
                           "reviewed, not as drafts")
    read.add_argument("--as", dest="as_user", metavar="USER", help="who runs the import (default: $USER)")
    read.add_argument("--rejects", metavar="FILE.csv", help="write the rejected rows, each with its row number and "
                      "reason, to this CSV: fix them there and import it again")
    read.set_defaults(run=_import)
    watch = sub.add_parser("watch", help="poll RSS/Atom feeds or folders; new items' incidents go to review")
    watch.add_argument("targets", nargs="+", metavar="FEED_URL|FOLDER")
    watch.add_argument("--interval", type=_interval, default=60.0, help="seconds between polls of a target (>= 60)")
    watch.add_argument("--allow-network", action="store_true", help="opt in to fetching feed URLs")
    watch.add_argument("--once", action="store_true", help="poll every target once and stop")
    watch.add_argument("--state", help="a JSON file keeping what was seen, so a restarted watch skips it")
    watch.add_argument("--rounds", type=_positive, help="stop after this many rounds")
    watch.set_defaults(run=_watch)
    export = sub.add_parser("export", help="export the store, filtered, as GeoJSON or CSV")
    export.add_argument("--format", required=True, choices=("geojson", "csv"))
    add_filter_arguments(export)
    export.add_argument("--out", help="output file (default: stdout)")
    export.set_defaults(run=_export)
    counts = sub.add_parser("figures", help="what a view says (KPIs, legend, timeline), as JSON")
    add_filter_arguments(counts)
    counts.set_defaults(run=_figures)
    synth = sub.add_parser("synth", help="synthetic incidents over real places (never loaded by default)")
    synth.add_argument("--n", type=_positive, required=True)
    synth.add_argument("--seed", type=_seed, default=0)
    synth.add_argument("--format", default="geojson", choices=("geojson", "csv"))
    synth.add_argument("--out", help="output file (default: stdout)")
    synth.add_argument("--into-store", action="store_true",
                       help="write them into the store as their own batch (remove them with `undo BATCH`)")
    synth.set_defaults(run=_synth)
    demo = sub.add_parser("demo", help="load the bundled sample incidents into the store")
    demo.add_argument("--if-empty", action="store_true", help="only when the store holds no incidents")
    demo.set_defaults(run=_demo)
    extract = sub.add_parser("extract", help="extract incidents from a news article (file or - for stdin)")
    extract.add_argument("path")
    extract.add_argument("--published", type=day, help="publication date, YYYY-MM-DD")
    extract.add_argument("--explain", action="store_true", help="include the evidence for every field")
    extract.add_argument("--title", help="the article's title, kept as the source of every incident")
    extract.add_argument("--url", help="the article's address, kept as the source of every incident")
    extract.set_defaults(run=_extract)
    _add_store_commands(sub)
    from incidents.users_cli import add_user_commands

    add_user_commands(sub)
    register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the subcommand; returns the exit code."""
    return run_subcommand(build_parser().parse_args(argv), (IncidentsError, DataFileError))


if __name__ == "__main__":
    sys.exit(run_cli(main))
