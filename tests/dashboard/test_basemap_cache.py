"""The basemap read back from the cache folder gives exactly the map text of the uncached path, world layer included."""

from __future__ import annotations

import json

import pytest

from dashboard.maps import basemap
from dashboard.maps.builder import basemap_js
from geodata import regions

AREAS = [
    ((55.0, 48.0, 56.5, 50.0), ("RU",)),  # around Kazan
    ((50.0, 30.0, 60.0, 50.0), ()),  # western Russia
    ((44.0, 22.0, 52.0, 40.0), ("UA",)),  # Ukraine
    ((-90.0, -180.0, 90.0, 180.0), ()),  # the whole world
]


def forget() -> None:
    """Empty the in-process caches, as in a new process."""
    for cached in (basemap._level, basemap.world_countries, basemap.countries_for, basemap.admin1_near, basemap_js,
                   basemap.layers_near, basemap.lakes_near):
        cached.cache_clear()


@pytest.fixture()
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(tmp_path / "cache"))
    forget()
    yield tmp_path / "cache"
    forget()


def map_texts() -> list[str]:
    return [basemap_js(basemap.padded(box), countries) for box, countries in AREAS] + [
        json.dumps(basemap.admin1_near(box)[0]) for box, _ in AREAS]


def test_cached_maps_are_the_uncached_maps(cache_folder, tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(tmp_path / "a-file" / "cache"))  # unwritable: nothing cached
    uncached = map_texts()
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(cache_folder))
    forget()
    assert map_texts() == uncached  # building the cache
    forget()
    assert map_texts() == uncached  # reading it back
    assert {p.name.rsplit("-", 1)[0].split("-view-")[0] for p in cache_folder.glob("*.bin")} == {
        "basemap-world", "basemap-countries", "basemap-admin1", "basemap-lakes", "basemap"}  # basemap-view-<box>


def test_world_layer_is_read_back_without_decoding(cache_folder, monkeypatch):
    built = json.dumps(basemap.world_countries())
    forget()

    def fail(*_: object) -> None:
        raise AssertionError("decoded again")

    monkeypatch.setattr(basemap, "_world", fail)
    monkeypatch.setattr(regions, "decode_basemap", fail)
    assert json.dumps(basemap.world_countries()) == built
    assert basemap._level.cache_info().currsize == 0, "the world layer needs no geometry"


def test_a_corrupt_world_file_is_rebuilt(cache_folder):
    built = json.dumps(basemap.world_countries())
    (path,) = cache_folder.glob("basemap-world-*.bin")
    for garbage in (b"", b"[1, 2]", b'{"type": "Feature"}'):
        path.write_bytes(garbage)
        forget()
        assert json.dumps(basemap.world_countries()) == built
        assert json.loads(path.read_bytes()) == json.loads(built)


def test_a_box_drawn_before_is_read_back_without_decoding_any_level(cache_folder, monkeypatch):
    box, countries = basemap.padded(AREAS[0][0]), AREAS[0][1]
    built = json.dumps(basemap.layers_near(box, countries))
    forget()

    def fail(*_: object) -> None:
        raise AssertionError("decoded again")

    monkeypatch.setattr(regions, "basemap_shapes", fail)
    monkeypatch.setattr(regions, "decode_basemap", fail)
    assert json.dumps(basemap.layers_near(box, countries)) == built


def test_a_box_file_is_rebuilt_when_its_box_countries_or_inputs_change(cache_folder, monkeypatch):
    box = basemap.padded(AREAS[0][0])
    ru, every = basemap.layers_near(box, ("RU",)), basemap.layers_near(box, ())
    assert ru != every and len(ru["admin1"]["features"]) < len(every["admin1"]["features"])
    forget()
    monkeypatch.setattr(basemap, "_layers", lambda *_: {"rebuilt": True})
    assert basemap.layers_near(box, ("RU",)) == ru  # read back: same inputs
    forget()
    inputs = regions.basemap_inputs
    monkeypatch.setattr(regions, "basemap_inputs", lambda level: inputs(level) + ["a new Natural Earth file"])
    assert basemap.layers_near(box, ("RU",)) == {"rebuilt": True}  # not the stale file


def test_only_the_newest_box_files_are_kept(cache_folder, monkeypatch):
    monkeypatch.setattr(basemap, "_layers", lambda *_: {name: dict(basemap.EMPTY) for name in basemap.LAYER_LEVELS})
    for west in range(basemap.VIEWS_KEPT + 3):
        basemap.layers_near((50.0, float(west), 55.0, float(west) + 5), ())
    assert len(list(cache_folder.glob("basemap-view-*.bin"))) == basemap.VIEWS_KEPT
