"""The demo GeoJSON built from the sample articles is up to date and imports without problems."""

from incidents.importers import read_file
from incidents.model import Incident
from incidents.samples import build_demo


def test_demo_file_is_up_to_date():
    assert build_demo.DEMO_PATH.read_text(encoding="utf-8") == build_demo.demo_text(build_demo.demo_incidents())


def test_demo_file_imports_cleanly_with_sources():
    incidents, problems = read_file(build_demo.DEMO_PATH, "geojson")
    assert problems == [] and len(incidents) >= 20
    assert all(s.title and s.published and s.excerpt for item in incidents for s in item.sources)
    assert len({item.started_at[:7] for item in incidents}) >= 6  # spread over several months
    kazan = next(item for item in incidents if item.place == "Kazan")
    assert len(kazan.sources) == 2  # two articles about the same strike, merged


def test_every_feature_is_an_incident():
    import json

    data = json.loads(build_demo.DEMO_PATH.read_text(encoding="utf-8"))
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        Incident.from_dict({**feature["properties"], "lat": lat, "lon": lon})
