"""Ukrainian styles, round seventeen: a city that declared mourning for an attack on another city, and a service that
resumed work in a city after an attack told before (neither is where it struck)."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2026-12-07")
near = helpers.near


def test_mourning_declared_for_an_attack_on_another_city_is_not_a_site():
    items = found("В Івано-Франківську оголосили жалобу за жертвами ракетного удару по Дніпру.")
    assert any(near(i, 48.46, 35.04) for i in items)  # Dnipro
    assert not any(near(i, 48.92, 24.71) for i in items)  # not Ivano-Frankivsk
    items = found("В Краснодаре объявлен день траура по погибшим при атаке дронов на Новороссийск.")
    assert any(near(i, 44.72, 37.77) for i in items)  # Novorossiysk
    assert not any(near(i, 45.04, 38.98) for i in items)  # not Krasnodar


def test_mourning_where_the_attack_is_told_keeps_the_city():
    items = found("У Дніпрі оголошено день жалоби: вночі ракета влучила в багатоповерхівку, загинули семеро.")
    assert any(near(i, 48.46, 35.04) for i in items)
    items = found("У Кривому Розі оголошено триденну жалобу після ракетного удару, який забрав життя дев'ятьох людей.")
    assert any(near(i, 47.91, 33.39) for i in items)


def test_a_service_resumed_after_an_attack_is_not_a_new_strike():
    assert not found("Укрпошта відновила роботу відділень у Запоріжжі після масованої атаки.")
    assert not found("В Белгороде возобновили подачу электричества после обстрела.")


def test_an_attack_told_with_its_repairs_stays():
    items = found("Вночі росіяни атакували Одесу дронами; енергетики вже відновили живлення.")
    assert any(near(i, 46.48, 30.73) for i in items)
    items = found("Вночі дрони атакували Запоріжжя, пошкоджено відділення Укрпошти.")
    assert any(near(i, 47.84, 35.14) for i in items)
