"""The Altair timeline: incidents per day (per hour up to two days), stacked by type; a dragged span sets the window."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Mapping

import pandas as pd

from incidents.model import EVENT_LABELS, EVENT_TYPES

if TYPE_CHECKING:  # altair is imported when a chart is drawn: after the map, so it does not delay the first paint
    import altair as alt

SPAN = "span"
HOURLY_MAX_DAYS = 2
_MS_PER_DAY = 86_400_000


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
DAY_MAX_DAYS = 400
WEEK_MAX_DAYS = 5 * 366


def is_hourly(start: date | None, end: date | None) -> bool:
    """Hourly buckets when the window spans two calendar days or less."""
    return start is not None and end is not None and (end - start).days < HOURLY_MAX_DAYS


def bucket_unit(start: date | None, end: date | None, frame: pd.DataFrame) -> str:
    """'hour' for windows of two days or less, else 'day', 'week' or 'month' so the bars stay readable."""
    if is_hourly(start, end):
        return "hour"
    if start is None or end is None:
        if frame.empty:
            return "day"
        start, end = frame["day"].min().date(), frame["day"].max().date()
    days = (end - start).days
    return "day" if days <= DAY_MAX_DAYS else "week" if days <= WEEK_MAX_DAYS else "month"


def _buckets(days: pd.Series, unit: str) -> pd.Series:
    if unit == "week":
        return days - pd.to_timedelta(days.dt.weekday, unit="D")
    if unit == "month":
        return days.dt.to_period("M").dt.start_time
    return days


def timeline_counts(frame: pd.DataFrame, unit: str) -> tuple[pd.DataFrame, int]:
    """(bucket_ms, event_type, label, count) rows per `unit`, and the rows with no time of day (left out by hour)."""
    if unit == "hour":
        instants = frame["start_utc"]
        untimed = int(instants.isna().sum())
        buckets = instants.dropna().dt.floor("h").dt.tz_localize(None)
        types = frame.loc[instants.notna(), "event_type"]
    else:
        untimed = 0
        buckets = _buckets(frame["day"], unit)
        types = frame["event_type"]
    table = pd.DataFrame({"bucket": buckets.to_numpy(), "event_type": types.astype(str).to_numpy()})
    counts = table.groupby(["bucket", "event_type"], sort=True).size().rename("count").reset_index()
    counts["bucket_ms"] = (counts["bucket"].astype("datetime64[ns]").astype("int64") // 1_000_000).astype("int64")
    counts["label"] = counts["event_type"].map(EVENT_LABELS).fillna(counts["event_type"])
    return counts[["bucket_ms", "event_type", "label", "count"]], untimed


def timeline_data(frame: pd.DataFrame, start: date | None, end: date | None) -> tuple[pd.DataFrame, str, int]:
    """(counts, unit, incidents left out) for a window: by hour up to two days, unless no incident there has a
    time of day (then by day, leaving nothing out)."""
    unit = bucket_unit(start, end, frame)
    counts, untimed = timeline_counts(frame, unit)
    if unit == "hour" and counts.empty:
        unit = "day"
        counts, untimed = timeline_counts(frame, unit)
    return counts, unit, untimed


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
