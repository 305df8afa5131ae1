"""Sign-in on a real server reached over a network address in Debian Chromium: the pinned Streamlit gives the
client's address (st.context.ip_address), so failures from new browser sessions of one client add up per address."""

from __future__ import annotations

import socket

import pytest

from incidents.accounts import Accounts
from incidents.storage import open_store
from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import TIMEOUT

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery"
REFUSED = "from your network address"


def network_address() -> str:
    """This machine's own non-loopback IPv4 address (a UDP 'connect' sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))
        return probe.getsockname()[0]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    address = network_address()
    if address.startswith("127."):
        pytest.fail("this machine has no non-loopback address to serve on")
    db = fill_store(tmp_path_factory.mktemp("signin-address") / "incidents.sqlite")
    store = open_store(str(db))
    try:
        Accounts(store).add("alice", "editor", PASSWORD)
    finally:
        store.close()
    with app_server(db, address=address, extra_env={"INCIDENT_MAP_SIGNIN_ADDRESS_FAILS": "1"}) as url:
        yield url


def try_in_a_new_session(browser, url: str, name: str, password: str) -> str:
    """Sign in from a fresh browser context (a new session, no cookies); the error shown."""
    context = browser.new_context(service_workers="block")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    try:
        page = context.new_page()
        page.goto(url)
        page.get_by_role("textbox", name="Password").wait_for(timeout=TIMEOUT)
        page.get_by_role("textbox", name="User name").fill(name)
        page.get_by_role("textbox", name="Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        shown = page.locator("[data-testid='stAlertContentError']")
        shown.first.wait_for(timeout=TIMEOUT)
        return shown.first.inner_text()
    finally:
        context.close()


def test_failures_from_new_sessions_of_one_client_add_up_per_address(browser, server):
    said = []
    for number in range(6):  # each counted failure doubles the address's wait: 2 s, 4 s, 8 s …
        said.append(try_in_a_new_session(browser, server, f"probe{number}", "guess guess guess"))
        if REFUSED in said[-1]:
            break
    assert REFUSED in said[-1], said
    assert all("wrong user name or password" in text for text in said[:-1]) and len(said) >= 2, said
