"""The incidents package's exception hierarchy: every message says what is wrong and how to fix it."""

from __future__ import annotations


class IncidentsError(Exception):
    """Base of every error this package raises on purpose."""


class ValidationError(IncidentsError, ValueError):
    """A field of an incident has a value the model does not accept."""

    def __init__(self, field: str, value: object, message: str):
        self.field = field
        self.value = value
        self.message = message
        super().__init__(f"{field}={value!r}: {message}")


class ImportFormatError(IncidentsError):
    """A file cannot be read as the format asked for (or as any known format)."""


class StoreUnavailable(IncidentsError):
    """The incident store cannot be opened or written."""


class ExtractionError(IncidentsError):
    """An article cannot be read for extraction."""


class InputError(IncidentsError):
    """A user's input to a write is missing or wrong, worded for both ways in: `str()` names the command line's flag
    (`--reason`), `form` says the same naming the app's form field ("Reason")."""

    def __init__(self, message: str, form: str):
        self.form = form
        super().__init__(message)
