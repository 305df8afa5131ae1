"""build_map: a filtered incident frame -> a folium map with basemap, incidents, reference rings, legend and toggles (pure).

The live map uses only the payload builders here; folium and its layers are imported by the functions that build a
folium map (the export and the briefing), so the app's first page does not load them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from dashboard.escape import html_text, js_json
from dashboard.maps import basemap
from dashboard.maps.airports import airport_table, at_airports
from dashboard.maps.assets import use_local_assets
from dashboard.maps.compact import COMPASS16, pack_incidents
from dashboard.maps.style import (
    BASEMAP_COLORS, CHOROPLETH_COLORS, REFERENCE_COLOR, type_table,
)
from dashboard.settings import TILE_CHOICES, int_setting, tiles_setting
from incidents.figures import restriction_records, type_counts
from incidents.frames import drawable_rows
from incidents.model import EVENT_LABELS, EVENT_TYPES

if TYPE_CHECKING:
    import folium

    from dashboard.maps.layers import JsLayer

ONLINE_TILES = {
    "osm": ("OpenStreetMap", "OpenStreetMap (online)"),
    "carto": ("CartoDB positron", "CartoDB Positron (online)"),
}
RING_STEPS = 120  # points per range ring
LINE_STEPS = 64  # intermediate points of the geodesic line
AIRPORTS_SHOWN = 60  # more airports than this: the layer starts unticked
LABEL_OFFSET_DEG = 12.0  # ring labels sit this far clockwise of the bearing to the data
REFERENCE_NEAR_KM = 1500.0  # fit_reference: a reference place farther from the data's centre is left out of view
MIN_SPAN_DEG = 2.0  # a fitted map shows at least this many degrees of latitude: a lone incident keeps its context


class RefPoint(NamedTuple):
    """A reference place when geodata cannot give one."""

    name: str
    lat: float
    lon: float


MOSCOW = RefPoint("Moscow", 55.75222, 37.61556)


@dataclass(frozen=True)
class MapOptions:
    """What to draw: background tiles, clustering threshold, optional layers, selection, rings and size."""

    tiles: str = "offline"  # 'offline' | 'osm' | 'carto'
    cluster_threshold: int = 300
    heatmap: bool = False
    choropleth: bool = False
    playback: bool = False
    selected_id: str | None = None
    show_airports: bool = True
    show_admin1: bool = True
    place_labels: bool = True  # GeoNames place names (dashboard.maps.labels), in INCIDENT_MAP_LABEL_SCRIPT's script
    rings_km: tuple[float, ...] = (250, 500, 750, 1000)
    fit_reference: bool = False  # also fit the reference place when it lies near the data (the briefing's map)
    basemap_area: tuple | None = None  # (box, countries) the basemap covers instead of the data's: see basemap_area()
    height: int | str = "100%"
    min_zoom: int = 2
    max_zoom: int = 13
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.tiles not in TILE_CHOICES:
            raise ValueError(f"tiles must be one of {', '.join(TILE_CHOICES)}, got {self.tiles!r}")

    @classmethod
    def from_settings(cls, **overrides: Any) -> "MapOptions":
        """Options from INCIDENT_MAP_TILES, INCIDENT_MAP_CLUSTER_THRESHOLD and INCIDENT_MAP_MAX_ZOOM, then overrides."""
        values: dict[str, Any] = {
            "tiles": tiles_setting(),
            "cluster_threshold": int_setting("INCIDENT_MAP_CLUSTER_THRESHOLD"),
            "max_zoom": int_setting("INCIDENT_MAP_MAX_ZOOM"),
        }
        values.update(overrides)
        return cls(**values)


def default_reference() -> Any:
    """geodata's reference place (INCIDENT_MAP_REFERENCE, Moscow by default), or Moscow when geodata can't say."""
    try:
        from geodata import reference_place

        return reference_place()
    except Exception:  # noqa: BLE001 - any geodata failure falls back to the documented default
        return MOSCOW


def legend_counts(frame: pd.DataFrame) -> dict[str, int]:
    """Incidents per event type, every type in EVENT_TYPES order (zeros included): incidents.figures' count."""
    return type_counts(frame["event_type"].astype(object))


def restriction_counts(frame: pd.DataFrame) -> dict[str, int]:
    """Airspace restrictions by status (active, lifted, none = not stated): incidents.figures' count."""
    return restriction_records(frame)


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    """By day, indexed 0..n-1 (a frame already in order is not copied)."""
    if len(frame) and not frame["day"].is_monotonic_increasing:
        frame = frame.sort_values(["day", "id"], kind="stable")
    out = frame.copy(deep=False)
    out.index = pd.RangeIndex(len(out))
    return out


def _distances(frame: pd.DataFrame, ref: Any) -> tuple[np.ndarray, np.ndarray]:
    """Geodesic km and 16-point compass sector of every incident from the reference place."""
    lats, lons = frame["lat"].to_numpy(float), frame["lon"].to_numpy(float)
    try:
        from geodata.distances import distances_from

        km, bearing = distances_from(ref.lat, ref.lon, lats, lons)
    except ImportError:
        from pyproj import Geod

        bearing, _, metres = Geod(ellps="WGS84").inv(np.full(len(lats), ref.lon), np.full(len(lats), ref.lat), lons, lats)
        km = np.asarray(metres) / 1000.0
    sector = np.floor((np.mod(np.nan_to_num(bearing), 360.0) + 11.25) / 22.5).astype(np.int64) % 16
    return np.asarray(km, float), sector


def incident_payload(frame: pd.DataFrame, ref: Any, with_ids: bool = False, with_zones: bool = False) -> dict[str, Any]:
    """The compact payload of `frame` (drawn order: drawn_frame's) with distances from the reference place."""
    km, sector = _distances(frame, ref)
    return pack_incidents(frame, km, sector, with_ids=with_ids, with_zones=with_zones)


def drawn_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The incidents in the order and at the points the map draws them: by day, restrictions at their airports
    (only the restrictions' rows are looked at and only the coordinates are new: fast on a large selection)."""
    frame = _sorted(frame)
    restrictions = frame["event_type"].eq("airspace_restriction").to_numpy() if len(frame) else np.zeros(0, bool)
    if not restrictions.any():
        return frame
    moved = at_airports(frame[restrictions])
    lat, lon = frame["lat"].to_numpy(float).copy(), frame["lon"].to_numpy(float).copy()
    lat[restrictions], lon[restrictions] = moved["lat"].to_numpy(float), moved["lon"].to_numpy(float)
    out = frame.copy(deep=False)
    out["lat"], out["lon"] = lat, lon
    return out


def named_airports(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """airport_table of the rows that name an airport (the others are skipped before any text work)."""
    if not len(frame) or "airport_icao" not in frame.columns:
        return []
    return airport_table(frame[(frame["airport_icao"].notna() | frame["airport_iata"].notna()).to_numpy()])


def data_bbox(frame: pd.DataFrame, ref: Any) -> tuple[float, float, float, float]:
    """(south, west, north, east) of the incidents; east may pass 180 when the data straddle the antimeridian
    (around the reference place when there are none)."""
    if not len(frame):
        return (ref.lat - 8, ref.lon - 12, ref.lat + 8, ref.lon + 12)
    lat, lon = frame["lat"].to_numpy(float), frame["lon"].to_numpy(float)
    shifted = np.where(lon < 0, lon + 360.0, lon)
    if np.ptp(shifted) < np.ptp(lon):
        return (float(lat.min()), float(shifted.min()), float(lat.max()), float(shifted.max()))
    return (float(lat.min()), float(lon.min()), float(lat.max()), float(lon.max()))


def _new_map(bbox: tuple[float, float, float, float], options: MapOptions) -> folium.Map:
    import folium

    center = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2]
    m = folium.Map(
        location=center, zoom_start=5, tiles=None, min_zoom=options.min_zoom, max_zoom=options.max_zoom,
        control_scale=True, height=options.height, width="100%", world_copy_jump=False,
    )
    m.options.update({"min_zoom": options.min_zoom, "max_zoom": options.max_zoom})  # folium passes these to tiles only
    for key, (tiles, name) in ONLINE_TILES.items():
        if options.tiles == key:
            folium.TileLayer(tiles, name=name, control=True, max_zoom=options.max_zoom).add_to(m)
    return m


def basemap_data(bbox: tuple[float, float, float, float], countries: tuple[str, ...]) -> dict[str, Any]:
    """The basemap for a padded box: countries, admin-1 lines and lakes (from basemap's caches)."""
    return dict(basemap.layers_near(bbox, tuple(countries)))  # the layers are shared: a new dict around them


def basemap_json(bbox: tuple[float, float, float, float], countries: tuple[str, ...]) -> bytes:
    """basemap_data as UTF-8 JSON (read as it is from basemap's cache folder)."""
    return basemap.layers_json(bbox, tuple(countries))


@lru_cache(maxsize=16)
def basemap_js(bbox: tuple[float, float, float, float], countries: tuple[str, ...]) -> str:
    """The escaped JSON of the basemap for a padded box (cached)."""
    return js_json(basemap_data(bbox, countries))


def basemap_area(frame: pd.DataFrame, ref: Any) -> tuple[tuple[float, float, float, float], tuple[str, ...]]:
    """The (box, countries) of a whole store's frame: passed as MapOptions.basemap_area, every filtered map of that
    store shares one cached basemap instead of simplifying a new one per filter."""
    frame = at_airports(frame)
    return data_bbox(frame, ref), tuple(sorted({c for c in frame["country"].dropna().tolist() if c})) if len(frame) else ()


def basemap_key(frame: pd.DataFrame, bbox: tuple, options: MapOptions) -> tuple[tuple, tuple[str, ...]]:
    """The (padded box, countries) the basemap of this map covers: options.basemap_area when set, else the data's."""
    countries = tuple(sorted({c for c in frame["country"].dropna().tolist() if c})) if len(frame) else ()
    if options.basemap_area:
        bbox, countries = options.basemap_area
    return basemap.padded(bbox), countries


def _basemap_layers(m: folium.Map, frame: pd.DataFrame, bbox: tuple, options: MapOptions) -> JsLayer:
    from dashboard.maps.layers import JsLayer, MethodLayer, RawJs

    layer = JsLayer("basemap", "Offline basemap (Natural Earth)", source=RawJs(basemap_js(*basemap_key(frame, bbox, options))),
                    options=BASEMAP_COLORS,
                    show=options.tiles == "offline")
    layer.add_to(m)
    MethodLayer(layer, "admin1Layer", "Admin-1 boundaries", show=options.show_admin1).add_to(m)
    return layer


def _place_labels(m: folium.Map, frame: pd.DataFrame, bbox: tuple, options: MapOptions) -> None:
    from dashboard.maps.labels import PlaceLabels, area_label_rows, label_script

    box, _ = basemap_key(frame, bbox, options)
    rows = area_label_rows(box, options.min_zoom, options.max_zoom, label_script())
    PlaceLabels(rows, show=options.tiles == "offline").add_to(m)  # online tiles carry their own names


def _choropleth(m: folium.Map, base: JsLayer, frame: pd.DataFrame, bbox: tuple) -> None:
    from dashboard.maps.layers import JsLayer

    countries = tuple(sorted({c for c in frame["country"].dropna().tolist() if c})) if len(frame) else ()
    _, geoms = basemap.admin1_near(basemap.padded(bbox), countries)
    counts = basemap.counts_per_region(geoms, frame["lat"].to_numpy(float), frame["lon"].to_numpy(float))
    nonzero = sorted(c for c in counts if c)
    classes = len(CHOROPLETH_COLORS) - 1
    breaks = sorted({int(np.quantile(nonzero, q / classes)) for q in range(1, classes + 1)}) if nonzero else [1]
    sparse = {str(i): c for i, c in enumerate(counts) if c}
    JsLayer("choropleth", "Incidents per admin-1 region", source=(base, "admin1"),
            options={"counts": sparse, "breaks": breaks, "colors": list(CHOROPLETH_COLORS)}).add_to(m)


def _ring(geod: Any, ref: Any, km: float, label_azimuth: float) -> dict[str, Any]:
    """A range ring as a closed line, labelled where it crosses `label_azimuth` (towards the data, so in view)."""
    azimuths = np.append(np.linspace(0.0, 360.0, RING_STEPS + 1), label_azimuth)
    lons, lats, _ = geod.fwd(np.full(len(azimuths), ref.lon), np.full(len(azimuths), ref.lat), azimuths,
                             np.full(len(azimuths), km * 1000.0))
    coords = [[round(float(a), 4), round(float(o), 4)] for a, o in zip(lats, lons)]
    return {"km": float(km), "coords": coords[:-1], "label": coords[-1]}


def label_azimuth(geod: Any, ref: Any, bbox: tuple[float, float, float, float]) -> float:
    """Where ring labels go: a little clockwise of the bearing from the reference place to the data's centre
    (off the geodesic line, on the side of the rings the fitted map shows)."""
    lat, lon = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    if abs(lat - ref.lat) < 1e-6 and abs(lon - ref.lon) < 1e-6:
        return LABEL_OFFSET_DEG
    azimuth, _, _ = geod.inv(ref.lon, ref.lat, ((lon + 180.0) % 360.0) - 180.0, lat)
    return float(azimuth) + LABEL_OFFSET_DEG


def _selected_line(geod: Any, ref: Any, frame: pd.DataFrame, selected_id: str | None) -> dict[str, Any] | None:
    """The geodesic from the reference place to the selected incident, with its length and direction."""
    if not selected_id or not len(frame):
        return None
    match = frame[frame["id"] == selected_id]
    if match.empty:
        return None
    row = match.iloc[0]
    lat, lon = float(row["lat"]), float(row["lon"])
    inner = geod.npts(ref.lon, ref.lat, lon, lat, LINE_STEPS)
    coords = [[ref.lat, ref.lon]] + [[round(b, 5), round(a, 5)] for a, b in inner] + [[lat, lon]]
    km, sector = _distances(match.iloc[:1], ref)
    text = f"{row['place'] or 'Selected incident'}: {km[0]:,.0f} km {COMPASS16[int(sector[0])]} of {ref.name}"
    return {"coords": coords, "km": float(km[0]), "text": text}


def reference_payload(ref: Any, frame: pd.DataFrame, bbox: tuple, options: MapOptions) -> dict[str, Any]:
    """The reference place, its range rings (labelled towards the data) and the line to the selected incident."""
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    azimuth = label_azimuth(geod, ref, bbox)
    return {
        "name": str(ref.name), "lat": float(ref.lat), "lon": float(ref.lon), "color": REFERENCE_COLOR,
        "rings": [_ring(geod, ref, km, azimuth) for km in options.rings_km if km > 0],
        "line": _selected_line(geod, ref, frame, options.selected_id),
    }


def _reference(m: folium.Map, ref: Any, frame: pd.DataFrame, bbox: tuple, options: MapOptions) -> None:
    from dashboard.maps.layers import JsLayer

    payload = reference_payload(ref, frame, bbox, options)
    JsLayer("reference", f"Reference: {html_text(ref.name)} and range rings", source=payload).add_to(m)


def precision_count(frame: pd.DataFrame, precision: str) -> int:
    """Incidents of one geo precision ('region': drawn as a dashed ring, 'approximate': a dotted ring)."""
    return int((frame["geo_precision"] == precision).sum()) if len(frame) and "geo_precision" in frame.columns else 0


def legend_spec(frame: pd.DataFrame, ref: Any, clustered: bool, options: MapOptions) -> dict[str, Any]:
    """The legend: symbol, label and count per event type and restriction status, region-only incidents, notes."""
    counts = legend_counts(frame)
    entries = [{"type": i, "label": EVENT_LABELS[key], "count": counts[key]}
               for i, key in enumerate(EVENT_TYPES) if counts[key] and key != "airspace_restriction"]
    restriction = EVENT_TYPES.index("airspace_restriction")
    by_status = restriction_counts(frame)
    for status, label in (("active", "restriction active"), ("lifted", "restriction lifted"), ("none", "restriction, status not stated")):
        if by_status[status]:
            entries.append({"type": restriction, "status": status, "label": f"Airspace {label}", "count": by_status[status]})
    regions = precision_count(frame, "region")
    if regions:
        entries.append({"type": EVENT_TYPES.index("other"), "region": True, "label": "Located to a region only (dashed ring)",
                        "count": regions})
    approximate = precision_count(frame, "approximate")
    if approximate:
        entries.append({"type": EVENT_TYPES.index("other"), "approximate": True, "count": approximate,
                        "label": "Approximate point, placed by distance (dotted ring)"})
    notes = [f"Rings {', '.join(f'{k:,g}' for k in options.rings_km)} km from {ref.name}."]
    if clustered:
        notes.append("Clustered: zoom in for markers.")
    return {"title": f"Incidents: {len(frame):,}", "types": type_table(), "entries": entries, "note": " ".join(notes)}


def with_reference(bbox: tuple[float, float, float, float], ref: Any) -> tuple[float, float, float, float]:
    """The box grown to take in the reference place when it is within REFERENCE_NEAR_KM of the box's centre."""
    from pyproj import Geod

    south, west, north, east = bbox
    _, _, metres = Geod(ellps="WGS84").inv(ref.lon, ref.lat, ((west + east) / 2 + 180.0) % 360.0 - 180.0, (south + north) / 2)
    if metres / 1000.0 > REFERENCE_NEAR_KM:
        return bbox
    lon = ref.lon + 360.0 if east > 180.0 and ref.lon < 0 else ref.lon
    return (min(south, ref.lat), min(west, lon), max(north, ref.lat), max(east, lon))


def fit_bounds(bbox: tuple[float, float, float, float]) -> list[list[float]]:
    """[[south, west], [north, east]] to fit: the box, never smaller than MIN_SPAN_DEG of latitude (and the matching
    longitude)."""
    south, west, north, east = bbox
    lon_span = MIN_SPAN_DEG / max(0.2, float(np.cos(np.radians((south + north) / 2))))
    pad_lat = max(0.0, (MIN_SPAN_DEG - (north - south)) / 2)
    pad_lon = max(0.0, (lon_span - (east - west)) / 2)
    return [[max(-85.0, south - pad_lat), west - pad_lon], [min(85.0, north + pad_lat), east + pad_lon]]


def fit_max_zoom(options: MapOptions) -> int:
    """The closest zoom a fit goes to."""
    return min(9, options.max_zoom)


def _fit(m: folium.Map, bbox: tuple[float, float, float, float], options: MapOptions) -> None:
    """Fit the map to the data (see fit_bounds)."""
    m.fit_bounds(fit_bounds(bbox), padding=(30, 30), max_zoom=fit_max_zoom(options))


def describe_map(m: folium.Map) -> dict[str, Any]:
    """The key structure of a built map (layers, legend, incident payload summary) for tests and golden files."""
    import folium

    from dashboard.maps.layers import IncidentData, JsLayer, Legend, MethodLayer

    layers, legend, data = [], None, None
    for child in m._children.values():
        if isinstance(child, (JsLayer, MethodLayer)):
            layers.append({"kind": child.kind, "name": child.layer_name, "shown": bool(child.show)})
        elif isinstance(child, folium.TileLayer):
            layers.append({"kind": "tiles", "name": child.layer_name, "shown": bool(child.show)})
        elif isinstance(child, Legend):
            legend = child.spec
        elif isinstance(child, IncidentData):
            data = child.payload
    summary = None
    if data is not None:
        summary = {"n": data["n"], "width": data["width"], "base": data["base"], "places": data["places"],
                   "offsets": data["offsets"], "details": len(data["details"])}
    entries = [{k: e[k] for k in ("label", "count")} for e in legend["entries"]] if legend else []
    return {"layers": layers, "legend": {"title": legend["title"], "entries": entries} if legend else None,
            "incidents": summary, "max_zoom": m.options.get("max_zoom"), "min_zoom": m.options.get("min_zoom")}


def build_map(frame: pd.DataFrame, *, reference: Any = None, options: MapOptions | None = None) -> folium.Map:
    """The incident map for `frame` (the incident frame contract), with vendored asset links (no CDN)."""
    import folium

    from dashboard.maps.layers import IncidentData, JsLayer, Legend, with_plugins

    options = options or MapOptions()
    ref = reference if reference is not None else default_reference()
    frame = drawn_frame(drawable_rows(frame)[0])  # a stored row that cannot be drawn is left out
    bbox = data_bbox(frame, ref)
    m = _new_map(bbox, options)
    base = _basemap_layers(m, frame, bbox, options)
    if options.choropleth:
        _choropleth(m, base, frame, bbox)
    if options.place_labels:
        _place_labels(m, frame, bbox, options)
    clustered = len(frame) > options.cluster_threshold
    data = IncidentData(incident_payload(frame, ref, with_ids=not clustered, with_zones=not clustered))
    data.add_to(m)
    if options.show_airports:
        airports = named_airports(frame)
        JsLayer("airports", "Airports named by incidents", source=airports, show=len(airports) <= AIRPORTS_SHOWN).add_to(m)
    _reference(m, ref, frame, bbox, options)
    if options.heatmap:
        with_plugins(JsLayer("heat", "Heat map", source=data, options={"maxZoom": options.max_zoom}, kind="heat")).add_to(m)
    incident_options = {"types": type_table(), "reference": str(ref.name), "cluster": clustered}
    with_plugins(JsLayer("markers", f"Incidents ({len(frame):,})", source=data, options=incident_options,
                         kind="cluster" if clustered else "markers")).add_to(m)
    if options.playback:
        JsLayer("playback", "Time playback", source=data, options={"types": type_table()}, show=False).add_to(m)
    Legend(legend_spec(frame, ref, clustered, options)).add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    _fit(m, with_reference(bbox, ref) if options.fit_reference and len(frame) else bbox, options)
    return use_local_assets(m)
