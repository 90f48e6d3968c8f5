"""Åtgärder: the actions of a workshop, its project or every project (the register)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import actions, focus_areas, projects, workshops
from facilitator.services.action_register import action_register
from facilitator.services.core import Store
from facilitator.store.models import ActionStatus
from facilitator.text import sort_key
from facilitator.ui.action_register_export import (
    export_button,
    export_register,
    register_owners,
)
from facilitator.ui.commands import Editor, checked_setter, creator, deleter
from facilitator.ui.models.action_delegates import (
    ActionsTable,
    DueDateDelegate,
    ResponsiblesDialog,
    StatusDelegate,
)
from facilitator.ui.models.actions_model import (
    ID_ROLE,
    NOT_DONE,
    ActionsFilterProxy,
    ActionsModel,
    Column,
    is_overdue,
)
from facilitator.ui.views.base import WorkshopPage

WORKSHOP_SCOPE, PROJECT_SCOPE, ALL_SCOPE = "workshop", "project", "all"
EXPORT_KEY = "Ctrl+Shift+X"


class ActionsView(WorkshopPage):
    WATCHED = frozenset({"action", "person", "organisation", "workshop", "focus_area",
                         "project"})

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("actionsView")
        self._refreshing = False

        self.model = ActionsModel(self._commit, self)
        self.proxy = ActionsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.rowsInserted.connect(self._update_summary)
        self.proxy.rowsRemoved.connect(self._update_summary)
        self.proxy.modelReset.connect(self._update_summary)
        self.proxy.layoutChanged.connect(self._update_summary)

        self.add_button = QPushButton(self.tr("New action"))
        self.add_button.setObjectName("addAction")
        self.add_button.setAccessibleName(self.tr("New action"))
        self.add_button.setToolTip(self.tr("Add an action to this workshop (Ins or Ctrl+Return)"))
        self.add_button.clicked.connect(self.add_action)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("actionsFilter")
        self.filter_edit.setAccessibleName(self.tr("Search actions"))
        self.filter_edit.setPlaceholderText(self.tr("Search actions…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_text)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("actionsStatusFilter")
        self.status_filter.setAccessibleName(self.tr("Show actions with status"))
        labels = self.model.status_labels
        for key, text in (("all", self.tr("All statuses")),
                          ("not_done", self.tr("Not done")),
                          ("overdue", self.tr("Overdue")),
                          *((str(s), labels[s]) for s in labels)):
            self.status_filter.addItem(text, key)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter)

        self.scope = QComboBox()
        self.scope.setObjectName("actionsScope")
        self.scope.setAccessibleName(self.tr("Show actions of"))
        self.scope.addItem(self.tr("This workshop"), WORKSHOP_SCOPE)
        self.scope.addItem(self.tr("Whole project"), PROJECT_SCOPE)
        self.scope.addItem(self.tr("All projects"), ALL_SCOPE)
        self.scope.currentIndexChanged.connect(self._on_scope)

        self.export_button = export_button(self, EXPORT_KEY, self.export_shown)
        export_keys = QKeySequence(EXPORT_KEY).toString(QKeySequence.SequenceFormat.NativeText)

        self.table = ActionsTable(Column.RESPONSIBLE, self.edit_responsibles)
        self.table.setObjectName("actionsTable")
        self.table.setAccessibleName(self.tr("Actions"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 14)
        self.table.setItemDelegateForColumn(Column.DUE, DueDateDelegate(self.table))
        self.table.setItemDelegateForColumn(Column.STATUS,
                                            StatusDelegate(self.model.status_labels, self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # first: the order they came
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        for keys in ("Ins", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.add_action)

        self.summary = QLabel()
        self.summary.setObjectName("actionsSummary")
        self.empty = QLabel(self.tr("Choose or create a workshop to see its actions."))
        self.empty.setObjectName("actionsEmpty")
        self.hint = QLabel(self.tr(
            "Ins new action · F2 edit · Delete to trash · {key} export to Excel · "
            "\"All projects\": every open action, overdue first").format(key=export_keys))
        self.hint.setObjectName("actionsHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(dark);")

        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.scope)
        bar.addWidget(self.export_button)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(bar)
        body_layout.addWidget(self.table, 1)
        body_layout.addWidget(self.summary)
        body_layout.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        order = (self.add_button, self.filter_edit, self.status_filter, self.scope,
                 self.export_button, self.table)
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self._configure_columns()
        self.refresh()

    # ----- reading -----------------------------------------------------------
    def current_action_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def refresh(self) -> None:
        if self._refreshing:
            return
        self._refreshing = True
        try:
            self._refresh()
        finally:
            self._refreshing = False

    def _refresh(self) -> None:
        everywhere = self.scope.currentData() == ALL_SCOPE
        has = self.workshop_id is not None or everywhere
        self.empty.setVisible(not has)
        self.body.setVisible(has)
        current = self.table.currentIndex()
        chosen, column, proxy_row = self.current_action_id(), current.column(), current.row()
        rows: list[actions.ActionInfo] = []
        owners: dict[str, tuple[str, tuple[Any, ...]]] = {}
        whole_project = self.scope.currentData() == PROJECT_SCOPE
        if everywhere:  # register order: overdue first, then by due date
            register = action_register(self.store)
            rows = [r.action for r in register]
            owners = register_owners(register, self.tr("Focus area: {name}"))
        elif self.workshop_id is not None and whole_project:
            project_id = workshops.project_of(self.store, self.workshop_id)
            rows = actions.list_actions(self.store, project_id=project_id)
            owners = self._owners(project_id, rows)
            # unsorted, the project reads workshop by workshop (oldest first), each in its order
            rows.sort(key=lambda r: owners.get(r.id, ("", (2, dt.date.min, ("", ""))))[1])
        elif self.workshop_id is not None:
            rows = actions.list_actions(self.store, workshop_id=self.workshop_id)
        if [r.id for r in rows] != [self.model.action_at(i).id
                                     for i in range(self.model.rowCount())]:
            self._commit_open_editor()  # a reset closes editors without saving them
        self.model.set_owner_header(self.tr("Project · workshop") if everywhere
                                    else self.tr("Workshop"))
        if not self.model.set_rows(rows, owners, everywhere or (whole_project and has)):
            self._configure_columns()
            self._select(chosen, max(column, 0), proxy_row)
        self._update_summary()
        self._update_buttons()

    def _owners(self, project_id: str,
                rows: list[actions.ActionInfo]) -> dict[str, tuple[str, tuple[Any, ...]]]:
        """Each action's workshop (or focus area) name and a key sorting by date."""
        titles: dict[str, tuple[str, dt.date | None]] = {}
        for project in projects.list_projects(self.store):
            if project.id == project_id:
                titles = {w.id: (w.title, w.date) for w in project.workshops}
        areas: dict[str, str] = {}
        if any(r.workshop_id is None for r in rows):
            areas = {a.id: a.name for a in focus_areas.list_focus_areas(self.store, project_id)}
        owners: dict[str, tuple[str, tuple[Any, ...]]] = {}
        for r in rows:
            if r.workshop_id is not None and r.workshop_id in titles:
                title, date = titles[r.workshop_id]
                owners[r.id] = (title, (0, date or dt.date.min, sort_key(title)))
            elif r.focus_area_id is not None:
                name = areas.get(r.focus_area_id, "")
                owners[r.id] = (self.tr("Focus area: {name}").format(name=name),
                                (1, dt.date.min, sort_key(name)))
        return owners

    def _configure_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        modes = {Column.TEXT: QHeaderView.ResizeMode.Stretch,
                 Column.RESPONSIBLE: QHeaderView.ResizeMode.Interactive,
                 Column.DUE: QHeaderView.ResizeMode.Interactive,
                 Column.STATUS: QHeaderView.ResizeMode.Interactive,
                 Column.OWNER: QHeaderView.ResizeMode.Interactive}
        widths = {Column.RESPONSIBLE: 190, Column.DUE: 170, Column.STATUS: 110,
                  Column.OWNER: 190}
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, modes[Column(column)])
            if column in widths:
                header.resizeSection(column, widths[Column(column)])

    def _select(self, action_id: str | None, column: int = 0, fallback_row: int = -1) -> None:
        index = QModelIndex()
        row = self.model.row_of(action_id) if action_id else None
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid() and fallback_row >= 0 and self.proxy.rowCount():
            index = self.proxy.index(min(fallback_row, self.proxy.rowCount() - 1), column)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def _update_summary(self) -> None:
        total = self.model.rowCount()
        overdue = sum(is_overdue(self.model.action_at(r), self.model.today) for r in range(total))
        text = self.tr("{shown} of {total} actions shown").format(
            shown=self.proxy.rowCount(), total=total)
        if overdue:
            text += " · " + self.tr("{count} overdue").format(count=overdue)
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.workshop_id is not None)

    # ----- filtering ---------------------------------------------------------
    def _on_scope(self) -> None:
        if self.scope.currentData() == ALL_SCOPE:
            # the register is for following up: what is still to do, in register order
            if self.status_filter.currentData() == "all":
                self.status_filter.setCurrentIndex(self.status_filter.findData("not_done"))
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.proxy.sort(-1)
        self.safe_refresh()

    def shown_action_ids(self) -> list[str]:
        """The actions the table shows, top to bottom (scope, filter and sort as seen)."""
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in range(self.proxy.rowCount())]

    def export_shown(self) -> None:
        """Ask where to save, then write the actions shown to an Excel workbook."""
        if self.workshop_id is None and self.scope.currentData() != ALL_SCOPE:
            return  # nothing shown
        self._commit_open_editor()
        export_register(self, self.store, self.shown_action_ids())
        self.table.setFocus()

    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_summary()

    def _on_status_filter(self) -> None:
        key = self.status_filter.currentData()
        if key == "all":
            self.proxy.set_statuses(None)
        elif key == "not_done":
            self.proxy.set_statuses(NOT_DONE)
        elif key == "overdue":
            self.proxy.set_statuses(NOT_DONE, overdue_only=True)
        else:
            self.proxy.set_statuses({ActionStatus(key)})
        self._update_summary()

    # ----- editing -----------------------------------------------------------
    def _commit(self, action_id: str, values: dict[str, Any]) -> bool:
        """An edit from the table: one undoable command over ``update_action``."""
        if "text" in values:
            label = self.tr("Edit action")
        elif "due_date" in values:
            label = self.tr("Change due date")
        elif "status" in values:
            label = self.tr("Change action status")
        else:
            label = self.tr("Change responsible")
        row = self.model.row_of(action_id)
        shown = self.model.action_at(row) if row is not None else None
        # Stored only over the values the table showed (#15): a colleague's edit meanwhile
        # is refused, not overwritten.
        seen = None if shown is None else {
            key: ([i.who for i in shown.responsibles] if key == "responsibles"
                  else getattr(shown, key))
            for key in values if hasattr(shown, key)}
        done = self.editor.run(checked_setter(
            label, lambda v, expected: actions.update_action(self.store, action_id, **v,
                                                             expected=expected),
            values, seen))
        if done:
            self.refresh()
        return done

    def edit_responsibles(self, index: QPersistentModelIndex) -> None:
        """The responsibles of the action at ``index`` (a table index), in a dialog."""
        if not index.isValid():
            return  # the table changed before the dialog could open
        source = self.proxy.mapToSource(self.proxy.index(index.row(), index.column()))
        info = self.model.action_at(source.row())
        dialog = ResponsiblesDialog(self.store, info.text, info.responsibles, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            row = self.model.row_of(info.id)
            if row is not None:
                self.model.setData(self.model.index(row, Column.RESPONSIBLE), dialog.whos())
        self._select(info.id, Column.RESPONSIBLE)
        self.table.setFocus()

    def _commit_open_editor(self) -> None:
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def add_action(self) -> None:
        """Add an action to the current workshop and start typing its text."""
        if self.workshop_id is None:
            return
        self._commit_open_editor()
        workshop_id, text = self.workshop_id, self.tr("New action")
        command = creator(
            self.tr("Add action"),
            lambda: actions.add_action(self.store, text, workshop_id=workshop_id),
            lambda action_id: actions.delete_action(self.store, action_id),
            lambda action_id: actions.restore_action(self.store, action_id),
        )
        if not self.editor.run(command):
            return
        self.refresh()
        row = self.model.row_of(command.result)
        if row is not None and not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.filter_edit.clear()  # the new action must be seen to be typed into
            self.status_filter.setCurrentIndex(0)
        self._select(command.result, Column.TEXT)
        self.rename_selected()

    def rename_selected(self) -> None:
        """Start editing the selected action: its text, or the cell the table is on (F2)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        on_a_cell = self.table.hasFocus() and index.column() not in (Column.TEXT, Column.OWNER)
        if not on_a_cell:
            index = index.siblingAtColumn(Column.TEXT)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def delete_selected(self) -> None:
        """Move the selected action to the trash (undoable)."""
        action_id = self.current_action_id()
        if action_id is None:
            return
        self._commit_open_editor()
        self.editor.run(deleter(
            self.tr("Delete action"),
            lambda: actions.delete_action(self.store, action_id),
            lambda _none: actions.restore_action(self.store, action_id),
        ))
        self.refresh()
