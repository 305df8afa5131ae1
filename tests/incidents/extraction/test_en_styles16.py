"""English news as published (wire copy, official statements, live blogs, short posts, pages with their furniture):
one test per failure class fixed for the sixteenth English dev set (articles 2110-2134), each in wording unlike them."""

from geodata.names import normalize
from tests.incidents.extraction import helpers

by_place = helpers.dated(helpers.by_place_key, "2025-06-11")


# ---------------------------------------------------------------- "Russian-held X": who holds a town is no part of its name


def test_a_town_after_a_holder_adjective_is_the_site():
    text = "A Ukrainian drone hit a fuel depot in Russian-held Berdiansk on Wednesday, the occupation authorities said."
    assert list(by_place(text)) == [normalize("Berdiansk")]


def test_a_town_after_a_holder_adjective_is_the_site_not_its_oblast():
    text = "Loud blasts rang out in Kremlin-controlled Tokmak in Zaporizhzhia Oblast early on Wednesday, residents said."
    assert list(by_place(text)) == [normalize("Tokmak")]


def test_a_town_after_a_holder_adjective_is_the_object_of_a_strike_verb():
    text = "Ukrainian artillery shelled Russian-controlled Horlivka on Wednesday, killing one man, the occupation mayor said."
    places = by_place(text)
    assert list(places) == [normalize("Horlivka")]
    assert places[normalize("Horlivka")].killed == 1


# ---------------------------------------------------------------- "has hit X and Y this year": a recap, not today's


def test_towns_hit_this_year_are_background():
    text = ("Kyiv wants longer-range weapons from its allies. Its drones have struck oil depots in Bryansk, Tambov and "
            "Oryol so far this year, officials say.")
    assert list(by_place(text)) == []


def test_the_deadliest_strike_this_year_is_todays():
    text = "A missile strike on Chernihiv killed seven people on Wednesday, one of the deadliest attacks on the city this year."
    places = by_place(text)
    assert list(places) == [normalize("Chernihiv")]
    assert places[normalize("Chernihiv")].killed == 7


def test_the_biggest_raid_so_far_this_year_is_todays():
    text = "Drones attacked Tula overnight in the biggest raid on the city so far this year, the governor said."
    assert list(by_place(text)) == [normalize("Tula")]


# ---------------------------------------------------------------- the region's figures join the one town struck there


def test_casualties_told_for_the_region_join_its_struck_town_whose_downings_were_told():
    text = ("Drones set fire to Volgograd oil refinery, governor says\n"
            "Ukrainian drones attacked Russia's Volgograd region overnight, causing a fire at an oil refinery and "
            "injuring three people, governor Andrei Bocharov said on Wednesday.\n"
            "Bocharov said debris from a drone shot down over the city of Volgograd had fallen on the territory of an "
            "industrial enterprise.")
    incidents = helpers.found(text, "2025-06-11")
    assert [(i.event_type, i.injured, i.drones_downed) for i in incidents] == [("drone_strike", 3, 1)]
    assert helpers.near(incidents[0], 48.71, 44.50, degrees=0.1)


# ---------------------------------------------------------------- "which lies near the town of X": the struck object's place


def test_a_relative_clause_placing_the_struck_plant_gives_the_site():
    text = ("Drones struck the Tikhoretskaya oil pumping station, which is located near the town of Tikhoretsk, "
            "on Wednesday, the regional operational headquarters said.")
    assert list(by_place(text)) == [normalize("Tikhoretsk")]


# ---------------------------------------------------------------- "used drones to damage a plane at the X airfield just outside Y"


def test_drones_used_to_damage_an_aircraft_at_a_base_outside_a_city_strike_the_base():
    text = ("Ukrainian intelligence said its agents had used drones to destroy a Su-34 bomber at the Khalino "
            "airfield just outside Kursk on Wednesday.")
    incidents = helpers.found(text, "2025-06-11")
    assert [i.event_type for i in incidents] == ["drone_strike"]
    assert helpers.near(incidents[0], 51.75, 36.30, degrees=0.05)


def test_a_city_just_outside_which_a_named_airfield_lies_is_its_reference_point():
    text = "Explosions were reported at the Saki military airfield just outside Novofedorivka on Wednesday night."
    incidents = helpers.found(text, "2025-06-11")
    assert len(incidents) == 1
    assert helpers.near(incidents[0], 45.09, 33.60, degrees=0.05)


def test_drones_used_to_disable_a_plane_at_a_named_base_strike_that_base():
    text = "Partisans said they had used drones to disable a transport plane at the Engels air base on Wednesday."
    incidents = helpers.found(text, "2025-06-11")
    assert [i.event_type for i in incidents] == ["drone_strike"]
    assert helpers.near(incidents[0], 51.47, 46.20, degrees=0.05)


# ---------------------------------------------------------------- "the front line near X": a stretch of the front, not a site


def test_a_town_naming_the_front_line_in_a_distance_phrase_is_no_site():
    text = "A guided bomb struck Sloviansk, some 30 km from the front line near Siversk, killing three people."
    places = by_place(text)
    assert list(places) == [normalize("Sloviansk")]
    assert places[normalize("Sloviansk")].killed == 3


# ---------------------------------------------------------------- "drone workshops", "missile launchers": the target, not the weapon


def test_a_weapon_word_naming_the_target_is_not_the_weapon_of_the_strike():
    text = ("Russia's defence ministry said its forces had hit a Ukrainian drone warehouse in Kramatorsk and "
            "a missile launcher near Pavlohrad overnight.")
    assert sorted(i.event_type for i in helpers.found(text, "2025-06-11")) == ["strike", "strike"]


# ---------------------------------------------------------------- "condemned the attack, which killed N in X": the attack's place


def test_a_relative_clause_telling_what_a_condemned_attack_did_gives_its_site():
    text = "European leaders condemned the ballistic missile strike, which killed nine people in Kryvyi Rih."
    places = by_place(text)
    assert list(places) == [normalize("Kryvyi Rih")]
    assert places[normalize("Kryvyi Rih")].killed == 9


def test_a_relative_clause_after_an_earlier_attack_stays_background():
    text = "The president recalled last year's missile strike, which killed nine people in Kryvyi Rih."
    assert list(by_place(text)) == []


# ---------------------------------------------------------------- "airports in X and Y resumed operations": restrictions told at their end


def test_airports_that_resumed_operations_after_restrictions_were_restricted():
    text = "Rosaviatsia said airports in Penza and Saratov had resumed operations after overnight restrictions."
    incidents = helpers.found(text, "2025-06-11")
    assert [(i.event_type, i.status) for i in incidents] == [("airspace_restriction", "lifted")] * 2
    assert all(i.airport_iata for i in incidents)


# ---------------------------------------------------------------- ISW's "Sumy City and Kherson City": a list of towns


def test_towns_listed_with_city_after_each_are_all_sites():
    text = "Ukrainian officials reported that Russian glide bombs damaged civilian infrastructure in Sumy City and Kherson City."
    assert sorted(by_place(text)) == sorted([normalize("Sumy"), normalize("Kherson")])


# ---------------------------------------------------------------- "Latest: strike on X kills 2; Russia claims a village near Y"


def test_a_headline_clause_after_a_colon_and_a_strike_is_no_list_item_of_it():
    text = ("War at a glance: Drone strike on Chernihiv injures 5; Moscow says its troops took a village near Lyman\n\n"
            "A Russian drone hit a dormitory in Chernihiv overnight, injuring five students, the mayor said.")
    assert list(by_place(text)) == [normalize("Chernihiv")]


# ---------------------------------------------------------------- "Restrictions at X and Y airports", "X and Y airports are closed"


def test_restrictions_at_airports_listed_before_the_word_airports():
    text = "Restrictions at Saratov, Penza and Ulyanovsk airports, the aviation agency says."
    incidents = helpers.found(text, "2025-06-11")
    assert [i.event_type for i in incidents] == ["airspace_restriction"] * 3


def test_airports_that_are_closed_in_the_present_tense_are_restricted():
    text = "Kaluga and Yaroslavl airports are closed, passengers are advised to check their flights."
    incidents = helpers.found(text, "2025-06-11")
    assert [i.event_type for i in incidents] == ["airspace_restriction"] * 2


# ---------------------------------------------------------------- "A day earlier, …": the day before publication


def test_a_strike_told_a_day_earlier_is_dated_the_day_before():
    text = "A day earlier, a Russian glide bomb hit an apartment block in Sumy, injuring seven people."
    incidents = helpers.found(text, "2025-06-11")
    assert [i.started_at[:10] for i in incidents] == ["2025-06-10"]


def test_the_day_before_an_event_named_after_it_is_no_date():
    text = "Drones attacked Tula the day before the talks, the governor said."
    assert [i.started_at[:10] for i in helpers.found(text, "2025-06-11")] == ["2025-06-11"]


# ---------------------------------------------------------------- "…, which did not take place", "…, but officials reported no hits"


def test_a_strike_the_next_clause_says_did_not_happen_is_no_incident():
    text = "Russian media reported a missile strike on Uman, which did not take place, the regional governor said."
    assert list(by_place(text)) == []


def test_a_claimed_strike_local_officials_say_left_no_hits_is_no_incident():
    text = "Pro-Kremlin bloggers claimed a strike on Sloviansk, but city officials reported no hits."
    assert list(by_place(text)) == []
