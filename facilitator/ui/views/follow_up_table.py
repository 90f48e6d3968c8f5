"""The Uppföljning table widget: its keys (one per status), column widths, cell editors."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from facilitator.store.vocabulary import ReviewStatus
from facilitator.ui.models.follow_up_model import Column

Index = QModelIndex | QPersistentModelIndex
#: One key per status; letters as typed, so Ö works on a Swedish keyboard (O elsewhere).
STATUS_KEYS = {"ö": ReviewStatus.OPEN, "o": ReviewStatus.OPEN, "p": ReviewStatus.IN_PROGRESS,
               "k": ReviewStatus.DONE, "s": ReviewStatus.DROPPED}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: (column, least width, share of the table's width); the text takes what is left
COLUMN_WIDTHS = ((Column.KIND, 85, 0.08), (Column.ORIGIN, 170, 0.15),
                 (Column.STATUS, 75, 0.05), (Column.COMMENT, 165, 0.2),
                 (Column.RESPONSIBLE, 120, 0.1), (Column.DUE, 165, 0.1))
TEXT_LEAVES = 0.66  # the other columns' most, so the text column keeps the rest
# On the window's default 1100 px the text column must keep ~250 px: the date column
# gives way too (an overdue date stays red and bold when "(försenad)" is cut).
SHRINK_FLOORS = {Column.ORIGIN: 70, Column.COMMENT: 90, Column.RESPONSIBLE: 80, Column.DUE: 95}


class CommentLine(QLineEdit):
    """The comment's editor: Enter ends the edit here and goes no further (to the table,
    Enter would open the editor again)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()



class OriginDelegate(QStyledItemDelegate):
    """"Workshop, date · Group": elided in the middle, so the group still shows."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class CommentDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        line = CommentLine(parent)
        line.setObjectName("followUpCommentEditor")
        line.setAccessibleName(self.tr("Comment here"))
        line.setFrame(False)
        return line


class FollowUpTable(QTableView):
    """The table's own keys: a status letter, Enter (the comment), Delete (no review here)."""

    def __init__(self, set_status: Callable[[ReviewStatus], None],
                 edit_comment: Callable[[], None], remove: Callable[[], None]) -> None:
        super().__init__()
        self._set_status, self._edit_comment, self._remove = set_status, edit_comment, remove
        self.setObjectName("followUpTable")
        self.setAccessibleName(self.tr("Follow-up"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(50)
        self.setItemDelegateForColumn(Column.COMMENT, CommentDelegate(self))
        self.setItemDelegateForColumn(Column.ORIGIN, OriginDelegate(self))

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        for column in Column:
            self.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if column == Column.TEXT
                else QHeaderView.ResizeMode.Interactive)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns in step with the table's width; the text keeps at least a third.

        On a narrow table (a laptop, or 150 %) the long columns give way, down to their
        floors (a tooltip has the whole), before the short ones (kind, status, date).
        """
        width = self.width()
        wanted = {column: max(least, int(width * share)) for column, least, share in COLUMN_WIDTHS}
        shortage = sum(wanted.values()) - int(width * TEXT_LEAVES)
        slack: dict[Column, int] = {c: max(0, wanted[c] - floor)
                                    for c, floor in SHRINK_FLOORS.items()}
        spare_total = sum(slack.values())
        if shortage > 0 and spare_total > 0:
            part = min(1.0, shortage / spare_total)
            for column, spare in slack.items():
                wanted[column] -= int(spare * part)
        for column, size in wanted.items():
            self.horizontalHeader().resizeSection(column, size)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.NoModifier:
            status = STATUS_KEYS.get(event.text().casefold())
            if status is not None:
                self._set_status(status)
                return
            if event.key() in ENTER_KEYS:
                self._edit_comment()
                return
            if event.key() == Qt.Key.Key_Delete:
                self._remove()
                return
        super().keyPressEvent(event)
