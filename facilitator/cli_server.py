"""The command line's server commands (#15): take a project offline, sync, and IT's
set-up of the organisation's database; a password the server wants is asked on the
terminal. The commands are registered in facilitator.cli."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.interchange.sync import SyncResult
    from facilitator.services.core import Store
    from facilitator.store.server import PasswordNeededError

EXIT_OK, EXIT_USAGE = 0, 2


def _server(address: str, remember_password: bool = False) -> Store:
    return open_server(_server_address(address), remember_password)


def open_server(address: str, remember_password: bool) -> Store:
    """The server's store; a password it wants is asked on the terminal (never echoed),
    kept in memory, and in the keyring only with --remember-password. Without a terminal
    the server's refusal is the error, as it says where a password can be given."""
    from facilitator.services.core import Store
    from facilitator.store import secrets
    from facilitator.store.server import PasswordNeededError, open_server_database

    asked = 0
    while True:
        try:
            store = Store(open_server_database(address))
        except PasswordNeededError as exc:
            asked += 1
            if not ask_password(exc, asked):
                raise
            continue
        if remember_password:
            from facilitator.store.server import describe

            account = describe(store.engine.url)
            if (known := secrets.known_password(account)) is not None:
                secrets.save_password(account, known)
        return store


def ask_password(needed: PasswordNeededError, asked: int) -> bool:
    """Ask on the terminal (never echoed) for the password the server wants; False
    without a terminal, after three refusals, or when nothing was typed."""
    import getpass

    from facilitator.store import secrets

    secrets.forget_for_session(needed.account)  # none, or refused
    if asked > 3 or not sys.stdin.isatty():
        return False
    if needed.refused:
        print(f"facilitator: servern nekade: {needed.refused}", file=sys.stderr)
    password = getpass.getpass(f"Lösenord för {needed.account}: ")
    if not password:
        return False
    secrets.remember_for_session(needed.account, password)
    return True


def _server_address(address: str) -> str:
    from facilitator.store.server import is_server_url

    if not is_server_url(address):
        from facilitator.messages import tr
        from facilitator.services.core import ValidationError

        raise ValidationError(tr("{address} is not a database server's address "
                                 "(postgresql://…)."), address=address)
    return address


def cmd_take_offline(store: Store, args: argparse.Namespace) -> int:
    from facilitator.interchange.sync import take_offline

    server = _server(args.server, args.remember_password)
    try:
        results = take_offline(server, store, args.projects)
    finally:
        server.close()
    for project_id, r in zip(args.projects, results, strict=True):
        print(f"Tog med {project_id}: {r.created} nya, {r.updated} ändrade, "
              f"{r.conflicts} i konflikt.")
    return EXIT_OK


def cmd_sync(store: Store, args: argparse.Namespace) -> int:

    from facilitator.interchange.sync import laptop_label, synchronise

    server = _server(args.server, args.remember_password)
    try:
        result = synchronise(store, server, dry_run=args.dry_run,
                             laptop_name=laptop_label(store))
    finally:
        server.close()
    if not result.project_ids:
        print("Inga gemensamma projekt: ta med ett projekt offline först (take-offline).")
        return EXIT_OK
    verb = "Skulle ge" if args.dry_run else "Gav"
    for side, results in (("servern", result.to_server), ("den här datorn", result.to_laptop)):
        new, changed, conflicts = result.counts(results)
        print(f"{verb} {side}: {new} nya, {changed} ändrade, {conflicts} i konflikt.")
    _print_sync_conflicts(result, args)
    if args.dry_run:
        print("Inget har skrivits (--dry-run).")
    return EXIT_OK


def _print_sync_conflicts(result: SyncResult, args: argparse.Namespace) -> None:
    """The conflicts the sync found, and where the facilitator finds them: this computer's
    Konflikter (the server's too are copied there, as in the window)."""
    import shlex

    found, here = result.conflicts_found, result.conflicts_here
    conflicts = "konflikt" if here == 1 else "konflikter"
    if args.dry_run:
        if found:
            print(f"{found} fält har ändrats på båda sidorna: det nyare värdet skulle "
                  "behållas och det andra sparas i Konflikter.")
        if here:
            print(f"{here} {conflicts} skulle hamna i Konflikter på den här datorn.")
        return
    if found:
        print(f"{found} fält hade ändrats på båda sidorna: det nyare värdet behölls och "
              "det andra sparades i Konflikter.")
    if here:
        db = f"--db {shlex.quote(str(args.db))} " if args.db else ""
        print(f"{here} {conflicts} finns nu i Konflikter på den här datorn: visa dem med "
              f"facilitator {db}conflicts (eller Konflikter i programfönstret).")


def cmd_server_init(args: argparse.Namespace) -> int:
    from facilitator.store.server_setup import init_server

    init_server(_server_address(args.server))
    print("Databasen är klar: tabeller, gruppen facilitator_users och reglerna för enheter.")
    return EXIT_OK


def cmd_server_add_user(args: argparse.Namespace) -> int:
    from facilitator.store.server_setup import add_user

    made = add_user(_server_address(args.server), args.role, args.units)
    units = ", ".join(args.units)
    print(f"{'Skapade' if made else 'Uppdaterade'} {args.role}, enheter: {units}.")
    if made:
        print("Ge rollen ett lösenord (\\password i psql) eller inloggning via katalogen.")
    return EXIT_OK


def cmd_server_set_unit(args: argparse.Namespace) -> int:
    from facilitator.store.server_units import set_project_unit, units_overview

    if bool(args.unit) == args.everyone:
        print("Ange antingen en ENHET eller --alla.", file=sys.stderr)
        return EXIT_USAGE
    address = _server_address(args.server)
    project = set_project_unit(address, args.project, None if args.everyone else args.unit)
    if project.unit is None:
        print(f"Projektet {project.name} ({project.id}) har ingen enhet: det syns för alla.")
        return EXIT_OK
    print(f"Projektet {project.name} ({project.id}) hör nu till enheten {project.unit}.")
    if project.unit not in units_overview(address).members:
        print(f"Obs: ingen roll hör till enheten {project.unit} än. Bara databasens ägare "
              "ser projektet tills en processledare läggs till med server-add-user.")
    return EXIT_OK


def cmd_server_units(args: argparse.Namespace) -> int:
    from facilitator.store.server_units import units_overview

    overview = units_overview(_server_address(args.server))
    print("Projekt och enheter:")
    for project in overview.projects:
        trash = " (i papperskorgen)" if project.in_trash else ""
        print(f"  {project.name}{trash} [{project.id}]: {project.unit or 'alla (ingen enhet)'}")
    if not overview.projects:
        print("  (inga projekt)")
    print("Enheter och roller:")
    for unit, roles in overview.members.items():
        print(f"  {unit}: {', '.join(roles)}")
    if not overview.members:
        print("  (inga roller; lägg till med server-add-user)")
    return EXIT_OK


SERVER_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "server-init": cmd_server_init,
    "server-add-user": cmd_server_add_user,
    "server-set-unit": cmd_server_set_unit,
    "server-units": cmd_server_units,
}
