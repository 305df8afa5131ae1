"""Ukrainian styles, round nine: authorities' acronyms, 'no dead or wounded' with an aside, airports whose work was
limited, a recap's date, a report called false, a strike only feared."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-03-12")
near = helpers.near


def test_an_authoritys_acronym_is_no_place():
    for text in ("Уночі дрони атакували Одесу, є поранені, повідомили в ОВА.",
                 "Ракета влучила в житловий будинок у Києві, загинули двоє людей, інформують у КМВА."):
        items = found(text)
        assert items and all(i.country == "UA" for i in items), text


def test_no_dead_or_wounded_with_an_aside():
    for text, killed in (("Дрон атакував Курчатов. Поранених, за словами губернатора, немає.", None),
                         ("Ракета влучила в склад у Павлограді. Загиблих і травмованих, за попередніми даними, немає.", 0),
                         ("Уночі шахеди атакували Ізмаїл. Загиблих унаслідок нічної атаки на місто немає.", 0)):
        items = found(text)
        assert len(items) == 1 and items[0].injured == 0 and items[0].killed in (killed, 0), text


def test_no_information_on_casualties_is_not_zero():
    items = found("Дрони атакували Новошахтинськ, виникла пожежа. Інформації про постраждалих поки немає.")
    assert len(items) == 1 and items[0].injured is None


def test_an_airport_whose_work_was_limited_is_a_restriction():
    for text, iata in (("Через атаку безпілотників Росавіація обмежила роботу аеропорту Самари.", "KUF"),
                       ("Аеропорт Казані понад годину не приймав і не відправляв рейси.", "KZN")):
        items = found(text)
        assert any(i.event_type == "airspace_restriction" and i.airport_iata == iata for i in items), text


def test_a_recaps_day_does_not_date_the_updates_before_it():
    text = ("08:10\nУ Харкові вибухи, місто атакують шахеди.\n\n09:30\nТерехов: пошкоджено склад, поранено двох людей.\n\n"
            "Нагадаємо, у ніч на 11 березня ворожі дрони атакували Суми.")
    items = found(text)
    kharkiv = [i for i in items if near(i, 49.99, 36.23)]
    sumy = [i for i in items if near(i, 50.91, 34.80)]
    assert kharkiv and all(i.started_at == "2025-03-12" for i in kharkiv)
    assert sumy and sumy[0].started_at == "2025-03-11"


def test_a_report_of_an_alleged_hit_is_denied():
    for text, lat, lon in (("Російські пабліки поширюють чутки про нібито удар по порту Південного. Інформацію спростували в ОВА.",
                            46.62, 31.10),
                           ("Голова громади назвав брехнею повідомлення про вибухи на нафтобазі в Кременчуці.", 49.07, 33.42)):
        assert not any(near(i, lat, lon) for i in found(text)), text


def test_a_strike_only_feared_is_no_incident():
    for text in ("Енергетики Дніпра підготували резервне живлення лікарень на випадок нових атак на енергосистему.",
                 "У разі масованого обстрілу у Львові відкриють додаткові пункти незламності."):
        assert found(text) == [], text


def test_attacks_told_as_repeated_or_at_the_start_of_the_year_are_background():
    for text, lat, lon in (("Уночі дрони атакували НПЗ у Саратові. Раніше безпілотники вже не раз атакували нафтобазу в Новошахтинську.",
                            47.76, 39.93),
                           ("Дрони атакували порт Приморсько-Ахтарська. На початку року українські дрони вже били по порту Таманя.",
                            45.22, 36.72),
                           ("Дрони атакували Туапсе. Сили оборони неодноразово уражали аеродром Міллерово.", 48.92, 40.40)):
        items = found(text)
        assert items and not any(near(i, lat, lon) for i in items), text


def test_a_speaker_named_earlier_heading_a_line_is_no_place():
    text = ("06:20\nУ Дніпрі лунають вибухи. Голова ОВА Сергій Лисак просить не виходити з укриттів.\n\n"
            "06:45\nЛисак: у Самарському районі уламки пошкодили приватний будинок.")
    items = found(text)
    assert items and all(near(i, 48.46, 35.05, 0.5) for i in items)


def test_a_speaker_read_as_a_village_heading_a_line_is_no_place():
    text = ("05:05\nУ Львові вибухи, Андрій Садовий закликає бути в укриттях.\n\n"
            "05:40\nСадовий: у Залізничному районі уламки влучили в будинок.")
    items = found(text)
    assert items and all(near(i, 49.84, 24.03) for i in items)


def test_drones_downed_over_the_region_are_its_interception():
    for text, lat, lon in (("Голова Чернігівської ОВА: уночі ворог атакував Ніжин. Над областю сили ППО збили п'ять шахедів.",
                            51.26, 32.03),
                           ("Житомирська ОВА. Протягом ночі над областю знешкоджено три ворожі безпілотники.", 50.5, 28.5)):
        items = found(text)
        assert any(i.event_type == "interception" and near(i, lat, lon, 1.0) for i in items), text


def test_a_two_word_name_among_those_heading_a_line():
    text = ("Під обстрілами були громади Сумщини.\nШостка – удар дрона, пошкоджено склад.\n"
            "Краснопілля, Велика Писарівка – артилерія, поранено чоловіка.")
    items = found(text)
    assert any(near(i, 50.77, 35.26) for i in items) and any(near(i, 50.43, 35.48) for i in items)


def test_the_city_an_airport_lies_in_is_no_strike_site():
    items = found("Через атаку дронів аеропорт Шереметьєво в Москві понад годину не приймав і не відправляв літаки.")
    assert [i.airport_iata for i in items] == ["SVO"] and items[0].event_type == "airspace_restriction"


def test_downed_drones_that_attacked_a_region_are_its_interception():
    items = found("Сили ППО знешкодили 14 із 20 шахедів, які атакували Миколаївщину.")
    assert items and all(i.event_type == "interception" for i in items)
