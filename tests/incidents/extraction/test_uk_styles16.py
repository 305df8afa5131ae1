"""Ukrainian styles, round sixteen (written as an unseen hand first): 'earlier this month' recaps, a daily count of
attacks ('понад 20 разів') that is today's, 'обмежив прийом' at an airport, 'авіаударів зазнали', 'збили N з них', ground
assaults counted by the General Staff."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2024-10-22")
near = helpers.near


def test_a_recap_of_earlier_this_month_or_week_is_background():
    text = ("Уночі дрони атакували Чернігів, пошкоджено склад. Як повідомлялося, раніше цього тижня ракета влучила в "
            "ангар на околиці Ніжина.")
    items = found(text)
    assert any(near(i, 51.49, 31.29) for i in items)  # Chernihiv
    assert not any(near(i, 51.05, 31.88) for i in items)  # not Nizhyn
    items = found("Дрон атакував Суми. На початку тижня ворог вдарив КАБом по Охтирці.")
    assert not any(near(i, 50.31, 34.90) for i in items)  # not Okhtyrka


def test_a_daily_count_of_attacks_is_todays_not_a_campaign():
    items = found("Понад 20 разів ворог гатив по Марганецькій та Червоногригорівській громадах. Поранено чоловіка.")
    assert any(near(i, 47.63, 34.62, 0.1) for i in items)  # Marhanets
    assert not found("Росія вже понад 300 разів атакувала Нікополь від початку року.")  # a campaign's total


def test_an_airport_that_limited_arrivals_and_departures_is_a_restriction():
    items = found("Через атаку дронів аеропорт Казані вночі обмежив прийом і відправлення літаків.")
    assert [(i.event_type, i.airport_iata) for i in items] == [("airspace_restriction", "KZN")]


def test_settlements_that_suffered_airstrikes_are_sites():
    items = found("Протягом дня авіаударів зазнали райони населених пунктів Кіндрашівка та Куп'янськ.")
    assert any(near(i, 49.71, 37.61, 0.1) for i in items)  # Kupiansk
    assert any(near(i, 49.77, 37.58, 0.05) for i in items)  # Kindrashivka


def test_shot_down_so_many_of_them_over_the_regions_is_an_interception():
    items = found("Ворог запустив 40 шахедів. Над Полтавщиною та Черкащиною сили ППО знищили 25 з них.")
    assert sorted(i.event_type for i in items) == ["interception", "interception"]


def test_ground_assaults_counted_near_a_town_are_not_strikes_there():
    text = ("На Покровському напрямку ворог 41 раз атакував у районах Лисівки та Новотроїцького. "
            "На Лиманському напрямку окупанти атакували позиції наших захисників поблизу Торського.")
    assert not found(text)
    assert found("Ворог 15 разів атакував Нікополь з артилерії, поранено жінку.")  # shelling a town, counted


def test_a_community_adjective_reads_its_town_in_the_region_of_the_towns_listed_before_it():
    items = found("Уранці артилерія гатила по Марганцю та Покровській громаді, пошкоджено два будинки.")
    assert any(near(i, 47.654, 34.115, 0.05) for i in items)  # Pokrov, beside Marhanets
    assert not any(near(i, 48.28, 37.18, 0.3) for i in items)  # not Pokrovsk of the Donetsk region
    assert any(near(i, 47.63, 34.62, 0.05) for i in found("Дрон атакував Марганецьку громаду."))  # Марганець from -ецька
    assert any(near(i, 50.10, 25.73, 0.1) for i in found("Уночі ворог обстріляв Кременецьку громаду."))  # Кременець
    assert any(near(i, 52.61, 38.51, 0.1) for i in found("В Елецком районе беспилотник атаковал подстанцию."))  # Елец


def test_a_regions_total_after_the_last_line_is_not_that_lines_count():
    text = ("Дрон атакував Межівську громаду, обійшлося без постраждалих.\n"
            "Загалом за добу в області поранено двох людей.")
    items = found(text)
    assert [i.injured for i in items] == [0]


def test_a_live_blogs_grown_toll_above_the_entry_naming_the_weapon_is_one_incident():
    text = ("14:30\nЗапорізька ОВА: кількість загиблих у Запоріжжі зросла до 6, ще 21 людина поранена.\n\n"
            "10:05\nВорог уранці вдарив по Запоріжжю керованими авіабомбами. Загинули щонайменше четверо людей.")
    items = found(text)
    assert len(items) == 1 and (items[0].killed, items[0].injured) == (6, 21)


def test_the_raion_named_after_kryvyi_rih_is_read_back_to_the_city():
    items = found("Ворог атакував Криворізький район ударними дронами, пошкоджено склад.")
    assert [round(i.lat, 1) for i in items] == [47.9]  # Kryvyi Rih


def test_an_area_named_after_a_town_right_after_a_site_is_where_it_lies():
    items = found("Вранці дрон атакував Лебедин на Охтирщині: поранено двох людей.")
    assert len(items) == 1 and near(items[0], 50.59, 34.48, 0.1) and items[0].injured == 2  # Lebedyn, not Okhtyrka
    assert [i.injured for i in found("Ворог гатив по Охтирщині, поранено чоловіка.")] == [1]  # the area alone is the site


def test_a_raion_labelling_its_line_after_another_city_is_its_own_town():
    text = ("У Дніпрі уламки пошкодили гараж, поранено жінку.\n\n"
            "🔸 Павлоградський район. Вночі сили ППО знищили над районом три безпілотники.")
    items = found(text)
    assert any(i.event_type == "interception" and near(i, 48.53, 35.87, 0.1) for i in items)  # Pavlohrad, not Dnipro's


def test_a_village_by_its_own_name_near_the_city_in_focus_beats_a_city_that_once_bore_it():
    items = found("Уранці окупанти обстріляли Херсон, поранено жінку. Пізніше під обстріл потрапив Станіслав.")
    assert any(near(i, 46.57, 32.15, 0.1) for i in items)  # Stanislav of the Kherson region
    assert not any(near(i, 48.92, 24.71, 1.0) for i in items)  # not Ivano-Frankivsk, once called Stanislav
