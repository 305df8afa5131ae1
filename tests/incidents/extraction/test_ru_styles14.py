"""Russian styles, round fourteen: the time of day between a town and its passive strike; recaps dated by 'a week
earlier' or 'in recent months'; an official's own Telegram channel is no hearsay; villages named like common nouns
(Антоновка, Малиновка); places after 'под обстрелом находились'; figures after a list of places are their total; a village's
district read near it (Климово Климовского района); district adjectives in -цкий (Лельчицкий); a drone that fell after an aside;
a ministry's list of regions kept beside a governor's downing in one of them; strikes added with 'также' after a recap;
a live-blog entry below its time stamp follows the entry above; 'Без жертв.' alone; 'в X районе города' of the city whose head
(глава) the sentence names."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-03-04")
places = helpers.place_names


def test_the_time_of_day_between_a_town_and_its_passive_strike_keeps_the_town_the_subject():
    found = found_in("Брянск ночью подвергся массированной атаке беспилотников. Повреждены два склада.")
    assert places(found) == ["Bryansk"]


def test_a_recap_dated_a_week_earlier_is_not_todays():
    found = found_in("Над Курском ночью сбиты три беспилотника, сообщил губернатор. "
                     "Двумя неделями ранее дрон атаковал подстанцию в Курчатове.")
    assert places(found) == ["Kursk"]


def test_attempts_in_recent_months_are_background():
    found = found_in("Ночью беспилотники атаковали Туапсе, на НПЗ возник пожар. "
                     "В последние месяцы удары наносились также по порту Новороссийска и по Анапе.")
    assert places(found) == ["Tuapse"]


def test_an_officials_own_telegram_channel_is_no_hearsay_in_a_denial():
    found = found_in("Глава области опроверг слухи о ракетном ударе по Брянску. Ночью над Брянском уничтожены два "
                     "беспилотника. \"Пострадавших нет\", - написал он в своем Telegram-канале.")
    assert [(i.place, i.injured) for i in found] == [("Bryansk", 0)]


def test_a_village_whose_name_is_a_common_noun_is_a_place_when_capitalised_inside_a_sentence():
    assert places(found_in("Над Вишнёвкой и Малиновкой сбиты беспилотники, пострадавших нет.")) == ["Malynivka", "Vishnyovka"]


def test_places_after_a_fronted_shelling_and_a_verb_of_being_are_its_sites():
    found = found_in("Днём под обстрелом находились Шебекино, Грайворон и Валуйки.")
    assert places(found) == ["Grayvoron", "Shebekino", "Valuyki"]


def test_figures_after_a_list_of_struck_places_are_their_total_not_the_last_ones():
    found = found_in("Дроны атаковали Шебекино, Грайворон и Валуйки. Погибли два человека, ранены пятеро.")
    assert [(i.place, i.killed, i.injured) for i in found] == [
        ("Shebekino", None, None), ("Grayvoron", None, None), ("Valuyki", None, None)]


def test_a_village_named_with_its_district_takes_the_districts_reading_near_it_not_the_biggest_namesake():
    found = found_in("Обстрелу подвергся поселок Красная Гора Красногорского района.")
    assert [(i.place, helpers.near(i, 53.0, 31.6)) for i in found] == [("Krasnaya Gora", True)]


def test_a_district_adjective_in_tsk_is_read_back_to_its_town_in_tsa():
    assert places(found_in("Над Речицким районом Гомельской области сбит беспилотник.")) == ["Rechytsa"]
    assert places(found_in("В Речицком районе упали обломки беспилотника.")) == ["Rechytsa"]  # the town, not a village Речицы


def test_a_drone_that_fell_after_an_aside_in_commas_is_still_a_downing():
    found = found_in("Ночью над Брянском сбит беспилотник. Ещё один дрон, как уточнили в оперштабе, рухнул в поле у Суземки.")
    assert sorted((i.event_type, i.place) for i in found) == [("interception", "Bryansk"), ("interception", "Suzëmka")]


def test_a_ministry_list_of_regions_keeps_each_region_beside_a_governors_downing_over_one_of_its_towns():
    found = found_in("Губернатор сообщил, что над Льговом сбит беспилотник. Минобороны сообщило о 30 сбитых дронах над "
                     "Курской, Белгородской и Воронежской областями.")
    assert places(found) == ["Belgorod", "Kursk", "L’gov", "Voronezh"]


def test_a_region_named_alone_before_debris_in_its_town_is_still_one_downing():
    found = found_in("Над Курской областью сбит беспилотник. Обломки упали в районе Льгова, пострадавших нет.")
    assert places(found) == ["L’gov"]


def test_strikes_added_with_an_also_after_a_recap_share_its_earlier_time():
    found = found_in("Ночью беспилотники атаковали Брянск. В феврале дроны атаковали Рязань. Атакованы были также Тамбов и Липецк.")
    assert places(found) == ["Bryansk"]


def test_strikes_added_with_an_also_after_todays_strike_are_todays():
    found = found_in("Ночью дроны атаковали Курск. Атакованы были также Льгов и Рыльск.")
    assert places(found) == ["Kursk", "L’gov", "Ryl’sk"]


def test_a_live_blog_entry_below_its_time_stamp_follows_the_entry_above_so_its_damage_is_the_attacks():
    found = found_in("Атака беспилотников на Курскую область. Хроника\n\n08:10\nГубернатор: над Курском сбиты два беспилотника.\n\n"
                     "08:40\nВ Курчатове повреждены крыши двух частных домов. Пострадал один человек.\n")
    assert sorted((i.event_type, i.place, i.injured) for i in found) == [
        ("drone_strike", "Kurchatov", 1), ("interception", "Kursk", None)]


def test_a_bare_bez_zhertv_closing_a_report_is_no_casualties():
    found = found_in("Ночью над Брянском сбит беспилотник.\n\nВ Погаре загорелся склад. Без жертв.\n")
    assert [(i.killed, i.injured) for i in found if i.place == "Pogar"] == [(0, 0)]


def test_a_quarter_of_the_city_whose_head_the_sentence_names_is_in_that_city():
    found = found_in("Глава Донецка сообщил, что в Куйбышевском районе города от удара дрона погиб мужчина.")
    assert [(i.place, i.killed) for i in found] == [("Donetsk", 1)]


def test_a_named_channel_in_the_singular_is_still_hearsay_in_a_denial():
    found = found_in("Глава области опроверг сообщения о взрыве на нефтебазе в Брянске. Ночью над Брянском сбит беспилотник. "
                     "В Telegram-канале Mash утверждали, что ранены трое.")
    assert [(i.place, i.injured) for i in found] == [("Bryansk", None)]


def test_attacks_earlier_this_year_are_background():
    found = found_in("Ранее в этом году беспилотники атаковали Рязанский НПЗ. Ночью дроны атаковали Тамбов.")
    assert places(found) == ["Tambov"]


def test_a_town_opening_its_clause_before_a_plural_strike_verb_with_no_attacker_named_is_its_object():
    assert places(found_in("Белгород снова обстреляли. Повреждены три дома, пострадавших нет.")) == ["Belgorod"]
    assert places(found_in("Москва и Киев атаковали друг друга.")) == []
