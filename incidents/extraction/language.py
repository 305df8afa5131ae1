"""The language of an article or a sentence: English, Russian or Ukrainian (langid, limited to those three)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from incidents.extraction import langid_features

LANGUAGES = ("en", "ru", "uk")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
SAMPLE_CHARS = 4000  # enough to tell the language; keeps detection cheap on long pages


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from langid.langid import LanguageIdentifier, model

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


@lru_cache(maxsize=1)
def _features() -> Any:
    from incidents.extraction.langid_features import Features

    return Features(_identifier())


@lru_cache(maxsize=4096)
def detect(text: str) -> str:
    """'en', 'ru' or 'uk': Latin-only text is English; Cyrillic text is told apart by langid (letters only one of
    the two alphabets has settle it when langid is unsure)."""
    sample = text[:SAMPLE_CHARS]
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic < max(3, len(re.findall(r"[A-Za-z]", sample)) // 2):
        return "en"
    language, probability = langid_features.classify(_identifier(), _features(), sample)  # langid's answer, faster
    if language == "en" or probability < 0.9:
        ukrainian, russian = len(_UKRAINIAN_ONLY.findall(sample)), len(_RUSSIAN_ONLY.findall(sample))
        return "uk" if ukrainian > russian else "ru"
    return language
