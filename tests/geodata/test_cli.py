"""`python -m geodata` in a subprocess: JSON on stdout, exit codes 0/1/2 (141 when the reader left early) and one-line errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.files import EXIT_BROKEN_PIPE

ROOT = Path(__file__).resolve().parents[2]


def cli(*args):
    done = subprocess.run([sys.executable, "-m", "geodata", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    return done.returncode, done.stdout, done.stderr


def test_geocode_json():
    code, out, err = cli("geocode", "Казань")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert set(data) >= {"query", "name", "lat", "lon", "country", "admin1", "kind", "iata", "icao", "timezone",
                         "source", "alternatives"}
    assert (data["query"], data["name"], data["country"], data["admin1"]) == ("Казань", "Kazan", "RU", "Tatarstan")
    assert data["lat"] == pytest.approx(55.789, abs=0.005)
    assert data["alternatives"] and "alternatives" not in data["alternatives"][0]


def test_geocode_with_country():
    code, out, _ = cli("geocode", "Moscow", "--country", "US")
    assert code == 0 and json.loads(out)["admin1"] == "Idaho"


def test_geocode_airport_code():
    code, out, _ = cli("geocode", "UWSG")
    data = json.loads(out)
    assert (data["iata"], data["icao"], data["timezone"]) == ("GSV", "UWSG", "Europe/Saratov")


def test_distance_by_names_and_coordinates():
    code, out, _ = cli("distance", "Kazan", "Moscow")
    data = json.loads(out)
    assert code == 0 and data["km"] == pytest.approx(721, abs=2) and data["compass"] == "west"
    assert data["mi"] == pytest.approx(448, abs=2)
    code, out, _ = cli("distance", "55.75204,37.61781", "Kazan")
    assert code == 0 and json.loads(out)["compass"] == "east"


def test_reverse():
    code, out, _ = cli("reverse", "56.85", "53.20")
    assert code == 0
    assert json.loads(out) | {} == {"lat": 56.85, "lon": 53.2, "country": "RU", "country_name": "Russia",
                                    "admin1": "Udmurt", "timezone": "Europe/Samara"}


def test_negative_coordinates_are_not_options():
    code, out, _ = cli("reverse", "-33.87", "151.21")
    assert code == 0 and json.loads(out)["country"] == "AU"


@pytest.mark.parametrize("args, expected", [
    (("geocode", "Qwxzvplorp"), 1),
    (("geocode", ""), 2),
    (("geocode", "x" * 10_000), 2),
    (("geocode", "Kazan\x1b"), 2),
    (("geocode", "Kazan", "--country", "Russia"), 2),
    (("distance", "95,10", "Kazan"), 2),
    (("distance", "Kazan", "Qwxzvplorp"), 1),
    (("reverse", "north", "10"), 2),
    (("reverse", "10", "200"), 2),
    (("frobnicate",), 2),
    ((), 2),
])
def test_errors_are_one_line(args, expected):
    code, out, err = cli(*args)
    assert code == expected
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("args, words", [
    (("distance", "nan,nan", "Kazan"), "finite"),
    (("distance", "inf, 10", "Kazan"), "finite"),
    (("geocode", "55.7,49.1"), "reverse LAT LON"),
])
def test_number_like_input_is_refused_as_coordinates(args, words):
    code, out, err = cli(*args)
    assert (code, out) == (2, "") and words in err and err.count("\n") == 1


def test_distance_to_itself_has_no_direction():
    code, out, _ = cli("distance", "Kazan", "Казань")
    data = json.loads(out)
    assert code == 0 and (data["km"], data["bearing_deg"], data["compass"]) == (0.0, None, None)


def closed_pipe_run(module, *args, env=None):
    """Runs `python -m module args` with a stdout whose reader is already gone (as `| head` leaves it)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=env, stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("unbuffered", ["1", ""])  # the write itself fails / the final flush fails
@pytest.mark.parametrize("args", [("geocode", "Kazan"), ("reverse", "44.95", "34.10")])
def test_closed_stdout_ends_quietly_with_141(args, unbuffered):
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    done = closed_pipe_run("geodata", *args, env={**env, "PYTHONUNBUFFERED": unbuffered} if unbuffered else env)
    assert (done.returncode, done.stderr) == (EXIT_BROKEN_PIPE, "")
