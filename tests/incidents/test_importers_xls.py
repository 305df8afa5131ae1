"""Legacy Excel 97-2003 .xls workbooks (BIFF8, written here with xlwt) read through python-calamine."""

import datetime as dt

import pytest

from incidents.errors import ImportFormatError
from incidents.importers import open_path, read_file
from incidents.importers.mapping import parse_map

xlwt = pytest.importorskip("xlwt")


def write_xls(path, sheets):
    """A BIFF8 .xls with one sheet per name; datetimes as Excel date cells, as Excel itself saves them."""
    book = xlwt.Workbook()
    day_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    time_style = xlwt.easyxf(num_format_str="DD/MM/YYYY HH:MM")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.datetime):
                    sheet.write(r, c, value, time_style if value.time() != dt.time() else day_style)
                elif value is not None:
                    sheet.write(r, c, value)
    book.save(str(path))
    assert path.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 compound file, not a zip (xlsx)


def test_own_columns_in_a_legacy_xls(tmp_path):
    path = tmp_path / "events.xls"
    write_xls(path, {"Events": [["event_type", "lat", "lon", "started_at", "place", "killed"],
                                ["strike", 55.79, 49.12, dt.datetime(2024, 12, 21), "Kazan", 2],
                                ["drone_strike", 55.75, 37.62, "2024-12-22T07:40+03:00", "Moscow", None]]})
    batch = open_path(path)
    incidents = list(batch.incidents())
    assert batch.report.rejected == 0 and batch.report.info["sheet"] == "Events"
    kazan, moscow = incidents
    assert (kazan.lat, kazan.lon, kazan.started_at, kazan.killed) == (55.79, 49.12, "2024-12-21", 2)
    assert (moscow.started_at, moscow.killed) == ("2024-12-22T07:40+03:00", None)


def test_mapped_xls_with_a_chosen_sheet_local_times_and_a_bad_row(tmp_path):
    path = tmp_path / "legacy.xls"
    rows = [["Date", "Town", "Region", "Country", "Category", "Dead"],
            [dt.datetime(2024, 12, 21), "Kazan", "Tatarstan", "Russia", "Drone", 0],
            [dt.datetime(2024, 12, 22, 7, 40), "Kazan", "Tatarstan", "Russia", "Shelling", 2],
            [dt.datetime(2024, 12, 23), "Kazan", "Tatarstan", "Russia", "Drone", -1]]
    write_xls(path, {"Readme": [["nothing here"]], "Events": rows})
    mapping = parse_map(["date=Date", "place=Town", "admin1=Region", "country=Country", "event_type=Category",
                         "killed=Dead"], ["event_type:Drone=drone_strike", "event_type:Shelling=strike"])
    incidents, problems = read_file(path, sheet="Events", mapping=mapping)
    assert [(item.event_type, item.started_at) for item in incidents] == [
        ("drone_strike", "2024-12-21"), ("strike", "2024-12-22T07:40+03:00")]  # Kazan's offset on that day
    assert "no UTC offset" in incidents[1].notes
    assert [(p["row"], p["field"]) for p in problems] == [(4, "Dead")] and "negative" in problems[0]["message"]


def test_a_file_named_xls_that_is_not_one(tmp_path):
    path = tmp_path / "broken.xls"
    path.write_bytes(b"not a workbook at all")
    with pytest.raises(ImportFormatError, match="broken.xls"):
        list(open_path(path).incidents())
