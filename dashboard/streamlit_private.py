"""The only module that touches Streamlit's private names (pinned 1.67.0; on another version each is skipped)."""

from __future__ import annotations

PINNED = "1.67.0"  # requirements.txt; tests/dashboard/test_streamlit_private.py checks every name below still exists


def skip_component_scan() -> bool:
    """No scan of every installed distribution's metadata for components v2 manifests at the server's start (about
    0.15 s of processor time of the 0.65 s to a healthy server): the app's one component is declared in code
    (dashboard/components/incident_map.py), no installed package provides one."""
    try:
        from streamlit.components.v2 import manifest_scanner
    except ImportError:
        return False
    if not callable(getattr(manifest_scanner, "scan_component_manifests", None)):
        return False
    manifest_scanner.scan_component_manifests = _no_manifests
    return True


def _no_manifests(max_workers: int | None = None) -> list:
    return []


def mark_repl_check_done() -> bool:
    """Streamlit's first element in a process checks once whether it runs in a REPL (to print a warning), through
    inspect.stack(); served by `streamlit run` the answer is known, so the check is marked done."""
    from streamlit import delta_generator

    if not hasattr(delta_generator, "_use_warning_has_been_displayed"):
        return False
    delta_generator._use_warning_has_been_displayed = True
    return True
