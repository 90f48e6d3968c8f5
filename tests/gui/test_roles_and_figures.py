"""Översikt by keyboard: the workshop's roles, how responsibles are written, and the key
figures the minutes print."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from facilitator.messages import tr, translate_error
from facilitator.services import key_figures, people, projects, roles, workshops
from facilitator.services.core import ValidationError
from facilitator.store.vocabulary import (
    AttendanceStatus,
    KeyFigureKind,
    Metric,
    ResponsibleForm,
    RoleKind,
)
from tests.gui.keyboard import type_text

K, M = Qt.Key, Qt.KeyboardModifier
# The holder's completion list pops up; offscreen can neither raise it nor grab keys.
popup_ok = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                     "This plugin does not support grabbing the keyboard")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = M.NoModifier) -> None:
    """A key press where the keyboard is, as a user's would land."""
    QTest.keyClick(focused(), k, modifier)


def said(message: str) -> str:
    """The service's message in the language the window shows."""
    return translate_error(ValidationError(tr(message)))


def write(text: str) -> None:
    type_text(focused(), text)


def rows(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


@pytest.fixture
def evening(store):
    pid = projects.create_project(store, "Lillsjö framåt")
    wid = workshops.create_workshop(store, pid, "Kväll i bygdegården", date="2026-11-19")
    for name in ("Märta Söderlund", "Göran Ärlig", "Ingrid Ek"):
        person = people.create_person(store, name)
        people.set_attendance(store, wid, person, AttendanceStatus.ATTENDED)
    return wid


@pytest.fixture
def facts(qtbot, window, evening):
    window.navigator.reload()
    window.open_workshop(evening)
    window.show_page(window.facts)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window.facts


@popup_ok
def test_roles_are_added_moved_deleted_and_undone_by_keyboard(qtbot, store, window, facts,
                                                              evening):
    editor = facts.roles
    editor.role.setFocus()
    key(K.Key_Down)  # the list of roles: Projektledare, then Moderator
    key(K.Key_Down)
    assert editor.role.currentText() == "Moderator"
    key(K.Key_Return)  # no holder yet: the keyboard goes on to who
    assert focused() is editor.who
    write("söderl")  # the register completes
    popup = editor.who.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, K.Key_Down)
    QTest.keyClick(popup, K.Key_Return)
    assert editor.who.currentText() == "Märta Söderlund"
    assert roles.list_roles(store, evening) == []  # that Enter only took the suggestion
    key(K.Key_Return)
    assert focused() is editor.role
    write("Kvällens värd")
    key(K.Key_Tab)
    write("Åsa Öberg")
    key(K.Key_Return)

    märta = next(p.id for p in people.list_people(store) if p.name == "Märta Söderlund")
    stored = roles.list_roles(store, evening)
    assert [(r.entry.role, r.entry.label, r.entry.person_id, r.entry.name) for r in stored] == [
        (RoleKind.MODERATOR, "", märta, ""),
        (RoleKind.OTHER, "Kvällens värd", None, "Åsa Öberg")]
    assert rows(editor.list) == ["1. Moderator — Märta Söderlund",
                                 "2. Kvällens värd — Åsa Öberg"]
    assert (editor.role.currentText(), editor.who.currentText()) == ("", "")

    editor.list.setFocus()
    editor.list.setCurrentRow(1)
    key(K.Key_Up, M.AltModifier)
    assert [r.holder for r in roles.list_roles(store, evening)] == ["Åsa Öberg",
                                                                     "Märta Söderlund"]
    assert rows(editor.list)[0] == "1. Kvällens värd — Åsa Öberg"
    assert editor.list.currentRow() == 0  # the moved row stays chosen

    key(K.Key_Delete)
    assert [r.holder for r in roles.list_roles(store, evening)] == ["Märta Söderlund"]
    assert rows(editor.list) == ["1. Moderator — Märta Söderlund"]

    window.undo_action.trigger()  # the delete, then the move: one step each
    assert [r.holder for r in roles.list_roles(store, evening)] == ["Åsa Öberg",
                                                                     "Märta Söderlund"]
    window.undo_action.trigger()
    assert [r.holder for r in roles.list_roles(store, evening)] == ["Märta Söderlund",
                                                                     "Åsa Öberg"]
    qtbot.waitUntil(lambda: rows(editor.list) == ["1. Moderator — Märta Söderlund",
                                                  "2. Kvällens värd — Åsa Öberg"])


def test_a_role_without_a_holder_is_refused_and_the_text_stays(qtbot, store, window, facts,
                                                                evening):
    shown: list[str] = []
    window.editor.refused.disconnect()  # no modal box: capture the message
    window.editor.refused.connect(shown.append)
    facts.roles.role.setFocus()
    write("Kvällens värd")
    facts.roles.add_button.setFocus()
    key(K.Key_Space)
    assert shown == [said("Name who has the role: a person in the register or a name.")]
    assert roles.list_roles(store, evening) == []
    assert facts.roles.role.currentText() == "Kvällens värd"


def test_responsible_form_is_chosen_by_keyboard(qtbot, store, window, facts, evening):
    assert workshops.get_facts(store, evening).responsible_form \
        == ResponsibleForm.NAME_TITLE_ORGANISATION
    combo = facts.responsible_form
    combo.setFocus()
    key(K.Key_Up)
    assert workshops.get_facts(store, evening).responsible_form == ResponsibleForm.NAME_TITLE
    key(K.Key_Up)
    assert workshops.get_facts(store, evening).responsible_form == ResponsibleForm.NAME
    window.undo_action.trigger()
    assert workshops.get_facts(store, evening).responsible_form == ResponsibleForm.NAME_TITLE
    qtbot.waitUntil(lambda: combo.currentData() == ResponsibleForm.NAME_TITLE)


def test_typed_and_counted_figures_show_as_the_minutes_print_them(qtbot, store, window, facts,
                                                                  evening):
    box = facts.figures
    box.value.setFocus()
    write("ca 500")
    key(K.Key_Tab)
    write("personer")
    key(K.Key_Tab)
    write("Besökare på höstmarknaden")
    key(K.Key_Return)
    assert rows(box.list) == ["1. Besökare på höstmarknaden: ca 500 personer"]
    assert focused() is box.value and box.value.text() == ""

    box.metric_choice.setFocus()
    items = [box.metric_choice.itemText(i) for i in range(box.metric_choice.count())]
    assert len(items) == len(Metric)
    assert "3 deltagare i den här workshopen" in items  # today's count, as it will print
    box.metric_choice.setCurrentIndex(
        box.metric_choice.findData(str(Metric.PARTICIPANTS)))
    key(K.Key_Return)
    assert rows(box.list)[1] == "2. 3 deltagare i den här workshopen"
    offered = [box.metric_choice.itemData(i) for i in range(box.metric_choice.count())]
    assert len(offered) == len(Metric) - 1  # each counted figure once
    assert str(Metric.PARTICIPANTS) not in offered

    stored = key_figures.list_figures(store, evening)
    assert [(f.kind, f.metric, f.value, f.unit, f.label) for f in stored] == [
        (KeyFigureKind.TYPED, None, "ca 500", "personer", "Besökare på höstmarknaden"),
        (KeyFigureKind.COUNTED, Metric.PARTICIPANTS, "", "", "")]

    # One more attends: the counted figure follows, the typed one stays as written.
    person = people.create_person(store, "Åke Nyström")
    people.set_attendance(store, evening, person, AttendanceStatus.ATTENDED)
    qtbot.waitUntil(lambda: rows(box.list)[1] == "2. 4 deltagare i den här workshopen")

    box.list.setFocus()
    box.list.setCurrentRow(1)
    key(K.Key_Up, M.AltModifier)
    assert [f.kind for f in key_figures.list_figures(store, evening)] == [
        KeyFigureKind.COUNTED, KeyFigureKind.TYPED]
    key(K.Key_Delete)
    assert [f.kind for f in key_figures.list_figures(store, evening)] == [KeyFigureKind.TYPED]
    assert box.metric_choice.findData(str(Metric.PARTICIPANTS)) >= 0  # offered again
    window.undo_action.trigger()
    assert [f.kind for f in key_figures.list_figures(store, evening)] == [
        KeyFigureKind.COUNTED, KeyFigureKind.TYPED]
    qtbot.waitUntil(lambda: len(rows(box.list)) == 2)


def test_a_figure_that_says_nothing_is_refused_and_what_was_typed_stays(
        qtbot, store, window, facts, evening):
    shown: list[str] = []
    window.editor.refused.disconnect()
    window.editor.refused.connect(shown.append)
    box = facts.figures
    box.unit.setFocus()
    write("personer")
    key(K.Key_Return)
    assert shown == [said("Type a figure (for example \"ca 500\") or a whole sentence.")]
    assert key_figures.list_figures(store, evening) == []
    assert box.unit.text() == "personer"

    box.sentence.setFocus()
    write("Fler än 500 personer besökte höstmarknaden på Ängsö.")
    box.unit.clear()
    key(K.Key_Return)
    assert [f.sentence for f in key_figures.list_figures(store, evening)] == [
        "Fler än 500 personer besökte höstmarknaden på Ängsö."]
    assert rows(box.list) == ["1. Fler än 500 personer besökte höstmarknaden på Ängsö."]
