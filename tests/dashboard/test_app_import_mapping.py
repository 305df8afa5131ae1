"""AppTest of the Import page's real-file parts: a proposed column map with a preview, the date order, remembered
maps, spreadsheets, article title/URL fields, and rejected rows fixed and saved with the rest."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.views import import_mapping
from dashboard.views.import_mapping import prefill, rejected_copy, reread
from incidents.importers import ImportOptions, open_text
from tests.dashboard.test_app import shown_text
from tests.dashboard.test_app_import import finish_extraction, import_page, paste
from tests.incidents.test_importers_real import write_xlsx

UNKNOWN = "Date,Town,Region,Dead\n21/12/2024,Kazan,Tatarstan,2\n22/12/2024,Izhevsk,Udmurt,\n"
AMBIGUOUS = "Date,Town,Region\n03/04/2024,Kazan,Tatarstan\n04/05/2024,Izhevsk,Udmurt\n"


@pytest.fixture
def empty_store(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENTS_DB", str(tmp_path / "incidents.sqlite"))


@pytest.fixture
def maps_file(tmp_path, monkeypatch):
    path = tmp_path / "maps.json"
    monkeypatch.setattr(import_mapping, "mappings_path", lambda: path)
    return path


def upload(at, name: str, data: bytes):
    at.radio(key="import_how").set_value("Upload a file").run()
    at.file_uploader(key="import_file").upload(name, data, "application/octet-stream").run()
    at.button(key="import_read_file").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_prefill_reads_title_url_and_date_from_the_first_lines():
    text = "Drones hit Kazan\nhttps://news.example.org/kazan\ndate 2024-12-21\n\nDrones struck Kazan on Saturday."
    assert prefill(text) == {"title": "Drones hit Kazan", "url": "https://news.example.org/kazan",
                             "published": "2024-12-21"}
    assert prefill("date 2024-12-21 Ukrainian drones struck two high-rise buildings")["published"] == "2024-12-21"
    assert prefill("")["title"] == ""


def test_unknown_table_gets_a_proposed_map_a_preview_and_is_remembered(empty_store, maps_file):
    at = upload(import_page(), "towns.csv", UNKNOWN.encode("utf-8"))
    assert any("unknown format" in i.value for i in at.info)
    assert at.selectbox(key="import_map_started_at").value == "Date"
    assert at.selectbox(key="import_map_place").value == "Town"
    preview = at.dataframe[0].value
    assert list(preview["place"]) == ["Kazan", "Izhevsk"] and list(preview["started_at"]) == ["2024-12-21",
                                                                                              "2024-12-22"]
    at.button(key="import_map_read").click().run()
    assert any("Review: 2 incident(s) from towns.csv · mapped table" in shown_text(m.value) for m in at.markdown)
    assert maps_file.exists()
    again = upload(import_page(), "towns.csv", UNKNOWN.replace("Dead", "dead").encode("utf-8"))
    assert again.selectbox(key="import_map_killed").value == "dead"  # remembered by the header's signature


def test_ambiguous_dates_ask_for_the_order(empty_store, maps_file):
    at = upload(import_page(), "towns.csv", AMBIGUOUS.encode("utf-8"))
    assert any("Dates like 03/04/2024" in shown_text(e.value) for e in at.error)  # the preview says what is missing
    at.radio(key="import_date_order").set_value("dmy").run()
    at.button(key="import_map_read").click().run()
    at.switch_page("views/import_page.py").run()
    batch = at.session_state["import_batch"]
    assert sorted(item.started_at for item in batch.incidents) == ["2024-04-03", "2024-05-04"]


def test_spreadsheet_upload_reports_how_it_was_read(empty_store, maps_file, tmp_path):
    path = tmp_path / "own.xlsx"
    write_xlsx(path, {"Incidents": [["event_type", "lat", "lon", "started_at", "place"],
                                    ["strike", 55.79, 49.12, dt.datetime(2024, 12, 21), "Kazan"]]})
    at = upload(import_page(), "own.xlsx", path.read_bytes())
    assert any("Review: 1 incident(s) from own.xlsx (sheet Incidents) · incident CSV" in shown_text(m.value) for m in at.markdown)


def test_pasted_article_takes_title_and_url_fields(empty_store):
    from tests.dashboard.test_app_import import SEED

    at = import_page()
    at.text_input(key="import_url").input("https://news.example.org/kazan")
    at = finish_extraction(paste(at, SEED.read_text(encoding="utf-8"), fmt="article"))
    batch = at.session_state["import_batch"]
    assert {s.url for item in batch.incidents for s in item.sources} == {"https://news.example.org/kazan"}
    assert all(item.sources[0].title.startswith("Ukrainian drones struck") for item in batch.incidents)


def test_rejected_rows_are_listed_next_to_an_editable_copy(empty_store):
    text = "event_type,lat,lon,started_at,place\nstrike,55.79,49.12,2024-12-21,Kazan\nstrike,5_5,49.12,2024-12-22,X\n"
    at = upload(import_page(), "own.csv", text.encode("utf-8"))
    assert any("Fix rejected rows" in shown_text(m.value) for m in at.markdown)
    assert "import_fix_add" in [b.key for b in at.button]


def test_a_fixed_row_is_read_again_as_the_file_was():
    text = "event_type,lat,lon,started_at,place\nstrike,55.79,49.12,2024-12-21,Kazan\nstrike,5_5,49.12,2024-12-22,X\n"
    batch = open_text(text)
    list(batch.incidents())
    copy = rejected_copy(batch.report.problems, batch.report.rejected_rows)
    assert list(copy["row"]) == [3] and "not a plain number" in copy["problem"].iloc[0]
    copy.loc[0, "lat"] = "55.8"
    incidents, problems = reread(copy, ImportOptions())
    assert problems == [] and incidents[0].lat == 55.8 and incidents[0].place == "X"


def test_a_known_format_with_ambiguous_dates_is_asked_only_the_order(empty_store, maps_file):
    text = ("event_id_cnty,event_date,sub_event_type,latitude,longitude,country\n"
            "A1,03/04/2024,Air/drone strike,55.79,49.12,Russia\nA2,04/05/2024,Air/drone strike,55.79,49.12,Russia\n")
    at = upload(import_page(), "acled.csv", text.encode("utf-8"))
    assert "import_map_place" not in [s.key for s in at.selectbox]  # no column map for a known format
    at.radio(key="import_date_order").set_value("mdy").run()
    at.button(key="import_map_read").click().run()
    at.switch_page("views/import_page.py").run()
    batch = at.session_state["import_batch"]
    assert batch.fmt == "acled" and sorted(i.started_at for i in batch.incidents) == ["2024-03-04", "2024-04-05"]
