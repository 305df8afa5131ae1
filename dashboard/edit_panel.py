"""The map's detail panel edit form: editors change drafts, reviewers any incident; a reason is required, the role is
checked on the server right before the write, and an edit based on an older version is refused naming the fields
changed since."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard import data
from dashboard.access import allowed, require
from dashboard.escape import markdown_text
from dashboard.messages import error_text
from incidents import curation
from incidents.access import Forbidden
from incidents.errors import IncidentsError
from incidents.storage.base import EditConflict

EDITABLE = ("event_type", "place", "started_at", "killed", "injured", "drones_downed", "verification", "notes")
FLASH = "detail_edit_flash"


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


def _base_key(incident_id: str) -> str:
    return f"detail_edit_base_{incident_id}"


def edit_form(incident_id: str) -> None:
    """An expander with the edit form, for a user allowed to edit this incident (nothing otherwise): the one edit
    path of the app (the map's detail panel and the Review page), checked against the row version it was opened at."""
    if flash := st.session_state.pop(FLASH, None):
        st.success(markdown_text(flash))
    if not allowed("edit_draft"):  # a viewer: no form, and no store read
        return
    with data.opened_store() as store:
        row = store.get_rows([incident_id]).get(incident_id)
    if row is None:
        return
    action = "edit_draft" if row.incident.review == "draft" else "edit"
    if not allowed(action):
        return
    version, seen = st.session_state.setdefault(_base_key(incident_id), (row.version, row.incident.to_dict()))
    with st.expander("Edit this incident"):
        with st.form(key=f"detail_edit_{incident_id}"):
            values = {name: st.text_input(name, value=_shown(seen.get(name)), key=f"detail_{incident_id}_{name}")
                      for name in EDITABLE}
            reason = st.text_input("Reason (required)", key=f"detail_{incident_id}_reason")
            saved = st.form_submit_button("Save changes")
        if st.button("Reload", key=f"detail_reload_{incident_id}"):
            _forget(incident_id)
            st.rerun()
    if saved:
        changed = [f"{name}={value}" for name, value in values.items() if value != _shown(seen.get(name))]
        _save(incident_id, action, changed, reason, version, seen)


def _save(incident_id: str, action: str, changed: list[str], reason: str, version: int, seen: dict[str, Any]) -> None:
    try:
        user = require(action)  # the server-side check, whatever the widgets said
        changes = curation.parse_assignments(changed)
        with data.opened_store() as store:
            done = curation.edit(store, user, incident_id, changes, reason, expected_version=version)
    except EditConflict as exc:
        data.show_conflict(exc, seen)
        return
    except (Forbidden, IncidentsError) as exc:
        st.error(error_text(exc))
        return
    data.clear_caches()
    _forget(incident_id)
    st.session_state[FLASH] = f"Saved {incident_id}: {', '.join(done['changed']) or 'nothing changed'}"
    st.rerun()


def _forget(incident_id: str) -> None:
    """Drop the version the form was based on and its field values: the next run starts from the stored row."""
    for key in [_base_key(incident_id), *(f"detail_{incident_id}_{name}" for name in (*EDITABLE, "reason"))]:
        st.session_state.pop(key, None)
