"""Russian styles, round thirteen: a two-word town whose adjective is a common word, inflected after a preposition."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-06-10")
places = helpers.place_names


def test_a_two_word_town_in_the_genitive_opens_its_name():
    found = found_in("Беспилотник упал у дороги в 5 километрах к западу от Старого Крыма, пострадавших нет.")
    assert [(i.place, i.geo_precision) for i in found] == [("5 km west of Stary Krym", "approximate")]
