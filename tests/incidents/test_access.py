"""Roles allow what they should and refuse the rest."""

import pytest

from incidents.access import ACTIONS, LOCAL_ADMIN, ROLES, Forbidden, User, check, may


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_each_action_allowed_from_its_role_up_and_refused_below(action):
    least = ROLES.index(ACTIONS[action])
    for index, role in enumerate(ROLES):
        assert may(role, action) is (index >= least)


def test_unknown_role_or_action_allows_nothing():
    assert not may("root", "read")
    assert not may("admin", "format_disk")


def test_check_names_the_role_needed():
    with pytest.raises(Forbidden, match="needs the reviewer role"):
        check(User("ann", "editor"), "undo")
    check(LOCAL_ADMIN, "manage_users")
