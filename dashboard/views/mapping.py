"""The app's map: dashboard.maps.build_map on the filtered frame (settings applied), assets served from /app/static."""

from __future__ import annotations

import pandas as pd


def build_app_map(frame: pd.DataFrame, selected: str | None, reference: object, area: tuple | None = None) -> object:
    """The folium map of `frame` for st_folium, with the selected incident highlighted; `area` (store_area of the
    whole store) makes every filtered map of one store share one cached basemap."""
    from dashboard.maps import MapOptions, build_map

    options = MapOptions.from_settings(selected_id=selected, basemap_area=area)
    return build_map(frame, reference=reference, options=options)


def store_area(frame: pd.DataFrame, reference: object) -> tuple:
    """The basemap area of a whole store's frame: its incidents' box and countries."""
    from dashboard.maps.builder import basemap_area

    return basemap_area(frame, reference)
