"""`python -m dashboard.launch [streamlit options]`: `streamlit run dashboard/app.py`, the first page's data computed
while the browser loads Streamlit's front end (what `make run` and `python -m dashboard serve` start)."""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
WARM_SETTING = "INCIDENT_MAP_WARM_START"  # 'off': the first session computes everything itself (to measure)
READY_WAIT_S = 60.0
THREAD = "first-page-warm-up"
SWITCH_S = 0.0005  # the GIL's switch interval while warming up (Python's default: 5 ms per hand-over to the server)
LOG = logging.getLogger("dashboard.launch")  # not __name__: run with -m, this module is __main__


class _QuietWarmUp(logging.Filter):
    """Drops Streamlit's 'missing ScriptRunContext' warning for the warm-up thread (it runs outside any session)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.threadName == THREAD and "ScriptRunContext" in record.getMessage())


def _server_started() -> bool:
    """True once Streamlit's runtime accepts sessions (the server is up; the map component can register)."""
    from streamlit.runtime import Runtime, RuntimeState

    return Runtime.exists() and Runtime.instance().state != RuntimeState.INITIAL


def _warm() -> None:
    try:
        _warm_first_page()
    finally:
        collect_again()


def collect_again() -> None:
    """The cyclic garbage collector back on (main() turned it off for the start and the first page's imports), with
    every object made so far (the modules) left out of its later passes; once only."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _warm_first_page() -> None:
    deadline = time.monotonic() + READY_WAIT_S
    while not _server_started():  # the server's own start first: the browser waits for that, not for this
        if time.monotonic() > deadline:
            return
        time.sleep(0.02)
    from geodata.errors import GeodataError
    from incidents.errors import IncidentsError

    switch = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_S)  # the server's thread gets the GIL back soon: the front end loads meanwhile
    try:
        from dashboard import warm

        start = time.perf_counter()
        steps = warm.first_page(imported=collect_again)  # the store's catalog is read with the collector on
        LOG.info("first page warmed in %.2f s: %s", time.perf_counter() - start, steps)
    except (IncidentsError, GeodataError, OSError) as exc:  # the page says what is wrong, to the user
        LOG.warning("first page not warmed: %s", exc)
    except Exception:  # noqa: BLE001 - a failed warm-up only means the first page does this work itself
        LOG.warning("first-page warm-up failed", exc_info=True)
    finally:
        sys.setswitchinterval(switch)


def warm_in_background() -> threading.Thread | None:
    """Start the first page's warm-up thread (none when INCIDENT_MAP_WARM_START is 'off')."""
    from dashboard.settings import dashboard_setting

    if dashboard_setting(WARM_SETTING).strip().lower() in ("off", "0", "false", "no"):
        return None
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_QuietWarmUp())
    thread = threading.Thread(target=_warm, name=THREAD, daemon=True)
    thread.start()
    return thread


PACKAGES = ("dashboard", "incidents", "geodata")


def byte_compile() -> bool:
    """Writes the byte code of the app's packages beside their sources (`python -m dashboard prepare`, so `make run`,
    does): a server start then reads rather than compiles them (0.1 s of processor time), also where
    PYTHONDONTWRITEBYTECODE keeps Python from writing it itself. False where a file could not be written."""
    import compileall

    return all([compileall.compile_dir(ROOT / name, quiet=2) for name in PACKAGES])


def show_log() -> None:
    """The dashboard's log on the server's console (stderr) from INFO up: the warm-up, each catalog built."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("dashboard")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def streamlit_cli() -> Any:
    """Streamlit's command line module, imported by this thread alone: two threads importing Streamlit for the first
    time at once can meet a partly initialised module ("DeltaGeneratorSingleton instance already exists!")."""
    from streamlit.web import cli

    return cli


def main(argv: list[str] | None = None) -> int:
    """Serve the app with Streamlit's own command line (`streamlit run dashboard/app.py ARGV`)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    gc.disable()  # the start and the imports make objects, hardly any garbage: no collector passes (0.1 s of CPU)
    show_log()
    cli = streamlit_cli()  # whole, before the warm-up thread imports any of Streamlit
    from dashboard import streamlit_private

    streamlit_private.skip_component_scan()
    if warm_in_background() is None:
        collect_again()
    return cli.main(["run", str(APP), *(sys.argv[1:] if argv is None else argv)], prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main())
