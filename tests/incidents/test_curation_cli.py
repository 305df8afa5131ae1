"""The curation commands end to end: drafts hidden by default, history and its CSV audit log, batches and undo, edit,
delete, review, duplicates of two articles about one strike, merge."""

import csv
import io
import json

import pytest

from tests.incidents.test_cli import DATA, assert_one_line_error, run

NIGHT = "Drones attacked Kazan on the night of December 20. A drone hit a residential building in Kazan, officials said.\n"
MORNING = "On December 21 at 07:40 a drone struck a high-rise building in Kazan.\n"


@pytest.fixture
def db(tmp_path):
    return tmp_path / "cur.sqlite"


def ok(*args, db):
    done = run(*args, db=db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.lstrip().startswith(("{", "[")) else done.stdout


def ids(db, *flags):
    text = ok("export", "--format", "csv", *flags, db=db)
    return sorted(row["id"] for row in csv.DictReader(io.StringIO(text)))


def test_an_import_is_a_draft_batch_hidden_until_reviewed(db):
    summary = ok("import", DATA / "acled_sample.csv", db=db)
    assert ids(db) == [] and len(ids(db, "--include-drafts")) == 6
    assert ok("figures", db=db)["incidents"] == 0 and ok("figures", "--include-drafts", db=db)["incidents"] == 6
    [batch] = ok("batches", db=db)
    assert batch["id"] == summary["batch"] and batch["source"] == "acled_sample.csv" and len(batch["sha256"]) == 64
    assert (batch["inserted"], batch["kind"]) == (6, "import")
    first = ids(db, "--include-drafts")[0]
    assert ok("review", first, "--accept", db=db)["changed"] == [first]
    assert ids(db) == [first]


def test_reviewed_import_history_csv_and_undo(db, tmp_path):
    ok("import", DATA / "acled_sample.csv", "--reviewed", db=db)
    shown = ids(db)
    assert len(shown) == 6
    target = shown[0]
    assert run("users", "add", "ann", "--role", "reviewer", db=db, stdin="a long password\n").returncode == 0
    assert ok("edit", target, "--set", "notes==HYPERLINK(\"x\")", "--set", "killed=9", "--reason", "=1+1", "--as",
              "ann", db=db)["changed"] == ["killed", "notes"]
    history = ok("history", target, db=db)
    assert [c["field"] for c in history][:1] == ["created"] and {"killed", "notes"} <= {c["field"] for c in history}
    edit = next(c for c in history if c["field"] == "killed")
    assert (edit["new"], edit["actor"], edit["reason"], edit["batch"]) == (9, "ann", "=1+1", None)
    audit = ok("history", "--since", "2000-01-01", "--format", "csv", db=db)
    rows = list(csv.DictReader(io.StringIO(audit)))
    assert len(rows) >= 8 and all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    assert any(row["reason"] == "'=1+1" for row in rows)
    batch = ok("batches", db=db)[0]["id"]
    assert ok("undo", batch, "--reason", "wrong file", db=db)["removed"] == 6
    assert ids(db, "--include-drafts") == [] and ok("batches", db=db)[0]["undone_by"]
    assert_one_line_error(run("undo", batch, "--reason", "again", db=db))
    assert_one_line_error(run("undo", "nope", "--reason", "x", db=db))


def test_delete_review_and_edit_errors_are_one_line(db):
    ok("import", DATA / "acled_sample.csv", db=db)
    target = ids(db, "--include-drafts")[0]
    assert_one_line_error(run("edit", target, "--set", "killed=two", "--reason", "x", db=db))
    assert_one_line_error(run("edit", target, "--set", "killed=2", db=db))
    assert_one_line_error(run("review", target, "--reject", db=db))
    assert_one_line_error(run("history", db=db))
    assert_one_line_error(run("edit", "missing", "--set", "killed=2", "--reason", "x", db=db))
    assert ok("delete", target, "--reason", "test row", db=db) == {"deleted": [target]}
    assert target not in ids(db, "--include-drafts")
    assert ok("history", target, db=db)[-1]["field"] == "deleted"


def test_two_articles_about_one_strike_are_duplicate_candidates_and_merge(db, tmp_path):
    for name, text in (("night.txt", NIGHT), ("morning.txt", MORNING)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        ok("import", tmp_path / name, "--format", "article", "--published", "2024-12-21", db=db)
    both = ids(db, "--include-drafts")
    assert len(both) == 2
    pairs = ok("duplicates", db=db)
    assert [pair["ids"] for pair in pairs] == [both] and pairs[0]["km"] < 1
    assert [pair["ids"] for pair in ok("duplicates", "--drafts", db=db)] == [both]  # two drafts: the sweep finds them
    merged = ok("merge", both[0], both[1], "--reason", "one strike, two articles", db=db)
    assert merged["kept"] == both[0] and ids(db, "--include-drafts") == [both[0]]
    assert ok("duplicates", db=db) == []
    assert {c["field"] for c in ok("history", both[0], db=db)} >= {"created", "sources", "origin"}


@pytest.mark.parametrize("role, allowed", [("viewer", False), ("editor", False), ("reviewer", True), ("admin", True)])
def test_a_cli_write_as_an_account_checks_its_role(db, role, allowed):
    ok("import", DATA / "acled_sample.csv", "--reviewed", db=db)
    assert run("users", "add", "ann", "--role", role, db=db, stdin="a long password\n").returncode == 0
    target = ids(db)[0]
    done = run("edit", target, "--set", "notes=checked", "--reason", "test", "--as", "ann", db=db)
    if allowed:
        assert done.returncode == 0, done.stderr
        assert ok("history", target, db=db)[-1]["actor"] == "ann"
    else:
        assert_one_line_error(done)
        assert "needs the reviewer role" in done.stderr


def test_a_cli_write_as_an_unknown_account_is_refused(db):
    ok("import", DATA / "acled_sample.csv", "--reviewed", db=db)
    assert_one_line_error(run("edit", ids(db)[0], "--set", "notes=x", "--reason", "t", "--as", "nobody", db=db))
