"""The incident table: display columns from the frame (pure) and its st.dataframe column configuration."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.escape import safe_url
from incidents.model import EVENT_LABELS

TABLE_LIMIT = 200  # the newest rows: a screenful and some scrolling; fewer to ship and build on each filter change


def _first_url(sources: object) -> str | None:
    for source in sources if isinstance(sources, (list, tuple)) else ():
        url = safe_url(source.get("url")) if isinstance(source, dict) else None
        if url:
            return url
    return None


def _links(rows: pd.DataFrame) -> list[str | None]:
    """The first http(s) source URL per row: the catalog's `source_url`, else from `sources`."""
    if "source_url" in rows:
        return [safe_url(url) if isinstance(url, str) and url else None for url in rows["source_url"]]
    return [_first_url(s) for s in rows["sources"]] if "sources" in rows else [None] * len(rows)


def table_frame(frame: pd.DataFrame, limit: int = TABLE_LIMIT) -> pd.DataFrame:
    """The newest `limit` rows as display columns, newest first; `id` kept to map a clicked row back."""
    rows = frame.tail(limit).iloc[::-1]  # only the newest rows are copied, whatever the selection's size
    return pd.DataFrame(
        {
            "id": rows["id"].astype(str).to_numpy(),
            "local_time": rows["started_at"].astype(str).to_numpy(),
            "utc": rows["start_utc"].to_numpy(),
            "place": rows["place"].astype(object).to_numpy(),
            "region": rows["admin1"].astype(object).to_numpy(),
            "country": rows["country"].astype(object).to_numpy(),
            "type": rows["event_type"].astype(object).map(EVENT_LABELS).to_numpy(),
            "killed": rows["killed"].to_numpy(),
            "injured": rows["injured"].to_numpy(),
            "drones_downed": rows["drones_downed"].to_numpy(),
            "km": rows["ref_km"].round(0).to_numpy() if "ref_km" in rows else None,
            "direction": rows["ref_compass"].astype(object).to_numpy() if "ref_compass" in rows else None,
            "airport": rows["airport_iata"].fillna(rows["airport_icao"]).to_numpy(),
            "status": rows["status"].astype(object).to_numpy(),
            "verification": rows["verification"].astype(object).to_numpy(),
            "source": _links(rows),
        }
    )


def column_config(reference_name: str) -> dict[str, object]:
    """Readable headers, numbers, links and times for the table."""
    cc = st.column_config
    return {
        "id": None,
        "local_time": cc.TextColumn(
            "Local time", help="As reported, with its UTC offset (a bare date when the time is unknown)"
        ),
        "utc": cc.DatetimeColumn("UTC", format="YYYY-MM-DD HH:mm", timezone="UTC", width="medium"),
        "place": cc.TextColumn("Place"),
        "region": cc.TextColumn("Region"),
        "country": cc.TextColumn("Country", width="small"),
        "type": cc.TextColumn("Type"),
        "killed": cc.NumberColumn("Killed", help="Empty: not stated (not zero)", format="%d"),
        "injured": cc.NumberColumn("Injured", help="Empty: not stated (not zero)", format="%d"),
        "drones_downed": cc.NumberColumn("Drones downed", format="%d"),
        "km": cc.NumberColumn(f"km from {reference_name}", format="%d km"),
        "direction": cc.TextColumn("Direction"),
        "airport": cc.TextColumn("Airport", width="small"),
        "status": cc.TextColumn("Status", width="small"),
        "verification": cc.TextColumn("Verification"),
        "source": cc.LinkColumn("Source", display_text="open"),
    }
