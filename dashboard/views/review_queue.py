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
from dashboard.history_panel import history_frame
from dashboard.messages import error_text
from incidents import curation
from incidents.access import Forbidden
from incidents.drafts import evidence_text
from incidents.errors import IncidentsError
from incidents.model import EVENT_LABELS, Incident

PAGE_ROWS = 50  # drafts per page of the queue: only these have their sources and evidence read


def queue_frame(queue: pd.DataFrame, details: pd.DataFrame) -> pd.DataFrame:
    """The shown rows of the queue (incidents.drafts.draft_queue) as the page's table, with their evidence from
    `details` (Catalog.details of those rows)."""
    found = details.set_index("id") if len(details) else None
    evidence = [evidence_text(found.at[key, "evidence"], found.at[key, "sources"])
                if found is not None and key in found.index else "" for key in queue["id"]]
    return pd.DataFrame({
        "id": queue["id"].to_numpy(), "confidence": queue["confidence"].to_numpy(),
        "type": [EVENT_LABELS.get(name, name) for name in queue["event_type"]],
        "place": queue["place"].to_numpy(), "started_at": queue["started_at"].to_numpy(), "evidence": evidence,
    })


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


def _page_count(total: int) -> int:
    return max(1, -(-total // PAGE_ROWS))


def _forget_picks() -> None:
    st.session_state.pop("review_pick", None)


def _queue() -> None:
    snap = data.snapshot()
    queue = data.draft_queue(snap)  # the catalog's drafts, cached per store version: no store read per render
    st.subheader(f"Drafts to review: {len(queue):,}")
    if not len(queue):
        st.caption("No drafts: imports, feeds and extractions land here before they reach the map.")
        return
    pages = _page_count(len(queue))
    if int(st.session_state.get("review_page", 1)) > pages:  # the queue shrank (drafts accepted or rejected)
        st.session_state["review_page"] = pages
    page = int(st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, step=1, key="review_page",
                               on_change=_forget_picks)) if pages > 1 else 1
    first = (page - 1) * PAGE_ROWS
    shown = queue.iloc[first:first + PAGE_ROWS]
    frame = queue_frame(shown, snap.catalog.details(shown["id"]))  # sources and evidence of these rows only
    st.caption(f"Drafts {first + 1:,}–{first + len(shown):,} of {len(queue):,}, highest confidence first.")
    st.dataframe(frame, hide_index=True, width="stretch")
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
