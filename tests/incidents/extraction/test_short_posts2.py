"""Short posts (Telegram style) and places given by distance, in English, Russian and Ukrainian: one test per failure
class fixed for dev articles 920-944, each in wording unlike those articles."""

from incidents.extraction import extract_incidents
from incidents.extraction.claims import bearing_of, find_betweens, find_claims


def by_place(text, published="2025-03-03"):
    return {i.place: i for i in extract_incidents(text, published=published)}


def one(text, published="2025-03-03"):
    found = extract_incidents(text, published=published)
    assert len(found) == 1, [(i.place, i.event_type) for i in found]
    return found[0]


# ---------------------------------------------------------------- Slavic bearings as adjectives and comparatives


def test_slavic_bearings_read_as_adjectives_comparatives_and_without_direction():
    def bearing(text):
        [claim] = find_claims(text)
        return bearing_of(claim.direction) if claim.direction else None

    assert bearing("обстріляли ферму за 12 км на південний захід від Сум") == 225.0
    assert bearing("упала в 40 километрах западнее Воронежа") == 270.0
    assert bearing("в 8 км северо-восточнее Курска") == 45.0
    assert bearing("за 7 кілометрів від Конотопа") is None


# ---------------------------------------------------------------- "a car N km on a bearing from X" (not only "a village")


def test_an_object_struck_at_a_distance_and_bearing_is_an_approximate_point():
    found = one("A Russian drone hit a tractor about 18 km west of Kharkiv on Monday, injuring its driver.")
    assert found.geo_precision == "region" and found.place.endswith("west of Kharkiv")
    assert 49.95 < found.lat < 50.02 and 35.95 < found.lon < 36.05
    assert found.injured == 1


def test_russian_object_at_a_comparative_bearing_is_an_approximate_point():
    found = one("Беспилотник атаковал грузовик в 20 километрах севернее Белгорода, водитель ранен.")
    assert found.geo_precision == "region" and 50.75 < found.lat < 50.82


def test_ukrainian_southeast_adjective_bearing_is_an_approximate_point():
    found = one("Ворожий дрон уразив мікроавтобус за 10 км на південний схід від Херсона.")
    assert found.lat < 46.6 and found.lon > 32.65


def test_a_named_place_before_its_distance_stays_the_site():
    found = one("Drones attacked the oil depot in Kstovo, 20 km southeast of Nizhny Novgorod, overnight.")
    assert found.place == "Kstovo"


# ---------------------------------------------------------------- "N km from X" with no bearing


def test_a_distance_without_a_bearing_puts_an_approximate_point_at_the_reference():
    found = one("An FPV drone struck a minibus 7 km from Shebekino, the governor said.")
    assert found.geo_precision == "region" and "7 km from Shebekino" == found.place
    assert abs(found.lat - 50.41) < 0.05


def test_ukrainian_distance_without_a_bearing():
    found = one("За 4 км від Вовчанська російський дрон скинув вибухівку на автомобіль, загинув водій.")
    assert found.geo_precision == "region" and abs(found.lat - 50.29) < 0.1
    assert found.killed == 1


# ---------------------------------------------------------------- "between X and Y"


def test_between_two_towns_is_their_midpoint_in_three_languages():
    texts = ["A drone struck a lorry on the road between Kursk and Lgov, wounding the driver.",
             "Дрон атаковал автомобиль на дороге между Курском и Льговом.",
             "Дрон атакував вантажівку на трасі між Курськом та Льговом."]
    for text in texts:
        found = one(text)
        assert found.geo_precision == "region", text
        assert 51.6 < found.lat < 51.8 and 35.5 < found.lon < 36.0, text


def test_between_far_apart_capitals_is_no_point():
    assert by_place("Talks between Moscow and Kyiv on drone strikes stalled again.") == {}
    assert find_betweens("between Tula and Aleksin")[0].between


# ---------------------------------------------------------------- "of the city": the city in focus as the reference


def test_a_distance_from_the_city_measures_from_the_city_named_before():
    found = by_place("Shelling hit the centre of Kherson overnight. A shell also struck a greenhouse about 10 km east of "
                     "the city, killing a worker.")
    far = [i for i in found.values() if i.place.startswith("10 km east")]
    assert far and far[0].lon > 32.7 and far[0].killed == 1
