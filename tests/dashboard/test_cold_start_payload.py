"""What the first page sends for the map on a cold start: its assets requested at the run's start by a script that
survives Streamlit's sanitizer, and its data encoded once (JSON bytes)."""

from __future__ import annotations

import json
from dataclasses import replace

from streamlit.testing.v1 import AppTest

from dashboard.components import preload
from dashboard.components.incident_map import encoded
from tests.dashboard.test_app import APP, store  # noqa: F401 - the fixture
from tests.dashboard.test_map_component_app import element


def test_the_loader_script_has_no_markup_and_loads_every_vendored_file():
    script = preload.loader_js()
    assert "<" not in script  # DOMPurify drops a script whose text looks like markup
    for name in ("leaflet/leaflet.js", "leaflet.markercluster/leaflet.markercluster.js", "incidentmap/incidentmap.js",
                 "leaflet/leaflet.css", "incidentmap/incidentmap.css"):
        assert f'"{name}"' in script
    assert script.rstrip().endswith(f'loadVendor({json.dumps(preload.STATIC)});\n}})();')


def test_the_first_run_starts_with_the_hidden_loader_then_sends_the_map_data_as_bytes(store):  # noqa: F811
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    first = at.main[0].proto  # before any of the page's own elements
    assert first.unsafe_allow_javascript and preload.loader_js() in first.body and preload.MARK in first.body
    map_proto = element(at).proto
    assert map_proto.WhichOneof("data") == "bytes"
    assert json.loads(map_proto.bytes)["spec"]["basemap"]["geo"]["countries"]["features"]


def test_encoded_is_compact_utf8_json_and_keeps_odd_text():
    data = {"a": "Казань \u2028", "b": [1.5, None], "c": "\ud800"}
    raw = encoded(data)
    assert raw.startswith(b'{"a":"\xd0\x9a') and b" " not in raw.replace("Казань ".encode(), b"")
    assert json.loads(raw.decode("utf-8", "replace"))["b"] == [1.5, None]


def test_a_selection_the_browser_holds_is_packed_once_for_every_session_and_view():
    from dashboard.components.map_data import first_view, map_spec, prepare
    from dashboard.maps.builder import MapOptions
    from incidents.catalog import Reference
    from incidents.frames import to_frame
    from tests.e2e.app_server import sample_incidents

    ref = Reference("Moscow", 55.7558, 37.6173)
    prepared = prepare(to_frame(sample_incidents()), ref, "map")
    options = MapOptions()
    first, drawn = map_spec(prepared, ref, options, None, 520, lambda _: True, True)
    moved = replace(first_view(prepared, 520, options), zoom=9)
    again, drawn_again = map_spec(prepared, ref, options, moved, 520, lambda _: False, False)
    assert again["incidents"]["payload"] is first["incidents"]["payload"] and drawn_again is drawn  # not packed again
    assert first["incidents"]["covers"] is None and again["incidents"]["id"] == first["incidents"]["id"]
    assert len(prepared.parts) == 1


def test_the_loader_preloads_streamlit_chunks_of_the_first_page_that_exist():
    from pathlib import Path

    import streamlit

    folder = Path(streamlit.__file__).parent / "static"
    assert any(path.startswith("static/js/BidiComponent.") for path in preload.CHUNK_PATHS)  # the map's element
    assert all((folder / path).is_file() for path in preload.CHUNK_PATHS)
    assert "modulepreload" in preload.loader_js() and preload.CHUNK_PATHS[0] in preload.loader_js()


def test_raw_json_parts_go_in_as_they_are_and_nothing_else_is_taken_for_them():
    from dashboard.components.map_data import RawJSON

    raw = encoded({"geo": RawJSON(b'{"countries":[1, 2]}'), "text": "\x00", "more": [RawJSON(b"[]")]})
    assert raw == b'{"geo":{"countries":[1, 2]},"text":"\\u0000","more":[[]]}'
    assert json.loads(raw) == {"geo": {"countries": [1, 2]}, "text": "\x00", "more": [[]]}
