"""English news as published (live blogs, ISW recaps, short posts): one test per failure class fixed for the fifteenth
English dev set (articles 2050-2069), each in wording unlike them."""

from tests.incidents.extraction import helpers

kinds = helpers.dated(helpers.kinds, "2025-03-11")
sites = helpers.dated(helpers.sites, "2025-03-11")


# ---------------------------------------------------------------- "shot down all twelve over ...": the weapon said before


def test_shooting_down_all_of_a_counted_wave_is_an_interception_over_each_region():
    text = ("The air force said Russia sent 12 attack drones across the border from Belgorod Oblast overnight. "
            "Air defence units shot down all twelve over Kharkiv and Chernihiv oblasts.")
    found = {(kind, place.split()[0], precision) for kind, place, precision in sites(text)}
    assert found == {("interception", "Kharkiv", "region"), ("interception", "Chernihiv", "region")}


def test_shooting_down_all_proposals_is_no_interception():
    assert kinds("Lawmakers in Kyiv shot down all proposals to extend the session.") == []


# ---------------------------------------------------------------- "X's regional governor ... of the city": X the city


def test_a_regional_governors_place_is_the_city_when_the_sentence_calls_it_the_city():
    text = ("Mykolaiv's regional governor, Vitaliy Kim, reported that a drone hit a grain terminal at the edge of the city "
            "overnight, wounding one man.")
    assert {precision for _, _, precision in sites(text)} == {"city"}


def test_a_regional_governors_place_stays_the_region_without_the_city():
    text = "Mykolaiv's regional governor, Vitaliy Kim, reported that a drone hit a grain terminal overnight, wounding one man."
    assert {precision for _, _, precision in sites(text)} == {"region"}


# ---------------------------------------------------------------- "such as the earlier strike near X": an example recalled


def test_an_earlier_strike_given_as_an_example_is_background():
    text = ("Drones set fire to an oil depot in Proletarsk overnight, the governor said. Attacks on fuel stores, "
            "like the previous raid on Novorossiysk, have strained Russian logistics.")
    names = " ".join(place for _, place in kinds(text))
    assert "Proletarsk" in names and "Novorossiysk" not in names


def test_what_analysts_previously_assessed_is_background():
    text = ("A drone hit a substation in Shebekino on Monday, officials said. Analysts previously assessed that "
            "strikes on the Engels airfield had damaged two bombers.")
    names = " ".join(place for _, place in kinds(text))
    assert "Shebekino" in names and "Engels" not in names


# ---------------------------------------------------------------- "flew over X ... downed near Y": the route is no site


def test_the_district_a_drone_flew_over_is_no_site_when_it_was_downed_elsewhere():
    text = "Air defence shot down a Shahed near Fastiv after it flew over the Bila Tserkva district."
    names = " ".join(place for _, place in kinds(text))
    assert "Fastiv" in names and "Bila" not in names


def test_the_only_place_a_drone_flew_over_stays_its_site():
    assert [kind for kind, _ in kinds("A drone flew over Kursk and was shot down.")] == ["interception"]
