"""Russian styles, round five: noun-first passives, drones dropping munitions, a drone that fell, airports 'temporarily
closed', explosions heard as 'loud sounds', and strikes named only as what a moratorium or talks would stop."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-03-14")
near = helpers.near


def test_attack_noun_before_its_passive_verb():
    found = found_in("Также атакам подверглась авиабаза Саваслейка в Нижегородской области.")
    assert len(found) == 1 and found[0].event_type in ("drone_strike", "strike") and near(found[0], 55.44, 42.31)
    found = found_in("Ночью обстрелу подверглось село Тёткино, пострадавших нет.")
    assert [i.event_type for i in found] == ["strike"] and near(found[0], 51.27, 34.29)


def test_drone_dropping_a_munition_is_a_drone_strike():
    found = found_in("В посёлке Разумное вражеский дрон сбросил взрывное устройство на двор частного дома.")
    assert [i.event_type for i in found] == ["drone_strike"]
    found = found_in("Беспилотник сбросил боеприпас на территорию предприятия под Трубчевском, ранен мужчина.")
    assert [i.event_type for i in found] == ["drone_strike"] and found[0].injured == 1 and near(found[0], 52.58, 33.77)


def test_a_drone_that_fell_on_a_town_is_an_incident_there():
    found = found_in("Беспилотник упал во дворе жилого дома в Воронеже, ранены пятеро жителей.")
    assert len(found) == 1 and near(found[0], 51.66, 39.2) and found[0].injured == 5
    found = found_in("Ракета рухнула на окраине Таганрога.")
    assert len(found) == 1 and near(found[0], 47.21, 38.94)


def test_airport_temporarily_closed_is_a_restriction():
    found = found_in("Саратовский аэропорт Гагарин временно закрыт.")
    assert [(i.event_type, i.airport_iata) for i in found] == [("airspace_restriction", "GSV")]


def test_loud_sounds_heard_by_residents_are_explosions():
    found = found_in("Громкие звуки слышали и жители Анапы.")
    assert [i.event_type for i in found] == ["explosion"] and near(found[0], 44.89, 37.32)


def test_strikes_a_moratorium_or_talks_would_stop_are_not_strikes():
    assert found_in("Стороны обсудят взаимный отказ от ударов по электростанциям в Киеве и Харькове.") == []
    assert found_in("Россия соблюдает мораторий на удары по энергетическим объектам в Одессе и Запорожье.") == []
    assert found_in("Обсуждается прекращение атак на НПЗ в Рязани.") == []


def test_district_adjective_of_a_town_in_sk():
    found = found_in("В Морозовском районе силами ПВО отражена атака, повреждены ЛЭП.")
    assert len(found) == 1 and near(found[0], 48.35, 41.83)  # Morozovsk, not Imeni Morozova (Leningrad oblast)
    found = found_in("Беспилотник атаковал нефтебазу в Крымском районе Краснодарского края.")
    assert len(found) == 1 and near(found[0], 44.93, 37.99, 0.3)  # Krymsk, neither Crimea nor the village Krym


def test_event_said_to_be_unrelated_to_the_attack_is_none():
    text = "Ранее оперштаб сообщал о перебоях с электроснабжением в Крымском районе, они не связаны с атакой."
    assert found_in(text) == []


def test_account_after_a_retraction_and_its_colon_or_but_is_the_corrected_one():
    text = "Информация не подтвердилась: как уточнил губернатор, беспилотник был сбит над Алексинским районом."
    assert [(i.event_type, i.place) for i in found_in(text)] == [("interception", "Aleksin")]
    text = "Ранее сообщалось о взрыве в Туле, однако беспилотник был сбит над Алексином."
    assert [(i.event_type, i.place) for i in found_in(text)] == [("interception", "Aleksin")]
    assert found_in("Не подтвердилась информация о взрыве в Туле.") == []


def test_republic_named_with_its_noun_is_the_region():
    found = found_in("Уничтожены 16 беспилотников: над территорией Ростовской области – 9, Республики Крым – 7.")
    assert [(i.event_type, i.place, i.geo_precision) for i in found] == [
        ("interception", "Rostov", "region"), ("interception", "Crimea", "region")]  # not the village Krym near Rostov
    found = found_in("Над Республикой Татарстан сбиты два беспилотника.")
    assert [(i.place, i.geo_precision) for i in found] == [("Tatarstan", "region")]


def test_list_of_places_after_an_event_noun_and_a_colon():
    found = found_in("Прилёты этой ночью: Курчатов, Льгов, Рыльск. Пострадавших нет.")
    assert len(found) == 3 and all(i.injured == 0 for i in found)
    assert near(found[2], 51.57, 34.68)  # Rylsk


def test_list_of_airports_after_a_colon():
    text = "Временные ограничения на приём и выпуск воздушных судов действуют в аэропортах: Внуково, Домодедово, Жуковский."
    found = found_in(text)
    assert sorted(i.airport_iata for i in found) == ["DME", "VKO", "ZIA"]
    assert {i.event_type for i in found} == {"airspace_restriction"}


def test_zero_casualties_with_an_aside():
    found = found_in("Ночью беспилотник атаковал Рыльск. Пострадавших, по предварительным данным, нет.")
    assert [i.injured for i in found] == [0]


def test_casualty_phrasings():
    from incidents.extraction.casualties import find_casualties

    def counts(text):
        return {name: count.value for name, count in find_casualties(text).items()}

    assert counts("Ранения получили двое горожан, одна из них — пенсионерка.") == {"injured": 2}
    assert counts("Ранения получили четыре человека, в том числе подросток.") == {"injured": 4}
    assert counts("Мужчина, раненный при атаке беспилотника на Новый Оскол, скончался в больнице.") == {"killed": 1}
    assert counts("Хозяин получил ожоги и доставлен в больницу.") == {"injured": 1}
    assert counts("Её муж госпитализирован с ожогами.") == {"injured": 1}
    assert counts("Водитель и пассажиры не пострадали.") == {"killed": 0, "injured": 0}
    assert counts("Над районом сбиты несколько БПЛА, жертв и разрушений нет.") == {"killed": 0, "injured": 0}
    assert counts("Мирные жители не пострадали, ранены двое военных.")["injured"] == 2


def test_one_settlement_noun_list_serves_every_look_back():
    import re

    from incidents.extraction import cues

    plain = re.compile(rf"{cues.settlement_nouns()}\s+$", re.IGNORECASE)
    streets = re.compile(rf"{cues.settlement_nouns(streets=True)}\s+$", re.IGNORECASE)
    for before in ("в селе ", "у селищі ", "в посёлке ", "станицы ", "пгт ", "населённого пункта "):
        assert plain.search(before) and streets.search(before), before
    assert streets.search("на улице ") and not plain.search("на улице ")
    assert not plain.search("сельхозпредприятия ")
    found = found_in("Беспилотник атаковал дом в станице Смоленской, ранен мужчина.")
    assert all(i.geo_precision != "region" for i in found)  # the stanitsa, never the Smolensk oblast


def test_short_passive_participle_before_its_subjects():
    found = found_in("Ночью атакованы Курчатов и Льгов. Повреждены ЛЭП.")
    assert [i.event_type for i in found] == ["strike", "strike"] and near(found[0], 51.66, 35.66)
    found = found_in("Атакованы беспилотниками Брянск и Клинцы.")
    assert [i.event_type for i in found] == ["drone_strike", "drone_strike"] and near(found[1], 52.76, 32.24)
    assert len(found_in("Ночью обстреляны Курчатов и Льгов.")) == 2


def test_two_district_adjectives_sharing_one_plural_noun():
    found = found_in("Над Лискинским и Острогожским районами уничтожены пять беспилотников.")
    assert len(found) == 2 and {i.event_type for i in found} == {"interception"}
    assert near(found[0], 50.98, 39.51) and near(found[1], 50.87, 39.08)  # Liski, Ostrogozhsk


def test_fake_check_heading_with_a_colon_denies_the_places():
    assert found_in("Фейк: в соцсетях распространяют видео якобы взрыва в Самаре.") == []
    assert found_in("Это фейк: никакого удара по Туле не было.") == []
    assert [i.place for i in found_in("Взрыв в Самаре: пострадали двое.")] == ["Samara"]


def test_damage_right_after_sites_named_without_a_weapon_keeps_the_story():
    found = found_in("Прилёты этой ночью: Курчатов, Льгов, Рыльск. Повреждены ЛЭП. Пострадавших нет.")
    assert [i.injured for i in found] == [0, 0, 0]
