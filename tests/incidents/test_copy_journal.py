"""`python -m incidents copy` carries history, batches, tombstones and user accounts, not only the incidents:
SQLite -> PostGIS -> SQLite round trip, verified, and a second copy adds nothing."""

import json

import pytest

from incidents.accounts import Accounts
from incidents.curation import delete, edit, merge
from incidents.storage import open_store
from incidents.storage.maintenance import _journal, copy_store
from incidents.storage.users import users_of
from tests.incidents.factory import make
from tests.incidents.test_cli import run
from tests.incidents.test_curation import REVIEWER, imported


def curated(store):
    """A store with two batches, edits, a delete, a merge and two accounts."""
    first = imported(store, [make(id="a"), make(id="b", lat=50.0), make(id="c", lat=51.0)], state="reviewed")
    imported(store, [make(id="d", lat=52.0)], name="second.csv")
    edit(store, REVIEWER, "a", {"killed": 3, "notes": "it's \"quoted\""}, "from the report")
    delete(store, REVIEWER, ["b"], "a test row")
    merge(store, REVIEWER, "a", "c", "one strike")
    accounts = Accounts(store)
    accounts.add("rita", "reviewer", "a long enough password")
    accounts.add("olga", "admin", "another long password")
    return first


def test_copy_store_carries_the_journal_from_memory_to_sqlite(tmp_path):
    source = open_store("memory:")
    curated(source)
    target = open_store(str(tmp_path / "t.sqlite"))
    done = copy_store(source, target)
    assert done["verified"] and done["tombstones"] == 2 and done["accounts"] == 2 and done["batches"] == 2
    assert _journal(source) == _journal(target) and done["history"] == len(source.history())
    again = copy_store(source, target)
    assert again["copied"] == 0 and len(target.history()) == len(source.history())
    assert Accounts(target).verify("rita", "a long enough password").role == "reviewer"
    assert target.get("b") is None and target.upsert([make(id="b", lat=50.0)]).inserted == 0  # still deleted


@pytest.mark.postgis
def test_copy_sqlite_to_postgis_and_back_keeps_history_batches_tombstones_and_accounts(tmp_path, pg_url):
    first = tmp_path / "first.sqlite"
    store = open_store(str(first))
    batch_id = curated(store)
    store.close()
    there = run("copy", "--from", first, "--to", pg_url, db=tmp_path / "unused.sqlite")
    assert there.returncode == 0, there.stderr
    assert json.loads(there.stdout)["history"] > 5
    back = run("copy", "--from", pg_url, "--to", tmp_path / "back.sqlite", db=first)
    assert back.returncode == 0, back.stderr
    original, returned, team = (open_store(str(first)), open_store(str(tmp_path / "back.sqlite")),
                                open_store(pg_url))
    try:
        assert _journal(original) == _journal(returned) == _journal(team)
        assert [c.to_dict() for c in returned.history("a")] == [c.to_dict() for c in original.history("a")]
        assert users_of(returned).get("olga")["password_hash"] == users_of(original).get("olga")["password_hash"]
        assert Accounts(team).verify("rita", "a long enough password").role == "reviewer"
        assert set(returned.tombstones()) == {"b", "c"} and returned.tombstones()["c"].merged_into == "a"
        assert run("undo", batch_id, "--reason", "wrong file", db=tmp_path / "back.sqlite").returncode == 0
    finally:
        for item in (original, returned, team):
            item.close()
