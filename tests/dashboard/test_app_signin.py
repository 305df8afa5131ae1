"""AppTest of sign-in and roles: single-user mode on loopback only, the local-account form with its rate limit, sign
out, a viewer's session refused every write (even a crafted click), and the OpenID Connect claim -> role mapping."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from dashboard.serving import is_loopback, refusal
from dashboard.signin import oidc_role
from incidents.access import User
from incidents.accounts import FREE_FAILS, Accounts
from incidents.storage import open_store
from tests.dashboard.test_app import APP, metrics
from tests.dashboard.test_app_import import paste, sample_csv
from tests.e2e.app_server import fill_store

PASSWORD = "correct horse battery"


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = fill_store(tmp_path / "incidents.sqlite")
    monkeypatch.setenv("INCIDENTS_DB", str(path))
    return path


def add_users(path, **roles: str) -> None:
    store = open_store(str(path))
    try:
        for name, role in roles.items():
            Accounts(store).add(name, role, PASSWORD)
    finally:
        store.close()


def count(path) -> int:
    store = open_store(str(path), read_only=True)
    try:
        return store.count()
    finally:
        store.close()


@pytest.fixture
def served_on(request):
    """Set server.address for this test (AppTest runs in this process), restored afterwards."""
    before = config.get_option("server.address")

    def serve(address):
        config.set_option("server.address", address)

    yield serve
    config.set_option("server.address", before)


def start() -> AppTest:
    from dashboard import signin

    signin.account_count.clear()
    signin._account.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="signin_name").input(name)
    at.text_input(key="signin_password").input(password)
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def keys(widgets) -> list[str]:
    return [item.key for item in widgets]


def errors(at: AppTest) -> str:
    return "\n".join(e.value for e in at.error)


def test_loopback_addresses():
    assert all(is_loopback(a) for a in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"))
    assert not any(is_loopback(a) for a in ("", None, "0.0.0.0", "::", "192.168.1.5", "example.org"))
    assert refusal("127.0.0.1", 0, False) is None and refusal("0.0.0.0", 1, False) is None
    assert refusal("0.0.0.0", 0, True) is None
    assert "python -m incidents users add" in refusal("0.0.0.0", 0, False)


def test_single_user_mode_on_loopback_is_the_local_admin(store):
    at = start()
    assert metrics(at)["Incidents"] == "7" and "signin_name" not in keys(at.text_input)
    assert not [b for b in at.sidebar.button if b.label == "Sign out"]


@pytest.mark.parametrize("address", ["0.0.0.0", "", "192.168.1.5"])
def test_network_address_without_accounts_is_refused(store, served_on, address):
    served_on(address)
    at = start()
    assert "Refusing to serve" in errors(at) and "python -m incidents users add" in errors(at)
    assert len(at.error) == 1 and "\n" not in at.error[0].value
    assert not at.metric  # no page drawn


def test_network_address_with_accounts_asks_to_sign_in(store, served_on):
    add_users(store, alice="viewer")
    served_on("0.0.0.0")
    at = start()
    assert not at.error and not at.metric and "signin_name" in keys(at.text_input)
    assert metrics(sign_in(at, "alice", PASSWORD))["Incidents"] == "7"


def test_sign_in_wrong_password_then_right_then_sign_out(store):
    add_users(store, alice="editor")
    at = start()
    assert not at.metric and "signin_password" in keys(at.text_input)
    sign_in(at, "alice", "not the password")
    assert "wrong user name or password" in errors(at) and not at.metric
    sign_in(at, "alice", PASSWORD)
    assert metrics(at)["Incidents"] == "7" and "alice" in at.sidebar.caption[0].value
    next(b for b in at.sidebar.button if b.label == "Sign out").click().run()
    assert not at.metric and "signin_name" in keys(at.text_input)


def test_failed_sign_ins_are_rate_limited_per_session_and_logged(store, caplog):
    add_users(store, alice="editor")
    at = start()
    for attempt in range(FREE_FAILS):
        sign_in(at, f"probe{attempt}", "guess guess guess")  # other names: the per-name lock does not apply
    sign_in(at, "alice", PASSWORD)  # the right password, but this session must wait
    assert "Too many failed sign-ins from this browser" in errors(at) and not at.metric
    logged = [r.getMessage() for r in caplog.records if r.name == "dashboard.signin"]
    assert sum("failed sign-in" in line for line in logged) == FREE_FAILS
    assert not any("guess" in line for line in logged)  # never the password


def test_viewer_sees_no_import_page_and_no_store_internals(store):
    add_users(store, vera="viewer")
    at = sign_in(start(), "vera", PASSWORD)
    assert metrics(at)["Incidents"] == "7"
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/import_page.py")  # not offered to a viewer
    at.switch_page("views/about.py").run()
    shown = "\n".join(m.value for m in at.markdown) + "\n".join(str(t.value) for t in at.table)
    assert "About" in at.title[0].value and store.name not in shown.replace("\\", "")


def test_viewer_cannot_save_through_a_crafted_click(tmp_path, monkeypatch):
    store = fill_store(tmp_path / "empty.sqlite", [])
    monkeypatch.setenv("INCIDENTS_DB", str(store))
    at = start()  # single-user mode: the local admin reaches the save button
    at.switch_page("views/import_page.py").run()
    paste(at, sample_csv())
    assert at.button(key="import_save")
    at.session_state["_user"] = User("vera", "viewer")  # the session is now a viewer's; the browser still clicks
    at.button(key="import_save").click().run()
    assert not at.success and count(store) == 0
    at.session_state["_user"] = User("ed", "editor")  # an editor's session may save the same batch
    at.run()
    at.switch_page("views/import_page.py").run()
    at.button(key="import_save").click().run()
    assert "3 new" in at.success[0].value and count(store) == 3


def test_the_write_itself_refuses_a_viewer(store):
    def script():
        import streamlit as st

        from dashboard import data
        from incidents.access import Forbidden, User
        from tests.e2e.app_server import sample_incidents

        st.session_state["_user"] = User(st.session_state.get("as", "vera"), st.session_state.get("role", "viewer"))
        try:
            result = data.save_incidents([item.with_changes(id="new-" + item.id) for item in sample_incidents()])
            st.success(f"saved {result.inserted}")
        except Forbidden as exc:
            st.error(str(exc))

    at = AppTest.from_function(script, default_timeout=60)
    at.run()
    assert "vera (viewer) may not import" in errors(at) and count(store) == 7
    at.session_state["role"] = "editor"
    at.run()
    assert at.success and count(store) == 14


def test_oidc_claim_maps_to_the_highest_listed_role():
    rules = {"claim": "groups", "admin": ["map-admins"], "reviewer": ["map-reviewers"], "editor": "map-editors"}
    assert oidc_role({"groups": ["staff", "map-reviewers", "map-editors"]}, rules) == "reviewer"
    assert oidc_role({"groups": "map-editors"}, rules) == "editor"
    assert oidc_role({"groups": ["staff"]}, rules) is None  # no default: refused
    assert oidc_role({"groups": ["staff"]}, {**rules, "default": "viewer"}) == "viewer"
    assert oidc_role({"role": "reviewer"}, {"claim": "role"}) == "reviewer"  # no lists: a claim holding the role's name
    assert oidc_role({"groups": ["admin"]}, rules) is None  # with lists, a group merely called "admin" gives nothing
    assert oidc_role({}, {"default": "superuser"}) is None


def test_serve_refuses_a_network_address_before_starting(tmp_path):
    import os
    import subprocess
    import sys

    from tests.dashboard.test_app_import import ROOT

    env = {**os.environ, "INCIDENTS_DB": str(tmp_path / "empty.sqlite"), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "dashboard", "serve", "--address", "0.0.0.0", "--port", "1"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Refusing to serve on address 0.0.0.0" in lines[0] and "users add" in lines[0]


def test_a_changed_role_or_removed_account_takes_effect_in_running_sessions(store):
    from dashboard import signin

    add_users(store, alice="admin", ed="editor")
    at = sign_in(start(), "ed", PASSWORD)
    at.switch_page("views/import_page.py").run()
    assert "import_read_text" in keys(at.button)
    opened = open_store(str(store))
    try:
        Accounts(opened).set_role("ed", "viewer")
        signin._account.clear()  # what RECHECK_S seconds do
        at.run()
        assert "import_read_text" not in keys(at.button) and "viewer" in at.sidebar.caption[0].value
        Accounts(opened).remove("ed")
        signin._account.clear()
        at.run()
    finally:
        opened.close()
    assert not at.metric and "signin_name" in keys(at.text_input)


def test_with_openid_connect_configured_the_pages_wait_for_sign_in(store):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "map", "client_secret": "s",
                          "server_metadata_url": "https://idp.invalid/.well-known/openid-configuration"}
    at.secrets["roles"] = {"claim": "groups", "label": "Sign in with Example ID"}
    at.run()
    assert not at.exception and not at.metric
    assert [b.label for b in at.button] == ["Sign in with Example ID"]  # no local accounts: no password form
    assert "signin_name" not in keys(at.text_input)
