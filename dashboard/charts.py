"""The Altair timeline of the figures' bins (incidents.figures.timeline), stacked by type; a dragged span sets the window."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Mapping

import pandas as pd

from incidents.figures import Timeline
from incidents.model import EVENT_LABELS, EVENT_TYPES

if TYPE_CHECKING:  # altair is imported when a chart is drawn: after the map, so it does not delay the first paint
    import altair as alt

SPAN = "span"


def event_colors() -> dict[str, str]:
    """The map's colour per event type, so the chart and the map agree."""
    from dashboard.maps import EVENT_COLORS

    return dict(EVENT_COLORS)


UNITS = {  # unit -> (Vega-Lite time unit, axis title)
    "hour": ("utcyearmonthdatehours", "Hour (UTC)"),
    "day": ("utcyearmonthdate", "Day (local date of the incident)"),
    "week": ("utcyearweek", "Week"),
    "month": ("utcyearmonth", "Month"),
}


def timeline_rows(timeline: Timeline) -> pd.DataFrame:
    """The figures' timeline as chart rows (bucket_ms, event_type, label, count), empty bins and types left out."""
    table = timeline.table()
    if table.empty:
        return pd.DataFrame({"bucket_ms": pd.Series([], dtype="int64"), "event_type": [], "label": [],
                             "count": pd.Series([], dtype="int64")})
    long = table.rename_axis(columns="event_type").stack().rename("count").reset_index()
    long = long[long["count"] > 0]
    return pd.DataFrame({
        "bucket_ms": (long["bucket"].astype("datetime64[ns]").astype("int64") // 1_000_000).astype("int64").to_numpy(),
        "event_type": long["event_type"].to_numpy(),
        "label": long["event_type"].map(EVENT_LABELS).to_numpy(),
        "count": long["count"].astype("int64").to_numpy(),
    })


def _domain(window: tuple[date | None, date | None] | None) -> list[alt.DateTime] | alt.UndefinedType:
    """The x domain covering whole days of the window (Vega-Lite DateTimes in UTC), or Undefined to fit the data."""
    import altair as alt

    if not window or window[0] is None or window[1] is None:
        return alt.Undefined
    last = window[1] + timedelta(days=1)
    return [alt.DateTime(year=d.year, month=d.month, date=d.day, utc=True) for d in (window[0], last)]


def timeline_chart(
    counts: pd.DataFrame, unit: str, height: int = 200, window: tuple[date | None, date | None] | None = None
) -> alt.Chart:
    """A stacked bar chart of the counts over the window, with an x-interval selection called `span`."""
    import altair as alt

    colors = event_colors()
    labels = [EVENT_LABELS[t] for t in EVENT_TYPES]
    time_unit, title = UNITS[unit]
    span = alt.selection_interval(encodings=["x"], name=SPAN)
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X(
                "bucket_ms:T", timeUnit=time_unit, title=title, scale=alt.Scale(type="utc", domain=_domain(window))
            ),
            y=alt.Y("sum(count):Q", title="Incidents", stack=True, axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "label:N",
                title="Type",
                scale=alt.Scale(domain=labels, range=[colors[t] for t in EVENT_TYPES]),
                legend=alt.Legend(orient="right"),
            ),
            tooltip=[
                alt.Tooltip("bucket_ms:T", timeUnit=time_unit, title="When"),
                alt.Tooltip("label:N", title="Type"),
                alt.Tooltip("sum(count):Q", title="Incidents"),
            ],
        )
        .add_params(span)
        .properties(height=height)
    )


def span_to_window(selection: Mapping[str, Any] | None) -> tuple[date, date] | None:
    """The (start, end) days covered by a chart span selection ({field: [ms, ms]}), or None when nothing is selected."""
    if not selection:
        return None
    span = selection.get(SPAN) if SPAN in selection else selection
    if not isinstance(span, Mapping):
        return None
    for values in span.values():
        if isinstance(values, (list, tuple)) and len(values) == 2:
            try:
                low, high = sorted(float(v) for v in values)
            except (TypeError, ValueError):
                return None
            return _utc_day(low), _utc_day(max(low, high - 1))
    return None


def _utc_day(ms: float) -> date:
    return (datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=ms)).date()
