"""English news as published (wire copy, ministry tallies, assessments, features): one test per failure class fixed
for the third English dev set (articles 840-849, 750-751), each in wording unlike those articles."""

from incidents.extraction import extract_incidents
from tests.incidents.extraction import helpers

by_place = helpers.dated(helpers.by_place, "2025-03-03")


# ---------------------------------------------------------------- "N were shot down over X": the weapon said before


def test_counted_interceptions_with_the_weapon_in_the_previous_sentence():
    text = ("The ministry said 21 Ukrainian drones had been destroyed overnight. Of them, 11 were shot down over the "
            "Belgorod region and 10 over the Voronezh region.")
    found = by_place(text)
    assert {found[p].event_type for p in found} == {"interception"}
    assert {i.geo_precision for i in found.values()} == {"region"}
    assert len(found) == 2


def test_a_count_of_houses_destroyed_is_no_interception():
    text = "After the floods, 12 were destroyed near Voronezh, officials said."
    assert by_place(text) == {}


# ---------------------------------------------------------------- "over the Crimea": a region that takes "the"


def test_the_crimea_in_a_region_list_is_a_region_interception():
    text = "Air defences shot down 17 drones overnight: 12 over the Crimea and 5 over the Bryansk region."
    found = by_place(text)
    assert len(found) == 2
    assert all(i.event_type == "interception" for i in found.values())
    assert any(abs(i.lat - 45.3) < 0.5 for i in found.values())


# ---------------------------------------------------------------- month abbreviations are dates, not airport codes


def test_month_abbreviation_before_a_day_is_no_place():
    text = "A drone struck a warehouse in Kursk on Dec. 3, the governor said. Officials said on Jan 5 the fire was out."
    found = by_place(text)
    assert len(found) == 1
    assert next(iter(found.values())).country == "RU"


# ---------------------------------------------------------------- a weapon as the subject of "destroyed"


def test_a_missile_that_destroyed_a_building_is_a_strike_not_an_interception():
    text = "Overnight a Russian missile destroyed the main warehouse of a logistics company in Poltava, officials said."
    found = by_place(text)
    assert [i.event_type for i in found.values()] == ["missile_strike"]


def test_drones_destroyed_over_a_region_stay_interceptions():
    text = "Russian air defences said 9 drones were destroyed over the Kaluga region."
    assert [i.event_type for i in by_place(text).values()] == ["interception"]


# ---------------------------------------------------------------- shelling is artillery, whatever the story's weapon


def test_shelling_in_a_missile_story_is_a_plain_strike():
    text = ("A cruise missile hit a warehouse in Odesa overnight, the governor said.\n\n"
            "Separately, Russian forces shelled Nikopol, wounding three people. One more person was hurt in Marhanets.")
    found = by_place(text)
    assert found["Odesa"].event_type == "missile_strike"
    assert found["Nikopol"].event_type == "strike"
    assert found["Marhanets"].event_type == "strike"


# ---------------------------------------------------------------- "on the edge of X"


def test_a_strike_on_the_edge_of_a_city_is_at_the_city():
    text = "A drone hit a grain terminal on the edge of Izmail overnight, the regional governor said."
    assert [i.event_type for i in by_place(text).values()] == ["drone_strike"]


# ---------------------------------------------------------------- a place struck again keeps its weapon


def test_a_later_reference_to_the_attack_keeps_the_weapon_told_for_that_place():
    text = ("A Russian missile hit a power substation in Poltava, and drones struck homes in Sumy and Konotop, "
            "officials said. Drones also damaged a school in Sumy.\n\n"
            "The attack on Poltava cut power to 20,000 homes, the mayor said.")
    found = extract_incidents(text, published="2025-03-03")
    assert {i.event_type for i in found if i.place == "Poltava"} == {"missile_strike"}


# ---------------------------------------------------------------- "the X district": a raion of the region in the story


def test_district_named_after_a_town_of_the_same_region_is_that_town():
    text = ("Drones attacked Kursk overnight, the governor said. Two more were shot down over the Rylsk district, "
            "he added.")
    found = by_place(text)
    assert "Ryl’sk" in found or "Rylsk" in found


def test_district_named_after_a_city_elsewhere_stays_a_quarter_of_the_city():
    text = "A drone hit a house in the Kyiv district of Kharkiv overnight, the mayor said."
    assert list(by_place(text)) == ["Kharkiv"]


# ---------------------------------------------------------------- drones that crashed or came down, by distance


def test_drones_that_came_down_a_distance_from_a_city_give_an_approximate_point():
    text = "Three drones came down in a forest some 20 miles north of Kursk, the governor said."
    found = extract_incidents(text, published="2025-03-03")
    assert len(found) == 1 and found[0].geo_precision != "city"
    assert found[0].lat > 51.9


# ---------------------------------------------------------------- "the Kursk NPP": a plant, not an organisation


def test_npp_after_a_city_name_is_the_plant_town():
    text = "A drone struck a cooling tower at the Zaporizhzhia NPP on Sunday, the plant's management said."
    assert list(by_place(text)) == ["Enerhodar"]


# ---------------------------------------------------------------- an explosion and an interception in one sentence


def test_explosions_at_an_air_base_and_an_interception_added_by_the_speaker_stay_apart():
    text = ("Blasts rang out near the Belbek air base outside Sevastopol on Tuesday, the governor said, adding that "
            "air defence had downed two missiles over the city.")
    found = extract_incidents(text, published="2025-03-03")
    kinds = {i.event_type for i in found}
    assert "explosion" in kinds
    assert all(i.place != "Crimea" for i in found)


def test_a_region_named_before_a_site_in_sevastopol_is_no_second_incident():
    text = "In Crimea, a loud explosion was heard near the Belbek airfield overnight, residents said."
    found = extract_incidents(text, published="2025-03-03")
    assert [i.event_type for i in found] == ["explosion"]
    assert found[0].place != "Crimea"


# ---------------------------------------------------------------- zero casualties in wire wording


def test_zero_casualties_in_wire_wording():
    base = "A drone struck a warehouse in Kursk overnight, the governor said. "
    def counts(tail):
        return [(i.killed, i.injured) for i in extract_incidents(base + tail, published="2025-03-03")]
    assert counts("The plant did not report any injuries.") == [(None, 0)]
    assert counts("No deaths or injuries were reported.") == [(0, 0)]
    assert counts("Officials have not reported any casualties so far.") == [(0, 0)]
