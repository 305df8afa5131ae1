"""Places and geometry: gazetteer, geocoding, distances, regions and time zones; knows nothing of incidents."""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from geodata.gazetteer import Place

PACKAGE_DIR = Path(__file__).resolve().parent


def reference_place(name: str | None = None) -> "Place":
    """The reference place for distances: `name` ('lat,lon' allowed), else INCIDENT_MAP_REFERENCE (Moscow)."""
    from geodata.geocoding import resolve
    from geodata.settings import setting

    return resolve(name if name is not None else setting("INCIDENT_MAP_REFERENCE"))


def remembered_reference_place(name: str | None = None) -> "Place":
    """reference_place(name), kept in the cache folder under the text asked, the geocoder setting, the gazetteer's
    fingerprint and the code that resolves it: a new process (the app's cold start) finds its reference place
    without loading the gazetteer (0.1 s of processor time). Errors are not kept."""
    from geodata.files import cached_derived, file_digest
    from geodata.gazetteer import index_fingerprint
    from geodata.settings import setting

    text = name if name is not None else setting("INCIDENT_MAP_REFERENCE")
    inputs = [text, setting("INCIDENT_MAP_GEOCODER"), index_fingerprint(),
              *(file_digest(PACKAGE_DIR / f) for f in ("__init__.py", "geocoding.py", "regions.py", "coords.py"))]
    return cached_derived("reference-place", inputs, lambda: reference_place(text), _dump_place, _load_place)


def _dump_place(place: "Place") -> bytes:
    return json.dumps(place.to_dict(with_alternatives=False)).encode("utf-8")


def _load_place(data: bytes) -> "Place":
    """A Place from _dump_place's JSON; ValueError for anything else."""
    from geodata.gazetteer import Place

    fields = json.loads(data)
    if not isinstance(fields, dict) or not isinstance(fields.get("name"), str):
        raise ValueError("not a place")
    fields["alternatives"] = ()
    place = Place(**fields)
    if not (isinstance(place.lat, float) and isinstance(place.lon, float)):
        raise ValueError("a place without coordinates")
    return place


def remembered_airport(code: str) -> tuple[str, float, float] | None:
    """(name, lat, lon) of the airport with this IATA or ICAO code, None when the gazetteer has none: read from a
    table in the cache folder of the codes asked before (under the gazetteer's fingerprint), else from the gazetteer,
    then added to that table. A new process (the app's cold start) draws known airports without loading the
    gazetteer."""
    from geodata.files import remove_stale, write_atomically
    from geodata.gazetteer import get_gazetteer

    code = code.strip().upper()
    path, table = _airport_table()
    with _AIRPORTS_LOCK:
        found = table.get(code, False)
    if isinstance(found, list) and len(found) == 3:
        return str(found[0]), float(found[1]), float(found[2])
    if found is None:
        return None
    place = get_gazetteer().airport_by_code(code)
    answer = None if place is None else (str(place.name), float(place.lat), float(place.lon))
    with _AIRPORTS_LOCK:
        table[code] = None if answer is None else list(answer)
        payload = json.dumps(table, ensure_ascii=False).encode("utf-8")
    try:
        write_atomically(path, payload)
        remove_stale(path, AIRPORT_TABLE)
    except OSError:
        pass  # a read-only cache folder: this process keeps its answers in memory
    return answer


_AIRPORTS_LOCK = threading.Lock()
AIRPORT_TABLE = "airport-codes"  # the cache folder's file stem


@lru_cache(maxsize=1)
def _airport_table() -> tuple[Path, dict]:
    """The remembered airports' file and its table (read once per process; empty when missing or unreadable)."""
    from geodata.files import derived_path, file_digest
    from geodata.gazetteer import index_fingerprint

    path = derived_path(AIRPORT_TABLE, [index_fingerprint(), file_digest(PACKAGE_DIR / "__init__.py")])
    try:
        table = json.loads(path.read_bytes())
    except (OSError, ValueError):
        table = {}
    return path, table if isinstance(table, dict) else {}
