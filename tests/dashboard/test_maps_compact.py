"""The compact incident payload: fixed-width base-64 records, overflow, times and string tables."""

import numpy as np
import pytest

from dashboard.maps.compact import ALPHABET, WIDTH, decode_record, encode_digits, pack_incidents
from incidents.frames import to_frame
from incidents.model import Incident


def pack(incidents):
    frame = to_frame(incidents)
    return frame, pack_incidents(frame, np.full(len(frame), 721.4), np.full(len(frame), 4))


def test_digits_round_trip_and_refuse_overflow():
    values = np.array([0, 1, 63, 64, 4095, 64**3 - 1])
    text = encode_digits(values, 3).tobytes().decode("ascii")
    assert set(text) <= set(ALPHABET)
    decoded = [sum(ALPHABET.index(c) * 64 ** (2 - k) for k, c in enumerate(text[i * 3:i * 3 + 3])) for i in range(6)]
    assert decoded == values.tolist()
    with pytest.raises(ValueError):
        encode_digits(np.array([64**3]), 3)


def test_big_counts_overflow_into_a_side_table_and_not_stated_stays_zero():
    frame, payload = pack([
        Incident(event_type="strike", lat=50.0, lon=30.0, started_at="2024-01-02", killed=500, injured=None),
        Incident(event_type="strike", lat=51.0, lon=31.0, started_at="2024-01-01", killed=0, drones_downed=61),
    ])
    first = decode_record(payload["rec"], 0)  # sorted by day: 2024-01-01 first
    second = decode_record(payload["rec"], 1)
    assert (first["killed"], first["drones"], first["injured"]) == (1, 62, 0)
    assert second["killed"] == 63 and payload["overflow"] == {"k1": 500} and second["injured"] == 0
    assert payload["base"] == "2024-01-01" and second["day"] == 1
    assert second["minute"] == 0  # a bare date has no invented time of day


def test_times_offsets_and_ends():
    frame, payload = pack([
        Incident(event_type="explosion", lat=48.0, lon=35.0, started_at="2024-03-01T23:30-02:30",
                 ended_at="2024-03-02T01:00-02:30", time_precision="minute"),
        Incident(event_type="explosion", lat=48.1, lon=35.1, started_at="2024-03-01T10:00Z", ended_at="2024-03-05"),
    ])
    rows = [decode_record(payload["rec"], i) for i in range(2)]
    by_offset = {payload["offsets"][r["offset"]]: r for r in rows}
    late, zulu = by_offset[-150], by_offset[0]
    assert late["minute"] == 23 * 60 + 30 + 1 and late["duration"] == 90 + 1
    assert zulu["minute"] == 10 * 60 + 1 and zulu["duration"] == 0
    assert payload["details"][zulu["detail"]]["e"] == "2024-03-05"  # a bare end date is kept as text
    assert all(r["km"] == 7214 and r["compass"] == 4 for r in rows)


def test_empty_frame_packs_to_nothing():
    from incidents.frames import empty_frame

    payload = pack_incidents(empty_frame(), np.zeros(0), np.zeros(0))
    assert payload["n"] == 0 and payload["rec"] == "" and payload["width"] == WIDTH


def test_strings_are_shared_through_tables():
    incidents = [Incident(event_type="drone_strike", lat=55.79, lon=49.1 + i / 1000, place="Kazan", admin1="Tatarstan",
                          country="RU", started_at=f"2024-12-{1 + i:02d}") for i in range(20)]
    _, payload = pack(incidents)
    assert payload["places"] == [["Kazan", "Tatarstan", "RU"]]
    assert len(payload["details"]) == 1
    assert len(payload["rec"]) == 20 * WIDTH
