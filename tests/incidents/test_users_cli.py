"""`python -m incidents users …` end to end: the password from stdin only, JSON without hashes, one-line errors."""

import json

from tests.incidents.test_cli import assert_one_line_error, db, run  # noqa: F401  (db is a fixture)

PASSWORD = "correct horse battery"


def test_users_add_list_set_role_remove(db):  # noqa: F811
    done = run("users", "add", "Alice", "--role", "admin", db=db, stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["name"] == "alice"
    assert run("users", "add", "bob", "--role", "viewer", db=db, stdin="a long password\n").returncode == 0
    listed = run("users", "list", db=db)
    rows = json.loads(listed.stdout)
    assert [(row["name"], row["role"]) for row in rows] == [("alice", "admin"), ("bob", "viewer")]
    assert "argon2" not in listed.stdout and PASSWORD not in listed.stdout
    assert json.loads(run("users", "set-role", "bob", "editor", db=db).stdout)["role"] == "editor"
    assert json.loads(run("users", "remove", "bob", db=db).stdout) == {"removed": "bob"}
    assert [row["name"] for row in json.loads(run("users", "list", db=db).stdout)] == ["alice"]


def test_users_refusals_are_one_line(db):  # noqa: F811
    assert_one_line_error(run("users", "add", "carol", "--role", "viewer", db=db, stdin="short\n"))
    assert_one_line_error(run("users", "add", "carol", "--role", "boss", db=db, stdin=PASSWORD + "\n"))
    assert_one_line_error(run("users", "add", "carol", "--role", "viewer", db=db, stdin=""))
    assert_one_line_error(run("users", "add", "carol", "--role", "viewer", "--password", "x", db=db))
    assert_one_line_error(run("users", "set-role", "nobody", "viewer", db=db))
    assert_one_line_error(run("users", "remove", "nobody", db=db))
    assert json.loads(run("users", "list", db=db).stdout) == []
