"""English news as published (wire copy, UK MoD and ISW summaries, live blogs, short posts, pages with their furniture):
one test per failure class fixed for the seventh English dev set (articles 1240-1275), each in wording unlike them."""

from incidents.extraction import extract_incidents
from tests.incidents.extraction import helpers

by_place = helpers.dated(helpers.by_place_key, "2024-10-05")
keys = helpers.keys


# ---------------------------------------------------------------- "Gov. X": an abbreviated title, not the GOV airport


def test_an_abbreviated_title_is_no_airport_code_or_city():
    text = "Gov. Gladkov: a drone dropped a charge on a tractor in the Shebekino district, the driver was wounded."
    found = by_place(text)
    assert all(i.country in ("RU", "UA") for i in found.values()), found
    assert "Nhulunbuy" not in found


def test_an_abbreviated_rank_before_a_name_is_no_place():
    text = "Lt. Gen. Naiev said drones hit a depot in Kupiansk overnight."
    [incident] = by_place(text).values()
    assert abs(incident.lat - 49.71) < 0.1


# ---------------------------------------------------------------- habitual use of a base or weapon: no strike


def test_a_base_used_to_launch_strikes_is_not_struck():
    text = ("Moscow has long used the Marinovka airfield in Volgograd Oblast to launch glide-bomb strikes on Ukrainian "
            "towns. On Friday drones hit a substation in Kotelnikovo.")
    assert list(by_place(text)) == keys("Kotelnikovo")


def test_weapons_a_country_uses_to_attack_cities_strike_none_of_them():
    text = ("The Shaheds, which Russia uses to attack cities such as Kharkiv and Dnipro, are built in Yelabuga. "
            "Overnight a drone hit a warehouse in Pavlohrad.")
    assert list(by_place(text)) == keys("Pavlohrad")


def test_aircraft_that_conduct_strikes_against_cities_strike_none_today():
    text = ("Su-34s based at Marinovka conduct glide bomb strikes against Kostiantynivka and Pokrovsk. A drone "
            "hit a fuel depot near Kotelnikovo on Sunday.")
    found = by_place(text)
    assert keys("Kotelnikovo") == list(found)


# ---------------------------------------------------------------- earlier dates in background paragraphs


def test_a_day_written_with_its_year_months_back_is_background():
    text = ("On 3 October 2024 drones struck an ammunition depot near Toropets. Russia moved stocks away after the "
            "attack on Tikhoretsk on 21 July 2024.")
    found = by_place(text, "2024-10-05")
    assert list(found) == keys("Toropets")


def test_early_in_the_month_of_publication_is_background_once_that_is_past():
    text = "In early March, a missile strike on Odesa killed 14. On Thursday a drone hit a house in Izmail."
    found = by_place(text, "2025-03-20")
    assert list(found) == keys("Izmayil")


def test_aircraft_moved_after_previous_strikes_is_no_strike():
    text = ("Russia has moved Su-34s from Morozovsk to airfields in Volgograd Oblast after previous strikes. On Monday a "
            "drone hit a refinery in Ryazan.")
    assert list(by_place(text)) == keys("Ryazan")


# ---------------------------------------------------------------- officials' seats and facilities named after a city


def test_a_seat_set_between_commas_before_the_speech_verb_is_no_site():
    text = "The air force command, in Vinnytsia, said 31 drones were shot down over the Kyiv region overnight."
    found = by_place(text)
    assert keys("Vinnytsia")[0] not in found


def test_a_plant_named_after_a_city_lies_in_the_town_named_next():
    text = "Drones hit the Novoshakhtinsk oil plant in the town of Krasny Sulin overnight, setting a tank on fire."
    found = by_place(text)
    assert keys("Novoshakhtinsk")[0] not in found


# ---------------------------------------------------------------- a line headed by the city its site lies in


def test_a_city_heading_a_post_yields_to_the_suburb_struck():
    text = "Odesa — a drone hit a warehouse in Chornomorsk port, 2 hurt."
    found = by_place(text)
    assert list(found) == keys("Chornomorsk") and found[keys("Chornomorsk")[0]].injured == 2


def test_lyubimovka_is_the_sevastopol_village():
    found = by_place("Sevastopol: missile debris hit a cafe in Lyubimovka, 3 injured.", "2024-06-23")
    [incident] = found.values()
    assert abs(incident.lat - 44.667) < 0.05 and incident.injured == 3


# ---------------------------------------------------------------- regions: a ministry's tally, "region of X", "X region airfields"


def test_names_after_a_total_are_the_regions_of_a_tally():
    text = "The ministry said it had destroyed 57 drones in total over Kaluga, Tula and Oryol."
    found = extract_incidents(text, published="2024-10-05")
    assert len(found) == 3 and all(i.geo_precision == "region" for i in found)


def test_the_region_of_a_city_is_the_region():
    text = "A drone attack damaged a power line in the Russian border region of Bryansk, officials said."
    [incident] = extract_incidents(text, published="2024-10-05")
    assert incident.geo_precision == "region"


def test_a_region_named_before_airfields_is_not_its_capitals_airport():
    text = "Drones attacked Rostov region airfields overnight, officials said."
    assert all(i.airport_iata is None and i.geo_precision != "exact" for i in extract_incidents(text, published="2024-10-05"))


def test_a_governors_second_statement_with_its_own_town_is_its_own_clause():
    text = ("Voronezh governor Alexander Gusev said 14 drones were destroyed over the region and that a fire at a "
            "warehouse in Liski had been put out.")
    found = extract_incidents(text, published="2024-10-05")
    assert any(i.geo_precision == "region" and i.event_type == "interception" for i in found)


# ---------------------------------------------------------------- lists, spellings and labels of short posts


def test_the_last_item_of_a_list_after_a_comma_and_is_still_struck():
    text = ("Drones hit the Engels air base in Saratov Oblast, the Morozovsk airfield in Rostov Oblast, and the "
            "Millerovo air base, a source said.")
    assert len(extract_incidents(text, published="2024-10-05")) == 3


def test_graivoron_is_grayvoron():
    [incident] = extract_incidents("A drone hit a car in Graivoron, the driver was wounded.", published="2024-10-05")
    assert abs(incident.lat - 50.48) < 0.05 and incident.injured == 1


def test_a_town_then_again_labels_the_post_line():
    text = "Shebekino again. A kamikaze drone hit a garage, one man hurt."
    [incident] = extract_incidents(text, published="2024-10-05")
    assert abs(incident.lat - 50.41) < 0.05 and incident.injured == 1


def test_shelling_reported_in_a_village_is_a_strike_there():
    text = "Shelling was also reported in Kozinka overnight, officials said."
    [incident] = extract_incidents(text, published="2024-10-05")
    assert abs(incident.lat - 50.46) < 0.05


# ---------------------------------------------------------------- weapon words naming products do not set the weapon


def test_a_plant_making_missile_components_is_not_struck_by_a_missile():
    text = "Ukraine's military said it hit a plant in Kotovo that makes missile components and rocket fuel."
    [incident] = extract_incidents(text, published="2024-10-05")
    assert incident.event_type != "missile_strike"


# ---------------------------------------------------------------- casualties stated in other ways


def test_a_couple_killed_is_two_dead():
    [incident] = extract_incidents("A glide bomb hit a house in Kupiansk, killing a retired couple.", published="2024-10-05")
    assert incident.killed == 2


def test_bodies_pulled_from_the_rubble_are_the_dead():
    text = "A missile destroyed an apartment block in Dnipro; rescuers have recovered eleven bodies so far."
    [incident] = extract_incidents(text, published="2024-10-05")
    assert incident.killed == 11


def test_a_couple_of_drones_downed_is_not_a_casualty():
    text = "A couple of drones were shot down over Belgorod, the governor said. No one was hurt."
    [incident] = extract_incidents(text, published="2024-10-05")
    assert incident.killed is None or incident.killed == 0


def test_a_couple_and_their_children_are_all_counted():
    text = "A drone hit a house in Bilozerka overnight, killing a young couple and their three children."
    [incident] = extract_incidents(text, published="2024-10-05")
    assert incident.killed == 5


def test_booms_reported_at_a_place_are_explosions_there():
    [incident] = extract_incidents("Booms in Engels right now, locals filming the sky.", published="2024-10-05")
    assert incident.event_type == "explosion" and abs(incident.lat - 51.5) < 0.1


def test_the_city_whose_edge_an_airfield_lies_on_is_a_qualifier():
    text = "Blasts were heard near the Baltimor airfield on the northern edge of Voronezh overnight."
    found = extract_incidents(text, published="2024-10-05")
    assert len(found) == 1 and found[0].geo_precision == "exact"


# ---------------------------------------------------------------- one event told in a summary bullet and in the body


def test_a_summary_bullet_without_a_weapon_joins_the_body_strike_at_that_place():
    text = ("Main developments:\n- Russian attack on Kramatorsk kills two, injures 9\n- Missile hits Odesa port\n\n"
            "Russian forces hit Kramatorsk with glide bombs on Tuesday, killing two and injuring 9, officials said. "
            "A Russian missile struck a warehouse in the port of Odesa.")
    found = [i for i in extract_incidents(text, published="2024-10-05") if abs(i.lat - 48.72) < 0.1]
    assert len(found) == 1 and found[0].killed == 2
