"""Sidebar controls: each draws one widget group bound to a st.session_state key and returns plain values."""

from __future__ import annotations

import math
import time
from dataclasses import replace
from datetime import date
from typing import Callable, Sequence

import streamlit as st

from dashboard import fragments
from incidents.model import EVENT_TYPES, SHOWN_BY_DEFAULT, VERIFICATIONS, WITH_DRAFTS, IncidentFilter
from dashboard.state import KEYS, CUSTOM, PRESETS, ViewState, data_as_of, preset_of, preset_window, type_label

PRESET, DATES, TYPES, COUNTRIES = KEYS.preset, KEYS.dates, KEYS.types, KEYS.countries
REPLACED = "_f_dates_replaced"  # (dates the browser still shows, when the server replaced them)
ECHO_S = 30.0  # a request the browser made before it got the new dates arrives within this time
REGIONS, VERIFICATION, TEXT, BAND, IN_VIEW = KEYS.regions, KEYS.verification, KEYS.text, KEYS.band, KEYS.in_view
FILTER_KEYS = KEYS.filters
DATE_FLOOR = date(1900, 1, 1)
DATE_CEILING = date(2100, 12, 31)


def slider_top(max_km: float, band: tuple[float, float] | None) -> int:
    """The distance slider's upper end: the farthest incident (or band edge), rounded up to 100 km."""
    edges = [max_km] + [v for v in (band or ()) if math.isfinite(v)]
    return max(100, int(math.ceil(max(edges) / 100.0) * 100))


def band_of(value: Sequence[float], top: int) -> tuple[float, float] | None:
    """The distance band a slider value means: None when it spans the whole slider."""
    low, high = float(value[0]), float(value[1])
    if low <= 0 and high >= top:
        return None
    return (low, high if high < top else math.inf)


def seed(view: ViewState, bounds: tuple[date, date] | None, max_km: float) -> None:
    """Put a view into the widgets' session keys (first visit, reload of a permalink, or a one-click widen)."""
    flt = view.filter
    state = st.session_state
    newest = bounds[1] if bounds else None
    state[PRESET] = preset_of(flt.start, flt.end, newest)
    state[DATES] = shown_dates(flt.start, flt.end, bounds)
    state[TYPES] = list(flt.event_types)
    state[COUNTRIES] = list(flt.countries)
    state[REGIONS] = list(flt.regions)
    state[VERIFICATION] = list(flt.verification)
    state[TEXT] = flt.text
    top = slider_top(max_km, flt.distance_km)
    low, high = flt.distance_km or (0.0, top)
    state[BAND] = (float(low), float(high if math.isfinite(high) else top))
    state.setdefault(IN_VIEW, False)
    state[KEYS.drafts] = "draft" in flt.review


def keep_values() -> None:
    """Set every filter widget's value again before it is drawn, so that each run's element carries the value, not only
    the run that set it. The browser loads a widget's code on first use: on a busy machine a multiselect may mount
    with a later run's element, and an element without a value starts from the widget's empty default, which the
    browser then sends back as the user's choice (the chosen types, countries or search text silently dropped).
    Empty values are left alone (the widgets' defaults are empty), and so is a half-picked date range (the browser has
    it, the second click is on its way). Text being typed in the search box and not yet sent (Enter or blur sends it)
    is safe: the pinned Streamlit copies a value into a text box only when the box holds no unsent edits, whatever
    value the run sends (seen in Chromium with the run's answer held back while typing)."""
    state = st.session_state
    for key in FILTER_KEYS:
        value = state.get(key)
        if value is None or value in ("", False) or _unfinished(key, value):
            continue
        state[key] = value


def _unfinished(key: str, value: object) -> bool:
    """An empty multiselect, or a date range with its end not picked yet."""
    return isinstance(value, (list, tuple)) and len(value) < (2 if key == DATES else 1)


def shown_dates(start: date | None, end: date | None, bounds: tuple[date, date] | None) -> tuple[date, ...]:
    """What the date-range box shows for a window: open ends filled from the store's first/last day."""
    first, last = bounds if bounds else (None, None)
    low, high = start or first, end or last
    return tuple(d for d in (low, high) if d is not None)


def set_window(start: date | None, end: date | None, bounds: tuple[date, date] | None) -> None:
    """Change the date window from a callback (preset buttons, chart span, widen)."""
    st.session_state[PRESET] = preset_of(start, end, bounds[1] if bounds else None)
    _replace_dates(shown_dates(start, end, bounds))


def _replace_dates(value: tuple[date, ...]) -> None:
    """Set the date box from the server, remembering what the browser still shows until it gets the new value."""
    st.session_state[REPLACED] = (tuple(st.session_state.get(DATES) or ()), value, time.monotonic())
    st.session_state[DATES] = value


def _stale_echo(value: tuple[date, ...]) -> tuple[date, ...] | None:
    """Is `value` the dates the browser showed before the server replaced them, sent back by a request the browser
    made before it got the new ones (a timed fragment run, a map view report)? Such a request must not read as the
    user picking those dates, which would undo the preset just clicked. The dates the server set, if so."""
    replaced = st.session_state.pop(REPLACED, None)
    if replaced and value == replaced[0] and time.monotonic() - replaced[2] < ECHO_S:
        return replaced[1]
    return None


def _on_preset(bounds: tuple[date, date] | None, changed: Callable[[], None]) -> None:
    preset = st.session_state[PRESET]
    if preset != CUSTOM:
        start, end = preset_window(preset, bounds[1] if bounds else None)
        _replace_dates(shown_dates(start, end, bounds))
    changed()


def _on_dates(bounds: tuple[date, date] | None, changed: Callable[[], None]) -> None:
    value = tuple(st.session_state[DATES] or ())
    meant = _stale_echo(value)
    if meant is not None:  # the preset stands and the box shows its window again
        st.session_state[DATES] = meant
        fragments.page_changed()
        return
    if len(value) == 2:
        everything = bounds is not None and value == tuple(bounds)
        st.session_state[PRESET] = "All" if everything else preset_of(value[0], value[1], bounds[1] if bounds else None)
    changed()


def date_window(bounds: tuple[date, date] | None, changed: Callable[[], None]) -> tuple[date | None, date | None]:
    """Presets anchored on the newest incident plus a custom range; returns the (start, end) days, None = open."""
    st.radio(
        "Date window",
        PRESETS + (CUSTOM,),
        key=PRESET,
        horizontal=True,
        on_change=_on_preset,
        args=(bounds, changed),
        help="Presets count back from the newest incident in the store.",
    )
    st.caption(data_as_of(bounds[1] if bounds else None))
    st.date_input(
        "From – to",
        key=DATES,
        min_value=DATE_FLOOR,
        max_value=DATE_CEILING,
        format="YYYY-MM-DD",
        on_change=_on_dates,
        args=(bounds, changed),
    )
    preset = st.session_state[PRESET]
    if preset != CUSTOM:
        return preset_window(preset, bounds[1] if bounds else None)
    chosen = tuple(st.session_state[DATES] or ())
    if len(chosen) == 2:
        return chosen[0], chosen[1]
    if len(chosen) == 1:  # half-picked range: one day until the second click
        return chosen[0], chosen[0]
    return None, None


def _keep_current(options: Sequence[str], key: str) -> list[str]:
    """Options plus whatever is selected already (a permalink may name a value the store no longer has)."""
    current = [v for v in st.session_state.get(key, []) if v not in options]
    return list(options) + current


def event_types(counts: dict[str, int], changed: Callable[[], None]) -> tuple[str, ...]:
    """Event types (none chosen means all), their counts under the other filters in a caption below.

    The option labels stay fixed: Streamlit sends a multiselect's formatted labels back as its value, so a count
    inside a label would drop the choice as soon as the count changes."""
    chosen = st.multiselect(
        "Event types", EVENT_TYPES, key=TYPES, on_change=changed, placeholder="All types", format_func=type_label
    )
    st.caption(type_counts_text(counts))
    return tuple(chosen)


def type_counts_text(counts: dict[str, int]) -> str:
    """'Drone strike 21 · Missile strike 8 · …': every type with incidents under the other filters."""
    shown = [f"{type_label(t)} {counts[t]:,}" for t in EVENT_TYPES if counts.get(t)]
    return "In this view: " + (" · ".join(shown) if shown else "no incidents")


def places(
    countries: Sequence[str], regions: dict[str, tuple[str, ...]], changed: Callable[[], None]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Country (ISO2) and admin-1 region pickers; regions narrow to the chosen countries."""
    chosen_countries = st.multiselect(
        "Country", _keep_current(countries, COUNTRIES), key=COUNTRIES, on_change=changed, placeholder="All countries"
    )
    scope = chosen_countries or list(regions)
    names = sorted({name for country in scope for name in regions.get(country, ())})
    chosen_regions = st.multiselect(
        "Region (admin-1)", _keep_current(names, REGIONS), key=REGIONS, on_change=changed, placeholder="All regions"
    )
    return tuple(chosen_countries), tuple(chosen_regions)


def verification(changed: Callable[[], None]) -> tuple[str, ...]:
    """Verification states to keep; none chosen means all."""
    return tuple(st.multiselect("Verification", VERIFICATIONS, key=VERIFICATION, on_change=changed, placeholder="Any"))


def review_states(changed: Callable[[], None]) -> tuple[str, ...]:
    """Reviewed incidents only, unless the switch includes the drafts (never the rejected)."""
    drafts = st.toggle("Include drafts", key=KEYS.drafts, on_change=changed,
                       help="Incidents not yet reviewed (new imports, feeds, extractions)")
    return WITH_DRAFTS if drafts else SHOWN_BY_DEFAULT


def free_text(changed: Callable[[], None]) -> str:
    """Words to find in place, region, notes and sources."""
    return st.text_input(
        "Search text", key=TEXT, on_change=changed, max_chars=200, placeholder="place, region, notes, sources"
    ).strip()


def distance_band(reference_name: str, max_km: float, changed: Callable[[], None]) -> tuple[float, float] | None:
    """A km band from the reference city; the full slider means no band."""
    current = st.session_state.get(BAND)
    top = slider_top(max_km, tuple(current) if current else None)
    if current is None or current[1] > top:
        st.session_state[BAND] = (0.0, float(top))
    value = st.slider(
        f"Distance from {reference_name}", 0.0, float(top), key=BAND, step=10.0, on_change=changed, format="%.0f km"
    )
    return band_of(value, top)


def in_map_view(changed: Callable[[], None]) -> bool:
    """Whether KPIs, timeline, table and downloads keep only what the map shows."""
    return st.toggle(
        "Only what is in the map view",
        key=IN_VIEW,
        on_change=changed,
        help="Pan or zoom the map; the figures, timeline and table follow it.",
    )


def sidebar_filter(
    bounds: tuple[date, date] | None,
    countries: Sequence[str],
    regions: dict[str, tuple[str, ...]],
    reference: tuple[str, float, float],
    max_km: float,
    counts_for: Callable[[IncidentFilter], dict[str, int]],
    changed: Callable[[], None],
) -> tuple[IncidentFilter, bool]:
    """Draw every filter, date window first; return the filter and the 'only in map view' switch."""
    keep_values()
    with st.sidebar:
        st.header("Filters")
        start, end = date_window(bounds, changed)
        slot = st.container()  # the types go here, drawn last: their counts follow every other filter
        chosen_countries, chosen_regions = places(countries, regions, changed)
        kept = verification(changed)
        review = review_states(changed)
        text = free_text(changed)
        name, lat, lon = reference
        band = distance_band(name, max_km, changed)
        only_view = in_map_view(changed)
        flt = IncidentFilter(
            start=start,
            end=end,
            event_types=tuple(st.session_state.get(TYPES) or ()),
            regions=chosen_regions,
            countries=chosen_countries,
            verification=kept,
            text=text,
            distance_km=band,
            reference=(lat, lon) if band else None,
            review=review,
        )
        with slot:
            types = event_types(counts_for(flt), changed)
    return replace(flt, event_types=types), only_view
