"""Shared readers for the style tests: extract a text, then look at what was found (each file binds its own date)."""

from geodata.names import normalize
from incidents.extraction import extract_geojson, extract_incidents


def found(text, published):
    """The incidents found in a text, in order."""
    return extract_incidents(text, published=published)


def near(incident, lat, lon, degrees=0.2):
    """True when the incident lies within `degrees` of the point in both latitude and longitude."""
    return abs(incident.lat - lat) < degrees and abs(incident.lon - lon) < degrees


def by_place(text, published):
    """The incidents by their place."""
    return {i.place: i for i in found(text, published)}


def by_place_key(text, published):
    """The incidents by their place's matching key (Kotel'nikovo and Kotelnikovo alike)."""
    return {normalize(i.place): i for i in found(text, published)}


def keys(*names):
    """The matching keys of place names."""
    return [normalize(name) for name in names]


def by_event_and_place(text, published):
    """The incidents by (event type, place)."""
    return {(i.event_type, i.place): i for i in found(text, published)}


def sites(text, published):
    """The incidents by (event type, place, place precision)."""
    return {(i.event_type, i.place, i.geo_precision): i for i in found(text, published)}


def places(text, published):
    """The places of the incidents found in a text, sorted."""
    return place_names(found(text, published))


def place_names(incidents):
    """The places of incidents, sorted."""
    return sorted(i.place for i in incidents)


def named(incidents):
    """Incidents by their place."""
    return {i.place: i for i in incidents}


def kinds(text, published):
    """(event type, place) of every incident, sorted."""
    return sorted((i.event_type, i.place) for i in found(text, published))


def kinds_at(text, published):
    """(event type, airport code or place) of every incident, sorted."""
    return sorted((i.event_type, i.airport_iata or i.place) for i in found(text, published))


def kinds_in_order(text, published):
    """(event type, place kind, rounded lat) of every incident, in order."""
    return [(i.event_type, i.geo_precision, round(i.lat, 1)) for i in found(text, published)]


def rejected(text, published):
    """The mentions not taken as sites, by their text (from --explain)."""
    collection = extract_geojson(text, published=published, explain=True)
    return {r["text"]: r for r in collection["explain"]["rejected"]}


def reasons(text, published):
    """Why each mention was not taken as a site, by its text."""
    return {text_: r["reason"] for text_, r in rejected(text, published).items()}


def dated(reader, day):
    """A reader taking `day` as the publication date unless one is given (each test file has its own)."""
    def read(text, published=day):
        return reader(text, published)
    return read
