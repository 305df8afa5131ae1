"""The vendored Natural Earth files: present, documented in SOURCES.md, small, and consistent with each other."""

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "geodata" / "data"
FILES = ["admin1.csv", "admin1.parquet", "countries.csv", "countries.parquet", "aliases.csv",
         "basemap_land.geojson", "basemap_countries.geojson", "basemap_admin1.geojson", "localities.csv"]


@pytest.mark.parametrize("name", FILES)
def test_vendored_file_is_documented_and_small(name):
    path = DATA / name
    assert path.is_file()
    assert f"`{name}`" in (DATA / "SOURCES.md").read_text(encoding="utf-8")
    assert path.stat().st_size < 5 * 2**20


def test_admin1_table_maps_geonames_codes():
    rows = list(csv.DictReader((DATA / "admin1.csv").open(encoding="utf-8")))
    by_code = {row["gn_a1_code"]: row for row in rows}
    assert by_code["RU.73"]["name"] == "Tatarstan"
    assert by_code["RU.80"]["name"] == "Udmurt" and by_code["RU.80"]["timezone"] == "Europe/Samara"
    assert by_code["RU.67"]["name"] == "Saratov"


def test_aliases_state_their_provenance():
    rows = list(csv.DictReader((DATA / "aliases.csv").open(encoding="utf-8")))
    assert rows and all(row["provenance"].strip() for row in rows)
