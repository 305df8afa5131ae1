"""One incident's recorded history as a table (the detail panel's list and the Review page's), and its related
incidents."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.escape import markdown_text


def history_frame(changes: list[Any]) -> pd.DataFrame:
    """Changes as a table, oldest first (values shown as text; st.dataframe shows text, never Markdown)."""
    return pd.DataFrame([{"when": c.at, "field": c.field, "old": _shown(c.old), "new": _shown(c.new),
                          "who": c.actor, "reason": c.reason, "batch": c.batch or ""} for c in changes],
                        columns=["when", "field", "old", "new", "who", "reason", "batch"])


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


def history_list(incident_id: str) -> None:
    """An expander with the incident's history (nothing when none is recorded)."""
    with data.opened_store() as store:
        changes = store.history(incident_id)
    if changes:
        with st.expander(f"History: {len(changes)} change(s)"):
            st.dataframe(history_frame(changes), hide_index=True, width="stretch")


def related_list(incident_id: str) -> None:
    """The incidents related to this one (same article; strike and nearby airport restrictions in the same hours)."""
    from incidents.curation import related_stored

    with data.opened_store() as store:
        incident = store.get(incident_id)
        links = related_stored(store, incident) if incident is not None else []
    if links:
        st.markdown("**Related**  \n" + "  \n".join(markdown_text(f"{link['id']}: {link['reason']}")
                                                   for link in links))
