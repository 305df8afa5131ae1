"""Classes of text that real published reports (session 16) showed the extractor getting wrong, each said in other words
with other towns: airport lists in notices, glued sentences, and more."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-12-10")


def codes(text):
    return sorted((i.event_type, i.airport_iata) for i in found(text))


def test_a_sentence_glued_to_the_next_one_ends_at_its_full_stop():
    text = ("Ограничения сохраняются в аэропортах Курска и Липецка.Пассажирам советуют летать через аэропорты Самары "
            "и Казани.")
    assert codes(text) == [("airspace_restriction", "LPK"), ("airspace_restriction", "URS")]


def test_airports_listed_after_a_colon_and_a_few_words_are_the_restricted_airports():
    text = "Режим ограничения полётов по-прежнему действует для шести аэропортов юга страны: Анапы, Геленджика и Элисты."
    assert codes(text) == [("airspace_restriction", "AAQ"), ("airspace_restriction", "ESL"), ("airspace_restriction", "GDZ")]


def test_airports_named_in_the_sentence_after_a_restriction_are_restricted():
    text = ("Росавиация ввела временные ограничения на прием и выпуск самолетов в трех аэропортах. "
            "Речь идёт об аэропортах Пензы, Самары (Курумоч) и Саратова (Гагарин).")
    assert codes(text) == [("airspace_restriction", "GSV"), ("airspace_restriction", "KUF"), ("airspace_restriction", "PEZ")]


def test_airports_recommended_instead_are_not_restricted():
    text = ("Росавиация ввела временные ограничения в аэропорту Курска. "
            "Пассажирам рекомендуют использовать аэропорты Москвы и Воронежа.")
    assert codes(text) == [("airspace_restriction", "URS")]


def test_a_head_line_of_airports_takes_the_notice_in_the_sentence_after_it():
    text = "«Аэропорты Пензы, Ульяновска (Баратаевка). Введены временные ограничения на приём и выпуск воздушных судов»."
    assert codes(text) == [("airspace_restriction", "PEZ"), ("airspace_restriction", "ULV")]
    assert not found("Аэропорты Пензы и Ульяновска. Здесь работают четыре авиакомпании.")
    assert codes("Введены ограничения в аэропорту Пензы. Аэропорты Самары и Саратова работают в обычном режиме.") == [
        ("airspace_restriction", "PEZ")]


def test_a_region_named_by_its_part_is_where_drones_were_downed():
    items = found("На севере Курской области были сбиты три беспилотника.")
    assert [(i.event_type, i.place, i.geo_precision, i.drones_downed) for i in items] == [
        ("interception", "Kursk", "region", 3)]
    items = found("На півдні Одещини сили ППО збили чотири шахеди.")
    assert [(i.event_type, i.place, i.geo_precision, i.drones_downed) for i in items] == [
        ("interception", "Odessa", "region", 4)]


def test_a_ministry_list_of_counts_each_dashed_before_its_region_keeps_each_count():
    text = ("Overnight, duty air defences destroyed 11 drones:\n"
            "6 – over the territory of Kursk region,\n"
            "4 – over the territory of Tula region,\n"
            "1 – over the territory of Lipetsk region.")
    items = {i.place: i for i in found(text)}
    assert {k: (v.event_type, v.geo_precision, v.drones_downed) for k, v in items.items()} == {
        "Kursk": ("interception", "region", 6), "Tula": ("interception", "region", 4),
        "Lipetsk": ("interception", "region", 1)}


def test_a_bullet_saying_an_airport_runs_as_usual_is_no_incident():
    text = ("What is known about the night drone attack on the Rostov region:\n"
            "▪️Three drones were shot down over Taganrog, a house was damaged\n"
            "▪️The Taganrog airport continues to operate as usual\n"
            "▪️Rostov airport keeps receiving flights")
    assert [i.place for i in found(text)] == ["Taganrog"]


def test_restrictions_lifted_in_russian_or_ukrainian_are_lifted():
    for text in ("В аэропорту Внуково отменены ограничения на приём и выпуск самолётов.",
                 "Ранее сообщалось о снятии временных ограничений на работу аэропорта Ижевска.",
                 "В аеропорту Внуково знято обмеження на прийом і випуск літаків."):
        assert [(i.event_type, i.status) for i in found(text)] == [("airspace_restriction", "lifted")], text
    assert [i.status for i in found("В аэропорту Внуково введены ограничения на приём и выпуск самолётов.")] == ["active"]


def test_nobody_hurt_in_the_city_after_a_downing_keeps_it_an_interception():
    for text in ("Над Керчью сбиты три беспилотника. По данным спасателей, жилые дома в городе не пострадали.",
                 "Над Херсоном збили три дрони. У місті ніхто не постраждав.",
                 "Three drones were shot down over Tver. Nobody was hurt in the city."):
        assert [(i.event_type, i.drones_downed) for i in found(text)] == [("interception", 3)], text
    assert [i.event_type for i in found("A drone struck Tver overnight. Two people were hurt in the city.")] == ["drone_strike"]


def test_air_targets_downed_are_counted():
    for text in ("Над Керчью уже сбито 4 воздушных цели.", "Над Херсоном сили ППО збили чотири повітряні цілі."):
        assert [(i.event_type, i.drones_downed) for i in found(text)] == [("interception", 4)], text


def test_several_people_hurt_is_no_count_of_one():
    for text in ("Беспилотники атаковали Новошахтинск, пострадали несколько человек.",
                 "Дрони атакували Ніжин, постраждали кілька людей."):
        assert [(i.event_type, i.injured) for i in found(text)] == [("drone_strike", None)], text
    assert [i.injured for i in found("Беспилотники атаковали Новошахтинск, пострадал человек.")] == [1]


def test_a_district_adjective_with_its_noun_left_out_is_no_town_elsewhere():
    text = "На Брянщині через атаку дронів сталися дві пожежі: одна у Клинцівському районі, а друга – у Брянському."
    assert all(i.country == "RU" and i.lat > 52 for i in found(text))
    text = "В Курской области после атаки дронов два пожара: один в Рыльском районе, другой — в Курском."
    assert all(i.lat > 51 for i in found(text))


def test_a_russian_town_written_in_ukrainian_letters_is_that_town():
    items = found("Уночі дрони атакували Рильськ Курської області, пролунали вибухи.")
    assert [(i.place, i.country) for i in items] == [("Ryl’sk", "RU")]
    items = found("Уночі гучно було у Вигоничах на Брянщині: жителі чули два вибухи.")
    assert any(i.place == "Vygonichi" for i in items)


def test_a_sentence_saying_only_channels_told_it_makes_the_one_before_unverified():
    items = found("У Новозибкові вранці пролунали вибухи, дрони атакували нафтобазу. Про це пишуть місцеві Telegram-канали.")
    assert [(i.place, i.verification) for i in items] == [("Novozybkov", "unverified")]
    items = found("В Новозыбкове утром дроны атаковали нефтебазу. Об этом сообщил губернатор Брянской области.")
    assert [i.verification for i in items] == ["reported"]


def test_airports_that_stopped_sending_and_receiving_planes_are_restricted():
    text = ("Ряд аэропортов временно прекратил принимать и выпускать самолёты. "
            "Среди них — аэропорты Пензы, Саратова (Гагарин) и Ульяновска (Баратаевка).")
    assert codes(text) == [("airspace_restriction", "GSV"), ("airspace_restriction", "PEZ"), ("airspace_restriction", "ULV")]
