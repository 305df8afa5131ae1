"""Pure selection: a binary-searched date window first, then masks over that window only (catalog or plain frame)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from incidents.catalog import Catalog, search_texts
from incidents.errors import ValidationError
from incidents.model import EVENT_TYPES, IncidentFilter

CODED = (("event_type", "event_types"), ("admin1", "regions"), ("country", "countries"),
         ("verification", "verification"), ("review", "review"))
_EPOCH = np.datetime64("1970-01-01", "D")


def positions(catalog: Catalog, flt: IncidentFilter) -> np.ndarray:
    """The catalog rows (ascending positions, so in day order) that pass every part of the filter."""
    lo, hi = day_range(catalog.days, flt.start, flt.end)
    mask = _catalog_mask(catalog, lo, hi, flt)
    return np.arange(lo, hi) if mask is None else lo + np.flatnonzero(mask)


def rows(catalog: Catalog, where: np.ndarray) -> pd.DataFrame:
    """The catalog rows at `where` as a frame (a slice, not a copy, when they are one contiguous run)."""
    if len(where) and where[-1] - where[0] + 1 == len(where):
        return catalog.frame.iloc[int(where[0]):int(where[-1]) + 1]
    return catalog.frame.take(where)


def select_catalog(catalog: Catalog, flt: IncidentFilter) -> pd.DataFrame:
    """The catalog rows passing `flt`, as a frame in day order."""
    return rows(catalog, positions(catalog, flt))


def day_range(days: np.ndarray, start: date | None, end: date | None) -> tuple[int, int]:
    """Positions [lo, hi) of the sorted day numbers (days since 1970-01-01) that lie in [start, end]."""
    lo = 0 if start is None else int(np.searchsorted(days, _day_number(start), side="left"))
    hi = len(days) if end is None else int(np.searchsorted(days, _day_number(end) + 1, side="left"))
    return lo, max(lo, hi)


def _day_number(value: date) -> int:
    return int((np.datetime64(value.isoformat(), "D") - _EPOCH).astype(np.int64))


def _catalog_mask(catalog: Catalog, lo: int, hi: int, flt: IncidentFilter) -> np.ndarray | None:
    frame = catalog.frame
    parts = [_coded(catalog.codes[column], lo, hi, getattr(flt, attribute)) for column, attribute in CODED]
    parts.append(_coded_text(catalog, lo, hi, flt.text))
    if flt.bbox is not None or flt.distance_km is not None:
        window = frame.iloc[lo:hi]
        parts += [_bbox_mask(window, flt.bbox), _distance_mask(window, flt, _reference_km(catalog, window, flt))]
    return _combined(parts)


def _combined(parts: list[np.ndarray | None]) -> np.ndarray | None:
    parts = [part for part in parts if part is not None]
    if not parts:
        return None
    return np.logical_and.reduce(parts) if len(parts) > 1 else parts[0]


def _coded(coded: tuple[np.ndarray, dict[str, int]], lo: int, hi: int, wanted: tuple[str, ...]) -> np.ndarray | None:
    """Rows [lo, hi) whose categorical column (its codes, each label's code) is one of `wanted`, by a lookup table."""
    if not wanted:
        return None
    codes, labels = coded
    lookup = np.zeros(len(labels) + 1, dtype=bool)  # the last slot answers code -1 (missing): False
    lookup[[labels[w] for w in wanted if w in labels]] = True
    return lookup[codes[lo:hi]]


def _coded_text(catalog: Catalog, lo: int, hi: int, text: str) -> np.ndarray | None:
    """Rows [lo, hi) whose search text holds `text`: each distinct text is searched once (or only the window's texts,
    when the window has fewer rows than the catalog has texts)."""
    if not (text or "").strip():
        return None
    codes = catalog.text_codes[lo:hi]
    if hi - lo < len(catalog.texts):
        return _contains(catalog.texts.take(pa.array(codes)), text)
    return _contains(catalog.texts, text)[codes]


def _contains(texts: pa.Array, text: str) -> np.ndarray:
    """Which of the (casefolded) `texts` hold `text`, casefolded, by pyarrow's substring kernel."""
    found = pc.match_substring(texts, pattern=text.strip().casefold())
    return found.to_numpy(zero_copy_only=False).astype(bool)


def _reference_km(catalog: Catalog, window: pd.DataFrame, flt: IncidentFilter) -> np.ndarray | None:
    """The catalog's own distances when the filter measures from the catalog's reference place."""
    ref = catalog.reference
    if flt.distance_km is None or ref is None or flt.reference is None or "ref_km" not in window.columns:
        return None
    if not np.allclose(flt.reference, ref.point, atol=1e-9):
        return None
    return window["ref_km"].to_numpy(float)


# --- plain frames (the frame contract, sorted by day): the command line, exports and briefings ---

def select(frame: pd.DataFrame, flt: IncidentFilter) -> pd.DataFrame:
    """The rows of `frame` (sorted by `day`) that pass every part of the filter, in frame order."""
    lo, hi = window_slice(frame, flt.start, flt.end)
    window = frame.iloc[lo:hi]
    parts = [_isin(window, column, getattr(flt, attribute)) for column, attribute in CODED]
    parts += [_frame_text(window, flt.text), _bbox_mask(window, flt.bbox), _distance_mask(window, flt)]
    mask = _combined(parts)
    return window if mask is None else window[mask]


def window_slice(frame: pd.DataFrame, start: date | None, end: date | None) -> tuple[int, int]:
    """Positions [lo, hi) of the frame's rows whose day lies in [start, end], by binary search on `day`."""
    return day_range(sorted_days(frame), start, end)


def sorted_days(frame: pd.DataFrame) -> np.ndarray:
    """The frame's days as day numbers, checked to be sorted (rows without a day sort last)."""
    days = frame["day"].to_numpy(dtype="datetime64[D]")
    numbers = np.where(np.isnat(days), np.iinfo(np.int64).max, (days - _EPOCH).astype(np.int64))
    if len(numbers) > 1 and bool((numbers[1:] < numbers[:-1]).any()):
        raise ValueError("the frame must be sorted by `day` (build it with incidents.frames.to_frame)")
    return numbers


def _isin(window: pd.DataFrame, column: str, wanted: tuple[str, ...]) -> np.ndarray | None:
    return None if not wanted else window[column].isin(wanted).to_numpy(bool)


def _frame_text(window: pd.DataFrame, text: str) -> np.ndarray | None:
    if not (text or "").strip():
        return None
    codes, texts = search_texts(window)
    return _contains(pa.array(texts, type=pa.large_string()), text)[codes]


def _bbox_mask(window: pd.DataFrame, bbox: tuple[float, float, float, float] | None) -> np.ndarray | None:
    if bbox is None:
        return None
    south, west, north, east = bbox
    lat = window["lat"].to_numpy(float)
    lon = window["lon"].to_numpy(float)
    in_lat = (lat >= south) & (lat <= north)
    in_lon = (lon >= west) & (lon <= east) if west <= east else (lon >= west) | (lon <= east)
    return in_lat & in_lon


def _distance_mask(window: pd.DataFrame, flt: IncidentFilter, km: np.ndarray | None = None) -> np.ndarray | None:
    if flt.distance_km is None:
        return None
    if flt.reference is None:
        raise ValidationError("reference", None, "a distance band needs a reference place (lat, lon)")
    if km is None:
        from geodata.distances import distances_from

        km, _ = distances_from(flt.reference[0], flt.reference[1], window["lat"].to_numpy(float),
                               window["lon"].to_numpy(float))
    low, high = flt.distance_km
    km = np.asarray(km, dtype=float)
    return (km >= low) & (km <= high)


def without(flt: IncidentFilter, attribute: str) -> IncidentFilter:
    """The filter with one criterion cleared (what a facet's counts are taken under)."""
    return replace(flt, **{attribute: () if attribute != "text" else ""})


def counts_by_type(frame: pd.DataFrame) -> dict[str, int]:
    """How many rows of each event type, every type listed (zero included), in vocabulary order."""
    counts = frame["event_type"].value_counts()
    return {name: int(counts.get(name, 0)) for name in EVENT_TYPES}


def window_bounds(frame: pd.DataFrame) -> tuple[date, date] | None:
    """The first and last incident day of a frame, or None when it has no rows."""
    days = frame["day"].dropna()
    if days.empty:
        return None
    return days.min().date(), days.max().date()
