"""The review queue over the catalog: drafts only, by confidence (unknown last), confidences read from the stored
origins alone, evidence text from the details of the rows shown."""

from __future__ import annotations

import pytest

from incidents.catalog import load_catalog
from incidents.curation import with_review
from incidents.drafts import confidence, draft_confidences, draft_queue, evidence_text
from incidents.model import Source
from incidents.storage import MemoryStore, SQLiteStore
from tests.incidents.factory import make


def drafts_store(store):
    store.upsert([make(id="done", origin={"extraction": {"confidence": 0.99}})])
    store.upsert(with_review([
        make(id="a", started_at="2024-12-22", origin={"extraction": {"confidence": 0.4}}),
        make(id="b", started_at="2024-12-20"),
        make(id="c", started_at="2024-12-21", origin={"extraction": {"confidence": 0.9}}),
        make(id="d", started_at="2024-12-19"),
        make(id="e", started_at="2024-12-18", origin={"extraction": {"confidence": 0.4}}),
    ], "draft"))
    return store


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_the_queue_holds_the_drafts_by_confidence_then_day(tmp_path, kind):
    store = drafts_store(MemoryStore() if kind == "memory" else SQLiteStore(tmp_path / "q.sqlite"))
    scores = draft_confidences(store)
    assert scores == {"a": 0.4, "c": 0.9, "e": 0.4}  # reviewed rows and unknown confidences left out
    queue = draft_queue(load_catalog(store), scores)
    assert list(queue["id"]) == ["c", "e", "a", "d", "b"]  # ties and unknowns by day
    assert list(queue.columns) == ["id", "confidence", "event_type", "place", "started_at"]
    assert queue["started_at"].iloc[0] == "2024-12-21" and queue["event_type"].iloc[0] == "drone_strike"


@pytest.mark.parametrize("origin, expected", [
    ({"extraction": {"confidence": 0.7}}, 0.7), ('{"extraction": {"confidence": 1}}', 1.0), ({}, None),
    ({"extraction": {"confidence": True}}, None), ("not json", None), (None, None), ({"extraction": None}, None),
])
def test_confidence_reads_a_mapping_or_its_stored_json(origin, expected):
    assert confidence(origin) == expected


def test_evidence_text_prefers_distinct_sentences_then_the_first_excerpt():
    evidence = {"killed": {"sentence": "two died"}, "injured": {"sentence": "two died"}, "x": "odd"}
    assert evidence_text(evidence, []) == "two died"
    assert evidence_text({}, [{"excerpt": "from the feed"}, {"excerpt": "other"}]) == "from the feed"
    assert evidence_text(None, [Source("T", "https://a.example", excerpt="an object")]) == "an object"
    assert evidence_text({"k": {"text": "x" * 300}}, []) == "x" * 199 + "…"
