"""Alternations grouped by first letter (cues.grouped) find exactly what the plain alternations find, in the same order."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from incidents.extraction import cues
from incidents.extraction.numbers import WORDS
from incidents.extraction.sentences import split_clauses, split_sentences
from tests.incidents.extraction.golden_tools import article_paths

TRICKY = ["ſtruck Kazan", "STRUCK", "İnjured 3", "２ killed", "Strikes—hit", "\u212aILLED two", "БПЛА бпла Бпла", "a an one"]


def _texts():
    out = list(TRICKY)
    for path in article_paths():
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            out += [sentence.text] + [clause.text for clause in split_clauses(sentence)]
    return out


def _found(pattern, texts):
    return [[(m.span(), m.groups()) for m in pattern.finditer(text)] for text in texts]


def test_a_word_list_is_grouped_by_first_letter():
    assert cues.grouped(["shot down", "suppressed", "downed"]) == "s(?:hot down|uppressed)|downed"
    assert cues.grouped(["Шахед", "шахеды", "дрон"]) == "Ш(?:ахед|ахеды)|дрон"
    assert (cues.grouped([r"(?<![\w-])пожар\w*", "burning", r"(?<![\w-])пошкоджен\w*"])
            == r"(?<![\w-])п(?:ожар\w*|ошкоджен\w*)|burning")


def test_fragments_that_cannot_be_told_apart_keep_the_plain_alternation():
    assert cues.grouped([r"\w+ly", "struck"]) == r"\w+ly|struck"  # \w may open it: any letter
    assert cues.grouped(["(hit)", "struck"]) == "(hit)|struck"  # a capturing group would be renumbered
    assert cues.grouped(["hit", "hits"]) == "hit|hits"  # one group only: nothing to gain


def test_every_lexicon_list_and_the_count_words_find_the_same_matches():
    texts = _texts()
    lists = {name: value for name, value in cues.lexicon().items()
             if isinstance(value, list) and value and all(isinstance(w, str) for w in value)}
    lists["count words"] = WORDS.split("|")
    for name, fragments in lists.items():
        fragments = [f"(?:{f})" if cues._top_level_bar(f) else f for f in fragments]
        plain = re.compile("|".join(fragments), re.IGNORECASE)
        fast = re.compile(cues.grouped(fragments), re.IGNORECASE)
        assert _found(fast, texts) == _found(plain, texts), name


_PIECES = ["a", "an", "ab", "abc", "b", "ba", "A", "Ab", r"(?<![\w-])ab", r"(?<!x)a", "a(?:b|c)?", "(?:x|y)a", r"\d+",
           r"\d a", "1a", "ſa", "sa", "Sa", "\u212aa", "ka", "б", "Бв", "бв", r"a\w*", "(?:ab)?c", "b|a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8),
       st.text(alphabet="aAbBcxyksSſ\u212a1 бБв-", max_size=30), st.booleans())
def test_grouped_alternation_matches_the_plain_one(fragments, text, ignorecase):
    flags = re.IGNORECASE if ignorecase else 0
    fragments = [f"(?:{f})" if cues._top_level_bar(f) else f for f in fragments]
    plain = re.compile(rf"(?:{'|'.join(fragments)})(?P<after>\w*)", flags)
    fast = re.compile(rf"(?:{cues.grouped(fragments, flags)})(?P<after>\w*)", flags)
    assert _found(fast, [text]) == _found(plain, [text])
