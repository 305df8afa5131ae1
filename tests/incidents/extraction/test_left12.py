"""Faults left by round eleven, each checked as a class: a town whose own name looks inflected, oblique number words in
casualty phrases, a drone's destination, an airport named only as "the airport", a city's districts by adjective, a
claim denied in the next sentence."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-06-10")
near = helpers.near


def test_a_town_whose_own_name_looks_inflected_is_that_town():
    items = found("Уночі ворожі дрони атакували Братське на Миколаївщині, пошкоджено приватний будинок.")
    assert any(near(i, 47.867, 31.575) for i in items)  # Bratske, not Bratsk in Siberia
    assert not any(i.country == "RU" for i in items)
    items = found("Під удар потрапила портова інфраструктура Рені, зруйновано зерновий склад.")
    assert any(near(i, 45.454, 28.277) for i in items)  # Reni on the Danube, not Orenburg
    assert not any(i.country == "RU" for i in items)


def test_an_inflected_name_still_reads_back_to_its_town():
    assert any(near(i, 49.233, 28.468) for i in found("У Вінниці дрон влучив у склад, виникла пожежа."))
