"""Faults left by round thirteen, each checked as a class: places the gazetteer lacked (a bridge, an island, border
villages), city quarters, common nouns that are also towns, airports named on their own, page headlines, directions of
approach, Ukrainian weekdays."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-06-11")  # a Wednesday
near = helpers.near


def test_a_landmark_named_as_a_site_is_found_in_every_language_and_case():
    for text in ("Морський дрон атакував опору Кримського мосту, рух тимчасово зупинено.",
                 "На Крымском мосту ночью прогремели взрывы, движение перекрыто.",
                 "Sea drones struck the Kerch bridge before dawn."):
        assert any(near(i, 45.31, 36.51) for i in found(text)), text
    for text in ("Після удару ракети на острові Зміїному пролунали вибухи.",
                 "Российская авиация нанесла удар по острову Змеиный."):
        assert any(near(i, 45.255, 30.204) for i in found(text)), text


def test_border_villages_the_gazetteer_lacked_are_sites():
    assert any(near(i, 50.505, 36.576) for i in found("Дрон ударил по коммерческому объекту в селе Таврово, ранен мужчина."))
    assert any(near(i, 50.584, 35.572) for i in found("В селе Дорогощь беспилотник повредил крышу частного дома."))


def test_a_lower_case_area_word_after_a_name_is_not_read_as_part_of_the_name():
    items = found("Two drones were shot down over the Koriukivka district overnight. The city was not attacked.")
    assert not any(i.country == "GB" for i in items)  # not "the City" (of London)


def test_ukrainian_weekdays_date_the_event_before_publication():
    dates = {text: [i.started_at[:10] for i in found(text)] for text in (
        "У вівторок уранці дрон влучив у житловий будинок у Полтаві.",
        "У ніч на понеділок ворожі дрони атакували Кременчук.",
        "У п’ятницю по обіді росіяни обстріляли Нікополь, є поранені.",
        "В неділю ракета влучила у склад у Запоріжжі.")}
    assert list(dates.values()) == [["2025-06-10"], ["2025-06-09"], ["2025-06-06"], ["2025-06-08"]], dates


def test_an_airport_closed_by_its_own_name_alone_is_a_restriction_there():
    assert helpers.kinds_at("Росавиация на три часа закрыла Внуково.", "2025-06-11") == [("airspace_restriction", "VKO")]
    assert helpers.kinds_at("Росавіація тимчасово закрила Кольцово.", "2025-06-11") == [("airspace_restriction", "SVX")]
    assert helpers.kinds_at("Rosaviatsia shut Sheremetyevo for two hours.", "2025-06-11") == [("airspace_restriction", "SVO")]


def test_a_town_closed_for_entry_is_no_airport_restriction():
    items = found("Власти закрыли Белгород для въезда туристов после обстрела.")
    assert not any(i.event_type == "airspace_restriction" for i in items)


def test_a_death_from_wounds_of_an_earlier_day_is_no_new_attack_there():
    for text in ("Near Kupiansk, a woman who had been injured by shelling on Saturday died in hospital, officials said.",
                 "У Нікополі чоловік, поранений у неділю внаслідок обстрілу, помер у лікарні.",
                 "В Грайвороне скончался мужчина, раненный в понедельник при атаке дрона."):
        assert not found(text), text
    items = found("У Херсоні вранці росіяни обстріляли ринок, поранений чоловік помер у лікарні.")
    assert any(i.killed == 1 and i.started_at.startswith("2025-06-11") for i in items)  # wounded today: today's attack


def test_a_direction_of_approach_is_no_site_and_does_not_swallow_the_target():
    items = found("Шахеди йшли з боку Брянська і атакували Шостку.")
    assert any(near(i, 51.866, 33.48) for i in items)  # Shostka, the target
    assert not any(near(i, 53.27, 34.32) for i in items)  # Bryansk, where they came from
    items = found("Беспилотник, заходивший со стороны Солнечногорска, сбит над Химками.")
    assert items and not any(near(i, 56.18, 36.98) for i in items)  # not Solnechnogorsk
    items = found("Drones flew in from the direction of Kursk and attacked Sumy.")
    assert any(near(i, 50.917, 34.799) for i in items) and not any(near(i, 51.73, 36.19) for i in items)


def test_a_quarter_named_with_its_city_is_the_city():
    kharkiv, kyiv, moscow = (49.982, 36.255), (50.455, 30.524), (55.752, 37.618)
    for text, city in (("У Харкові на Північній Салтівці уламки дрона пошкодили дах багатоповерхівки.", kharkiv),
                       ("В Киеве на Позняках обломки беспилотника повредили автомобили.", kyiv),
                       ("Уламки впали на Теремках у Києві, постраждалих немає.", kyiv),
                       ("В Москве в районе Сокольники обломки беспилотника упали на крышу дома.", moscow),
                       ("В Киеве на Лукьяновке обломки повредили жилой дом.", kyiv)):  # not Lukianivka by Mykolaiv
        items = found(text)
        assert len(items) == 1 and near(items[0], *city, degrees=0.01), (text, helpers.place_names(items))
    assert helpers.place_names(found("У Києві та Вишгороді після атаки дронів пролунали вибухи.")) == ["Kyiv", "Vyshhorod"]


def test_a_common_noun_that_is_also_a_town_is_no_place_when_written_lower_case():
    for text in ("Після удару дрона по Нікополю згорів склад, де зберігали вугілля та марганець.",
                 "Дрон атаковал склад в Никополе, где хранился марганец."):
        assert helpers.place_names(found(text)) == ["Nikopol"], text  # not Marhanets
    assert not found("Марганец, хранившийся на складе, сгорел после удара дрона.")  # the metal, opening the sentence


def test_a_sentence_opening_on_earlier_that_tells_an_undated_event_is_background():
    items = found("Уночі дрони атакували Одесу, пошкоджено будинок.\n\nРаніше морські дрони уразили Кримський міст.")
    assert helpers.place_names(items) == ["Odesa"]
    items = found("Ночью дроны атаковали Брянск.\n\nРанее в субботу беспилотник атаковал Курск.")  # a day: its own event
    assert any(near(i, 51.727, 36.185) and i.started_at.startswith("2025-06-07") for i in items)
    assert any(near(i, 51.727, 36.185) for i in found("Ранее сообщалось, что беспилотник атаковал Курск."))
