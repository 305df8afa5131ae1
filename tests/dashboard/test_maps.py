"""Map builders checked without a browser: layers, counts, payload, offline assets, escaping, export CLI."""

import json
import os
import re
from pathlib import Path

import folium
from folium.plugins import Fullscreen
import pytest

from dashboard.maps import (
    ASSETS, EVENT_COLORS, EVENT_ICONS, VENDOR_DIR, MapOptions, UnvendoredAsset, build_map, describe_map,
    export_map_cli, legend_counts, remote_asset_urls, render_html, restriction_counts,
    use_local_assets,
)
from dashboard.maps.compact import WIDTH, decode_record
from dashboard.maps.layers import IncidentData
from incidents.frames import empty_frame, to_frame
from incidents.model import EVENT_TYPES, IncidentFilter
from tests.dashboard.maps_cases import HOSTILE, hostile_frame, kazan_frame, kazan_incidents

GOLDEN = Path(__file__).parent / "golden" / "map_kazan.json"
# Hosts that may appear in a rendered offline map: the data's own source link, the SVG namespace, Leaflet's
# attribution link and comments inside the vendored libraries. Nothing is loaded from them.
KNOWN_HOSTS = {"news.example.org", "www.w3.org", "leafletjs.com", "bugs.chromium.org", "bugzilla.mozilla.org", "github.com"}
RAW_PAYLOADS = ("<img src=x", "</script><script>", "${window", "`;window", "<svg onload", "{{7*7}}")


def payload_of(m: folium.Map) -> dict:
    return next(child.payload for child in m._children.values() if isinstance(child, IncidentData))


def kinds(m: folium.Map) -> dict[str, bool]:
    return {layer["kind"]: layer["shown"] for layer in describe_map(m)["layers"]}


@pytest.fixture(scope="module")
def kazan_html() -> str:
    frame = kazan_frame()
    return render_html(build_map(frame, options=MapOptions(selected_id=frame["id"][0])))


def test_kazan_map_structure_matches_golden_file():
    frame = kazan_frame()
    summary = describe_map(build_map(frame, options=MapOptions(selected_id=frame["id"][0])))
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert summary == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_default_map_has_basemap_admin1_airports_reference_and_markers():
    m = build_map(kazan_frame())
    assert kinds(m) == {"basemap": True, "admin1Layer": True, "labels": True, "airports": True, "reference": True, "markers": True}
    assert m.options["max_zoom"] == 13 and m.options["min_zoom"] == 2  # set explicitly with tiles=None


def test_toggles_add_heat_choropleth_and_playback_layers():
    m = build_map(kazan_frame(), options=MapOptions(heatmap=True, choropleth=True, playback=True, show_admin1=False))
    layers = kinds(m)
    assert {"heat", "choropleth", "playback"} <= set(layers)
    assert layers["playback"] is False and layers["admin1Layer"] is False


def test_small_maps_draw_markers_large_maps_cluster():
    frame = hostile_frame(copies=5)  # 40 incidents
    assert "markers" in kinds(build_map(frame, options=MapOptions(cluster_threshold=40)))
    clustered = build_map(frame, options=MapOptions(cluster_threshold=39))
    assert "cluster" in kinds(clustered)
    html = render_html(clustered)
    assert "L.MarkerClusterGroup" in html and "chunkedLoading" in html


def test_payload_decodes_back_to_the_frame():
    frame = kazan_frame()
    payload = payload_of(build_map(frame))
    assert len(payload["rec"]) == WIDTH * len(frame)
    for i, row in frame.iterrows():
        record = decode_record(payload["rec"], i)
        assert abs(record["lat"] / (64**4 - 1) * 180 - 90 - row["lat"]) < 1e-5
        assert abs(record["lon"] / (64**4 - 1) * 360 - 180 - row["lon"]) < 1e-5
        assert EVENT_TYPES[record["type"]] == row["event_type"]
    strike = decode_record(payload["rec"], int(frame.index[frame["event_type"] == "drone_strike"][0]))
    assert (strike["killed"], strike["injured"], strike["drones"]) == (1, 1, 7)  # stated 0, 0 and 6 (value + 1)
    assert strike["minute"] == 7 * 60 + 40 + 1 and payload["offsets"][strike["offset"]] == 180
    assert strike["duration"] == 100 + 1  # 07:40 to 09:20
    assert 700 < strike["km"] / 10 < 740  # geodesic Moscow-Kazan is about 720 km, not the claimed 800
    restriction = decode_record(payload["rec"], int(frame.index[frame["place"] == "Saratov"][0]))
    assert restriction["killed"] == 0  # not stated stays "not stated", never 0


def test_legend_counts_every_type_and_restriction_status():
    frame = kazan_frame()
    counts = legend_counts(frame)
    assert list(counts) == list(EVENT_TYPES)
    assert counts["drone_strike"] == 1 and counts["airspace_restriction"] == 3 and counts["other"] == 0
    assert restriction_counts(frame) == {"active": 2, "lifted": 1, "none": 0}
    assert set(EVENT_COLORS) == set(EVENT_ICONS) == set(EVENT_TYPES)


def test_inline_html_has_no_network_asset_and_embeds_leaflet_1_9_4(kazan_html):
    assert remote_asset_urls(kazan_html) == []
    assert not re.search(r"<(script|link)[^>]+(src|href)=", kazan_html)
    assert "1.9.4" in kazan_html and "IncidentMap" in kazan_html
    assert "sourceMappingURL" not in kazan_html
    assert re.search(r"url\(data:image/png;base64,", kazan_html)


def test_static_html_links_only_vendored_files_that_exist():
    html = render_html(build_map(kazan_frame(), options=MapOptions(heatmap=True)), assets="static")
    links = re.findall(r'(?:src|href)="(/app/static/vendor/[^"]+)"', html)
    assert {"/app/static/vendor/leaflet/leaflet.js", "/app/static/vendor/leaflet.heat/leaflet-heat.js"} <= set(links)
    for link in links:
        assert (VENDOR_DIR / link.removeprefix("/app/static/vendor/")).is_file()
    assert remote_asset_urls(html) == []


def test_online_tiles_are_the_only_remote_urls_and_carry_attribution():
    html = render_html(build_map(kazan_frame(), options=MapOptions(tiles="osm")))
    remote = remote_asset_urls(html)
    assert remote and all("tileLayer" in url and "openstreetmap" in url for url in remote)
    assert "OpenStreetMap" in html and "contributors" in html


def test_use_local_assets_rewrites_folium_defaults_and_refuses_unknown_cdns():
    m = use_local_assets(folium.Map(tiles=None), "/base")
    assert m.default_js == [("leaflet", "/base/leaflet/leaflet.js")]
    assert m.default_css == [("leaflet_css", "/base/leaflet/leaflet.css")]
    assert folium.Map.default_js[0][1].startswith("https://")  # the class stays untouched
    with_plugin = folium.Map(tiles=None)
    Fullscreen().add_to(with_plugin)
    with pytest.raises(UnvendoredAsset, match="not vendored"):
        use_local_assets(with_plugin)


def test_every_vendored_asset_exists_with_its_licence_and_is_listed():
    sources = (VENDOR_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for relative in ASSETS.values():
        assert (VENDOR_DIR / relative).is_file(), relative
    for folder, version, licence in (("leaflet", "1.9.4", "LICENSE"), ("leaflet.markercluster", "1.5.3", "MIT-LICENCE.txt"),
                                     ("leaflet.heat", "0.2.0", "LICENSE")):
        assert (VENDOR_DIR / folder / licence).is_file()
        assert f"| `{folder}/` |" in sources and version in sources


@pytest.mark.parametrize("threshold", [1000, 0], ids=["markers", "clusters"])
def test_hostile_text_never_reaches_the_page_raw(threshold):
    options = MapOptions(cluster_threshold=threshold, heatmap=True, choropleth=True, playback=True)
    html = render_html(build_map(hostile_frame(), options=options))
    scripts = "".join(re.findall(r"<script>(.*?)</script>", html, flags=re.S))
    for raw in RAW_PAYLOADS:
        assert raw not in html
    assert "javascript:" not in scripts and "data:text/html" not in scripts
    assert "https://ok.example/path?q=1\\u0026r=2" in html  # the one safe link survives, escaped for <script>
    assert "evil.example" not in html  # URLs with quotes or angle brackets are dropped, not repaired
    assert "A" * 3000 in html  # long strings arrive whole; the browser clips them


def test_hostile_reference_name_is_escaped_in_the_layer_control():
    class Ref:
        name, lat, lon = HOSTILE[0], 55.75, 37.62

    html = render_html(build_map(kazan_frame(), reference=Ref()))
    assert "<img src=x" not in html


def test_empty_frame_still_renders_a_map():
    m = build_map(empty_frame())
    assert describe_map(m)["legend"]["title"] == "Incidents: 0"
    assert remote_asset_urls(render_html(m)) == []


@pytest.fixture
def store_with_kazan(tmp_path, monkeypatch):
    from incidents.storage import open_store

    monkeypatch.setenv("INCIDENTS_DB", str(tmp_path / "incidents.sqlite"))
    store = open_store()
    store.upsert(kazan_incidents())
    store.close()
    return tmp_path


def test_export_cli_writes_one_offline_file_atomically(store_with_kazan, capsys):
    out = store_with_kazan / "map.html"
    assert export_map_cli(IncidentFilter(), out) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["incidents"] == 4 and report["bytes"] == out.stat().st_size and report["tiles"] == "offline"
    assert remote_asset_urls(out.read_text(encoding="utf-8")) == []
    assert [p.name for p in store_with_kazan.iterdir() if p.name.endswith(".tmp")] == []


def test_export_cli_with_nothing_selected_writes_nothing(store_with_kazan, capsys):
    out = store_with_kazan / "none.html"
    assert export_map_cli(IncidentFilter(event_types=("explosion",)), out) == 1
    assert not out.exists()
    assert "no incidents" in capsys.readouterr().err


def test_export_cli_refuses_a_missing_folder(store_with_kazan, capsys):
    assert export_map_cli(IncidentFilter(), store_with_kazan / "missing" / "map.html") == 2
    assert "does not exist" in capsys.readouterr().err


def fitted_bounds(m: folium.Map) -> list[list[float]]:
    from folium.map import FitBounds

    return next(child.bounds for child in m._children.values() if isinstance(child, FitBounds))


def drawn_at(m: folium.Map, index: int) -> tuple[float, float]:
    record = decode_record(payload_of(m)["rec"], index)
    return record["lat"] / (64**4 - 1) * 180 - 90, record["lon"] / (64**4 - 1) * 360 - 180


def airports_of(m: folium.Map) -> list[dict]:
    from dashboard.maps.layers import JsLayer

    return next(child.source for child in m._children.values() if isinstance(child, JsLayer) and child.kind == "airports")


def test_restrictions_given_at_the_city_are_drawn_at_their_airport():
    strike, kazan_airport, izhevsk, saratov = kazan_incidents()
    at_city = izhevsk.with_changes(lat=56.8498, lon=53.2045, geo_precision="city")  # Izhevsk city centre
    far = kazan_airport.with_changes(lat=50.45, lon=30.52, geo_precision="city")  # code and place disagree: Kyiv
    frame = to_frame([strike, at_city, far, saratov])
    m = build_map(frame)
    by_place = {row["place"]: i for i, row in frame.iterrows() if row["event_type"] == "airspace_restriction"}
    lat, lon = drawn_at(m, by_place["Izhevsk"])
    assert abs(lat - 56.8281) < 1e-4 and abs(lon - 53.4575) < 1e-4  # USII, not the city centre
    lat, lon = drawn_at(m, int(frame.index[(frame["place"] == "Kazan") & (frame["event_type"] == "airspace_restriction")][0]))
    assert abs(lat - 50.45) < 1e-4 and abs(lon - 30.52) < 1e-4  # 700 km from KZN: the data's own point is kept
    lat, lon = drawn_at(m, by_place["Saratov"])
    assert abs(lat - 51.7122) < 1e-4  # 'exact' points are never moved
    airports = {a["icao"]: a for a in airports_of(m)}
    assert airports["USII"]["name"] == "Izhevsk Airport" and abs(airports["USII"]["lon"] - 53.4575) < 1e-4
    assert abs(airports["UWKD"]["lat"] - 55.6062) < 1e-4  # the airports layer puts KZN at Kazan whatever the data say


@pytest.mark.parametrize("threshold", [1000, 0], ids=["markers", "clusters"])
@pytest.mark.parametrize("assets", ["inline", "static"])
def test_no_network_asset_in_marker_or_cluster_maps_with_every_toggle(threshold, assets):
    options = MapOptions(cluster_threshold=threshold, heatmap=True, choropleth=True, playback=True)
    m = build_map(kazan_frame(), options=options)
    assert ("cluster" in kinds(m)) == (threshold == 0)
    html = render_html(m, assets=assets)
    assert remote_asset_urls(html) == []
    hosts = set(re.findall(r"https?://([^/\s\"'<>\\]+)", html))
    assert hosts <= KNOWN_HOSTS, "every http(s) text is a link, a namespace or a comment, never something loaded"


def test_remote_asset_detector_catches_every_kind_of_network_asset():
    for html in ('<script src="https://unpkg.com/a.js"></script>', '<link rel="stylesheet" href="//cdn.x/a.css"/>',
                 '<img alt="" src="https://x.org/i.png">', ".a{background:url('https://x.org/i.png')}",
                 '@import "https://x.org/a.css";', 'L.tileLayer("https://{s}.tile.x.org/{z}/{x}/{y}.png")',
                 'L.Icon.Default.prototype.options.iconUrl = "https://unpkg.com/leaflet/images/marker-icon.png"'):
        assert remote_asset_urls(html), html
    assert remote_asset_urls('<a href="https://example.org">source</a> <img src="data:image/png;base64,AA">') == []


def test_inline_maps_give_leaflets_default_marker_icon_data_urls(kazan_html):
    for option in ("iconUrl", "iconRetinaUrl", "shadowUrl"):
        assert f'L.Icon.Default.prototype.options.{option}="data:image/png;base64,' in kazan_html
    assert 'L.Icon.Default.imagePath=""' in kazan_html


def test_zoom_limits_are_explicit_in_the_page_and_follow_the_setting(monkeypatch):
    html = render_html(build_map(kazan_frame()))
    assert re.search(r'"maxZoom": 13,', html) and re.search(r'"minZoom": 2,', html)
    monkeypatch.setenv("INCIDENT_MAP_MAX_ZOOM", "11")
    m = build_map(kazan_frame(), options=MapOptions.from_settings())
    assert m.options["max_zoom"] == 11 and '"maxZoom": 11,' in render_html(m)


def test_ring_labels_face_the_data_and_the_line_reaches_the_selected_incident():
    from dashboard.maps.layers import JsLayer

    frame = kazan_frame()
    strike = frame[frame["event_type"] == "drone_strike"].iloc[0]
    m = build_map(frame, options=MapOptions(selected_id=strike["id"]))
    reference = next(c.source for c in m._children.values() if isinstance(c, JsLayer) and c.kind == "reference")
    assert [ring["km"] for ring in reference["rings"]] == [250, 500, 750, 1000]
    for ring in reference["rings"]:
        assert ring["label"][1] > 37.62 + ring["km"] / 200, "labels sit east of Moscow, where the incidents are"
    line = reference["line"]["coords"]
    assert line[0] == [55.75222, 37.61556] or abs(line[0][0] - 55.75) < 0.01
    assert line[-1] == [strike["lat"], strike["lon"]] and len(line) > 60
    assert "km east of" in reference["line"]["text"]


def test_fit_keeps_context_around_one_incident_and_briefings_take_in_a_nearby_reference():
    strike = kazan_incidents()[0]
    (south, west), (north, east) = fitted_bounds(build_map(to_frame([strike])))
    assert north - south >= 2.0 and east - west >= 2.0
    (south, west), (north, east) = fitted_bounds(build_map(kazan_frame(), options=MapOptions(fit_reference=True)))
    assert west <= 37.62 <= east, "Moscow, 720 km away, is in view"
    damascus = strike.with_changes(lat=33.51, lon=36.29, place="Damascus", country="SY")
    (south, west), (north, east) = fitted_bounds(build_map(to_frame([damascus]), options=MapOptions(fit_reference=True)))
    assert north < 40, "a reference 2,500 km away is not worth zooming out for"


def test_choropleth_counts_regions_and_sends_its_class_breaks():
    from dashboard.maps.layers import JsLayer

    m = build_map(kazan_frame(), options=MapOptions(choropleth=True))
    layer = next(c for c in m._children.values() if isinstance(c, JsLayer) and c.kind == "choropleth")
    assert sum(layer.options["counts"].values()) == 4  # every incident falls in one admin-1 region
    assert layer.options["breaks"] == sorted(set(layer.options["breaks"])) and max(layer.options["breaks"]) == 2
    assert len(layer.options["colors"]) > len(layer.options["breaks"])  # one colour per class plus "none"
