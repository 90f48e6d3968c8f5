"""GDPR in the window: "Ta bort person" confirms, erases, reports and clears undo;
"Exportera personuppgifter" saves a JSON file. (Deleting a finalised public record is
refused by workshops.delete_workshop without allow_finalised: test_services_workshops.)"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QMessageBox

from facilitator.services import people, projects, roles, workshops
from facilitator.services.roles import RoleEntry
from facilitator.store.vocabulary import RoleKind
from tests.gui.conftest import when_modal
from tests.gui.modal import choose_file, when_shown

NAME = "Yngve Qvarnström"


def _open(window, store):  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Ängsö")
    workshop = workshops.create_workshop(store, project, "Vårmöte")
    roles.set_roles(store, workshop, [RoleEntry(RoleKind.MODERATOR, name=NAME)])
    person = people.create_person(store, NAME, organisation="Ängsö byalag",
                                  email="yngve@byn.se")
    people.set_attendance(store, workshop, person, "attended")
    window.navigator.reload()
    window.open_workshop(workshop)
    window.show_page(window.people)
    page = window.people
    page.refresh_register()
    page.select_person(page.register, person)
    page.register.setFocus()
    return workshop, person, page


def test_erase_person_confirms_reports_and_clears_undo(qtbot, store, window):
    workshop, _person, page = _open(window, store)
    window.facts.lines["venue"].setText("Bygdegården")
    workshops.update_workshop(store, workshop, venue="Bygdegården")
    page.editor.stack.push(QUndoCommand("något"))
    seen: list[str] = []

    def confirm(box: QMessageBox) -> None:
        seen.append(box.text() + "\n" + box.informativeText())
        when_modal(qtbot, lambda report: (seen.append(report.text() + "\n"
                                                      + report.detailedText()),
                                          report.accept()))
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(qtbot, confirm)
    erase = page.register.findChild(QAction, "erasePerson")
    erase.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert NAME in seen[0] and "Ängsö byalag" in seen[0]
    assert "kan INTE ångras" in seen[0]  # the Swedish UI says plainly it cannot be undone
    assert NAME in seen[1]
    assert people.list_people(store) == []
    assert [i.holder for i in roles.list_roles(store, workshop)] == ["borttagen person"]
    assert page.editor.stack.count() == 0
    assert page.register.rowCount() == 0


def test_erase_person_cancelled_changes_nothing(qtbot, store, window):
    _workshop, person, page = _open(window, store)
    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    page.erase_person()
    assert [p.id for p in people.list_people(store)] == [person]


def test_export_person_data_writes_json(qtbot, store, window, tmp_path: Path):
    _workshop, _person, page = _open(window, store)
    target = tmp_path / "yngve.json"
    choose_file(target, then=lambda: when_shown(QMessageBox, lambda box: box.accept()))
    page.export_person_data()
    data = json.loads(target.read_text("utf-8"))
    assert data["person"]["name"] == NAME
    assert data["attendance"][0]["workshop"] == "Vårmöte"
