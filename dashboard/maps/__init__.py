"""The incident map shared by the app, the standalone export and the briefing: offline, escaped, fast at scale."""

from dashboard.maps.assets import (
    ASSETS, STATIC_BASE, VENDOR_DIR, UnvendoredAsset, remote_asset_urls, render_html, use_local_assets,
)
from dashboard.maps.builder import (
    MapOptions, build_map, default_reference, describe_map, legend_counts, restriction_counts,
)
from dashboard.maps.export import export_map_cli
from dashboard.maps.style import EVENT_COLORS, EVENT_ICONS, EVENT_SHAPES, EVENT_SVG_PATHS

__all__ = [
    "ASSETS", "EVENT_COLORS", "EVENT_ICONS", "EVENT_SHAPES", "EVENT_SVG_PATHS", "STATIC_BASE", "VENDOR_DIR",
    "MapOptions", "UnvendoredAsset", "build_map", "default_reference", "describe_map", "export_map_cli",
    "legend_counts", "remote_asset_urls", "render_html", "restriction_counts", "use_local_assets",
]
