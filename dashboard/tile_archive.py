"""INCIDENT_MAP_BASEMAP: the user's own offline tile archive (.pmtiles vector, .mbtiles raster), served to the
browser by the app process itself on a local port (byte ranges of the PMTiles file, or /tiles/z/x/y of MBTiles)."""

from __future__ import annotations

import html
import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from dashboard.settings import dashboard_setting

KINDS = {".pmtiles": "pmtiles", ".mbtiles": "mbtiles"}
HOST = "127.0.0.1"  # the app's own machine (the app listens there by default: .streamlit/config.toml)
RANGE = re.compile(r"^bytes=(\d+)-(\d*)$")
TILE = re.compile(r"^/tiles/(\d{1,2})/(\d{1,7})/(\d{1,7})\.(png|jpg|jpeg|webp)$")
MAX_RANGE = 32 * 1024 * 1024  # one answer never holds more than this (protomaps-leaflet asks for kilobytes)
DEFAULT_CREDIT = "Basemap: your tile archive"


class ArchiveProblem(ValueError):
    """INCIDENT_MAP_BASEMAP names no usable archive (the message says why, in one line)."""


@dataclass(frozen=True)
class Archive:
    """A checked archive: its path, kind (pmtiles or mbtiles), zoom range, raster format and credit (plain text)."""

    path: Path
    kind: str
    min_zoom: int
    max_zoom: int
    credit: str
    image: str = "png"


def _plain(text: Any) -> str:
    """Attribution as plain text (archives carry HTML links: the tags go, entities are decoded)."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", "", str(text or "")))).strip()[:200]


def _pmtiles(path: Path) -> Archive:
    from pmtiles.reader import MmapSource, Reader
    from pmtiles.tile import TileType

    with path.open("rb") as handle:
        reader = Reader(MmapSource(handle))
        header = reader.header()
        if header.get("tile_type") != TileType.MVT:
            raise ArchiveProblem(f"INCIDENT_MAP_BASEMAP {path}: only vector (MVT) PMTiles are drawn; "
                                 "for raster tiles use an .mbtiles file")
        metadata = reader.metadata() or {}
    return Archive(path, "pmtiles", int(header["min_zoom"]), int(header["max_zoom"]),
                   _plain(metadata.get("attribution")) or DEFAULT_CREDIT)


def _mbtiles(path: Path) -> Archive:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        meta = dict(db.execute("SELECT name, value FROM metadata").fetchall())
        low, high = db.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
    image = str(meta.get("format", "png")).lower()
    if image not in ("png", "jpg", "jpeg", "webp") or low is None:
        raise ArchiveProblem(f"INCIDENT_MAP_BASEMAP {path}: an MBTiles file of png, jpg or webp tiles is needed "
                             f"(format {image!r}, {'no' if low is None else 'some'} tiles)")
    return Archive(path, "mbtiles", int(low), int(high), _plain(meta.get("attribution")) or DEFAULT_CREDIT, image)


@lru_cache(maxsize=4)
def open_archive(value: str) -> Archive:
    """The archive a setting names, checked; ArchiveProblem with a one-line reason otherwise."""
    path = Path(value).expanduser()
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise ArchiveProblem(f"INCIDENT_MAP_BASEMAP {value}: the file must end in .pmtiles or .mbtiles")
    if not path.is_file():
        raise ArchiveProblem(f"INCIDENT_MAP_BASEMAP {value}: no such file")
    try:
        return _pmtiles(path.resolve()) if kind == "pmtiles" else _mbtiles(path.resolve())
    except ArchiveProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - any unreadable archive is one line for the user
        raise ArchiveProblem(f"INCIDENT_MAP_BASEMAP {value}: not a readable {kind} archive ({exc})") from None


class _Handler(BaseHTTPRequestHandler):
    """GET /archive.pmtiles (byte ranges) or /tiles/z/x/y.ext (MBTiles rows) of the server's one archive."""

    archive: Archive

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet: the app's log is Streamlit's
        return

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache",
                           "Access-Control-Expose-Headers": "Content-Range, Content-Length, ETag",
                           "Content-Length": str(len(body)), **headers}.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self._send(204, b"", {"Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
                              "Access-Control-Allow-Headers": "Range, If-Match"})

    def do_GET(self) -> None:  # noqa: N802
        archive = self.archive
        path = self.path.split("?", 1)[0]
        if archive.kind == "pmtiles" and path == "/archive.pmtiles":
            self._range(archive.path)
        elif archive.kind == "mbtiles" and TILE.match(path):
            self._tile(*TILE.match(path).groups())
        else:
            self._send(404, b"not found", {"Content-Type": "text/plain"})

    do_HEAD = do_GET

    def _range(self, path: Path) -> None:
        size = path.stat().st_size
        etag = f'"{int(path.stat().st_mtime)}-{size}"'
        match = RANGE.match(self.headers.get("Range", "").strip())
        start, end = (int(match.group(1)), int(match.group(2) or size - 1)) if match else (0, size - 1)
        end = min(end, size - 1, start + MAX_RANGE - 1)
        if start > end:
            self._send(416, b"", {"Content-Range": f"bytes */{size}"})
            return
        with path.open("rb") as handle:
            handle.seek(start)
            body = handle.read(end - start + 1)
        headers = {"Content-Type": "application/octet-stream", "Accept-Ranges": "bytes", "ETag": etag}
        if match:
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        self._send(206 if match else 200, body, headers)

    def _tile(self, z: str, x: str, y: str, ext: str) -> None:
        row = (2 ** int(z) - 1) - int(y)  # MBTiles keeps TMS rows
        with sqlite3.connect(f"file:{self.archive.path}?mode=ro", uri=True) as db:
            found = db.execute("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                               (int(z), int(x), row)).fetchone()
        if found is None:
            self._send(404, b"", {"Content-Type": "text/plain"})
            return
        image = "jpeg" if self.archive.image in ("jpg", "jpeg") else self.archive.image
        self._send(200, bytes(found[0]), {"Content-Type": f"image/{image}"})


_LOCK = threading.Lock()
_SERVERS: dict[Path, tuple[ThreadingHTTPServer, Archive]] = {}


def serve(archive: Archive) -> str:
    """The base URL where this process serves the archive (a server thread started on first use)."""
    with _LOCK:
        if archive.path not in _SERVERS:
            handler = type("ArchiveHandler", (_Handler,), {"archive": archive})
            server = ThreadingHTTPServer((HOST, int(os.environ.get("INCIDENT_MAP_BASEMAP_PORT", "0") or 0)), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, name="tile-archive", daemon=True).start()
            _SERVERS[archive.path] = (server, archive)
        server = _SERVERS[archive.path][0]
    return f"http://{HOST}:{server.server_address[1]}"


def archive_part() -> dict[str, Any] | None:
    """What the live map draws of INCIDENT_MAP_BASEMAP: {kind, url, credit, minZoom, maxZoom} or None when unset;
    {error} when the setting names no usable archive."""
    value = dashboard_setting("INCIDENT_MAP_BASEMAP").strip()
    if not value:
        return None
    try:
        archive = open_archive(value)
        base = serve(archive)
    except ArchiveProblem as exc:
        return {"error": str(exc)}
    except OSError as exc:
        return {"error": f"INCIDENT_MAP_BASEMAP {value}: could not serve it ({exc.strerror or exc})"}
    url = f"{base}/archive.pmtiles" if archive.kind == "pmtiles" else f"{base}/tiles/{{z}}/{{x}}/{{y}}.{archive.image}"
    return {"kind": archive.kind, "url": url, "credit": archive.credit, "minZoom": archive.min_zoom,
            "maxZoom": archive.max_zoom}
