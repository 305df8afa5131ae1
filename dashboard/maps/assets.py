"""Points folium at the vendored Leaflet assets and renders a map to HTML, inlined (offline file) or served statically."""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

VENDOR_DIR = Path(__file__).resolve().parents[1] / "static" / "vendor"
STATIC_BASE = "/app/static/vendor"
# folium's asset names -> files under dashboard/static/vendor (relative paths).
ASSETS: dict[str, str] = {
    "leaflet": "leaflet/leaflet.js",
    "leaflet_css": "leaflet/leaflet.css",
    "markerclusterjs": "leaflet.markercluster/leaflet.markercluster.js",
    "markerclustercss": "leaflet.markercluster/MarkerCluster.css",
    "markerclusterdefaultcss": "leaflet.markercluster/MarkerCluster.Default.css",
    "leaflet-heat.js": "leaflet.heat/leaflet-heat.js",
    "incidentmap": "incidentmap/incidentmap.js",
    "incidentmap_css": "incidentmap/incidentmap.css",
    "placelabels": "placelabels/placelabels.js",
    "placelabels_css": "placelabels/placelabels.css",
}
# folium's defaults that our maps never use (icon fonts, Bootstrap, jQuery): dropped instead of vendored.
DROPPED = frozenset({
    "jquery", "bootstrap", "bootstrap_css", "glyphicons_css", "awesome_markers", "awesome_markers_css",
    "awesome_markers_font_css", "awesome_rotate_css",
})
_SCRIPT = re.compile(r'<script src="(?P<url>[^"]+)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<url>[^"]+)"\s*/>')
_CSS_URL = re.compile(r"url\((?P<q>['\"]?)(?P<path>[^)'\"]+)(?P=q)\)")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)
_REMOTE = (
    re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(https?:)?//[^\"'\s>]+", re.I),
    re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(https?:)?//[^\"'\s>]+", re.I),
    re.compile(r"<(img|image|iframe|source|video|audio|embed|object)\b[^>]*\b(src|srcset|href|data)\s*=\s*[\"']?(https?:)?//[^\"'\s>]+",
               re.I),
    re.compile(r"\b(iconUrl|iconRetinaUrl|shadowUrl|imagePath)\s*[:=]\s*[\"'](https?:)?//[^\"']+", re.I),
    re.compile(r"url\(\s*[\"']?(https?:)?//[^)\"']+", re.I),
    re.compile(r"@import\s+[\"']?(https?:)?//[^\"';]+", re.I),
    re.compile(r"tileLayer(\.wms)?\(\s*[\"'](https?:)?//[^\"']+", re.I),
)


class UnvendoredAsset(ValueError):
    """A map element wants a JS/CSS file from a CDN that is not vendored under dashboard/static/vendor."""


def _elements(root: object) -> Iterator[object]:
    yield root
    for child in getattr(root, "_children", {}).values():
        yield from _elements(child)


def _local(links: list[tuple[str, str]], base_url: str) -> list[tuple[str, str]]:
    out = []
    for name, url in links:
        if name in ASSETS:
            out.append((name, f"{base_url}/{ASSETS[name]}"))
        elif name in DROPPED:
            continue
        elif re.match(r"^(https?:)?//", url, re.I):
            raise UnvendoredAsset(f"{name} ({url}) is not vendored; add it to dashboard/static/vendor and maps.assets.ASSETS")
        else:
            out.append((name, url))
    return out


def use_local_assets(m, base_url: str = STATIC_BASE):
    """Rewrite default_js/default_css of every element in the map tree to the vendored copies under `base_url`."""
    base_url = base_url.rstrip("/")
    for element in _elements(m):
        for attribute in ("default_js", "default_css"):
            links = getattr(element, attribute, None)
            if links:
                setattr(element, attribute, _local(list(links), base_url))
    return m


@lru_cache(maxsize=None)
def asset_text(relative: str) -> str:
    """A vendored JS/CSS file as text, source-map comment removed, CSS images inlined as data: URIs."""
    path = VENDOR_DIR / relative
    text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
    if relative.endswith(".css"):
        text = _CSS_URL.sub(lambda match: _css_url(path.parent, match), text)
    return text


def _css_url(folder: Path, match: re.Match[str]) -> str:
    target = match.group("path")
    candidate = (folder / target).resolve()
    if target.startswith(("data:", "#")) or not candidate.is_file() or VENDOR_DIR not in candidate.parents:
        return match.group(0)
    mime = "image/png" if candidate.suffix == ".png" else "application/octet-stream"
    return f"url(data:{mime};base64,{base64.b64encode(candidate.read_bytes()).decode('ascii')})"


@lru_cache(maxsize=1)
def default_icon_js() -> str:
    """Point Leaflet's default marker icon (L.Icon.Default, used by plain folium.Marker) at data: URIs: inlined,
    Leaflet can no longer find its images folder from the stylesheet and would ask for ./marker-icon.png."""
    folder = VENDOR_DIR / "leaflet" / "images"
    urls = {
        option: "data:image/png;base64," + base64.b64encode((folder / name).read_bytes()).decode("ascii")
        for option, name in (("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
                             ("shadowUrl", "marker-shadow.png"))
    }
    settings = "".join(f'L.Icon.Default.prototype.options.{option}="{url}";' for option, url in urls.items())
    return f'\nL.Icon.Default.imagePath="";{settings}\n'


def _inline(html: str, base_url: str) -> str:
    """Replace each <script src> and stylesheet <link> under `base_url` by the file's text in a <script>/<style>."""
    prefix = base_url.rstrip("/") + "/"

    def embed(tag: str, match: re.Match[str]) -> str:
        url = match.group("url")
        if not url.startswith(prefix):
            return match.group(0)
        relative = url[len(prefix):]
        text = asset_text(relative) + (default_icon_js() if relative == ASSETS["leaflet"] else "")
        return f"<{tag}>" + text.replace(f"</{tag}", f"<\\/{tag}") + f"</{tag}>"

    html = _SCRIPT.sub(lambda match: embed("script", match), html)
    return _STYLESHEET.sub(lambda match: embed("style", match), html)


def render_html(m, assets: str = "inline") -> str:
    """The full HTML document: 'inline' embeds the vendored assets (opens from file:// offline), 'static' links /app/static/vendor."""
    if assets not in ("inline", "static"):
        raise ValueError("assets must be 'inline' or 'static'")
    use_local_assets(m, STATIC_BASE)
    html = m.get_root().render()
    return _inline(html, STATIC_BASE) if assets == "inline" else html


def remote_asset_urls(html: str) -> list[str]:
    """Every script, stylesheet, image, frame, CSS url(), @import, Leaflet icon URL or tile template that would load
    from the network."""
    return [match.group(0) for pattern in _REMOTE for match in pattern.finditer(html)]
