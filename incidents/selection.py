"""Pure selection over an incident frame: a searchsorted date window first, then masks for the rest."""

from __future__ import annotations

import weakref
from datetime import date, timedelta

import numpy as np
import pandas as pd

from incidents.errors import ValidationError
from incidents.model import EVENT_TYPES, IncidentFilter

TEXT_COLUMNS = ("place", "admin1", "notes")


def select(frame: pd.DataFrame, flt: IncidentFilter) -> pd.DataFrame:
    """The rows of `frame` (sorted by `day`) that pass every part of the filter, in frame order."""
    lo, hi = window_slice(frame, flt.start, flt.end)
    mask = _mask(frame, lo, hi, flt)
    if mask is None:
        return frame.iloc[lo:hi]
    return take_rows(frame, lo + np.flatnonzero(mask))


def take_rows(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """`frame.take(positions)`, built from one numpy/extension-array take per block.

    Same columns, dtypes, values and index as `frame.take`, about a third faster for a few thousand rows of a wide
    frame (pandas' generic take spends that on per-block bookkeeping). Falls back to `frame.take` when the frame's
    internals are not the kind this pandas version exposes.
    """
    try:
        return _take_blocks(frame, positions)
    except (AttributeError, ImportError, TypeError, ValueError):
        return frame.take(positions)


def _take_blocks(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    from pandas.core.internals import BlockManager
    from pandas.core.internals.blocks import new_block

    manager = frame._mgr
    if not isinstance(manager, BlockManager):
        raise TypeError("not a BlockManager")
    blocks = []
    for block in manager.blocks:
        values = block.values  # 2-D: numpy and datetime blocks (columns x rows); 1-D: extension arrays (Int64)
        taken = _take_columns(values, positions) if values.ndim == 2 else values.take(positions)
        blocks.append(new_block(taken, placement=block.mgr_locs, ndim=2))
    taken_manager = BlockManager(tuple(blocks), [manager.axes[0], frame.index.take(positions)],
                                 verify_integrity=False)
    return pd.DataFrame._from_mgr(taken_manager, axes=taken_manager.axes)


def _take_columns(values, positions: np.ndarray):
    """Rows `positions` of a 2-D block (columns x rows). Object blocks use fancy indexing, which numpy runs about
    a third faster than `take(axis=1)` on object arrays (each copied reference is counted either way)."""
    if isinstance(values, np.ndarray) and values.dtype == object:
        return values[:, positions]
    return values.take(positions, axis=1)


def window_slice(frame: pd.DataFrame, start: date | None, end: date | None) -> tuple[int, int]:
    """Positions [lo, hi) of the rows whose day lies in [start, end], by binary search on `day`."""
    days = _index(frame).days
    lo = 0 if start is None else int(np.searchsorted(days, _day64(start), side="left"))
    hi = len(days) if end is None else int(np.searchsorted(days, _day64(end + timedelta(days=1)), side="left"))
    return lo, max(lo, hi)


class _FrameIndex:
    """What selection looks up in one frame, computed once: its sorted days and integer codes per filtered column."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.days = _sorted_days(frame)
        self.codes: dict[str, tuple[np.ndarray, dict[object, int]]] = {}

    def codes_of(self, frame: pd.DataFrame, column: str) -> tuple[np.ndarray, dict[object, int]]:
        if column not in self.codes:
            self.codes[column] = _codes(frame[column])
        return self.codes[column]


_INDEXES: dict[int, tuple[weakref.ref, tuple, _FrameIndex]] = {}


def _index(frame: pd.DataFrame) -> _FrameIndex:
    """The frame's _FrameIndex, kept while the frame lives and its columns are the same arrays (frames are treated as
    immutable; setting, adding or removing a column replaces the frame's blocks and so its index)."""
    key = id(frame)
    blocks = _blocks(frame)
    if blocks is None:  # no way to tell a changed column: no cache
        return _FrameIndex(frame)
    known = _INDEXES.get(key)
    if known is not None and known[0]() is frame and known[1] is blocks:
        return known[2]
    index = _FrameIndex(frame)
    _INDEXES[key] = (weakref.ref(frame, lambda _dead: _INDEXES.pop(key, None)), blocks, index)
    return index


def _blocks(frame: pd.DataFrame) -> tuple | None:
    """The frame's blocks (replaced whenever a column is set, added or removed), or None when its internals are not
    the block manager this pandas version uses."""
    return getattr(getattr(frame, "_mgr", None), "blocks", None)


def _sorted_days(frame: pd.DataFrame) -> np.ndarray:
    """The `day` values, checked to be sorted."""
    days = frame["day"].to_numpy(dtype="datetime64[ns]")
    ticks = days.view("int64")
    if len(ticks) > 1 and bool((ticks[1:] < ticks[:-1]).any()):
        raise ValueError("the frame must be sorted by `day` (build it with incidents.frames.to_frame)")
    return days


def _day64(value: date) -> np.datetime64:
    return np.datetime64(value.isoformat(), "ns")


def _mask(frame: pd.DataFrame, lo: int, hi: int, flt: IncidentFilter) -> np.ndarray | None:
    """The combined mask, over rows [lo, hi), of every non-date criterion; None when none is set."""
    parts = [
        _isin(frame, lo, hi, "event_type", flt.event_types),
        _isin(frame, lo, hi, "admin1", flt.regions),
        _isin(frame, lo, hi, "country", flt.countries),
        _isin(frame, lo, hi, "verification", flt.verification),
    ]
    if flt.text or flt.bbox is not None or flt.distance_km is not None:
        window = frame.iloc[lo:hi]
        parts += [_text_mask(window, flt.text), _bbox_mask(window, flt.bbox), _distance_mask(window, flt)]
    parts = [part for part in parts if part is not None]
    if not parts:
        return None
    return np.logical_and.reduce(parts) if len(parts) > 1 else parts[0]


def _isin(frame: pd.DataFrame, lo: int, hi: int, column: str, wanted: tuple[str, ...]) -> np.ndarray | None:
    """Rows [lo, hi) whose `column` is one of `wanted`, compared as integer codes through a lookup table."""
    if not wanted:
        return None
    codes, positions = _index(frame).codes_of(frame, column)
    lookup = np.zeros(len(positions) + 1, dtype=bool)  # the extra last slot answers code -1 (missing): False
    lookup[[positions[name] for name in wanted if name in positions]] = True
    return lookup[codes[lo:hi]]


def _codes(values: pd.Series) -> tuple[np.ndarray, dict[object, int]]:
    """Integer codes and each label's code for a column: the categorical's own, or factorised (once per frame: the
    frame's _FrameIndex keeps them)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy(), {label: code for code, label in enumerate(values.cat.categories)}
    codes, labels = pd.factorize(values.to_numpy(), use_na_sentinel=True)
    return codes, {label: code for code, label in enumerate(labels)}


def _text_mask(window: pd.DataFrame, text: str) -> np.ndarray | None:
    needle = (text or "").strip().casefold()
    if not needle:
        return None
    haystacks = searchable_text(window)
    return np.fromiter((needle in hay for hay in haystacks), dtype=bool, count=len(haystacks))


def searchable_text(frame: pd.DataFrame) -> list[str]:
    """Per row, the casefolded place, region, notes and source titles and excerpts, for free-text search."""
    columns = [frame[name].tolist() for name in TEXT_COLUMNS] + [frame["sources"].tolist()]
    return ["\n".join(_row_text(values)).casefold() for values in zip(*columns)]


def _row_text(values: tuple) -> list[str]:
    *plain, sources = values
    parts = [str(value) for value in plain if isinstance(value, str)]
    for source in sources if isinstance(sources, (list, tuple)) else ():
        parts.extend(str(source.get(key) or "") for key in ("title", "excerpt"))
    return parts


def _bbox_mask(window: pd.DataFrame, bbox: tuple[float, float, float, float] | None) -> np.ndarray | None:
    if bbox is None:
        return None
    south, west, north, east = bbox
    lat = window["lat"].to_numpy(float)
    lon = window["lon"].to_numpy(float)
    in_lat = (lat >= south) & (lat <= north)
    in_lon = (lon >= west) & (lon <= east) if west <= east else (lon >= west) | (lon <= east)
    return in_lat & in_lon


def _distance_mask(window: pd.DataFrame, flt: IncidentFilter) -> np.ndarray | None:
    if flt.distance_km is None:
        return None
    if flt.reference is None:
        raise ValidationError("reference", None, "a distance band needs a reference place (lat, lon)")
    from geodata.distances import distances_from

    low, high = flt.distance_km
    km, _ = distances_from(flt.reference[0], flt.reference[1], window["lat"].to_numpy(float),
                           window["lon"].to_numpy(float))
    km = np.asarray(km, dtype=float)
    return (km >= low) & (km <= high)


def counts_by_type(frame: pd.DataFrame) -> dict[str, int]:
    """How many rows of each event type, every type listed (zero included), in vocabulary order."""
    counts = frame["event_type"].value_counts()
    return {name: int(counts.get(name, 0)) for name in EVENT_TYPES}


def window_bounds(frame: pd.DataFrame) -> tuple[date, date] | None:
    """The first and last incident day of a frame, or None when it has no rows."""
    if frame.empty:
        return None
    days = frame["day"]
    return days.min().date(), days.max().date()
