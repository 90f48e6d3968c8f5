"""Headless commands over the same services as the window.

Bad input never shows a traceback: one clear line on stderr and a non-zero
exit code (2 for usage errors, 1 for everything else).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from facilitator import __version__
from facilitator.cli_server import SERVER_COMMANDS, ask_password, cmd_sync, cmd_take_offline
from facilitator.paths import default_database

if TYPE_CHECKING:
    from facilitator.interchange.importer import ImportResult
    from facilitator.services.core import Store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: fel: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="facilitator",
        description="Facilitator: workshoppar offline och minnesanteckningar i Word. "
        "Utan kommando startar programfönstret.",
    )
    parser.add_argument("--db", type=database_target, metavar="PATH|URL",
                        help=f"databasfil (standard: {default_database()}) eller "
                        "organisationens databas, postgresql://användare@server/databas")
    parser.add_argument("--remember-password", action="store_true",
                        help="spara lösenordet till organisationens databas i datorns "
                        "lösenordsförråd när det har godtagits")
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)

    sub.add_parser("list", help="lista projekt och workshoppar med id, datum och titel")
    p = sub.add_parser("import", help="importera workshoppaket (.json); flera filer tas in "
                       "i en enda transaktion, allt eller inget")
    p.add_argument("files", type=Path, metavar="FIL", nargs="+")
    p.add_argument("--dry-run", action="store_true",
                   help="visa vad som skulle bli nytt, ändrat, i konflikt och borta; "
                   "skriv ingenting")
    p = sub.add_parser("export-json", help="exportera en workshop eller ett projekt som paket")
    p.add_argument("ref", metavar="WORKSHOP|PROJEKT", help="id från 'facilitator list'")
    p.add_argument("file", type=Path, metavar="FIL")
    sub.add_parser("sample", help="läs in exempelprojektet")
    p = sub.add_parser("export-minutes", help="exportera minnesanteckningar (.docx)")
    p.add_argument("workshop", metavar="WORKSHOP", help="id från 'facilitator list'")
    p.add_argument("out", type=Path, metavar="UT.docx")
    p.add_argument("--template", type=Path, metavar="MALL.docx",
                   help="organisationens Word-mall (.docx eller .dotx)")
    p.add_argument("--no-participants", action="store_true", help="utan deltagarlista")
    p.add_argument("--anonymise", action="store_true",
                   help="ersätt personnamn med roll eller organisation (för publicering)")
    p.add_argument("--for-publication", action="store_true",
                   help="byt ut namnen på dem som inte får namnges (för publicering)")
    p.add_argument("--order", choices=("capture", "votes"), default="capture",
                   help="önskemålens ordning: som de skrevs eller efter röster")
    p.add_argument("--votes", action="store_true", help="visa antal röster per önskemål")
    p = sub.add_parser("export-signin", help="närvarolista att skriva ut före mötet (.docx)")
    p.add_argument("workshop", metavar="WORKSHOP", help="id från 'facilitator list'")
    p.add_argument("out", type=Path, metavar="UT.docx")
    p.add_argument("--notice", type=Path, metavar="TEXT.txt",
                   help="egen text om personuppgifter (UTF-8) i stället för standardtexten")
    p.add_argument("--blank", type=int, default=10, metavar="N",
                   help="antal tomma rader för fler deltagare (standard 10)")
    p.add_argument("--template", type=Path, metavar="MALL.docx", help="organisationens Word-mall")
    p = sub.add_parser("export-agenda", help="dagordningen på en sida att dela ut (.docx)")
    p.add_argument("workshop", metavar="WORKSHOP", help="id från 'facilitator list'")
    p.add_argument("out", type=Path, metavar="UT.docx")
    p.add_argument("--template", type=Path, metavar="MALL.docx", help="organisationens Word-mall")
    p = sub.add_parser("export-actions",
                       help="åtgärdsregistret för uppföljning (.xlsx), försenade först")
    p.add_argument("out", type=Path, metavar="UT.xlsx")
    p.add_argument("--project", metavar="PROJEKT",
                   help="bara ett projekt (id från 'facilitator list'); standard: alla projekt")
    p.add_argument("--all-statuses", action="store_true",
                   help="även klara och strukna åtgärder (standard: öppna och pågående)")
    sub.add_parser("conflicts", help="fält som ändrats på två datorer: värdet som behölls "
                   "och det andra")
    p = sub.add_parser("take-offline", help="kopiera projekt från organisationens databas "
                       "till den här datorns (--db), för att arbeta utan nätverk")
    p.add_argument("server", metavar="URL", help="postgresql://användare@server/databas")
    p.add_argument("projects", metavar="PROJEKT", nargs="+", help="id från 'facilitator list'")
    p = sub.add_parser("sync", help="synkronisera den här datorns projekt (--db) med "
                       "organisationens databas, åt båda hållen")
    p.add_argument("server", metavar="URL", help="postgresql://användare@server/databas")
    p.add_argument("--dry-run", action="store_true",
                   help="visa vad som skulle ändras på varje sida; skriv ingenting")
    p = sub.add_parser("server-init", help="för IT: skapa tabeller, roller och behörighets"
                       "regler i organisationens databas (körs av databasens ägare)")
    p.add_argument("server", metavar="URL", help="postgresql://ägare@server/databas")
    p = sub.add_parser("server-add-user", help="för IT: en inloggning för en processledare "
                       "som ser sina enheters projekt")
    p.add_argument("server", metavar="URL", help="postgresql://ägare@server/databas")
    p.add_argument("role", metavar="ROLL", help="processledarens inloggningsnamn")
    p.add_argument("--unit", dest="units", metavar="ENHET", action="append", required=True,
                   help="enhet vars projekt rollen ser (kan anges flera gånger)")
    p = sub.add_parser("server-set-unit", help="för IT: lägg ett projekt i en enhet "
                       "(eller gör det synligt för alla med --alla)")
    p.add_argument("server", metavar="URL", help="postgresql://ägare@server/databas")
    p.add_argument("project", metavar="PROJEKT", help="projektets id eller exakta namn")
    p.add_argument("unit", metavar="ENHET", nargs="?", help="enhetens namn")
    p.add_argument("--alla", dest="everyone", action="store_true",
                   help="ingen enhet: projektet syns för alla")
    p = sub.add_parser("server-units", help="för IT: varje projekt och dess enhet, och "
                       "vilka roller som hör till vilken enhet")
    p.add_argument("server", metavar="URL", help="postgresql://ägare@server/databas")
    p = sub.add_parser("export-report", help="projektrapport med fokusområden, önskemål, "
                       "uppföljningar och siffror (.docx)")
    p.add_argument("project", metavar="PROJEKT", help="id från 'facilitator list'")
    p.add_argument("out", type=Path, metavar="UT.docx")
    p.add_argument("--template", type=Path, metavar="MALL.docx", help="organisationens Word-mall")
    return parser


def database_target(text: str) -> Path | str:
    """``--db``: a file, or a server's address (postgresql://…) kept as text."""
    from facilitator.store.server import is_server_url

    return text if is_server_url(text) else Path(text)


def _open_store(db: Path | str | None, remember_password: bool = False) -> Store:
    """The checked store (same start-up check and marker as the window).

    A damaged database raises DatabaseDamagedError (a DamagedDatabaseError)
    before anything is written; the file stays where it is. A risky location
    (network, removable drive, cloud folder) is a warning on stderr only.
    """
    from facilitator.app import open_store
    from facilitator.store.location import location_risks

    if isinstance(db, str):
        from facilitator.cli_server import open_server

        return open_server(db, remember_password)
    path = db or default_database()
    for risk in location_risks(path):
        print(f"facilitator: varning: {risk.reason}", file=sys.stderr)
    store = open_store(path)
    if store.erased_again:
        print("facilitator: borttagna enligt GDPR tidigare, togs bort igen: "
              f"{', '.join(store.erased_again)}.", file=sys.stderr)
    return store


def cmd_list(store: Store, args: argparse.Namespace) -> int:
    from facilitator.services.projects import list_projects

    projects = list_projects(store)
    if not projects:
        print("Inga projekt ännu. Prova 'facilitator sample'.")
    for project in projects:
        print(f"{project.id}  projekt   {project.name}")
        for w in project.workshops:
            date = w.date.isoformat() if w.date else "----------"
            print(f"{w.id}  {date}  {w.title}")
    return EXIT_OK


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    from facilitator.interchange.importer import import_packages
    from facilitator.interchange.package_file import read_package_file

    packages = [(read_package_file(path), path.name) for path in args.files]
    results = import_packages(store, packages, dry_run=args.dry_run)
    verb = "Skulle importera" if args.dry_run else "Importerade"
    for path, r in zip(args.files, results, strict=True):
        print(f"{verb} {path}: {r.created} nya, {r.updated} ändrade, {r.conflicts} i konflikt "
              f"(båda värdena sparas), {r.gone} borttagna för gott här, "
              f"{r.unchanged} oförändrade.")
        for kind, n in sorted(r.by_kind.items()):
            print(f"  {kind}: {n} nya eller ändrade")
    if args.dry_run:
        _print_preview(store, [data for data, _ in packages], results)
        print("Inget har skrivits (--dry-run).")
    erased = [name for r in results for name in r.erased_again]
    if erased:
        print(f"Borttagna enligt GDPR tidigare, togs bort igen: {', '.join(erased)}.")
    return EXIT_OK


PREVIEW_KINDS = {"wish": "önskemål", "attendance": "närvaro", "group": "grupp",
                 "focus_area": "fokusområde", "other": "övrigt"}


def _print_preview(store: Store, packages: list[Any], results: list[ImportResult]) -> None:
    """Per group and kind: what is new, changed, deleted and in conflict (as Samla in…)."""
    from facilitator.interchange.collect_preview import preview_lines

    lines = preview_lines(store, packages, results)
    print("Förhandsgranskning per grupp:" if lines else "Förhandsgranskning: inga ändringar.")
    for line in lines:
        group = (line.group_name or "Grupp utan namn") if line.group_id else "Alla grupper"
        print(f"  {group} – {PREVIEW_KINDS[line.kind]}: {line.new} nya, {line.changed} "
              f"ändrade, {line.deleted} borttagna, {line.conflict} i konflikt")


def cmd_export_json(store: Store, args: argparse.Namespace) -> int:
    from facilitator.interchange.export import write_package

    write_package(store, args.ref, args.file)
    print(f"Sparade {args.file}")
    return EXIT_OK


def cmd_sample(store: Store, args: argparse.Namespace) -> int:
    from facilitator.interchange.sample import load_sample

    project_id = load_sample(store)
    print(f"Exempelprojektet är inläst: {project_id}")
    return EXIT_OK


def cmd_export_minutes(store: Store, args: argparse.Namespace) -> int:
    from facilitator.minutes.build import build_minutes
    from facilitator.minutes.export import MinutesOptions, write_docx

    options = MinutesOptions(
        template=args.template,
        include_participants=not args.no_participants,
        anonymise=args.anonymise,
        for_publication=args.for_publication,
        order=args.order,
        show_votes=args.votes,
    )
    model = build_minutes(store, args.workshop, options)
    path = write_docx(model, args.out, options.template)
    print(f"Sparade {path}")
    if options.for_publication:
        print(_replaced(model.names_replaced, model.people_replaced))
    return EXIT_OK


def _replaced(names: int, people: int) -> str:
    """"3 namn ersattes (2 personer)", as the export dialog says it."""
    if not names:
        return "Inga namn behövde bytas ut"
    return f"{names} namn ersattes ({people} {'person' if people == 1 else 'personer'})"


def cmd_export_signin(store: Store, args: argparse.Namespace) -> int:
    from facilitator.minutes.handouts import export_signin_sheet

    notice = None
    if args.notice is not None:
        try:
            notice = args.notice.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"facilitator: texten kunde inte läsas ({args.notice}): {_describe(exc)}",
                  file=sys.stderr)
            return EXIT_FAILED
    path = export_signin_sheet(store, args.workshop, args.out, notice, args.blank, args.template)
    print(f"Sparade {path}")
    return EXIT_OK


def cmd_export_agenda(store: Store, args: argparse.Namespace) -> int:
    from facilitator.minutes.handouts import export_agenda_handout

    path = export_agenda_handout(store, args.workshop, args.out, args.template)
    print(f"Sparade {path}")
    return EXIT_OK


def cmd_export_actions(store: Store, args: argparse.Namespace) -> int:
    from facilitator.action_register_xlsx import write_register_xlsx
    from facilitator.services.action_register import NOT_DONE, action_register

    rows = action_register(store, project_id=args.project,
                           statuses=None if args.all_statuses else NOT_DONE)
    path = write_register_xlsx(rows, args.out, _saved_language())
    print(f"Sparade {path} ({len(rows)} {'åtgärd' if len(rows) == 1 else 'åtgärder'})")
    return EXIT_OK


def cmd_conflicts(store: Store, args: argparse.Namespace) -> int:
    from facilitator.services.conflicts import list_conflicts

    found = list_conflicts(store)
    if not found:
        print("Inga konflikter.")
    for c in found:
        what = f"”{c.label}”" + (f" ({c.where})" if c.where else "") if c.label else c.row_id
        print(f"{c.table} {what} {c.field}: behölls {c.kept!r} "
              f"({c.kept_at:%Y-%m-%d %H:%M}), det andra {c.other!r} "
              f"({c.other_at:%Y-%m-%d %H:%M}) från {c.source or 'okänt paket'}")
    return EXIT_OK


def cmd_export_report(store: Store, args: argparse.Namespace) -> int:
    from facilitator.minutes.project_report import export_project_report

    path = export_project_report(store, args.project, args.out, args.template)
    print(f"Sparade {path}")
    return EXIT_OK


COMMANDS: dict[str, Callable[..., int]] = {
    "list": cmd_list,
    "import": cmd_import,
    "export-json": cmd_export_json,
    "sample": cmd_sample,
    "export-minutes": cmd_export_minutes,
    "export-signin": cmd_export_signin,
    "export-agenda": cmd_export_agenda,
    "export-actions": cmd_export_actions,
    "export-report": cmd_export_report,
    "conflicts": cmd_conflicts,
    "take-offline": cmd_take_offline,
    "sync": cmd_sync,
}


def run(argv: Sequence[str]) -> int:
    from facilitator.atomic import TargetFileError
    from facilitator.messages import Text, tr
    from facilitator.services.core import ServiceError
    from facilitator.store.backup import BackupError
    from facilitator.store.db import DatabaseLockedError
    from facilitator.store.migrate import DamagedDatabaseError, NewerSchemaError
    from facilitator.store.server import PasswordNeededError, ServerError

    try:
        args = build_parser().parse_args(list(argv))
    except SystemExit as exc:  # --help, --version and usage errors: argparse has printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        build_parser().print_help()
        return EXIT_USAGE
    if args.command in SERVER_COMMANDS:  # the organisation's server, not a database file
        asked = 0
        while True:
            try:
                return SERVER_COMMANDS[args.command](args)
            except PasswordNeededError as exc:  # refused as it connected: nothing done yet
                asked += 1
                if not ask_password(exc, asked):
                    _report(exc)
                    return EXIT_FAILED
            except (ServiceError, ServerError, NewerSchemaError) as exc:
                _report(exc)
                return EXIT_FAILED
    try:
        store = _open_store(args.db, args.remember_password)
    except (NewerSchemaError, DamagedDatabaseError, DatabaseLockedError, BackupError,
            ServerError) as exc:
        _report(exc)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - the user gets one line, never a traceback
        _report(Text(tr("the database could not be opened: {reason}"), reason=_describe(exc)))
        return EXIT_FAILED
    try:
        return COMMANDS[args.command](store, args)
    except (ServiceError, TargetFileError) as exc:
        _report(exc)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001
        _report(Text(tr("unexpected error: {reason}"), reason=_describe(exc)))
        return EXIT_FAILED
    finally:
        store.close()


def _report(error: BaseException) -> None:
    """One line on stderr, in the language chosen in the window's settings (Swedish unless
    English was chosen there)."""
    from facilitator.messages import translate_error, use_language

    use_language(_saved_language())
    print(f"facilitator: {translate_error(error)}", file=sys.stderr)


def _saved_language() -> str:
    from PySide6.QtCore import QSettings

    from facilitator.paths import config_dir

    # The file the window's Settings use (see app.configure_application).
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_dir()))
    saved = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      "Facilitator", "Facilitator")
    return str(saved.value("ui/language", "sv"))


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
