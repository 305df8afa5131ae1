"""`python -m incidents users add | list | set-role | set-password | remove`: local accounts, JSON out, passwords
read from stdin or a prompt (never from the command line)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from incidents.access import ROLES
from incidents.accounts import AccountError, Accounts, open_accounts


def read_password(stream: Any = None, prompt: Callable[[str], str] = getpass.getpass) -> str:
    """The new password: the first line of stdin when it is not a terminal, else asked twice at a hidden prompt."""
    stream = sys.stdin if stream is None else stream
    if not stream.isatty():
        line = stream.readline()
        if not line:
            raise AccountError("no password on stdin; pipe one line (printf '%s\\n' \"$PASSWORD\" | …) "
                               "or run in a terminal to be asked")
        return line.rstrip("\r\n")
    first = prompt("Password: ")
    if prompt("Password again: ") != first:
        raise AccountError("the two passwords differ; nothing was changed")
    return first


def _run(action: Callable[[Accounts, argparse.Namespace], Any]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        store, accounts = open_accounts()
        try:
            out = action(accounts, args)
        finally:
            store.close()
        print(json.dumps(out, ensure_ascii=False))
        return 0

    return run


def _add(accounts: Accounts, args: argparse.Namespace) -> Any:
    from incidents.accounts import check_password, clean_name, clean_role

    clean_name(args.name), clean_role(args.role)  # refused before the password is asked for
    password = read_password()
    check_password(password)
    return accounts.add(args.name, args.role, password)


def _set_password(accounts: Accounts, args: argparse.Namespace) -> Any:
    if accounts.get(args.name) is None:
        raise AccountError(f"there is no user called {args.name!r}; `python -m incidents users list` shows them")
    accounts.set_password(args.name, read_password())
    return {"password_changed": args.name.strip().lower()}


def add_user_commands(sub: Any) -> None:
    """Register `users` and its subcommands on the incidents CLI's subparsers."""
    users = sub.add_parser("users", help="local accounts of the app (sign-in, roles) kept in the store")
    actions = users.add_subparsers(dest="users_command", required=True, parser_class=type(users))
    add = actions.add_parser("add", help="add an account; the password is read from stdin or asked for")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.set_defaults(run=_run(_add))
    listing = actions.add_parser("list", help="the accounts as JSON (never their password hashes)")
    listing.set_defaults(run=_run(lambda accounts, args: accounts.list()))
    role = actions.add_parser("set-role", help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(run=_run(lambda accounts, args: accounts.set_role(args.name, args.role)))
    password = actions.add_parser("set-password", help="replace an account's password (stdin or prompt); "
                                                       "also lifts a lockout")
    password.add_argument("name")
    password.set_defaults(run=_run(_set_password))
    remove = actions.add_parser("remove", help="remove an account")
    remove.add_argument("name")
    remove.set_defaults(run=_run(lambda accounts, args: accounts.remove(args.name)))
