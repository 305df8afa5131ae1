"""Selection against a naive full-scan reference on random frames, plus counts and bounds."""

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from incidents.errors import ValidationError
from incidents.frames import to_frame
from incidents.model import EVENT_TYPES, IncidentFilter
from pathlib import Path

from incidents import selection
from incidents.catalog import Reference, build_catalog, search_text
from incidents.selection import counts_by_type, rows, select, select_catalog, window_bounds, window_slice
from incidents.synth import synthesize
from tests.incidents.factory import make, rich

FRAME = synthesize(3000, seed=11)
MOSCOW = Reference("Moscow", 55.7558, 37.6173)
CATALOG = build_catalog(FRAME, reference=MOSCOW)


def naive(frame: pd.DataFrame, flt: IncidentFilter) -> pd.DataFrame:
    """The obvious boolean scan over every row: the reference the fast path must match."""
    keep = pd.Series(True, index=frame.index)
    days = frame["day"].dt.date
    if flt.start:
        keep &= days >= flt.start
    if flt.end:
        keep &= days <= flt.end
    for column, wanted in (("event_type", flt.event_types), ("admin1", flt.regions),
                           ("country", flt.countries), ("verification", flt.verification)):
        if wanted:
            keep &= frame[column].isin(wanted)
    if flt.text:
        keep &= pd.Series([flt.text.lower() in hay for hay in search_text(frame)], index=frame.index)
    if flt.bbox:
        south, west, north, east = flt.bbox
        keep &= frame["lat"].between(south, north) & frame["lon"].between(west, east)
    return frame[keep]


def random_filter(rng: np.random.Generator) -> IncidentFilter:
    start = date(2015, 1, 1) + timedelta(days=int(rng.integers(-30, 3700)))
    end = start + timedelta(days=int(rng.integers(-3, 400)))
    places = FRAME.sample(3, random_state=int(rng.integers(1e6)))
    return IncidentFilter(
        start=start if rng.random() < 0.8 else None,
        end=end if rng.random() < 0.8 else None,
        event_types=tuple(rng.choice(EVENT_TYPES, size=int(rng.integers(0, 3)), replace=False)),
        countries=tuple(rng.choice(["RU", "UA", "BY"], size=int(rng.integers(0, 2)), replace=False)),
        regions=tuple(places["admin1"]) if rng.random() < 0.2 else (),
        text=str(places["place"].iloc[0])[:4].upper() if rng.random() < 0.3 else "",
        bbox=(45.0, 30.0, 56.0, 45.0) if rng.random() < 0.3 else None,
    )


@pytest.mark.parametrize("seed", range(40))
def test_select_matches_naive_scan(seed):
    flt = random_filter(np.random.default_rng(seed))
    assert select(FRAME, flt)["id"].tolist() == naive(FRAME, flt)["id"].tolist()


def test_categorical_type_column_gives_same_rows():
    flt = IncidentFilter(start=date(2018, 1, 1), end=date(2018, 3, 1), event_types=("drone_strike", "other"))
    categorical = FRAME.assign(event_type=FRAME["event_type"].astype("category"))
    assert select(categorical, flt)["id"].tolist() == naive(FRAME, flt)["id"].tolist()


def test_window_slice_is_inclusive_on_both_days():
    frame = to_frame([make(id=str(d), started_at=f"2024-01-{d:02d}") for d in range(1, 11)])
    assert window_slice(frame, date(2024, 1, 3), date(2024, 1, 5)) == (2, 5)
    assert window_slice(frame, date(2024, 1, 5), date(2024, 1, 3)) == (4, 4)
    assert window_slice(frame, None, None) == (0, 10)


def test_unsorted_frame_is_refused():
    frame = to_frame([make(id="a", started_at="2024-01-01"), make(id="b", started_at="2024-01-02")])
    with pytest.raises(ValueError, match="sorted"):
        select(frame.iloc[::-1], IncidentFilter(start=date(2024, 1, 1)))


def test_text_searches_source_titles_and_excerpts_case_insensitively():
    frame = to_frame([rich(), make(id="other", place="Izhevsk")])
    assert select(frame, IncidentFilter(text="NEUTRALIZED"))["id"].tolist() == ["kazan-1"]
    assert select(frame, IncidentFilter(text="kazan attacked"))["id"].tolist() == ["kazan-1"]
    assert select(frame, IncidentFilter(text="izhevsk"))["id"].tolist() == ["other"]


def test_bbox_across_the_antimeridian():
    frame = to_frame([make(id="east", lat=64.7, lon=177.5), make(id="west", lat=64.5, lon=-172.0), make(id="kzn")])
    assert select(frame, IncidentFilter(bbox=(60, 170, 70, -170)))["id"].tolist() == ["east", "west"]


def test_distance_band_needs_a_reference():
    with pytest.raises(ValidationError) as err:
        select(to_frame([make()]), IncidentFilter(distance_km=(0, 100)))
    assert err.value.field == "reference"


def test_distance_band():
    frame = to_frame([make(id="kzn"), make(id="msk", lat=55.7558, lon=37.6173)])
    near = IncidentFilter(distance_km=(0, 50), reference=(55.7558, 37.6173))
    far = IncidentFilter(distance_km=(600, 800), reference=(55.7558, 37.6173))
    assert select(frame, near)["id"].tolist() == ["msk"]
    assert select(frame, far)["id"].tolist() == ["kzn"]


def test_counts_and_bounds():
    frame = to_frame([make(id="a", started_at="2024-01-05"), make(id="b", event_type="explosion",
                                                                  started_at="2023-02-01")])
    counts = counts_by_type(frame)
    assert list(counts) == list(EVENT_TYPES)
    assert counts["drone_strike"] == 1 and counts["explosion"] == 1 and counts["other"] == 0
    assert window_bounds(frame) == (date(2023, 2, 1), date(2024, 1, 5))
    assert window_bounds(frame.iloc[:0]) is None


@pytest.mark.parametrize("seed", range(6))
def test_selected_frame_is_exactly_the_naive_one(seed):
    """Not just the ids: every column, dtype and the index, as pandas' own take would give them."""
    flt = random_filter(np.random.default_rng(100 + seed))
    if flt.is_empty():
        flt = IncidentFilter(event_types=("drone_strike",))
    pd.testing.assert_frame_equal(select(FRAME, flt), naive(FRAME, flt))


@pytest.mark.parametrize("seed", range(40))
def test_catalog_positions_match_the_naive_scan(seed):
    flt = random_filter(np.random.default_rng(200 + seed))
    assert select_catalog(CATALOG, flt)["id"].tolist() == naive(FRAME, flt)["id"].tolist()


def test_catalog_distance_band_uses_its_own_distances_from_the_same_reference():
    flt = IncidentFilter(distance_km=(300.0, 800.0), reference=MOSCOW.point)
    assert select_catalog(CATALOG, flt)["id"].tolist() == select(FRAME, flt)["id"].tolist()
    other = IncidentFilter(distance_km=(0.0, 400.0), reference=(50.45, 30.52))  # Kyiv: measured on the fly
    assert select_catalog(CATALOG, other)["id"].tolist() == select(FRAME, other)["id"].tolist()


def test_contiguous_rows_are_a_slice_and_scattered_rows_a_take():
    assert rows(CATALOG, np.arange(10, 20))["id"].tolist() == CATALOG.frame["id"].iloc[10:20].tolist()
    assert rows(CATALOG, np.array([3, 1]))["id"].tolist() == CATALOG.frame["id"].iloc[[3, 1]].tolist()
    assert rows(CATALOG, np.array([], dtype=np.intp)).empty


def test_a_column_set_after_a_selection_is_seen_by_the_next_one():
    """Plain frames keep no cache: a changed column is seen at once, an unsorted one refused."""
    frame = to_frame([make(id=str(d), started_at=f"2024-01-{d:02d}", event_type="drone_strike") for d in range(1, 6)])
    drones = IncidentFilter(event_types=("drone_strike",))
    assert len(select(frame, drones)) == 5
    frame["event_type"] = ["other"] * 5
    assert len(select(frame, drones)) == 0
    frame["day"] = frame["day"].iloc[::-1].to_numpy()
    with pytest.raises(ValueError, match="sorted"):
        select(frame, IncidentFilter(start=date(2024, 1, 2)))


def test_selection_uses_no_pandas_internals_and_keeps_no_module_cache():
    source = "\n".join(path.read_text() for path in Path(selection.__file__).parent.rglob("*.py"))
    for private in ("_mgr", "BlockManager", "new_block", "_from_mgr", "pandas.core.internals"):
        assert private not in source, private
    assert not [name for name, value in vars(selection).items()
                if isinstance(value, (dict, list, set)) and not name.startswith("__")]  # no module-level cache
