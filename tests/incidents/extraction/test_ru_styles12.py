"""Russian styles, round twelve: a planned day ahead of publication, a region's adjective before its governor, a recap
going on with 'Тогда же', Russian recap and period words, a weapon told only as downed, a list of regions after one
preposition, settlement abbreviations, airports that 'не отправляют рейсы', an attack on a firm in a town, a district's
noun before its passive, 'на территорию' of a plant, hearsay denied in the next sentence or recalled after a denial,
threats of attack, a person's home town, a region's head, weekdays and 'вчера', analysts' views, a town that
'пострадал от обстрела', a weapon described by its earlier use, a place inside a denied report."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-06-10")
places = helpers.place_names


def test_a_planned_day_after_publication_is_no_day_of_the_attack():
    found = found_in("Ночью над Тулой сбиты два беспилотника. Атаки идут накануне Дня города 14 июня, напомнили власти.")
    assert [(i.place, i.started_at) for i in found] == [("Tula", "2025-06-10")]


def test_a_regions_adjective_before_its_governor_sets_the_region():
    found = found_in("Над Брянской областью сбиты пять дронов. Орловский губернатор Андрей Клычков: "
                     "в Ливенском районе обломки повредили ЛЭП, пострадавших нет.")
    assert "Livny" in places(found)


def test_a_sentence_going_on_with_an_earlier_time_is_history_too():
    found = found_in("Ночью над Курском сбиты два беспилотника. Впервые город атаковали в марте 2022 года. "
                     "Тогда же обломки упали в Обояни.")
    assert places(found) == ["Kursk"]


def test_similar_raids_earlier_this_month_are_background():
    found = found_in("Ночью атаке беспилотников подвергся Новошахтинск, на заводе пожар. "
                     "Подобные налёты в этом месяце уже были на Шахты и Каменск-Шахтинский.")
    assert places(found) == ["Novoshakhtinsk"]


def test_what_an_expert_reminds_of_is_background():
    assert found_in("Аналитик напомнил, что в Брянской области атаки на Клинцы и Унечу также приводили к остановке "
                    "работы депо.") == []


def test_a_weapon_told_only_as_downed_does_not_arm_the_strike_before_it():
    found = found_in("ВСУ нанесли удар по Грайворону, ранены две женщины. Также над Валуйками силы ПВО сбили беспилотник.")
    kinds = {i.place: i.event_type for i in found}
    assert kinds["Grayvoron"] == "strike"


def test_a_list_of_regions_after_one_preposition_takes_the_downing_before_the_dash():
    found = found_in("Ночью уничтожены 30 дронов — над Тульской, Калужской и Орловской областями.")
    assert sorted((i.event_type, i.geo_precision) for i in found) == [("interception", "region")] * 3


def test_a_settlement_abbreviation_ends_no_sentence():
    found = found_in("В результате атаки FPV-дрона на автомобиль в н.п. Тёткино Глушковского района ранен водитель.")
    assert [(i.place, i.injured) for i in found] == [("Tëtkino", 1)]


def test_an_airport_that_does_not_send_flights_is_restricted():
    found = found_in("Аэропорт Саратова временно не принимает и не отправляет рейсы, сообщили в Росавиации.")
    assert [(i.event_type, i.airport_iata) for i in found] == [("airspace_restriction", "GSV")]


def test_an_attack_on_a_firm_in_a_town_is_a_site():
    found = found_in("Губернатор сообщил об атаке дрона на одно из предприятий в Новочеркасске, возник пожар.")
    assert places(found) == ["Novocherkassk"]


def test_a_district_noun_between_its_adjective_and_the_passive():
    found = found_in("Ночью Шебекинский городской округ снова подвергся обстрелу, повреждены два дома.")
    assert places(found) == ["Shebekino"]


def test_debris_falling_onto_a_plant_named_by_its_town():
    found = found_in("Обломки БПЛА упали на территорию Новошахтинского завода нефтепродуктов, ранен рабочий.")
    assert [(i.place, i.injured) for i in found] == [("Novoshakhtinsk", 1)]


def test_hearsay_of_an_alleged_hit_denied_in_the_next_sentence():
    assert found_in("В сети пишут о якобы взрыве на нефтебазе в Орле. Губернатор: это не соответствует действительности.") == []


def test_a_retraction_leading_the_account_that_replaces_the_report():
    found = found_in("Телеграм-каналы сообщали о прилёте по нефтебазе в Ельце. Информация не подтвердилась: "
                     "беспилотник сбит над Задонским районом.")
    assert places(found) == ["Zadonsk"]


def test_a_threat_of_attack_declared_is_an_alert_not_a_strike():
    assert found_in("В Тамбове объявлена угроза атаки беспилотников, жителей просят держаться подальше от окон.") == []
    assert found_in("Над Курском действует опасность удара ракет, звучат сирены.") == []


def test_the_home_of_a_person_hurt_elsewhere_is_no_site():
    found = found_in("Жительница Курска получила ранения при атаке дрона на автомобиль под Льговом.")
    assert places(found) == ["L’gov"]


def test_an_airport_closed_by_a_verb_is_restricted():
    found = found_in("Власти закрыли аэропорт Астрахани, рейсы задерживаются.")
    assert [(i.event_type, i.airport_iata) for i in found] == [("airspace_restriction", "ASF")]


def test_planes_going_to_another_city_are_diverted_there():
    found = found_in("Атака дронов на Курск: самолёты уходят в Воронеж, в аэропорту Курска ограничения.")
    assert "Voronezh" not in places(found)


def test_the_head_of_a_region_named_in_the_report_places_its_namesakes():
    found = found_in("Ночью в Октябрьском обломки дрона повредили крышу частного дома, сообщил Вячеслав Гладков.")
    assert [(i.place, i.admin1) for i in found] == [("Oktyabr’skiy", "Belgorod")]
    found = found_in("В Золочеве после удара КАБом ранен мужчина, сообщил Олег Синегубов.")
    assert [(i.admin1, i.injured) for i in found] == [("Kharkiv", 1)]


def test_russian_weekdays_and_yesterday_date_what_they_tell():
    found = helpers.found("В субботу беспилотник атаковал нефтебазу в Ливнах. Вчера над областью сбиты ещё два дрона, "
                          "сообщил губернатор Орловской области.", "2025-06-09")  # a Monday
    assert sorted((i.event_type, i.started_at) for i in found) == [("drone_strike", "2025-06-07"),
                                                                   ("interception", "2025-06-08")]


def test_a_night_named_by_the_weekday_after_it():
    found = helpers.found("В ночь на вторник над Рязанью уничтожены три беспилотника.", "2025-06-12")  # a Thursday
    assert [i.started_at for i in found] == ["2025-06-10"]


def test_a_relative_day_with_its_date_in_apposition_is_that_date():
    found = found_in("Накануне, 7 июня, дроны атаковали Энгельс, сообщил Бусаргин.")
    assert [i.started_at for i in found] == ["2025-06-07"]
    found = found_in("Yesterday, June 7, drones attacked Engels, governor Roman Busargin said.")
    assert [i.started_at for i in found] == ["2025-06-07"]


def test_hits_over_the_past_week_are_background():
    assert found_in("По словам командующего, за минувшую неделю дроны поразили склады в Клинцах и Унече.") == []


def test_what_analysts_think_of_attacks_is_commentary():
    assert found_in("Аналитики полагают, что удары по аэродромам Миллерово и Бутурлиновка снижают число вылетов.") == []


def test_a_town_that_suffered_from_the_shelling_is_struck():
    found = found_in("В Сумской области из-за обстрелов пострадала Шостка: повреждены два дома.")
    assert places(found) == ["Shostka"]
    found = found_in("Сильнее всего от ночного налёта пострадал Днепр, где ранены шесть человек.")
    assert [(i.place, i.injured) for i in found] == [("Dnipro", 6)]


def test_a_weapon_described_by_its_earlier_use_strikes_nothing_today():
    found = found_in("США передали Украине ракеты ATACMS, которыми ВСУ уже били по Курской области. "
                     "Ночью над Орлом сбит беспилотник.")
    assert places(found) == ["Orël"]


def test_a_place_inside_a_denied_report_is_no_site():
    assert found_in("В Минобороны опровергли сообщения украинских каналов об атаке на аэродром Морозовск.") == []
    assert found_in("Гладков опроверг сообщения о прилёте по Шебекину.") == []
    found = found_in("Губернатор опроверг информацию о взрыве на нефтебазе в Клинцах: беспилотник сбит над Клинцовским районом.")
    assert [i.event_type for i in found] == ["interception"]


def test_hearsay_recalled_after_a_denied_report_is_that_report():
    found = found_in("Губернатор Гусев опроверг сообщения о поражении нефтебазы. Беспилотник сбит над Павловским районом. "
                     "Ранее местные паблики писали о пожаре на нефтебазе в Лисках.")
    assert "Liski" not in places(found)
