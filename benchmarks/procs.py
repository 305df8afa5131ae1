"""The processes this benchmark started, directly or not, with their CPU seconds so far (read from /proc)."""

from __future__ import annotations

import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def descendants() -> dict[int, tuple[str, float, float]]:
    """pid -> (command line, own CPU seconds, CPU seconds of its children it has waited for) for every process
    below this one."""
    parents, info = {}, {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(proc.name)] = int(fields[1])
        info[int(proc.name)] = (cmd, (int(fields[11]) + int(fields[12])) / TICK,
                                (int(fields[13]) + int(fields[14])) / TICK)
    out, me = {}, os.getpid()
    for pid, entry in info.items():
        up = parents.get(pid)
        while up and up != me:
            up = parents.get(up)
        if up == me:
            out[pid] = entry
    return out
