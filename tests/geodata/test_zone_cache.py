"""timezones_at: the zones of many points, remembered in the cache folder so a new process skips timezonefinder."""

import json

from geodata import regions


def _fresh(monkeypatch, folder):
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(folder))
    regions._zone_cache.cache_clear()


def test_zones_are_found_and_kept_in_the_cache_folder(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    assert regions.timezones_at([55.7963, 50.45], [49.1088, 30.52]) == ["Europe/Moscow", "Europe/Kyiv"]
    (kept,) = tmp_path.glob("zones-*.json")
    assert json.loads(kept.read_text()) == {"55.7963,49.1088": "Europe/Moscow", "50.4500,30.5200": "Europe/Kyiv"}


def test_a_new_process_answers_known_points_from_the_file(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    regions.timezones_at([55.7963], [49.1088])
    (kept,) = tmp_path.glob("zones-*.json")
    kept.write_text(json.dumps({"55.7963,49.1088": "Test/Kept"}))  # what the file says is what is answered
    regions._zone_cache.cache_clear()
    assert regions.timezones_at([55.7963, 50.45], [49.1088, 30.52]) == ["Test/Kept", "Europe/Kyiv"]
    assert json.loads(kept.read_text())["50.4500,30.5200"] == "Europe/Kyiv"


def test_an_unreadable_or_unwritable_cache_still_answers(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    _fresh(monkeypatch, blocker / "cache")
    assert regions.timezones_at([55.7963], [49.1088]) == ["Europe/Moscow"]
    _fresh(monkeypatch, tmp_path)
    (tmp_path / f"{regions._zone_cache_path().name}").write_text("{broken")
    assert regions.timezones_at([55.7963], [49.1088]) == ["Europe/Moscow"]
