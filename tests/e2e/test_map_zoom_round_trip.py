"""A zoom step on a selection the server clusters (over 50,000 incidents) costs one round trip: the browser sends
one message (the view report, carrying the place-name request) and gets markers or clusters and names back."""

from __future__ import annotations

import json

import pytest

from tests.e2e.app_server import app_server
from tests.e2e.test_app_e2e import TIMEOUT

pytestmark = pytest.mark.e2e
N = 55_000  # above the browser's limit (MAX_BROWSER_INCIDENTS): the server clusters for each view
THE_MAP = "IncidentMap.lives[0].map"
LIVE = "document.querySelector('[data-testid=incident-map] .leaflet-container')"
READY = f"v => {{ const c = {LIVE}; return c && c.dataset.version && c.dataset.version !== v" \
        " && c.getAttribute('data-waiting') !== '1'; }"
NAMES = "document.querySelectorAll('[data-testid=incident-map] .im-place span').length"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from incidents.frames import from_frame
    from incidents.storage import open_store
    from incidents.synth import synthesize

    db = tmp_path_factory.mktemp("zoom") / "incidents.sqlite"
    store = open_store(str(db))
    try:
        store.upsert(from_frame(synthesize(N, seed=1)))
    finally:
        store.close()
    with app_server(db, timeout_s=180) as url:
        yield url


def reruns(frames: list) -> list[dict]:
    """The map's state in each script rerun the page asked for in `frames` (BackMsgs), leaving out the timed ones
    (fragments that poll)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    found = []
    for message in (BackMsg.FromString(frame) for frame in frames):
        if message.WhichOneof("type") != "rerun_script" or message.rerun_script.is_auto_rerun:
            continue
        states = [w for w in message.rerun_script.widget_states.widgets if w.id.endswith("-map")]
        found.append(json.loads(states[0].json_value) if states and states[0].json_value else {})
    return found


def quiet(page, sent: list, ms: int = 1500) -> None:
    """Wait until the page has sent nothing for `ms` (a report waits 250 ms, names asked alone 150 ms)."""
    count = -1
    while count != len(sent):
        count = len(sent)
        page.wait_for_timeout(ms)


def test_a_zoom_step_makes_one_round_trip_that_brings_clusters_and_place_names(server, page):
    sent: list = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    page.goto(server + "/")
    page.wait_for_function(READY, arg="", timeout=TIMEOUT * 3)
    page.evaluate(f"{THE_MAP}.setView([55.75, 37.62], 6, {{animate: false}})")
    page.wait_for_function(f"{NAMES} > 0", timeout=TIMEOUT)
    quiet(page, sent)
    version = page.evaluate(f"{LIVE}.dataset.version")
    before = len(sent)
    page.evaluate(f"{THE_MAP}.setZoom(7, {{animate: false}})")
    page.wait_for_function(READY, arg=version, timeout=TIMEOUT)
    page.wait_for_function(f"IncidentMap.lives[0].placeLabels.zoom === 7 && {NAMES} > 0", timeout=TIMEOUT)
    quiet(page, sent)
    asked = reruns(sent[before:])
    assert len(asked) == 1  # one rerun: not one for the names and one for the view, and no re-ask afterwards
    view = asked[0].get("view") or {}
    assert view.get("zoom") == 7 and (view.get("labels") or {}).get("zoom") == 7  # the names asked with the view
    assert not page.page_errors


def test_a_first_page_draws_its_server_clusters_once(server, page):
    """The clusters the first page is sent cover the region its first view report asks for (the server opens on the
    view Leaflet's fit shows, not on the data's box): the report's rerun sends the same data, nothing is redrawn."""
    sent: list = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    page.goto(server + "/")
    page.wait_for_function(READY, arg="", timeout=TIMEOUT * 3)
    first = page.evaluate(f"{LIVE}.dataset.version")
    quiet(page, sent)
    assert any(asked.get("view") for asked in reruns(sent))  # the first view was reported
    assert page.evaluate(f"{LIVE}.dataset.version") == first
    assert not page.page_errors
