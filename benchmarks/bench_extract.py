"""Benchmark of article extraction: seed warm time and articles/second on the mixed samples, against a naive baseline; one JSON line."""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geodata.gazetteer import get_gazetteer  # noqa: E402
from incidents.extraction import extract_incidents  # noqa: E402

ARTICLES = Path(__file__).resolve().parents[1] / "incidents" / "samples" / "articles"
SEED = ARTICLES / "000_kazan_2024-12-21.txt"
BASELINE_SAMPLE = 3000


def timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def seed_warm_seconds(text: str, runs: int = 20) -> float:
    """Median time of the seed article once everything is loaded."""
    extract_incidents(text)
    return statistics.median(timed(extract_incidents, text) for _ in range(runs))


def rate(texts: list[str]) -> float:
    """Articles per second over one pass of the set."""
    seconds = sum(timed(extract_incidents, text) for text in texts)
    return len(texts) / seconds


def recombined(texts: list[str], count: int = 60) -> list[str]:
    """New articles never seen before: paragraphs of the samples shuffled together under fresh publication dates."""
    rng = random.Random(1)
    paragraphs = [p for text in texts for p in text.split("\n\n")[1:] if p.strip()]
    out = []
    for n in range(count):
        body = "\n\n".join(rng.sample(paragraphs, 5))
        out.append(f"date 2025-{1 + n % 12:02d}-{1 + n % 28:02d} {body}")
    return out


def naive_seconds_per_article(text: str) -> tuple[float, float]:
    """Every gazetteer name searched with its own regex, timed on a sample of names and scaled to all of them:
    (compile + search, search only with the patterns compiled beforehand)."""
    keys = list(get_gazetteer().index.keys)
    sample = random.Random(0).sample(keys, min(BASELINE_SAMPLE, len(keys)))
    scale = len(keys) / len(sample)
    start = time.perf_counter()
    patterns = [re.compile(rf"\b{re.escape(key)}\b", re.IGNORECASE) for key in sample]
    for pattern in patterns:
        pattern.search(text)
    both = time.perf_counter() - start
    start = time.perf_counter()
    for pattern in patterns:
        pattern.search(text)
    return both * scale, (time.perf_counter() - start) * scale


def main() -> None:
    load = timed(get_gazetteer)
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    seed = SEED.read_text(encoding="utf-8")
    first_call = timed(extract_incidents, seed)
    cold_rate = rate(texts)  # first pass: per-name caches still empty for most articles
    warm = seed_warm_seconds(seed)
    warm_rate = statistics.median(rate(texts) for _ in range(5))
    fresh_rate = rate(recombined(texts))
    naive = naive_seconds_per_article(seed)
    print(json.dumps({
        "benchmark": "extract",
        "gazetteer_load_s": round(load, 3),
        "seed_first_call_s": round(first_call, 3),
        "seed_warm_s": round(warm, 4),
        "seed_warm_target_s": 0.2,
        "articles": len(texts),
        "articles_per_s_first_pass": round(cold_rate, 1),
        "articles_per_s_warm": round(warm_rate, 1),
        "articles_per_s_recombined_unseen": round(fresh_rate, 1),
        "articles_per_s_target": 20,
        "naive_regex_s_per_article": round(naive[0], 3),
        "naive_regex_precompiled_s_per_article": round(naive[1], 3),
        "naive_articles_per_s_precompiled": round(1 / naive[1], 2),
        "speedup_vs_naive_precompiled": round(naive[1] / warm, 1),
    }))


if __name__ == "__main__":
    main()
