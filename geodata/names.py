"""Name normalisation: case, diacritics, apostrophes, soft signs, Cyrillic transliteration and spelling variants."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic letters (Russian, Ukrainian, Belarusian) to Latin; soft and hard signs vanish.
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
# Marks that stand for apostrophes or soft/hard signs in romanised names (Ryazan', Ryazan’, Ryazanʹ).
APOSTROPHES = "'’‘ʼʹʺ`´\""
_TRANSLATE = str.maketrans({**CYRILLIC, **{mark: "" for mark in APOSTROPHES}})
# Spelling variants folded to one form, applied in order to the romanised text.
_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?:iy|yy|ii|yi|ij|y)\b", "i"),  # Nizhniy / Nizhny / Nizhnii
        (r"yy(?=e)", "y"),  # Naberezhnyye / Naberezhnye
        (r"yo", "e"),  # Oryol / Orel, Fyodorovka / Fedorovka
        (r"ye", "e"),  # Yelabuga / Elabuga, Yeysk / Eysk
        (r"ya", "ia"),  # Ulyanovsk / Ulianovsk, -iya / -ia
        (r"iia", "ia"),
        (r"yu", "iu"),  # Tyumen / Tiumen
        (r"zh(?=zh)", ""),  # Zaporizhzhia / Zaporizhia
        (r"(?<=[aeou])y(?=[bcdfghjklmnpqrstvwxz])", "i"),  # Grayvoron / Graivoron, Shaykovka / Shaikovka
    )
)
_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")
MAX_QUERY_CHARS = 300


def strip_diacritics(text: str) -> str:
    """The text without combining marks (é -> e, ё -> е is left to transliteration)."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", kept)


def romanize(text: str) -> str:
    """Lower-case Latin text: Cyrillic transliterated, apostrophes and soft signs dropped, diacritics removed."""
    lowered = unicodedata.normalize("NFC", text).casefold().replace("ё", "yo")
    return strip_diacritics(lowered.translate(_TRANSLATE))


def fold_variants(text: str) -> str:
    """Romanised text with common transliteration variants folded to one spelling."""
    for pattern, replacement in _VARIANTS:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The matching key of a name: romanised, variants folded, punctuation as single spaces, trimmed."""
    words = _NON_WORD.sub(" ", romanize(text)).replace("_", " ")
    return _SPACES.sub(" ", fold_variants(words)).strip()


def word_count(key: str) -> int:
    """Number of words in a normalised key."""
    return key.count(" ") + 1 if key else 0
