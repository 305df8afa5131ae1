"""Fault 8: the online geocoder's limits held only inside one process (four processes sent four requests in 0.21 s,
the cache file lost answers, geopy retried outside the gate, no contact, "not found" cached forever).

Four real processes against a stand-in for Nominatim on 127.0.0.1 (never the real service)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from geodata.errors import GeocoderUnavailable, InvalidQuery, PlaceNotFound
from geodata.online import OnlineGeocoder, with_contact
from tests.geodata.test_online import running_server

ROOT = Path(__file__).resolve().parents[2]
CITIES = {"kazan": (55.79, 49.12), "izhevsk": (56.85, 53.2), "saratov": (51.53, 46.03), "moscow": (55.75, 37.62)}
AGENT, CONTACT = "incident-map-test/1", "ops@example.org"
WORKER = """
import json, sys, time
from pathlib import Path
from geodata.online import OnlineGeocoder
url, cache, names, go = sys.argv[1], Path(sys.argv[2]), sys.argv[3].split(","), Path(sys.argv[4])
geocoder = OnlineGeocoder(url=url, user_agent="%s", contact="%s", cache_path=cache, timeout=5, retries=0)
while not go.exists():
    time.sleep(0.01)
print(json.dumps([geocoder.geocode(name).name for name in names]))
""" % (AGENT, CONTACT)


class StandIn(BaseHTTPRequestHandler):
    """Nominatim's /search for four cities; 'slow...' answers after 2 s; anything else is not found."""

    def do_GET(self):
        query = parse_qs(urlparse(self.path).query).get("q", [""])[0].lower()
        self.server.requests.append({"at": time.time(), "query": query, "agent": self.headers.get("User-Agent")})
        if query.startswith("slow"):
            time.sleep(2)
        found = [{"lat": str(CITIES[query][0]), "lon": str(CITIES[query][1]), "name": query.title(), "display_name": query.title(),
                  "addresstype": "city", "address": {"country_code": "ru", "state": "X"}}] if query in CITIES else []
        body = json.dumps(found).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (timeout)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    yield from running_server(StandIn)


def url(server) -> str:
    return f"http://127.0.0.1:{server.server_port}"


def run_processes(server, cache: Path, name_lists: list[list[str]], go: Path) -> list[list[str]]:
    """One process per list of names, all released at once; their answers."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [subprocess.Popen([sys.executable, "-c", WORKER, url(server), str(cache), ",".join(names), str(go)],
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for names in name_lists]
    time.sleep(3)  # imports done: all four wait at the start line
    go.touch()
    answers = []
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        answers.append(json.loads(out))
    return answers


def test_four_processes_share_one_rate_gate_and_one_cache(server, tmp_path):
    cache = tmp_path / "geocoder.sqlite"
    names = [[name] for name in CITIES]
    assert run_processes(server, cache, names, tmp_path / "go") == [[name.title()] for name in CITIES]
    moments = sorted(request["at"] for request in server.requests)
    assert len(moments) == 4
    gaps = [later - earlier for earlier, later in zip(moments, moments[1:])]
    assert min(gaps) >= 0.9, f"requests {gaps} s apart: the one-per-second gate must hold across processes"
    assert {request["agent"] for request in server.requests} == {f"{AGENT} contact: {CONTACT}"}
    again = run_processes(server, cache, [list(CITIES)] * 4, tmp_path / "go2")
    assert again == [[name.title() for name in CITIES]] * 4
    assert len(server.requests) == 4, "every process found all four answers in the shared cache"


def test_every_attempt_goes_through_the_gate_and_is_counted(server, tmp_path):
    geocoder = OnlineGeocoder(url=url(server), user_agent=AGENT, cache_path=tmp_path / "c.sqlite", timeout=0.5,
                              retries=2, backoff=0.0, interval=0.1)
    started = time.monotonic()
    with pytest.raises(GeocoderUnavailable):
        geocoder.geocode("slow town")
    assert len(server.requests) == 3, "geopy must not retry on its own"
    assert geocoder.gate.attempts() == 3
    assert time.monotonic() - started < 5


def test_not_found_answers_expire(server, tmp_path):
    geocoder = OnlineGeocoder(url=url(server), user_agent=AGENT, cache_path=tmp_path / "c.sqlite", interval=0.0,
                              not_found_ttl=0.5)
    for _ in range(2):
        with pytest.raises(PlaceNotFound):
            geocoder.geocode("Nowhere")
    assert len(server.requests) == 1
    time.sleep(0.6)
    with pytest.raises(PlaceNotFound):
        geocoder.geocode("Nowhere")
    assert len(server.requests) == 2, "an expired 'not found' is asked again"
    geocoder.geocode("Kazan")
    time.sleep(0.6)
    geocoder.geocode("Kazan")
    assert len(server.requests) == 3, "found answers do not expire"


def test_the_public_service_needs_a_contact(tmp_path):
    with pytest.raises(InvalidQuery, match="INCIDENT_MAP_CONTACT"):
        OnlineGeocoder(user_agent=AGENT, cache_path=tmp_path / "c.sqlite")
    assert with_contact("incident-map/0.1", " ops@example.org ") == "incident-map/0.1 contact: ops@example.org"
    assert with_contact("incident-map/0.1", "") == "incident-map/0.1"
