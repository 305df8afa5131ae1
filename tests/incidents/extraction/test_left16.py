"""Faults left by round fifteen, each checked as a class: a village's community named like a city, per-region counts
in ministry lists, seas and Crimea, headline lists under an article, recaps of the week, Volga towns."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-06-11")  # a Wednesday
near = helpers.near


def test_a_village_community_is_its_village_in_the_region_named_not_the_city_of_that_name():
    for text in ("Вночі безпілотник атакував Миколаївську сільську громаду Одеської області, зруйновано сарай.",
                 "Ударный дрон атаковал Николаевскую сельскую общину Одесской области, повреждён склад."):
        items = found(text)
        assert items and not any(near(i, 46.97, 31.99) for i in items), text  # not the city of Mykolaiv
        assert all(i.admin1 == "Odessa" for i in items), text
    assert any(near(i, 48.34, 33.27) for i in found("Дрон влучив у Петрівську сільську громаду Кіровоградської області."))
    items = found("Російський дрон атакував Петрівську сільську громаду на Херсонщині.")  # no Petrivka known there
    assert [i.geo_precision for i in items] == ["region"] and items[0].admin1 == "Kherson"

