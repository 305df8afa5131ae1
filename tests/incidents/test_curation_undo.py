"""Undo of one delete (restore-deleted) and of one merge (unmerge), over every store kind, and on the command line."""

import json

import pytest

from incidents.access import Forbidden, User
from incidents.curation import delete, edit, merge
from incidents.curation_undo import restore_deleted, unmerge
from incidents.errors import IncidentsError
from incidents.model import Source
from incidents.storage.journal import DELETED
from tests.incidents.factory import make
from tests.incidents.test_cli import assert_one_line_error, run
from tests.incidents.test_curation import REVIEWER, imported


def test_a_deleted_incident_comes_back_exactly_and_the_history_says_so(store):
    imported(store, [make(id="a", sources=[Source("A", "https://a.example/1")]), make(id="b", lat=50.0)],
             state="reviewed")
    before = store.get("a").to_dict()
    delete(store, REVIEWER, ["a"], "looked like a test row")
    with pytest.raises(IncidentsError, match="needs a reason"):
        restore_deleted(store, REVIEWER, "a", "")
    with pytest.raises(Forbidden):
        restore_deleted(store, User("ed", "editor"), "a", "mine")
    version = store.version()
    assert restore_deleted(store, REVIEWER, "a", "it was real")["restored"] == "a"
    assert store.get("a").to_dict() == before and "a" not in store.tombstones() and store.version() > version
    last = store.history("a")[-1]
    assert (last.field, last.old, last.new, last.reason, last.actor) == (DELETED, True, None, "it was real", "rita")
    with pytest.raises(IncidentsError, match="no deleted incident b"):
        restore_deleted(store, REVIEWER, "b", "why")


def test_an_unmerge_brings_both_incidents_back_as_they_were(store):
    imported(store, [make(id="keep", sources=[Source("A", "https://a.example/1")]),
                     make(id="other", sources=[Source("B", "https://b.example/2")], evidence={"killed": {"sentence": "x"}})],
             state="reviewed")
    keep, other = store.get("keep").to_dict(), store.get("other").to_dict()
    merge(store, REVIEWER, "keep", "other", "one strike")
    assert len(store.get("keep").sources) == 2
    with pytest.raises(IncidentsError, match="use `python -m incidents unmerge other"):
        restore_deleted(store, REVIEWER, "other", "why")
    done = unmerge(store, REVIEWER, "other", "two strikes after all")
    assert done["skipped"] == [] and "sources" in done["fields_restored"]
    after = store.get("keep").to_dict()
    assert {k: v for k, v in after.items() if k != "updated_at"} == {k: v for k, v in keep.items() if k != "updated_at"}
    assert store.get("other").to_dict() == other and store.tombstones() == {}
    assert store.history("other")[-1].old == {"merged_into": "keep"}


def test_an_unmerge_leaves_a_field_changed_since_the_merge_and_says_so(store):
    imported(store, [make(id="keep", sources=[Source("A", "https://a.example/1")]),
                     make(id="other", sources=[Source("B", "https://b.example/2")])], state="reviewed")
    merge(store, REVIEWER, "keep", "other", "one strike")
    edit(store, REVIEWER, "keep", {"sources": [{"title": "C", "url": "https://c.example/3"}]}, "better source")
    done = unmerge(store, REVIEWER, "other", "two strikes")
    assert {"id": "keep", "field": "sources", "reason": "changed again since the merge"} in done["skipped"]
    assert [s.url for s in store.get("keep").sources] == ["https://c.example/3"] and store.get("other") is not None
    with pytest.raises(IncidentsError, match="no deleted incident other"):
        unmerge(store, REVIEWER, "other", "again")


def test_restore_deleted_and_unmerge_on_the_command_line(tmp_path):
    db = tmp_path / "undo.sqlite"
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([make(id=key, lat=lat).to_dict() for key, lat in (("a", 55.0), ("b", 55.001))]))
    for args in (("import", path, "--reviewed"), ("delete", "a", "--reason", "test"),
                 ("restore-deleted", "a", "--reason", "real"), ("merge", "a", "b", "--reason", "one"),
                 ("unmerge", "b", "--reason", "two")):
        done = run(*args, db=db)
        assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["restored"] == "b"
    history = json.loads(run("history", "a", db=db).stdout)
    assert [c["field"] for c in history].count(DELETED) == 2
    refused = run("restore-deleted", "a", "--reason", "x", db=db)
    assert_one_line_error(refused)
    assert "no deleted incident a" in refused.stderr
