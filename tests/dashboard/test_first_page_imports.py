"""The first page loads only what its map needs: export, briefing, geocoder and charting libraries wait until used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.app_server import fill_store

ROOT = Path(__file__).resolve().parents[2]
LATER = ("folium", "branca", "jinja2", "geopy", "altair", "trafilatura", "pptx", "python_calamine", "playwright",
         "timezonefinder")
FIRST_RUN = f"""
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({str(ROOT / "dashboard" / "app.py")!r}, default_timeout=120)
at.run()
assert not at.exception, [e.value for e in at.exception]
print(json.dumps([name for name in {LATER!r} if name in sys.modules]))
"""


def test_the_first_page_does_not_import_what_the_map_does_not_need(tmp_path):
    db = fill_store(tmp_path / "incidents.sqlite")
    env = {**os.environ, "INCIDENTS_DB": str(db)}  # the checkout's cache folder: built once per machine
    for process in ("first", "second"):  # the first fills the cache folder (as `make run`'s prepare and first map do)
        run = subprocess.run([sys.executable, "-c", FIRST_RUN], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=600)
        assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == []
