"""Ukrainian styles, round seventeen: a city that declared mourning for an attack on another city, and a service that
resumed work in a city after an attack told before (neither is where it struck), a casualty list whose verb is left out
after the dash ("у Херсоні поранено двох, у Білозерці — трьох")."""

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


def test_a_count_after_the_dash_with_its_verb_left_out_is_that_towns():
    items = found("Через удари дронів у Нікополі загинули двоє, у Марганці — ще один.")
    assert sorted(i.killed for i in items) == [1, 2]
    assert any(near(i, 47.65, 34.63, 0.1) and i.killed == 1 for i in items)  # Marhanets
    items = found("В Белгороде ранены четыре человека, в Шебекино — двое.")
    assert any(near(i, 50.60, 36.59) and i.injured == 4 for i in items)  # Belgorod
    assert any(near(i, 50.41, 36.89) and i.injured == 2 for i in items)  # Shebekino


def test_a_new_clause_after_a_town_and_its_dash_is_not_a_count():
    items = found("В Сумах погибли двое, в Ромнах ранен мужчина.")
    assert any(near(i, 50.91, 34.80) and i.killed == 2 for i in items)  # Sumy
    assert any(near(i, 50.75, 33.47) and i.injured == 1 for i in items)  # Romny
    items = found("У Херсоні поранено двох людей. У Білозерці — пошкоджено будинки.")
    assert any(near(i, 46.64, 32.61) and i.injured == 2 for i in items)  # Kherson
    assert not any(near(i, 46.64, 32.39, 0.1) and i.injured for i in items)  # Bilozerka: no count
