"""Under load: asking a SQLite store's version (every page run of the app does) never waits for a long read or a
write of another thread on the same store object, and still follows every write."""

from __future__ import annotations

import threading
import time

from incidents.storage import open_store
from tests.incidents.factory import make


def test_version_does_not_wait_for_another_threads_long_read(tmp_path):
    store = open_store(str(tmp_path / "s.sqlite"))
    try:
        store.upsert([make(id="a")])
        holding, release = threading.Event(), threading.Event()

        def long_read() -> None:  # as the app's catalog build reads 100,000 rows on the shared store object
            with store._lock:
                holding.set()
                release.wait(30)

        reader = threading.Thread(target=long_read)
        reader.start()
        assert holding.wait(10)
        started = time.perf_counter()
        try:
            version = store.version()
            waited = time.perf_counter() - started
        finally:
            release.set()
            reader.join()
        assert waited < 2 and version == store.version()
    finally:
        store.close()


def test_version_follows_writes_of_this_store_and_of_another(tmp_path):
    path = str(tmp_path / "s.sqlite")
    store = open_store(path)
    try:
        first = store.version()
        store.upsert([make(id="a")])
        second = store.version()
        other = open_store(path)
        try:
            other.upsert([make(id="b")])
        finally:
            other.close()
        assert first < second < store.version()
    finally:
        store.close()
