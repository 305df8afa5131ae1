"""Local accounts over every store kind: Argon2 hashes, roles, the last admin kept, lockout after failed sign-ins."""

import pytest

from incidents import migrations
from incidents.access import LOCAL_ADMIN, User
from incidents.accounts import (
    FREE_FAILS,
    AccountError,
    Accounts,
    SignInRefused,
    cli_user,
    lock_seconds,
)
from incidents.storage import open_store

PASSWORD = "correct horse battery"


def test_add_list_verify_set_role_remove(store):
    accounts = Accounts(store)
    assert accounts.count() == 0
    added = accounts.add("Alice", "admin", PASSWORD)
    assert added["name"] == "alice" and added["role"] == "admin"
    accounts.add("bob", "viewer", "another password")
    listed = accounts.list()
    assert [row["name"] for row in listed] == ["alice", "bob"]
    assert all("hash" not in key for row in listed for key in row) and PASSWORD not in repr(listed)
    stored = accounts.table.get("alice")["password_hash"]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.verify("ALICE", PASSWORD) == User("alice", "admin")
    assert accounts.set_role("bob", "editor")["role"] == "editor"
    assert accounts.verify("bob", "another password") == User("bob", "editor")
    assert accounts.remove("bob") == {"removed": "bob"}
    assert accounts.get("bob") is None and accounts.count() == 1


def test_refusals_are_account_errors(store):
    accounts = Accounts(store)
    accounts.add("alice", "admin", PASSWORD)
    accounts.add("bob", "viewer", PASSWORD)
    for call in (lambda: accounts.add("alice", "viewer", PASSWORD),  # taken
                 lambda: accounts.add("carol", "boss", PASSWORD),  # no such role
                 lambda: accounts.add("carol", "viewer", "short"),  # weak password
                 lambda: accounts.add("bad name!", "viewer", PASSWORD),
                 lambda: accounts.set_role("nobody", "viewer"),
                 lambda: accounts.remove("nobody"),
                 lambda: accounts.set_role("alice", "viewer"),  # the only admin, others exist
                 lambda: accounts.remove("alice")):
        with pytest.raises(AccountError):
            call()
    accounts.set_role("bob", "admin")
    accounts.set_role("alice", "viewer")  # now another admin exists


def test_wrong_password_locks_the_name_out_growing(store):
    accounts = Accounts(store)
    accounts.add("alice", "editor", PASSWORD)
    now = 1_000_000.0
    for attempt in range(1, FREE_FAILS + 2):  # each attempt once the previous lock has passed
        with pytest.raises(SignInRefused) as refused:
            accounts.verify("alice", "wrong password", now=now)
        assert "wrong" in str(refused.value)
        assert refused.value.retry_after == lock_seconds(attempt)
        now += lock_seconds(attempt)
    assert lock_seconds(FREE_FAILS + 1) > lock_seconds(FREE_FAILS) > 0
    now -= 1
    with pytest.raises(SignInRefused) as locked:  # the right password is refused while locked
        accounts.verify("alice", PASSWORD, now=now)
    assert "too many" in str(locked.value) and locked.value.retry_after == 1
    assert accounts.list()[0]["failed_sign_ins"] == FREE_FAILS + 1
    assert accounts.verify("alice", PASSWORD, now=now + 1) == User("alice", "editor")
    assert accounts.list()[0]["failed_sign_ins"] == 0 and accounts.list()[0]["last_sign_in"]


def test_lock_grows_and_is_capped():
    delays = [lock_seconds(n) for n in range(1, 20)]
    assert delays[:FREE_FAILS - 1] == [0.0] * (FREE_FAILS - 1)
    assert delays == sorted(delays) and delays[FREE_FAILS] > delays[FREE_FAILS - 1] > 0 and delays[-1] == 900.0


def test_unknown_names_lock_out_too(store):
    accounts = Accounts(store)
    for _ in range(FREE_FAILS):
        with pytest.raises(SignInRefused, match="wrong user name or password"):
            accounts.verify(f"ghost{id(store)}", "whatever", now=5.0)
    with pytest.raises(SignInRefused, match="too many"):
        accounts.verify(f"ghost{id(store)}", "whatever", now=5.5)


def test_accounts_persist_in_sqlite_and_schema_has_users(tmp_path):
    path = tmp_path / "s.sqlite"
    store = open_store(str(path))
    Accounts(store).add("alice", "reviewer", PASSWORD)
    assert store.schema_version() == migrations.latest("sqlite") >= 4
    store.close()
    assert cli_user("alice", str(path)) == User("alice", "reviewer")
    assert cli_user(None, str(path)) == LOCAL_ADMIN
    with pytest.raises(AccountError):
        cli_user("nobody", str(path))


def test_read_only_store_refuses_account_writes(tmp_path):
    path = tmp_path / "s.sqlite"
    open_store(str(path)).close()
    store = open_store(str(path), read_only=True)
    try:
        with pytest.raises(Exception, match="read-only"):
            Accounts(store).add("alice", "admin", PASSWORD)
    finally:
        store.close()
