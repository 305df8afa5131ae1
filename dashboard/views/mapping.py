"""The app's map: dashboard.maps.build_map on the filtered frame (settings applied), assets served from /app/static."""

from __future__ import annotations

import pandas as pd


def build_app_map(frame: pd.DataFrame, selected: str | None, reference: object) -> object:
    """The folium map of `frame` for st_folium, with the selected incident highlighted."""
    import folium

    from dashboard.maps import MapOptions, build_map

    fmap = build_map(frame, reference=reference, options=MapOptions.from_settings(selected_id=selected))
    for child in fmap._children.values():
        if isinstance(child, folium.LayerControl):  # the app's map column is narrow: layers list on hover/focus
            child.options["collapsed"] = True
    return fmap
