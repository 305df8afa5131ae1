"""Classes of text that real published reports showed the extractor getting wrong (read, not copied: each test says it in
other words, with other towns): region lists counted in words, numerals that look like towns, and more."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-08-14")
near = helpers.near


def test_a_region_list_counted_in_words_gives_one_interception_per_region():
    text = ("За минувшую ночь дежурные средства ПВО перехватили пять беспилотников:\n"
            "Два БпЛА — над территорией Белгородской области,\n"
            "Один БпЛА — над территорией Орловской области,\n"
            "Два БпЛА — над территорией Тульской области.")
    items = {i.place: i for i in found(text)}
    assert {"Belgorod", "Orel", "Tula"} <= set(items)
    assert all(i.event_type == "interception" and i.geo_precision == "region" for i in items.values())
    assert (items["Belgorod"].drones_downed, items["Orel"].drones_downed, items["Tula"].drones_downed) == (2, 1, 2)


def test_a_numeral_is_never_a_town_abroad():
    items = found('"У Шевченківському районі - влучання ворожого БпЛА в склад, - йдеться у дописі мера. - Одна людина '
                  'загинула, один - поранений.')
    assert items and all(i.country == "UA" for i in items)  # not "a district of Odin", Illinois
    assert not found("Одна людина загинула, ще одна дістала поранення, повідомили рятувальники.")


def test_an_airport_named_in_full_in_a_restriction_clause_is_restricted_whatever_caused_it():
    text = ("The aviation agency introduced arrival and departure restrictions at Sochi International Airport and Platov "
            "International Airport after officials reported an attack by drones.")
    items = found(text)
    assert items and all(i.event_type == "airspace_restriction" for i in items)
    assert {i.airport_iata for i in items} == {"AER", "ROV"}
    items = found("Authorities imposed temporary restrictions at Sochi International Airport after a drone attack.")
    assert [i.event_type for i in items] == ["airspace_restriction"]


def test_a_toll_told_verb_first_is_the_new_figure():
    items = found("У Сумах зросла кількість поранених внаслідок ракетного удару до п'ятьох людей.")
    assert [i.injured for i in items] == [5]
    items = found("В Курске выросло число погибших после удара беспилотника до трёх человек.")
    assert [i.killed for i in items] == [3]


def test_no_hits_where_drones_were_downed_is_no_denial_of_the_downing():
    items = found("Дроны сбили также над Липецкой областью, где попаданий не было.")
    assert [(i.event_type, i.place) for i in items] == [("interception", "Lipetsk")]
    items = found("Сили ППО збили над Полтавщиною шість дронів, влучань не було.")
    assert [(i.event_type, i.place) for i in items] == [("interception", "Poltava")]


def test_the_day_of_a_night_is_no_count_of_drones():
    items = found("В ночь на 9 марта над Орловской областью уничтожены 11 беспилотников.")
    assert [(i.place, i.drones_downed) for i in items] == [("Orel", 11)]
    items = found("У ніч на 3 квітня над Черкащиною збито 7 шахедів.")
    assert [(i.place, i.drones_downed) for i in items] == [("Cherkasy", 7)]


def test_nobody_hurt_after_a_downing_in_russian_or_ukrainian_keeps_it_an_interception():
    items = found("Над Тамбовской областью сбиты четыре беспилотника, никто не пострадал.")
    assert [i.event_type for i in items] == ["interception"]
    items = found("Над Житомирщиною знищено три дрони, ніхто не постраждав.")
    assert [i.event_type for i in items] == ["interception"]


def test_the_target_of_the_downed_drones_attempt_is_where_they_were_downed():
    items = found("Средства ПВО сбили четыре беспилотника, пытавшихся атаковать Липецк.")
    assert [(i.event_type, i.place) for i in items] == [("interception", "Lipetsk")]
    items = found("Сили ППО знищили три дрони, які намагалися атакувати Черкаси.")
    assert [(i.event_type, i.place) for i in items] == [("interception", "Cherkasy")]
    items = found("Беспилотники пытались атаковать Орёл, но все были сбиты над окраинами.")
    assert [i.event_type for i in items] == ["interception"]


def test_air_defence_abbreviations_after_a_place_are_no_part_of_its_name():
    assert [i.place for i in found("Над Черкащиною ППО знищила чотири шахеди.")] == ["Cherkasy"]
    assert [i.place for i in found("Над Курском ПВО сбила два беспилотника.")] == ["Kursk"]


def test_a_dateline_in_capitals_with_a_colon_is_where_the_story_was_filed():
    assert not found("MINSK: Belarus said it had destroyed a drone in its southern region during the night.")
    text = "KYIV: Ukraine said its air defences downed 12 drones over the Odesa region overnight."
    assert [i.place for i in found(text)] in (["Odesa"], ["Odessa"])


def test_a_towns_own_authorities_telling_an_attack_place_it_in_their_town():
    items = found("Власти Сум сообщили о трёх раненых в результате удара беспилотника.")
    assert [(i.place, i.injured) for i in items] == [("Sumy", 3)]
    items = found("Влада Миколаєва повідомила про двох поранених внаслідок атаки дронів.")
    assert [(i.place, i.injured) for i in items] == [("Mykolayiv", 2)]
    items = found("Zaporizhzhia authorities said four people were wounded in a drone attack on Sunday.")
    assert [(i.place, i.injured) for i in items] == [("Zaporizhzhya", 4)]
    items = found("О налёте рассказали власти Курска, где сбили три беспилотника.")
    assert [(i.event_type, i.place) for i in items] == [("interception", "Kursk")]


def test_a_towns_authorities_speaking_of_something_else_give_no_incident():
    assert not found("Власти Москвы сообщили о новых правилах парковки.")
    assert not found("Kyiv authorities said the talks in Istanbul would go ahead as planned.")


def test_an_active_casualty_verb_counts_its_object():
    assert [i.injured for i in found("У Кривому Розі уламки ракети поранили трьох людей.")] == [3]
    assert [i.injured for i in found("В Курске осколки ранили двоих мирных жителей.")] == [2]
    assert [i.killed for i in found("Ракета вбила чотирьох людей у Дніпрі.")] == [4]
    assert [i.killed for i in found("В Белгороде дрон убил двух человек.")] == [2]


def test_latin_look_alike_letters_inside_cyrillic_words_are_read_as_cyrillic():
    text = "Дрон атаковал автомобиль в Грайвoроне, пострадавших нет."  # a Latin "o" in the town's name
    assert [i.place for i in found(text)] == ["Grayvoron"]
    assert [i.place for i in found("Валуйки пoдверглись атаке беспилотника.")] == ["Valuyki"]  # a Latin "o"


def test_a_strike_verb_with_its_instrument_before_the_town():
    assert [i.place for i in found("ВСУ атаковали FPV-дроном Грайворон, пострадавших нет.")] == ["Grayvoron"]


def test_a_line_headed_by_a_casualty_word_gives_each_town_its_count():
    text = "За добу на Харківщині:\nЗагинули: у Куп'янську — 2, у Ізюмі — 1.\nПоранені: у Балаклії — 4."
    items = {i.place: i for i in found(text)}
    assert (items["Kupyansk"].killed, items["Izyum"].killed, items["Balakliya"].injured) == (2, 1, 4)


def test_a_village_is_never_a_far_town_of_its_name():
    text = "Губернатор Гладков сообщил: в селе Муром дрон повредил легковой автомобиль."
    assert not any(i.place == "Murom" for i in found(text))  # Murom, Vladimir region, 110,000 people
    text = "Губернатор Гладков сообщил, что по селу Мешковое с беспилотника сброшены два взрывных устройства."
    assert all(i.country == "RU" for i in found(text))  # not a Mykolaiv village of that name


def test_restrictions_told_by_the_verb_and_airports_called_air_harbours():
    items = found("В аэропорту Пензы временно ограничили прием и отправку рейсов, сообщили в Росавиации.")
    assert [(i.event_type, i.airport_iata) for i in items] == [("airspace_restriction", "PEZ")]
    items = found("Ограничения также введены для воздушных гаваней Саратова и Самары.")
    assert sorted(i.airport_iata for i in items) == ["GSV", "KUF"]
    assert all(i.event_type == "airspace_restriction" for i in items)


def test_restrictions_told_after_earlier_are_the_same_days():
    text = ("Временные ограничения введены в аэропорту Пулково, сообщила Росавиация. Ранее ограничения также были "
            "введены в аэропорту Калуги.")
    assert sorted(i.airport_iata for i in found(text)) == ["KLF", "LED"]


def test_putting_back_cyrillic_letters_reads_a_long_word_once():
    import time

    from incidents.extraction.markup import unmix_scripts

    started = time.perf_counter()
    assert unmix_scripts("а" * 200_000 + " x") == "а" * 200_000 + " x"  # a word scanned from every start: minutes
    assert time.perf_counter() - started < 2
