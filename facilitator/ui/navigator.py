"""The navigator: projects and their workshops, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from facilitator.services.core import Change, Store
from facilitator.services.overview import list_projects
from facilitator.ui.tree_items import child_items, top_level_items

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class ProjectNavigator(QTreeWidget):
    """Tree of projects → workshops; emits ``workshop_chosen`` with a workshop id."""

    workshop_chosen = Signal(str)
    project_chosen = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setObjectName("navigator")
        # Opening the projector panel takes width from the pages, not the workshop names.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 22)
        self.setAccessibleName(self.tr("Projects and workshops"))
        self.setHeaderLabels([self.tr("Project / workshop"), self.tr("Date")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setUniformRowHeights(True)
        self.currentItemChanged.connect(self._on_current)

    def reload(self) -> None:
        current = self.current_id()
        self.blockSignals(True)
        self.clear()
        for project in list_projects(self._store):
            project_item = QTreeWidgetItem(self, [project.name, ""])
            project_item.setData(0, ID_ROLE, project.id)
            project_item.setData(0, KIND_ROLE, "project")
            font = project_item.font(0)
            font.setBold(True)
            project_item.setFont(0, font)
            for w in project.workshops:
                date = w.date.isoformat() if w.date else ""
                item = QTreeWidgetItem(project_item, [w.title, date])
                item.setData(0, ID_ROLE, w.id)
                item.setData(0, KIND_ROLE, "workshop")
                item.setToolTip(0, w.title)
            project_item.setExpanded(True)
        self.blockSignals(False)
        if current:
            self.select_id(current, emit=False)

    def on_changed(self, change: Change) -> None:
        if change.kinds & {"project", "workshop"}:
            self.reload()

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def current_kind(self) -> str | None:
        item = self.currentItem()
        return item.data(0, KIND_ROLE) if item is not None else None

    def current_project_id(self) -> str | None:
        item = self.currentItem()
        if item is None:
            return None
        parent = item.parent()
        if item.data(0, KIND_ROLE) == "workshop" and parent is not None:
            item = parent
        return item.data(0, ID_ROLE)

    def select_id(self, row_id: str, *, emit: bool = True) -> bool:
        for project_item in top_level_items(self):
            for item in [project_item, *child_items(project_item)]:
                if item.data(0, ID_ROLE) == row_id:
                    if not emit:
                        self.blockSignals(True)
                    self.setCurrentItem(item)
                    self.blockSignals(False)
                    return True
        return False

    def _on_current(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        if item.data(0, KIND_ROLE) == "workshop":
            self.workshop_chosen.emit(item.data(0, ID_ROLE))
        else:
            self.project_chosen.emit(item.data(0, ID_ROLE))
