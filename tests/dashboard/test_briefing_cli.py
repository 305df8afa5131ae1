"""`python -m dashboard brief` without a browser: suffix choice, exit codes, atomic writes, missing Chromium."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dashboard import briefing
from dashboard.__main__ import main
from incidents.model import IncidentFilter
from incidents.storage import open_store
from tests.dashboard.test_briefing_html import MOSCOW, seed_incidents


@pytest.fixture
def seeded_store(tmp_path, monkeypatch):
    """INCIDENTS_DB pointing at a SQLite file holding the reference case."""
    path = tmp_path / "incidents.sqlite"
    store = open_store(str(path))
    store.upsert(seed_incidents())
    store.close()
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    return path


@pytest.fixture
def fake_render(monkeypatch):
    """Replace Chromium with a recorder: returns b'%PDF-fake' / PNG magic and remembers the calls."""
    calls = []

    def fake(frame, flt, fmt, **options):
        calls.append((len(frame), flt, fmt, options))
        return b"%PDF-fake" if fmt == "pdf" else b"\x89PNG fake"

    monkeypatch.setattr(briefing, "make_briefing", fake)
    return calls


@pytest.mark.parametrize("name", ["brief.html", "brief", "brief.png.txt", "brief.jpeg"])
def test_unknown_suffix_is_exit_2_with_one_line(tmp_path, capsys, name):
    code = main(["brief", "--out", str(tmp_path / name)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and ".png, .pdf or .pptx" in err
    assert not any(tmp_path.iterdir())


def test_missing_folder_is_exit_2(tmp_path, capsys):
    assert main(["brief", "--out", str(tmp_path / "nope" / "b.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_suffix_picks_the_format_and_prints_one_json_line(tmp_path, capsys, seeded_store, fake_render):
    out = tmp_path / "Brief.PDF"
    code = main(["brief", "--start", "2024-12-21", "--end", "2024-12-21", "--type", "airspace_restriction",
                 "--title", "T", "--banner", "B", "--out", str(out)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0 and out.read_bytes() == b"%PDF-fake"
    summary = json.loads(lines[-1])
    assert summary["format"] == "pdf" and summary["incidents"] == 3 and summary["bytes"] == len(b"%PDF-fake")
    (rows, flt, fmt, options), = fake_render
    assert fmt == "pdf" and options["title"] == "T" and options["banner"] == "B"
    assert flt.event_types == ("airspace_restriction",)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Brief.PDF", "incidents.sqlite"]


def test_render_failure_leaves_the_old_file_untouched(tmp_path, capsys, seeded_store, monkeypatch):
    out = tmp_path / "brief.png"
    out.write_bytes(b"previous briefing")

    def slow(*args, **kwargs):
        raise briefing.BriefingError("the briefing did not render within 60 s")

    monkeypatch.setattr(briefing, "make_briefing", slow)
    assert main(["brief", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "within 60 s" in err
    assert out.read_bytes() == b"previous briefing"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.png", "incidents.sqlite"]


def test_write_atomically_removes_its_temp_file_when_the_rename_fails(tmp_path, monkeypatch):
    out = tmp_path / "brief.pdf"

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError) as raised:
        briefing.write_output(out, b"data")
    assert list(tmp_path.iterdir()) == []
    assert raised.value.filename == str(out), "the message names --out, not the temporary file"


def test_missing_chromium_names_the_install_command(monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_CHROMIUM", "/nonexistent/chromium")
    renderer = briefing.Renderer()
    try:
        with pytest.raises(briefing.BriefingError, match="apt-get install chromium"):
            renderer.run(lambda browser: b"never", timeout_s=10)
    finally:
        renderer.close()


def test_missing_chromium_in_the_cli_is_one_line(tmp_path, capsys, seeded_store, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr(briefing, "_RENDERER", briefing.Renderer())
    monkeypatch.setattr(briefing, "default_reference", lambda: MOSCOW)
    out = tmp_path / "brief.png"
    try:
        assert main(["brief", "--out", str(out)]) == 1
    finally:
        briefing._RENDERER.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt-get install chromium" in err
    assert not out.exists()


def test_unknown_format_is_refused_before_rendering():
    with pytest.raises(briefing.BriefingError, match="png, pdf or pptx"):
        briefing.make_briefing(None, IncidentFilter(), "svg")


def test_format_for():
    assert briefing.format_for(Path("a.PNG")) == "png"
    assert briefing.format_for(Path("a.pdf")) == "pdf"
    assert briefing.format_for(Path("a.svg")) is None


def test_words_and_verification_reach_the_briefing(tmp_path, capsys, seeded_store, fake_render):
    summary = tmp_path / "summary.md"
    summary.write_text("**Assessment:** likely.\n\n- one\n", encoding="utf-8")
    out = tmp_path / "brief.pptx"
    code = main(["brief", "--title", "T", "--author", "J. Analyst", "--summary-file", str(summary),
                 "--verification", "reported", "confirmed", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    (rows, flt, fmt, options), = fake_render
    assert fmt == "pptx" and options["author"] == "J. Analyst" and options["summary"].startswith("**Assessment:**")
    assert flt.verification == ("reported", "confirmed")


def test_a_too_long_title_is_exit_2_with_one_line(tmp_path, capsys, seeded_store, fake_render):
    assert main(["brief", "--title", "x" * 201, "--out", str(tmp_path / "b.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "at most 200" in err and not fake_render


def test_a_missing_summary_file_is_exit_2(tmp_path, capsys, seeded_store, fake_render):
    assert main(["brief", "--summary-file", str(tmp_path / "nope.md"), "--out", str(tmp_path / "b.pdf")]) == 2
    assert "--summary-file" in capsys.readouterr().err
