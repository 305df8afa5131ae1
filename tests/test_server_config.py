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


def test_no_page_relies_on_streamlit_magic_which_is_off():
    import ast

    assert tomllib.loads(CONFIG.read_text(encoding="utf-8"))["runner"]["magicEnabled"] is False
    dashboard = CONFIG.parents[1] / "dashboard"
    pages = [dashboard / "app.py", *sorted((dashboard / "views").glob("*.py"))]
    for path in pages:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            body = getattr(node, "body", None)
            for index, statement in enumerate(body if isinstance(body, list) else []):
                if not isinstance(statement, ast.Expr):
                    continue
                value = statement.value
                docstring = index == 0 and isinstance(value, ast.Constant) and isinstance(value.value, str)
                # magic would st.write any other bare expression; with magic off it would silently show nothing
                assert docstring or isinstance(value, (ast.Call, ast.Await, ast.Yield, ast.YieldFrom)), \
                    f"{path.name}:{statement.lineno} is a bare expression"
