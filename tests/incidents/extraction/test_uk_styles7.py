"""Ukrainian styles, round seven: an earlier attack recalled ('Нагадаємо, у квітні …', 'Раніше, 1 лютого, …') is
background, never an incident nor the date of this one; makers and hometowns are no sites; a title that alone names the
place of the event; 'у порту Одеси'; casualties denied as 'обійшлося без травмованих'; teasers under 'Найчитаніше'."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2024-08-03")
near = helpers.near


def test_a_month_named_as_a_period_marks_an_earlier_attack():
    for text, lat, lon in (
            ("Уночі дрони атакували аеродром Морозовськ. Нагадаємо, у квітні Сили оборони вже били по аеродрому в Єйську.",
             46.69, 38.28),
            ("Вночі ракета влучила в підприємство в Павлограді. Наприкінці травня росіяни вже обстрілювали Синельникове.",
             48.32, 35.52)):
        items = found(text)
        assert items and not any(near(i, lat, lon) for i in items), text


def test_a_recap_of_an_earlier_day_neither_adds_an_incident_nor_dates_this_one():
    for text, lat, lon in (
            ("Зранку росіяни вдарили по Миргороду. Раніше, 1 лютого, окупанти атакували Полтаву дронами, тоді загинули четверо.",
             49.59, 34.55),
            ("Вдень КАБ влучила в Куп'янськ. Нагадаємо, 12 березня ворог уже бив по Ізюму, поранено двох людей.",
             49.21, 37.25)):
        items = found(text, published="2024-07-02")
        assert len(items) == 1 and not near(items[0], lat, lon), text
        assert str(items[0].started_at)[:10] == "2024-07-02", text


def test_a_recap_of_the_same_day_is_still_the_event():
    items = found("Нагадаємо, вночі 2 липня дрони атакували Кременчук, пошкоджено підприємство.", published="2024-07-02")
    assert len(items) == 1 and near(items[0], 49.07, 33.41)


def test_makers_and_hometowns_are_not_sites():
    for text, lat, lon in (
            ("Дрони вразили НПЗ у Рязані. Ці безпілотники виготовлені на заводі у Вінниці.", 49.23, 28.47),
            ("Ракета влучила в Херсон. Ракети для ППО тепер виробляють підприємства у Львові.", 49.84, 24.03),
            ("У Сумах дрон влучив у гараж; постраждав військовий, уродженець Конотопа.", 51.24, 33.20)):
        items = found(text)
        assert items and not any(near(i, lat, lon) for i in items), text


def test_the_title_alone_names_the_place():
    for text, lat, lon, killed, injured in (
            ("Дрон атакував Шостку: загинула жінка\n\nБезпілотник влучив у двоповерховий будинок уранці.", 51.864, 33.473, 1, None),
            ("Росіяни скинули КАБ на Золочів на Харківщині: поранені троє людей\n\nВибухом пошкоджено магазин і три будинки.",
             50.28, 35.98, None, 3)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text
        assert (killed is None or items[0].killed == killed) and (injured is None or items[0].injured == injured), text


def test_a_title_is_not_read_when_the_body_names_the_site():
    items = found("Обстріл Харківщини: є поранені\n\nУвечері КАБ влучила в Богодухів, поранено двох чоловіків.")
    assert len(items) == 1 and near(items[0], 50.165, 35.523) and items[0].injured == 2


def test_a_port_names_its_city_in_the_genitive():
    for text, lat, lon in (("Ракета влучила в контейнеровоз у порту Одеси, загинули вісім людей.", 46.48, 30.72),
                           ("Дрони атакували судно в акваторії Ізмаїла, поранено двох моряків.", 45.35, 28.84)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text


def test_no_one_injured_said_without_the_usual_words():
    for text in ("Прилуки: після падіння уламків шахеда пошкоджено адмінбудівлю, обійшлося без травмованих.",
                 "Ніжин: уламки дрона пошкодили гараж. Без поранених."):
        items = found(text)
        assert len(items) == 1 and items[0].injured == 0, text


def test_teasers_under_most_read_keep_their_casualties():
    text = ("Уламки дрона пошкодили багатоповерхівку у Черкасах, травмувався чоловік.\n\nНайчитаніше\n"
            "1. Обстріл Слов'янська: загинули двоє людей, поранено 11\n2. Херсон: знеструмлено район")
    items = found(text)
    assert len(items) == 1 and near(items[0], 49.44, 32.06) and items[0].injured == 1


def test_air_bases_by_their_ukrainian_names():
    for text, lat, lon in (("Дрони атакували аеродром «Шайківка» на Калужчині.", 54.226, 34.371),
                           ("СБУ вразила аеродром Борисоглібськ у Воронезькій області.", 51.367, 42.178),
                           ("Під ударом опинився аеродром Гвардійське в окупованому Криму.", 45.115, 33.977)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon, 0.1), text


def test_what_a_base_is_used_for_is_no_event():
    for text, lat, lon in (
            ("Дрони атакували аеродром Борисоглібськ, звідки Су-34 завдають ударів КАБами по Харківщині.", 49.47, 36.46),
            ("Уражено аеродром Морозовськ, де базуються бомбардувальники, які б'ють по Запоріжжю.", 47.84, 35.14)):
        items = found(text)
        assert len(items) == 1 and not near(items[0], lat, lon, 1.0), text


def test_bulleted_sites_under_a_line_that_tells_the_strike():
    for text, places in (
            ("Підтверджено ураження:\n▪️ аеродром «Шайківка» (Калузька обл.) — уражено склад;\n▪️ аеродром Морозовськ.",
             [(54.226, 34.371), (48.313, 41.791)]),
            ("Сили оборони уразили такі об'єкти:\n• аеродром Міллерово;\n• аеродром Енгельс-2.",
             [(48.953, 40.296), (51.467, 46.2)])):
        items = found(text)
        assert len(items) == 2 and all(any(near(i, *p, 0.15) for i in items) for p in places), text


def test_bullets_under_a_line_without_an_event_stay_mentions():
    items = found("Наші кореспонденти працюють у містах:\n• Суми;\n• Харків.")
    assert items == []


def test_a_town_near_a_city_names_the_city_as_its_reference():
    for text, lat, lon in (("Вночі під ударом опинився аеродром Гвардійське під Сімферополем.", 44.95, 34.10),
                           ("Уламки дрона впали на Кульбакине поблизу Миколаєва, виникла пожежа.", 46.97, 32.0)):
        items = found(text)
        assert len(items) == 1 and not near(items[0], lat, lon, 0.03), text


def test_a_later_relative_day_with_its_own_site_does_not_redate_the_event_before():
    for text in ("Вночі дрони атакували аеродром Гвардійське. Позавчора безпілотники вже атакували аеродром Саки.",
                 "Уночі ракета влучила в Одесу. Учора ввечері дрони атакували Ізмаїл."):
        items = found(text, published="2024-10-16")
        assert len(items) == 2 and str(items[0].started_at)[:10] == "2024-10-16", text


def test_a_community_named_by_its_town_with_ikavism():
    for text, lat, lon in (("Дрон атакував Межівську громаду, поранено жінку.", 48.254, 36.732),
                           ("Під обстрілом опинилася Василівська громада, пошкоджено будинки.", 47.442, 35.282),
                           ("У Пологівській громаді дрон влучив у склад.", 47.479, 36.255)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon, 0.1), text


def test_a_district_of_a_town_in_tsk_or_zk():
    for text, lat, lon in (("У Запорізькому районі дрон влучив у склад.", 47.85, 35.12),
                           ("У Кременчуцькому районі дрон влучив у склад.", 49.06, 33.40),
                           ("Ракета влучила в підприємство в Луцькому районі.", 50.76, 25.35)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon, 0.1), text


def test_no_hamlet_nor_city_quarter_for_a_district_in_iv():
    for text in ("Окупанти обстріляли Василівський район, поранено чоловіка.",
                 "У Салтівському районі дрон влучив у склад."):
        items = found(text)
        assert not any(near(i, 48.61, 25.84, 0.3) for i in items), text  # Vasyliv, Chernivtsi oblast: 1,229 people
        assert not any(i.place == "Saltivka" for i in items), text


def test_the_subject_after_a_plural_passive_strike():
    for text, lat, lon in (("Протягом доби під обстрілами також була Золочівська громада Харківщини.", 50.28, 35.98),
                           ("Вночі під ударами знову опинився Нікополь.", 47.568, 34.391)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon, 0.1), text


def test_what_a_base_is_used_for_outweighs_regularly():
    items = found("Дрони атакували аеродром «Енгельс», де базуються бомбардувальники, що регулярно б'ють по Одесі.")
    assert len(items) == 1 and near(items[0], 51.467, 46.2, 0.1)


def test_a_mobile_fire_group_is_air_defence():
    for text in ("Біла Церква: мінус 3, працювала мобільна вогнева група.", "Обухів — відпрацювали МВГ, мінус два."):
        items = found(text)
        assert len(items) == 1 and items[0].event_type == "interception", text


def test_a_city_in_the_genitive_after_the_target_noun():
    for text, lat, lon in (("Росіяни вдарили ракетою по промисловому підприємству Запоріжжя, загинули троє людей.", 47.84, 35.14),
                           ("Дрони атакували об'єкти енергетики Києва, пошкоджено підстанцію.", 50.45, 30.52),
                           ("Уражено інфраструктуру Одеси, поранено двох.", 46.48, 30.72)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text


def test_a_hospital_city_in_the_genitive_is_no_site():
    assert found("Постраждалих доставили до лікарні Дніпра.") == []


def test_people_who_sought_medical_help_are_injured():
    for text, injured in (("Дрони атакували Енгельс, п’ятеро людей звернулися до лікарів.", 5),
                          ("Після удару по Сумах ще троє мешканців звернулися по медичну допомогу.", 3)):
        items = found(text)
        assert len(items) == 1 and items[0].injured == injured, text


def test_a_figure_corrected_in_the_same_breath_or_a_later_entry():
    for text in ("Уточнення: у Ніжині поранено не трьох, а двох людей.",
                 "Ніжин. Удар шахеда по приватному сектору, троє поранених.\n\nУточнення: у Ніжині поранено двох людей."):
        items = found(text)
        assert len(items) == 1 and items[0].injured == 2, text


def test_a_live_blogs_newest_entry_corrects_the_figure_told_below_it():
    for text in ("07:45\nУточнення: у Ніжині поранено не трьох, а двох людей.\n\n06:10\nНіжин. Удар шахеда, троє поранених.",
                 "10:40\nЗа уточненими даними, у Прилуках поранено двох.\n\n09:05\nПрилуки: дрон влучив у будинок, четверо поранених."):
        items = found(text)
        assert len(items) == 1 and items[0].injured == 2, text


def test_where_the_speakers_are_is_no_site_when_what_they_said_names_one():
    for text, lat, lon in (("У Києві в Офісі президента заявили, що удар по Сумах — воєнний злочин.", 50.91, 34.80),
                           ("В Одесі губернатор повідомив, що дрон влучив у склад у Чорноморську.", 46.30, 30.66)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon, 0.1), text


def test_a_speaker_in_the_city_that_was_struck_keeps_it():
    items = found("У Харкові мер Ігор Терехов заявив, що вночі ракета влучила в підприємство.")
    assert len(items) == 1 and near(items[0], 49.99, 36.23)


def test_where_an_official_stays_is_no_site():
    for text in ("Після удару по Дніпру президент Зеленський, який перебуває у Вашингтоні, закликав посилити ППО.",
                 "Удар по Дніпру стався, коли міністр перебував з візитом у Берліні."):
        items = found(text)
        assert len(items) == 1 and near(items[0], 48.47, 35.04), text


def test_an_attack_that_took_lives():
    for text, killed in (("Удар по Запоріжжю забрав життя трьох людей.", 3),
                         ("Ракетна атака на Суми обірвала життя двох людей.", 2)):
        items = found(text)
        assert len(items) == 1 and items[0].killed == killed, text


def test_a_title_of_explosions_gives_its_place_and_the_body_its_casualties():
    items = found("Вибухи в Полтаві\n\nРакета влучила в житловий будинок, загинули двоє людей.\n\n"
                  "Читайте також: Як Кременчук відновлюється після удару по НПЗ")
    assert len(items) == 1 and near(items[0], 49.59, 34.55) and items[0].killed == 2


def test_a_title_over_a_body_that_tells_no_event_is_not_read():
    assert found("Вибухи в Полтаві\n\nМіська рада оголосила конкурс на ремонт доріг.") == []


def test_a_place_with_its_time_heads_the_line_before_a_dash():
    for text, lat, lon in (("Миколаїв, 02:10 — вибухи, світло зникло.", 46.97, 32.0),
                           ("Суми, 23:40 — прильоти в центрі міста.", 50.91, 34.80)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text


def test_the_subject_before_a_copula_and_its_passive_strike():
    for text, lat, lon in (("Саратов також був під атакою, пошкоджено житловий будинок.", 51.53, 46.03),
                           ("Херсон знову був під обстрілом, пошкоджено лікарню.", 46.64, 32.62)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text


def test_an_airfield_word_opening_the_sentence_is_not_part_of_the_name():
    for text, lat, lon in (("Аеродром Озерне, Житомирщина: вибухи вночі.", 50.158, 28.738),
                           ("Авіабаза Кульбакіно — вибухи, пожежа.", 46.935, 32.095)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon, 0.05), text


def test_loud_in_a_post_is_explosions_but_not_a_loud_statement():
    items = found("Бровари — гучно. Київ — тихо.")
    assert len(items) == 1 and near(items[0], 50.51, 30.79)
    assert found("Мер Києва гучно заявив про нові укриття.") == []


def test_a_place_with_its_district_or_region_labels_its_line():
    for text, lat, lon in (("Гвардійське, Сімферопольський район. Близько 3:40 мешканці чули серію вибухів.", 45.117, 34.0),
                           ("Шостка, Сумщина. Дрон влучив у підприємство, поранено двох.", 51.864, 33.473),
                           ("Аеродром Кача. Вночі вибухи, горить склад.", 44.785, 33.559)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon, 0.1), text


def test_two_towns_in_a_row_label_nothing():
    assert found("Київ, Харків. Сьогодні у містах відкрили нові пункти незламності.") == []


def test_communities_listed_after_a_passive_strike_and_a_dash():
    items = found("Сумщина: за добу 87 обстрілів, 203 вибухи. Під ударом — Білопільська, Краснопільська та Миропільська громади.")
    assert len(items) == 3 and all(i.geo_precision == "city" for i in items)
    items = found("Під обстрілом з артилерії — Очаків.")
    assert len(items) == 1 and near(items[0], 46.61, 31.55)


def test_a_countrywide_toll_is_not_the_citys():
    for text in ("Вночі в Одесі дрон влучив у багатоповерхівку. Загалом за ніч в Україні загинули 7 людей, поранено 40.",
                 "У Харкові ракета влучила в склад. По всій країні за добу поранено 25 людей."):
        items = found(text)
        assert len(items) == 1 and items[0].killed is None and items[0].injured is None, text


def test_two_towns_heading_a_line_together_are_both_sites():
    items = found("▪️ Степногірськ, Малокатеринівка — 14 артилерійських обстрілів, пошкоджено будинки.")
    assert len(items) == 2 and any(near(i, 47.59, 35.36, 0.03) for i in items) and any(near(i, 47.656, 35.257, 0.03) for i in items)
