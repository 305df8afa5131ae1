"""The live map's payload ids: pyarrow text is digested by content, whatever its slice, fast at a million rows."""

from __future__ import annotations

import time

import pandas as pd

from dashboard.components.map_data import digest_arrays


def _ids(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="string[pyarrow]")


def test_same_text_same_digest_whatever_the_slice() -> None:
    whole = _ids([f"id{i}" for i in range(100)])
    fresh = _ids([f"id{i}" for i in range(5, 10)])
    assert digest_arrays(whole.iloc[5:10]) == digest_arrays(whole.take(range(5, 10))) == digest_arrays(fresh)


def test_different_text_different_digest() -> None:
    assert digest_arrays(_ids(["a", None, "b"])) != digest_arrays(_ids(["a", "", "b"]))
    assert digest_arrays(_ids(["ab", "", "b"])) != digest_arrays(_ids(["a", "b", "b"]))
    assert digest_arrays(_ids(["a", "b"])) != digest_arrays(_ids(["b", "a"]))


def test_a_million_ids_digest_quickly() -> None:
    ids = _ids([f"synthetic-{i:08d}" for i in range(1_000_000)])
    started = time.process_time()
    digest_arrays(ids)
    assert time.process_time() - started < 0.5  # pandas' hash of a million Python strings took about 2 s
