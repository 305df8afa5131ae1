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


def test_oblique_number_words_count_in_casualty_phrases():
    killed = {i.killed for i in found("Атака беспилотника на Курск повлекла гибель трёх человек, в том числе ребёнка.")}
    assert 3 in killed
    items = found("Внаслідок удару по Сумах загибель чотирьох людей підтвердили в ОВА.")
    assert any(near(i, 50.917, 34.799) and i.killed == 4 for i in items)
    items = found("В Брянске обстрел привёл к ранению двух человек.")
    assert any(i.injured == 2 for i in items)
    items = found("Удар ракеты по Белгороду унёс жизни четырёх человек.")
    assert any(i.killed == 4 for i in items)


def test_a_word_that_only_looks_like_a_numeral_is_no_count():
    items = found("В Белгороде дрон ударил по машине, водитель чудом избежал гибели.")
    assert items and not any(i.killed for i in items)


def test_a_rumoured_count_in_an_article_that_disputes_the_reports_is_not_kept():
    text = ("date 2025-06-10 В Липецке опровергли сообщения о пострадавших\n\n"
            "Глава города назвал фейком сообщения о попадании дрона в завод. Над Липецком сбиты три беспилотника, "
            "пострадавших нет.\n\nРанее местные каналы писали о пятерых пострадавших.")
    assert not any(i.injured for i in found(text))


def test_an_earlier_version_of_the_story_does_not_give_the_count():
    text = ("date 2025-06-10 Брянск\n\nВ предыдущей версии материала говорилось о трёх погибших в Брянске. "
            "По уточнённым данным, при атаке дронов на Брянск погиб один человек.")
    items = found(text)
    assert any(i.killed == 1 for i in items) and not any(i.killed == 3 for i in items)


def test_a_drones_destination_is_not_where_it_was_downed():
    items = found("Над Тульской областью уничтожены пять беспилотников, направлявшихся к Москве.")
    assert any(i.geo_precision == "region" for i in items)
    assert not any(near(i, 55.752, 37.618) for i in items)  # Moscow: only where they were going
    items = found("Над Житомирщиною сили ППО знешкодили шахеди, які прямували на Київ.")
    assert items and not any(near(i, 50.45, 30.52) for i in items)  # Kyiv
    items = found("Two drones bound for Moscow were shot down over the Tula region, the ministry said.")
    assert items and not any(near(i, 55.752, 37.618) for i in items)


def test_a_destination_named_alone_or_told_downed_over_stays():
    assert any(near(i, 55.752, 37.618) for i in found("Собянин: сбит ещё один беспилотник, летевший на Москву."))
    items = found("Беспилотники, летевшие на Москву, сбиты над городом, обломки упали на пустырь.")
    assert any(near(i, 55.752, 37.618) for i in items)


def test_the_airport_alone_is_the_one_the_article_told_restricted():
    text = ("Flights were halted at Pulkovo on Tuesday morning. Later a drone struck a fuel depot in Yaroslavl. "
            "The airport said flights were suspended until noon.")
    codes = {i.airport_iata for i in found(text) if i.event_type == "airspace_restriction"}
    assert codes == {"LED"}  # not Yaroslavl's Tunoshna
    text = ("В аэропорту Сочи ввели временные ограничения. Позже беспилотник атаковал нефтебазу в Краснодаре. "
            "Аэропорт сообщил о введении ограничений до полудня.")
    codes = {i.airport_iata for i in found(text) if i.event_type == "airspace_restriction"}
    assert codes == {"AER"}


def test_the_airport_alone_with_no_restriction_before_is_the_citys_in_focus():
    items = found("Drones attacked Kursk overnight. The airport said it had suspended all flights.")
    assert any(i.airport_iata == "URS" for i in items)


def test_a_citys_districts_by_adjective_are_that_city():
    items = found("Odesa came under a drone attack overnight. Debris fell in the city's Prymorskyi and Kyivskyi districts, "
                  "damaging two houses.")
    assert any(near(i, 46.482, 30.723) for i in items)  # Odesa
    assert not any(i.place in ("Prymorskyi", "Kyivskyi") for i in items)  # no village of that name elsewhere
    items = found("A missile hit Dnipro on Monday; the city's Shevchenkivskyi, Sobornyi and Novokodatskyi districts were affected.")
    assert items and all(near(i, 48.467, 35.04) for i in items)


def test_districts_of_the_city_in_ukrainian_are_that_city():
    items = found("В Одесі уламки дрона впали у Приморському та Київському районах міста, пошкоджено будинки.")
    assert any(near(i, 46.482, 30.723) for i in items)  # Odesa
    assert all(near(i, 46.482, 30.723) for i in items)  # not Kyiv
    items = found("Вночі дрони атакували Приморський і Київський райони Одеси, виникли пожежі.")
    assert items and all(near(i, 46.482, 30.723) for i in items)


def test_a_rumour_denied_in_the_next_sentence_is_dropped():
    text = "Місцеві пабліки пишуть про вибухи в Ізюмі. Це неправда: в Ізюмі жодних вибухів не було, заявив начальник МВА."
    assert not any(near(i, 49.21, 37.25) for i in found(text))  # Izium
    text = "Телеграм-каналы пишут о прилёте в Шебекино. Всё это неправда: взрывов в Шебекино не было, сообщил глава округа."
    assert not any(near(i, 50.41, 36.89) for i in found(text))  # Shebekino
    text = ("Social media channels reported blasts in Novoshakhtinsk overnight. This is not true: there were no explosions "
            "in Novoshakhtinsk, the mayor said.")
    assert not any(near(i, 47.76, 39.93) for i in found(text))


def test_a_report_denied_by_name_right_after_is_disputed():
    items = found("Вночі дрон атакував Ізюм, пошкоджено склад. Це неправда: атак на Ізюм не було, наголосили в МВА.")
    assert any(near(i, 49.21, 37.25) for i in items)
    assert all(i.verification == "disputed" for i in items if near(i, 49.21, 37.25))
