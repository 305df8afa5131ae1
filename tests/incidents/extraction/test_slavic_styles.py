"""Russian and Ukrainian news styles the first rules missed: damage and debris words, colon-opened region lists,
Telegram marks, district adjectives, popular region names, ages, singular victims, denials and diversions."""

from incidents.extraction import extract_incidents
from incidents.extraction.casualties import find_casualties
from tests.incidents.extraction import helpers

sites = helpers.dated(helpers.sites, "2025-03-14")
places = helpers.dated(helpers.places, "2025-03-14")


def test_debris_damage_in_a_city_is_a_site():
    found = sites("По его словам, при падении обломков беспилотника в Орле повреждены окна котельной. Пострадавших нет.")
    assert [(k[1], v.killed, v.injured) for k, v in found.items()] == [("Orël", 0, 0)]


def test_colon_opened_region_list_gives_region_interceptions():
    text = ("Средствами ПВО перехвачены и уничтожены 29 беспилотников: 18 — над территорией Брянской области, "
            "11 — над территорией Смоленской области.")
    found = sites(text)
    assert {(k[0], k[2]) for k in found} == {("interception", "region")}
    assert sorted(k[1] for k in found) == ["Bryansk", "Smolensk"]


def test_ukrainian_region_list_without_the_word_oblast():
    text = "Підтверджено збиття 26 ворожих безпілотників: у Харківській області — 12, у Сумській — 8, у Чернігівській — 6."
    assert sorted(k[1] for k in sites(text)) == ["Chernihiv", "Kharkiv", "Sumy"]


def test_telegram_marks_before_the_line_place():
    assert places("⚡️Липецк: громкие хлопки, очевидцы пишут о работе ПВО.") == ["Lipetsk"]


def test_district_adjective_is_its_town_never_the_city_in_focus():
    text = "Ночью над Ефремовским районом был сбит один беспилотник, обломки упали в поле."
    assert [(k[0], k[1]) for k in sites(text)] == [("interception", "Yefremov")]


def test_district_of_the_city_in_focus_takes_its_casualties():
    text = "Внаслідок атаки дронів у Приморському районі Одеси пошкоджено житловий будинок, поранено трьох людей."
    found = sites(text)
    assert [(k[1], v.injured) for k, v in found.items()] == [("Odesa", 3)]


def test_popular_region_name_is_a_region():
    found = sites("Ураження зафіксовано на Вінниччині, пошкоджено об'єкт інфраструктури.")
    assert [(k[1], k[2]) for k in found] == [("Vinnytsya", "region")]


def test_an_age_is_never_a_count_and_one_person_is_one():
    assert find_casualties("загинула жінка 70 років")["killed"].value == 1
    assert find_casualties("ранена женщина 67 лет")["injured"].value == 1
    assert find_casualties("водитель получил ранения")["injured"].value == 1
    assert find_casualties("ще троє отримали поранення")["injured"].value == 3
    assert find_casualties("Позднее число раненых выросло до семи")["injured"].value == 7


def test_reports_called_untrue_give_no_incident():
    text = "Поширена у соцмережах інформація про вибухи в Житомирі не відповідає дійсності, заявили в ОВА."
    assert places(text) == []


def test_diversion_airports_are_not_restricted():
    text = "В аэропорту Казани ввели режим «Ковёр», самолёты уходят на запасные аэродромы в Самаре."
    assert [(i.event_type, i.airport_iata) for i in extract_incidents(text, published="2025-09-05")] == [
        ("airspace_restriction", "KZN")]


def test_manufacturers_in_a_city_are_not_sites():
    text = "Он напомнил, что предприятия в Екатеринбурге наращивают выпуск беспилотников и средств ПВО."
    assert places(text) == []


def test_ukrainian_distance_with_a_two_word_bearing():
    text = "Російські війська обстріляли село приблизно за 20 км на північний схід від Херсона, поранено чоловіка."
    (item,) = extract_incidents(text, published="2025-02-11")
    assert item.geo_precision == "approximate" and item.lat > 46.64 and item.lon > 32.62


def test_two_word_names_inflected_word_by_word():
    assert places("Раніше повідомлялося про влучання дрона в Білій Церкві, поранено двох людей.") == ["Bila Tserkva"]
    assert places("В Нижнем Новгороде беспилотник атаковал промзону.") == ["Nizhniy Novgorod"]


def test_masculine_adjective_before_region_is_the_region():
    text = "Ночью уничтожены 4 беспилотника над территорией Московского региона."
    assert [(k[0], k[2]) for k in sites(text)] == [("interception", "region")]


def test_a_denial_retracts_the_hearsay_of_the_sentence_before():
    text = ("Ранее в Telegram-каналах появились сообщения о взрывах в Туле. Власти эту информацию не подтвердили.")
    assert places(text) == []


def test_a_correction_keeps_the_place_and_its_corrected_figures():
    text = ("Раніше низка пабліків повідомила про загиблого в Білій Церкві. Ця інформація не підтвердилася: за уточненими "
            "даними ОВА, внаслідок падіння уламків дрона поранено двох людей.")
    (item,) = extract_incidents(text, published="2025-05-22")
    assert item.place == "Bila Tserkva" and item.injured == 2 and not item.killed


def test_an_attacked_enterprise_is_a_site_unlike_its_makers():
    assert places("Вражеский беспилотник атаковал предприятие в Новошахтинске, возник пожар.") == ["Novoshakhtinsk"]


def test_fpv_drone_and_approach_to_a_city():
    found = sites("В результате удара FPV-дрона по автомобилю в Рыльске погиб мужчина.")
    assert [(k[0], v.killed) for k, v in found.items()] == [("drone_strike", 1)]
    assert places("ПВО сбила беспилотник на подлёте к Москве, сообщил Собянин.") == ["Moscow"]


def test_english_headline_denying_a_strike_gives_no_incident():
    assert places("Officials deny strike on Tuapse refinery") == []


def test_every_cue_fragment_is_reachable_through_its_quick_look():
    """The cheap first looks (trigger pieces) never hide a fragment the patterns would match."""
    from incidents.extraction import cues

    for kind, pieces in cues._TRIGGERS.items():
        if kind == "damage":
            for fragment in cues.lexicon()["damage"]:
                assert any(piece in fragment.lower() for piece in pieces), fragment


def test_village_with_its_district_is_the_village():
    text = "Губернатор: в селе Головчино Грайворонского округа дрон атаковал автомобиль, ранен мужчина."
    found = sites(text)
    assert [(k[1], v.injured) for k, v in found.items()] == [("Golovchino", 1)]


def test_district_adjective_never_pulls_a_namesake_town():
    assert places("Попередньо, ворог атакував Слобідський район.") == []
