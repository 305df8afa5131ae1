"""Russian and Ukrainian styles, round three: common words only the Ukrainian dictionary knows, a town qualified by
its region's adjective, residents of a place, Cyrillic readings at home before namesakes abroad, district adjectives."""

from incidents.extraction import extract_incidents, geo, morphology
from tests.incidents.extraction import helpers

sites = helpers.dated(helpers.sites, "2025-03-14")
places = helpers.dated(helpers.places, "2025-03-14")


def test_common_words_only_the_ukrainian_dictionary_knows():
    for word in ("Росіяни", "Окупанти", "Мешканці", "Збивали"):
        assert morphology.is_common_word(word), word
    for name in ("Ковель", "Щастя", "Харкові", "Лозову"):
        assert not morphology.is_common_word(name), name
    assert places("Окупанти вдарили по Ковелю дроном, пошкоджено склад.") == ["Kovel"]


def test_town_before_its_regions_adjective_is_no_persons_name():
    text = "Дрон атаковал автомобиль в городе Льгове Курской области, ранены двое мужчин."
    found = extract_incidents(text, published="2025-03-14")
    assert [i.injured for i in found] == [2]
    assert abs(found[0].lat - 51.69) < 0.2 and abs(found[0].lon - 35.28) < 0.2  # Lgov, not Kursk


def test_residents_of_a_place_name_the_site():
    ru = "Жители Новошахтинска сообщили о серии взрывов и пожаре на территории предприятия."
    uk = "Мешканці Конотопа чули вибухи, пошкоджено будинок."
    assert places(ru) == ["Novoshakhtinsk"]
    assert places(uk) == ["Konotop"]


def test_cyrillic_reading_at_home_before_a_namesake_abroad():
    assert geo.nominative("Качи") == "Кача"
    assert geo.nominative("Риги") == "Рига"
    assert geo.nominative("Великій Писарівці") == "Велика Писарівка"
    assert geo.nominative("Женеве") == "Женева"


def test_district_adjective_names_its_town_at_home():
    text = "На Київщині внаслідок атаки пошкоджено будинки в Бучанському районі, поранено чоловіка."
    found = sites(text)
    assert [k[1] for k in found] == ["Bucha"]
    assert all(abs(v.lon - 30.2) < 0.5 for v in found.values())


def test_one_person_named_by_any_noun_the_dictionary_calls_a_person():
    from incidents.extraction.casualties import find_casualties

    assert find_casualties("внаслідок удару поранено тракториста")["injured"].value == 1
    assert find_casualties("при атаке дрона погиб охранник базы")["killed"].value == 1
    assert find_casualties("Klintsy: dron udaril po gruzoviku, ranen voditel'")["injured"].value == 1
    assert "injured" not in find_casualties("ранен в Курске, пострадал дом")
    assert "injured" not in find_casualties("ранены жители")


def test_air_force_elliptic_interception_verb_before_the_regions():
    text = ("Станом на 09:00 збито 30 ударних БпЛА. Збивали у Сумській та Полтавській областях.")
    assert sorted((k[0], k[2]) for k in sites(text)) == [("interception", "region")] * 2


def test_repairs_after_an_attack_are_no_new_incident():
    uk = "У Сумах енергетики відновлюють електропостачання після нічного обстрілу, без світла 3 тисячі абонентів."
    ru = "В Брянске восстанавливают подачу тепла после удара беспилотников по котельной."
    assert places(uk) == [] and places(ru) == []
    both = uk + " Тим часом уночі ворог атакував Шостку дронами, поранено жінку."
    assert [(k[1], v.injured) for k, v in sites(both).items()] == [("Shostka", 1)]


def test_interception_over_a_sea_and_crimea():
    uk = "Над Чорним морем та Кримом знищено ще три крилаті ракети."
    ru = "Над акваторией Азовского моря и Крымом сбиты пять беспилотников."
    for text in (uk, ru):
        found = extract_incidents(text, published="2025-03-14")
        assert [(i.event_type, i.geo_precision) for i in found] == [("interception", "region")], text
        assert abs(found[0].lat - 45.3) < 0.5  # Crimea, not a town named by the sea's adjective


def test_place_that_found_itself_under_attack_after_the_verb():
    uk = "Уночі під масованим обстрілом ворожих дронів опинилася Шостка."
    ru = "Ночью под ударом беспилотников оказался Новошахтинск, пострадал мужчина."
    assert [(k[1], k[2]) for k in sites(uk)] == [("Shostka", "city")]
    assert [(k[1], v.injured) for k, v in sites(ru).items()] == [("Novoshakhtinsk", 1)]


def test_airport_heading_its_line_labels_the_restriction_after_it():
    text = ("Аэропорт Саратов (Гагарин). Введены временные ограничения на приём и выпуск воздушных судов.\n\n"
            "Аэропорт Пенза. Введены временные ограничения на приём и выпуск воздушных судов.")
    found = extract_incidents(text, published="2025-03-14")
    assert sorted(i.airport_iata or "" for i in found if i.event_type == "airspace_restriction") == ["GSV", "PEZ"]


def test_explosions_told_as_the_work_of_air_defence_are_an_interception():
    ru = "Жители Железногорска слышали серию хлопков — над городом работала ПВО."
    uk = "У Полтаві чути вибухи — працює ППО."
    assert [k[0] for k in sites(ru)] == ["interception"]
    assert [k[0] for k in sites(uk)] == ["interception"]
    assert [k[0] for k in sites("У Полтаві чути вибухи.")] == ["explosion"]


def test_hromada_adjective_heading_a_line_names_its_town():
    text = ("Протягом доби ворог здійснив 40 обстрілів Сумщини.\n"
            "Білопільська громада: артилерійський обстріл (6 вибухів).\n"
            "Краснопільська громада: ворог атакував FPV-дроном, поранено чоловіка.")
    found = sites(text)
    assert sorted(k[1] for k in found) == ["Bilopillia", "Krasnopillya"]
    assert [v.injured for k, v in found.items() if k[1] == "Krasnopillya"] == [1]
