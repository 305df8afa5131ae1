"""The import's fast paths give exactly what the general code gives: sources JSON, countries by point, bulk loads."""

from __future__ import annotations

import json
import random

from incidents.model import Source
from incidents.storage.rows import json_text, sources_text


def _general(sources: tuple[Source, ...]) -> str:
    value = [{"title": s.title, "url": s.url, "published": s.published, "excerpt": s.excerpt} for s in sources]
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False, default=str)


def test_sources_text_is_the_json_encoders_text_for_awkward_strings():
    alphabet = ["a", '"', "\\", "\n", "\t", "\x00", "\x1f", "é", "Ж", "😀", "\ud800", "/", "<", "\u2028", " "]
    pick = random.Random(13)
    for _ in range(3000):
        sources = tuple(Source(*("".join(pick.choice(alphabet) for _ in range(pick.randint(0, 6))) for _ in range(4)))
                        for _ in range(pick.randint(1, 3)))
        assert sources_text(sources) == _general(sources)
        assert json_text("x", "sources", sources) == _general(sources)


def test_sources_with_a_value_that_is_not_text_take_the_general_encoder():
    odd = (Source(title="t", url="u"), Source(title=None, url=3))  # type: ignore[arg-type]
    assert sources_text(odd) is None
    assert json_text("x", "sources", odd) == _general(odd)


def _chunk_checks(chunks, known):
    from incidents.importers.pipeline import Report
    from incidents.importers.places import check_countries

    report = Report()
    kept = [[item.id for item in check_countries(chunk, report, known)] for chunk in chunks]
    return kept, [(p["row"], p["message"]) for p in report.problems], [(w["row"], w["message"]) for w in report.warnings]


def _points_chunks():
    from tests.incidents.factory import make

    kazan = make(id="kazan")
    swapped = make(id="swapped", lat=49.1088, lon=55.7963)  # in Kazakhstan; swapped it lies in Russia
    elsewhere = make(id="kyiv", lat=50.45, lon=30.52)  # Kyiv, the row says RU: kept with a warning
    sea = make(id="sea", lat=43.0, lon=34.0)  # the Black Sea
    first = [(2, kazan), (3, swapped), (4, elsewhere), (5, sea)]
    second = [(6, make(id="kazan-2", started_at="2024-12-22")), (7, make(id="swapped-2", lat=49.1088, lon=55.7963,
                                                                          started_at="2024-12-22")),
              (8, make(id="kyiv-2", lat=50.45, lon=30.52, started_at="2024-12-22"))]
    return [first, second]


def test_countries_remembered_by_point_across_chunks_give_what_fresh_lookups_give():
    chunks = _points_chunks()
    fresh = [_chunk_checks([chunk], {}) for chunk in chunks]
    known: dict = {}
    kept, problems, warnings = _chunk_checks(chunks, known)
    assert kept == [fresh[0][0][0], fresh[1][0][0]] == [["kazan", "kyiv", "sea"], ["kazan-2", "kyiv-2"]]
    assert problems == fresh[0][1] + fresh[1][1] and [row for row, _ in problems] == [3, 7]
    assert warnings == fresh[0][2] + fresh[1][2] and [row for row, _ in warnings] == [4, 5, 8]
    assert known[(55.7963, 49.1088)] == "RU" and known[(43.0, 34.0)] == ""


def test_the_remembered_points_are_bounded(monkeypatch):
    from incidents.importers import places

    monkeypatch.setattr(places, "KNOWN_POINTS", 2)
    chunks = _points_chunks()
    known: dict = {}
    assert _chunk_checks(chunks, known) == _chunk_checks(chunks, {})
    assert _chunk_checks(chunks, known)[0] == [["kazan", "kyiv", "sea"], ["kazan-2", "kyiv-2"]]
    assert len(known) <= 4
