"""Russian styles, round fifteen: a season named as the last one ('прошлым летом', 'минувшей осенью') dates a recap; a hill named
after another city ('на Харьковской горе') is a part of the town; 'Никакого пожара в X нет' denies X; a district in
-янский is its town in -я (Наровлянский: Наровля)."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-03-04")
places = helpers.place_names


def test_strikes_last_autumn_are_background():
    found = found_in("Ночью дроны атаковали Курск, повреждена котельная. "
                     "Минувшей осенью беспилотники уже били по Железногорску и Льгову.")
    assert places(found) == ["Kursk"]


def test_a_hill_named_after_another_city_is_a_part_of_the_town():
    found = found_in("Брянск — ночью громко, ПВО работала над городом. Обломки упали во дворе на Орловской горе, пострадавших нет.")
    assert places(found) == ["Bryansk"]


def test_no_such_event_there_denies_the_place():
    found = found_in("Мэр назвал недостоверными слухи об ударе беспилотника по складу в Ливнах. "
                     "«Никакого пожара в Ливнах нет, склад работает», — написал он. Ночью над Мценском сбит один беспилотник.")
    assert places(found) == ["Mtsensk"]


def test_a_district_adjective_in_yanskiy_is_made_from_a_town_in_ya():
    found = found_in("Ночью дежурные силы ПВО сбили беспилотник над Наровлянским районом, обломки упали в лесу.")
    assert places(found) == ["Narovlya"]
