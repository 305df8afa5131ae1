"""The extractor's speed: 1 MB of news text within a generous bound, time linear in length, and the faster patterns
(cues.led) finding exactly what the plain ones find."""

import re
import time

import pytest

from benchmarks.bench_extract import megabyte_article
from incidents.extraction import casualties, cues, dates, extract_incidents, sentences, site_rejections, site_roles
from incidents.extraction.sentences import split_clauses, split_sentences
from tests.incidents.extraction.golden_tools import article_paths

SAMPLES = [path.read_text(encoding="utf-8") for path in article_paths()]


def _cpu_seconds(text):
    start = time.process_time()
    extract_incidents(text)
    return time.process_time() - start


def test_one_megabyte_of_news_text_within_a_generous_bound():
    extract_incidents(SAMPLES[0])  # the gazetteer and the dictionaries load once per process, not per article
    big = megabyte_article(SAMPLES)
    assert len(big.encode("utf-8")) >= 1_000_000
    assert _cpu_seconds(big) < 30, "1 MB should take about 5 s of processor time (6.5 s before the patterns were led)"


def test_time_is_near_linear_in_length():
    quarter, half = megabyte_article(SAMPLES, 125_000), megabyte_article(SAMPLES, 250_000)
    extract_incidents(quarter)  # warm every per-name cache the repeated samples need
    small = min(_cpu_seconds(quarter) for _ in range(2))
    large = min(_cpu_seconds(half) for _ in range(2))
    assert large < 2.6 * small + 0.1, (small, large)  # twice the text: about twice the time


def test_one_long_sentence_of_names_is_linear_too():
    """Every look back from a name is bounded: a sentence of n names costs about n, not n squared."""
    def cost(n):
        return min(_cpu_seconds("date 2024-12-21\n" + "Kazan " * n) for _ in range(2))

    cost(500)
    small, large = cost(2_000), cost(8_000)
    assert large < 6 * small + 0.2, (small, large)  # four times the text: about four times the time (16 if quadratic)


@pytest.mark.parametrize("regex, first", [
    (r"\bab|cd", {"a", "c"}), (r"(?<![\w-])(?:x|yz)?w", {"x", "y", "w"}), (r"(?:\d+|one) killed", {r"\d", "o"}),
    (r"[a-c]x", {"a", "b", "c"}), (r"(?P<n>)\s+of", {r"\s"}),
])
def test_first_characters_of_a_pattern(regex, first):
    assert cues.first_chars(regex) == first


@pytest.mark.parametrize("regex", [r".x", r"a?", r"(?:ab)*", r"[^a]b", r"(?i:a)b", r"\Wa", ""])
def test_first_characters_unknown_leave_the_pattern_as_it_is(regex):
    assert cues.first_chars(regex) is None
    assert cues.led(re.compile(regex)).pattern == regex


def _texts():
    """Every sentence and clause of the samples, and the words before each of their characters (the windows the
    place rules search)."""
    out = []
    for article in SAMPLES:
        for sentence in split_sentences(article):
            out.append(sentence.text)
            out += [clause.text for clause in split_clauses(sentence)]
            out += [sentence.text[max(0, at - site_rejections.WINDOW):at] for at in range(0, len(sentence.text), 7)]
    return out


def _plain(compiled):
    """The pattern without the look-ahead cues.led put in front of it."""
    match = re.fullmatch(r"\(\?=\[[^\]]*\]\)\(\?:(.*)\)", compiled.pattern, re.DOTALL)
    return re.compile(match.group(1), compiled.flags) if match else compiled


LED = {
    **{f"cue {kind}": cues.scanner(kind) for kind in (*cues.EVENT_KINDS, "repelled", "retraction", "historical")},
    **{f"casualties {name} {n}": p for name, group in casualties._PATTERNS.items() for n, p in enumerate(group)},
    **{f"downed {n}": p for n, p in enumerate(casualties._DOWNED)},
    "site prepositions": site_roles.SITE_PREP, "strike verb": site_roles._STRIKE_VERB, "based in": site_rejections._BASED_IN,
    "clause breaks": sentences._CLAUSE_BREAK, "sentence ends": sentences._BOUNDARY, "explicit dates": dates._EXPLICIT, "weekdays": dates._WEEKDAY, "clock points": dates._POINT,
}


@pytest.mark.parametrize("name", sorted(LED))
def test_led_patterns_find_exactly_what_the_plain_ones_find(name):
    led = LED[name]
    plain = _plain(led)
    assert plain.pattern != led.pattern or cues.first_chars(plain.pattern, plain.flags) is None
    texts = _texts() + ["ſtruck Kazan", "STRUCK", "İnjured 3", "２ killed", "Strikes—hit"]
    for text in texts:
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_a_long_list_of_counts_and_regions_is_not_quadratic():
    """'сбиты дроны: 1, 2 — над Курской, 1, 2 — над Курской, …': the dash-count test, the elided district adjective,
    the 'downed over' test and the commemoration words look near the mention or once per sentence (22 s for 40 KB before)."""
    def cost(n):
        return min(_cpu_seconds("date 2024-12-21\nСбиты дроны: " + "1, 2 — над Курской, " * n + ".") for _ in range(2))

    cost(100)
    small, large = cost(250), cost(1_000)
    assert large < 9 * small + 0.3, (small, large)  # four times the text: about four times the time (16 if quadratic)


@pytest.mark.parametrize("unit", [
    pytest.param(lambda n: "Сбиты дроны: " + "1 " * n + "— над Курской " * n, id="numbers-then-regions"),
    pytest.param(lambda n: "Drones struck " + "Kazan and Izhevsk and Saratov, " * n, id="one-clause-of-places"),
])
def test_a_sentence_of_thousands_of_clauses_and_places_is_not_quadratic(unit):
    """Each mention's clause, each clause's sites and a site's owner are found by position, not by a scan of every
    clause or site (a 128 KB run of numbers and regions took 29 s; 1,000 listed towns took 2.2 s, 2,000 took 6.8 s)."""
    def cost(n):
        return min(_cpu_seconds("date 2024-12-21\n" + unit(n) + ".") for _ in range(2))

    cost(100)
    small, large = cost(500), cost(2_000)
    assert large < 7 * small + 0.3, (small, large)  # four times the text: about four times the time (16 if quadratic)
