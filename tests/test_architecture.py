"""Enforces the import direction dashboard -> incidents -> geodata, and that only dashboard imports UI libraries."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI_LIBRARIES = {"streamlit", "folium", "streamlit_folium", "branca", "altair"}
FORBIDDEN = {
    "geodata": {"incidents", "dashboard"} | UI_LIBRARIES,
    "incidents": {"dashboard"} | UI_LIBRARIES,
    "dashboard": set(),
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def package_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_import_direction(package):
    files = package_files(package)
    assert files, f"{package}/ has no modules"
    bad = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in files
        for name in imported_roots(path) & FORBIDDEN[package]
    }
    assert not bad, sorted(bad)


def test_checker_sees_violations(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("import folium\nfrom dashboard.maps import build_map\n")
    assert {"folium", "dashboard"} <= imported_roots(sample)


def test_every_module_has_a_docstring():
    missing = [
        str(path.relative_to(ROOT))
        for package in FORBIDDEN
        for path in package_files(package)
        if ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None
        and path.read_text(encoding="utf-8").strip()
    ]
    assert not missing, missing
