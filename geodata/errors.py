"""The geodata exception hierarchy: every error a caller can act on derives from GeodataError."""

from __future__ import annotations


class GeodataError(Exception):
    """Base class of every geodata error; the message says what to do about it."""


class InvalidQuery(GeodataError, ValueError):
    """The query or coordinates cannot be used as given (empty, too long, control characters, out of range)."""


class PlaceNotFound(GeodataError, LookupError):
    """No place of the requested kind matches the name."""


class GeocoderUnavailable(GeodataError):
    """The online geocoder could not be reached or answered with an error; offline lookups still work."""


class RateLimited(GeocoderUnavailable):
    """The online geocoder refused the request because too many were sent; wait and retry."""


class DataFileError(GeodataError):
    """A vendored data file (geodata/data/) is missing or unreadable: the installation is broken, not the query."""


# The errors of one query (its answer is "no place"), as opposed to DataFileError, which no query can avoid.
QUERY_ERRORS: tuple[type[GeodataError], ...] = (InvalidQuery, PlaceNotFound, GeocoderUnavailable)
