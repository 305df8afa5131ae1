"""The view state <-> query parameter mapping: round trips, repeated and comma lists, bad values become notices."""

import math
from datetime import date

import pytest
from hypothesis import given, settings, strategies as hs

from dashboard.state import (
    CUSTOM,
    KEYS,
    Session,
    ViewState,
    parse_params,
    preset_of,
    preset_window,
    split_values,
    to_params,
    widened,
    window_label,
)
from incidents.model import EVENT_TYPES, VERIFICATIONS, IncidentFilter

REF = (55.7558, 37.6173)


def as_query(params):
    """What st.query_params.to_dict-with-get_all gives: key -> list of strings."""
    return {k: (v if isinstance(v, list) else [v]) for k, v in params.items()}


def test_full_round_trip():
    view = ViewState(
        IncidentFilter(
            start=date(2024, 12, 1),
            end=date(2024, 12, 21),
            event_types=("drone_strike", "airspace_restriction"),
            regions=("Tatarstan",),
            countries=("RU",),
            verification=("reported",),
            text="Kazan airport",
            distance_km=(100.0, 900.5),
            reference=REF,
        ),
        selected="h0123456789abcde",
    )
    back, notices = parse_params(as_query(to_params(view)), reference=REF)
    assert notices == []
    assert back == view


def test_default_view_has_no_params_and_parses_back():
    assert to_params(ViewState()) == {}
    assert parse_params({}) == (ViewState(), [])


def test_types_repeated_and_comma_separated_are_merged():
    view, notices = parse_params({"type": ["drone_strike,interception", "drone_strike", " explosion "]})
    assert view.filter.event_types == ("drone_strike", "interception", "explosion")
    assert notices == []


@pytest.mark.parametrize(
    "params, field",
    [
        ({"start": ["2024-13-01"]}, "start"),
        ({"end": ["yesterday"]}, "end"),
        ({"type": ["nuke"]}, "type"),
        ({"verification": ["maybe"]}, "verification"),
        ({"country": ["Russia"]}, "country"),
        ({"dmin": ["-5"]}, "dmin"),
        ({"dmax": ["nan"]}, "dmax"),
        ({"id": ["<script>"]}, "id"),
        ({"bogus": ["1"]}, "bogus"),
    ],
)
def test_invalid_values_are_ignored_with_a_notice(params, field):
    view, notices = parse_params(params)
    assert len(notices) == 1 and field in notices[0]
    assert view == ViewState()


def test_good_values_survive_next_to_bad_ones():
    view, notices = parse_params({"type": ["drone_strike,nuke"], "start": ["2024-12-01"], "end": ["2024-02-30"]})
    assert view.filter.event_types == ("drone_strike",)
    assert view.filter.start == date(2024, 12, 1) and view.filter.end is None
    assert len(notices) == 2


def test_reversed_window_and_band_are_swapped_with_notices():
    view, notices = parse_params(
        {"start": ["2024-12-21"], "end": ["2024-12-01"], "dmin": ["900"], "dmax": ["100"]}, REF
    )
    assert (view.filter.start, view.filter.end) == (date(2024, 12, 1), date(2024, 12, 21))
    assert view.filter.distance_km == (100.0, 900.0)
    assert view.filter.reference == REF
    assert len(notices) == 2


def test_open_ended_band():
    view, _ = parse_params({"dmin": ["500"]}, REF)
    assert view.filter.distance_km[0] == 500 and math.isinf(view.filter.distance_km[1])
    assert to_params(view) == {"dmin": "500"}


def test_country_codes_are_upper_cased_and_text_is_capped():
    view, notices = parse_params({"country": ["ru,ua"], "q": ["x" * 500]})
    assert view.filter.countries == ("RU", "UA")
    assert len(view.filter.text) == 200 and notices


def test_split_values_drops_blanks_and_duplicates():
    assert split_values(["a,,b", "a", " "]) == ["a", "b"]


def test_presets_anchor_on_newest_incident():
    newest = date(2024, 12, 21)
    assert preset_window("7 days", newest) == (date(2024, 12, 15), newest)
    assert preset_window("Last 24 h", newest) == (date(2024, 12, 20), newest)
    assert preset_window("30 days", newest) == (date(2024, 11, 22), newest)
    assert preset_window("All", newest) == (None, None)
    assert preset_of(date(2024, 12, 15), newest, newest) == "7 days"
    assert preset_of(None, None, newest) == "All"
    assert preset_of(date(2024, 12, 14), newest, newest) == CUSTOM


def test_widen_drops_only_the_window():
    flt = IncidentFilter(start=date(2030, 1, 1), end=date(2030, 1, 2), event_types=("strike",))
    assert widened(flt) == IncidentFilter(event_types=("strike",))


def test_window_label():
    assert window_label(None, None) == "All dates"
    assert window_label(date(2024, 1, 2), date(2024, 1, 2)) == "2024-01-02"
    assert window_label(date(2024, 1, 2), date(2024, 1, 5)) == "2024-01-02 – 2024-01-05"

_REF = (55.75, 37.62)
_NAMES = hs.text(hs.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).map(str.strip).filter(bool)


@hs.composite
def _views(draw) -> ViewState:
    start = draw(hs.none() | hs.dates())
    end = draw(hs.none() | hs.dates(min_value=start) if start else hs.none() | hs.dates())
    band = draw(hs.none() | hs.tuples(hs.integers(0, 2000), hs.integers(1, 2000), hs.booleans()))
    distance = None
    if band:
        low, width, open_end = band
        distance = (float(low * 10), float("inf") if open_end and low else float((low + width) * 10))
    flt = IncidentFilter(
        start=start, end=end,
        event_types=tuple(draw(hs.lists(hs.sampled_from(EVENT_TYPES), unique=True, max_size=3))),
        regions=tuple(draw(hs.lists(_NAMES, unique=True, max_size=3))),
        countries=tuple(draw(hs.lists(hs.sampled_from(["RU", "UA", "BY", "PL"]), unique=True, max_size=2))),
        verification=tuple(draw(hs.lists(hs.sampled_from(VERIFICATIONS), unique=True, max_size=2))),
        text=draw(hs.text(max_size=50).map(str.strip)),
        distance_km=distance, reference=_REF if distance else None,
    )
    selected = draw(hs.none() | hs.from_regex(r"[A-Za-z0-9_.:-]{1,20}", fullmatch=True))
    return ViewState(flt, selected)


@settings(max_examples=300, deadline=None)
@given(_views())
def test_every_view_round_trips_through_the_url_unchanged(view):
    params = {key: value if isinstance(value, list) else [value] for key, value in to_params(view).items()}
    assert parse_params(params, _REF) == (view, [])


def test_a_region_name_with_a_comma_stays_one_region():
    view = ViewState(IncidentFilter(regions=("Kyiv, city", "Tatarstan")))
    assert parse_params({"region": ["Kyiv, city", "Tatarstan"]}, _REF)[0] == view


def test_the_session_object_owns_the_page_keys():
    values: dict = {}
    session = Session(values)
    assert session.first_page() and not session.first_page()
    session.select("a", ["a", "b"])
    assert values[KEYS.selected] == "a" and session.group == ["a", "b"]
    session.select(None)
    assert session.selected is None and session.group == []
    assert len(set(KEYS.filters)) == 10 and all(key.startswith("f_") for key in KEYS.filters)
