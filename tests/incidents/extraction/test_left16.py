"""Faults left by round fifteen, each checked as a class: a village's community named like a city, per-region counts
in ministry lists, seas and Crimea, headline lists under an article, recaps of the week, Volga towns."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-06-11")  # a Wednesday
near = helpers.near


def test_a_village_community_is_its_village_in_the_region_named_not_the_city_of_that_name():
    for text in ("Вночі безпілотник атакував Миколаївську сільську громаду Одеської області, зруйновано сарай.",
                 "Ударный дрон атаковал Николаевскую сельскую общину Одесской области, повреждён склад."):
        items = found(text)
        assert items and not any(near(i, 46.97, 31.99) for i in items), text  # not the city of Mykolaiv
        assert all(i.admin1 == "Odessa" for i in items), text
    assert any(near(i, 48.34, 33.27) for i in found("Дрон влучив у Петрівську сільську громаду Кіровоградської області."))
    items = found("Російський дрон атакував Петрівську сільську громаду на Херсонщині.")  # no Petrivka known there
    assert [i.geo_precision for i in items] == ["region"] and items[0].admin1 == "Kherson"


def downed_by_region(text):
    """{region's admin-1: drones downed} of the region-level interceptions found."""
    return {i.admin1: i.drones_downed for i in found(text) if i.event_type == "interception" and i.geo_precision == "region"}


def test_each_count_of_a_dashed_region_list_is_its_own_regions_with_the_noun_left_out_after_the_first():
    assert downed_by_region("ПВО перехватила 61 дрон: 40 — над Ростовской областью, 13 — над Воронежской, "
                            "8 — над Липецкой.") == {"Rostov": 40, "Voronezh": 13, "Lipetsk": 8}
    assert downed_by_region("Сили ППО знешкодили 27 ударних дронів: 19 — над Чернігівською областю, "
                            "8 — над Полтавською.") == {"Chernihiv": 19, "Poltava": 8}


def test_counts_without_a_verb_of_their_own_go_to_their_regions_never_to_casualties():
    text = "За сутки уничтожены 17 беспилотников: 9 в Брянской области, 5 — в Орловской, 3 в Смоленской."
    assert downed_by_region(text) == {"Bryansk": 9, "Orel": 5, "Smolensk": 3}
    items = found("Всього знешкоджено 21 дрон. 15 у Дніпропетровській області, 6 — у Запорізькій.")
    assert {i.admin1: i.drones_downed for i in items} == {"Dnipropetrovs'k": 15, "Zaporizhzhya": 6}
    assert all(i.killed is None and i.injured is None for i in items)


def test_a_summary_of_this_weeks_strikes_is_background_unless_it_tells_today():
    assert helpers.place_names(found("A drone damaged a substation in Kursk overnight. This week Ukraine also "
                                     "claimed hits on depots in Engels and Tambov.")) == ["Kursk"]
    assert helpers.place_names(found("Утром беспилотник повредил склад в Липецке. На этой неделе дроны уже атаковали "
                                     "Елец и Тамбов.")) == ["Lipetsk"]
    assert helpers.place_names(found("Уночі дрон уразив підстанцію в Ніжині. Цього тижня росіяни вже били по "
                                     "Прилуках і Чернігову.")) == ["Nizhyn"]
    assert [i.place for i in found("Drones attacked Kursk for the second time this week overnight, injuring one.")] == ["Kursk"]


def test_crimea_is_the_peninsula_and_a_sea_is_no_site_nor_does_its_count_go_to_land():
    for text in ("Вночі над Кримом ППО знешкодила сім безпілотників.", "Air defences downed seven drones over Crimea."):
        assert [(i.geo_precision, i.admin1, i.drones_downed) for i in found(text)] == [("region", "Crimea", 7)], text
    for text in ("Над Азовским морем ночью уничтожены два беспилотника.", "Два дрони збито над Чорним морем.",
                 "A drone boat was destroyed in the Red Sea.", "Missiles fell into the Persian Gulf overnight."):
        assert found(text) == [], text
    assert [i.drones_downed for i in found("Над Кримом и акваторией Азовского моря сбиты 15 беспилотников.")] == [None]
    assert [i.drones_downed for i in found("Над акваторією Азовського моря збито 9 дронів, ще 5 — над Кримом.")] == [5]


def test_headlines_under_an_article_are_page_furniture_labelled_or_not():
    for text in ("A drone hit a fuel depot near Lutsk overnight, the governor said.\n\n"
                 "Russian drones strike power plant in Chernihiv\nMissile attack on Kryvyi Rih kills three\n",
                 "Ночью беспилотник повредил склад в Орле.\nЧитайте также:\n— Взрывы прогремели в Рязани\n"
                 "— Беспилотник атаковал Калугу\n",
                 "Уночі дрон влучив у склад у Вінниці.\nЧитайте також\n• Вибухи у Рівному\n• Дрон атакував Житомир\n"):
        assert len(found(text)) == 1, text


def test_volga_towns_near_kazan_are_found_in_every_language_and_case():
    towns = {"Zelenodolsk": (55.84, 48.52), "Yelabuga": (55.76, 52.05), "Nizhnekamsk": (55.64, 51.82),
             "Chistopol": (55.37, 50.64), "Almetyevsk": (54.90, 52.32), "Bugulma": (54.54, 52.80),
             "Naberezhnye Chelny": (55.74, 52.42)}
    for text, town in (("Беспилотник упал в Зеленодольске, повреждена крыша цеха.", "Zelenodolsk"),
                       ("Вибухи пролунали в Зеленодольську.", "Zelenodolsk"),
                       ("Дрон атакував завод в Єлабузі.", "Yelabuga"),
                       ("Беспилотники атаковали Алабугу.", "Yelabuga"),
                       ("Взрывы прогремели в Нижнекамске.", "Nizhnekamsk"),
                       ("Дрони атакували Чистопіль.", "Chistopol"),
                       ("Беспилотник сбит над Чистополем.", "Chistopol"),
                       ("Вибухи пролунали в Альметьєвську.", "Almetyevsk"),
                       ("A drone hit an oil facility in Bugulma.", "Bugulma"),
                       ("У Набережних Челнах пролунали вибухи.", "Naberezhnye Chelny"),
                       ("Дрони атакували Набережні Челни.", "Naberezhnye Chelny")):
        assert any(near(i, *towns[town]) for i in found(text)), text


def test_a_count_of_people_before_a_town_is_never_its_drones_downed():
    items = {i.place: i for i in found("Знищено 9 безпілотників: 6 — над Сумською областю, 3 — над Полтавською, "
                                       "поранено двох людей у Ромнах.")}
    assert items["Romny"].drones_downed is None and items["Romny"].injured == 2
