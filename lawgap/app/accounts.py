"""Create reviewer accounts for the app: `python3 -m lawgap.app.accounts add NAME --role adviser`.

Reads: a password typed twice (or one line on standard input with --password-stdin). Writes: the accounts file
(settings.accounts_path()), the password kept only as a bcrypt hash. The first account of a fresh install
should be an adviser: the app tells how on its first run.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from lawgap.app.auth import NATIONAL_REVIEWER, ROLES, add_account, read_accounts
from lawgap.vocab import PROJECT_COUNTRIES


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m lawgap.app.accounts", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add", help="add or replace an account")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--country", help=f"for a {NATIONAL_REVIEWER}: {', '.join(PROJECT_COUNTRIES)} or another code")
    add.add_argument("--name", default="", help="the full name the audit log shows")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    sub.add_parser("list", help="list the accounts (never their passwords)")
    args = ap.parse_args(argv)
    if args.cmd == "list":
        for username, record in read_accounts().items():
            print(username, record.get("name", ""), ",".join(record.get("roles") or []), record.get("country", ""))
        return 0
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("the two passwords differ; nothing was written", file=sys.stderr)
            return 2
    try:
        path = add_account(args.username, password, args.role, name=args.name, country=args.country)
    except ValueError as exc:
        print(f"{exc}; nothing was written", file=sys.stderr)
        return 2
    print(f"{args.username} ({args.role}) saved in {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
