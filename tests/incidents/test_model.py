"""Every validation rule of the Incident model names the field and the value in its message."""

import pytest

from incidents.errors import ValidationError
from incidents.model import Incident, IncidentFilter, parse_when
from tests.incidents.factory import BASE, make

BAD = [
    ("event_type", {"event_type": "bombing"}),
    ("lat", {"lat": 91.0}),
    ("lat", {"lat": -90.5}),
    ("lon", {"lon": 180.5}),
    ("lat", {"lat": float("nan")}),
    ("lon", {"lon": "49.1"}),
    ("lat", {"lat": 0.0, "lon": 0.0}),
    ("started_at", {"started_at": "21/12/2024"}),
    ("started_at", {"started_at": "2024-12-21T07:40"}),
    ("started_at", {"started_at": "2024-02-30"}),
    ("started_at", {"started_at": "20241221T074000+0300"}),
    ("started_at", {"started_at": "2024-W51-6T07:40+03:00"}),
    ("ended_at", {"ended_at": "2024-12-21T07:00+03:00"}),
    ("ended_at", {"started_at": "2024-12-21", "ended_at": "2024-12-20"}),
    ("geo_precision", {"geo_precision": "street"}),
    ("time_precision", {"time_precision": "second"}),
    ("verification", {"verification": "rumour"}),
    ("status", {"status": "open"}),
    ("killed", {"killed": -1}),
    ("injured", {"injured": 1.5}),
    ("drones_downed", {"drones_downed": True}),
    ("country", {"country": "RUS"}),
    ("airport_iata", {"airport_iata": "KZNX"}),
    ("airport_icao", {"airport_icao": "UWK"}),
    ("colour", {"colour": "red"}),
    ("event_type", {"event_type": ""}),
]


@pytest.mark.parametrize("field, changes", BAD, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD)])
def test_invalid_values_are_refused_with_field_and_value(field, changes):
    with pytest.raises(ValidationError) as err:
        Incident.from_dict({**BASE, **changes})
    assert err.value.field == field
    assert str(err.value).startswith(f"{field}=")
    assert repr(err.value.value) in str(err.value)


def test_zero_zero_allowed_when_intended():
    assert make(lat=0.0, lon=0.0, zero_zero_intended=True).lat == 0.0


def test_valid_edge_values():
    item = make(lat=-90.0, lon=180.0, killed=0, ended_at="2024-12-21T07:40+03:00", status="lifted")
    assert item.killed == 0 and item.status == "lifted"


def test_id_is_a_stable_content_hash_unless_given():
    assert make().id == make(notes="other notes").id
    assert make().id != make(started_at="2024-12-22").id
    assert make(id="acled-1").id == "acled-1"


def test_content_ignores_timestamps():
    assert make(created_at="x", updated_at="y").content() == make().content()


def test_parse_when_bare_date_has_no_instant():
    when = parse_when("2024-12-21")
    assert when.instant is None and when.utc is None
    assert parse_when("2024-12-21T07:40+03:00").utc.hour == 4


def test_filter_is_empty():
    assert IncidentFilter().is_empty() and not IncidentFilter(text="x").is_empty()


WRONG_TYPES = [
    ("place", {"place": 5}), ("notes", {"notes": ["a"]}), ("id", {"id": 7}), ("started_at", {"started_at": 20241221}),
    ("ended_at", {"ended_at": 5}), ("sources", {"sources": "a title"}), ("sources", {"sources": ["a title"]}),
    ("origin", {"origin": [1]}), ("evidence", {"evidence": "e"}), ("distance_claim", {"distance_claim": "far"}),
    ("zero_zero_intended", {"zero_zero_intended": "yes"}), ("killed", {"killed": 10**30}),
    ("injured", {"injured": 5.5}),
]


@pytest.mark.parametrize("field, changes", WRONG_TYPES, ids=[f"{f}-{i}" for i, (f, _) in enumerate(WRONG_TYPES)])
def test_wrong_types_are_validation_errors_not_crashes(field, changes):
    with pytest.raises(ValidationError) as err:
        Incident.from_dict({**BASE, **changes})
    assert err.value.field == field


def test_integral_float_counts_from_json_tools_are_whole_numbers():
    assert make(killed=5.0).killed == 5 and isinstance(make(killed=5.0).killed, int)
