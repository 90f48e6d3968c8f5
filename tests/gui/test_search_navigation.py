"""Ctrl+F finds text anywhere; choosing a result opens the place it was found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.services import focus_areas, people, projects, sections, workshops
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text


def search_and_choose(qtbot, window, text):
    def act(dialog):
        type_text(dialog.field, text)
        qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=5000)
        press(dialog.field, Qt.Key.Key_Down)
        press(QApplication.focusWidget(), Qt.Key.Key_Return)

    when_modal(qtbot, act)
    window.find_action.trigger()


def test_search_opens_a_section_in_another_workshop(qtbot, store, window):
    pid = projects.create_project(store, "Lillsjö framåt")
    first = workshops.create_workshop(store, pid, "Vårmöte", date="2026-04-01")
    second = workshops.create_workshop(store, pid, "Höstmöte", date="2026-10-01")
    sections.add_section(store, first, "Inledning")
    wanted = sections.add_section(store, first, "Fritidshusägare",
                                  "Träff för fritidshusägarna vid sjön")
    window.navigator.reload()
    window.open_workshop(second)

    search_and_choose(qtbot, window, "fritidshusäg")
    assert window.workshop_id == first
    assert window.current_page() is window.agenda
    assert window.agenda.current_section_id() == wanted


def test_search_opens_a_focus_area_and_a_person(qtbot, store, window):
    pid = projects.create_project(store, "Lillsjö framåt")
    wid = workshops.create_workshop(store, pid, "Vårmöte")
    focus_areas.add_focus_area(store, pid, "Medborgardialog")
    area = focus_areas.add_focus_area(store, pid, "Kultursamverkan", "Bygdens körer och spelmän")
    person = people.create_person(store, "Örjan Lindqvist", title="utredare")
    window.navigator.reload()
    window.open_workshop(wid)

    search_and_choose(qtbot, window, "spelmän")
    assert window.current_page() is window.focus_areas
    assert window.focus_areas.current_area_id() == area

    search_and_choose(qtbot, window, "Örjan")
    assert window.current_page() is window.people
    current = window.people.register.currentItem()
    assert current.text() == "Örjan Lindqvist"
    assert current.data(Qt.ItemDataRole.UserRole) == person
