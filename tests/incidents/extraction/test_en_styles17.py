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
