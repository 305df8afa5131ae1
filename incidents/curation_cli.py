"""Curation commands of `python -m incidents`: history, batches, undo, edit, delete, restore-deleted, review,
duplicates, merge, unmerge."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

from incidents.access import LOCAL_ADMIN, User, check
from incidents.errors import IncidentsError

HISTORY_CSV = ("at", "incident_id", "field", "old", "new", "actor", "reason", "batch")


def cli_user(name: str | None = None) -> User:
    """The command line's user: --as NAME acts as that account (its role from the users table; an unknown name is
    refused), else $USER as the local admin (whoever can run the command line can write the store directly)."""
    if name:
        from incidents.accounts import cli_user as account

        return account(name)
    return User(os.environ.get("USER") or LOCAL_ADMIN.name, LOCAL_ADMIN.role)


def import_batch(path: str, kind: str = "import", actor: str = "local") -> Any:
    """A new batch record for an import of the file or folder at `path` (its name and sha256)."""
    from incidents.storage.journal import Batch, file_sha256, new_batch_id, now_iso

    digest = file_sha256(path) if Path(path).exists() else ""
    return Batch(new_batch_id(kind), kind, Path(path).name, digest, actor, now_iso())


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str))


def _with_store(work: Callable[[Any], Any], read_only: bool = False) -> int:
    from incidents.storage import open_store

    store = open_store(read_only=read_only)
    try:
        _print_json(work(store))
    finally:
        store.close()
    return 0


def _since(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def history_csv(changes: list[Any]) -> str:
    """The audit log as CSV, every cell guarded against spreadsheet formulas."""
    from incidents.exporters import guard

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HISTORY_CSV)
    for change in changes:
        data = change.to_dict()
        writer.writerow([guard(_cell(data[name])) for name in HISTORY_CSV])
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _history(args: argparse.Namespace) -> int:
    from incidents.storage import open_store

    if not args.id and not args.since:
        raise IncidentsError("give an incident ID, or --since YYYY-MM-DD for the audit log")
    store = open_store(read_only=True)
    try:
        changes = store.history(incident_id=args.id, since=args.since)
    finally:
        store.close()
    if args.format == "csv":
        sys.stdout.write(history_csv(changes))
    else:
        _print_json([change.to_dict() for change in changes])
    return 0


def _batches(args: argparse.Namespace) -> int:
    return _with_store(lambda store: [batch.to_dict() for batch in store.batches()], read_only=True)


def _user(args: argparse.Namespace) -> User:
    return cli_user(getattr(args, "as_user", None))


def _undo(args: argparse.Namespace) -> int:
    from incidents.curation import undo

    return _with_store(lambda store: undo(store, _user(args), args.batch, args.reason))


def _edit(args: argparse.Namespace) -> int:
    from incidents.curation import edit, parse_assignments

    changes = parse_assignments(args.set)
    return _with_store(lambda store: edit(store, _user(args), args.id, changes, args.reason))


def _delete(args: argparse.Namespace) -> int:
    from incidents.curation import delete

    return _with_store(lambda store: delete(store, _user(args), args.ids, args.reason))


def _restore_deleted(args: argparse.Namespace) -> int:
    from incidents.curation_undo import restore_deleted

    return _with_store(lambda store: restore_deleted(store, _user(args), args.id, args.reason))


def _unmerge(args: argparse.Namespace) -> int:
    from incidents.curation_undo import unmerge

    return _with_store(lambda store: unmerge(store, _user(args), args.id, args.reason))


def _review(args: argparse.Namespace) -> int:
    from incidents.curation import review

    state = "reviewed" if args.accept else "rejected" if args.reject else "draft"
    return _with_store(lambda store: review(store, _user(args), args.ids, state, args.reason))


def _merge(args: argparse.Namespace) -> int:
    from incidents.curation import merge

    return _with_store(lambda store: merge(store, _user(args), args.keep, args.other, args.reason))


def _duplicates(args: argparse.Namespace) -> int:
    from incidents.duplicates import duplicate_candidates

    def find(store: Any) -> list[dict[str, Any]]:
        check(_user(args), "read")
        if args.drafts:  # the Review page's list: a sorted sweep from the drafts and the rows edited in the last day
            from incidents.catalog import load_catalog
            from incidents.curation import recently_changed
            from incidents.duplicates import candidates_for

            frame = load_catalog(store).frame
            focus = ((frame["review"] == "draft") | frame["id"].isin(recently_changed(store))).to_numpy()
            return [pair.to_dict() for pair in candidates_for(frame, focus, km=args.km)]
        return [pair.to_dict() for pair in duplicate_candidates(store.all(), km=args.km)]

    return _with_store(find, read_only=True)


def _related(args: argparse.Namespace) -> int:
    from incidents.duplicates import related_incidents

    def find(store: Any) -> list[dict[str, Any]]:
        target = store.get(args.id)
        if target is None:
            raise IncidentsError(f"no incident {args.id}")
        return [link.to_dict() for link in related_incidents(store.all(), target)]

    return _with_store(find, read_only=True)


def _as(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="as_user", metavar="USER", help="who makes the change (default: $USER)")


def register(sub: Any) -> None:
    """Add the curation subcommands to `python -m incidents`."""
    history = sub.add_parser("history", help="the recorded changes of one incident, or the audit log --since a day")
    history.add_argument("id", nargs="?", help="incident id")
    history.add_argument("--since", type=_since, help="every change from this day on (UTC), YYYY-MM-DD")
    history.add_argument("--format", choices=("json", "csv"), default="json")
    history.set_defaults(run=_history)
    sub.add_parser("batches", help="the import batches: source file, sha256, counts, who, when").set_defaults(
        run=_batches)
    undo = sub.add_parser("undo", help="undo an import batch: remove what it created, restore what it changed")
    undo.add_argument("batch")
    undo.add_argument("--reason", required=True)
    _as(undo)
    undo.set_defaults(run=_undo)
    edit = sub.add_parser("edit", help="change fields of one incident, with a reason")
    edit.add_argument("id")
    edit.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", required=True)
    edit.add_argument("--reason", required=True)
    _as(edit)
    edit.set_defaults(run=_edit)
    delete = sub.add_parser("delete", help="delete incidents (a tombstone: hidden everywhere, history kept)")
    delete.add_argument("ids", nargs="+", metavar="ID")
    delete.add_argument("--reason", required=True)
    _as(delete)
    delete.set_defaults(run=_delete)
    review = sub.add_parser("review", help="accept or reject incidents (or return them to draft)")
    review.add_argument("ids", nargs="+", metavar="ID")
    state = review.add_mutually_exclusive_group(required=True)
    state.add_argument("--accept", action="store_true")
    state.add_argument("--reject", action="store_true")
    state.add_argument("--draft", action="store_true", help="back to draft")
    review.add_argument("--reason", default="", help="why (required to reject)")
    _as(review)
    review.set_defaults(run=_review)
    duplicates = sub.add_parser("duplicates", help="candidate duplicates: same type nearby at overlapping times, or "
                                                   "the same source URL")
    duplicates.add_argument("--km", type=float, default=10.0, help="distance within which two incidents may be one")
    duplicates.add_argument("--drafts", action="store_true",
                            help="only pairs with a draft or a row edited in the last day (fast on large stores)")
    _as(duplicates)
    duplicates.set_defaults(run=_duplicates)
    merge = sub.add_parser("merge", help="merge OTHER into KEEP (every source and evidence kept; OTHER tombstoned)")
    merge.add_argument("keep")
    merge.add_argument("other")
    merge.add_argument("--reason", required=True)
    _as(merge)
    merge.set_defaults(run=_merge)
    for name, run, text in (("restore-deleted", _restore_deleted, "undo a delete: the incident back as it was"),
                            ("unmerge", _unmerge, "undo a merge: the merged-away incident back, the kept one's "
                                                  "merged fields restored")):
        undo_one = sub.add_parser(name, help=text)
        undo_one.add_argument("id", metavar="ID")
        undo_one.add_argument("--reason", required=True)
        _as(undo_one)
        undo_one.set_defaults(run=run)
    related = sub.add_parser("related", help="incidents linked to one: same article, or strike and nearby airport "
                                             "restrictions in the same hours")
    related.add_argument("id")
    related.set_defaults(run=_related)
