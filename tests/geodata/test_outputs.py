"""Fault 9 (outputs): one rule for a missing --out folder in every command, errors naming --out (not the temporary
file), and output files that follow the umask instead of always 0600."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.files import current_umask, write_output

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = {
    "export": ["incidents", "export", "--format", "csv"],
    "synth": ["incidents", "synth", "--n", "3"],
    "map": ["dashboard", "map"],
    "brief": ["dashboard", "brief"],
}


def cli(args: list[str], tmp_path: Path, umask: int = 0o022) -> subprocess.CompletedProcess:
    env = {**os.environ, "INCIDENTS_DB": str(tmp_path / "store.sqlite"), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, preexec_fn=lambda: os.umask(umask))


@pytest.fixture
def umask():
    """Set the process umask for one test and restore it."""
    saved = os.umask(0o022)
    os.umask(saved)
    yield lambda mask: os.umask(mask)
    os.umask(saved)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_outputs_follow_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    assert current_umask() == mask
    write_output(tmp_path / "out.csv", "a,b\n")
    assert mode(tmp_path / "out.csv") == expected


def test_a_replaced_output_keeps_its_mode(tmp_path, umask):
    umask(0o022)
    out = tmp_path / "out.csv"
    out.write_text("old")
    out.chmod(0o600)
    write_output(out, "new")
    assert mode(out) == 0o600 and out.read_text() == "new"


def test_a_failed_write_names_the_out_path_not_the_temporary_file(tmp_path):
    out = tmp_path / "taken"
    out.mkdir()
    with pytest.raises(IsADirectoryError) as raised:
        write_output(out, "x")
    assert raised.value.filename == str(out)
    assert list(out.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
    done = cli(["incidents", "synth", "--n", "2", "--out", str(out)], tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert str(out) in done.stderr and ".tmp" not in done.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_missing_out_folder(tmp_path, command):
    out = tmp_path / "missing" / ("brief.png" if command == "brief" else "out.html" if command == "map" else "out.csv")
    done = cli([*COMMANDS[command], "--out", str(out)], tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"error: --out {out}: folder {out.parent} does not exist")
    assert done.stderr.count("\n") == 1 and done.stdout == ""
    assert not out.parent.exists(), "a mistyped folder is never created"


def test_the_cli_output_follows_the_umask(tmp_path):
    out = tmp_path / "synth.csv"
    done = cli(["incidents", "synth", "--n", "3", "--format", "csv", "--out", str(out)], tmp_path, umask=0o002)
    assert done.returncode == 0, done.stderr
    assert mode(out) == 0o664
