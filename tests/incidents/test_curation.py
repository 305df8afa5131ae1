"""Curation over every store kind: review states, the history of each field, batches and their exact undo, tombstones,
merges, and the role each write needs."""

import json

import pytest

from incidents.access import ROLES, Forbidden, User
from incidents.catalog import load_catalog
from incidents.curation import delete, edit, merge, parse_assignments, review, undo, with_review
from incidents.errors import IncidentsError
from incidents.figures import figures
from incidents.model import IncidentFilter, Source
from incidents.selection import select_catalog
from incidents.storage.journal import Batch, new_batch_id
from tests.incidents.factory import make, rich

REVIEWER = User("rita", "reviewer")


def batch(name="file.csv"):
    return Batch(new_batch_id("import"), "import", name, "0" * 64, "ivan")


def imported(store, incidents, state="draft", name="file.csv"):
    record = batch(name)
    store.upsert(with_review(incidents, state), actor="ivan", batch=record)
    return record.id


def snapshot(store):
    return [item.to_dict() for item in store.all()]


def test_existing_rows_are_reviewed_and_imports_are_drafts_hidden_by_default(store):
    store.upsert([make(id="old")])
    imported(store, [make(id="new", lat=55.0)])
    assert store.get("old").review == "reviewed" and store.get("new").review == "draft"
    assert list(store.select(IncidentFilter())["id"]) == ["old"]
    assert sorted(store.select(IncidentFilter(review=("draft", "reviewed")))["id"]) == ["new", "old"]
    assert list(store.catalog(IncidentFilter())["id"]) == ["old"]
    catalog = load_catalog(store)
    assert figures(select_catalog(catalog, IncidentFilter()), None, None).to_dict()["incidents"] == 1
    assert len(select_catalog(catalog, IncidentFilter(review=()))) == 2


def test_a_reimport_never_changes_the_review_state(store):
    imported(store, [make(id="a")], state="reviewed")
    imported(store, [make(id="a", killed=2)], state="draft")
    assert store.get("a").review == "reviewed" and store.get("a").killed == 2


def test_history_of_import_edit_review_merge_undo(store):
    first = imported(store, [make(id="a", killed=1, sources=[Source("A", "https://a.example/1")])])
    imported(store, [make(id="b", lat=55.8, sources=[Source("B", "https://b.example/2")])], name="second.csv")
    assert [(c.field, c.batch, c.actor) for c in store.history("a")] == [("created", first, "ivan")]
    with pytest.raises(IncidentsError, match="needs a reason"):
        edit(store, REVIEWER, "a", {"killed": 2}, "")
    edit(store, REVIEWER, "a", {"killed": 2}, "the article says two")
    review(store, REVIEWER, ["a", "b"], "reviewed")
    merge(store, REVIEWER, "a", "b", "same strike")
    third = imported(store, [make(id="a", injured=4)], name="third.csv")
    undo(store, REVIEWER, third, "wrong file")
    fields = [(c.field, c.old, c.new) for c in store.history("a") if c.field != "updated_at"]
    assert fields[0] == ("created", None, None)
    assert ("killed", 1, 2) in fields and ("review", "draft", "reviewed") in fields
    assert [f for f, _, _ in fields if f == "sources"] == ["sources"]
    assert fields[-2] == ("injured", None, 4) and fields[-1] == ("injured", 4, None)
    reasons = {c.field: c.reason for c in store.history("a")}
    assert reasons["killed"] == "the article says two" and reasons["injured"].startswith(f"undo of {third}")
    assert [c.field for c in store.history("b")][-1] == "deleted" and store.get("b") is None
    assert store.tombstones(["b"])["b"].merged_into == "a"
    kept = store.get("a")
    assert {s.url for s in kept.sources} == {"https://a.example/1", "https://b.example/2"}
    assert "b" in kept.origin["merged_from"]


def test_undo_restores_exactly(store):
    imported(store, [rich(), make(id="plain")], state="reviewed")
    before = snapshot(store)
    versions_before = {key: row.version for key, row in store.get_rows(["kazan-1", "plain"]).items()}
    second = imported(store, [rich(killed=5, notes="changed", sources=[Source("C", "https://c.example")]),
                              make(id="plain", injured=3), make(id="fresh", lat=50.0)],
                      state="draft")
    assert store.get("fresh") and store.get("kazan-1").notes == "=cmd|' /C calc'!A0 looks like a formula"
    store.upsert([make(id="plain", injured=3)], overwrite=["injured"])  # nothing new: no change
    result = undo(store, REVIEWER, second, "test")
    assert result["removed"] == 1 and result["skipped"] == []
    assert snapshot(store) == before
    assert all(row.version > versions_before[key] for key, row in store.get_rows(["kazan-1", "plain"]).items())
    assert [b.undone_by is not None for b in store.batches() if b.id == second] == [True]
    with pytest.raises(IncidentsError, match="already undone"):
        undo(store, REVIEWER, second, "again")


def test_undo_leaves_a_field_changed_since_and_says_so(store):
    imported(store, [make(id="a")], state="reviewed")
    second = imported(store, [make(id="a", killed=2)])
    edit(store, REVIEWER, "a", {"killed": 7}, "a later correction")
    result = undo(store, REVIEWER, second, "test")
    assert store.get("a").killed == 7 and {"id": "a", "field": "killed"}.items() <= result["skipped"][0].items()


def test_delete_is_a_tombstone_hidden_everywhere_and_not_reimported(store):
    imported(store, [make(id="a"), make(id="b", lat=50.0)], state="reviewed")
    with pytest.raises(IncidentsError, match="needs a reason"):
        delete(store, REVIEWER, ["a"], " ")
    delete(store, REVIEWER, ["a"], "a test row")
    assert store.get("a") is None and store.count() == 1 and "a" not in set(store.frame()["id"])
    assert store.tombstones()["a"].record["id"] == "a" and store.history("a")[-1].reason == "a test row"
    assert store.upsert([make(id="a")]).inserted == 0 and store.get("a") is None
    with pytest.raises(IncidentsError, match="was deleted"):
        edit(store, REVIEWER, "a", {"killed": 1}, "why")


def test_reject_needs_a_reason_and_rejected_rows_stay_hidden(store):
    imported(store, [make(id="a")])
    with pytest.raises(IncidentsError, match="rejection needs a reason"):
        review(store, REVIEWER, ["a"], "rejected")
    review(store, REVIEWER, ["a"], "rejected", "not in Kazan")
    assert store.get("a").review == "rejected" and store.select(IncidentFilter(review=("draft", "reviewed"))).empty


WRITES = {
    "import-draft-edit": lambda s, u: edit(s, u, "draft", {"killed": 1}, "why"),
    "edit": lambda s, u: edit(s, u, "done", {"killed": 1}, "why"),
    "review": lambda s, u: review(s, u, ["draft"], "reviewed"),
    "delete": lambda s, u: delete(s, u, ["done"], "why"),
    "merge": lambda s, u: merge(s, u, "done", "draft", "why"),
    "undo": lambda s, u: undo(s, u, s.batches()[0].id, "why"),
}
LEAST_ROLE = {"import-draft-edit": "editor", "edit": "reviewer", "review": "reviewer", "delete": "reviewer",
              "merge": "reviewer", "undo": "reviewer"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", sorted(WRITES))
def test_each_role_is_allowed_or_refused_each_write(role, write):
    from incidents.storage import MemoryStore

    store = MemoryStore()
    imported(store, [make(id="draft")])
    store.upsert([make(id="done", lat=50.0)])
    before = snapshot(store)
    allowed = ROLES.index(role) >= ROLES.index(LEAST_ROLE[write])
    if allowed:
        WRITES[write](store, User("u", role))
        assert snapshot(store) != before or write == "undo"
    else:
        with pytest.raises(Forbidden, match=f"u \\({role}\\) may not"):
            WRITES[write](store, User("u", role))
        assert snapshot(store) == before


def test_assignments_are_typed_and_bad_ones_are_named():
    assert parse_assignments(["killed=2", "lat=55.5", "ended_at=", "sources=[]", "zero_zero_intended=false"]) == \
        {"killed": 2, "lat": 55.5, "ended_at": None, "sources": [], "zero_zero_intended": False}
    for bad, message in (("killed", "FIELD=VALUE"), ("colour=red", "unknown field"), ("killed=two", "number"),
                         ("review=reviewed", "python -m incidents review"), ("id=x", "the store keeps it")):
        with pytest.raises(IncidentsError, match=message):
            parse_assignments([bad])


def test_history_values_are_json():
    from incidents.storage.journal import encode

    assert json.loads(encode((Source("t", "u"),))) == [{"title": "t", "url": "u", "published": "", "excerpt": ""}]


def test_related_incidents_share_an_article_or_are_a_strike_and_nearby_airport_restrictions():
    from incidents.duplicates import duplicate_candidates, related_incidents

    article = [Source("Night of drones", "https://news.example/1")]
    strike = make(id="strike", started_at="2024-12-21T07:40+03:00", sources=article)
    other_town = make(id="elabuga", place="Yelabuga", lat=55.76, lon=52.05, started_at="2024-12-21T08:10+03:00", sources=article)
    airport = make(id="kzn", event_type="airspace_restriction", lat=55.606, lon=49.278, airport_iata="KZN",
                   started_at="2024-12-21T08:00+03:00", ended_at="2024-12-21T11:00+03:00")
    far = make(id="far", event_type="airspace_restriction", lat=59.8, lon=30.26, started_at="2024-12-21T08:00+03:00")
    later = make(id="later", event_type="airspace_restriction", lat=55.606, lon=49.278,
                 started_at="2024-12-25T08:00+03:00")
    links = {link.id: link.reason for link in related_incidents([strike, other_town, airport, far, later], strike)}
    assert set(links) == {"elabuga", "kzn"} and links["elabuga"].startswith("same article")
    assert duplicate_candidates([strike, other_town, airport, far, later]) == []  # one article, two towns


def test_a_batch_that_wrote_nothing_is_not_listed(store):
    imported(store, [make(id="a")])
    imported(store, [make(id="a")])
    assert [(b.inserted, b.updated) for b in store.batches()] == [(1, 0)]


def test_related_incidents_are_found_in_the_store_within_a_day(store):
    from incidents.curation import related_stored

    strike = make(id="strike", sources=[Source("A", "https://news.example/1")])
    imported(store, [strike, make(id="kzn", event_type="airspace_restriction", lat=55.606, lon=49.278,
                                  started_at="2024-12-21T08:00+03:00"),
                     make(id="old", sources=[Source("A", "https://news.example/1")], started_at="2024-11-01")])
    assert [link["id"] for link in related_stored(store, strike)] == ["kzn"]
