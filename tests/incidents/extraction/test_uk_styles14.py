"""Ukrainian styles, round fourteen (written as an unseen hand first): the Air Force's 'збиття' noun, airports closed in
the passive, recaps of attacks 'already' made, district lines of a regional summary, raion towns in -ове, the region
'над регіоном', 'людей не травмовано'."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2024-07-20")
near = helpers.near


def test_the_shootdown_noun_alone_tells_interceptions_over_the_regions_listed():
    items = found("Станом на 9:00 збиття зафіксовано над Житомирщиною, Вінниччиною та Рівненщиною.")
    assert [i.event_type for i in items] == ["interception"] * 3
    assert any(near(i, 50.69, 28.46, 0.6) for i in items)  # Zhytomyr region


def test_airports_closed_in_the_passive_are_restrictions_not_strikes():
    items = found("Через атаку безпілотників були тимчасово закриті аеропорти Пензи та Саратова.")
    assert sorted(i.event_type for i in items) == ["airspace_restriction", "airspace_restriction"]
    items = found("Вночі аеропорт Калуги був закритий на кілька годин через загрозу атаки дронів.")
    assert [(i.event_type, i.airport_iata) for i in items] == [("airspace_restriction", "KLF")]


def test_a_recap_of_attacks_already_made_this_month_is_background():
    text = ("Вночі дрони атакували нафтобазу в Новошахтинську. Як повідомлялося, у липні безпілотники вже били по військових "
            "об'єктах у Курській та Орловській областях.")
    items = found(text)
    assert any(near(i, 47.757, 39.935) for i in items)  # Novoshakhtinsk
    assert not any(near(i, 51.73, 36.19, 0.8) or near(i, 52.97, 36.07, 0.8) for i in items)  # no Kursk, no Oryol
    assert found("Нагадаємо, вночі дрони вже атакували Липецьк.")  # this report's night: today's attack


def test_a_district_line_maps_its_settlements_not_the_district_town():
    text = ("Наслідки ворожих ударів за добу:\n"
            "🔸 Чугуївський район — смт Печеніги, пошкоджено будинок культури, поранено жінку;\n"
            "🔸 Богодухівський район — м. Золочів та с. Одноробівка, удар КАБу, пошкоджено склад.")
    items = found(text)
    assert any(near(i, 49.87, 36.93, 0.1) and i.injured == 1 for i in items)  # Pechenihy
    assert any(near(i, 50.28, 35.98, 0.1) for i in items)  # Zolochiv
    assert not any(near(i, 49.836, 36.686, 0.05) for i in items)  # not Chuhuiv, the district's town
    assert not any(near(i, 50.165, 35.527, 0.05) for i in items)  # not Bohodukhiv


def test_a_district_lines_village_unknown_near_the_district_is_not_a_far_namesake():
    items = found("Наслідки обстрілів:\n▪️ Богодухівський район — с. Лісне, пошкоджено господарчі будівлі, загинув чоловік.")
    assert items and all(near(i, 50.165, 35.527, 0.6) for i in items)  # in the Bohodukhiv district, not Odesa's Lisne


def test_a_raion_named_after_a_town_in_ove_is_that_town():
    items = found("Над Синельниківським районом сили ППО знешкодили чотири ударні БпЛА.")
    assert [i.event_type for i in items] == ["interception"] and near(items[0], 48.32, 35.52)  # Synelnykove
    assert not found("У Шевченківському районі відкрили новий сквер.")


def test_a_drone_sent_at_a_town_is_a_strike_there():
    items = found("Ворог направив на Марганець FPV-дрон, поранено чоловіка.")
    assert any(near(i, 47.648, 34.63) and i.injured == 1 for i in items)  # Marhanets
    assert not found("Пораненого направили до лікарні в Дніпрі.")


def test_over_the_region_is_the_region_of_the_official_who_speaks():
    items = found("Губернатор Курської області Олексій Смирнов заявив, що вночі над регіоном збили дев'ять дронів.")
    assert [i.event_type for i in items] == ["interception"] and near(items[0], 51.73, 36.2, 1.0)
    assert not found("Губернатор Курської області заявив, що на території області відкрито пункти обігріву.")


def test_people_not_hurt_is_no_one_injured():
    items = found("Уламки дрона пошкодили дах складу в Лозовій. Людей не травмовано.")
    assert items and items[0].injured == 0


def test_a_ukrainian_raion_reaches_far_from_its_town():
    items = found("У Синельниківському районі дрон атакував Межівську громаду: пошкоджено ферму, поранено тракториста.")
    assert any(near(i, 48.255, 36.73) for i in items)  # Mezhova
    assert not any(near(i, 48.32, 35.52, 0.05) for i in items)  # not Synelnykove, the raion's town


def test_a_town_in_ets_losing_its_e_is_that_town_not_a_foreign_namesake():
    items = found("Губернатор повідомив про падіння уламків безпілотника біля Єльця, загорілася трава.")
    assert items and all(near(i, 52.61, 38.51) for i in items)  # Yelets, not Ełk in Poland
    assert all(near(i, 52.61, 38.51) for i in found("Вночі дрони атакували нафтобазу в Єльці."))


def test_a_report_the_authorities_do_not_confirm_is_not_mapped():
    assert not found("Місцеві пабліки писали про вибухи в Анапі, однак влада цього не підтверджує.")
    text = "Влада не підтверджує інформацію про загиблих, але вибух у Шебекіному пошкодив будинок."
    assert any(near(i, 50.41, 36.89) for i in found(text))  # Shebekino: the damage is told as fact


def test_without_victims_is_nobody_hurt_and_not_without_victims_is_not():
    items = found("Уламки збитої ракети впали біля Феодосії, за словами окупантів, без жертв.")
    assert items and items[0].killed == 0
    items = found("Удар по Миколаєву: не обійшлося без жертв, загинула жінка.")
    assert items and items[0].killed == 1 and items[0].injured != 0


def test_shooting_down_as_a_topic_is_no_interception():
    assert not found("Румунія обговорює можливість збиття російських дронів над Одещиною.")
    assert not found("Мер попросив партнерів допомогти зі збиттям шахедів над Дніпром.")
    assert [i.event_type for i in found("Повітряні сили повідомили про збиття 25 дронів над Полтавщиною.")] == ["interception"]


def test_an_airport_that_stays_closed_is_no_new_restriction():
    assert not found("Аеропорт Одеси залишається закритим для цивільних рейсів.")


def test_an_attack_recalled_with_already_but_not_as_a_repeated_one_stays_an_event():
    items = found("Як повідомлялося, ворог уже атакував Шостку балістикою, загинули двоє людей.")
    assert any(near(i, 51.86, 33.48) and i.killed == 2 for i in items)  # Shostka: one attack, told as reported
    assert not found("Нагадаємо, ворожі дрони вже долітали до Чебоксар та Нижнього Новгорода.")


def test_a_community_after_its_raion_is_not_a_namesake_of_another_region():
    items = found("У Краматорському районі росіяни вдарили по Миколаївській громаді, пошкоджено дитсадок.")
    assert items and not any(near(i, 46.97, 32.0, 1.0) for i in items)  # not Mykolaiv city, 400 km away
    items = found("У Синельниківському районі ворог атакував Покровську громаду дроном, пошкоджено будинок.")
    assert items and all(near(i, 48.32, 35.52, 0.05) for i in items)  # the raion, not Pokrovsk of the Donetsk region


def test_an_attempt_to_strike_that_was_all_shot_down_is_an_interception():
    items = found("Уночі окупанти намагалися вдарити по Броварах шахедами, але всі дрони знищила ППО.")
    assert [i.event_type for i in items] == ["interception"] and near(items[0], 50.51, 30.79)
    items = found("Ворог намагався атакувати Полтаву ракетами, одна влучила в підприємство.")
    assert items and items[0].event_type != "interception"


def test_an_airport_closed_for_the_threat_of_attack_is_a_restriction_not_a_strike_on_its_city():
    items = found("У Самарі через загрозу атаки безпілотників тимчасово закрили аеропорт.")
    assert [(i.event_type, i.airport_iata) for i in items] == [("airspace_restriction", "KUF")]


def test_where_a_speaker_spoke_after_the_verb_is_not_a_site():
    items = found("Дрони атакували Орел і Липецьк, заявив речник Кремля журналістам у Москві.")
    assert items and not any(near(i, 55.75, 37.62, 0.5) for i in items)  # not Moscow


def test_a_campaign_told_by_its_frequency_or_its_month_total_is_background():
    assert not found("Обстріли Нікополя тривають щодня: лише за серпень місто атакували понад 300 разів.")
    assert not found("Окупанти б'ють по енергетиці Запоріжжя вже третій рік.")
    items = found("Цієї ночі, як і щоночі, шахеди атакували Херсон.")
    assert any(near(i, 46.64, 32.62) for i in items)  # tonight's attack, like every night's


def test_a_denied_hit_is_no_strike():
    assert not found("Хмельницька ОВА заперечує влучання в аеродром у Старокостянтинові.")
    assert not found("Влада Брянської області відкидає повідомлення про атаку на Сельцо.")
    assert found("Вночі дрони атакували Харків. Мер заперечив чутки про загиблих.")  # the rumour denied, not the attack


def test_airports_whose_flights_are_held_during_an_attack_are_restricted_not_struck():
    items = found("Через атаку безпілотників на Казань в аеропортах Казані та Нижньокамська затримуються рейси.")
    assert sorted(i.airport_iata for i in items if i.event_type == "airspace_restriction") == ["KZN", "NBC"]
    assert not any(i.airport_iata and i.event_type != "airspace_restriction" for i in items)
