"""The place chosen for a name against the article's other places: the namesake near them, and the plausibility of a
small place far from all of them or abroad (incidents.extraction.place_choice)."""

from incidents.extraction import geo
from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-03-12")


def places(text):
    return {(i.place, i.admin1, i.country) for i in found(text)}


def test_a_namesake_near_the_articles_other_places_wins():
    # "Іванівці" also spells Ivanivtsi near Chernivtsi; with Chernihiv struck it is the Ivanivka beside Chernihiv
    items = found("Ракета влучила в Чернігів. Уламки впали в Іванівці, пошкоджено будинок.")
    assert {(i.place, i.admin1) for i in items} == {("Chernihiv", "Chernihiv"), ("Ivanivka", "Chernihiv")}


def test_a_big_city_far_from_the_others_keeps_its_name():
    assert ("Tyumen", "Tyumen'", "RU") in places(
        "Drones attacked Kursk overnight, the governor said. Explosions were also heard in Tyumen.")


def test_a_small_far_place_told_weakly_gives_no_incident():
    assert places("Drones attacked Kursk overnight, the governor said. Explosions were also heard in "
                  "Zheleznogorsk-Ilimsky.") == {("Kursk", "Kursk", "RU")}


def test_a_small_far_place_struck_stays():
    assert ("Zheleznogorsk-Ilimskiy", "Irkutsk", "RU") in places(
        "Drones attacked Kursk overnight, the governor said. Drones also struck Zheleznogorsk-Ilimsky.")


def test_a_small_far_place_in_a_region_the_article_names_stays():
    assert ("Zheleznogorsk-Ilimskiy", "Irkutsk", "RU") in places(
        "Drones attacked Kursk overnight, the governor said. In the Irkutsk region, explosions were also heard in "
        "Zheleznogorsk-Ilimsky.")


def test_a_small_far_place_by_an_air_base_stays():
    assert ("Olenegorsk", "Murmansk", "RU") in places(
        "Drones attacked Kursk overnight, the governor said. Explosions were also heard in Olenegorsk.")


def test_a_city_abroad_heard_from_the_wars_places_gives_no_incident():
    assert places("Shahed drones struck Izmail overnight, the regional governor said. Explosions were also heard in "
                  "Tulcea.") == {("Izmayil", "Odessa", "UA")}


def test_a_city_abroad_alone_stays():
    assert ("Rzeszów", "Subcarpathian", "PL") in places("A drone crashed in a field near Rzeszów, Polish police said.")


def test_cities_abroad_named_together_do_not_vouch_for_each_other():
    assert places("Drones struck Izmail overnight. Explosions were also heard in Tulcea and Galati, across the "
                  "Danube.") == {("Izmayil", "Odessa", "UA")}


def test_a_home_town_by_its_own_name_beats_a_city_abroad_that_has_it_as_another_name():
    # GeoNames lists "Reni"/"Рені" among Rennes' names; Reni, the Danube port (19,000 people), is called so itself
    assert places("Russian drones struck the port of Reni overnight.") == {("Reni", "Odessa", "UA")}
    assert geo.place("Alexandria").country == "EG"  # its own name: the Ukrainian Oleksandriia does not take it
