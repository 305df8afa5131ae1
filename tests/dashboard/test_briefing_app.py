"""The app's briefing form: the analyst's words and the map view on screen reach the briefing (no browser)."""

from __future__ import annotations

from tests.dashboard.test_app import run_app, store  # noqa: F401 - the fixture is used by name

BOUNDS = (44.0, 30.0, 52.0, 40.0)


def test_the_form_passes_title_summary_banner_author_and_the_view_on_screen(store, monkeypatch):  # noqa: F811
    import dashboard.briefing

    made: list[tuple[str, dict]] = []

    def fake(frame, flt, fmt, **words):
        made.append((fmt, words))
        return fmt.encode()

    monkeypatch.setattr(dashboard.briefing, "make_briefing", fake)
    at = run_app({"country": "UA"})
    at.session_state["map_bounds"] = BOUNDS  # what the live map reported
    at.text_input(key="brief_title").input("Kharkiv").run()
    at.text_area(key="brief_summary").input("**Assessment:** likely.").run()
    at.text_input(key="brief_banner").input("UNCLASSIFIED").run()
    at.text_input(key="brief_author").input("J. Analyst").run()
    assert at.checkbox(key="brief_view").value is False  # off by default: the map then reports only what it must
    at.checkbox(key="brief_view").check().run()
    at.button(key="brief_make").click().run()
    assert [fmt for fmt, _ in made] == ["png", "pdf", "pptx"]
    words = made[0][1]
    assert words == {"title": "Kharkiv", "summary": "**Assessment:** likely.", "banner": "UNCLASSIFIED",
                     "author": "J. Analyst", "view_bounds": BOUNDS}
    labels = [button.proto.label for button in at.get("download_button")]
    assert {"Download PNG", "Download PDF", "Download slide (PPTX)"} <= set(labels)
    made.clear()
    at.checkbox(key="brief_view").uncheck().run()
    at.button(key="brief_make").click().run()
    assert made[0][1]["view_bounds"] is None, "unticked: the map fits the incidents"
