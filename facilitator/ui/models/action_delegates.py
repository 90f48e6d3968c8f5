"""Editors of the actions table: the responsibles dialog, due date and status cells."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.services.core import Store
from facilitator.services.responsibles import ResponsibleInfo, Who
from facilitator.ui.qt_dates import py_date, qdate
from facilitator.ui.widgets.responsibles_editor import ResponsiblesEditor

Index = QModelIndex | QPersistentModelIndex


class ResponsiblesDialog(QDialog):
    """Who is responsible for one action (or a followed-up wish): the list, a field to
    add, OK or Esc."""

    def __init__(self, store: Store, action_text: str, infos: Sequence[ResponsibleInfo],
                 parent: QWidget | None = None, title: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionResponsiblesDialog")
        title = title or self.tr("Responsible for the action")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        about = QLabel(" ".join(action_text.split()))
        about.setObjectName("actionResponsiblesAbout")
        about.setWordWrap(True)
        self.editor = ResponsiblesEditor(store, "actionResponsibles", self)
        self.editor.set_responsibles(infos)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("actionResponsiblesButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Enter adds what is typed; Enter in an empty field is OK. "
                              "Delete removes the chosen one, Alt+Up / Alt+Down moves it."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.editor)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())
        self.editor.add_field.setFocus()

    def whos(self) -> list[Who]:
        return self.editor.whos()


_ALL = QAbstractItemView.EditTrigger.AllEditTriggers


class ActionsTable(QTableView):
    """The actions table; editing a Responsible cell opens ``edit_responsibles`` instead of
    an editor in the cell (several names do not fit in one)."""

    def __init__(self, column: int, edit_responsibles: Callable[[QPersistentModelIndex], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column = column
        self._edit_responsibles = edit_responsibles
        self._pending = False
        self.activated.connect(self._on_activated)  # Enter on a cell

    @overload
    def edit(self, index: Index, /) -> None: ...

    @overload
    def edit(self, index: Index, trigger: QAbstractItemView.EditTrigger, event: QEvent,
             /) -> bool: ...

    def edit(self, index: Index, trigger: QAbstractItemView.EditTrigger = _ALL,
             event: QEvent | None = None, /) -> bool | None:
        if not index.isValid() or index.column() != self._column:
            # An edit(index) from code comes without an event; the stubs want one, and an
            # empty one means the same to the delegates.
            return super().edit(index, trigger, event or QEvent(QEvent.Type.None_))
        if trigger != _ALL and not trigger & self.editTriggers():
            return False
        self._open_later(index)
        return True

    def _on_activated(self, index: QModelIndex) -> None:
        if index.column() == self._column:
            self._open_later(index)

    def _open_later(self, index: Index) -> None:
        # After the key or click that asked for it is handled: the dialog runs its own loop.
        if self._pending:
            return  # a click and a double click ask twice for the same dialog
        self._pending = True
        persistent = QPersistentModelIndex(index)
        QTimer.singleShot(0, self, lambda: self._open(persistent))

    def _open(self, index: QPersistentModelIndex) -> None:
        try:
            self._edit_responsibles(index)
        finally:
            self._pending = False


class DueDateEditor(QWidget):
    """A date field with a button (and the Delete key) that removes the due date."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("dueDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("Due"))
        self.date_edit.setToolTip(self.tr("Delete removes the due date"))
        self.date_edit.installEventFilter(self)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearDueDate")
        self.clear_button.setText("\u00d7")  # ×
        self.clear_button.setAccessibleName(self.tr("Remove the due date"))
        self.clear_button.setToolTip(self.tr("Remove the due date (Delete)"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.date_edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.date_edit)
        self._empty = True
        self._touched = False
        self._cleared = False
        self.date_edit.dateChanged.connect(self._on_changed)

    def set_date(self, value: dt.date | None) -> None:
        self._empty = value is None
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(qdate(value) if value else QDate.currentDate())
        self.date_edit.blockSignals(False)
        self._touched = self._cleared = False

    def _on_changed(self) -> None:
        self._touched = True
        self._cleared = False

    def clear(self) -> None:
        self._cleared = True
        self.finished.emit()

    def value(self) -> tuple[bool, dt.date | None]:
        """(changed?, the date or None): an empty date left alone is no change."""
        if self._cleared:
            return (not self._empty, None)
        if self._empty and not self._touched:
            return (False, None)
        return (True, py_date(self.date_edit.date()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is not self.date_edit:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Delete:
            self.clear()
            return True
        if event.type() == QEvent.Type.FocusOut:
            # The view watches the editor for focus loss, but the focus is in the date
            # field: finish here, unless the view closed the editor meanwhile.
            QTimer.singleShot(0, self, self._finish_if_left)
        return super().eventFilter(watched, event)

    def _finish_if_left(self) -> None:
        focus = QApplication.focusWidget()
        if self.isVisible() and (focus is None or not (
                focus is self or self.isAncestorOf(focus) or _is_popup_of(focus, self))):
            self.finished.emit()


def _is_popup_of(widget: QWidget | None, owner: QWidget) -> bool:
    """True for the date field's calendar popup (a separate window it owns)."""
    while widget is not None:
        if widget is owner:
            return True
        widget = widget.parentWidget()
    return False


class DueDateDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._open: dict[DueDateEditor, QPersistentModelIndex] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        editor = DueDateEditor(parent)
        editor.finished.connect(lambda: self._finish(editor))
        self._open[editor] = QPersistentModelIndex(index)
        editor.destroyed.connect(lambda _obj=None, e=editor: self._open.pop(e, None))
        return editor

    def _finish(self, editor: DueDateEditor) -> None:
        index = self._open.get(editor)
        if index is None or not index.isValid() \
                or self._view.indexWidget(index) is not editor:
            return  # the view has closed this editor already
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: Index) -> None:
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, DueDateEditor)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.set_date(py_date(value) if isinstance(value, QDate) else None)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        assert isinstance(editor, DueDateEditor)
        changed, value = editor.value()
        if changed:
            model.setData(index, value, Qt.ItemDataRole.EditRole)


class StatusDelegate(QStyledItemDelegate):
    """A plain combo of the statuses; picking one finishes the edit."""

    def __init__(self, labels: dict[Any, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels = labels

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("statusEditor")
        combo.setAccessibleName(self.tr("Status"))
        for value, label in self._labels.items():
            combo.addItem(label, str(value))
        combo.activated.connect(lambda _i: self._finish(combo))
        return combo

    def _finish(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
