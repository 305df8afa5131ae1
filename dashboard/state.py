"""The view state (filter + selected incident) and its typed query parameters, both ways; bad values become notices."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Callable, Generic, Iterable, Mapping, MutableMapping, Sequence, TypeVar

from incidents.model import EVENT_LABELS, EVENT_TYPES, SHOWN_BY_DEFAULT, VERIFICATIONS, WITH_DRAFTS, IncidentFilter

T = TypeVar("T")
PARAM_KEYS = ("start", "end", "type", "region", "country", "verification", "q", "dmin", "dmax", "id", "drafts")
MAX_TEXT = 200
MAX_VALUES = 50
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")

PRESETS = ("Last 24 h", "7 days", "30 days", "All")
CUSTOM = "Custom"
_PRESET_DAYS = {"Last 24 h": 1, "7 days": 6, "30 days": 29}


@dataclass(frozen=True)
class Keys:
    """Every st.session_state key the app uses: widget keys (f_*) and the page's own values."""

    preset: str = "f_preset"
    dates: str = "f_dates"
    types: str = "f_types"
    countries: str = "f_countries"
    regions: str = "f_regions"
    verification: str = "f_verification"
    text: str = "f_text"
    band: str = "f_band"
    in_view: str = "f_in_view"
    drafts: str = "f_drafts"  # the "Include drafts" switch (drafts=1 in the URL)
    view: str = "view"  # the last ViewState drawn, kept while the user visits other pages
    notices: str = "url_notices"
    selected: str = "selected_id"
    group: str = "selected_group"  # ids drawn at the clicked point
    map: str = "map"
    table: str = "table"
    chart: str = "timeline"
    table_ids: str = "table_ids"
    bounds: str = "map_bounds"
    brief_view: str = "brief_view"  # the briefing wants the view on screen: the map reports every pan and zoom
    shown_before: str = "page_shown"
    follow_up: str = "follow_up_pending"
    brief_asked: str = "brief_asked"  # "Prepare briefing" clicked: the files are made by the next page run
    page_changed: str = "page_changed"  # a page widget's callback ran: a fragment's run must rerun the page

    @property
    def filters(self) -> tuple[str, ...]:
        """The filter widgets' keys."""
        return (self.preset, self.dates, self.types, self.countries, self.regions, self.verification, self.text,
                self.band, self.in_view, self.drafts)


KEYS = Keys()


class _Slot(Generic[T]):
    """One session value: read with a default, written as given."""

    def __init__(self, key: str, default: Callable[[], T]) -> None:
        self.key, self.default = key, default

    def __get__(self, session: "Session", owner: type) -> T:
        value = session.values.get(self.key)
        return self.default() if value is None else value

    def __set__(self, session: "Session", value: T) -> None:
        session.values[self.key] = value


class Session:
    """Typed access to the page's own session values (st.session_state, or any mutable mapping in tests)."""

    selected: _Slot[str | None] = _Slot(KEYS.selected, lambda: None)
    group: _Slot[list[str]] = _Slot(KEYS.group, list)  # ids drawn at the clicked point
    view: _Slot[ViewState | None] = _Slot(KEYS.view, lambda: None)
    notices: _Slot[list[str]] = _Slot(KEYS.notices, list)
    map_bounds: _Slot[tuple[float, float, float, float] | None] = _Slot(KEYS.bounds, lambda: None)
    table_ids: _Slot[list[str]] = _Slot(KEYS.table_ids, list)

    def __init__(self, values: MutableMapping[str, Any]) -> None:
        self.values = values

    def select(self, incident_id: str | None, group: Sequence[str] = ()) -> None:
        """Pick an incident (None: close the details), with the others drawn at the same point."""
        self.selected = incident_id
        self.group = list(group)

    def first_page(self) -> bool:
        """True on the session's first main page (and marks it shown)."""
        first = KEYS.shown_before not in self.values
        self.values[KEYS.shown_before] = True
        return first


@dataclass(frozen=True)
class ViewState:
    """What the main page shows: the incident filter and the incident the user picked, if any."""

    filter: IncidentFilter = IncidentFilter()
    selected: str | None = None


def split_values(raw: Iterable[str], commas: bool = True) -> list[str]:
    """Repeated (and, for codes, comma-separated) values as one list, stripped, blanks dropped, duplicates removed
    in order. Names (regions) are only repeated: a comma can be part of a name."""
    out: list[str] = []
    for chunk in raw:
        for value in (str(chunk).split(",") if commas else [str(chunk)]):
            value = value.strip()
            if value and value not in out:
                out.append(value)
    return out[:MAX_VALUES]


def _one(params: Mapping[str, Sequence[str]], key: str) -> str:
    values = params.get(key) or []
    if isinstance(values, str):
        values = [values]
    return str(values[-1]).strip() if values else ""


def _many(params: Mapping[str, Sequence[str]], key: str, commas: bool = True) -> list[str]:
    values = params.get(key) or []
    return split_values([values] if isinstance(values, str) else values, commas)


def _parse_day(text: str, key: str, notices: list[str]) -> date | None:
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    notices.append(f"Ignored {key}={text[:40]!r}: write a real date as YYYY-MM-DD.")
    return None


def _parse_km(text: str, key: str, notices: list[str]) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or value > 40_100:
        notices.append(f"Ignored {key}={text[:40]!r}: write a distance in km between 0 and 40100.")
        return None
    return value


def _choices(values: list[str], allowed: Sequence[str], key: str, notices: list[str]) -> tuple[str, ...]:
    good = [v for v in values if v in allowed]
    bad = [v for v in values if v not in allowed]
    if bad:
        notices.append(f"Ignored {key}={', '.join(repr(b[:40]) for b in bad)}: use one of {', '.join(allowed)}.")
    return tuple(good)


def _countries(values: list[str], notices: list[str]) -> tuple[str, ...]:
    upper = [v.upper() for v in values]
    good = [v for v in upper if _COUNTRY.match(v)]
    bad = [v for v in values if not _COUNTRY.match(v.upper())]
    if bad:
        notices.append(
            f"Ignored country={', '.join(repr(b[:40]) for b in bad)}: use ISO two-letter codes such as RU, UA."
        )
    return tuple(good)


def _texts(values: list[str], key: str, notices: list[str]) -> tuple[str, ...]:
    good = [v for v in values if len(v) <= MAX_TEXT]
    if len(good) < len(values):
        notices.append(f"Ignored a {key} longer than {MAX_TEXT} characters.")
    return tuple(good)


def _window(start: date | None, end: date | None, notices: list[str]) -> tuple[date | None, date | None]:
    if start and end and end < start:
        notices.append(f"Swapped start and end: {end} is before {start}.")
        return end, start
    return start, end


def _band(low: float | None, high: float | None, notices: list[str]) -> tuple[float, float] | None:
    if low is None and high is None:
        return None
    if low is not None and high is not None and high < low:
        notices.append(f"Swapped dmin and dmax: {high:g} km is less than {low:g} km.")
        low, high = high, low
    return (low or 0.0, high if high is not None else math.inf)


def parse_params(
    params: Mapping[str, Sequence[str]], reference: tuple[float, float] | None = None
) -> tuple[ViewState, list[str]]:
    """Read a view from query parameters (key -> list of values); invalid values are dropped with a notice each."""
    notices: list[str] = []
    start, end = _window(
        _parse_day(_one(params, "start"), "start", notices), _parse_day(_one(params, "end"), "end", notices), notices
    )
    text = _one(params, "q")
    if len(text) > MAX_TEXT:
        notices.append(f"Shortened q to {MAX_TEXT} characters.")
        text = text[:MAX_TEXT]
    band = _band(
        _parse_km(_one(params, "dmin"), "dmin", notices), _parse_km(_one(params, "dmax"), "dmax", notices), notices
    )
    selected = _one(params, "id") or None
    if selected and not _ID.match(selected):
        notices.append(f"Ignored id={selected[:40]!r}: not an incident id.")
        selected = None
    flt = IncidentFilter(
        start=start,
        end=end,
        event_types=_choices(_many(params, "type"), EVENT_TYPES, "type", notices),
        regions=_texts(_many(params, "region", commas=False), "region", notices),
        countries=_countries(_many(params, "country"), notices),
        verification=_choices(_many(params, "verification"), VERIFICATIONS, "verification", notices),
        text=text,
        distance_km=band,
        reference=reference if band else None,
        review=_review(_one(params, "drafts"), notices),
    )
    unknown = sorted(set(params) - set(PARAM_KEYS))
    if unknown:
        notices.append(f"Ignored unknown parameter(s): {', '.join(k[:40] for k in unknown[:5])}.")
    return ViewState(flt, selected), notices


def _review(text: str, notices: list[str]) -> tuple[str, ...]:
    """drafts=1 includes the drafts; absent (or 0) shows the reviewed incidents only."""
    if text in ("", "0"):
        return SHOWN_BY_DEFAULT
    if text == "1":
        return WITH_DRAFTS
    notices.append(f"Ignored drafts={text[:40]!r}: write drafts=1 to include the drafts.")
    return SHOWN_BY_DEFAULT


def _km_text(value: float) -> str:
    return f"{value:g}"


def to_params(view: ViewState) -> dict[str, str | list[str]]:
    """The query parameters that reproduce `view` (only what differs from the defaults)."""
    flt = view.filter
    out: dict[str, str | list[str]] = {}
    if flt.start:
        out["start"] = flt.start.isoformat()
    if flt.end:
        out["end"] = flt.end.isoformat()
    for key, values in (
        ("type", flt.event_types),
        ("region", flt.regions),
        ("country", flt.countries),
        ("verification", flt.verification),
    ):
        if values:
            out[key] = list(values)
    if flt.text:
        out["q"] = flt.text
    if flt.distance_km:
        low, high = flt.distance_km
        if low > 0:
            out["dmin"] = _km_text(low)
        if math.isfinite(high):
            out["dmax"] = _km_text(high)
    if view.selected:
        out["id"] = view.selected
    if "draft" in flt.review:
        out["drafts"] = "1"
    return out


def data_as_of(newest: date | None) -> str:
    """'Data as of 2025-07-06 (newest incident)': what the presets count back from."""
    return "No incidents yet." if newest is None else f"Data as of {newest.isoformat()} (newest incident)"


def preset_window(preset: str, newest: date | None, oldest: date | None = None) -> tuple[date | None, date | None]:
    """The (start, end) days of a preset, anchored on the newest incident in the store; 'All' is unbounded."""
    if preset not in _PRESET_DAYS or newest is None:
        return None, None
    return newest - timedelta(days=_PRESET_DAYS[preset]), newest


def preset_of(start: date | None, end: date | None, newest: date | None) -> str:
    """The preset whose window is exactly (start, end), else 'Custom'."""
    for preset in PRESETS:
        if preset_window(preset, newest) == (start, end):
            return preset
    return CUSTOM


def widened(flt: IncidentFilter) -> IncidentFilter:
    """The same filter with the date window removed: what 'show all dates' does from an empty state."""
    return replace(flt, start=None, end=None)


def cleared(flt: IncidentFilter) -> IncidentFilter:
    """Only the date window kept: every other criterion dropped."""
    return IncidentFilter(start=flt.start, end=flt.end)


def window_label(start: date | None, end: date | None) -> str:
    """A short human label for a date window."""
    if start is None and end is None:
        return "All dates"
    if start == end:
        return start.isoformat()  # type: ignore[union-attr]
    return f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"


def window_length(start: date | None, end: date | None) -> str:
    """'1 day', '7 days', or 'All' / 'open' for unbounded windows: what fits in a KPI tile."""
    if start is None and end is None:
        return "All"
    if start is None or end is None:
        return "Open"
    days = (end - start).days + 1
    return "1 day" if days == 1 else f"{days:,} days"


def type_label(event_type: str) -> str:
    """The human label of an event type code."""
    return EVENT_LABELS.get(event_type, event_type)
