"""Settings as a table of name, default and help, read from environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    """One setting: an environment variable with its default and a line of help."""

    name: str
    default: str
    help: str

    def value(self) -> str:
        """The value in force: the environment variable when set and not blank, else the default."""
        raw = os.environ.get(self.name, "").strip()
        return raw or self.default


SETTINGS: tuple[Setting, ...] = (
    Setting("INCIDENT_MAP_REFERENCE", "Moscow", "Reference city for distances, bearings and range rings."),
    Setting("INCIDENT_MAP_GEOCODER", "offline", "Geocoder: 'offline' (bundled gazetteer), 'nominatim' or 'photon' (online, opt-in)."),
    Setting("INCIDENT_MAP_GEOCODER_URL", "", "Base URL of the online geocoder (empty: the service's public endpoint)."),
    Setting("INCIDENT_MAP_USER_AGENT", "incident-map/0.1 (offline-first incident mapping)", "User agent sent to online geocoders."),
    Setting("INCIDENT_MAP_CONTACT", "", "Contact (e-mail address or URL) sent in the User-Agent to online geocoders; the public Nominatim and Photon need it."),
    Setting("INCIDENT_MAP_CACHE_DIR", ".cache", "Folder for derived data rebuilt when missing: the geocoder cache, the gazetteer index, the decoded basemap."),
)


def setting(name: str, table: tuple[Setting, ...] = SETTINGS) -> str:
    """The value of the setting called `name` in `table`."""
    for item in table:
        if item.name == name:
            return item.value()
    raise KeyError(f"unknown setting {name!r}")
