"""The own CSV's fast path (importers.fast_csv) stores what the general path stores: rows, history, tombstones kept,
and the same problems and warnings, on a file of good, bad, odd and duplicate rows imported twice."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date, timedelta

import pytest

from incidents.frames import FIELDS
from incidents.importers import fast_csv

SOON = (date.today() + timedelta(days=200)).isoformat()  # accepted, with a warning: it starts in the future
HEADER = ["id", "event_type", "lat", "lon", "started_at", "ended_at", "place", "admin1", "country", "killed",
          "injured", "sources", "notes", "origin", "evidence", "distance_claim", "zero_zero_intended", "review",
          "airport_iata", "airport_icao", "time_precision", "status", "extra"]
FIRST = [
    {"id": "a1", "event_type": "drone_strike", "lat": "55.7963", "lon": "49.1088",
     "started_at": "2024-12-21T07:40+03:00",
     "ended_at": "2024-12-21T08:10+03:00", "place": "Kazan", "country": "RU", "killed": "2",
     "sources": "https://example.org/a1", "origin": "{}", "evidence": "{}", "zero_zero_intended": "false"},
    {"event_type": "strike", "lat": "50.45", "lon": "30.52", "started_at": "2024-01-05", "sources": "A title",
     "review": "rejected", "notes": "no id: one from type, place and day"},
    {"id": "bad-lat", "event_type": "strike", "lat": "abc", "lon": "30.5", "started_at": "2024-01-05"},
    {"id": "bad-type", "event_type": "bombing", "lat": "50.1", "lon": "30.5", "started_at": "2024-01-05"},
    {"id": "a1", "event_type": "strike", "lat": "50.1", "lon": "30.5", "started_at": "2024-01-06"},
    {"id": "dms", "event_type": "explosion", "lat": "55°47′N", "lon": "49.1", "started_at": "2024-02-01",
     "country": "RU"},
    {"id": "guarded", "event_type": "strike", "lat": "50.2", "lon": "30.6", "started_at": "2024-02-02",
     "notes": "'=SUM(1)"},
    {"id": "json-sources", "event_type": "strike", "lat": "50.3", "lon": "30.7", "started_at": "2024-02-03",
     "sources": '[{"url": "https://x.org/1", "title": "T"}]', "origin": '{"code": 1}'},
    {"id": "local-time", "event_type": "strike", "lat": "50.4", "lon": "30.8", "started_at": "2024-02-04T10:00"},
    {"id": "swapped", "event_type": "strike", "lat": "49.1088", "lon": "55.7963", "started_at": "2024-02-05",
     "country": "RU"},
    {"id": "elsewhere", "event_type": "strike", "lat": "50.45", "lon": "30.52", "started_at": "2024-02-06",
     "country": "RU"},
    {"id": "future", "event_type": "strike", "lat": "50.5", "lon": "30.9", "started_at": SOON},
    {"id": "ends-first", "event_type": "strike", "lat": "50.6", "lon": "30.1", "started_at": "2024-02-07T10:00+02:00",
     "ended_at": "2024-02-07T09:00+03:00"},
    {"id": "ends-first-day", "event_type": "strike", "lat": "50.6", "lon": "30.1", "started_at": "2024-02-07",
     "ended_at": "2024-02-06T23:00+03:00"},
    {"id": "grouped", "event_type": "strike", "lat": "50.7", "lon": "30.2", "started_at": "2024-02-08",
     "killed": "1 000"},
    {"id": "no-day", "event_type": "strike", "lat": "50.7", "lon": "30.2", "started_at": "2024-02-30"},
    {"id": "no-start", "event_type": "strike", "lat": "50.7", "lon": "30.2", "started_at": ""},
    {"id": "zero", "event_type": "other", "lat": "0.0", "lon": "0.0", "started_at": "2024-02-09",
     "zero_zero_intended": "yes"},
    {"id": "zero-missing", "event_type": "other", "lat": "0.0", "lon": "0.0", "started_at": "2024-02-09"},
    {"id": "zulu", "event_type": "interception", "lat": "51.0", "lon": "31.0", "started_at": "2024-02-10T03:00:15Z",
     "ended_at": "2024-02-10", "airport_iata": "KZN", "airport_icao": "UWKD", "time_precision": "minute",
     "status": "lifted", "distance_claim": "{}", "injured": "1234567"},
    {"id": "bad-review", "event_type": "strike", "lat": "50.8", "lon": "30.3", "started_at": "2024-02-11",
     "review": "nope"},
    {"id": "lower-country", "event_type": "strike", "lat": "50.8", "lon": "30.3", "started_at": "2024-02-11",
     "country": "ru"},
    {"id": "too-many", "event_type": "strike", "lat": "50.8", "lon": "30.3", "started_at": "2024-02-11",
     "killed": "99999999"},
    {"id": "spaced-source", "event_type": "strike", "lat": "50.9", "lon": "30.4", "started_at": "2024-02-12",
     "sources": " https://example.org/s ; Second title", "extra": "ignored"},
    {"id": "kept-1", "event_type": "strike", "lat": "50.91", "lon": "30.41", "started_at": "2024-02-13",
     "sources": "https://example.org/k1", "killed": "1"},
    {"id": "deleted", "event_type": "strike", "lat": "50.92", "lon": "30.42", "started_at": "2024-02-14"},
]
SECOND = [
    {**FIRST[0], "killed": "3", "sources": "https://example.org/a1-more", "notes": "more"},  # merged into a1
    {**FIRST[-2]},  # unchanged
    {"id": "deleted", "event_type": "strike", "lat": "50.92", "lon": "30.42", "started_at": "2024-02-14"},  # stays
    {"id": "new-2", "event_type": "missile_strike", "lat": "48.0", "lon": "37.8",
     "started_at": "2024-03-01T12:00+02:00",
     "sources": "https://example.org/n2"},
    {"id": "bad-2", "event_type": "strike", "lat": "91.0", "lon": "30.0", "started_at": "2024-03-02"},
]


def _write(path, rows, header=HEADER):
    """The rows under `header` (a name may repeat: each such column holds the row's value; a row may be cut short
    or run long by a cell, by its keys '-short' or '-long')."""
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for row in rows:
            record = [row.get(name.lower(), "") for name in header]
            writer.writerow(record[:-1] if row.get("-short") else record + ["x"] if row.get("-long") else record)
    return str(path)


# other headers for the same rows: reordered, columns missing or repeated, an unknown one, upper-case names
HEADERS = {
    "reordered": ["event_type", "started_at", "lat", "lon", "id", "sources", "killed", "injured", "country", "notes",
                  "ended_at", "review", "place", "extra", "zero_zero_intended", "origin", "evidence"],
    "repeated": HEADER + ["killed", "place"],
    "upper": [name.upper() for name in HEADER],
}
ODD = [{**FIRST[0], "id": "short", "-short": True}, {**FIRST[0], "id": "long", "-long": True},
       {"id": " ", "event_type": "Total", "lat": "1.0"}, {"id": "Total", "lat": "2.0"}, {"id": "Total"},
       {"id": " ", "event_type": "strike", "lat": "50.1", "lon": "30.1", "started_at": "2024-01-09"}]


def _imports(tmp_path, monkeypatch, capsys, name, header=HEADER):
    """Import FIRST, delete one incident, import SECOND (the CLI each time); the outputs and the store's tables."""
    from incidents.__main__ import main

    folder = tmp_path / name
    folder.mkdir()
    db = folder / "store.sqlite"
    monkeypatch.setenv("INCIDENTS_DB", str(db))
    outputs = []
    for number, rows in enumerate((FIRST, SECOND)):
        if number == 1:
            assert main(["delete", "deleted", "--reason", "test"]) == 0
            capsys.readouterr()
        assert main(["import", _write(folder / f"{number}.csv", rows + ODD * (1 - number), header)]) == 0
        output = json.loads(capsys.readouterr().out)
        output.pop("batch")
        outputs.append(output)
    with sqlite3.connect(db) as con:
        incidents = con.execute(f"SELECT {', '.join(FIELDS)}, day, row_version FROM incidents ORDER BY id").fetchall()
        history = con.execute("SELECT incident_id, field, old, new, actor, reason, batch IS NULL FROM history "
                              "WHERE field NOT IN ('created_at', 'updated_at') ORDER BY seq").fetchall()  # clock times
        tombstones = con.execute("SELECT id, reason FROM tombstones ORDER BY id").fetchall()
        batches = con.execute("SELECT kind, source, inserted, updated, unchanged FROM batches ORDER BY at").fetchall()
    stamps = (FIELDS.index("created_at"), FIELDS.index("updated_at"))
    incidents = [tuple(value is not None if i in stamps else value for i, value in enumerate(row)) for row in incidents]
    return outputs, incidents, history, tombstones, batches


@pytest.mark.parametrize("header", ["own", *HEADERS])
def test_the_fast_path_stores_what_the_general_path_stores(tmp_path, monkeypatch, capsys, header):
    plain = [row for row in FIRST if fast_csv.model_values(row) is not None]  # the rows the fast path takes
    assert {row.get("id") for row in plain} >= {"a1", None, "zero", "zulu", "kept-1", "future"}
    columns = HEADERS.get(header, HEADER)
    taken = []
    real = fast_csv.PlainRows.row
    monkeypatch.setattr(fast_csv.PlainRows, "row", lambda self, cells: taken.append(real(self, cells)) or taken[-1])
    fast = _imports(tmp_path, monkeypatch, capsys, "fast", columns)
    assert sum(row is not None for row in taken) >= 8  # the fast path took rows under this header too
    with monkeypatch.context() as patch:
        patch.setattr(fast_csv.PlainRows, "row", lambda self, cells: None)  # every row takes the general path
        general = _imports(tmp_path, monkeypatch, capsys, "general", columns)
    outputs, incidents, history, tombstones, batches = fast
    assert outputs == general[0]
    assert incidents == general[1]
    assert history == general[2]
    assert (tombstones, batches) == general[3:]
    first, second = outputs
    assert first["rejected"] >= 12 and first["warnings"] and second["updated"] == 1 and second["unchanged"] >= 2
    assert {row[FIELDS.index("id")] for row in incidents} >= {"a1", "zero", "zulu", "new-2"}
    assert any("totals row" in item["message"] for item in first["warnings"])


@pytest.mark.parametrize("cells", [
    {"lat": "55.79 "}, {"lat": "-90.5"}, {"started_at": "2024-12-21T07:40"}, {"started_at": "2024-12-21 07:40+03:00"},
    {"killed": "-1"}, {"killed": "1.0"}, {"sources": "[]"}, {"origin": '{"a": 1}'}, {"notes": "'x"},
    {"country": "RUS"}, {"zero_zero_intended": "maybe"}, {"started_at": "1899-12-31"},
    {"started_at": "2024-12-21T24:00+03:00"}, {"event_type": "drone strike"},
])
def test_a_cell_out_of_plain_form_leaves_the_row_to_the_general_path(cells):
    row = {k: str(v) for k, v in {**FIRST[0], **cells}.items()}
    assert fast_csv.model_values(row) is None


def test_the_fast_path_reads_every_model_field():
    assert fast_csv.CELLS == FIELDS and fast_csv.COVERS_MODEL


def test_the_fast_path_reads_the_incidents_the_general_path_reads(tmp_path, monkeypatch):
    from incidents.importers import read_file

    path = _write(tmp_path / "rows.csv", FIRST + SECOND)
    fast = read_file(path)
    with monkeypatch.context() as patch:
        patch.setattr(fast_csv.PlainRows, "row", lambda self, cells: None)
        general = read_file(path)
    assert fast == general and len(fast[0]) >= 10 and fast[1]
    assert [item.__dict__ for item in fast[0]] == [item.__dict__ for item in general[0]]


def test_rows_are_skipped_or_warned_as_row_issue_says(tmp_path):
    """The CSV reader asks row_issue once per first cell: the same answers as asking it for every row."""
    from incidents.importers.tables import csv_file_table, row_issue

    records = [["a", "b", "c"], ["Total", "", "1"], ["", "", ""], [" ", "Total", "2"], [" ", "x", "3"], ["Total"],
               ["", "sum", ""], ["x", "", ""], [" ", "", ""], [], ["Total", "x", "y"], ["total:", "", ""]]
    path = tmp_path / "t.csv"
    with open(path, "w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(records)
    found = {tuple(record): issue for _, record, issue in csv_file_table(path).open_lists()}
    expected = {tuple(record): row_issue(record) for record in records[1:] if record and row_issue(record) is not None}
    assert found == expected and sum(issue.startswith("skipped") for issue in found.values()) == 6
