"""Classes of text that real published reports showed the extractor getting wrong (read, not copied: each test says it in
other words, with other towns): region lists counted in words, numerals that look like towns, and more."""

from tests.incidents.extraction import helpers

found = helpers.dated(helpers.found, "2025-08-14")
near = helpers.near


def test_a_region_list_counted_in_words_gives_one_interception_per_region():
    text = ("За минувшую ночь дежурные средства ПВО перехватили пять беспилотников:\n"
            "Два БпЛА — над территорией Белгородской области,\n"
            "Один БпЛА — над территорией Орловской области,\n"
            "Два БпЛА — над территорией Тульской области.")
    items = {i.place: i for i in found(text)}
    assert {"Belgorod", "Orel", "Tula"} <= set(items)
    assert all(i.event_type == "interception" and i.geo_precision == "region" for i in items.values())
    assert (items["Belgorod"].drones_downed, items["Orel"].drones_downed, items["Tula"].drones_downed) == (2, 1, 2)


def test_a_numeral_is_never_a_town_abroad():
    items = found('"У Шевченківському районі - влучання ворожого БпЛА в склад, - йдеться у дописі мера. - Одна людина '
                  'загинула, один - поранений.')
    assert items and all(i.country == "UA" for i in items)  # not "a district of Odin", Illinois
    assert not found("Одна людина загинула, ще одна дістала поранення, повідомили рятувальники.")


def test_an_airport_named_in_full_in_a_restriction_clause_is_restricted_whatever_caused_it():
    text = ("The aviation agency introduced arrival and departure restrictions at Sochi International Airport and Platov "
            "International Airport after officials reported an attack by drones.")
    items = found(text)
    assert items and all(i.event_type == "airspace_restriction" for i in items)
    assert {i.airport_iata for i in items} == {"AER", "ROV"}
    items = found("Authorities imposed temporary restrictions at Sochi International Airport after a drone attack.")
    assert [i.event_type for i in items] == ["airspace_restriction"]
