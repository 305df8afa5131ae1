"""AppTest of the Review page: the draft queue, bulk accept/reject, duplicates with merge, history and the edit form,
with the role checked on the server side for every write."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from incidents.access import User
from incidents.curation import with_review
from incidents.model import Source
from incidents.storage import SQLiteStore
from tests.dashboard.test_app import APP, shown_text
from tests.incidents.factory import make


@pytest.fixture
def store_path(tmp_path, monkeypatch):
    path = tmp_path / "review.sqlite"
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    store = SQLiteStore(path)
    store.upsert([make(id="done", lat=50.0)])
    store.upsert(with_review([
        make(id="night", started_at="2024-12-20", sources=[Source("A", "https://a.example/1")],
             origin={"extraction": {"confidence": 0.4}}),
        make(id="morning", sources=[Source("B", "https://b.example/2")], origin={"extraction": {"confidence": 0.9}}),
    ], "draft"))
    store.close()
    return path


def review_page(user: User | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if user is not None:
        at.session_state["_user"] = user
    at.run()
    at.switch_page("views/review_queue.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def states(path):
    store = SQLiteStore(path)
    try:
        return {item.id: item.review for item in store.all()}
    finally:
        store.close()


def test_drafts_are_queued_by_confidence_and_accepted_in_bulk(store_path):
    at = review_page()
    assert any("Drafts to review: 2" in shown_text(h.value) for h in at.subheader)
    assert list(at.dataframe[0].value["id"]) == ["morning", "night"]
    at.multiselect(key="review_pick").set_value(["morning", "night"]).run()
    at.button(key="review_accept").click().run()
    assert not at.exception and states(store_path) == {"done": "reviewed", "morning": "reviewed", "night": "reviewed"}
    assert any("2 incident(s) reviewed" in shown_text(s.value) for s in at.success)


def test_a_rejection_needs_a_reason(store_path):
    at = review_page()
    at.multiselect(key="review_pick").set_value(["night"]).run()
    at.button(key="review_reject").click().run()
    assert at.error and "needs a reason" in shown_text(at.error[0].value) and states(store_path)["night"] == "draft"
    at.text_input(key="review_reason").input("not this town").run()
    at.button(key="review_reject").click().run()
    assert states(store_path)["night"] == "rejected"


def test_a_viewer_gets_no_review_page(store_path):
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["_user"] = User("vera", "viewer")
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/review_queue.py")


def test_an_editor_cannot_accept_even_by_a_crafted_click(store_path):
    at = review_page(User("ed", "editor"))  # editors see the queue (they edit drafts) but may not review
    assert at.button(key="review_accept").disabled
    at.multiselect(key="review_pick").set_value(["night"]).run()
    crafted = at.button(key="review_accept")
    crafted._value = True  # the event a disabled button never sends (AppTest's click() refuses disabled widgets)
    at.run()
    assert states(store_path)["night"] == "draft"


def test_duplicates_merge_and_the_history_with_an_edit(store_path):
    at = review_page()
    assert any("Duplicate candidates: 1" in shown_text(h.value) for h in at.subheader)
    at.text_input(key="merge_reason_0").input("one strike").run()
    at.button(key="merge_0").click().run()
    assert not at.exception and set(states(store_path)) == {"done", "morning"}
    at.text_input(key="curation_id").input("morning").run()
    at.text_input(key="detail_morning_killed").input("3")
    at.text_input(key="detail_morning_reason").input("the ministry's update")
    next(b for b in at.button if b.label == "Save changes").click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.text_input(key="curation_id").input("morning").run()
    fields = list(at.dataframe[-1].value["field"])
    assert fields[0] == "created" and "sources" in fields and "killed" in fields[-2:]


def test_the_detail_panel_lists_related_incidents_and_the_history(tmp_path, monkeypatch):
    from incidents.curation import edit
    from tests.dashboard.test_app import markdown_text, run_app

    path = tmp_path / "detail.sqlite"
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    store = SQLiteStore(path)
    store.upsert([make(id="s1"), make(id="kzn", event_type="airspace_restriction", lat=55.606, lon=49.278,
                                      started_at="2024-12-21T08:00+03:00")])
    edit(store, User("rita", "reviewer"), "s1", {"killed": 2}, "the ministry's update")
    store.close()
    at = run_app({"id": "s1"})
    assert not at.exception, [e.value for e in at.exception]
    assert "kzn: strike and airport restriction" in shown_text(markdown_text(at))
    assert any(e.label.startswith("History: ") for e in at.expander)


def test_duplicates_of_a_recently_edited_reviewed_row_are_listed_and_old_pairs_are_not(tmp_path, monkeypatch):
    from incidents.curation import edit

    path = tmp_path / "recent.sqlite"
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    store = SQLiteStore(path)
    store.upsert([make(id="a"), make(id="b"), make(id="c", started_at="2024-01-05"), make(id="d", started_at="2024-01-05")])
    at = review_page(User("rita", "reviewer"))
    assert any("Duplicate candidates: 0" in shown_text(h.value) for h in at.subheader)
    edit(store, User("rita", "reviewer"), "b", {"notes": "checked"}, "a note")
    store.close()
    at = review_page(User("rita", "reviewer"))
    assert any("Duplicate candidates: 1" in shown_text(h.value) for h in at.subheader)


def edit_on_review_page(at: AppTest, incident_id: str, reason: str, **values) -> AppTest:
    for name, value in values.items():
        at.text_input(key=f"detail_{incident_id}_{name}").input(value)
    at.text_input(key=f"detail_{incident_id}_reason").input(reason)
    next(b for b in at.button if b.label == "Save changes").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_review_page_edit_refuses_a_row_changed_since_it_was_opened(store_path):
    from incidents.curation import edit

    at = review_page(User("rita", "reviewer"))
    at.text_input(key="curation_id").input("morning").run()
    store = SQLiteStore(store_path)
    edit(store, User("olga", "reviewer"), "morning", {"notes": "seen by olga"}, "her update")
    store.close()
    at = edit_on_review_page(at, "morning", "mine", killed="4")
    text = " ".join(shown_text(e.value) for e in at.error)
    assert "changed by someone else" in text and "notes (now seen by olga)" in text
    store = SQLiteStore(store_path)
    try:
        assert store.get("morning").killed is None and store.get("morning").notes == "seen by olga"
    finally:
        store.close()


def test_app_errors_name_the_form_fields_not_the_command_line_flags(store_path):
    def said(at: AppTest) -> str:
        return " ".join(shown_text(e.value) for e in at.error)

    at = review_page(User("rita", "reviewer"))
    at.multiselect(key="review_pick").set_value(["night"]).run()
    at.button(key="review_reject").click().run()
    shown = {"reject": said(at)}
    at.button(key="merge_0").click().run()
    shown["merge"] = said(at)
    at.text_input(key="curation_id").input("morning").run()
    shown["edit"] = said(edit_on_review_page(at, "morning", " ", killed="4"))
    shown["count"] = said(edit_on_review_page(at, "morning", "why", killed="four"))
    shown["nothing"] = said(edit_on_review_page(at, "morning", "why", killed=""))
    assert all(text and "--" not in text and "python -m" not in text for text in shown.values()), shown
    assert all("Reason field" in shown[key] for key in ("reject", "merge", "edit")), shown
    assert "killed: 'four' is not a whole number" in shown["count"] and "nothing to change" in shown["nothing"]


def test_a_long_queue_is_paged_from_the_catalog_and_shrinks_after_a_review(tmp_path, monkeypatch):
    path = tmp_path / "long.sqlite"
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    store = SQLiteStore(path)
    store.upsert(with_review([make(id=f"d{n:03}", origin={"extraction": {"confidence": n / 1000}},
                                   evidence={"place": {"sentence": f"sentence {n}"}}) for n in range(101)], "draft"))
    store.close()
    at = review_page()
    assert any("Drafts to review: 101" in shown_text(h.value) for h in at.subheader)
    table = at.dataframe[0].value
    assert len(table) == 50 and table["id"].iloc[0] == "d100" and table["evidence"].iloc[0] == "sentence 100"
    at.number_input(key="review_page").set_value(3).run()
    assert list(at.dataframe[0].value["id"]) == ["d000"] and at.multiselect(key="review_pick").options == ["d000"]
    at.multiselect(key="review_pick").set_value(["d000"]).run()
    at.button(key="review_accept").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert states(path)["d000"] == "reviewed"
    assert any("Drafts to review: 100" in shown_text(h.value) for h in at.subheader)
    assert at.number_input(key="review_page").value == 2 and at.dataframe[0].value["id"].iloc[-1] == "d001"
