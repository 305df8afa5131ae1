"""Russian and Ukrainian styles, round four: counted interceptions and number-word list items, districts named with
'городской округ' or 'р-н', towns in -о/-ка read from a district's adjective, Latin words that end a Cyrillic name,
casualty asides and Ukrainian 'травмувалися'."""

from incidents.extraction import extract_incidents
from incidents.extraction.casualties import find_casualties


def kinds_at(text, published="2025-03-14"):
    return sorted((i.event_type, i.place) for i in extract_incidents(text, published=published))


def near(incident, lat, lon, degrees=0.2):
    return abs(incident.lat - lat) < degrees and abs(incident.lon - lon) < degrees


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
