"""A throwaway PostgreSQL + PostGIS cluster on 127.0.0.1 for the store tests and benchmarks (initdb in a temporary
folder, run as the `postgres` user when root); fails loudly when the server cannot start."""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
TEMPLATE = "incidents_template"
_names = itertools.count(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """initdb, start, stop and databases of one temporary cluster."""

    def __init__(self, fsync: bool = False) -> None:
        if not (BIN / "initdb").exists():
            raise RuntimeError(f"PostgreSQL is not installed ({BIN}/initdb missing): run `make system-deps` "
                               "(apt-get install postgresql postgresql-15-postgis-3)")
        self.root = Path(tempfile.mkdtemp(prefix="incidents-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.fsync = fsync
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.start()
        self.execute("postgres", f"CREATE DATABASE {TEMPLATE}")
        self.execute(TEMPLATE, "CREATE EXTENSION postgis")

    def _run(self, tool: str, *args: str) -> None:
        command = [str(BIN / tool), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root, check=False)
        if done.returncode:
            log = self.root / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync={'on' if self.fsync else 'off'}"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def execute(self, database: str, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self) -> str:
        """A fresh database with PostGIS installed (copied from the template); its URL."""
        name = f"t{os.getpid()}_{next(_names)}"
        self.execute("postgres", f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def destroy(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
