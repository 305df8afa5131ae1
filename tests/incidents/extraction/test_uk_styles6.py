"""Ukrainian styles, round six: live-blog entries with a bullet before their time, a place alone with its hour or part
of the day labelling its line, the subject put after its passive strike ('під обстрілом — X', 'під удар потрапила X'),
weapon words in quotes."""

from incidents.extraction import extract_incidents


def found(text, published="2025-03-14"):
    return extract_incidents(text, published=published)


def near(incident, lat, lon, degrees=0.2):
    return abs(incident.lat - lat) < degrees and abs(incident.lon - lon) < degrees


def test_bullet_before_the_time_of_a_live_blog_entry():
    for text, lat, lon in (("🔴 08:20 — Луцьк: ракета влучила у промисловий об'єкт.", 50.758, 25.35),
                           ("▪️ 21:45 Черкаси: дрон пошкодив адмінбудівлю.", 49.445, 32.057)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text


def test_a_place_alone_with_its_hour_or_part_of_the_day_labels_its_line():
    for text, lat, lon in (("Полтава, 05:10. Місто атакували дрони, пошкоджено гуртожиток.", 49.589, 34.554),
                           ("Джанкой, ніч. Мешканці пишуть про вибухи біля залізничного вузла.", 45.713, 34.393),
                           ("💥 23:05 — Херсон. Ворог вдарив по житловому кварталу.", 46.637, 32.615)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text


def test_a_district_alone_labels_its_line():
    items = found("Ізмаїльський район. Дрони атакували портову інфраструктуру, двоє працівників травмовані.")
    assert len(items) == 1 and near(items[0], 45.351, 28.838) and items[0].injured == 2


def test_the_subject_after_its_passive_strike():
    for text, lat, lon in (("Увечері під удар потрапила Шостка, пошкоджено підприємство.", 51.864, 33.473),
                           ("Під обстрілом з РСЗВ опинився Нікополь.", 47.568, 34.391),
                           ("Чугуївський район: м. Балаклія потрапила під ракетний удар.", 49.456, 36.844)):
        items = found(text)
        assert len(items) == 1 and near(items[0], lat, lon), text
        assert items[0].event_type != "interception"


def test_a_community_heading_its_line():
    items = found("⚡️ 10:40 — Білопільська громада: обстріл з артилерії, поранено жінку.")
    assert len(items) == 1 and near(items[0], 51.147, 34.311) and items[0].injured == 1


def test_weapon_words_in_quotes_still_make_an_interception():
    for text in ("Від ранку над Полтавщиною знешкоджено 7 «шахедів».",
                 "Міноборони РФ звітує про 12 «знищених» над Бєлгородською областю безпілотників."):
        items = found(text)
        assert [i.event_type for i in items] == ["interception"], text
        assert items[0].geo_precision == "region"
