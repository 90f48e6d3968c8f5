"""A child process for the draft kill -9 test: the real window, typed into, then killed.

Usage: python child_drafts.py DB WORKSHOP_ID SECTION_ID

It opens the window on DB with the draft keeper installed, as the app does,
types a wish into group 1's capture line (never pressing Enter) and a note
into the agenda item SECTION_ID, then prints ``DRAFTED`` once the recovery
file holds both, and waits in its event loop to be killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WISH = "Cykelväg till skolan i Östby"
NOTE = "Föreningarna vill ses oftare"


def main() -> None:
    db, workshop_id, section_id = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from facilitator.app import configure_application, install_translations
    from facilitator.events import ChangeBus
    from facilitator.recovery import RecoveryFile, recovery_path
    from facilitator.services.core import Store
    from facilitator.settings import Settings
    from facilitator.store.migrate import open_database
    from facilitator.ui import drafts
    from facilitator.ui.main_window import MainWindow

    app = QApplication([])
    configure_application(app)
    keep = install_translations(app, "sv")  # noqa: F841 - alive while the app runs
    store = Store(open_database(db))
    drafts.install(drafts.DraftKeeper(recovery_path(db)))
    window = MainWindow(store, ChangeBus(store), Settings(), db)
    window.show()
    window.open_workshop(workshop_id)

    def type_into(widget, text: str) -> None:  # type: ignore[no-untyped-def]
        for ch in text:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)

    board = window.tabs.page("wish_board")
    window.tabs.show_name("wish_board")
    type_into(board.columns[0].input, WISH)
    window.tabs.show_name("agenda")
    agenda = window.tabs.page("agenda")
    agenda.select(section_id)
    type_into(agenda.notes.edit, NOTE)
    recovery = RecoveryFile(recovery_path(db))

    def report_when_durable() -> None:
        found = recovery.read().get("drafts", {})
        if any(v == WISH for v in found.values()) and any(NOTE in v for v in found.values()):
            print("DRAFTED", flush=True)
        else:
            QTimer.singleShot(20, report_when_durable)

    QTimer.singleShot(0, report_when_durable)
    app.exec()


if __name__ == "__main__":
    main()
