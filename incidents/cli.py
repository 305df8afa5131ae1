"""Command-line pieces shared by `python -m incidents` and `python -m dashboard`: one-line usage errors and the filter options."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import NoReturn

from incidents.errors import IncidentsError
from incidents.model import EVENT_TYPES, SHOWN_BY_DEFAULT, WITH_DRAFTS, IncidentFilter


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one stderr line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        print(f"error: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)


def day(text: str) -> date:
    """An argparse type: a YYYY-MM-DD date."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """--start, --end, --type and --region, as every command that reads a filtered view takes them."""
    parser.add_argument("--start", type=day, help="first day of the window, YYYY-MM-DD")
    parser.add_argument("--end", type=day, help="last day of the window, YYYY-MM-DD")
    parser.add_argument("--type", action="extend", nargs="+", default=[], choices=EVENT_TYPES,
                        help="event type(s): --type drone_strike missile_strike, or --type repeated")
    parser.add_argument("--region", action="extend", nargs="+", default=[],
                        help="admin-1 region(s), as the data names them: --region Tatarstan Udmurtia")
    parser.add_argument("--include-drafts", action="store_true",
                        help="include incidents not yet reviewed (by default only reviewed ones are shown)")


def filter_from_args(args: argparse.Namespace) -> IncidentFilter:
    """The IncidentFilter the filter options describe; an end before the start is an IncidentsError."""
    if args.start and args.end and args.end < args.start:
        raise IncidentsError(f"--end {args.end} is before --start {args.start}; swap them")
    review = WITH_DRAFTS if getattr(args, "include_drafts", False) else SHOWN_BY_DEFAULT
    return IncidentFilter(start=args.start, end=args.end, event_types=tuple(args.type), regions=tuple(args.region),
                          review=review)
