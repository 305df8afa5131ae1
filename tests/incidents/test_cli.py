"""`python -m incidents` end to end in subprocesses: JSON on stdout, exit codes, one stderr line on bad input."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.files import EXIT_BROKEN_PIPE
from tests.geodata.test_cli import closed_pipe_run

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"


def run(*args, db, stdin=None):
    env = {**os.environ, "INCIDENTS_DB": str(db), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "incidents", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, input=stdin, timeout=120)


def assert_one_line_error(done):
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "Traceback" not in done.stderr


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cli.sqlite"


def test_import_prints_summary_and_reimport_changes_nothing(db):
    first = run("import", DATA / "acled_sample.csv", db=db)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert {k: summary[k] for k in ("read", "inserted", "updated", "unchanged", "rejected")} == \
        {"read": 10, "inserted": 6, "updated": 0, "unchanged": 0, "rejected": 4}
    assert {p["row"] for p in summary["problems"]} == {7, 8, 9, 10}
    again = json.loads(run("import", DATA / "acled_sample.csv", "--format", "acled", db=db).stdout)
    assert (again["inserted"], again["unchanged"]) == (0, 6)


@pytest.mark.parametrize("make_input", [
    lambda tmp: tmp / "missing.csv",
    lambda tmp: (tmp / "people.csv", (tmp / "people.csv").write_text("name,age\nx,1\n"))[0],
    lambda tmp: (tmp / "bad.geojson", (tmp / "bad.geojson").write_text("{oops"))[0],
])
def test_unreadable_or_unknown_files_write_nothing(make_input, tmp_path, db):
    assert_one_line_error(run("import", make_input(tmp_path), db=db))
    assert not db.exists()


def test_usage_errors_are_one_line(db):
    assert_one_line_error(run("import", "x.csv", "--format", "bogus", db=db))
    assert_one_line_error(run("export", "--format", "csv", "--start", "2024-13-01", db=db))
    assert_one_line_error(run("export", "--format", "csv", "--start", "2024-12-02", "--end", "2024-12-01", db=db))
    assert_one_line_error(run("synth", "--n", "0", db=db))
    assert_one_line_error(run("synth", "--n", "99999999999", db=db))
    assert_one_line_error(run("synth", "--n", "5", "--seed", "x", db=db))
    assert_one_line_error(run("synth", "--n", "5", "--seed", "-3", db=db))
    assert_one_line_error(run("extract", db.parent / "no-such-article.txt", db=db))


def test_postgres_url_is_reported_not_raised(tmp_path):
    done = run("import", DATA / "acled_sample.csv", db="postgresql://user:secret@127.0.0.1:1/incidents")
    assert_one_line_error(done)
    assert "PostGIS store at postgresql://user:***@127.0.0.1:1/incidents is unreachable" in done.stderr


def test_export_honours_filter_and_writes_file(db, tmp_path):
    run("import", DATA / "acled_sample.csv", "--reviewed", db=db)
    done = run("export", "--format", "geojson", "--start", "2024-12-17", "--type", "drone_strike", "--type",
               "interception", db=db)
    ids = [f["id"] for f in json.loads(done.stdout)["features"]]
    assert sorted(ids) == ["acled-RUS1001", "acled-RUS2005"]
    out = tmp_path / "out.csv"
    assert run("export", "--format", "csv", "--end", "2024-12-18", "--out", out, db=db).returncode == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("event_type,lat,lon") and len(rows) == 4  # header + 2024-12-15, -17, -18
    by_region = run("export", "--format", "geojson", "--region", "Tatarstan", db=db)
    regions = {f["properties"]["admin1"] for f in json.loads(by_region.stdout)["features"]}
    assert regions == {"Tatarstan"}


def test_synth_prints_geojson_and_loads_nothing(db):
    done = run("synth", "--n", "5", "--seed", "2", db=db)
    features = json.loads(done.stdout)["features"]
    assert len(features) == 5 and {f["properties"]["verification"] for f in features} == {"synthetic"}
    assert not db.exists()


def test_demo_loads_samples_once(db):
    first = json.loads(run("demo", "--if-empty", db=db).stdout)
    assert first["inserted"] >= 4 and first["rejected"] == 0
    second = run("demo", "--if-empty", db=db)
    assert second.returncode == 0 and "skipped" in json.loads(second.stdout)
    third = json.loads(run("demo", db=db).stdout)
    assert third["unchanged"] == first["inserted"] and third["inserted"] == third["updated"] == 0


def test_hostile_rows_are_problems_not_tracebacks(db, tmp_path):
    path = tmp_path / "hostile.csv"
    path.write_text("event_id_cnty,event_date,sub_event_type,latitude,longitude,country,fatalities\n"
                    "A1,2024-12-21,Air/drone strike,55.7,49.1,Russia,99999999999999999999999999\n"
                    "A2,2024-12-21,Air/drone strike,,,Russia,1\n"
                    "A3,2024-12-21,Air/drone strike,55.7,49.1,Russia,2\n", encoding="utf-8")
    done = run("import", path, db=db)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["inserted"], summary["rejected"]) == (1, 2)
    assert [(p["row"], p["field"]) for p in summary["problems"]] == [(2, "fatalities"), (3, "latitude")]


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe binary", b"\n\n"])
def test_empty_and_binary_files_are_one_line_errors(content, db, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_bytes(content)
    assert_one_line_error(run("import", path, db=db))
    assert not db.exists()


def test_export_types_as_one_list_and_csv_round_trip(db, tmp_path):
    run("import", DATA / "acled_sample.csv", "--reviewed", db=db)
    done = run("export", "--format", "csv", "--type", "drone_strike", "interception", db=db)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "again.csv"
    out.write_text(done.stdout, encoding="utf-8", newline="")
    other = tmp_path / "other.sqlite"
    summary = json.loads(run("import", out, db=other).stdout)
    assert (summary["inserted"], summary["rejected"]) == (2, 0)
    again = json.loads(run("import", DATA / "acled_sample.csv", db=other).stdout)
    assert (again["inserted"], again["unchanged"]) == (4, 2)  # the exported rows come back identical


@pytest.mark.parametrize("args", [("export", "--format", "csv"), ("synth", "--n", "5", "--format", "csv")])
def test_closed_stdout_ends_quietly_with_141(db, args):
    run("import", DATA / "acled_sample.csv", db=db)
    done = closed_pipe_run("incidents", *args, env={**os.environ, "INCIDENTS_DB": str(db), "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stderr) == (EXIT_BROKEN_PIPE, "")


def test_figures_state_the_view_and_refuse_bad_input_in_one_line(db):
    run("demo", db=db)
    day = json.loads(run("figures", "--start", "2024-12-21", "--end", "2024-12-21", db=db).stdout)
    assert day["killed"]["text"] == "0 killed"  # the airspace restrictions that day are not "not stated" casualties
    assert day["as_of"] == "2024-12-21" and day["timeline"]["unit"] == "hour"
    whole = json.loads(run("figures", db=db).stdout)
    assert whole["incidents"] == sum(whole["by_type"].values()) and whole["as_of"] == whole["data_as_of"]
    drones = json.loads(run("figures", "--type", "drone_strike", db=db).stdout)
    assert drones["incidents"] == whole["by_type"]["drone_strike"] and drones["filters"]["type"] == ["drone_strike"]
    assert_one_line_error(run("figures", "--start", "2024-13-01", db=db))
    assert_one_line_error(run("figures", "--start", "2024-12-21", "--end", "2024-12-01", db=db))
