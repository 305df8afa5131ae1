"""Benchmark of extraction: seed, articles/s, 1 MB against a naive baseline, or a labelled corpus; one JSON line."""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geodata.gazetteer import get_gazetteer  # noqa: E402
from incidents.extraction import extract_incidents  # noqa: E402
from incidents.extraction.evaluation import evaluate, load_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "incidents" / "samples" / "articles"
CORPORA = ROOT / "tests" / "incidents" / "extraction" / "corpus"
SEED = ARTICLES / "000_kazan_2024-12-21.txt"
BASELINE_SAMPLE = 3000
MEGABYTE = 1_000_000


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


def body(text: str) -> str:
    """An article without its `date …` first line."""
    return text.split("\n", 1)[1] if text.startswith("date ") else text


def megabyte_article(texts: list[str], size: int = MEGABYTE) -> str:
    """One article of at least `size` bytes of UTF-8: the samples' bodies repeated in turn under one date line."""
    parts, total = ["date 2025-06-01 Collected reports"], 0
    while total < size:
        part = body(texts[len(parts) % len(texts)])
        parts.append(part)
        total += len(part.encode("utf-8")) + 2
    return "\n\n".join(parts)


def cpu_and_wall(func, *args) -> tuple[float, float]:
    """Processor and wall seconds of one call (the processor time does not grow when other jobs share the cores)."""
    cpu, wall = time.process_time(), time.perf_counter()
    func(*args)
    return time.process_time() - cpu, time.perf_counter() - wall


def megabyte_figures(texts: list[str]) -> dict[str, float]:
    """Seconds to extract 1 MB in one article, and its processor time per byte against that of the sample articles
    one by one (about 1 when time grows linearly with length)."""
    big = megabyte_article(texts)
    cpu, wall = cpu_and_wall(extract_incidents, big)
    samples_cpu = sum(cpu_and_wall(extract_incidents, text)[0] for text in texts)
    samples_bytes = sum(len(text.encode("utf-8")) for text in texts)
    per_byte = cpu / len(big.encode("utf-8"))
    return {"one_mb_bytes": len(big.encode("utf-8")), "one_mb_s": round(wall, 2), "one_mb_cpu_s": round(cpu, 2),
            "one_mb_vs_linear": round(per_byte / (samples_cpu / samples_bytes), 2)}


def distinct_cpu_s_per_mb() -> float:
    """Processor seconds per MB of text never read before: the development corpus's articles one by one (each a new
    text), in a fresh process (nothing remembered from earlier readings), once its models are loaded. The 1 MB line
    repeats the samples, which the per-text memory reads once: this is the figure for a long paste of new text."""
    done = subprocess.run([sys.executable, __file__, "--distinct"], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def _distinct() -> float:
    articles = load_corpus(CORPORA / "dev")
    warm_up()
    cpu, size = 0.0, 0
    for article in articles:
        cpu += cpu_and_wall(extract_incidents, article.text, article.published)[0]
        size += len(article.text.encode("utf-8"))
    return cpu * MEGABYTE / size


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


def corpus_figures(name: str, notes: bool) -> dict:
    """evaluate() on one labelled corpus, once the gazetteer and the seed are warm; the notes only when asked for."""
    articles = load_corpus(CORPORA / name)
    if not articles:
        raise SystemExit(f"error: no articles in {CORPORA / name}")
    load = warm_up()
    figures = evaluate(articles, extract_incidents)
    if not notes:
        figures.pop("notes")
    return {"benchmark": "extract_corpus", "corpus": name, "warm_up_s": round(load, 2), **figures}


# One line in each language: the seed alone leaves the language identifier and the Ukrainian dictionary unloaded, and
# their one-off load (several seconds) would otherwise be charged to whichever corpus article needs them first.
# The dates too: dateparser loads each language's tables (about 0.3 s) the first time it reads a date in it.
WARM_UP = ("date 2025-01-01 В Курске 31 декабря обломки беспилотника повредили дом, пострадавших нет.",
           "date 2025-01-01 У Харкові уламки дрона пошкодили будинок, постраждалих немає.",
           "date 2025-01-01 On December 31 debris of a drone damaged a house in Kursk, no one was hurt.")


def warm_up() -> float:
    """Seconds to load the gazetteer, the models and the dictionaries (reported apart from the articles per second)."""
    start = time.perf_counter()
    extract_incidents(SEED.read_text(encoding="utf-8"))
    for text in WARM_UP:
        extract_incidents(text)
    return time.perf_counter() - start


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=("held", "dev"),
                        help="score a labelled corpus instead of timing the samples")
    parser.add_argument("--distinct", action="store_true", help=argparse.SUPPRESS)  # distinct_cpu_s_per_mb's child
    parser.add_argument("--notes", action="store_true",
                        help="with --corpus: add every article's misses and wrong incidents")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.corpus:
        print(json.dumps(corpus_figures(args.corpus, args.notes), ensure_ascii=False))
        return
    if args.distinct:
        print(round(_distinct(), 2))
        return
    load = timed(get_gazetteer)
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    seed = SEED.read_text(encoding="utf-8")
    first_call = timed(extract_incidents, seed)
    cold_rate = rate(texts)  # first pass: per-name caches still empty for most articles
    warm = seed_warm_seconds(seed)
    warm_rate = statistics.median(rate(texts) for _ in range(5))
    fresh_rate = rate(recombined(texts))
    naive = naive_seconds_per_article(seed)
    megabyte = {**megabyte_figures(texts), "distinct_text_cpu_s_per_mb": round(distinct_cpu_s_per_mb(), 2)}
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
        **megabyte,
    }))


if __name__ == "__main__":
    main()
