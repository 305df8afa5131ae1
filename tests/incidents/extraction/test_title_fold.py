"""A strike the title names joins the body's strike at that place and day: one incident, with the body's kind and figures."""

from incidents.extraction import extract_incidents

TEXT = ("date 2024-10-03 Russian attack kills three in Odesa and Kharkiv\n\n"
        "ODESA, Oct 3 (AP) — Russian drones hit the port city of Odesa overnight, killing three people and wounding "
        "eight, the regional governor said. Later in the morning a guided bomb struck a warehouse in Kharkiv.\n")


def test_a_bare_strike_in_the_title_is_the_body_strike_at_that_place():
    found = sorted((i.place, i.event_type, i.killed, i.injured) for i in extract_incidents(TEXT))
    places = [place for place, *_ in found]
    assert places.count("Odesa") == 1, found
    assert ("Odesa", "drone_strike", 3, 8) in found


def test_a_strike_told_only_in_the_title_stays():
    text = "date 2024-10-03 Russian strikes hit Odesa and Kherson\n\nODESA, Oct 3 — Drones hit Odesa overnight.\n"
    assert {i.place for i in extract_incidents(text)} >= {"Odesa", "Kherson"}
