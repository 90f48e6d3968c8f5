"""Val av fokusområde and Grupper: marking choices by keys and clicks, forming groups."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from facilitator.events import ChangeBus
from facilitator.services import (
    choices,
    focus_areas,
    groups,
    people,
    projects,
    wishes,
    workshops,
)
from facilitator.ui.commands import Editor
from facilitator.ui.views.choices_view import ChoicesView
from facilitator.ui.views.groups_tree import FLAG_ROLE, GROUP_ROLE, ID_ROLE, KIND_ROLE
from facilitator.ui.views.groups_view import GroupsView
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

AREAS = ["Kultursamverkan", "Medborgardialog", "Skolsamverkan", "Turismsamverkan",
         "Ungas inflytande", "Näringslivssamverkan"]
# Person i (in name order) chooses these area indices: three related pairs, five people each.
PATTERN = [[0], [0], [3], [0, 3], [0, 3],
           [1], [1], [4], [1, 4], [1, 4],
           [2], [5], [5], [2, 5], [2, 5]]
NAMES = [f"{first} Åström" for first in (
    "Agnes", "Birger", "Cecilia", "David", "Elsa", "Fredrik", "Greta", "Hugo", "Ingrid",
    "Jöns", "Karin", "Lennart", "Märta", "Nils", "Örjan")]


@pytest.fixture
def evening(store):
    project = projects.create_project(store, "Bygdens framtid")
    areas = [focus_areas.add_focus_area(store, project, name) for name in AREAS]
    workshop = workshops.create_workshop(store, project, "Decemberkvällen på Ängsö")
    persons = [people.create_person(store, name) for name in NAMES]
    for person in persons:
        people.set_attendance(store, workshop, person, "attended")
    invited = people.create_person(store, "Östen Inbjuden")
    people.set_attendance(store, workshop, invited, "invited")
    return store, workshop, areas, persons


def _page(qtbot, store, cls, workshop):  # type: ignore[no-untyped-def]
    stack = QUndoStack()
    view = cls(store, Editor(stack))
    view.stack = stack
    view.bus = ChangeBus(store)  # kept alive with the page
    view.bus.changed.connect(view.on_changed)
    qtbot.addWidget(view)
    view.set_workshop(workshop)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    return view


def settle(qtbot) -> None:
    """Let the change bus deliver (it coalesces per event-loop turn)."""
    qtbot.wait(10)
    QApplication.processEvents()


def header(view: ChoicesView, column: int) -> str:
    return view.model.headerData(column, Qt.Orientation.Horizontal)


def test_marking_choices_by_keys_and_clicks(qtbot, evening):
    store, workshop, areas, persons = evening
    view = _page(qtbot, store, ChoicesView, workshop)
    grid = view.grid
    assert view.model.rowCount() == 15  # only those present, not the invited one
    assert [view.model.headerData(r, Qt.Orientation.Vertical) for r in range(15)] == NAMES
    assert view.model.columnCount() == 6
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    assert grid.currentIndex().row() == 0 and grid.currentIndex().column() == 0

    # Walk down the grid with the arrow keys, marking each person's areas with Space.
    for row, chosen in enumerate(PATTERN):
        press(grid, Qt.Key.Key_Home)
        column = 0
        for area_index in chosen:
            for _ in range(area_index - column):
                press(grid, Qt.Key.Key_Right)
            column = area_index
            press(grid, Qt.Key.Key_Space)
        if row < len(PATTERN) - 1:
            press(grid, Qt.Key.Key_Down)
        assert grid.currentIndex().row() == min(row + 1, 14)
    settle(qtbot)
    expected = {persons[i]: {areas[a] for a in chosen} for i, chosen in enumerate(PATTERN)}
    assert choices.list_choices(store, workshop) == expected
    assert view.counts() == {"Kultursamverkan": 4, "Medborgardialog": 4, "Skolsamverkan": 3,
                             "Turismsamverkan": 3, "Ungas inflytande": 3,
                             "Näringslivssamverkan": 4}
    assert header(view, 0) == "Kultur-\nsamverkan\n" + view.tr("{n} chose").format(n=4)
    assert view.summary.text() == view.tr("{chose} of {total} present have chosen").format(
        chose=15, total=15)
    assert view.model.data(view.model.index(3, 3)) == "✓"
    assert view.model.data(view.model.index(3, 2)) == ""

    # A click marks a cell, a second click unmarks it; each is one undo step.
    steps = view.stack.count()
    cell = view.model.index(0, 5)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.visualRect(cell).center())
    settle(qtbot)
    assert areas[5] in choices.list_choices(store, workshop)[persons[0]]
    assert header(view, 5) == "Näringslivs-\nsamverkan\n" + view.tr("{n} chose").format(n=5)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.visualRect(cell).center())
    settle(qtbot)
    assert areas[5] not in choices.list_choices(store, workshop)[persons[0]]
    assert header(view, 5) == "Näringslivs-\nsamverkan\n" + view.tr("{n} chose").format(n=4)
    assert view.stack.count() == steps + 2

    # Undo brings the click back, redo takes it away again; the grid follows.
    view.stack.undo()
    settle(qtbot)
    assert view.model.data(cell) == "✓" and view.counts()["Näringslivssamverkan"] == 5
    view.stack.redo()
    settle(qtbot)
    assert view.model.data(cell) == "" and view.counts()["Näringslivssamverkan"] == 4
    assert choices.list_choices(store, workshop) == expected


def test_space_on_a_selection_marks_all_as_one_step_and_undo_restores(qtbot, evening):
    store, workshop, areas, persons = evening
    choices.set_choice(store, workshop, persons[1], areas[4], True)
    view = _page(qtbot, store, ChoicesView, workshop)
    grid = view.grid
    grid.setFocus()
    grid.setCurrentIndex(view.model.index(0, 4))
    press(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    steps = view.stack.count()
    press(grid, Qt.Key.Key_Space)
    settle(qtbot)
    assert view.stack.count() == steps + 1
    chosen = choices.list_choices(store, workshop)
    assert all(areas[4] in chosen[p] for p in persons[:3])
    assert view.counts()["Ungas inflytande"] == 3
    press(grid, Qt.Key.Key_Space)  # all marked: the same keys unmark them all
    settle(qtbot)
    assert choices.list_choices(store, workshop) == {}
    view.stack.undo()
    settle(qtbot)
    assert view.counts()["Ungas inflytande"] == 3
    press(grid, Qt.Key.Key_Delete)  # Del unmarks the selection: one step as well
    settle(qtbot)
    assert choices.list_choices(store, workshop) == {}
    view.stack.undo()
    view.stack.undo()
    settle(qtbot)
    assert choices.list_choices(store, workshop) == {persons[1]: {areas[4]}}
    assert view.counts()["Ungas inflytande"] == 1


def _choose_pattern(store, workshop, areas, persons) -> None:
    choices.set_choices(store, workshop, {(persons[i], areas[a]): True
                                          for i, chosen in enumerate(PATTERN) for a in chosen})


def tops(view: GroupsView) -> list[str]:
    return [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]


def rows_of(view: GroupsView, number: int, kind: str) -> list[str]:
    top = view.tree.topLevelItem(number - 1)
    return [top.child(i).text(0) for i in range(top.childCount())
            if top.child(i).data(0, KIND_ROLE) == kind]


def member_item(view: GroupsView, name: str):  # type: ignore[no-untyped-def]
    return next(i for i in view.tree.items() if i.data(0, KIND_ROLE) == "member"
                and i.text(0).lstrip("⚠ ") == name)


def drop_at(tree, item, target) -> None:  # type: ignore[no-untyped-def]
    """Drop ``item`` on ``target`` as the mouse would at the end of a drag."""
    tree.setCurrentItem(item)
    event = QDropEvent(QPointF(tree.visualItemRect(target).center()), Qt.DropAction.MoveAction,
                       tree.model().mimeData([tree.indexFromItem(item)]),
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.IgnoreAction  # the tree itself moves nothing


def names_in_db(store, workshop) -> list[str]:
    return [g.name for g in groups.list_groups(store, workshop)]


def test_propose_adjust_rename_undo_and_redo(qtbot, evening):
    store, workshop, areas, persons = evening
    _choose_pattern(store, workshop, areas, persons)
    earlier = groups.create_group(store, workshop, [areas[0]], "Gamla gruppen")
    view = _page(qtbot, store, GroupsView, workshop)
    assert tops(view) == ["Gamla gruppen", view.tr("Not in a group")]
    view.count.setValue(3)
    qtbot.mouseClick(view.propose_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    made = groups.list_groups(store, workshop)
    assert [g.name for g in made] == ["Kultur- och Turismsamverkan",
                                      "Medborgardialog och Ungas inflytande",
                                      "Skol- och Näringslivssamverkan"]
    assert [len(g.member_ids) for g in made] == [5, 5, 5]
    chosen = choices.list_choices(store, workshop)
    assert all(chosen[p] & set(g.focus_area_ids) for g in made for p in g.member_ids)
    assert tops(view) == [g.name for g in made]  # nobody is left outside a group
    assert rows_of(view, 1, "area") == ["◆ Kultursamverkan", "◆ Turismsamverkan"]
    assert rows_of(view, 1, "member") == NAMES[:5]
    assert view.tree.topLevelItem(0).text(1) == view.tr("Group {number} · {n} members").format(
        number=1, n=5)
    assert not any(i.data(0, FLAG_ROLE) for i in view.tree.items())

    # Move Agnes to the next group with Alt+Right: she did not choose its areas: flagged.
    view.tree.setFocus()
    view.tree.setCurrentItem(member_item(view, "Agnes Åström"))
    press(view.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    settle(qtbot)
    after = groups.list_groups(store, workshop)
    assert persons[0] in after[1].member_ids and persons[0] not in after[0].member_ids
    agnes = member_item(view, "Agnes Åström")
    assert agnes.text(0) == "⚠ Agnes Åström" and agnes.data(0, FLAG_ROLE) is True
    assert agnes.data(0, GROUP_ROLE) == after[1].id
    assert view.tree.currentItem() is agnes  # the selection follows the moved person
    assert view.tr("{n} in a group they did not choose").format(n=1) in view.summary.text()
    # Ctrl+3 sends her on to the third group.
    press(view.tree, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert persons[0] in groups.list_groups(store, workshop)[2].member_ids
    assert "⚠ Agnes Åström" in rows_of(view, 3, "member")

    # Rename the first group with F2, typing Swedish letters.
    view.tree.setCurrentItem(view.tree.topLevelItem(0))
    press(view.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, "Besöksnäring på Ängsö")
    press(editor, Qt.Key.Key_Return)
    settle(qtbot)
    assert names_in_db(store, workshop)[0] == "Besöksnäring på Ängsö"
    assert tops(view)[0] == "Besöksnäring på Ängsö"

    # Undo the rename, then both moves; redo them again.
    view.stack.undo()
    settle(qtbot)
    assert names_in_db(store, workshop)[0] == "Kultur- och Turismsamverkan"
    assert tops(view)[0] == "Kultur- och Turismsamverkan"
    view.stack.undo()
    view.stack.undo()
    settle(qtbot)
    assert groups.list_groups(store, workshop) == made
    assert rows_of(view, 1, "member") == NAMES[:5]
    view.stack.redo()
    view.stack.redo()
    view.stack.redo()
    settle(qtbot)
    assert persons[0] in groups.list_groups(store, workshop)[2].member_ids
    assert tops(view)[0] == "Besöksnäring på Ängsö"

    # An empty name returns to the automatic one.
    view.rename_selected()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.clear()
    press(editor, Qt.Key.Key_Return)
    settle(qtbot)
    assert names_in_db(store, workshop)[0] == "Kultur- och Turismsamverkan"

    # Undo everything down to before the proposal: the earlier group is back.
    while view.stack.canUndo():
        view.stack.undo()
    settle(qtbot)
    assert [g.id for g in groups.list_groups(store, workshop)] == [earlier]
    assert tops(view) == ["Gamla gruppen", view.tr("Not in a group")]
    assert view.tree.topLevelItem(1).childCount() == 15


def test_drag_and_drop_moves_members_and_areas_and_names_follow(qtbot, evening):
    store, workshop, areas, persons = evening
    _choose_pattern(store, workshop, areas, persons)
    view = _page(qtbot, store, GroupsView, workshop)
    view.count.setValue(3)
    assert view.propose()
    settle(qtbot)
    first, second, third = groups.list_groups(store, workshop)

    drop_at(view.tree, member_item(view, "Örjan Åström"), view.tree.topLevelItem(0))
    settle(qtbot)
    assert persons[14] in groups.list_groups(store, workshop)[0].member_ids
    assert member_item(view, "Örjan Åström").data(0, FLAG_ROLE) is True

    # Dropping the area "Turismsamverkan" on a member row of the third group moves it there.
    area = next(i for i in view.tree.items() if i.data(0, ID_ROLE) == areas[3])
    target = member_item(view, "Karin Åström")
    drop_at(view.tree, area, target)
    settle(qtbot)
    now = groups.list_groups(store, workshop)
    assert now[0].focus_area_ids == (areas[0],)
    assert now[2].focus_area_ids == (areas[2], areas[5], areas[3])
    assert tops(view)[0] == "Kultursamverkan"
    assert tops(view)[2] == "Skolsamverkan, Näringslivssamverkan och Turismsamverkan"

    view.stack.undo()
    view.stack.undo()
    settle(qtbot)
    assert groups.list_groups(store, workshop) == [first, second, third]
    assert tops(view)[0] == "Kultur- och Turismsamverkan"


def test_new_group_delete_and_out_of_groups_by_keys(qtbot, evening):
    store, workshop, areas, persons = evening
    _choose_pattern(store, workshop, areas, persons)
    view = _page(qtbot, store, GroupsView, workshop)
    view.count.setValue(2)
    assert view.propose()
    settle(qtbot)
    assert [len(g.member_ids) for g in groups.list_groups(store, workshop)] in ([8, 7], [7, 8])

    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert tops(view)[2] == "Grupp 3"
    assert view.tree.currentItem().text(0) == "Grupp 3"
    # Ctrl+0 takes Agnes out of every group; she is listed under "Not in a group".
    view.tree.setFocus()
    view.tree.setCurrentItem(member_item(view, "Agnes Åström"))
    press(view.tree, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert all(persons[0] not in g.member_ids for g in groups.list_groups(store, workshop))
    assert tops(view)[-1] == view.tr("Not in a group")
    assert view.tree.topLevelItem(3).child(0).text(0) == "Agnes Åström"
    # Ctrl+3 puts her in the new, empty group; Del on that group deletes it.
    press(view.tree, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert groups.list_groups(store, workshop)[2].member_ids == (persons[0],)
    view.tree.setCurrentItem(view.tree.topLevelItem(2))
    press(view.tree, Qt.Key.Key_Delete)
    settle(qtbot)
    assert len(groups.list_groups(store, workshop)) == 2
    view.stack.undo()
    settle(qtbot)
    assert groups.list_groups(store, workshop)[2].member_ids == (persons[0],)


def test_too_many_groups_is_refused_with_a_message(qtbot, evening):
    store, workshop, _areas, _persons = evening
    view = _page(qtbot, store, GroupsView, workshop)
    assert view.count.maximum() == 6
    refused: list[str] = []
    view.editor.refused.connect(refused.append)
    view.count.setMaximum(12)
    view.count.setValue(7)
    assert not view.propose()
    assert "7 grupper av 6 fokusområden" in refused[0]
    assert groups.list_groups(store, workshop) == []


def test_inside_the_main_window_del_and_f2_act_on_the_focused_tab(qtbot, evening, window):
    store, workshop, areas, persons = evening
    _choose_pattern(store, workshop, areas, persons)
    window.open_workshop(workshop)
    choices_page, groups_page = window.choices, window.groups

    window.show_page(choices_page)
    choices_page.grid.setFocus()
    qtbot.waitUntil(choices_page.grid.hasFocus)
    choices_page.grid.setCurrentIndex(choices_page.model.index(0, 0))
    press(choices_page.grid, Qt.Key.Key_Delete)  # unmarks; must not delete the workshop
    settle(qtbot)
    assert areas[0] not in choices.list_choices(store, workshop).get(persons[0], set())
    assert workshops.get_facts(store, workshop).title == "Decemberkvällen på Ängsö"

    window.show_page(groups_page)
    groups_page.count.setValue(3)
    assert groups_page.propose()
    settle(qtbot)
    groups_page.tree.setFocus()
    qtbot.waitUntil(groups_page.tree.hasFocus)
    groups_page.tree.setCurrentItem(groups_page.tree.topLevelItem(1))
    press(groups_page.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, "Ungdomar i Öjebyn")
    press(editor, Qt.Key.Key_Return)
    settle(qtbot)
    assert names_in_db(store, workshop)[1] == "Ungdomar i Öjebyn"
    groups_page.tree.setFocus()
    groups_page.tree.setCurrentItem(member_item(groups_page, "Fredrik Åström"))
    press(groups_page.tree, Qt.Key.Key_Delete)
    settle(qtbot)
    assert all(persons[5] not in g.member_ids for g in groups.list_groups(store, workshop))
    assert tops(groups_page)[-1] == groups_page.tr("Not in a group")
    window.undo_stack.undo()
    settle(qtbot)
    assert persons[5] in groups.list_groups(store, workshop)[1].member_ids


def test_replacing_groups_with_wishes_asks_first_and_undo_brings_them_back(qtbot, evening):
    store, workshop, areas, _persons = evening
    old = groups.create_group(store, workshop, [areas[0]])
    wishes.add_wish(store, old, "Öppna bygdegården för ungdomarna på fredagar")
    view = _page(qtbot, store, GroupsView, workshop)
    view.count.setValue(2)

    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.No).click())
    assert not view.propose()
    assert [g.id for g in groups.list_groups(store, workshop)] == [old]

    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert view.propose()
    settle(qtbot)
    assert len(groups.list_groups(store, workshop)) == 2
    # Nobody chose anything here: the proposal says so, and everyone is still placed.
    assert view.notes.isVisible() and "Ingen har valt" in view.notes.text()
    assert sorted(len(g.member_ids) for g in groups.list_groups(store, workshop)) == [7, 8]
    view.stack.undo()
    settle(qtbot)
    assert [g.id for g in groups.list_groups(store, workshop)] == [old]
    assert [w.text for w in wishes.list_wishes(store, old)] == [
        "Öppna bygdegården för ungdomarna på fredagar"]
