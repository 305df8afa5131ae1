"""Fault 7, app side: extraction ran on the script thread (a 31 KB paste stalled the server); now it runs in its own
low-priority process with a time limit and a cancel button, and pastes are capped."""

from __future__ import annotations

import os
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.views.extract_job import NICENESS, ExtractJob, too_long

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "incidents" / "samples" / "articles" / "000_kazan_2024-12-21.txt"
STALLING = "Drones struck " + "Kazan and Izhevsk and Saratov, " * 2000


def wait(job: ExtractJob, timeout_s: float = 60) -> str:
    deadline = time.monotonic() + timeout_s
    while (state := job.state()) == "running" and time.monotonic() < deadline:
        time.sleep(0.1)
    return state


def test_the_seed_article_is_extracted_in_a_child_process_with_evidence():
    job = ExtractJob.start(SEED.read_text(encoding="utf-8"), None, "seed", limit_s=60)
    try:
        assert job.process.pid != os.getpid()
        assert wait(job) == "done", job.error()
        incidents, problems = job.result()
    finally:
        job.close()
    assert problems == [] and len(incidents) == 4
    assert all(item.evidence for item in incidents)


def test_the_extractor_runs_at_a_lower_priority():
    job = ExtractJob.start(STALLING, "2024-12-21", "slow", limit_s=60)
    try:
        time.sleep(0.5)
        expected = min(os.getpriority(os.PRIO_PROCESS, 0) + NICENESS, 19)  # the kernel caps niceness at 19
        assert os.getpriority(os.PRIO_PROCESS, job.process.pid) >= expected
    finally:
        job.close()


def test_extraction_over_its_time_limit_is_stopped():
    job = ExtractJob.start(STALLING, "2024-12-21", "slow", limit_s=1)
    try:
        started = time.monotonic()
        assert wait(job) == "timeout"
        assert time.monotonic() - started < 5
        assert job.process.returncode is not None, "the process is gone"
        assert job.state() == "timeout", "and stays a timeout for the page that collects it"
    finally:
        job.close()


def test_cancel_stops_the_extraction():
    job = ExtractJob.start(STALLING, "2024-12-21", "slow", limit_s=60)
    job.cancel()
    assert job.process.returncode is not None and job.state() == "failed"
    job.close()


def test_an_undated_article_fails_with_the_extractors_message():
    job = ExtractJob.start("Drones struck Kazan on Saturday.", None, "undated", limit_s=60)
    try:
        assert wait(job) == "failed"
        assert "date" in job.error() and not job.error().startswith("error:")
    finally:
        job.close()


def test_a_paste_over_the_limit_is_refused_naming_the_setting(tmp_path, monkeypatch):
    assert too_long("x" * 10, limit=10) is None
    assert "INCIDENT_MAP_PASTE_LIMIT_KB" in too_long("x" * 11, limit=10)
    monkeypatch.setenv("INCIDENTS_DB", str(tmp_path / "s.sqlite"))
    monkeypatch.setenv("INCIDENT_MAP_PASTE_LIMIT_KB", "1")
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/import_page.py").run()
    at.text_area(key="import_text").input("x" * 1025)
    at.button(key="import_read_text").click().run()
    assert any("INCIDENT_MAP_PASTE_LIMIT_KB" in e.value for e in at.error)
    assert "extract_job" not in at.session_state


def test_the_import_page_shows_a_cancel_button_while_extracting(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENTS_DB", str(tmp_path / "s.sqlite"))
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/import_page.py").run()
    at.selectbox(key="import_format").set_value("article")
    at.text_area(key="import_text").input(STALLING)
    at.button(key="import_read_text").click().run()
    job = at.session_state["extract_job"]
    assert job.state() == "running"
    at.button(key="extract_cancel").click().run()
    assert "extract_job" not in at.session_state and job.process.returncode is not None
