"""Rebuilds demo_articles.geojson from the bundled sample articles: `python -m incidents.samples.build_demo [--check]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from incidents.extraction import extract_incidents, merge_incidents
from incidents.model import Incident

SAMPLES_DIR = Path(__file__).resolve().parent
ARTICLES_DIR = SAMPLES_DIR / "articles"
DEMO_PATH = SAMPLES_DIR / "demo_articles.geojson"


def article_incidents(path: Path) -> list[Incident]:
    """The incidents of one sample article, tagged with the article's file name in `origin`."""
    found = extract_incidents(path.read_text(encoding="utf-8"))
    return [item.with_changes(origin={**item.origin, "article": path.name}, review="reviewed") for item in found]


def demo_incidents() -> list[Incident]:
    """Every sample article's incidents, reports of the same incident merged."""
    found: list[Incident] = []
    for path in sorted(ARTICLES_DIR.glob("*.txt")):
        found += article_incidents(path)
    return merge_incidents(found)


def demo_text(incidents: list[Incident]) -> str:
    """The demo file's content: the exporters' GeoJSON of the incidents."""
    from incidents.exporters import geojson_text
    from incidents.frames import to_frame

    return geojson_text(to_frame(incidents))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m incidents.samples.build_demo", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 when the file on disk differs from a fresh build")
    args = parser.parse_args(argv)
    incidents = demo_incidents()
    text = demo_text(incidents)
    if args.check:
        same = DEMO_PATH.exists() and DEMO_PATH.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{DEMO_PATH.name} is stale: run python -m incidents.samples.build_demo")
        return 0 if same else 1
    DEMO_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {DEMO_PATH.name}: {len(incidents)} incidents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
