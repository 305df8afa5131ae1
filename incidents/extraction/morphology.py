"""Russian and Ukrainian inflection through pymorphy3: the dictionary forms a word may stand for, and common words."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

# Parts of speech that are never a place name on their own ("Про", "Ранен", "Силами ПВО": a preposition, a participle...).
_NOT_NAMES = {"PREP", "CONJ", "PRCL", "INTJ", "PRTS", "PRTF", "VERB", "INFN", "GRND", "ADVB", "NPRO", "PRED", "COMP", "NUMR"}
_NAME_TAGS = ("Geox", "Name", "Surn", "Patr", "Orgn", "Trad")


@cache
def analyser(language: str) -> Any:
    """The pymorphy3 analyser for 'ru' or 'uk' (dictionaries from pymorphy3-dicts-ru / -uk)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


@lru_cache(maxsize=8192)
def lemmas(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(toponym lemmas, other lemmas) of a Cyrillic word in both languages, title-cased: the Russian dictionary marks
    toponyms (Geox) and is trusted first; every other reading is only a candidate (the Ukrainian one reads "Харкові" as
    "харко"), to be checked against the gazetteer."""
    toponyms: list[str] = []
    others: list[str] = []
    for language in ("ru", "uk"):
        for parse in analyser(language).parse(word):
            lemma = _title(parse.normal_form)
            target = toponyms if "Geox" in parse.tag.grammemes else others
            if lemma not in target:
                target.append(lemma)
    return tuple(toponyms), tuple(o for o in others if o not in toponyms)


@lru_cache(maxsize=8192)
def is_common_word(word: str) -> bool:
    """True when a capitalised Cyrillic word is an ordinary word here (a preposition, a verb form, a common noun the
    Russian dictionary knows and never as a toponym or a name)."""
    if not is_cyrillic(word) or len(word) < 2:
        return False
    for language in ("ru", "uk"):
        if not analyser(language).word_is_known(word.lower()):
            continue  # a guess from the word's ending, not a dictionary reading
        parses = analyser(language).parse(word)
        if any(tag in parse.tag.grammemes for parse in parses for tag in _NAME_TAGS):
            return False
        best = parses[0]
        if best.tag.POS in _NOT_NAMES and best.score >= 0.3:
            return True
        if language == "ru" and best.tag.POS == "NOUN":
            return True  # the Russian dictionary marks toponyms; a known noun without the mark is a common noun
    return False


def _title(lemma: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))
