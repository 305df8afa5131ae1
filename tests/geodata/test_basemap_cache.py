"""The decoded basemap levels are built once into the cache folder, read back unchanged, rebuilt when stale or corrupt."""

from __future__ import annotations

import shapely

from geodata import regions
from geodata.files import cached_derived
from geodata.regions import basemap_shapes, decode_basemap


def same_level(got, want) -> bool:
    (got_props, got_geoms), (want_props, want_geoms) = got, want
    return (got_props == want_props and len(got_geoms) == len(want_geoms) and bool(len(got_geoms))
            and [g.geom_type for g in got_geoms] == [g.geom_type for g in want_geoms]
            and bool(shapely.equals_exact(got_geoms, want_geoms, 0).all()))


def counting_decoder(monkeypatch) -> list[str]:
    """Replace the uncached decode by one that records each call."""
    calls: list[str] = []
    decode = regions.decode_basemap

    def counted(level: str):
        calls.append(level)
        return decode(level)

    monkeypatch.setattr(regions, "decode_basemap", counted)
    return calls


def cache_files(folder, stem: str = "basemap-countries") -> list[str]:
    return sorted(p.name for p in folder.glob(f"{stem}-*.bin"))


def test_a_level_is_decoded_once_then_read_back_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(tmp_path))
    calls = counting_decoder(monkeypatch)
    first = basemap_shapes("countries")
    again = basemap_shapes("countries")
    assert calls == ["countries"] and len(cache_files(tmp_path)) == 1
    assert same_level(first, decode_basemap("countries")) and same_level(again, first)
    again[0][0]["name"] = "changed"
    assert basemap_shapes("countries")[0][0]["name"] != "changed", "callers get fresh properties"


def test_admin1_from_the_cache_is_the_decoded_level(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(tmp_path))
    basemap_shapes("admin1")
    calls = counting_decoder(monkeypatch)
    cached = basemap_shapes("admin1")
    assert calls == [] and same_level(cached, decode_basemap("admin1"))


def test_changed_inputs_rebuild_and_remove_the_stale_file(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(tmp_path))
    calls = counting_decoder(monkeypatch)
    basemap_shapes("countries")
    old = cache_files(tmp_path)
    monkeypatch.setattr(regions, "BASEMAP_CACHE_FORMAT", regions.BASEMAP_CACHE_FORMAT + 1)
    assert same_level(basemap_shapes("countries"), decode_basemap("countries"))
    new = cache_files(tmp_path)
    assert calls == ["countries", "countries"] and len(new) == 1 and new != old


def test_a_corrupt_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(tmp_path))
    basemap_shapes("countries")
    (path,) = tmp_path.glob("basemap-countries-*.bin")
    calls = counting_decoder(monkeypatch)
    for garbage in (b"", b"not a pickle", path.read_bytes()[:1000], b"\x80\x05N."):  # the last: a pickled None
        path.write_bytes(garbage)
        assert same_level(basemap_shapes("countries"), decode_basemap("countries"))
        basemap_shapes("countries")  # the rebuilt file is read back
    assert calls == ["countries"] * 4


def test_an_unwritable_cache_folder_computes_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(blocker / "cache"))
    calls = counting_decoder(monkeypatch)
    assert same_level(basemap_shapes("countries"), decode_basemap("countries"))
    basemap_shapes("countries")
    assert calls == ["countries", "countries"]  # nothing was kept: each call decodes


def test_stale_files_of_other_stems_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(tmp_path))
    longer = tmp_path / ("thing-extra-" + "0" * 20 + ".bin")
    stale = tmp_path / ("thing-" + "0" * 20 + ".bin")
    longer.write_bytes(b"x")
    stale.write_bytes(b"x")
    assert cached_derived("thing", ["a"], lambda: b"value", bytes, bytes) == b"value"
    assert cached_derived("thing", ["a"], lambda: b"other", bytes, bytes) == b"value"  # read back
    assert longer.exists() and not stale.exists()
    assert cached_derived("thing", ["b"], lambda: b"other", bytes, bytes) == b"other"  # other inputs: rebuilt
