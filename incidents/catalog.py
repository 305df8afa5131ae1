"""The read model: one day-sorted columnar catalog per store version (hot columns only; details loaded on demand)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from incidents.frames import FIELDS, finish_frame, with_reference
from incidents.model import (
    EVENT_TYPES,
    GEO_PRECISIONS,
    REVIEW_STATES,
    STATUSES,
    TIME_PRECISIONS,
    VERIFICATIONS,
    IncidentFilter,
)

HOT_COLUMNS = (
    "id", "event_type", "place", "admin1", "country", "lat", "lon", "geo_precision", "started_at", "ended_at",
    "time_precision", "killed", "injured", "drones_downed", "airport_iata", "airport_icao", "status",
    "verification", "review", "notes", "source_url", "day", "start_utc", "ref_km", "ref_bearing", "ref_compass",
)
DETAIL_COLUMNS = ("sources", "evidence", "origin", "distance_claim")
STORED_COLUMNS = (*(name for name in HOT_COLUMNS if name in FIELDS), "sources")  # what a store's catalog read asks for
TEXT_DEFAULTS = ("place", "admin1", "country", "notes")  # read as "" where nothing is stored, as Storage.frame() does
FIXED_CATEGORIES = {  # low-cardinality columns with a closed vocabulary: codes are the vocabulary's order
    "event_type": EVENT_TYPES, "geo_precision": GEO_PRECISIONS, "time_precision": TIME_PRECISIONS,
    "status": STATUSES, "verification": VERIFICATIONS, "review": REVIEW_STATES,
}
OPEN_CATEGORIES = ("place", "admin1", "country", "ref_compass")  # low cardinality, open vocabulary
ARROW_STRINGS = ("id", "started_at", "ended_at", "airport_iata", "airport_icao", "notes", "source_url")
"""Kept as pyarrow strings: one buffer per column instead of a million Python objects, which would pin the memory
of the whole store frame they were read with."""
CODED_COLUMNS = ("event_type", "admin1", "country", "verification", "review")  # the ones selection filters by code
TEXT_COLUMNS = ("place", "admin1", "notes")
FIRST_DAY = pd.Timestamp("1900-01-01")
LAST_DAY = pd.Timestamp("2100-12-31")
LOOKUP_LIMIT = 5000  # more ids than this: details are read in one pass over the store instead of one lookup each
MAX_PROBLEMS = 1000  # problems kept word for word; `skipped` counts them all
_EPOCH = np.datetime64("1970-01-01", "D")

DetailLoader = Callable[[Sequence[str]], pd.DataFrame]


@dataclass(frozen=True)
class Reference:
    """The place distances and bearings are measured from: its name and (lat, lon)."""

    name: str
    lat: float
    lon: float

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)


@dataclass(frozen=True, eq=False)
class Catalog:
    """Every readable incident of one store version, read-only.

    `frame`: the hot columns (HOT_COLUMNS), sorted by day then id, RangeIndex; closed vocabularies as categoricals
    in vocabulary order. `days`: each row's day as int64 days since 1970-01-01 (sorted, for binary search).
    `texts` and `text_codes`: each distinct casefolded search text (place, region, notes, source titles and
    excerpts; a pyarrow string array) and, per row, the position of its text there (int32).
    `problems`: the stored rows left out, one {"id", "field", "value", "message"} each (at most MAX_PROBLEMS).
    """

    frame: pd.DataFrame
    days: np.ndarray
    texts: pa.Array
    text_codes: np.ndarray
    version: int = 0
    reference: Reference | None = None
    problems: tuple[dict[str, str], ...] = ()
    skipped: int = 0
    loader: DetailLoader | None = field(default=None, repr=False)
    codes: dict[str, tuple[np.ndarray, dict[str, int]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for name in CODED_COLUMNS:  # each categorical's integer codes and each label's code, taken out once
            if name in self.frame.columns and name not in self.codes:
                column = self.frame[name]
                labels = {label: code for code, label in enumerate(column.cat.categories)}
                self.codes[name] = (column.cat.codes.to_numpy(), labels)

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def newest(self) -> date | None:
        """The newest incident day: what the data is 'as of'."""
        return None if not len(self.days) else (_EPOCH + self.days[-1]).astype(date)

    @property
    def oldest(self) -> date | None:
        return None if not len(self.days) else (_EPOCH + self.days[0]).astype(date)

    @property
    def bounds(self) -> tuple[date, date] | None:
        """(oldest, newest) incident day, or None for an empty catalog."""
        return None if not len(self.days) else (self.oldest, self.newest)

    def details(self, ids: Iterable[str]) -> pd.DataFrame:
        """`id` plus sources, evidence, origin and distance_claim of the incidents `ids`, loaded now (from the store
        for a store's catalog); unknown ids are left out."""
        wanted = list(dict.fromkeys(str(i) for i in ids))
        if self.loader is None or not wanted:
            return _no_details()
        return self.loader(wanted)

    def with_details(self, rows: pd.DataFrame) -> pd.DataFrame:
        """`rows` (catalog rows) with the detail columns added (shared empty values where none were found)."""
        found = self.details(rows["id"].tolist()).set_index("id")
        out = plain(rows)
        for name in DETAIL_COLUMNS:
            looked_up = out["id"].map(found[name]) if len(found) else pd.Series(None, index=out.index, dtype=object)
            out[name] = looked_up.astype(object).where(looked_up.notna(), None)
        out["sources"] = [value if value is not None else () for value in out["sources"]]
        return out


def plain(rows: pd.DataFrame) -> pd.DataFrame:
    """A copy of catalog rows with the pyarrow string columns as Python objects (None where missing), as record
    consumers expect them."""
    out = rows.copy()
    for name in ARROW_STRINGS:
        if name in out.columns:
            values = out[name].astype(object)
            out[name] = values.where(values.notna(), None)
    return out


def build_catalog(frame: pd.DataFrame, *, version: int = 0, reference: Reference | None = None,
                  loader: DetailLoader | None = None) -> Catalog:
    """The catalog of a frame in the frame contract (as `Storage.frame()` gives it): bad rows reported and left out,
    hot columns kept, distances from `reference`. Without a `loader`, details come from the frame's own columns."""
    problems, keep = _problems(frame)
    skipped = int((~keep).sum())
    good = frame[keep] if skipped else frame
    good = _day_sorted(good)
    if loader is None:
        loader = _frame_loader(good)
    text_codes, texts = search_texts(good)
    kept = good[[name for name in HOT_COLUMNS if name in good.columns]].assign(source_url=_first_urls(good))
    del good  # the heavy columns (sources, evidence, origin) go with it
    if reference is not None:
        kept = with_reference(kept, reference.lat, reference.lon)
    hot = pd.DataFrame({name: _hot(kept, name) for name in HOT_COLUMNS if name in kept.columns or name == "notes"})
    days = (kept["day"].to_numpy("datetime64[D]") - _EPOCH).astype(np.int64)
    return Catalog(hot, days, pa.array(texts, type=pa.large_string()), text_codes, int(version),
                   reference, tuple(problems), skipped, loader)


def load_catalog(store: Any, reference: Reference | None = None) -> Catalog:
    """The catalog of a store (anything with the Storage protocol's `version`, `catalog` and `get`) at its current
    version, read with only the columns it keeps; details are read back from the same store by id."""
    version = int(store.version())
    return build_catalog(read_stored(store), version=version, reference=reference, loader=store_loader(store))


def read_stored(store: Any) -> pd.DataFrame:
    """The stored fields the catalog keeps (STORED_COLUMNS) in the frame contract's dtypes, through the store's
    `catalog(flt, columns)` read: of the JSON fields only `sources` is decoded (search text and the table's link),
    no record object is made, and the other detail fields are left empty."""
    raw = store.catalog(IncidentFilter(review=()), STORED_COLUMNS)  # every review state: selection picks
    empty = [None] * len(raw)
    columns = {name: _stored_column(raw, name) if name in raw.columns else empty for name in FIELDS}
    day, start_utc = parse_starts(pd.Series(columns["started_at"], dtype=object))
    # ordered by day then id by the store (build_catalog checks)
    return finish_frame(columns, day=day, start_utc=start_utc, presorted=True)


ISO_START = r"^(?P<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?P<sec>:\d{2})?(?P<tz>Z|[+-]\d{2}:\d{2})$"
_NS_YEARS = (1678, 2261)  # whole years pandas' datetime64[ns] holds


def parse_starts(started: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Each start's day and UTC instant as incidents.frames derives them (NaT for a bare date's instant and for
    text that does not parse), in pyarrow's vectorised kernels for the common ISO form (YYYY-MM-DDTHH:MM[:SS] with
    Z or an offset); pandas' ISO 8601 parser reads only the other timed values."""
    text = pa.array(started.astype(object).where(started.map(type).eq(str), None), type=pa.large_string())
    day = _days(text)
    parts = pc.extract_regex(text, pattern=ISO_START)
    matched = _flags(parts.is_valid())
    seconds = parts.field("sec")
    local = pc.binary_join_element_wise(parts.field("local"), pc.if_else(pc.equal(seconds, ""), ":00", seconds),
                                        pa.scalar("", pa.large_string()))
    moment = _checked(local, pc.strptime(local, format="%Y-%m-%dT%H:%M:%S", unit="s", error_is_null=True))
    zones, where = np.unique(parts.field("tz").to_numpy(zero_copy_only=False).astype(str), return_inverse=True)
    minutes = np.array([_offset_minutes(zone) for zone in zones], dtype=np.int64)[where.reshape(-1)]
    utc = np.where(matched, moment - minutes.astype("timedelta64[m]"), np.datetime64("NaT"))
    out = pd.Series(pd.to_datetime(utc.astype("datetime64[ns]")).tz_localize("UTC"), index=started.index)
    lengths = pc.utf8_length(text).to_numpy(zero_copy_only=False)
    rest = ~matched & (np.nan_to_num(lengths.astype(float), nan=0) > 10)
    if rest.any():
        others = started[rest].astype(str)
        out[rest] = pd.to_datetime(others.str.replace("Z", "+00:00"), utc=True, format="ISO8601", errors="coerce")
    return pd.Series(day.astype("datetime64[ns]"), index=started.index), out


def _days(text: pa.Array) -> np.ndarray:
    """Each text's day (its first ten characters, YYYY-MM-DD) as datetime64[s]; pandas reads the other forms."""
    head = pc.utf8_slice_codeunits(text, 0, 10)
    strict = _flags(pc.match_substring_regex(head, pattern=r"^\d{4}-\d{2}-\d{2}$"))
    days = _checked(head, pc.strptime(head, format="%Y-%m-%d", unit="s", error_is_null=True))
    days[~strict] = np.datetime64("NaT")
    loose = ~strict & _flags(pc.is_valid(head))
    if loose.any():
        others = pd.Series(head.to_numpy(zero_copy_only=False)[loose], dtype=object)
        days[loose] = pd.to_datetime(others, format="%Y-%m-%d", errors="coerce").to_numpy("datetime64[s]")
    return days


def _checked(text: pa.Array, parsed: pa.Array) -> np.ndarray:
    """Parsed YYYY-MM-DD… values whose day of month is the text's own (pyarrow rolls 02-30 over to 03-01; pandas
    calls it no date), within the years pandas holds; NaT otherwise."""
    stated = pc.utf8_slice_codeunits(text, 8, 10)
    digits = pc.match_substring_regex(stated, pattern=r"^\d\d$")
    day_of_month = pc.cast(pc.if_else(digits, stated, "0"), pa.int64())
    values = _in_ns_range(parsed)
    values[~_flags(pc.equal(pc.day(parsed), day_of_month))] = np.datetime64("NaT")
    return values


def _flags(values: pa.Array) -> np.ndarray:
    """A pyarrow boolean array as numpy booleans, missing as False."""
    return pc.fill_null(values, False).to_numpy(zero_copy_only=False).astype(bool)


def _in_ns_range(values: pa.Array) -> np.ndarray:
    """A pyarrow timestamp[s] array as datetime64[s], NaT for missing values and years pandas cannot hold."""
    seconds = values.to_numpy(zero_copy_only=False).astype("datetime64[s]")
    years = seconds.astype("datetime64[Y]").astype(np.int64) + 1970
    return np.where((years >= _NS_YEARS[0]) & (years <= _NS_YEARS[1]), seconds, np.datetime64("NaT"))


def _offset_minutes(zone: str) -> int:
    """Minutes east of UTC of 'Z' or '+HH:MM' / '-HH:MM' (0 for anything else: those rows are not matched)."""
    if len(zone) != 6:
        return 0
    return (-1 if zone[0] == "-" else 1) * (int(zone[1:3]) * 60 + int(zone[4:6]))


def _stored_column(raw: pd.DataFrame, name: str) -> Any:
    values = raw[name]
    if name == "sources":
        return [_sources(value) for value in values.to_numpy(dtype=object)]
    if name in TEXT_DEFAULTS:
        return values.astype(object).where(values.notna(), "")
    return values


def _sources(value: Any) -> Any:
    """A stored `sources` value (JSON text, or already a list) as a list; () when empty or unreadable."""
    if value is None or value == "[]" or value == "":
        return ()
    if not isinstance(value, str):
        return value if isinstance(value, (list, tuple)) else ()
    try:
        decoded = json.loads(value)
    except ValueError:
        return ()
    return decoded if isinstance(decoded, list) else ()


def store_loader(store: Any) -> DetailLoader:
    """A detail loader over the store's public reads: `store.get` per id for up to LOOKUP_LIMIT ids, else one
    `store.frame()` read (a batched `get_many(ids)` in the Storage protocol would make both one query)."""

    def load(ids: Sequence[str]) -> pd.DataFrame:
        if len(ids) > LOOKUP_LIMIT:
            return _frame_loader(store.frame())(ids)
        records = [incident.to_dict() for incident in (store.get(i) for i in ids) if incident is not None]
        return _details_frame(records)

    return load


def _frame_loader(frame: pd.DataFrame) -> DetailLoader:
    present = [name for name in DETAIL_COLUMNS if name in frame.columns]
    table = frame[["id", *present]].drop_duplicates("id").set_index("id") if present else None

    def load(ids: Sequence[str]) -> pd.DataFrame:
        if table is None:
            return _no_details()
        rows = table.reindex([i for i in ids if i in table.index])
        return _details_frame(rows.reset_index().to_dict("records"))

    return load


def _details_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    if not records:
        return _no_details()
    return pd.DataFrame({name: pd.Series([record.get(name) for record in records], dtype=object)
                         for name in ("id", *DETAIL_COLUMNS)})


def _no_details() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series([], dtype=object) for name in ("id", *DETAIL_COLUMNS)})


def _problems(frame: pd.DataFrame) -> tuple[list[dict[str, str]], np.ndarray]:
    """One problem per unreadable row (its first bad field; at most MAX_PROBLEMS) and the mask of the rows to keep."""
    checks = [
        ("id", (frame["id"].isna() | frame["id"].astype(object).eq("")).to_numpy(bool), "no incident id"),
        ("started_at", ~_in_range(frame["day"]), "not a date between 1900-01-01 and 2100-12-31 (YYYY-MM-DD…)"),
        ("event_type", ~frame["event_type"].isin(EVENT_TYPES).to_numpy(bool),
         f"not an event type; use one of {', '.join(EVENT_TYPES)}"),
        ("lat", ~_between(frame["lat"], -90.0, 90.0), "not a latitude between -90 and 90"),
        ("lon", ~_between(frame["lon"], -180.0, 180.0), "not a longitude between -180 and 180"),
    ]
    bad = np.zeros(len(frame), dtype=bool)
    problems: list[dict[str, str]] = []
    for name, wrong, message in checks:
        for row in np.flatnonzero(wrong & ~bad)[:max(0, MAX_PROBLEMS - len(problems))]:
            problems.append({"id": str(frame["id"].iloc[row])[:80], "field": name,
                             "value": str(frame[name].iloc[row])[:80],
                             "message": f"{message}; the row is left out until it is corrected"})
        bad |= wrong
    return problems, ~bad


def _in_range(days: pd.Series) -> np.ndarray:
    values = pd.to_datetime(days, errors="coerce")
    return (values.notna() & (values >= FIRST_DAY) & (values <= LAST_DAY)).to_numpy(bool)


def _between(values: pd.Series, low: float, high: float) -> np.ndarray:
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(float)
    with np.errstate(invalid="ignore"):
        return (numbers >= low) & (numbers <= high)


def _first_urls(frame: pd.DataFrame) -> list[str | None]:
    """Per row the URL of its first source that has one (the table's link), else None."""
    if "sources" not in frame.columns:
        return [None] * len(frame)
    return [next((str(s.get("url")) for s in sources if isinstance(s, dict) and s.get("url")), None)
            if isinstance(sources, (list, tuple)) and sources else None for sources in frame["sources"]]


def _day_sorted(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame sorted by day then id, RangeIndex (no copy of the data when it is sorted already)."""
    if not frame["day"].is_monotonic_increasing:
        frame = frame.sort_values(["day", "id"], kind="stable")
    return frame.reset_index(drop=True)


def _hot(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    values = frame[name]
    if name in FIXED_CATEGORIES:
        return pd.Series(pd.Categorical(values.astype(object), categories=FIXED_CATEGORIES[name]), index=frame.index)
    if name in OPEN_CATEGORIES:
        return values.astype(object).astype("category")
    if name in ARROW_STRINGS:
        return values.astype(object).where(values.notna(), None).astype("string[pyarrow]")
    return values


def search_texts(frame: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Per row the code of its search text, and the distinct texts: casefolded place, region, notes and source titles
    and excerpts. Rows are joined column-wise and factorised first, so each distinct text is casefolded once."""
    joined = _text_part(frame, TEXT_COLUMNS[0])
    for name in TEXT_COLUMNS[1:]:
        joined = joined + "\n" + _text_part(frame, name)
    if "sources" in frame.columns:
        sources = frame["sources"].to_numpy(dtype=object)
        cited = np.flatnonzero([isinstance(value, (list, tuple)) and len(value) > 0 for value in sources])
        for row in cited:
            joined[row] = "\n".join([joined[row], *_source_text(sources[row])])
    codes, uniques = pd.factorize(joined)
    return codes.astype(np.int32), ["\n".join(part for part in text.split("\n") if part).casefold() for text in uniques]


def search_text(frame: pd.DataFrame) -> list[str]:
    """Per row the casefolded search text (see search_texts)."""
    codes, texts = search_texts(frame)
    return [texts[code] for code in codes]


def _text_part(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    values = frame[name].astype(object)
    return values.where(values.map(type).eq(str), "").to_numpy(dtype=object)


def _source_text(sources: list | tuple) -> list[str]:
    return [str(source.get(key) or "") for source in sources if isinstance(source, dict) for key in ("title", "excerpt")]
