"""The Streamlit private names the app leans on exist in the pinned version (a new pin must be checked here first)."""

from __future__ import annotations

import re
from pathlib import Path

import streamlit
from streamlit import delta_generator
from streamlit.components.v2 import manifest_scanner

from dashboard import streamlit_private

ROOT = Path(__file__).resolve().parents[2]


def test_the_pin_is_the_version_checked():
    pinned = re.search(r"^streamlit==(\S+)", (ROOT / "requirements.txt").read_text(), re.MULTILINE).group(1)
    assert pinned == streamlit_private.PINNED == streamlit.__version__


def test_every_private_name_exists_in_the_pinned_version():
    assert callable(manifest_scanner.scan_component_manifests)
    assert isinstance(delta_generator._use_warning_has_been_displayed, bool)


def test_no_other_module_touches_streamlit_private_names():
    private = re.compile(r"_use_warning_has_been_displayed|manifest_scanner")
    modules = (ROOT / "dashboard").rglob("*.py")
    touching = {p.relative_to(ROOT).as_posix() for p in modules if private.search(p.read_text(encoding="utf-8"))}
    assert touching == {"dashboard/streamlit_private.py"}
