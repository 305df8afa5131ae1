"""Read counts written in digits or English words ("six", "twenty-one", "1,200", "a man")."""

from __future__ import annotations

import json
import re
from pathlib import Path

from incidents.extraction import morphology
from incidents.extraction.cues import grouped

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "both": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12,
    "couple": 2,
}
_TIMES = ("dozen", "couple")  # "a dozen", "two dozen", "a couple": multiplied, not added
# Russian and Ukrainian count words ("двое", "двоє", "дюжина") as data: lexicons/number_words.json.
_LISTED = {word: value for word, value in json.loads((Path(__file__).resolve().parent / "lexicons" / "number_words.json")
                                                      .read_text(encoding="utf-8")).items() if not word.startswith("_")}


def _russian_cases(words: dict[str, int]) -> dict[str, int]:
    """Every case of the Russian numerals listed ("два" -> "двух", "двум", "двумя"; "трое" -> "троих"), read from
    pymorphy3's dictionary, "ё" also written "е" ("трёх", "трех"), a form first read as another word left out; the
    listed words keep their values."""
    out = dict(words)
    for word, value in words.items():
        parse = next((p for p in morphology.parses(word) if p.tag.POS == "NUMR" and p.normal_form == word), None)
        for form in (f.word for f in parse.lexeme) if parse is not None else ():
            if morphology.parses(form)[0].tag.POS != "NUMR":
                continue  # "семью" is first the family, not seven
            for spelling in (form, form.replace("ё", "е")):
                out.setdefault(spelling, value)
    return out


_SLAVIC = _russian_cases(_LISTED)
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORDS = "|".join(sorted(list(_UNITS) + list(_TENS) + list(_SLAVIC), key=len, reverse=True))  # count words, longest first

_GROUPED_WORDS = grouped(WORDS.split("|"))  # the same alternation, faster to search
# The Russian and Ukrainian count words alone, every case ("пяти", "двадцяти"), for figures written before a unit.
SLAVIC_WORDS = grouped(sorted(_SLAVIC, key=len, reverse=True))

# One count: digits ("1,200"), "twenty-one", "a dozen", "two hundred", "six".
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{_GROUPED_WORDS})(?:[- ](?:{_GROUPED_WORDS}))?(?: hundred)?))"
)
_NUMBER_RE = re.compile(rf"^{NUMBER}$", re.IGNORECASE)


def to_int(text: str) -> int | None:
    """The integer a count phrase means, or None when it is not a count."""
    words = text.strip().lower()
    if not _NUMBER_RE.match(words):
        return None
    if re.fullmatch(r"[\d,]+", words):
        return int(words.replace(",", ""))
    if words in _SLAVIC:
        return _SLAVIC[words]
    total = 0
    for part in re.split(r"[- ]", words):
        if part == "hundred":
            total = max(total, 1) * 100
        elif part in _TENS:
            total += _TENS[part]
        elif part in _UNITS:
            total = _UNITS[part] * max(total, 1) if part in _TIMES and total else total + _UNITS[part]
    return total
