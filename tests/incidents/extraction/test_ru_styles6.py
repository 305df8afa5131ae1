"""Russian styles, round six: air bases whose names the dictionary knows as common words, villages named with an
unknown district, bulleted region lists, page furniture under the article, and attacks said not to have happened."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-03-14")
near = helpers.near


def test_an_air_base_named_after_its_noun_even_when_the_name_is_a_common_word():
    found = found_in("Обломки упали на территории военного аэродрома Мариновка, возник пожар.")
    assert len(found) == 1 and near(found[0], 48.637, 43.789, 0.05)
    found = found_in("Беспилотники атаковали аэродром Мариновка в Волгоградской области.")
    assert len(found) == 1 and found[0].event_type == "drone_strike" and near(found[0], 48.637, 43.789, 0.05)


def test_a_village_named_with_a_district_the_gazetteer_does_not_know():
    found = found_in("Дроны атаковали воинскую часть в посёлке Средний Усольского района.")
    assert len(found) == 1 and near(found[0], 52.89, 103.49)
    found = found_in("Беспилотник упал в хуторе Старая Станица Каменского района, повреждён склад.")
    assert len(found) == 1


def test_a_bulleted_region_list_with_no_dash_after_the_counts():
    text = ("Дежурными средствами ПВО перехвачены и уничтожены 47 украинских БПЛА:\n"
            "— 20 над территорией Курской области,\n— 12 над территорией Брянской области,\n"
            "— 6 над территорией Ростовской области.")
    found = found_in(text)
    assert sorted(i.place for i in found) == ["Bryansk", "Kursk", "Rostov"]
    assert all(i.event_type == "interception" and i.geo_precision == "region" for i in found)


def test_a_line_ending_with_a_comma_is_not_a_heading():
    from incidents.extraction.sentences import split_sentences

    sentences = split_sentences("Сводка.\nУничтожены 47 БПЛА:\n— 20 над территорией Курской области,\n")
    assert not any(s.heading for s in sentences)
    assert split_sentences("Атака на аэродромы в Воронежской области\n\nТекст.")[0].heading


def test_related_stories_under_the_article_are_not_read():
    text = ("В Миллерове Ростовской области в результате атаки беспилотников загорелся склад, пострадали двое рабочих.\n\n"
            "Также по теме\nБеспилотник атаковал нефтебазу в Новороссийске: трое раненых\n"
            "В Таганроге эвакуировали жителей дома после падения обломков")
    found = found_in(text)
    assert len(found) == 1 and near(found[0], 48.92, 40.4) and found[0].injured == 2


def test_an_attack_said_not_to_have_happened_gives_no_incident():
    assert found_in("Власти проверили сообщения о дронах: по аэродрому Украинка атаки не было, уточнил губернатор.") == []
    assert found_in("Никаких прилётов по Курску не было, заявили в оперштабе.") == []


def test_where_a_briefing_or_a_funeral_was_held_is_not_a_site():
    text = "В Москве на брифинге официальный представитель МИД назвала удар по Белгороду «террористическим актом»."
    assert [i.place for i in found_in(text)] != ["Moscow"]
    assert found_in("В Новочеркасске простились с уроженцем города, погибшим в зоне специальной военной операции.") == []
    assert found_in("В Белгороде во время совещания губернатор рассказал об ударе.") == []


def test_places_named_as_regularly_attacked_are_background():
    assert found_in("Аэродромы в Моздоке и Ахтубинске также регулярно упоминаются в связи с ударами по Украине.") == []
    assert found_in("Белгород почти ежедневно подвергается обстрелам.") == []


def test_a_denial_telling_its_own_sites_retracts_the_channels_sites():
    text = ("Ранее ряд телеграм-каналов сообщал об ударе по аэродрому Балтимор в Воронеже. Губернатор опроверг эти "
            "сведения: «Все беспилотники уничтожены над Рамонским районом, на территории города падений нет».")
    found = found_in(text)
    assert found and all(not near(i, 51.63, 39.16, 0.1) for i in found)


def test_casualties_stated_in_other_words():
    found = found_in("Обломки сбитого беспилотника упали на аэродром Энгельс, смертельно травмированы трое военнослужащих.")
    assert [(i.killed, i.injured) for i in found] == [(3, None)]
    found = found_in("Морозовск — атака беспилотников на аэродром, двое военных ранены.")
    assert [i.injured for i in found] == [2]
    found = found_in("Engels: posle ataki BPLA gorit neftebaza, postradavshikh, po ego dannym, net.")
    assert [i.injured for i in found] == [0]


def test_airports_named_by_the_capital_of_a_region_or_in_the_locative():
    found = found_in("Временные ограничения введены в аэропорту столицы Чувашии, а также в Бегишеве, сообщили в Росавиации.")
    assert sorted(i.airport_iata for i in found) == ["CSY", "NBC"]
    found = found_in("Ограничения введены в Пулкове. Чуть позже аналогичные меры коснулись аэропорта Жуковский.")
    assert sorted(i.airport_iata for i in found) == ["LED", "ZIA"]


def test_an_airport_closed_for_an_hour_is_a_restriction():
    found = found_in("В Калуге в это время на час был закрыт аэропорт Грабцево.")
    assert [(i.event_type, i.airport_iata) for i in found] == [("airspace_restriction", "KLF")]


def test_loud_in_a_short_post_is_explosions():
    assert [i.event_type for i in found_in("Сеща — снова громко, ПВО работает.")][:1] in (["explosion"], ["interception"])
    assert [i.event_type for i in found_in("В Курске громко.")] == ["explosion"]
    assert found_in("В Москве громко заявили о переговорах.") == []


def test_a_town_and_its_own_district_are_the_town_not_the_city_in_focus():
    text = "В Валуйках повреждены два автомобиля.\n\nВечером над Белгородом и Белгородским районом сбиты три воздушные цели."
    found = [i for i in found_in(text) if i.event_type == "interception"]
    assert len(found) == 1 and near(found[0], 50.6, 36.59)


def test_a_region_of_a_ministry_list_keeps_its_interceptions_when_a_town_of_it_was_struck():
    text = ("Дежурными средствами ПВО перехвачены и уничтожены 26 украинских БПЛА:\n"
            "— 20 над территорией Курской области,\n— 6 над территорией Ростовской области.\n\n"
            "В Ростовской области, по данным губернатора, атака отражена в Миллеровском районе, в результате падения "
            "обломков на территории одного из предприятий возник пожар.")
    found = found_in(text)
    kinds = sorted((i.event_type, i.geo_precision) for i in found)
    assert kinds == [("drone_strike", "city"), ("interception", "region"), ("interception", "region")]


def test_two_people_each_named_by_a_singular_noun():
    found = found_in("В Глушкове FPV-дрон атаковал машину скорой помощи, пострадали фельдшер и водитель.")
    assert [i.injured for i in found] == [2]
    found = found_in("В Глушкове дрон ударил по автомобилю, водитель и пассажир получили ранения.")
    assert [i.injured for i in found] == [2]


def test_a_post_line_headed_by_a_town_and_its_region():
    found = found_in("Морозовск Ростовской области — ночью массированная атака беспилотников на район аэродрома, двое военных ранены.")
    assert len(found) == 1 and near(found[0], 48.33, 41.8) and found[0].injured == 2
    found = found_in("Шебекино Белгородской области: дрон ударил по автомобилю, ранен водитель.")
    assert len(found) == 1 and near(found[0], 50.41, 36.9) and found[0].injured == 1


def test_a_school_named_by_a_neuter_adjective_does_not_set_the_region_in_focus():
    text = ("Лётчик окончил Краснодарское высшее военное авиационное училище. Тем временем глава Каменского района "
            "сообщил, что вечером в хуторе Старая Станица беспилотник повредил кровлю склада.")
    found = found_in(text)
    assert len(found) == 1 and near(found[0], 48.35, 40.29)  # the hamlet near Kamensk-Shakhtinsky, not Stavropol's
    assert [i.place for i in found_in("В Раменское прилетел дрон, ранены двое.")] == ["Ramenskoye"]
