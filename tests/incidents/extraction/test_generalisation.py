"""Failure classes found on held-out articles (wire, live blog, MoD statement, translated report...), one rule each."""

import pytest

from incidents.extraction import extract_geojson, extract_incidents
from incidents.extraction.geo import nominative, place


def found(text, published="2025-03-11"):
    return extract_incidents(text, published=published)


def summary(text, published="2025-03-11"):
    return sorted((i.event_type, i.place) for i in found(text, published))


def rejected(text, published="2025-03-11"):
    collection = extract_geojson(text, published=published, explain=True)
    return {r["text"]: r["reason"] for r in collection["explain"]["rejected"]}


@pytest.mark.parametrize("phrase, value, bound", [
    ("At least 12 people were killed in Kyiv", 12, "a lower bound ('at least')"),
    ("More than 60 drones were shot down over the Bryansk region", 60, "a lower bound ('more than')"),
    ("A missile hit Odesa, killing up to five people", 5, "an upper bound ('up to')"),
])
def test_a_bounded_count_keeps_its_number_and_says_it_is_a_bound(phrase, value, bound):
    [item] = found(phrase + ".")
    name = "drones_downed" if "drones" in phrase else "killed"
    assert getattr(item, name) == value and f"{name} {value} is {bound}" in item.notes
    assert item.evidence[name]["text"].lower().startswith(bound.split("'")[1]) or bound.split("'")[1] in item.evidence[name]["text"]


def test_an_exact_count_has_no_bound_note():
    [item] = found("A missile hit Odesa, killing five people.")
    assert item.killed == 5 and "bound" not in item.notes


def test_a_casualty_count_before_a_place_is_not_a_drone_count():
    [item] = found("Three people were killed and more than 100 injured in Sevastopol when a missile shot down over the city fell on a beach.")
    assert (item.killed, item.injured, item.drones_downed) == (3, 100, None)


@pytest.mark.parametrize("text, city", [
    ("Russia hit the Ukrainian capital with missiles overnight, killing two people.", "Kyiv"),
    ("Drones attacked Russia's capital on Tuesday.", "Moscow"),
])
def test_the_capital_named_by_its_country_is_that_city(text, city):
    assert summary(text) == [(found(text)[0].event_type, city)]


@pytest.mark.parametrize("text", [
    "Drones attacked a refinery in Ryazan. A source in Kyiv told Reuters the strike was carried out by the SBU.",
    "Drones attacked a refinery in Ryazan. Zelensky said in Kyiv that the strike hit its target.",
])
def test_where_someone_speaks_is_not_a_site(text):
    assert summary(text) == [("drone_strike", "Ryazan’")]


def test_a_place_opening_a_report_of_damage_is_its_site():
    assert summary("In Novorossiysk, the mayor said debris from drones damaged several buildings.") == [("drone_strike", "Novorossiysk")]


def test_a_district_belongs_to_the_city_named_earlier_in_the_sentence():
    text = "Missiles hit Kyiv overnight. In Kharkiv, drones damaged houses in the Kyivskyi district."
    assert summary(text) == [("drone_strike", "Kharkiv"), ("missile_strike", "Kyiv")]


def test_where_weapons_were_launched_from_is_not_a_site():
    text = "The enemy attacked with Shahed-type attack UAVs from the direction of Cape Chauda in Crimea; 14 attack UAVs were destroyed over Mykolaiv."
    assert "Crimea" in rejected(text) and "launched from" in rejected(text)["Crimea"]
    assert ("interception", "Mykolayiv") in summary(text)


def test_attack_drones_destroyed_are_an_interception():
    assert summary("Ten attack drones were destroyed over the Odesa region.") == [("interception", "Odessa")]


def test_attacks_repelled_are_an_interception():
    assert summary("Attacks on airfields in the Ivanovo region were repelled, the ministry said.") == [("interception", "Ivanovo")]


def test_carpet_plan_in_quotes_with_moscow_times_and_a_lifting_time():
    text = ("Restrictions were introduced at Kaluga airport from 01:20 Moscow time. The \"Carpet\" plan was imposed at "
            "Kazan and Nizhnekamsk airports at 04:30 Moscow time; the restrictions were lifted at 06:45.")
    items = {i.airport_iata: i for i in found(text, "2025-07-06")}
    assert set(items) == {"KLF", "KZN", "NBC"}
    assert (items["KLF"].started_at, items["KLF"].status) == ("2025-07-06T01:20+03:00", "active")
    for code in ("KZN", "NBC"):
        assert (items[code].started_at, items[code].ended_at, items[code].status) == (
            "2025-07-06T04:30+03:00", "2025-07-06T06:45+03:00", "lifted")


def test_an_airport_in_its_city_is_one_airport():
    [item] = found("Flights at Pulkovo airport in St Petersburg were suspended for two hours.")
    assert item.airport_iata == "LED"


def test_one_total_over_several_regions_goes_to_none_of_them():
    items = found("Air defences destroyed 102 drones over Crimea, the Krasnodar region and the Belgorod region overnight.")
    assert len(items) == 3 and all(i.drones_downed is None for i in items)
    assert all("102 drones reported downed over 3 places together" in i.notes for i in items)


def test_counts_per_region_go_to_each_region():
    items = {i.place: i.drones_downed for i in found("Air defences destroyed 46 drones over the Bryansk region, 34 over the Kursk region and 9 over the Moscow region.")}
    assert items == {"Bryansk": 46, "Kursk": 34, "Moskovskaya": 9}


@pytest.mark.parametrize("text, site", [
    ("Sevastopol governor Mikhail Razvozhayev said a drone attack hit an electrical substation.", "Sevastopol"),
    ("Kyiv's mayor Vitali Klitschko said two people were injured in a drone attack.", "Kyiv"),
])
def test_the_officials_place_is_the_site_when_no_other_is_named(text, site):
    assert [i.place for i in found(text)] == [site]


def test_the_officials_place_gives_way_to_a_named_site():
    assert summary("Belgorod governor Vyacheslav Gladkov said a drone struck a car in Shebekino.") == [("drone_strike", "Shebekino")]


def test_the_mayors_count_of_drones_approaching_the_city_is_the_citys():
    [item] = found("Moscow Mayor Sergei Sobyanin said air defences shot down 19 drones approaching the city.")
    assert (item.place, item.drones_downed) == ("Moscow", 19)


def test_no_one_killed_after_a_list_of_sites_applies_to_all_of_them():
    text = "Drones attacked airfields in the Ivanovo and Ryazan regions on Sunday. No one was killed, the ministry said."
    assert [(i.place, i.killed) for i in found(text, "2025-06-02")] == [("Ivanovo", 0), ("Ryazan'", 0)]


def test_unverified_material_is_noted_on_the_place_it_shows():
    text = ("Drones attacked airfields in the Murmansk and Irkutsk regions. Videos which could not be independently "
            "verified showed bombers burning in the Irkutsk region.")
    notes = {i.place: i.notes for i in found(text)}
    assert "Unverified" in notes["Irkutsk"] and "Unverified" not in notes["Murmansk"]


@pytest.mark.parametrize("word, name", [("Казани", "Kazan"), ("Харкові", "Kharkiv"), ("Одесі", "Odesa"), ("Києві", "Kyiv"),
                                        ("Москве", "Moscow"), ("Курске", "Kursk"), ("Дніпрі", "Dnipro"), ("Белгороде", "Belgorod")])
def test_inflected_cyrillic_names_are_read_back_to_the_place(word, name):
    assert place(nominative(word)).name == name


def test_a_cyrillic_oblast_adjective_is_the_region():
    assert summary("Drones were shot down over the Брянской области.") == [("interception", "Bryansk")]


def test_inflected_cyrillic_name_in_english_text():
    assert summary("Rescue work in Харкові continued after a missile hit a school.") == [("missile_strike", "Kharkiv")]


def test_a_region_total_equal_to_its_cities_is_not_counted_twice():
    text = ("Two people were killed in the Belgorod region on Monday. A drone hit a car in Shebekino, killing the driver. "
            "Another drone hit a house in Belgorod, killing one man.")
    assert [(i.place, i.killed) for i in found(text, "2024-12-30")] == [("Shebekino", 1), ("Belgorod", 1)]


def test_a_region_with_more_victims_than_its_named_cities_stays():
    text = "Five people were killed in the Belgorod region on Monday. A drone hit a car in Shebekino, killing the driver."
    assert [(i.place, i.killed) for i in found(text, "2024-12-30")] == [("Belgorod", 5), ("Shebekino", 1)]


def test_the_attack_on_a_city_told_at_the_scale_of_its_region_is_one_incident():
    text = "Ukraine launched a drone attack on Moscow early on Tuesday, killing three people in the Moscow region."
    assert [(i.place, i.killed) for i in found(text)] == [("Moskovskaya", 3)]


def test_a_strike_on_a_city_and_interceptions_over_its_region_stay_apart():
    text = "Drones attacked a refinery in Ryazan on Wednesday. Air defences destroyed eight drones over the Ryazan region."
    assert summary(text) == [("drone_strike", "Ryazan’"), ("interception", "Ryazan'")]


def test_a_distance_claim_about_the_site_in_focus():
    text = "Drones attacked a refinery in Ryazan. The refinery, about 200 km (124 miles) southeast of Moscow, burned for hours."
    [item] = found(text)
    assert item.distance_claim["claimed_km"] == 200.0 and 175 < item.distance_claim["geodesic_km"] < 190


def test_a_bearing_from_a_reference_city_is_not_a_site():
    assert summary("A drone hit a high-rise building in Krasnogorsk, west of Moscow.") == [("drone_strike", "Krasnogorsk")]


def test_a_village_unknown_in_its_region_leaves_the_region():
    [item] = found("Debris from a downed drone fell on a house in the village of Nikolskoye, Kursk region, injuring a woman.")
    assert (item.place, item.geo_precision, item.injured) == ("Kursk", "region", 1)


def test_a_town_called_by_its_own_name_beats_a_bigger_former_namesake():
    [item] = found("A glide bomb hit Pokrovsk on Sunday, killing two people.")
    assert (item.place, item.country) == ("Pokrovsk", "UA")


def test_a_fire_after_a_drone_attack_is_a_strike_cue():
    text = "Several aircraft caught fire after drones were launched near an airfield in the Murmansk region."
    assert summary(text) == [("drone_strike", "Murmansk")]


def test_a_fire_after_an_attack_told_just_before_is_part_of_the_story():
    text = "Drones attacked airfields in the Irkutsk region. Videos showed bombers burning at Belaya air base."
    assert [i.place for i in found(text)][-1] == "Belaya Air Base"


@pytest.mark.parametrize("text", [
    "Relations between Moscow and Kyiv were badly damaged by the war.",
    "The burning question in Brussels is how to fund Kyiv.",
    "Forest fires are burning near Irkutsk, officials said.",
    "A fire broke out at a warehouse in Novosibirsk; the cause is being investigated.",
    "Storms damaged houses in Sochi on Monday.",
])
def test_damage_or_fire_without_any_weapon_or_attack_is_no_incident(text):
    assert found(text) == []


def test_a_death_toll_that_rose_is_the_count_and_its_day_is_not_the_strike_day():
    text = ("The death toll from a Russian missile strike on an apartment building in Dnipro rose to 30 on Sunday. "
            "The missile hit the block on Saturday afternoon.")
    [item] = found(text, "2023-01-15")
    assert (item.killed, item.started_at) == (30, "2023-01-14")


def test_a_count_for_another_event_does_not_go_to_the_one_in_focus():
    text = ("Shelling of Belgorod killed at least 14 people on Saturday. The attack came a day after Russia's largest "
            "air attack of the war on Ukrainian cities, which killed at least 39 people.")
    [item] = found(text, "2023-12-30")
    assert (item.place, item.killed) == ("Belgorod", 14)


def test_counts_per_republic_and_region():
    text = "Two drones were destroyed over the Republic of Tatarstan and one over the Saratov region."
    assert {i.place: i.drones_downed for i in found(text)} == {"Tatarstan": 2, "Saratov": 1}


def test_a_distance_from_a_country_is_measured_to_its_border():
    text = "Drones hit bombers at an air base in the Irkutsk region, more than 4,000 km from Ukraine."
    [item] = found(text)
    claim = item.distance_claim
    assert claim["reference"] == "Ukraine (nearest border)" and 3500 < claim["geodesic_km"] < claim["claimed_km"] + 1000


def test_a_count_across_the_country_is_not_the_citys():
    text = ("A missile hit a children's hospital in Kyiv on Monday in a barrage that killed at least 31 people across the "
            "country. In the capital, at least 20 people were killed.")
    [item] = found(text, "2024-07-08")
    assert (item.place, item.killed) == ("Kyiv", 20)


def test_the_time_of_an_interception_over_the_struck_city_times_the_strike():
    text = ("Debris from a missile fell on a building in the city of Kursk late on Friday, injuring 13 people. "
            "The missile was intercepted over the city at around 23:10.")
    [item] = found(text, "2024-08-10")
    assert (item.started_at, item.injured) == ("2024-08-09T23:10+03:00", 13)


def test_a_city_listed_before_another_region_stays():
    assert summary("Drones attacked Bryansk, the Kursk region and Belgorod on Monday.") == [
        ("drone_strike", "Belgorod"), ("drone_strike", "Bryansk"), ("drone_strike", "Kursk")]


@pytest.mark.parametrize("text, site", [
    ("Explosions were reported in Kharkiv on Monday.", ("explosion", "Kharkiv")),
    ("A drone attack was reported in Kursk overnight.", ("drone_strike", "Kursk")),
])
def test_an_event_reported_in_a_place_happened_there(text, site):
    assert summary(text) == [site]


def test_a_place_opening_a_meeting_is_not_a_site():
    text = "In Moscow, Putin met Chinese leader Xi Jinping on Tuesday as drones attacked the Bryansk region."
    assert summary(text) == [("drone_strike", "Bryansk")]


def test_explosions_rocking_a_city_are_explosions():
    assert summary("Explosions rocked the port city of Odesa late on Tuesday, local media reported.") == [("explosion", "Odesa")]


def test_a_range_ending_after_twenty_hours_reads_both_hours():
    text = "Between 20:00 and 23:00 Moscow time, air defences destroyed 12 drones over the Belgorod region."
    [item] = found(text, "2025-03-09")
    assert (item.started_at, item.ended_at) == ("2025-03-09T20:00+03:00", "2025-03-09T23:00+03:00")


def test_airports_closed_to_flights_and_a_resumption_time():
    items = {i.airport_iata: i for i in found("Sheremetyevo and Vnukovo were closed to flights on Sunday morning.", "2025-03-09")}
    assert set(items) == {"SVO", "VKO"} and all(i.status == "active" for i in items.values())
    [item] = found("Domodedovo airport (DME) suspended departures at 02:15 and resumed at 05:40.", "2025-03-09")
    assert (item.started_at, item.ended_at, item.status) == ("2025-03-09T02:15+03:00", "2025-03-09T05:40+03:00", "lifted")


def test_an_airport_name_containing_a_cue_word_is_not_a_cue():
    assert summary("Passengers at Vnukovo and Pulkovo waited for their luggage.") == []


@pytest.mark.parametrize("text, site", [
    ("Air defences destroyed 11 drones over the Krasnodar Territory.", ("interception", "Krasnodar")),
    ("Drones attacked an energy facility in the Zaporozhye Region, the governor said.", ("drone_strike", "Zaporizhzhya")),
])
def test_russian_style_region_names_are_regions(text, site):
    [item] = found(text)
    assert ((item.event_type, item.place), item.geo_precision) == (site, "region")


def test_a_facility_near_a_city_is_one_site():
    assert summary("Drones hit the Ilsky refinery near Krasnodar overnight, causing a fire.") == [("drone_strike", "Il’skiy")]


def test_an_explosion_that_damaged_a_building_is_an_explosion():
    assert summary("In Lugansk, an explosion damaged a residential building.") == [("explosion", "Luhansk")]


def test_an_official_speaking_of_the_attacks_in_general_makes_no_site():
    assert summary("Kursk governor Alexander Khinshtein said schools would stay closed after the attacks.") == []


def test_a_span_of_nights_ends_on_the_later_day():
    text = "Air defences shot down 19 drones approaching Moscow between Tuesday night and Wednesday morning."
    [item] = found(text, "2025-05-07")
    assert (item.started_at, item.ended_at, item.time_precision) == ("2025-05-06", "2025-05-07", "day")
    assert item.evidence["ended_at"]["text"] == "Wednesday morning"


def test_a_later_sentence_does_not_inherit_the_span():
    text = ("Air defences shot down 19 drones over Moscow between Tuesday night and Wednesday morning. "
            "Flights at Vnukovo were suspended.")
    airport = next(i for i in found(text, "2025-05-07") if i.airport_iata)
    assert (airport.started_at, airport.ended_at) == ("2025-05-06", None)
