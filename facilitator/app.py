"""Composition root: command line or window, database, services, change bus, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QApplication

    from facilitator.services.core import Store

SECOND_LAUNCH_PATIENCE_MS = 4000
# Every command of facilitator.cli (a test keeps them equal): cli is imported only when
# one is named, so the window starts without it.
CLI_WORDS = {"list", "import", "export-json", "sample", "export-minutes", "export-signin",
             "export-agenda", "export-actions", "export-report", "conflicts",
             "take-offline", "sync", "server-init", "server-add-user", "server-set-unit",
             "server-units",
             "-h", "--help", "--version"}


def _wants_cli(argv: Sequence[str]) -> bool:
    """True when the arguments name a command (or ask for help) rather than the window."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif arg in CLI_WORDS:
            return True
    return False


def _gui_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="facilitator", add_help=False)
    parser.add_argument("--db")
    # Used by CI to prove the (frozen) window starts: quit after N seconds.
    parser.add_argument("--quit-after", type=float, default=None)
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations for ``language``; keep the returned list alive."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from facilitator.paths import resource_path

    loaded = []
    app_translator = QTranslator(app)
    if app_translator.load(str(resource_path("translations", f"facilitator_{language}.qm"))):
        app.installTranslator(app_translator)
        loaded.append(app_translator)
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_folder):
        app.installTranslator(qt_translator)
        loaded.append(qt_translator)
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if language == "sv"
                               else QLocale.Language.English))
    return loaded


def configure_application(app: QApplication) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon

    from facilitator import __version__
    from facilitator.paths import config_dir, resource_path

    app.setApplicationName("Facilitator")
    app.setOrganizationName("Facilitator")
    app.setApplicationVersion(__version__)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_dir()))
    icon = resource_path("icons", "facilitator.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def run_gui(argv: Sequence[str]) -> int:
    # The store's modules (SQLAlchemy Core) before Qt: once PySide6 is loaded, its
    # import hook reads the source of every module imported after it (~0.2 ms each).
    from facilitator.store.health import in_use

    args = _gui_arguments(argv)

    import os

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from facilitator.errors import install_excepthook, log, setup_logging
    from facilitator.paths import default_database
    from facilitator.settings import LANGUAGE, Settings
    from facilitator.ui.first_paint import after_first_paint

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)  # the window needs widgets, never a bare QCoreApplication
    configure_application(app)
    settings = Settings()
    translators = install_translations(app, settings.get(LANGUAGE))
    setup_logging()

    def show_unexpected(summary: str, log_path: Path) -> None:
        QMessageBox.critical(
            None,
            app.translate("app", "Unexpected error"),
            app.translate(
                "app",
                "Something unexpected went wrong. Your work is saved.\n\n{summary}\n\n"
                "Details are in the log file:\n{path}",
            ).format(summary=summary, path=log_path),
        )

    install_excepthook(show_unexpected)
    from facilitator.store.server import is_server_url

    if is_server_url(args.db):  # the organisation's shared database
        from facilitator.ui.server_session import ServerSession

        shared = ServerSession(app, settings, args.db)
        if not shared.start():
            return 1
        if args.quit_after is not None:
            QTimer.singleShot(int(args.quit_after * 1000), shared.close_window)
        try:
            return app.exec()
        finally:
            shared.finish()
            del translators
    database = Path(os.path.abspath(args.db or default_database()))
    # A window on this database already? Bring it forward; never open a second writer.
    # (QtNetwork is loaded only when the database is in use, or after the first paint.)
    if in_use(database):
        from facilitator.single_instance import ask_running_instance

        # A window that is starting listens just after its first paint: give it time.
        if ask_running_instance(database, patience_ms=SECOND_LAUNCH_PATIENCE_MS):
            log.info("Facilitator already runs on %s: asked it to come to the front", database)
            return 0
    from facilitator.ui.session import GuiSession

    session = GuiSession(app, settings, database)
    if not session.start():
        return 1
    server = None

    def listen_for_second_launches() -> None:
        nonlocal server
        from facilitator.single_instance import InstanceServer

        server = InstanceServer(database)
        server.listen()
        server.raise_requested.connect(session.bring_to_front)

    assert session.window is not None  # start() succeeded, so the window is open
    after_first_paint(session.window, listen_for_second_launches)
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), session.close_window)
    try:
        return app.exec()
    finally:
        session.finish()
        if server is not None:
            server.close()
        del translators


def open_store(path: Path) -> Store:
    """Check, open and mark the database: the one open path of the window and the CLI.

    Raises DatabaseDamagedError (with the newest verified backup) or
    DatabaseLockedError before anything is written. The clean-shutdown marker
    is written before the first write and removed when the store is closed.
    """
    from sqlalchemy import event

    from facilitator.services.core import Store
    from facilitator.services.erasure_ledger import erase_again
    from facilitator.store import health, wal
    from facilitator.store.migrate import open_database

    path = Path(path)
    health.check_database(path)
    created = not wal.marker_path(path).exists()
    wal.mark_open(path)
    try:
        engine = open_database(path)
        health.ensure_identity(engine)
    except Exception:
        if created:
            wal.mark_closed(path)
        raise
    event.listen(engine, "engine_disposed", lambda _engine: wal.mark_closed(path))
    store = Store(engine)
    try:
        # A restored backup may hold someone erased since: they go again, before anyone sees.
        store.erased_again = erase_again(store, path)
    except Exception:
        store.close()
        raise
    # The marker records the log's salts, so a log from elsewhere is told from a crash's.
    tracker = wal.WalTracker(path)
    tracker.update()
    store.subscribe(tracker.update)
    return store


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if _wants_cli(arguments):
        from facilitator.cli import run

        return run(arguments)
    return run_gui(arguments)


if __name__ == "__main__":
    sys.exit(main())
