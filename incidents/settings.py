"""The incidents package's settings table (name, default, help), read from environment variables."""

from __future__ import annotations

from geodata.settings import Setting, setting

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "INCIDENTS_DB",
        "var/incidents.sqlite",
        "Incident store: a SQLite file path (the default lives in the repo; other relative paths are from the "
        "current folder), sqlite:///path, postgresql://user:password@host:port/database (PostGIS, shared by a "
        "team; postgres:// and postgis:// also work), or memory:.",
    ),
    Setting("INCIDENTS_PROGRESS_ROWS", "5000", "Importers show a progress bar on stderr for files with more rows than this."),
)


def incidents_setting(name: str) -> str:
    """The value in force of one of this package's settings."""
    return setting(name, SETTINGS)
