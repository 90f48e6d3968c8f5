"""Enter in a completer's open list takes the suggestion, and does nothing else.

QCompleter hands the Enter on to its line edit after completing, so Enter on
a suggestion also submitted the field (checked a walk-in in with a half-typed
organisation, or closed a dialog). With ``enter_accepts_completion`` the
first Enter closes the list and puts the highlighted suggestion in the field
(or keeps what was typed when none is highlighted); the next Enter submits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit


class _EnterAccepts(QObject):
    def __init__(self, completer: QCompleter) -> None:
        super().__init__(completer)
        self.completer = completer
        # Installed after QCompleter's own filter on its list, so it sees the key first.
        popup = completer.popup()
        if popup is not None:
            popup.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        popup = self.completer.popup()
        if popup is None or watched is not popup or event.type() != QEvent.Type.KeyPress \
                or not isinstance(event, QKeyEvent) \
                or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                or not popup.isVisible():
            return False
        index = popup.currentIndex()
        popup.hide()
        widget = self.completer.widget()
        if index.isValid() and isinstance(widget, QLineEdit):
            widget.setText(str(index.data(self.completer.completionRole())))
        return True


def enter_accepts_completion(completer: QCompleter) -> QCompleter:
    _EnterAccepts(completer)
    return completer
