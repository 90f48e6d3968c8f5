"""Composition root: command line or window, database, services, change bus, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

CLI_WORDS = {"list", "import", "export-json", "sample", "export-minutes",
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
    parser.add_argument("--db", type=Path)
    # Used by CI to prove the (frozen) window starts: quit after N seconds.
    parser.add_argument("--quit-after", type=float, default=None)
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def install_translations(app, language: str) -> list:  # type: ignore[no-untyped-def]
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


def configure_application(app) -> None:  # type: ignore[no-untyped-def]
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
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from facilitator.errors import install_excepthook, log, setup_logging
    from facilitator.paths import default_database
    from facilitator.settings import LANGUAGE, Settings

    args = _gui_arguments(argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
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
    database = args.db or default_database()
    try:
        store = open_store(database)
    except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
        log.exception("Could not open %s", database)
        QMessageBox.critical(
            None,
            app.translate("app", "The database could not be opened"),
            app.translate("app", "Facilitator could not open {path}.\n\n{reason}").format(
                path=database, reason=exc
            ),
        )
        return 1

    from facilitator.events import ChangeBus
    from facilitator.ui.main_window import MainWindow

    bus = ChangeBus(store)
    window = MainWindow(store, bus, settings, database)
    window.show()
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), window.close)
    try:
        return app.exec()
    finally:
        store.close()
        del translators


def open_store(path: Path):  # type: ignore[no-untyped-def]
    from facilitator.services.core import Store
    from facilitator.store.migrate import open_database

    return Store(open_database(path))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if _wants_cli(arguments):
        from facilitator.cli import run

        return run(arguments)
    return run_gui(arguments)


if __name__ == "__main__":
    sys.exit(main())
