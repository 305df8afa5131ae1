"""Opt-in online geocoder (Nominatim or Photon via geopy): one request per second per process, cached, retried."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlparse

from geodata.errors import GeocoderUnavailable, InvalidQuery, PlaceNotFound, RateLimited
from geodata.files import cache_dir, write_atomically
from geodata.gazetteer import Place
from geodata.geocoding import ContextItem, clean_country, clean_query
from geodata.settings import setting

SERVICES = ("nominatim", "photon")
KIND_BY_TYPE = {
    "aerodrome": "airport", "airport": "airport", "state": "region", "region": "region", "province": "region",
    "administrative": "region", "country": "country",
}


class RateGate:
    """Lets callers through no more often than once per `interval` seconds, across threads."""

    def __init__(self, interval: float = 1.0, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self.lock = threading.Lock()
        self.last: float | None = None

    def wait(self) -> None:
        """Blocks until the next request may go out, then books that moment."""
        with self.lock:
            if self.last is not None:
                delay = self.last + self.interval - self.clock()
                if delay > 0:
                    self.sleep(delay)
            self.last = self.clock()


PROCESS_GATE = RateGate(1.0)  # shared by every OnlineGeocoder in the process: at most one request per second


class JsonCache:
    """A small persistent dict in a JSON file, rewritten atomically on every new entry."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.data: dict[str, Any] | None = None

    def load(self) -> dict[str, Any]:
        """The cached entries (an unreadable file counts as empty)."""
        if self.data is None:
            try:
                self.data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.data = {}
        return self.data

    def get(self, key: str) -> tuple[bool, Any]:
        """(found, value) for the key."""
        with self.lock:
            data = self.load()
            return (key in data, data.get(key))

    def put(self, key: str, value: Any) -> None:
        """Stores the value and writes the file."""
        with self.lock:
            data = self.load()
            data[key] = value
            try:
                write_atomically(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            except OSError:
                pass  # read-only cache folder: keep answers in memory only


class OnlineGeocoder:
    """Geocoder backed by a Nominatim or Photon server through geopy, behind the same interface as the offline one."""

    def __init__(self, service: str = "nominatim", url: str = "", user_agent: str = "incident-map",
                 cache_path: Path | None = None, timeout: float = 10.0, retries: int = 3, backoff: float = 1.0,
                 gate: RateGate = PROCESS_GATE, sleep: Callable[[float], None] = time.sleep) -> None:
        if service not in SERVICES:
            raise InvalidQuery(f"geocoder must be one of offline, {', '.join(SERVICES)}; got {service!r}")
        if not user_agent.strip():
            raise InvalidQuery("online geocoders need a user agent naming this application (INCIDENT_MAP_USER_AGENT)")
        self.service = service
        self.retries = retries
        self.backoff = backoff
        self.gate = gate
        self.sleep = sleep
        self.cache = JsonCache(cache_path or cache_dir() / f"geocoder-{service}.json")
        self.client = make_client(service, url, user_agent, timeout)

    @classmethod
    def from_settings(cls) -> "OnlineGeocoder":
        """The geocoder described by INCIDENT_MAP_GEOCODER, _GEOCODER_URL and _USER_AGENT."""
        return cls(service=setting("INCIDENT_MAP_GEOCODER").lower(), url=setting("INCIDENT_MAP_GEOCODER_URL"),
                   user_agent=setting("INCIDENT_MAP_USER_AGENT"))

    def geocode(self, query: str, country: str | None = None, context: Iterable[ContextItem] = ()) -> Place:
        """The service's best answer (cached, including 'not found'); context is not used online."""
        query, country = clean_query(query), clean_country(country)
        key = f"{query}|{country or ''}"
        found, cached = self.cache.get(key)
        if not found:
            cached = self.ask(query, country)
            self.cache.put(key, cached)
        if cached is None:
            raise PlaceNotFound(f"{self.service} found no place called {query!r}" + (f" in {country}" if country else ""))
        return place_from_dict(cached, self.service)

    def ask(self, query: str, country: str | None) -> dict[str, Any] | None:
        """One lookup with retries and backoff; a plain dict of the answer, or None when there is none."""
        from geopy import exc

        last: Exception | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self.gate.wait()
            try:
                return answer_dict(self.query_service(query, country), self.service, country)
            except exc.GeocoderRateLimited as error:
                last = error
            except (exc.GeocoderUnavailable, exc.GeocoderTimedOut) as error:
                last = error
            except exc.GeocoderServiceError as error:  # refused (403), bad query (400): retrying will not help
                raise GeocoderUnavailable(f"{self.service} refused the request: {error}") from error
        if isinstance(last, exc.GeocoderRateLimited):
            raise RateLimited(f"{self.service} is rate-limiting us after {self.retries + 1} tries; wait and retry") from last
        raise GeocoderUnavailable(f"{self.service} is unavailable after {self.retries + 1} tries: {last}") from last

    def query_service(self, query: str, country: str | None) -> Any:
        """The raw geopy answer: a Location, a list of them, or None."""
        if self.service == "nominatim":
            return self.client.geocode(query, exactly_one=True, addressdetails=True, language="en",
                                       country_codes=country.lower() if country else None)
        return self.client.geocode(query, exactly_one=False, language="en", limit=10)


def make_client(service: str, url: str, user_agent: str, timeout: float) -> Any:
    """A geopy geocoder for the service at `url` (the public endpoint when empty)."""
    from geopy.geocoders import Nominatim, Photon

    options: dict[str, Any] = {"user_agent": user_agent, "timeout": timeout}
    if url:
        parsed = urlparse(url if "://" in url else f"https://{url}")
        options.update(domain=(parsed.netloc + parsed.path).rstrip("/"), scheme=parsed.scheme)
    return Nominatim(**options) if service == "nominatim" else Photon(**options)


def answer_dict(answer: Any, service: str, country: str | None) -> dict[str, Any] | None:
    """The first usable geopy Location as a plain dict (Photon answers filtered by country here)."""
    locations = answer if isinstance(answer, list) else [answer] if answer is not None else []
    for location in locations:
        fields = raw_fields(location.raw, service)
        if country is None or fields["country"] == country:
            return {"name": fields["name"] or location.address.split(",")[0], "lat": location.latitude,
                    "lon": location.longitude, "country": fields["country"], "admin1": fields["admin1"],
                    "kind": fields["kind"]}
    return None


def raw_fields(raw: dict[str, Any], service: str) -> dict[str, Any]:
    """Name, ISO2 country, admin-1 and kind from a Nominatim or Photon raw record."""
    if service == "photon":
        props = raw.get("properties", {})
        return {"name": props.get("name", ""), "country": (props.get("countrycode") or "").upper(),
                "admin1": props.get("state"), "kind": KIND_BY_TYPE.get(props.get("osm_value", ""), "city")}
    address = raw.get("address", {})
    kind = KIND_BY_TYPE.get(raw.get("addresstype") or raw.get("type", ""), "city")
    return {"name": raw.get("name", ""), "country": (address.get("country_code") or "").upper(),
            "admin1": address.get("state"), "kind": kind}


def place_from_dict(data: dict[str, Any], service: str) -> Place:
    """A Place from a cached answer; the time zone is looked up offline."""
    from geodata.regions import timezone_at

    lat, lon = float(data["lat"]), float(data["lon"])
    return Place(name=data["name"], lat=lat, lon=lon, country=data["country"], admin1=data.get("admin1"),
                 kind=data.get("kind", "city"), source=service, timezone=timezone_at(lat, lon))
