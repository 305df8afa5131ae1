"""Article extraction for the Import page in its own low-priority process, with a time limit and a cancel button."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import streamlit as st

from dashboard.escape import markdown_text
from dashboard.messages import app_wording
from dashboard.settings import int_setting
from incidents.model import Incident

JOB = "extract_job"
ROOT = Path(__file__).resolve().parents[2]
POLL_S = 0.5
NICENESS = 10  # the extractor yields the CPU to every session's script thread
# The child lowers its own priority (no preexec_fn: it is unsafe in a threaded server) and runs `incidents extract -`.
CHILD = "import os, sys; os.nice({nice}); from incidents.__main__ import main; sys.exit(main(sys.argv[1:]))"


def paste_limit() -> int:
    """INCIDENT_MAP_PASTE_LIMIT_KB in characters."""
    return int_setting("INCIDENT_MAP_PASTE_LIMIT_KB") * 1024


def too_long(text: str, limit: int | None = None) -> str | None:
    """The message for a paste (or an article) over the limit, else None."""
    limit = paste_limit() if limit is None else limit
    if len(text) <= limit:
        return None
    return (f"The text is {len(text):,} characters long; the Import page reads up to {limit:,} "
            "(setting INCIDENT_MAP_PASTE_LIMIT_KB). Split it, or run "
            "`python -m incidents import FILE --format article`.")


@dataclass
class ExtractJob:
    """One `python -m incidents extract -` process: its answer file, start time and time limit."""

    label: str
    process: subprocess.Popen
    out: IO[bytes]
    err: IO[bytes]
    limit_s: float
    started: float = field(default_factory=time.monotonic)
    timed_out: bool = False

    @classmethod
    def start(cls, text: str, published: str | None, label: str, limit_s: float,
              source: dict | None = None) -> "ExtractJob":
        """Start extracting `text` in a child process at lower priority; returns at once."""
        out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        command = [sys.executable, "-c", CHILD.format(nice=NICENESS), "extract", "-"]
        if published:
            command += ["--published", published]
        for flag in ("title", "url"):
            if (source or {}).get(flag):
                command.append(f"--{flag}={source[flag]}")  # one argument: a value may start with -
        with tempfile.TemporaryFile() as source:  # a file, not a pipe: the script thread never waits for the child
            source.write(text.encode("utf-8"))
            source.seek(0)
            process = subprocess.Popen(command, cwd=ROOT, stdin=source, stdout=out, stderr=err)
        return cls(label, process, out, err, limit_s)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def state(self) -> str:
        """'running', 'done', 'failed' or 'timeout' (the process is stopped when over its time limit)."""
        code = self.process.poll()
        if code is None and self.elapsed() > self.limit_s:
            self.timed_out = True
            self.cancel()
        if self.timed_out:
            return "timeout"
        if code is None:
            return "running"
        return "done" if code == 0 else "failed"

    def cancel(self) -> None:
        """Stop the process (nothing was stored: extraction only proposes)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def result(self) -> tuple[list[Incident], list[dict]]:
        """The proposed incidents (and any rows that did not validate) of a finished job."""
        from incidents.importers import read_text

        self.out.seek(0)
        return read_text(self.out.read().decode("utf-8"), "geojson")

    def error(self) -> str:
        """The child's `error: …` line, or its exit code."""
        self.err.seek(0)
        lines = self.err.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1].removeprefix("error: ") if lines else f"the extractor stopped (exit {self.process.returncode})"

    def close(self) -> None:
        self.cancel()
        self.out.close()
        self.err.close()


def start(text: str, published: str | None, label: str, source: dict | None = None) -> None:
    """Replace any running job of this session with one for `text`."""
    drop()
    limit = int_setting("INCIDENT_MAP_EXTRACT_TIMEOUT_S")
    st.session_state[JOB] = ExtractJob.start(text, published, label, limit, source)


def drop() -> None:
    """Stop and forget this session's job."""
    job = st.session_state.pop(JOB, None)
    if job is not None:
        job.close()


def collect() -> tuple[str, list[Incident], list[dict]] | None:
    """(label, incidents, problems) once this session's job has finished well; failures are shown and dropped."""
    job = st.session_state.get(JOB)
    if job is None:
        return None
    state = job.state()
    if state == "running":
        return None
    drop_after = st.session_state.pop(JOB)
    try:
        if state == "done":
            incidents, problems = job.result()
            return job.label, incidents, problems
        if state == "timeout":
            st.error(f"Extraction from {markdown_text(job.label)} stopped after {job.limit_s:,.0f} s "
                     "(setting INCIDENT_MAP_EXTRACT_TIMEOUT_S). Split the article and try again.")
        else:
            st.error(f"Nothing read from {markdown_text(job.label)}: {markdown_text(app_wording(job.error()))}")
        return None
    finally:
        drop_after.close()


def show_running() -> None:
    """While this session's job runs: its progress and a cancel button, refreshed without rerunning the page."""
    if st.session_state.get(JOB) is not None:
        _progress()


@st.fragment(run_every=POLL_S)
def _progress() -> None:
    job = st.session_state.get(JOB)
    if job is None:
        return
    if job.state() != "running":
        st.rerun()  # the whole page: it collects the answer
    st.info(f"Extracting incidents from {markdown_text(job.label)}… {job.elapsed():,.0f} s "
            f"(stops after {job.limit_s:,.0f} s). Other users are not slowed down.")
    if st.button("Cancel extraction", key="extract_cancel"):
        drop()
        st.rerun()
