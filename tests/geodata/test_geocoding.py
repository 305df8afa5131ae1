"""Offline geocoding: pinned values from the reference case, variants, airports, ambiguity by context, bad input."""

import pytest

from geodata import geocoding
from geodata.errors import InvalidQuery, PlaceNotFound
from geodata.geocoding import Hints, rank


@pytest.mark.parametrize("query", ["Kazan", "Казань", "KAZAN", "  kazan "])
def test_kazan_in_any_script(geocoder, query):
    place = geocoder.geocode(query)
    assert (place.name, place.country, place.admin1, place.kind, place.timezone) == (
        "Kazan", "RU", "Tatarstan", "city", "Europe/Moscow")
    assert place.lat == pytest.approx(55.789, abs=0.005) and place.lon == pytest.approx(49.122, abs=0.005)


@pytest.mark.parametrize("group", [
    ("Ryazan'", "Ryazan", "Рязань"), ("Yelabuga", "Elabuga", "Елабуга"), ("Izhevsk", "Ижевск"),
    ("Nizhny Novgorod", "Nizhniy Novgorod", "Нижний Новгород"), ("Kyiv", "Kiev", "Київ"), ("Odesa", "Odessa"),
])
def test_variants_resolve_to_the_same_place(geocoder, group):
    places = {(p.lat, p.lon) for p in map(geocoder.geocode, group)}
    assert len(places) == 1, places


@pytest.mark.parametrize("query, iata, icao, admin1, tz", [
    ("Kazan airport", "KZN", "UWKD", "Tatarstan", "Europe/Moscow"),
    ("KZN", "KZN", "UWKD", "Tatarstan", "Europe/Moscow"),
    ("UWKD", "KZN", "UWKD", "Tatarstan", "Europe/Moscow"),
    ("the airport of Izhevsk", "IJK", "USII", "Udmurt", "Europe/Samara"),
    ("Izhevsk", "IJK", "USII", "Udmurt", "Europe/Samara"),
    ("Saratov's Gagarin airport", "GSV", "UWSG", "Saratov", "Europe/Saratov"),
    ("Saratov Gagarin Airport", "GSV", "UWSG", "Saratov", "Europe/Saratov"),
    ("аэропорт Казань", "KZN", "UWKD", "Tatarstan", "Europe/Moscow"),
])
def test_find_airport(geocoder, query, iata, icao, admin1, tz):
    airport = geocoder.find_airport(query)
    assert (airport.kind, airport.iata, airport.icao, airport.admin1, airport.timezone) == (
        "airport", iata, icao, admin1, tz)


def test_geocode_routes_airport_phrases(geocoder):
    assert geocoder.geocode("Kazan airport").icao == "UWKD"
    assert geocoder.geocode("GSV").icao == "UWSG"
    assert geocoder.geocode("Engels air base").icao == "XWSG"


def test_lowercase_three_letters_are_names_not_codes(geocoder):
    assert geocoder.geocode("Ufa").kind == "city"


def test_airport_country_filter(geocoder):
    with pytest.raises(PlaceNotFound):
        geocoder.find_airport("KZN", country="US")


def test_moscow_russia_by_default_with_runners_up(geocoder):
    moscow = geocoder.geocode("Moscow")
    assert (moscow.country, moscow.admin1) == ("RU", "Moskva")
    assert ("US", "Idaho") in {(alt.country, alt.admin1) for alt in moscow.alternatives}
    assert moscow not in moscow.alternatives


@pytest.mark.parametrize("context", [["Idaho"], ["US"], ["Idaho", "US"]])
def test_moscow_idaho_when_context_says_so(geocoder, context):
    assert geocoder.geocode("Moscow", context=context).admin1 == "Idaho"


def test_context_can_be_places(geocoder):
    idaho = geocoder.geocode("Idaho")
    assert idaho.kind == "region"
    assert geocoder.geocode("Moscow", context=[idaho]).country == "US"


def test_qualifier_after_comma(geocoder):
    assert geocoder.geocode("Moscow, Idaho").country == "US"
    assert geocoder.geocode("Kazan, Turkey").country == "TR"


def test_kazan_russia_over_turkey_unless_hinted(geocoder):
    assert geocoder.geocode("Kazan").country == "RU"
    assert geocoder.geocode("Kazan", context=["TR"]).country == "TR"
    assert geocoder.geocode("Kazan", country="TR").country == "TR"


def test_nearby_context_breaks_ties():
    near = geocoding.Place("Near", 10.0, 10.0, "AA", None, "city", "geonames", "UTC", 1000)
    far = geocoding.Place("Far", -40.0, 100.0, "AA", None, "city", "geonames", "UTC", 5000)
    assert rank([(far, True), (near, True)], Hints(points=((10.5, 10.5),)))[0] is near
    assert rank([(far, True), (near, True)], Hints())[0] is far


def test_region_words_prefer_the_region(geocoder):
    assert geocoder.geocode("Saratov").kind == "city"
    assert geocoder.geocode("Saratov Oblast").kind == "region"
    assert geocoder.geocode("Udmurtia").admin1 == "Udmurt"


def test_country_hint_without_match(geocoder):
    with pytest.raises(PlaceNotFound, match="in FR"):
        geocoder.geocode("Izhevsk", country="FR")


@pytest.mark.parametrize("query, message", [
    ("", "empty"), ("   ", "empty"), ("x" * 10_000, "10000 characters"), ("Kazan\x00", r"U\+0000"),
    ("Ka\x1bzan", r"U\+001B"), (None, "text"), (42, "text"),
])
def test_bad_queries(geocoder, query, message):
    with pytest.raises(InvalidQuery, match=message):
        geocoder.geocode(query)
    with pytest.raises(InvalidQuery):
        geocoder.find_airport(query)


@pytest.mark.parametrize("country", ["RUS", "1A", "", "r"])
def test_bad_country_hint(geocoder, country):
    if country == "":
        assert geocoder.geocode("Kazan", country=country).country == "RU"
    else:
        with pytest.raises(InvalidQuery, match="two-letter"):
            geocoder.geocode("Kazan", country=country)


def test_unknown_name(geocoder):
    with pytest.raises(PlaceNotFound, match="Qwxzvplorp"):
        geocoder.geocode("Qwxzvplorp")


def test_answers_are_cached(geocoder):
    assert geocoder.geocode("Kazan") is geocoder.geocode("Kazan")


def test_module_level_api_and_resolve():
    assert geocoding.geocode("Izhevsk").admin1 == "Udmurt"
    assert geocoding.find_airport("IJK").icao == "USII"
    point = geocoding.resolve("55.789, 49.122")
    assert (point.kind, point.country, point.admin1) == ("point", "RU", "Tatarstan")
    with pytest.raises(InvalidQuery, match="latitude"):
        geocoding.resolve("95,10")


def test_reference_place_follows_setting(monkeypatch):
    from geodata import reference_place

    assert reference_place().name == "Moscow"
    monkeypatch.setenv("INCIDENT_MAP_REFERENCE", "Kyiv")
    assert reference_place().country == "UA"
    assert reference_place("Kazan").admin1 == "Tatarstan"


def test_city_word_does_not_ask_for_a_region(geocoder):
    assert geocoder.geocode("Kazan city").kind == "city"
    assert geocoder.geocode("Саратовская область").kind == "region"


def test_not_found_is_raised_fresh_each_time(geocoder):
    errors = []
    for _ in range(2):
        with pytest.raises(PlaceNotFound) as raised:
            geocoder.geocode("Qwxzvplorp")
        errors.append(raised.value)
    assert errors[0] is not errors[1]


def test_bad_context_items(geocoder):
    with pytest.raises(InvalidQuery, match="context"):
        geocoder.geocode("Moscow", context=[{"country": "US"}])


def test_unhashable_country(geocoder):
    with pytest.raises(InvalidQuery, match="country"):
        geocoder.geocode("Kazan", country=["RU"])


@pytest.mark.parametrize("query, region", [
    ("Moscow region", "Moskovskaya"), ("Moscow Oblast", "Moskovskaya"),
    ("Московская область", "Moskovskaya"),
    ("Belgorod region", "Belgorod"), ("Kursk region", "Kursk"), ("Kyiv region", "Kiev"), ("Kyiv Oblast", "Kiev"),
    ("Київська область", "Kiev"), ("Курская область", "Kursk"),
])
@pytest.mark.parametrize("city", [None, "Moscow", "Kyiv", "Kursk", "Belgorod"])
def test_region_names_resolve_to_the_region_whatever_city_is_in_context(geocoder, query, region, city):
    context = (geocoder.geocode(city),) if city else ()
    place = geocoder.geocode(query, context=context)
    assert (place.kind, place.admin1) == ("region", region)
    assert place not in place.alternatives


def test_bare_city_name_stays_the_city_next_to_its_region(geocoder):
    oblast = geocoder.geocode("Moscow Oblast")
    assert geocoder.geocode("Moscow", context=(oblast,)).kind == "city"
    assert geocoder.geocode("Moscow city").kind == "city"


@pytest.mark.parametrize("query", ["Ka\u00adzan", "\u200eKazan\u200f", "\ufeffKazan", "Ka\u200bzan"])
def test_invisible_format_characters_from_web_pages_are_dropped(geocoder, query):
    assert geocoder.geocode(query).admin1 == "Tatarstan"


@pytest.mark.parametrize("query, name, country", [
    ("Pokrovsk", "Pokrovsk", "UA"),  # not Engels, formerly Pokrovsk (five times bigger)
    ("Odessa", "Odesa", "UA"),  # not Odessa, Texas
    ("Artemovsk", "Bakhmut", "UA"), ("Kirovograd", "Kropyvnytskyi", "UA"), ("Днепр", "Dnipro", "UA"),
])
def test_current_names_beat_former_names_but_famous_former_names_still_work(geocoder, query, name, country):
    place = geocoder.geocode(query)
    assert (place.name, place.country) == (name, country)


def test_air_bases_missing_from_airportsdata_come_from_airbases_csv(geocoder):
    place = geocoder.find_airport("Millerovo air base")
    assert (place.name, place.kind, place.country, round(place.lat, 1)) == ("Millerovo Air Base", "airport", "RU", 49.0)
    assert geocoder.find_airport("Strigino").icao == "UWGG"  # a second name for an airportsdata entry
