"""Russian and Ukrainian inflection: the dictionary forms a word may stand for (pymorphy3 for Russian, simplemma for
Ukrainian, both MIT-licensed), and the Russian dictionary's common words."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

# Parts of speech that are never a place name on their own ("Про", "Ранен", "Силами ПВО": a preposition, a participle...).
_PRONOUN_OR_NUMBER = {"Apro", "Anum"}  # "один", "весь", "этот", "первый": pronoun-like and ordinal adjectives
_NOT_NAMES = {"PREP", "CONJ", "PRCL", "INTJ", "PRTS", "PRTF", "VERB", "INFN", "GRND", "ADVB", "NPRO", "PRED", "COMP", "NUMR"}
_NAME_TAGS = ("Geox", "Name", "Surn", "Patr", "Orgn", "Trad")


@cache
def analyser() -> Any:
    """The pymorphy3 analyser for Russian (dictionary from pymorphy3-dicts-ru)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=16384)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word, read once (the same word is asked for its lemmas, whether it is common, a
    plural town...)."""
    return tuple(analyser().parse(word))


@lru_cache(maxsize=16384)
def is_known(word: str) -> bool:
    """pymorphy3's word_is_known, remembered."""
    return analyser().word_is_known(word)


def ukrainian_lemma(word: str) -> str:
    """simplemma's Ukrainian dictionary form ("Харкові" -> "Харків"); the word itself when it knows none."""
    import simplemma

    return simplemma.lemmatize(word, lang="uk")


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def is_cyrillic(word: str) -> bool:
    """True when the word has a Cyrillic letter (one search, no generator per word: it is asked for every token)."""
    return _CYRILLIC.search(word) is not None


@lru_cache(maxsize=8192)
def lemmas(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(toponym lemmas, other lemmas) of a Cyrillic word, title-cased: the Russian dictionary marks toponyms (Geox) and
    is trusted first; every other reading, the Ukrainian one included, is only a candidate to be checked against the
    gazetteer."""
    toponyms: list[str] = []
    others: list[str] = []
    for parse in parses(word):
        lemma = _title(parse.normal_form)
        target = toponyms if "Geox" in parse.tag.grammemes else others
        if lemma not in target:
            target.append(lemma)
    ukrainian = _title(ukrainian_lemma(word))
    if ukrainian not in toponyms and ukrainian not in others:
        others.append(ukrainian)
    return tuple(toponyms), tuple(o for o in others if o not in toponyms)


@lru_cache(maxsize=8192)
def dictionary_lemmas(word: str) -> tuple[str, ...]:
    """The lemmas of a Cyrillic word that a dictionary gives ("Вінниці" -> "Вінниця"), title-cased: pymorphy3's when
    its Russian dictionary knows the word, simplemma's when its Ukrainian one does; no guess for an unknown word."""
    import simplemma

    lower = word.lower()
    out = [_title(parse.normal_form) for parse in parses(word)] if is_known(lower) else []
    if simplemma.is_known(lower, lang="uk"):
        out.append(_title(ukrainian_lemma(word)))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def is_common_word(word: str) -> bool:
    """True when a capitalised Cyrillic word is an ordinary word here (a preposition, a verb form, a common noun the
    Russian dictionary knows and never as a toponym or a name). A word only Ukrainian knows is common when simplemma
    reads it as an inflected verb or noun for people (_ukrainian_common); other Ukrainian words go to the gazetteer."""
    if not is_cyrillic(word) or len(word) < 2:
        return False
    if not is_known(word.lower()):
        return _ukrainian_common(word)  # unknown in Russian
    readings = parses(word)
    if any(tag in parse.tag.grammemes for parse in readings for tag in _NAME_TAGS):
        return False
    best = readings[0]
    if _PRONOUN_OR_NUMBER & best.tag.grammemes:
        return True  # "Одна людина загинула": "один" is a numeral adjective (and Odin a town in Illinois)
    # the dictionary marks toponyms: a known noun without the mark is a common noun
    return (best.tag.POS in _NOT_NAMES and best.score >= 0.3) or best.tag.POS == "NOUN"


def _ukrainian_common(word: str) -> bool:
    """'Росіяни', 'Окупанти', 'Мешканці', 'Збивали': an inflected form simplemma knows whose lemma is a common word
    ('росіянин', 'збивати'). Names keep a capitalised lemma ('Харкові' -> 'Харків') and uninflected words stay
    candidates ('Щастя'), so places are left to the gazetteer check. (pymorphy3's Ukrainian dictionary is GPL-3.0 and
    is not used.)"""
    import simplemma

    lower = word.lower()
    if not simplemma.is_known(lower, lang="uk"):
        return False
    lemma = simplemma.lemmatize(word, lang="uk")
    return lemma[:1].islower() and lemma != lower and lemma.endswith(_VERB_OR_PERSON)


# Lemma endings of verbs ('збивати', 'атакуватися') and nouns for people ('мешканець', 'росіянин', 'окупант',
# 'рятувальник', 'водій'): simplemma gives no part of speech, so only these readings make a word common.
_VERB_OR_PERSON = ("ти", "тися", "ець", "анин", "янин", "ант", "ент", "ник", "ач", "ій", "іст")


_UK_TO_RU = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "", "’": ""})


@lru_cache(maxsize=4096)
def singular_person(word: str) -> bool:
    """'машиніста', 'охранник', 'сторож': the Russian dictionary's first reading (of the word, else of its Ukrainian
    letters spelled as Russian ones) is one person: an animate singular noun, no name."""
    lower = word.lower()
    for form in dict.fromkeys((lower, lower.translate(_UK_TO_RU))):
        if is_known(form):
            best = parses(form)[0]
            grammemes = best.tag.grammemes
            return (best.tag.POS == "NOUN" and "anim" in grammemes and "plur" not in grammemes
                    and not any(tag in grammemes for tag in _NAME_TAGS))
    return False


@lru_cache(maxsize=4096)
def is_surname(word: str) -> bool:
    """'Федоров', 'Терехов', 'Прокудін': the first reading (of the word, else of its Ukrainian letters spelled as Russian
    ones) is a surname, never a toponym."""
    lower = word.lower()
    for form in dict.fromkeys((lower, lower.translate(_UK_TO_RU))):
        if is_known(form):
            readings = parses(form)
            return "Surn" in readings[0].tag.grammemes and not any("Geox" in p.tag.grammemes for p in readings)
    return False


def _title(lemma: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))
