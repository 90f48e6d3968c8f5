"""A facilitator prepares a workshop through the window: facts, agenda, focus areas, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from facilitator.services import focus_areas, people, projects, sections, workshops
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text
from tests.gui.modal import answer_box


@pytest.fixture
def workshop(store):
    pid = projects.create_project(store, "Lillsjö framåt")
    wid = workshops.create_workshop(store, pid, "Kväll i bygdegården", date="2026-11-19")
    return pid, wid


@pytest.fixture
def opened(window, workshop):
    window.navigator.reload()
    window.open_workshop(workshop[1])
    return window


def replace_text(widget, text):
    widget.setFocus()
    widget.selectAll()
    press(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def test_facts_typed_are_stored_and_undone(qtbot, store, opened, workshop):
    facts = opened.facts
    replace_text(facts.lines["venue"], "Lillsjö bygdegård, Storgatan 3")
    press(facts.lines["venue"], Qt.Key.Key_Return)
    replace_text(facts.lines["case_reference"], "Dnr 2026/114 Ängsö")
    press(facts.lines["case_reference"], Qt.Key.Key_Tab)
    stored = workshops.get_facts(store, workshop[1])
    assert (stored.venue, stored.case_reference) == ("Lillsjö bygdegård, Storgatan 3",
                                                     "Dnr 2026/114 Ängsö")
    assert opened.undo_action.text() == "&Ångra: Ändra ärende"

    opened.undo_action.trigger()
    assert workshops.get_facts(store, workshop[1]).case_reference == ""
    qtbot.waitUntil(lambda: facts.lines["case_reference"].text() == "")
    opened.redo_action.trigger()
    assert workshops.get_facts(store, workshop[1]).case_reference == "Dnr 2026/114 Ängsö"


def test_empty_title_is_refused_and_the_stored_title_comes_back(qtbot, store, opened, workshop):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, shown)
    title = opened.facts.lines["title"]
    replace_text(title, "   ")
    press(title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["Titeln får inte vara tomt."]
    assert workshops.get_facts(store, workshop[1]).title == "Kväll i bygdegården"
    qtbot.waitUntil(lambda: title.text() == "Kväll i bygdegården")


def test_section_with_a_nested_list_is_stored_as_markdown(qtbot, store, opened, workshop):
    opened.show_page(opened.agenda)
    agenda = opened.agenda
    qtbot.mouseClick(agenda.add_button, Qt.MouseButton.LeftButton)
    replace_text(agenda.heading, "Önskemål från byn")
    press(agenda.heading, Qt.Key.Key_Return)
    editor = agenda.notes.edit
    editor.setFocus()
    type_text(editor, "Det här kom fram:\n")
    agenda.notes.actions_by_name["bullets"].trigger()
    type_text(editor, "Föreningar samverkar:\nGemensam kalender")
    press(editor, Qt.Key.Key_Tab)
    type_text(editor, "\nÅrlig föreningsmässa\n")
    press(editor, Qt.Key.Key_Backtab)
    type_text(editor, "Bättre skyltning")
    agenda.list.setFocus()  # leaving the editor commits at once

    (section,) = sections.list_sections(store, workshop[1])
    assert section.heading == "Önskemål från byn"
    assert section.body == (
        "Det här kom fram:\n\n- Föreningar samverkar:\n  * Gemensam kalender\n"
        "  * Årlig föreningsmässa\n- Bättre skyltning")
    qtbot.waitUntil(lambda: agenda.list.item(0).text() == "1. Önskemål från byn")

    opened.undo_action.trigger()
    assert sections.get_section(store, section.id).body == ""
    opened.redo_action.trigger()
    assert "Årlig föreningsmässa" in sections.get_section(store, section.id).body


def test_agenda_items_reorder_by_keys_and_delete_is_undoable(qtbot, store, opened, workshop):
    for heading in ("Inledning", "Bakgrund och syfte", "Sammanfattning"):
        sections.add_section(store, workshop[1], heading)
    agenda = opened.agenda
    opened.show_page(agenda)
    qtbot.waitUntil(lambda: agenda.list.count() == 3)
    agenda.list.setFocus()
    agenda.list.setCurrentRow(2)
    press(agenda.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [s.heading for s in sections.list_sections(store, workshop[1])] == [
        "Inledning", "Sammanfattning", "Bakgrund och syfte"]
    qtbot.waitUntil(lambda: agenda.list.currentItem().text() == "2. Sammanfattning")

    opened.delete_action.trigger()  # Del with the list focused deletes the item
    assert [s.heading for s in sections.list_sections(store, workshop[1])] == [
        "Inledning", "Bakgrund och syfte"]
    opened.undo_action.trigger()
    assert [s.heading for s in sections.list_sections(store, workshop[1])] == [
        "Inledning", "Sammanfattning", "Bakgrund och syfte"]


@pytest.mark.qt_log_ignore("This plugin does not support raise",
                           "This plugin does not support grabbing the keyboard")
def test_focus_area_with_person_or_free_text_responsible(qtbot, store, opened, workshop):
    person = people.create_person(store, "Örjan Lindqvist", organisation="Kommunkansliet")
    view = opened.focus_areas
    opened.show_page(view)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    replace_text(view.name, "Kultursamverkan")
    press(view.name, Qt.Key.Key_Return)
    responsible = view.responsibles.line_edit()
    replace_text(responsible, "Örjan Lindqvist")
    press(responsible, Qt.Key.Key_Return)
    (area,) = focus_areas.list_focus_areas(store, workshop[0])
    assert area.name == "Kultursamverkan"
    assert [r.who.person_id for r in area.responsibles] == [person]

    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    replace_text(view.name, "Turismsamverkan")
    press(view.name, Qt.Key.Key_Return)
    replace_text(view.responsibles.line_edit(), "Byalaget och företagarföreningen")
    press(view.responsibles.line_edit(), Qt.Key.Key_Return)
    areas = focus_areas.list_focus_areas(store, workshop[0])
    assert [(a.name, a.responsible_label) for a in areas] == [
        ("Kultursamverkan", "Örjan Lindqvist (Kommunkansliet)"),
        ("Turismsamverkan", "Byalaget och företagarföreningen")]
    qtbot.waitUntil(lambda: view.list.item(1).text() == "2. Turismsamverkan")


def test_workshop_from_an_earlier_one_and_trash(qtbot, store, opened, workshop):
    from tests.gui.conftest import when_modal

    sections.add_section(store, workshop[1], "Inledning", "Anteckningar som inte ska följa med")

    def title(dialog):
        from PySide6.QtWidgets import QLineEdit

        editor = dialog.findChild(QLineEdit)
        editor.selectAll()
        type_text(editor, "Uppföljning i Åby")
        press(editor, Qt.Key.Key_Return)

    when_modal(qtbot, title)
    opened.copy_workshop_action.trigger()
    (project,) = projects.list_projects(store)
    copy = next(w for w in project.workshops if w.title == "Uppföljning i Åby")
    assert copy.date == dt.date.today()
    assert [(s.heading, s.body) for s in sections.list_sections(store, copy.id)] == [
        ("Inledning", "")]
    assert opened.workshop_id == copy.id

    opened.navigator.setFocus()
    opened.delete_action.trigger()
    assert [w.title for w in projects.list_projects(store)[0].workshops] == [
        "Kväll i bygdegården"]
    assert opened.workshop_id is None
    opened.undo_action.trigger()
    assert len(projects.list_projects(store)[0].workshops) == 2


def test_a_finalised_public_record_is_deleted_only_after_confirmation(qtbot, store, opened,
                                                                     workshop):
    from PySide6.QtWidgets import QMessageBox

    workshops.update_workshop(store, workshop[1], status="finalised")
    asked = []

    def answer(button: QMessageBox.StandardButton):
        def act(box):
            asked.append((box.windowTitle(), box.parent() is opened))
            box.button(button).click()
        return act

    opened.navigator.select_id(workshop[1], emit=False)
    opened.navigator.setFocus()
    when_modal(qtbot, answer(QMessageBox.StandardButton.No))
    opened.delete_action.trigger()
    assert [w.title for w in projects.list_projects(store)[0].workshops] == [
        "Kväll i bygdegården"]
    when_modal(qtbot, lambda box: press(box, Qt.Key.Key_Escape))  # Esc means no as well
    opened.delete_action.trigger()
    assert len(projects.list_projects(store)[0].workshops) == 1
    when_modal(qtbot, answer(QMessageBox.StandardButton.Yes))
    opened.delete_action.trigger()
    assert projects.list_projects(store)[0].workshops == ()
    assert asked == [("Ta bort en allmän handling?", True)] * 2
