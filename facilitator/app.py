"""Composition root: command line or window, database, services, change bus, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

START_BACKUP_DELAY_MS = 1000
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


WARNED_LOCATIONS_KEY = "safety/warned_locations"


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
    database = Path(os.path.abspath(args.db or default_database()))
    # A window on this database already? Bring it forward; never open a second writer.
    # (QtNetwork is loaded only when the database is in use, or after the first paint:
    # a second launch in the window's first second is told the database is in use.)
    if in_use(database):
        from facilitator.single_instance import ask_running_instance

        if ask_running_instance(database):
            log.info("Facilitator already runs on %s: asked it to come to the front", database)
            return 0
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


class GuiSession:
    """The open database and its window: start-up check, backups, restore, clean close."""

    def __init__(self, app, settings, database: Path) -> None:  # type: ignore[no-untyped-def]
        self.app, self.settings, self.database = app, settings, Path(database)
        self.store = self.bus = self.window = self.scheduler = None  # type: ignore[var-annotated]

    def tr(self, text: str) -> str:
        # The context lupdate gives self.tr() calls in this class.
        return str(self.app.translate("GuiSession", text))

    # ----- opening -----------------------------------------------------------
    def start(self) -> bool:
        store = self.open()
        if store is None:
            return False
        self._attach(store)
        from facilitator.ui.first_paint import after_first_paint

        after_first_paint(self.window, self.warn_about_location)
        return True

    def open(self):  # type: ignore[no-untyped-def]
        """The checked, opened store, or None after telling the user why not."""
        from facilitator.errors import log
        from facilitator.store.backup import BackupError, restore_backup
        from facilitator.store.db import DatabaseLockedError
        from facilitator.store.health import DatabaseDamagedError, keep_damaged_aside

        while True:
            try:
                return open_store(self.database)
            except DatabaseDamagedError as exc:
                log.error("Damaged database %s: %s", self.database, exc)
                choice = self.ask_about_damage(exc.damage)
                if choice == "quit":
                    return None
                aside = keep_damaged_aside(self.database)
                log.warning("Kept the damaged database aside as %s", aside)
                if choice == "restore":
                    try:
                        restore_backup(self.database, exc.damage.backup.path)
                    except (BackupError, OSError) as restore_error:
                        self._critical(self.tr("The backup could not be restored"),
                                       str(restore_error))
                        return None
            except DatabaseLockedError:
                log.warning("Database %s is held by another program", self.database)
                self._critical(
                    self.tr("The database is in use"),
                    self.tr("The database {path} is in use by another program, perhaps "
                            "another Facilitator on this or another computer. Close it and "
                            "start Facilitator again; nothing has been changed.").format(
                                path=self.database))
                return None
            except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
                log.exception("Could not open %s", self.database)
                self._critical(
                    self.tr("The database could not be opened"),
                    self.tr("Facilitator could not open {path}.\n\n{reason}").format(
                        path=self.database, reason=exc))
                return None

    def _critical(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, title, text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("openFailedMessage")
        box.exec()

    def ask_about_damage(self, damage) -> str:  # type: ignore[no-untyped-def]
        """"restore", "empty" or "quit": what the user chose for a damaged database."""
        from PySide6.QtWidgets import QMessageBox

        from facilitator.store.health import DamageKind

        reasons = {
            DamageKind.NOT_A_DATABASE: self.tr("The start of the file has been overwritten."),
            DamageKind.TRUNCATED: self.tr("The file has been cut short."),
            DamageKind.CORRUPT_PAGES: self.tr("Parts of the file have been overwritten."),
            DamageKind.STRAY_WAL: self.tr(
                "A log file (-wal) beside it does not belong to this database."),
        }
        text = self.tr("The database {path} is damaged.").format(path=damage.database)
        text += "\n" + reasons[damage.kind] + " (" + damage.detail + ")\n\n"
        text += self.tr("Nothing is deleted: the damaged file is kept beside it as "
                        "“{name}.damaged-…”.").format(name=damage.database.name)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("The database is damaged"), "",
                          QMessageBox.StandardButton.NoButton)
        box.setObjectName("damagedDatabaseMessage")
        restore = None
        if damage.backup is not None:
            b = damage.backup
            text += "\n\n" + self.tr(
                "The newest verified backup is from {date} ({workshops} workshops, "
                "{wishes} wishes). Restore it?").format(
                    date=b.time.strftime("%Y-%m-%d %H:%M"), workshops=b.workshops,
                    wishes=b.wishes)
            restore = box.addButton(self.tr("&Restore the backup"),
                                    QMessageBox.ButtonRole.AcceptRole)
            restore.setObjectName("damageRestore")
        else:
            text += "\n\n" + self.tr("There is no verified backup to restore.")
        empty = box.addButton(self.tr("Start with an &empty database"),
                              QMessageBox.ButtonRole.DestructiveRole)
        empty.setObjectName("damageStartEmpty")
        quit_button = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        quit_button.setObjectName("damageQuit")
        box.setDefaultButton(restore or quit_button)
        box.setEscapeButton(quit_button)
        box.setText(text)
        box.exec()
        clicked = box.clickedButton()
        if restore is not None and clicked is restore:
            return "restore"
        if clicked is empty:
            return "empty"
        return "quit"

    def _attach(self, store) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        from facilitator.events import ChangeBus
        from facilitator.ui.backup_scheduler import BackupScheduler
        from facilitator.ui.first_paint import after_first_paint
        from facilitator.ui.main_window import MainWindow

        self.store = store
        self.bus = ChangeBus(store)
        self.window = MainWindow(store, self.bus, self.settings, self.database)
        self.scheduler = BackupScheduler(store, self.database, self.bus)
        self.scheduler.warning.connect(self.show_status)
        self.window.request_restore.connect(self.restore)
        self.window.show()
        # The window is drawn from Core reads; the ORM loads once it is on screen.
        after_first_paint(self.window, store.load_orm)
        # The start-up backup waits until the window has been painted.
        QTimer.singleShot(START_BACKUP_DELAY_MS, self.scheduler.at_start)

    def show_status(self, text: str, timeout_ms: int = 15000) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(text, timeout_ms)

    def warn_about_location(self) -> None:
        """Status bar every start; a non-blocking message once per database and reason."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from facilitator.settings import Option
        from facilitator.store.location import CLOUD, NETWORK, location_risks

        risks = location_risks(self.database)
        if not risks or self.window is None:
            return
        texts = []
        for risk in risks:
            if risk.kind == NETWORK:
                texts.append(self.tr(
                    "The database is on a network drive ({detail}). If the network drops "
                    "while Facilitator writes, changes can be lost and the file damaged. "
                    "Copy it to this computer's own disk.").format(detail=risk.detail))
            elif risk.kind == CLOUD:
                texts.append(self.tr(
                    "The database is in a cloud-synced folder ({detail}). The sync program "
                    "can copy or overwrite the file while Facilitator uses it, and changes "
                    "can be lost. Move it to a folder that is not synced.").format(
                        detail=risk.detail))
            else:
                texts.append(self.tr(
                    "The database is on a removable drive ({detail}). Pulling the drive out "
                    "while Facilitator is open can damage the file. Quit Facilitator before "
                    "removing it.").format(detail=risk.detail))
        self.show_status(" ".join(texts), 60000)
        option = Option(WARNED_LOCATIONS_KEY, "")
        warned = [line for line in str(self.settings.get(option)).split("\n") if line]
        keys = [f"{risk.kind}:{self.database}" for risk in risks]
        if all(key in warned for key in keys):
            return
        self.settings.set(option, "\n".join([*warned, *(k for k in keys if k not in warned)]))
        self.settings.sync()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("A risky place for the database"),
                          "\n\n".join(texts), QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("riskyLocationMessage")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.location_message = box

    # ----- while open ----------------------------------------------------------
    def bring_to_front(self) -> None:
        from facilitator.single_instance import bring_to_front

        if self.window is not None:
            bring_to_front(self.window)

    def restore(self) -> None:
        """Arkiv → Återställ från säkerhetskopia: choose, close, restore, reopen."""
        from PySide6.QtWidgets import QDialog

        from facilitator.errors import log
        from facilitator.store.backup import BackupError, restore_backup
        from facilitator.ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.database, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        backup = dialog.chosen_backup()
        dialog.deleteLater()
        if not accepted or backup is None:
            return
        self.app.setQuitOnLastWindowClosed(False)
        try:
            old = self.window
            if old is not None:
                old.close()  # commits the focused field and saves the window state
            self._close_store()
            aside = None
            try:
                aside = restore_backup(self.database, backup)
                log.warning("Restored %s; the replaced file is %s", backup, aside)
            except (BackupError, OSError) as exc:
                log.exception("Restore failed")
                self._critical(self.tr("The backup could not be restored"), str(exc))
            store = self.open()
            if store is None:
                self.app.quit()
                return
            self._attach(store)
            if old is not None:
                old.deleteLater()
            if aside is not None:
                self.show_status(self.tr(
                    "Restored the backup from {date}. The replaced file is kept as {name}.")
                    .format(date=_backup_date(backup), name=aside.name), 30000)
        finally:
            self.app.setQuitOnLastWindowClosed(True)

    # ----- closing -------------------------------------------------------------
    def close_window(self) -> None:
        if self.window is not None:
            self.window.close()

    def _close_store(self) -> None:
        if self.scheduler is not None:
            self.scheduler.at_close()
            self.scheduler.deleteLater()
            self.scheduler = None
        if self.store is not None:
            self.store.close()  # the clean-shutdown marker goes with it
            self.store = None

    def finish(self) -> None:
        """After the event loop: the last backup, then a clean close."""
        self._close_store()


def _backup_date(path: Path) -> str:
    from facilitator.store.backup import backup_time

    return backup_time(path).strftime("%Y-%m-%d %H:%M")


def open_store(path: Path):  # type: ignore[no-untyped-def]
    """Check, open and mark the database: the one open path of the window and the CLI.

    Raises DatabaseDamagedError (with the newest verified backup) or
    DatabaseLockedError before anything is written. The clean-shutdown marker
    is written before the first write and removed when the store is closed.
    """
    from sqlalchemy import event

    from facilitator.services.core import Store
    from facilitator.store import health
    from facilitator.store.migrate import open_database

    path = Path(path)
    health.check_database(path)
    created = not health.marker_path(path).exists()
    health.mark_open(path)
    try:
        engine = open_database(path)
        health.ensure_identity(engine)
    except Exception:
        if created:
            health.mark_closed(path)
        raise
    event.listen(engine, "engine_disposed", lambda _engine: health.mark_closed(path))
    store = Store(engine)
    # The marker records the log's salts, so a log from elsewhere is told from a crash's.
    tracker = health.WalTracker(path)
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
