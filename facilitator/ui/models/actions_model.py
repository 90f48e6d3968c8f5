"""The actions table: one row per action, sortable and filterable through a proxy.

The model never writes: an edit in a cell becomes a dict of service values
handed to ``commit`` (the page turns it into an undoable command).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication

from facilitator.services.actions import ActionInfo
from facilitator.store.models import ActionStatus
from facilitator.text import sort_key
from facilitator.ui.qt_dates import qdate

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
Commit = Callable[[str, dict[str, Any]], bool]

#: The order statuses sort in, and are offered in.
STATUS_ORDER = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE,
                ActionStatus.CANCELLED)
NOT_DONE = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})


class Column(IntEnum):
    TEXT = 0
    RESPONSIBLE = 1
    DUE = 2
    STATUS = 3
    OWNER = 4  # workshop (or focus area): shown only across the whole project


def is_overdue(info: ActionInfo, today: dt.date) -> bool:
    return info.due_date is not None and info.due_date < today and info.status in NOT_DONE


def _is_dark() -> bool:
    return QGuiApplication.palette().base().color().lightness() < 128


def overdue_colour() -> QColor:
    """A red that reads well on the table's background (light or dark)."""
    return QColor("#ff8a80") if _is_dark() else QColor("#a50e0e")


def finished_colour() -> QColor:
    """Grey for done and cancelled actions, still above 4.5:1 contrast."""
    return QColor("#9e9e9e") if _is_dark() else QColor("#6b6b6b")


class ActionsModel(QAbstractTableModel):
    def __init__(self, commit: Commit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self._rows: list[ActionInfo] = []
        self._owners: dict[str, tuple[str, tuple[Any, ...]]] = {}
        self._show_owner = False
        self.today = dt.date.today()
        self.status_labels = {
            ActionStatus.OPEN: self.tr("Open"),
            ActionStatus.IN_PROGRESS: self.tr("In progress"),
            ActionStatus.DONE: self.tr("Done"),
            ActionStatus.CANCELLED: self.tr("Cancelled"),
        }
        self._headers = {
            Column.TEXT: self.tr("Action"),
            Column.RESPONSIBLE: self.tr("Responsible"),
            Column.DUE: self.tr("Due"),
            Column.STATUS: self.tr("Status"),
            Column.OWNER: self.tr("Workshop"),
        }

    # ----- content -----------------------------------------------------------
    def set_rows(self, rows: list[ActionInfo],
                 owners: dict[str, tuple[str, tuple[Any, ...]]] | None = None,
                 show_owner: bool = False) -> bool:
        """Show ``rows``; ``owners`` maps an action id to (label, sort key).

        Returns True when the rows were replaced in place (same actions, same
        columns: selection and open editors survive), False after a reset.
        """
        self.today = dt.date.today()
        owners = owners or {}
        if [r.id for r in rows] == [r.id for r in self._rows] \
                and show_owner == self._show_owner:
            self._rows, self._owners = list(rows), owners
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, self.columnCount() - 1))
            return True
        self.beginResetModel()
        self._rows, self._owners, self._show_owner = list(rows), owners, show_owner
        self.endResetModel()
        return False

    def set_owner_header(self, title: str) -> None:
        """The owner column's title: the workshop, or project and workshop across projects."""
        if self._headers[Column.OWNER] != title:
            self._headers[Column.OWNER] = title
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.OWNER, Column.OWNER)

    def action_at(self, row: int) -> ActionInfo:
        return self._rows[row]

    def row_of(self, action_id: str) -> int | None:
        for row, info in enumerate(self._rows):
            if info.id == action_id:
                return row
        return None

    def owner_label(self, info: ActionInfo) -> str:
        return self._owners.get(info.id, ("", ()))[0]

    def sort_value(self, row: int, column: int) -> tuple[Any, ...]:
        info = self._rows[row]
        if column == Column.RESPONSIBLE:
            return (info.responsible == "", sort_key(info.responsible), row)
        if column == Column.DUE:
            return (info.due_date is None, info.due_date or dt.date.max, row)
        if column == Column.STATUS:
            return (STATUS_ORDER.index(info.status), row)
        if column == Column.OWNER:
            return (self._owners.get(info.id, ("", ()))[1], row)
        return (sort_key(info.text), row)

    def search_text(self, row: int) -> str:
        info = self._rows[row]
        return "\n".join((info.text, info.responsible, self.owner_label(info),
                          self.status_labels[info.status],
                          info.due_date.isoformat() if info.due_date else "")).casefold()

    # ----- Qt model ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else (5 if self._show_owner else 4)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._headers.get(Column(section)) if 0 <= section < 5 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != Column.OWNER:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info, column = self._rows[index.row()], index.column()
        overdue = is_overdue(info, self.today)
        finished = info.status not in NOT_DONE
        if role == ID_ROLE:
            return info.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(info, column, overdue)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.DUE and overdue:
                return self.tr("Overdue: due {date} and not done").format(
                    date=info.due_date.isoformat() if info.due_date else "")
            if column == Column.TEXT and ("\n" in info.text or len(info.text) > 60):
                return info.text
            if column == Column.RESPONSIBLE and info.responsibles:
                return "\n".join(r.label for r in info.responsibles)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if finished:
                return finished_colour()
            if overdue and column == Column.DUE:
                return overdue_colour()
            return None
        if role == Qt.ItemDataRole.FontRole:
            if overdue and column == Column.DUE:
                font = QFont()
                font.setBold(True)
                return font
            if info.status == ActionStatus.CANCELLED and column == Column.TEXT:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return None

    def _display(self, info: ActionInfo, column: int, overdue: bool) -> str:
        if column == Column.TEXT:
            return " ".join(info.text.split())
        if column == Column.RESPONSIBLE:
            return info.responsible
        if column == Column.DUE:
            if info.due_date is None:
                return ""
            if overdue:
                return self.tr("{date} (overdue)").format(date=info.due_date.isoformat())
            return info.due_date.isoformat()
        if column == Column.STATUS:
            return self.status_labels[info.status]
        return self.owner_label(info)

    def _edit_value(self, info: ActionInfo, column: int) -> Any:
        if column == Column.TEXT:
            return info.text
        if column == Column.RESPONSIBLE:
            return info.responsible
        if column == Column.DUE:
            return qdate(info.due_date) if info.due_date else None
        if column == Column.STATUS:
            return str(info.status)
        return self.owner_label(info)

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        info = self._rows[index.row()]
        values = self._values_for(info, index.column(), value)
        if not values:
            return False
        return self._commit(info.id, values)

    def _values_for(self, info: ActionInfo, column: int, value: Any) -> dict[str, Any]:
        """The service values an edit means, or {} when nothing would change."""
        if column == Column.TEXT:
            changed = not isinstance(value, str) or value.strip() != info.text.strip()
            return {"text": value} if changed else {}
        if column == Column.RESPONSIBLE:
            if not isinstance(value, list):
                return {}
            return {"responsibles": value} \
                if value != [r.who for r in info.responsibles] else {}
        if column == Column.DUE:
            if isinstance(value, QDate):
                value = value.toPython() if value.isValid() else None
            return {"due_date": value} if value != info.due_date else {}
        if column == Column.STATUS:
            return {"status": value} if value != str(info.status) else {}
        return {}


class ActionsFilterProxy(QSortFilterProxyModel):
    """Filters by free text (any column) and by a set of statuses; sorts by meaning."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._statuses: frozenset[ActionStatus] | None = None
        self._overdue_only = False
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._begin_filter_change()
        self._needle = " ".join(text.split()).casefold()
        self._end_filter_change()

    def set_statuses(self, statuses: Iterable[ActionStatus] | None,
                     overdue_only: bool = False) -> None:
        self._begin_filter_change()
        self._statuses = frozenset(statuses) if statuses is not None else None
        self._overdue_only = overdue_only
        self._end_filter_change()

    # Qt 6.10 deprecates invalidateFilter() for this begin/end pair.
    def _begin_filter_change(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def _source(self) -> ActionsModel:
        model = self.sourceModel()
        assert isinstance(model, ActionsModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self._source()
        info = model.action_at(source_row)
        if self._statuses is not None and info.status not in self._statuses:
            return False
        if self._overdue_only and not is_overdue(info, model.today):
            return False
        return not self._needle or self._needle in model.search_text(source_row)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        model = self._source()
        return model.sort_value(left.row(), left.column()) < \
            model.sort_value(right.row(), right.column())
