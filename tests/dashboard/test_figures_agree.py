"""One view, one set of figures: the KPI row, the map legend, the briefing and `incidents figures` agree."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import briefing_html as bh
from dashboard.maps import build_map, describe_map
from dashboard.maps.builder import MOSCOW
from dashboard.views.kpis import compact, compact_text
from incidents.figures import Tally
from incidents.model import EVENT_LABELS, EVENT_TYPES, IncidentFilter
from incidents.storage import open_store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
WINDOWS = {"all": {}, "kazan-day": {"start": "2024-12-21", "end": "2024-12-21"}}


def _fill(path: Path, kind: str) -> Path:
    store = open_store(str(path))
    try:
        if kind == "demo":
            from incidents.samples import load_samples

            store.upsert(load_samples()[0])
        else:
            from incidents.synth import synth_incidents

            store.upsert(synth_incidents(20_000, seed=3))
    finally:
        store.close()
    return path


@pytest.fixture(scope="module", params=["demo", "synth-20k"])
def store_path(request, tmp_path_factory) -> Path:
    return _fill(tmp_path_factory.mktemp(request.param) / "incidents.sqlite", request.param)


def cli_figures(path: Path, params: dict[str, str]) -> dict:
    args = [arg for key, value in params.items() for arg in (f"--{key}", value)]
    done = subprocess.run([sys.executable, "-m", "incidents", "figures", *args], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "INCIDENTS_DB": str(path)}, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def app_metrics(path: Path, params: dict[str, str], monkeypatch) -> tuple[dict, str]:
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    at = AppTest.from_file(APP, default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    tiles = {m.label: (m.value, m.proto.help) for m in at.metric}
    return tiles, "\n".join(c.value for c in at.caption)


def stored_frame(path: Path):
    store = open_store(str(path))
    try:
        return store.frame()
    finally:
        store.close()


def flt_of(params: dict[str, str]) -> IncidentFilter:
    return IncidentFilter(**{key: date.fromisoformat(value) for key, value in params.items()})


@pytest.mark.parametrize("window", sorted(WINDOWS))
def test_kpis_legend_briefing_and_cli_state_the_same_figures(store_path, window, monkeypatch):
    params = WINDOWS[window]
    cli = cli_figures(store_path, params)
    if not cli["incidents"]:
        pytest.skip("no incidents in this window of this store")
    tiles, captions = app_metrics(store_path, params, monkeypatch)
    assert tiles["Incidents"][0] == compact(cli["incidents"]) and f"{cli['incidents']:,}" in tiles["Incidents"][1]
    assert tiles["Strikes"][0] == compact(cli["strikes"])
    for name, label in (("killed", "Killed"), ("injured", "Injured"), ("drones_downed", "Downed")):
        assert cli[name]["text"] in tiles[label][1]
        assert tiles[label][0] == compact_text(Tally(**{k: cli[name][k] for k in ("total", "stated", "not_stated")}).headline)
    assert tiles["Restricted"][0] == compact(len(cli["restricted"]))
    assert f"Data as of {cli['data_as_of']}" in captions

    frame = stored_frame(store_path)
    from incidents.selection import select

    view = select(frame, flt_of(params))
    legend = {e["label"]: e["count"] for e in describe_map(build_map(view, reference=MOSCOW))["legend"]["entries"]}
    for kind in EVENT_TYPES:
        if kind != "airspace_restriction" and cli["by_type"][kind]:
            assert legend[EVENT_LABELS[kind]] == cli["by_type"][kind]
    region_only = legend.pop("Located to a region only (dashed ring)", 0)  # a subset of the types' counts, not more
    assert sum(legend.values()) == cli["incidents"] and region_only <= cli["incidents"]
    assert legend.get("Airspace restriction active", 0) == cli["restriction_records"]["active"]

    page = html.unescape(bh.briefing_html(frame, flt_of(params), title="T", banner="", reference=MOSCOW,
                                          generated_at=datetime(2026, 1, 1, tzinfo=timezone.utc)))
    assert f"{cli['incidents']:,} incident" in page and f"{cli['strikes']:,} strike" in page
    killed = Tally(**{k: cli["killed"][k] for k in ("total", "stated", "not_stated")})
    assert f"killed {killed.total_text}" in page
    assert f"{len(cli['restricted'])} airport" in page and f"restricted as of {cli['as_of']}" in page
    assert f"data as of {cli['data_as_of']}" in page
