"""File edges shared by the gazetteer index and the online geocoder cache: the cache folder and atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from geodata.settings import setting

REPO_DIR = Path(__file__).resolve().parent.parent


def cache_dir() -> Path:
    """The cache folder from INCIDENT_MAP_CACHE_DIR; a relative path is taken from the repository root."""
    path = Path(setting("INCIDENT_MAP_CACHE_DIR")).expanduser()
    return path if path.is_absolute() else REPO_DIR / path


def write_atomically(path: Path, payload: bytes) -> None:
    """Writes bytes to a temporary file in the same folder, then renames it over `path` (readers never see half)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
