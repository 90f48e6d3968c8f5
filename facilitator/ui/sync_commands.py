"""Arkiv commands between a laptop and the organisation's database (#15).

"Synkronisera med organisationens databas…" is for the window on this
computer's own database, once Inställningar names the organisation's;
"Ta med offline…" is for the window on the organisation's database. Each
command is shown only in the window it belongs to.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from facilitator.settings import ORGANISATION_DATABASE

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow

SYNC_KEY = "Ctrl+Shift+Y"
OTHER_DATABASE_KEY = "Ctrl+Shift+O"


def on_server(window: MainWindow) -> bool:
    """Whether the window works on the organisation's database (it is given an address)."""
    return not isinstance(window.database, Path)


def update_sync_actions(window: MainWindow) -> None:
    server = on_server(window)
    address = window.settings.get(ORGANISATION_DATABASE)
    if server:  # two windows, one per database: the title (and task bar) says which
        window.setWindowTitle(QCoreApplication.translate(
            "SyncCommands", "Facilitator – the organisation's database"))
    window.sync_action.setVisible(not server)
    # Enabled without an address too: choosing it then asks for the address first.
    window.sync_action.setEnabled(not server)
    window.sync_action.setToolTip("" if address else QCoreApplication.translate(
        "SyncCommands", "Name the organisation's database in File → Settings first."))
    window.take_offline_action.setVisible(server)
    window.take_offline_action.setEnabled(server)
    window.other_database_action.setText(
        QCoreApplication.translate("SyncCommands", "Open this computer's &database")
        if server else
        QCoreApplication.translate("SyncCommands", "Open the organisation's data&base…"))


def ask_for_address(window: MainWindow) -> str:
    """The organisation's database, asked for in the settings (where it is kept), with the
    keyboard in its field; empty when the user cancels."""
    from facilitator.ui.dialogs.settings_dialog import SettingsDialog

    settings = SettingsDialog(window.settings, window)
    QTimer.singleShot(0, settings.organisation_database.setFocus)  # once shown
    settings.exec()
    settings.deleteLater()
    window._update_actions()
    return str(window.settings.get(ORGANISATION_DATABASE))


class SyncCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def synchronise(self) -> None:
        from facilitator.ui.dialogs.sync_dialog import SyncDialog

        if on_server(self.w):
            return
        address = self.w.settings.get(ORGANISATION_DATABASE) or ask_for_address(self.w)
        if not address:
            return
        dialog = SyncDialog(self.w.store, address, self.w)
        dialog.synchronised.connect(self.w.navigator.reload)
        dialog.exec()
        dialog.deleteLater()
        if dialog.wants_conflicts:  # the conflicts the sync found, where the user is
            self.w.navigator_commands.show_conflicts()

    def take_offline(self) -> None:
        from facilitator.paths import default_database
        from facilitator.ui.dialogs.take_offline_dialog import TakeOfflineDialog

        if not on_server(self.w):
            return
        dialog = TakeOfflineDialog(self.w.store, default_database(), self.w)
        dialog.exec()
        if dialog.taken:
            self._remember_server()
        dialog.deleteLater()

    def _remember_server(self) -> None:
        """The laptop synchronises with the database its projects came from, unless the
        user has named another; an address with a password is never written down."""
        from facilitator.store.server import ServerError, server_url

        address = str(self.w.database)
        if self.w.settings.get(ORGANISATION_DATABASE):
            return
        try:
            url = server_url(address)
        except ServerError:
            return
        if url.password is None:
            self.w.settings.set(ORGANISATION_DATABASE, address)
            self.w.settings.sync()
