"""Row encoding of an import: new rows stamped while encoded (never copied), JSON as text or binary jsonb."""

import json

from incidents.frames import FIELDS, JSON_FIELDS
from incidents.storage.base import plan_upsert
from incidents.storage.rows import to_row
from tests.incidents.factory import make, rich

NOW = "2026-01-02T03:04:05+00:00"


def test_new_rows_are_stamped_when_encoded_not_copied():
    fresh = make(id="a", created_at="", updated_at="")
    plan = plan_upsert([fresh], {}, now=NOW)
    assert plan.new[0] is fresh and plan.now == NOW
    row = dict(zip(FIELDS, to_row(fresh, plan.now)))
    assert row["created_at"] == row["updated_at"] == NOW
    assert (plan.inserts[0].created_at, plan.inserts[0].updated_at) == (NOW, NOW)
    assert fresh.created_at == ""  # the incoming incident itself is untouched


def test_stamps_an_incident_carries_are_kept():
    kept = make(id="b", created_at="2020-01-01T00:00:00+00:00", updated_at="2020-01-02T00:00:00+00:00")
    row = dict(zip(FIELDS, to_row(kept, NOW)))
    assert (row["created_at"], row["updated_at"]) == (kept.created_at, kept.updated_at)


def test_jsonb_bytes_hold_the_same_json_as_the_text():
    for incident in (make(id="c"), rich()):
        text, binary = to_row(incident), to_row(incident, jsonb=True)
        for name in JSON_FIELDS:
            at = FIELDS.index(name)
            if text[at] is None:
                assert binary[at] is None
                continue
            assert binary[at][:1] == b"\x01" and json.loads(binary[at][1:]) == json.loads(text[at])
        others = [at for at, name in enumerate(FIELDS) if name not in JSON_FIELDS]
        assert [text[at] for at in others] == [binary[at] for at in others] and text[-1] == binary[-1]
