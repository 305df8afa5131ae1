"""The dashboard's settings table (map tiles, clustering, uploads), read from environment variables."""

from __future__ import annotations

from geodata.settings import Setting, setting

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "INCIDENT_MAP_TILES",
        "offline",
        "Map background: 'offline' (bundled Natural Earth polygons), 'osm' or 'carto' (online tiles, opt-in, need the internet).",
    ),
    Setting("INCIDENT_MAP_BASEMAP", "",
            "Your own offline basemap drawn under the incidents: a vector .pmtiles or raster .mbtiles file (README, offline)."),
    Setting("INCIDENT_MAP_LABEL_SCRIPT", "latin",
            "Place names on the map: 'latin' (GeoNames' transliteration) or 'cyrillic' (the local name in RU, UA, BY ...)."),
    Setting("INCIDENT_MAP_CLUSTER_THRESHOLD", "300", "Above this many incidents the map clusters markers built in the browser."),
    Setting("INCIDENT_MAP_MAX_ZOOM", "13", "Deepest zoom level of the map (the offline basemap is coarse; clustering needs a limit)."),
    Setting("INCIDENT_MAP_UPLOAD_LIMIT_MB", "50", "Largest file the Import page accepts, in megabytes."),
    Setting("INCIDENT_MAP_PASTE_LIMIT_KB", "1024", "Longest text the Import page reads from a paste or an article file, in KiB (characters / 1024)."),
    Setting("INCIDENT_MAP_EXTRACT_TIMEOUT_S", "60", "Time limit for extracting incidents from one article on the Import page, in seconds."),
    Setting("INCIDENT_MAP_SIGNIN_ADDRESS_FAILS", "10",
            "Failed sign-ins one client address may make before it waits (doubling up to 15 min); 0 turns the per-address limit off."),
    Setting("INCIDENT_MAP_TRUSTED_PROXIES", "",
            "Addresses of your reverse proxies (comma-separated) whose X-Forwarded-For header names the client for the per-address limit; empty: the header is ignored."),
    Setting("INCIDENT_MAP_APP_CACHE", "on", "App caching of the store's frame and selections; 'off' only to measure or debug."),
    Setting("INCIDENT_MAP_WARM_START", "on",
            "The server computes the first page's data as it starts (python -m dashboard.launch); 'off' only to measure."),
)
TILE_CHOICES = ("offline", "osm", "carto")


def dashboard_setting(name: str) -> str:
    """The value in force for one of the dashboard's settings."""
    return setting(name, SETTINGS)


def int_setting(name: str) -> int:
    """A whole-number dashboard setting; a malformed value falls back to the default with no crash."""
    try:
        return int(dashboard_setting(name))
    except ValueError:
        return int(next(item.default for item in SETTINGS if item.name == name))


def tiles_setting() -> str:
    """INCIDENT_MAP_TILES, lower-cased; anything unknown means 'offline'."""
    value = dashboard_setting("INCIDENT_MAP_TILES").lower()
    return value if value in TILE_CHOICES else "offline"


def shows_internals() -> bool:
    """Whether this visitor may see the store's path and the settings in force (the About page asks): admins only
    (in single-user mode the local user is the admin); everyone else sees the sources and counts only."""
    from dashboard.access import allowed

    return allowed("settings")
