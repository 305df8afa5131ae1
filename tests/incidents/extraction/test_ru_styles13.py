"""Russian styles, round thirteen: a two-word town whose adjective is a common word, inflected after a preposition; a
list of places going on after ", а также"; residents' posts recalled after channels' reports were called untrue."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-06-10")
places = helpers.place_names


def test_a_two_word_town_in_the_genitive_opens_its_name():
    found = found_in("Беспилотник упал у дороги в 5 километрах к западу от Старого Крыма, пострадавших нет.")
    assert [(i.place, i.geo_precision) for i in found] == [("5 km west of Stary Krym", "approximate")]


def test_a_list_of_bases_goes_on_after_a_comma_and_a_takzhe():
    found = found_in("Дроны атаковали аэродромы Энгельс, а также Морозовск.")
    assert places(found) == ["Engels Airbase", "Morozovsk Air Base"]


def test_residents_recalled_after_channels_reports_were_called_untrue_are_that_report():
    found = found_in("Сообщения пабликов о взрыве на подстанции в Новороссийске не соответствуют действительности, заявили "
                     "в администрации. Ночью у Анапы сбит беспилотник. Ранее жители Новороссийска писали о громких звуках.")
    assert places(found) == ["Anapa"]
