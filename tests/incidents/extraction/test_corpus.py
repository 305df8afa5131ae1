"""The labelled corpora: both sets load, and every label file is well-formed (no extraction quality asserted here)."""

import re
from datetime import date
from pathlib import Path

import pytest

from incidents.extraction.evaluation import load_corpus
from incidents.model import EVENT_TYPES

CORPUS = Path(__file__).parent / "corpus"
LANGUAGES = {"en", "ru", "uk"}
STYLES = {"wire", "live_blog", "official", "bulleted", "region_list", "short_post", "correction", "page_furniture",
          "distance", "mention_only", "airbase", "airport"}
EXPECTED_KEYS = {"event_type", "place", "lat", "lon", "date", "killed", "injured", "airport_iata"}
SETS = {"held": range(0, 500), "dev": range(0, 10000)}  # dev: 000-999, then four digits from 1000
ARTICLES = [(name, article) for name in SETS for article in load_corpus(CORPUS / name)]


def number(article) -> int:
    """The article's number: the digits before its first underscore (three or four)."""
    return int(article.name.split("_", 1)[0])


def iso_day(value):
    assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    day = date.fromisoformat(value)
    assert date(2022, 1, 1) <= day <= date(2026, 12, 31), value
    return day


def check_point(item):
    for key, low, high in (("lat", -90, 90), ("lon", -180, 180)):
        assert isinstance(item[key], (int, float)) and not isinstance(item[key], bool), item
        assert low <= item[key] <= high, item
    assert (item["lat"], item["lon"]) != (0, 0), item
    assert isinstance(item["place"], str) and item["place"].strip(), item


@pytest.mark.parametrize("folder, minimum, russian, ukrainian", [("held", 34, 8, 6), ("dev", 60, 12, 8)])
def test_each_set_has_its_articles_in_every_language_and_style(folder, minimum, russian, ukrainian):
    articles = [article for name, article in ARTICLES if name == folder]
    languages = [article.language for article in articles]
    assert len(articles) >= minimum
    assert languages.count("ru") >= russian and languages.count("uk") >= ukrainian
    assert {article.style for article in articles} == STYLES


@pytest.mark.parametrize("folder, article", ARTICLES, ids=[article.name for _, article in ARTICLES])
def test_label_file_is_well_formed(folder, article):
    labels = article.labels
    assert set(labels) == {"language", "style", "published", "expected", "forbidden"}
    language, style = labels["language"], labels["style"]
    assert language in LANGUAGES and style in STYLES
    assert re.fullmatch(rf"\d{{3,4}}_{language}_{style}_[a-z0-9_]+", article.name), "NNN_lang_style_slug"
    assert number(article) in SETS[folder]
    published = iso_day(labels["published"])
    assert article.text.startswith(f"date {labels['published']}")
    assert article.text.strip() != f"date {labels['published']}"
    for item in labels["expected"]:
        assert set(item) == EXPECTED_KEYS, item
        kinds = [item["event_type"]] if isinstance(item["event_type"], str) else item["event_type"]
        assert kinds and set(kinds) <= set(EVENT_TYPES), item
        check_point(item)
        assert abs((iso_day(item["date"]) - published).days) <= 2, item
        for name in ("killed", "injured"):
            assert item[name] is None or (type(item[name]) is int and item[name] >= 0), item
        iata = item["airport_iata"]
        assert iata is None or re.fullmatch(r"[A-Z]{3}", iata), item
        assert (iata is not None) == (kinds == ["airspace_restriction"]), item
    for item in labels["forbidden"]:
        assert set(item) == {"place", "lat", "lon"}, item
        check_point(item)


def test_article_numbers_are_unique_within_each_set():
    for folder in SETS:
        numbers = [number(article) for name, article in ARTICLES if name == folder]
        assert len(numbers) == len(set(numbers)), folder
