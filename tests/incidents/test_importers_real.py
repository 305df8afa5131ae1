"""Real files as analysts have them: dates per column, local times, plain sources, encodings and delimiters,
spreadsheets, column maps with offline geocoding, ACLED/UCDP JSON and GeoJSON through a map; rows streamed."""

import datetime as dt
import json
import types

import pytest

from incidents.errors import ImportFormatError
from incidents.importers import ImportOptions, open_path, read_file, read_text
from incidents.importers.dates import DateColumns, column_facts, parse_date
from incidents.importers.mapping import header_signature, parse_map, propose_map
from incidents.importers.sniff import detect_delimiter, detect_encoding
from tests.incidents.test_cli import assert_one_line_error, run

ACLED_REDISTRIBUTED = (
    "id,event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,actor_dyad,"
    "iso,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n"
    "1,RUS100,03/08/2020 00:00:00,2020,1,PV,ER,Air/drone strike,A,A-B,643,Russia,Tatarstan,Kazan,55.79,49.12,1,"
    "Reuters,drone hit,0\n"
    "2,RUS101,14/08/2020 00:00:00,2020,1,PV,ER,Shelling/artillery/missile attack,A,A-B,643,Russia,Belgorod,"
    "Belgorod,50.6,36.59,1,TASS,missile,2\n"
    "3,RUS102,01/12/2020 00:00:00,2020,1,PV,ER,Air/drone strike,A,A-B,643,Russia,Kursk,Kursk,51.73,36.19,1,"
    "TASS,,\n"
)


def by_id(incidents):
    return {item.id: item for item in incidents}


def test_acled_export_as_redistributed_imports_every_row(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_REDISTRIBUTED, encoding="utf-8")
    incidents, problems = read_file(path)
    assert problems == []
    days = {item.id: item.started_at for item in incidents}
    # one row (14/08) proves the column day-first, so 03/08 and 01/12 are read day-first too; 00:00:00 is no time
    assert days == {"acled-RUS100": "2020-08-03", "acled-RUS101": "2020-08-14", "acled-RUS102": "2020-12-01"}


def test_month_first_column_is_decided_by_one_row():
    text = "Date,Town,Y,X\n03/08/2020,Kazan,55.79,49.12\n08/14/2020,Kazan,55.79,49.12\n"
    incidents, problems = read_text(text, mapping=parse_map(["date=Date", "place=Town", "lat=Y", "lon=X"]))
    assert problems == [] and sorted(item.started_at for item in incidents) == ["2020-03-08", "2020-08-14"]


def test_ambiguous_column_is_refused_once_with_the_remedy(tmp_path):
    path = tmp_path / "ambiguous.csv"
    path.write_text("Date,Y,X\n03/08/2020,55.79,49.12\n04/09/2020,55.79,49.12\n", encoding="utf-8")
    done = run("import", path, "--map", "date=Date", "--map", "lat=Y", "--map", "lon=X", db=tmp_path / "s.sqlite")
    assert_one_line_error(done)
    assert "--date-order dmy" in done.stderr and "03/08/2020" in done.stderr
    chosen = run("import", path, "--map", "date=Date", "--map", "lat=Y", "--map", "lon=X", "--date-order", "mdy",
                 db=tmp_path / "s.sqlite")
    assert chosen.returncode == 0 and json.loads(chosen.stdout)["inserted"] == 2
    empty = run("export", "--format", "csv", "--end", "2020-03-31", "--include-drafts", db=tmp_path / "s.sqlite")
    assert "2020-03-08" in empty.stdout


def test_a_column_mixing_day_first_and_month_first_is_refused():
    with pytest.raises(ImportFormatError, match="mixes day-first"):
        column_facts("Date", ["14/08/2020", "08/14/2020"])


@pytest.mark.parametrize("value, expected", [
    ("2024-12-21", "2024-12-21"),
    ("2024-12-21T07:40+03:00", "2024-12-21T07:40+03:00"),
    ("21 December 2024", "2024-12-21"),
    ("21 Dec 2024", "2024-12-21"),
    ("2024/12/21", "2024-12-21"),
    ("21/12/2024", "2024-12-21"),
    ("45647", "2024-12-21"),  # Excel serial
    ("1734766800", "2024-12-21T07:40:00+00:00"),  # Unix seconds
    ("1734766800000", "2024-12-21T07:40:00+00:00"),  # Unix milliseconds
])
def test_date_forms_recognised(value, expected):
    assert DateColumns(scan=lambda column: [value]).parse("Date", value).text == expected


def test_unknown_date_form_names_what_to_write():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("Date", "yesterday")


def test_local_times_take_the_place_zone_offset_with_a_note():
    text = "event_type,lat,lon,started_at\ndrone_strike,55.79,49.12,2024-12-21 07:40\n" \
           "drone_strike,50.45,30.52,2024-07-08 10:00\n"
    incidents, problems = read_text(text, "csv")
    assert problems == []
    kazan, kyiv = sorted(incidents, key=lambda item: item.lat)[::-1]
    assert kazan.started_at == "2024-12-21T07:40+03:00" and "Europe/Moscow" in kazan.notes
    assert kyiv.started_at == "2024-07-08T10:00+03:00" and "Europe/Kyiv" in kyiv.notes  # summer time that date
    utc, _ = read_text(text, "csv", assume_utc=True)
    assert sorted(item.started_at for item in utc) == ["2024-07-08T10:00+00:00", "2024-12-21T07:40+00:00"]


def test_plain_urls_titles_and_lists_are_sources():
    text = ("event_type,lat,lon,started_at,sources\n"
            "strike,55.79,49.12,2024-12-21,https://example.org/a\n"
            "strike,55.80,49.12,2024-12-21,\"Reuters; https://example.org/b\nTASS\"\n"
            "strike,55.81,49.12,2024-12-21,\"[{\"\"title\"\": \"\"JSON\"\"}]\"\n")
    incidents, problems = read_text(text, "csv")
    assert problems == []
    sources = [[(s.title, s.url) for s in item.sources] for item in sorted(incidents, key=lambda i: i.lat)]
    assert sources == [[("", "https://example.org/a")], [("Reuters", ""), ("", "https://example.org/b"), ("TASS", "")],
                       [("JSON", "")]]


def test_semicolon_cp1251_file_is_detected_and_reported(tmp_path):
    path = tmp_path / "cyr.csv"
    path.write_bytes("Дата;Город;Широта;Долгота;Погибшие\n21.12.2024;Казань;55,79;49,12;3\n".encode("cp1251"))
    batch = open_path(path, ImportOptions(fmt="mapped"))  # the map proposed from the header names
    incidents = list(batch.incidents())
    report = batch.report.to_dict()
    assert (report["encoding"], report["delimiter"], report["format"]) == ("cp1251", "semicolon", "mapped")
    assert incidents[0].place == "Казань" and (incidents[0].lat, incidents[0].killed) == (55.79, 3)


@pytest.mark.parametrize("encoding, bom", [("utf-16", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"")])
def test_utf16_and_bom_files(tmp_path, encoding, bom):
    path = tmp_path / "u.csv"
    path.write_bytes(bom + "event_type\tlat\tlon\tstarted_at\tplace\nstrike\t55.79\t49.12\t2024-12-21\tКазань\n"
                     .encode(encoding))
    batch = open_path(path)
    assert [item.place for item in batch.incidents()] == ["Казань"]
    assert batch.report.info["delimiter"] == "tab" and batch.report.info["encoding"].startswith("utf-")


def test_sniffers():
    assert detect_encoding("Дата;Город".encode("cp1251")) == "cp1251"
    assert detect_encoding(b"\xef\xbb\xbfa,b") == "utf-8-sig"
    assert detect_delimiter('"a,b";c;d') == ";"


def write_xlsx(path, sheets):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def write_ods(path, rows):
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Events")
    for row in rows:
        line = TableRow()
        for value in row:
            if isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            line.addElement(cell)
        table.addElement(line)
    document.spreadsheet.addElement(table)
    document.save(str(path))


MAPPED_ROWS = [["Date", "Town", "Region", "Country", "Category", "Dead"],
               [dt.datetime(2024, 12, 21), "Kazan", "Tatarstan", "Russia", "Drone", 0],
               [dt.datetime(2024, 12, 22, 7, 40), "Moscow", "", "", "Shelling", 2],
               [dt.datetime(2024, 12, 23), "Nowhereville", "", "Russia", "Drone", 1]]
MAP = ["date=Date", "place=Town", "admin1=Region", "country=Country", "event_type=Category", "killed=Dead"]
VALUES = ["event_type:Drone=drone_strike", "event_type:Shelling=strike"]


def test_mapped_spreadsheet_with_offline_geocoding(tmp_path):
    path = tmp_path / "events.xlsx"
    write_xlsx(path, {"Notes": [["nothing here"]], "Events": MAPPED_ROWS})
    incidents, problems = read_file(path, sheet="Events", mapping=parse_map(MAP, VALUES))
    found = {item.place: item for item in incidents}
    kazan, moscow = found["Kazan"], found["Moscow"]
    assert (kazan.event_type, kazan.country, kazan.admin1, kazan.geo_precision) == ("drone_strike", "RU", "Tatarstan",
                                                                                   "city")
    assert round(kazan.lat, 1) == 55.8 and kazan.verification == "reported" and kazan.started_at == "2024-12-21"
    assert kazan.origin["geocoded"]["alternatives"]  # the runners-up are kept
    # no country or region given: Moscow, Idaho is possible too, so the row is flagged for review
    assert moscow.verification == "unverified" and "not unique" in moscow.notes and moscow.event_type == "strike"
    assert moscow.started_at == "2024-12-22T07:40+03:00" and moscow.time_precision == "minute"
    assert [(p["row"], p["field"]) for p in problems] == [(4, "Town")]


def test_first_sheet_by_default_and_unknown_sheet(tmp_path):
    path = tmp_path / "events.xlsx"
    write_xlsx(path, {"Events": MAPPED_ROWS, "Other": [["x"]]})
    assert len(read_file(path, mapping=parse_map(MAP, VALUES))[0]) == 2
    with pytest.raises(ImportFormatError, match="no sheet named 'Nope'; the sheets are Events, Other"):
        read_file(path, sheet="Nope")


def test_ods_spreadsheet(tmp_path):
    path = tmp_path / "events.ods"
    write_ods(path, [["event_type", "lat", "lon", "started_at"], ["strike", 55.79, 49.12, "2024-12-21"]])
    incidents, problems = read_file(path)
    assert problems == [] and (incidents[0].lat, incidents[0].started_at) == (55.79, "2024-12-21")


def test_unknown_labels_name_the_remedy():
    text = "Date,Y,X,Category\n2024-12-21,55.79,49.12,Bombing\n"
    _, problems = read_text(text, mapping=parse_map(["date=Date", "lat=Y", "lon=X", "event_type=Category"]))
    assert problems[0]["field"] == "Category" and "--value event_type:Bombing=strike" in problems[0]["message"]


def test_unknown_table_error_proposes_a_map():
    with pytest.raises(ImportFormatError, match="--map started_at=Date --map place=Town"):
        read_text("Date,Town,Note\n2024-12-21,Kazan,x\n", "auto")


def test_proposed_map_and_header_signature():
    assert propose_map(["Event Date", "Latitude", "Longitude", "Fatalities"]).fields == {
        "started_at": "Event Date", "lat": "Latitude", "lon": "Longitude", "killed": "Fatalities"}
    assert header_signature(["A", "b"]) == header_signature(["B ", "a"]) != header_signature(["a"])
    with pytest.raises(ImportFormatError, match="not a field"):
        parse_map(["colour=Colour"])


def test_acled_api_json_and_ucdp_json():
    acled_api = {"status": 200, "data": [{"event_id_cnty": "RUS9", "event_date": "2024-12-21",
                                          "sub_event_type": "Air/drone strike", "latitude": "55.79",
                                          "longitude": "49.12", "country": "Russia", "fatalities": "0"}]}
    incidents, problems = read_text(json.dumps(acled_api))
    assert problems == [] and incidents[0].id == "acled-RUS9" and incidents[0].admin1 == "Tatarstan"
    ucdp_api = {"TotalCount": 1, "Result": [{"id": 7, "date_start": "2024-12-21T00:00:00", "date_end":
                                             "2024-12-21T00:00:00", "latitude": 50.45, "longitude": 30.52,
                                             "where_prec": 1, "date_prec": 1, "best": 3, "country": "Ukraine",
                                             "source_headline": "Missile strike on Kyiv"}]}
    incidents, problems = read_text(json.dumps(ucdp_api))
    assert problems == []
    assert (incidents[0].id, incidents[0].event_type, incidents[0].killed, incidents[0].started_at) == (
        "ucdp-7", "missile_strike", 3, "2024-12-21")


def test_geojson_with_other_property_names_through_the_map():
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [49.12, 55.79]},
         "properties": {"when": "21/12/2024", "what": "Drone", "dead": 1}}]}
    options = {"mapping": parse_map(["date=when", "event_type=what", "killed=dead"], VALUES)}
    incidents, problems = read_text(json.dumps(collection), **options)
    assert problems == [] and (incidents[0].event_type, incidents[0].killed, incidents[0].lat) == ("drone_strike", 1,
                                                                                                   55.79)


def test_rows_stream_to_the_store_as_a_generator(tmp_path, monkeypatch):
    from incidents.importers import pipeline

    monkeypatch.setattr(pipeline, "CHUNK", 5000)
    path = tmp_path / "own.csv"
    rows = "".join(f"r{i},strike,55.79,49.12,2024-12-21\n" for i in range(12_000))
    path.write_text("id,event_type,lat,lon,started_at\n" + rows, encoding="utf-8")
    batch = open_path(path, ImportOptions())
    stream = batch.incidents()
    assert isinstance(stream, types.GeneratorType)
    next(stream)
    assert batch.report.read < 12_000  # read as consumed (a chunk at a time), not all at once
    assert sum(1 for _ in stream) == 11_999 and batch.report.read == 12_000


def test_large_geojson_is_read_feature_by_feature_with_the_same_result(tmp_path, monkeypatch):
    import incidents.importers as importers
    from incidents.exporters import geojson_text
    from incidents.frames import to_frame
    from incidents.importers import geojson
    from tests.incidents.factory import make, rich

    records = [rich(), make(id="b", started_at="2024-01-02", notes='a "] tricky, string'), make(id="c", lat=50.4)]
    path = tmp_path / "big.geojson"
    path.write_text(geojson_text(to_frame(records)), encoding="utf-8")
    whole = read_file(path)
    monkeypatch.setattr(importers, "STREAM_BYTES", 0)
    monkeypatch.setattr(geojson, "STREAM_CHUNK", 64)
    streamed = read_file(path)
    assert streamed == whole and len(streamed[0]) == 3
    path.write_text(geojson_text(to_frame(records))[:-200], encoding="utf-8")
    with pytest.raises(ImportFormatError, match="not JSON|cut short"):
        read_file(path)


@pytest.mark.parametrize("flags, words", [(["--map", "colour=Town"], "not a field"),
                                          (["--map", "place=Nope"], "not in the header"),
                                          (["--map", "place"], "FIELD=Column"),
                                          (["--value", "event_type=strike"], "FIELD:Label=value"),
                                          (["--sheet", "Nope"], "unknown format")])
def test_bad_map_flags_are_one_clear_line(tmp_path, flags, words):
    path = tmp_path / "towns.csv"
    path.write_text("Date,Town\n2024-12-21,Kazan\n", encoding="utf-8")
    done = run("import", path, *flags, db=tmp_path / "s.sqlite")
    assert_one_line_error(done)
    assert words in done.stderr


def test_spreadsheet_through_the_cli_reports_its_sheet(tmp_path):
    path = tmp_path / "events.xlsx"
    write_xlsx(path, {"Events": MAPPED_ROWS[:2]})
    done = run("import", path, *[f"--map={m}" for m in MAP], *[f"--value={v}" for v in VALUES],
               db=tmp_path / "s.sqlite")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["sheet"], summary["inserted"], summary["format"]) == ("Events", 1, "mapped")
    assert_one_line_error(run("import", path, "--sheet", "Nope", db=tmp_path / "s.sqlite"))


def test_an_import_collects_garbage_less_often_and_restores_the_threshold(tmp_path):
    import gc

    from incidents.importers import pipeline

    before = gc.get_threshold()
    path = tmp_path / "own.csv"
    path.write_text("event_type,lat,lon,started_at\nstrike,55.79,49.12,2024-12-21\nstrike,55.75,37.62,2024-12-22\n",
                    encoding="utf-8")
    first, second = open_path(path).incidents(), open_path(path).incidents()
    next(first)
    assert gc.get_threshold()[0] == max(before[0], pipeline.GC_YOUNG)
    next(second)
    assert list(first) and gc.get_threshold()[0] == max(before[0], pipeline.GC_YOUNG)  # the other still runs
    second.close()  # an import stopped half-way restores it too
    assert gc.get_threshold() == before
