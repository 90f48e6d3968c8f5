"""Several responsibles, by keyboard: on a focus area and on an action, in Swedish."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from facilitator.events import ChangeBus
from facilitator.services import actions, focus_areas, people, projects, responsibles, workshops
from facilitator.ui.commands import Editor
from facilitator.ui.models.action_delegates import ResponsiblesDialog
from facilitator.ui.models.actions_model import Column
from facilitator.ui.views.actions_view import ActionsView
from facilitator.ui.views.focus_areas_view import FocusAreasView
from facilitator.ui.widgets.responsibles_editor import ResponsiblesEditor
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text

ALT = Qt.KeyboardModifier.AltModifier
ANNA = "Anna Berg, utredningssekreterare (Kommunkansliet)"
# The completion list pops up while typing; offscreen can neither raise it nor grab keys.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


@pytest.fixture
def register(store):
    anna = people.create_person(store, "Anna Berg", title="utredningssekreterare",
                                organisation="Kommunkansliet")
    byalag = people.create_organisation(store, "Lillsjö byalag")
    pid = projects.create_project(store, "Lillsjö framåt")
    wid = workshops.create_workshop(store, pid, "Kväll i bygdegården", date="2026-11-19")
    return {"anna": anna, "byalag": byalag, "project": pid, "workshop": wid}


@dataclass
class Pages:
    """The two pages alone, as the window wires them: an undo stack and the change bus."""

    focus_areas: FocusAreasView
    actions_view: ActionsView
    undo_stack: QUndoStack
    bus: ChangeBus

    def show_page(self, page: QWidget, qtbot: QtBot) -> None:
        page.show()
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)


@pytest.fixture
def opened(qtbot, store, swedish, register) -> Pages:
    stack = QUndoStack()
    editor = Editor(stack)
    bus = ChangeBus(store)
    pages = Pages(FocusAreasView(store, editor), ActionsView(store, editor), stack, bus)
    for page in (pages.focus_areas, pages.actions_view):
        qtbot.addWidget(page)
        bus.changed.connect(page.on_changed)
        page.resize(900, 600)
        page.set_workshop(register["workshop"])
    return pages


def stored(store, kind: str, owner_id: str) -> list[tuple[str | None, str | None, str]]:
    return [(r.who.person_id, r.who.organisation_id, r.who.text)
            for r in responsibles.list_responsibles(store, kind, owner_id)]


def add(editor: ResponsiblesEditor, text: str) -> None:
    line = editor.line_edit()
    line.setFocus()
    type_text(line, text)
    press(line, Qt.Key.Key_Return)


def test_focus_area_gets_people_organisations_and_text_in_order(qtbot, store, opened,
                                                                register):
    view = opened.focus_areas
    opened.show_page(view, qtbot)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    (area,) = focus_areas.list_focus_areas(store, register["project"])
    editor = view.responsibles
    anna, byalag = register["anna"], register["byalag"]

    add(editor, "anna berg")  # the register's name, in any case: the person
    add(editor, "Lillsjö byalag")
    add(editor, "Grannarna på Ängsövägen")
    assert stored(store, "focus_area", area.id) == [
        (anna, None, ""), (None, byalag, ""), (None, None, "Grannarna på Ängsövägen")]
    assert editor.labels() == [ANNA, "Lillsjö byalag", "Grannarna på Ängsövägen"]
    assert editor.line_edit().text() == ""
    assert opened.undo_stack.count() == 4  # the new area, then one step per responsible

    rows = editor.rows
    rows.setFocus()
    assert rows.currentRow() == 2
    press(rows, Qt.Key.Key_Up, ALT)
    assert stored(store, "focus_area", area.id) == [
        (anna, None, ""), (None, None, "Grannarna på Ängsövägen"), (None, byalag, "")]
    qtbot.waitUntil(lambda: editor.labels() == [ANNA, "Grannarna på Ängsövägen",
                                                "Lillsjö byalag"])
    assert rows.currentRow() == 1  # the moved one stays chosen

    press(rows, Qt.Key.Key_Delete)  # removes the responsible, not the focus area
    assert stored(store, "focus_area", area.id) == [(anna, None, ""), (None, byalag, "")]
    qtbot.waitUntil(lambda: editor.labels() == [ANNA, "Lillsjö byalag"])
    assert [a.id for a in focus_areas.list_focus_areas(store, register["project"])] == [area.id]

    opened.undo_stack.undo()
    assert stored(store, "focus_area", area.id) == [
        (anna, None, ""), (None, None, "Grannarna på Ängsövägen"), (None, byalag, "")]
    qtbot.waitUntil(lambda: editor.labels() == [ANNA, "Grannarna på Ängsövägen",
                                                "Lillsjö byalag"])
    opened.undo_stack.undo()
    qtbot.waitUntil(lambda: editor.labels() == [ANNA, "Lillsjö byalag",
                                                "Grannarna på Ängsövägen"])
    assert focus_areas.get_focus_area(store, area.id).responsible_label == \
        f"{ANNA}; Lillsjö byalag; Grannarna på Ängsövägen"


def test_naming_someone_twice_keeps_one(qtbot, store, opened, register):
    view = opened.focus_areas
    opened.show_page(view, qtbot)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    (area,) = focus_areas.list_focus_areas(store, register["project"])
    add(view.responsibles, "Anna Berg")
    add(view.responsibles, "ANNA BERG")
    assert stored(store, "focus_area", area.id) == [(register["anna"], None, "")]
    assert view.responsibles.labels() == [ANNA]
    assert opened.undo_stack.count() == 2


def drive_dialog(steps: Callable[[ResponsiblesDialog], None],
                 seen: list[str]) -> Callable[[QWidget], None]:
    """Run ``steps`` on the responsibles dialog; a failure is recorded, the dialog closed."""

    def act(dialog: QWidget) -> None:
        try:
            assert isinstance(dialog, ResponsiblesDialog)
            steps(dialog)
        except (AssertionError, AttributeError, TypeError, ValueError, RuntimeError) as exc:
            # raised here, it would leave the dialog open and the test hanging
            seen.append(repr(exc))
            dialog.close()

    return act


def open_responsibles(qtbot, page, action_id: str, steps, seen: list[str]) -> None:
    row = page.model.row_of(action_id)
    index = page.proxy.mapFromSource(page.model.index(row, Column.RESPONSIBLE))
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    when_modal(qtbot, drive_dialog(steps, seen))
    press(page.table, Qt.Key.Key_F2)


def test_action_responsibles_in_a_dialog_stored_on_enter(qtbot, store, opened, register):
    action_id = actions.add_action(store, "Boka bygdegården för nästa träff",
                                   workshop_id=register["workshop"])
    page = opened.actions_view
    opened.show_page(page, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    anna, byalag = register["anna"], register["byalag"]
    seen: list[str] = []
    shown: list[list[str]] = []

    def steps(dialog: ResponsiblesDialog) -> None:
        editor = dialog.editor
        assert QApplication.focusWidget() in (editor.add_field, editor.line_edit())
        for text in ("Anna Berg", "Lillsjö byalag", "Föreningen Åkerbär"):
            type_text(editor.line_edit(), text)
            press(editor.line_edit(), Qt.Key.Key_Return)
        editor.rows.setFocus()
        press(editor.rows, Qt.Key.Key_Up, ALT)  # Åkerbär before the byalag
        press(editor.rows, Qt.Key.Key_Home)
        press(editor.rows, Qt.Key.Key_Delete)  # Anna goes
        shown.append(editor.labels())
        editor.line_edit().setFocus()
        type_text(editor.line_edit(), "anna berg")
        press(editor.line_edit(), Qt.Key.Key_Return)  # back, now last
        press(editor.line_edit(), Qt.Key.Key_Return)  # the field is empty: OK

    open_responsibles(qtbot, page, action_id, steps, seen)
    qtbot.waitUntil(lambda: seen or stored(store, "action", action_id) != [])
    assert seen == []
    assert shown == [["Föreningen Åkerbär", "Lillsjö byalag"]]
    assert stored(store, "action", action_id) == [
        (None, None, "Föreningen Åkerbär"), (None, byalag, ""), (anna, None, "")]
    cell = page.proxy.index(0, Column.RESPONSIBLE)
    qtbot.waitUntil(lambda: cell.data() == "Föreningen Åkerbär; Lillsjö byalag; Anna Berg")
    assert opened.undo_stack.count() == 1  # the whole dialog is one step

    opened.undo_stack.undo()
    assert stored(store, "action", action_id) == []
    qtbot.waitUntil(lambda: page.proxy.index(0, Column.RESPONSIBLE).data() == "")
    opened.undo_stack.redo()
    qtbot.waitUntil(lambda: page.proxy.index(0, Column.RESPONSIBLE).data()
                    == "Föreningen Åkerbär; Lillsjö byalag; Anna Berg")


def test_escape_leaves_the_action_responsibles_as_they_were(qtbot, store, opened, register):
    action_id = actions.add_action(store, "Fråga om fiber", workshop_id=register["workshop"],
                                   responsibles=[responsibles.Who(text="Byalaget i Ängsö")])
    page = opened.actions_view
    opened.show_page(page, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    seen: list[str] = []
    closed: list[ResponsiblesDialog] = []

    def steps(dialog: ResponsiblesDialog) -> None:
        assert dialog.editor.labels() == ["Byalaget i Ängsö"]
        type_text(dialog.editor.line_edit(), "Åsa Öberg")
        press(dialog.editor.line_edit(), Qt.Key.Key_Return)
        assert dialog.editor.labels() == ["Byalaget i Ängsö", "Åsa Öberg"]
        closed.append(dialog)
        press(dialog.editor.line_edit(), Qt.Key.Key_Escape)

    open_responsibles(qtbot, page, action_id, steps, seen)
    qtbot.waitUntil(lambda: bool(seen or (closed and closed[0].isHidden())))
    assert seen == []
    assert stored(store, "action", action_id) == [(None, None, "Byalaget i Ängsö")]
    assert page.proxy.index(0, Column.RESPONSIBLE).data() == "Byalaget i Ängsö"
    assert opened.undo_stack.count() == 0
    assert page.focusWidget() is page.table  # the keyboard goes back to the table


def test_enter_or_a_double_click_on_the_cell_opens_the_dialog(qtbot, store, opened, register):
    action_id = actions.add_action(store, "Ordna höstmarknad", workshop_id=register["workshop"])
    page = opened.actions_view
    opened.show_page(page, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    titles: list[str] = []

    def cancel(dialog: QWidget) -> None:
        titles.append(dialog.windowTitle())
        press(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)

    index = page.proxy.mapFromSource(page.model.index(0, Column.RESPONSIBLE))
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    when_modal(qtbot, cancel)
    press(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(titles) == 1 and QApplication.activeModalWidget() is None)

    rect = page.table.visualRect(index)
    when_modal(qtbot, cancel)
    for click in (QTest.mouseClick, QTest.mouseDClick):  # as a real double click arrives
        click(page.table.viewport(), Qt.MouseButton.LeftButton,
              Qt.KeyboardModifier.NoModifier, rect.center())
    qtbot.waitUntil(lambda: len(titles) == 2 and QApplication.activeModalWidget() is None)
    assert titles[0] == titles[1] != ""
    assert stored(store, "action", action_id) == []
    assert opened.undo_stack.count() == 0


def test_everything_is_named_and_tab_goes_through_and_on(qtbot, store, opened, register):
    view = opened.focus_areas
    opened.show_page(view, qtbot)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    editor = view.responsibles
    for widget in (editor.rows, editor.add_field, editor.line_edit()):
        assert widget.accessibleName() or widget is editor.line_edit()
    assert editor.add_field.accessibleName() and editor.rows.accessibleName()

    def focused_in(*widgets: QWidget) -> bool:
        return QApplication.focusWidget() in widgets

    add_line = (editor.add_field, editor.line_edit())
    view.name.setFocus()
    qtbot.waitUntil(view.name.hasFocus)
    press(view.name, Qt.Key.Key_Tab)  # the list is empty: no stop there
    qtbot.waitUntil(lambda: focused_in(*add_line))
    add(editor, "Åsa Öberg")
    view.name.setFocus()
    press(view.name, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: focused_in(editor.rows))
    press(editor.rows, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: focused_in(*add_line))
    press(QApplication.focusWidget(), Qt.Key.Key_Tab)  # and on, out of the editor
    qtbot.waitUntil(lambda: not focused_in(editor.rows, *add_line))


def test_a_suggestion_is_taken_with_arrow_and_enter(qtbot, store, opened, register):
    view = opened.focus_areas
    opened.show_page(view, qtbot)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    (area,) = focus_areas.list_focus_areas(store, register["project"])
    editor = view.responsibles
    line = editor.line_edit()
    line.setFocus()
    type_text(line, "sjö by")  # part of "Lillsjö byalag"
    completer = editor.add_field.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    press(completer.popup(), Qt.Key.Key_Down)
    press(completer.popup(), Qt.Key.Key_Return)  # takes the suggestion into the field …
    qtbot.waitUntil(lambda: line.text() == "Lillsjö byalag")
    assert stored(store, "focus_area", area.id) == []
    press(line, Qt.Key.Key_Return)  # … and the next Enter adds it
    assert stored(store, "focus_area", area.id) == [(None, register["byalag"], "")]
    assert editor.labels() == ["Lillsjö byalag"]
