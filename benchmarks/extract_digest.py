"""One sha256 of the extractor's outputs on every sample, dev and held article and the 1 MB text (for pure speed changes)."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_extract import ARTICLES, CORPORA, megabyte_article  # noqa: E402
from incidents.extraction import extract_geojson  # noqa: E402
from incidents.extraction.evaluation import load_corpus  # noqa: E402


def output(text: str, published: str | None = None) -> str:
    """The extractor's whole answer for one text, with its explanations, as canonical JSON (or the error it raised)."""
    try:
        result = extract_geojson(text, published, explain=True)
    except Exception as exc:  # noqa: BLE001 — a raised error is an output too
        return f"raised {type(exc).__name__}: {exc}"
    return json.dumps(result, sort_keys=True, ensure_ascii=False, default=str)


def digests(sets: list[str]) -> dict[str, str]:
    """A sha256 per set of texts, in name order; held articles are read only to be hashed, never shown."""
    samples = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    out = {}
    for name in sets:
        digest = hashlib.sha256()
        if name == "samples":
            items = [(text, None) for text in samples]
        elif name == "megabyte":
            items = [(megabyte_article(samples), None)]
        else:
            items = [(article.text, article.published) for article in load_corpus(CORPORA / name)]
        for text, published in items:
            digest.update(output(text, published).encode("utf-8"))
            digest.update(b"\0")
        out[name] = digest.hexdigest()
    whole = hashlib.sha256(json.dumps(out, sort_keys=True).encode()).hexdigest()
    return {**out, "all": whole}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", nargs="+", default=["samples", "dev", "held", "megabyte"],
                        choices=("samples", "dev", "held", "megabyte"))
    print(json.dumps(digests(parser.parse_args(argv).sets)))


if __name__ == "__main__":
    main()
