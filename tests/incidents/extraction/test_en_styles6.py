"""English news as published (wire copy, ISW and MoD summaries, live blogs, short posts, pages with their furniture):
one test per failure class fixed for the sixth English dev set (articles 1120-1159), each in wording unlike them."""

from incidents.extraction import extract_incidents


def by_place(text, published="2024-10-05"):
    return {i.place: i for i in extract_incidents(text, published=published)}


# ---------------------------------------------------------------- "the X Air Base": a facility, not a landmark


def test_an_air_base_named_with_the_is_the_site_not_its_region():
    text = "Drones hit the Borisoglebsk Air Base in the Voronezh region overnight, destroying a hangar."
    found = by_place(text)
    assert list(found) == ["Borisoglebsk Air Base"]
    assert found["Borisoglebsk Air Base"].geo_precision != "region"


# ---------------------------------------------------------------- ground fighting on the front: not a strike


def test_troops_attacking_near_front_towns_is_not_a_strike_there():
    text = ("Russian units attacked toward Kupiansk on Friday, and Ukrainian troops counterattacked near Robotyne. "
            "A Russian drone hit a bus in Nikopol, wounding four passengers.")
    found = by_place(text)
    assert list(found) == ["Nikopol"]
    assert found["Nikopol"].injured == 4


def test_forces_that_attack_a_city_with_drones_still_strike_it():
    text = "Russian forces attacked Kharkiv with drones overnight, damaging a school."
    assert list(by_place(text)) == ["Kharkiv"]


# ---------------------------------------------------------------- a place opening the clause after a strike noun


def test_a_capital_standing_for_its_government_after_the_strike_is_not_struck():
    text = ("A missile hit a hospital in Kherson on Saturday, killing two nurses. Officials said the attack proves "
            "that Moscow has no interest in peace.")
    assert list(by_place(text)) == ["Kherson"]


# ---------------------------------------------------------------- where a person was


def test_the_city_a_minister_was_in_gets_no_incident():
    text = ("Drones struck Zaporizhzhia, injuring five people, as the defence minister was in London for talks. "
            "The attack on the city came as Zelensky was in Rome.")
    found = by_place(text)
    assert list(found) == ["Zaporizhzhya"]
