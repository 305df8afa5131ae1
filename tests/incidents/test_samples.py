"""The bundled seed-article incidents are valid and say exactly what the article says."""

import airportsdata
import pytest

from incidents.samples import load_samples, sample_paths, seed_incidents


@pytest.fixture(scope="module")
def seed():
    return {(item.event_type, item.airport_iata): item for item in seed_incidents()}


def test_hand_checked_seed_is_loaded_last_and_wins():
    assert sample_paths()[-1].name == "seed_kazan.geojson"
    incidents, problems = load_samples()
    assert problems == []
    loaded = {item.id: item for item in incidents}
    assert len(loaded) == len(incidents)
    for item in seed_incidents():
        assert loaded[item.id] == item


def test_seed_has_four_incidents(seed):
    assert len(seed) == 4


def test_kazan_strike(seed):
    strike = seed[("drone_strike", None)]
    assert (strike.event_type, strike.admin1, strike.country) == ("drone_strike", "Tatarstan", "RU")
    assert (strike.started_at, strike.ended_at) == ("2024-12-21T07:40+03:00", "2024-12-21T09:20+03:00")
    assert (strike.killed, strike.injured, strike.drones_downed) == (0, 0, 6)
    assert strike.verification == "reported"
    assert strike.distance_claim["claimed_km"] == 800.0
    assert 715 < strike.distance_claim["geodesic_km"] < 725
    assert any("six drones were neutralized" in s.excerpt for s in strike.sources)
    assert strike.evidence["drones_downed"]["sentence"].startswith("The Russian Defence Ministry reported that six")


@pytest.mark.parametrize("iata, icao, status", [("KZN", "UWKD", "active"), ("IJK", "USII", "active"),
                                                 ("GSV", "UWSG", "lifted")])
def test_airport_restrictions(seed, iata, icao, status):
    item = seed[("airspace_restriction", iata)]
    airport = airportsdata.load("IATA")[iata]
    assert (item.event_type, item.airport_iata, item.airport_icao, item.status) == \
        ("airspace_restriction", iata, icao, status)
    assert (item.lat, item.lon) == (airport["lat"], airport["lon"])
    assert item.started_at == "2024-12-21" and item.time_precision == "day"
    assert all(s.published == "2024-12-21" and s.excerpt for s in item.sources)
