"""Failed sign-ins are limited per client address too (st.context.ip_address, which the pinned Streamlit 1.67 gives):
new browser sessions from one address share its count; another address, and loopback, are not held up."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard.test_app_signin import PASSWORD, add_users, store  # noqa: F401 - the store fixture

FREE = 4
NOW = time.time()  # every attempt at one instant: the lockout's length is exact whatever the machine's load


def _script() -> None:
    import streamlit as st

    from dashboard import signin

    state = st.session_state
    user = signin.attempt(state["try_name"], state["try_password"], now=state["try_now"],
                          address=state.get("try_address"))
    st.write(f"signed in as {user.name}" if user else "not signed in")


def try_in_a_new_session(name: str, password: str, address: str | None) -> tuple[bool, str]:
    at = AppTest.from_function(_script, default_timeout=60)
    at.session_state["try_name"], at.session_state["try_password"] = name, password
    at.session_state["try_address"], at.session_state["try_now"] = address, NOW
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return any("signed in as" in m.value for m in at.markdown), " ".join(e.value for e in at.error)


@pytest.fixture
def limited(store, monkeypatch):  # noqa: F811
    monkeypatch.setenv("INCIDENT_MAP_SIGNIN_ADDRESS_FAILS", str(FREE))
    add_users(store, alice="editor")
    return store


def test_failures_from_one_address_hold_it_up_across_sessions_and_names(limited):
    for number in range(FREE):  # each in a new session, each a name no other test uses: no earlier limit applies
        signed, said = try_in_a_new_session(f"address-probe{number}", "guess guess guess", "203.0.113.7")
        assert not signed and "wrong user name or password" in said
    signed, said = try_in_a_new_session("alice", PASSWORD, "203.0.113.7")
    assert not signed and "Too many failed sign-ins from your network address; wait 2 s" in said
    assert try_in_a_new_session("alice", PASSWORD, "198.51.100.9")[0]  # another address
    assert try_in_a_new_session("alice", PASSWORD, None)[0]  # loopback (no address): only the other limits


def test_the_per_address_limit_can_be_turned_off(limited, monkeypatch):
    monkeypatch.setenv("INCIDENT_MAP_SIGNIN_ADDRESS_FAILS", "0")
    for number in range(FREE + 1):
        try_in_a_new_session(f"address-other{number}", "guess guess guess", "203.0.113.8")
    assert try_in_a_new_session("alice", PASSWORD, "203.0.113.8")[0]


def test_streamlit_gives_the_client_address_in_this_version():
    import streamlit as st

    assert st.__version__ == "1.67.0" and "ip_address" in dir(st.context)


@pytest.mark.parametrize(("peer", "forwarded", "trusted", "client"), [
    ("203.0.113.7", "198.51.100.9", "", "203.0.113.7"),  # no trusted proxy: the header is ignored
    ("203.0.113.7", "198.51.100.9", "10.0.0.2", "203.0.113.7"),  # not from the proxy: a client cannot pick its address
    ("10.0.0.2", "198.51.100.9", "10.0.0.2", "198.51.100.9"),  # through the proxy
    ("10.0.0.2", "1.2.3.4, 198.51.100.9", "10.0.0.2", "198.51.100.9"),  # the first entry is the client's to write
    ("10.0.0.2", "198.51.100.9, 10.0.0.3", "10.0.0.2, 10.0.0.3", "198.51.100.9"),  # two proxies in a row
    (None, "198.51.100.9", "127.0.0.1", "198.51.100.9"),  # a proxy on this machine (loopback: None)
    (None, "198.51.100.9", "", None),  # loopback without a trusted proxy stays loopback
    ("10.0.0.2", None, "10.0.0.2", "10.0.0.2"),  # no header: the proxy itself
    ("10.0.0.2", "127.0.0.1", "10.0.0.2", None),  # forwarded from loopback
    ("::ffff:10.0.0.2", "[2001:db8::1]", "10.0.0.2", "2001:db8::1"),  # IPv4-mapped peer, bracketed IPv6 client
])
def test_the_client_behind_trusted_proxies(peer, forwarded, trusted, client):
    from dashboard.serving import client_behind

    assert client_behind(peer, forwarded, trusted) == client


def test_streamlit_gives_the_request_headers_in_this_version():
    import streamlit as st

    assert "headers" in dir(st.context)
