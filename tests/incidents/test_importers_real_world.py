"""Real data exports as they are redistributed, built small in the tests with the publishers' exact columns: HDX
tables with an HXL hashtag row, ACLED's aggregated (weekly) data, ACLED's current export, UCDP GED and Candidate
Events, zipped downloads, KML/KMZ from Google My Maps/Earth, and projected coordinates."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from incidents.errors import ImportFormatError
from incidents.importers import open_path, read_file, read_text
from tests.incidents.factory import import_cli as cli

ROOT = Path(__file__).resolve().parents[2]

# HDX's "Conflict Data for <country>": ACLED's columns, and the HXL row the HDX scraper writes under the header
HDX_ACLED = (
    "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,"
    "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3\n"
    ",,#event+code,,#date+occurred,#date+year,,#event+type,,#group+name+first,#group+name+first+assoc,,"
    "#group+name+second,#group+name+second+assoc,,,#region+name,#country+name,#adm1+name,#adm2+name,#adm3+name,"
    "#loc+name,#geo+lat,#geo+lon,,#meta+source,,#description,#affected+killed,,#country+code\n"
    "9912345,804,UKR150001,150001,2024-01-06,2024,1,Explosions/Remote violence,Shelling/artillery/missile attack,"
    "Military Forces of Russia (2000-),,8,Civilians (Ukraine),,7,78,Europe,Ukraine,Kharkiv,Kharkivskyi,Kharkiv,"
    "Kharkiv,49.9935,36.2304,1,Suspilne,National,\"Shelling hit a house, one killed\",1,1704931200,UKR\n"
    "9912346,804,UKR150002,150002,2024-01-07,2024,1,Explosions/Remote violence,Air/drone strike,"
    "Military Forces of Russia (2000-),,8,,,0,80,Europe,Ukraine,Odesa,Odeskyi,Odesa,Odesa,46.4775,30.7326,1,"
    "Ukrinform,National,Shahed drones hit the port,0,1704931200,UKR\n"
)
HDX_OWN = ("Incident date,Oblast,Settlement,Lat,Long,Dead,Type\n"
           "#date,#adm1+name,#loc+name,#geo+lat,#geo+lon,#affected+killed,#event+type\n"
           "2024-01-06,Kharkivska,Kharkiv,49.9935,36.2304,2,Shelling\n"
           "2024-01-09,Odeska,Odesa,46.4775,30.7326,0,Drone\n")
HDX_MONTHLY = ("Country,Admin1,ISO3,Admin1 Pcode,Month,Year,Events,Fatalities\n"
               "#country+name,#adm1+name,#country+code,#adm1+code,#date+month,#date+year,#indicator+events,"
               "#affected+killed\n"
               "Ukraine,Kharkiv,UKR,UA63,January,2024,312,41\n")


def write_xlsx(path: Path, rows: list[list]) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Data")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.close()
    return path


def csv_rows(text: str) -> list[list]:
    return [list(row) for row in csv.reader(io.StringIO(text))]




# 1. HDX with an HXL hashtag row


def test_hdx_acled_csv_skips_the_hashtag_row_and_reads_every_event():
    incidents, problems = read_text(HDX_ACLED)
    assert problems == []
    assert {i.id: (i.started_at, i.killed, i.event_type) for i in incidents} == {
        "acled-UKR150001": ("2024-01-06", 1, "strike"), "acled-UKR150002": ("2024-01-07", 0, "drone_strike")}


def test_hdx_acled_xlsx_reports_the_hashtag_row(tmp_path):
    path = write_xlsx(tmp_path / "conflict_data_ukr.xlsx", csv_rows(HDX_ACLED))
    batch = open_path(path)
    incidents = list(batch.incidents())
    assert batch.report.problems == [] and len(incidents) == 2
    assert batch.report.info["hxl_row"] == 2 and batch.report.info["hxl_tags"]["latitude"] == "#geo+lat"


def test_unknown_header_with_hashtags_is_mapped_by_its_tags(tmp_path):
    path = tmp_path / "hdx_casualties.csv"
    path.write_text(HDX_OWN, encoding="utf-8")
    batch = open_path(path)
    incidents = list(batch.incidents())
    assert batch.report.problems == [] and batch.report.info["mapping_from"] == "HXL hashtags"
    assert sorted((i.place, i.admin1, i.killed, i.started_at) for i in incidents) == [
        ("Kharkiv", "Kharkivska", 2, "2024-01-06"), ("Odesa", "Odeska", 0, "2024-01-09")]
    assert all(i.event_type == "other" for i in incidents)  # the publisher's own labels stay in origin
    assert incidents[0].origin["columns"]["Type"] in ("Shelling", "Drone")


def test_hashtags_for_monthly_counts_are_refused_with_the_reason():
    with pytest.raises(ImportFormatError, match="counts per period.*event-level"):
        read_text(HDX_MONTHLY)


# 2. ACLED aggregated data (weekly, per admin1)

AGGREGATED_HEADER = ["WEEK", "REGION", "COUNTRY", "ADMIN1", "EVENT_TYPE", "SUB_EVENT_TYPE", "EVENTS", "FATALITIES",
                     "POPULATION_EXPOSURE", "DISORDER_TYPE", "ID", "CENTROID_LATITUDE", "CENTROID_LONGITUDE"]
AGGREGATED_ROWS = [
    ["06-January-2024", "Europe", "Ukraine", "Kharkiv", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "57", "4", "1200000", "Political violence", "63", "49.6", "36.6"],
    ["06-January-2024", "Europe", "Ukraine", "Kharkiv", "Explosions/Remote violence", "Air/drone strike", "12", "0",
     "", "Political violence", "63", "49.6", "36.6"],
    ["13-January-2024", "Europe", "Ukraine", "Odesa", "Battles", "Armed clash", "0", "0", "", "Political violence",
     "51", "46.9", "30.1"],
]


def aggregated_csv() -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([AGGREGATED_HEADER, *AGGREGATED_ROWS])
    return out.getvalue()


def test_acled_aggregated_rows_become_region_incidents_spanning_the_week():
    incidents, problems = read_text(aggregated_csv())
    shelling = next(i for i in incidents if i.event_type == "strike")
    assert (shelling.started_at, shelling.ended_at, shelling.geo_precision) == ("2024-01-06", "2024-01-12", "region")
    assert (shelling.place, shelling.admin1, shelling.country, shelling.killed) == ("Kharkiv", "Kharkiv", "UA", 4)
    assert shelling.origin["events"] == 57 and "not one event" in shelling.notes
    assert [(p["row"], p["field"]) for p in problems] == [(4, "EVENTS")]  # a zero-event row is named, not mapped


def test_acled_aggregated_xlsx_reads_like_its_csv(tmp_path):
    import datetime as dt

    rows = [[dt.datetime(2024, 1, 6) if i == 0 else cell for i, cell in enumerate(row)] for row in AGGREGATED_ROWS]
    path = tmp_path / "Europe_aggregated_data_up_to_week_of-2024-01-13.xlsx"
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, AGGREGATED_HEADER)
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows, start=1):
        for c, cell in enumerate(row):
            if isinstance(cell, dt.datetime):
                sheet.write_datetime(r, c, cell, date_format)
            elif c in (6, 7, 11, 12) and cell:
                sheet.write_number(r, c, float(cell))
            elif cell:
                sheet.write_string(r, c, cell)
    book.close()
    from_xlsx, _ = read_file(path)
    from_csv, _ = read_text(aggregated_csv())
    assert {i.id: (i.started_at, i.killed) for i in from_xlsx} == {i.id: (i.started_at, i.killed) for i in from_csv}


def test_acled_aggregated_reimport_adds_nothing(tmp_path):
    path = tmp_path / "aggregated.csv"
    path.write_text(aggregated_csv(), encoding="utf-8")
    first, again = cli(tmp_path, str(path)), cli(tmp_path, str(path))
    assert (first["format"], first["inserted"], again["inserted"], again["unchanged"]) == ("acled-weekly", 2, 0, 2)


# 3. ACLED's current export: quoted notes with new lines and commas, inter1 as text or as a number

ACLED_COLUMNS = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                 "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                 "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,"
                 "fatalities,tags,timestamp").split(",")
ACLED_ROWS = [
    ["UKR160001", "2024-12-21", "2024", "1", "Political violence", "Explosions/Remote violence", "Air/drone strike",
     "Military Forces of Russia (2000-)", "", "State forces", "Civilians (Ukraine)", "", "Civilians",
     "State forces-Civilians", "Civilian targeting", "804", "Europe", "Ukraine", "Kyiv City", "Kyiv", "", "Kyiv",
     "50.4501", "30.5234", "1", "Suspilne; Ukrainska Pravda", "National",
     ('On 21 December 2024, Russian forces struck Kyiv with "Shahed" drones,\ndamaging a house.\n'
      'Casualties: 1 killed, 3 injured.'), "1", "casualties include children", "1735300000"],
    ["UKR160002", "2024-12-20", "2024", "2", "Political violence", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "Military Forces of Russia (2000-)", "", "1", "", "", "0", "10", "",
     "804", "Europe", "Ukraine", "Kharkiv", "Kharkivskyi", "Kharkiv", "Kharkiv", "49.9935", "36.2304", "2",
     "Ukrinform", "National", "Missile strike on an industrial site, 0 casualties", "0", "", "1735300000"],
]


def table_text(header, rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])  # Excel-style CRLF and quoting
    return out.getvalue()


def test_acled_current_export_with_multiline_notes_and_text_or_numeric_inter(tmp_path):
    path = tmp_path / "2024-12-01-2024-12-31-Ukraine.csv"
    path.write_text(table_text(ACLED_COLUMNS, ACLED_ROWS), encoding="utf-8")
    batch = open_path(path)
    incidents = {i.id: i for i in batch.incidents()}
    assert batch.report.problems == [] and batch.report.fmt == "acled"
    kyiv = incidents["acled-UKR160001"]
    assert kyiv.event_type == "drone_strike" and kyiv.killed == 1 and kyiv.notes.count("\n") >= 2
    assert kyiv.origin["civilian_targeting"] == "Civilian targeting" and kyiv.origin["inter1"] == "State forces"
    assert incidents["acled-UKR160002"].origin["inter1"] == "1" and incidents["acled-UKR160002"].killed == 0


# 4. UCDP GED (all 49 columns of GEDEvent_v24_1) and the Candidate Events file; zipped as downloaded

GED_COLUMNS = ("id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,"
               "conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
               "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,"
               "source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,"
               "longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,"
               "date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob").split(",")


def ged_row(event_id: str, **values: str) -> list[str]:
    base = {"id": event_id, "relid": f"UKR-2023-1-{event_id}", "year": "2023", "active_year": "1",
            "code_status": "Clear", "type_of_violence": "1", "conflict_dset_id": "13243", "conflict_new_id": "13243",
            "conflict_name": "Russia - Ukraine", "dyad_dset_id": "14438", "dyad_new_id": "14438",
            "dyad_name": "Government of Russia (Soviet Union) - Government of Ukraine",
            "side_a_dset_id": "57", "side_a_new_id": "57", "side_a": "Government of Russia (Soviet Union)",
            "side_b_dset_id": "65", "side_b_new_id": "65", "side_b": "Government of Ukraine",
            "number_of_sources": "2", "source_article": '"Kyiv Independent,2023-03-09,""Missile strike on Kharkiv"""',
            "source_office": "Kyiv Independent", "source_date": "2023-03-09 00:00:00.000",
            "source_headline": "Missile strike on Kharkiv", "source_original": "Kharkiv regional administration",
            "where_prec": "1", "where_coordinates": "Kharkiv town", "where_description": "Kharkiv",
            "adm_1": "Kharkiv oblast", "adm_2": "Kharkivskyi raion", "latitude": "49.988358", "longitude": "36.232845",
            "geom_wkt": "POINT (36.232845 49.988358)", "priogrid_gid": "180193", "country": "Ukraine",
            "country_id": "369", "region": "Europe", "event_clarity": "1", "date_prec": "1",
            "date_start": "2023-03-09 00:00:00.000", "date_end": "2023-03-09 00:00:00.000", "deaths_a": "0",
            "deaths_b": "0", "deaths_civilians": "3", "deaths_unknown": "0", "best": "3", "high": "3", "low": "3",
            "gwnoa": "365", "gwnob": "369"}
    base.update(values)
    return [base[name] for name in GED_COLUMNS]


def ged_text() -> str:
    return table_text(GED_COLUMNS, [ged_row("487001"), ged_row("487002", date_prec="3", where_prec="4",
                                                               date_start="2023-03-01 00:00:00.000",
                                                               source_headline="Shelling in Kharkiv region")])


def test_ucdp_ged_full_columns_read_every_row():
    incidents, problems = read_text(ged_text())
    assert problems == []
    by_id = {i.id: i for i in incidents}
    assert by_id["ucdp-487001"].event_type == "missile_strike" and by_id["ucdp-487001"].killed == 3
    assert by_id["ucdp-487002"].geo_precision == "region" and by_id["ucdp-487002"].ended_at


def test_ucdp_candidate_events_as_downloaded():
    rows = [ged_row("1250001", code_status="Check deaths", year="2024", date_start="2024-02-01",
                    date_end="2024-02-01", relid="UKR-2024-1-1250001"),
            ged_row("1250002", code_status="Clear", year="2024", date_start="2024-02-02", date_end="2024-02-02")]
    incidents, problems = read_text(table_text(GED_COLUMNS, rows))
    assert problems == [] and {i.origin["code_status"] for i in incidents} == {"Check deaths", "Clear"}


def zipped(tmp_path: Path, name: str, member: str, data: bytes, extra: dict | None = None) -> Path:
    import zipfile

    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
        for other, content in (extra or {}).items():
            archive.writestr(other, content)
    return path


def test_csv_and_xlsx_inside_a_zip_are_read_directly(tmp_path):
    ged = zipped(tmp_path, "ged241-csv.zip", "GEDEvent_v24_1.csv", ged_text().encode("utf-8"),
                 {"__MACOSX/._GEDEvent_v24_1.csv": b"\x00\x05\x16\x07", "README.txt": b"UCDP GED 24.1"})
    batch = open_path(ged)
    assert len(list(batch.incidents())) == 2 and batch.report.info["archive_member"] == "GEDEvent_v24_1.csv"
    xlsx = write_xlsx(tmp_path / "conflict_data_ukr.xlsx", csv_rows(HDX_ACLED))
    packed = zipped(tmp_path, "hdx.zip", "data/conflict_data_ukr.xlsx", xlsx.read_bytes())
    incidents, problems = read_file(packed)
    assert problems == [] and len(incidents) == 2


@pytest.mark.parametrize("members, words", [
    ({"a.csv": "x", "b.csv": "y"}, "2 data files"),
    ({"codebook.pdf": "x"}, "no CSV"),
])
def test_zip_without_exactly_one_data_file_is_refused_in_one_line(tmp_path, members, words):
    first, *rest = members.items()
    path = zipped(tmp_path, "bad.zip", first[0], first[1].encode(), {k: v.encode() for k, v in rest})
    with pytest.raises(ImportFormatError, match=words):
        read_file(path)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ImportFormatError, match="zip"):
        read_file(broken)


def test_zipped_ged_reimport_adds_nothing(tmp_path):
    path = zipped(tmp_path, "ged241-csv.zip", "GEDEvent_v24_1.csv", ged_text().encode("utf-8"))
    first, again = cli(tmp_path, str(path)), cli(tmp_path, str(path))
    assert (first["inserted"], again["inserted"], again["unchanged"]) == (2, 0, 2)
    assert not list(Path(__import__("tempfile").gettempdir()).glob("incidents-zip-*"))


# 5. KML/KMZ from Google My Maps and Google Earth

MY_MAPS = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>Strikes, January</name>
    <Style id="icon-1899-0288D1-normal"><IconStyle><scale>1</scale></IconStyle></Style>
    <Folder>
      <name>Untitled layer</name>
      <Placemark>
        <name>Kharkiv</name>
        <description><![CDATA[Date: 06/01/2024<br>Killed: 2<br>Missile hit a residential building]]></description>
        <styleUrl>#icon-1899-0288D1</styleUrl>
        <ExtendedData>
          <Data name="Date"><value>06/01/2024</value></Data>
          <Data name="Killed"><value>2</value></Data>
        </ExtendedData>
        <Point>
          <coordinates>
            36.2304,49.9935,0
          </coordinates>
        </Point>
      </Placemark>
      <Placemark>
        <name>Odesa port</name>
        <description>Shahed drones hit the port</description>
        <ExtendedData>
          <Data name="Date"><value>25/01/2024</value></Data>
          <Data name="Killed"><value></value></Data>
        </ExtendedData>
        <Point><coordinates>30.7326,46.4775,0</coordinates></Point>
      </Placemark>
      <Placemark>
        <name>Unknown day</name>
        <Point><coordinates>30.5234,50.4501,0</coordinates></Point>
      </Placemark>
    </Folder>
  </Document>
</kml>
"""
EARTH = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>doc.kml</name>
  <Placemark id="strike-1"><name>Drone strike, Kyiv</name>
    <TimeStamp><when>2024-12-21T04:30:00Z</when></TimeStamp>
    <Point><gx:drawOrder>1</gx:drawOrder><coordinates>30.5234,50.4501,0</coordinates></Point></Placemark>
  <Placemark><name>Shelling of the area</name>
    <TimeSpan><begin>2024-12-18</begin><end>2024-12-20</end></TimeSpan>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>36.0,49.9,0 36.4,49.9,0 36.4,50.1,0 36.0,50.1,0 36.0,49.9,0
    </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
  <Placemark><name>Earth SchemaData</name><ExtendedData><SchemaData schemaUrl="#s">
    <SimpleData name="event_date">2024-12-22</SimpleData><SimpleData name="type">strike</SimpleData>
    </SchemaData></ExtendedData><Point><coordinates>35.0462,48.4647</coordinates></Point></Placemark>
</Document></kml>
"""


def test_my_maps_kml_reads_dates_from_its_fields_and_names_the_undated_placemark(tmp_path):
    path = tmp_path / "Strikes, January.kml"
    path.write_text(MY_MAPS, encoding="utf-8")
    batch = open_path(path)
    incidents = {i.place: i for i in batch.incidents()}
    assert set(incidents) == {"Kharkiv", "Odesa port"} and batch.report.fmt == "kml"
    assert (incidents["Kharkiv"].started_at, incidents["Kharkiv"].killed) == ("2024-01-06", 2)
    assert incidents["Kharkiv"].event_type == "missile_strike" and "Killed: 2" in incidents["Kharkiv"].notes
    assert incidents["Odesa port"].event_type == "drone_strike" and incidents["Odesa port"].country == "UA"
    [problem] = batch.report.problems
    assert problem["row"] == 3 and "no date" in problem["message"] and "--map started_at" in problem["message"]


def test_google_earth_kmz_timestamps_spans_shapes_and_schema_data(tmp_path):
    path = zipped(tmp_path, "strikes.kmz", "doc.kml", EARTH.encode("utf-8"), {"files/icon.png": b"\x89PNG"})
    incidents, problems = read_file(path)
    assert problems == []
    by_name = {i.origin["name"]: i for i in incidents}
    kyiv = by_name["Drone strike, Kyiv"]
    assert (kyiv.id, kyiv.started_at, kyiv.event_type) == ("kml-strike-1", "2024-12-21T04:30:00Z", "drone_strike")
    area = by_name["Shelling of the area"]
    assert (area.started_at, area.ended_at, area.geo_precision) == ("2024-12-18", "2024-12-20", "region")
    assert abs(area.lat - 50.0) < 0.01 and "centre of the shape" in area.notes
    schema = by_name["Earth SchemaData"]
    assert (schema.started_at, schema.event_type) == ("2024-12-22", "strike")


def test_kml_through_a_column_map(tmp_path):
    path = tmp_path / "map.kml"
    path.write_text(MY_MAPS, encoding="utf-8")
    from incidents.importers.mapping import parse_map

    incidents, problems = read_file(path, mapping=parse_map(["date=Date", "place=name", "killed=Killed"]))
    assert sorted(i.place for i in incidents) == ["Kharkiv", "Odesa port"] and len(problems) == 1


@pytest.mark.parametrize("text, words", [
    ('<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><kml>&b;</kml>', "DTD"),
    ("<kml>" + "<Folder>" * 100 + "</Folder>" * 100 + "</kml>", "nests over"),
    ("<kml><Placemark><name>cut", "well-formed"),
])
def test_hostile_or_broken_kml_is_refused_in_one_line(tmp_path, text, words):
    path = tmp_path / "bad.kml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFormatError, match=words):
        read_file(path)


def test_kml_reimport_adds_nothing(tmp_path):
    path = tmp_path / "map.kml"
    path.write_text(MY_MAPS, encoding="utf-8")
    first, again = cli(tmp_path, str(path)), cli(tmp_path, str(path))
    assert (first["format"], first["inserted"], again["inserted"], again["unchanged"]) == ("kml", 2, 0, 2)


# 6. Coordinates in a projected CRS

PROJECTED_CSV = ("id,event_type,started_at,lat,lon\n"
                 "p1,strike,2024-01-06,6430000,4034000\n"
                 "p2,strike,2024-01-07,,\n")


def test_csv_in_web_mercator_is_reprojected_with_crs_and_noted(tmp_path):
    path = tmp_path / "mercator.csv"
    path.write_text(PROJECTED_CSV, encoding="utf-8")
    plain = cli(tmp_path / "a", str(path))
    assert plain["inserted"] == 0 and "--crs EPSG" in plain["problems"][0]["message"]
    done = cli(tmp_path / "b", str(path), "--crs", "EPSG:3857")
    assert (done["inserted"], done["crs"]) == (1, "EPSG:3857") and done["problems"][0]["row"] == 3
    [item], _ = read_file(path, crs="EPSG:3857")
    assert abs(item.lat - 49.906) < 0.001 and abs(item.lon - 36.238) < 0.001
    assert item.notes == "coordinates reprojected from EPSG:3857 to WGS 84"


def test_mapped_table_in_utm_and_an_unknown_crs(tmp_path):
    from incidents.importers.mapping import parse_map

    text = "Date,Town,Northing,Easting\n2024-01-06,Kharkiv,5530000,302000\n"
    [item], problems = read_text(text, crs="EPSG:32637",
                                 mapping=parse_map(["date=Date", "place=Town", "lat=Northing", "lon=Easting"]))
    assert problems == [] and 49.8 < item.lat < 50.0 and 36.1 < item.lon < 36.4
    with pytest.raises(ImportFormatError, match="unknown CRS"):
        read_text(PROJECTED_CSV, crs="EPSG:not-a-code")
    path = tmp_path / "x.csv"
    path.write_text(PROJECTED_CSV, encoding="utf-8")
    done = cli(tmp_path, str(path), "--crs", "nonsense")
    assert done["error"].startswith("error:") and "EPSG:NNNN" in done["error"]


def test_candidate_release_without_its_header_row_is_read_with_the_ged_columns(tmp_path):
    headerless = ged_text().split("\r\n", 1)[1]  # as some Candidate releases were published
    path = zipped(tmp_path, "GEDEvent_v24_0_1.zip", "GEDEvent_v24_0_1.csv", headerless.encode("utf-8"))
    batch = open_path(path)
    incidents = list(batch.incidents())
    assert [i.id for i in incidents] == ["ucdp-487001", "ucdp-487002"] and batch.report.problems == []
    assert "without its header row" in batch.report.info["header"]
    with pytest.raises(ImportFormatError, match="unknown format"):  # 49 cells that are not GED stay unknown
        read_text(",".join(["x"] * 49) + "\n" + ",".join(["1"] * 49) + "\n")


def test_acled_aggregated_row_without_admin1_is_the_country():
    row = ["06-January-2024", "Europe", "Ukraine", "", "Strategic developments", "Disrupted weapons use", "3", "0",
           "", "Strategic developments", "804", "48.4", "31.2"]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([AGGREGATED_HEADER, row])
    [item], problems = read_text(out.getvalue())
    assert problems == [] and (item.place, item.admin1, item.geo_precision) == ("Ukraine", "", "country")
    assert item.event_type == "interception"


def test_kml_month_timestamp_is_a_month(tmp_path):
    path = tmp_path / "month.kml"
    path.write_text(EARTH.replace("<when>2024-12-21T04:30:00Z</when>", "<when>2024-12</when>"), encoding="utf-8")
    incidents, problems = read_file(path)
    kyiv = next(i for i in incidents if i.origin["name"] == "Drone strike, Kyiv")
    assert problems == [] and (kyiv.started_at, kyiv.time_precision) == ("2024-12-01", "month")


def test_upper_case_acled_columns_as_older_hdx_files_write_them():
    upper = HDX_ACLED.split("\n", 1)
    text = upper[0].upper() + "\n" + upper[1]
    incidents, problems = read_text(text)
    assert problems == [] and sorted(i.id for i in incidents) == ["acled-UKR150001", "acled-UKR150002"]


def test_zipped_file_rejects_are_written_from_the_extracted_rows(tmp_path):
    bad = ged_text().replace("2023-03-09 00:00:00.000,2023-03-09", "2023-13-09 00:00:00.000,2023-03-09", 1)
    path = zipped(tmp_path, "ged.zip", "GEDEvent_v24_1.csv", bad.encode("utf-8"))
    done = cli(tmp_path, str(path), "--rejects", str(tmp_path / "rejected.csv"))
    assert (done["inserted"], done["rejects"]["rows"]) == (1, 1)
    [row] = list(csv.DictReader(io.StringIO((tmp_path / "rejected.csv").read_text(encoding="utf-8"))))
    assert row["id"] == "487001" and "date_start" in row["rejected_reason"]


def test_zipped_shapefile_names_the_conversion(tmp_path):
    path = zipped(tmp_path, "admin.zip", "strikes.shp", b"\x00\x00\x27\x0a", {"strikes.dbf": b"\x03"})
    with pytest.raises(ImportFormatError, match="shapefile.*GeoJSON"):
        read_file(path)


def test_network_link_kml_without_placemarks_says_how_to_export(tmp_path):
    path = tmp_path / "link.kml"
    path.write_text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><NetworkLink>'
                    '<Link><href>https://www.google.com/maps/d/kml?mid=x</href></Link></NetworkLink></Document></kml>',
                    encoding="utf-8")
    with pytest.raises(ImportFormatError, match="no Placemark.*network link"):
        read_file(path)
