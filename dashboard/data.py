"""All of the app's caching: the incident frame per store version, facets and selections; writes invalidate the cache.

The cached objects are shared read-only between sessions (they are the store's content, not anybody's view); what a
user looks at lives in their own st.session_state. Frames are cached with st.cache_resource keyed on the store
version, never with st.cache_data (which would pickle and hash them, and GeoDataFrames hash a sample and go stale).
"""

from __future__ import annotations

import logging
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

import pandas as pd
import streamlit as st

from dashboard.settings import dashboard_setting
from incidents.frames import empty_frame, with_reference
from incidents.model import Incident, IncidentFilter
from incidents.selection import counts_by_type, select, window_bounds

CACHE_SETTING = "INCIDENT_MAP_APP_CACHE"
_WARMING: list[threading.Thread] = []  # the process's one warm-up thread, once started
_WARM_LOCK = threading.Lock()


@dataclass(frozen=True)
class Reference:
    """The reference city for distances: its name and (lat, lon)."""

    name: str
    lat: float
    lon: float

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)


@dataclass(frozen=True)
class Facets:
    """What the sidebar offers: countries, regions per country, verification values, newest/oldest day, max distance."""

    countries: tuple[str, ...]
    regions: dict[str, tuple[str, ...]]
    verifications: tuple[str, ...]
    bounds: tuple | None
    max_km: float
    area: tuple  # the basemap's (box, countries) for every map of this store content


def caching_enabled() -> bool:
    """False only when INCIDENT_MAP_APP_CACHE is 'off' (the benchmark's naive baseline)."""
    return dashboard_setting(CACHE_SETTING).lower() not in ("off", "0", "false", "no")


def prepare() -> str:
    """Load what every first map needs, building its files in the cache folder when missing (`make run` does this
    before serving, so a new machine's first page does not): the gazetteer, the reference place, the basemap layers.
    Returns the reference place's name."""
    from dashboard.maps import basemap
    from geodata import reference_place

    place = reference_place()  # loads the gazetteer (the reference place and the airports)
    basemap.world_countries()  # the world layer (read from the cache folder, or decoded once and saved there)
    basemap.admin1_near((0.0, 0.0, 0.0, 0.0))  # the admin-1 level (an empty box: nothing else is cached)
    return place.name


def _warm_up() -> None:
    try:
        prepare()
    except Exception:  # noqa: BLE001 - a failed warm-up only means the first map does this work itself
        logging.getLogger(__name__).warning("warm-up failed", exc_info=True)


def warm_up() -> threading.Thread:
    """Start loading the gazetteer and the offline basemap in a background thread, once per process
    (app.py starts it at the first session); later calls return the same thread."""
    with _WARM_LOCK:
        if not _WARMING:
            thread = threading.Thread(target=_warm_up, name="warm-up", daemon=True)
            thread.start()
            _WARMING.append(thread)
        return _WARMING[0]


def store_url() -> str | None:
    """The store the app reads: INCIDENTS_DB, or the store package's default."""
    return os.environ.get("INCIDENTS_DB", "").strip() or None


@st.cache_resource(max_entries=4, show_spinner=False)
def _cached_store(url: str | None) -> object:
    from incidents.storage import open_store

    return open_store(url)


@contextmanager
def opened_store() -> Iterator[object]:
    """The store INCIDENTS_DB names, opened once per process (stores lock internally; `memory:` must be one object)."""
    yield _cached_store(store_url())


def store_version() -> int:
    """The store's write counter: the key every cached value hangs on."""
    with opened_store() as store:
        return int(store.version())


def store_summary() -> tuple[str, int]:
    """(description, incident count) of the store in use."""
    with opened_store() as store:
        return store.describe(), int(store.count())


def reference() -> Reference:
    """The reference city (INCIDENT_MAP_REFERENCE, Moscow by default)."""
    return _cached_reference() if caching_enabled() else _load_reference()


def _load_reference() -> Reference:
    from geodata import reference_place

    place = reference_place()
    return Reference(place.name, float(place.lat), float(place.lon))


@st.cache_resource(show_spinner=False)
def _cached_reference() -> Reference:
    return _load_reference()


def _load_frame(url: str | None) -> pd.DataFrame:
    with opened_store() as store:
        frame = store.frame()
    ref = reference()
    return with_reference(frame if frame is not None else empty_frame(), ref.lat, ref.lon)


@st.cache_resource(max_entries=2, show_spinner="Loading incidents…")
def _cached_frame(url: str | None, version: int) -> pd.DataFrame:
    return _load_frame(url)


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The store's content at one version: the frame contract plus ref_km/ref_bearing/ref_compass. Read-only."""

    url: str | None
    version: int
    frame: pd.DataFrame


def snapshot() -> Snapshot:
    """The current store content, from the cache unless the store was written since (or caching is off)."""
    url = store_url()
    version = store_version()
    frame = _cached_frame(url, version) if caching_enabled() else _load_frame(url)
    return Snapshot(url, version, frame)


def _load_facets(frame: pd.DataFrame) -> Facets:
    from dashboard.views.mapping import store_area

    regions: dict[str, tuple[str, ...]] = {}
    pairs = frame[["country", "admin1"]].dropna().drop_duplicates()
    for country, group in pairs.groupby("country", sort=True):
        regions[str(country)] = tuple(sorted(str(r) for r in group["admin1"] if str(r)))
    max_km = float(frame["ref_km"].max()) if len(frame) else 0.0
    return Facets(
        countries=tuple(sorted(str(c) for c in frame["country"].dropna().unique() if str(c))),
        regions=regions,
        verifications=tuple(sorted(str(v) for v in frame["verification"].dropna().unique())),
        bounds=window_bounds(frame),
        max_km=max_km,
        area=store_area(frame, reference()),
    )


@st.cache_resource(max_entries=2, show_spinner=False)
def _cached_facets(url: str | None, version: int, _frame: pd.DataFrame) -> Facets:
    return _load_facets(_frame)


def facets(snap: Snapshot) -> Facets:
    """The sidebar's choices for the store's current content."""
    if not caching_enabled():
        return _load_facets(snap.frame)
    return _cached_facets(snap.url, snap.version, snap.frame)


@st.cache_resource(max_entries=16, show_spinner=False)
def _cached_selection(
    url: str | None, version: int, key: str, _frame: pd.DataFrame, _flt: IncidentFilter
) -> pd.DataFrame:
    return select(_frame, _flt)


def selection(snap: Snapshot, flt: IncidentFilter) -> pd.DataFrame:
    """The rows passing `flt` (read-only), cached per store version and filter."""
    if not caching_enabled():
        return select(snap.frame, flt)
    return _cached_selection(snap.url, snap.version, repr(flt), snap.frame, flt)


def type_counts(snap: Snapshot, start: date | None, end: date | None) -> dict[str, int]:
    """Incidents per event type in a date window (the counts shown next to the type choices)."""
    return counts_by_type(selection(snap, IncidentFilter(start=start, end=end)))


def save_incidents(incidents: Iterable[Incident]) -> object:
    """Upsert into the store in one transaction, then drop every cached value so all pages see the write."""
    with opened_store() as store:
        result = store.upsert(list(incidents))
    clear_caches()
    return result


def clear_caches() -> None:
    """Forget every cached frame, facet and selection."""
    for cached in (_cached_frame, _cached_facets, _cached_selection, _cached_map):
        cached.clear()


def _map_settings() -> tuple[str, ...]:
    from dashboard.settings import SETTINGS

    return tuple(item.value() for item in SETTINGS)


@st.cache_resource(max_entries=12, show_spinner=False)
def _cached_map(
    url: str | None,
    version: int,
    key: str,
    selected: str | None,
    settings: tuple[str, ...],
    _frame: pd.DataFrame,
    _reference: Reference,
    _area: tuple,
) -> DrawnMap:
    return _render_map(_frame, selected, _reference, _area)


@dataclass(frozen=True, eq=False)
class DrawnMap:
    """A rendered map (a map_component.MapPayload) and (ids, lats, lons) where it draws each incident."""

    payload: object
    points: tuple


def _render_map(frame: pd.DataFrame, selected: str | None, ref: Reference, area: tuple | None) -> DrawnMap:
    from dashboard.views.map_component import map_payload
    from dashboard.views.mapping import build_app_map, drawn_points

    return DrawnMap(map_payload(build_app_map(frame, selected, ref, area)), drawn_points(frame))


def map_for(snap: Snapshot, flt: IncidentFilter, frame: pd.DataFrame, selected: str | None, ref: Reference) -> DrawnMap:
    """The map of `frame`, the rows of `flt`, cached per store version, filter and selection; its basemap covers
    the whole store, so a new filter reuses the cached basemap and builds only the incidents."""
    area = facets(snap).area
    warm_up().join()  # the basemap being decoded in the background: wait for it rather than decode it twice
    if not caching_enabled():
        return _render_map(frame, selected, ref, area)
    return _cached_map(snap.url, snap.version, repr(flt), selected, _map_settings(), frame, ref, area)
