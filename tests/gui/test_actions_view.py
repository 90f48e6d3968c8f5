"""The Åtgärder tab driven like a user: typing Swedish, sorting, filtering, undoing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from facilitator.events import ChangeBus
from facilitator.services import actions, people, projects, workshops
from facilitator.services.core import Store
from facilitator.services.responsibles import Who
from facilitator.store.models import ActionStatus
from facilitator.ui.commands import Editor
from facilitator.ui.models.action_delegates import DueDateEditor, ResponsiblesDialog
from facilitator.ui.models.actions_model import Column, finished_colour, overdue_colour
from facilitator.ui.views.actions_view import ActionsView
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text

TEXT, RESPONSIBLE, DUE, STATUS, OWNER = (int(c) for c in Column)
TODAY = dt.date.today()
# The responsible field's completion list pops up; offscreen can neither raise it nor grab keys.
popup_ok = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                     "This plugin does not support grabbing the keyboard")


@dataclass
class Scene:
    page: ActionsView
    stack: QUndoStack
    editor: Editor
    bus: ChangeBus
    store: Store
    project_id: str
    workshop_id: str
    other_workshop_id: str
    marta: str
    refusals: list[str]

    def db(self, **scope: str) -> list[actions.ActionInfo]:
        return actions.list_actions(self.store, **(scope or {"workshop_id": self.workshop_id}))

    def table(self, column: int = TEXT) -> list[str]:
        proxy = self.page.proxy
        return [proxy.index(row, column).data() for row in range(proxy.rowCount())]

    def cell(self, text: str, column: int):  # type: ignore[no-untyped-def]
        row = self.table().index(text)
        return self.page.proxy.index(row, column)


@pytest.fixture
def scene(qtbot, store) -> Scene:
    project_id = projects.create_project(store, "Lillsjö bygdeprojekt")
    workshop_id = workshops.create_workshop(store, project_id, "Vårmötet i bygdegården",
                                            date="2026-03-12")
    other = workshops.create_workshop(store, project_id, "Höstens fokusgrupp",
                                      date="2026-10-01")
    marta = people.create_person(store, "Märta Ödlund", organisation="Lillsjö IF")
    people.create_person(store, "Åke Sjöström")
    stack = QUndoStack()
    editor = Editor(stack)
    refusals: list[str] = []
    editor.refused.connect(refusals.append)
    page = ActionsView(store, editor)
    bus = ChangeBus(store)
    bus.changed.connect(page.on_changed)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    page.set_workshop(workshop_id)
    return Scene(page, stack, editor, bus, store, project_id, workshop_id, other, marta,
                 refusals)


def open_editor(qtbot, scene: Scene, index):  # type: ignore[no-untyped-def]
    """Make ``index`` current and press F2, as a user would; returns the cell editor."""
    table = scene.page.table
    table.setCurrentIndex(index)
    press(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.indexWidget(table.currentIndex()) is not None)
    return table.indexWidget(table.currentIndex())


def retype(widget: QLineEdit, text: str) -> None:
    press(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(widget, Qt.Key.Key_Backspace)
    type_text(widget, text)
    press(widget, Qt.Key.Key_Return)


def add_by_keyboard(qtbot, scene: Scene, text: str) -> str:
    before = {a.id for a in scene.db()}
    press(scene.page.table, Qt.Key.Key_Insert)
    table = scene.page.table
    qtbot.waitUntil(lambda: isinstance(table.indexWidget(table.currentIndex()), QLineEdit))
    line = table.indexWidget(table.currentIndex())
    assert line.selectedText() == "New action"  # typing replaces the placeholder
    type_text(line, text)
    press(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: text in [a.text for a in scene.db()])
    (new_id,) = {a.id for a in scene.db()} - before
    return new_id


def click_header(scene: Scene, column: int) -> None:
    header = scene.page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))


def fill_responsibles(qtbot: QtBot, scene: Scene, index: QModelIndex, *names: str,
                      key: Qt.Key = Qt.Key.Key_Return, seen: list[str]) -> None:
    """F2 on a Responsible cell, type ``names`` into the dialog (Enter after each), then
    ``key`` in the empty field: Enter is OK, Esc cancels."""

    def act(dialog: QWidget) -> None:
        try:
            assert isinstance(dialog, ResponsiblesDialog), dialog
            line = dialog.editor.line_edit()
            for name in names:
                type_text(line, name)
                press(line, Qt.Key.Key_Return)
            seen.append(" | ".join(dialog.editor.labels()))
        except (AssertionError, AttributeError, RuntimeError) as exc:
            seen.append(repr(exc))  # raised here, it would leave the dialog open
            dialog.close()
            return
        press(line, key)

    table = scene.page.table
    table.setCurrentIndex(index)
    table.setFocus()
    when_modal(qtbot, act)
    press(table, Qt.Key.Key_F2)


@popup_ok
def test_add_an_action_typed_in_swedish_with_responsible_date_and_status(qtbot, scene):
    page = scene.page
    action_id = add_by_keyboard(qtbot, scene, "Boka bygdegården för nästa träff")
    (stored,) = scene.db()
    assert stored.id == action_id and stored.status is ActionStatus.OPEN
    qtbot.waitUntil(lambda: scene.table() == ["Boka bygdegården för nästa träff"])
    assert page.current_action_id() == action_id

    seen: list[str] = []
    fill_responsibles(qtbot, scene, scene.cell("Boka bygdegården för nästa träff", RESPONSIBLE),
                      "Märta Ödlund", seen=seen)
    qtbot.waitUntil(lambda: bool(seen and scene.db()[0].responsibles))
    assert seen == ["Märta Ödlund (Lillsjö IF)"]
    assert [r.who.person_id for r in scene.db()[0].responsibles] == [scene.marta]
    qtbot.waitUntil(lambda: scene.table(RESPONSIBLE) == ["Märta Ödlund"])

    editor = open_editor(qtbot, scene, scene.cell("Boka bygdegården för nästa träff", DUE))
    assert isinstance(editor, DueDateEditor)
    editor.date_edit.setDate(QDate(2026, 12, 1))
    press(editor.date_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: scene.db()[0].due_date == dt.date(2026, 12, 1))
    qtbot.waitUntil(lambda: scene.table(DUE)[0].startswith("2026-12-01"))

    combo = open_editor(qtbot, scene, scene.cell("Boka bygdegården för nästa träff", STATUS))
    press(combo, Qt.Key.Key_Down)  # Öppen → Pågår, and the edit is done
    qtbot.waitUntil(lambda: scene.db()[0].status is ActionStatus.IN_PROGRESS)
    qtbot.waitUntil(lambda: scene.table(STATUS) == ["In progress"])
    assert scene.stack.count() == 5  # add, text, responsible, date, status: one step each
    assert scene.refusals == []


@popup_ok
def test_responsible_typed_outside_the_register_is_free_text_and_undoable(qtbot, scene):
    action_id = actions.add_action(scene.store, "Fråga om fiber", workshop_id=scene.workshop_id,
                                   responsibles=[Who(person_id=scene.marta)])
    qtbot.waitUntil(lambda: scene.table() == ["Fråga om fiber"])
    seen: list[str] = []
    fill_responsibles(qtbot, scene, scene.cell("Fråga om fiber", RESPONSIBLE), "Byalaget i Ängsö",
                      seen=seen)
    qtbot.waitUntil(lambda: len(scene.db()[0].responsibles) == 2)
    assert [(r.who.person_id, r.who.text) for r in scene.db()[0].responsibles] == [
        (scene.marta, ""), (None, "Byalaget i Ängsö")]
    qtbot.waitUntil(lambda: scene.table(RESPONSIBLE) == ["Märta Ödlund; Byalaget i Ängsö"])

    scene.stack.undo()
    assert [r.who.person_id for r in scene.db()[0].responsibles] == [scene.marta]
    qtbot.waitUntil(lambda: scene.table(RESPONSIBLE) == ["Märta Ödlund"])
    assert scene.page.model.row_of(action_id) == 0


@popup_ok
def test_escape_in_the_responsible_dialog_changes_nothing(qtbot, scene):
    actions.add_action(scene.store, "Fråga om fiber", workshop_id=scene.workshop_id,
                       responsibles=[Who(text="Byalaget i Ängsö")])
    qtbot.waitUntil(lambda: scene.table() == ["Fråga om fiber"])
    seen: list[str] = []
    fill_responsibles(qtbot, scene, scene.cell("Fråga om fiber", RESPONSIBLE), "Åke Sjöström",
                      key=Qt.Key.Key_Escape, seen=seen)
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    assert seen == ["Byalaget i Ängsö | Åke Sjöström"]  # shown in the dialog …
    assert [r.who.text for r in scene.db()[0].responsibles] == ["Byalaget i Ängsö"]  # … only
    assert scene.stack.count() == 0
    assert scene.table(RESPONSIBLE) == ["Byalaget i Ängsö"]


def test_due_date_can_be_removed_with_delete(qtbot, scene):
    actions.add_action(scene.store, "Skicka inbjudan", workshop_id=scene.workshop_id,
                       due_date="2026-12-24")
    qtbot.waitUntil(lambda: scene.table(DUE) == ["2026-12-24"] or
                    scene.table(DUE) == ["2026-12-24 (overdue)"])
    editor = open_editor(qtbot, scene, scene.cell("Skicka inbjudan", DUE))
    press(editor.date_edit, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: scene.db()[0].due_date is None)
    qtbot.waitUntil(lambda: scene.table(DUE) == [""])


def test_empty_text_is_refused_and_nothing_is_stored(qtbot, scene):
    actions.add_action(scene.store, "Ordna höstmarknad", workshop_id=scene.workshop_id)
    qtbot.waitUntil(lambda: scene.table() == ["Ordna höstmarknad"])
    line = open_editor(qtbot, scene, scene.cell("Ordna höstmarknad", TEXT))
    with qtbot.waitSignal(scene.editor.refused, timeout=2000):
        retype(line, "   ")
    assert [a.text for a in scene.db()] == ["Ordna höstmarknad"]
    assert scene.stack.count() == 0
    assert "tomt" in scene.refusals[0]
    assert scene.table() == ["Ordna höstmarknad"]


def test_sort_by_due_date_by_clicking_the_header(qtbot, scene):
    for text, due in (("Åtgärd utan datum", None), ("Sist", "2027-05-01"),
                      ("Först", "2027-01-15"), ("Mitten", "2027-03-01")):
        actions.add_action(scene.store, text, workshop_id=scene.workshop_id, due_date=due)
    qtbot.waitUntil(lambda: len(scene.table()) == 4)
    assert scene.table() == ["Åtgärd utan datum", "Sist", "Först", "Mitten"]  # as added

    click_header(scene, DUE)
    qtbot.waitUntil(lambda: scene.table() == ["Först", "Mitten", "Sist", "Åtgärd utan datum"])
    click_header(scene, DUE)
    qtbot.waitUntil(lambda: scene.table() == ["Åtgärd utan datum", "Sist", "Mitten", "Först"])
    click_header(scene, TEXT)  # Swedish order: Å after the other letters
    qtbot.waitUntil(lambda: scene.table() == ["Först", "Mitten", "Sist", "Åtgärd utan datum"])
    # sorting is a view: the stored order is untouched
    assert [a.text for a in scene.db()] == ["Åtgärd utan datum", "Sist", "Först", "Mitten"]


def test_filter_by_text_and_by_status(qtbot, scene):
    actions.add_action(scene.store, "Boka bygdegården", workshop_id=scene.workshop_id)
    actions.add_action(scene.store, "Städa bygdegårdens kök", workshop_id=scene.workshop_id,
                       status="done")
    actions.add_action(scene.store, "Skriv till kommunen", workshop_id=scene.workshop_id,
                       responsibles=[Who(person_id=scene.marta)])
    qtbot.waitUntil(lambda: len(scene.table()) == 3)

    type_text(scene.page.filter_edit, "BYGDEGÅRD")
    qtbot.waitUntil(lambda: scene.table() == ["Boka bygdegården", "Städa bygdegårdens kök"])
    scene.page.filter_edit.clear()
    type_text(scene.page.filter_edit, "ödlund")  # the responsible's name counts too
    qtbot.waitUntil(lambda: scene.table() == ["Skriv till kommunen"])
    scene.page.filter_edit.clear()

    status = scene.page.status_filter
    status.setCurrentIndex(status.findData("done"))
    qtbot.waitUntil(lambda: scene.table() == ["Städa bygdegårdens kök"])
    status.setCurrentIndex(status.findData("not_done"))
    qtbot.waitUntil(lambda: scene.table() == ["Boka bygdegården", "Skriv till kommunen"])
    assert "2 of 3" in scene.page.summary.text()
    assert len(scene.db()) == 3  # filtering hides, it never deletes


def test_whole_project_shows_actions_of_every_workshop(qtbot, scene):
    actions.add_action(scene.store, "Utvärdera fokusgruppen",
                       workshop_id=scene.other_workshop_id)
    actions.add_action(scene.store, "Boka bygdegården", workshop_id=scene.workshop_id)
    actions.add_action(scene.store, "Tacka värdarna", workshop_id=scene.other_workshop_id)
    qtbot.waitUntil(lambda: scene.table() == ["Boka bygdegården"])
    assert scene.page.proxy.columnCount() == 4

    scope = scene.page.scope
    scope.setCurrentIndex(scope.findData("project"))
    qtbot.waitUntil(lambda: len(scene.table()) == 3)
    assert scene.page.proxy.columnCount() == 5
    # unsorted, workshop by workshop (by date), each in its own order
    assert list(zip(scene.table(), scene.table(OWNER), strict=True)) == [
        ("Boka bygdegården", "Vårmötet i bygdegården"),
        ("Utvärdera fokusgruppen", "Höstens fokusgrupp"),
        ("Tacka värdarna", "Höstens fokusgrupp")]
    assert len(scene.db(project_id=scene.project_id)) == 3

    click_header(scene, OWNER)
    click_header(scene, OWNER)  # descending: autumn before spring
    qtbot.waitUntil(lambda: scene.table(OWNER) == ["Höstens fokusgrupp", "Höstens fokusgrupp",
                                                   "Vårmötet i bygdegården"])
    # a new action from the project view still belongs to the current workshop
    add_by_keyboard(qtbot, scene, "Ny träff i Ängsö")
    assert [a.text for a in scene.db()] == ["Boka bygdegården", "Ny träff i Ängsö"]
    qtbot.waitUntil(lambda: scene.cell("Ny träff i Ängsö", OWNER).data()
                    == "Vårmötet i bygdegården")

    scope.setCurrentIndex(scope.findData("workshop"))
    qtbot.waitUntil(lambda: sorted(scene.table()) == ["Boka bygdegården", "Ny träff i Ängsö"])
    assert scene.page.proxy.columnCount() == 4


def test_delete_undo_redo(qtbot, scene):
    for text in ("Första", "Andra", "Tredje"):
        actions.add_action(scene.store, text, workshop_id=scene.workshop_id)
    qtbot.waitUntil(lambda: scene.table() == ["Första", "Andra", "Tredje"])
    scene.page.table.setCurrentIndex(scene.cell("Andra", TEXT))

    scene.page.delete_selected()
    assert [a.text for a in scene.db()] == ["Första", "Tredje"]
    qtbot.waitUntil(lambda: scene.table() == ["Första", "Tredje"])
    assert scene.page.current_action_id() == scene.db()[1].id  # the next one is selected

    scene.stack.undo()
    assert [a.text for a in scene.db()] == ["Första", "Andra", "Tredje"]
    qtbot.waitUntil(lambda: scene.table() == ["Första", "Andra", "Tredje"])

    scene.stack.redo()
    assert [a.text for a in scene.db()] == ["Första", "Tredje"]
    qtbot.waitUntil(lambda: scene.table() == ["Första", "Tredje"])


def test_undo_of_adding_removes_the_action(qtbot, scene):
    add_by_keyboard(qtbot, scene, "Ringa Åke")
    scene.stack.undo()  # the text edit
    assert [a.text for a in scene.db()] == ["New action"]
    scene.stack.undo()  # the addition
    assert scene.db() == []
    qtbot.waitUntil(lambda: scene.table() == [])


def test_ctrl_return_adds_and_rename_selected_edits_the_text(qtbot, scene):
    press(scene.page.filter_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    table = scene.page.table
    qtbot.waitUntil(lambda: isinstance(table.indexWidget(table.currentIndex()), QLineEdit))
    line = table.indexWidget(table.currentIndex())
    type_text(line, "Kontakta länsstyrelsen")
    press(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [a.text for a in scene.db()] == ["Kontakta länsstyrelsen"])
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)

    table.setCurrentIndex(scene.cell("Kontakta länsstyrelsen", STATUS))
    scene.page.filter_edit.setFocus()  # from the menu, away from the table: the text
    scene.page.rename_selected()
    qtbot.waitUntil(lambda: isinstance(table.indexWidget(table.currentIndex()), QLineEdit))
    assert table.currentIndex().column() == TEXT
    retype(table.indexWidget(table.currentIndex()), "Kontakta länsstyrelsen i Jämtland")
    qtbot.waitUntil(lambda: [a.text for a in scene.db()] ==
                    ["Kontakta länsstyrelsen i Jämtland"])
    qtbot.waitUntil(lambda: scene.table() == ["Kontakta länsstyrelsen i Jämtland"])


def test_overdue_open_actions_are_red_and_done_ones_grey(qtbot, scene):
    past = (TODAY - dt.timedelta(days=3)).isoformat()
    actions.add_action(scene.store, "Försenad", workshop_id=scene.workshop_id, due_date=past)
    actions.add_action(scene.store, "Klar i tid", workshop_id=scene.workshop_id,
                       due_date=past, status="done")
    actions.add_action(scene.store, "Framtida", workshop_id=scene.workshop_id,
                       due_date=(TODAY + dt.timedelta(days=3)).isoformat())
    qtbot.waitUntil(lambda: len(scene.table()) == 3)
    fg = Qt.ItemDataRole.ForegroundRole
    late = scene.cell("Försenad", DUE)
    assert late.data() == f"{past} (overdue)"  # said in words, not only in colour
    assert late.data(fg) == overdue_colour()
    assert late.data(Qt.ItemDataRole.FontRole).bold()
    assert scene.cell("Klar i tid", DUE).data() == past
    assert scene.cell("Klar i tid", TEXT).data(fg) == finished_colour()
    assert scene.cell("Framtida", DUE).data(fg) is None
    assert "1 overdue" in scene.page.summary.text()

    status = scene.page.status_filter
    status.setCurrentIndex(status.findData("overdue"))
    qtbot.waitUntil(lambda: scene.table() == ["Försenad"])


def test_selection_and_sort_survive_a_refresh(qtbot, scene):
    for text, due in (("B", "2027-02-01"), ("A", "2027-03-01"), ("C", "2027-01-01")):
        actions.add_action(scene.store, text, workshop_id=scene.workshop_id, due_date=due)
    qtbot.waitUntil(lambda: len(scene.table()) == 3)
    click_header(scene, DUE)
    qtbot.waitUntil(lambda: scene.table() == ["C", "B", "A"])
    scene.page.table.setCurrentIndex(scene.cell("B", TEXT))
    chosen = scene.page.current_action_id()

    # someone else's edit (another action added) redraws the table through the bus
    actions.add_action(scene.store, "D", workshop_id=scene.workshop_id, due_date="2027-02-15")
    qtbot.waitUntil(lambda: scene.table() == ["C", "B", "D", "A"])
    assert scene.page.current_action_id() == chosen
    header = scene.page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        DUE, Qt.SortOrder.AscendingOrder)


def test_no_workshop_means_nothing_to_add(qtbot, scene):
    scene.page.set_workshop(None)
    assert not scene.page.add_button.isEnabled()
    assert scene.page.empty.isVisible()
    scene.page.add_action()
    assert actions.list_actions(scene.store, project_id=scene.project_id) == []


def test_inside_a_window_with_delete_and_f2_actions(qtbot, scene):
    """The main window owns Delete and F2 (calling delete_selected / rename_selected):
    Delete in an open date editor must clear the date, not delete the action, and F2
    on a cell edits that cell."""
    page = scene.page
    host = QMainWindow()
    qtbot.addWidget(host)
    host.setCentralWidget(page)
    for keys, slot in (("Del", page.delete_selected), ("F2", page.rename_selected)):
        action = QAction(host)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        host.addAction(action)
    host.show()
    qtbot.waitExposed(host)
    try:
        _delete_and_f2_in_a_window(qtbot, scene)
    finally:
        host.takeCentralWidget().setParent(None)  # the page is the fixture's to close


def _delete_and_f2_in_a_window(qtbot, scene: Scene) -> None:
    page = scene.page
    actions.add_action(scene.store, "Beställ fika", workshop_id=scene.workshop_id,
                       due_date="2027-01-10")
    qtbot.waitUntil(lambda: scene.table() == ["Beställ fika"])

    table = page.table
    table.setFocus()
    table.setCurrentIndex(scene.cell("Beställ fika", DUE))
    press(table, Qt.Key.Key_F2)  # the window's F2: edits the cell the table is on
    qtbot.waitUntil(lambda: isinstance(table.indexWidget(table.currentIndex()), DueDateEditor))
    editor = table.indexWidget(table.currentIndex())
    press(editor.date_edit, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: scene.db()[0].due_date is None)
    assert [a.text for a in scene.db()] == ["Beställ fika"]

    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    table.setFocus()
    press(table, Qt.Key.Key_Delete)  # not editing: Delete removes the action
    qtbot.waitUntil(lambda: scene.db() == [])


def test_widgets_have_stable_names(scene):
    page = scene.page
    for name in ("actionsTable", "actionsFilter", "actionsStatusFilter", "actionsScope",
                 "addAction", "actionsSummary"):
        widget = page.findChild(QWidget, name)
        assert widget is not None, name
        assert name == "actionsSummary" or widget.accessibleName(), name
