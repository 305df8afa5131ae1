"""Pure checks over incidents: candidate duplicates (same type nearby at overlapping times, or one source URL) and
related incidents (one article; a strike and nearby airport restrictions in the same hours)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import numpy as np
import pandas as pd

from incidents.model import STRIKE_TYPES, Incident, parse_when

DUPLICATE_KM = 10.0
AIRPORT_KM = 150.0  # a strike this close to an airport can explain its restrictions
SAME_HOURS = timedelta(hours=6)
_SPAN = {"minute": timedelta(hours=1), "hour": timedelta(hours=2), "day": timedelta(days=1),
         "month": timedelta(days=31)}


@dataclass(frozen=True)
class Pair:
    """Two incidents that may be one, and why."""

    first: str
    second: str
    reasons: tuple[str, ...]
    km: float

    def to_dict(self) -> dict[str, Any]:
        return {"ids": [self.first, self.second], "reasons": list(self.reasons), "km": round(self.km, 2)}


@dataclass(frozen=True)
class Link:
    """An incident related to another, and how."""

    id: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "reason": self.reason}


def km_between(a: Incident, b: Incident) -> float:
    """The great-circle distance in km (haversine on a 6371 km sphere)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def interval(incident: Incident) -> tuple[datetime, datetime]:
    """When the incident happened, as a UTC span: start to end, or the start's precision (a bare day: that day,
    widened by the hours of timezones either side)."""
    start = _instant(incident.started_at, "started_at")
    bare = parse_when(incident.started_at).instant is None
    if incident.ended_at:
        end = _instant(incident.ended_at, "ended_at")
        if parse_when(incident.ended_at, "ended_at").instant is None:
            end += timedelta(days=1)
    else:
        end = start + (_SPAN["day"] if bare else _SPAN.get(incident.time_precision, _SPAN["day"]))
    if bare:
        start -= timedelta(hours=14)
        end += timedelta(hours=12)
    return start, max(start, end)


def _instant(text: str, name: str) -> datetime:
    when = parse_when(text, name)
    if when.utc is not None:
        return when.utc
    day: date = when.day
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def overlap(a: tuple[datetime, datetime], b: tuple[datetime, datetime], slack: timedelta = timedelta(0)) -> bool:
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def urls(incident: Incident) -> set[str]:
    return {source.url.strip() for source in incident.sources if source.url.strip()}


def duplicate_candidates(incidents: Iterable[Incident], km: float = DUPLICATE_KM) -> list[Pair]:
    """Pairs that may be one incident: same type within `km` and overlapping in time, or the same source URL with
    the same type and place (an article listing strikes in five towns reports five incidents, not duplicates)."""
    items = sorted(incidents, key=lambda item: interval(item)[0])
    spans = [interval(item) for item in items]
    found: dict[tuple[str, str], set[str]] = {}
    distances: dict[tuple[str, str], float] = {}
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if spans[j][0] > spans[i][1]:
                break  # sorted by start: no later incident overlaps a
            if a.event_type != b.event_type or not overlap(spans[i], spans[j]):
                continue
            distance = km_between(a, b)
            if distance <= km:
                key = tuple(sorted((a.id, b.id)))
                found.setdefault(key, set()).add(f"same type within {km:g} km at overlapping times")
                distances[key] = distance
    by_url: dict[str, list[Incident]] = {}
    for item in items:
        for url in urls(item):
            by_url.setdefault(url, []).append(item)
    for url, group in by_url.items():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.event_type == b.event_type and a.place == b.place:
                    key = tuple(sorted((a.id, b.id)))
                    found.setdefault(key, set()).add(f"same source URL {url}")
                    distances.setdefault(key, km_between(a, b))
    return [Pair(key[0], key[1], tuple(sorted(reasons)), distances[key]) for key, reasons in sorted(found.items())]


def related_incidents(incidents: Iterable[Incident], target: Incident, airport_km: float = AIRPORT_KM) -> list[Link]:
    """The incidents linked to `target`: reported in the same article (a source URL or article file in common), or
    a strike and an airspace restriction at an airport within `airport_km` in the same hours."""
    out: list[Link] = []
    mine, article = urls(target), target.origin.get("article")
    span = interval(target)
    for other in incidents:
        if other.id == target.id:
            continue
        shared = mine & urls(other)
        if shared or (article and other.origin.get("article") == article):
            out.append(Link(other.id, f"same article {sorted(shared)[0] if shared else article}"))
            continue
        kinds = {target.event_type, other.event_type}
        if "airspace_restriction" in kinds and kinds & set(STRIKE_TYPES) and overlap(span, interval(other), SAME_HOURS):
            distance = km_between(target, other)
            if distance <= airport_km:
                out.append(Link(other.id, f"strike and airport restriction {distance:.0f} km apart in the same hours"))
    return out


LONG_SPAN = np.timedelta64(3, "D")  # rows that last longer are few: checked against every focus row directly
_SPAN_NS = {name: np.timedelta64(span) for name, span in _SPAN.items()}


def frame_spans(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Every row's UTC span (as `interval` computes it) as two datetime64[ns] arrays, vectorised."""
    bare = frame["started_at"].astype(str).str.len().to_numpy() == 10
    start = pd.to_datetime(frame["start_utc"], utc=True).dt.tz_localize(None).to_numpy("datetime64[ns]")
    start = np.where(np.isnat(start), pd.to_datetime(frame["day"]).to_numpy("datetime64[ns]"), start)
    precision = pd.Categorical(frame["time_precision"].astype(object), categories=list(_SPAN))
    spans = np.array([_SPAN_NS[name] for name in _SPAN] + [_SPAN_NS["day"]], dtype="timedelta64[ns]")
    own = np.where(bare, _SPAN_NS["day"], spans[precision.codes])  # code -1 (unknown) takes the last: a day
    end = start + own
    has_end = frame["ended_at"].notna().to_numpy() & (frame["ended_at"].astype(object).fillna("") != "").to_numpy()
    if has_end.any():
        text = frame["ended_at"][has_end].astype(str)
        ended = pd.to_datetime(text, utc=True, errors="coerce", format="ISO8601").dt.tz_localize(None)
        ended = ended.to_numpy("datetime64[ns]")
        ended = np.where(text.str.len().to_numpy() == 10, ended + np.timedelta64(1, "D"), ended)
        end[has_end] = np.where(np.isnat(ended), end[has_end], ended)
    start = np.where(bare, start - np.timedelta64(14, "h"), start)
    end = np.where(bare, end + np.timedelta64(12, "h"), end)
    return start, np.maximum(start, end)


def candidates_for(frame: pd.DataFrame, focus: np.ndarray, km: float = DUPLICATE_KM) -> list[Pair]:
    """The duplicate candidates that involve a `focus` row (a boolean mask over `frame`: the drafts, the rows just
    changed) against every row, found by a sorted sweep over (type, start) rather than all pairs: each focus row is
    compared only with rows of its type whose span can overlap its own. `frame` needs id, event_type, lat, lon,
    started_at, ended_at, time_precision, start_utc, place and source_url (the catalog's hot columns); the URL
    rule uses each row's first source URL."""
    if not len(frame) or not focus.any():
        return []
    ids = frame["id"].astype(str).to_numpy()
    kinds = frame["event_type"].astype(str).to_numpy()
    lat, lon = frame["lat"].to_numpy(float), frame["lon"].to_numpy(float)
    start, end = frame_spans(frame)
    long = (end - start) > LONG_SPAN
    order = np.lexsort((start, kinds))
    order = order[~long[order]]
    sorted_kinds, sorted_start = kinds[order], start[order]
    long_rows = np.flatnonzero(long)
    found: dict[tuple[str, str], set[str]] = {}
    distances: dict[tuple[str, str], float] = {}
    near = f"same type within {km:g} km at overlapping times"
    for i in np.flatnonzero(focus):
        low = np.searchsorted(sorted_kinds, kinds[i], "left")
        high = np.searchsorted(sorted_kinds, kinds[i], "right")
        first = low + np.searchsorted(sorted_start[low:high], start[i] - LONG_SPAN, "left")
        last = low + np.searchsorted(sorted_start[low:high], end[i], "right")
        rows = np.concatenate([order[first:last], long_rows[kinds[long_rows] == kinds[i]]])
        rows = rows[(rows != i) & (start[rows] <= end[i]) & (start[i] <= end[rows])]
        dist = _haversine(lat[i], lon[i], lat[rows], lon[rows])
        for j, distance in zip(rows[dist <= km], dist[dist <= km]):
            key = (ids[i], ids[j]) if ids[i] < ids[j] else (ids[j], ids[i])
            found.setdefault(key, set()).add(near)
            distances[key] = float(distance)
    _url_pairs(frame, focus, ids, lat, lon, found, distances)
    return [Pair(key[0], key[1], tuple(sorted(reasons)), distances[key]) for key, reasons in sorted(found.items())]


def _url_pairs(frame: pd.DataFrame, focus: np.ndarray, ids: np.ndarray, lat: np.ndarray, lon: np.ndarray,
               found: dict[tuple[str, str], set[str]], distances: dict[tuple[str, str], float]) -> None:
    """Add the pairs sharing a first source URL, type and place where one side is a focus row."""
    url = frame["source_url"].astype(object).fillna("").astype(str).str.strip()
    wanted = set(url[focus]) - {""}
    if not wanted:
        return
    rows = frame.assign(_url=url, _focus=focus, _n=np.arange(len(frame)))[url.isin(wanted).to_numpy()]
    for (link, _kind, _place), group in rows.groupby(["_url", "event_type", "place"], observed=True, sort=False, dropna=False):
        numbers, focused = group["_n"].to_numpy(), group["_focus"].to_numpy()
        for x, a in enumerate(numbers):
            for y in range(x + 1, len(numbers)):
                b = numbers[y]
                if focused[x] or focused[y]:
                    key = (ids[a], ids[b]) if ids[a] < ids[b] else (ids[b], ids[a])
                    found.setdefault(key, set()).add(f"same source URL {link}")
                    distances.setdefault(key, float(_haversine(lat[a], lon[a], lat[b:b + 1], lon[b:b + 1])[0]))


def _haversine(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
