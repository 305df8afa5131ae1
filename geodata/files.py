"""Edges shared by every package: the cache folder and its derived files, atomic writes (temp file + rename), the CLIs' exit paths."""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from geodata.settings import setting

REPO_DIR = Path(__file__).resolve().parent.parent
FINGERPRINT_CHARS = 20
T = TypeVar("T")
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for any program whose reader left early (`yes | head`)


def cache_dir() -> Path:
    """The cache folder from INCIDENT_MAP_CACHE_DIR; a relative path is taken from the repository root."""
    path = Path(setting("INCIDENT_MAP_CACHE_DIR")).expanduser()
    return path if path.is_absolute() else REPO_DIR / path


def write_atomically(path: Path, payload: bytes | str) -> int:
    """Write bytes (or text as UTF-8) to a temporary file beside `path`, fsync, rename over it; readers never see half.

    Returns the number of bytes written. On any failure the temporary file is removed and `path` is left as it was.
    """
    path = Path(path)
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(data)


@lru_cache(maxsize=None)
def file_digest(path: Path) -> str:
    """Short SHA-256 of a file's bytes ('none' when missing); files do not change while the process runs."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.exists() else "none"


def cached_derived(stem: str, inputs: Sequence[str], build: Callable[[], T], dump: Callable[[T], bytes],
                   load: Callable[[bytes], T]) -> T:
    """`build()`, kept in the cache folder as `<stem>-<fingerprint of inputs>.bin` and read back with `load`.

    A missing or unreadable file is (re)built and files of other fingerprints removed; where the folder cannot be
    written (a read-only checkout) the value is only computed."""
    path = cache_dir() / f"{stem}-{fingerprint(inputs)}.bin"
    try:
        return load(path.read_bytes())
    except Exception as exc:  # noqa: BLE001 - a missing or unreadable (truncated, corrupt, foreign) cache file is rebuilt
        logging.getLogger(__name__).debug("building %s (%s)", path.name, exc)
    value = build()
    try:
        write_atomically(path, dump(value))
        remove_stale(path, stem)
    except OSError:
        pass  # read-only: keep the value in memory only
    return value


def fingerprint(inputs: Sequence[str]) -> str:
    """A short digest of a derived file's inputs."""
    return hashlib.sha256("\n".join(inputs).encode()).hexdigest()[:FINGERPRINT_CHARS]


def remove_stale(current: Path, stem: str) -> None:
    """Deletes the files of `stem` built from other inputs (not those of a longer stem such as `<stem>-x-...`)."""
    for old in current.parent.glob(f"{stem}-*.bin"):
        if old != current and len(old.name) == len(current.name):
            old.unlink(missing_ok=True)


def run_cli(main: Callable[[], int]) -> int:
    """Runs a CLI's main and flushes stdout; when the reader closed the pipe early (`| head`), ends quietly with 141.

    Standard recipe (Python docs, signal module, "Note on SIGPIPE"): stdout is pointed at devnull so the
    interpreter's final flush cannot print a second BrokenPipeError.
    """
    try:
        try:
            return main()
        finally:
            sys.stdout.flush()  # also after argparse's --help and its SystemExit
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def run_subcommand(args: Any, expected: tuple[type[Exception], ...]) -> int:
    """Run `args.run(args)`; an expected error or an OS error becomes one `error: …` line on stderr and exit 2."""
    try:
        return args.run(args)
    except BrokenPipeError:
        raise  # the reader left early (`| head`): run_cli ends quietly with 141
    except expected as exc:
        message = str(exc)
    except OSError as exc:
        message = f"{exc.strerror or exc}: {exc.filename or ''}".strip(": ")
    print(f"error: {message}", file=sys.stderr)
    return 2
