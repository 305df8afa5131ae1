"""English news as published (wire copy, ISW and MoD summaries, live blogs, short posts, pages with their furniture):
one test per failure class fixed for the sixth English dev set (articles 1120-1159), each in wording unlike them."""

from incidents.extraction import extract_incidents
from tests.incidents.extraction import helpers

by_place = helpers.dated(helpers.by_place, "2024-10-05")


# ---------------------------------------------------------------- "the X Air Base": a facility, not a landmark


def test_an_air_base_named_with_the_is_the_site_not_its_region():
    text = "Drones hit the Borisoglebsk Air Base in the Voronezh region overnight, destroying a hangar."
    found = by_place(text)
    assert list(found) == ["Borisoglebsk Air Base"]
    assert found["Borisoglebsk Air Base"].geo_precision != "region"


# ---------------------------------------------------------------- ground fighting on the front: not a strike


def test_troops_attacking_near_front_towns_is_not_a_strike_there():
    text = ("Russian units attacked toward Kupiansk on Friday, and Ukrainian troops counterattacked near Robotyne. "
            "A Russian drone hit a bus in Nikopol, wounding four passengers.")
    found = by_place(text)
    assert list(found) == ["Nikopol"]
    assert found["Nikopol"].injured == 4


def test_forces_continuing_attacks_near_a_town_is_not_a_strike_there():
    text = ("Russian forces continued ground attacks near Vovchansk on Friday and did not advance. A drone struck "
            "a car in Zolochiv, wounding the driver.")
    assert list(by_place(text)) == ["Zolochiv"]


def test_forces_that_attack_a_city_with_drones_still_strike_it():
    text = "Russian forces attacked Kharkiv with drones overnight, damaging a school."
    assert list(by_place(text)) == ["Kharkiv"]


# ---------------------------------------------------------------- a place opening the clause after a strike noun


def test_a_capital_standing_for_its_government_after_the_strike_is_not_struck():
    text = ("A missile hit a hospital in Kherson on Saturday, killing two nurses. Officials said the attack proves "
            "that Moscow has no interest in peace.")
    assert list(by_place(text)) == ["Kherson"]


# ---------------------------------------------------------------- where a person was


def test_the_city_a_minister_was_in_gets_no_incident():
    text = ("Drones struck Zaporizhzhia, injuring five people, as the defence minister was in London for talks. "
            "The attack on the city came as Zelensky was in Rome.")
    found = by_place(text)
    assert list(found) == ["Zaporizhzhya"]


# ---------------------------------------------------------------- casualties stated in other words


def test_people_hospitalised_or_treated_in_a_sentence_of_their_own_are_injured():
    text = ("A Russian drone hit a bakery in Nikopol on Friday, killing its owner. Three others were hospitalised. ")
    assert by_place(text)["Nikopol"].injured == 3
    text = ("A missile struck a railway depot in Kovel on Friday. Among the dead was a train driver. "
            "A dozen people were treated for shrapnel wounds.")
    assert by_place(text)["Kovel"].injured == 12


def test_a_count_with_an_aside_of_whom_is_read():
    text = "Drones hit a dormitory in Sumy, and nine people, two of them students, were taken to hospital."
    assert by_place(text)["Sumy"].injured == 9


def test_one_person_named_with_a_possessive_is_one_casualty():
    text = "A drone hit a car outside Shebekino on Friday, killing a woman. Her son was taken to hospital."
    found = by_place(text)
    assert found["Shebekino"].killed == 1
    assert found["Shebekino"].injured == 1


def test_the_toll_of_an_attack_weeks_before_is_not_this_one():
    text = ("A Russian missile struck a hotel in Kharkiv on Friday, injuring four people. It came two weeks after "
            "a glide bomb destroyed a shopping centre in Kharkiv, killing 19 people.")
    found = by_place(text)
    assert found["Kharkiv"].injured == 4
    assert found["Kharkiv"].killed is None


# ---------------------------------------------------------------- where the wounded were taken


def test_the_city_the_wounded_were_taken_to_gets_no_incident():
    text = ("A drone dropped explosives on a minibus near Velykyi Burluk on Friday, wounding six passengers. "
            "They were taken to hospital in Kharkiv, and two were later airlifted to Kyiv.")
    assert list(by_place(text)) == ["Velykyi Burluk"]


def test_a_hospital_struck_in_a_city_is_still_a_strike_there():
    text = "A Russian missile struck a children's hospital in Kyiv on Friday, injuring seven people."
    assert list(by_place(text)) == ["Kyiv"]


# ---------------------------------------------------------------- short posts: the place heads the line


def test_a_post_line_opened_by_a_place_and_a_time_word_is_its_site():
    text = "date 2024-10-05 @kharkiv_watch\n\n🔴 Kupiansk again. Guided bomb hit the market, 3 wounded."
    found = by_place(text)
    assert list(found) == ["Kupyansk"]
    assert found["Kupyansk"].injured == 3
    text = "date 2024-10-05 channel\n\nNikopol, 07:15 — artillery shelled the town centre, woman injured."
    assert by_place(text)["Nikopol"].injured == 1


def test_a_single_person_with_a_bare_casualty_word_in_a_post():
    text = "date 2024-10-05 channel\n\nBeryslav, earlier: FPV drone attacked an ambulance, paramedic wounded."
    assert by_place(text)["Beryslav"].injured == 1


def test_a_town_facility_opening_a_post_line_is_its_site():
    text = "date 2024-10-05 @south_osint\n\nTuapse refinery on fire after drone attack, locals say."
    assert list(by_place(text)) == ["Tuapse"]
    text = "date 2024-10-05 @south_osint\n\nNovorossiysk port ablaze after a sea drone attack overnight."
    assert list(by_place(text)) == ["Novorossiysk"]


# ---------------------------------------------------------------- airports: restrictions said to be in place


def test_restrictions_in_place_at_listed_airports_are_restrictions_at_each():
    text = "Rosaviatsia said restrictions are in place at Kaluga and Tambov airports."
    found = extract_incidents(text, published="2024-10-05")
    assert {i.airport_iata for i in found} == {"KLF", "TBW"}
    assert {i.event_type for i in found} == {"airspace_restriction"}
    text = "Restrictions remain in force at Sochi airport, the aviation agency said on Saturday."
    assert [i.airport_iata for i in extract_incidents(text, published="2024-10-05")] == ["AER"]


# ---------------------------------------------------------------- a count and a place with the verb left out


def test_a_second_count_and_region_without_a_verb_is_another_interception():
    text = ("Russia's defence ministry said 30 drones were shot down over the Bryansk region, and twelve over the "
            "Oryol region.")
    found = extract_incidents(text, published="2024-10-05")
    assert {(i.event_type, i.geo_precision) for i in found} == {("interception", "region")}
    assert len(found) == 2


# ---------------------------------------------------------------- districts and regions named after a site


def test_a_district_name_shared_abroad_is_not_taken_from_another_country():
    text = ("Ukraine's army hit the Shaykovka military airfield in Russia's Kaluga Oblast. Kaluga Oblast Governor "
            "Vladislav Shapsha said that drones had been downed over the Kirovsky district overnight.")
    found = extract_incidents(text, published="2024-10-05")
    assert {i.country for i in found} == {"RU"}


def test_figures_given_in_a_region_go_to_the_one_site_told_there():
    text = ("Ukrainian drones hit the Baltimor airfield outside Voronezh and the Morozovsk air base in Rostov Oblast "
            "overnight, a source said. At Morozovsk, a hangar was reportedly damaged, the source said. In Voronezh "
            "Oblast, Governor Alexander Gusev said a drone had been shot down over the airfield and that a guard had "
            "been wounded by fragments.")
    found = extract_incidents(text, published="2024-10-05")
    assert [i.injured for i in found if i.place == "Baltimor Air Base"] == [1]
    assert {i.injured for i in found if i.place.startswith("Morozovsk")} == {None}


# ---------------------------------------------------------------- "the attack came after ...": another event


def test_places_of_what_the_attack_came_after_are_background():
    text = ("A Russian missile hit a school in Zaporizhzhia on Friday, injuring 14. The strike came days after "
            "Zelensky unveiled a new plan in Washington, and nearly a year after a drone attack on Lviv killed seven.")
    found = by_place(text)
    assert list(found) == ["Zaporizhzhya"]
    assert found["Zaporizhzhya"].killed is None


def test_a_post_line_with_an_age_in_brackets_counts_one_person():
    text = "date 2024-10-05 @belgorod_osint\n\nBelgorod region overnight:\nValuyki — FPV drone hit a tractor, man (61) wounded"
    found = extract_incidents(text, published="2024-10-05")
    assert [i.injured for i in found] == [1]


# ---------------------------------------------------------------- "the city" after a city named in the same sentence


def test_the_city_refers_to_the_city_the_sentence_named_not_the_one_before():
    text = ("Key developments:\n- Drone attack on Odesa injures 7\n\nA Russian missile struck the centre of Izium in "
            "Kharkiv Oblast, hitting the city hall and killing five people, the governor said.")
    found = extract_incidents(text, published="2024-10-05")
    assert {i.place: i.killed for i in found} == {"Izyum": 5, "Odesa": None}


# ---------------------------------------------------------------- a wire dateline is the day the story was filed


def test_a_dateline_day_gives_way_to_the_day_the_text_gives_the_attack():
    text = ("date 2024-06-14 Satellite images show damage at Belbek\n\nJune 14 (Reuters) - Ukraine struck the Belbek "
            "air base in Crimea this week, destroying two jets, satellite images showed. The attack took place on "
            "June 11, Ukraine's military said.")
    found = extract_incidents(text)
    assert [i.started_at[:10] for i in found] == ["2024-06-11"]


def test_a_dateline_alone_still_dates_the_story_by_publication():
    text = ("date 2024-06-14 Drones hit Bryansk\n\nBRYANSK, June 14 (Reuters) - Drones struck an oil depot in "
            "Bryansk, the governor said.")
    assert [i.started_at[:10] for i in extract_incidents(text)] == ["2024-06-14"]


# ---------------------------------------------------------------- an air base told again by its town's name


def test_the_town_an_air_base_is_named_after_is_the_base_again():
    text = ("Drones struck the Morozovsk air base overnight, Ukrainian sources said. Videos showed explosions at "
            "Morozovsk after the strike.")
    assert list(by_place(text)) == ["Morozovsk Air Base"]
