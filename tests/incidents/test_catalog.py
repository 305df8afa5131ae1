"""The read model: hot columns per store version, bad stored rows reported and left out, details loaded by id."""

import sqlite3
from datetime import date

import numpy as np
import pandas as pd
import pytest

from incidents.catalog import DETAIL_COLUMNS, HOT_COLUMNS, Reference, build_catalog, load_catalog
from incidents.frames import to_frame
from incidents.model import EVENT_TYPES, IncidentFilter
from incidents.selection import positions, select_catalog
from incidents.storage import SQLiteStore
from tests.incidents.factory import make, rich

MOSCOW = Reference("Moscow", 55.7558, 37.6173)


@pytest.fixture
def store(tmp_path):
    made = SQLiteStore(tmp_path / "s.sqlite")
    made.upsert([rich(), make(id="b", started_at="2024-12-20", event_type="airspace_restriction", status="active"),
                 make(id="c", started_at="2024-12-22T10:00+03:00", place="Izhevsk")])
    yield made
    made.close()


def write_raw(store: SQLiteStore, incident_id: str, **values) -> None:
    """A row written straight into the SQLite file, past the model's validation (as an old or foreign writer may)."""
    row = {"id": incident_id, "event_type": "drone_strike", "lat": 55.0, "lon": 49.0, "started_at": "2024-12-21",
           "day": "2024-12-21", **values}
    with sqlite3.connect(store.path) as db:
        db.execute(f"INSERT INTO incidents ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                   tuple(row.values()))


def test_catalog_keeps_hot_columns_sorted_by_day_with_vocabulary_codes(store):
    catalog = load_catalog(store, MOSCOW)
    frame = catalog.frame
    assert tuple(frame.columns) == HOT_COLUMNS and not set(DETAIL_COLUMNS) & set(frame.columns)
    assert frame["id"].tolist() == ["b", "kazan-1", "c"] and catalog.version == store.version()
    assert list(frame["event_type"].cat.categories) == list(EVENT_TYPES)
    assert catalog.bounds == (date(2024, 12, 20), date(2024, 12, 22)) and catalog.newest == date(2024, 12, 22)
    assert frame.loc[frame["id"] == "kazan-1", "ref_km"].round(-1).item() == 720.0
    assert frame.loc[frame["id"] == "kazan-1", "source_url"].item() == "https://example.org/a"
    assert catalog.skipped == 0 and catalog.problems == ()


def test_details_are_read_from_the_store_for_the_ids_asked_only(store):
    catalog = load_catalog(store, MOSCOW)
    details = catalog.details(["kazan-1", "nope"])
    assert details["id"].tolist() == ["kazan-1"]
    assert details["sources"].iloc[0][0]["title"] == "Kazan attacked"
    assert details["evidence"].iloc[0]["killed"]["start"] == 0 and details["origin"].iloc[0]["format"] == "test"
    full = catalog.with_details(catalog.frame)
    assert list(full.loc[full["id"] == "b", "sources"].item()) == [] and full.loc[full["id"] == "b", "origin"].item() == {}


@pytest.mark.parametrize("field, values", [
    ("started_at", {"started_at": "2300-01-01", "day": "2300-01-01"}),
    ("started_at", {"started_at": "garbage", "day": "garbage"}),
    ("started_at", {"started_at": "1850-05-01", "day": "1850-05-01"}),
    ("event_type", {"event_type": "teleportation"}),
    ("lat", {"lat": "north"}),
    ("lon", {"lon": 540.0}),
])
def test_a_bad_stored_row_is_reported_and_left_out_never_fatal(store, field, values):
    write_raw(store, "bad-1", **values)
    catalog = load_catalog(store, MOSCOW)
    assert "bad-1" not in set(catalog.frame["id"]) and len(catalog) == 3
    assert catalog.skipped == 1
    (problem,) = catalog.problems
    assert problem["id"] == "bad-1" and problem["field"] == field and "left out" in problem["message"]
    assert len(positions(catalog, IncidentFilter())) == 3


def test_bad_counts_in_the_store_read_as_not_stated(store):
    write_raw(store, "odd-counts", killed="many", injured=2.5)
    frame = load_catalog(store).frame
    row = frame[frame["id"] == "odd-counts"].iloc[0]
    assert row["killed"] is pd.NA and row["injured"] is pd.NA


def test_free_text_searches_each_distinct_text_once_and_matches_a_scan():
    frame = to_frame([rich(), make(id="x", place="Izhevsk"), make(id="y", place="Izhevsk", notes="Night ATTACK")])
    catalog = build_catalog(frame)
    assert len(catalog.texts) == 3 and catalog.text_codes.dtype == np.int32
    assert select_catalog(catalog, IncidentFilter(text="NEUTRALIZED"))["id"].tolist() == ["kazan-1"]
    assert select_catalog(catalog, IncidentFilter(text="attack"))["id"].tolist() == ["kazan-1", "y"]
    assert select_catalog(catalog, IncidentFilter(text="izhevsk", start=date(2024, 12, 21)))["id"].tolist() == ["x", "y"]


def test_catalog_of_a_frame_reads_details_from_the_frame():
    catalog = build_catalog(to_frame([rich()]))
    assert catalog.details(["kazan-1"])["distance_claim"].iloc[0]["verdict"] == "overstated"
    assert build_catalog(to_frame([])).bounds is None


def test_a_store_catalog_reads_only_its_columns_and_matches_the_whole_frame(store):
    """load_catalog reads through Storage.catalog(flt, columns), never the whole frame; the result is the same."""
    asked: list[tuple[str, ...]] = []
    read, whole = store.catalog, store.frame

    def catalog(flt, columns):
        asked.append(tuple(columns))
        return read(flt, columns)

    def frame():
        raise AssertionError("the catalog must not read every column of the store")

    store.catalog, store.frame = catalog, frame
    mine = load_catalog(store, MOSCOW)
    store.catalog, store.frame = read, whole
    assert asked and not {"evidence", "origin", "distance_claim"} & set(asked[0])
    pd.testing.assert_frame_equal(mine.frame, build_catalog(store.frame(), reference=MOSCOW).frame)
    assert mine.texts.equals(build_catalog(store.frame(), reference=MOSCOW).texts)


def test_starts_parse_as_the_frame_contract_does():
    from incidents.catalog import parse_starts
    from incidents.frames import finish_frame

    texts = ["2024-12-21T10:00+03:00", "2024-12-21T10:00:30Z", "2024-12-21", "garbage", "2024-12-21T10:00:30.5+03:00",
             None, "2300-01-01T00:00+00:00", "2024-1-5", "2024-12-21T23:30-05:30", "1850-01-01T00:00+00:00",
             "2024-02-30T10:00+00:00", "2024-02-30", "", "2024-12-21 10:00:00+03:00"]
    day, utc = parse_starts(pd.Series(texts, dtype=object))
    record = rich().to_dict()
    expected = finish_frame({**{name: [value] * len(texts) for name, value in record.items()}, "started_at": texts},
                            presorted=True)
    pd.testing.assert_series_equal(day, expected["day"], check_names=False)
    pd.testing.assert_series_equal(utc, expected["start_utc"], check_names=False)
