"""Disk full in the window: the message is shown, the typed text stays, and it is stored
once there is space again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator.services import people, projects, sections, workshops
from facilitator.services.core import StorageError
from tests.gui.keyboard import press, type_text
from tests.reliability.test_disk_full import FULL, fill_disk, free_space


@pytest.fixture
def opened(window, store):
    project = projects.create_project(store, "Lillsjö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    section = sections.add_section(store, workshop, "Inledning", "Kort.")
    window.navigator.reload()
    window.open_workshop(workshop)
    shown: list[str] = []
    window.editor.refused.disconnect()  # no modal box in a test: capture the message
    window.editor.refused.connect(shown.append)
    return window, workshop, section, shown


def exhaust(store) -> int:  # type: ignore[no-untyped-def]
    """No page left at all: even a short edit needs one more than there is."""
    limit = fill_disk(store)
    for size in (900, 200, 50, 1):  # fill the last free bytes of every page too
        with pytest.raises(StorageError):
            for i in range(20_000):
                people.create_person(store, f"Fyllnad {size} {i}", note="x" * size)
    return limit


LONG = "Kvällens anteckningar om bryggan och färjan. " * 3000


def test_agenda_notes_stay_in_the_editor_and_are_stored_later(qtbot, store, opened):
    window, _workshop, section, shown = opened
    window.show_page(window.agenda)
    notes = window.agenda.notes
    qtbot.waitUntil(lambda: notes.markdown() == "Kort.")
    limit = exhaust(store)
    notes.edit.setFocus()
    notes.edit.selectAll()
    notes.edit.insertPlainText(LONG)
    type_text(notes.edit, " Åsa")
    window.agenda.list.setFocus()  # leaving the editor commits at once
    assert shown and FULL in shown[-1]
    assert sections.get_section(store, section).body == "Kort."
    window.agenda.refresh()  # any redraw keeps the unsaved text
    assert notes.markdown().endswith("Åsa")
    assert notes.has_pending()
    refusals = len(shown)  # the redraw tried once more, and was refused again

    free_space(store, limit)
    notes.edit.setFocus()
    window.agenda.list.setFocus()  # focus out again: the same text is stored now
    assert sections.get_section(store, section).body.endswith("färjan.  Åsa")
    assert not notes.has_pending()
    assert len(shown) == refusals


def _query_only(store, on: bool) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as connection:
        connection.connection.driver_connection.execute(
            f"PRAGMA query_only = {'ON' if on else 'OFF'}")


def test_facts_line_and_lead_keep_typed_text_when_not_stored(qtbot, store, opened):
    """The lead needs pages (disk full); a short line may fit in a page's free bytes,
    so it is refused by a database that cannot be written at all (the same StorageError)."""
    window, workshop, _section, shown = opened
    facts = window.facts
    limit = fill_disk(store)
    facts.lead.edit.setFocus()
    facts.lead.edit.insertPlainText(LONG)
    facts.lines["case_reference"].setFocus()  # the lead commits on focus out
    assert shown and FULL in shown[-1]
    _query_only(store, True)
    venue = facts.lines["venue"]
    venue.setFocus()
    type_text(venue, "Lillsjö bygdegård")
    press(venue, Qt.Key.Key_Return)
    assert "skrivskyddad" in shown[-1]
    refusals = len(shown)
    facts.safe_refresh()  # a redraw does not replace what was typed
    assert venue.text() == "Lillsjö bygdegård"
    assert facts.lead.markdown().startswith("Kvällens anteckningar")
    stored = workshops.get_facts(store, workshop)
    assert (stored.venue, stored.lead) == ("", "")

    _query_only(store, False)
    free_space(store, limit)
    venue.setFocus()
    press(venue, Qt.Key.Key_Return)  # Enter again stores the kept text
    facts.lead.edit.setFocus()
    facts.lines["case_reference"].setFocus()
    stored = workshops.get_facts(store, workshop)
    assert stored.venue == "Lillsjö bygdegård"
    assert stored.lead.startswith("Kvällens anteckningar")
    assert len(shown) == refusals


def test_empty_title_still_restores_the_stored_value(qtbot, store, opened):
    window, _workshop, _section, shown = opened
    title = window.facts.lines["title"]
    title.setFocus()
    title.selectAll()
    press(title, Qt.Key.Key_Delete)
    press(title, Qt.Key.Key_Return)
    assert shown == ["Titeln får inte vara tomt."]
    qtbot.waitUntil(lambda: title.text() == "Kväll i bygdegården")
