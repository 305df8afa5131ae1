"""Ukrainian styles, round ten (written as an unseen hand): a share bar under a live blog's headline, the territory
weapons came from, a quoted claim denied, a year's damage and its rebuilding, a speaker's surname heading a line, a town
put first with its region, a region summing its towns, a district heading its line, one person told by a pronoun, a
Russian -ское town in Ukrainian, a missile that fell, a line label yielding to its line's own site, bulleted plants."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-05-20")
near = helpers.near


def test_a_share_bar_under_the_headline_does_not_end_a_live_blog():
    text = ("date 2025-05-20 Суспільне Дніпро\n\nАтака на Дніпропетровщину: онлайн\n\nПоділитися ↗\n\n"
            "02:10\nУ Дніпрі пролунали вибухи.\n\n02:40\nЛисак: у Павлограді пошкоджено будинок, поранено двох людей.\n")
    items = found(text)
    assert any(near(i, 48.467, 35.04) for i in items)  # Dnipro
    assert any(near(i, 48.532, 35.869) and i.injured == 2 for i in items)  # Pavlohrad


def test_a_share_bar_after_the_story_still_ends_it():
    text = ("date 2025-05-20 Суспільне Херсон\n\nУ Херсоні внаслідок обстрілу поранено жінку.\n\nПоділитися\n\n"
            "У Вінниці ракета влучила в склад, загинули троє людей\n")
    items = found(text)
    assert items and not any(near(i, 49.233, 28.468) for i in items)  # Vinnytsia: a headline under the story


def test_the_territory_weapons_came_from_is_not_a_site():
    items = found("Сумщина. Ворог скинув авіабомбу з території Курської області, пошкоджено ферму.")
    assert items and not any(i.country == "RU" for i in items)
    assert not any(i.country == "RU" for i in found("Окупанти знову обстрілювали прикордонні села з території Брянської області."))
    items = found("Балістичні ракети по Одесі росіяни випустили з окупованого Криму, поранено п'ятьох людей.")
    assert any(near(i, 46.482, 30.723) for i in items)
    assert not any(i.admin1 in ("Crimea", "Sevastopol") for i in items)


def test_a_place_after_the_origin_and_a_strike_preposition_is_still_the_site():
    items = found("Росіяни запустили з Курської області дві ракети по Сумах, пошкоджено лікарню.")
    assert any(near(i, 50.917, 34.799) for i in items)  # Sumy


def test_a_quoted_claim_denied_in_its_sentence_gets_no_strike():
    items = found("У мережі поширюють інформацію про нібито «приліт по нафтобазі у Фастові». Це фейк, заявили в ОВА.")
    assert not any(near(i, 50.077, 29.918) and i.verification != "disputed" for i in items)


def test_damage_over_a_past_year_is_background():
    assert not found("За минулий рік російські ракети пошкодили в Одесі понад 300 будинків, нагадав мер.")
    assert not found("За останні три місяці дрони зруйнували у Херсоні понад сорок шкіл.")


def test_money_to_rebuild_what_shelling_damaged_is_no_event():
    assert not found("Уряд спрямує 500 млн гривень на відбудову шкіл, зруйнованих обстрілами в Чернігові та Сумах.")
    assert not found("Кабмін виділив кошти на відновлення лікарень, пошкоджених внаслідок ракетних ударів у Миколаєві.")


def test_a_speakers_surname_heading_a_line_is_not_a_place():
    items = found("Федоров: у Запоріжжі пролунали вибухи, наслідки уточнюються.")
    assert items and all(near(i, 47.838, 35.139) for i in items)


def test_a_town_put_first_with_its_region_is_the_object_of_the_attack():
    items = found("Уночі Туапсе в Краснодарському краї атакували безпілотники, на НПЗ спалахнула пожежа.")
    assert items and all(near(i, 44.101, 39.083) for i in items)  # Tuapse, not the Krasnodar region
    items = found("Енгельс у Саратовській області знову атакували дрони.")
    assert items and all(i.geo_precision != "region" for i in items)


def test_a_region_struck_by_missiles_and_drones_over_drone_hits_on_its_towns_is_their_summary():
    items = found("Уночі росіяни атакували ракетами й дронами газову інфраструктуру на Сумщині. У Шостці безпілотник "
                  "влучив у котельню, у Конотопі дрони пошкодили підстанцію.")
    assert any(near(i, 51.864, 33.473) for i in items) and any(near(i, 51.233, 33.2) for i in items)
    assert not any(i.geo_precision == "region" for i in items)


def test_hitting_a_place_with_a_named_weapon_is_a_strike():
    items = found("Уночі по Вовчанську та Старосалтівській громаді ворог бив з мінометів і танків.")
    assert any(near(i, 50.291, 36.941) for i in items) and any(near(i, 50.072, 36.785) for i in items)
    assert any(near(i, 46.637, 32.615) for i in found("Того ж дня по Херсону окупанти гатили з артилерії."))


def test_a_district_heading_its_line_with_a_dash_tells_its_event():
    items = found("Бучанський район — ворожий дрон атакував склад, поранено охоронця.")
    assert any(near(i, 50.547, 30.209) and i.injured == 1 for i in items)  # Bucha
    items = found("Оболонський район — влучання в житловий будинок, поранено двох.")
    assert any(near(i, 50.45, 30.52, 0.15) and i.injured == 2 for i in items)  # a quarter of Kyiv


def test_one_person_hurt_told_by_a_pronoun():
    items = found("Росіяни обстріляли Берислав. Під обстріл потрапив 45-річний водій, він дістав тяжкі поранення.")
    assert [i.injured for i in items] == [1]
    items = found("Ворожий дрон атакував автомобіль у Херсоні. За уточненими даними, чоловік живий, він отримав поранення.")
    assert [i.injured for i in items] == [1]


def test_a_russian_town_named_by_a_neuter_adjective_read_from_its_ukrainian_locative():
    items = found("Уночі дрони атакували нафтобазу в Лазаревському, пошкоджено резервуар.")
    assert any(near(i, 43.909, 39.331, 0.1) for i in items)  # Lazarevskoye, Sochi


def test_a_missile_that_fell_is_a_strike_and_the_line_label_yields_to_the_site_told():
    items = found("Синельниківський район. Ворожа ракета впала в поле приблизно за 10 км на північ від Синельникового. "
                  "Вирва, пошкоджено лінію електропередач.")
    assert [i.geo_precision for i in items] == ["approximate"]
    assert items[0].event_type == "missile_strike" and near(items[0], 48.41, 35.52, 0.05)


def test_each_bullet_under_a_strike_line_names_its_plant_town():
    text = ("date 2024-12-05 Генштаб ЗСУ\n\nУ ніч на 5 грудня Сили оборони уразили такі об'єкти:\n"
            "• Рязанський НПЗ — зафіксовано пожежу;\n• Новошахтинський завод нафтопродуктів — результати уточнюються.\n")
    items = found(text)
    assert any(near(i, 54.627, 39.704) for i in items)  # Ryazan
    assert any(near(i, 47.76, 39.933) for i in items)  # Novoshakhtinsk


def test_the_capital_in_ukrainian_with_nothing_in_focus_is_kyiv():
    # only Ukrainian has 'столиці/столицю/столицею'; the Russian 'в столице' with nothing in focus stays unread
    items = found("Уночі вибухи пролунали в столиці: уламки ракети впали на багатоповерхівку, троє людей поранені.")
    assert [(i.place, i.injured) for i in items] == [("Kyiv", 3)]
    assert found("Ночью взрывы прогремели в столице, обломки упали на жилой дом.") == []
