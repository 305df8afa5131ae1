"""Ukrainian styles, round eight: places in roles that are not sites (where the wounded were taken, what a base is
used for, a corrected first version, a recap of an earlier attack, a tally since the start of the year)."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-03-12")
near = helpers.near


def test_where_the_wounded_were_taken_is_no_site():
    for text, lat, lon in (
            ("Дрон атакував маршрутку на околиці Нікополя. Трьох поранених пасажирів госпіталізували до лікарні у Дніпрі.",
             48.46, 35.05),
            ("Уранці КАБ влучила в Костянтинівку. Поранену жінку евакуювали в Краматорськ.", 48.74, 37.58),
            ("Ракета влучила в підприємство в Ізюмі. Травмованих робітників доставили в обласну лікарню в Харкові.",
             49.99, 36.23)):
        items = found(text)
        assert items and not any(near(i, lat, lon) for i in items), text


def test_what_a_base_is_used_for_is_no_strike():
    for text, lat, lon in (
            ("Уночі дрони атакували аеродром «Борисоглібськ». Росіяни використовують цей аеродром для ударів авіабомбами "
             "по Харкову.", 49.99, 36.23),
            ("Сили оборони уразили аеродром «Міллерово». Ці літаки окупанти використовують, щоб бити по Дніпру.",
             48.46, 35.05)):
        items = found(text)
        assert items and not any(near(i, lat, lon) for i in items), text


def test_a_corrected_first_version_names_no_site():
    items = found("Балістична ракета влучила в Кременчук, є поранені.\n\nВиправлення: у попередній версії матеріалу "
                  "помилково зазначалося, що ракета влучила в Горішні Плавні.")
    assert len(items) == 1 and near(items[0], 49.07, 33.42)


def test_an_undated_recap_is_an_earlier_attack_but_a_recap_of_tonight_is_not():
    items = found("Уночі дрони атакували НПЗ у Сизрані. Як повідомлялося раніше, безпілотники атакували нафтобазу в Тихорецьку.")
    assert len(items) == 1 and near(items[0], 53.16, 48.47)
    items = found("Нагадаємо, раніше цієї ночі ракета влучила в Умань, поранено чотирьох людей.")
    assert len(items) == 1 and near(items[0], 48.75, 30.22)


def test_a_tally_since_the_start_of_the_year_is_no_incident():
    for text in ("Від початку року окупанти вдарили по Запоріжжю понад 300 разів, заявив мер.",
                 "З початку вторгнення росіяни скинули на Херсон понад 900 авіабомб."):
        assert found(text) == [], text


def test_a_district_adjective_of_a_two_word_town_or_a_russian_town_names_it():
    for text, lat, lon in (
            ("Великоолександрівська громада: ворожий дрон атакував автомобіль, поранено водія.", 47.32, 33.29),
            ("Росіяни вдарили КАБами по Старосалтівській громаді, пошкоджено школу.", 50.08, 36.80),
            ("Губернатор заявив, що над Кореневським районом Курської області збито чотири безпілотники.", 51.40, 34.91),
            ("За словами Богомаза, над Трубчевським районом знищено два дрони.", 52.58, 33.77)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), (text, items)


def test_a_quarter_named_after_a_far_city_is_a_quarter_of_the_city_in_focus():
    for text in ("Одеса. Вибухи в місті. Уламки дрона впали в Київському районі, пошкоджено гаражі.",
                 "Уночі шахеди атакували Полтаву. Влучання зафіксовано в Київському районі, є руйнування."):
        items = found(text)
        assert items and not any(near(i, 50.45, 30.52) for i in items), (text, items)


def test_a_district_of_the_region_in_focus_wins_over_a_far_namesake():
    items = found("Уночі дрони атакували аеродром у Калузькій області. Літаки з нього запускають ракети по Києву. "
                  "Губернатор Калузької області заявив про атаку на Кіровський район.")
    assert items and not any(near(i, 50.45, 30.52) or near(i, 58.6, 49.66) for i in items), items


def test_plural_and_adjectival_town_names_in_ukrainian_cases():
    for text, lat, lon in (
            ("Над Лубнами сили ППО збили три шахеди.", 50.02, 33.00),
            ("Мешканці Прилук чули вибухи вночі.", 50.59, 32.39),
            ("Уламки дрона впали в Шебекиному, пошкоджено дах магазину.", 50.41, 36.92),
            ("Біля Клинців знищено безпілотник, повідомив губернатор.", 52.76, 32.24)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), (text, items)


def test_no_casualties_stated_a_few_sentences_after_the_event():
    for text in ("Уночі дрон влучив у нафтобазу в Олександрії, спалахнула пожежа. На місці працювали 30 рятувальників "
                 "з Кропивницького. Вогонь загасили до ранку.\n\nЗагиблих і постраждалих немає.",
                 "Ізюм. Після влучання — займання складу. Рятувальники на місці.\n\nПостраждалих немає."):
        items = found(text)
        assert len(items) == 1 and items[0].injured == 0, (text, items)


def test_counts_after_a_dash_or_a_colon_and_a_long_updated_toll():
    items = found("Удар по Запоріжжю: кількість загиблих зросла до 5, поранених — 27.")
    assert len(items) == 1 and (items[0].killed, items[0].injured) == (5, 27)
    items = found("Внаслідок атаки на Суми загиблих: 2, поранених: 11.")
    assert len(items) == 1 and (items[0].killed, items[0].injured) == (2, 11)
    items = found("Кількість загиблих унаслідок нічного удару ракетою по п'ятиповерхівці в центрі Полтави зросла до 12.")
    assert len(items) == 1 and items[0].killed == 12


def test_settlements_listed_after_their_common_noun_in_an_event_clause():
    items = found("Минулої доби артилерійських обстрілів зазнали населені пункти Вовчанськ, Куп'янськ та Старий Салтів.")
    assert len(items) == 3 and all(any(near(i, lat, lon) for i in items)
                                   for lat, lon in ((50.29, 36.94), (49.71, 37.61), (50.08, 36.80))), items
    items = found("Ударів КАБами зазнали райони населених пунктів Білопілля Сумської області та Ізюм Харківської області.")
    assert len(items) == 2 and all(any(near(i, lat, lon) for i in items) for lat, lon in ((51.15, 34.31), (49.21, 37.25))), items
    items = found("Обстрелам подверглись населенные пункты Суджа и Коренево Курской области.", published="2024-06-03")
    assert len(items) == 2 and all(any(near(i, lat, lon) for i in items) for lat, lon in ((51.19, 35.27), (51.41, 34.90))), items


def test_a_district_heading_a_line_that_tells_its_event_is_the_site():
    text = ("Наслідки атаки на Київщину за ніч:\n\n🔹Вишгородський район: уламки дрона пошкодили дах житлового будинку.\n"
            "🔹Броварський район: поранено двох людей, їх госпіталізовано.")
    items = found(text)
    assert any(near(i, 50.58, 30.49) for i in items), items
    assert any(near(i, 50.51, 30.79) and i.injured == 2 for i in items), items
    items = found("Чугуївський район: м. Вовчанськ — артобстріл, поранено жінку.")
    assert len(items) == 1 and near(items[0], 50.29, 36.94), items
    items = found("— Ізюмський район: у місті Балаклія від удару КАБа пошкоджено школу.")
    assert len(items) == 1 and near(items[0], 49.46, 36.86), items


def test_an_advertisement_label_above_the_headline_is_not_the_end_of_the_article():
    for text, lat, lon in (
            ("Новини › Регіони\n\nРеклама\n\nУдар по Черкасах: пошкоджено адмінбудівлю\n\nУранці ракета влучила в "
             "адміністративну будівлю в Черкасах, поранено трьох людей, повідомив голова ОВА.", 49.44, 32.06),
            ("World › Europe\n\nAdvertisement\n\nDrones hit an oil depot in Bryansk overnight, the governor said, adding "
             "that no one was hurt in the attack.", 53.24, 34.36)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), (text, items)


def test_an_attack_whose_every_drone_was_downed_is_an_interception():
    for text in ("Уночі ворог атакував Вінниччину ударними дронами, проте всі шість безпілотників знищено силами ППО.",
                 "Беспилотники атаковали Курскую область, все они были сбиты средствами ПВО."):
        items = found(text)
        assert len(items) == 1 and items[0].event_type == "interception", (text, items)
    items = found("Уночі росіяни атакували Черкаси дронами, всі цілі збито, але уламки пошкодили дах школи.")
    assert len(items) == 1 and items[0].event_type != "interception", items


def test_no_casualties_after_a_rescue_report_of_several_sentences():
    items = found("У ніч на 3 травня внаслідок атаки дронів у селищі Козелець виникло загоряння складу. На місце прибули "
                  "рятувальники. Пожежу ліквідовано за дві години. До гасіння залучали 15 осіб особового складу та 4 "
                  "одиниці техніки.\n\nЗагиблих та постраждалих немає.")
    assert len(items) == 1 and (items[0].killed, items[0].injured) == (0, 0), items


def test_a_small_town_in_focus_has_no_quarters():
    items = found("Уночі дрон атакував Лубни, пошкоджено склад. Також росіяни вдарили по Ізюмському району, поранено жінку.")
    assert any(near(i, 49.21, 37.25) for i in items), items


def test_an_attack_named_by_a_noun_whose_drones_were_downed_is_the_interception():
    items = found("Через атаку дронів на Москву в аеропорту Шереметьєво запровадили обмеження. Мер Сергій Собянін "
                  "повідомив, що сили ППО знищили шість безпілотників, що летіли на столицю.")
    kinds = [i.event_type for i in items if near(i, 55.75, 37.62)]
    assert kinds == ["interception"], items
    items = found("Через атаку дронів на Курськ уранці закрили аеропорт. Уламки пошкодили дах школи, поранено жінку.")
    assert any(near(i, 51.73, 36.19) and i.event_type == "drone_strike" for i in items), items


def test_a_ukrainian_name_in_e_is_a_nominative_not_a_russian_locative():
    items = found("Уночі ворожий дрон атакував Іванове в Одеській області, пошкоджено два будинки.")
    assert len(items) == 1 and near(items[0], 46.68, 30.88), items
    items = found("Ночью беспилотники атаковали Иваново, сообщил губернатор.")
    assert len(items) == 1 and near(items[0], 57.0, 40.97), items
