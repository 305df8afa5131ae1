"""Russian styles, round sixteen: a body found under the rubble is a death and townspeople taken to hospital are injured;
a region's centre is not a hamlet of the region in focus; a district in -ецкий is its town in -ец; a distance written
in words; a lead listing the regions attacked over a paragraph for each is no incident of its own; a village named with
an Октябрьский (Советский, Кировский ...) district keeps its own place; reports the next sentence calls a fake
('назвал эти сообщения фейком') are retracted; 'над X сбиты' beside a closed airport is an interception at X; 'снова/вновь ... все сбиты' is another attack, not
the fate of the strike told before."""

from tests.incidents.extraction import helpers

found_in = helpers.dated(helpers.found, "2025-04-17")
places = helpers.place_names


def test_a_body_found_is_one_killed_and_townspeople_in_hospital_are_injured():
    found = found_in("Ракета попала в общежитие в Днепре. Спасатели достали из-под завалов тело женщины, "
                     "ещё пятеро горожан госпитализированы.")
    assert [(i.place, i.killed, i.injured) for i in found] == [("Dnipro", 1, 5)]


def test_bodies_counted_after_the_verb():
    found = found_in("В Курске беспилотник ударил по жилому дому. Спасатели извлекли тела двух человек.")
    assert [(i.place, i.killed) for i in found] == [("Kursk", 2)]


def test_a_region_centre_is_not_a_hamlet_of_the_region_in_focus():
    found = found_in("Глава Полтавской ОВА Владимир Когут: в Кременчуге повреждено предприятие, пострадавших нет. "
                     "Позже взрывы прогремели в Костроме, сообщают российские СМИ.")
    kostroma = helpers.named(found)["Kostroma"]
    assert helpers.near(kostroma, 57.77, 40.93)


def test_a_district_adjective_in_etskiy_is_made_from_a_town_in_ets():
    found = found_in("Над Елецким районом ночью сбиты два беспилотника, обломки упали в поле.")
    assert places(found) == ["Yelets"]


def test_a_distance_written_in_words():
    found = found_in("Беспилотник сбит примерно в двадцати километрах к северу от Курска, обломки упали в поле.")
    assert len(found) == 1 and found[0].event_type == "interception" and helpers.near(found[0], 51.91, 36.19, 0.05)


def test_a_lead_listing_the_regions_attacked_is_no_incident_of_its_own():
    found = found_in("Беспилотники ночью атаковали Смоленскую, Калужскую и Курскую области.\n\n"
                     "Смоленская область. Над регионом уничтожены пять дронов, сообщил Василий Анохин.\n\n"
                     "Калужская область. В Людиново обломки упали на крышу гаража, пострадавших нет.\n\n"
                     "Курская область. Губернатор сообщил о сбитом дроне над Курчатовом.")
    assert places(found) == ["Kurchatov", "Lyudinovo", "Smolensk"]
    assert helpers.named(found)["Smolensk"].event_type == "interception"


def test_regions_attacked_told_after_their_downings_stay():
    found = found_in("Ночью над Брянской и Курской областями сбиты 14 беспилотников. "
                     "Утром дроны вновь атаковали Брянскую и Курскую области, повреждены ЛЭП.")
    assert sorted((i.event_type, i.geo_precision) for i in found) == [("drone_strike", "region"), ("drone_strike", "region")]


def test_a_village_named_with_a_generic_district_keeps_its_place():
    found = found_in("Слюсарь: в поселке Каменоломни Октябрьского района обломки БПЛА повредили линию электропередачи, "
                     "пострадавших нет.")
    assert [(i.place, i.admin1) for i in found] == [("Kamenolomni", "Rostov")]


def test_reports_called_a_fake_in_the_next_sentence_are_retracted():
    found = found_in("Telegram-каналы сообщили о взрывах на нефтебазе в Ельце. "
                     "Губернатор Игорь Артамонов назвал эти сообщения фейком.")
    assert found == []


def test_a_town_drones_were_downed_over_beside_a_closed_airport_is_an_interception():
    found = found_in("Аэропорт Жуковский приостановил прием рейсов: над Раменским сбиты три беспилотника.")
    assert sorted((i.event_type, i.airport_iata or i.place) for i in found) == [
        ("airspace_restriction", "ZIA"), ("interception", "Ramenskoye")]


def test_all_downed_in_another_attack_leaves_the_strike_before_a_strike():
    found = helpers.found("Вечером 8 июня дрон атаковал котельную в Мценске. "
                          "Сегодня ночью беспилотники вновь пытались атаковать город, все сбиты.", "2025-06-10")
    assert [(i.event_type, i.place, str(i.started_at)[:10]) for i in found] == [("drone_strike", "Mtsensk", "2025-06-08")]
