"""The opt-in online geocoder against a fake Nominatim/Photon server on 127.0.0.1 (never the real service)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geodata import geocoding
from geodata.errors import GeocoderUnavailable, InvalidQuery, PlaceNotFound, RateLimited
from geodata.online import OnlineGeocoder, RateGate, SharedFile

KAZAN_NOMINATIM = {
    "lat": "55.7887", "lon": "49.1221", "name": "Kazan", "display_name": "Kazan, Tatarstan, Russia",
    "addresstype": "city", "type": "administrative", "class": "boundary",
    "address": {"city": "Kazan", "state": "Tatarstan", "country": "Russia", "country_code": "ru"},
}
KAZAN_PHOTON = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [32.68, 40.23]},
     "properties": {"name": "Kazan", "countrycode": "TR", "state": "Ankara", "osm_value": "town"}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [49.1221, 55.7887]},
     "properties": {"name": "Kazan", "countrycode": "RU", "state": "Tatarstan", "osm_value": "city"}},
]}


class FakeGeocoderHandler(BaseHTTPRequestHandler):
    """Answers /search (Nominatim) and /api (Photon) by the query text: kazan, busy (429), down (503), else nothing."""

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query).get("q", [""])[0].lower()
        self.server.requests.append({"path": url.path, "query": query, "agent": self.headers.get("User-Agent")})
        if query == "busy":
            return self.reply(429, {"error": "rate limited"})
        if query.startswith("down"):
            return self.reply(503, {"error": "maintenance"})
        if query == "forbidden":
            return self.reply(403, {"error": "blocked"})
        if url.path == "/api":
            return self.reply(200, KAZAN_PHOTON if query == "kazan" else {"type": "FeatureCollection", "features": []})
        return self.reply(200, [KAZAN_NOMINATIM] if query == "kazan" else [])

    def reply(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def running_server(handler):
    """A threaded HTTP server on 127.0.0.1 with `handler`, recording requests in `.requests`; stopped afterwards."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture()
def server():
    yield from running_server(FakeGeocoderHandler)


def make(server, tmp_path, service="nominatim", **options):
    sleeps = []
    geocoder = OnlineGeocoder(service=service, url=f"http://127.0.0.1:{server.server_port}", user_agent="incident-map-test/1",
                              cache_path=tmp_path / "cache.sqlite", timeout=5, retries=2, backoff=0.5,
                              gate=RateGate(0.0), sleep=sleeps.append, **options)
    return geocoder, sleeps


def test_found_and_cached(server, tmp_path):
    geocoder, _ = make(server, tmp_path)
    place = geocoder.geocode("Kazan")
    assert (place.name, place.country, place.admin1, place.kind, place.source) == ("Kazan", "RU", "Tatarstan", "city", "nominatim")
    assert place.timezone == "Europe/Moscow"
    assert server.requests[0]["agent"] == "incident-map-test/1"
    geocoder.geocode("Kazan")
    assert len(server.requests) == 1, "second answer comes from the cache"
    again, _ = make(server, tmp_path)
    assert again.geocode("Kazan").lat == pytest.approx(55.7887)
    assert len(server.requests) == 1, "the cache persists on disk"


def test_not_found_is_distinct_and_cached(server, tmp_path):
    geocoder, _ = make(server, tmp_path)
    with pytest.raises(PlaceNotFound):
        geocoder.geocode("Nowhere")
    with pytest.raises(PlaceNotFound):
        geocoder.geocode("Nowhere")
    assert len(server.requests) == 1


def test_unavailable_after_retries_with_backoff(server, tmp_path):
    geocoder, sleeps = make(server, tmp_path)
    with pytest.raises(GeocoderUnavailable) as raised:
        geocoder.geocode("down")
    assert not isinstance(raised.value, RateLimited)
    assert len(server.requests) == 3
    assert sleeps == [0.5, 1.0]


def test_rate_limited_is_its_own_error(server, tmp_path):
    geocoder, _ = make(server, tmp_path)
    with pytest.raises(RateLimited):
        geocoder.geocode("busy")
    assert len(server.requests) == 3


def test_refusal_is_not_retried(server, tmp_path):
    geocoder, _ = make(server, tmp_path)
    with pytest.raises(GeocoderUnavailable, match="refused"):
        geocoder.geocode("forbidden")
    assert len(server.requests) == 1


def test_nothing_listening(tmp_path):
    geocoder = OnlineGeocoder(url="http://127.0.0.1:9", cache_path=tmp_path / "c.sqlite", retries=1, backoff=0,
                              gate=RateGate(0.0), sleep=lambda s: None, timeout=2)
    with pytest.raises(GeocoderUnavailable):
        geocoder.geocode("Kazan")


def test_photon_filters_by_country(server, tmp_path):
    geocoder, _ = make(server, tmp_path, service="photon")
    assert geocoder.geocode("Kazan").country == "TR"
    assert geocoder.geocode("Kazan", country="RU").admin1 == "Tatarstan"
    assert server.requests[0]["path"] == "/api"


def test_bad_configuration(tmp_path):
    with pytest.raises(InvalidQuery):
        OnlineGeocoder(service="google", cache_path=tmp_path / "c.sqlite")
    with pytest.raises(InvalidQuery):
        OnlineGeocoder(user_agent=" ", cache_path=tmp_path / "c.sqlite")


def test_rate_gate_spaces_requests_one_second_apart():
    now = [100.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    gate = RateGate(1.0, clock=lambda: now[0], sleep=sleep)
    gate.wait()
    now[0] += 0.25
    gate.wait()
    gate.wait()
    assert slept == [pytest.approx(0.75), pytest.approx(1.0)]


def test_the_next_request_waits_a_full_interval_after_the_previous_one_ended(tmp_path):
    now, slept = [100.0], []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    gate = RateGate(1.0, SharedFile(tmp_path / "gate.sqlite"), clock=lambda: now[0], sleep=sleep)
    with gate.passage():
        now[0] += 3.0  # a slow answer (or a sender delayed after its slot)
    with gate.passage():
        pass
    assert slept == [pytest.approx(1.0)]  # counted from the end, not from the slot booked 3 s earlier
    assert gate.attempts() == 2


def test_module_geocode_falls_back_online_only_when_enabled(server, tmp_path, monkeypatch):
    with pytest.raises(PlaceNotFound):
        geocoding.geocode("Qwxzvplorp")
    online, _ = make(server, tmp_path)
    monkeypatch.setattr(geocoding, "online_geocoder", lambda: online)
    assert geocoding.geocode("Kazan").source == "geonames", "offline answers first"
    with pytest.raises(PlaceNotFound, match="nominatim"):
        geocoding.geocode("Qwxzvplorp")
    assert [r["query"] for r in server.requests] == ["qwxzvplorp"]


def test_online_geocoder_from_settings(monkeypatch, tmp_path, server):
    monkeypatch.setenv("INCIDENT_MAP_GEOCODER", "nominatim")
    monkeypatch.setenv("INCIDENT_MAP_GEOCODER_URL", f"http://127.0.0.1:{server.server_port}")
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(tmp_path))
    geocoding.online_geocoder.cache_clear()
    try:
        online = geocoding.online_geocoder()
        assert online.service == "nominatim" and online.cache.path.parent == tmp_path
    finally:
        geocoding.online_geocoder.cache_clear()
