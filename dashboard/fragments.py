"""Fragments that keep up with their page: a page widget's change that reached the server with a fragment's run
reruns the whole page (Streamlit's browser code sends the widget updates of one moment in one request, scoped to
the first fragment among them: a preset clicked while the map reports its view reran only the map)."""

from __future__ import annotations

import streamlit as st

from dashboard.state import KEYS

PENDING = KEYS.page_changed


def page_changed() -> None:
    """From a page widget's callback: the page must be drawn again, even when this run is only a fragment's."""
    st.session_state[PENDING] = True


def page_run() -> None:
    """At the start of the page's own run: it draws whatever changed."""
    st.session_state.pop(PENDING, None)


def follow_page() -> None:
    """First thing in a fragment: rerun the whole page when a page widget changed since it was last drawn."""
    if st.session_state.pop(PENDING, False):
        st.rerun()
