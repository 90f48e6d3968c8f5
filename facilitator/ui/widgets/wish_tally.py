"""The flip-chart tally: one wish at a time, type its count from the paper, Enter.

The bar shows which group and wish is being counted and takes digits only.
Enter announces ``submitted`` (None when the field is empty: skip), Up / Down
``step`` back or on without saving, Esc ``finished``. Ctrl+Z undoes the last
count once the field has nothing of its own to undo (``undo_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

K = Qt.Key


class TallyEdit(QLineEdit):
    submitted = Signal(object)  # int or None
    step = Signal(int)
    finished = Signal()
    undo_requested = Signal()

    def _action(self, event: QKeyEvent) -> str | None:
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        if key in (K.Key_Return, K.Key_Enter) and plain:
            return "submit"
        if key in (K.Key_Up, K.Key_Down, K.Key_Backtab, K.Key_Tab) and (
                plain or key == K.Key_Backtab or mods == Qt.KeyboardModifier.ShiftModifier):
            back = key in (K.Key_Up, K.Key_Backtab) or mods == Qt.KeyboardModifier.ShiftModifier
            return "back" if back else "on"
        if key == K.Key_Escape and plain:
            return "finish"
        if event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
            return "undo"
        return None

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.ShortcutOverride \
                and self._action(event):
            event.accept()
            return True
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            action = self._action(event)
            if action == "submit":
                text = self.text().strip()
                self.submitted.emit(int(text) if text else None)
            elif action in ("back", "on"):
                self.step.emit(-1 if action == "back" else 1)
            elif action == "finish":
                self.finished.emit()
            elif action == "undo":
                self.undo_requested.emit()
            if action:
                event.accept()
                return True
        return super().event(event)


class TallyBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tallyBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#tallyBar { background: palette(alternate-base); }")
        self.where = QLabel()
        self.where.setObjectName("tallyWhere")
        self.where.setStyleSheet("color: palette(placeholder-text);")
        self.wish = QLabel()
        self.wish.setObjectName("tallyWish")
        self.wish.setWordWrap(True)
        font = self.wish.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.wish.setFont(font)
        self.input = TallyEdit()
        self.input.setObjectName("tallyInput")
        self.input.setAccessibleName(self.tr("Votes for this wish"))
        self.input.setValidator(QIntValidator(0, 100_000, self.input))
        self.input.setMaxLength(6)
        self.input.setFixedWidth(90)
        self.input.setAlignment(Qt.AlignmentFlag.AlignRight)
        big = self.input.font()
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.input.setFont(big)
        help_label = QLabel(self.tr("Type the count, Enter saves and goes on · "
                                    "↑ / ↓ back and on without saving · Esc ends"))
        help_label.setObjectName("tallyHelp")
        help_label.setStyleSheet("color: palette(placeholder-text);")
        help_label.setWordWrap(True)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.where)
        text.addWidget(self.wish)
        text.addWidget(help_label)
        votes_label = QLabel(self.tr("Votes:"))
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addLayout(text, 1)
        row.addWidget(votes_label)
        row.addWidget(self.input)

    def show_wish(self, where: str, text: str, votes: int) -> None:
        self.where.setText(where)
        self.wish.setText(text)
        self.input.setText(str(votes))
        self.input.selectAll()
