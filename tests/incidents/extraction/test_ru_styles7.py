"""Russian styles, round seven: wire datelines with the day after the town, where the wounded were taken, where drones
were flying to, and earlier attacks dated by a month or a year in a clause of their own."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2024-06-10")
places = helpers.place_names


def test_a_wire_dateline_with_the_day_after_the_town_is_not_a_site():
    text = ("Астрахань. 10 июня. INTERFAX.RU - Беспилотники атаковали Ахтубинск, сообщил губернатор. "
            "По его словам, никто не пострадал, ПВО сбила все аппараты.")
    assert places(found_in(text)) == ["Akhtubinsk"]
    text = "Курськ. 5 травня. Укрінформ. Дрон атакував Суджу, пошкоджено будинок."
    assert "Kursk" not in places(found_in(text, "2025-05-05"))


def test_where_the_wounded_were_taken_is_not_a_site():
    text = "В результате атаки пострадал один человек, он доставлен в больницу в Ростов-на-Дону."
    assert found_in(text) == []
    found = found_in("В Грайвороне дрон ударил по автомобилю. Мужчина ранен, его доставили в Белгород, в областную больницу.")
    assert all("Belgorod" not in i.place for i in found)
    found = found_in("Обстрел села Бессоновка: ранены двое, они доставлены в городскую больницу №2 Белгорода.")
    assert all(i.place != "Belgorod" for i in found)


def test_where_the_drones_were_flying_to_is_not_a_site_when_they_fell_elsewhere():
    found = found_in("Собянин: два беспилотника, летевших на Москву, сбиты в Подольске.")
    assert places(found) == ["Podolsk"]
    found = found_in("Дроны, которые летели в направлении Москвы, уничтожены над Коломной, обломки упали в поле.")
    assert "Moscow" not in places(found)
    found = found_in("Сергей Собянин\n\nОтражена атака БПЛА, летевшего на Москву. Пострадавших нет.")
    assert places(found) == ["Moscow"]  # no other place: the city is where it was downed


def test_an_earlier_attack_dated_by_a_month_in_a_clause_of_its_own_is_background():
    text = ("Спутниковые снимки показывают сгоревший самолёт. Ранее, в декабре 2022 года, украинские дроны атаковали "
            "аэродромы Энгельс и Дягилево.")
    assert found_in(text, "2023-08-21") == []
    assert found_in("В марте 2023 года, по данным СМИ, дроны атаковали Энгельс.", "2024-05-01") == []
    assert found_in("In March 2023, drones attacked Engels.", "2024-05-01") == []


def test_a_month_of_this_year_or_the_same_month_is_not_background_on_its_own():
    from datetime import date

    from incidents.extraction import dates

    assert dates.other_months("в мае дроны атаковали Курск", date(2024, 5, 20)) == []
    assert dates.other_months("у березні дрони атакували Суми", date(2024, 5, 20)) != []
    assert dates.past_year_periods("в 2023 году дроны атаковали Курск", date(2024, 5, 20)) != []


def test_a_clause_going_on_with_an_earlier_event_keeps_its_figures_out():
    text = ("Беспилотники пытались атаковать военный аэродром под Ейском, все сбиты, пострадавших нет. "
            "В октябре 2022 года Су-34 упал на жилой дом в Ейске; тогда погибли 15 человек.")
    found = found_in(text, "2024-04-05")
    assert len(found) == 1 and found[0].place == "Yeysk" and not found[0].killed


def test_an_attempted_attack_is_an_attack():
    found = found_in("Украинские беспилотники пытались атаковать военный аэродром под Ейском Краснодарского края.", "2024-04-05")
    assert [i.place for i in found] == ["Yeysk"]


def test_an_airport_after_an_agency_mark_is_not_a_longer_name():
    text = "Москва. 24 июля. INTERFAX.RU - Аэропорт Сочи в среду ввел временные ограничения на прием и выпуск воздушных судов."
    found = found_in(text, "2024-07-24")
    assert [i.airport_iata for i in found] == ["AER"] and found[0].event_type == "airspace_restriction"


def test_workers_of_a_plant_hurt_in_an_attack_are_at_the_plants_town():
    text = ("Два сотрудника химического предприятия в Новомосковске Тульской области получили ранения при атаке "
            "беспилотников, сообщил губернатор.")
    found = found_in(text, "2025-01-31")
    assert [i.place for i in found] == ["Novomoskovsk"] and found[0].injured == 2
    assert found_in("Предприятия в Новомосковске наращивают выпуск беспилотников.", "2025-01-31") == []


def test_another_storys_headline_under_the_article_gives_no_figures():
    text = ("Два сотрудника предприятия в Новомосковске получили ранения при атаке беспилотников.\n\n"
            "Больше новостей\nВ Донецке после обстрела загорелся торговый центр, ранены трое")
    found = found_in(text, "2025-01-31")
    assert [i.place for i in found] == ["Novomoskovsk"] and found[0].injured == 2


def test_casualties_told_as_people_with_injuries():
    from incidents.extraction.casualties import find_casualties

    def injured(text):
        return find_casualties(text)["injured"].value

    assert injured("Мужчина получил баротравму и осколочные ранения ног.") == 1
    assert injured("Хозяйка дома, женщина 1958 года рождения, получила порезы стеклом.") == 1
    assert injured("к вечеру число пострадавших, по данным минздрава, выросло до 13, среди них двое детей") == 13
    assert injured("все аппараты сбиты, пострадавших и разрушений на земле нет") == 0
    assert "injured" not in find_casualties("Два дома в Курске получили повреждения")


def test_a_village_named_with_its_district_is_the_namesake_in_that_district():
    found = found_in("Украинские войска обстреляли село Бессоновка Белгородского района, погибла женщина.", "2024-05-30")
    assert len(found) == 1 and abs(found[0].lat - 50.53) < 0.1 and found[0].killed == 1


def test_an_unknown_stanitsa_is_not_the_oblast_of_the_same_adjective():
    found = found_in("Беспилотник сбит над станицей Архангельской, обломками повреждена кровля хозпостройки.", "2024-08-27")
    assert all(i.geo_precision != "region" for i in found)


def test_an_earlier_report_said_not_confirmed_after_a_dash_is_retracted():
    text = "UPD: ранее мы писали о прилёте по нефтебазе в Тихорецке — это не подтвердилось."
    assert found_in(text, "2024-08-27") == []


def test_a_headline_ending_with_the_kind_of_page_is_a_heading():
    from incidents.extraction.sentences import split_sentences

    sentences = split_sentences("Атака беспилотников на Брянскую область. Хроника\n\n02:15 Над Клинцами работает ПВО.")
    assert [s.heading for s in sentences] == [True, True, False]
    assert not split_sentences("Шебекино. Дрон ударил по автомобилю.")[1].heading


def test_a_district_named_after_a_town_of_another_region_is_not_that_town():
    text = "В Ленинградской области, по данным губернатора, ночью над Кировским районом сбиты два беспилотника."
    found = found_in(text, "2025-05-07")
    assert all(i.place not in ("Kirov", "Moscow") for i in found)


def test_an_attack_only_judged_in_speech_is_not_reported_there():
    text = "Губернатор Алексей Смирнов заявил, что ракетный удар по Курчатову был «целенаправленным»."
    assert found_in(text, "2024-09-02") == []
    assert found_in("Захарова назвала обстрел Белгорода терактом.", "2024-05-13") == []
    found = found_in("Удар по Белгороду был массированным, погибли двое.", "2024-05-13")
    assert [i.place for i in found] == ["Belgorod"] and found[0].killed == 2


def test_a_commemoration_of_the_dead_is_not_an_attack_there():
    text = "Жители пришли к мемориалу в Красногорске, чтобы почтить память погибших год назад."
    assert found_in(text, "2025-03-22") == []
    assert found_in("В Белгороде возложили цветы в память о погибших при обстреле.", "2025-03-22") == []
    found = found_in("В Белгороде во время траурного митинга дрон атаковал автомобиль.", "2025-03-22")
    assert [i.place for i in found] == ["Belgorod"]


def test_a_place_phrase_after_a_participles_aside_keeps_the_attack():
    text = "Украинский беспилотник атаковал автобус, перевозивший рабочих предприятия, в Шебекине Белгородской области."
    found = found_in(text, "2024-06-02")
    assert [i.place for i in found] == ["Shebekino"]


def test_a_short_posts_town_with_its_region_after_a_comma_heads_the_line():
    for text in ("Льгов, Курская обл. — ударный БПЛА попал в здание школы.",
                 "L'gov, Kurskaya obl. — udarnyy BPLA popal v zdanie shkoly, vybity okna."):
        found = found_in(text, "2024-09-07")
        assert len(found) == 1 and abs(found[0].lat - 51.66) < 0.1 and found[0].event_type == "drone_strike", text


def test_a_weapon_named_once_in_one_live_blog_entry_does_not_arm_the_others():
    text = ("Хроника\n\n10:12 Гладков сообщил об обрушении подъезда дома в Белгороде после обстрела.\n\n"
            "14:05 В селе Маслова Пристань дрон атаковал легковой автомобиль.\n\n16:40 Спасатели завершили работы.")
    found = {i.place: i.event_type for i in found_in(text, "2024-05-12")}
    assert found.get("Belgorod") == "strike" and found.get("Maslova Pristan’") == "drone_strike"


def test_districts_listed_under_one_noun_are_each_a_site():
    text = "Ночью силами ПВО над Лискинским, Острогожским и Россошанским районами уничтожено 9 БПЛА."
    found = found_in(text, "2025-07-13")
    assert {i.place for i in found} >= {"Liski", "Ostrogozhsk"} and len(found) == 3
    assert all(i.event_type == "interception" for i in found)


def test_a_drone_called_an_apparatus_when_counted_is_downed():
    found = found_in("Еще один аппарат уничтожили над Малоярославцем, сообщил губернатор.", "2024-09-10")
    assert [(i.place, i.event_type) for i in found] == [("Maloyaroslavets", "interception")]
    assert found_in("Аппарат губернатора сообщил, что в Курске все спокойно.", "2024-09-10") == []


def test_where_aircraft_or_missiles_were_launched_from_is_not_a_site():
    assert found_in("Самолеты, взлетающие с аэродрома Морозовск, наносят удары по Харькову.", "2025-01-08")[0].place == "Kharkiv"
    found = found_in("Ракеты, запущенные из района Харькова, сбиты над Белгородом.", "2025-01-08")
    assert [i.place for i in found] == ["Belgorod"]
    found = found_in("Обломки ракеты, выпущенной с территории Сумской области, упали в Рыльске.", "2025-01-08")
    assert [i.place for i in found] == ["Ryl’sk"]


def test_attacks_said_to_have_happened_before_are_background():
    assert found_in("Удары по Энгельсу наносились и раньше: в январе горела нефтебаза.", "2025-01-08") == []


def test_explosions_in_a_town_and_at_its_air_base_are_one_event():
    found = found_in("Взрывы в Энгельсе. Очевидцы сообщили о нескольких взрывах в районе аэродрома Энгельс-2.", "2025-01-08")
    assert [(i.event_type, i.place) for i in found] == [("explosion", "Engels Airbase")]
    found = found_in("Беспилотники атаковали аэродром Энгельс-2. В Энгельсе слышали взрывы.", "2025-01-08")
    assert [(i.event_type, i.place) for i in found] == [("drone_strike", "Engels Airbase")]
