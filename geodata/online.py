"""Opt-in online geocoder (Nominatim or Photon via geopy): one rate gate and one SQLite cache shared by all processes."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlparse

try:
    import fcntl
except ImportError:  # not POSIX: the turn is kept within one process
    fcntl = None  # type: ignore[assignment]

from geodata.errors import GeocoderUnavailable, InvalidQuery, PlaceNotFound, RateLimited
from geodata.files import cache_dir
from geodata.gazetteer import Place
from geodata.geocoding import ContextItem, clean_country, clean_query
from geodata.settings import setting

SERVICES = ("nominatim", "photon")
KIND_BY_TYPE = {
    "aerodrome": "airport", "airport": "airport", "state": "region", "region": "region", "province": "region",
    "administrative": "region", "country": "country",
}
NOT_FOUND_TTL_S = 7 * 24 * 3600  # "not found" is asked again after a week: the map data grows
BUSY_TIMEOUT_S = 30.0
SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, value TEXT, stored REAL NOT NULL);
CREATE TABLE IF NOT EXISTS gate (name TEXT PRIMARY KEY, slot REAL NOT NULL, attempts INTEGER NOT NULL);
"""


class SharedFile:
    """The geocoder's SQLite file (WAL, busy timeout): every process and thread opening it shares its rows.

    Where the cache folder cannot be written, an in-memory database stands in (shared by this process only)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.lock = threading.Lock()
        self._turn_lock = threading.Lock()
        try:
            self.db = self._open(path)
        except (OSError, sqlite3.Error):
            self.path, self.db = None, self._open(None)

    @staticmethod
    def _open(path: Path | None) -> sqlite3.Connection:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path) if path else ":memory:", timeout=BUSY_TIMEOUT_S, isolation_level=None,
                             check_same_thread=False)
        if path is not None:
            db.execute("PRAGMA journal_mode=WAL")
        db.executescript(SCHEMA)
        return db

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Held by one caller at a time: in every process sharing the file (flock on `<file>.turn`), else in this one."""
        with self._turn_lock:
            if self.path is None or fcntl is None:
                yield
                return
            with open(self.path.with_name(self.path.name + ".turn"), "a") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: one writer at a time across processes (the lock), rolled back on error."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")


class RateGate:
    """Lets callers through no more often than once per `interval` seconds: across processes when it keeps its
    booked slot in a SharedFile, else across the threads of this process. Every pass is counted as an attempt."""

    def __init__(self, interval: float = 1.0, shared: SharedFile | None = None, name: str = "default",
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = interval
        self.shared = shared or SharedFile(None)
        self.name = name
        self.clock = clock
        self.sleep = sleep

    def wait(self) -> None:
        """Books the next free slot (now, or `interval` after the last one), then sleeps until it comes."""
        with self.shared.transaction() as db:
            row = db.execute("SELECT slot, attempts FROM gate WHERE name = ?", (self.name,)).fetchone()
            now = self.clock()
            slot = now if row is None else max(now, row[0] + self.interval)
            db.execute("INSERT OR REPLACE INTO gate (name, slot, attempts) VALUES (?, ?, ?)",
                       (self.name, slot, 1 if row is None else row[1] + 1))
        if slot > now:
            self.sleep(slot - now)

    @contextmanager
    def passage(self) -> Iterator[None]:
        """One request at a time, `interval` seconds after the previous one ENDED (not began): a sender delayed after
        its slot, or a slow answer, cannot bring two requests closer together at the server. Across processes through
        an OS lock on a file beside the shared one (released if a process dies), else across this process's threads."""
        with self.shared.turn():
            self.wait()
            try:
                yield
            finally:
                with self.shared.transaction() as db:
                    db.execute("UPDATE gate SET slot = ? WHERE name = ?", (self.clock(), self.name))

    def attempts(self) -> int:
        """Requests let through so far by every process sharing this gate."""
        with self.shared.lock:
            row = self.shared.db.execute("SELECT attempts FROM gate WHERE name = ?", (self.name,)).fetchone()
        return row[0] if row else 0


class SharedCache:
    """Answers by query in a SharedFile; a "not found" (None) expires after `not_found_ttl` seconds."""

    def __init__(self, shared: SharedFile, not_found_ttl: float = NOT_FOUND_TTL_S,
                 clock: Callable[[], float] = time.time) -> None:
        self.shared = shared
        self.path = shared.path
        self.not_found_ttl = not_found_ttl
        self.clock = clock

    def get(self, key: str) -> tuple[bool, Any]:
        """(found, value) for the key; an expired "not found" counts as not cached."""
        with self.shared.lock:
            row = self.shared.db.execute("SELECT value, stored FROM answers WHERE key = ?", (key,)).fetchone()
        if row is None or (row[0] is None and self.clock() - row[1] > self.not_found_ttl):
            return False, None
        return True, None if row[0] is None else json.loads(row[0])

    def put(self, key: str, value: Any) -> None:
        """Stores the value (None = not found) with the time it was learnt."""
        text = None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self.shared.transaction() as db:
            db.execute("INSERT OR REPLACE INTO answers (key, value, stored) VALUES (?, ?, ?)",
                       (key, text, self.clock()))


def with_contact(user_agent: str, contact: str) -> str:
    """The User-Agent naming who to contact: 'incident-map/0.1 (…) contact: ops@example.org'."""
    return f"{user_agent.strip()} contact: {contact.strip()}" if contact.strip() else user_agent.strip()


class OnlineGeocoder:
    """Geocoder backed by a Nominatim or Photon server through geopy, behind the same interface as the offline one."""

    def __init__(self, service: str = "nominatim", url: str = "", user_agent: str = "incident-map", contact: str = "",
                 cache_path: Path | None = None, timeout: float = 10.0, retries: int = 3, backoff: float = 1.0,
                 interval: float = 1.0, not_found_ttl: float = NOT_FOUND_TTL_S, gate: RateGate | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if service not in SERVICES:
            raise InvalidQuery(f"geocoder must be one of offline, {', '.join(SERVICES)}; got {service!r}")
        if not user_agent.strip():
            raise InvalidQuery("online geocoders need a user agent naming this application (INCIDENT_MAP_USER_AGENT)")
        if not url and not contact.strip():
            raise InvalidQuery(f"the public {service} service asks who is calling: set INCIDENT_MAP_CONTACT "
                               "(an e-mail address or URL), or INCIDENT_MAP_GEOCODER_URL for your own server")
        self.service = service
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        shared = SharedFile(cache_path or cache_dir() / "geocoder.sqlite")
        self.cache = SharedCache(shared, not_found_ttl)
        self.gate = gate or RateGate(interval, shared, name=f"{service} {url or 'public'}", sleep=sleep)
        self.client = make_client(service, url, with_contact(user_agent, contact), timeout)

    @classmethod
    def from_settings(cls) -> "OnlineGeocoder":
        """The geocoder described by INCIDENT_MAP_GEOCODER, _GEOCODER_URL, _USER_AGENT and INCIDENT_MAP_CONTACT."""
        return cls(service=setting("INCIDENT_MAP_GEOCODER").lower(), url=setting("INCIDENT_MAP_GEOCODER_URL"),
                   user_agent=setting("INCIDENT_MAP_USER_AGENT"), contact=setting("INCIDENT_MAP_CONTACT"))

    def geocode(self, query: str, country: str | None = None, context: Iterable[ContextItem] = ()) -> Place:
        """The service's best answer (cached; 'not found' for NOT_FOUND_TTL_S); context is not used online."""
        query, country = clean_query(query), clean_country(country)
        key = f"{self.service}|{query}|{country or ''}"
        found, cached = self.cache.get(key)
        if not found:
            cached = self.ask(query, country)
            self.cache.put(key, cached)
        if cached is None:
            raise PlaceNotFound(f"{self.service} found no place called {query!r}" + (f" in {country}" if country else ""))
        return place_from_dict(cached, self.service)

    def ask(self, query: str, country: str | None) -> dict[str, Any] | None:
        """One lookup with retries and backoff, every attempt through the gate (geopy itself never retries); a plain
        dict of the answer, or None when there is none."""
        from geopy import exc

        last: Exception | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                with self.gate.passage():
                    answer = self.query_service(query, country)
                return answer_dict(answer, self.service, country)
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
    from geopy.adapters import URLLibAdapter
    from geopy.geocoders import Nominatim, Photon

    # urllib makes one request per call: the requests adapter would retry on its own, outside the rate gate
    options: dict[str, Any] = {"user_agent": user_agent, "timeout": timeout, "adapter_factory": URLLibAdapter}
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
