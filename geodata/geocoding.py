"""Geocoding: names and airport references to Places, offline first, ambiguity settled by context, optional online fallback."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Protocol, Union

from geodata.errors import InvalidQuery, PlaceNotFound
from geodata.gazetteer import AIRPORT_WORDS, REGION_WORDS, Gazetteer, Place, get_gazetteer
from geodata.names import MAX_QUERY_CHARS, normalize
from geodata.settings import setting

ContextItem = Union[Place, str]
MAX_ALTERNATIVES = 5
MAX_CACHED_ANSWERS = 500_000
NEAR_KM = 300.0
AIRPORT_NEAR_KM = 60.0
# Score points; a place's base score is log10(population + 1) (a city of a million scores 6).
KIND_BASE = {"city": 0.0, "airport": 3.0, "region": 5.0, "country": 0.0}
PRIMARY_BONUS = 0.75  # a place called so today beats a 5x bigger one formerly called so (Pokrovsk vs Engels)
COUNTRY_CONTEXT_BONUS = 3.0
COUNTRY_REACH_KM = 2000.0  # the country bonus goes to places this near a place of the context (when it names any)
ADMIN1_CONTEXT_BONUS = 3.0
NEAR_CONTEXT_BONUS = 2.0
REGION_KIND_WORDS = frozenset(normalize(word) for word in (
    "oblast", "region", "republic", "respublika", "krai", "kray", "province", "okrug", "governorate", "voivodeship",
    "county", "state", "область", "республика", "край",
))
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)
_CODE = re.compile(r"^[A-Z0-9]{3,4}$")
_TOKEN = re.compile(r"\w+")
_AIRPORT_CUE = re.compile(r"\b(air ?port|air ?base|air ?field|aerodrome|аэропорт\w*|аэродром\w*|авиабаз\w*)\b",
                          re.IGNORECASE)
# Words that name a military airfield: the base, not the city's passenger airport ('Lipetsk air base' is Lipetsk-2).
_AIR_BASE_CUE = re.compile(r"\b(air ?base|military air ?field|авиабаз\w*|авіабаз\w*|военн\w* аэродром\w*|"
                           r"військов\w* аеродром\w*)\b", re.IGNORECASE)


class Geocoder(Protocol):
    """Anything that turns a place name into a Place (offline gazetteer, online service)."""

    def geocode(self, query: str, country: str | None = None, context: Iterable[ContextItem] = ()) -> Place:
        """The best place for the query; PlaceNotFound or InvalidQuery otherwise."""
        ...


# ---------------------------------------------------------------- input checks


def clean_query(query: object) -> str:
    """The query trimmed, or InvalidQuery when empty, too long, not text or holding control characters."""
    if not isinstance(query, str):
        raise InvalidQuery(f"a place name must be text, got {type(query).__name__}")
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"place name is {len(query)} characters long; the limit is {MAX_QUERY_CHARS}")
    # Invisible format characters copied from web pages (soft hyphen, zero-width space, direction marks) are dropped.
    text = "".join(char for char in query if unicodedata.category(char) != "Cf").strip()
    if not text:
        raise InvalidQuery("empty place name: give a name, an airport code or 'lat,lon'")
    bad = next((char for char in text if unicodedata.category(char) in ("Cc", "Cs", "Co")), None)
    if bad is not None:
        raise InvalidQuery(f"place name contains a control character (U+{ord(bad):04X}); remove it and retry")
    return text


def clean_country(country: object) -> str | None:
    """An ISO 3166-1 alpha-2 code in upper case, None when not given, else InvalidQuery."""
    if country is None or country == "":
        return None
    if not isinstance(country, str) or not re.fullmatch(r"[A-Za-z]{2}", country.strip()):
        raise InvalidQuery(f"country must be a two-letter ISO code such as RU or UA, got {country!r}")
    return country.strip().upper()


# ---------------------------------------------------------------- ranking (pure)


@dataclass(frozen=True)
class Hints:
    """What the surrounding text tells us: countries, admin-1 regions and points already resolved."""

    countries: frozenset[str] = frozenset()
    admin1s: frozenset[tuple[str, str]] = frozenset()
    points: tuple[tuple[float, float], ...] = ()
    wanted_kind: str | None = None


def rough_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere (good to 0.5 %: only used for ranking)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def score(place: Place, primary: bool, hints: Hints) -> float:
    """How likely the place is meant: size, kind, name match and agreement with the context."""
    value = math.log10(place.population + 1) + KIND_BASE.get(place.kind, 0.0) + (PRIMARY_BONUS if primary else 0.0)
    if place.country in hints.countries and (place.kind in ("country", "region") or _within_reach(place, hints.points)):
        value += COUNTRY_CONTEXT_BONUS
    if place.kind != "region" and place.admin1 and (place.country, place.admin1) in hints.admin1s:  # in, not is
        value += ADMIN1_CONTEXT_BONUS
    if any(rough_km(place.lat, place.lon, lat, lon) <= NEAR_KM for lat, lon in hints.points):
        value += NEAR_CONTEXT_BONUS
    return value


def _within_reach(place: Place, points: tuple[tuple[float, float], ...]) -> bool:
    """Whether the context's country speaks for a town or airport: no point of the context is known, or one lies
    within COUNTRY_REACH_KM (a town of Yakutia is not meant by an article about Saratov because both are in Russia)."""
    return not points or any(rough_km(place.lat, place.lon, lat, lon) <= COUNTRY_REACH_KM for lat, lon in points)


def rank(candidates: Iterable[tuple[Place, bool]], hints: Hints) -> list[Place]:
    """Candidates best first: the kind the query names ('... Oblast') before any other, then by score.

    Ties keep the gazetteer's population order.
    """
    scored = [(place.kind != hints.wanted_kind if hints.wanted_kind else False, -score(place, primary, hints), order,
               place) for order, (place, primary) in enumerate(candidates)]
    return [item[-1] for item in sorted(scored, key=lambda item: item[:3])]


def best_of(ranked: list[Place], query: str) -> Place:
    """The winner carrying its runners-up; PlaceNotFound when there is none."""
    if not ranked:
        raise PlaceNotFound(f"no place called {query!r} in the offline gazetteer")
    return ranked[0].with_alternatives(ranked[1:1 + MAX_ALTERNATIVES])


# ---------------------------------------------------------------- offline geocoder


class OfflineGeocoder:
    """Geocoder over the bundled gazetteer; answers are cached per (query, country, context)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._cache: dict[tuple[str, str | None, tuple], Place | str] = {}  # a str is a "not found" message

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, loaded on first use."""
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer()
        return self._gazetteer

    def geocode(self, query: str, country: str | None = None, context: Iterable[ContextItem] = ()) -> Place:
        """The most likely place for a name, an airport reference or code, given the country and context."""
        cache_key = (query, country, context if type(context) is tuple else checked_context(context))
        try:
            answer = self._cache.get(cache_key)
        except TypeError:  # an unhashable context item or country
            checked_context(context)  # raises InvalidQuery naming a wrong item
            raise InvalidQuery(f"country must be a two-letter ISO code, got {type(country).__name__}") from None
        if answer is None:
            try:
                answer = self._geocode(clean_query(query), clean_country(country), checked_context(cache_key[2]))
            except PlaceNotFound as error:
                answer = str(error)
            if len(self._cache) < MAX_CACHED_ANSWERS:
                self._cache[cache_key] = answer
        if isinstance(answer, str):
            raise PlaceNotFound(answer)
        return answer

    def _geocode(self, query: str, country: str | None, context: tuple[ContextItem, ...]) -> Place:
        if _AIRPORT_CUE.search(query) or self.by_code(query) is not None:
            try:
                return self.find_airport(query, country)
            except PlaceNotFound:
                pass
        name, *qualifiers = [part.strip() for part in query.split(",") if part.strip()] or [query]
        hints = replace(self.hints(context + tuple(qualifiers)), wanted_kind=kind_named(name))
        candidates = self.candidates(name)
        if not candidates and _AIRPORT_CUE.search(name):  # an air base the airport data lacks: its town, kind 'city'
            candidates = self.candidates(" ".join(airport_words(name)))
        if country:
            candidates = [item for item in candidates if item[0].country == country]
            if not candidates:
                raise PlaceNotFound(f"no place called {name!r} in {country} in the offline gazetteer")
        return best_of(rank(candidates, hints), query)

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """(place, matched by its primary name) for the name as given and without generic region words.

        When the whole name ("Moscow Oblast") matches a region, regions matching only the bare name ("Moscow": the
        federal city) are left out; places of other kinds stay as runners-up.
        """
        gazetteer = self.gazetteer
        key = normalize(name)
        rows = gazetteer.rows(key)
        stripped = " ".join(word for word in key.split() if word not in REGION_WORDS)
        if stripped and stripped != key:
            exact_region = any(gazetteer.place(row).kind == "region" for row, _ in rows)
            seen = {row for row, _ in rows}
            for row, primary in gazetteer.rows(stripped):
                if row not in seen and not (exact_region and gazetteer.place(row).kind == "region"):
                    seen.add(row)
                    rows.append((row, primary))
        return [(gazetteer.place(row), primary) for row, primary in rows]

    def hints(self, context: tuple[ContextItem, ...]) -> Hints:
        """Countries, regions and points named by the context (Places, ISO2 codes or names)."""
        places = [item if isinstance(item, Place) else self.context_place(item) for item in context]
        places = [place for place in places if place is not None]
        return Hints(
            countries=frozenset(place.country for place in places),
            admin1s=frozenset((place.country, place.admin1) for place in places if place.admin1),
            points=tuple((place.lat, place.lon) for place in places if place.kind in ("city", "airport", "point")),
        )

    def context_place(self, text: str) -> Place | None:
        """A context string as a Place: an ISO2 code becomes its country, a name its best region or country."""
        text = text.strip()
        if re.fullmatch(r"[A-Z]{2}", text):
            return Place(text, 0.0, 0.0, text, None, "country", "context", "UTC")
        found = self.gazetteer.lookup(text, kinds=("region", "country")) or self.gazetteer.lookup(text) if text else []
        return found[0] if found else None

    def find_airport(self, query: str, country: str | None = None) -> Place:
        """The airport meant by a code ('KZN', 'UWKD') or a phrase ('Kazan airport', "Saratov's Gagarin airport")."""
        query, country = clean_query(query), clean_country(country)
        words = airport_words(query)
        coded = self.by_code(query)
        if coded is not None and (country is None or coded.country == country):
            return coded
        found = self.airport_candidates(words)
        if _AIR_BASE_CUE.search(query):
            found = self.bases_first(found, " ".join(words))
        found = [place for place in found if country is None or place.country == country]
        if not found:
            raise PlaceNotFound(f"no airport matching {query!r} in the offline gazetteer")
        return best_of(found, query)

    def by_code(self, query: str) -> Place | None:
        """The airport whose IATA or ICAO code, in capitals, is all the query says besides airport words."""
        tokens = [token for token in _TOKEN.findall(_POSSESSIVE.sub("", query)) if normalize(token) not in AIRPORT_WORDS]
        if len(tokens) == 1 and tokens[0].isupper() and _CODE.match(tokens[0]):
            return self.gazetteer.airport_by_code(tokens[0])
        return None

    def airport_candidates(self, words: list[str]) -> list[Place]:
        """Airports for the remaining words, best first: by name, by served city, city + name, or near the city."""
        gazetteer = self.gazetteer
        phrase = " ".join(words)
        if not phrase:
            return []
        found = airports_ranked(gazetteer.lookup(phrase, kinds="airport")) + airports_ranked(gazetteer.airports_serving(phrase))
        for split in range(1, len(words)):
            city, name = " ".join(words[:split]), " ".join(words[split:])
            found += [place for place in airports_ranked(gazetteer.airports_serving(city))
                      if name in normalize(place.name)]
        return unique(found + self.airports_near(phrase) if not found else found)

    def bases_first(self, found: list[Place], phrase: str) -> list[Place]:
        """The airports found and those near the phrase's town, the air bases named after the town first ('Lipetsk-2 Air
        Base' for 'Lipetsk'), order kept otherwise; the town looked up once for both."""
        towns = self.gazetteer.lookup(phrase, kinds="city")
        near = self.airports_around(towns[0]) if towns else []
        town = normalize(towns[0].name) if towns else normalize(phrase)

        def named_base(place: Place) -> bool:
            name = normalize(place.name)
            return town in name and (place.source == "airbases" or "air base" in name or "airbase" in name)
        return sorted(unique(found + near), key=lambda place: not named_base(place))

    def airports_near(self, city_name: str) -> list[Place]:
        """Airports within AIRPORT_NEAR_KM of the most likely city of that name."""
        cities = self.gazetteer.lookup(city_name, kinds="city")
        return self.airports_around(cities[0]) if cities else []

    def airports_around(self, city: Place) -> list[Place]:
        """Airports within AIRPORT_NEAR_KM of a city, ranked."""
        return airports_ranked(self.gazetteer.airports_near(city.lat, city.lon, AIRPORT_NEAR_KM))


def checked_context(context: Iterable[ContextItem]) -> tuple[ContextItem, ...]:
    """The context as a tuple (a lone string or Place counts as one item); InvalidQuery for other item types."""
    items = (context,) if isinstance(context, (str, Place)) else tuple(context)
    wrong = next((item for item in items if not isinstance(item, (Place, str))), None)
    if wrong is not None:
        raise InvalidQuery(f"context items must be Places, ISO2 codes or names, got {type(wrong).__name__}")
    return items


def kind_named(name: str) -> str | None:
    """'region' when the name carries a region word (Saratov Oblast), else None."""
    key = normalize(name).split()
    return "region" if len(key) > 1 and any(word in REGION_KIND_WORDS for word in key) else None


def airport_words(query: str) -> list[str]:
    """The normalised words of an airport phrase minus possessives and generic airport words."""
    text = _POSSESSIVE.sub("", query)
    return [word for word in normalize(text).split() if word not in AIRPORT_WORDS]


def airports_ranked(places: Iterable[Place]) -> list[Place]:
    """Airports with an IATA code (scheduled service) first, then 'International' ones, keeping order otherwise."""
    places = list(places)
    return sorted(places, key=lambda place: (place.iata is None, "international" not in place.name.lower()))


def unique(places: Iterable[Place]) -> list[Place]:
    """Places without repeats, first occurrence kept."""
    seen: set[tuple[str, float, float]] = set()
    kept = []
    for place in places:
        key = (place.name, place.lat, place.lon)
        if key not in seen:
            seen.add(key)
            kept.append(place)
    return kept


# ---------------------------------------------------------------- module-level API


@lru_cache(maxsize=1)
def offline_geocoder() -> OfflineGeocoder:
    """The process-wide offline geocoder."""
    return OfflineGeocoder()


@lru_cache(maxsize=1)
def online_geocoder() -> Geocoder | None:
    """The online geocoder chosen by INCIDENT_MAP_GEOCODER, or None when it is 'offline' (the default)."""
    service = setting("INCIDENT_MAP_GEOCODER").lower()
    if service == "offline":
        return None
    from geodata.online import OnlineGeocoder

    return OnlineGeocoder.from_settings()


def geocode(query: str, country: str | None = None, context: Iterable[ContextItem] = ()) -> Place:
    """The most likely place for a name; the online geocoder (when enabled) is asked only if the offline one fails."""
    try:
        return offline_geocoder().geocode(query, country, context)
    except PlaceNotFound:
        online = online_geocoder()
        if online is None:
            raise
        return online.geocode(query, country, context)


def find_airport(query: str, country: str | None = None) -> Place:
    """The airport meant by a code or a phrase such as 'Kazan airport' or 'the airport of Izhevsk'."""
    return offline_geocoder().find_airport(query, country)


def place_at(lat: float, lon: float, name: str | None = None) -> Place:
    """A Place of kind 'point' for coordinates given directly, with its country, admin-1 and time zone looked up."""
    from geodata.coords import check_lat_lon
    from geodata.regions import reverse

    lat, lon = check_lat_lon(lat, lon)
    region = reverse(lat, lon)
    return Place(name=name or f"{lat:.5f},{lon:.5f}", lat=lat, lon=lon, country=region.country or "",
                 admin1=region.admin1, kind="point", source="coordinates", timezone=region.timezone)


def resolve(text: str, country: str | None = None) -> Place:
    """'lat,lon' as a point, anything else geocoded (used for reference places and the CLI)."""
    from geodata.coords import looks_like_lat_lon, parse_lat_lon

    cleaned = clean_query(text)
    if looks_like_lat_lon(cleaned):
        return place_at(*parse_lat_lon(cleaned))
    return geocode(cleaned, country)
