"""The open database and its window: start-up check, backups, restore, clean close.

``facilitator.app.run_gui`` makes one session per launch; a restore from a
backup closes the window and the store and opens them again in the same session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.ui.first_paint import after_first_paint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from facilitator.events import ChangeBus
    from facilitator.services.core import Store
    from facilitator.settings import Settings
    from facilitator.store.health import Damage
    from facilitator.ui.backup_scheduler import BackupScheduler
    from facilitator.ui.main_window import MainWindow

# The start-up backup waits this long after the window is shown.
START_BACKUP_DELAY_MS = 1000
WARNED_LOCATIONS_KEY = "safety/warned_locations"


class GuiSession:
    """The open database and its window: start-up check, backups, restore, clean close."""

    def __init__(self, app: QApplication, settings: Settings, database: Path) -> None:
        self.app, self.settings, self.database = app, settings, Path(database)
        self.store: Store | None = None
        self.bus: ChangeBus | None = None
        self.window: MainWindow | None = None
        self.scheduler: BackupScheduler | None = None

    def tr(self, text: str) -> str:
        # The context lupdate gives self.tr() calls in this class.
        return str(self.app.translate("GuiSession", text))

    # ----- opening -----------------------------------------------------------
    def start(self) -> bool:
        store = self.open()
        if store is None:
            return False
        window = self._attach(store)
        after_first_paint(window, self.warn_about_location)
        return True

    def open(self) -> Store | None:
        """The checked, opened store, or None after telling the user why not."""
        from facilitator.app import open_store
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
                if choice == "restore" and exc.damage.backup is not None:
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

    def ask_about_damage(self, damage: Damage) -> str:
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

    def _attach(self, store: Store) -> MainWindow:
        from PySide6.QtCore import QTimer

        from facilitator.events import ChangeBus
        from facilitator.recovery import recovery_path
        from facilitator.ui import drafts
        from facilitator.ui.backup_scheduler import BackupScheduler
        from facilitator.ui.main_window import MainWindow

        self.store = store
        self.bus = bus = ChangeBus(store)
        keeper = drafts.DraftKeeper(recovery_path(store.database))
        # Fields are restored while the window is built: say so once it is shown.
        keeper.restored.connect(lambda n: QTimer.singleShot(0, lambda: self.show_status(self.tr(
            "Text typed before Facilitator closed is back where it was ({n} field(s)). "
            "It is saved as usual.").format(n=n), 20000)))
        drafts.install(keeper)
        self.window = window = MainWindow(store, bus, self.settings, self.database)
        self.scheduler = scheduler = BackupScheduler(store, self.database, bus)
        scheduler.warning.connect(self.show_status)
        window.request_restore.connect(self.restore)
        if store.erased_again:
            self.show_status(self._erased_again_text(), 60000)
        window.show()
        # The window is drawn from Core reads; the ORM loads once it is on screen.
        after_first_paint(window, store.load_orm)
        # The start-up backup waits until the window has been painted.
        QTimer.singleShot(START_BACKUP_DELAY_MS, scheduler.at_start)
        return window

    def _erased_again_text(self) -> str:
        names = self.store.erased_again if self.store is not None else []
        return self.tr(
            "Removed again, as erased earlier: {names}. This database (a restored or "
            "copied file) still held them."
        ).format(names=", ".join(names))

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
                text = self.tr(
                    "Restored the backup from {date}. The replaced file is kept as {name}."
                ).format(date=_backup_date(backup), name=aside.name)
                if self.store is not None and self.store.erased_again:
                    text += " " + self._erased_again_text()
                self.show_status(text, 60000)
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
