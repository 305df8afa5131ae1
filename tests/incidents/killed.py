"""An upsert killed mid-write (SIGKILL) in a child process, for the all-or-nothing tests of every store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import sys, time
    from incidents.storage import open_store
    from tests.incidents.factory import make
    {setup}
    def rows():
        for i in range({count}):
            yield make(id=f"new{{i:05d}}", started_at="2024-01-01")
        print("written", flush=True)  # every chunk before the last is written, uncommitted
        time.sleep(120)
        yield make(id="old", killed=9)
    open_store(sys.argv[1]).upsert(rows())
""")


def kill_mid_upsert(url: str, count: int, setup: str = "", env: dict[str, str] | None = None) -> None:
    """Upsert `count` new incidents (new00000...) into the store at `url` in a child process, and kill it with SIGKILL
    once it has handed them all over, its transaction still open. `setup` is Python run first (e.g. a lower bulk
    threshold)."""
    script = SCRIPT.format(setup=setup, count=count)
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    child = subprocess.Popen([sys.executable, "-c", script, url], cwd=ROOT, stdout=subprocess.PIPE, env=env)
    try:
        assert child.stdout.readline().strip() == b"written"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
