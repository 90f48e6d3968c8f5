"""A numbered list of rows that the user reorders by dragging or with Alt+↑ / Alt+↓.

The list never reorders itself for good: it asks, through ``move_requested``,
for the row to be moved (an undoable service call), and is refilled from the
store when the change comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole


class OrderedList(QListWidget):
    move_requested = Signal(str, int)  # row id, new index
    current_id_changed = Signal()

    def __init__(self, name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._filling = False
        self.model().rowsMoved.connect(self._on_rows_moved)
        self.currentItemChanged.connect(self._on_current_changed)
        for keys, delta in (("Alt+Up", -1), ("Alt+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda d=delta: self.move_current(d))

    def fill(self, rows: list[tuple[str, str]]) -> None:
        """Show ``rows`` (id, text) numbered 1., 2., …; the current row is kept by id."""
        chosen = self.current_id()
        self._filling = True
        try:
            self.clear()
            for index, (row_id, text) in enumerate(rows, start=1):
                item = QListWidgetItem(f"{index}. {text}")
                item.setData(ID_ROLE, row_id)
                self.addItem(item)
                if row_id == chosen:
                    self.setCurrentItem(item)
            if self.currentItem() is None and self.count():
                self.setCurrentRow(0)
        finally:
            self._filling = False
        self.current_id_changed.emit()

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select_id(self, row_id: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(ID_ROLE) == row_id:
                self.setCurrentRow(i)
                return

    def move_current(self, delta: int) -> None:
        row_id, target = self.current_id(), self.currentRow() + delta
        if row_id is not None and 0 <= target < self.count():
            self.move_requested.emit(row_id, target)

    def _on_current_changed(self, *_args: object) -> None:
        if not self._filling:
            self.current_id_changed.emit()

    def _on_rows_moved(self, _parent: QModelIndex, start: int, _end: int,
                       _dest: QModelIndex, row: int) -> None:
        if self._filling:
            return
        target = row if row < start else row - 1
        item = self.item(target)
        if item is not None:
            self.move_requested.emit(item.data(ID_ROLE), target)


def list_panel(items: QWidget, note: QLabel, *buttons: QWidget) -> QWidget:
    """The left side of a list page: the list, a note under it, then a row of buttons."""
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(items)
    layout.addWidget(note)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    layout.addLayout(row)
    return panel
