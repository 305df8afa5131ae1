"""geo_precision 'approximate' (a point placed by distance from a named place): the model, every store, CSV/GeoJSON."""

import pytest

from incidents.catalog import FIXED_CATEGORIES
from incidents.errors import ValidationError
from incidents.exporters import csv_text, geojson_text
from incidents.frames import to_frame
from incidents.importers import read_text
from incidents.model import GEO_PRECISIONS
from tests.incidents.factory import make, rich

VILLAGE = dict(id="village", place="30 km south of Belgorod", admin1="Belgorod", country="RU", lat=50.3266,
               lon=36.5872, geo_precision="approximate")


def test_model_accepts_approximate_between_city_and_region():
    assert GEO_PRECISIONS == ("exact", "city", "approximate", "region", "country")  # best first
    assert make(**VILLAGE).geo_precision == "approximate"
    with pytest.raises(ValidationError) as error:
        make(geo_precision="approx")
    assert error.value.field == "geo_precision"


def test_catalog_codes_follow_the_vocabulary():
    assert FIXED_CATEGORIES["geo_precision"] == GEO_PRECISIONS
    frame = to_frame([make(**VILLAGE)])
    assert frame["geo_precision"].tolist() == ["approximate"]


def test_every_store_keeps_approximate(store):
    store.upsert([rich(**VILLAGE), make(id="city")])
    assert store.get("village").geo_precision == "approximate"
    assert store.get("village").content() == rich(**VILLAGE).content()
    frame = store.frame()
    assert dict(zip(frame["id"], frame["geo_precision"])) == {"village": "approximate", "city": "city"}


@pytest.mark.parametrize("fmt, write", [("csv", csv_text), ("geojson", geojson_text)])
def test_csv_and_geojson_round_trip_approximate(fmt, write):
    records = [rich(**VILLAGE), make(id="b")]
    incidents, problems = read_text(write(to_frame(records)), fmt)
    assert problems == [] and {i.id: i for i in incidents} == {r.id: r for r in records}
