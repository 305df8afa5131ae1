"""Russian styles, round ten: a street's name after 'улица'/'ул.', a line opened by 'информация по X', a town or plant
as the subject of 'атакован'/'обстрелян', a report called a 'вброс', shelling in a story of drones, and debris told
after a downing."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-03-14")
places = helpers.place_names


def test_a_street_named_after_a_person_or_town_is_no_place():
    found = found_in("Беспилотник ударил по остановке на улице Гагарина в Рыльске, пострадала женщина.")
    assert places(found) == ["Ryl’sk"]
    found = found_in("В Брянске на ул. Чкалова обломки повредили гараж. Пострадавших нет.")
    assert len(found) == 1 and abs(found[0].lat - 53.25) < 0.1


def test_a_line_opened_by_information_on_a_town_labels_its_report():
    found = found_in("Информация по Грайворону. Днём FPV-дрон атаковал трактор, погиб тракторист.")
    assert [(i.place, i.killed) for i in found] == [("Grayvoron", 1)]


def test_a_town_or_plant_as_the_subject_of_a_short_passive_is_struck():
    found = found_in("Ночью Курчатов обстрелян из артиллерии, повреждена ЛЭП.")
    assert [(i.place, i.event_type) for i in found] == [("Kurchatov", "strike")]
    found = found_in("Саратовский НПЗ вновь атакован дронами, на одной из установок пожар.")
    assert [(i.event_type, round(i.lat)) for i in found] == [("drone_strike", 52)]


def test_a_report_called_a_plant_of_lies_is_denied():
    assert found_in("Сообщения о взрывах на аэродроме в Липецке — вброс, заявили в правительстве области.") == []
    assert found_in("Губернатор назвал дезинформацией публикации о пожаре на заводе в Орле.") == []


def test_shelling_in_a_story_of_drones_is_a_strike_by_guns():
    found = found_in("В Белгороде дрон атаковал автомобиль, ранен водитель. В результате обстрела Шебекино ранены двое.")
    assert sorted((i.place, i.event_type) for i in found) == [("Belgorod", "drone_strike"), ("Shebekino", "strike")]


def test_debris_told_after_a_downing_is_the_downing():
    found = found_in("Над Трубчевском силами ПВО сбит беспилотник. Об этом сообщил губернатор. "
                     "Обломки упали в поле у Трубчевска, пострадавших нет.")
    assert [(i.event_type, i.injured) for i in found] == [("interception", 0)]


def test_a_side_or_part_of_a_city_is_no_town_of_that_name():
    found = found_in("Обломки упали на Восточной окраине Курска, повреждён гараж.")
    assert places(found) == ["Kursk"]
    found = found_in("В результате обстрела Западной части Горловки ранен мужчина.")
    assert [(i.place, i.injured) for i in found] == [("Horlivka", 1)]
    found = found_in("Губернатор: над Южной стороной Севастополя сбиты два беспилотника.")
    assert [(i.event_type, round(i.lat)) for i in found] == [("interception", 45)]


def test_the_city_of_a_military_administration_head_is_the_city_referred_to():
    found = found_in("Начальник городской военной администрации Никополя Евгений Евтушенко: по городу ударили из "
                     "артиллерии, ранена женщина.")
    assert [(i.place, i.injured) for i in found] == [("Nikopol", 1)]


def test_a_district_beside_a_big_city_is_its_quarter_whatever_region_was_named():
    found = found_in("Глава Запорожской ОВА Иван Федоров: над областью сбиты два дрона. "
                     "В Одессе ранены двое, в Приморском районе повреждены дома.")
    assert "Prymorsk" not in places(found) and "Odesa" in places(found)


def test_a_season_of_an_earlier_year_is_a_recap():
    found = found_in("Осенью 2023 года дроны уже атаковали аэродром Миллерово. Этой ночью над Морозовском сбит "
                     "беспилотник.", "2024-06-10")
    assert places(found) == ["Morozovsk"]
    assert found_in("Летом 2023 года удару подвергся аэродром Миллерово.", "2024-06-10") == []


def test_residents_of_another_town_who_also_heard_it_are_hearers():
    found = found_in("Над Новозыбковом сбит беспилотник. Жители Клинцов тоже слышали хлопки.")
    assert places(found) == ["Novozybkov"]


def test_a_person_and_a_counted_group_are_summed():
    found = found_in("Дрон атаковал маршрутку в Горловке, ранены водитель и трое пассажиров.")
    assert [i.injured for i in found] == [4]


def test_explosives_dropped_by_a_drone_and_the_hurt_person_taken_to_hospital():
    found = found_in("В Красной Яруге дрон сбросил взрывчатку на легковушку. Раненую доставили в районную больницу.")
    assert [(i.event_type, i.injured) for i in found] == [("drone_strike", 1)]


def test_a_district_named_like_a_far_town_is_its_regions_own_town_in_ka():
    found = found_in("Губернатор Брянской области: над Дубровским районом уничтожен беспилотник.")
    assert [(i.event_type, i.place) for i in found] == [("interception", "Dubrovka")]


def test_no_casualties_closing_an_officials_post_is_about_every_place_it_told():
    found = found_in("Над Льговским, Курчатовским и Рыльским районами ночью сбиты шесть БПЛА. В Рыльске обломками "
                     "повреждена крыша гаража. В Курчатове упавший дрон повредил ЛЭП. Пострадавших нет.")
    assert sorted((i.place, i.injured) for i in found) == [("Kurchatov", 0), ("L’gov", 0), ("Ryl’sk", 0)]
    found = found_in("08:10 В Рыльске обломками повреждена крыша гаража, ранен мужчина.\n"
                     "08:40 В Курчатове упавший дрон повредил ЛЭП. Пострадавших нет.")
    assert sorted((i.place, i.injured) for i in found) == [("Kurchatov", 0), ("Ryl’sk", 1)]


def test_an_attempt_told_by_its_verb_then_a_downing_is_an_interception_at_its_object():
    found = found_in("Ночью противник пытался атаковать Новошахтинск. Все беспилотники уничтожены средствами ПВО.")
    assert [(i.event_type, i.place) for i in found] == [("interception", "Novoshakhtinsk")]


def test_explosions_heard_where_drones_were_downed_are_the_downing():
    found = found_in("Над Курчатовом сбиты три беспилотника, сообщил глава города. Жители Курчатова слышали несколько "
                     "взрывов.")
    assert [(i.event_type, i.place) for i in found] == [("interception", "Kurchatov")]


def test_explosions_at_a_towns_air_base_join_the_strike_on_the_town_that_day():
    found = found_in("Ночью жители сообщили о взрывах в районе аэродрома Морозовск. Губернатор Голубев: «Морозовск "
                     "атакован беспилотниками, повреждена линия электропередачи».")
    assert [(i.event_type, i.place) for i in found] == [("drone_strike", "Morozovsk")]


def test_a_side_of_the_town_named_before_is_that_town():
    found = found_in("В Севастополе ночью объявлена тревога. Губернатор сообщил о работе ПВО на Северной стороне.")
    assert [(i.event_type, round(i.lat)) for i in found] == [("interception", 45)]
    assert found_in("Губернатор сообщил о работе ПВО на Северной стороне.") == []
