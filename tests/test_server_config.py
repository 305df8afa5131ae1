"""The served app's settings stay safe: it listens on this machine only."""

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


def test_the_app_listens_on_loopback_only():
    server = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["server"]
    assert server["address"] == "127.0.0.1"


def test_no_run_pays_for_a_file_watcher_or_a_full_garbage_collection():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none"  # each new session walked every loaded module
    assert config["runner"]["postScriptGC"] is False  # a gc.collect(2) after every run held the GIL ~60 ms at 100k
