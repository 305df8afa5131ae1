"""Site rules on short texts: the same city is a site in one sentence and not in another, by syntax, not by name."""

import pytest

from incidents.errors import ExtractionError
from incidents.extraction import extract_geojson, extract_incidents


def places(text, published="2025-03-01"):
    return sorted((i.event_type, i.place) for i in extract_incidents(text, published=published))


def rejected(text, published="2025-03-01"):
    collection = extract_geojson(text, published=published, explain=True)
    return {r["text"]: r["reason"] for r in collection["explain"]["rejected"]}


def test_a_capital_struck_is_a_site():
    assert places("Russian drones struck Kyiv overnight, officials said.") == [("drone_strike", "Kyiv")]


@pytest.mark.parametrize("sentence", [
    "Kyiv made no comment on the attack.",
    "Moscow called it an attack on civilians.",
    "Kyiv has not commented on the drone strikes.",
    "Moscow blames Kyiv for the missile attack.",
    "According to Kyiv, the strike was a provocation.",
])
def test_a_capital_standing_for_its_government_is_not(sentence):
    assert places(sentence) == []


def test_possessive_political_mention_is_not_a_site():
    text = "Russia rejects talks unless Kyiv renounces its NATO ambitions, while drone attacks continue."
    assert places(text) == []


def test_possessive_with_a_site_noun_is():
    assert places("Drones hit Odesa's port on Friday.") == [("drone_strike", "Odesa")]


def test_talks_in_a_foreign_capital_are_not_a_site():
    text = "As delegations met for talks in Istanbul, Russian missiles hit Kharkiv."
    assert places(text) == [("missile_strike", "Kharkiv")]
    assert rejected(text)["Istanbul"].startswith("diplomatic")


def test_historical_comparison_is_not_a_site():
    text = "Drones hit Kazan on Saturday, drawing comparisons to the 2001 attacks in New York."
    assert places(text) == [("drone_strike", "Kazan")]
    assert rejected(text)["New York"].startswith("historical")


def test_old_year_makes_a_clause_historical():
    assert places("In 1999, bombs exploded in Moscow apartment blocks.") == []


def test_a_person_named_like_a_city_is_not_a_site():
    text = "President Vladimir Putin said drones attacked Belgorod."
    assert places(text) == [("drone_strike", "Belgorod")]
    assert rejected(text)["Vladimir"].startswith("part of a longer name")


def test_officials_based_in_a_city_are_not_a_site():
    assert places("Officials in Kyiv said missiles struck Dnipro.") == [("missile_strike", "Dnipro")]


def test_listed_cities_share_the_site_cue():
    assert places("Missiles struck Lviv, Lutsk and Rivne.") == [
        ("missile_strike", "Lutsk"), ("missile_strike", "Lviv"), ("missile_strike", "Rivne")]


def test_region_named_instead_of_a_city():
    [item] = extract_incidents("Drones attacked the Kursk region on Monday.", published="2025-03-03")
    assert (item.place, item.geo_precision, item.started_at) == ("Kursk", "region", "2025-03-03")


def test_interception_only_gives_an_interception_with_its_count():
    [item] = extract_incidents("Air defences shot down 12 drones over the Voronezh region overnight.", published="2025-03-03")
    assert (item.event_type, item.drones_downed, item.killed) == ("interception", 12, None)


def test_counts_not_stated_stay_empty():
    [item] = extract_incidents("A missile hit Zaporizhzhia on Tuesday.", published="2025-03-05")
    assert (item.killed, item.injured, item.drones_downed) == (None, None, None)


def test_casualties_follow_the_site_they_are_written_next_to():
    text = "A drone hit a house in Sumy, killing three servicemen and injuring four."
    [item] = extract_incidents(text, published="2025-03-05")
    assert (item.killed, item.injured) == (3, 4)


def test_relative_dates_resolve_against_publication():
    [item] = extract_incidents("Drones attacked Tula last night.", published="2025-03-05")
    assert item.started_at == "2025-03-04" and "last night" in item.notes


def test_moscow_time_is_used_when_named():
    [item] = extract_incidents("Drones struck Kyiv at 03:10 Moscow time on Monday.", published="2025-03-03")
    assert item.started_at == "2025-03-03T03:10+03:00" and item.time_precision == "minute"


def test_local_time_uses_the_place_zone():
    [item] = extract_incidents("Drones struck Kyiv at 03:10 on Monday.", published="2025-01-06")
    assert item.started_at == "2025-01-06T03:10+02:00"


def test_airport_named_with_its_code():
    [item] = extract_incidents("Flights were suspended at Pulkovo airport (LED) on Sunday.", published="2025-03-02")
    assert (item.event_type, item.airport_iata, item.status) == ("airspace_restriction", "LED", "active")


def test_restriction_lifted_later():
    text = "Kaluga airport suspended flights on Sunday. Restrictions at Kaluga airport were lifted in the evening."
    [item] = extract_incidents(text, published="2025-03-02")
    assert (item.airport_iata, item.status) == ("KLF", "lifted")


def test_no_incident_gives_an_empty_list():
    assert extract_incidents("Leaders met in Geneva to discuss grain exports.", published="2025-03-02") == []


@pytest.mark.parametrize("bad", ["", "   \n", None, b"bytes"])
def test_unreadable_input_is_an_extraction_error(bad):
    with pytest.raises(ExtractionError):
        extract_incidents(bad)


def test_no_date_anywhere_is_an_extraction_error():
    with pytest.raises(ExtractionError, match="publication date"):
        extract_incidents("Drones struck Kazan.")


def test_bad_publication_date_is_an_extraction_error():
    with pytest.raises(ExtractionError):
        extract_incidents("Drones struck Kazan.", published="21/12/2024")


def test_only_unverified_material_makes_it_unverified():
    [item] = extract_incidents("Unverified videos showed drones hitting Kursk on Monday.", published="2025-01-06")
    assert item.verification == "unverified" and "Unverified material" in item.notes


def test_an_official_claim_is_reported_with_its_evidence():
    [item] = extract_incidents("Drones hit Kursk on Monday, the regional governor said.", published="2025-01-06")
    assert item.verification == "reported"
    assert item.evidence["verification"]["text"].endswith("governor said")


def test_a_river_with_the_is_not_a_town():
    text = "In Engels, across the Volga from Saratov, a drone attack started a fire, and one person was killed."
    [item] = extract_incidents(text, published="2025-01-15")
    assert (item.place, item.killed) == ("Engels", 1)


def test_a_district_far_from_the_city_in_focus_is_that_city():
    text = "Drones hit Odesa on Friday. Debris damaged homes in the Prymorskyi district."
    assert [i.place for i in extract_incidents(text, published="2025-01-31")] == ["Odesa"]


def test_an_overnight_attack_told_with_two_dates_is_one_incident():
    text = "Drones hit Odesa overnight, officials said on Friday. The attack began shortly after 11 pm on Thursday."
    [item] = extract_incidents(text, published="2025-01-31")
    assert item.started_at == "2025-01-30T23:00+02:00"


def test_a_speaker_place_is_not_a_site():
    text = "Drones hit Novorossiysk on Monday. In Washington, officials said the attack could complicate talks."
    assert places(text) == [("drone_strike", "Novorossiysk")]


def test_air_raid_alerts_are_not_attacks():
    assert places("Air raid alerts were declared in Mykolaiv and Kherson.") == []


def test_the_capital_refers_to_the_city_named_before():
    text = "Drones and missiles hit Ukraine overnight, with Kyiv bearing the brunt of the attack. One person was killed in the capital."
    [item] = extract_incidents(text, published="2025-07-04")
    assert (item.place, item.killed) == ("Kyiv", 1)


def test_one_total_over_several_places_is_noted_not_assigned():
    text = "Air defences destroyed 42 drones over the territories of the Belgorod, Kursk and Bryansk regions overnight."
    found = extract_incidents(text, published="2025-03-20")
    assert sorted(i.place for i in found) == ["Belgorod", "Bryansk", "Kursk"]
    assert all(i.drones_downed is None and "42 drones" in i.notes for i in found)


def test_explosions_where_a_strike_hit_are_part_of_it():
    text = "Drones struck Kazan on Saturday. Videos showed explosions over the city."
    assert places(text, "2024-12-21") == [("drone_strike", "Kazan")]


def test_a_facility_named_after_its_town_is_at_that_town():
    assert places("Drones hit the Ryazan refinery on Monday.", "2025-03-04") == [("drone_strike", "Ryazan’")]


def test_the_citys_district_belongs_to_the_city_named_before():
    text = "Kharkiv Mayor Ihor Terekhov said drones hit the city's Shevchenkivskyi district on Monday, injuring five people."
    [item] = extract_incidents(text, published="2025-03-04")
    assert (item.place, item.injured) == ("Kharkiv", 5)


def test_a_street_named_after_a_town_is_not_that_town():
    assert places("Debris fell on Kashirskoye Highway in Moscow on Monday.", "2025-03-04") == [("strike", "Moscow")]


def test_a_casualty_figure_after_a_spaced_dash_stays_with_its_count():
    from incidents.extraction.casualties import find_casualties
    from incidents.extraction.sentences import split_clauses, split_sentences
    sentence = split_sentences("Двоє людей загинули, ще семеро — поранені, серед них дитина.")[0]
    clause = next(c for c in split_clauses(sentence) if "семеро" in c.text)
    assert find_casualties(clause.text)["injured"].value == 7
    assert find_casualties("Водитель — мужчина 45 лет — получил осколочные ранения")["injured"].value == 1


def test_an_attack_of_last_month_in_a_background_paragraph_is_no_incident():
    from incidents.extraction import extract_incidents
    text = ("Russian drones struck Odesa overnight, injuring seven people, the governor said on Friday.\n\n"
            "Last month a missile strike on the port of Izmail killed a truck driver, and attacks on Mykolaiv damaged a shipyard.")
    names = {i.place for i in extract_incidents(text, published=__import__("datetime").date(2025, 11, 14))}
    assert not any("Izma" in n or "Mykola" in n for n in names), names


def test_repelling_an_attack_on_a_city_is_an_interception_with_the_downed_count():
    from incidents.extraction import extract_incidents
    text = ("Russia's defence ministry says its forces repelled a Ukrainian drone attack on the city of Kursk, "
            "downing five drones on approach.")
    found = extract_incidents(text, published="2025-08-03")
    assert [(i.event_type, i.drones_downed) for i in found] == [("interception", 5)]


def test_a_name_whose_stem_alternates_under_inflection_resolves_from_the_data_list():
    from incidents.extraction import extract_incidents, geo
    assert geo.nominative("Кривому Розі") == "Кривий Ріг"
    assert geo.nominative("Каменске-Шахтинском") == "Каменск-Шахтинский"
    text = "Ворог завдав ракетного удару по Кривому Розі. Загинув чоловік 52 років, ще четверо людей поранені."
    found = extract_incidents(text, published="2025-08-15")
    assert [(i.event_type, round(i.lat), i.killed, i.injured) for i in found] == [("missile_strike", 48, 1, 4)]


def test_a_namesake_in_the_region_in_focus_wins_over_a_bigger_one_elsewhere():
    from incidents.extraction import extract_incidents
    text = ("Начальник Харківської ОВА Олег Синєгубов повідомив про наслідки атак. "
            "У Золочеві внаслідок удару КАБ пошкоджено адмінбудівлю, поранено трьох людей.")
    found = extract_incidents(text, published="2025-09-14")
    assert [(round(i.lat, 1), round(i.lon, 1), i.injured) for i in found] == [(50.3, 36.0, 3)]


def test_a_region_list_quoted_in_its_own_sentence_gives_region_interceptions():
    from incidents.extraction import extract_incidents
    text = ("Средства ПВО за ночь перехватили и уничтожили 45 украинских беспилотников, сообщили в Минобороны.\n\n"
            "\"26 — над территорией Брянской области, 19 — над территорией Курской области\", — говорится в сообщении.")
    found = extract_incidents(text, published="2025-08-24")
    assert sorted((i.event_type, i.geo_precision) for i in found) == [("interception", "region")] * 2
