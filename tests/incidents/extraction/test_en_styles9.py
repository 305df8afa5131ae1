"""English news as published (wire copy, official statements, live blogs, short posts, pages with their furniture):
one test per failure class fixed for the ninth English dev set (articles 1480-1519), each in wording unlike them."""

from geodata.names import normalize
from incidents.extraction import extract_incidents
from tests.incidents.extraction import helpers

by_place = helpers.dated(helpers.by_place_key, "2025-03-05")


# ---------------------------------------------------------------- a place far from the war needs a strike on it


def test_a_capital_abroad_named_beside_an_attack_verb_is_no_site():
    text = ("Drones hit a substation in Shostka overnight. The president urged partners in Paris and Rome "
            "to let Ukraine hit military targets inside Russia.")
    assert list(by_place(text)) == [normalize("Shostka")]


def test_a_city_abroad_in_a_clause_about_air_defence_talks_is_no_site():
    text = ("A missile struck Kremenchuk on Tuesday, injuring four people. The defence minister will travel to "
            "Madrid on Friday to discuss air defence deliveries.")
    assert list(by_place(text)) == [normalize("Kremenchuk")]


def test_a_city_abroad_with_people_hurt_there_stays_a_site():
    text = "An explosion at an arms depot in Madrid injured three people on Tuesday, police said."
    assert list(by_place(text)) == [normalize("Madrid")]


# ---------------------------------------------------------------- "the regional capital X", "the mayor of X ... the city"


def test_a_town_named_after_the_regional_capital_is_the_site():
    text = ("Drones were shot down over Kyiv overnight. Governor Ivan Fedorov said three people were wounded "
            "in the regional capital Zaporizhzhia when a guided bomb hit a warehouse.")
    places = by_place(text)
    assert places[normalize("Zaporizhzhia")].injured == 3
    assert places[normalize("Kyiv")].injured is None


def test_the_city_of_a_mayor_named_before_is_the_site():
    text = ("Explosions were heard in Kyiv early on Monday. The mayor of Rivne, Oleksandr Tretyak, said a missile "
            "had hit an industrial building in the western city, killing two people.")
    places = by_place(text)
    assert places[normalize("Rivne")].killed == 2


# ---------------------------------------------------------------- casualty wording


def test_were_later_killed_counts():
    text = "A drone attack set a fuel depot in Bataysk on fire. Three firefighters were later killed fighting the blaze."
    assert by_place(text)[normalize("Bataysk")].killed == 3


def test_ages_after_the_count_are_not_counts():
    text = "Russian shelling hit Marhanets on Sunday. Three women aged 62, 70 and 81 were injured, officials said."
    assert by_place(text)[normalize("Marhanets")].injured == 3


def test_the_number_of_injured_put_at_a_figure():
    text = "A missile struck Uman early on Friday. The regional governor later put the number of wounded at 17."
    assert by_place(text)[normalize("Uman")].injured == 17


def test_one_person_suffering_injuries_without_was():
    text = "Grayvoron. A drone struck a tractor in a field. The tractor driver, a local farmer, sustained leg injuries."
    assert by_place(text)[normalize("Grayvoron")].injured == 1


# ---------------------------------------------------------------- reports called untrue


def test_reports_said_to_be_fake_deny_the_place():
    text = ("Posts in local chats about a strike on Poltava overnight are fake, the regional governor said. "
            "One drone was shot down over the Myrhorod district.")
    assert list(by_place(text)) == [normalize("Myrhorod")]


# ---------------------------------------------------------------- a share bar above the story


def test_a_share_bar_above_the_story_does_not_end_it():
    text = ("Drones strike Bryansk chemical plant\n\nShare this story\n\n"
            "Ukrainian drones struck a chemical plant in the Russian city of Bryansk overnight, the regional governor "
            "said on Wednesday, adding that a fire at the site had been put out and nobody was hurt.\n")
    assert list(by_place(text)) == [normalize("Bryansk")]


def test_a_share_bar_after_the_story_still_ends_it():
    text = ("Drones struck a substation in Belgorod overnight, the governor said.\n\nShare this story\n\n"
            "Explosions reported in Kursk\n")
    assert list(by_place(text)) == [normalize("Belgorod")]


# ---------------------------------------------------------------- districts and a title's two clauses


def test_an_interception_told_after_a_closure_in_a_title_is_no_airport():
    text = ("Kaluga airport halts flights as drone downed over Lyudinovo\n\n"
            "Kaluga's airport stopped receiving flights on Sunday morning, Rosaviatsia said. The governor said a drone "
            "had been destroyed over Lyudinovo.")
    kinds = {normalize(i.place): i.event_type for i in extract_incidents(text, published="2025-03-05")}
    assert kinds.get(normalize("Lyudinovo")) == "interception"


# ---------------------------------------------------------------- a region list: each line its own weapon


def test_a_weapon_of_one_region_line_does_not_arm_the_others():
    text = ("Sumy Oblast: Russian drones hit Okhtyrka, wounding a woman.\n\n"
            "Poltava Oblast: Drones attacked Myrhorod overnight.\n\n"
            "Mykolaiv Oblast: Two people were injured in Ochakiv, Governor Vitalii Kim said.\n")
    kinds = {normalize(i.place): i.event_type for i in extract_incidents(text, published="2025-03-05")}
    assert kinds[normalize("Ochakiv")] == "strike"


# ---------------------------------------------------------------- a quarter the gazetteer does not know


def test_an_unknown_district_of_the_large_city_in_focus_is_that_city():
    text = ("Ihor Terekhov, mayor of Kharkiv\n\n"
            "A guided bomb hit a warehouse in the Nemyshlianskyi district. Three people were injured.")
    assert by_place(text)[normalize("Kharkiv")].injured == 3


def test_a_crew_member_counts_as_a_person():
    text = "A missile hit a cargo ship in the port of Odesa. Two crew members were wounded, the navy said."
    assert by_place(text)[normalize("Odesa")].injured == 2


# ---------------------------------------------------------------- "the X base", "the Y and Z bases"


def test_bases_named_in_a_list_are_air_bases_not_their_regions():
    text = ("Drones struck the Engels base in the Saratov region and the Morozovsk and Millerovo bases in the south "
            "overnight, Ukraine's military said.")
    found = {i.geo_precision for i in extract_incidents(text, published="2025-03-05")}
    assert "region" not in found
    assert len(extract_incidents(text, published="2025-03-05")) == 3


# ---------------------------------------------------------------- an attack of which all was shot down


def test_an_attempted_attack_all_shot_down_is_an_interception():
    text = "Ukraine attempted a large drone attack on Kaluga overnight; all 12 drones were destroyed, the governor said."
    found = extract_incidents(text, published="2025-03-05")
    assert [(i.event_type, normalize(i.place)) for i in found] == [("interception", normalize("Kaluga"))]


def test_an_attack_that_did_damage_stays_a_strike_though_drones_were_downed():
    text = "Drones damaged a depot in Kaluga overnight; all 12 drones were destroyed, the governor said."
    found = extract_incidents(text, published="2025-03-05")
    assert [i.event_type for i in found] != ["interception"]


# ---------------------------------------------------------------- a pipeline's name is no town


def test_a_pipeline_name_in_the_title_is_no_town_when_the_article_calls_it_a_pipeline():
    text = ("Drones hit Druzhba pumping station in Tambov region\n\n"
            "Drones struck a pumping station of the Druzhba oil pipeline near Michurinsk on Monday, the governor said.")
    assert normalize("Druzhba") not in by_place(text)


# ---------------------------------------------------------------- a named airfield outside a city


def test_a_named_airfield_outside_a_city_is_the_airfield_only():
    text = "Drones attacked the Savasleyka military airfield outside Nizhny Novgorod, the General Staff said."
    found = extract_incidents(text, published="2025-03-05")
    assert len(found) == 1 and found[0].place.startswith("Savasleyka")


def test_an_unnamed_airfield_near_a_town_is_still_that_towns_base():
    text = "Drones attacked the military airfield near Millerovo overnight, the General Staff said."
    found = extract_incidents(text, published="2025-03-05")
    assert len(found) == 1 and "millerovo" in normalize(found[0].place)


def test_a_person_then_he_was_hospitalised_counts_one():
    text = "In Stepnohirsk, a drone dropped a grenade on a 58-year-old woman; she was hospitalised with shrapnel wounds."
    assert by_place(text)[normalize("Stepnohirsk")].injured == 1
