"""English news as published: one test per failure class fixed in round 17 (issue 12), each in wording unlike the
report that showed it, with the nearby reading that must stay."""

from geodata.names import normalize
from tests.incidents.extraction import helpers

by_place = helpers.dated(helpers.by_place_key, "2026-12-07")
kinds = helpers.dated(helpers.kinds, "2026-12-07")


# ---------------------------------------------------------------- "X, which …, was hit": the aside stays in X's clause


def test_a_town_with_an_aside_before_its_verb_is_the_site():
    text = "Odesa, which is home to the country's biggest port, was struck by drones overnight, the governor said."
    assert kinds(text) == [("drone_strike", "Odesa")]


def test_a_person_with_an_aside_is_not_a_site_and_the_struck_town_stays():
    text = "The governor of Belgorod, who was in Moscow on Tuesday, said a drone hit a car in Shebekino."
    assert list(by_place(text)) == [normalize("Shebekino")]


# ---------------------------------------------------------------- "Officials in X said …": a town's own officials


def test_officials_in_a_town_telling_a_local_strike_place_it_there():
    text = "Officials in Poltava said a missile struck an industrial site on Thursday, injuring three people."
    places = by_place(text)
    assert list(places) == [normalize("Poltava")]
    assert places[normalize("Poltava")].injured == 3


def test_officials_in_a_town_telling_a_downing_place_it_there():
    assert kinds("Authorities in Kherson reported that air defence downed six drones overnight.") == [("interception", "Kherson")]


def test_officials_in_the_capital_speak_of_elsewhere():
    assert kinds("Officials in Moscow said a drone hit a warehouse overnight.") == []


def test_officials_in_a_town_telling_a_strike_elsewhere_place_it_there():
    assert kinds("Officials in Kharkiv said drones hit Chuhuiv overnight.") == [("drone_strike", "Chuhuyiv")]


def test_officials_promising_air_defence_tell_no_event():
    assert kinds("Officials in Dnipro promised to expand air defences before winter.") == []


# ---------------------------------------------------------------- "12 over the X region, 7 over Y": Y is a region too


def test_a_bare_name_after_a_region_item_of_a_count_list_is_a_region():
    text = "Air defences destroyed 12 drones over the Belgorod region, 7 over Voronezh, and 3 over Lipetsk, the ministry said."
    found = [(i.place, i.geo_precision, i.drones_downed) for i in helpers.found(text, "2026-12-07")]
    assert found == [("Belgorod", "region", 12), ("Voronezh", "region", 7), ("Lipetsk", "region", 3)]


def test_a_count_over_a_bare_name_alone_stays_the_city():
    found = helpers.found("Air defences shot down 12 drones over Voronezh on Tuesday, officials said.", "2026-12-07")
    assert [(i.place, i.geo_precision) for i in found] == [("Voronezh", "city")]


# ---------------------------------------------------------------- "Residents of X district in Y reported …": Y is the site


def test_residents_of_a_city_district_reporting_blasts_place_them_in_the_city():
    text = "Residents of the Leninsky district in Kursk reported loud blasts overnight, local media said."
    assert kinds(text) == [("explosion", "Kursk")]


def test_residents_of_a_city_district_telling_no_event_give_nothing():
    assert kinds("Residents of the Sovetsky district in Kursk said they were worried about rising prices.") == []
