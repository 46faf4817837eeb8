"""Serving a case: ``serve`` opens it in the browser, ``user`` keeps the accounts of those
who sign in to it.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import click

from firsthand.case.store import CaseFile
from firsthand.errors import CaseFileError, ServeError
from firsthand.shells.cli.common import cli, db_option, stderr


@cli.command()
@db_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost by default)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--read-only", is_flag=True, help="Serve the case for others to browse, with every write disabled."
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Another host name the pages may be asked for under (repeatable); besides it only"
    " localhost, 127.0.0.1, [::1] and --host are answered.",
)
@click.option(
    "--accounts",
    "with_accounts",
    is_flag=True,
    help="Ask everyone to sign in (`firsthand user add`), on loopback too; beyond it they always must.",
)
def serve(
    db_path: str, host: str, port: int, read_only: bool, allowed_hosts: tuple[str, ...], with_accounts: bool
) -> None:
    """Open the case file in the browser: documents with their facts marked, people, timeline, conflicts."""
    import uvicorn

    from firsthand.case.accounts import has_accounts
    from firsthand.case.backends import is_server_url, masked
    from firsthand.shells.web import create_app
    from firsthand.shells.web.guard import is_loopback

    server_case = is_server_url(db_path)
    if read_only and not server_case and not Path(db_path).exists():
        raise CaseFileError(db_path, "no such case file to serve read-only")
    # Others can reach a server beyond loopback, and a team's database is shared: then
    # nobody reads or changes the case without signing in.
    with_accounts = with_accounts or not is_loopback(host) or server_case
    shown = masked(db_path)
    if with_accounts:
        with CaseFile(db_path, create=not read_only, read_only=read_only) as case:
            if not has_accounts(case):
                why = (
                    "on " + host
                    if not is_loopback(host)
                    else "a server case"
                    if server_case
                    else "with --accounts"
                )
                raise ServeError(
                    f"serving {why} needs accounts,"
                    f" and {shown} has none: add one with `firsthand user add NAME --role editor --db {shown}`"
                )
    app = create_app(
        db_path, read_only=read_only, host=host, allowed_hosts=allowed_hosts, accounts=with_accounts
    )
    # Bound here, so a port in use is one line naming it, not uvicorn's log.
    # IPPROTO_TCP spelled out: asyncio turns Nagle off only on sockets that say they are TCP,
    # and with it on, every response waits 40 ms for the client's delayed ACK.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as err:
        raise ServeError(f"cannot serve on {host}:{port}: {err.strerror}") from None
    if not is_loopback(host):
        stderr.print(
            f"firsthand: warning: listening on {host}, which other machines can reach: everyone signs in,"
            " but passwords and the session cookie cross the network in clear unless a TLS proxy"
            " stands in front. Pages are answered only under localhost, the --host address and each"
            " --allowed-host NAME.",
            markup=False,
            soft_wrap=True,  # one line, as every message of firsthand's
        )
    stderr.print(f"firsthand: serving {shown} on http://{host}:{port}/ (Ctrl-C stops)", markup=False)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    server.run(sockets=[listening])


@cli.group()
def user() -> None:
    """The accounts of a case served to others: editors change it, readers read it."""


@user.command(name="add")
@click.argument("name")
@db_option
@click.option("--role", type=click.Choice(["editor", "reader"]), default="reader", show_default=True)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input (scripts) instead of asking.",
)
def user_add(name: str, db_path: str, role: str, password_stdin: bool) -> None:
    """Give NAME an account; the password is asked for twice (kept only as an argon2id hash)."""
    from firsthand.case.accounts import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    with CaseFile(db_path) as case:
        made = add_user(case, name, password, role)  # type: ignore[arg-type]
    stderr.print(f"{made.name} may now sign in as {made.role}", markup=False)


@user.command(name="list")
@db_option
def user_list(db_path: str) -> None:
    """The accounts and their roles."""
    from firsthand.case.accounts import users

    with CaseFile(db_path, create=False, read_only=True) as case:
        for account in users(case):
            click.echo(f"{account.name}\t{account.role}")


@user.command(name="remove")
@click.argument("name")
@db_option
def user_remove(name: str, db_path: str) -> None:
    """Close NAME's account and every session it has open."""
    from firsthand.case.accounts import remove_user

    with CaseFile(db_path) as case:
        remove_user(case, name)
    stderr.print(f"{name} can no longer sign in", markup=False)
