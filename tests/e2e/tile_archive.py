"""Tiny tile archives made in the test: vector PMTiles (the `pmtiles` package writes them; the MVT encoding is
hand-rolled protobuf) and raster MBTiles (SQLite with PNG tiles) around one point."""

from __future__ import annotations

import gzip
import math
import sqlite3
import struct
import zlib
from pathlib import Path

EXTENT = 4096


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, wire: int, payload: bytes | int) -> bytes:
    key = _varint((number << 3) | wire)
    if wire == 0:
        return key + _varint(int(payload))
    return key + _varint(len(payload)) + payload


def _zigzag(n: int) -> int:
    return (n << 1) ^ (n >> 31)


def _geometry(kind: str, points: list[tuple[int, int]]) -> bytes:
    """MVT geometry commands of one line or one polygon ring (tile coordinates)."""
    commands, x, y = [], 0, 0
    commands += [(1 << 3) | 1, _zigzag(points[0][0] - x), _zigzag(points[0][1] - y)]
    x, y = points[0]
    rest = points[1:-1] if kind == "polygon" else points[1:]
    commands.append((len(rest) << 3) | 2)
    for px, py in rest:
        commands += [_zigzag(px - x), _zigzag(py - y)]
        x, y = px, py
    if kind == "polygon":
        commands.append((1 << 3) | 7)
    return b"".join(_varint(c) for c in commands)


def mvt_tile(layers: dict[str, list[tuple[str, list[tuple[int, int]], dict[str, str]]]]) -> bytes:
    """A Mapbox Vector Tile: {layer: [(kind 'polygon'|'line', points, string properties)]}."""
    out = b""
    for name, features in layers.items():
        keys: list[str] = []
        values: list[str] = []
        body = _field(15, 0, 2) + _field(1, 2, name.encode())
        for fid, (kind, points, props) in enumerate(features, start=1):
            tags = []
            for key, value in props.items():
                if key not in keys:
                    keys.append(key)
                if value not in values:
                    values.append(value)
                tags += [keys.index(key), values.index(value)]
            feature = (_field(1, 0, fid) + _field(2, 2, b"".join(_varint(t) for t in tags))
                       + _field(3, 0, 3 if kind == "polygon" else 2) + _field(4, 2, _geometry(kind, points)))
            body += _field(2, 2, feature)
        body += b"".join(_field(3, 2, k.encode()) for k in keys)
        body += b"".join(_field(4, 2, _field(1, 2, v.encode())) for v in values)
        body += _field(5, 0, EXTENT)
        out += _field(3, 2, body)
    return out


def tile_of(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    n = 2 ** zoom
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return x, y


def street_tile() -> bytes:
    """Land over the whole tile, a square lake in the middle and a road across it (Protomaps basemap layers)."""
    full = [(0, 0), (EXTENT, 0), (EXTENT, EXTENT), (0, EXTENT), (0, 0)]
    lo, hi = EXTENT // 4, 3 * EXTENT // 4
    lake = [(lo, lo), (hi, lo), (hi, hi), (lo, hi), (lo, lo)]
    return mvt_tile({
        "earth": [("polygon", full, {"kind": "earth"})],
        "water": [("polygon", lake, {"kind": "water"})],
        "roads": [("line", [(0, EXTENT // 8), (EXTENT, EXTENT // 8)], {"kind": "major_road", "name": "Test Street"})],
    })


def write_pmtiles(path: Path, lat: float, lon: float, zooms: range = range(0, 16)) -> Path:
    """A vector PMTiles archive holding, at each zoom, the one tile around (lat, lon), gzip-compressed."""
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import Writer

    data = gzip.compress(street_tile(), mtime=0)
    tiles = sorted((zxy_to_tileid(z, *tile_of(lat, lon, z)), z) for z in zooms)
    with path.open("wb") as handle:
        writer = Writer(handle)
        for tile_id, _ in tiles:
            writer.write_tile(tile_id, data)
        writer.finalize(
            {"tile_type": TileType.MVT, "tile_compression": Compression.GZIP,
             "min_lon_e7": int((lon - 0.5) * 1e7), "min_lat_e7": int((lat - 0.5) * 1e7),
             "max_lon_e7": int((lon + 0.5) * 1e7), "max_lat_e7": int((lat + 0.5) * 1e7),
             "center_zoom": zooms[-1], "center_lon_e7": int(lon * 1e7), "center_lat_e7": int(lat * 1e7)},
            {"attribution": "<a href=\"https://example.org\">© OpenStreetMap contributors</a>",
             "vector_layers": [{"id": name, "fields": {}} for name in ("earth", "water", "roads")]},
        )
    return path


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain-colour PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def write_mbtiles(path: Path, lat: float, lon: float, rgb: tuple[int, int, int], zooms: range = range(0, 16)) -> Path:
    """A raster MBTiles archive: the tile around (lat, lon) at each zoom, one colour (TMS rows, as MBTiles keeps them)."""
    tile = png(256, 256, rgb)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        db.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "test"), ("format", "png"),
                                                              ("attribution", "© OpenStreetMap contributors")])
        for z in zooms:
            x, y = tile_of(lat, lon, z)
            db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, (2 ** z - 1) - y, tile))
    return path
