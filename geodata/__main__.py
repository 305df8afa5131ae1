"""Command line: `python -m geodata geocode|airport|distance|reverse ...`, JSON on stdout, one-line errors on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from geodata.coords import looks_like_lat_lon
from geodata.errors import GeodataError, InvalidQuery, PlaceNotFound
from geodata.files import run_cli

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        print(f"geodata: {message} (see python -m geodata --help)", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    """The CLI's sub-commands and their arguments."""
    parser = OneLineParser(prog="python -m geodata", description="Offline gazetteer and geodesy.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    geocode = commands.add_parser("geocode", help="a place name (any script) to coordinates, country, admin-1")
    geocode.add_argument("name")
    geocode.add_argument("--country", help="ISO2 code the place must be in")
    airport = commands.add_parser("airport", help="an airport code or phrase ('Kazan airport', 'UWKD')")
    airport.add_argument("name")
    airport.add_argument("--country", help="ISO2 code the airport must be in")
    distance = commands.add_parser("distance", help="geodesic distance and bearing from A to B (names or lat,lon)")
    distance.add_argument("a")
    distance.add_argument("b")
    reverse = commands.add_parser("reverse", help="country, admin-1 and time zone at LAT LON")
    reverse.add_argument("lat")
    reverse.add_argument("lon")
    return parser


def place_json(place: Any, query: str | None = None) -> dict[str, Any]:
    """The JSON shape of a Place: query first, alternatives last."""
    data = place.to_dict()
    keys = ("name", "lat", "lon", "country", "admin1", "kind", "iata", "icao", "timezone", "source", "population")
    out: dict[str, Any] = {"query": query} if query is not None else {}
    out.update({key: data[key] for key in keys})
    out["alternatives"] = [{key: alt[key] for key in keys} for alt in data["alternatives"]]
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Executes one command and returns its JSON answer."""
    from geodata import distances, geocoding, regions

    if args.command == "geocode":
        name = geocoding.clean_query(args.name)
        if looks_like_lat_lon(name):
            raise InvalidQuery(f"{name!r} looks like coordinates; use: python -m geodata reverse LAT LON")
        return place_json(geocoding.geocode(name, args.country), args.name)
    if args.command == "airport":
        return place_json(geocoding.find_airport(args.name, args.country), args.name)
    if args.command == "distance":
        a, b = geocoding.resolve(args.a), geocoding.resolve(args.b)
        km = distances.geodesic_km(a.lat, a.lon, b.lat, b.lon)
        bearing = distances.bearing_deg(a.lat, a.lon, b.lat, b.lon) if km > 0 else None  # no direction to itself
        ends = [{key: place.to_dict()[key] for key in ("name", "lat", "lon", "country", "kind")} for place in (a, b)]
        return {"from": ends[0], "to": ends[1], "km": round(km, 3), "mi": round(distances.km_to_mi(km), 3),
                "bearing_deg": None if bearing is None else round(bearing, 2),
                "compass": None if bearing is None else distances.compass16(bearing)}
    lat, lon = parse_number(args.lat, "LAT"), parse_number(args.lon, "LON")
    return {"lat": lat, "lon": lon, **regions.reverse(lat, lon).to_dict()}


def parse_number(text: str, label: str) -> float:
    """A decimal number from the command line, else InvalidQuery."""
    try:
        return float(text)
    except ValueError:
        raise InvalidQuery(f"{label} must be a decimal number, got {text[:40]!r}") from None


def main(argv: list[str] | None = None) -> int:
    """Runs the CLI; returns the exit code (0 ok, 1 not found or service down, 2 bad input, 141 reader left early)."""
    args = build_parser().parse_args(argv)
    try:
        answer = run(args)
    except InvalidQuery as error:
        print(f"geodata: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (PlaceNotFound, GeodataError) as error:
        print(f"geodata: {error}", file=sys.stderr)
        return EXIT_NOT_FOUND
    print(json.dumps(answer, ensure_ascii=False))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
