"""Russian and Ukrainian styles, round four: counted interceptions and number-word list items, districts named with
'городской округ' or 'р-н', towns in -о/-ка read from a district's adjective, Latin words that end a Cyrillic name,
casualty asides and Ukrainian 'травмувалися'."""

from incidents.extraction import extract_incidents
from incidents.extraction.casualties import find_casualties
from tests.incidents.extraction import helpers

kinds_at = helpers.dated(helpers.kinds, "2025-03-14")
near = helpers.near


def test_counted_interception_and_items_counted_in_words():
    text = ("Ночью перехвачены 15 беспилотников. Из них 9 сбиты над Брянской областью, четыре — над Смоленской "
            "и по одному — над Калужской и Тверской областями.")
    found = extract_incidents(text, published="2025-03-14")
    assert {i.event_type for i in found} == {"interception"}
    assert {i.geo_precision for i in found} == {"region"}
    assert len(found) == 4


def test_ukrainian_counted_interception_opens_a_list():
    text = "Цієї ночі 12 збито над Сумщиною, три — над Полтавщиною."
    found = extract_incidents(text, published="2025-03-14")
    assert sorted(i.event_type for i in found) == ["interception", "interception"]


def test_village_with_its_urban_okrug_is_the_village():
    text = "Беспилотник атаковал автомобиль в селе Головчино Грайворонского муниципального округа, ранен мужчина."
    found = extract_incidents(text, published="2025-03-14")
    assert len(found) == 1 and found[0].injured == 1
    assert near(found[0], 50.535, 35.806, 0.04)  # Golovchino, not Graivoron nor a person's name


def test_latin_word_after_a_cyrillic_name_is_not_part_of_it():
    found = extract_incidents("Вечером во Льгове FPV-дрон атаковал автобус, ранены трое пассажиров.", published="2025-03-14")
    assert len(found) == 1 and found[0].injured == 3
    assert near(found[0], 51.69, 35.28)


def test_district_adjective_of_a_town_in_o_or_ka():
    ru = extract_incidents("Над Кореневским районом уничтожены два беспилотника.", published="2025-03-14")
    assert [i.event_type for i in ru] == ["interception"] and near(ru[0], 51.41, 34.9)  # Korenevo
    ka = extract_incidents("В Бутурлиновском районе сбиты четыре БПЛА, пострадавших нет.", published="2025-03-14")
    assert [i.event_type for i in ka] == ["interception"] and near(ka[0], 50.83, 40.6)  # Buturlinovka


def test_district_adjective_of_a_city_keeps_the_city_adjective_reading():
    found = extract_incidents("В Смоленском районе уничтожены три БПЛА, обломки упали в поле.", published="2025-03-14")
    assert [i.event_type for i in found] == ["interception"] and near(found[0], 54.78, 32.05, 0.4)


def test_casualties_with_an_aside_and_ukrainian_reflexive_verbs():
    assert find_casualties("Три человека, в том числе двое детей, получили ранения.")["injured"].value == 3
    assert find_casualties("Унаслідок удару травмувалися шестеро людей.")["injured"].value == 6
    assert find_casualties("У дворі травмувався 40-річний чоловік.")["injured"].value == 1
    assert find_casualties("Кількість загиблих унаслідок ракетного удару по місту зросла до семи.")["killed"].value == 7


def test_district_named_after_another_city_is_a_district_of_the_city_after_it():
    found = extract_incidents("Беспилотник повредил гаражи в Кировском районе Волгограда, пострадавших нет.", published="2025-03-14")
    assert len(found) == 1 and near(found[0], 48.71, 44.51, 0.3)  # Volgograd, not Kirov
    uk = extract_incidents("Уламки ракети впали у Дніпровському районі Києва, пошкоджено авто.", published="2025-03-14")
    assert len(uk) == 1 and near(uk[0], 50.45, 30.52, 0.3)  # Kyiv, not Dnipro
    rural = extract_incidents("В Белгородском районе Белгородской области сбит беспилотник.", published="2025-03-14")
    assert len(rural) == 1 and rural[0].event_type == "interception"


def test_ukrainian_name_of_russia_is_the_country():
    found = extract_incidents("У Росії дрони атакували нафтобазу, повідомили російські ЗМІ.", published="2025-03-14")
    assert all(abs(i.lon) > 30 for i in found)  # never Roşia in Romania


def test_weapon_then_an_aside_then_its_interception():
    found = extract_incidents("Один беспилотник, по данным Минобороны, был сбит над Алексином.", published="2025-03-14")
    assert [i.event_type for i in found] == ["interception"] and near(found[0], 54.5, 37.07)


def test_settlement_named_by_a_common_word_after_its_noun():
    found = extract_incidents("Уламки збитого дрона впали на поле біля селища Димер, постраждалих немає.", published="2025-03-14")
    assert len(found) == 1 and near(found[0], 50.79, 30.3)


def test_in_fact_retracts_the_hearsay_of_the_sentence_before():
    ru = ("Ряд телеграм-каналов сообщил о взрыве на заводе в Туле. На самом деле беспилотник сбит над Алексином, "
          "пострадавших нет.")
    found = extract_incidents(ru, published="2025-03-14")
    assert [i.event_type for i in found] == ["interception"] and near(found[0], 54.5, 37.07)
    uk = ("Місцеві паблікі писали про влучання в Черкасах. Насправді уламки збитого дрона впали біля Сміли, "
          "пошкоджено паркан.")
    assert all(not near(i, 49.44, 32.06, 0.1) for i in extract_incidents(uk, published="2025-03-14"))  # not Cherkasy


def test_oblast_adjective_alone_is_the_oblast_and_hromada_towns_in_ka():
    from incidents.extraction import district_towns
    assert district_towns.district_town_in_o("Білозерської", " громади") == "Білозерка"
    assert district_towns.district_town_in_o("Салтівському", " районі") is None  # a district of Kharkiv, not a village
    found = extract_incidents("Над Смоленской уничтожены три дрона.", published="2025-03-14")
    assert [(i.event_type, i.geo_precision) for i in found] == [("interception", "region")]


def test_weapon_told_in_the_next_sentence_names_the_strike():
    text = ("Окупанти вдарили по Павлограду, поранено трьох людей. Ракета влучила у підприємство. "
            "Увечері дрон атакував Нікополь, пошкоджено будинок, ще один дрон впав у полі.")  # drones dominate the article
    assert ("missile_strike", "Pavlohrad") in kinds_at(text)
    ru = ("Противник нанёс удар по Шебекино, ранен мужчина. Ракета попала в склад. "
          "Вечером дрон атаковал Грайворон, ещё один дрон сбит.")
    assert ("missile_strike", "Shebekino") in kinds_at(ru)


def test_struck_settlement_named_after_its_noun_in_the_dative():
    found = extract_incidents("Противник ударил из артиллерии по посёлку Глушково, повреждены два дома.", published="2025-03-14")
    assert len(found) == 1 and near(found[0], 51.34, 34.64)


def test_several_place_count_items_on_one_line_continue_the_interceptions():
    text = "Збито 40 ударних БпЛА: Shahed та Гербера. На Сумщині — 14 дронів, на Полтавщині — 9, на Київщині — 6."
    found = extract_incidents(text, published="2025-03-14")
    assert sorted((i.event_type, i.geo_precision) for i in found) == [("interception", "region")] * 3


def test_two_groups_of_casualties_joined_are_summed():
    assert find_casualties("Двое мужчин и женщина получили ранения.")["injured"].value == 3
    assert find_casualties("Поранено трьох людей і дитину.")["injured"].value == 4
    assert find_casualties("Погибли двое людей и ранены трое.")["killed"].value == 2


def test_a_year_of_birth_is_no_historical_mention():
    text = "Уламки дрона впали у дворі в Бучі. Травмувався чоловік 1968 р. н., його госпіталізовано."
    found = extract_incidents(text, published="2025-03-14")
    assert [i.injured for i in found] == [1]


def test_lexicon_files_name_each_entry_once():
    import json
    from pathlib import Path

    from incidents.extraction.cues import LEXICON_DIR

    def unique(pairs):
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
        return dict(pairs)

    for path in Path(LEXICON_DIR).glob("*.json"):  # a second "counted_interception" would silently drop the first
        json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=unique)
