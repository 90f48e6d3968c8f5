"""The window on the organisation's shared database (#15): ``facilitator --db postgresql://…``.

It is the window of ``GuiSession`` without what belongs to a file: no
start-up check of a file, no backups or restore (the server's backups are the
IT department's), no single-window lock (several facilitators work at once).
Other users' changes reach the open pages through the store's listener.
Half-typed text is kept in a recovery file in the user's data folder, one per
server database.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from facilitator.paths import data_dir

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from facilitator.events import ChangeBus
    from facilitator.services.core import Store
    from facilitator.settings import Settings
    from facilitator.ui.main_window import MainWindow


def draft_file(address: str) -> Path:
    """Where the half-typed text of a server database is kept on this computer."""
    key = hashlib.sha256(address.encode("utf-8")).hexdigest()[:16]
    return data_dir() / f"server-{key}.recovery.json"


def describe_account(store: Store) -> str:
    """The keyring's account of a server store: its address without a password."""
    from facilitator.store.server import describe

    return describe(store.engine.url)


class ServerSession:
    def __init__(self, app: QApplication, settings: Settings, address: str) -> None:
        from facilitator.store.server import describe, server_url

        self.app, self.settings, self.address = app, settings, address
        self.shown_address = describe(server_url(address))
        self.store: Store | None = None
        self.bus: ChangeBus | None = None
        self.window: MainWindow | None = None

    def tr(self, text: str) -> str:
        return str(self.app.translate("ServerSession", text))

    def start(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from facilitator.errors import log
        from facilitator.messages import TranslatedError, translate_error
        from facilitator.services.core import Store
        from facilitator.store import secrets
        from facilitator.store.server import PasswordNeededError, open_server_database
        from facilitator.ui.dialogs.password_dialog import ask_password, keep_if_asked

        remember = False
        while True:
            try:
                store = Store(open_server_database(self.address))
                break
            except PasswordNeededError as exc:
                # Asked until the server accepts one, or the user cancels.
                secrets.forget_for_session(exc.account)
                log.info("%s wants a password", self.shown_address)
                answer = ask_password(exc.account, exc.refused)
                if answer is None:
                    return False
                remember = answer
            except TranslatedError as exc:
                log.error("Could not open %s: %s", self.shown_address, exc)
                QMessageBox.critical(None, self.tr("The database could not be opened"),
                                     translate_error(exc))
                return False
        keep_if_asked(describe_account(store), remember)
        self._attach(store)
        return True

    def _attach(self, store: Store) -> None:
        from facilitator.events import ChangeBus
        from facilitator.ui import drafts
        from facilitator.ui.first_paint import after_first_paint
        from facilitator.ui.main_window import MainWindow

        self.store = store
        self.bus = bus = ChangeBus(store)
        drafts.install(drafts.DraftKeeper(draft_file(self.address)))
        self.window = window = MainWindow(store, bus, self.settings, self.shown_address)
        window.restore_action.setEnabled(False)
        window.restore_action.setToolTip(self.tr(
            "The server's backups are kept by the organisation's IT department."))
        store.listen_for_others()
        window.show()
        after_first_paint(window, store.load_orm)

    def bring_to_front(self) -> None:
        from facilitator.single_instance import bring_to_front

        if self.window is not None:
            bring_to_front(self.window)

    def close_window(self) -> None:
        if self.window is not None:
            self.window.close()

    def finish(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
