"""The Import page: upload a file or paste text (an article, CSV or GeoJSON), review on a map and a table, then save."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.access import allowed, current_user
from dashboard.escape import markdown_text as md
from dashboard.messages import error_text, problem_rows
from dashboard.settings import int_setting
from dashboard.views import extract_job, import_mapping, pages
from dashboard.views.detail import highlighted
from dashboard.views.review import apply_edits, detect, editor_frame, read_for_review
from incidents.errors import IncidentsError
from incidents.model import EVENT_LABELS, EVENT_TYPES, GEO_PRECISIONS, STATUSES, VERIFICATIONS, Incident
from incidents.storage.base import EditConflict

BATCH = "import_batch"
EDITOR_LIMIT = 5000
FORMATS = {
    "auto": "Detect from the content",
    "article": "News article (extract incidents)",
    "csv": "Incident CSV",
    "acled": "ACLED CSV",
    "acled-weekly": "ACLED aggregated (weekly per region)",
    "ucdp": "UCDP GED CSV",
    "geojson": "GeoJSON",
    "kml": "KML/KMZ map (Google My Maps, Google Earth)",
    "mapped": "Any table (map its columns)",
}
SHORT_FORMATS = {"article": "news article", "csv": "incident CSV", "acled": "ACLED CSV", "ucdp": "UCDP GED CSV",
                 "geojson": "GeoJSON", "mapped": "mapped table", "acled-weekly": "ACLED aggregated data",
                 "kml": "KML map"}
MB = 1024 * 1024


@dataclass
class Batch:
    """What the user reviews: the proposed incidents, the problems found while reading, and where they came from."""

    label: str
    fmt: str
    incidents: list[Incident]
    problems: list[dict] = field(default_factory=list)
    saved: str = ""
    warnings: list[dict] = field(default_factory=list)  # rows kept or skipped with a note (a totals row skipped)


def upload_limit_mb() -> int:
    """INCIDENT_MAP_UPLOAD_LIMIT_MB."""
    return int_setting("INCIDENT_MAP_UPLOAD_LIMIT_MB")


def too_big(size: int, limit_mb: int) -> str | None:
    """The message for a file over the limit, else None."""
    if size <= limit_mb * MB:
        return None
    return (
        f"This file is {size / MB:,.1f} MB; the Import page accepts up to {limit_mb} MB "
        f"(setting INCIDENT_MAP_UPLOAD_LIMIT_MB). Split the file, or import it with `python -m incidents import`."
    )


def _start_batch(label: str, fmt: str, incidents: list[Incident], problems: list[dict], guessed: str = "",
                 warnings: list[dict] | None = None) -> None:
    st.session_state[BATCH] = Batch(f"{label} ({guessed})" if guessed else label, fmt, incidents, problems,
                                    warnings=list(warnings or []))
    st.session_state.pop("import_editor", None)


def _read(text: str, fmt: str, label: str, published: str | None, source: dict | None = None) -> None:
    if detect(text, fmt) == "article":  # extraction runs in its own process, with a time limit and a cancel button
        problem = extract_job.too_long(text)
        if problem:
            st.error(problem)
            return
        st.session_state.pop(BATCH, None)
        extract_job.start(text, published, label, source)
        return
    bar = st.progress(0.0, text="Reading…")
    try:
        incidents, problems, name = read_for_review(text, fmt, published, lambda share, note: bar.progress(share, note),
                                                    source=source)
    except IncidentsError as exc:
        bar.empty()
        st.error(f"Nothing read from {md(label)}: {error_text(exc)}")
        return
    bar.empty()
    import_mapping.remember_source()
    _start_batch(label, name, incidents, problems)


def _upload(fmt: str) -> None:
    limit = upload_limit_mb()
    uploaded = st.file_uploader(
        f"File (CSV, spreadsheet, ACLED, UCDP, GeoJSON, KML/KMZ, a .zip of one, any table, or an article: "
        f".txt, .html, .mhtml, .eml, .pdf, a Telegram export; up to {limit} MB)",
        type=import_mapping.UPLOAD_TYPES,
        key="import_file",
    )
    if uploaded is None:
        return
    problem = too_big(uploaded.size, limit)
    if problem:
        st.error(problem)
        return
    if st.button("Read the file", type="primary", key="import_read_file"):
        import_mapping.read_upload(uploaded.name, uploaded.getvalue(), fmt, _start_batch)
    import_mapping.mapping_panel(_start_batch)


def _paste(fmt: str) -> None:
    text = st.text_area(
        "Article or data",
        height=220,
        key="import_text",
        placeholder="Paste a news article (its first line may be 'date YYYY-MM-DD …'), or CSV/GeoJSON text",
    )
    published = st.text_input(
        "Publication date (YYYY-MM-DD, optional: overrides the article's first line)",
        key="import_published",
        max_chars=10,
    )
    source = import_mapping.article_source_fields(text) if fmt in ("auto", "article") else None
    if st.button("Extract / read", type="primary", key="import_read_text"):
        if not text.strip():
            st.error("Paste an article or CSV/GeoJSON text first.")
            return
        problem = extract_job.too_long(text)
        if problem:
            st.error(problem)
            return
        _read(text, fmt, "the pasted text", published.strip() or None, source)


def _problems(batch: Batch) -> None:
    warnings = getattr(batch, "warnings", [])
    if warnings:
        st.info(f"{len(warnings):,} row(s) with a warning (a skipped totals row, a point outside its country, …):")
        st.dataframe(pd.DataFrame(warnings, columns=["row", "field", "value", "message"]), hide_index=True,
                     width="stretch", height=min(300, 40 + 35 * len(warnings)))
    if not batch.problems:
        return
    st.warning(f"{len(batch.problems):,} row(s) could not be read and will not be saved:")
    st.dataframe(
        pd.DataFrame(problem_rows(batch.problems), columns=["row", "field", "value", "message"]),
        hide_index=True,
        width="stretch",
        height=min(300, 40 + 35 * len(batch.problems)),
    )


def _preview_map(incidents: list[Incident]) -> None:
    from streamlit_folium import st_folium

    from dashboard.views.mapping import build_app_map
    from incidents.frames import to_frame, with_reference

    ref = data.reference()
    frame = with_reference(to_frame(incidents), ref.lat, ref.lon)
    st_folium(
        build_app_map(frame, None, ref), key="import_map", height=380, use_container_width=True, returned_objects=[]
    )


def _evidence(incidents: list[Incident]) -> None:
    with_evidence = [item for item in incidents if item.evidence]
    if not with_evidence:
        return
    st.markdown("**Evidence** · the sentence each extracted field came from")
    for item in with_evidence:
        with st.expander(f"{EVENT_LABELS[item.event_type]}: {md(item.place or 'unnamed')} · {md(item.started_at)}"):
            for name, proof in item.evidence.items():
                if isinstance(proof, dict):
                    st.markdown(f"**{md(name)}**: {highlighted(proof)}")


def _editor(incidents: list[Incident]) -> pd.DataFrame:
    cc = st.column_config
    config = {
        "keep": cc.CheckboxColumn("Keep", help="Untick to leave this row out"),
        "event_type": cc.SelectboxColumn("Type", options=list(EVENT_TYPES), required=True),
        "status": cc.SelectboxColumn("Status", options=list(STATUSES)),
        "verification": cc.SelectboxColumn("Verification", options=list(VERIFICATIONS), required=True),
        "lat": cc.NumberColumn("Lat", format="%.4f", min_value=-90, max_value=90),
        "lon": cc.NumberColumn("Lon", format="%.4f", min_value=-180, max_value=180),
        "geo_precision": cc.SelectboxColumn("Precision", options=list(GEO_PRECISIONS), required=True,
                                            help="approximate: a point placed by distance from a named place"),
        "killed": cc.NumberColumn("Killed", min_value=0, step=1, help="Empty = not stated"),
        "injured": cc.NumberColumn("Injured", min_value=0, step=1, help="Empty = not stated"),
        "drones_downed": cc.NumberColumn("Drones downed", min_value=0, step=1),
        "started_at": cc.TextColumn("Started (ISO 8601)"),
        "ended_at": cc.TextColumn("Ended"),
        "sources": cc.NumberColumn("Sources", disabled=True),
        "id": cc.TextColumn("id", disabled=True),
    }
    return st.data_editor(
        editor_frame(incidents),
        column_config=config,
        hide_index=True,
        width="stretch",
        num_rows="fixed",
        key="import_editor",
        disabled=("sources", "id"),
    )


def _save(batch: Batch, edited: pd.DataFrame) -> None:
    rest = batch.incidents[EDITOR_LIMIT:]
    kept, problems = apply_edits(batch.incidents[:EDITOR_LIMIT], edited)
    if problems:
        st.error("Fix these rows first (or untick them):")
        st.dataframe(pd.DataFrame(problems, columns=["row", "field", "value", "message"]), hide_index=True)
        return
    try:
        result = data.save_incidents(kept + rest, imported=True)
    except EditConflict as conflict:
        data.show_conflict(conflict)
        return
    except IncidentsError as exc:
        st.error(f"Nothing saved: {error_text(exc)}")
        return
    batch.saved = (
        f"Saved {len(kept) + len(rest):,} incident(s): {result.inserted:,} new, {result.updated:,} updated, "
        f"{result.unchanged:,} unchanged."
    )


def _review(batch: Batch) -> None:
    kind = SHORT_FORMATS.get(batch.fmt, batch.fmt)
    st.markdown(f"#### Review: {len(batch.incidents):,} incident(s) from {md(batch.label)} · {kind}")
    _problems(batch)
    import_mapping.fix_rejected(batch)
    if batch.saved:
        st.success(batch.saved)
        st.page_link(pages.page("map"), label="See them on the map", icon=":material/map:")
        return
    if not batch.incidents:
        st.info(
            "No incident found. For an article, check that it reports a strike, an interception or an airport "
            "restriction at a named place."
        )
        return
    _preview_map(batch.incidents)
    _evidence(batch.incidents)
    if len(batch.incidents) > EDITOR_LIMIT:
        st.caption(f"The table shows the first {EDITOR_LIMIT:,} rows; the others are saved as read.")
    st.caption("Untick rows to leave them out; edit cells to correct them. Edited rows are validated again on save.")
    edited = _editor(batch.incidents[:EDITOR_LIMIT])
    kept = int(edited["keep"].sum())
    if st.button(
        f"Save {kept + max(0, len(batch.incidents) - EDITOR_LIMIT):,} incident(s)",
        type="primary",
        key="import_save",
        disabled=kept == 0 and len(batch.incidents) <= EDITOR_LIMIT,
    ):
        _save(batch, edited)
        st.rerun()


def render() -> None:
    """Draw the Import page."""
    st.title("Import")
    if not allowed("import"):
        st.info(f"Importing needs the editor role; you are signed in as {md(current_user().name)} "
                f"({current_user().role}). Ask an admin to run `python -m incidents users set-role`.")
        return
    st.caption("Nothing is stored until you press Save. Each row keeps its sources.")
    how = st.radio("Source", ("Paste text", "Upload a file"), horizontal=True, key="import_how")
    fmt = st.selectbox("Format", list(FORMATS), format_func=FORMATS.get, key="import_format")
    if fmt != "article":
        with st.expander("Coordinates in another CRS"):
            st.text_input("CRS of the coordinates (blank: WGS 84 degrees; a GeoJSON crs member is used by itself)",
                          key="import_crs", placeholder="EPSG:3857")
    if how == "Upload a file":
        _upload(fmt)
    else:
        _paste(fmt)
    finished = extract_job.collect()
    if finished is not None:
        st.session_state[BATCH] = Batch(finished[0], "article", finished[1], finished[2])
        st.session_state.pop("import_editor", None)
    extract_job.show_running()
    batch = st.session_state.get(BATCH)
    if batch is not None:
        _review(batch)
        if st.button("Start over", key="import_reset"):
            st.session_state.pop(BATCH, None)
            st.rerun()


if __name__ == "__main__":  # run as a page by st.navigation
    render()
