"""The app's pages as st.Page objects (file-based, so AppTest can switch to them and pages can link to each other)."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from dashboard.access import allowed

FILES = {"map": "views/overview.py", "import": "views/import_page.py", "about": "views/about.py"}  # from dashboard/
TITLES = {"map": "Map", "import": "Import", "about": "About & data"}
ICONS = {"map": ":material/map:", "import": ":material/upload:", "about": ":material/info:"}


def page(name: str) -> StreamlitPage:
    """The st.Page called `name` ('map', 'import' or 'about'); the map is the default page, served at /."""
    return st.Page(FILES[name], title=TITLES[name], icon=ICONS[name], url_path=name, default=name == "map")


def all_pages() -> list[StreamlitPage]:
    """Every page the session's user may use, the map first (the Import page needs the editor role)."""
    return [page(name) for name in FILES if name != "import" or allowed("import")]
