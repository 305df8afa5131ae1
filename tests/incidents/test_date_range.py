"""Fault 2: one accepted row could brick the store (a start in 2300 imported; export and the map then failed).

Dates are accepted from 1900-01-01 to one year after today; a row already stored outside that range (written straight
into SQLite) is reported and skipped by every reader, never fatal."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timezone

import pytest

from incidents.errors import ValidationError
from incidents.frames import readable_records
from incidents.model import EARLIEST_DAY, future_warning, latest_day
from incidents.storage import open_store
from tests.incidents.factory import make
from tests.incidents.test_cli import run

OUT_OF_RANGE = ("2300-01-01", "2101-01-01", "2101-01-01T10:00+03:00", "1899-12-31")


def store_with_rows_written_directly(path, started: tuple[str, ...]) -> None:
    """A store holding one valid incident, plus one copy of it per `started` value inserted with plain SQL."""
    store = open_store(str(path))
    try:
        store.upsert([make(id="good")])
    finally:
        store.close()
    db = sqlite3.connect(path)
    columns = [row[1] for row in db.execute("PRAGMA table_info(incidents)")]
    good = dict(zip(columns, db.execute("SELECT * FROM incidents WHERE id = 'good'").fetchone()))
    for n, value in enumerate(started):
        row = {**good, "id": f"bad-{n}", "started_at": value, "ended_at": None, "day": value[:10]}
        db.execute(f"INSERT INTO incidents ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
    db.commit()
    db.close()


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_a_start_in_2300_or_2101_or_before_1900_is_a_row_problem(value):
    with pytest.raises(ValidationError, match="outside the accepted dates 1900-01-01 to") as caught:
        make(started_at=value)
    assert caught.value.field == "started_at"


def test_an_end_outside_the_range_is_a_row_problem():
    with pytest.raises(ValidationError) as caught:
        make(ended_at="2300-01-01T10:00+03:00")
    assert caught.value.field == "ended_at"


def test_the_range_runs_from_1900_to_one_year_after_today():
    assert EARLIEST_DAY == date(1900, 1, 1)
    assert latest_day(date(2026, 12, 6)) == date(2027, 12, 6)
    assert latest_day(date(2024, 2, 29)) == date(2025, 2, 28)
    today = datetime.now(timezone.utc).date()
    make(started_at="1900-01-01")
    soon = make(started_at=latest_day().isoformat())
    assert "in the future" in future_warning(soon)
    assert future_warning(make(started_at=today.isoformat())) is None


def test_importing_a_2300_row_keeps_the_good_rows_and_reports_it(tmp_path):
    rows = [make(id="ok"), make(id="far")]
    text = "event_type,lat,lon,started_at,id\n" + "\n".join(
        f"{r.event_type},{r.lat},{r.lon},{start},{r.id}" for r, start in zip(rows, ("2024-12-21", "2300-01-01")))
    path = tmp_path / "rows.csv"
    path.write_text(text, encoding="utf-8")
    done = run("import", path, db=tmp_path / "s.sqlite")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["inserted"] == 1 and summary["rejected"] == 1
    assert summary["problems"][0]["field"] == "started_at" and summary["problems"][0]["row"] == 3


def test_importing_a_future_start_within_a_year_warns(tmp_path):
    soon = latest_day().isoformat()
    path = tmp_path / "soon.csv"
    path.write_text(f"event_type,lat,lon,started_at,id\ndrone_strike,55.79,49.1,{soon},soon\n", encoding="utf-8")
    summary = json.loads(run("import", path, db=tmp_path / "s.sqlite").stdout)
    assert summary["inserted"] == 1
    assert summary["warnings"] == [{"id": "soon", "message": future_warning(make(started_at=soon))}]


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_export_skips_a_2101_row_written_directly_into_sqlite(tmp_path, fmt):
    db = tmp_path / "bricked.sqlite"
    store_with_rows_written_directly(db, ("2101-01-01", "2101-01-01T10:00+03:00"))
    done = run("export", "--format", fmt, db=db)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "good" in done.stdout and "bad-0" not in done.stdout and "bad-1" not in done.stdout
    warnings = done.stderr.strip().splitlines()
    assert len(warnings) == 2 and all(line.startswith("warning: skipped stored row id='bad-") for line in warnings)
    assert "started_at" in warnings[0] and "outside the accepted dates" in warnings[0]


def test_readable_records_reports_each_bad_row_and_keeps_the_rest(tmp_path):
    db = tmp_path / "bricked.sqlite"
    store_with_rows_written_directly(db, ("2101-01-01", "2101-06-01T10:00+03:00"))
    store = open_store(str(db))
    try:
        frame = store.frame()
    finally:
        store.close()
    frame.loc[frame["id"] == "good", "killed"] = -1  # and one value no rule ever allowed
    frame = frame.astype({"killed": "Int64"})
    records, skipped = readable_records(frame)
    assert records == []
    assert [(item["id"], item["field"]) for item in skipped] == [
        ("good", "killed"), ("bad-0", "started_at"), ("bad-1", "started_at")]
