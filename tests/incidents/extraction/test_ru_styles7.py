"""Russian styles, round seven: wire datelines with the day after the town, where the wounded were taken, where drones
were flying to, and earlier attacks dated by a month or a year in a clause of their own."""

from incidents.extraction import extract_incidents


def found_in(text, published="2024-06-10"):
    return extract_incidents(text, published=published)


def places(found):
    return sorted(i.place for i in found)


def test_a_wire_dateline_with_the_day_after_the_town_is_not_a_site():
    text = ("Астрахань. 10 июня. INTERFAX.RU - Беспилотники атаковали Ахтубинск, сообщил губернатор. "
            "По его словам, никто не пострадал, ПВО сбила все аппараты.")
    assert places(found_in(text)) == ["Akhtubinsk"]
    text = "Курськ. 5 травня. Укрінформ. Дрон атакував Суджу, пошкоджено будинок."
    assert "Kursk" not in places(found_in(text, "2025-05-05"))


def test_where_the_wounded_were_taken_is_not_a_site():
    text = "В результате атаки пострадал один человек, он доставлен в больницу в Ростов-на-Дону."
    assert found_in(text) == []
    found = found_in("В Грайвороне дрон ударил по автомобилю. Мужчина ранен, его доставили в Белгород, в областную больницу.")
    assert all("Belgorod" not in i.place for i in found)
    found = found_in("Обстрел села Бессоновка: ранены двое, они доставлены в городскую больницу №2 Белгорода.")
    assert all(i.place != "Belgorod" for i in found)


def test_where_the_drones_were_flying_to_is_not_a_site_when_they_fell_elsewhere():
    found = found_in("Собянин: два беспилотника, летевших на Москву, сбиты в Подольске.")
    assert places(found) == ["Podolsk"]
    found = found_in("Дроны, которые летели в направлении Москвы, уничтожены над Коломной, обломки упали в поле.")
    assert "Moscow" not in places(found)
    found = found_in("Сергей Собянин\n\nОтражена атака БПЛА, летевшего на Москву. Пострадавших нет.")
    assert places(found) == ["Moscow"]  # no other place: the city is where it was downed


def test_an_earlier_attack_dated_by_a_month_in_a_clause_of_its_own_is_background():
    text = ("Спутниковые снимки показывают сгоревший самолёт. Ранее, в декабре 2022 года, украинские дроны атаковали "
            "аэродромы Энгельс и Дягилево.")
    assert found_in(text, "2023-08-21") == []
    assert found_in("В марте 2023 года, по данным СМИ, дроны атаковали Энгельс.", "2024-05-01") == []
    assert found_in("In March 2023, drones attacked Engels.", "2024-05-01") == []


def test_a_month_of_this_year_or_the_same_month_is_not_background_on_its_own():
    from datetime import date

    from incidents.extraction import dates

    assert dates.other_months("в мае дроны атаковали Курск", date(2024, 5, 20)) == []
    assert dates.other_months("у березні дрони атакували Суми", date(2024, 5, 20)) != []
    assert dates.past_year_periods("в 2023 году дроны атаковали Курск", date(2024, 5, 20)) != []
