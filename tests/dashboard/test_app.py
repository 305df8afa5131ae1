"""AppTest of the main page and the About page: filters -> selection, permalinks, empty states, store errors."""

from __future__ import annotations

from datetime import date
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.charts import span_to_window, timeline_rows
from dashboard.views.kpis import compact, compact_text, kpi_tiles
from incidents.figures import figures, timeline
from dashboard.views.detail import claim_text, highlighted, md
from incidents.frames import to_frame
from tests.e2e.app_server import fill_store, sample_incidents

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    path = fill_store(tmp_path / "incidents.sqlite")
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    return path


FOLLOW_UP_NOTE = "follow once the map is drawn"


def run_app(params: dict[str, str] | None = None) -> AppTest:
    """The main page as a browser shows it once settled: the first run, then the timed follow-up run (which AppTest
    does not fire by itself) that adds the timeline and the table."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if any(FOLLOW_UP_NOTE in c.value for c in at.caption):
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def qp(at: AppTest, key: str) -> list[str] | None:
    """A query parameter's values as a list (None when absent)."""
    if key not in at.query_params:
        return None
    value = at.query_params[key]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def shown_text(markdown: str) -> str:
    """What Markdown built with dashboard.escape.markdown_text shows: backslash escapes and word joiners removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def test_first_page_sends_the_map_first_and_the_timeline_and_table_on_the_follow_up_run(store):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert any(FOLLOW_UP_NOTE in c.value for c in at.caption)
    assert metrics(at)["Incidents"] == "7"  # the KPIs and the map come with the first run
    assert not at.dataframe and "Timeline" not in markdown_text(at)
    at.run()  # the follow-up (a timer in the browser)
    assert at.dataframe and "Timeline" in markdown_text(at)
    assert not any(FOLLOW_UP_NOTE in c.value for c in at.caption)
    at.sidebar.radio(key="f_preset").set_value("7 days").run()  # later runs draw everything at once
    assert at.dataframe and not any(FOLLOW_UP_NOTE in c.value for c in at.caption)


def test_main_page_shows_every_incident_and_null_aware_kpis(store):
    at = run_app()
    shown = metrics(at)
    assert shown["Incidents"] == "7"
    assert shown["Strikes"] == "2"  # the Kazan drone strike and the Bryansk missile strike
    assert shown["Killed"] == "2+"  # Kazan 0, Bryansk 2; Kharkiv and the Moscow interception not stated
    assert shown["Restricted"] == "2"  # KZN and IJK active on the newest day, GSV lifted
    assert shown["Window"] == "All"
    assert any("2+ killed, 2 not stated" in c.value and "All dates" in c.value for c in at.caption)
    assert at.sidebar.radio(key="f_preset").value == "All"


def test_preset_changes_kpis_and_url(store):
    at = run_app()
    at.sidebar.radio(key="f_preset").set_value("7 days").run()
    assert metrics(at)["Incidents"] == "5"
    assert qp(at, "start") == ["2024-12-15"] and qp(at, "end") == ["2024-12-21"]
    at.sidebar.radio(key="f_preset").set_value("Last 24 h").run()
    assert metrics(at)["Incidents"] == "4"
    assert qp(at, "start") == ["2024-12-20"]


def test_permalink_restores_the_view(store):
    at = run_app(
        {"start": "2024-12-01", "end": "2024-12-31", "type": "airspace_restriction,drone_strike", "country": "RU"}
    )
    assert metrics(at)["Incidents"] == "4"
    assert at.sidebar.multiselect(key="f_types").value == ["airspace_restriction", "drone_strike"]
    assert at.sidebar.radio(key="f_preset").value == "Custom"
    assert at.sidebar.date_input(key="f_dates").value == (date(2024, 12, 1), date(2024, 12, 31))
    assert qp(at, "type") == ["airspace_restriction", "drone_strike"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"country": "UA"}, "1"),
        ({"q": "shot down"}, "1"),
        ({"verification": "synthetic"}, None),
        ({"region": "Tatarstan"}, "2"),
        ({"dmax": "300"}, "1"),  # only Moscow itself lies within 300 km of Moscow
    ],
)
def test_each_filter_narrows_the_selection(store, params, expected):
    at = run_app(params)
    if expected is None:
        assert not at.metric and any("No incidents" in i.value for i in at.info)
    else:
        assert metrics(at)["Incidents"] == expected


def test_sidebar_text_search_updates_url(store):
    at = run_app()
    at.sidebar.text_input(key="f_text").input("Bryansk").run()
    assert metrics(at)["Incidents"] == "1"
    assert qp(at, "q") == ["Bryansk"]


def test_invalid_query_values_are_ignored_with_notices(store):
    at = run_app({"start": "yesterday", "type": "nuke", "dmax": "-1"})
    notices = " ".join(w.value for w in at.warning)
    assert "start" in notices and "nuke" in notices and "dmax" in notices
    assert metrics(at)["Incidents"] == "7"
    assert "start" not in at.query_params and "type" not in at.query_params


def test_empty_window_explains_and_widens_in_one_click(store):
    at = run_app({"start": "2030-01-01", "end": "2030-01-02"})
    assert not at.metric
    assert any("No incidents" in i.value and "2030-01-01" in i.value for i in at.info)
    at.button(key="widen").click().run()
    assert metrics(at)["Incidents"] == "7"
    assert "start" not in at.query_params


def test_selected_incident_opens_the_detail_panel(store):
    at = run_app({"id": "kazan-strike"})
    assert "#### Drone strike: Kazan" in markdown_text(at)
    text = markdown_text(at)
    assert "Distance claim check" in text and "721" in text and "800" in text
    assert "**Drones downed** 6" in text
    assert qp(at, "id") == ["kazan-strike"]
    at.button(key="deselect").click().run()
    assert "id" not in at.query_params


def test_store_that_cannot_be_opened_gives_an_error_page(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENTS_DB", "postgresql://nobody@nowhere/db")
    at = run_app()
    assert at.error and "cannot be opened" in at.error[0].value
    assert not at.metric


def test_a_store_failing_mid_page_gives_its_one_line_message(tmp_path, monkeypatch):
    import sqlite3

    from incidents.storage import SQLiteStore
    from tests.incidents.factory import make

    path = tmp_path / "broken.sqlite"
    SQLiteStore(path).upsert([make(id="a")])
    with sqlite3.connect(path) as db:  # opens at the current schema version, then fails on the first read
        db.execute("ALTER TABLE incidents RENAME COLUMN review TO lost")
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    at = run_app()
    assert not at.exception and at.error and "cannot be read" in shown_text(at.error[0].value)


def test_empty_store_points_to_import(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENTS_DB", str(tmp_path / "empty.sqlite"))
    at = run_app()
    assert any("no incidents yet" in i.value for i in at.info)


def test_about_page_lists_store_sources_and_settings(store):
    at = run_app()
    at.switch_page("views/about.py").run()
    assert not at.exception
    assert str(store) in shown_text(markdown_text(at))
    settings = at.dataframe[-1].value
    assert {"INCIDENT_MAP_UPLOAD_LIMIT_MB", "INCIDENTS_DB", "INCIDENT_MAP_REFERENCE"} <= set(settings["name"])
    assert {"name", "default", "current", "help"} <= set(settings.columns)


def test_writes_invalidate_the_cache(store):
    at = run_app()
    assert metrics(at)["Incidents"] == "7"
    from incidents.storage import open_store

    extra = sample_incidents()[0].with_changes(id="kazan-again", started_at="2024-12-22", ended_at=None)
    writer = open_store(str(store))
    writer.upsert([extra])
    writer.close()
    at.run()
    assert metrics(at)["Incidents"] == "8"


# Pure helpers behind the page.


def test_kpi_tiles_render_the_figures_compactly_with_the_exact_value_on_hover():
    tiles = {t.label: t for t in kpi_tiles(figures(to_frame(sample_incidents())))}
    assert tiles["Killed"].value == "2+" and "2+ killed, 2 not stated" in tiles["Killed"].help
    assert tiles["Restricted"].value == "2" and "UWKD" in tiles["Restricted"].help
    assert compact(9_999) == "9,999" and compact(316_431) == "316.4 k" and compact(1_000_000) == "1.0 M"
    assert compact(999_999) == "1.0 M" and compact_text("1,234,567+") == "1.2 M+" and compact_text("not stated") == "not stated"
    assert all(len(compact(n)) <= 7 for n in (10_000, 999_949, 999_950, 12_345_678))


def test_timeline_rows_per_day_and_per_hour():
    frame = to_frame(sample_incidents())
    daily = timeline_rows(timeline(frame, None, None))
    assert daily["count"].sum() == 7
    hours = timeline(frame, date(2024, 12, 21), date(2024, 12, 21))
    assert hours.unit == "hour" and hours.untimed == 3  # Izhevsk, Saratov and Kharkiv have bare dates
    hourly = timeline_rows(hours)
    kazan = hourly[hourly["event_type"] == "drone_strike"]
    assert pd.to_datetime(kazan["bucket_ms"].iloc[0], unit="ms") == pd.Timestamp("2024-12-21 04:00")  # 07:40+03:00
    weekly = timeline_rows(timeline(frame, date(2020, 1, 1), date(2024, 12, 31)))
    assert weekly["count"].sum() == 7 and set(pd.to_datetime(weekly["bucket_ms"], unit="ms").dt.weekday) == {0}
    assert timeline(frame, date(2010, 1, 1), date(2024, 12, 31)).unit == "month"


def test_chart_span_becomes_a_date_window():
    day = 86_400_000
    start = pd.Timestamp("2024-12-15").value // 1_000_000
    assert span_to_window({"span": {"bucket_ms": [start, start + 3 * day]}}) == (date(2024, 12, 15), date(2024, 12, 17))
    assert span_to_window({"span": {}}) is None and span_to_window(None) is None


def test_detail_text_is_inert_markdown():
    assert md("<img src=x onerror=alert(1)>") == r"\<img src\=x onerror\=alert\(1\)\>"
    assert md(":red[x] $x$") == "\\:\u2060red\\[x\\] \\$x\\$"
    assert highlighted({"sentence": "six drones were downed", "start": 0, "end": 3}) == "**six** drones were downed"
    claim = {
        "reference": "Moscow",
        "claimed_km": 800,
        "claimed_text": "800 km",
        "geodesic_km": 721.4,
        "error_pct": 10.9,
        "verdict": "overstated",
    }
    assert claim_text(claim, "Moscow").startswith("Claimed 800 km from Moscow")


def test_evidence_highlight_uses_the_quoted_words():
    sentence = "Kazan was struck between 7:40 am and 9:20 am local time."
    evidence = {"sentence": sentence, "start": 791, "end": 829, "text": "between 7:40 am and 9:20 am"}
    assert highlighted(evidence) == r"Kazan was struck **between 7\:40 am and 9\:20 am** local time\."
    assert highlighted({"sentence": sentence, "start": 900, "end": 990}) == md(sentence)


def test_only_what_is_in_the_map_view(store):
    at = run_app()
    at.session_state["map_bounds"] = (55.0, 48.0, 57.0, 50.0)  # what the map reports after a pan to Kazan
    at.sidebar.toggle(key="f_in_view").set_value(True).run()
    assert metrics(at)["Incidents"] == "2"  # the Kazan strike and Kazan airport
    at.sidebar.toggle(key="f_in_view").set_value(False).run()
    assert metrics(at)["Incidents"] == "7"


def test_sessions_do_not_share_their_view(store):
    first = run_app()
    first.sidebar.radio(key="f_preset").set_value("7 days").run()
    second = run_app()
    assert metrics(first)["Incidents"] == "5" and metrics(second)["Incidents"] == "7"


def test_about_page_names_the_chromium_setting_with_its_value(store, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_CHROMIUM", "/opt/chromium/chrome")
    from dashboard.views.about import settings_table

    table = settings_table().set_index("name")
    assert table.loc["INCIDENT_MAP_CHROMIUM", "current"] == "/opt/chromium/chrome"
    assert table.loc["INCIDENT_MAP_CHROMIUM", "default"] == "/usr/bin/chromium"
    assert {"geodata", "incidents", "dashboard"} == set(table["package"])


def test_a_click_on_a_restriction_drawn_at_its_airport_selects_it():
    from dashboard.components.map_data import prepare
    from dashboard.data import Reference

    # Izhevsk's restriction recorded at the city centre: the map draws it at the airport (USII), 15 km away
    city = sample_incidents()[2].with_changes(lat=56.8498, lon=53.2045, geo_precision="city")
    prepared = prepare(to_frame([city]), Reference("Moscow", 55.7558, 37.6173), "t")
    assert (round(prepared.lats[0], 4), round(prepared.lons[0], 4)) == (56.8281, 53.4575)
    assert list(prepared.frame["id"]) == ["ijk"]


def test_filtered_maps_share_the_store_basemap(store):
    from dashboard.components.map_data import map_spec, prepare
    from dashboard.data import Reference
    from dashboard.maps import MapOptions
    from dashboard.views.mapping import store_area

    frame = to_frame(sample_incidents())
    moscow = Reference("Moscow", 55.7558, 37.6173)
    area = store_area(frame, moscow)
    kharkiv = frame[frame["id"] == "kharkiv-old"]

    def basemap_of(rows: pd.DataFrame, shared: tuple | None) -> str:
        spec, _ = map_spec(prepare(rows, moscow, "t"), moscow, MapOptions(basemap_area=shared), None, 520,
                           lambda _: True, False)
        return spec["basemap"]["id"]

    assert basemap_of(kharkiv, area) == basemap_of(frame, area)  # one basemap for every filter of the store
    assert basemap_of(kharkiv, None) != basemap_of(frame, None)  # (without it each filter gets its own)


def test_briefing_control_makes_png_and_pdf_of_the_view(store, monkeypatch):
    import dashboard.briefing

    made: list[tuple[str, int, str]] = []

    def fake(frame, flt, fmt, *, title, **words):
        made.append((fmt, len(frame), title))
        return fmt.encode()

    monkeypatch.setattr(dashboard.briefing, "make_briefing", fake)
    at = run_app({"country": "UA"})
    at.text_input(key="brief_title").input("Kharkiv").run()
    at.button(key="brief_make").click().run()
    assert made == [("png", 1, "Kharkiv"), ("pdf", 1, "Kharkiv"), ("pptx", 1, "Kharkiv")]
    labels = [button.proto.label for button in at.get("download_button")]
    assert {"Download PNG", "Download PDF"} <= set(labels)
    at.sidebar.multiselect(key="f_countries").set_value([]).run()  # the view changed: the old files are not offered
    assert "Download PNG" not in [button.proto.label for button in at.get("download_button")]
    assert any("prepare it again" in c.value for c in at.caption)


def test_briefing_failure_is_a_message_not_a_traceback(store, monkeypatch):
    import dashboard.briefing

    def broken(*args, **kwargs):
        raise dashboard.briefing.BriefingError("Chromium not found")

    monkeypatch.setattr(dashboard.briefing, "make_briefing", broken)
    at = run_app()
    at.button(key="brief_make").click().run()
    assert not at.exception and any("Chromium not found" in e.value for e in at.error)


def test_basemap_warm_up_starts_once_per_process():
    from dashboard import data
    from dashboard.maps import basemap

    thread = data.warm_up()
    assert data.warm_up() is thread
    thread.join(timeout=120)
    assert not thread.is_alive() and basemap.world_countries.cache_info().currsize == 1


def test_downloads_are_valid_and_formula_guarded():
    import csv
    import io
    import json

    from dashboard.views.downloads import csv_bytes, geojson_bytes

    hostile = sample_incidents()[0].with_changes(place="=HYPERLINK(\"http://x\")", notes="@SUM(1)")
    frame = to_frame([hostile])
    row = next(csv.DictReader(io.StringIO(csv_bytes(frame).decode("utf-8"))))
    assert row["place"] == "'=HYPERLINK(\"http://x\")" and row["notes"] == "'@SUM(1)"
    feature = json.loads(geojson_bytes(frame))["features"][0]
    assert feature["geometry"]["coordinates"][:2] == [49.1088, 55.7963]  # [lon, lat]
    assert feature["properties"]["place"] == "=HYPERLINK(\"http://x\")"  # GeoJSON keeps the text as it is


def test_details_open_from_a_keyboard_usable_list(store):
    at = run_app()
    picker = at.selectbox(key="pick-")
    assert picker.value is None and "Kazan" in picker.format_func("kazan-strike")
    picker.set_value("kazan-strike").run()
    assert "#### Drone strike: Kazan" in markdown_text(at) and qp(at, "id") == ["kazan-strike"]
    assert at.selectbox(key="pick-kazan-strike").value == "kazan-strike"
    at.button(key="deselect").click().run()
    assert "id" not in at.query_params and at.selectbox(key="pick-").value is None


def test_hourly_timeline_falls_back_to_days_when_no_time_is_known():
    frame = to_frame(sample_incidents())
    dated_only = frame[frame["start_utc"].isna() & frame["day"].eq("2024-12-21")]  # Izhevsk, Saratov: bare dates
    bins = timeline(dated_only, date(2024, 12, 21), date(2024, 12, 21))
    assert bins.unit == "day" and timeline_rows(bins)["count"].sum() == len(dated_only) == 2 and bins.untimed == 0
    bins = timeline(frame, date(2024, 12, 21), date(2024, 12, 21))
    assert bins.unit == "hour" and bins.untimed == 3  # some have times: hourly, the bare dates are counted as left out


def test_timeline_spans_the_whole_window_and_keeps_one_spec_for_every_window():
    from dashboard.charts import timeline_chart

    frame = to_frame(sample_incidents())
    bins = timeline(frame, date(2024, 12, 15), date(2024, 12, 21))
    counts = timeline_rows(bins)
    chart = timeline_chart(counts, window=(date(2024, 12, 15), date(2024, 12, 21)))
    data = chart.data
    edges = pd.to_datetime(data[data["when"] == ""]["bucket_ms"], unit="ms").tolist()
    assert edges == [pd.Timestamp("2024-12-15"), pd.Timestamp("2024-12-22")]  # whole days of the window, as data
    assert data["count"].sum() == counts["count"].sum() == len(frame[frame["day"].between("2024-12-15", "2024-12-21")])
    assert (data["end_ms"] >= data["bucket_ms"]).all()
    assert len(timeline_chart(counts).data) == len(counts)  # no window: fit the data

    def spec(chart) -> dict:  # the chart without its data: what the browser rebuilds the chart for when it changes
        return {k: v for k, v in chart.to_dict().items() if k not in ("data", "datasets")}

    hours = timeline(frame, date(2024, 12, 21), date(2024, 12, 21))
    hourly = timeline_chart(timeline_rows(hours), window=(date(2024, 12, 21), date(2024, 12, 21)))
    assert hours.unit == "hour" and spec(hourly) == spec(chart) == spec(timeline_chart(counts))


def test_the_page_sends_the_timeline_spec_built_once_with_only_the_columns_it_reads():
    from dashboard.charts import CHART_COLUMNS, timeline_chart, timeline_data, timeline_spec

    frame = to_frame(sample_incidents())
    window = (date(2024, 12, 15), date(2024, 12, 21))
    counts = timeline_rows(timeline(frame, *window))
    chart = timeline_chart(counts, window=window).to_dict()
    assert timeline_spec() == {k: v for k, v in chart.items() if k not in ("data", "datasets")}
    assert timeline_spec() is not timeline_spec()  # a fresh dict each time: a caller may change it
    fields = {v["field"] for v in chart["encoding"].values() if isinstance(v, dict) and "field" in v}
    fields |= {t["field"] for t in chart["encoding"]["tooltip"]}
    assert fields == set(CHART_COLUMNS)
    rows = timeline_data(counts, window)
    assert list(rows.columns) == list(CHART_COLUMNS) and rows["count"].sum() == counts["count"].sum()


def test_the_type_filter_survives_two_window_changes_and_its_counts_follow(store):
    at = run_app()
    types = at.sidebar.multiselect(key="f_types")
    from incidents.model import EVENT_LABELS, EVENT_TYPES

    assert list(types.options) == [EVENT_LABELS[t] for t in EVENT_TYPES]  # no counts inside the option labels
    types.select("drone_strike").run()
    assert qp(at, "type") == ["drone_strike"] and metrics(at)["Incidents"] == "1"
    at.sidebar.radio(key="f_preset").set_value("7 days").run()
    assert qp(at, "type") == ["drone_strike"] and metrics(at)["Incidents"] == "1"
    at.sidebar.radio(key="f_preset").set_value("Last 24 h").run()
    assert qp(at, "type") == ["drone_strike"] and metrics(at)["Incidents"] == "1"
    at.sidebar.date_input(key="f_dates").set_value((date(2024, 10, 1), date(2024, 12, 21))).run()
    at.sidebar.date_input(key="f_dates").set_value((date(2024, 11, 1), date(2024, 12, 21))).run()
    assert at.sidebar.multiselect(key="f_types").value == ["drone_strike"] and qp(at, "type") == ["drone_strike"]
    assert qp(at, "start") == ["2024-11-01"]
    counts = [c.value for c in at.sidebar.caption if c.value.startswith("In this view:")]
    assert counts == ["In this view: Drone strike 1 · Missile strike 1 · Interception 1 · Airspace restriction 3"]


def test_data_as_of_the_newest_incident_sits_by_the_presets(store):
    at = run_app()
    assert any(c.value == "Data as of 2024-12-21 (newest incident)" for c in at.sidebar.caption)


def test_a_bad_row_in_the_store_is_named_and_left_out(store):
    import sqlite3

    with sqlite3.connect(store) as db:
        db.execute("INSERT INTO incidents (id, event_type, lat, lon, started_at, day) VALUES (?, ?, ?, ?, ?, ?)",
                   ("far-future", "drone_strike", 55.0, 49.0, "2300-01-01", "2300-01-01"))
        db.execute("UPDATE meta SET value = value + 1 WHERE key = 'data_version'")
    at = run_app()
    assert metrics(at)["Incidents"] == "7"
    assert any("1 stored incident(s) could not be read" in shown_text(w.value) and "far-future" in shown_text(w.value)
               for w in at.warning)


def test_about_page_hides_the_store_path_and_settings_from_non_admins(store, monkeypatch):
    import dashboard.settings

    monkeypatch.setattr(dashboard.settings, "shows_internals", lambda: False)  # what an account system will answer for a visitor
    at = run_app()
    at.switch_page("views/about.py").run()
    assert not at.exception
    assert str(store) not in shown_text(markdown_text(at)) and "incidents" in markdown_text(at)
    assert "Settings" not in [s.value for s in at.subheader]


def test_a_draft_is_off_the_map_and_kpis_until_drafts_are_included(tmp_path, monkeypatch):
    from incidents.curation import with_review
    from incidents.storage import SQLiteStore
    from tests.incidents.factory import make

    path = tmp_path / "drafts.sqlite"
    store = SQLiteStore(path)
    store.upsert([make(id="checked")])
    store.upsert(with_review([make(id="unchecked", lat=51.0)], "draft"))
    store.upsert(with_review([make(id="refused", lat=52.0)], "rejected"))
    store.close()
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    at = run_app()
    assert metrics(at)["Incidents"] == "1"
    from dashboard.state import KEYS

    at.toggle(key=KEYS.drafts).set_value(True).run()
    assert not at.exception and metrics(at)["Incidents"] == "2"  # the rejected one stays off
