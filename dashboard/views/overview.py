"""The main page: sidebar filters, KPI row, map with detail panel, timeline, table and downloads of the view."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import data, widgets
from dashboard.views import pages
from dashboard.charts import span_to_window, timeline_chart, timeline_data
from dashboard.state import ViewState, cleared, parse_params, to_params, window_label, window_length
from dashboard.views.detail import render_detail
from dashboard.views.downloads import render_downloads
from dashboard.views.kpis import compute_kpis, headline
from dashboard.views.table import column_config, table_frame
from incidents.model import IncidentFilter

VIEW = "view"  # the last ViewState drawn, kept while the user visits other pages
NOTICES = "url_notices"
SELECTED = "selected_id"
MAP_KEY = "map"
TABLE_KEY = "table"
CHART_KEY = "timeline"
TABLE_IDS = "table_ids"
BOUNDS = "map_bounds"
MAP_HEIGHT = 520
SHOWN_BEFORE = "page_shown"  # set once this session has drawn the main page
FOLLOW_UP = "follow_up_pending"
FOLLOW_UP_S = 1.5  # on a session's first page the map goes first; the timeline and the table follow this much later


def _changed() -> None:
    """Any filter change: URL notices are stale now."""
    st.session_state[NOTICES] = []


def _first_view(reference: data.Reference) -> ViewState:
    """The view to start from: the one kept in this session, else the URL's."""
    if VIEW in st.session_state:
        return st.session_state[VIEW]
    params = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    view, notices = parse_params(params, reference.point)
    st.session_state[NOTICES] = notices
    st.session_state[SELECTED] = view.selected
    return view


def _on_map_select(found: list[str]) -> None:
    """A marker clicked or pressed: its incident, and any drawn at the same point, as the selection."""
    if found[0] != st.session_state.get(SELECTED):
        st.session_state[SELECTED] = found[0]
        st.session_state["selected_group"] = found


def _on_table_select() -> None:
    event = st.session_state.get(st.session_state.get(TABLE_KEY))
    rows = list(event.selection.rows) if event else []
    ids = st.session_state.get(TABLE_IDS, [])
    if rows and rows[0] < len(ids):
        st.session_state[SELECTED] = ids[rows[0]]
        st.session_state["selected_group"] = [ids[rows[0]]]
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
    st.session_state[SELECTED] = None
    _changed()


def _kpi_row(frame: pd.DataFrame, flt: IncidentFilter) -> None:
    kpis = compute_kpis(frame)
    row = st.container(horizontal=True, wrap=True, gap="small")  # wraps to two or three per line on narrow screens
    tile = {"width": 112}
    row.metric("Incidents", f"{kpis.incidents:,}", **tile)
    row.metric("Strikes", f"{kpis.strikes:,}", help="Drone, missile and other strikes", **tile)
    row.metric("Killed", headline(kpis.killed), help=kpis.killed, **tile)
    row.metric("Injured", headline(kpis.injured), help=kpis.injured, **tile)
    row.metric(
        "Restricted now",
        kpis.airports_restricted,
        help="Airports restricted now: their latest restriction in this view is still active",
        **tile,
    )
    row.metric("Window", window_length(flt.start, flt.end), help=window_label(flt.start, flt.end), **tile)
    line = f"Window: {window_label(flt.start, flt.end)} (local dates)."
    notes = [text for text in (kpis.killed, kpis.injured) if "not stated" in text]
    if notes:
        line += " Casualties: " + "; ".join(notes) + " (“not stated” is not zero)."
    st.caption(line)


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

    view = incident_map(frame, reference=reference, selected=selected, key=MAP_KEY, height=MAP_HEIGHT,
                        on_select=_on_map_select, area=data.facets(snap).area, report_view=want_bounds,
                        cache_key=(snap.url, snap.version, repr(flt)))
    if view is not None:
        st.session_state[BOUNDS] = view.bounds


def _selected_row(frame: pd.DataFrame, selected: str | None) -> pd.Series | None:
    if not selected:
        return None
    hits = frame.index[frame["id"] == selected]
    return frame.loc[hits[0]] if len(hits) else None


def _detail_column(frame: pd.DataFrame, selected: str | None, reference: data.Reference) -> None:
    group = [i for i in st.session_state.get("selected_group", []) if i in set(frame["id"])]
    if len(group) > 1 and selected in group:
        st.selectbox(
            "Incidents at this point",
            group,
            index=group.index(selected),
            key="pick_in_group",
            format_func=lambda i: _short_label(frame, i),
            on_change=_on_pick,
        )
    row = _selected_row(frame, selected)
    if row is None:
        return
    render_detail(row, reference.name)
    st.button("Close details", on_click=_deselect, key="deselect")


def _short_label(frame: pd.DataFrame, incident_id: str) -> str:
    row = _selected_row(frame, incident_id)
    return incident_id if row is None else f"{row['started_at'][:16]} {row['event_type']} {row['place']}"


def _on_pick(key: str = "pick_in_group") -> None:
    st.session_state[SELECTED] = st.session_state.get(key)
    st.session_state["selected_group"] = []


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
    st.session_state[SELECTED] = None
    st.session_state["selected_group"] = []


def _timeline(frame: pd.DataFrame, flt: IncidentFilter, bounds: tuple[date, date] | None) -> None:
    counts, unit, untimed = timeline_data(frame, flt.start, flt.end)
    st.markdown(f"**Timeline** · incidents per {unit} · drag across the chart to set the date window")
    st.altair_chart(
        timeline_chart(counts, unit, window=(flt.start, flt.end)),
        width="stretch",
        key=CHART_KEY,
        on_select=lambda: _on_span(bounds),
        selection_mode="span",
    )
    if untimed:
        st.caption(f"{untimed:,} incident(s) without a time of day are not shown by hour.")


def _table(frame: pd.DataFrame, selected: str | None, reference: data.Reference) -> None:
    shown = table_frame(frame)
    ids = shown["id"].tolist()
    st.session_state[TABLE_IDS] = ids
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


@st.fragment(run_every=FOLLOW_UP_S)
def _follow_up() -> None:
    """A session's first page: a note where the timeline and table go; the first timed run redraws the page with them.

    The browser then paints the map (what a user opens the app for) before it builds the chart and the table, which
    are below the fold at 1280x800 and would otherwise compete with the map for the page's one main thread.
    """
    if st.session_state.pop(FOLLOW_UP, False):  # drawn as part of the page
        st.caption("The timeline and the table follow in a moment, once the map is drawn…")
        return
    st.rerun()  # the timed run: redraw the whole page, this time with the timeline and the table


def _in_view(frame: pd.DataFrame, flt: IncidentFilter, only_view: bool) -> pd.DataFrame:
    box = st.session_state.get(BOUNDS)
    if not only_view or not box:
        return frame
    from incidents.selection import select

    return select(frame, IncidentFilter(bbox=box))


def render() -> None:
    """Draw the main page."""
    snap = data.snapshot()
    reference = data.reference()
    facets = data.facets(snap)
    first_page = SHOWN_BEFORE not in st.session_state
    st.session_state[SHOWN_BEFORE] = True
    st.title("Incident map")
    if snap.frame.empty:
        st.info(
            "The store has no incidents yet. Import a file or paste an article on the Import page, "
            "or load the demo data with `python -m incidents demo`."
        )
        st.page_link(pages.page("import"), label="Go to the Import page", icon=":material/upload:")
        return
    if widgets.PRESET not in st.session_state:
        widgets.seed(_first_view(reference), facets.bounds, facets.max_km)
    for notice in st.session_state.get(NOTICES, []):
        st.warning(notice)
    flt, only_view = widgets.sidebar_filter(
        facets.bounds,
        facets.countries,
        facets.regions,
        (reference.name, reference.lat, reference.lon),
        facets.max_km,
        lambda start, end: data.type_counts(snap, start, end),
        _changed,
    )
    selected = st.session_state.get(SELECTED)
    view = ViewState(flt, selected)
    st.session_state[VIEW] = view
    st.query_params.from_dict(to_params(view))
    shown = data.selection(snap, flt)
    if shown.empty:
        _empty_state(view, facets, len(snap.frame))
        return
    focus = _in_view(shown, flt, only_view)
    _kpi_row(focus, flt)
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
            _detail_column(shown, selected, reference)
    if first_page:
        st.session_state[FOLLOW_UP] = True
        _follow_up()
        return
    _timeline(focus, flt, facets.bounds)
    _table(focus, selected, reference)
    render_downloads(focus, flt)


if __name__ == "__main__":  # run as a page by st.navigation
    render()
