"""The pure text readers: sentences with offsets, dates and times, counts, distance claims."""

from datetime import date, time

import pytest

from incidents.extraction.casualties import find_casualties, find_downed
from incidents.extraction.claims import find_claims
from incidents.extraction.dates import find_dates, find_times, old_years, read_header
from incidents.extraction.numbers import to_int
from incidents.extraction.sentences import split_clauses, split_sentences

PUBLISHED = date(2024, 12, 21)  # a Saturday


def test_sentences_keep_offsets_and_abbreviations():
    text = "Heading Here\nDrones hit the U.S. embassy area. Mr. Smith said so! Then: more.\n\nLast one"
    found = split_sentences(text)
    assert [s.text for s in found] == ["Heading Here", "Drones hit the U.S. embassy area.", "Mr. Smith said so!",
                                       "Then: more.", "Last one"]
    assert all(text[s.start:s.end] == s.text for s in found)
    assert found[0].heading and not found[1].heading


def test_clauses_split_before_subordinate_words_only():
    [sentence] = split_sentences("Drones hit Kazan, Russia, while restrictions in Saratov were lifted; Kyiv was silent.")
    assert [c.text for c in split_clauses(sentence)] == ["Drones hit Kazan, Russia", "while restrictions in Saratov were lifted",
                                                          "Kyiv was silent."]


def test_header_gives_the_publication_date():
    assert read_header(" date 2024-12-21 Ukrainian drones") == (date(2024, 12, 21), 16)
    assert read_header("Drones struck") == (None, 0)


@pytest.mark.parametrize("text, day", [
    ("on Saturday", date(2024, 12, 21)),
    ("early on Monday", date(2024, 12, 16)),
    ("last night", date(2024, 12, 20)),
    ("yesterday", date(2024, 12, 20)),
    ("on December 19", date(2024, 12, 19)),
    ("on 19 December", date(2024, 12, 19)),
    ("on 3 March 2025", date(2025, 3, 3)),
    ("20 декабря", date(2024, 12, 20)),
])
def test_dates_resolve_against_publication(text, day):
    assert [m.day for m in find_dates(text, PUBLISHED)] == [day]


def test_weekdays_need_a_publication_date():
    assert find_dates("on Saturday", None) == []


def test_old_years_mark_history():
    assert old_years("the September 11, 2001, attacks; the 2024 strikes", PUBLISHED) == [(18, 22)]


@pytest.mark.parametrize("text, begin, finish, zone, precision", [
    ("between 7:40 am and 9:20 am local time", time(7, 40), time(9, 20), None, "minute"),
    ("from 11 pm to 2 am", time(23), time(2), None, "hour"),
    ("at about 3:30 a.m. Moscow time", time(3, 30), None, "Europe/Moscow", "minute"),
    ("at 04:15", time(4, 15), None, None, "minute"),
    ("between midnight and 6 a.m.", time(0), time(6), None, "hour"),
])
def test_times(text, begin, finish, zone, precision):
    [found] = find_times(text)
    assert (found.begin, found.finish, found.zone, found.precision) == (begin, finish, zone, precision)


@pytest.mark.parametrize("text", ["between 2 and 5 people", "at 5 percent", "killed at least 7"])
def test_numbers_that_are_not_times(text):
    assert find_times(text) == []


@pytest.mark.parametrize("text, killed, injured", [
    ("causing no casualties", 0, 0),
    ("no casualties were reported", 0, 0),
    ("nobody was hurt", 0, 0),
    ("killing three servicemen and injuring four", 3, 4),
    ("Two people were killed and 11 injured", 2, 11),
    ("At least 14 people, including three children, were killed and 40 wounded", 14, 40),
    ("a 72-year-old man was killed", 1, None),
    ("killing the driver", 1, None),
    ("The death toll rose to 23", 23, None),
    ("there were no immediate reports of casualties", None, None),
    ("nearly 3,000 lives were lost in 2001", None, None),
    ("the strike hit a warehouse", None, None),
])
def test_casualties(text, killed, injured):
    found = {name: count.value for name, count in find_casualties(text).items()}
    assert (found.get("killed"), found.get("injured")) == (killed, injured)


@pytest.mark.parametrize("text, count", [
    ("six drones were neutralized or destroyed during the attack", 6),
    ("air defences shot down 20 drones over the region", 20),
    ("destroyed twenty-one Ukrainian drones", 21),
    ("shot down 102 missiles", None),
])
def test_downed_drones(text, count):
    found = find_downed(text)
    assert (found.value if found else None) == count


@pytest.mark.parametrize("text, value", [("six", 6), ("twenty-one", 21), ("1,200", 1200), ("a dozen", 12), ("lots", None)])
def test_number_words(text, value):
    assert to_int(text) == value


def test_distance_claims_prefer_the_kilometres_given():
    [claim] = find_claims("located approximately 500 miles (800 km) east of Moscow")
    assert claim.claimed_km == 800.0 and claim.claimed_text == "approximately 500 miles (800 km) east of"
    [miles] = find_claims("some 100 miles from Kyiv")
    assert miles.claimed_km == 160.9
    assert find_claims("a 500-mile journey") == []
