"""Downloads of the filtered view: CSV and GeoJSON (made when clicked), and the PNG/PDF briefing with progress."""

from __future__ import annotations

from importlib.util import find_spec
from typing import Callable

import pandas as pd
import streamlit as st

from dashboard.escape import markdown_text
from dashboard.state import to_params, ViewState
from incidents.model import IncidentFilter

BRIEFING = "briefing_files"


def file_stem(flt: IncidentFilter) -> str:
    """'incidents_2024-12-01_2024-12-21' (or '_all') for download names."""
    if flt.start is None and flt.end is None:
        return "incidents_all"
    return f"incidents_{flt.start or 'start'}_{flt.end or 'end'}"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as CSV with the injection guard (incidents.exporters)."""
    from incidents.exporters import csv_text

    return csv_text(frame).encode("utf-8")


def geojson_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as a GeoJSON FeatureCollection (incidents.exporters)."""
    from incidents.exporters import geojson_text

    return geojson_text(frame).encode("utf-8")


EXPORTS = (  # label, maker, file suffix, MIME type, icon
    ("Download CSV", csv_bytes, "csv", "text/csv", ":material/table:"),
    ("Download GeoJSON", geojson_bytes, "geojson", "application/geo+json", ":material/map:"),
)


def _briefing(frame: pd.DataFrame, flt: IncidentFilter, details: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
    if find_spec("playwright") is None:  # the briefing renders in Chromium through Playwright
        return
    with st.expander("Briefing (PNG / PDF of this view)"):
        title = st.text_input("Title", value="Incident briefing", max_chars=120, key="brief_title")
        banner = st.text_input(
            "Banner (top and bottom)",
            value="",
            max_chars=120,
            key="brief_banner",
            placeholder="e.g. UNCLASSIFIED // FOR TRAINING",
        )
        wanted = (repr(to_params(ViewState(flt))), len(frame), title, banner)
        made = st.session_state.get(BRIEFING)
        if st.button("Prepare briefing", key="brief_make"):
            progress = st.progress(0.0, "Rendering the PNG page in Chromium…")
            from dashboard.briefing import BriefingError, make_briefing  # imports Playwright: only when asked for

            try:
                full = details(frame)
                files = {"png": make_briefing(full, flt, "png", title=title, banner=banner)}
                progress.progress(0.5, "Rendering the PDF page in Chromium…")
                files["pdf"] = make_briefing(full, flt, "pdf", title=title, banner=banner)
            except (BriefingError, RuntimeError) as exc:
                progress.empty()
                st.error(f"The briefing could not be made: {markdown_text(exc)}")
                return
            progress.progress(1.0, "Briefing ready.")
            made = st.session_state[BRIEFING] = (wanted, files)
        if made and made[0] == wanted:
            left, right = st.columns(2)
            stem = file_stem(flt)
            left.download_button("Download PNG", made[1]["png"], f"{stem}.png", "image/png", on_click="ignore")
            right.download_button("Download PDF", made[1]["pdf"], f"{stem}.pdf", "application/pdf", on_click="ignore")
        elif made:
            st.caption("The view changed since the last briefing: prepare it again.")


def render_downloads(frame: pd.DataFrame, flt: IncidentFilter,
                     details: Callable[[pd.DataFrame], pd.DataFrame] = lambda frame: frame) -> None:
    """Download buttons for exactly the incidents shown (files are built only when a button is clicked, with the
    sources, evidence and origin that `details` adds to catalog rows)."""
    st.markdown(f"**Download this view** · {len(frame):,} incidents")
    stem = file_stem(flt)
    for column, (label, make, suffix, mime, icon) in zip(st.columns(2), EXPORTS):
        column.download_button(
            label,
            lambda make=make: make(details(frame)),
            f"{stem}.{suffix}",
            mime,
            key=f"dl_{suffix}",
            on_click="ignore",
            icon=icon,
        )
    _briefing(frame, flt, details)
