"""Downloads of the filtered view: CSV and GeoJSON (made when clicked), and the PNG/PDF briefing with progress."""

from __future__ import annotations

import pandas as pd
import streamlit as st

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


def _briefing(frame: pd.DataFrame, flt: IncidentFilter) -> None:
    try:
        from dashboard.briefing import BriefingError, make_briefing
    except ImportError:
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
            try:
                with st.spinner("Rendering the map and the page in Chromium…"):
                    files = {fmt: make_briefing(frame, flt, fmt, title=title, banner=banner) for fmt in ("png", "pdf")}
            except (BriefingError, RuntimeError) as exc:
                st.error(f"The briefing could not be made: {exc}")
                return
            made = st.session_state[BRIEFING] = (wanted, files)
        if made and made[0] == wanted:
            left, right = st.columns(2)
            stem = file_stem(flt)
            left.download_button("Download PNG", made[1]["png"], f"{stem}.png", "image/png", on_click="ignore")
            right.download_button("Download PDF", made[1]["pdf"], f"{stem}.pdf", "application/pdf", on_click="ignore")
        elif made:
            st.caption("The view changed since the last briefing: prepare it again.")


def render_downloads(frame: pd.DataFrame, flt: IncidentFilter) -> None:
    """Download buttons for exactly the incidents shown (files are built only when a button is clicked)."""
    st.markdown(f"**Download this view** · {len(frame):,} incidents")
    stem = file_stem(flt)
    left, right = st.columns(2)
    left.download_button(
        "Download CSV",
        lambda: csv_bytes(frame),
        f"{stem}.csv",
        "text/csv",
        key="dl_csv",
        on_click="ignore",
        icon=":material/table:",
    )
    right.download_button(
        "Download GeoJSON",
        lambda: geojson_bytes(frame),
        f"{stem}.geojson",
        "application/geo+json",
        key="dl_geojson",
        on_click="ignore",
        icon=":material/map:",
    )
    _briefing(frame, flt)
