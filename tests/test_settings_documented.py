"""Every setting the About page lists is in the README's settings table with its default, and the table names no other."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.views.about import settings_table

README = Path(__file__).resolve().parents[1] / "README.md"
ROW = re.compile(r"^\| `([A-Z][A-Z0-9_]+)` \| ([^|]*) \|", re.MULTILINE)


def documented() -> dict[str, str]:
    section = README.read_text(encoding="utf-8").split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    return {name: default.strip() for name, default in ROW.findall(section)}


SETTINGS = dict(zip(settings_table()["name"], settings_table()["default"], strict=True))


def test_every_setting_is_in_the_readme_table_with_its_default():
    table = documented()
    for name, default in SETTINGS.items():
        assert name in table, f"{name} is missing from the README's settings table"
        assert table[name] == (f"`{default}`" if default else "(empty)"), (name, table[name], default)


def test_the_readme_table_names_only_real_settings():
    assert set(documented()) <= set(SETTINGS), set(documented()) - set(SETTINGS)
