"""Cell editors of the actions table: responsible, due date and status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from facilitator.text import clean_text
from facilitator.ui.qt_dates import py_date, qdate
from facilitator.ui.responsible_text import RegisterEntry, Typed

Index = QModelIndex | QPersistentModelIndex
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Choice:
    """Someone an action can be given to: a person or an organisation of the register."""

    kind: str  # "person" or "organisation"
    id: str
    name: str
    detail: str = ""  # a person's organisation, shown to tell namesakes apart


class ResponsibleDelegate(QStyledItemDelegate):
    """An editable combo: pick a person or organisation, or type anyone else."""

    def __init__(self, choices: Callable[[], list[Choice]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("responsibleEditor")
        combo.setAccessibleName(self.tr("Responsible"))
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(15)
        for choice in self._choices():
            text = f"{choice.name} ({choice.detail})" if choice.detail else choice.name
            combo.addItem(text)
            row = combo.count() - 1
            combo.setItemData(row, choice.kind, KIND_ROLE)
            combo.setItemData(row, choice.id, ID_ROLE)
            combo.setItemData(row, choice.name, NAME_ROLE)
            if choice.kind == "organisation":
                combo.setItemData(row, self.tr("Organisation"), Qt.ItemDataRole.ToolTipRole)
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line = _line_edit(combo)
        line.setPlaceholderText(self.tr("Person, organisation or any name"))
        line.setClearButtonEnabled(True)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(-1)
        editor.setEditText(index.data(Qt.ItemDataRole.EditRole) or "")
        _line_edit(editor).selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, responsible_values(editor), Qt.ItemDataRole.EditRole)


def responsible_values(combo: QComboBox) -> Typed:
    """The typed text and the register entries it may name (the model parses them)."""
    entries = tuple(
        RegisterEntry(str(combo.itemData(row, KIND_ROLE)), str(combo.itemData(row, ID_ROLE)),
                      (combo.itemText(row), str(combo.itemData(row, NAME_ROLE))))
        for row in range(combo.count()) if combo.itemData(row, ID_ROLE))
    return Typed(clean_text(combo.currentText(), multiline=False), entries)


def _line_edit(combo: QComboBox) -> QLineEdit:
    line = combo.lineEdit()
    assert line is not None  # the responsible combo is always editable
    return line


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
