"""English news as published (wire copy, UK MoD and ISW assessments, sanctions stories, air bases): one test per failure
class fixed for the fourth English dev set (articles 975-999), each in wording unlike those articles."""

from incidents.extraction import extract_incidents
from tests.incidents.extraction import helpers

by_place = helpers.dated(helpers.by_place, "2025-03-03")


# ---------------------------------------------------------------- sanctions "target" firms: no strike


def test_a_sanctions_package_targeting_firms_in_cities_is_no_strike():
    text = ("London announced new measures on Tuesday. The measures also target a plant in Izhevsk and traders in "
            "Dubai and Almaty.")
    assert by_place(text) == {}


def test_sanctions_hitting_refineries_is_no_strike():
    text = "The new US sanctions hit refineries in Volgograd and Novoshakhtinsk that sell diesel abroad."
    assert by_place(text) == {}


def test_a_drone_that_targets_a_bank_is_still_a_strike():
    text = "A Russian drone targeted a bank in Sumy on Monday, injuring three people, officials said."
    found = by_place(text)
    assert [i.event_type for i in found.values()] == ["drone_strike"]
    assert next(iter(found.values())).injured == 3


# ---------------------------------------------------------------- "repeated strikes against X": background


def test_repeated_strikes_against_a_base_are_background_not_an_incident():
    text = ("Russia has probably moved its Tu-22M3 bombers from Soltsy to Shaykovka after repeated Ukrainian drone "
            "strikes against Soltsy.")
    assert by_place(text) == {}


# ---------------------------------------------------------------- "X Airbase" (ISW capitalisation)


def test_capitalised_airbase_after_a_name_is_the_air_base():
    text = "Ukrainian forces struck the Millerovo Airbase in Rostov Oblast on the night of March 2 to 3."
    found = extract_incidents(text, published="2025-03-03")
    assert len(found) == 1
    assert found[0].place.startswith("Millerovo") and found[0].geo_precision == "exact"


def test_the_governor_of_the_region_of_a_struck_base_is_no_second_site():
    text = ("Ukrainian forces struck the Borisoglebsk Airbase in Voronezh Oblast overnight. Voronezh Oblast Governor "
            "Alexander Gusev claimed that drones fell on the territory of an enterprise.")
    found = extract_incidents(text, published="2025-03-03")
    assert [i.place for i in found] == ["Borisoglebsk Air Base"]


# ---------------------------------------------------------------- "the airfield at Saky": the base, not a namesake


def test_the_airfield_at_a_town_is_the_air_base():
    found = extract_incidents("Drones hit the airfield at Saky overnight, the navy said.", published="2025-03-03")
    assert len(found) == 1
    assert found[0].country == "UA" and abs(found[0].lat - 45.09) < 0.05


def test_the_air_base_in_a_country_is_no_airport():
    text = "A drone hit the Soltsy air base in Russia's Novgorod region, the ministry said."
    found = extract_incidents(text, published="2025-03-03")
    assert [i.country for i in found] == ["RU"]


def test_a_crimean_town_named_alone_is_not_its_namesake_abroad():
    found = extract_incidents("Explosions rocked Saky before dawn, residents said.", published="2025-03-03")
    assert [i.country for i in found] == ["UA"]


def test_a_much_bigger_city_abroad_keeps_its_name():
    found = extract_incidents("A drone struck a warehouse in Alexandria on Monday.", published="2025-03-03")
    assert [i.country for i in found] == ["EG"]


# ---------------------------------------------------------------- "the X district of Y" is in Y


def test_a_district_named_after_a_town_near_the_city_in_focus_is_in_the_city_it_is_of():
    text = ("Shelling hit Donetsk on Monday. In the Sovetsky district of Bryansk, a drone damaged a school, the "
            "governor said.")
    found = by_place(text)
    assert set(found) == {"Donetsk", "Bryansk"}


def test_the_moscow_district_of_kazan_is_kazan():
    text = "A drone struck an apartment block in the Moscow district of the city of Kazan on Saturday."
    found = by_place(text)
    assert list(found) == ["Kazan"]


# ---------------------------------------------------------------- "stopped receiving and sending flights"


def test_airports_that_stopped_receiving_and_sending_flights_are_restricted():
    text = "Kaluga and Tambov airports stopped receiving and sending flights overnight, the aviation agency said."
    found = extract_incidents(text, published="2025-03-03")
    assert {i.airport_iata for i in found} == {"KLF", "TBW"}
    assert {i.event_type for i in found} == {"airspace_restriction"}


# ---------------------------------------------------------------- villages GeoNames' cities500 lacks (localities.csv)


def test_a_village_missing_from_geonames_is_a_site_and_the_governors_region_is_not():
    text = ("A Ukrainian drone set fire to an arsenal outside the settlement of Kotluban on Tuesday. Volgograd region "
            "Governor Andrei Bocharov said debris from a downed drone had fallen on a military unit.")
    found = extract_incidents(text, published="2025-03-03")
    assert [i.place for i in found] == ["Kotluban"]
    assert found[0].admin1 == "Volgograd" and found[0].geo_precision == "city"


def test_the_ferry_port_on_the_chushka_spit_is_a_site():
    found = extract_incidents("Ukrainian missiles struck Port Kavkaz overnight, sinking a ferry.", published="2025-03-03")
    assert [i.place for i in found] == ["Port Kavkaz"]


# ---------------------------------------------------------------- intentions, habits and earlier years: no incident


def test_a_threat_to_strike_a_city_is_no_strike():
    text = '"Our drones can hit Moscow any night," the commander told reporters, vowing to attack Belgorod again.'
    assert by_place(text) == {}


def test_a_city_shelled_almost_daily_is_background():
    text = "Russian artillery shells Nikopol nearly every day, and the town has lost half its people."
    assert by_place(text) == {}


def test_attacks_in_an_earlier_year_are_background():
    text = "Refineries in Saratov and Kstovo were struck repeatedly in 2024, the report said."
    assert by_place(text, published="2025-06-01") == {}


def test_an_attack_dated_this_year_is_still_read():
    text = "A drone hit a refinery in Saratov in 2025, on January 8, the governor said."
    assert list(by_place(text, published="2025-01-08")) == ["Saratov"]


# ---------------------------------------------------------------- "damage was recorded in X and Y regions"


def test_damage_recorded_in_regions_gives_region_level_strikes():
    text = ("The enemy attacked with 81 Shahed drones overnight. Damage was recorded in the Sumy and Chernihiv "
            "regions, the Air Force said.")
    found = extract_incidents(text, published="2025-03-03")
    assert len(found) == 2
    assert {i.geo_precision for i in found} == {"region"}
    assert {i.event_type for i in found} == {"drone_strike"}


# ---------------------------------------------------------------- "shot down over the region": the region in focus


def test_drones_shot_down_over_the_region_are_a_region_interception():
    text = ("A drone damaged a shop in Shebekino, the Belgorod region governor said. He added that nine drones had been "
            "destroyed over the region overnight.")
    found = extract_incidents(text, published="2025-03-03")
    regions = [i for i in found if i.geo_precision == "region"]
    assert [(i.event_type, i.admin1) for i in regions] == [("interception", "Belgorod")]


def test_people_hurt_across_the_region_are_no_region_interception():
    text = "A drone hit a house in Kursk. Two more people were injured across the region, the governor said."
    assert all(i.geo_precision != "region" for i in extract_incidents(text, published="2025-03-03"))


def test_a_district_named_after_a_town_of_the_region_in_focus_is_that_town():
    text = ("Drones hit the Yeysk airfield in the Krasnodar region. Rostov Governor Vasily Golubev said a substation in "
            "the Millerovo district had been damaged.")
    places = {i.place for i in extract_incidents(text, published="2025-03-03")}
    assert "Millerovo" in places or "Millerovo Air Base" in places


# ---------------------------------------------------------------- "treated for smoke inhalation": injured


def test_people_treated_for_smoke_inhalation_or_burns_are_injured():
    text = "Debris from a downed drone set fire to a house in Lipetsk. Three people were treated for smoke inhalation."
    assert by_place(text)["Lipetsk"].injured == 3
    text = "A drone hit a garage in Tula on Monday; a woman was treated for burns, the governor said."
    assert by_place(text)["Tula"].injured == 1
