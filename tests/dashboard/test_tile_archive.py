"""INCIDENT_MAP_BASEMAP: archives are checked with one-line reasons and served in byte ranges or tiles, locally."""

import urllib.request

import pytest

from dashboard.tile_archive import ArchiveProblem, archive_part, open_archive
from tests.e2e.tile_archive import png, tile_of, write_mbtiles, write_pmtiles


def fetch(url, headers=None):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as answer:
        return answer.status, dict(answer.headers), answer.read()


def test_pmtiles_archive_is_served_in_byte_ranges(tmp_path, monkeypatch):
    path = write_pmtiles(tmp_path / "region.pmtiles", 55.79, 49.12)
    monkeypatch.setenv("INCIDENT_MAP_BASEMAP", str(path))
    part = archive_part()
    assert part["kind"] == "pmtiles" and part["maxZoom"] == 15 and part["url"].startswith("http://127.0.0.1:")
    assert part["credit"] == "© OpenStreetMap contributors"  # the archive's HTML link reduced to text
    status, headers, body = fetch(part["url"], {"Range": "bytes=0-6"})
    assert status == 206 and body == b"PMTiles" and headers["Content-Range"].endswith(f"/{path.stat().st_size}")
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_mbtiles_tiles_are_served_by_xyz(tmp_path, monkeypatch):
    path = write_mbtiles(tmp_path / "region.mbtiles", 55.79, 49.12, (10, 20, 30))
    monkeypatch.setenv("INCIDENT_MAP_BASEMAP", str(path))
    part = archive_part()
    x, y = tile_of(55.79, 49.12, 12)
    status, headers, body = fetch(part["url"].format(z=12, x=x, y=y))
    assert status == 200 and headers["Content-Type"] == "image/png" and body == png(256, 256, (10, 20, 30))
    with pytest.raises(urllib.error.HTTPError):
        fetch(part["url"].format(z=12, x=x + 1, y=y))


@pytest.mark.parametrize("name, content, reason", [
    ("region.geojson", b"{}", "must end in .pmtiles or .mbtiles"),
    ("missing.pmtiles", None, "no such file"),
    ("broken.pmtiles", b"not an archive", "not a readable pmtiles archive"),
    ("broken.mbtiles", b"not sqlite", "not a readable mbtiles archive"),
])
def test_bad_archives_get_one_line(tmp_path, monkeypatch, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ArchiveProblem, match=reason):
        open_archive(str(path))
    monkeypatch.setenv("INCIDENT_MAP_BASEMAP", str(path))
    assert reason in archive_part()["error"] and "\n" not in archive_part()["error"]


def test_unset_means_nothing(monkeypatch):
    monkeypatch.delenv("INCIDENT_MAP_BASEMAP", raising=False)
    assert archive_part() is None
