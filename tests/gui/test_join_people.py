"""Deltagare → Samma person?: a person registered twice is joined by keyboard and undone."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from facilitator.services import people, projects, workshops
from facilitator.services.core import Store
from facilitator.store.models import AttendanceStatus as S
from facilitator.store.models import Person
from facilitator.ui.dialogs.join_people_dialog import JoinPeopleDialog
from facilitator.ui.main_window import MainWindow
from tests.gui.keyboard import press
from tests.gui.modal import when_shown

M = Qt.KeyboardModifier
PENDING = json.loads((Path(__file__).parents[2] / "resources" / "translations" / "pending"
                      / "people14.json").read_text(encoding="utf-8"))


def swedish(dialog: JoinPeopleDialog, english: str) -> str:
    """What the dialog shows for ``english``: the translation once the lead merges it."""
    shown = dialog.tr(english)
    assert shown in (english, PENDING[english])
    return shown


@pytest.fixture
def registered_twice(store: Store) -> dict[str, str]:
    """Åsa Öberg twice (Byalaget; the second with e-mail and phone), and a namesake."""
    ids = {"project": projects.create_project(store, "Ängsö framåt")}
    ids["workshop"] = workshops.create_workshop(store, ids["project"], "Vårmöte i Ängsö")
    ids["keep"] = people.create_person(store, "Åsa Öberg", organisation="Byalaget")
    ids["dup"] = people.create_person(store, "åsa öberg", organisation="byalaget",
                                      email="asa@angso.se", phone="070-111 22 33")
    ids["namesake"] = people.create_person(store, "Åsa Öberg", organisation="Skolan")
    people.set_attendance(store, ids["workshop"], ids["keep"], S.ATTENDED)
    people.set_attendance(store, ids["workshop"], ids["dup"], S.INVITED)
    return ids


def person(store: Store, person_id: str) -> tuple[Any, ...]:
    with store.read() as s:
        row = s.get(Person, person_id)
        assert row is not None
        return (row.deleted_at is not None, row.merged_into_id, row.email, row.phone)


def in_dialog(window: MainWindow, qtbot, act: Callable[[JoinPeopleDialog], None]) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+J on Deltagare opens the dialog; do ``act``; Esc closes it."""
    done: list[bool] = []

    def run(dialog: JoinPeopleDialog) -> None:
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            act(dialog)
        finally:
            done.append(True)
            press(dialog, Qt.Key.Key_Escape)

    when_shown(JoinPeopleDialog, run)
    press(window.people.register, Qt.Key.Key_J, M.ControlModifier)
    assert done == [True]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_join_by_keyboard_then_undo_in_the_window(
        qtbot, store, registered_twice, window) -> None:  # type: ignore[no-untyped-def]
    ids = registered_twice
    window.open_workshop(ids["workshop"])
    window.show_page(window.people)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.people.register.setFocus()
    qtbot.waitUntil(window.people.register.hasFocus)
    hint = window.people.findChild(QLabel, "joinPeopleHint")
    assert hint is not None and hint.isVisible() and "Ctrl+J" in hint.text()
    seen: dict[str, Any] = {}

    def join(dialog: JoinPeopleDialog) -> None:
        seen["title"] = (dialog.windowTitle(), swedish(dialog, "Same person?"))
        seen["rows"] = [dialog.list.topLevelItem(i).text(0)  # type: ignore[union-attr]
                        for i in range(dialog.list.topLevelItemCount())]
        seen["why"] = dialog.list.topLevelItem(0).text(1)  # type: ignore[union-attr]
        first, second = dialog.cards
        seen["cards"] = [[label.text() for label in card.fields.values()]
                         for card in dialog.cards]
        seen["focus"] = dialog.list.hasFocus()
        press(dialog.list, Qt.Key.Key_2)  # change one's mind …
        seen["second_kept"] = second.keep.isChecked() and not first.keep.isChecked()
        press(dialog.list, Qt.Key.Key_1)  # … and keep the one who attended
        press(dialog.list, Qt.Key.Key_Return)
        seen["after"] = dialog.list.topLevelItemCount()
        empty = dialog.findChild(QLabel, "joinEmpty")
        seen["empty"] = empty is not None and empty.isVisible()
        seen["status"] = dialog.status.text()

    in_dialog(window, qtbot, join)
    assert seen["title"][0] == seen["title"][1]
    assert seen["rows"] == ["Åsa Öberg"]  # the namesake at Skolan is not offered
    assert "Byalaget" in seen["why"]
    assert seen["cards"] == [["Åsa Öberg", "Byalaget", "–", "–", "1"],
                             ["åsa öberg", "Byalaget", "asa@angso.se", "070-111 22 33", "0"]]
    assert seen["focus"] and seen["second_kept"]
    assert seen["after"] == 0 and seen["empty"]
    assert "Åsa Öberg" in seen["status"]
    # The database: one Åsa Öberg at Byalaget, with the duplicate's e-mail and phone.
    assert person(store, ids["dup"]) == (True, ids["keep"], "asa@angso.se", "070-111 22 33")
    assert person(store, ids["keep"])[2:] == ("asa@angso.se", "070-111 22 33")
    assert [(a.person_id, a.status) for a in people.list_attendance(store, ids["workshop"])] \
        == [(ids["keep"], S.ATTENDED)]
    register = window.people.register
    assert sorted(register.item(r, 1).text() for r in range(register.rowCount())) == [
        "Byalaget", "Skolan"]

    register.setFocus()
    qtbot.waitUntil(register.hasFocus)
    press(register, Qt.Key.Key_Z, M.ControlModifier)
    assert person(store, ids["dup"]) == (False, None, "asa@angso.se", "070-111 22 33")
    assert person(store, ids["keep"])[2:] == ("", "")
    assert sorted((a.person_id, a.status) for a in people.list_attendance(
        store, ids["workshop"])) == sorted([(ids["keep"], S.ATTENDED), (ids["dup"], S.INVITED)])
    qtbot.waitUntil(lambda: register.rowCount() == 3)


def test_undo_inside_the_dialog_brings_the_pair_back(
        qtbot, store, registered_twice, window) -> None:  # type: ignore[no-untyped-def]
    window.show_page(window.people)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.people.register.setFocus()
    seen: dict[str, Any] = {}

    def join_and_undo(dialog: JoinPeopleDialog) -> None:
        second = dialog.cards[1].keep
        press(dialog.list, Qt.Key.Key_Tab)  # to the radio of the one suggested to keep …
        seen["tabbed"] = dialog.cards[0].keep.hasFocus()
        second.setFocus()  # … the other one's radio: Space chooses it, Enter joins
        press(second, Qt.Key.Key_Space)
        press(second, Qt.Key.Key_Return)
        seen["joined"] = dialog.list.topLevelItemCount()
        seen["kept"] = person(store, registered_twice["keep"])[:2]
        press(dialog.list, Qt.Key.Key_Z, M.ControlModifier)
        qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1)
        seen["undone"] = person(store, registered_twice["keep"])[:2]

    in_dialog(window, qtbot, join_and_undo)
    assert seen == {"tabbed": True, "joined": 0, "kept": (True, registered_twice["dup"]),
                    "undone": (False, None)}


def test_an_import_that_brings_a_second_registration_says_so(
        tmp_path, store, make_window) -> None:  # type: ignore[no-untyped-def]
    from facilitator.app import open_store
    from facilitator.interchange.export import write_package
    from tests.gui.modal import choose_file

    people.create_person(store, "Åsa Öberg", email="asa@angso.se")
    colleague = open_store(tmp_path / "kollegans.sqlite3")
    try:
        project = projects.create_project(colleague, "Ängsö framåt")
        workshop = workshops.create_workshop(colleague, project, "Vårmöte i Ängsö")
        people.set_attendance(colleague, workshop, people.create_person(
            colleague, "Åsa Öberg", email="ASA@angso.se"), S.ATTENDED)
        package = write_package(colleague, project, tmp_path / "ängsö.json")
    finally:
        colleague.close()
    window = make_window()
    choose_file(package)
    window.import_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Importerat")
    english = "{n} people may be the same person — Participants → Same person?"
    said = window.file_commands.tr(english)
    assert said in (english, PENDING[english])  # Swedish once the lead merges it
    assert said.format(n=2) in message
