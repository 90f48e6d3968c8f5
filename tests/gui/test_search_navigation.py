"""Ctrl+F finds text anywhere; choosing a result opens the place it was found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.services import focus_areas, groups, people, projects, sections, wishes, workshops
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


def test_search_opens_the_wish_on_the_board_chosen(qtbot, store, window):
    pid = projects.create_project(store, "Lillsjö framåt")
    other = workshops.create_workshop(store, pid, "Höstmöte", date="2026-10-01")
    wid = workshops.create_workshop(store, pid, "Vårmöte", date="2026-04-01")
    first = groups.create_group(store, wid, name="Grupp Norr")
    second = groups.create_group(store, wid, name="Grupp Söder")
    wishes.add_wish(store, first, "Fler bänkar vid badplatsen")
    parent = wishes.add_wish(store, second, "Trafiksäkerhet:")
    wishes.add_wish(store, second, "Cykelbana till skolan")
    wanted = wishes.add_wish(store, second, "Sänkt hastighet till 30 km/h genom byn")
    wishes.indent_wish(store, wanted)
    window.navigator.reload()
    window.open_workshop(other)

    search_and_choose(qtbot, window, "hastighet")
    assert window.workshop_id == wid
    assert window.current_page() is window.wish_board
    column = window.wish_board.active_column()
    assert column is not None and column.group_id == second
    assert column.current_id() == wanted
    assert parent != wanted


def test_hit_kinds_are_swedish_in_the_window(qtbot, store, window):
    pid = projects.create_project(store, "Lillsjö framåt")
    wid = workshops.create_workshop(store, pid, "Vårmöte")
    group = groups.create_group(store, wid, name="Grupp Norr")
    wishes.add_wish(store, group, "Träffar för nyinflyttade i Lillsjö")
    people.create_person(store, "Åsa Lillsjöberg", title="ordförande")
    sections.add_section(store, wid, "Lillsjö idag")
    seen: list[str] = []

    def act(dialog):
        try:
            type_text(dialog.field, "lillsjö")
            dialog.run_search()
            seen.extend(dialog.results.item(i).text().split(":")[0]
                        for i in range(dialog.results.count()))
        finally:
            press(dialog.field, Qt.Key.Key_Escape)

    when_modal(qtbot, act)
    window.find_action.trigger()
    assert {"Person", "Punkt", "Önskemål"} <= set(seen), seen
