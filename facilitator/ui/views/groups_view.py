"""Grupper: propose groups from the participants' choices, then adjust them.

"Propose groups" partitions the focus areas into N groups so that sizes
balance and everyone is in a group covering an area they chose (one undoable
step). Members and focus areas move between groups by drag and drop or by
keys: Alt+Left/Alt+Right to the previous/next group, Ctrl+1…9 to group N,
Ctrl+0 out of every group. F2 renames a group (an empty name returns to the
automatic one), Del removes the selected member, area or group.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import choices, focus_areas, grouping, groups, people, wishes, workshops
from facilitator.services.core import Change, Store
from facilitator.store.models import AttendanceStatus
from facilitator.ui.commands import (
    Editor,
    ServiceCommand,
    creator,
    deleter,
    refused_by_colleague,
    setter,
)
from facilitator.ui.views.base import WorkshopPage
from facilitator.ui.views.group_text_panel import GroupTextPanel
from facilitator.ui.views.groups_tree import (
    AREA_COLOUR,
    FLAG_COLOUR,
    FLAG_ROLE,
    GROUP_ROLE,
    ID_ROLE,
    KIND_ROLE,
    MUTED,
    NAME_ROLE,
    NO_GROUP,
    GroupsTree,
    child_item,
    group_item,
    no_group_item,
)


class GroupsView(WorkshopPage):
    WATCHED = frozenset({"group", "attendance", "person", "focus_area", "choice", "workshop"})

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("groupsView")
        self._loading = False
        self._areas: dict[str, str] = {}
        self._shown_workshop: str | None = None
        self._group_total = 0

        self.count = QSpinBox()
        self.count.setObjectName("groupCount")
        self.count.setAccessibleName(self.tr("Number of groups"))
        self.count.setRange(1, 12)
        self.count.setValue(3)
        self.propose_button = self._button("proposeGroups", self.tr("Propose groups"),
                                           self.propose, self.tr(
                                               "Combine the focus areas into this many groups "
                                               "of even size; replaces the groups below"))
        self.add_button = self._button("addGroup", self.tr("New group"), self.add_group)
        self.delete_button = self._button("deleteGroup", self.tr("Delete"), self.delete_selected,
                                          self.tr("Delete the chosen group, or take the chosen "
                                                  "member or area out of its group (Del)"))
        self.notes = QLabel()
        self.notes.setObjectName("proposalNotes")
        self.notes.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("groupsSummary")

        self.tree = GroupsTree(self)
        self.tree.setObjectName("groupsTree")
        self.tree.setAccessibleName(self.tr("Groups"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Group, focus areas and members"),
                                   self.tr("Chose / size")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 420)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemChanged.connect(self._on_item_changed)
        # A change (a colleague's, on the server) while a name is typed is drawn once the
        # editor closes: redrawing the tree would delete the item being edited.
        self._redraw_after_editing = False
        self.tree.itemDelegate().closeEditor.connect(lambda *_: self._editor_closed())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        keys = [("Alt+Left", -1), ("Alt+Right", +1), ("Alt+Up", -1), ("Alt+Down", +1)]
        for key, delta in keys:
            self._shortcut(key, lambda d=delta: self.move_selected_by(d))
        for n in range(1, 10):
            self._shortcut(f"Ctrl+{n}", lambda n=n: self.move_selected_to(n))
        self._shortcut("Ctrl+0", lambda: self.move_selected_to(0))

        hint = QLabel(self.tr("Drag members and areas between groups · Alt+← / Alt+→ "
                              "previous/next group · Ctrl+1…9 group N · Ctrl+0 no group · "
                              "F2 renames (empty: automatic) · Ctrl+Z undoes"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Number of groups:")))
        bar.addWidget(self.count)
        bar.addWidget(self.propose_button)
        bar.addSpacing(16)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notes)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        self.text_panel = GroupTextPanel(store, editor)
        self.text_panel.lead.escape_target = self.tree
        self.text_panel.after.escape_target = self.tree
        layout.addWidget(self.text_panel)
        self.notes.hide()

    def _button(self, name: str, text: str, slot: Callable[..., object],
                tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _shortcut(self, key: str, slot: Callable[..., object]) -> None:
        shortcut = QShortcut(QKeySequence(key), self.tree)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)

    # ----- reading -----------------------------------------------------------
    def on_changed(self, change: Change) -> None:
        if change.kinds & self.WATCHED and \
                self.tree.state() == QAbstractItemView.State.EditingState:
            self._redraw_after_editing = True
            return
        super().on_changed(change)

    def _editor_closed(self) -> None:
        if self._redraw_after_editing:
            self._redraw_after_editing = False
            QTimer.singleShot(0, self.safe_refresh)

    def refresh(self) -> None:
        keep = self.tree.current_key()
        self._loading = True
        self._group_total = 0
        try:
            self.tree.clear()
            self._areas = {}
            if self.workshop_id is not None:
                self._fill()
        finally:
            self._loading = False
        self.text_panel.show_workshop(self.workshop_id, self._group_total)
        if keep is not None:
            self.tree.select(*keep)
        first = self.tree.topLevelItem(0)  # None when the tree is empty
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()
        # Long group names ("A-, B- och Cförsörjning") are read whole, never cut.
        wanted = self.tree.sizeHintForColumn(0) + 16
        if wanted > self.tree.columnWidth(0):
            self.tree.setColumnWidth(0, wanted)

    def _fill(self) -> None:
        assert self.workshop_id is not None
        project_id = workshops.project_of(self.store, self.workshop_id)
        areas = focus_areas.list_focus_areas(self.store, project_id)
        self._areas = {a.id: a.name for a in areas}
        present = [a for a in people.list_attendance(self.store, self.workshop_id)
                   if a.status == AttendanceStatus.ATTENDED]
        names = {a.person_id: a.name for a in people.list_attendance(self.store,
                                                                     self.workshop_id)}
        chosen = choices.list_choices(self.store, self.workshop_id)
        counts = choices.count_choices(self.store, self.workshop_id)
        listed = groups.list_groups(self.store, self.workshop_id)
        self._group_total = len(listed)
        if self._shown_workshop != self.workshop_id:
            self._shown_workshop = self.workshop_id
            self.notes.hide()
            self.count.setValue(len(listed) or min(3, max(1, len(areas))))
        self.count.setMaximum(max(1, len(areas)))
        flagged = placed = 0
        in_group: set[str] = set()
        for number, group in enumerate(listed, start=1):
            item = group_item(
                group.id, group.name,
                self.tr("Group {number} · {n} members").format(
                    number=number, n=len(group.member_ids)),
                self.tr("Group {n}: F2 renames; an empty name follows the "
                        "focus areas").format(n=number))
            self.tree.addTopLevelItem(item)
            for area_id in group.focus_area_ids:
                child = child_item(item, "area", area_id, group.id,
                                   "◆ " + self._areas.get(area_id, "?"),
                                   self.tr("{n} chose").format(n=counts.get(area_id, 0)))
                child.setForeground(0, QBrush(AREA_COLOUR))
            member_rows = sorted(group.member_ids, key=lambda p: names.get(p, "").casefold())
            for person_id in member_rows:
                own = chosen.get(person_id, set())
                flag = bool(own) and not own & set(group.focus_area_ids)
                flagged += flag
                placed += 1
                in_group.add(person_id)
                self._member(item, person_id, group.id, names.get(person_id, "?"), own, flag)
            item.setExpanded(True)
        loose = [a for a in present if a.person_id not in in_group]
        if loose:
            rest = no_group_item(self.tr("Not in a group"),
                                 self.tr("{n} present").format(n=len(loose)))
            self.tree.addTopLevelItem(rest)
            for a in loose:
                self._member(rest, a.person_id, NO_GROUP, a.name, chosen.get(a.person_id, set()),
                             False)
            rest.setExpanded(True)
        text = self.tr("{groups} groups · {placed} placed · {loose} not in a group").format(
            groups=len(listed), placed=placed, loose=len(loose))
        if flagged:
            text += " · " + self.tr("{n} in a group they did not choose").format(n=flagged)
        self.summary.setText(text)

    def _member(self, parent: QTreeWidgetItem, person_id: str, group_id: str, name: str,
                own: set[str], flag: bool) -> None:
        labels = [self._areas[a] for a in self._areas if a in own]
        second = ", ".join(labels) if labels else self.tr("(no choice)")
        child = child_item(parent, "member", person_id, group_id,
                           ("⚠ " if flag else "") + name, second)
        child.setData(0, FLAG_ROLE, flag)
        if flag:
            tip = self.tr("Chose none of this group's focus areas")
            for column in (0, 1):
                child.setForeground(column, QBrush(FLAG_COLOUR))
                child.setToolTip(column, tip)
        elif not labels:
            child.setForeground(1, QBrush(MUTED))

    def _update_buttons(self) -> None:
        has = self.workshop_id is not None
        for widget in (self.count, self.propose_button, self.add_button):
            widget.setEnabled(has)
        item = self.tree.currentItem()
        self.delete_button.setEnabled(has and item is not None
                                      and item.data(0, KIND_ROLE) in ("group", "area", "member")
                                      and item.data(0, GROUP_ROLE) != NO_GROUP)

    # ----- proposing ---------------------------------------------------------
    def propose(self) -> bool:
        if self.workshop_id is None:
            return False
        workshop_id = self.workshop_id
        project_id = workshops.project_of(self.store, workshop_id)
        area_ids = [a.id for a in focus_areas.list_focus_areas(self.store, project_id)]
        present = [a.person_id for a in people.list_attendance(self.store, workshop_id)
                   if a.status == AttendanceStatus.ATTENDED]
        chosen = choices.list_choices(self.store, workshop_id)
        proposal = self.editor.attempt(lambda: grouping.propose_groups(
            area_ids, {p: chosen.get(p, set()) for p in present}, self.count.value()))
        if proposal is None:
            return False
        existing = groups.list_groups(self.store, workshop_id)
        if any(wishes.list_wishes(self.store, g.id) for g in existing):
            answer = QMessageBox.question(
                self, self.tr("Replace the groups?"),
                self.tr("The current groups already have wishes. New groups replace them; "
                        "the old groups and their wishes can be brought back with Undo."))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        replaced: dict[str, grouping.GroupsState] = {}

        def undo(previous: grouping.GroupsState) -> None:
            replaced["new"] = grouping.restore_groups(self.store, workshop_id, previous)

        command = ServiceCommand(
            self.tr("Propose {n} groups").format(n=len(proposal.groups)),
            do=lambda: grouping.apply_proposal(self.store, workshop_id, proposal),
            undo=undo,
            redo=lambda _prev: grouping.restore_groups(self.store, workshop_id, replaced["new"]))
        if not self.editor.run(command):
            return False
        self.notes.setText("\n".join(proposal.notes))
        self.notes.setVisible(bool(proposal.notes))
        return True

    # ----- adjusting ---------------------------------------------------------
    def move_item(self, item: QTreeWidgetItem, target_group: str | None) -> bool:
        """Move a member or a focus area row to ``target_group`` ("" = out of every group)."""
        kind, row_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        source = item.data(0, GROUP_ROLE)
        if self.workshop_id is None or target_group is None or target_group == source:
            return False
        workshop_id = self.workshop_id
        if kind == "member":
            targets = [target_group] if target_group else []
            done = self.editor.run(setter(
                self.tr("Move member"),
                lambda v: grouping.set_person_groups(self.store, workshop_id, row_id, v),
                targets))
        elif kind == "area" and target_group:
            index = self.tree.area_count(target_group)
            done = self.editor.run(setter(
                self.tr("Move focus area"),
                lambda v: grouping.set_area_groups(self.store, workshop_id, row_id, v),
                [(target_group, index)]))
        else:
            return False
        if done:
            self.refresh()
            self.tree.select(kind, row_id, target_group)
        return done

    def move_selected_by(self, delta: int) -> bool:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) not in ("member", "area"):
            return False
        ids = self.tree.group_ids()
        source = item.data(0, GROUP_ROLE)
        index = ids.index(source) + delta if source in ids else (0 if delta > 0 else len(ids) - 1)
        if not 0 <= index < len(ids):
            return False
        return self.move_item(item, ids[index])

    def move_selected_to(self, number: int) -> bool:
        """Move the selected member or area to group ``number`` (1-based; 0: out of groups)."""
        item = self.tree.currentItem()
        ids = self.tree.group_ids()
        if item is None or item.data(0, KIND_ROLE) not in ("member", "area") \
                or number > len(ids):
            return False
        return self.move_item(item, ids[number - 1] if number else NO_GROUP)

    def add_group(self) -> bool:
        if self.workshop_id is None:
            return False
        workshop_id = self.workshop_id
        command = creator(self.tr("New group"),
                          lambda: groups.create_group(self.store, workshop_id),
                          lambda gid: groups.delete_group(self.store, gid),
                          lambda gid: groups.restore_group(self.store, gid))
        if self.editor.run(command):
            self.refresh()
            self.tree.select("group", command.result, command.result)
            return True
        return False

    def delete_selected(self) -> bool:
        item = self.tree.currentItem()
        if item is None or self.workshop_id is None:
            return False
        kind, row_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        if kind == "group":
            index = self.tree.group_ids().index(row_id)
            return self.editor.run(deleter(
                self.tr("Delete group"), lambda: groups.delete_group(self.store, row_id),
                lambda _none: groups.restore_group(self.store, row_id, index)))
        if kind == "member" and item.data(0, GROUP_ROLE):
            return self.move_item(item, NO_GROUP)
        if kind == "area":
            workshop_id = self.workshop_id
            return self.editor.run(setter(
                self.tr("Remove focus area from group"),
                lambda v: grouping.set_area_groups(self.store, workshop_id, row_id, v), []))
        return False

    def rename_selected(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, KIND_ROLE) in ("area", "member"):
            item = item.parent()
        if item is not None and item.data(0, KIND_ROLE) == "group":
            self.tree.setCurrentItem(item)
            self.tree.editItem(item, 0)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != 0 or item.data(0, KIND_ROLE) != "group":
            return
        group_id, text, shown = item.data(0, ID_ROLE), item.text(0), item.data(0, NAME_ROLE)
        if text.strip() == shown:
            return

        def undo(old: tuple[str, bool]) -> None:
            groups.rename_group(self.store, group_id, old[0] if old[1] else "")

        # Stored only over the name the tree showed: a colleague's rename meanwhile wins.
        if not self.editor.run(ServiceCommand(
                self.tr("Rename group"),
                do=lambda: groups.rename_group(self.store, group_id, text, expected=shown),
                undo=undo, redo=lambda _old: groups.rename_group(self.store, group_id, text))):
            # Redrawn once this signal has returned: its item must outlive the handler.
            again = refused_by_colleague(self.editor)  # the typing is not lost
            self._redraw_after_editing = False  # redrawn here, before the name opens again
            QTimer.singleShot(0, lambda: self._redraw_after_refusal(group_id, text, again))

    def _redraw_after_refusal(self, group_id: str, text: str, rename_again: bool) -> None:
        self.refresh()
        if rename_again:
            self._rename_again(group_id, text)

    def _rename_again(self, group_id: str, text: str) -> None:
        """The group's name open again with what the user typed, over the colleague's
        name now shown: Enter stores it over theirs, Esc leaves theirs."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == group_id:
                self.tree.setCurrentItem(item)
                self.tree.setFocus()
                self.tree.editItem(item, 0)
                line = self.tree.indexWidget(self.tree.currentIndex())
                if isinstance(line, QLineEdit):
                    line.setText(text)
                return
