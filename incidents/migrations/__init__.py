"""Numbered schema migrations, one plain SQL file each per store kind, applied in order inside one transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("sqlite", "postgis")
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One schema step: its number (the schema version it leads to), file name and SQL statements."""

    number: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The file's statements, split on `;` (the files hold no `;` inside strings), comments dropped."""
        lines = [line for line in self.sql.splitlines() if not line.lstrip().startswith("--")]
        return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


@cache
def migrations(kind: str) -> tuple[Migration, ...]:
    """Every migration of a store kind, by number; numbers run 1, 2, … without gaps."""
    found = []
    for path in sorted((HERE / kind).glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise RuntimeError(f"migration file {path} is not named NNNN_words.sql")
        found.append(Migration(int(match.group(1)), path.name, path.read_text(encoding="utf-8")))
    if [item.number for item in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"the {kind} migrations are not numbered 1..{len(found)} without gaps")
    return tuple(found)


def latest(kind: str) -> int:
    """The schema version this program writes for a store kind."""
    return len(migrations(kind))


def due(kind: str, current: int, target: int | None = None) -> tuple[Migration, ...]:
    """The migrations that lead from schema version `current` to `target` (default: the latest)."""
    target = latest(kind) if target is None else target
    return tuple(item for item in migrations(kind) if current < item.number <= target)


def too_new_message(where: str, found: int, kind: str) -> str:
    """The refusal for a store written by a newer program."""
    return (f"the store at {where} has schema version {found}, newer than this program's {latest(kind)}; "
            "upgrade incident-map (git pull; make install) before using it")


def too_old_message(where: str, found: int, kind: str) -> str:
    """The refusal for a store that needs migrating before this program can use it."""
    return (f"the store at {where} has schema version {found}, older than this program's {latest(kind)}; "
            "run `python -m incidents migrate` to upgrade it")
