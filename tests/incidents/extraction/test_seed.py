"""The reference article (Kazan, 2024-12-21), field by field, and the places it must not map."""

from pathlib import Path

import pytest

from incidents.extraction import extract_geojson, extract_incidents
from incidents.model import Incident

SEED = Path(__file__).resolve().parents[3] / "incidents" / "samples" / "articles" / "000_kazan_2024-12-21.txt"


@pytest.fixture(scope="module")
def incidents():
    return extract_incidents(SEED.read_text(encoding="utf-8"))


def by_type(incidents, event_type):
    return [item for item in incidents if item.event_type == event_type]


def test_one_kazan_drone_strike(incidents):
    [strike] = by_type(incidents, "drone_strike")
    assert (strike.place, strike.admin1, strike.country, strike.geo_precision) == ("Kazan", "Tatarstan", "RU", "city")
    assert (strike.started_at, strike.ended_at, strike.time_precision) == (
        "2024-12-21T07:40+03:00", "2024-12-21T09:20+03:00", "minute")
    assert (strike.killed, strike.injured, strike.drones_downed) == (0, 0, 6)
    assert strike.verification == "reported"
    assert "Unverified" in strike.notes and "waves" in strike.notes
    assert abs(strike.lat - 55.79) < 0.05 and abs(strike.lon - 49.12) < 0.05


def test_distance_claim_is_checked_and_flagged(incidents):
    [strike] = by_type(incidents, "drone_strike")
    claim = strike.distance_claim
    assert claim["reference"] == "Moscow" and claim["claimed_km"] == 800.0
    assert 715 < claim["geodesic_km"] < 727
    assert 9 < claim["error_pct"] < 13 and "over" in claim["verdict"]


def test_evidence_points_at_the_sentences(incidents):
    text = SEED.read_text(encoding="utf-8")
    [strike] = by_type(incidents, "drone_strike")
    for field in ("place", "started_at", "killed", "drones_downed", "distance_claim"):
        item = strike.evidence[field]
        assert item["sentence"] in text
        assert text[item["start"]:item["end"]] == item["text"]
    assert strike.evidence["drones_downed"]["sentence"].startswith("The Russian Defence Ministry reported that six")
    assert strike.evidence["started_at"]["text"] == "between 7:40 am and 9:20 am local time"


@pytest.mark.parametrize("iata, icao, status", [("KZN", "UWKD", "active"), ("IJK", "USII", "active"), ("GSV", "UWSG", "lifted")])
def test_airport_restrictions_at_the_airports(incidents, iata, icao, status):
    import airportsdata

    [item] = [i for i in by_type(incidents, "airspace_restriction") if i.airport_iata == iata]
    airport = airportsdata.load("IATA")[iata]
    assert (item.airport_icao, item.status, item.geo_precision) == (icao, status, "exact")
    assert (item.lat, item.lon) == (airport["lat"], airport["lon"])
    assert (item.started_at, item.time_precision) == ("2024-12-21", "day")


def test_nothing_else_and_nothing_in_the_united_states_or_at_kyiv(incidents):
    assert len(incidents) == 4
    assert all(item.country == "RU" for item in incidents)
    assert not [item for item in incidents if item.place in ("Kyiv", "Moscow", "Pennsylvania", "Washington")]


def test_sources_carry_title_date_and_excerpt(incidents):
    for item in incidents:
        [source] = item.sources
        assert source.published == "2024-12-21" and source.excerpt and source.title.startswith("Ukrainian drones struck")


def test_explain_lists_rejected_mentions_with_reasons():
    collection = extract_geojson(SEED.read_text(encoding="utf-8"), explain=True)
    reasons = {(r["text"], r["reason"].split(" (")[0]) for r in collection["explain"]["rejected"]}
    assert ("Moscow", "reference point of a distance claim") in reasons
    assert ("Pennsylvania", "historical mention") in reasons
    assert ("Kyiv", "stands for its government") in reasons
    assert any(text == "Rustam" and reason.startswith("part of a longer name") for text, reason in reasons)
    strike = next(f for f in collection["features"] if f["properties"]["event_type"] == "drone_strike")
    assert strike["properties"]["evidence"]["place"]["reason"].startswith("site:")


def test_features_round_trip_through_the_model():
    collection = extract_geojson(SEED.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        props = feature["properties"]
        assert feature["geometry"]["coordinates"] == [props["lon"], props["lat"]]
        assert Incident.from_dict(props).to_dict() == props
        assert all("reason" not in item for item in props["evidence"].values())
