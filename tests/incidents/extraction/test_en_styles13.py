"""English news as published (wire copy, ISW recaps, pages with their furniture): one test per failure class fixed for
the thirteenth English dev set (articles 1900-1919), each in wording unlike them."""

from tests.incidents.extraction import helpers

kinds_at = helpers.dated(helpers.kinds_at, "2025-06-02")
places = helpers.dated(helpers.places, "2025-06-02")


# ---------------------------------------------------------------- a heading's "city airports" over a body naming them


def test_a_headings_city_airports_defer_to_the_airports_the_body_names():
    text = ("Moscow Airports Suspend Flights During Drone Raid\n"
            "Restrictions were imposed at Sheremetyevo airport before dawn on Monday as drones flew toward the capital, "
            "the aviation agency said. Vnukovo kept working on its usual schedule.\n")
    at = kinds_at(text)
    assert ("airspace_restriction", "SVO") in at
    assert not any(code in ("VKO", "DME", "ZIA") for _, code in at)


# ---------------------------------------------------------------- "has previously observed strikes at ..."


def test_strikes_an_analyst_previously_recorded_are_background():
    text = ("Drones hit the Millerovo air base overnight, local officials said on June 2. Analysts have previously "
            "documented Ukrainian attacks on aircraft parked at the Morozovsk and Yeysk airfields.")
    names = " ".join(places(text))
    assert "Millerovo" in names and "Morozovsk" not in names and "Yeysk" not in names



# ---------------------------------------------------------------- a page's copy of the title under its menu


def test_a_title_repeated_under_the_menu_joins_the_bodys_site_placed_from_its_town():
    text = ("Drone sets warehouse ablaze outside Kursk, officials say\n"
            "Home\nWorld\nEurope\nVideo\n"
            "Drone sets warehouse ablaze outside Kursk, officials say\n"
            "A drone struck a warehouse roughly 15 km south of Kursk on Monday morning, starting a fire that burned "
            "for hours, the regional authorities said. Nobody was hurt.\n")
    found = helpers.found(text, "2025-06-02")
    assert len(found) == 1 and found[0].place.startswith("15 km")


# ---------------------------------------------------------------- "has stepped up strikes ..., hitting X and Y"


def test_a_campaign_summary_has_stepped_up_strikes_hitting_towns_is_background():
    text = ("A drone struck the oil refinery in Syzran early on Monday, causing a fire, the regional governor said. "
            "Kyiv has stepped up its long-range drone campaign against Russian refineries, hitting plants in "
            "Kstovo and Tuapse.")
    names = " ".join(places(text))
    assert "Syzran" in names and "Kstovo" not in names and "Tuapse" not in names
