"""The Uppföljning table: earlier wishes and actions under focus-area headings.

A flat table: a heading row per focus area (spanning the row, not selectable),
then its items. Filtering happens here, not in a proxy, because the headings
must follow what is shown; with thousands of items one pass builds the rows.
The model never writes: a comment typed in a cell goes to ``commit``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from facilitator.services.follow_up import OPEN_STATUSES, FollowUpItem, ReviewInfo
from facilitator.store.vocabulary import ReviewStatus
from facilitator.ui.models.actions_model import finished_colour, overdue_colour

KEY_ROLE = Qt.ItemDataRole.UserRole  # ("wish"|"action"|"area", id)
Index = QModelIndex | QPersistentModelIndex
CommitComment = Callable[[FollowUpItem, str], bool]
NO_AREA = ""  # the filter value of items without a focus area


class Column(IntEnum):
    TEXT = 0
    KIND = 1
    ORIGIN = 2
    STATUS = 3
    COMMENT = 4
    RESPONSIBLE = 5
    DUE = 6



@dataclass(frozen=True)
class AreaRow:
    area_id: str | None
    name: str
    count: int


@dataclass(frozen=True)
class Filters:
    open_only: bool = True
    area: str | None = None  # None: every area; NO_AREA: items without one
    responsible: str = ""


def responsible_names(item: FollowUpItem) -> str:
    return "; ".join(r.name for r in item.responsibles)


def is_overdue(item: FollowUpItem, today: dt.date) -> bool:
    return item.due_date is not None and item.due_date < today and item.is_open


def shown(item: FollowUpItem, filters: Filters) -> bool:
    # An item followed up here stays, whatever it became: it must not vanish under the cursor.
    if filters.open_only and not item.is_open and item.review is None:
        return False
    if filters.area is not None and (item.focus_area_id or NO_AREA) != filters.area:
        return False
    needle = filters.responsible
    return not needle or needle in responsible_names(item).casefold()


class FollowUpModel(QAbstractTableModel):
    def __init__(self, commit_comment: CommitComment, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commit_comment = commit_comment
        self._items: list[FollowUpItem] = []
        self._rows: list[AreaRow | FollowUpItem] = []
        self._filters = Filters()
        self.today = dt.date.today()
        self.status_labels = {
            ReviewStatus.OPEN: self.tr("Open"),
            ReviewStatus.IN_PROGRESS: self.tr("In progress"),
            ReviewStatus.DONE: self.tr("Done"),
            ReviewStatus.DROPPED: self.tr("Dropped"),
        }
        self.no_area = self.tr("Without focus area")
        self._kinds = {"wish": self.tr("Wish"), "action": self.tr("Action")}
        self._headers = {
            Column.TEXT: self.tr("Wish or action"), Column.KIND: self.tr("Kind"),
            Column.ORIGIN: self.tr("From"), Column.STATUS: self.tr("Status"),
            Column.COMMENT: self.tr("Comment here"), Column.RESPONSIBLE: self.tr("Responsible"),
            Column.DUE: self.tr("Due"),
        }

    # ----- content -----------------------------------------------------------
    @property
    def items(self) -> list[FollowUpItem]:
        return self._items

    def set_content(self, items: list[FollowUpItem], filters: Filters) -> bool:
        """Show ``items`` through ``filters``. True when the rows stayed the same ones
        (updated in place: selection and editors survive), False after a reset."""
        self.today = dt.date.today()
        self._items, self._filters = items, filters
        rows = self._build_rows()
        if [row_key(r) for r in rows] == [row_key(r) for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, len(Column) - 1))
            return True
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return False

    def _build_rows(self) -> list[AreaRow | FollowUpItem]:
        rows: list[AreaRow | FollowUpItem] = []
        heading: int | None = None
        area: object = object()
        for item in self._items:
            if not shown(item, self._filters):
                continue
            if item.focus_area_id != area:
                area = item.focus_area_id
                heading = len(rows)
                rows.append(AreaRow(item.focus_area_id, item.focus_area_name or self.no_area, 0))
            rows.append(item)
            if heading is not None:
                head = rows[heading]
                assert isinstance(head, AreaRow)
                rows[heading] = AreaRow(head.area_id, head.name, head.count + 1)
        return rows

    def heading_rows(self) -> list[int]:
        return [r for r, row in enumerate(self._rows) if isinstance(row, AreaRow)]

    def item_at(self, row: int) -> FollowUpItem | None:
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, FollowUpItem) else None

    def row_of(self, key: tuple[str, str | None]) -> int | None:
        for row, content in enumerate(self._rows):
            if row_key(content) == key:
                return row
        return None

    def item_count(self) -> int:
        return len(self._rows) - len(self.heading_rows())

    # ----- Qt model ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._headers.get(Column(section)) if 0 <= section < len(Column) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.item_at(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # a heading: the cursor steps over it
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.COMMENT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        content, column = self._rows[index.row()], index.column()
        if role == KEY_ROLE:
            return row_key(content)
        if isinstance(content, AreaRow):
            return self._heading_data(content, column, role)
        item = content
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(item, column)
        if role == Qt.ItemDataRole.EditRole:
            return item.review.comment if item.review is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.DUE and is_overdue(item, self.today):
                return overdue_colour()
            return None if item.status in OPEN_STATUSES else finished_colour()
        if role == Qt.ItemDataRole.FontRole:
            return self._font(item, column)
        return None

    def _heading_data(self, heading: AreaRow, column: int, role: int) -> Any:
        if column != Column.TEXT:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{heading.name} ({heading.count})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().color(QPalette.ColorGroup.Active,
                                                QPalette.ColorRole.WindowText)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QApplication.palette().color(QPalette.ColorRole.Window)
        return None

    def _display(self, item: FollowUpItem, column: int) -> str:
        if column == Column.TEXT:
            return "    " * item.depth + ("– " if item.depth else "") + " ".join(item.text.split())
        if column == Column.KIND:
            kind = self._kinds.get(item.kind, item.kind)
            if item.action_ids:
                return self.tr("{kind} → action").format(kind=kind)
            return kind
        if column == Column.ORIGIN:
            return item.origin
        if column == Column.STATUS:
            return self.status_labels[item.status]
        if column == Column.COMMENT:
            return " ".join(item.review.comment.split()) if item.review is not None else ""
        if column == Column.RESPONSIBLE:
            return responsible_names(item)
        if item.due_date is None:
            return ""
        if is_overdue(item, self.today):
            return self.tr("{date} (overdue)").format(date=item.due_date.isoformat())
        return item.due_date.isoformat()

    def history_line(self, review: ReviewInfo) -> str:
        date = review.reviewed_on.isoformat() if review.reviewed_on else ""
        text = f"{date} {review.workshop_title}: {self.status_labels[review.status]}".strip()
        if review.comment:
            text += " – " + " ".join(review.comment.split())
        names = "; ".join(r.name for r in review.responsibles)
        return text + (f" ({names})" if names else "")

    def _tooltip(self, item: FollowUpItem, column: int) -> str | None:
        if column == Column.STATUS or (column == Column.TEXT and item.history):
            if not item.history:
                return self.tr("Not followed up yet")
            lines = [self.tr("Followed up:")] + [self.history_line(r) for r in item.history]
            return "\n".join(lines)
        if column == Column.TEXT and ("\n" in item.text or len(item.text) > 60):
            return item.text
        if column == Column.ORIGIN and item.origin:
            return item.origin
        if column == Column.COMMENT and item.review is not None and item.review.comment:
            return item.review.comment
        if column == Column.RESPONSIBLE and item.responsibles:
            return "\n".join(r.label for r in item.responsibles)
        if column == Column.DUE and is_overdue(item, self.today):
            return self.tr("Overdue: due {date} and not done").format(
                date=item.due_date.isoformat() if item.due_date else "")
        return None

    def _font(self, item: FollowUpItem, column: int) -> QFont | None:
        if column == Column.STATUS and item.review is not None:
            font = QFont()
            font.setBold(True)  # followed up at this workshop
            return font
        if column == Column.DUE and is_overdue(item, self.today):
            font = QFont()
            font.setBold(True)
            return font
        if column == Column.TEXT and item.status == ReviewStatus.DROPPED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or item is None or index.column() != Column.COMMENT:
            return False
        old = item.review.comment if item.review is not None else ""
        if not isinstance(value, str) or value.strip() == old.strip():
            return False
        return self._commit_comment(item, value)


def row_key(content: AreaRow | FollowUpItem) -> tuple[str, str | None]:
    if isinstance(content, AreaRow):
        return ("area", content.area_id)
    return (content.kind, content.id)
