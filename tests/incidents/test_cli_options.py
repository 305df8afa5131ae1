"""The filter options both CLIs share (incidents.cli): dates, types as one list or repeated, regions, one-line errors."""

from datetime import date

import pytest

from incidents.cli import Parser, add_filter_arguments, filter_from_args
from incidents.errors import IncidentsError
from incidents.model import IncidentFilter


def parse(*argv: str) -> IncidentFilter:
    parser = Parser(prog="test")
    add_filter_arguments(parser)
    return filter_from_args(parser.parse_args(argv))


def test_types_as_one_list_or_repeated_give_the_same_filter():
    listed = parse("--type", "drone_strike", "missile_strike", "--start", "2024-12-01")
    repeated = parse("--type", "drone_strike", "--type", "missile_strike", "--start", "2024-12-01")
    assert listed == repeated
    assert listed.event_types == ("drone_strike", "missile_strike") and listed.start == date(2024, 12, 1)


def test_regions_and_an_open_window():
    flt = parse("--region", "Tatarstan", "Udmurtia", "--end", "2024-12-31")
    assert flt.regions == ("Tatarstan", "Udmurtia") and flt.start is None and flt.end == date(2024, 12, 31)


def test_an_end_before_the_start_names_both_and_the_fix():
    with pytest.raises(IncidentsError, match="--end 2024-12-01 is before --start 2024-12-02; swap them"):
        parse("--start", "2024-12-02", "--end", "2024-12-01")


@pytest.mark.parametrize("argv", [("--start", "2024-13-01"), ("--type", "bombing"), ("--start",)])
def test_bad_options_are_one_stderr_line_and_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        parse(*argv)
    assert exited.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "--help" in lines[0]
