"""Sign-in before any page: single-user mode on loopback, local accounts (a rate-limited form), or OpenID Connect
through st.login when [auth] is set in .streamlit/secrets.toml; the refusal to serve other addresses without sign-in."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Mapping
from typing import Any

import streamlit as st

from dashboard import data
from dashboard.escape import markdown_text as md
from dashboard.serving import client_behind, refusal
from dashboard.settings import dashboard_setting, int_setting
from incidents.access import ROLES, User
from incidents.accounts import Accounts, SignInRefused, Throttle, lock_seconds

log = logging.getLogger("dashboard.signin")
USER, SOURCE = "_user", "_user_source"  # USER is dashboard.access's session key
FAILS, WAIT = "_signin_fails", "_signin_wait_until"
RECHECK_S = 5  # an account removed or given another role takes effect within this many seconds
ADDRESS_SETTING = "INCIDENT_MAP_SIGNIN_ADDRESS_FAILS"
PROXIES_SETTING = "INCIDENT_MAP_TRUSTED_PROXIES"
FORGET_S = 3600.0  # an address's failures are forgotten an hour after its last one (once no lockout is running)


def oidc_rules() -> dict[str, Any] | None:
    """The [roles] settings when [auth] is configured in .streamlit/secrets.toml (OpenID Connect), else None."""
    try:
        if "auth" not in st.secrets:
            return None
        return dict(st.secrets.get("roles", {}))
    except (FileNotFoundError, KeyError, ValueError):
        return None


def oidc_role(claims: Mapping[str, Any], rules: Mapping[str, Any]) -> str | None:
    """The role the identity provider's claim gives: the highest role listing one of the claim's values (when no role
    lists any, a value that is a role's own name gives that role); None when nothing matches and no `default` is set."""
    value = claims.get(str(rules.get("claim", "groups")))
    values = {value} if isinstance(value, str) else {str(item) for item in (value or []) if item is not None}
    listed = any(role in rules for role in ROLES)
    for role in reversed(ROLES):
        wanted = rules.get(role, []) if listed else [role]
        if values & ({wanted} if isinstance(wanted, str) else {str(item) for item in wanted}):
            return role
    default = str(rules.get("default", ""))
    return default if default in ROLES else None


def oidc_name(claims: Mapping[str, Any]) -> str:
    """The name a signed-in OpenID Connect user is recorded under."""
    for key in ("email", "preferred_username", "sub"):
        if claims.get(key):
            return str(claims[key])[:200]
    return "oidc-user"


@st.cache_data(ttl=RECHECK_S, show_spinner=False)
def account_count(url: str | None) -> int:
    with data.opened_store() as store:
        return Accounts(store).count()


@st.cache_data(ttl=RECHECK_S, show_spinner=False)
def _account(url: str | None, name: str) -> User | None:
    with data.opened_store() as store:
        return Accounts(store).get(name)


def _forget() -> None:
    for key in (USER, SOURCE):
        st.session_state.pop(key, None)


def _claims() -> dict[str, Any]:
    return {key: st.user.get(key) for key in st.user} if getattr(st.user, "is_logged_in", False) else {}


def signed_in(rules: dict[str, Any] | None) -> User | None:
    """The session's signed-in user, checked again against the store or the identity provider's claims."""
    source = st.session_state.get(SOURCE)
    user = st.session_state.get(USER)
    if source == "local" and isinstance(user, User):
        found = _account(data.store_url(), user.name)
        if found is None:
            log.info("signed out %r: the account was removed", user.name)
        st.session_state[USER] = found
        if found is None:
            _forget()
        return found
    claims = _claims() if rules is not None else {}
    if claims:
        role = oidc_role(claims, rules or {})
        if role is None:
            return None
        user = User(oidc_name(claims), role)
        if st.session_state.get(USER) != user:
            log.info("signed in with OpenID Connect: %r (%s)", user.name, user.role)
        st.session_state[USER], st.session_state[SOURCE] = user, "oidc"
        return user
    _forget()
    return None


@st.cache_resource(show_spinner=False)
def address_throttle(free: int) -> Throttle:
    """Failed sign-ins per client address, shared by every session of this server process (a new browser session
    or cleared cookies do not start again)."""
    return Throttle(free=free, forget_s=FORGET_S)


def client_address() -> str | None:
    """The client's address as the server sees it (st.context.ip_address; None on loopback), or as trusted reverse
    proxies forward it (INCIDENT_MAP_TRUSTED_PROXIES and their X-Forwarded-For header)."""
    try:
        peer, headers = st.context.ip_address, st.context.headers
    except (AttributeError, RuntimeError):
        return None
    return client_behind(peer, headers.get("X-Forwarded-For"), dashboard_setting(PROXIES_SETTING))


def attempt(name: str, password: str, now: float | None = None, address: str | None = None) -> User | None:
    """Check a local sign-in, rate-limited per session and per client `address` (on top of the per-name lockout);
    failures logged, never the password. The user on success, else None with the reason shown."""
    now = time.time() if now is None else now
    wait = float(st.session_state.get(WAIT, 0.0)) - now
    if wait > 0:
        st.error(f"Too many failed sign-ins from this browser; wait {math.ceil(wait)} s and try again.")
        return None
    free = int_setting(ADDRESS_SETTING)
    throttle = address_throttle(free) if address and free > 0 else None
    if throttle is not None:
        wait = throttle.get(address, now)[1] - now
        if wait > 0:
            log.warning("sign-in for %r refused: too many failures from %s", name[:64], address)
            st.error(f"Too many failed sign-ins from your network address; wait {math.ceil(wait)} s and try again.")
            return None
    try:
        with data.opened_store() as store:
            user = Accounts(store).verify(name, password, now=now)
    except SignInRefused as exc:
        fails = int(st.session_state.get(FAILS, 0)) + 1
        st.session_state[FAILS], st.session_state[WAIT] = fails, now + lock_seconds(fails)
        from_there = throttle.failed(address, now)[0] if throttle is not None else 0
        log.warning("failed sign-in for %r from %s: %s (%d in this session, %d from the address)", name[:64],
                    address or "a loopback address", exc, fails, from_there)
        st.error(f"Not signed in: {md(exc)}.")
        return None
    for key in (FAILS, WAIT):
        st.session_state.pop(key, None)
    st.session_state[USER], st.session_state[SOURCE] = user, "local"
    log.info("signed in: %r (%s) from %s", user.name, user.role, address or "a loopback address")
    return user


def _form(accounts: int, rules: dict[str, Any] | None) -> None:
    st.title("Incident map")
    if rules is not None:
        if _claims():
            st.error("Your identity provider gives you no role in this app; ask an admin to add you to a group "
                     "mapped in [roles].")
            if st.button("Sign out", key="signout_oidc"):
                st.logout()
            return
        provider = str(rules.get("provider", "")) or None
        if st.button(str(rules.get("label", "Sign in with your organisation")), type="primary", key="signin_oidc"):
            st.login(provider)
    if not accounts:
        return
    with st.form("signin", clear_on_submit=True):
        name = st.text_input("User name", key="signin_name", max_chars=64, autocomplete="username")
        password = st.text_input("Password", type="password", key="signin_password", max_chars=1024,
                                 autocomplete="current-password")
        submitted = st.form_submit_button("Sign in", type="primary" if rules is None else "secondary")
    if submitted and attempt(name, password, address=client_address()):
        st.rerun()


def _account_box(user: User) -> None:
    st.sidebar.caption(f"Signed in as **{md(user.name)}** · {user.role}")
    if st.sidebar.button("Sign out", key="signout"):
        source = st.session_state.get(SOURCE)
        log.info("signed out: %r", user.name)
        _forget()
        if source == "oidc":
            st.logout()
        st.rerun()


def gate() -> bool:
    """Whether the page may be drawn for this session; otherwise the sign-in form or the refusal is shown.

    With no accounts and no [auth], the app is single-user (the local admin) and serves loopback addresses only."""
    rules = oidc_rules()
    accounts = account_count(data.store_url())
    if rules is None and not accounts:
        problem = refusal(st.get_option("server.address"), accounts, False)
        if problem:
            log.error(problem)
            st.error(problem)
            return False
        return True
    user = signed_in(rules)
    if user is None:
        _form(accounts, rules)
        return False
    _account_box(user)
    return True
