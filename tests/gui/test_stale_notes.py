"""A colleague stores the same agenda notes while I type (#15): mine are not stored over
theirs without my knowing; I am told, my text stays in the editor, and leaving the field
again stores it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.services import projects, sections, workshops
from tests.gui.keyboard import press, type_text
from tests.gui.modal import answer_box


def test_notes_a_colleague_changed_while_i_typed(qtbot, store, window) -> None:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Lillsjö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    section = sections.add_section(store, workshop, "Inledning", "Välkomna till bygdegården.")
    window.navigator.reload()
    window.open_workshop(workshop)
    window.show_page(window.agenda)
    notes = window.agenda.notes
    qtbot.waitUntil(lambda: notes.markdown().startswith("Välkomna"))
    notes.edit.setFocus()
    notes.edit.selectAll()
    press(notes.edit, Qt.Key.Key_Delete)
    type_text(notes.edit, "Åsa hälsade alla välkomna och gick igenom kvällen.")

    # Göran, on another computer, stores the same notes before I leave the field.
    sections.set_body(store, section, "Göran: välkomna, fika klockan sju.")
    shown: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, shown)
    window.agenda.list.setFocus()  # leaving the notes commits them
    qtbot.waitUntil(lambda: bool(shown))
    assert "någon annan ändrade anteckningarna" in shown[0]
    assert sections.get_section(store, section).body == "Göran: välkomna, fika klockan sju."
    assert notes.markdown() == "Åsa hälsade alla välkomna och gick igenom kvällen."

    notes.edit.setFocus()  # told, I store mine instead
    window.agenda.list.setFocus()
    qtbot.waitUntil(lambda: sections.get_section(store, section).body.startswith("Åsa"))
    assert len(shown) == 1


def test_a_narrative_a_colleague_changed_while_i_typed(qtbot, store, window) -> None:  # type: ignore[no-untyped-def]
    from facilitator.services import focus_areas

    project = projects.create_project(store, "Lillsjö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    area = focus_areas.add_focus_area(store, project, "Kultur- och turismsamverkan")
    focus_areas.set_narrative(store, area, "Föreningarna samarbetar.")
    window.navigator.reload()
    window.open_workshop(workshop)
    window.show_page(window.focus_areas)
    window.focus_areas.select(area)
    narrative = window.focus_areas.narrative
    qtbot.waitUntil(lambda: narrative.markdown() == "Föreningarna samarbetar.")
    narrative.edit.setFocus()
    narrative.edit.selectAll()
    type_text(narrative.edit, "Föreningarna i Lillsjö gör en gemensam kalender.")
    focus_areas.set_narrative(store, area, "Göran: kalendern sköts av byalaget.")  # elsewhere
    shown: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, shown)
    window.focus_areas.list.setFocus()
    qtbot.waitUntil(lambda: bool(shown))
    assert "någon annan ändrade beskrivningen" in shown[0]
    assert focus_areas.get_focus_area(store, area).narrative.startswith("Göran")
    assert narrative.markdown() == "Föreningarna i Lillsjö gör en gemensam kalender."
    narrative.edit.setFocus()
    window.focus_areas.list.setFocus()
    qtbot.waitUntil(
        lambda: focus_areas.get_focus_area(store, area).narrative.startswith("Föreningarna i"))
