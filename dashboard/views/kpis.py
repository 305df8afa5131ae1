"""The KPI row's figures from a filtered frame: counts, null-aware casualties, airports restricted now."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from incidents.model import STRIKE_TYPES

RESTRICTION = "airspace_restriction"


@dataclass(frozen=True)
class Kpis:
    """The figures of the KPI row, casualties as text because "not stated" is not zero."""

    incidents: int
    strikes: int
    killed: str
    injured: str
    airports_restricted: int


def casualty_text(values: pd.Series, word: str) -> str:
    """'3+ killed, 2 not stated'; '0 killed'; 'not stated' when no row states a figure."""
    known = values.dropna()
    missing = int(values.isna().sum())
    if known.empty and missing:
        return "not stated"
    total = int(known.sum())
    if not missing:
        return f"{total:,} {word}"
    return f"{total:,}+ {word}, {missing:,} not stated"


def airports_restricted_now(frame: pd.DataFrame) -> int:
    """Airports whose latest airspace-restriction record in the frame is still active."""
    rows = frame[frame["event_type"] == RESTRICTION]
    if rows.empty:
        return 0
    airport = rows["airport_icao"].fillna(rows["airport_iata"]).fillna(rows["place"])
    ordered = rows.assign(_airport=airport).sort_values(["day", "start_utc"], kind="stable", na_position="first")
    latest = ordered.groupby("_airport", sort=False).tail(1)
    return int((latest["status"] == "active").sum())


def compute_kpis(frame: pd.DataFrame) -> Kpis:
    """The KPI figures of a filtered frame; restrictions do not count towards 'not stated' casualties."""
    harmful = frame[frame["event_type"] != RESTRICTION]
    return Kpis(
        incidents=len(frame),
        strikes=int(frame["event_type"].isin(STRIKE_TYPES).sum()),
        killed=casualty_text(harmful["killed"], "killed"),
        injured=casualty_text(harmful["injured"], "injured"),
        airports_restricted=airports_restricted_now(frame),
    )


def headline(text: str) -> str:
    """The figure alone for a metric tile: '3+ killed, 2 not stated' -> '3+'; 'not stated' stays."""
    return text if text == "not stated" else text.split(" ")[0]
