"""English news as published (wire copy, Ukrainska Pravda, BBC pages, airport notices): one test per failure class fixed
for the fifth English dev set (articles 1000-1029), each in wording unlike those articles."""

from incidents.extraction import extract_incidents
from tests.incidents.extraction import helpers

by_place = helpers.dated(helpers.by_place, "2025-03-03")


# ---------------------------------------------------------------- a day named days before publication: background


def test_an_attack_dated_days_before_publication_is_background():
    text = ("A drone hit a shop in Sumy on Monday morning, injuring three people. "
            "Background: On 24 February, a missile attack on Chernihiv killed five people.")
    found = by_place(text, published="2025-03-03")
    assert set(found) == {"Sumy"}
    assert found["Sumy"].injured == 3


def test_a_strike_dated_two_days_before_publication_is_still_reported():
    text = "On 1 March, Ukrainian missiles struck an airfield near Saky in Crimea, satellite images show."
    found = by_place(text, published="2025-03-03")
    assert len(found) == 1
    assert next(iter(found.values())).started_at.startswith("2025-03-01")


# ---------------------------------------------------------------- habits and earlier waves: background


def test_cities_bombed_throughout_a_season_are_background():
    text = ("Drones struck the Millerovo air base overnight. Jets from that base have pounded Sumy and Kharkiv "
            "throughout the winter, Ukrainian officials say.")
    assert set(by_place(text)) == {"Millerovo Air Base"}


def test_places_hit_in_earlier_waves_are_background():
    text = ("A drone set a fuel tank ablaze at a depot in Bryansk on Monday. Depots in Oryol and Kursk were struck "
            "in previous rounds of attacks.")
    assert set(by_place(text)) == {"Bryansk"}


# ---------------------------------------------------------------- "set fire to the X refinery": the object is the site


def test_a_drone_that_set_fire_to_a_named_refinery_strikes_its_town():
    text = "Ukrainian drones set fire to the Syzran refinery overnight, the governor of the Samara region said."
    found = by_place(text)
    assert [i.place for i in found.values()] == ["Syzran"]
    assert next(iter(found.values())).event_type == "drone_strike"


# ---------------------------------------------------------------- photo captions and file images: not the article


def test_an_image_caption_naming_an_older_strike_gives_no_incident():
    text = ("Image caption: Rescuers in Dnipro after an earlier Russian strike\n\n"
            "A Russian drone hit an apartment block in Odesa overnight, wounding two people, the governor said.")
    assert set(by_place(text)) == {"Odesa"}


def test_a_file_photo_line_gives_no_incident():
    text = ("Smoke over Kharkiv after a missile attack (file photo)\n\n"
            "Russian missiles struck Poltava overnight, killing one person, the regional governor said.")
    assert set(by_place(text)) == {"Poltava"}


# ---------------------------------------------------------------- flights diverted to a list of other airports


def test_airports_listed_after_a_diversion_are_not_restricted():
    text = ("Restrictions were imposed at Vnukovo early on Sunday. Dozens of flights were diverted to other cities, "
            "among them Samara's Kurumoch airport and Kazan.")
    found = extract_incidents(text, published="2025-03-03")
    assert [i.airport_iata for i in found if i.event_type == "airspace_restriction"] == ["VKO"]


# ---------------------------------------------------------------- "the driver and his passenger": two people


def test_a_person_and_a_companion_count_as_two_injured():
    text = "A Ukrainian drone hit a lorry near Rylsk on Tuesday, wounding the driver and a passenger, the governor said."
    found = extract_incidents(text, published="2025-03-03")
    assert [i.injured for i in found] == [2]


def test_killing_the_driver_counts_one_even_when_others_are_wounded():
    text = "A drone struck a bus in Kherson, killing the driver and injuring four passengers, officials said."
    found = by_place(text)["Kherson"]
    assert (found.killed, found.injured) == (1, 4)


# ---------------------------------------------------------------- a Shahed that crashed or fell near a village


def test_a_shahed_that_came_down_near_a_village_is_an_incident_there():
    text = "Overnight a Shahed came down near Slatyne in the Kharkiv region and did not explode, the police said."
    found = extract_incidents(text, published="2025-03-03")
    assert [round(i.lat, 1) for i in found] == [50.2]


def test_no_one_hurt_in_a_short_post_is_zero_injured():
    text = "Bryansk region: another one fell outside Pogar, no one hurt"
    found = extract_incidents(text, published="2025-03-03")
    assert [i.injured for i in found] == [0]


# ---------------------------------------------------------------- "on approach to X": X is the site


def test_drones_downed_on_approach_to_a_city_are_intercepted_there():
    text = "Air defences were active in the Dnipropetrovsk region, where drones were shot down on the approach to Pavlohrad."
    found = extract_incidents(text, published="2025-03-03")
    assert [(i.place, i.event_type) for i in found] == [("Pavlohrad", "interception")]


# ---------------------------------------------------------------- live-blog time stamps alone on their line


def test_a_stamp_alone_on_its_line_times_the_entry_below():
    text = ("Russia-Ukraine war live\n\n07.05 CET\nA drone struck a warehouse in Lviv, the mayor said.\n\n"
            "07.50 CET\nExplosions were reported in Rivne after a missile attack.\n")
    found = {i.place: i.started_at for i in extract_incidents(text, published="2025-03-03")}
    assert found["Lviv"].startswith("2025-03-03T07:05")
    assert found["Rivne"].startswith("2025-03-03T07:50")


# ---------------------------------------------------------------- "over:" with a colon before a list of regions


def test_a_colon_after_over_still_leads_a_list_of_regions():
    text = "Air defence units destroyed 12 drones over: Kaluga, Tula regions, the ministry said."
    found = extract_incidents(text, published="2025-03-03")
    assert sorted((i.geo_precision, i.event_type) for i in found) == [("region", "interception")] * 2


# ---------------------------------------------------------------- "similar measures" at further airports


def test_similar_restrictions_at_further_airports_are_restrictions_there():
    text = ("Temporary restrictions were imposed at Kazan airport overnight. Similar measures were in effect at "
            "Penza and at Samara's Kurumoch airport, the agency said.")
    found = extract_incidents(text, published="2025-03-03")
    assert sorted(i.airport_iata for i in found if i.event_type == "airspace_restriction") == ["KUF", "KZN", "PEZ"]


# ---------------------------------------------------------------- "Blasts reported in X": X is the site


def test_blasts_reported_in_a_city_are_an_explosion_there():
    text = "Loud blasts reported in Belgorod after midnight, local channels say."
    found = extract_incidents(text, published="2025-03-03")
    assert [(i.place, i.event_type) for i in found] == [("Belgorod", "explosion")]


def test_a_spokesman_who_said_something_in_a_city_still_gives_no_site():
    text = "The spokesman said in Moscow that the talks would resume next week."
    assert extract_incidents(text, published="2025-03-03") == []


# ---------------------------------------------------------------- "The airfields hit were X and Y": the strike before


def test_targets_named_in_the_next_sentence_are_the_strike_sites():
    text = ("Ukrainian drones struck two Russian military airfields overnight, the General Staff said. "
            "The airfields were Borisoglebsk and Marinovka.")
    found = extract_incidents(text, published="2025-03-03")
    assert len(found) == 2
    assert {round(i.lat) for i in found} == {51, 49}


def test_targets_named_with_no_strike_before_give_no_incident():
    text = "Officials met in Rostov on Monday. The airfields included Borisoglebsk and Marinovka, analysts wrote."
    assert [i for i in extract_incidents(text, published="2025-03-03") if i.event_type != "airspace_restriction"] == []


# ---------------------------------------------------------------- a macro-region is no town abroad


def test_siberia_is_not_a_town_abroad():
    text = "A drone struck a fuel depot near Bratsk in Siberia on Monday, the governor said."
    found = extract_incidents(text, published="2025-03-03")
    assert found and all(i.country == "RU" for i in found)


# ---------------------------------------------------------------- outages and storms "hit" cities: no strike


def test_power_outages_that_hit_cities_are_no_strike():
    text = "Power cuts hit Odesa and Mykolaiv on Tuesday as the grid operator rationed electricity."
    assert extract_incidents(text, published="2025-03-03") == []


# ---------------------------------------------------------------- page furniture: tags, newsletters, membership


def test_a_tag_list_and_a_newsletter_box_are_furniture():
    text = ("A Russian drone hit a warehouse in Chernihiv overnight, injuring one worker.\n\n"
            "Tags: Chernihiv, Sumy, Kharkiv, drone attack\n\n"
            "Subscribe to our newsletter\nRussian missiles strike Odesa port, two killed\n")
    assert {i.place for i in extract_incidents(text, published="2025-03-03")} == {"Chernihiv"}


# ---------------------------------------------------------------- analysts at an institute in a city: no site


def test_analysts_at_an_institute_in_a_city_are_no_site():
    text = ("Ukraine's drones struck the Tuapse refinery on Sunday. Analysts at the Kiel Institute in Hamburg say the "
            "strikes have cut output sharply.")
    assert {i.place for i in extract_incidents(text, published="2025-03-03")} == {"Tuapse"}


# ---------------------------------------------------------------- "taken to hospital", "a woman (54)"


def test_taken_to_hospital_counts_as_injured():
    text = "A drone struck a bus stop in Nikopol on Monday. A 45-year-old woman was taken to hospital, officials said."
    assert [i.injured for i in extract_incidents(text, published="2025-03-03")] == [1]


def test_an_age_in_brackets_after_the_person_still_counts():
    text = "Kherson: a drone dropped a grenade on a car, a man (61) was wounded."
    assert [i.injured for i in extract_incidents(text, published="2025-03-03")] == [1]


# ---------------------------------------------------------------- "An earlier version said X": X is retracted


def test_an_earlier_version_that_named_another_town_retracts_it():
    text = ("Correction: a previous version misstated that the missile hit Kremenchuk; it hit Poltava.\n\n"
            "A Russian missile struck Poltava on Tuesday, killing two people, the governor said.")
    assert {i.place for i in extract_incidents(text, published="2025-03-03")} == {"Poltava"}


# ---------------------------------------------------------------- places listed after a colon with no preposition


def test_regions_listed_after_a_colon_are_region_sites():
    text = "Overnight, Russian missiles struck targets in the following oblasts: Zhytomyr, Rivne and Khmelnytskyi."
    found = extract_incidents(text, published="2025-03-03")
    assert [i.geo_precision for i in found] == ["region"] * 3


def test_a_colon_list_with_no_event_gives_no_site():
    text = "Air raid alerts were announced in these regions: Kyiv, Sumy and Poltava."
    assert extract_incidents(text, published="2025-03-03") == []


# ---------------------------------------------------------------- a district after hearsay about a city


def test_a_district_told_after_hearsay_about_a_city_is_not_that_city():
    text = ("Channels reported that the Kursk power station had been hit. Governor Khinshtein denied this. "
            "He said a drone was shot down over the Oktyabrsky district.")
    assert extract_incidents(text, published="2025-03-03") == []


def test_a_district_named_after_a_town_of_another_region_is_not_that_town():
    text = ("Governor Yuri Slyusar said drones were downed over the Rostov region. Debris fell in the Kamensky "
            "district.")
    found = extract_incidents(text, published="2025-03-03")
    assert found and all(i.admin1 == "Rostov" for i in found)
