"""Deltagare: checking people in at the door, the workshop's list and the register."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

from facilitator.events import ChangeBus
from facilitator.services import people, projects, workshops
from facilitator.store.models import AttendanceStatus as S
from facilitator.ui.commands import Editor
from facilitator.ui.views.people_view import PeopleView
from facilitator.ui.views.people_widgets import NAME, ROLE, STATUS, STATUS_ROLE
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text

# Completer and combo pop-ups are real windows; offscreen says it cannot raise or grab them.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def workshop(store) -> str:
    pid = projects.create_project(store, "Lillsjö bygdeprojekt")
    return workshops.create_workshop(store, pid, "Kväll i bygdegården")


@pytest.fixture
def page(qtbot, store, workshop, swedish) -> PeopleView:
    view = PeopleView(store, Editor(QUndoStack()))
    view.bus = ChangeBus(store)  # kept alive with the page
    view.bus.changed.connect(view.on_changed)
    qtbot.addWidget(view)
    view.set_workshop(workshop)
    view.resize(1000, 640)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.walk_in.setFocus()
    qtbot.waitUntil(view.walk_in.hasFocus)
    return view


def column(table, col: int = NAME) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


def attendance(store, workshop) -> dict[str, S]:
    return {a.name: a.status for a in people.list_attendance(store, workshop)}


def walk_in(page, name: str, organisation: str = "") -> None:
    type_text(page.walk_in, name)
    if organisation:
        press(page.walk_in, Qt.Key.Key_Tab)
        assert page.walk_in_org.hasFocus()
        type_text(page.walk_in_org, organisation)
        press(page.walk_in_org, Qt.Key.Key_Return)
    else:
        press(page.walk_in, Qt.Key.Key_Return)


def select(table, name: str) -> None:
    row = column(table).index(name)
    table.setFocus()
    table.setCurrentCell(row, NAME)


def test_walk_ins_typed_in_swedish_are_stored_present_and_the_field_stays_ready(
        qtbot, store, workshop, page):
    walk_in(page, "Åsa Öberg")
    assert page.walk_in.text() == ""
    assert page.walk_in.hasFocus()
    walk_in(page, "Märta Lindqvist")  # straight away, no click in between
    assert page.walk_in.hasFocus()

    assert attendance(store, workshop) == {"Märta Lindqvist": S.ATTENDED,
                                           "Åsa Öberg": S.ATTENDED}
    qtbot.waitUntil(lambda: column(page.attendance) == ["Märta Lindqvist", "Åsa Öberg"])
    assert column(page.attendance, STATUS) == [page.status_text(S.ATTENDED)] * 2
    assert page.attendance.item(0, STATUS).data(STATUS_ROLE) == "attended"
    assert re.match(r"2 (present|närvarande) (of|av) 2$", page.count.text())
    assert column(page.register) == ["Märta Lindqvist", "Åsa Öberg"]
    assert page.walk_in.hasFocus()  # the redraw after the change did not steal the cursor
    assert "Märta Lindqvist" in page.notice.text()


def test_organisation_is_created_on_the_fly_once_and_reused(qtbot, store, workshop, page):
    walk_in(page, "Åsa Öberg", "Hembygdsföreningen Ängen")
    assert page.walk_in.hasFocus() and page.walk_in_org.text() == ""
    walk_in(page, "Gunilla Hägg", "hembygdsföreningen ängen")

    assert [name for _id, name in people.list_organisations(store)] == [
        "Hembygdsföreningen Ängen"]
    assert {p.organisation for p in people.list_people(store)} == {"Hembygdsföreningen Ängen"}
    qtbot.waitUntil(lambda: column(page.attendance, 1) == ["Hembygdsföreningen Ängen"] * 2)
    completions = page.walk_in_org.completer().model().stringList()
    assert completions == ["Hembygdsföreningen Ängen"]


def test_an_invited_person_typed_at_the_door_is_checked_in_not_duplicated(
        qtbot, store, workshop, page):
    osten = people.create_person(store, "Östen Ek", organisation="Kommunkansliet")
    people.set_attendance(store, workshop, osten, S.INVITED)
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 1)
    type_text(page.walk_in, "östen ek")
    assert "Östen Ek" in page.notice.text()  # the user is told before pressing Enter
    press(page.walk_in, Qt.Key.Key_Return)

    assert [p.id for p in people.list_people(store)] == [osten]
    assert attendance(store, workshop) == {"Östen Ek": S.ATTENDED}
    steps = page.editor.stack.count()
    walk_in(page, "Östen Ek")  # typed twice: told so, nothing new recorded
    assert page.editor.stack.count() == steps and page.walk_in.text() == ""
    assert "Östen Ek" in page.notice.text()
    assert [p.id for p in people.list_people(store)] == [osten]
    page.editor.stack.undo()
    assert attendance(store, workshop) == {"Östen Ek": S.INVITED}


def test_empty_name_is_refused_with_a_message_and_nothing_stored(store, workshop, page):
    messages: list[str] = []
    page.editor.refused.connect(messages.append)
    press(page.walk_in, Qt.Key.Key_Return)
    type_text(page.walk_in, "   ")
    press(page.walk_in, Qt.Key.Key_Return)

    assert messages == ["Namnet får inte vara tomt."] * 2
    assert people.list_people(store) == []
    assert people.list_attendance(store, workshop) == []
    assert page.editor.stack.count() == 0
    assert page.walk_in.hasFocus()


def test_undo_and_redo_of_a_walk_in_restore_the_database(qtbot, store, workshop, page):
    walk_in(page, "Åsa Öberg", "Hembygdsföreningen Ängen")
    (person,) = people.list_people(store)
    stack = page.editor.stack

    stack.undo()
    assert people.list_people(store) == []
    assert people.list_attendance(store, workshop) == []
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 0 and page.register.rowCount() == 0)

    stack.redo()
    assert people.list_people(store) == [person]  # the same row, not a new one
    assert attendance(store, workshop) == {"Åsa Öberg": S.ATTENDED}
    qtbot.waitUntil(lambda: column(page.attendance) == ["Åsa Öberg"])


def test_status_changes_by_keyboard_and_each_change_undoes(qtbot, store, workshop, page):
    walk_in(page, "Märta Lindqvist")
    walk_in(page, "Åsa Öberg")
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 2)
    select(page.attendance, "Åsa Öberg")

    press(page.attendance, Qt.Key.Key_F)
    assert attendance(store, workshop)["Åsa Öberg"] == S.ABSENT
    press(page.attendance, Qt.Key.Key_Space)  # absent → invited
    assert attendance(store, workshop)["Åsa Öberg"] == S.INVITED
    press(page.attendance, Qt.Key.Key_N)
    assert attendance(store, workshop)["Åsa Öberg"] == S.ATTENDED
    press(page.attendance, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: column(page.attendance, STATUS)[1] == page.status_text(S.INVITED))
    assert column(page.attendance)[page.attendance.currentRow()] == "Åsa Öberg"  # kept
    assert re.match(r"1 (present|närvarande) (of|av) 2", page.count.text())
    assert attendance(store, workshop)["Märta Lindqvist"] == S.ATTENDED

    page.editor.stack.undo()
    assert attendance(store, workshop)["Åsa Öberg"] == S.ATTENDED
    page.editor.stack.undo()
    page.editor.stack.undo()
    assert attendance(store, workshop)["Åsa Öberg"] == S.ABSENT


def test_several_selected_rows_change_in_one_step(qtbot, store, workshop, page):
    for name in ("Anna Berg", "Björn Ärlig", "Cecilia Ström"):
        walk_in(page, name)
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 3)
    page.attendance.setFocus()
    page.attendance.selectAll()
    before = page.editor.stack.count()
    press(page.attendance, Qt.Key.Key_F)
    assert set(attendance(store, workshop).values()) == {S.ABSENT}
    assert page.editor.stack.count() == before + 1
    page.editor.stack.undo()
    assert set(attendance(store, workshop).values()) == {S.ATTENDED}


def test_status_chosen_with_the_mouse_in_the_combo(qtbot, store, workshop, page):
    walk_in(page, "Åsa Öberg")
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 1)
    page.attendance.edit(page.attendance.model().index(0, STATUS))
    combo = page.attendance.findChild(QComboBox, "statusEditor")
    assert combo is not None
    combo.setCurrentIndex(combo.findData("absent"))
    combo.activated.emit(combo.currentIndex())
    assert attendance(store, workshop) == {"Åsa Öberg": S.ABSENT}


def test_role_is_edited_in_the_list(qtbot, store, workshop, page):
    walk_in(page, "Östen Ek")
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 1)
    page.attendance.setFocus()
    page.attendance.editItem(page.attendance.item(0, ROLE))
    editor = page.attendance.findChild(QLineEdit)
    type_text(editor, "Moderator för kvällen")
    press(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: people.list_attendance(store, workshop)[0].role != "")
    (row,) = people.list_attendance(store, workshop)
    assert (row.role, row.status) == ("Moderator för kvällen", S.ATTENDED)
    qtbot.waitUntil(lambda: column(page.attendance, ROLE) == ["Moderator för kvällen"])


def test_delete_takes_someone_off_the_list_and_undo_puts_them_back(
        qtbot, store, workshop, page):
    person = people.create_person(store, "Märta Lindqvist")
    people.set_attendance(store, workshop, person, S.ABSENT, "Sekreterare")
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 1)
    select(page.attendance, "Märta Lindqvist")
    page.delete_selected()
    assert people.list_attendance(store, workshop) == []
    assert [p.name for p in people.list_people(store)] == ["Märta Lindqvist"]  # still known
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 0)

    page.editor.stack.undo()
    (row,) = people.list_attendance(store, workshop)
    assert (row.status, row.role) == (S.ABSENT, "Sekreterare")


def test_search_filters_the_register_as_you_type(qtbot, store, page):
    people.create_person(store, "Åsa Öberg", organisation="Hembygdsföreningen Ängen")
    people.create_person(store, "Märta Lindqvist", organisation="Lillsjö IF")
    people.create_person(store, "Östen Ek", title="Utvecklingsledare")
    qtbot.waitUntil(lambda: page.register.rowCount() == 3)
    assert column(page.register) == ["Märta Lindqvist", "Åsa Öberg", "Östen Ek"]

    type_text(page.search, "ängen")
    assert column(page.register) == ["Åsa Öberg"]
    page.search.clear()
    type_text(page.search, "utveckling")
    assert column(page.register) == ["Östen Ek"]
    page.search.clear()
    assert page.register.rowCount() == 3


def test_people_from_the_register_are_invited_or_checked_in_by_keyboard(
        qtbot, store, workshop, page):
    people.create_person(store, "Åsa Öberg")
    people.create_person(store, "Märta Lindqvist")
    qtbot.waitUntil(lambda: page.register.rowCount() == 2)
    page.search.setFocus()
    type_text(page.search, "märta")
    press(page.search, Qt.Key.Key_Return)  # into the register, first match chosen
    assert page.register.hasFocus()
    press(page.register, Qt.Key.Key_I)
    assert attendance(store, workshop) == {"Märta Lindqvist": S.INVITED}

    page.search.clear()
    select(page.register, "Åsa Öberg")
    press(page.register, Qt.Key.Key_Return)
    assert attendance(store, workshop) == {"Märta Lindqvist": S.INVITED,
                                           "Åsa Öberg": S.ATTENDED}
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 2)
    assert page.register.hasFocus()
    page.editor.stack.undo()
    assert attendance(store, workshop) == {"Märta Lindqvist": S.INVITED}


def test_register_buttons_add_to_the_workshop(qtbot, store, workshop, page):
    people.create_person(store, "Åsa Öberg")
    qtbot.waitUntil(lambda: page.register.rowCount() == 1)
    select(page.register, "Åsa Öberg")
    qtbot.mouseClick(page.invite_button, Qt.MouseButton.LeftButton)
    assert attendance(store, workshop) == {"Åsa Öberg": S.INVITED}
    qtbot.mouseClick(page.check_in_button, Qt.MouseButton.LeftButton)
    assert attendance(store, workshop) == {"Åsa Öberg": S.ATTENDED}


def test_f2_edits_a_person_in_the_dialog_and_undo_restores(qtbot, store, page):
    person = people.create_person(store, "Åsa Öberg", organisation="Lillsjö IF")
    qtbot.waitUntil(lambda: page.register.rowCount() == 1)
    select(page.register, "Åsa Öberg")

    def fill(dialog):
        assert dialog.objectName() == "personDialog"
        title = dialog.findChild(QLineEdit, "person_title")
        type_text(title, "Ordförande")
        organisation = dialog.findChild(QLineEdit, "person_organisation")
        organisation.clear()
        type_text(organisation, "Hembygdsföreningen Ängen")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(qtbot, fill)
    page.rename_selected()
    info = people.get_person(store, person)
    assert (info.title, info.organisation) == ("Ordförande", "Hembygdsföreningen Ängen")
    qtbot.waitUntil(lambda: column(page.register, 3) == ["Ordförande"])

    page.editor.stack.undo()
    info = people.get_person(store, person)
    assert (info.title, info.organisation) == ("", "Lillsjö IF")


def test_new_person_dialog_keeps_what_was_typed_when_refused(qtbot, store, page):
    messages: list[str] = []
    page.editor.refused.connect(messages.append)
    seen: list[bool] = []

    def fill(dialog):
        type_text(dialog.findChild(QLineEdit, "person_name"), "Märta Lindqvist")
        email = dialog.findChild(QLineEdit, "person_email")
        type_text(email, "märta at lillsjö")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        ok.click()
        seen.append(dialog.isVisible())  # refused: still open, nothing lost
        email.clear()
        type_text(email, "märta@lillsjö.se")
        ok.click()

    when_modal(qtbot, fill)
    page.new_person()
    assert seen == [True]
    assert len(messages) == 1 and "märta at lillsjö" in messages[0]
    (info,) = people.list_people(store)
    assert (info.name, info.email) == ("Märta Lindqvist", "märta@lillsjö.se")
    assert column(page.register) == ["Märta Lindqvist"]
    page.editor.stack.undo()
    assert people.list_people(store) == []


def test_refresh_keeps_the_cursor_and_the_selection(qtbot, store, workshop, page):
    walk_in(page, "Anna Berg")
    walk_in(page, "Östen Ek")
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 2)
    page.attendance.selectRow(1)
    page.walk_in.setFocus()
    type_text(page.walk_in, "Mär")
    # Another change arrives meanwhile and lands above the chosen row.
    other = people.create_person(store, "Björn Ärlig")
    people.set_attendance(store, workshop, other, S.INVITED)
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 3)

    assert page.walk_in.hasFocus() and page.walk_in.text() == "Mär"
    rows = [i.row() for i in page.attendance.selectionModel().selectedRows()]
    assert rows == [2] and page.attendance.currentRow() == 2
    assert page.attendance.item(2, NAME).text() == "Östen Ek"


def test_without_a_workshop_only_the_register_is_shown(qtbot, store, page):
    people.create_person(store, "Åsa Öberg")
    page.set_workshop(None)
    assert page.stack.currentWidget() is page.empty
    assert not page.door.isVisible()
    assert page.register.isColumnHidden(STATUS)  # no "here" without a workshop
    assert column(page.register) == ["Åsa Öberg"]
    assert not page.invite_button.isEnabled()
    assert page.new_button.isEnabled()
    page.add_walk_in()  # nothing to add to
    assert people.list_people(store) and page.editor.stack.count() == 0


def test_in_the_main_window_del_and_f2_act_on_the_participants(qtbot, store, workshop, window):
    page = window.people
    window.navigator.reload()
    window.open_workshop(workshop)
    window.show_page(page)
    page.walk_in.setFocus()
    qtbot.waitUntil(page.walk_in.hasFocus)
    walk_in(page, "Åsa Öberg", "Hembygdsföreningen Ängen")
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 1)

    select(page.attendance, "Åsa Öberg")
    press(page.attendance, Qt.Key.Key_F)  # a plain letter is not eaten by a menu shortcut
    assert attendance(store, workshop) == {"Åsa Öberg": S.ABSENT}

    def rename(dialog):
        name = dialog.findChild(QLineEdit, "person_name")
        name.clear()
        type_text(name, "Åsa Öberg-Ängsdal")
        press(name, Qt.Key.Key_Return)

    when_modal(qtbot, rename)
    press(page.attendance, Qt.Key.Key_F2)
    assert [p.name for p in people.list_people(store)] == ["Åsa Öberg-Ängsdal"]

    window.activateWindow()  # offscreen does not reactivate the window after a dialog
    qtbot.waitUntil(page.attendance.hasFocus)  # the cursor is back where it was
    press(page.attendance, Qt.Key.Key_Delete)
    assert people.list_attendance(store, workshop) == []
    window.undo_action.trigger()
    assert attendance(store, workshop) == {"Åsa Öberg-Ängsdal": S.ABSENT}


def test_del_in_the_register_moves_the_person_to_the_trash_undoably(qtbot, store, workshop,
                                                                    page):
    walk_in(page, "Märta Lindqvist")
    qtbot.waitUntil(lambda: page.register.rowCount() == 1)
    select(page.register, "Märta Lindqvist")
    page.delete_selected()
    assert people.list_people(store) == []
    assert people.list_attendance(store, workshop) == []
    qtbot.waitUntil(lambda: page.register.rowCount() == 0 and page.attendance.rowCount() == 0)
    page.editor.stack.undo()
    assert attendance(store, workshop) == {"Märta Lindqvist": S.ATTENDED}
