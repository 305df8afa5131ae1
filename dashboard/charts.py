"""The Altair timeline of the figures' bins (incidents.figures.timeline), stacked by type; a dragged span sets the window."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np
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


UNITS = {  # unit -> (bin length, how a bin is named in the tooltip, one bin, for the line above the chart)
    "hour": (pd.DateOffset(hours=1), "%Y-%m-%d %H:00 UTC", "hour (UTC)"),
    "day": (pd.DateOffset(days=1), "%Y-%m-%d", "day (local date of the incident)"),
    "week": (pd.DateOffset(days=7), "week of %Y-%m-%d", "week"),
    "month": (pd.DateOffset(months=1), "%Y-%m", "month"),
}
COLUMNS = ("bucket_ms", "end_ms", "when", "event_type", "label", "count")
CHART_COLUMNS = ("bucket_ms", "end_ms", "when", "label", "count")  # what the chart's spec reads


def unit_title(unit: str) -> str:
    """What the chart's bins are, for the line above it: 'day (local date of the incident)'."""
    return UNITS[unit][2]


def _ms(moments: pd.Series | pd.DatetimeIndex) -> np.ndarray:
    return (pd.DatetimeIndex(moments).astype("datetime64[ns]").astype("int64") // 1_000_000).to_numpy("int64")


def timeline_rows(timeline: Timeline) -> pd.DataFrame:
    """The figures' timeline as chart rows (bucket_ms, end_ms, when, event_type, label, count): one bar per bin and
    type, from the bin's start to its end (UTC epoch ms), empty bins and types left out."""
    table = timeline.table()
    if table.empty:
        return pd.DataFrame({"bucket_ms": pd.Series([], dtype="int64"), "end_ms": pd.Series([], dtype="int64"),
                             "when": [], "event_type": [], "label": [], "count": pd.Series([], dtype="int64")})
    long = table.rename_axis(columns="event_type").stack().rename("count").reset_index()
    long = long[long["count"] > 0]
    step, named, _ = UNITS[timeline.unit]
    starts = pd.DatetimeIndex(long["bucket"])
    return pd.DataFrame({
        "bucket_ms": _ms(starts),
        "end_ms": _ms(starts + step),
        "when": starts.strftime(named),
        "event_type": long["event_type"].to_numpy(),
        "label": long["event_type"].map(EVENT_LABELS).to_numpy(),
        "count": long["count"].astype("int64").to_numpy(),
    })


def _with_window(counts: pd.DataFrame, window: tuple[date | None, date | None] | None) -> pd.DataFrame:
    """`counts` with two empty bars at the window's edges (its first day's start, the day after its last), so the
    x axis spans whole days of the window from the data alone and the chart's spec stays the same for every window."""
    if not window or window[0] is None or window[1] is None:
        return counts
    edges = _ms(pd.DatetimeIndex([pd.Timestamp(window[0]), pd.Timestamp(window[1] + timedelta(days=1))]))
    first = EVENT_TYPES[0]
    pads = pd.DataFrame({"bucket_ms": edges, "end_ms": edges, "when": ["", ""], "event_type": [first, first],
                         "label": [EVENT_LABELS[first]] * 2, "count": np.zeros(2, dtype="int64")})
    return pd.concat([counts[list(COLUMNS)], pads], ignore_index=True)


def timeline_chart(
    counts: pd.DataFrame, unit: str = "day", height: int = 200, window: tuple[date | None, date | None] | None = None
) -> alt.Chart:
    """A stacked bar chart of the counts over the window, with an x-interval selection called `span`.

    The spec is the same whatever the window and the bin unit (bars run from `bucket_ms` to `end_ms`, the window's
    edges are data rows), so on a filter change the browser swaps the chart's data instead of building a new chart."""
    import altair as alt

    colors = event_colors()
    labels = [EVENT_LABELS[t] for t in EVENT_TYPES]
    span = alt.selection_interval(encodings=["x"], name=SPAN)
    return (
        alt.Chart(_with_window(counts, window))
        .mark_bar()
        .encode(
            x=alt.X("bucket_ms:T", title=None, scale=alt.Scale(type="utc")),
            x2=alt.X2("end_ms:T"),
            y=alt.Y("sum(count):Q", title="Incidents", stack=True, axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "label:N",
                title="Type",
                scale=alt.Scale(domain=labels, range=[colors[t] for t in EVENT_TYPES]),
                legend=alt.Legend(orient="right"),
            ),
            tooltip=[
                alt.Tooltip("when:N", title="When"),
                alt.Tooltip("label:N", title="Type"),
                alt.Tooltip("sum(count):Q", title="Incidents"),
            ],
        )
        .add_params(span)
        .properties(height=height)
    )


def timeline_data(counts: pd.DataFrame, window: tuple[date | None, date | None] | None = None) -> pd.DataFrame:
    """The chart's rows for `timeline_spec()`: the counts with the window's edges, only the columns the spec reads."""
    return _with_window(counts, window)[list(CHART_COLUMNS)]


def timeline_spec(height: int = 200) -> dict[str, Any]:
    """The Vega-Lite spec of `timeline_chart` without its data, built once per process (Altair builds and validates
    the chart in about 10 ms): every run sends the same spec and only the rows change."""
    return json.loads(_spec_text(height))  # a fresh dict: the caller's chart call may change it


@lru_cache(maxsize=4)
def _spec_text(height: int) -> str:
    empty = pd.DataFrame({column: pd.Series([], dtype="int64" if column.endswith(("_ms", "count")) else object)
                          for column in CHART_COLUMNS})
    spec = timeline_chart(empty, height=height).to_dict()
    return json.dumps({key: value for key, value in spec.items() if key not in ("data", "datasets")})


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
