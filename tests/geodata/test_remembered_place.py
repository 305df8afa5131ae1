"""The reference place kept in the cache folder: a new process finds it without loading the gazetteer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from geodata import files, reference_place, remembered_reference_place

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
from geodata import gazetteer, remembered_reference_place
place = remembered_reference_place(sys.argv[1])
print(json.dumps([place.name, place.country, place.lat, gazetteer._GAZETTEER is not None]))
"""


def _probe(text: str) -> list:
    run = subprocess.run([sys.executable, "-c", PROBE, text], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def test_a_second_process_reads_the_place_without_the_gazetteer():
    first = _probe("Kazan")
    second = _probe("Kazan")
    assert first[:3] == second[:3] == ["Kazan", "RU", reference_place("Kazan").lat]
    assert second[3] is False


def test_another_text_is_another_place():
    assert _probe("Kyiv")[:2] == ["Kyiv", "UA"]
    assert remembered_reference_place("Kazan").admin1 == "Tatarstan"


def test_a_damaged_file_is_read_again_from_the_gazetteer():
    remembered_reference_place("Izhevsk")
    kept = sorted(files.cache_dir().glob("reference-place-*.bin"), key=lambda p: p.stat().st_mtime)[-1]
    kept.write_bytes(b'{"name": 3}')
    assert remembered_reference_place("Izhevsk").name == "Izhevsk"
    assert json.loads(kept.read_bytes())["name"] == "Izhevsk"


AIRPORT_PROBE = """
import json, sys
from geodata import gazetteer, remembered_airport
print(json.dumps([remembered_airport(sys.argv[1]), gazetteer._GAZETTEER is not None]))
"""


def _airport_probe(code: str) -> list:
    run = subprocess.run([sys.executable, "-c", AIRPORT_PROBE, code], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def test_an_airport_asked_before_is_read_without_the_gazetteer():
    first = _airport_probe("uwkd")
    second = _airport_probe("UWKD")
    assert first[0] == second[0] == ["Kazan International Airport", 55.6062, 49.2787]
    assert second[1] is False


def test_an_unknown_code_is_none_and_stays_none():
    assert _airport_probe("QQQQ")[0] is None
    assert _airport_probe("QQQQ") == [None, False]
