"""The main page: sidebar filters, KPI row, map with detail panel, timeline, table and downloads of the view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from dashboard import data, fragments, widgets
from dashboard.views import pages
from dashboard.charts import span_to_window, timeline_data, timeline_rows, timeline_spec, unit_title
from dashboard.escape import markdown_text
from dashboard.state import KEYS, Session, ViewState, cleared, parse_params, to_params, window_label, window_length
from dashboard.views.detail import render_detail
from dashboard.views.downloads import render_downloads
from dashboard.views.kpis import caption, kpi_tiles
from dashboard.views.table import column_config, table_frame
from incidents.figures import Figures
from incidents.model import IncidentFilter

VIEW, NOTICES, SELECTED, MAP_KEY, TABLE_KEY = KEYS.view, KEYS.notices, KEYS.selected, KEYS.map, KEYS.table
CHART_KEY, TABLE_IDS, BOUNDS, FOLLOW_UP = KEYS.chart, KEYS.table_ids, KEYS.bounds, KEYS.follow_up
MAP_HEIGHT = 520


def _session() -> Session:
    return Session(st.session_state)


def _changed() -> None:
    """Any filter change: URL notices are stale now, and the page follows even if only a fragment's run carried it."""
    _session().notices = []
    fragments.page_changed()


def _first_view(reference: data.Reference) -> ViewState:
    """The view to start from: the one kept in this session, else the URL's."""
    session = _session()
    if session.view is not None:
        return session.view
    params = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    view, notices = parse_params(params, reference.point)
    session.notices = notices
    session.selected = view.selected
    return view


def _on_map_select(found: list[str]) -> None:
    """A marker clicked or pressed: its incident, and any drawn at the same point, as the selection."""
    session = _session()
    if found[0] != session.selected:
        session.select(found[0], found)


def _on_table_select() -> None:
    session = _session()
    event = st.session_state.get(st.session_state.get(TABLE_KEY))
    rows = list(event.selection.rows) if event else []
    ids = session.table_ids
    if rows and rows[0] < len(ids):
        session.select(ids[rows[0]], [ids[rows[0]]])
        fragments.page_changed()
    else:
        _deselect()


def _on_span(bounds: tuple[date, date] | None) -> None:
    event = st.session_state.get(CHART_KEY)
    window = span_to_window(event.selection if event else None)
    if window:
        widgets.set_window(window[0], window[1], bounds)
        _changed()


def _widen(bounds: tuple[date, date] | None) -> None:
    widgets.set_window(None, None, bounds)
    _changed()


def _clear_others(view: ViewState, facets: data.Facets) -> None:
    widgets.seed(ViewState(cleared(view.filter), None), facets.bounds, facets.max_km)
    _session().selected = None
    _changed()


def _kpi_row(figs: Figures, flt: IncidentFilter) -> None:
    row = st.container(horizontal=True, wrap=True, gap="small")  # wraps to two or three per line on narrow screens
    for tile in kpi_tiles(figs):
        row.metric(tile.label, tile.value, help=tile.help, width=112)
    row.metric("Window", window_length(flt.start, flt.end), help=window_label(flt.start, flt.end), width=112)
    st.caption(caption(figs, window_label(flt.start, flt.end)))


def _empty_state(view: ViewState, facets: data.Facets, total: int) -> None:
    flt = view.filter
    st.info(
        f"No incidents match in the window {window_label(flt.start, flt.end)} "
        f"({total:,} incidents in the store, {window_label(*(facets.bounds or (None, None)))})."
    )
    left, right = st.columns(2)
    left.button("Show all dates", on_click=_widen, args=(facets.bounds,), type="primary", key="widen")
    if cleared(flt) != flt:
        right.button("Clear the other filters", on_click=_clear_others, args=(view, facets), key="clear_others")


def _draw_map(
    snap: data.Snapshot,
    flt: IncidentFilter,
    frame: pd.DataFrame,
    selected: str | None,
    reference: data.Reference,
    want_bounds: bool,
) -> None:
    from dashboard.components.incident_map import incident_map

    report = want_bounds or bool(st.session_state.get(KEYS.brief_view))  # the briefing asked for the view on screen
    view = incident_map(data.map_frame(snap, flt, frame), reference=reference, selected=selected, key=MAP_KEY, height=MAP_HEIGHT,
                        on_select=_on_map_select, area=data.facets(snap).area, report_view=report,
                        cache_key=(snap.url, snap.version, repr(flt)), on_drawn=_map_drawn)
    if view is not None:
        _session().map_bounds = view.bounds


def _selected_row(frame: pd.DataFrame, selected: str | None) -> pd.Series | None:
    if not selected:
        return None
    hits = frame.index[frame["id"] == selected]
    return frame.loc[hits[0]] if len(hits) else None


def _detail_column(snap: data.Snapshot, frame: pd.DataFrame, selected: str | None, reference: data.Reference) -> None:
    shown = set(frame["id"])
    group = [i for i in _session().group if i in shown]
    if len(group) > 1 and selected in group:
        st.selectbox(
            "Incidents at this point",
            group,
            index=group.index(selected),
            key="pick_in_group",
            format_func=lambda i: _short_label(frame, i),
            on_change=_on_pick,
        )
    hit = frame[frame["id"] == selected] if selected else frame.iloc[:0]
    if hit.empty:
        return
    render_detail(data.with_details(snap, hit.iloc[:1]).iloc[0], reference.name)
    st.button("Close details", on_click=_deselect, key="deselect")


def _short_label(frame: pd.DataFrame, incident_id: str) -> str:
    row = _selected_row(frame, incident_id)
    return incident_id if row is None else f"{row['started_at'][:16]} {row['event_type']} {row['place']}"


def _on_pick(key: str = "pick_in_group") -> None:
    _session().select(st.session_state.get(key))
    fragments.page_changed()


def _pick_from_list(shown: pd.DataFrame, selected: str | None) -> None:
    """The detail panel by keyboard: a searchable list of the table's incidents (the map's markers take a mouse)."""
    ids = shown["id"].tolist()
    text = shown["local_time"].str[:16] + " · " + shown["type"].fillna("") + " · " + shown["place"].fillna("")
    labels = dict(zip(ids, text))
    key = f"pick-{selected or ''}"  # a selection made elsewhere redraws the list with it
    st.selectbox(
        "Open the details of",
        ids,
        index=ids.index(selected) if selected in labels else None,
        format_func=labels.get,
        placeholder="Type a date, type or place",
        key=key,
        on_change=_on_pick,
        args=(key,),
    )


def _deselect() -> None:
    _session().select(None)
    fragments.page_changed()


def _timeline(figs: Figures, flt: IncidentFilter, bounds: tuple[date, date] | None) -> None:
    unit, untimed = figs.timeline.unit, figs.timeline.untimed
    st.markdown(f"**Timeline** · incidents per {unit_title(unit)} · drag across the chart to set the date window")
    st.vega_lite_chart(  # one spec for every window: a filter change swaps the chart's data, the chart stays
        timeline_data(timeline_rows(figs.timeline), window=(flt.start, flt.end)),
        timeline_spec(),
        width="stretch",
        key=CHART_KEY,
        on_select=lambda: _on_span(bounds),
        selection_mode="span",
    )
    if untimed:
        st.caption(f"{untimed:,} incident(s) without a time of day are not shown by hour.")


def _table(snap: data.Snapshot, frame: pd.DataFrame, selected: str | None, reference: data.Reference) -> None:
    shown = table_frame(frame)
    ids = shown["id"].tolist()
    _session().table_ids = ids
    key = st.session_state[TABLE_KEY] = f"table-{selected or ''}"  # a new selection elsewhere redraws the table with it
    label = f"**Incidents** · {len(frame):,}"
    if len(shown) < len(frame):
        label += f" (newest {len(shown):,} shown; the downloads hold all)"
    st.markdown(label)
    default = {"selection": {"rows": [ids.index(selected)]}} if selected in ids else None
    st.dataframe(
        shown,
        column_config=column_config(reference.name),
        hide_index=True,
        width="stretch",
        on_select=_on_table_select,
        selection_mode="single-row",
        key=key,
        height=min(320, 40 + 35 * len(shown)),
        selection_default=default,
        placeholder="–",
    )
    _pick_from_list(shown, selected)


def _map_drawn() -> None:
    """The browser drew the session's first map: the page follows with the timeline and the table it held back.

    They are below the fold at 1280x800; sent with the first page they would compete with the map (what a user
    opens the app for) for the browser's one main thread.
    """
    if st.session_state.pop(FOLLOW_UP, False):
        fragments.page_changed()


def _in_view(snap: data.Snapshot, flt: IncidentFilter, only_view: bool) -> tuple[IncidentFilter, str]:
    """The filter narrowed to the map's view when asked for, and a key naming that narrowing."""
    box = _session().map_bounds
    if not only_view or not box:
        return flt, ""
    return replace(flt, bbox=box), f"bbox={box}"


def render() -> None:
    """Draw the main page."""
    snap = data.snapshot(stale_ok=True)  # a filter change does not wait for another user's import to be loaded
    reference = data.reference()
    facets = data.facets(snap)
    session = _session()
    fragments.page_run()
    first_page = session.first_page()
    st.title("Incident map")
    data.follow_store(snap.version)  # another user's save shows within seconds, without a reload
    if snap.frame.empty:
        st.info(
            "The store has no incidents yet. Import a file or paste an article on the Import page, "
            "or load the demo data with `python -m incidents demo`."
        )
        st.page_link(pages.page("import"), label="Go to the Import page", icon=":material/upload:")
        return
    if widgets.PRESET not in st.session_state:
        widgets.seed(_first_view(reference), facets.bounds, facets.max_km)
    for notice in session.notices:
        st.warning(markdown_text(notice))
    if snap.catalog.skipped:
        st.warning(f"{snap.catalog.skipped:,} stored incident(s) could not be read and are left out, e.g. "
                   f"{markdown_text(_problem_text(snap.catalog.problems[0]))} (`python -m incidents figures` lists them).")
    flt, only_view = widgets.sidebar_filter(
        facets.bounds,
        facets.countries,
        facets.regions,
        (reference.name, reference.lat, reference.lon),
        facets.max_km,
        lambda flt: data.type_counts_for(snap, flt),
        _changed,
    )
    selected = session.selected
    view = ViewState(flt, selected)
    session.view = view
    st.query_params.from_dict(to_params(view))
    shown = data.selection(snap, flt)
    if shown.empty:
        _empty_state(view, facets, len(snap.frame))
        return
    focus_filter, focus_key = _in_view(snap, flt, only_view)
    focus = data.selection(snap, focus_filter) if focus_key else shown
    figs = data.view_figures(snap, flt, focus, focus_key)
    _kpi_row(figs, flt)
    if _selected_row(shown, selected) is None:
        _draw_map(snap, flt, shown, None, reference, only_view)
        st.caption(
            "Click an incident on the map (or Tab to it and press Enter), or a row in the table, "
            "to see everything known about it."
        )
    else:
        left, right = st.columns([3, 2], gap="medium")
        with left:
            _draw_map(snap, flt, shown, selected, reference, only_view)
        with right:
            _detail_column(snap, shown, selected, reference)
    if first_page:
        st.session_state[FOLLOW_UP] = True  # until the browser says the map is drawn (_map_drawn)
        st.caption("The timeline and the table follow once the map is drawn…")
        return
    st.session_state.pop(FOLLOW_UP, None)  # drawn in full: nothing is held back any more
    _timeline(figs, flt, facets.bounds)
    _table(snap, focus, selected, reference)
    render_downloads(focus, flt, details=lambda frame: data.with_details(snap, frame))


def _problem_text(problem: dict[str, str]) -> str:
    return f"{problem['id']}: {problem['field']} {problem['value']!r} is {problem['message']}"


if __name__ == "__main__":  # run as a page by st.navigation
    render()
