"""Two articles about the Kazan attack merge into one incident per site with both sources."""

from pathlib import Path

from incidents.extraction import extract_incidents, merge_incidents

ARTICLES = Path(__file__).resolve().parents[3] / "incidents" / "samples" / "articles"


def read(name):
    return (ARTICLES / name).read_text(encoding="utf-8")


def test_same_incident_from_two_articles_merges():
    first = extract_incidents(read("000_kazan_2024-12-21.txt"), source={"title": "Article A", "url": "https://a.example"})
    second = extract_incidents(read("004_kazan_towers_second_report_2024-12-21.txt"), source={"title": "Article B"})
    merged = merge_incidents(first + second)
    assert len(merged) == len(first)
    strike = next(i for i in merged if i.event_type == "drone_strike")
    assert [s.title for s in strike.sources] == ["Article A", "Article B"]
    assert (strike.time_precision, strike.killed, strike.injured, strike.drones_downed) == ("minute", 0, 0, 6)
    kzn = next(i for i in merged if i.airport_iata == "KZN")
    assert len(kzn.sources) == 2


def test_different_days_or_places_stay_apart():
    a = extract_incidents("Drones struck Kazan on Saturday.", published="2024-12-21")
    b = extract_incidents("Drones struck Kazan on Friday.", published="2024-12-21")
    c = extract_incidents("Drones struck Ufa on Saturday.", published="2024-12-21")
    assert len(merge_incidents(a + b + c)) == 3


def test_merging_one_report_changes_nothing():
    items = extract_incidents(read("000_kazan_2024-12-21.txt"))
    assert merge_incidents(items) == items
