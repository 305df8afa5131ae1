"""Approximate points on the map: the compact `flags` field holds every precision x status x verification, the
browser's decoder (run in Node) reads them back, and the legend names the approximate points."""

import itertools
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from dashboard.maps.builder import MapOptions, legend_spec
from dashboard.maps.compact import FIELDS, FLAG_PARTS, decode_record, limit, pack_incidents, unpack_flags
from incidents.frames import to_frame
from incidents.model import GEO_PRECISIONS, STATUSES, VERIFICATIONS, Incident
from tests.dashboard.maps_cases import kazan_incidents

JS = Path(__file__).resolve().parents[2] / "dashboard" / "static" / "vendor" / "incidentmap" / "incidentmap.js"
# Loads the real incidentmap.js (no Leaflet, no DOM: only the payload decoder runs) and prints each record's flags.
NODE_DECODE = """
const fs = require("fs");
const payload = JSON.parse(fs.readFileSync(0, "utf8"));
const window = {};
new Function("window", fs.readFileSync(process.argv[1], "utf8"))(window);
const data = window.IncidentMap.decode(payload);
const out = [];
for (let i = 0; i < data.n; i++) {
  const r = data.record(i);
  out.push([r.precision, r.status, r.verification, r.place]);
}
process.stdout.write(JSON.stringify(out));
"""


def every_combination() -> list[Incident]:
    combos = itertools.product(GEO_PRECISIONS, (None, *STATUSES), VERIFICATIONS)
    return [Incident(event_type="airspace_restriction", lat=50.0 + k / 100, lon=36.0, started_at="2025-01-10",
                     place=f"p{k}", geo_precision=precision, status=status, verification=verification)
            for k, (precision, status, verification) in enumerate(combos)]


def packed():
    frame = to_frame(every_combination())
    return frame, pack_incidents(frame, np.zeros(len(frame)), np.zeros(len(frame)))


def test_flags_field_is_wide_enough_for_every_combination():
    width = dict(FIELDS)["flags"]
    assert limit(width) + 1 >= len(GEO_PRECISIONS) * (len(STATUSES) + 1) * len(VERIFICATIONS) == 75
    assert [name for name, _ in FLAG_PARTS] == ["precision", "status", "verification"]


def test_all_five_precisions_pack_and_unpack_with_status_and_verification():
    frame, payload = packed()
    assert payload["precisions"] == list(GEO_PRECISIONS) and len(GEO_PRECISIONS) == 5
    for i, row in frame.iterrows():
        flags = unpack_flags(decode_record(payload["rec"], i)["flags"])
        assert (flags["precision"], flags["status"], flags["verification"]) == (
            row["geo_precision"], None if row["status"] is None else row["status"], row["verification"])


def test_the_browser_decoder_reads_the_same_flags_as_python():
    frame, payload = packed()
    done = subprocess.run(["node", "-e", NODE_DECODE, str(JS)], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    decoded = {place: (precision, status, verification) for precision, status, verification, place in json.loads(done.stdout)}
    expected = {row["place"]: (row["geo_precision"], row["status"] or "", row["verification"]) for _, row in frame.iterrows()}
    assert decoded == expected


def test_the_marker_code_draws_approximate_points_as_a_dotted_ring_never_as_a_region():
    source = JS.read_text(encoding="utf-8")
    assert '"flags") %' not in source and '"flags") /' not in source  # flags are read only through Data.flag
    assert 'approx ? "im-icon im-approx"' in source and "approximate point (" in source


def test_legend_has_an_approximate_entry_apart_from_regions():
    incidents = kazan_incidents()
    frame = to_frame([incidents[0].with_changes(geo_precision="approximate", place="30 km south of Belgorod"),
                      incidents[1].with_changes(geo_precision="region"), *incidents[2:]])
    entries = legend_spec(frame, type("Ref", (), {"name": "Moscow"})(), False, MapOptions())["entries"]
    approximate = [e for e in entries if e.get("approximate")]
    region = [e for e in entries if e.get("region")]
    assert [e["count"] for e in approximate] == [1] and [e["count"] for e in region] == [1]
    assert "dotted ring" in approximate[0]["label"]
