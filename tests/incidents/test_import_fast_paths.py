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
