"""Russian styles, round eight: detonations and rounds fired as strike words, "over the region" after a governor's
region, districts named after plural towns, airport lists with their names in brackets, negated strikes, region
summaries beside several struck towns, the territory of a republic, a sentence opening with an adjective, and the
target of an attempted attack."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2024-09-03")
places = helpers.place_names
by_place = helpers.named


def test_a_detonation_is_an_event_word():
    found = found_in("Утром в Судже сдетонировал сбитый беспилотник, повреждены окна в двух домах.")
    assert places(found) == ["Sudzha"]


def test_rounds_fired_at_a_village_are_a_strike_and_the_forces_abbreviation_is_no_part_of_its_name():
    found = found_in("По посёлку Глушково ВСУ выпустили 12 мин. Ранен мужчина.")
    assert places(found) == ["Glushkovo"]
    assert found[0].event_type in ("strike", "missile_strike", "drone_strike") and found[0].injured == 1
    found = found_in("Красная Яруга: по посёлку выпущено пять снарядов, пострадавших нет.")
    assert places(found) == ["Krasnaya Yaruga"]


def test_over_the_region_after_the_governor_names_it_is_a_region_interception():
    found = found_in("Губернатор Орловской области Андрей Клычков сообщил о повреждённой ЛЭП. "
                     "За ночь над регионом уничтожены пять беспилотников.")
    assert [(i.event_type, i.geo_precision) for i in found] == [("interception", "region")]
    found = found_in("Глава Тверской области провёл совещание. Над территорией области введён режим беспилотной опасности.")
    assert found == []  # no interception told: the region is only where a warning holds


def test_a_district_named_after_a_plural_town_is_that_town():
    assert places(found_in("Ночью беспилотник сбит над Кимрским районом.")) == ["Kimry"]
    assert places(found_in("Дрон подавлен средствами РЭБ в Валуйском городском округе.")) == ["Valuyki"]
    assert places(found_in("В Раменском округе обломки дрона повредили крышу склада.")) == ["Ramenskoye"]  # not Ramenki


def test_an_airport_list_with_bracketed_names_heads_its_restriction():
    found = found_in("Аэропорты Саратов (Гагарин), Пенза — временные ограничения на приём и выпуск воздушных судов.")
    assert sorted(i.airport_iata for i in found) == ["GSV", "PEZ"]
    found = found_in("Аэропорт Минеральных Вод ночью приостанавливал приём и выпуск рейсов.")
    assert [i.airport_iata for i in found] == ["MRV"]


def test_a_negated_strike_verb_tells_no_strike():
    found = found_in("Курск этой ночью не обстреливали, а в Рыльске дрон атаковал автомобиль.")
    assert len(found) == 1 and found[0].place != "Kursk"
    assert found_in("Белгород этой ночью не атаковали, в городе спокойно.") == []


def test_a_region_summary_beside_several_struck_towns_keeps_the_region_interception():
    text = ("ВСУ продолжают атаки на жителей Курской области. В Рыльске дрон атаковал автобус, ранены трое. "
            "В Курчатове FPV-дрон атаковал автомобиль, погиб водитель. Всего над территорией области уничтожены 11 БПЛА.")
    found = found_in(text)
    regions = [i for i in found if i.geo_precision == "region"]
    assert [(i.event_type, i.drones_downed) for i in regions] == [("interception", 11)]


def test_over_the_territory_of_a_republic_is_the_republic():
    found = found_in("Над территорией Республики Мордовия уничтожены два беспилотника.")
    assert [(i.event_type, i.geo_precision) for i in found] == [("interception", "region")]


def test_a_sentence_opening_with_an_adjective_of_a_common_noun_names_no_place():
    assert found_in("Морская переправа через пролив временно приостановлена.") == []


def test_an_interception_right_after_an_attempted_attack_is_at_its_target():
    found = found_in("Противник предпринял попытку атаки беспилотников на Энгельс. Средствами ПВО сбиты шесть БПЛА.")
    assert [(i.place, i.event_type) for i in found] == [("Engels", "interception")]


def test_figures_of_an_entry_go_to_the_site_the_entry_names_after_them():
    text = ("09:05 Гладков: после обстрела в Шебекино обрушилась часть здания общежития.\n\n"
            "12:20 В посёлке Разумное дрон атаковал легковой автомобиль, водитель ранен.\n\n"
            "15:50 Поисковые работы завершены. Погибли шесть человек, ещё 11 ранены. В Шебекино объявлен траур.")
    found = by_place(found_in(text, "2024-05-20"))
    assert (found["Shebekino"].killed, found["Shebekino"].injured) == (6, 11)
    assert found["Razumnoye"].killed is None and found["Razumnoye"].injured == 1


def test_a_form_that_also_names_a_home_place_is_the_foreign_city_beside_the_other_foreign_names():
    found = found_in("Из-за подъёма истребителей приостанавливалась работа аэропортов Люблина и Жешува в Польше.")
    assert len(found) == 2 and "LUZ" in [i.airport_iata for i in found]
    assert all(i.lat < 52.5 and i.lon < 24.0 for i in found)  # in Poland, none at Ostafyevo by Moscow's Lyublino
    assert places(found_in("В Люблино обломки беспилотника упали на парковку.")) == ["Lyublino"]


def test_rounds_fired_with_the_target_between_verb_and_count():
    found = found_in("По словам главы округа, ВСУ выпустили по Грайворону из РСЗО 20 реактивных снарядов.")
    assert places(found) == ["Grayvoron"]
    assert found_in("Пресс-служба ВСУ выпустила заявление о потерях под Курском.") == []


def test_a_denied_hit_does_not_take_the_interception_the_official_tells_at_the_same_town():
    text = ("Губернатор опроверг сообщения телеграм-каналов о прилёте по подстанции в Рыльске. "
            "По его словам, беспилотник сбит над Рыльским районом, пострадавших нет.")
    kinds = {(i.event_type, i.verification) for i in found_in(text)}
    assert ("interception", "reported") in kinds


def test_a_repelled_attack_is_an_interception():
    found = found_in("Атака беспилотников на Брянск отражена, пострадавших нет.")
    assert [(i.place, i.event_type) for i in found] == [("Bryansk", "interception")]


def test_an_airport_said_to_work_normally_after_a_comma_gets_no_restriction():
    found = found_in("Введены временные ограничения в аэропортах Пензы и Тамбова, аэропорт Липецка работает штатно.")
    assert sorted(i.airport_iata for i in found) == ["PEZ", "TBW"]
    found = found_in("Ограничения действуют в аэропортах Казани и Нижнекамска, а аэропорт Уфы работает в штатном режиме.")
    assert sorted(i.airport_iata for i in found) == ["KZN", "NBC"]


def test_a_district_named_after_a_two_word_town_or_with_a_fleeting_vowel():
    assert places(found_in("Беспилотник сбит над Новооскольским городским округом.")) == ["Novy Oskol"]
    assert places(found_in("В Белокалитвинском районе обломки дрона упали на поле.")) == ["Belaya Kalitva"]
    assert places(found_in("В Коломенском округе обломки беспилотника повредили крышу дома.")) == ["Kolomna"]


def test_over_the_city_is_the_town_whose_head_speaks():
    found = found_in("Глава Каменска-Шахтинского сообщил, что над городом ПВО сбила три беспилотника.")
    assert [(i.place, i.event_type) for i in found] == [("Kamensk-Shakhtinsky", "interception")]
    found = found_in("Губернатор Севастополя: над городом сбиты четыре беспилотника, в том числе в районе Любимовки.")
    assert places(found) == ["Lyubimovka"]  # the site inside the city says where; no second incident at the city


def test_where_a_meeting_or_a_farewell_is_held_is_not_a_site():
    found = found_in("После ночной атаки на Туапсе в Краснодаре прошло заседание оперативного штаба.")
    assert places(found) == ["Tuapse"]
    assert found_in("Погибший при обстреле водитель был родом из Курчатова, прощание с ним состоится в Курске.") == []
