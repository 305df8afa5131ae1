"""Downloads of the filtered view: CSV and GeoJSON (made when clicked), and the briefing (PNG, PDF, slide) with progress."""

from __future__ import annotations

from importlib.util import find_spec
from typing import Callable

import pandas as pd
import streamlit as st

from dashboard import fragments
from dashboard.escape import markdown_text
from dashboard.state import KEYS, Session, to_params, ViewState
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


BRIEF_FILES = (("png", "PNG", "image/png"), ("pdf", "PDF", "application/pdf"),
               ("pptx", "slide (PPTX)", "application/vnd.openxmlformats-officedocument.presentationml.presentation"))


def _briefing_words() -> dict[str, str]:
    """The analyst's words for the briefing: title, summary, banner and author (limits as the CLI's)."""
    from dashboard.briefing_html import MAX_AUTHOR, MAX_BANNER, MAX_TITLE
    from dashboard.briefing_markdown import MAX_SUMMARY

    title = st.text_input("Title", value="Incident briefing", max_chars=MAX_TITLE, key="brief_title",
                          on_change=fragments.page_changed)
    summary = st.text_area("Summary (Markdown: **bold**, *italic*, - lists)", value="", max_chars=MAX_SUMMARY,
                           key="brief_summary", on_change=fragments.page_changed,
                           placeholder="The analyst's assessment, a few paragraphs.")
    banner = st.text_input("Banner (top and bottom)", value="", max_chars=MAX_BANNER, key="brief_banner",
                           on_change=fragments.page_changed, placeholder="e.g. UNCLASSIFIED // FOR TRAINING")
    author = st.text_input("Prepared by", value="", max_chars=MAX_AUTHOR, key="brief_author",
                           on_change=fragments.page_changed)
    return {"title": title, "summary": summary, "banner": banner, "author": author}



def _briefing(frame: pd.DataFrame, flt: IncidentFilter, details: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
    if find_spec("playwright") is None:  # the briefing renders in Chromium through Playwright
        return
    with st.expander("Briefing (PNG / PDF / slide of this view)"):
        words = _briefing_words()
        bounds = Session(st.session_state).map_bounds
        use_view = st.checkbox(
            "Use the map view on screen", value=False, key=KEYS.brief_view, on_change=fragments.page_changed,
            help="The briefing's map shows the area you are looking at (else it fits the incidents); while ticked, "
                 "the map reports every pan and zoom.")
        if use_view and bounds is None:
            st.caption("Move or zoom the map once so the briefing knows its view; until then it fits the incidents.")
        view_bounds = tuple(bounds) if use_view and bounds is not None else None
        if flt.verification:
            st.caption(f"Verification shown: {markdown_text(', '.join(flt.verification))} (the sidebar's filter).")
        wanted = (repr(to_params(ViewState(flt))), len(frame), tuple(words.items()), view_bounds)
        made = st.session_state.get(BRIEFING)
        st.button("Prepare briefing", key="brief_make", on_click=_ask_briefing)
        if st.session_state.pop(KEYS.brief_asked, False):  # asked in this run, or in a fragment's run just before
            made = _make_files(frame, flt, details, words, view_bounds, wanted)
            if made is None:
                return
        if made and made[0] == wanted:
            stem = file_stem(flt)
            for column, (fmt, label, mime) in zip(st.columns(len(BRIEF_FILES)), BRIEF_FILES):
                column.download_button(f"Download {label}", made[1][fmt], f"{stem}.{fmt}", mime, on_click="ignore",
                                       key=f"brief_dl_{fmt}")
        elif made:
            st.caption("The view changed since the last briefing: prepare it again.")


def _ask_briefing() -> None:
    """The button's click as a session value: a click that reached the server with a fragment's run (the map's)
    is read by the page run that follows, where the button's own value is already reset."""
    st.session_state[KEYS.brief_asked] = True
    fragments.page_changed()


def _make_files(frame: pd.DataFrame, flt: IncidentFilter, details: Callable[[pd.DataFrame], pd.DataFrame],
                words: dict[str, str], view_bounds: tuple | None, wanted: tuple) -> tuple | None:
    """Render the PNG, PDF and slide with progress; the files, or None after saying why they could not be made."""
    progress = st.progress(0.0, "Rendering the PNG page in Chromium…")
    from dashboard.briefing import BriefingError, make_briefing  # imports Playwright: only when asked for

    files = {}
    try:
        full = details(frame)
        for index, (fmt, label, _) in enumerate(BRIEF_FILES):
            progress.progress(index / len(BRIEF_FILES), f"Rendering the {label} in Chromium…")
            files[fmt] = make_briefing(full, flt, fmt, view_bounds=view_bounds, **words)
    except (BriefingError, RuntimeError) as exc:
        progress.empty()
        st.error(f"The briefing could not be made: {markdown_text(exc)}")
        return None
    progress.progress(1.0, "Briefing ready.")
    made = st.session_state[BRIEFING] = (wanted, files)
    return made


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
