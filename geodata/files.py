"""Edges shared by every package: the cache folder and its derived files, atomic writes (temp file + rename), the CLIs' exit paths."""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from geodata.errors import DataFileError
from geodata.settings import setting

REPO_DIR = Path(__file__).resolve().parent.parent
FINGERPRINT_CHARS = 20
T = TypeVar("T")
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for any program whose reader left early (`yes | head`)


def cache_dir() -> Path:
    """The cache folder from INCIDENT_MAP_CACHE_DIR; a relative path is taken from the repository root."""
    path = Path(setting("INCIDENT_MAP_CACHE_DIR")).expanduser()
    return path if path.is_absolute() else REPO_DIR / path


def write_atomically(path: Path, payload: bytes | str, make_folder: bool = True) -> int:
    """Write bytes (or text as UTF-8) to a temporary file beside `path`, fsync, rename over it; readers never see half.

    The file gets the mode a plain open() would give it (the umask), or keeps the mode of the file it replaces.
    Returns the number of bytes written. On any failure the temporary file is removed, `path` is left as it was, and
    the OSError names `path` (never the temporary file). The folder is created unless make_folder is False.
    """
    path = Path(path)
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    temporary = None
    try:
        if make_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(stream.fileno(), _mode_for(path))
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror or str(exc), str(path)) from None
    finally:
        if temporary is not None and Path(temporary).exists():
            Path(temporary).unlink(missing_ok=True)
    return len(data)


def write_output(out: Path, payload: bytes | str) -> int:
    """Write a CLI's --out file atomically. The one rule for every command (export, synth, map, brief): the folder
    must exist; a mistyped folder is refused, never created."""
    problem = output_problem(out)
    if problem:
        raise NotADirectoryError(problem)
    return write_atomically(out, payload, make_folder=False)


def output_problem(out: Path) -> str | None:
    """Why `out` cannot be written as a --out file (its folder is missing), or None."""
    folder = Path(out).parent
    if folder.is_dir():
        return None
    return f"--out {out}: folder {folder} does not exist; create it first or choose another --out"


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, else 0o666 less the process umask (what open() would give)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process umask, read without changing it where Linux tells it (/proc), else set and restored at once."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@lru_cache(maxsize=None)
def file_digest(path: Path) -> str:
    """Short SHA-256 of a file's bytes ('none' when missing); files do not change while the process runs."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.exists() else "none"


def data_file_error(path: Path, reason: object) -> DataFileError:
    """The one-line error for a vendored file that cannot be read: which file, why, and how to get it back."""
    if isinstance(reason, FileNotFoundError):
        reason = "missing"
    elif isinstance(reason, OSError):
        reason = reason.strerror or reason
    try:
        shown = path.resolve().relative_to(REPO_DIR)
    except ValueError:
        shown = path
    return DataFileError(f"vendored data file {shown} cannot be read ({reason}); restore it with "
                         f"`git checkout -- {shown}` (sources: geodata/data/SOURCES.md)")


def read_vendored(path: Path, read: Callable[[Path], T]) -> T:
    """`read(path)` of a vendored data file; DataFileError naming the file and the remedy when it is missing or broken."""
    try:
        return read(path)
    except (OSError, ValueError) as exc:  # parse errors of csv, parquet and JSON readers are ValueErrors
        raise data_file_error(path, exc) from None


def cached_derived(stem: str, inputs: Sequence[str], build: Callable[[], T], dump: Callable[[T], bytes],
                   load: Callable[[bytes], T]) -> T:
    """`build()`, kept in the cache folder as `<stem>-<fingerprint of inputs>.bin` and read back with `load`.

    A missing or unreadable file is (re)built and files of other fingerprints removed; where the folder cannot be
    written (a read-only checkout) the value is only computed."""
    path = derived_path(stem, inputs)
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


def derived_path(stem: str, inputs: Sequence[str]) -> Path:
    """Where cached_derived keeps the value of `stem` built from `inputs`."""
    return cache_dir() / f"{stem}-{fingerprint(inputs)}.bin"


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
