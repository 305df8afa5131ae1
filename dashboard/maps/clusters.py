"""Server-side clusters for large selections: grid binning in Web Mercator by zoom, exact counts (pure, vectorised)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CELL_PX = 64  # a cluster covers a square of this many screen pixels at its zoom
TILE_PX = 256
OUTSIDE_ZOOM_STEP = 3  # incidents outside the view are binned this many zoom levels coarser
OUTSIDE_MAX_ZOOM = 6  # ... and never finer than this (few cells whatever the data)
MAX_LAT = 85.05112878


@dataclass(frozen=True)
class View:
    """What the map shows: (south, west, north, east) in degrees and the zoom level."""

    south: float
    west: float
    north: float
    east: float
    zoom: int

    def padded(self, share: float = 0.5) -> View:
        """The view grown by `share` of its size on every side (what a small pan shows next)."""
        dlat, dlon = (self.north - self.south) * share, (self.east - self.west) * share
        return View(max(-90.0, self.south - dlat), self.west - dlon, min(90.0, self.north + dlat), self.east + dlon,
                    self.zoom)


def covered(view: View, share: float = 0.5) -> View:
    """The region whose incidents are sent for `view`: the view grown by `share` on every side, then widened to whole
    tiles of its zoom (a pan that stays inside it needs nothing new from the server; small pans give the same
    region, so the same payload id)."""
    grown = view.padded(share)
    tiles = 2 ** int(view.zoom)
    west = np.floor((grown.west + 180.0) / 360.0 * tiles) / tiles * 360.0 - 180.0
    east = np.ceil((grown.east + 180.0) / 360.0 * tiles) / tiles * 360.0 - 180.0
    top = np.floor(float(mercator_y(np.array([grown.north]))[0]) * tiles) / tiles
    bottom = np.ceil(float(mercator_y(np.array([grown.south]))[0]) * tiles) / tiles
    north = 90.0 if top <= 0.0 else _latitude(top)
    south = -90.0 if bottom >= 1.0 else _latitude(bottom)
    return View(round(south, 6), round(float(west), 6), round(north, 6), round(float(east), 6), int(view.zoom))


def view_around(box: tuple[float, float, float, float], zoom: int, width_px: int, height_px: int) -> View:
    """The view of a map `width_px` x `height_px` at `zoom` centred on the (south, west, north, east) box in Web
    Mercator: what Leaflet's fitBounds of the box leaves on screen."""
    south, west, north, east = box
    world = TILE_PX * 2.0 ** int(zoom)
    y = float(mercator_y(np.array([south, north])).mean())
    half_x, half_y = width_px / 2.0 / world * 360.0, height_px / 2.0 / world
    middle = (west + east) / 2.0
    return View(_latitude(min(1.0, y + half_y)), middle - half_x, _latitude(max(0.0, y - half_y)), middle + half_x,
                int(zoom))


def _latitude(y: float) -> float:
    """The latitude of a Web Mercator y (0 at the top of the world, 1 at its bottom)."""
    return float(np.degrees(np.arctan(np.sinh(np.pi * (1.0 - 2.0 * y)))))


def contains(outer: View, inner: View) -> bool:
    """Whether the box `outer` holds the box `inner` (longitudes compared as given, unwrapped)."""
    return (outer.south <= inner.south and inner.north <= outer.north and outer.west <= inner.west
            and inner.east <= outer.east)


@dataclass(frozen=True)
class Clusters:
    """Cluster centres (mean of their incidents), exact counts and counts per type (rows: clusters)."""

    lat: np.ndarray
    lon: np.ndarray
    count: np.ndarray
    by_type: np.ndarray  # (clusters, types) int64

    def __len__(self) -> int:
        return len(self.count)

    def payload(self) -> dict[str, list]:
        """JSON-ready columns, coordinates rounded to 1e-4 degrees."""
        return {
            "lat": np.round(self.lat, 4).tolist(),
            "lon": np.round(self.lon, 4).tolist(),
            "n": self.count.tolist(),
            "t": self.by_type.tolist(),
        }


def in_view(lats: np.ndarray, lons: np.ndarray, view: View) -> np.ndarray:
    """Mask of the points inside the view; west > east or east past 180 (the antimeridian) is understood."""
    lats, lons = np.asarray(lats, float), np.asarray(lons, float)
    inside_lat = (lats >= view.south) & (lats <= view.north)
    if view.east - view.west >= 360.0:
        return inside_lat
    west = (view.west + 180.0) % 360.0 - 180.0
    east = west + (view.east - view.west)
    shifted = np.where(lons < west, lons + 360.0, lons)
    return inside_lat & (shifted <= east)


def mercator_y(lats: np.ndarray) -> np.ndarray:
    """Web Mercator y of each latitude, 0 at the top of the world and 1 at its bottom."""
    sin = np.sin(np.radians(np.clip(np.asarray(lats, float), -MAX_LAT, MAX_LAT)))
    return 0.5 - np.log((1.0 + sin) / (1.0 - sin)) / (4.0 * np.pi)


def _cells(lats: np.ndarray, lons: np.ndarray, zoom: int) -> np.ndarray:
    """The grid cell of each point at `zoom` as one int64 (column * rows + row)."""
    per_side = max(1, int(TILE_PX * 2**int(zoom) // CELL_PX))
    x = (np.asarray(lons, float) + 180.0) / 360.0
    y = mercator_y(lats)
    column = np.clip((x * per_side).astype(np.int64), 0, per_side - 1)
    row = np.clip((y * per_side).astype(np.int64), 0, per_side - 1)
    return column * per_side + row


def grid_clusters(lats: np.ndarray, lons: np.ndarray, zoom: int, types: np.ndarray | None = None,
                  n_types: int = 1) -> Clusters:
    """Every point in one cluster of the grid at `zoom`; the counts add up to len(lats)."""
    lats, lons = np.asarray(lats, float), np.asarray(lons, float)
    if not len(lats):
        empty = np.zeros(0)
        return Clusters(empty, empty, np.zeros(0, np.int64), np.zeros((0, n_types), np.int64))
    _, inverse, counts = np.unique(_cells(lats, lons, zoom), return_inverse=True, return_counts=True)
    k = len(counts)
    lat = np.bincount(inverse, weights=lats, minlength=k) / counts
    lon = np.bincount(inverse, weights=lons, minlength=k) / counts
    kinds = np.zeros(len(lats), np.int64) if types is None else np.clip(np.asarray(types, np.int64), 0, n_types - 1)
    by_type = np.bincount(inverse * n_types + kinds, minlength=k * n_types).reshape(k, n_types)
    return Clusters(lat, lon, counts.astype(np.int64), by_type.astype(np.int64))


def outside_zoom(zoom: int) -> int:
    """The coarser zoom whose grid bins the incidents outside the view."""
    return max(0, min(int(zoom) - OUTSIDE_ZOOM_STEP, OUTSIDE_MAX_ZOOM))


def view_clusters(lats: np.ndarray, lons: np.ndarray, view: View, types: np.ndarray | None = None,
                  n_types: int = 1, share: float = 0.5) -> Clusters:
    """Clusters for one view: points in the view (grown by `share` on every side) binned at its zoom, the others at
    outside_zoom(); every point is in exactly one cluster, so the counts add up to len(lats)."""
    inside = in_view(lats, lons, view.padded(share))
    kinds = None if types is None else np.asarray(types)
    near = grid_clusters(lats[inside], lons[inside], view.zoom, None if kinds is None else kinds[inside], n_types)
    far = grid_clusters(lats[~inside], lons[~inside], outside_zoom(view.zoom),
                        None if kinds is None else kinds[~inside], n_types)
    return Clusters(np.concatenate([near.lat, far.lat]), np.concatenate([near.lon, far.lon]),
                    np.concatenate([near.count, far.count]), np.concatenate([near.by_type, far.by_type]))


def zoom_for(bounds: tuple[float, float, float, float], width_px: int = 900, height_px: int = 520,
             max_zoom: int = 13) -> int:
    """The zoom at which a map of that size shows the (south, west, north, east) box, as Leaflet's fitBounds picks."""
    south, west, north, east = bounds
    span_x = max((east - west) / 360.0, 1e-9)
    span_y = max(float(mercator_y(np.array([south]))[0] - mercator_y(np.array([north]))[0]), 1e-9)
    zoom = min(np.log2(width_px / TILE_PX / span_x), np.log2(height_px / TILE_PX / span_y))
    return int(max(0, min(max_zoom, np.floor(zoom))))
