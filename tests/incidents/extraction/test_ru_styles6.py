"""Russian styles, round six: air bases whose names the dictionary knows as common words, villages named with an
unknown district, bulleted region lists, page furniture under the article, and attacks said not to have happened."""

from incidents.extraction import extract_incidents


def found_in(text, published="2025-03-14"):
    return extract_incidents(text, published=published)


def near(incident, lat, lon, degrees=0.2):
    return abs(incident.lat - lat) < degrees and abs(incident.lon - lon) < degrees


def test_an_air_base_named_after_its_noun_even_when_the_name_is_a_common_word():
    found = found_in("Обломки упали на территории военного аэродрома Мариновка, возник пожар.")
    assert len(found) == 1 and near(found[0], 48.637, 43.789, 0.05)
    found = found_in("Беспилотники атаковали аэродром Мариновка в Волгоградской области.")
    assert len(found) == 1 and found[0].event_type == "drone_strike" and near(found[0], 48.637, 43.789, 0.05)


def test_a_village_named_with_a_district_the_gazetteer_does_not_know():
    found = found_in("Дроны атаковали воинскую часть в посёлке Средний Усольского района.")
    assert len(found) == 1 and near(found[0], 52.89, 103.49)
    found = found_in("Беспилотник упал в хуторе Старая Станица Каменского района, повреждён склад.")
    assert len(found) == 1


def test_a_bulleted_region_list_with_no_dash_after_the_counts():
    text = ("Дежурными средствами ПВО перехвачены и уничтожены 47 украинских БПЛА:\n"
            "— 20 над территорией Курской области,\n— 12 над территорией Брянской области,\n"
            "— 6 над территорией Ростовской области.")
    found = found_in(text)
    assert sorted(i.place for i in found) == ["Bryansk", "Kursk", "Rostov"]
    assert all(i.event_type == "interception" and i.geo_precision == "region" for i in found)


def test_a_line_ending_with_a_comma_is_not_a_heading():
    from incidents.extraction.sentences import split_sentences

    sentences = split_sentences("Сводка.\nУничтожены 47 БПЛА:\n— 20 над территорией Курской области,\n")
    assert not any(s.heading for s in sentences)
    assert split_sentences("Атака на аэродромы в Воронежской области\n\nТекст.")[0].heading


def test_related_stories_under_the_article_are_not_read():
    text = ("В Миллерове Ростовской области в результате атаки беспилотников загорелся склад, пострадали двое рабочих.\n\n"
            "Также по теме\nБеспилотник атаковал нефтебазу в Новороссийске: трое раненых\n"
            "В Таганроге эвакуировали жителей дома после падения обломков")
    found = found_in(text)
    assert len(found) == 1 and near(found[0], 48.92, 40.4) and found[0].injured == 2


def test_an_attack_said_not_to_have_happened_gives_no_incident():
    assert found_in("Власти проверили сообщения о дронах: по аэродрому Украинка атаки не было, уточнил губернатор.") == []
    assert found_in("Никаких прилётов по Курску не было, заявили в оперштабе.") == []
