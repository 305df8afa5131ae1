"""Russian and Ukrainian inflection: the dictionary forms a word may stand for (pymorphy3 for Russian, simplemma for
Ukrainian, both MIT-licensed), and the Russian dictionary's common words."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

# Parts of speech that are never a place name on their own ("Про", "Ранен", "Силами ПВО": a preposition, a participle...).
_NOT_NAMES = {"PREP", "CONJ", "PRCL", "INTJ", "PRTS", "PRTF", "VERB", "INFN", "GRND", "ADVB", "NPRO", "PRED", "COMP", "NUMR"}
_NAME_TAGS = ("Geox", "Name", "Surn", "Patr", "Orgn", "Trad")


@cache
def analyser() -> Any:
    """The pymorphy3 analyser for Russian (dictionary from pymorphy3-dicts-ru)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def ukrainian_lemma(word: str) -> str:
    """simplemma's Ukrainian dictionary form ("Харкові" -> "Харків"); the word itself when it knows none."""
    import simplemma

    return simplemma.lemmatize(word, lang="uk")


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


@lru_cache(maxsize=8192)
def lemmas(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(toponym lemmas, other lemmas) of a Cyrillic word, title-cased: the Russian dictionary marks toponyms (Geox) and
    is trusted first; every other reading, the Ukrainian one included, is only a candidate to be checked against the
    gazetteer."""
    toponyms: list[str] = []
    others: list[str] = []
    for parse in analyser().parse(word):
        lemma = _title(parse.normal_form)
        target = toponyms if "Geox" in parse.tag.grammemes else others
        if lemma not in target:
            target.append(lemma)
    ukrainian = _title(ukrainian_lemma(word))
    if ukrainian not in toponyms and ukrainian not in others:
        others.append(ukrainian)
    return tuple(toponyms), tuple(o for o in others if o not in toponyms)


@lru_cache(maxsize=8192)
def is_common_word(word: str) -> bool:
    """True when a capitalised Cyrillic word is an ordinary word here (a preposition, a verb form, a common noun the
    Russian dictionary knows and never as a toponym or a name). Ukrainian-only words are left to the gazetteer check."""
    if not is_cyrillic(word) or len(word) < 2:
        return False
    if not analyser().word_is_known(word.lower()):
        return _ukrainian_common(word)  # unknown in Russian: a guess from the word's ending unless Ukrainian knows it
    parses = analyser().parse(word)
    if any(tag in parse.tag.grammemes for parse in parses for tag in _NAME_TAGS):
        return False
    best = parses[0]
    # the dictionary marks toponyms: a known noun without the mark is a common noun
    return (best.tag.POS in _NOT_NAMES and best.score >= 0.3) or best.tag.POS == "NOUN"


@cache
def ukrainian_analyser() -> Any:
    """The pymorphy3 analyser for Ukrainian (dictionary from pymorphy3-dicts-uk); it marks no toponyms."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def _ukrainian_common(word: str) -> bool:
    """'Росіяни', 'Окупанти', 'Мешканці', 'Збивали', 'Водночас': every Ukrainian reading is a verb, an adverb, a
    conjunction... or a noun for people that is no name. The Ukrainian dictionary marks no toponyms, so an inanimate
    noun ("Ковель", "Щастя") stays a candidate place."""
    if not ukrainian_analyser().word_is_known(word.lower()):
        return False
    return all(parse.tag.POS in _NOT_NAMES or (parse.tag.POS == "NOUN" and "anim" in parse.tag.grammemes
                                                and not any(tag in parse.tag.grammemes for tag in _NAME_TAGS))
               for parse in ukrainian_analyser().parse(word))


@lru_cache(maxsize=4096)
def singular_person(word: str) -> bool:
    """'машиніста', 'охранник', 'сторож': the dictionary's first reading is one person (an animate singular noun, no
    name); Russian first, else Ukrainian."""
    lower = word.lower()
    for known in (analyser(), ukrainian_analyser()):
        if known.word_is_known(lower):
            best = known.parse(lower)[0]
            grammemes = best.tag.grammemes
            return (best.tag.POS == "NOUN" and "anim" in grammemes and "plur" not in grammemes
                    and not any(tag in grammemes for tag in _NAME_TAGS))
    return False


def _title(lemma: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))
