"""The Deltagare tab's widgets: its tables and columns, the status cell editor, the keys.

The tables hold one person a row: the person's id sits on the name cell
(``ID_ROLE``) and the attendance status on the status cell (``STATUS_ROLE``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from facilitator.store.models import AttendanceStatus
from facilitator.ui.views.people_commands import set_consent

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

    from facilitator.ui.views.people_view import PeopleView

    Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
S = AttendanceStatus
CYCLE = (S.INVITED, S.ATTENDED, S.ABSENT)
STATUS_KEYS = {Qt.Key.Key_N: S.ATTENDED, Qt.Key.Key_F: S.ABSENT, Qt.Key.Key_I: S.INVITED}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
NAME, ORG, STATUS, ROLE, MAY_NAME = range(5)
STATUS_COLOURS = {S.ATTENDED: QColor("#1b7a34"), S.ABSENT: QColor("#8a8a8a")}


class StatusDelegate(QStyledItemDelegate):
    """A combo box on the status cell; choosing a status runs an undoable command."""

    def __init__(self, page: PeopleView) -> None:
        super().__init__(page)
        self.page = page

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem,  # noqa: N802
                     _index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("statusEditor")
        for status in CYCLE:
            combo.addItem(self.page.status_text(status), str(status))
        combo.activated.connect(lambda _i: self._finish(combo))
        QTimer.singleShot(0, combo, combo.showPopup)
        return combo

    def _finish(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)  # made by createEditor
        editor.setCurrentIndex(editor.findData(index.data(STATUS_ROLE)))

    def setModelData(self, editor: QWidget, _model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        assert isinstance(editor, QComboBox)  # made by createEditor
        person_id = index.sibling(index.row(), NAME).data(ID_ROLE)
        if editor.currentData() != index.data(STATUS_ROLE):
            self.page.set_status([person_id], S(editor.currentData()), redraw=False)


class PeopleKeys(QObject):
    """One-key attendance: N/F/I/Space on the workshop's list, Enter/N/F/I in the register."""

    def __init__(self, page: PeopleView) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return super().eventFilter(watched, event)
        key = Qt.Key(event.key())
        page = self.page
        if watched is page.attendance and page.attendance.state() != \
                QAbstractItemView.State.EditingState:
            chosen = selected_ids(page.attendance)
            if key in STATUS_KEYS:
                page.set_status(chosen, STATUS_KEYS[key])
                return True
            if key == Qt.Key.Key_Space and page.attendance.currentColumn() == MAY_NAME:
                toggle_consent(page, chosen)
                return True
            if key == Qt.Key.Key_Space:
                page.cycle_status(chosen)
                return True
        if watched is page.register and page.workshop_id is not None:
            if key in ENTER_KEYS:
                page.add_selected(S.ATTENDED)
                page.register.setFocus()
                return True
            if key in STATUS_KEYS:
                page.add_selected(STATUS_KEYS[key])
                page.register.setFocus()
                return True
        return super().eventFilter(watched, event)


def toggle_consent(page: PeopleView, person_ids: list[str]) -> bool:
    """Space on "May be named": all chosen get the opposite of the first one's answer."""
    table = page.attendance
    rows = [r for r in range(table.rowCount()) if name_item(table, r).data(ID_ROLE) in person_ids]
    cell = table.item(rows[0], MAY_NAME) if rows else None
    if cell is None:
        return False
    allowed = cell.checkState() != Qt.CheckState.Checked
    return set_consent(page, dict.fromkeys(person_ids, allowed))


def consent_clicked(page: PeopleView, item: QTableWidgetItem) -> None:
    """A click on the check box of "May be named" (Qt has already ticked it)."""
    person_id = name_item(page.attendance, item.row()).data(ID_ROLE)
    # Redrawn after the click, not inside it: a redraw replaces the item Qt is changing.
    if not set_consent(page, {person_id: item.checkState() == Qt.CheckState.Checked},
                       redraw=False):
        QTimer.singleShot(0, page.safe_refresh)


def people_table(name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def attendance_table(accessible: str, headers: list[str], status_editor: StatusDelegate,
                     tips: dict[int, str]) -> QTableWidget:
    """This workshop's list: status and role are edited in place, the organisation stretches.

    ``tips``: column → tooltip of its header."""
    table = people_table("attendanceTable", accessible, headers)
    for column, tip in tips.items():
        if (header_item := table.horizontalHeaderItem(column)) is not None:
            header_item.setToolTip(tip)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.SelectedClicked)
    table.setItemDelegateForColumn(STATUS, status_editor)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column, mode in ((NAME, QHeaderView.ResizeMode.ResizeToContents),
                         (ORG, QHeaderView.ResizeMode.Stretch),
                         (STATUS, QHeaderView.ResizeMode.ResizeToContents),
                         (ROLE, QHeaderView.ResizeMode.ResizeToContents),
                         (MAY_NAME, QHeaderView.ResizeMode.ResizeToContents)):
        header.setSectionResizeMode(column, mode)
    # Wide enough that the stretching organisation keeps about 20 letters beside
    # the names, statuses and roles (it collapsed to "L…" in a narrow pane).
    table.setMinimumWidth(table.fontMetrics().averageCharWidth() * 60)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def register_table(accessible: str, headers: list[str],
                   actions: list[tuple[str, str, Callable[[], None]]]) -> QTableWidget:
    """The people register; ``actions`` (object name, text, slot) make its context menu."""
    table = people_table("peopleTable", accessible, headers)
    for column in (0, 2):  # names and the attendance mark are read in full
        table.horizontalHeader().setSectionResizeMode(
            column, QHeaderView.ResizeMode.ResizeToContents)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for name, text, slot in actions:
        action = QAction(text, table)
        action.setObjectName(name)
        action.triggered.connect(slot)
        table.addAction(action)
    return table


def line_edit(name: str, accessible: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    return edit


def push_button(name: str, text: str, slot: Callable[..., object], tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


def button_row(buttons: list[QPushButton | None]) -> QHBoxLayout:
    """A row of ``buttons``; ``None`` is a stretch."""
    row = QHBoxLayout()
    for button in buttons:
        if button is None:
            row.addStretch(1)
        else:
            row.addWidget(button)
    return row


def bold_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str], S | None]], *,
               editable: bool, fit_columns: bool,
               consent: dict[str, bool] | None = None) -> None:
    """Redraw ``table`` in place, keeping the selection, the current cell and the scroll.

    ``editable``: the status and role cells can be edited; ``fit_columns``: size the
    columns to their contents the first time there are rows; ``consent``: person id →
    may be named, a check box in the ``MAY_NAME`` column.
    """
    chosen = set(selected_ids(table))
    current = table.currentIndex()
    current_id = name_item(table, current.row()).data(ID_ROLE) if current.isValid() else None
    scroll = table.verticalScrollBar().value()
    table.clearSelection()
    table.setRowCount(len(rows))
    selection = table.selectionModel()
    for r, (row_id, texts, status) in enumerate(rows):
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            if editable and c in (STATUS, ROLE):
                flags |= Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
            item.setToolTip(text)
            if status is not None and c == STATUS:
                item.setData(STATUS_ROLE, str(status))
                if status in STATUS_COLOURS:
                    item.setForeground(QBrush(STATUS_COLOURS[status]))
            table.setItem(r, c, item)
        if consent is not None:
            table.setItem(r, MAY_NAME, consent_item(consent.get(row_id, True)))
        name_item(table, r).setData(ID_ROLE, row_id)
        if row_id in chosen:
            selection.select(table.model().index(r, 0),
                             QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
        if row_id == current_id:
            selection.setCurrentIndex(table.model().index(r, current.column()),
                                      QItemSelectionModel.SelectionFlag.NoUpdate)
    table.verticalScrollBar().setValue(scroll)
    if fit_columns and not table.property("sized") and rows:
        table.resizeColumnsToContents()
        for c in range(table.columnCount() - 1):
            table.setColumnWidth(c, min(table.columnWidth(c) + 12, 190))
        table.setProperty("sized", True)


def consent_item(allowed: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                  | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if allowed else Qt.CheckState.Unchecked)
    said = (QCoreApplication.translate("PeopleView", "May be named") if allowed
            else QCoreApplication.translate("PeopleView", "May not be named"))
    item.setData(Qt.ItemDataRole.AccessibleTextRole, said)
    item.setToolTip(said)
    return item


def name_item(table: QTableWidget, row: int) -> QTableWidgetItem:
    """The row's name cell, which ``fill_table`` gives every row."""
    item = table.item(row, NAME)
    assert item is not None
    return item


def selected_ids(table: QTableWidget) -> list[str]:
    """The ids of the selected rows, or of the current row when none is selected."""
    rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
    if not rows and table.currentRow() >= 0 and table.rowCount():
        rows = [table.currentRow()]
    return [item.data(ID_ROLE) for r in rows if (item := table.item(r, NAME)) is not None]


def select_row(table: QTableWidget, person_id: str) -> None:
    """Make the row of ``person_id`` current and scroll to it."""
    for r in range(table.rowCount()):
        if name_item(table, r).data(ID_ROLE) == person_id:
            table.setCurrentCell(r, NAME)
            table.scrollToItem(name_item(table, r))
            return


def shown_name(tables: tuple[QTableWidget, ...], person_id: str) -> str:
    """The name ``person_id`` has in the first of ``tables`` that lists them, or ""."""
    for table in tables:
        for r in range(table.rowCount()):
            if name_item(table, r).data(ID_ROLE) == person_id:
                return name_item(table, r).text()
    return ""
