"""AppTest of the Import page (paste, review, save, cache invalidation) and its pure review core."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.views.import_page import too_big
from dashboard.views.review import apply_edits, csv_chunks, editor_frame, read_for_review
from incidents.exporters import csv_text
from incidents.frames import to_frame
from tests.dashboard.test_app import APP, metrics
from tests.e2e.app_server import sample_incidents

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "incidents" / "samples" / "articles" / "000_kazan_2024-12-21.txt"


@pytest.fixture
def empty_store(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "incidents.sqlite"
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    return path


def import_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/import_page.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def paste(at: AppTest, text: str, fmt: str = "auto") -> AppTest:
    at.selectbox(key="import_format").set_value(fmt)
    at.text_area(key="import_text").input(text)
    at.button(key="import_read_text").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def finish_extraction(at: AppTest, timeout_s: float = 180) -> AppTest:
    """Rerun until the article's extraction process has finished (the page collects its answer)."""
    deadline = time.monotonic() + timeout_s
    while "extract_job" in at.session_state and time.monotonic() < deadline:
        time.sleep(0.3)
        at.run()
    assert "extract_job" not in at.session_state and not at.exception
    return at


def sample_csv(extra_rows: str = "") -> str:
    return csv_text(to_frame(sample_incidents()[:3])) + extra_rows


def test_pasted_csv_is_reviewed_with_row_problems_then_saved(empty_store):
    at = paste(import_page(), sample_csv("drone_strike,91,2,2024-01-01" + "," * 23 + "\n"))
    assert any("Review: 3 incident(s)" in m.value for m in at.markdown)
    assert at.warning and "1 row(s) could not be read" in at.warning[0].value
    problems = at.dataframe[0].value
    assert list(problems["row"]) == [5] and problems["field"].iloc[0] == "lat"
    at.button(key="import_save").click().run()
    assert any("3 new" in s.value for s in at.success)
    at.switch_page("views/overview.py").run()
    assert metrics(at)["Incidents"] == "3"  # the cache was invalidated by the write


def test_the_seed_article_is_extracted_with_evidence_and_saved(empty_store):
    at = finish_extraction(paste(import_page(), SEED.read_text(encoding="utf-8"), fmt="article"))
    assert any("Review: 4 incident(s) from the pasted text · news article" in m.value for m in at.markdown)
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Drone strike: Kazan") for label in labels)
    evidence = " ".join(m.value for m in at.markdown)
    assert "**started\\_at**: " in evidence and "**between 7\\:40 am" in evidence  # the words, in their sentence
    at.button(key="import_save").click().run()
    at.switch_page("views/overview.py").run()
    assert metrics(at)["Strikes"] == "1" and metrics(at)["Restricted"] == "2"


def test_unreadable_text_says_why_and_saves_nothing(empty_store):
    at = paste(import_page(), '{"type": "FeatureCollection", "features": 3}', fmt="geojson")
    assert at.error or at.warning
    assert "import_save" not in [b.key for b in at.button]


def test_upload_limit_message_names_the_setting():
    assert too_big(10 * 1024 * 1024, 50) is None
    message = too_big(60 * 1024 * 1024, 50)
    assert "60.0 MB" in message and "50 MB" in message and "INCIDENT_MAP_UPLOAD_LIMIT_MB" in message


def test_unticked_rows_are_left_out_and_edits_are_validated():
    incidents = sample_incidents()[:3]
    edited = editor_frame(incidents)
    edited.loc[1, "keep"] = False
    edited.loc[0, "killed"] = 5
    kept, problems = apply_edits(incidents, edited)
    assert [i.id for i in kept] == ["kazan-strike", "ijk"] and kept[0].killed == 5
    assert kept[0].sources == incidents[0].sources  # what the table does not show is kept
    edited.loc[2, "lat"] = 123.0
    kept, problems = apply_edits(incidents, edited)
    assert problems == [{"row": 3, "field": "lat", "value": "123.0", "message": problems[0]["message"]}]


def test_csv_is_read_in_chunks_with_true_row_numbers():
    text = sample_csv('other,"9,1e9",2,2024-01-01' + "," * 23 + "\n")
    pieces = csv_chunks(text, rows_per_chunk=2)
    assert [offset for offset, _ in pieces] == [0, 2]
    seen = []
    incidents, problems, fmt = read_for_review(text, "auto", progress=lambda share, note: seen.append(share))
    assert fmt == "csv" and len(incidents) == 3 and seen[-1] == 1.0
    assert problems and problems[0]["row"] == 5


def test_editor_frame_keeps_not_stated_counts_empty():
    frame = editor_frame(sample_incidents())
    assert frame["keep"].all()
    assert pd.isna(frame.loc[frame["id"] == "kzn", "killed"]).all()
    assert frame.loc[frame["id"] == "kazan-strike", "killed"].iloc[0] == 0


def test_uploaded_file_is_read_and_an_oversized_one_is_refused(empty_store, monkeypatch):
    at = import_page()
    at.radio(key="import_how").set_value("Upload a file").run()
    at.file_uploader(key="import_file").upload("three.csv", sample_csv().encode("utf-8"), "text/csv").run()
    at.button(key="import_read_file").click().run()
    assert not at.exception and any(r"Review: 3 incident(s) from three\.csv" in m.value for m in at.markdown)
    monkeypatch.setenv("INCIDENT_MAP_UPLOAD_LIMIT_MB", "0")
    at.file_uploader(key="import_file").upload("big.csv", sample_csv().encode("utf-8"), "text/csv").run()
    assert any("INCIDENT_MAP_UPLOAD_LIMIT_MB" in e.value for e in at.error)
    assert "import_read_file" not in [b.key for b in at.button]
