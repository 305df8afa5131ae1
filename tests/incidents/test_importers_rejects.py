"""`import --rejects FILE`: rejected rows written back with their row and reason, fixed, and imported again."""

import csv
import json

import pytest

from incidents.__main__ import main
from incidents.importers.rejects import REASON_COLUMNS

HEADER = "id,event_type,lat,lon,started_at,place,notes\n"
ROWS = ("a,strike,55.79,49.12,2024-12-21,Kazan,fine\n"
        "b,strike,155.79,49.12,2024-12-21,Kazan,latitude typo\n"
        "c,bombing,55.75,37.62,2024-12-22,Moscow,=not a formula\n"
        "d,strike,55.75,37.62,2024-13-40,Moscow,bad date\n")


def run(capsys, monkeypatch, db, *args):
    monkeypatch.setenv("INCIDENTS_DB", str(db))
    code = main(["import", *map(str, args)])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else err)


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_rejected_rows_are_written_fixed_and_imported_again(tmp_path, capsys, monkeypatch):
    db, source, rejects = tmp_path / "store.sqlite", tmp_path / "in.csv", tmp_path / "rejected.csv"
    source.write_text(HEADER + ROWS, encoding="utf-8")
    code, summary = run(capsys, monkeypatch, db, source, "--rejects", rejects)
    assert code == 0 and summary["inserted"] == 1 and summary["rejected"] == 3
    assert summary["rejects"] == {"path": str(rejects), "rows": 3}
    rows = read_rows(rejects)
    assert list(rows[0]) == HEADER.strip().split(",") + list(REASON_COLUMNS)
    assert [(row["id"], row["rejected_row"]) for row in rows] == [("b", "3"), ("c", "4"), ("d", "5")]
    assert rows[0]["rejected_reason"].startswith("lat: out of range")
    assert rows[1]["rejected_reason"].startswith("event_type: unknown event type")
    assert "started_at" in rows[2]["rejected_reason"]
    assert rows[1]["notes"] == "'=not a formula"  # guarded for spreadsheets; the import takes the guard off

    rows[0]["lat"], rows[1]["event_type"], rows[2]["started_at"] = "55.79", "strike", "2024-12-22"
    with open(rejects, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    again = tmp_path / "again.csv"
    code, summary = run(capsys, monkeypatch, db, rejects, "--rejects", again)
    assert code == 0 and (summary["inserted"], summary["rejected"]) == (3, 0)  # the reason columns are ignored
    assert read_rows(again) == [] and again.read_text(encoding="utf-8").startswith("id,event_type")
    from incidents.storage import open_store

    store = open_store(str(db))
    try:
        assert store.count() == 4 and store.get("c").notes == "=not a formula"
    finally:
        store.close()
    code, summary = run(capsys, monkeypatch, db, source)  # the original file again: nothing duplicated
    assert code == 0 and summary["inserted"] == 0 and summary["rejected"] == 3


def test_every_rejected_row_is_written_even_past_the_listed_problems(tmp_path, capsys, monkeypatch):
    from incidents.importers import pipeline

    monkeypatch.setattr(pipeline, "MAX_PROBLEMS", 2)
    source, rejects = tmp_path / "in.csv", tmp_path / "rejected.csv"
    source.write_text(HEADER + "".join(f"r{i},strike,95,49.12,2024-12-21,Kazan,\n" for i in range(5)),
                      encoding="utf-8")
    code, summary = run(capsys, monkeypatch, tmp_path / "s.sqlite", source, "--rejects", rejects)
    assert code == 0 and summary["rejected"] == 5 and len(summary["problems"]) == 2
    assert [row["id"] for row in read_rows(rejects)] == [f"r{i}" for i in range(5)]


def test_swapped_coordinates_found_in_the_batch_check_are_written_too(tmp_path, capsys, monkeypatch):
    source, rejects = tmp_path / "in.csv", tmp_path / "rejected.csv"
    source.write_text("id,event_type,lat,lon,started_at,country\nx,strike,49.12,55.79,2024-12-21,RU\n"
                      "y,strike,37.62,55.75,2024-12-21,RU\n", encoding="utf-8")
    code, summary = run(capsys, monkeypatch, tmp_path / "s.sqlite", source, "--rejects", rejects)
    rows = read_rows(rejects)
    assert code == 0 and summary["rejected"] == len(rows) >= 1
    assert all("swapped" in row["rejected_reason"] for row in rows)


@pytest.mark.parametrize("target, message", [("missing/rejected.csv", "does not exist"),
                                             ("rejected.csv", "drop --rejects")])
def test_rejects_refused_before_anything_is_imported(tmp_path, capsys, monkeypatch, target, message):
    source = tmp_path / "in.geojson"
    source.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    db = tmp_path / "s.sqlite"
    code, err = run(capsys, monkeypatch, db, source, "--rejects", tmp_path / target)
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "rejected.csv").exists()
