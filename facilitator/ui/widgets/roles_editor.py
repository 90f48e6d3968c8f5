"""The workshop's roles on Översikt: an ordered list of "role — who" rows.

Every change (add, delete, move) replaces the whole list through
``roles.set_roles`` in one undoable command; the list is redrawn from the
store when the change comes back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.minutes.phrases import ROLE_LABELS, role_label
from facilitator.services import roles
from facilitator.services.core import Store
from facilitator.services.roles import RoleEntry
from facilitator.store.vocabulary import RoleKind
from facilitator.ui.commands import Editor, checked_setter
from facilitator.ui.widgets.completion import enter_accepts_completion
from facilitator.ui.widgets.entry_lists import moved, on_delete_key, without
from facilitator.ui.widgets.ordered_list import OrderedList

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def editable_combo(name: str, accessible_name: str, placeholder: str) -> QComboBox:
    """An editable combo that never adds what is typed to its own list."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible_name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMaxVisibleItems(15)
    line = combo_line(combo)
    line.setPlaceholderText(placeholder)
    line.setAccessibleName(accessible_name)
    return combo


def combo_line(combo: QComboBox) -> QLineEdit:
    line = combo.lineEdit()
    assert line is not None  # the combo is editable
    return line


class RolesEditor(QWidget):
    """Roles of one workshop: the list, then a role and a holder to add."""

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rolesEditor")
        self.store, self.editor = store, editor
        self.workshop_id: str | None = None
        self.language = "sv"
        self._entries: list[RoleEntry] = []

        self.list = OrderedList("rolesList", self.tr("Roles"))
        self.list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.list.move_requested.connect(self._move)
        on_delete_key(self.list, self.delete_current)

        self.role = editable_combo("roleKind", self.tr("Role"),
                                   self.tr("Choose a role or type one"))
        self.who = editable_combo("roleHolder", self.tr("Who has the role"),
                                  self.tr("Choose a person or type a name"))
        completer = QCompleter(self.who.model(), self.who)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.who.setCompleter(enter_accepts_completion(completer))
        combo_line(self.role).returnPressed.connect(self._enter_in_role)
        combo_line(self.who).returnPressed.connect(self.add_role)
        self.add_button = QPushButton(self.tr("Add role"))
        self.add_button.setObjectName("addRole")
        self.add_button.clicked.connect(self.add_role)
        hint = QLabel(self.tr("Enter adds the role · in the list: Del deletes · "
                              "Alt+↑ / ↓ move · Ctrl+Z undoes"))
        hint.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.role, 2)
        row.addWidget(QLabel("—"))
        row.addWidget(self.who, 3)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(hint)
        QWidget.setTabOrder(self.list, self.role)
        QWidget.setTabOrder(self.role, self.who)
        QWidget.setTabOrder(self.who, self.add_button)

    # ----- drawing -----------------------------------------------------------
    def show_workshop(self, workshop_id: str, language: str) -> None:
        self.workshop_id, self.language = workshop_id, language
        infos = roles.list_roles(self.store, workshop_id)
        self._entries = [info.entry for info in infos]
        self.list.fill([(info.entry.id or "", self.row_text(info.entry, info.holder))
                        for info in infos])
        self._fill_roles()
        self._fill_people()

    def row_text(self, entry: RoleEntry, holder: str) -> str:
        return f"{role_label(entry.role, entry.label, self.language)} — {holder}"

    def _fill_roles(self) -> None:
        text = self.role.currentText()
        self.role.clear()
        for kind in ROLE_LABELS:
            self.role.addItem(role_label(kind, "", self.language), str(kind))
        self.role.setCurrentIndex(-1)
        self.role.setEditText(text)

    def _fill_people(self) -> None:
        text = self.who.currentText()
        self.who.clear()
        from facilitator.services import people  # loads the ORM: not before first paint

        for person in people.list_people(self.store):
            label = person.name + (f", {person.organisation}" if person.organisation else "")
            self.who.addItem(label, person.id)
            self.who.setItemData(self.who.count() - 1, person.name, NAME_ROLE)
        self.who.setCurrentIndex(-1)
        self.who.setEditText(text)

    # ----- reading what was typed --------------------------------------------
    def typed_role(self) -> tuple[RoleKind, str]:
        """The chosen kind, or OTHER with the typed text as its label."""
        text = " ".join(self.role.currentText().split())
        for index in range(self.role.count()):
            if self.role.itemText(index).casefold() == text.casefold():
                return RoleKind(self.role.itemData(index)), ""
        return RoleKind.OTHER, text

    def typed_holder(self) -> tuple[str | None, str]:
        """A person of the register when the text names one, else the typed name."""
        text = " ".join(self.who.currentText().split())
        wanted = text.casefold()
        for index in range(self.who.count()):
            if wanted and wanted in (self.who.itemText(index).casefold(),
                                     str(self.who.itemData(index, NAME_ROLE)).casefold()):
                return str(self.who.itemData(index)), ""
        return None, text

    # ----- changes -----------------------------------------------------------
    def _enter_in_role(self) -> None:
        if self.who.currentText().strip():
            self.add_role()
        else:
            self.who.setFocus()

    def add_role(self) -> None:
        kind, label = self.typed_role()
        person_id, name = self.typed_holder()
        entry = RoleEntry(kind, label, person_id, name)
        if self._store([*self._entries, entry], self.tr("Add role")):
            self.role.setEditText("")
            self.who.setEditText("")
            self.role.setFocus()

    def delete_current(self) -> None:
        removal = without(self._entries, self.list.currentRow())
        if removal is None:
            return
        entries, neighbour = removal
        if self._store(entries, self.tr("Remove role")) and neighbour is not None:
            self.list.select_id(neighbour)

    def _move(self, row_id: str, target: int) -> None:
        entries = moved(self._entries, row_id, target)
        if entries is not None and self._store(entries, self.tr("Move role")):
            self.list.select_id(row_id)

    def _store(self, entries: list[RoleEntry], text: str) -> bool:
        if self.workshop_id is None:
            return False
        workshop_id, store = self.workshop_id, self.store
        # Made from the list shown (#15): a colleague's change meanwhile refuses it.
        done = self.editor.run(checked_setter(
            text, lambda values, made_from: roles.set_roles(store, workshop_id, values,
                                                      made_from=made_from),
            entries, list(self._entries)))
        if done:  # at once: the next key may act on the list before the change comes back
            self.show_workshop(workshop_id, self.language)
        return done
