"""The sorted-sweep duplicate search agrees with the all-pairs one on the pairs that involve a focus row."""

import random

import numpy as np

from incidents.catalog import build_catalog
from incidents.duplicates import candidates_for, duplicate_candidates
from incidents.frames import to_frame
from incidents.model import Source
from tests.incidents.factory import make


def random_incidents(count, seed=7):
    rng = random.Random(seed)
    out = []
    for n in range(count):
        day = f"2024-03-{rng.randint(1, 6):02d}"
        when = day if rng.random() < 0.3 else f"{day}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}+02:00"
        extra = {}
        if rng.random() < 0.1:
            extra["ended_at"] = f"2024-03-{rng.randint(6, 20):02d}"
        if rng.random() < 0.2:
            extra["sources"] = [Source("A", f"https://news.example/{rng.randint(1, 5)}")]
        out.append(make(id=f"i{n:04d}", event_type=rng.choice(["drone_strike", "missile_strike"]),
                        place=rng.choice(["Kyiv", "Odesa"]), lat=50 + rng.random() * 0.4,
                        lon=30 + rng.random() * 0.4, started_at=when, **extra))
    return out


def test_the_sweep_finds_exactly_the_all_pairs_candidates_of_the_focus_rows():
    incidents = random_incidents(300)
    frame = build_catalog(to_frame(incidents)).frame
    focus_ids = {item.id for item in incidents[::7]}
    focus = frame["id"].isin(focus_ids).to_numpy()
    expected = [pair for pair in duplicate_candidates(incidents) if {pair.first, pair.second} & focus_ids]
    found = candidates_for(frame, focus)
    assert len(expected) > 20
    assert [(p.first, p.second, p.reasons) for p in found] == [(p.first, p.second, p.reasons) for p in expected]
    assert np.allclose([p.km for p in found], [p.km for p in expected])


def test_a_pair_of_reviewed_rows_is_not_a_candidate_and_no_focus_finds_nothing():
    a = make(id="a", review="reviewed")
    b = make(id="b", review="reviewed")
    draft = make(id="c", review="draft", lat=a.lat + 0.5)
    frame = build_catalog(to_frame([a, b, draft])).frame
    assert [p.first for p in duplicate_candidates([a, b, draft])] == ["a"]
    assert candidates_for(frame, (frame["review"] == "draft").to_numpy()) == []
    assert candidates_for(frame, np.zeros(len(frame), bool)) == []
    assert [(p.first, p.second) for p in candidates_for(frame, (frame["id"] == "b").to_numpy())] == [("a", "b")]


def test_recently_changed_names_edited_rows_not_mere_creations(store):
    from incidents.curation import edit, recently_changed
    from tests.incidents.test_curation import REVIEWER, imported

    imported(store, [make(id="a"), make(id="b", lat=50.0)], state="reviewed")
    assert recently_changed(store) == set()
    edit(store, REVIEWER, "b", {"killed": 1}, "update")
    assert recently_changed(store) == {"b"} and recently_changed(store, hours=0) == set()
