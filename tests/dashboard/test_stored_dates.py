"""Fault 2, readers: a row already stored with a start in 2300 or 2101 (or a time that does not parse) is reported
and skipped by the map and the briefing, never fatal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from dashboard.briefing_html import briefing_html, local_time
from dashboard.maps import MapOptions, build_map, render_html
from incidents.frames import drawable_rows, to_frame
from incidents.model import IncidentFilter
from tests.dashboard.maps_cases import kazan_incidents
from tests.dashboard.test_briefing_html import GENERATED, MOSCOW
from tests.incidents.test_date_range import store_with_rows_written_directly

ROOT = Path(__file__).resolve().parents[2]


def frame_with_stored_faults() -> pd.DataFrame:
    """The four Kazan incidents, three of them spoiled as a hand-edited store would hold them."""
    frame = to_frame(kazan_incidents())
    frame.loc[0, ["started_at", "start_utc"]] = ["2300-01-01T10:00+03:00", pd.NaT]  # beyond what pandas can hold
    frame.loc[1, ["started_at", "day"]] = ["2101-01-01", pd.Timestamp("2101-01-01")]
    frame.loc[2, "ended_at"] = "2999-99-99T99"
    return frame.sort_values(["day", "id"], kind="stable", ignore_index=True)


def test_drawable_rows_names_each_row_it_skips():
    ids = to_frame(kazan_incidents())["id"].tolist()
    kept, skipped = drawable_rows(frame_with_stored_faults())
    assert kept["id"].tolist() == [ids[3]]
    assert sorted((item["id"], item["field"]) for item in skipped) == sorted(
        [(ids[0], "started_at"), (ids[1], "started_at"), (ids[2], "ended_at")])
    assert all("cannot be drawn" in item["message"] for item in skipped)


def test_the_map_skips_rows_stored_in_2300_and_2101_and_draws_the_rest():
    for threshold in (1000, 0):  # markers and clusters
        html = render_html(build_map(frame_with_stored_faults(), options=MapOptions(cluster_threshold=threshold)))
        assert '"n":1,' in html


def test_the_briefing_skips_rows_stored_in_2300_and_2101():
    html = briefing_html(frame_with_stored_faults(), IncidentFilter(), title="T", banner="", generated_at=GENERATED,
                         reference=MOSCOW)
    assert "2300" not in html and "2101" not in html


def test_a_stored_time_that_does_not_parse_is_shown_as_written():
    assert local_time("2024-12-21T99:99+03:00") == "2024-12-21T99:99+03:00"
    assert local_time("2024-12-21T07:40+03:00", "2024-12-21Tzz") == "2024-12-21 07:40 UTC+03:00"


def test_map_cli_reports_a_2101_row_written_directly_into_sqlite(tmp_path):
    db = tmp_path / "bricked.sqlite"
    store_with_rows_written_directly(db, ("2101-01-01",))
    env = {**os.environ, "INCIDENTS_DB": str(db)}
    done = subprocess.run([sys.executable, "-m", "dashboard", "map", "--out", str(tmp_path / "map.html")], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and '"incidents": 1' in done.stdout, done.stderr
    assert done.stderr.startswith("warning: skipped stored row id='bad-0': started_at='2101-01-01'")
