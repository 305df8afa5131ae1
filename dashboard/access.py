"""The signed-in user of this session and the server-side check every page and write goes through."""

from __future__ import annotations

import streamlit as st

from incidents.access import LOCAL_ADMIN, Forbidden, User, check


def current_user() -> User:
    """The user of this session (single-user mode: the local admin)."""
    return st.session_state.get("_user", LOCAL_ADMIN)


def allowed(action: str) -> bool:
    """Whether this session's user may do the action (to hide controls; the write itself still calls `require`)."""
    return current_user().may(action)


def require(action: str) -> User:
    """The user, when allowed; otherwise raise Forbidden (call this on the server side right before every write)."""
    user = current_user()
    check(user, action)
    return user


__all__ = ["Forbidden", "allowed", "current_user", "require"]
