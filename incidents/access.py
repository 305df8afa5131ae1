"""Who may do what: the four roles, the actions each allows, and the error a refused write raises."""

from __future__ import annotations

from dataclasses import dataclass

from incidents.errors import IncidentsError

ROLES = ("viewer", "editor", "reviewer", "admin")  # each role may do everything the ones before it may

# action -> the least role that may do it
ACTIONS = {
    "read": "viewer",
    "brief": "viewer",
    "import": "editor",
    "edit_draft": "editor",
    "review": "reviewer",
    "edit": "reviewer",
    "delete": "reviewer",
    "merge": "reviewer",
    "undo": "reviewer",
    "manage_users": "admin",
    "settings": "admin",
}


class Forbidden(IncidentsError):
    """The user's role does not allow the action."""

    def __init__(self, user: str, role: str, action: str):
        self.user, self.role, self.action = user, role, action
        needed = ACTIONS.get(action, "admin")
        super().__init__(f"{user} ({role}) may not {action.replace('_', ' ')}: it needs the {needed} role; "
                         "ask an admin to run `python -m incidents users set-role`")


@dataclass(frozen=True)
class User:
    """A signed-in (or the single local) user."""

    name: str
    role: str

    def may(self, action: str) -> bool:
        return may(self.role, action)


LOCAL_ADMIN = User("local", "admin")  # single-user mode: the app on 127.0.0.1 with no accounts


def may(role: str, action: str) -> bool:
    """Whether `role` allows `action` (unknown roles and actions allow nothing)."""
    if role not in ROLES or action not in ACTIONS:
        return False
    return ROLES.index(role) >= ROLES.index(ACTIONS[action])


def check(user: User, action: str) -> None:
    """Raise Forbidden unless the user may do the action."""
    if not user.may(action):
        raise Forbidden(user.name, user.role, action)
