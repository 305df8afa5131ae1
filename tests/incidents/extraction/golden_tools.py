"""Golden expectations for the bundled sample articles: the compared fields, loading, and regeneration after review."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = ROOT / "incidents" / "samples" / "articles"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIELDS = ("event_type", "place", "admin1", "country", "geo_precision", "started_at", "ended_at", "time_precision",
          "killed", "injured", "drones_downed", "airport_iata", "airport_icao", "status", "verification")


def article_paths() -> list[Path]:
    """Every bundled sample article, in name order."""
    return sorted(ARTICLES.glob("*.txt"))


def project(incident: Any) -> dict[str, Any]:
    """The fields a golden file pins down for one incident (plus the claimed distance, when there is one)."""
    data = incident.to_dict()
    out = {name: data[name] for name in FIELDS}
    if data["distance_claim"]:
        out["distance_claim"] = {k: data["distance_claim"][k] for k in ("reference", "claimed_km", "geodesic_km")}
    return out


def golden_path(article: Path) -> Path:
    return GOLDEN / f"{article.stem}.json"


def load_golden(article: Path) -> list[dict[str, Any]]:
    """The reviewed expectation for an article: a list of projected incidents, in extraction order."""
    return json.loads(golden_path(article).read_text(encoding="utf-8"))["incidents"]


def regenerate(paths: list[Path]) -> None:
    """Writes golden files from the current extractor; review every change by eye before keeping it."""
    from incidents.extraction import extract_incidents

    for path in paths:
        found = [project(item) for item in extract_incidents(path.read_text(encoding="utf-8"))]
        payload = {"article": path.name, "incidents": found}
        golden_path(path).write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(found)} incidents")


if __name__ == "__main__":
    regenerate([Path(arg) for arg in sys.argv[1:]] or article_paths())
