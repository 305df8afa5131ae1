"""Every bundled sample article gives exactly its reviewed golden incidents, field by field."""

import pytest

from incidents.extraction import extract_incidents
from tests.incidents.extraction.golden_tools import article_paths, golden_path, load_golden, project

ARTICLES = article_paths()


def test_there_are_at_least_thirteen_articles_each_with_a_golden_file():
    assert len(ARTICLES) >= 24
    assert all(golden_path(path).exists() for path in ARTICLES)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_article_matches_golden(article):
    found = [project(item) for item in extract_incidents(article.read_text(encoding="utf-8"))]
    expected = load_golden(article)
    assert [(i["event_type"], i["place"]) for i in found] == [(i["event_type"], i["place"]) for i in expected]
    for got, want in zip(found, expected):
        assert got == want, f"{want['event_type']} at {want['place']}"


@pytest.mark.parametrize("name", ["007_anniversary_kyiv_2025-02-24", "012_istanbul_talks_2025-05-16",
                                  "021_alaska_summit_2025-08-16"])
def test_articles_without_incidents_give_none(name):
    article = next(path for path in ARTICLES if path.stem == name)
    assert extract_incidents(article.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_every_evidence_span_points_into_the_article(article):
    text = article.read_text(encoding="utf-8")
    for incident in extract_incidents(text):
        assert {"place", "event_type", "started_at"} <= set(incident.evidence)
        for field, item in incident.evidence.items():
            assert text[item["start"]:item["end"]] == item["text"], field
            assert item["text"] in item["sentence"] and item["sentence"] in text, field
