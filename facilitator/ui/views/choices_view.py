"""Val av fokusområde: the attending participants × the focus areas, a mark per choice.

Arrow keys move, Space (or a click) marks or unmarks the current cell; with
several cells selected, Space marks them all (or unmarks them all when every
one is already marked) as one undoable step; Del unmarks the selection. Each
column header counts the participants who chose that area.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import choices, focus_areas, people, workshops
from facilitator.services.core import Store
from facilitator.services.groups import hyphenate_compound
from facilitator.store.models import AttendanceStatus
from facilitator.ui.commands import Editor, setter
from facilitator.ui.views.base import WorkshopPage

Index = QModelIndex | QPersistentModelIndex
CHOSEN_ROLE = Qt.ItemDataRole.UserRole
MARK = "✓"
CHOSEN_BACKGROUND = QColor("#d8ecd9")


class ChoicesModel(QAbstractTableModel):
    """Rows: attending people (by name); columns: the project's focus areas."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.people: list[tuple[str, str, str]] = []  # (id, name, organisation)
        self.areas: list[tuple[str, str]] = []  # (id, name)
        self.chosen: dict[str, set[str]] = {}
        self.count_label = "{n}"

    def load(self, people_rows: list[tuple[str, str, str]], areas: list[tuple[str, str]],
             chosen: dict[str, set[str]]) -> None:
        self.beginResetModel()
        self.people, self.areas, self.chosen = people_rows, areas, chosen
        self.endResetModel()

    def counts(self) -> list[int]:
        return [sum(1 for p in self.people if a in self.chosen.get(p[0], ()))
                for a, _ in self.areas]

    def is_chosen(self, index: Index) -> bool:
        person_id, area_id = self.key(index)
        return area_id in self.chosen.get(person_id, set())

    def key(self, index: Index) -> tuple[str, str]:
        return self.people[index.row()][0], self.areas[index.column()][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.areas)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        chosen = self.is_chosen(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return MARK if chosen else ""
        if role == CHOSEN_ROLE:
            return chosen
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole and chosen:
            return QBrush(CHOSEN_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and chosen:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.people[index.row()][1]}, {self.areas[index.column()][1]}: " + (
                MARK if chosen else "–")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                name = hyphenate_compound(self.areas[section][1])
                return f"{name}\n" + self.count_label.format(n=self.counts()[section])
            person = self.people[section]
            return person[1] + (f" ({person[2]})" if person[2] else "")
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.areas[section][1]
        return None


class ChoicesView(WorkshopPage):
    WATCHED = frozenset({"choice", "attendance", "person", "focus_area", "workshop",
                         "organisation"})

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("choicesView")
        self.model = ChoicesModel(self)
        self.model.count_label = self.tr("{n} chose")
        self.grid = QTableView()
        self.grid.setObjectName("choicesGrid")
        self.grid.setAccessibleName(self.tr("Choices of focus area"))
        self.grid.setModel(self.model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setTabKeyNavigation(False)
        self.grid.setAlternatingRowColors(True)
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().setDefaultSectionSize(26)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.grid.clicked.connect(self._on_clicked)
        self.grid.installEventFilter(self)

        self.title = QLabel(self.tr("Which focus areas did each participant choose?"))
        self.title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("choiceSummary")
        self.empty = QLabel()
        self.empty.setObjectName("choicesEmpty")
        self.empty.setWordWrap(True)
        hint = QLabel(self.tr("Arrow keys move · Space or a click marks and unmarks · "
                              "a person may choose several areas · Ctrl+Z undoes"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.grid, 1)
        layout.addWidget(hint)

    # ----- reading -----------------------------------------------------------
    def refresh(self) -> None:
        current = self.grid.currentIndex()
        keep = self.model.key(current) if current.isValid() else None
        selected = [self.model.key(i) for i in self.grid.selectionModel().selectedIndexes()]
        people_rows: list[tuple[str, str, str]] = []
        areas: list[tuple[str, str]] = []
        chosen: dict[str, set[str]] = {}
        if self.workshop_id is not None:
            project_id = workshops.project_of(self.store, self.workshop_id)
            areas = [(a.id, a.name) for a in focus_areas.list_focus_areas(self.store, project_id)]
            people_rows = [(a.person_id, a.name, a.organisation)
                           for a in people.list_attendance(self.store, self.workshop_id)
                           if a.status == AttendanceStatus.ATTENDED]
            chosen = choices.list_choices(self.store, self.workshop_id)
        self.model.load(people_rows, areas, chosen)
        self._fit_header()
        self._show_summary()
        if keep is not None:
            self.select_cell(*keep)
        elif self.model.rowCount() and self.model.columnCount():
            self.grid.setCurrentIndex(self.model.index(0, 0))
        self._reselect(selected)

    def _fit_header(self) -> None:
        """Columns never narrower than their widest header line (in bold, as when current)."""
        header = self.grid.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(line)
                      for c in range(self.model.columnCount())
                      for line in str(self.model.headerData(
                          c, Qt.Orientation.Horizontal)).split("\n")), default=0)
        header.setMinimumSectionSize(max(90, widest + 16))

    def _reselect(self, keys: list[tuple[str, str]]) -> None:
        """Select the cells of ``keys`` again after a redraw (Space acts on the selection)."""
        rows = {p[0]: r for r, p in enumerate(self.model.people)}
        columns = {a[0]: c for c, a in enumerate(self.model.areas)}
        selection = QItemSelection()
        for person_id, area_id in keys:
            if person_id in rows and area_id in columns:
                index = self.model.index(rows[person_id], columns[area_id])
                selection.select(index, index)
        if not selection.isEmpty():
            self.grid.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _show_summary(self) -> None:
        total = self.model.rowCount()
        chose = sum(1 for p in self.model.people if self.model.chosen.get(p[0]))
        self.summary.setText(self.tr("{chose} of {total} present have chosen").format(
            chose=chose, total=total))
        if self.workshop_id is None:
            message = self.tr("Open a workshop to mark the participants' choices.")
        elif not self.model.columnCount():
            message = self.tr("The project has no focus areas yet: add them under Focus areas.")
        elif not total:
            message = self.tr("Nobody is checked in as present yet: check people in under "
                              "Participants.")
        else:
            message = ""
        self.empty.setText(message)
        self.empty.setVisible(bool(message))

    def select_cell(self, person_id: str, area_id: str) -> None:
        rows = [p[0] for p in self.model.people]
        columns = [a[0] for a in self.model.areas]
        if person_id in rows and area_id in columns:
            self.grid.setCurrentIndex(self.model.index(rows.index(person_id),
                                                       columns.index(area_id)))

    def counts(self) -> dict[str, int]:
        """Area name → how many present participants chose it (as the headers show)."""
        return {name: n for (_, name), n in zip(self.model.areas, self.model.counts(),
                                                strict=True)}

    # ----- editing -----------------------------------------------------------
    def toggle(self, indexes: list[QModelIndex]) -> bool:
        """Mark every cell in ``indexes``, or unmark them all if all are marked: one step."""
        cells = sorted({(i.row(), i.column()) for i in indexes if i.isValid()})
        if self.workshop_id is None or not cells:
            return False
        targets = [self.model.index(r, c) for r, c in cells]
        value = not all(self.model.is_chosen(i) for i in targets)
        changes = {self.model.key(i): value for i in targets}
        workshop_id = self.workshop_id
        text = (self.tr("Mark choice") if value else self.tr("Unmark choice")) if len(
            changes) == 1 else (self.tr("Mark {n} choices") if value
                                else self.tr("Unmark {n} choices")).format(n=len(changes))
        return self.editor.run(setter(
            text, lambda v: choices.set_choices(self.store, workshop_id, v), changes))

    def delete_selected(self) -> bool:
        """Del (also through the main window): unmark every selected cell, as one step."""
        selected = self.grid.selectionModel().selectedIndexes() or [self.grid.currentIndex()]
        marked = [i for i in selected if i.isValid() and self.model.is_chosen(i)]
        return self.toggle(marked) if marked else False

    def _on_clicked(self, index: QModelIndex) -> None:
        if QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
            self.toggle([index])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Delete and not event.modifiers():
                self.delete_selected()
                return True
            if event.key() == Qt.Key.Key_Space and not event.modifiers():
                selected = self.grid.selectionModel().selectedIndexes()
                current = self.grid.currentIndex()
                self.toggle(selected if current in selected else [current])
                return True
        return super().eventFilter(watched, event)
