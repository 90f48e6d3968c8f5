"""Ny person / Redigera person: the register fields of one person."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import people
from facilitator.services.core import Store
from facilitator.ui.commands import Editor, checked_setter, creator, refused_by_colleague
from facilitator.ui.widgets.completion import enter_accepts_completion

FIELDS = ("name", "title", "organisation", "email", "phone")


def organisation_completer(names: list[str], parent: QWidget) -> QCompleter:
    """Suggests known organisations anywhere in their name, ignoring case."""
    completer = QCompleter(names, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return enter_accepts_completion(completer)


def set_organisation_names(completer: QCompleter, names: list[str]) -> None:
    """New suggestions for a completer made by ``organisation_completer``."""
    model = completer.model()
    assert isinstance(model, QStringListModel)  # QCompleter(list) keeps its names in one
    model.setStringList(names)


class PersonDialog(QDialog):
    """Edits name, title, organisation, e-mail and phone.

    ``submit`` receives the changed fields and returns True when they were
    stored; a refusal keeps the dialog open with everything typed still there.
    """

    def __init__(self, title: str, values: dict[str, str], organisations: list[str],
                 submit: Callable[[dict[str, str]], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._original = {key: values.get(key, "") for key in FIELDS}
        self._submit = submit
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "name": self.tr("Name"),
            "title": self.tr("Title"),
            "organisation": self.tr("Organisation"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
        }
        form = QFormLayout()
        for key in FIELDS:
            edit = QLineEdit(self._original[key])
            edit.setObjectName(f"person_{key}")
            edit.setAccessibleName(labels[key])
            self.edits[key] = edit
            form.addRow(labels[key] + ":", edit)
        self.edits["organisation"].setCompleter(organisation_completer(organisations, self))
        self.edits["organisation"].setPlaceholderText(
            self.tr("Created if it is new"))
        self.edits["email"].setPlaceholderText("namn@exempel.se")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("personButtons")
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.edits["name"].setFocus()
        self.edits["name"].selectAll()

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}

    def changes(self) -> dict[str, str]:
        """Only the fields the user changed (compared without surrounding spaces)."""
        return {key: value for key, value in self.values().items()
                if value.strip() != self._original[key].strip()}

    def _on_ok(self) -> None:
        if not self._original["name"]:  # a new person: every field, so an empty name is refused
            if self._submit(self.values()):
                self.accept()
            return
        changes = self.changes()
        if not changes or self._submit(changes):
            self.accept()


def edit_person(parent: QWidget, editor: Editor, store: Store, person_id: str,
                organisations: list[str]) -> bool:
    """Edit a person's register fields; the change is one undoable step."""
    info = people.get_person(store, person_id)
    values = {"name": info.name, "title": info.title, "organisation": info.organisation,
              "email": info.email, "phone": info.phone}

    shown = [info]  # the register fields as the user last saw them

    def submit(changes: dict[str, str]) -> bool:
        # Stored only over the values the user saw (#15): a colleague's edit of the same
        # field meanwhile is refused, and the dialog stays open with the typing; the next
        # OK, made knowing, stores it over theirs.
        seen = {("organisation_id" if key == "organisation" else key):
                (shown[0].organisation_id if key == "organisation" else getattr(shown[0], key))
                for key in changes}
        if editor.run(checked_setter(
                QCoreApplication.translate("PersonDialog", "Edit {name}").format(name=info.name),
                lambda v, expected: people.update_person(store, person_id, **v,
                                                         expected=expected),
                changes, seen)):
            return True
        if refused_by_colleague(editor):
            shown[0] = people.get_person(store, person_id)
        return False

    title = QCoreApplication.translate("PersonDialog", "Edit person")
    dialog = PersonDialog(title, values, organisations, submit, parent)
    return bool(dialog.exec())


def new_person(parent: QWidget, editor: Editor, store: Store,
               organisations: list[str]) -> str | None:
    """Register a new person; returns their id, or None when cancelled."""
    created: list[str] = []

    def submit(values: dict[str, str]) -> bool:
        command = creator(
            QCoreApplication.translate("PersonDialog", "New person {name}").format(
                name=values.get("name", "").strip()),
            lambda: people.create_person(store, **values),
            lambda pid: people.delete_person(store, pid),
            lambda pid: people.restore_person(store, pid))
        if editor.run(command):
            created.append(command.result)
            return True
        return False

    title = QCoreApplication.translate("PersonDialog", "New person")
    dialog = PersonDialog(title, {}, organisations, submit, parent)
    return created[0] if dialog.exec() and created else None
