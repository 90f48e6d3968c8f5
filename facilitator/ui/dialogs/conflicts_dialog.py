"""Konflikter: a field two laptops changed without seeing each other; choose the value.

The package import kept the value with the newer stamp and stored the other one
(services/conflicts.py). Here the facilitator keeps the merged value (K, Enter)
or takes the other one (A); both go through the window's undo stack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.events import ChangeBus
from facilitator.services import conflicts
from facilitator.services.conflicts import NAMING_FIELDS, ConflictInfo
from facilitator.services.core import Change, Store
from facilitator.ui.commands import Editor, setter

ID_ROLE = Qt.ItemDataRole.UserRole
LONGEST_SHOWN = 40  # characters of a value shown in the table; the tooltip has it all
WIDEST_COLUMN = 320  # pixels: all four columns fit the dialog's width
KEEP_KEYS = (Qt.Key.Key_K, Qt.Key.Key_Return, Qt.Key.Key_Enter)
OTHER_KEY = Qt.Key.Key_A


class ConflictsDialog(QDialog):
    def __init__(self, store: Store, editor: Editor, bus: ChangeBus | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.editor = store, editor
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Conflicts"))
        self.resize(860, 420)
        self.items = QTreeWidget()
        self.items.setObjectName("conflictItems")
        self.items.setAccessibleName(self.tr("Fields changed on two computers"))
        self.items.setHeaderLabels([self.tr("What"), self.tr("Kept"), self.tr("The other value"),
                                    self.tr("From"), self.tr("Choice")])
        self.items.setRootIsDecorated(False)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr(
            "No conflicts. When two computers have changed the same field, the value that "
            "was not kept is saved here, so you can choose."))
        self.empty_label.setObjectName("conflictsEmpty")
        self.empty_label.setWordWrap(True)
        self.show_settled = QCheckBox(self.tr("Show settled"))
        self.show_settled.setObjectName("conflictsShowSettled")
        self.show_settled.toggled.connect(lambda _on: self.reload())
        self.keep_button = QPushButton(self.tr("Keep"))
        self.keep_button.setObjectName("conflictKeep")
        self.keep_button.setToolTip(self.tr("Keep the value the merge kept (K or Enter)"))
        self.keep_button.clicked.connect(lambda: self.choose("kept"))
        self.other_button = QPushButton(self.tr("Take the other"))
        self.other_button.setObjectName("conflictTakeOther")
        self.other_button.setToolTip(self.tr("Put the other value back (A)"))
        self.other_button.clicked.connect(lambda: self.choose("other"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        for button in (self.keep_button, self.other_button):
            button.setAutoDefault(False)  # Enter is "Keep" through its shortcut, not a button
        self._keys()
        hint = QLabel(self.tr("K or Enter: keep · A: take the other value · Ctrl+Z: undo"))
        hint.setObjectName("conflictsHint")
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A field changed on two computers before their packages met. The newer value "
            "was kept; choose whether it stays or the other value comes back."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.show_settled)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        if bus is not None:
            bus.changed.connect(self.on_changed)
        self.reload()
        self.items.setFocus()

    def _keys(self) -> None:
        def shortcut(key: str | QKeySequence.StandardKey, slot: Callable[[], object]) -> None:
            made = QShortcut(QKeySequence(key), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)

        # K, Enter and A are plain letters the list would use to jump to a row: the list's own
        # key handling (eventFilter) takes them first.
        self.items.installEventFilter(self)
        # The dialog is modal: the window's undo keys would not reach the window.
        shortcut(QKeySequence.StandardKey.Undo, self.editor.stack.undo)
        shortcut(QKeySequence.StandardKey.Redo, self.editor.stack.redo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.items and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if event.key() in KEEP_KEYS:
                self.choose("kept")
                return True
            if event.key() == OTHER_KEY:
                self.choose("other")
                return True
        return super().eventFilter(watched, event)

    def on_changed(self, change: Change) -> None:
        if "conflict" in change.kinds:
            self.reload()

    def reload(self) -> None:
        chosen_id = self._selected()
        current = self.items.currentItem()
        row = self.items.indexOfTopLevelItem(current) if current is not None else 0
        settled = self.show_settled.isChecked()
        self.items.clear()
        rows = [self._add(info)
                for info in conflicts.list_conflicts(self.store, include_resolved=settled)]
        self.items.setColumnHidden(4, not settled)
        for column in range(4):
            self.items.resizeColumnToContents(column)
            self.items.setColumnWidth(column, min(self.items.columnWidth(column), WIDEST_COLUMN))
        self.empty_label.setVisible(not rows)
        if rows:
            same = [item for item in rows if item.data(0, ID_ROLE) == chosen_id]
            # The row just settled leaves the list: the cursor goes on to the next one.
            self.items.setCurrentItem(same[0] if same else rows[min(max(row, 0), len(rows) - 1)])
        self._update_buttons()

    def _add(self, info: ConflictInfo) -> QTreeWidgetItem:
        cells = [(self.describe(info), None),
                 self._value(info.table, info.field,
                             info.kept if info.kept_named is None else info.kept_named,
                             info.kept_at),
                 self._value(info.table, info.field,
                             info.other if info.other_named is None else info.other_named,
                             info.other_at),
                 (info.source, None), (self._choice_text(info.chosen), None)]
        item = QTreeWidgetItem(self.items, [text for text, _tip in cells])
        for column, (_text, tip) in enumerate(cells):
            if tip is not None:
                item.setToolTip(column, tip)
        item.setData(0, ID_ROLE, info.id)
        item.setToolTip(0, cells[0][0])  # the column may cut off the wish's text
        item.setToolTip(3, info.source)
        return item

    def _value(self, table: str, field: str, value: object,
               when: dt.datetime) -> tuple[str, str | None]:
        """The value as shown (elided when long) and, when elided, the whole as a tooltip."""
        text = self._value_text(field, value)
        stamp = local_time(when)
        # The time first: a narrow column cuts off the end of the value, never the time.
        if len(text) > LONGEST_SHOWN:
            return f"{stamp}  {text[:LONGEST_SHOWN - 1]}…", text
        return f"{stamp}  {text}", None

    def _value_text(self, field: str, value: object) -> str:
        if field == "deleted_at":
            return self.tr("in the trash") if value else self.tr("not in the trash")
        if field == "parent_id":
            return self.tr("under ”{wish}”").format(wish=value) if value \
                else self.tr("at the top level")
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        return " ".join(str(value).split())  # a note's line breaks would hide the time

    def _choice_text(self, chosen: str) -> str:
        if chosen == "kept":
            return self.tr("Kept")
        if chosen == "other":
            return self.tr("The other value")
        return self.tr("Open")

    def describe(self, info: ConflictInfo) -> str:
        """'Önskemål ”Bänkar vid ån” (Grupp ett, Kväll i bygdegården), text': the kind
        of row, which one and where, and the field, in the UI language."""
        kinds = {"wish": self.tr("Wish"), "project": self.tr("Project"),
                 "workshop": self.tr("Workshop"), "section": self.tr("Agenda point"),
                 "focus_area": self.tr("Focus area"), "person": self.tr("Person"),
                 "action": self.tr("Action"), "organisation": self.tr("Organisation"),
                 "work_group": self.tr("Group"), "review": self.tr("Follow-up")}
        fields = {"text": self.tr("text"), "name": self.tr("name"), "votes": self.tr("votes"),
                  "note": self.tr("note"), "title": self.tr("title"),
                  "body": self.tr("notes"), "status": self.tr("status"),
                  "deleted_at": self.tr("in the trash"), "heading": self.tr("heading"),
                  "description": self.tr("description"), "comment": self.tr("comment"),
                  "due_date": self.tr("due date"), "parent_id": self.tr("place"),
                  "position": self.tr("order"), "person_id": self.tr("person"),
                  "organisation_id": self.tr("organisation")}
        kind = kinds.get(info.table, info.table)
        # A conflict about the name itself shows both names beside it: no third copy here.
        named = f"{kind} ”{info.label}”" if info.label and info.field not in NAMING_FIELDS \
            else kind
        where = f" ({info.where})" if info.where else ""
        return f"{named}{where}, {fields.get(info.field, info.field)}"

    def _selected(self) -> str | None:
        current = self.items.currentItem()
        return current.data(0, ID_ROLE) if current is not None else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.keep_button.setEnabled(chosen)
        self.other_button.setEnabled(chosen)

    def choose(self, choice: str) -> None:
        """Settle the chosen conflict: "kept" or "other"; undo puts back what was before."""
        conflict_id = self._selected()
        if conflict_id is None:
            return
        text = self.tr("Keep the merged value") if choice == "kept" \
            else self.tr("Take the other value")
        store = self.store
        self.editor.run(setter(
            text, lambda value: conflicts.set_choice(store, conflict_id, value), choice))
        self.reload()


def local_time(when: dt.datetime) -> str:
    """A stamp's UTC clock time as the local time "2026-12-05 18:30"."""
    return when.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
