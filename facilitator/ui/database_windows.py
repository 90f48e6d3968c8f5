"""A window on the other database: the organisation's from a laptop's window, and the
laptop's own from a window on the organisation's (#15).

Without a command line a facilitator cannot add ``--db``, so Arkiv opens the
other database in a window of its own, as a new program process: each window
keeps its own half-typed text, backups and single-window lock, exactly as when
started from the command line. A second start on the laptop's database only
brings its window forward.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QProcess

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow

_LAUNCH = "import sys; from facilitator.app import main; sys.exit(main(sys.argv[1:]))"


def program_arguments(database: str | None) -> tuple[str, list[str]]:
    """The program and arguments that start Facilitator's window on ``database``
    (None: this computer's own database)."""
    chosen = ["--db", database] if database else []
    if getattr(sys, "frozen", False):  # the installed program
        return sys.executable, chosen
    return sys.executable, ["-c", _LAUNCH, *chosen]


def open_window_on(database: str | None) -> int | None:
    """Start a window on ``database``; its process id, or None when it could not start."""
    program, arguments = program_arguments(database)
    started, pid = QProcess.startDetached(program, arguments)
    return pid if started else None


def open_other_database(window: MainWindow) -> int | None:
    """Arkiv → the other database: the organisation's (asked for first when not named
    yet), or from a window on it, this computer's."""
    from PySide6.QtWidgets import QMessageBox

    from facilitator.settings import ORGANISATION_DATABASE
    from facilitator.ui.sync_commands import ask_for_address, on_server

    if on_server(window):
        target = None
    else:
        target = window.settings.get(ORGANISATION_DATABASE) or ask_for_address(window)
        if not target:
            return None
    pid = open_window_on(target)
    if pid is None:
        QMessageBox.warning(
            window, QCoreApplication.translate("DatabaseWindows", "Could not be done"),
            QCoreApplication.translate(
                "DatabaseWindows", "Facilitator could not start another window. Start "
                "Facilitator again from the Start menu or the Dock."))
    return pid
