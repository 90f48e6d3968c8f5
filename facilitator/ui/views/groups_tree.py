"""The Grupper tab's tree: groups at the top, their focus areas and members below.

Each row carries what it is (``KIND_ROLE``: "group", "area", "member" or
"nogroup"), its id (``ID_ROLE``) and the group it is in (``GROUP_ROLE``;
``NO_GROUP`` for the "not in a group" section).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QDropEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from facilitator.ui.tree_items import child_items, top_level_items

if TYPE_CHECKING:
    from facilitator.ui.views.groups_view import GroupsView

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # the group an area or member row is in
FLAG_ROLE = Qt.ItemDataRole.UserRole + 3  # True: a member who chose none of the group's areas
NAME_ROLE = Qt.ItemDataRole.UserRole + 4  # a group's stored name
FLAG_COLOUR = QColor("#b3261e")
AREA_COLOUR = QColor("#1f5f8b")
MUTED = QColor("#6b6b6b")
ROW_HEIGHT = 22  # room for the dots of Å, Ä and Ö above capitals
NO_GROUP = ""  # GROUP_ROLE of the "not in a group" section


class GroupsTree(QTreeWidget):
    """A tree whose drops become service calls instead of moving items itself."""

    def __init__(self, page: GroupsView) -> None:
        super().__init__()
        self.page = page

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        target = self.itemAt(event.position().toPoint())
        dragged = self.currentItem()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if dragged is not None and target is not None:
            self.page.move_item(dragged, target.data(0, GROUP_ROLE))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # In the main window its Delete action calls delete_selected() first.
        if event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self.page.delete_selected()
            return
        super().keyPressEvent(event)

    # ----- finding rows --------------------------------------------------------
    def current_key(self) -> tuple[str, str | None, str | None] | None:
        item = self.currentItem()
        if item is None:
            return None
        return item.data(0, KIND_ROLE), item.data(0, ID_ROLE), item.data(0, GROUP_ROLE)

    def items(self) -> list[QTreeWidgetItem]:
        found = []
        for top in top_level_items(self):
            found.append(top)
            found.extend(child_items(top))
        return found

    def select(self, kind: str, row_id: str | None, group_id: str | None = None) -> None:
        """Select the row of ``kind`` and ``row_id`` (in ``group_id`` when it matters)."""
        matches = [i for i in self.items()
                   if i.data(0, KIND_ROLE) == kind and i.data(0, ID_ROLE) == row_id]
        if not matches:
            return
        exact = [i for i in matches if i.data(0, GROUP_ROLE) == group_id]
        self.setCurrentItem((exact or matches)[0])

    def group_ids(self) -> list[str]:
        return [top.data(0, ID_ROLE) for top in top_level_items(self)
                if top.data(0, KIND_ROLE) == "group"]

    def area_count(self, group_id: str) -> int:
        return sum(1 for i in self.items()
                   if i.data(0, KIND_ROLE) == "area" and i.data(0, GROUP_ROLE) == group_id)


def child_item(parent: QTreeWidgetItem, kind: str, row_id: str, group_id: str,
               text: str, second: str) -> QTreeWidgetItem:
    """A focus area or member row under ``parent``; rows are dropped on, never into."""
    child = QTreeWidgetItem([text, second])
    child.setSizeHint(0, QSize(0, ROW_HEIGHT))
    child.setData(0, KIND_ROLE, kind)
    child.setData(0, ID_ROLE, row_id)
    child.setData(0, GROUP_ROLE, group_id)
    child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
    parent.addChild(child)
    return child


def group_item(group_id: str, name: str, second: str, tip: str) -> QTreeWidgetItem:
    """A group's bold top row: renamed in place, dropped on, never dragged."""
    item = QTreeWidgetItem([name, second])
    item.setData(0, KIND_ROLE, "group")
    item.setData(0, ID_ROLE, group_id)
    item.setData(0, GROUP_ROLE, group_id)
    item.setData(0, NAME_ROLE, name)
    item.setFlags((item.flags() | Qt.ItemFlag.ItemIsEditable)
                  & ~Qt.ItemFlag.ItemIsDragEnabled)
    item.setToolTip(0, tip)
    font = QFont()
    font.setBold(True)
    item.setFont(0, font)
    item.setSizeHint(0, QSize(0, ROW_HEIGHT + 4))
    return item


def no_group_item(text: str, second: str) -> QTreeWidgetItem:
    """The muted top row of the present people who are in no group."""
    rest = QTreeWidgetItem([text, second])
    rest.setSizeHint(0, QSize(0, ROW_HEIGHT + 4))
    rest.setData(0, KIND_ROLE, "nogroup")
    rest.setFlags(rest.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
    rest.setData(0, GROUP_ROLE, NO_GROUP)
    rest.setForeground(0, QBrush(MUTED))
    return rest
