"""Russian styles, round nine: an airport said to have had no restrictions, towns named 'X-на-River' in an
inflected case, a plant named by the adjective of a town in -е or -и, a casualty named by a trade noun, and a quote
opening with a preposition after its speaker's name."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-02-11")
places = helpers.place_names


def test_an_airport_said_to_have_no_restrictions_gets_none():
    found = found_in("Аэропорт Сочи ввёл временные ограничения. В аэропорту Минеральные Воды никаких ограничений "
                     "не было, а в Краснодаре ограничения не вводились.")
    assert [i.airport_iata for i in found] == ["AER"]
    found = found_in("Аэропорт Казань работает без ограничений, рейсы выполняются по расписанию.")
    assert found == []


def test_restrictions_not_yet_lifted_are_still_restrictions():
    found = found_in("В аэропорту Самары ограничения не сняты, вылеты задерживаются.")
    assert [i.airport_iata for i in found] == ["KUF"]


def test_a_town_on_a_river_read_back_from_its_inflected_head():
    found = found_in("Ночью в Ростове-на-Дону обломки беспилотника повредили крышу склада, пострадавших нет.")
    assert places(found) == ["Rostov-on-Don"]
    found = found_in("Над Славянском-на-Кубани сбиты два БПЛА.")
    assert [i.event_type for i in found] == ["interception"] and abs(found[0].lat - 45.26) < 0.2


def test_a_plant_named_by_the_adjective_of_an_indeclinable_town():
    found = found_in("Обломки сбитого БПЛА упали на территории Сочинской ТЭЦ, возник пожар, пострадавших нет.")
    assert len(found) == 1 and abs(found[0].lat - 43.6) < 0.3 and abs(found[0].lon - 39.73) < 0.3


def test_a_worker_named_by_a_trade_noun_is_one_casualty():
    found = found_in("Беспилотник ударил по складу в Новозыбкове. Погиб электрик, ещё один строитель ранен.")
    assert [(i.killed, i.injured) for i in found] == [(1, 1)]
    found = found_in("В Рыльске FPV-дрон атаковал автомобиль, пострадала девушка.")
    assert [i.injured for i in found] == [1]


def test_a_quote_opening_with_a_preposition_after_the_speakers_name():
    found = found_in('Глава района Игорь Смирнов: «Над Кимовском сбит беспилотник, пострадавших нет».')
    assert [(i.event_type, round(i.lat)) for i in found] == [("interception", 54)]
    found = found_in('Губернатор Вячеслав Гладков: "В Новом Осколе дрон атаковал склад, ранен охранник".')
    assert [i.injured for i in found] == [1] and abs(found[0].lat - 50.76) < 0.1
