"""Drive the real modal dialogs a command opens: message boxes and file choosers.

A dialog blocks in exec(), so the test schedules what the user does before the command runs;
the action runs once a dialog of the expected kind is visible. Replacing a dialog with a lambda
would hide a crash in the call that opens it (a wrong parent, a wrong argument), so tests
never do that.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget

from tests.gui.keyboard import press

Dialog = TypeVar("Dialog", bound=QWidget)


def when_shown(kind: type[Dialog], act: Callable[[Dialog], None],
               patience_s: float = 20.0) -> None:
    """Run ``act`` on the next visible modal dialog of ``kind`` (gives up after ``patience_s``)."""
    deadline = time.monotonic() + patience_s

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def answer_box(button: QMessageBox.StandardButton, seen: list[str] | None = None,
               then: Callable[[], None] | None = None) -> None:
    """Press ``button`` in the next message box; its text goes to ``seen``."""

    def act(box: QMessageBox) -> None:
        if seen is not None:
            seen.append(box.text())
        box.button(button).click()
        if then is not None:
            then()

    when_shown(QMessageBox, act)


def choose_file(path: Path, then: Callable[[], None] | None = None) -> None:
    """In the next file chooser, write ``path`` in the file name field and press Enter."""

    def act(dialog: QFileDialog) -> None:
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None, "the file chooser has no file name field"
        name.setText(str(path))
        press(name, Qt.Key.Key_Return)
        if then is not None:
            then()

    when_shown(QFileDialog, act)
