"""AppTest of the map's detail panel edit form: reason required, role checked on the server (also against a crafted
submit), and an edit based on an older version refused with the fields changed since named."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from incidents.access import User
from incidents.curation import edit, with_review
from incidents.storage import SQLiteStore
from tests.dashboard.test_app import APP, shown_text
from tests.incidents.factory import make

REVIEWER = User("rita", "reviewer")


@pytest.fixture
def path(tmp_path, monkeypatch):
    path = tmp_path / "detail.sqlite"
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    store = SQLiteStore(path)
    store.upsert([make(id="s1")])
    store.upsert(with_review([make(id="d1", lat=50.0)], "draft"))
    store.close()
    return path


def opened(incident_id: str, user: User) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["_user"] = user
    at.query_params["id"] = incident_id
    at.query_params["drafts"] = "1"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def stored(path, incident_id):
    store = SQLiteStore(path)
    try:
        return store.get(incident_id), store.history(incident_id)
    finally:
        store.close()


def save(at: AppTest, incident_id: str, reason: str, **values) -> AppTest:
    for name, value in values.items():
        at.text_input(key=f"detail_{incident_id}_{name}").input(value)
    at.text_input(key=f"detail_{incident_id}_reason").input(reason)
    next(b for b in at.button if b.label == "Save changes").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def errors(at: AppTest) -> str:
    return " ".join(shown_text(e.value) for e in at.error)


def test_a_reviewer_edits_with_a_reason_and_the_history_records_it(path):
    at = save(opened("s1", REVIEWER), "s1", "the ministry's update", killed="4")
    incident, history = stored(path, "s1")
    assert incident.killed == 4 and history[-1].reason == "the ministry's update" and history[-1].actor == "rita"
    assert any("Saved s1: killed" in shown_text(s.value) for s in at.success)


def test_an_edit_without_a_reason_is_refused(path):
    at = save(opened("s1", REVIEWER), "s1", " ", killed="4")
    assert "needs a reason" in errors(at) and stored(path, "s1")[0].killed is None


def test_a_viewer_has_no_form_and_an_editor_only_for_drafts(path):
    assert not [w for w in opened("s1", User("vic", "viewer")).text_input if w.key.startswith("detail_")]
    assert not [w for w in opened("s1", User("ed", "editor")).text_input if w.key.startswith("detail_")]
    at = save(opened("d1", User("ed", "editor")), "d1", "typo", place="Kazan")
    assert stored(path, "d1")[0].place == "Kazan"


def test_a_crafted_submit_by_a_viewer_is_refused_on_the_server(path):
    at = opened("s1", REVIEWER)
    at.session_state["_user"] = User("vic", "viewer")  # the form was drawn for someone else: the write checks again
    at = save(at, "s1", "sneaky", killed="9")
    assert stored(path, "s1")[0].killed is None and not at.success  # the form is gone: the stale click does nothing
    assert not [w for w in at.text_input if w.key.startswith("detail_")]


def test_an_edit_of_a_row_changed_since_is_refused_naming_the_fields(path):
    at = opened("s1", REVIEWER)
    store = SQLiteStore(path)
    edit(store, User("olga", "reviewer"), "s1", {"notes": "seen by olga", "injured": 2}, "her update")
    store.close()
    at = save(at, "s1", "mine", killed="4")
    text = errors(at)
    assert "changed by someone else" in text and "notes (now seen by olga)" in text and "injured (now 2)" in text
    assert "killed" not in text.split("opened it:")[1].split(".")[0]
    incident, _ = stored(path, "s1")
    assert incident.killed is None and incident.notes == "seen by olga"
