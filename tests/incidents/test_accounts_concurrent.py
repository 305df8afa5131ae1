"""Failed sign-ins from two processes at once are all counted (the counter is one atomic UPDATE … RETURNING), on
SQLite and PostGIS."""

from __future__ import annotations

import multiprocessing

import pytest

from incidents.accounts import Accounts, SignInRefused, lock_seconds
from incidents.storage import open_store

PASSWORD = "correct horse battery"
ROUNDS = 150


def _fail_often(url: str, barrier, rounds: int, out) -> None:
    store = open_store(url)
    try:
        table = Accounts(store).table
        barrier.wait(timeout=60)
        for _ in range(rounds):
            table.record_failure("alice", 1000.0, lock_seconds)
        out.put("done")
    finally:
        store.close()


def _sign_in_wrong(url: str, barrier, out) -> None:
    store = open_store(url)
    try:
        accounts = Accounts(store)
        barrier.wait(timeout=60)
        try:
            accounts.verify("alice", "not the password", now=1000.0)
        except SignInRefused as refused:
            out.put(str(refused))
    finally:
        store.close()


def in_two_processes(target, url: str, *args) -> list[str]:
    spawn = multiprocessing.get_context("spawn")
    barrier, out = spawn.Barrier(2), spawn.Queue()
    workers = [spawn.Process(target=target, args=(url, barrier, *args, out)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert all(worker.exitcode == 0 for worker in workers), [worker.exitcode for worker in workers]
    return [out.get(timeout=5) for _ in workers]


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def url(request, tmp_path):
    url = str(tmp_path / "users.sqlite") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = open_store(url)
    Accounts(store).add("alice", "admin", PASSWORD)
    store.close()
    return url


def stored(url: str) -> dict:
    store = open_store(url)
    try:
        return Accounts(store).table.get("alice")
    finally:
        store.close()


def test_concurrent_failures_are_each_counted(url):
    in_two_processes(_fail_often, url, ROUNDS)
    row = stored(url)
    assert row["failed"] == 2 * ROUNDS and row["locked_until"] == 1000.0 + lock_seconds(2 * ROUNDS)


def test_two_wrong_passwords_at_once_count_twice(url):
    said = in_two_processes(_sign_in_wrong, url)
    assert said == ["wrong user name or password"] * 2
    assert stored(url)["failed"] == 2


def test_a_failure_never_shortens_a_lockout_already_set(url):
    store = open_store(url)
    try:
        table = Accounts(store).table
        table.update("alice", failed=5, locked_until=5000.0)
        assert table.record_failure("alice", 1000.0, lock_seconds) == (6, 5000.0)
        assert table.record_failure("nobody", 1000.0, lock_seconds) is None
    finally:
        store.close()
