"""The one place that counts: every figure a view states (KPIs, legend, briefing, CLI) from the selected rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from incidents.model import EVENT_TYPES, STRIKE_TYPES

RESTRICTION = "airspace_restriction"
NO_CASUALTIES = (RESTRICTION,)  # casualties make no sense for these: never counted as "not stated"
DRONE_TYPES = ("drone_strike", "interception")  # where "drones downed" is a figure one expects
STALE_DAYS = 7  # an active restriction last reported longer ago than this before the window's end is not "now"
NOT_STATED = "not stated"
HOURLY_MAX_DAYS = 2  # windows of up to two calendar days are binned by hour (when incidents have a time of day)
APP_BARS = 400  # the app's timeline: days up to this many bars, then weeks, then months
BRIEF_BARS = 62  # the briefing's narrow chart


@dataclass(frozen=True)
class Tally:
    """A count the sources may not state: the sum of the stated values, how many stated one and how many did not,
    among the incidents where the figure makes sense."""

    total: int
    stated: int
    not_stated: int

    def text(self, word: str) -> str:
        """'3+ killed, 2 not stated'; 'not stated' when no incident states a figure; '0 killed' when none apply."""
        if not self.stated and not self.not_stated:
            return f"0 {word}"
        if not self.stated:
            return NOT_STATED
        if not self.not_stated:
            return f"{self.total:,} {word}"
        return f"{self.total:,}+ {word}, {self.not_stated:,} {NOT_STATED}"

    @property
    def headline(self) -> str:
        """The figure alone: '3+', '0' or 'not stated'."""
        if self.stated and self.not_stated:
            return f"{self.total:,}+"
        return NOT_STATED if self.not_stated else f"{self.total:,}"

    @property
    def total_text(self) -> str:
        """'3+ (2 not stated)', '3' or 'not stated': the briefing's form."""
        if self.not_stated and self.stated:
            return f"{self.total:,}+ ({self.not_stated:,} {NOT_STATED})"
        return self.headline


@dataclass(frozen=True)
class AirportStatus:
    """An airport's latest restriction record in the view, as of the window's end."""

    airport: str  # ICAO, else IATA, else the place's name
    place: str
    status: str  # 'active', 'lifted' or 'not stated'
    last_reported: str  # YYYY-MM-DD of the latest record
    age_days: int  # days from the latest record to the window's end
    stale: bool  # active, but reported more than STALE_DAYS before the window's end

    @property
    def text(self) -> str:
        """'active, last reported on 2024-12-21' (and how old that is when stale); 'lifted on …'."""
        if self.status == "lifted":
            return f"lifted, reported on {self.last_reported}"
        if self.status != "active":
            return f"status {NOT_STATED}, last reported on {self.last_reported}"
        text = f"active, last reported on {self.last_reported}"
        return f"{text} ({self.age_days:,} days before the window's end; no lifting reported)" if self.stale else text


@dataclass(frozen=True)
class Timeline:
    """Incidents per bin and event type: `starts` (ISO bin starts), `counts` (one row per bin, in EVENT_TYPES
    order), the bin `unit` (hour, day, week, month) and how many incidents an hourly timeline leaves out."""

    unit: str
    starts: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    untimed: int = 0

    def table(self) -> pd.DataFrame:
        """Bins (a DatetimeIndex) x event types."""
        index = pd.DatetimeIndex(pd.to_datetime(list(self.starts)), name="bucket")
        return pd.DataFrame(list(self.counts) or None, index=index, columns=list(EVENT_TYPES)).fillna(0).astype(int)


@dataclass(frozen=True)
class Figures:
    """What one view says, computed once: every consumer renders these and nothing else."""

    start: str | None  # the window as selected (None = open)
    end: str | None
    as_of: str | None  # the window's end, else the newest incident in the store
    data_as_of: str | None  # the newest incident in the store
    incidents: int
    by_type: dict[str, int]
    strikes: int
    killed: Tally
    injured: Tally
    drones_downed: Tally
    restriction_records: dict[str, int]  # restriction incidents by status: active, lifted, none
    airports: tuple[AirportStatus, ...]
    timeline: Timeline

    @property
    def restricted(self) -> tuple[AirportStatus, ...]:
        """Airports restricted as of the window's end: latest record active and not stale."""
        return tuple(a for a in self.airports if a.status == "active" and not a.stale)

    @property
    def stale(self) -> tuple[AirportStatus, ...]:
        """Airports whose latest record is active but too old to call restricted as of the window's end."""
        return tuple(a for a in self.airports if a.status == "active" and a.stale)

    def restricted_text(self) -> str:
        """'2 airports restricted as of 2024-12-21' plus the stale ones, in words."""
        text = f"{plural(len(self.restricted), 'airport')} restricted as of {self.as_of or 'the window’s end'}"
        if self.stale:
            text += (f" ({plural(len(self.stale), 'more airport')} last reported active over {STALE_DAYS} days "
                     f"earlier, no lifting reported)")
        return text

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (the CLI's output)."""
        out = asdict(self)
        for name in ("killed", "injured", "drones_downed"):
            out[name]["text"] = getattr(self, name).text(name.replace("_", " "))
        out["restricted"] = [a.airport for a in self.restricted]
        out["restricted_stale"] = [a.airport for a in self.stale]
        out["airports"] = [{**asdict(a), "text": a.text} for a in self.airports]
        out["timeline"] = {"unit": self.timeline.unit, "untimed": self.timeline.untimed, "types": list(EVENT_TYPES),
                           "bins": [{"start": s, "counts": list(c)} for s, c in zip(self.timeline.starts,
                                                                                    self.timeline.counts)]}
        return out


def count_text(value: Any) -> str:
    """One incident's count as a reader sees it: '1,234', or 'not stated' (never 0 for unknown)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return NOT_STATED
    return f"{int(value):,}"


def plural(count: int, noun: str) -> str:
    """'1 strike', '3,119 strikes'."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def figures(view: pd.DataFrame, start: date | None = None, end: date | None = None, *,
            data_as_of: date | None = None, max_bars: int = APP_BARS, hourly: bool = True) -> Figures:
    """The figures of the selected rows `view` (frame contract or catalog rows) for the window [start, end];
    `data_as_of` is the newest incident in the store (the window's end when it is open)."""
    codes = type_codes(view["event_type"])
    harmful = ~np.isin(codes, _positions(NO_CASUALTIES))
    as_of = end or data_as_of or _last_day(view)
    return Figures(
        start=_iso(start), end=_iso(end), as_of=_iso(as_of), data_as_of=_iso(data_as_of),
        incidents=len(view),
        by_type=_counted(codes),
        strikes=int(np.isin(codes, _positions(STRIKE_TYPES)).sum()),
        killed=tally(view["killed"], harmful),
        injured=tally(view["injured"], harmful),
        drones_downed=tally(view["drones_downed"], np.isin(codes, _positions(DRONE_TYPES))),
        restriction_records=restriction_records(view),
        airports=airport_statuses(view, as_of),
        timeline=timeline(view, start, end, max_bars=max_bars, hourly=hourly),
    )


def type_codes(types: pd.Series) -> np.ndarray:
    """Each row's event type as its position in EVENT_TYPES (-1 for anything else); a catalog's codes as they are."""
    if isinstance(types.dtype, pd.CategoricalDtype) and tuple(types.cat.categories) == EVENT_TYPES:
        return types.cat.codes.to_numpy()
    return pd.Categorical(types.astype(object), categories=EVENT_TYPES).codes


def type_counts(types: pd.Series) -> dict[str, int]:
    """Incidents per event type, every type in EVENT_TYPES order (zeros included)."""
    return _counted(type_codes(types))


def _counted(codes: np.ndarray) -> dict[str, int]:
    counts = np.bincount(codes[codes >= 0], minlength=len(EVENT_TYPES))
    return {name: int(count) for name, count in zip(EVENT_TYPES, counts)}


def _positions(types: tuple[str, ...]) -> list[int]:
    return [EVENT_TYPES.index(name) for name in types]


def tally(values: pd.Series, applies: pd.Series) -> Tally:
    """The stated sum of `values` (over every row that states one) and how many rows where the figure `applies`
    did not state it."""
    values = pd.array(values, dtype="Int64")
    stated = ~np.asarray(values.isna(), dtype=bool)
    applies = np.asarray(applies, dtype=bool) | stated
    total = int(np.asarray(values.fillna(0), dtype=np.int64)[stated].sum())
    return Tally(total, int(stated.sum()), int((applies & ~stated).sum()))


def restriction_records(view: pd.DataFrame) -> dict[str, int]:
    """Airspace-restriction incidents by status: active, lifted and not stated ('none')."""
    status = view.loc[_is_restriction(view), "status"].astype(object)
    return {"active": int(status.eq("active").sum()), "lifted": int(status.eq("lifted").sum()),
            "none": int(status.isna().sum())}


def _is_restriction(view: pd.DataFrame) -> np.ndarray:
    return type_codes(view["event_type"]) == EVENT_TYPES.index(RESTRICTION)


def airport_key(view: pd.DataFrame) -> pd.Series:
    """Per row the airport it names: ICAO code, else IATA code, else the place's name (None when none)."""
    key = view["airport_icao"].astype(object)
    for column in ("airport_iata", "place"):
        key = key.where(key.notna() & key.ne(""), view[column].astype(object))
    return key.where(key.notna() & key.ne(""), None)


def airport_statuses(view: pd.DataFrame, as_of: date | None) -> tuple[AirportStatus, ...]:
    """Per airport its latest restriction record in the view (by day, then start instant), as of `as_of`."""
    rows = view[_is_restriction(view)]
    if rows.empty:
        return ()
    table = pd.DataFrame({"airport": airport_key(rows), "day": rows["day"], "status": rows["status"].astype(object),
                          "place": rows["place"].astype(object)})
    utc = rows["start_utc"].to_numpy("datetime64[ns]").view(np.int64)  # NaT (a bare date) sorts first in its day
    order = np.lexsort((utc, rows["day"].to_numpy("datetime64[ns]").view(np.int64)))
    latest = table.iloc[order].dropna(subset=["airport"]).drop_duplicates("airport", keep="last")
    out = []
    for record in latest.sort_values("airport").to_dict("records"):
        status = record["status"] if isinstance(record["status"], str) else NOT_STATED
        day = record["day"].date()
        age = (as_of - day).days if as_of else 0
        out.append(AirportStatus(str(record["airport"]), str(record["place"] or ""), status, day.isoformat(), age,
                                 status == "active" and age > STALE_DAYS))
    return tuple(out)


def timeline(view: pd.DataFrame, start: date | None, end: date | None, *, max_bars: int = APP_BARS,
             hourly: bool = True) -> Timeline:
    """Incidents per bin and type over the window (open ends: the data's first/last day), every bin listed.

    By hour for windows of up to HOURLY_MAX_DAYS days when some incident there has a time of day (the others are
    counted in `untimed`); else by day up to `max_bars` days, by week (Mondays) up to 7 x `max_bars`, else by month."""
    first = start or _first_day(view)
    last = end or _last_day(view)
    if first is None or last is None:
        return Timeline("day", (), ())
    days = (last - first).days + 1
    timed = view["start_utc"].notna().to_numpy(bool)
    if hourly and days <= HOURLY_MAX_DAYS and timed.any():
        return _hourly(view, timed)
    freq, unit = ("D", "day") if days <= max_bars else ("W-MON", "week") if days <= 7 * max_bars else ("MS", "month")
    origin = pd.Timestamp(first)
    origin = origin - pd.Timedelta(days=origin.weekday()) if unit == "week" else origin
    origin = origin.replace(day=1) if unit == "month" else origin
    starts = pd.date_range(origin, pd.Timestamp(last), freq=freq)
    return _binned(unit, starts, view["day"].to_numpy("datetime64[ns]"), type_codes(view["event_type"]), 0)


def _hourly(view: pd.DataFrame, timed: np.ndarray) -> Timeline:
    """UTC hours from the first to the last timed incident."""
    instants = view["start_utc"][timed].dt.tz_convert("UTC").dt.tz_localize(None).dt.floor("h")
    starts = pd.date_range(instants.min(), instants.max(), freq="h")
    return _binned("hour", starts, instants.to_numpy("datetime64[ns]"), type_codes(view["event_type"])[timed],
                   int((~timed).sum()))


def _binned(unit: str, starts: pd.DatetimeIndex, moments: np.ndarray, types: np.ndarray, untimed: int) -> Timeline:
    if not len(starts):
        return Timeline(unit, (), (), untimed)
    position = starts.searchsorted(moments, side="right") - 1
    inside = (position >= 0) & (position < len(starts))
    codes = types[inside]
    flat = position[inside] * len(EVENT_TYPES) + codes
    counts = np.bincount(flat[codes >= 0], minlength=len(starts) * len(EVENT_TYPES)).reshape(len(starts), -1)
    iso = starts.strftime("%Y-%m-%dT%H:%M" if unit == "hour" else "%Y-%m-%d")
    return Timeline(unit, tuple(iso), tuple(tuple(int(v) for v in row) for row in counts), untimed)


def _first_day(view: pd.DataFrame) -> date | None:
    days = view["day"].dropna()
    return None if days.empty else days.min().date()


def _last_day(view: pd.DataFrame) -> date | None:
    days = view["day"].dropna()
    return None if days.empty else days.max().date()


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def verification_counts(view: pd.DataFrame) -> dict[str, int]:
    """Incidents per verification status, every status in VERIFICATIONS order (zeros included; others as 'reported')."""
    from incidents.model import VERIFICATIONS

    values = view["verification"].astype(object).where(view["verification"].notna(), "reported") if len(view) else []
    codes = pd.Categorical(values, categories=VERIFICATIONS).codes
    counts = np.bincount(codes[codes >= 0], minlength=len(VERIFICATIONS))
    return {name: int(count) for name, count in zip(VERIFICATIONS, counts)}


def verification_text(counts: dict[str, int]) -> str:
    """'3 reported · 1 confirmed · 19 synthetic': the statuses present, in VERIFICATIONS order ('' when none)."""
    return " · ".join(f"{count:,} {name}" for name, count in counts.items() if count)
