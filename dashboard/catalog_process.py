"""A store's catalog read in a low-priority child process and handed back as a pickle: the server keeps its GIL."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NICENESS = 10  # the read yields the CPU to every session's script thread (as the extractor does)
TIMEOUT_S = 900.0
# The child lowers its own priority (no preexec_fn: it is unsafe in a threaded server); imports no Streamlit.
# The store's URL goes on stdin, not on the command line (a PostGIS URL may carry a password; `ps` shows arguments).
CHILD = "import os, sys; os.nice({nice}); from dashboard.catalog_process import main; sys.exit(main(sys.stdin.read()))"


class ChildFailed(RuntimeError):
    """The child process could not read the catalog (its last error line says why)."""


def read_in_child(url: str, reference: Any, loader: Any) -> Any:
    """The catalog of the store at `url` (incidents.catalog.Catalog with distances from `reference`, a Reference),
    read by a child process at lower priority; its details are read with `loader` (incidents.catalog.store_loader
    of this process's own store: the child's does not cross). Raises ChildFailed."""
    with tempfile.TemporaryDirectory(prefix="catalog-") as folder:
        out = Path(folder) / "catalog.pickle"
        command = [sys.executable, "-c", CHILD.format(nice=NICENESS)]
        arguments = json.dumps([url, str(out), str(reference.name), float(reference.lat), float(reference.lon)])
        try:
            # this process's folder: a relative INCIDENTS_DB names the same file; our modules from PYTHONPATH
            done = subprocess.run(command, input=arguments, capture_output=True, text=True, timeout=TIMEOUT_S,
                                  env={**os.environ, "PYTHONPATH": os.pathsep.join(
                                      [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])})
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ChildFailed(str(exc)) from None
        if done.returncode != 0 or not out.exists():
            lines = done.stderr.strip().splitlines()
            raise ChildFailed(lines[-1] if lines else f"exit {done.returncode}")
        with out.open("rb") as handle:
            fields = pickle.load(handle)  # written just now by our own child, in a folder only we know
    from incidents.catalog import Catalog

    return Catalog(**fields, loader=loader)


def main(arguments: str) -> int:
    """JSON `[URL, OUT, NAME, LAT, LON]`: read the catalog of the store at URL, measured from (NAME, LAT, LON), into OUT."""
    url, out, name, lat, lon = json.loads(arguments)
    from incidents.catalog import Catalog, Reference, load_catalog
    from incidents.storage import open_store

    store = open_store(url)
    try:
        catalog = load_catalog(store, Reference(name, float(lat), float(lon)))
    finally:
        store.close()
    fields = {f.name: getattr(catalog, f.name) for f in dataclasses.fields(Catalog) if f.name != "loader"}
    with open(out, "wb") as handle:
        pickle.dump(fields, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return 0
