"""Real published exports (slices committed under real/, sources in real/README.md) imported as a user would."""

import json
from pathlib import Path

import pytest

from incidents.importers import read_file
from incidents.importers.common import cue_type
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
    for name in ("ucdp_ged_ukraine_peacerep.csv", "ucdp_ged_hdx_hxl_ukr.csv"):
        first = run("import", REAL / name, db=db)
        assert first.returncode == 0 and "Traceback" not in first.stderr, first.stderr
        again = json.loads(run("import", REAL / name, db=db).stdout)
        assert (again["inserted"], again["updated"], again["rejected"]) == (0, 0, 0), name
