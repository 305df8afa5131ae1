"""What the extractor remembers per text (cues, mentions, counts, dates) gives what a fresh reading gives, and the cue
gates derived from the lexicon let every lexicon word through, a word added later too."""

import re

import pytest

from incidents.extraction import casualties, cues, dates, places
from incidents.extraction.sentences import Sentence, split_clauses, split_sentences
from tests.incidents.extraction.golden_tools import article_paths

SAMPLES = [path.read_text(encoding="utf-8") for path in article_paths()]


def _lower_words(text):
    return frozenset(re.findall(r"\b[a-z][\w'’-]*", text))  # as the reader collects them


def test_remembered_mentions_are_those_of_a_fresh_reading_at_the_sentence_offsets():
    for text in SAMPLES:
        words = _lower_words(text)
        for sentence in split_sentences(text):
            fresh = places.mentions_in(sentence, words)
            assert places.find_mentions(sentence, words) == fresh, sentence.text
            assert places.find_mentions(sentence, words) == fresh, sentence.text  # the second time from memory
            moved = Sentence(sentence.text, sentence.start + 1000, sentence.end + 1000, sentence.index + 7, sentence.heading)
            assert places.find_mentions(moved, words) == places.mentions_in(moved, words), sentence.text


def test_a_remembered_sentence_follows_the_words_of_each_article():
    """'Bor' opening a sentence is a common word only in an article that also writes 'bor' in lower case."""
    sentence = split_sentences("Bor was hit overnight by drones.")[0]
    plain = places.find_mentions(sentence, frozenset())
    common = places.find_mentions(sentence, frozenset({"bor"}))
    assert plain == places.mentions_in(sentence, frozenset()) and common == places.mentions_in(sentence, frozenset({"bor"}))
    assert [m.reason for m in plain] != [m.reason for m in common]
    assert places.find_mentions(sentence, frozenset()) == plain  # both readings kept


def test_remembered_answers_are_copies_the_caller_may_change():
    text = "Two people were killed and three injured when drones struck Kursk at 03:40 on Monday."
    found = cues.find_cues(text)
    found.clear()
    assert cues.find_cues(text)
    counts = casualties.find_casualties(text)
    counts.pop("killed")
    assert "killed" in casualties.find_casualties(text)
    times = dates.find_times(text)
    times.clear()
    assert dates.find_times(text)
    sentence = split_sentences(text)[0]
    mentions = places.find_mentions(sentence, frozenset())
    mentions[0].reason = "changed"
    assert places.find_mentions(sentence, frozenset())[0].reason != "changed"


@pytest.mark.parametrize("regex, pieces", [
    (r"(?<![\w-])drones?(?![\w-])", {"drone"}),
    (r"shot down|intercepted", {"shot down", "intercepted"}),
    (r"(?:were|was) (?:\w+ly )?repelled", {"repelled"}),
    (r"air defen[cs]es?", {"air defence", "air defense"}),
    (r"STRUCK", {"struck"}), (r"\w+ed", {"ed"}),
])
def test_pieces_every_match_needs(regex, pieces):
    assert cues.required_pieces(regex, re.IGNORECASE) == pieces


@pytest.mark.parametrize("regex", [r"\w+e", r"a|bc", r"(?:x)?y", r"[a-z]{3}", r"(\w)\1"])
def test_pieces_unknown_or_too_short_give_no_gate(regex):
    assert cues.required_pieces(regex, re.IGNORECASE) is None


def _gated():
    """Every gated pattern of find_cues with its gate: the event kinds and the shields."""
    out = [(cues.scanner(kind), cues.gate(kind, hand)) for kind, hand in cues._TRIGGERS.items()]
    return out + [(shield, cues.gate_of(shield, hand)) for shield, hand in cues._shields()]


def test_a_gate_never_hides_a_match_of_its_pattern():
    """On every sentence and clause of the samples, and on letters the regex engine folds beyond str.lower."""
    texts = [s.text for t in SAMPLES for s in split_sentences(t)]
    texts += [c.text for t in SAMPLES for s in split_sentences(t) for c in split_clauses(s)]
    texts += ["ſtarted a blaze", "aİrport closed", "shot ᲁown", "ДРОНЫ СБИТЫ", "started a blaze at the depot",
              "ПВО СБИЛИ НАД Брянском", "the sanctions package targets a shipyard", "drones could hit the capital"]
    for compiled, pieces in _gated():
        assert pieces, compiled.pattern  # every gate is known: none of these patterns runs on every text
        for text in texts:
            if compiled.search(text):
                assert cues.may_match(text.lower(), pieces), (compiled.pattern[:60], text)


@pytest.fixture
def lexicon_with(monkeypatch):
    """The cue lexicon with words added to some entries, the compiled patterns and remembered cues rebuilt from it."""
    def forget():
        for cached in (cues.pattern, cues.scanner, cues._gate, cues._cues_in, cues._gated_kinds, cues._gated_shields):
            cached.cache_clear()

    def add(**words):
        table = {name: list(value) if isinstance(value, list) else value for name, value in cues.lexicon().items()}
        for name, added in words.items():
            table[name] = table[name] + added
        monkeypatch.setattr(cues, "lexicon", lambda: table)
        forget()

    yield add
    monkeypatch.undo()
    forget()


def test_a_word_added_to_the_lexicon_is_found_though_no_hand_picked_piece_is_in_it(lexicon_with):
    text = "A no-fly order covered Zhytomyr while smouldering ruins were seen in Kyiv."
    assert not cues.mentions_any(text.lower(), cues._TRIGGERS["restriction"])  # the hand-picked pieces alone miss it
    assert not cues.mentions_any(text.lower(), cues._TRIGGERS["damage"])
    assert not {c.kind for c in cues.find_cues(text)} & {"restriction", "damage"}
    lexicon_with(restriction=["no-fly orders?"], damage=[r"smoulder\w*"])
    found = {(c.kind, c.text) for c in cues.find_cues(text)}
    assert ("restriction", "no-fly order") in found and ("damage", "smouldering") in found


@pytest.mark.parametrize("start, end, expected", [(0, 5, False), (5, 11, True), (11, 20, False), (11, 21, True), (21, 30, False),
                                                  (40, 41, True), (41, 99, False)])
def test_a_place_named_again_is_found_in_a_clause_by_binary_search(start, end, expected):
    from incidents.extraction.reader_facts import _named_within

    named_at = (10, 20, 40)
    assert _named_within(named_at, start, end) is expected
    assert expected is any(start <= at < end for at in named_at)  # what the scan it replaces gave
