"""A missing or unreadable vendored data file stops the gazetteer build with one line naming the file and the remedy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.errors import DataFileError
from geodata.gazetteer import INDEX_INPUTS, read_csv_rows

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "geodata"
DATA_FILES = [path.name for path in INDEX_INPUTS if path.parent.name == "data"]


def broken_copy(tmp_path: Path, name: str, content: bytes | None = None) -> Path:
    """A copy of the geodata package whose data file `name` is missing (or holds `content`); the rest are links."""
    package = tmp_path / "geodata"
    (package / "data").mkdir(parents=True)
    for module in PACKAGE.glob("*.py"):
        shutil.copy(module, package / module.name)
    for data in (PACKAGE / "data").iterdir():
        if data.name != name:
            (package / "data" / data.name).symlink_to(data)
    if content is not None:
        (package / "data" / name).write_bytes(content)
    return tmp_path


def run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """A command run from `folder` (so its geodata copy is the one imported), with a fresh cache folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INCIDENT_MAP_CACHE_DIR": str(folder / "cache")}
    return subprocess.run([sys.executable, *args], cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def assert_one_line(done: subprocess.CompletedProcess, name: str) -> None:
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0 and done.stdout == ""
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"geodata/data/{name}" in lines[0] and f"git checkout -- geodata/data/{name}" in lines[0]


def test_every_data_input_is_covered():
    assert {"aliases.csv", "airbases.csv", "localities.csv", "admin1.csv", "countries.csv"} <= set(DATA_FILES)


@pytest.mark.parametrize("name", DATA_FILES)
def test_missing_data_file_fails_the_cli(tmp_path, name):
    done = run(broken_copy(tmp_path, name), "-m", "geodata", "geocode", "Olenya")
    assert_one_line(done, name)
    assert "cannot be read (missing)" in done.stderr


@pytest.mark.parametrize("name", ["aliases.csv", "airbases.csv", "localities.csv"])
def test_unreadable_data_file_fails_the_cli(tmp_path, name):
    done = run(broken_copy(tmp_path, name, b"name,alternatives\n\xff\xfe broken\n"), "-m", "geodata", "geocode", "Olenya")
    assert_one_line(done, name)


def test_extraction_does_not_swallow_a_missing_file(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("A drone hit an oil depot in Kazan on 3 May 2026, the governor said.", encoding="utf-8")
    done = run(broken_copy(tmp_path, "airbases.csv"), "-m", "incidents", "extract", str(article),
               "--published", "2026-05-03")
    assert done.stderr.startswith("error: vendored data file geodata/data/airbases.csv cannot be read"), done.stderr
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_read_csv_rows_names_the_file(tmp_path):
    with pytest.raises(DataFileError, match="nothing.csv"):
        read_csv_rows(tmp_path / "nothing.csv")
    table = tmp_path / "table.csv"
    table.write_text("name,lat\nKazan,55.8\n", encoding="utf-8")
    assert read_csv_rows(table, ("name", "lat")) == [{"name": "Kazan", "lat": "55.8"}]
    with pytest.raises(DataFileError, match="no column lon"):
        read_csv_rows(table, ("name", "lat", "lon"))


@pytest.mark.parametrize("name", ["admin1.parquet", "countries.csv"])
def test_missing_region_file_fails_reverse_in_one_line(tmp_path, name):
    done = run(broken_copy(tmp_path, name), "-m", "geodata", "reverse", "55.8", "49.1")
    assert_one_line(done, name)
    assert "cannot be read (missing)" in done.stderr


def test_broken_basemap_file_names_the_file(tmp_path):
    folder = broken_copy(tmp_path, "basemap_land.geojson", b"\xff\xfe not json")
    done = run(folder, "-c", "from geodata.regions import basemap_geojson; basemap_geojson('land')")
    assert "DataFileError: vendored data file geodata/data/basemap_land.geojson cannot be read" in done.stderr
