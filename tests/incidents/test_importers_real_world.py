"""Real data exports as they are redistributed, built small in the tests with the publishers' exact columns: HDX
tables with an HXL hashtag row, ACLED's aggregated (weekly) data, ACLED's current export, UCDP GED and Candidate
Events, zipped downloads, KML/KMZ from Google My Maps/Earth, and projected coordinates."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from incidents.errors import ImportFormatError
from incidents.importers import open_path, read_file, read_text

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


def cli(tmp_path: Path, *args: str) -> dict:
    env = {"INCIDENTS_DB": str(tmp_path / "store.sqlite"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "incidents", "import", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout) if done.returncode == 0 else {"error": done.stderr.strip()}


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
