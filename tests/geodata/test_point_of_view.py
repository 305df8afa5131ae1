"""Crimea and Sevastopol follow the internationally recognised borders (UA) in every layer, consistently with GeoNames."""

import pandas as pd
import pytest
import shapely

from geodata import build_data
from geodata import gazetteer as gz
from geodata.distances import country_polygons, km_to_border
from geodata.geocoding import geocode
from geodata.regions import basemap_geojson, reverse

SIMFEROPOL = (44.95, 34.10)
SEVASTOPOL = (44.6, 33.52)


@pytest.fixture()
def offline(monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_GEOCODER", "offline")


def test_simferopol_reverses_to_ukraine_crimea():
    region = reverse(*SIMFEROPOL)
    assert (region.country, region.country_name, region.admin1) == ("UA", "Ukraine", "Crimea")


def test_sevastopol_reverses_to_ukraine():
    region = reverse(*SEVASTOPOL)
    assert (region.country, region.admin1) == ("UA", "Sevastopol")


@pytest.mark.parametrize("name, point", [("Simferopol", SIMFEROPOL), ("Sevastopol", SEVASTOPOL)])
def test_geocoding_and_reverse_lookup_agree(offline, name, point):
    place = geocode(name)
    assert place.country == reverse(*point).country == reverse(place.lat, place.lon).country == "UA"
    assert place.admin1 == reverse(place.lat, place.lon).admin1


def test_kazan_is_still_russia():
    region = reverse(55.789, 49.122)
    assert (region.country, region.admin1) == ("RU", "Tatarstan")


def test_countries_layer_moves_crimea_to_ukraine():
    point = shapely.Point(SIMFEROPOL[1], SIMFEROPOL[0])
    polygons = country_polygons()
    assert not polygons["RU"].contains(point) and polygons["UA"].contains(point)
    assert km_to_border(*SIMFEROPOL, "UA") == 0.0 and km_to_border(*SIMFEROPOL, "RU") > 100


def test_basemap_layers_draw_crimea_in_ukraine():
    point = shapely.Point(SIMFEROPOL[1], SIMFEROPOL[0])
    countries = {f["properties"]["country"]: shapely.geometry.shape(f["geometry"])
                 for f in basemap_geojson("countries")["features"]}
    assert countries["UA"].contains(point) and not countries["RU"].contains(point)
    admin1 = {f["properties"]["admin1"]: f["properties"]["country"] for f in basemap_geojson("admin1")["features"]
              if f["properties"]["admin1"] in ("Crimea", "Sevastopol")}
    assert admin1 == {"Crimea": "UA", "Sevastopol": "UA"}


def source_rows() -> pd.DataFrame:
    return pd.DataFrame({
        "adm1_code": ["RUS-283", "RUS-2373", "UKR-319"], "name": ["Crimea", "Tatarstan", "Cherkasy"],
        "iso_3166_2": ["UA-43", "RU-TA", "UA-71"], "iso_a2": ["RU", "RU", "UA"], "adm0_a3": ["RUS", "RUS", "UKR"],
        "admin": ["Russia", "Russia", "Ukraine"],
    })


def test_override_takes_the_country_columns_and_keeps_names():
    out = build_data.recognised_borders(source_rows(), {"RUS-283": "UA"})
    assert out.iloc[0][["name", "iso_a2", "adm0_a3", "admin"]].tolist() == ["Crimea", "UA", "UKR", "Ukraine"]
    assert out.iloc[1]["iso_a2"] == "RU"


@pytest.mark.parametrize("overrides", [{"RUS-283": "GE"}, {"RUS-999": "UA"}])
def test_override_refuses_data_that_does_not_match(overrides):
    with pytest.raises(ValueError, match="does not match"):
        build_data.recognised_borders(source_rows(), overrides)


def test_fingerprint_hashes_the_vendored_tables(monkeypatch, tmp_path):
    assert {path.name for path in gz.INDEX_INPUTS} >= {"admin1.csv", "countries.csv", "admin1.parquet"}
    before, after = tmp_path / "before.csv", tmp_path / "after.csv"
    before.write_text("RUS-283,RU,Crimea\n")
    after.write_text("RUS-283,UA,Crimea\n")
    monkeypatch.setattr(gz, "INDEX_INPUTS", (before,))
    old = gz.index_fingerprint()
    monkeypatch.setattr(gz, "INDEX_INPUTS", (after,))
    assert gz.index_fingerprint() != old
