"""`python -m dashboard prepare` in a subprocess: JSON on stdout; a reference place that can't be found is one line, exit 2."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def prepare(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", "prepare"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env}, timeout=300)


def test_prepare_loads_the_reference_place_and_names_the_cache_folder():
    done = prepare()
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["reference"] == "Moscow" and Path(summary["cache_dir"]).is_dir()
    assert list(Path(summary["cache_dir"]).glob("basemap-world-*.bin"))
    assert summary["byte_compiled"] is True  # also under PYTHONDONTWRITEBYTECODE: the server's start reads it
    assert list((ROOT / "dashboard" / "__pycache__").glob("launch.*.pyc"))


def test_an_unknown_reference_place_is_one_line_and_exit_2():
    done = prepare(INCIDENT_MAP_REFERENCE="Nowhereville Zzz")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == ["error: no place called 'Nowhereville Zzz' in the offline gazetteer"]
