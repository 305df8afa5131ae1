"""The Review page: drafts by confidence with their evidence, bulk accept/reject, duplicate candidates with merge, and
one incident's history with an edit form; every write is checked on the server side first."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.access import allowed, require
from dashboard.edit_panel import edit_form
from dashboard.escape import markdown_text
from dashboard.messages import error_text
from dashboard.history_panel import history_frame
from incidents import curation
from incidents.access import Forbidden
from incidents.errors import IncidentsError
from incidents.frames import from_frame
from incidents.model import EVENT_LABELS, Incident, IncidentFilter

def confidence(incident: Incident) -> float | None:
    """The extraction's confidence (0..1) of a draft, when it came from an article."""
    value = (incident.origin.get("extraction") or {}).get("confidence") if isinstance(incident.origin, dict) else None
    return float(value) if isinstance(value, (int, float)) else None


def evidence_text(incident: Incident, limit: int = 200) -> str:
    """The distinct evidence sentences (else the first source's excerpt), joined and cut to `limit` characters."""
    sentences = [str(item.get("sentence") or item.get("text") or "") for item in incident.evidence.values()
                 if isinstance(item, dict)]
    found = list(dict.fromkeys(s for s in sentences if s)) or [s.excerpt for s in incident.sources[:1] if s.excerpt]
    text = " · ".join(found)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def queue_frame(drafts: list[Incident]) -> pd.DataFrame:
    """The review queue: one row per draft, highest confidence first (unknown last)."""
    rows = [{"pick": False, "id": item.id, "confidence": confidence(item),
             "type": EVENT_LABELS.get(item.event_type, item.event_type), "place": item.place,
             "started_at": item.started_at, "evidence": evidence_text(item)} for item in drafts]
    frame = pd.DataFrame(rows, columns=["pick", "id", "confidence", "type", "place", "started_at", "evidence"])
    return frame.sort_values("confidence", ascending=False, na_position="last", kind="stable", ignore_index=True)


def _write(action: str, work: Any) -> None:
    """Check the session's role for `action` on the server, then write; errors shown as one line."""
    try:
        user = require(action)
        result = work(user)
    except (Forbidden, IncidentsError) as exc:
        st.error(error_text(exc))
        return
    data.clear_caches()
    st.session_state["review_flash"] = f"Saved: {result}"
    st.rerun()


def _drafts() -> list[Incident]:
    with data.opened_store() as store:
        return from_frame(store.select(IncidentFilter(review=("draft",))))


def _queue() -> None:
    drafts = _drafts()
    st.subheader(f"Drafts to review: {len(drafts)}")
    if not drafts:
        st.caption("No drafts: imports, feeds and extractions land here before they reach the map.")
        return
    frame = queue_frame(drafts)
    st.dataframe(frame.drop(columns="pick"), hide_index=True, width="stretch")
    picked = st.multiselect("Pick drafts", list(frame["id"]), key="review_pick")
    reason = st.text_input("Reason (required to reject)", key="review_reason")
    left, right = st.columns(2)
    can = allowed("review")
    if left.button(f"Accept {len(picked)} picked", key="review_accept", disabled=not (picked and can)):
        _write("review", lambda user: _review(user, picked, "reviewed", reason))
    if right.button(f"Reject {len(picked)} picked", key="review_reject", disabled=not (picked and can)):
        _write("review", lambda user: _review(user, picked, "rejected", reason))


def _review(user: Any, ids: list[str], state: str, reason: str) -> str:
    with data.opened_store() as store:
        done = curation.review(store, user, ids, state, reason)
    return f"{len(done['changed'])} incident(s) {state}"


def _duplicates() -> None:
    pairs = data.duplicate_pairs(data.snapshot())  # the drafts' candidates, once per store version
    st.subheader(f"Duplicate candidates: {len(pairs)}")
    shown = pairs[:20]
    with data.opened_store() as store:
        incidents = {key: store.get(key) for pair in shown for key in (pair.first, pair.second)}
    for number, pair in enumerate(shown):
        first, second = incidents[pair.first], incidents[pair.second]
        if first is None or second is None:
            continue
        with st.expander(markdown_text(f"{first.place or first.id} · {pair.first} / {pair.second} · "
                                       f"{pair.km:.1f} km")):
            st.caption(markdown_text("; ".join(pair.reasons)))
            st.dataframe(side_by_side(first, second), width="stretch")
            reason = st.text_input("Reason", key=f"merge_reason_{number}")
            if st.button(f"Merge {pair.second} into {pair.first}", key=f"merge_{number}",
                         disabled=not allowed("merge")):
                _write("merge", lambda user: _merge(user, pair.first, pair.second, reason))


def side_by_side(first: Incident, second: Incident) -> pd.DataFrame:
    """The two incidents' fields as two text columns, one row per field, for comparing."""
    a, b = first.to_dict(), second.to_dict()
    names = [name for name in a if name not in ("origin", "evidence", "created_at", "updated_at")]
    return pd.DataFrame({first.id: [str(a[n]) for n in names], second.id: [str(b[n]) for n in names]}, index=names)


def _merge(user: Any, keep: str, other: str, reason: str) -> str:
    with data.opened_store() as store:
        done = curation.merge(store, user, keep, other, reason)
    return f"{done['merged']} merged into {done['kept']}"


def _incident_panel() -> None:
    st.subheader("History and edit")
    incident_id = st.text_input("Incident id", key="curation_id").strip()
    if not incident_id:
        return
    with data.opened_store() as store:
        changes = store.history(incident_id)
        found = bool(store.get_rows([incident_id]))
    st.dataframe(history_frame(changes), hide_index=True, width="stretch")
    if not found:
        st.caption(markdown_text(f"No incident {incident_id} in the store (it may have been deleted or merged)."))
        return
    edit_form(incident_id)  # the detail panel's form: the row version it was opened at is checked on save


def main() -> None:
    st.title("Review")
    require("read")
    if flash := st.session_state.pop("review_flash", None):
        st.success(markdown_text(flash))
    _queue()
    _duplicates()
    _incident_panel()


main()
