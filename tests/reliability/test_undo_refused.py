"""An undo or redo the database refuses (disk full, read-only) is reported, and the undo
history stays where the data is: the same Ctrl+Z works once the database can be written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.services import projects, sections, workshops
from tests.gui.keyboard import press, type_text
from tests.gui.modal import answer_box
from tests.reliability.test_disk_full import FULL, fill_disk, free_space

LONG = "Kvällens anteckningar om bryggan och färjan i Lillsjö. " * 400


@pytest.fixture
def opened(window, store):
    project = projects.create_project(store, "Lillsjö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    section = sections.add_section(store, workshop, "Inledning", LONG)
    window.navigator.reload()
    window.open_workshop(workshop)
    window.show_page(window.agenda)
    return window, section


def shorten_notes(qtbot, window) -> None:
    """The facilitator replaces the long notes with two words (one undo step)."""
    notes = window.agenda.notes
    qtbot.waitUntil(lambda: notes.markdown().startswith("Kvällens"))
    notes.edit.setFocus()
    notes.edit.selectAll()
    press(notes.edit, Qt.Key.Key_Delete)
    type_text(notes.edit, "Kort, på ö")
    window.agenda.list.setFocus()  # leaving the editor commits


def _query_only(store, on: bool) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as connection:
        connection.connection.driver_connection.execute(
            f"PRAGMA query_only = {'ON' if on else 'OFF'}")


def body(store, section) -> str:  # type: ignore[no-untyped-def]
    return sections.get_section(store, section).body


def test_an_undo_refused_by_a_full_disk_keeps_the_history_where_the_data_is(qtbot, store,
                                                                             opened):
    window, section = opened
    stack = window.undo_stack
    shorten_notes(qtbot, window)
    assert (body(store, section), stack.index()) == ("Kort, på ö", 1)

    limit = fill_disk(store)  # undoing writes the long notes back: no room for them
    shown: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, shown)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].startswith("Kunde inte ångra ”") and FULL in shown[0]
    assert body(store, section) == "Kort, på ö"
    assert stack.index() == 1  # the step is still there to undo, nothing to redo
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()

    free_space(store, limit)
    window.undo_action.trigger()  # the same Ctrl+Z, now with room
    assert body(store, section) == LONG
    assert stack.index() == 0
    window.redo_action.trigger()
    assert body(store, section) == "Kort, på ö"
    assert stack.index() == 1
    assert len(shown) == 1


def test_a_redo_refused_by_a_read_only_database_keeps_the_step_to_redo(qtbot, store, opened):
    window, section = opened
    stack = window.undo_stack
    shorten_notes(qtbot, window)
    window.undo_action.trigger()
    assert (body(store, section), stack.index()) == (LONG, 0)

    _query_only(store, True)
    shown: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, shown)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].startswith("Kunde inte göra om ”") and "skrivskyddad" in shown[0]
    assert (body(store, section), stack.index()) == (LONG, 0)
    assert window.redo_action.isEnabled()

    _query_only(store, False)
    window.redo_action.trigger()
    assert (body(store, section), stack.index()) == ("Kort, på ö", 1)
    window.undo_action.trigger()
    assert (body(store, section), stack.index()) == (LONG, 0)


def test_a_jump_back_in_the_history_stops_at_the_refused_step(qtbot, store, opened):
    """A click in Ångra-historik undoes several steps; once one is refused, none before it
    runs, so the history marks exactly what the database holds."""
    window, section = opened
    stack = window.undo_stack
    shorten_notes(qtbot, window)  # step 1: long notes → short (undo needs room)
    facts = window.facts
    for step, venue in enumerate(["Bygdegården", "Skolan i Åby"], start=2):
        window.show_page(facts)
        line = facts.lines["venue"]
        line.setFocus()
        line.selectAll()
        press(line, Qt.Key.Key_Delete)
        type_text(line, venue)
        press(line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda step=step: stack.index() == step)
    workshop = window.workshop_id

    limit = fill_disk(store)
    shown: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, shown)
    stack.setIndex(0)  # what a click on "<tom>" in the history view does
    qtbot.waitUntil(lambda: bool(shown))
    # The two venue steps fit on the full disk; the long notes do not.
    assert workshops.get_facts(store, workshop).venue == ""
    assert body(store, section) == "Kort, på ö"
    assert stack.index() == 1
    assert len(shown) == 1 and FULL in shown[0]

    free_space(store, limit)
    stack.setIndex(3)  # and forward again to the last step
    assert workshops.get_facts(store, workshop).venue == "Skolan i Åby"
    assert body(store, section) == "Kort, på ö"
    window.undo_action.trigger()
    assert workshops.get_facts(store, workshop).venue == "Bygdegården"
