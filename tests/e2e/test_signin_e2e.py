"""Sign-in in Debian Chromium on a real server: a local account's wrong password is refused, the right one shows
the map, and signing out returns to the form."""

from __future__ import annotations

import pytest

from incidents.accounts import Accounts
from incidents.storage import open_store
from tests.e2e.app_server import app_server, fill_store
from tests.e2e.test_app_e2e import MAP, TIMEOUT, painted_markers

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("signin") / "incidents.sqlite")
    store = open_store(str(db))
    try:
        Accounts(store).add("alice", "editor", PASSWORD)
    finally:
        store.close()
    with app_server(db) as url:
        yield url


def submit(page, name: str, password: str) -> None:
    page.get_by_role("textbox", name="User name").fill(name)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_local_account_signs_in_to_the_map_and_a_wrong_password_is_refused(page, server, screenshot):
    page.goto(server)
    page.get_by_role("textbox", name="Password").wait_for(timeout=TIMEOUT)
    assert page.locator(MAP).count() == 0  # nothing of the app before sign-in
    submit(page, "alice", "not the password")
    page.get_by_text("wrong user name or password").wait_for(timeout=TIMEOUT)
    assert page.locator(MAP).count() == 0
    submit(page, "alice", PASSWORD)
    assert painted_markers(page) > 0
    page.get_by_text("Signed in as").wait_for(timeout=TIMEOUT)
    screenshot(page, "signin-map")
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("textbox", name="Password").wait_for(timeout=TIMEOUT)
    page.locator(MAP).wait_for(state="detached", timeout=TIMEOUT)  # the map goes when the run ends
    assert not page.page_errors and not page.blocked
