"""The evening without a mouse: no traps, direct shortcuts, visible focus, typing that works."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from facilitator.services import groups, people, projects, sections, workshops
from facilitator.store.models import AttendanceStatus
from tests.gui.conftest import when_modal
from tests.gui.keyboard import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

K = Qt.Key
M = Qt.KeyboardModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = M.NoModifier) -> None:
    """A key press where the keyboard is, as a user's would land."""
    QTest.keyClick(focused(), k, modifier)


@pytest.fixture
def evening(store) -> str:
    pid = projects.create_project(store, "Lillsjö bygdeprojekt")
    wid = workshops.create_workshop(store, pid, "Kväll i bygdegården", date="2026-03-05")
    sections.add_section(store, wid, "Välkomna", "Märta hälsar välkommen.")
    for name in ("Åsa Öberg", "Göran Ärlig", "Märta Ek"):
        person = people.create_person(store, name)
        people.set_attendance(store, wid, person, AttendanceStatus.ATTENDED)
    groups.create_group(store, wid, name="Skolan och förskolan")
    groups.create_group(store, wid, name="Vägar och busstrafik")
    return wid


@pytest.fixture
def win(qtbot, make_window, evening):
    window = make_window()
    window.open_workshop(evening)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def go(window, name: str):
    page = getattr(window, name)
    window.show_page(page)
    return page


# ----- 1. no traps ---------------------------------------------------------------------------
def test_tab_leaves_the_attendance_table_and_the_register(qtbot, win):
    page = go(win, "people")
    page.attendance.setFocus()
    page.attendance.setCurrentCell(0, 0)
    key(K.Key_Tab)
    assert focused() is page.search
    page.register.setFocus()
    key(K.Key_Tab)
    assert focused() is page.invite_button
    key(K.Key_Backtab)
    assert focused() is page.register


def test_tab_leaves_a_note_outside_lists_nests_inside_and_esc_goes_to_the_list(qtbot, win):
    page = go(win, "agenda")
    page.notes.edit.setFocus()
    page.notes.edit.moveCursor(page.notes.edit.textCursor().MoveOperation.End)
    key(K.Key_Tab)
    assert focused() is not page.notes.edit
    assert "\t" not in page.notes.edit.toPlainText()

    page.notes.edit.setFocus()
    page.notes.actions_by_name["bullets"].trigger()
    type_text(page.notes.edit, "Fika")
    key(K.Key_Return)
    type_text(page.notes.edit, "Kaffe från bageriet")
    key(K.Key_Tab)
    assert focused() is page.notes.edit
    assert page.notes.edit.textCursor().currentList().format().indent() == 2

    key(K.Key_Escape)
    assert focused() is page.list
    qtbot.waitUntil(lambda: "Kaffe från bageriet" in sections.list_sections(
        win.store, win.workshop_id)[0].body)


@pytest.mark.parametrize(("keys", "expected"), [
    ([(K.Key_Tab, M.ControlModifier)], 1),
    ([(K.Key_PageDown, M.ControlModifier)], 1),
    ([(K.Key_Tab, M.ControlModifier | M.ShiftModifier)], 9),
    ([(K.Key_PageUp, M.ControlModifier)], 9),
    ([(K.Key_PageDown, M.ControlModifier)] * 3 + [(K.Key_PageUp, M.ControlModifier)], 2),
])
def test_ctrl_tab_and_ctrl_page_keys_switch_pages_from_a_field(qtbot, win, keys, expected):
    go(win, "facts")
    win.facts.lines["title"].setFocus()
    for k, mods in keys:
        key(k, mods)
    assert win.tabs.currentIndex() == expected
    assert win.tabs.current_page().isAncestorOf(focused())


def test_ctrl_tab_leaves_a_note_and_a_table(qtbot, win):
    page = go(win, "agenda")
    page.notes.edit.setFocus()
    key(K.Key_Tab, M.ControlModifier)
    assert win.tabs.currentIndex() == 2
    people_page = go(win, "people")
    people_page.attendance.setFocus()
    key(K.Key_PageDown, M.ControlModifier)
    assert win.tabs.currentIndex() == 4


def test_the_wish_board_keeps_tab_for_nesting_and_esc_then_tab_leaves(qtbot, win):
    win.keys.capture_action.trigger()
    column = win.wish_board.columns[0]
    assert focused() is column.input
    for text in ("Fler bussar till Lillsjö", "Tätare turer på helger"):
        type_text(column.input, text)
        key(K.Key_Return)
    key(K.Key_Tab)  # nests the wish just added
    qtbot.waitUntil(lambda: [d for d, _t, _v in column.shown_texts()] == [0, 1])
    assert focused() is column.input
    type_text(column.input, "halvskri")
    key(K.Key_Escape)  # empties the line
    key(K.Key_Escape)  # no wish chosen any more
    key(K.Key_Tab)
    assert focused() is win.wish_board.columns[1].input
    assert [d for d, _t, _v in column.shown_texts()] == [0, 1]


# ----- 2. direct shortcuts ----------------------------------------------------------------------
def test_every_page_has_a_shortcut_listed_in_the_view_menu(qtbot, win):
    menu = win.menuBar().findChild(QMenu, "menuPages")
    entries = [(a.text(), a.shortcut().toString()) for a in menu.actions()]
    assert entries == [(win.tabs.tabText(i), f"Alt+{(i + 1) % 10}") for i in range(10)]
    assert entries[0][0] == "Översikt" and entries[6][0] == "Önskemål"
    win.facts.lines["title"].setFocus()
    for index in (3, 8, 0, 6):
        key(getattr(K, f"Key_{index + 1}"), M.AltModifier)
        assert win.tabs.currentIndex() == index
    # On the wish board the cursor lands in the capture line of the group being captured.
    assert focused() is win.wish_board.columns[0].input


def test_ctrl_l_puts_the_cursor_in_the_capture_line_of_the_current_group(qtbot, win):
    board = win.wish_board
    board.switch_to(2)
    go(win, "people").walk_in.setFocus()
    key(K.Key_L, M.ControlModifier)
    assert win.tabs.current_page() is board
    assert focused() is board.columns[1].input
    view_menu = win.menuBar().findChild(QMenu, "menuView")
    assert win.keys.capture_action in view_menu.actions()
    assert win.keys.capture_action.shortcut() == QKeySequence("Ctrl+L")


def test_projector_modes_have_shortcuts_in_the_evening_menu(qtbot, win):
    from facilitator.ui.projector_content import Mode

    evening_menu = win.menuBar().findChild(QMenu, "menuEvening")
    shown = {a.shortcut().toString(): a.text().replace("&", "")
             for a in evening_menu.actions() if a.objectName().startswith("actionProjector_")}
    assert set(shown) == {"F7", "F8", "F9", "F10", "F11"}
    win.keys.capture_action.trigger()
    board = win.wish_board
    board.switch_to(2)
    for k, mode in ((K.Key_F9, Mode.ALL_GROUPS), (K.Key_F10, Mode.TIMER),
                    (K.Key_F11, Mode.VOTE_RESULTS), (K.Key_F7, Mode.AGENDA_ITEM),
                    (K.Key_F8, Mode.GROUP_WISHES)):
        key(k)
        assert win.live.projector.mode is mode
    assert win.live.projector.group_id == board.columns[1].group_id
    assert focused() is board.columns[1].input  # capture goes on


def test_new_person_and_check_in_have_shortcuts(qtbot, win, store, evening):
    page = go(win, "people")
    page.search.setFocus()

    def fill(dialog):
        edit = dialog.findChild(QLineEdit, "person_name") or dialog.findChildren(QLineEdit)[0]
        type_text(edit, "Örjan Åkesson")
        QTest.keyClick(edit, K.Key_Return)

    when_modal(qtbot, fill)
    key(K.Key_Insert)
    qtbot.waitUntil(lambda: any(p.name == "Örjan Åkesson" for p in people.list_people(store)))
    win.activateWindow()  # what the window system does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.register)
    key(K.Key_Return, M.ControlModifier)
    assert {a.name: a.status for a in people.list_attendance(store, evening)}[
        "Örjan Åkesson"] is AttendanceStatus.ATTENDED
    assert "Ins" in page.new_button.toolTip() and "Ctrl+Enter" in page.check_in_button.toolTip()


# ----- 3. focus always visible, in the right order -----------------------------------------------
def _tab_round(window) -> list[QWidget]:
    window.tabs.tabBar().setFocus()
    stops = [focused()]
    for _ in range(60):
        key(K.Key_Tab)
        if focused() is stops[0]:
            return stops
        stops.append(focused())
    raise AssertionError(f"Tab never came back to the page tabs: {stops[-5:]}")


@pytest.mark.parametrize("name", ["facts", "agenda", "people", "groups", "wish_board",
                                  "export_view"])
def test_tab_goes_page_tabs_then_page_then_toolbar_and_every_stop_shows_something(
        qtbot, win, name):
    page = go(win, name)
    stops = _tab_round(win)
    toolbar = win.live.toolbar
    kinds = ["tabs" if isinstance(w, QTabBar) else "page" if page.isAncestorOf(w)
             else "toolbar" if toolbar.isAncestorOf(w) else "navigator"
             if w is win.navigator else type(w).__name__ for w in stops]
    collapsed = [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k]
    assert collapsed == ["tabs", "page", "toolbar", "navigator"], kinds
    for widget in stops:  # a plain scroll area or container shows no focus at all
        assert not (isinstance(widget, QAbstractScrollArea)
                    and type(widget).__name__ in ("QScrollArea",)), widget
        assert isinstance(widget, QAbstractScrollArea | QLineEdit | QAbstractSpinBox
                          | QComboBox | QAbstractButton | QTabBar), widget
        assert widget.isVisible()
    if name == "facts":
        assert stops[1] is win.facts.lines["title"]
    if name == "wish_board":
        assert stops[1] is win.wish_board.columns[0].input


def test_the_focused_field_has_a_ring_in_the_highlight_colour(qtbot, win):
    title = go(win, "facts").lines["title"]
    title.setFocus()
    ring = win.keys.focus_ring
    qtbot.waitUntil(ring.isVisible)
    assert ring.target is title
    assert ring.geometry().contains(title.geometry())
    picture = ring.grab().toImage()
    highlight = win.palette().color(win.palette().ColorRole.Highlight)
    assert picture.pixelColor(1, ring.height() // 2) == highlight
    key(K.Key_Tab)
    assert ring.target is win.facts.kind
    win.navigator.setFocus()
    qtbot.waitUntil(lambda: ring.target is win.navigator)


# ----- 4. typing works where the eye says it should ---------------------------------------------
def test_a_time_field_showing_not_set_takes_1830_typed_straight_in(qtbot, win, store, evening):
    facts = go(win, "facts")
    start = facts.start_time
    assert start.text() == "Ej angiven"
    start.setFocus()
    for ch in "1830":
        key(getattr(K, f"Key_{ch}"))
    assert start.text() == "18:30"
    key(K.Key_Tab)
    assert focused() is facts.end_time
    assert workshops.get_facts(store, evening).start_time == dt.time(18, 30)
    key(K.Key_Tab)
    assert facts.end_time.text() == "Ej angiven"  # an untouched field keeps its words
    assert workshops.get_facts(store, evening).end_time is None


def test_enter_in_an_open_completer_takes_the_suggestion_and_nothing_else(
        qtbot, win, store, evening):
    people.create_organisation(store, "Lillsjö idrottsförening")
    page = go(win, "people")
    page.safe_refresh()
    page.walk_in.setFocus()
    type_text(page.walk_in, "Åke Nyström")
    key(K.Key_Tab)
    assert focused() is page.walk_in_org
    type_text(page.walk_in_org, "idrott")
    popup = page.walk_in_org.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, K.Key_Down)
    QTest.keyClick(popup, K.Key_Return)
    assert page.walk_in_org.text() == "Lillsjö idrottsförening"
    assert "Åke Nyström" not in {a.name for a in people.list_attendance(store, evening)}
    key(K.Key_Return)
    here = {a.name: a for a in people.list_attendance(store, evening)}
    assert here["Åke Nyström"].organisation == "Lillsjö idrottsförening"


def test_enter_in_the_export_dialog_exports(qtbot, win, tmp_path):
    target = tmp_path / "Minnesanteckningar kväll.docx"
    result = {}

    def export(dialog):
        try:
            edit = dialog.target
            qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
            result["focus"] = True
            edit.selectAll()
            QTest.keyClick(edit, K.Key_Delete)
            type_text(edit, str(target))
            QTest.keyClick(edit, K.Key_Return)
            result["modal"] = QApplication.activeModalWidget() is dialog
            result["path"] = dialog.result_path
        finally:
            for widget in QApplication.topLevelWidgets():
                if widget.isModal() and widget is not dialog:
                    widget.close()  # a file chooser opened by mistake
            dialog.reject()

    when_modal(qtbot, export)
    win.facts.lines["title"].setFocus()
    key(K.Key_E, M.ControlModifier)
    assert result == {"focus": True, "modal": True, "path": target}  # no file chooser
    assert target.exists()
