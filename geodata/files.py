"""Edges shared by every package: the cache folder, atomic writes (temp file + rename) and the CLIs' exit paths."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

from geodata.settings import setting

REPO_DIR = Path(__file__).resolve().parent.parent
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
