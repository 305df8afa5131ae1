"""Real published exports (slices committed under real/, sources in real/README.md) imported as a user would."""

import json
from pathlib import Path

import pytest

from incidents.errors import ValidationError
from incidents.importers import read_file
from incidents.importers.common import cue_type
from incidents.importers.mapping import parse_map
from tests.incidents.test_cli import run

REAL = Path(__file__).parent / "real"


def by_id(path, **options):
    incidents, problems = read_file(REAL / path, **options)
    assert problems == []
    return {item.id: item for item in incidents}


def test_ucdp_ged_resaved_with_us_clock_reads_every_row():
    # peacerep's GED slice was saved by a US-locale tool: '1/22/2014 12:00:00 AM' (month-first, 12-hour clock) and,
    # in the same column, '05/02/2014 00:00'; the AM/PM rows prove the column month-first, so 05/02 is 2 May
    rows = by_id("ucdp_ged_ukraine_peacerep.csv")
    assert len(rows) == 13
    assert rows["ucdp-147997"].started_at == "2014-01-22"
    assert (rows["ucdp-149249"].started_at, rows["ucdp-149249"].ended_at) == ("2014-02-18", "2014-02-20")
    assert rows["ucdp-153027"].started_at == "2014-05-02"
    assert rows["ucdp-153027"].killed == 5


def test_ucdp_source_dates_are_days_and_each_article_is_a_source():
    rows = by_id("ucdp_ged_ukraine_peacerep.csv")
    # source_date '27/01/2014' (day-first in its own column) is stored as the ISO day
    assert [(s.title, s.published) for s in rows["ucdp-149221"].sources] == [
        ("Dead man found hanging on Kiev's Independence Square - police", "2014-01-27")]
    # nine articles listed with ';' in source_office, source_date and source_headline are nine sources
    sources = rows["ucdp-149248"].sources
    assert len(sources) == 9
    assert (sources[1].title, sources[1].published) == (
        "A wounded person lies on the ground after clashes in central Kiev", "2014-02-19")
    assert sources[5].published == "2014-02-20"


def test_ucdp_cue_words_start_words():
    # 'Donetsk Oblast's Kramatorsk airfield' holds 'blast' inside a word: no explosion
    rows = by_id("ucdp_ged_ukraine_peacerep.csv")
    assert rows["ucdp-149879"].event_type == "other"
    assert rows["ucdp-149879"].killed == 0  # best 0 is a stated zero, not unknown
    assert cue_type("Donetsk Oblast shelled") == "other"
    assert cue_type("several people died") == "other"
    assert cue_type("a blast in Kyiv; drones shot down") == "drone_strike"


def test_ucdp_from_hdx_with_hxl_row():
    rows = by_id("ucdp_ged_hdx_hxl_ukr.csv")
    assert len(rows) == 15
    odesa = rows["ucdp-153030"]
    assert (odesa.started_at, odesa.killed, odesa.admin1, odesa.place) == ("2014-05-02", 45, "Odessa oblast",
                                                                            "Odessa town")
    assert [s.published for s in odesa.sources] == ["2014-05-02", "2014-05-06", "2014-06-15", "2014-05-03"]
    donbas = rows["ucdp-419757"]  # date_prec 4 and where_prec 5: a month, a region; adm_1 empty, filled from the point
    assert (donbas.time_precision, donbas.geo_precision, donbas.ended_at) == ("month", "region", "2014-04-30")
    assert donbas.admin1


def test_real_exports_imported_twice_add_nothing(tmp_path):
    db = tmp_path / "x.sqlite"
    for name in ("ucdp_ged_ukraine_peacerep.csv", "ucdp_ged_hdx_hxl_ukr.csv", "acled_api_shape_ukr.json",
                 "acled_hdx_hxl_2001_shape.csv"):
        first = run("import", REAL / name, db=db)
        assert first.returncode == 0 and "Traceback" not in first.stderr, first.stderr
        again = json.loads(run("import", REAL / name, db=db).stdout)
        assert (again["inserted"], again["updated"], again["rejected"]) == (0, 0, 0), name


def test_acled_file_before_2019_without_sub_event_type(tmp_path):
    # ACLED's files before 2019 (data_id, event_id_no_cnty, gwno; no sub_event_type; 'Remote violence') as pandas
    # saved them, index column first. The real file seen (AschHarwood/acled, acled.csv) may not be redistributed
    # (ACLED's terms), so this row is written here in its header's shape; its import was checked on the real one.
    header = (",actor1,actor2,admin1,admin2,admin3,ally_actor_1,ally_actor_2,country,data_id,event_date,event_id_cnty,"
              "event_id_no_cnty,event_type,fatalities,geo_precision,gwno,inter1,inter2,interaction,latitude,location,"
              "longitude,notes,source,time_precision,year\n")
    rows = ("0,A,B,Region,District,,,,Somalia,1,2016-07-02,1RTA,,Remote violence,2,1,520,2,7,27,3.1,Town,43.6,"
            "A mortar attack on the town.,Agence France Presse ,1,2016\n"
            "1,A,B,Region,District,,,,Egypt,2,2016-07-02,2RTA,,Remote violence,0,1,651,1,3,13,30.0,Town,31.2,"
            "A roadside bomb explosion.,Paper,1,2016\n"
            "2,A,,Region,District,,,,Zambia,3,2016-07-02,3RTA,,Riots/Protests,0,1,551,6,0,60,-15.4,Town,28.3,"
            "Workers on strike.,Paper,1,2016\n")
    path = tmp_path / "acled_old.csv"
    path.write_text(header + rows, encoding="utf-8")
    incidents, problems = read_file(path)
    assert problems == []
    rows = {item.id: item for item in incidents}
    assert {k: v.event_type for k, v in rows.items()} == {"acled-1RTA": "strike", "acled-2RTA": "explosion",
                                                          "acled-3RTA": "other"}
    assert rows["acled-1RTA"].killed == 2 and rows["acled-1RTA"].sources[0].title == "Agence France Presse"
    assert rows["acled-1RTA"].origin["data_id"] == "1"


def test_map_proposed_for_cir_monitor_header():
    # the header of the Centre for Information Resilience's Russia-Ukraine monitor table (mauforonda/ukraine,
    # events.csv: no licence, so its rows are not committed): 'town/city' is the place, 'brief description' the notes
    from incidents.importers.mapping import propose_map

    header = ["entry", "date", "event_group", "title", "brief description", "lat", "lon", "country", "province",
              "district", "town/city", "arms/munition", "violence level", "link", "geolocation"]
    fields = propose_map(header).fields
    assert (fields["place"], fields["notes"], fields["started_at"], fields["sources"]) == (
        "town/city", "brief description", "date", "link")
    assert propose_map(["Date", "City / Town", "Lat", "Lon"]).fields["place"] == "City / Town"


def test_ucdp_source_dates_that_stay_ambiguous_leave_the_day_unstated(tmp_path):
    # the peacerep slice with its day-first source dates made ambiguous (05/01/2014 ...): the rows still import,
    # each source without a day; the event dates (their own column) are unaffected
    text = (REAL / "ucdp_ged_ukraine_peacerep.csv").read_text(encoding="utf-8")
    for old, new in ((",27/01/2014,", ",05/01/2014,"), (",20/02/2014,", ",06/02/2014,"),
                     (",22/02/2014,", ",07/02/2014,"), (",13/04/2014,", ",08/04/2014,")):
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "ged.csv"
    path.write_text(text, encoding="utf-8")
    incidents, problems = read_file(path)
    assert problems == [] and len(incidents) == 13
    rows = {item.id: item for item in incidents}
    assert [s.published for s in rows["ucdp-149221"].sources] == [""]
    assert rows["ucdp-149221"].started_at == "2014-01-27"
    assert rows["ucdp-149248"].sources[0].published == "2014-02-18"  # ISO lists are still read


def test_twelve_hour_clock_as_us_locale_tools_save_dates():
    from incidents.importers.dates import DateColumns

    values = ["1/22/2014 12:00:00 AM", "1/23/2014 12:30:00 PM", "1/24/2014 2:05 pm", "05/02/2014 00:00"]
    dates = DateColumns(scan=lambda column: values)
    assert [dates.parse("date_start", v).local.strftime("%Y-%m-%d %H:%M") for v in values] == [
        "2014-01-22 00:00", "2014-01-23 12:30", "2014-01-24 14:05", "2014-05-02 00:00"]
    with pytest.raises(ValidationError, match="not a real calendar date or time"):
        DateColumns(scan=lambda column: ["1/25/2014 13:00 PM"]).parse("d", "1/25/2014 13:00 PM")


def test_crisis_group_maritime_table_mapped():
    # an analyst's table as Excel saved it: dates 'd-mmm-yy' (30-Apr-19), 'Source1'/'Source 2', places that are seas
    path = REAL / "crisisgroup_iran_maritime.csv"
    incidents, problems = read_file(path, fmt="mapped")
    rows = {item.started_at: item for item in incidents}
    first = rows["2019-04-30"]  # row 2: Happiness1, Red Sea
    assert first.place == "Red Sea"
    assert [s.url for s in first.sources] == [
        "https://www.wsj.com/articles/iran-calls-red-sea-oil-shipping-routes-unsafe-11573074910"]
    assert "2022-05-27" in rows and "2019-07-04" in rows  # 27-May-22 (Prudent), 4-Jul-19 (Grace1, Gibraltar)
    assert len(incidents) == 16 and len(problems) == 37
    by_row = {p["row"]: p for p in problems}
    # undated rows and places the offline gazetteer lacks are named with the row, the column and the remedy
    # every d-mmm-yy date is read; the undated rows ('Exact date unknown - Nov 21') are named for their place first
    assert not [p for p in problems if p["field"] == "Date"]
    assert (by_row[45]["field"], by_row[45]["value"]) == ("Location", "Turkey (unconfirmed)")
    assert (by_row[7]["field"], by_row[7]["value"]) == ("Location", "Strait of Hormuz")
    assert "give coordinates" in by_row[7]["message"]
    # two ships seized the same day in the same sea: the second is named, never merged
    assert by_row[49]["field"] == "id" and "same id as row 48" in by_row[49]["message"]


def test_short_year_dates_as_excel_shows_them():
    from incidents.importers.dates import parse_date

    assert [parse_date("d", v).text for v in ("30-Apr-19", "3-May-23", "21 Dec 24", "1-Jan-95")] == [
        "2019-04-30", "2023-05-03", "2024-12-21", "1995-01-01"]
    for bad in ("31-Feb-20", "5-Foo-20", "12/05/19"):
        with pytest.raises(ValidationError):
            parse_date("d", bad)


def test_numbered_columns_proposed_but_never_for_coordinates():
    from incidents.importers.mapping import propose_map

    header = ["Number", "Date", "Vessel", "Incident", "Flag", "Iranian attack?", "Location ", "Source1", "Source 2",
              "", "", "", ""]
    assert propose_map(header).fields == {"started_at": "Date", "place": "Location ", "sources": "Source1"}
    assert "lat" not in propose_map(["Date", "Lat1", "Lon1", "Place"]).fields


def test_geojson_without_our_fields_names_every_map_at_once(tmp_path):
    # the shape of an analyst's GeoJSON (lucagimbo12-star/osint-tracker, events.geojson: no licence, not committed):
    # 'type' and 'date' properties; both maps are named in one answer, not one per attempt
    feature = {"type": "Feature", "properties": {"title": "Refinery", "date": "02/08/2025", "type": "Drones"},
               "geometry": {"type": "Point", "coordinates": [49.876177, 53.067561]}}
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    incidents, problems = read_file(path)
    assert incidents == [] and len(problems) == 1
    message = problems[0]["message"]
    assert "--map event_type=type" in message and "--map started_at=date" in message
    mapping = parse_map(["event_type=type", "started_at=date"], ["event_type:Drones=drone_strike"])
    mapped, problems = read_file(path, mapping=mapping, date_order="dmy")
    assert problems == [] and [(i.event_type, i.started_at) for i in mapped] == [("drone_strike", "2025-08-02")]


def test_mapped_analyst_table_imported_twice_adds_nothing(tmp_path):
    db = tmp_path / "x.sqlite"
    path = REAL / "crisisgroup_iran_maritime.csv"
    first = json.loads(run("import", path, "--format", "mapped", db=db).stdout)
    again = json.loads(run("import", path, "--format", "mapped", db=db).stdout)
    assert (first["inserted"], first["rejected"]) == (16, 37)
    assert (again["inserted"], again["updated"], again["unchanged"], again["rejected"]) == (0, 0, 16, 37)


def test_derived_id_taken_by_another_incident_in_the_store_is_not_merged(tmp_path):
    # Prudent, then Delta Poseidon: seized the same day in the same sea, so the same id from type, place and day.
    # The file refuses the second; importing it later (the rejects file, fixed) must add it, not merge it silently
    db = tmp_path / "x.sqlite"
    path = REAL / "crisisgroup_iran_maritime.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    second = tmp_path / "delta_poseidon.csv"
    second.write_text(lines[0] + next(line for line in lines if "Delta Poseidon" in line), encoding="utf-8")
    first = json.loads(run("import", path, "--format", "mapped", db=db).stdout)
    assert first["inserted"] == 16
    later = json.loads(run("import", second, "--format", "mapped", db=db).stdout)
    assert (later["inserted"], later["unchanged"], later["rejected"]) == (1, 0, 0), later
    again = json.loads(run("import", second, "--format", "mapped", db=db).stdout)
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 1), again
    from incidents.storage.sqlite import SQLiteStore

    store = SQLiteStore(db)
    try:
        vessels = sorted(item.origin["columns"]["Vessel"] for item in store.all() if item.started_at == "2022-05-27")
    finally:
        store.close()
    assert vessels == ["Delta Poseidon", "Prudent"]


def test_derived_id_row_corrected_by_a_person_is_still_the_same_on_reimport(tmp_path):
    # a person's correction of notes and casualties is kept (README), and the file's row stays that incident
    from incidents.storage.sqlite import SQLiteStore

    db = tmp_path / "x.sqlite"
    path = REAL / "crisisgroup_iran_maritime.csv"
    run("import", path, "--format", "mapped", db=db)
    store = SQLiteStore(db)
    try:
        row = next(store.get_row(item.id) for item in store.all() if item.started_at == "2022-05-27")
        store.update(row.incident.id, {"notes": "checked: Prudent only", "killed": 0}, row.version)
    finally:
        store.close()
    again = json.loads(run("import", path, "--format", "mapped", db=db).stdout)
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 16), again


def test_two_articles_telling_one_incident_still_merge_into_it(tmp_path):
    # a derived id shared across imports splits only rows of tables; two reports of one strike are one incident
    from incidents.storage.sqlite import SQLiteStore

    db = tmp_path / "x.sqlite"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Drones struck Belgorod on Saturday, injuring two people, the governor said.", encoding="utf-8")
    second.write_text("Two people were injured when drones hit Belgorod on Saturday, officials said.", encoding="utf-8")
    for path in (first, second):
        assert run("import", path, "--format", "article", "--published", "2025-06-07", db=db).returncode == 0
    store = SQLiteStore(db)
    try:
        items = store.all()
    finally:
        store.close()
    assert [(item.place, len(item.sources)) for item in items] == [("Belgorod", 2)]


def test_acled_api_casualties_unknown_is_not_stated():
    # the ACLED API's JSON as it answers (strings for numbers, '\/' escapes, 'filename'); ACLED codes unknown
    # casualties as 0 and says so in the notes: that 0 is not stated, a 0 without those words stays a stated zero
    rows = by_id("acled_api_shape_ukr.json")
    shelled = rows["acled-UKR900001"]
    assert (shelled.killed, shelled.event_type, shelled.geo_precision) == (None, "strike", "region")
    assert shelled.origin["fatalities"] == "0"
    assert rows["acled-UKR900003"].killed == 0 and rows["acled-UKR900003"].event_type == "interception"
    assert rows["acled-UKR900002"].killed == 1 and rows["acled-UKR900002"].sources[0].title == "Suspilne Media"
    # a stated count is kept even when the notes also say 'Casualties unknown'
    assert (rows["acled-UKR900004"].killed, rows["acled-UKR900004"].event_type) == (2, "drone_strike")
    assert rows["acled-UKR900004"].country == "UA"


def test_acled_as_hdx_served_it_upper_case_with_hxl_row():
    # HDX's ACLED files of the 2000s: upper-case names, ALLY_ACTOR_1, day-first EVENT_DATE, a row of HXL hashtags
    rows = by_id("acled_hdx_hxl_2001_shape.csv")
    assert len(rows) == 3
    first = rows["acled-9001RTA"]
    assert (first.started_at, first.killed, first.place, first.country) == ("2001-04-08", 2, "Tizi Ouzou", "DZ")
    assert rows["acled-9002RTA"].started_at == "2001-04-19" and rows["acled-9002RTA"].killed == 0
    assert rows["acled-9003RTA"].event_type == "strike"  # 'Remote violence' before sub-event types existed


def test_aid_worker_table_from_hdx_mapped_by_proposal():
    # Insecurity Insight's aid worker KIKA table as HDX serves it: 'Country' says OPT or DRC, 'Country ISO' the
    # code; 'Admin 1' spelled with a space; 'No Information' where the region is not known; coordinates left
    # empty ('censored by HDX') for some countries
    incidents, problems = read_file(REAL / "aid_workers_kika_hdx_shape.csv", fmt="mapped")
    assert [(p["row"], p["field"]) for p in problems] == [(2, "Latitude")]
    rows = {item.started_at: item for item in incidents}
    drc = rows["2024-10-29"]
    assert (drc.country, drc.admin1, drc.started_at) == ("CD", "North Kivu", "2024-10-29")
    sudan = rows["2024-11-13"]
    assert sudan.country == "SD" and sudan.admin1 != "No Information"
    assert rows["2024-12-03"].notes.endswith("near a clinic.")  # the cell's trailing line break dropped
    assert len(incidents) == 4


def test_civilian_harm_csv_sources_joined_by_commas_are_one_source_each():
    # Bellingcat's civilian harm data flattened to CSV (every cell quoted, dates month-first, several source URLs
    # joined by bare commas in one cell, 'Unknown' or empty locations, 'associations' as key=value pairs)
    incidents, problems = read_file(REAL / "bellingcat_civharm_csv_shape.csv", fmt="mapped")
    assert problems == []
    rows = {item.id: item for item in incidents}
    first = rows["CIV9001"]
    assert [s.url for s in first.sources] == [
        "https://twitter.com/example_a/status/1000000000000000001",
        "https://twitter.com/example_b/status/1000000000000000002?s=20&t=AbCdEf",
        "https://t.me/example_channel/190"]
    assert (first.started_at, first.place) == ("2022-02-24", "Chuhuiv, south of Kharkiv")
    assert rows["CIV9005"].started_at == "2022-03-13"  # 03/13 proves the column month-first
    assert rows["CIV9003"].place == ""  # 'Unknown' names no place
    assert rows["CIV9001"].origin["columns"]["associations"].startswith("Type of area affected=")


def test_civilian_harm_timemap_json_sources_named_path_and_description():
    # Bellingcat's civilian harm TimeMap API (a JSON list of records): each source an object {id, path,
    # description}; 'HIDDEN' as the path of a withheld source; an empty list where none is given
    incidents, problems = read_file(REAL / "bellingcat_civharm_api_shape.json", fmt="mapped")
    assert problems == []
    rows = {item.id: item for item in incidents}
    assert [(s.url, s.title) for s in rows["CIV9101"].sources] == [
        ("https://twitter.com/example_a/status/1000000000000000001", "Bombing in the city"),
        ("https://t.me/example_channel/8465", "Apartment block hit")]
    assert [(s.url, s.title) for s in rows["CIV9102"].sources] == [("", "Source hidden")]
    assert not rows["CIV9103"].sources
    assert rows["CIV9101"].started_at == "2022-02-23" and rows["CIV9101"].place == "Chuhuiv, south of Kharkiv"


def test_ukrainian_header_proposed_and_decimal_comma_coordinates():
    # a Ukrainian analyst's table as an ArcGIS upload script reads it (header from a public repository's test: 'Дата,
    # Область,Місто,Значення 1..10,long,lat', saved with a BOM; coordinates quoted with a decimal comma, or empty)
    incidents, problems = read_file(REAL / "ukrainian_header_decimal_comma_shape.csv", fmt="mapped")
    rows = {item.started_at: item for item in incidents}
    assert (rows["2024-01-01"].place, rows["2024-01-01"].lat, rows["2024-01-01"].lon) == ("Київ", 50.4501, 30.5234)
    assert (rows["2024-01-02"].lat, rows["2024-01-03"].lon) == (49.8383458, 30.7233)
    # the row without coordinates is geocoded from 'Місто' (Харків), not refused
    assert not problems and round(rows["2024-01-04"].lat) == 50
    from incidents.importers.mapping import propose_map

    header = ["Дата", "Тип", "Населений пункт", "Область", "Широта", "Довгота", "Загинули", "Поранені", "Опис",
              "Джерело", "Країна"]
    assert propose_map(header).fields == {
        "started_at": "Дата", "event_type": "Тип", "place": "Населений пункт", "admin1": "Область", "lat": "Широта",
        "lon": "Довгота", "killed": "Загинули", "injured": "Поранені", "notes": "Опис", "sources": "Джерело",
        "country": "Країна"}


def test_aid_worker_geo_precision_labels_mapped_and_a_country_point_gets_no_region():
    # the table's 'Geo Precision' labels mapped by the user; '(6) Country' places the point at the country's
    # centre: it is stored as country precision and no admin1 is taken from the region that centre falls in
    labels = {"(6) Country": "country", "(2) 25 km Precision": "approximate",
              "(3) District, Communicipality or Commune": "region"}
    mapping = parse_map(["date=Date", "lat=Latitude", "lon=Longitude", "country=Country ISO", "admin1=Admin 1",
                         "notes=Event Description", "id=SiND Event ID", "geo_precision=Geo Precision"],
                        [f"geo_precision:{label}={value}" for label, value in labels.items()])
    incidents, problems = read_file(REAL / "aid_workers_kika_hdx_shape.csv", mapping=mapping)
    rows = {item.id: item for item in incidents}
    assert [(p["row"], p["field"]) for p in problems] == [(2, "Latitude")]  # 'censored by HDX': no coordinates
    assert (rows["90003"].geo_precision, rows["90003"].admin1, rows["90003"].country) == ("country", "", "SD")
    assert (rows["90002"].geo_precision, rows["90002"].admin1) == ("approximate", "Aleppo Governorate")
    assert rows["90005"].geo_precision == "region"


def test_acled_api_answer_over_the_streaming_size_is_read_whole(tmp_path):
    # a real API download (limit raised) runs past the size above which GeoJSON is read feature by feature; it is
    # no FeatureCollection, and was refused as one: it is read whole, in the API's shape as committed
    from incidents.importers import STREAM_BYTES

    document = json.loads((REAL / "acled_api_shape_ukr.json").read_text(encoding="utf-8"))
    first = document["data"][0]
    note = first["notes"] + " " + "Further detail." * 300
    document["data"] = [{**first, "event_id_cnty": f"UKR8{n:05d}", "notes": note} for n in range(2000)]
    path = tmp_path / "2024-01-01-2024-12-31-Ukraine.json"
    path.write_text(json.dumps(document, separators=(",", ":")).replace("/", "\\/"), encoding="utf-8")
    assert path.stat().st_size > STREAM_BYTES
    incidents, problems = read_file(path)
    assert problems == [] and len(incidents) == 2000
    assert {item.killed for item in incidents} == {None}  # 'Casualties unknown.' in every row's notes
    assert incidents[0].id == "acled-UKR800000" and incidents[0].started_at == "2024-01-01"


def test_acled_export_turned_into_geojson_is_read_as_acled(tmp_path):
    # peacerep/ukraine-map's README: ACLED's export 'converted to GeoJSON using an online converter' (convertcsv):
    # each row a Point feature whose properties are the ACLED columns (numbers may come out as numbers)
    records = json.loads((REAL / "acled_api_shape_ukr.json").read_text(encoding="utf-8"))["data"]
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(r["longitude"]),
                                                                                  float(r["latitude"])]},
                 "properties": {**r, "latitude": float(r["latitude"]), "longitude": float(r["longitude"]),
                                "fatalities": int(r["fatalities"])}} for r in records]
    path = tmp_path / "acled_ukraine.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    rows = {item.id: item for item in read_file(path)[0]}
    assert sorted(rows) == ["acled-UKR900001", "acled-UKR900002", "acled-UKR900003", "acled-UKR900004"]
    assert (rows["acled-UKR900004"].event_type, rows["acled-UKR900004"].killed) == ("drone_strike", 2)
    assert (rows["acled-UKR900002"].lat, rows["acled-UKR900002"].place) == (48.1394, "Avdiivka")
    assert rows["acled-UKR900001"].killed is None
