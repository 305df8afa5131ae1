"""The extractor's fast paths give exactly the answers of what they replace: dateparser, langid's feature vector,
the languages of rejected mentions, the airports near a point."""

from __future__ import annotations

import random
from datetime import date, datetime, time

import dateparser
import numpy as np
import pytest

from geodata.gazetteer import get_gazetteer
from incidents.extraction import extract_geojson, language
from incidents.extraction.day_reading import UNREAD, read_day
from incidents.extraction.langid_features import DEPTH, Features, classify

MONTHS = ["January", "Feb", "march", "APRIL", "May", "Sept", "Oct.", "december", "марта", "Березня", "листопада", "ДЕКАБРЯ"]


def _dateparser(text: str, published: date) -> date | None:
    settings = {"RELATIVE_BASE": datetime.combine(published, time(12)), "PREFER_DATES_FROM": "past",
                "REQUIRE_PARTS": ["day", "month"]}
    parsed = dateparser.parse(text, languages=["en", "ru", "uk"], settings=settings)
    return parsed.date() if parsed else None


def _day_texts(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        month, day = rng.choice(MONTHS), rng.choice([1, 2, 3, 9, 11, 22, 28, 29, 30, 31])
        year = rng.choice(["", " 2024", ", 2023"])
        slavic = not month.rstrip(".").isascii()
        if slavic:
            out.append(f"{day} {month}{year.replace(',', '')}")
        else:
            suffix = rng.choice(["", {1: "st", 2: "nd", 3: "rd", 22: "nd"}.get(day, "th")])
            out.append(rng.choice([f"{month} {day}{suffix}{year}", f"{day}{suffix} {month}{year}", f"{day} of {month}{year}"]))
    return out + ["2024-02-29", "2023-12-31", "2th March", "29 February", "31 April"]


def test_days_read_without_dateparser_are_the_days_dateparser_reads():
    rng = random.Random(7)
    published = [date(2025, 4, 8), date(2024, 3, 1), date(2024, 2, 29), date(2026, 1, 2), date(2023, 12, 31)]
    read = 0
    for text in _day_texts(rng, 120):
        day = rng.choice(published)
        fast = read_day(text, day)
        if fast is not UNREAD:
            read += 1
            assert fast == _dateparser(text, day), (text, day)
    assert read >= 60  # the fast path is taken for the common forms


def test_days_it_cannot_tell_are_left_to_dateparser():
    assert read_day("2th March", date(2025, 4, 8)) is UNREAD
    assert read_day("29 February", date(2025, 4, 8)) is UNREAD  # no such day in 2025
    assert read_day("March  5", date(2025, 4, 8)) is UNREAD  # two spaces: not a form it reads
    assert read_day("5 March", date(2025, 4, 8)) == date(2025, 3, 5)
    assert read_day("9 April", date(2025, 4, 8)) == date(2024, 4, 9)  # a day after publication: the year before


@pytest.fixture(scope="module")
def identifier():
    return language._identifier()


def test_langid_features_are_langids_own(identifier):
    features = Features(identifier)
    assert features.exact  # the automaton is no deeper than DEPTH
    rng = random.Random(3)
    letters = "abc xyzабвгдеёжіїєґ ,.!1日é"
    texts = ["", "a", "ab", "abc", "abcd" * DEPTH, "У Харкові уламки дрона пошкодили будинок.",
             "В Курске обломки беспилотника повредили дом.", "Drones struck Kazan and Izhevsk overnight."]
    texts += ["".join(rng.choice(letters) for _ in range(rng.randint(0, 80))) for _ in range(200)]
    for text in texts:
        assert np.array_equal(features(text), identifier.instance2fv(text)), text
        assert classify(identifier, features, text) == identifier.classify(text), text


def test_rejected_mentions_keep_their_language_and_key_order():
    text = ("date 2025-06-01 Officials in Moscow met. Делегації мали зустрітися у Стамбулі. "
            "Чиновники в Москве пообещали усилить ПВО.")
    rejected = extract_geojson(text, explain=True)["explain"]["rejected"]
    assert [(item["text"], item["language"]) for item in rejected] == [("Moscow", "en"), ("Стамбул", "uk"), ("Москва", "ru")]
    assert all(list(item) == ["text", "start", "end", "sentence", "language", "reason"] for item in rejected)


def test_airports_near_are_every_airport_within_reach_nearest_first():
    gazetteer = get_gazetteer()
    rows = gazetteer.airport_rows
    for lat, lon in ((55.6, 49.3), (50.45, 30.52), (0.0, 0.0)):
        lat1, lon1 = np.radians(lat), np.radians(lon)
        lat2, lon2 = np.radians(gazetteer.index.lat[rows]), np.radians(gazetteer.index.lon[rows])
        a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
        distance = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
        expected = [gazetteer.place(int(rows[i])) for i in np.argsort(distance) if distance[i] <= 150]
        assert gazetteer.airports_near(lat, lon, 150) == expected
