"""Every store (memory, SQLite, PostGIS): merging upserts, field reports, --overwrite, row versions and edit
conflicts, streamed upserts, database-side filters and change notification."""

import threading
import time
from datetime import date

import pytest

from incidents.errors import IncidentsError
from incidents.model import IncidentFilter, Source
from incidents.selection import select
from incidents.storage import EditConflict, MemoryStore, SQLiteStore, open_store
from tests.incidents.factory import make, rich


def sources(n, prefix="s"):
    return [Source(f"{prefix} title {i}", f"https://example.org/{prefix}{i}", "2024-12-21", f"excerpt {i}")
            for i in range(n)]


def test_reimport_never_drops_sources_or_evidence(store):
    store.upsert([rich(sources=sources(4))])
    result = store.upsert([rich(sources=sources(1, "other"), evidence={"place": {"sentence": "in Kazan"}})])
    kept = store.get("kazan-1")
    assert [s.url for s in kept.sources[:4]] == [s.url for s in sources(4)] and len(kept.sources) == 5
    assert set(kept.evidence) == {"killed", "place"}
    assert result.changed_fields == {"sources": 1, "evidence": 1}
    assert store.upsert([rich(sources=sources(1, "other"))]).unchanged == 1  # the same file again: nothing to do


def test_reimport_keeps_values_a_person_entered_and_reports_them(store):
    store.upsert([rich(killed=3, verification="confirmed")])
    result = store.upsert([rich(killed=0, injured=2, verification="reported")])
    kept = store.get("kazan-1")
    assert (kept.killed, kept.injured, kept.verification) == (3, 2, "confirmed")
    assert result.kept_fields == {"killed": 1} and result.changed_fields == {"injured": 1}
    report = {(c["field"], c["action"]): (c["old"], c["new"]) for c in result.details()["changes"]}
    assert report == {("killed", "kept"): (3, 0), ("injured", "changed"): (None, 2)}


def test_overwrite_lets_an_import_replace_named_fields(store):
    store.upsert([rich(killed=3, notes="checked by hand")])
    store.upsert([rich(killed=5, notes="from the wire")], overwrite=["killed"])
    assert (store.get("kazan-1").killed, store.get("kazan-1").notes) == (5, "checked by hand")
    store.upsert([rich(killed=None, notes="from the wire")], overwrite=["all"])
    assert (store.get("kazan-1").killed, store.get("kazan-1").notes) == (5, "from the wire")  # empty never erases
    with pytest.raises(IncidentsError, match="cannot overwrite sources"):
        store.upsert([rich()], overwrite=["sources"])


def test_edit_conflict_refuses_the_older_version(store):
    store.upsert([make(id="e", killed=1)])
    row = store.get_row("e")
    assert row.version == 1
    saved = store.update("e", {"killed": 2}, row.version)
    assert saved.version == 2 and store.get_row("e").version == 2 and store.get("e").killed == 2
    with pytest.raises(EditConflict, match=r"incident e was changed by someone else at .+; reload") as caught:
        store.update("e", {"killed": 7}, row.version)
    assert caught.value.differences() == {"killed": (2, 7)}
    assert store.get("e").killed == 2
    with pytest.raises(EditConflict):
        store.upsert([make(id="e", injured=4)], expected={"e": row.version})
    assert store.get("e").injured is None
    assert store.upsert([make(id="e", injured=4)], expected={"e": 2}).updated == 1
    assert store.get_row("e").version == 3


def test_upsert_consumes_a_generator_in_chunks(store):
    def stream():
        for i in range(1200):
            yield make(id=f"g{i:05d}", started_at=f"2024-{1 + i % 12:02d}-01")

    result = store.upsert(stream())
    assert result.inserted == 1200 and store.count() == 1200
    assert [item.id for item in store.scan("g01190", 5)] == [f"g{i:05d}" for i in range(1191, 1196)]


def test_a_failing_generator_writes_nothing(store):
    def stream():
        for i in range(1100):
            yield make(id=f"f{i}")
        raise RuntimeError("importer broke")

    with pytest.raises(RuntimeError):
        store.upsert(stream())
    assert store.count() == 0


FILTERS = [
    IncidentFilter(start=date(2024, 3, 1), end=date(2024, 3, 30), event_types=("drone_strike",)),
    IncidentFilter(bbox=(50.0, 30.0, 56.0, 45.0)),
    IncidentFilter(bbox=(40.0, 170.0, 70.0, -170.0)),
    IncidentFilter(distance_km=(0.0, 100.0), reference=(55.7558, 37.6173)),
    IncidentFilter(distance_km=(300.0, 800.0), reference=(55.7558, 37.6173), countries=("RU",)),
    IncidentFilter(regions=("Tatarstan",), verification=("reported",), text="kazan"),
]


def test_database_filters_match_the_frame_selection(store):
    from incidents.synth import synth_incidents

    store.upsert(synth_incidents(600, seed=3) + [make(id="east", lat=60.0, lon=175.0), make(id="west", lon=-175.0,
                                                                                             lat=60.0)])
    frame = store.frame()
    for flt in FILTERS:
        assert list(store.select(flt)["id"]) == list(select(frame, flt)["id"]), flt
        if not flt.text:
            catalog = store.catalog(flt, ("id", "day", "event_type"))
            assert list(catalog["id"]) == list(select(frame, flt)["id"]), flt
            assert list(catalog.columns) == ["id", "day", "event_type", "lat", "lon"]
            assert catalog["day"].dtype == "datetime64[ns]"


def second_handle(store):
    """Another connection to the same store (the memory store has only itself)."""
    if isinstance(store, MemoryStore):
        return store
    return SQLiteStore(store.path) if isinstance(store, SQLiteStore) else open_store(store.url)


def test_wait_for_change_sees_another_writer(store):
    since = store.version()
    assert store.wait_for_change(since, 0.2) == since
    other = second_handle(store)
    writer = threading.Timer(0.3, lambda: other.upsert([make(id="late")]))
    writer.start()
    started = time.monotonic()
    assert store.wait_for_change(since, 10) != since
    assert time.monotonic() - started < 5 and store.get("late") is not None
    writer.join()
    if other is not store:
        other.close()
