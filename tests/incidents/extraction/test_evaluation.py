"""The corpus scorer on hand-made incidents: matches, misses, forbidden hits, casualties and crashes."""

import json

import pytest

from incidents.extraction.evaluation import Labelled, evaluate, load_corpus, matches, score_article
from incidents.model import Incident

KAZAN = {"event_type": "drone_strike", "place": "Kazan", "lat": 55.796, "lon": 49.106, "date": "2024-12-21",
         "killed": None, "injured": 0, "airport_iata": None}
LABELS = {"language": "en", "style": "wire", "published": "2024-12-21", "expected": [KAZAN],
          "forbidden": [{"place": "Istanbul", "lat": 41.01, "lon": 28.95}]}


def incident(event_type="drone_strike", lat=55.796, lon=49.106, day="2024-12-21", **more):
    return Incident(event_type=event_type, lat=lat, lon=lon, started_at=f"{day}T07:30:00+03:00", **more)


def test_the_right_kind_place_and_day_match():
    assert matches(incident(), KAZAN)


def test_a_wrong_kind_does_not_match():
    assert not matches(incident(event_type="missile_strike"), KAZAN)


def test_a_list_of_kinds_accepts_each_of_them():
    either = {**KAZAN, "event_type": ["strike", "missile_strike"]}
    assert matches(incident(event_type="missile_strike"), either)
    assert not matches(incident(), either)


def test_within_30_km_matches_and_beyond_does_not():
    assert matches(incident(lat=55.796 + 0.25), KAZAN)  # about 28 km north
    assert not matches(incident(lat=55.796 + 0.29), KAZAN)  # about 32 km north


def test_a_day_off_by_one_matches_and_by_two_does_not():
    assert matches(incident(day="2024-12-22"), KAZAN)
    assert not matches(incident(day="2024-12-23"), KAZAN)
    assert not matches(incident(day="2024-12-19"), KAZAN)


def test_a_found_label_with_its_casualties_right():
    tally, notes = score_article([incident(injured=0)], LABELS)
    assert (tally.expected, tally.found, tally.extracted, tally.correct) == (1, 1, 1, 1)
    assert (tally.casualties_stated, tally.casualties_right, tally.forbidden_hits) == (1, 1, 0)
    assert notes == []


def test_a_wrong_casualty_figure_is_counted_and_named():
    tally, notes = score_article([incident(injured=3)], LABELS)
    assert (tally.found, tally.casualties_stated, tally.casualties_right) == (1, 1, 0)
    assert notes == ["injured at Kazan: [3] instead of 0"]


def test_an_unstated_figure_is_not_checked():
    tally, _ = score_article([incident(killed=5, injured=0)], LABELS)
    assert (tally.casualties_stated, tally.casualties_right) == (1, 1)


def test_a_miss_and_an_incident_at_a_forbidden_place():
    tally, notes = score_article([incident(lat=41.02, lon=28.97, place="Istanbul")], LABELS)
    assert (tally.found, tally.correct, tally.extracted, tally.forbidden_hits) == (0, 0, 1, 1)
    assert notes[0] == "missed drone_strike at Kazan on 2024-12-21"
    assert "forbidden place Istanbul got an incident" in notes


def test_a_wrong_incident_far_from_forbidden_places_is_not_a_forbidden_hit():
    tally, _ = score_article([incident(lat=50.45, lon=30.52, place="Kyiv")], LABELS)
    assert (tally.correct, tally.forbidden_hits) == (0, 0)


def test_an_incident_near_two_forbidden_places_is_one_hit():
    labels = {**LABELS, "forbidden": [{"place": "Istanbul", "lat": 41.01, "lon": 28.95},
                                      {"place": "Fatih", "lat": 41.02, "lon": 28.94}]}
    tally, _ = score_article([incident(lat=41.015, lon=28.945)], labels)
    assert tally.forbidden_hits == 1


def test_one_incident_does_not_find_two_labels():
    twin = {**KAZAN, "place": "Kazan airport", "lat": 55.606, "lon": 49.279}  # 23 km from the city label
    labels = {**LABELS, "expected": [KAZAN, twin]}
    one, _ = score_article([incident()], labels)
    two, _ = score_article([incident(), incident(lat=55.606, lon=49.279)], labels)
    assert (one.found, one.correct) == (1, 1)
    assert (two.found, two.correct) == (2, 2)


def test_an_incident_without_a_readable_start_does_not_match():
    item = incident()
    object.__setattr__(item, "started_at", "unknown")
    assert not matches(item, KAZAN)


def test_evaluate_counts_a_crash_as_an_error_and_goes_on():
    articles = [Labelled("a_bad", "boom", LABELS), Labelled("b_good", "fine", {**LABELS, "language": "ru"})]

    def extract(text, published):
        if text == "boom":
            raise ValueError("the place and the reference are the same point")
        assert published == "2024-12-21"
        return [incident(injured=0)]

    result = evaluate(articles, extract)
    assert (result["articles"], result["errors"], result["expected"], result["recall"]) == (2, 1, 2, 0.5)
    assert result["notes"]["a_bad"][0] == "raised ValueError: the place and the reference are the same point"
    assert "b_good" not in result["notes"]
    assert result["by_language"]["en"]["errors"] == 1 and result["by_language"]["ru"]["recall"] == 1.0
    assert result["by_style"]["wire"]["articles"] == 2
    assert result["articles_per_second"] > 0


def test_figures_of_a_perfect_and_an_empty_extractor():
    articles = [Labelled("one", "text", LABELS)]
    perfect = evaluate(articles, lambda text, published: [incident(injured=0)])
    empty = evaluate(articles, lambda text, published: [])
    assert (perfect["recall"], perfect["precision"], perfect["casualty_accuracy"]) == (1.0, 1.0, 1.0)
    assert (empty["recall"], empty["precision"], empty["casualty_accuracy"]) == (0.0, None, None)


def test_load_corpus_pairs_each_text_with_its_labels(tmp_path):
    (tmp_path / "001_en_wire_b.txt").write_text("date 2024-12-21 second", encoding="utf-8")
    (tmp_path / "001_en_wire_b.json").write_text(json.dumps(LABELS), encoding="utf-8")
    (tmp_path / "000_ru_wire_a.txt").write_text("date 2024-12-21 первая", encoding="utf-8")
    (tmp_path / "000_ru_wire_a.json").write_text(json.dumps({**LABELS, "language": "ru"}), encoding="utf-8")
    articles = load_corpus(tmp_path)
    assert [(a.name, a.language, a.style, a.published) for a in articles] == [
        ("000_ru_wire_a", "ru", "wire", "2024-12-21"), ("001_en_wire_b", "en", "wire", "2024-12-21")]
    assert articles[0].text == "date 2024-12-21 первая"


def test_load_corpus_names_a_text_without_labels(tmp_path):
    (tmp_path / "000_en_wire_a.txt").write_text("text", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="000_en_wire_a.json"):
        load_corpus(tmp_path)
