"""Ukrainian styles, round five: region lists with the count after each place, 'вразили', airports closed in the
genitive, 'дістали/отримали травми', the side an attack came from, Russian towns in -ово in the genitive."""

from incidents.extraction import extract_incidents
from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-03-14")
near = helpers.near


def test_region_list_with_the_count_after_each_place():
    for text in ("Цієї ночі над Київщиною знищено 14 ворожих дронів, над Житомирщиною — 6, над Вінниччиною — 5, "
                 "над Черкащиною — 3.",
                 "Минулої ночі над Одеською областю збито 11 БпЛА, над Миколаївською — 7, над Херсонською — 2."):
        items = found(text)
        assert len(items) in (3, 4), text
        assert {i.event_type for i in items} == {"interception"}
        assert {i.geo_precision for i in items} == {"region"}


def test_vrazyly_is_a_strike_verb():
    for text in ("Українські дрони вразили аеродром Шайковка в Калузькій області.",
                 "Уночі безпілотник вразив нафтобазу в Брянську."):
        assert [i.event_type for i in found(text)] and all(i.event_type != "interception" for i in found(text)), text


def test_airports_closed_named_in_the_genitive():
    items = found("Росавіація повідомила про тимчасове закриття аеропорту Самари, а також аеропортів Казані "
                  "й Нижньокамська.")
    assert {i.event_type for i in items} == {"airspace_restriction"}
    assert len(items) == 3
    assert any(near(i, 53.505, 50.164) for i in items)  # Kurumoch, Samara's airport


def test_distaly_and_otrymaly_travmy_are_injuries():
    assert found("У Павлограді після атаки дронів дістали травми троє рятувальників.")[0].injured == 3
    assert found("Внаслідок ворожої атаки на Одесу двоє осіб отримали травми.")[0].injured == 2


def test_the_side_an_attack_came_from_is_not_a_site():
    items = found("Неподалік Вовчанська ворог обстріляв з боку Бєлгорода село, загинув чоловік.")
    assert items and not any(near(i, 50.595, 36.587, 0.1) for i in items)


def test_russian_town_in_ovo_read_from_its_genitive():
    items = found("Безпілотники атакували аеродроми Міллерова та Морозовська в Ростовській області.")
    assert any(near(i, 48.953, 40.296, 0.1) for i in items)  # Millerovo air base
    assert any(near(i, 48.313, 41.791, 0.1) for i in items)  # Morozovsk air base


def test_line_headed_by_a_settlement_after_its_district():
    text = ("Харківський район: с. Руська Лозова — поранено 70-річного чоловіка.\n"
            "Куп'янський район: с. Ківшарівка — загинула 58-річна жінка.\n"
            "Чугуївський район: м. Чугуїв — удар КАБом, пошкоджено школу.")
    items = found(text)
    assert len(items) == 3
    assert any(near(i, 50.142, 36.286, 0.05) and i.injured == 1 for i in items)
    assert any(near(i, 49.630, 37.678, 0.05) and i.killed == 1 for i in items)
    assert any(near(i, 49.836, 36.686, 0.05) for i in items)


def test_post_shouting_in_capitals_is_not_a_title():
    for text in ("date 2025-02-14 Telegram\n\n⚡️ХАРКІВ — ВИБУХИ\n\nУточнюємо.",
                 "date 2025-02-14 Оперативно\n\n🔴 ПОЛТАВА — ПРИЛІТ, ГОРИТЬ СКЛАД"):
        items = extract_incidents(text)
        assert len(items) == 1, text


def test_area_named_after_its_town():
    items = found("Дніпропетровщина. Вночі ворог бив по Нікопольщині та Павлоградщині.\n"
                  "Нікопольщина — артобстріли, поранено двох.")
    assert any(near(i, 47.567, 34.396) and i.injured == 2 for i in items)  # Nikopol
    assert any(near(i, 48.534, 35.870) for i in items)  # Pavlohrad
    assert [i.place for i in found("Уночі ворог атакував Охтирщину дронами.")] == ["Okhtyrka"]
    assert not found("Партія «Батьківщина» провела з'їзд.")


def test_surname_signing_a_post_is_not_a_place():
    items = found("Запоріжжя. Удар по Шевченківському району: троє поранених — Федоров.")
    assert [i.place for i in items] and all(near(i, 47.838, 35.139) for i in items)
    items = found("Вночі ворог атакував Миколаїв дронами, постраждалих немає, — Кім.")
    assert len(items) == 1 and near(items[0], 46.975, 31.995)


def test_ukrainian_page_furniture_with_headlines_keeps_no_casualties():
    text = ("date 2025-07-15 Укрінформ\n\nЛисак: ворог атакував Кам'янське, загинули двоє людей, поранено сімох.\n\n"
            "Фото: Дніпропетровська ОВА\nПоділитися\nНовини партнерів: Землетрус у Японії — загинули п'ятеро\n")
    items = extract_incidents(text)
    assert len(items) == 1 and items[0].killed == 2 and items[0].injured == 7
    text = ("date 2025-06-30 Суспільне\n\nРосіяни атакували Суми дронами, травмувалася жінка.\n\n"
            "Теги: Суми, обстріли\nВас також може зацікавити:\nВибух у Конотопі: що відомо на ранок\n")
    assert [round(i.lat) for i in extract_incidents(text)] == [51]  # Sumy only, not Konotop


def test_bombs_dropped_on_a_place():
    for text in ("Увечері окупанти скинули керовану авіабомбу на Київський район Харкова, поранені семеро людей.",
                 "Вранці окупанти скинули дві авіабомби на Куп'янськ, поранено жінку."):
        items = found(text)
        assert len(items) == 1 and items[0].event_type != "interception", text


def test_plant_named_by_its_towns_adjective():
    items = found("Сили оборони уразили Саратовський нафтопереробний завод та Новокуйбишевський НПЗ у Самарській області.")
    assert len(items) == 2
    assert any(near(i, 51.53, 46.03, 0.3) for i in items)  # Saratov
    assert any(near(i, 53.097, 49.94, 0.1) for i in items)  # Novokuibyshevsk, not the Samara region
    assert [i.place for i in found("Дрони атакували Рязанський нафтопереробний завод, спалахнула пожежа.")] == ["Ryazan’"]


def test_air_base_named_in_quotes():
    for text, lat, lon in (("Сили оборони уразили склад, що забезпечує аеродром «Енгельс» у Саратовській області.", 51.467, 46.2),
                           ("Дрони атакували аеродром «Шайковка» в Калузькій області.", 54.226, 34.371)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon, 0.05), text


def test_places_listed_as_under_fire():
    items = found("За добу ворог здійснив 62 обстріли Херсонщини. Під ударами були Берислав, Білозерка та Дніпровський "
                  "район Херсона.")
    assert len(items) == 3
    assert {i.place for i in found("Упродовж доби під ворожим вогнем перебували Куп'янськ та Ізюм.")} == {"Kupyansk", "Izyum"}


def test_two_community_adjectives_under_one_noun():
    items = found("Також ворог обстріляв Краснопільську та Миропільську громади, постраждалих немає.")
    assert len(items) == 2
    assert any(near(i, 50.773, 35.268, 0.05) for i in items) and any(near(i, 51.024, 35.245, 0.05) for i in items)
    assert {i.place for i in found("Ворог атакував дронами Сумський та Охтирський райони.")} == {"Sumy", "Okhtyrka"}


def test_village_near_a_named_town_is_its_namesake_there():
    items = found("Неподалік Куп'янська, у селі Петропавлівка, внаслідок удару авіабомби загинули двоє цивільних.")
    assert len(items) == 1 and near(items[0], 49.721, 37.709, 0.05)  # not the Petropavlivka of Dnipropetrovsk oblast
    items = found("Поблизу Ізюма, у селі Петропавлівка, дрон атакував автомобіль.")
    assert len(items) == 1 and near(items[0], 49.721, 37.709, 0.05)


def test_ukrainian_denials_of_a_report():
    for text in ("Раніше повідомлялося про удар по Кременчуку, однак ОВА це спростувала.",
                 "Губернатор спростував повідомлення про удар по Бєлгороду.",
                 "Центр протидії дезінформації спростовує заяви росіян про удар по аеродрому в Миргороді."):
        assert not found(text), text


def test_not_here_but_there():
    items = found("Насправді ракета влучила не в Одесу, а в Чорноморськ, поранено двох людей.")
    assert len(items) == 1 and near(items[0], 46.299, 30.655, 0.05) and items[0].injured == 2
    assert [i.place for i in found("Ракета попала не в Одессу, а в Черноморск, ранены двое.")] == ["Chornomors’k"]


def test_post_line_ending_with_an_emoji_is_not_a_title():
    for text, lat in (("Вибухи в Харкові 💥", 49.98), ("Мінус шахед над Києвом 👍", 50.45)):
        items = extract_incidents(f"date 2025-03-14 Telegram\n\n{text}\n")
        assert len(items) == 1 and near(items[0], lat, items[0].lon), text


def test_inflected_form_read_as_the_big_city_not_a_hamlet_spelled_alike():
    items = found("Наслідки атаки зафіксовано у Вінниці: пошкоджено енергетичну інфраструктуру.")
    assert len(items) == 1 and near(items[0], 49.233, 28.468)  # Vinnytsia, not Vinnitsy in the Leningrad region


def test_acronym_with_a_case_ending_is_not_a_place():
    items = found("У Харкові внаслідок влучання КАБу в житловий будинок травмовано 12 людей.")
    assert len(items) == 1 and items[0].injured == 12 and near(items[0], 49.98, 36.25)


def test_air_defence_as_a_topic_is_no_interception():
    assert not found("Зеленський провів у Львові зустріч із прем'єром Польщі, сторони обговорили ППО.")
    assert not found("In Warsaw, ministers discussed air defence for Ukraine.")
    assert [i.event_type for i in found("У Львові працює ППО.")] == ["interception"]
