"""The frame contract: columns, dtypes, order, derived columns and the round-trip back to records."""

from datetime import date

import pandas as pd
import pytest

from incidents.frames import COLUMNS, empty_frame, from_frame, to_frame, to_geodataframe, with_reference
from tests.incidents.factory import make, rich


def test_columns_and_dtypes():
    frame = to_frame([rich(), make(started_at="2024-12-20", id="b")])
    assert tuple(frame.columns) == COLUMNS
    assert isinstance(frame.index, pd.RangeIndex)
    for name in ("killed", "injured", "drones_downed"):
        assert str(frame[name].dtype) == "Int64"
    assert frame["lat"].dtype == "float64" and frame["lon"].dtype == "float64"
    assert str(frame["day"].dtype) == "datetime64[ns]"
    assert str(frame["start_utc"].dtype) == "datetime64[ns, UTC]"
    assert frame["place"].dtype == object


def test_sorted_by_day_then_id_and_derived_columns():
    frame = to_frame([make(id="z", started_at="2024-12-22T01:00+03:00"), make(id="b", started_at="2024-12-21"),
                      make(id="a", started_at="2024-12-21T23:30-05:00")])
    assert frame["id"].tolist() == ["a", "b", "z"]
    # the local calendar day as written, even when the UTC instant is the next day
    assert frame["day"].dt.date.tolist() == [date(2024, 12, 21), date(2024, 12, 21), date(2024, 12, 22)]
    assert frame.loc[0, "start_utc"] == pd.Timestamp("2024-12-22T04:30Z")
    assert pd.isna(frame.loc[1, "start_utc"])


def test_not_stated_counts_stay_missing():
    frame = to_frame([rich()])
    assert frame.loc[0, "killed"] == 0
    assert frame.loc[0, "injured"] is pd.NA
    assert frame.loc[0, "ended_at"] == "2024-12-21T09:20+03:00"
    assert make().airport_iata is None and to_frame([make()]).loc[0, "airport_iata"] is None


def test_round_trip_records():
    records = [rich(), make(id="x", started_at="2024-01-02", killed=3, country="")]
    back = from_frame(to_frame(records))
    assert sorted(back, key=lambda i: i.id) == sorted(records, key=lambda i: i.id)


def test_empty_frame_matches_contract():
    empty, full = empty_frame(), to_frame([rich()])
    assert list(empty.columns) == list(full.columns)
    assert (empty.dtypes == full.dtypes).all()
    assert to_frame([]).empty and from_frame(empty) == []


def test_geodataframe_points_in_lon_lat_order():
    gdf = to_geodataframe(to_frame([make()]))
    assert gdf.crs.to_epsg() == 4326
    assert (gdf.geometry.x[0], gdf.geometry.y[0]) == (49.1088, 55.7963)


def test_with_reference_adds_distance_bearing_compass():
    frame = with_reference(to_frame([make()]), 55.7558, 37.6173)  # Moscow
    assert 700 < frame.loc[0, "ref_km"] < 740
    assert 70 < frame.loc[0, "ref_bearing"] < 100
    assert frame.loc[0, "ref_compass"] == "east"


def test_rows_without_sources_origin_or_evidence_share_one_immutable_empty():
    from incidents.frames import SHARED_EMPTY

    frame = to_frame([make(id="a"), make(id="b"), rich()])
    for name in ("sources", "origin", "evidence"):
        empties = [value for value in frame[name] if not value]
        assert len(empties) >= 2 and all(value is SHARED_EMPTY[name] for value in empties)
    with pytest.raises(TypeError):
        SHARED_EMPTY["origin"]["x"] = 1
    assert from_frame(frame)[0].to_dict()["sources"] == []
