"""A city's airports named together ("Moscow's four airports", "аэропорты Москвы"): one restriction at each airport."""

from incidents.extraction import extract_incidents
from incidents.extraction import geo
from incidents.extraction.airports import CITY_AIRPORT_KM, commercial

MOSCOW = {"SVO", "DME", "VKO", "ZIA"}


def restricted(text, published="2025-05-06"):
    return [i for i in extract_incidents(text, published=published) if i.event_type == "airspace_restriction"]


def serving(city):
    return {a.iata for a in geo.airports_near(geo.place(city), CITY_AIRPORT_KM) if commercial(a)}


def test_the_airports_serving_a_city_are_its_passenger_airports():
    assert serving("Moscow") == MOSCOW
    assert serving("Saint Petersburg") == {"LED"}
    assert serving("Kazan") == {"KZN"}
    assert serving("Kyiv") == {"IEV", "KBP"}


def test_a_citys_airports_named_together_are_each_restricted():
    for text in ("Moscow's four airports suspended flights on Sunday after a drone attack.",
                 "Restrictions were imposed at the airports of Moscow on Tuesday.",
                 "Все аэропорты Москвы приостановили работу из-за атаки беспилотников.",
                 "Росавиация ввела ограничения в аэропортах Москвы.",
                 "Аеропорти Москви призупинили роботу через атаку дронів.",
                 "Moscow airports suspended flights after a drone attack.",
                 "All four Moscow airports closed on Sunday.",
                 "Аэропорты Москвы ввели ограничения на прием и выпуск воздушных судов.",
                 "Ограничения введены во всех четырёх аэропортах Москвы."):
        items = restricted(text)
        assert {i.airport_iata for i in items} == MOSCOW and len(items) == 4, text
        assert len({i.started_at for i in items}) == 1, text
        assert all(i.evidence["place"]["sentence"] == text for i in items), text


def test_airports_the_text_names_are_the_ones_restricted():
    for text in ("Vnukovo and Domodedovo airports suspended flights after a drone attack on Moscow.",
                 "Moscow's Vnukovo and Domodedovo airports suspended flights."):
        assert {i.airport_iata for i in restricted(text)} == {"VKO", "DME"}, text


def test_another_citys_airports_named_together():
    for text in ("Flights were suspended at Kyiv airports on Monday.", "Kyiv's airports suspended flights on Monday.",
                 "Аеропорти Києва призупинили роботу."):
        assert sorted(i.airport_iata for i in restricted(text)) == ["IEV", "KBP"], text


def test_a_count_unlike_the_citys_airports_adds_none():
    for text in ("Moscow's two airports suspended flights on Sunday.", "Flights were suspended at two Moscow airports.",
                 "Ограничения введены в двух аэропортах Москвы."):
        assert len(restricted(text)) <= 1, text


def test_a_city_with_one_airport_keeps_it():
    assert [i.airport_iata for i in restricted("Kazan airport suspended flights after a drone attack.")] == ["KZN"]
    assert [i.airport_iata for i in restricted("Аэропорт Домодедово приостановил полеты.")] == ["DME"]
    assert [i.airport_iata for i in restricted("Kazan airports suspended flights.")] == ["KZN"]
    for text in ("St Petersburg airports suspended flights after a drone attack.",
                 "В аэропортах Санкт-Петербурга ввели ограничения."):
        assert [(i.event_type, i.airport_iata) for i in extract_incidents(text, published="2025-05-06")] == [
            ("airspace_restriction", "LED")], text
