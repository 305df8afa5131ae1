"""The Streamlit entry point: page setup, a clear error page when the store cannot be opened, and the page router."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app.py` puts dashboard/ first, not the repo
    sys.path.insert(0, str(ROOT))

# Only Streamlit before the page's first elements: the rest (pandas, the store) is imported once the map's assets
# are on their way (a cold server's warm-up may still be importing it).
from dashboard.components.preload import HIDDEN_CSS, preload_map_assets  # noqa: E402
from dashboard.motion import STILL_CSS  # noqa: E402


PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"], .block-container {padding-top: 2.5rem; padding-bottom: 2rem;}
[data-testid="stMetricValue"] {font-size: 1.9rem;}
/* the table's own "Download as CSV" has no formula guard: the guarded export is the Download CSV button */
[data-testid="stElementToolbar"] button[aria-label="Download as CSV"] {display: none;}
%s
%s
</style>""" % (HIDDEN_CSS, STILL_CSS)


def store_problem() -> str | None:
    """Why the store cannot be read, or None when it can."""
    from dashboard import data
    from incidents.errors import IncidentsError

    try:
        data.store_version()
    except IncidentsError as exc:
        return str(exc)
    except OSError as exc:
        return f"{exc.strerror or exc}: {exc.filename or ''}"
    return None


def main() -> None:
    """Route to the chosen page, or show the store error page."""
    # A local favicon: otherwise the page's material icon is fetched from fonts.gstatic.com (we run offline).
    st.set_page_config(
        page_title="Incident map", page_icon=str(ROOT / "dashboard" / "static" / "favicon.png"), layout="wide"
    )
    st.html(PAGE_CSS)
    preload_map_assets()  # the map's scripts load while this run computes the page
    from dashboard import data, signin
    from dashboard.escape import markdown_text
    from dashboard.views.pages import all_pages
    from incidents.errors import IncidentsError

    problem = store_problem()
    if problem:
        st.title("Incident map")
        st.error(f"The incident store cannot be opened: {markdown_text(problem)}")
        st.markdown(
            "Set `INCIDENTS_DB` to a SQLite file path (for example `var/incidents.sqlite`) or `memory:`, "
            "then reload this page. `python -m incidents demo` fills a store with the demo data."
        )
        return
    if not signin.gate():  # the sign-in form, or the refusal to serve a network address without sign-in
        return
    try:
        st.navigation(all_pages()).run()
    except IncidentsError as exc:  # a store that fails mid-page (damaged, gone, refused) gets its one-line message
        st.error(markdown_text(str(exc)))
    data.warm_up()  # the rest of the gazetteer, basemap and place-name files: after the page, not competing with it


main()
