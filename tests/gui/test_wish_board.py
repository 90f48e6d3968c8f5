"""Önskemål: capture by keyboard alone, paste, reorder, edit, delete, and dot voting.

Each step checks the database (wishes.list_wishes), what the columns show, and
that the capture line kept the focus and its cursor.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMainWindow

from facilitator.events import ChangeBus
from facilitator.services import groups, projects, wishes, workshops
from facilitator.ui.commands import Editor
from facilitator.ui.views.wish_board import WishBoardView
from facilitator.ui.widgets.wish_column import WishColumn
from tests.gui.keyboard import press, type_text

K, M = Qt.Key, Qt.KeyboardModifier
GROUPS = ("Ängsgruppen", "Kultur- och Turismsamverkan", "Skola och näringsliv")


@pytest.fixture(autouse=True)
def _collect_between_tests():
    """Free each test's Qt wrappers while Qt is still up, not at interpreter shutdown
    (PySide6 + Python 3.11 otherwise abort in the final garbage collection)."""
    yield
    gc.collect()


@pytest.fixture
def workshop(store) -> str:
    pid = projects.create_project(store, "Lillsjö bygdeprojekt")
    wid = workshops.create_workshop(store, pid, "Kväll i bygdegården")
    for name in GROUPS:
        groups.create_group(store, wid, name=name)
    return wid


@pytest.fixture
def group_ids(store, workshop) -> list[str]:
    return [g.id for g in groups.list_groups(store, workshop)]


@pytest.fixture
def board(qtbot, store, workshop, swedish) -> WishBoardView:
    editor = Editor(QUndoStack())
    view = WishBoardView(store, editor)
    view.bus = ChangeBus(store)  # kept alive with the page
    view.bus.changed.connect(view.on_changed)
    view.refusals = []
    editor.refused.connect(view.refusals.append)
    qtbot.addWidget(view)
    view.set_workshop(workshop)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.columns[0].input.setFocus()
    qtbot.waitUntil(view.columns[0].input.hasFocus)
    return view


def db(store, group_id: str) -> list[tuple[int, str]]:
    return [(w.depth, w.text) for w in wishes.list_wishes(store, group_id)]


def votes(store, group_id: str) -> dict[str, int]:
    return {w.text: w.votes for w in wishes.list_wishes(store, group_id)}


def shown(column: WishColumn) -> list[tuple[int, str]]:
    return [(depth, text) for depth, text, _votes in column.shown_texts()]


def capture(column: WishColumn, text: str, *keys: Qt.Key) -> None:
    type_text(column.input, text)
    press(column.input, K.Key_Return)
    for key in keys:
        if key == K.Key_Backtab:
            press(column.input, K.Key_Tab, M.ShiftModifier)
        else:
            press(column.input, key)


def ready(column: WishColumn) -> bool:
    """The capture line has the keyboard, is empty and its cursor at the start."""
    return column.input.hasFocus() and column.input.text() == "" \
        and column.input.cursorPosition() == 0


def settle(qtbot) -> None:
    """Let the change bus deliver (it coalesces per event-loop turn)."""
    qtbot.wait(5)


def test_twenty_wishes_typed_with_nesting_across_three_groups(qtbot, store, board, group_ids):
    first, second, third = board.columns
    capture(first, "Fler bänkar vid ån")
    assert db(store, group_ids[0]) == [(0, "Fler bänkar vid ån")] and ready(first)
    capture(first, "Vid skolan", K.Key_Tab)
    capture(first, "Vid kyrkan")
    capture(first, "Öppna ängen för bad", K.Key_Backtab)
    capture(first, "Ljus längs gångvägen")
    capture(first, "Från bron till affären", K.Key_Tab)
    capture(first, "Även vintertid", K.Key_Tab)
    expected_first = [(0, "Fler bänkar vid ån"), (1, "Vid skolan"), (1, "Vid kyrkan"),
                      (0, "Öppna ängen för bad"), (0, "Ljus längs gångvägen"),
                      (1, "Från bron till affären"), (2, "Även vintertid")]
    assert db(store, group_ids[0]) == expected_first
    assert shown(first) == expected_first and ready(first)
    settle(qtbot)  # the change bus's redraws keep everything where it was
    assert shown(first) == expected_first and ready(first)

    press(first.input, K.Key_2, M.ControlModifier)
    assert board.active_column() is second and ready(second)
    capture(second, "Kulturnatt i bygdegården")
    capture(second, "Med lokala musiker", K.Key_Tab)
    capture(second, "Och hembakat fika")
    capture(second, "Öppet hus på museet", K.Key_Backtab)
    capture(second, "Guidade turer på söndagar", K.Key_Tab)
    capture(second, "Även på engelska", K.Key_Tab)
    capture(second, "Skyltar vid vägen", K.Key_Backtab, K.Key_Backtab)
    expected_second = [(0, "Kulturnatt i bygdegården"), (1, "Med lokala musiker"),
                       (1, "Och hembakat fika"), (0, "Öppet hus på museet"),
                       (1, "Guidade turer på söndagar"), (2, "Även på engelska"),
                       (0, "Skyltar vid vägen")]
    assert db(store, group_ids[1]) == shown(second) == expected_second and ready(second)

    press(second.input, K.Key_Right, M.ControlModifier)
    assert board.active_column() is third and ready(third)
    for text in ("Praktik på företagen", "Studiebesök på mejeriet", "Träffa ägarna",
                 "Mentorer från näringslivet", "Sommarjobb för unga", "Lärlingsplatser"):
        capture(third, text)
    press(third.input, K.Key_Up)
    press(third.input, K.Key_Tab)  # Tab acts on the chosen wish, not only the last one
    press(third.input, K.Key_Up, M.NoModifier)
    press(third.input, K.Key_Up)
    press(third.input, K.Key_Tab)  # "Träffa ägarna" under "Studiebesök på mejeriet"
    expected_third = [(0, "Praktik på företagen"), (0, "Studiebesök på mejeriet"),
                      (1, "Träffa ägarna"), (0, "Mentorer från näringslivet"),
                      (1, "Sommarjobb för unga"), (0, "Lärlingsplatser")]
    assert db(store, group_ids[2]) == shown(third) == expected_third and ready(third)
    assert sum(len(db(store, g)) for g in group_ids) == 20
    # A refused nesting (the first of a level) says so quietly: no dialog, no history.
    press(third.input, K.Key_Up)
    press(third.input, K.Key_Up)
    steps = board.editor.stack.count()
    press(third.input, K.Key_Tab)
    assert board.refusals == [] and board.editor.stack.count() == steps
    assert board.hint_label.text() and ready(third)
    # Each wish was its own undo step; Ctrl+Z in the empty line takes back the last one.
    press(third.input, K.Key_Z, M.ControlModifier)
    assert (1, "Träffa ägarna") not in db(store, group_ids[2])


def test_focus_and_cursor_survive_a_change_from_elsewhere(qtbot, store, board, group_ids):
    first, second, _ = board.columns
    capture(first, "Fler bänkar vid ån")
    capture(first, "Belysning vid bron")
    type_text(first.input, "Mär")
    first.input.setCursorPosition(1)
    # Someone else (the projector, another tab, an import) changes the same group.
    other = wishes.add_wish(store, group_ids[0], "Från ett annat fönster", index=0)
    wishes.set_votes(store, other, 4)
    wishes.add_wish(store, group_ids[1], "Sång på ängen")
    qtbot.waitUntil(lambda: shown(second) == [(0, "Sång på ängen")])
    assert shown(first) == [(0, "Från ett annat fönster"), (0, "Fler bänkar vid ån"),
                            (0, "Belysning vid bron")]
    assert first.input.hasFocus() and first.input.text() == "Mär"
    assert first.input.cursorPosition() == 1
    assert first.current_info().text == "Belysning vid bron"  # the selection stayed too
    assert first.model.find(other).votes == 4
    press(first.input, K.Key_End)
    type_text(first.input, "ta bättre")
    press(first.input, K.Key_Return)
    assert db(store, group_ids[0])[-1] == (0, "Märta bättre") and ready(first)


def test_pasting_a_bulleted_list_adds_nested_wishes_in_one_undo_step(qtbot, store, board,
                                                                    group_ids):
    first = board.columns[0]
    capture(first, "Trygghet")
    capture(first, "Sist")
    press(first.input, K.Key_Up)  # paste after "Trygghet"
    QGuiApplication.clipboard().setText(
        "Önskemål från gruppen:\r\n"
        "• Fler vuxna ute på kvällarna\r\n"
        "\to\tNattvandring\r\n"
        "\r\n"
        "•\tÄngen ska vara öppen\r\n"
        "- Gångväg runt sjön\r\n"
        "  - Med bänkar\r\n")
    press(first.input, K.Key_V, M.ControlModifier)
    expected = [(0, "Trygghet"), (0, "Önskemål från gruppen:"),
                (1, "Fler vuxna ute på kvällarna"), (2, "Nattvandring"),
                (1, "Ängen ska vara öppen"), (2, "Gångväg runt sjön"), (3, "Med bänkar"),
                (0, "Sist")]
    assert db(store, group_ids[0]) == shown(first) == expected
    assert first.input.hasFocus() and first.input.text() == ""
    assert first.current_info().text == "Med bänkar"
    press(first.input, K.Key_Z, M.ControlModifier)
    assert db(store, group_ids[0]) == shown(first) == [(0, "Trygghet"), (0, "Sist")]
    press(first.input, K.Key_Y, M.ControlModifier)
    assert db(store, group_ids[0]) == shown(first) == expected
    # One line is ordinary text for the capture line.
    QGuiApplication.clipboard().setText("Bara en rad")
    press(first.input, K.Key_V, M.ControlModifier)
    assert first.input.text() == "Bara en rad" and len(db(store, group_ids[0])) == 8


def test_reorder_edit_delete_undo_redo(qtbot, store, board, group_ids):
    first = board.columns[0]
    for text in ("Ån", "Ängen", "Ön"):
        capture(first, text)
    capture(first, "Öns brygga", K.Key_Tab)
    # "Ön" (with its sub-point) moves up twice, then down once.
    press(first.input, K.Key_Up)
    press(first.input, K.Key_Up, M.AltModifier)
    press(first.input, K.Key_Up, M.AltModifier)
    press(first.input, K.Key_Up, M.AltModifier)  # already first: nothing happens
    assert db(store, group_ids[0]) == shown(first) == [
        (0, "Ön"), (1, "Öns brygga"), (0, "Ån"), (0, "Ängen")]
    press(first.input, K.Key_Down, M.AltModifier)
    assert db(store, group_ids[0]) == shown(first) == [
        (0, "Ån"), (0, "Ön"), (1, "Öns brygga"), (0, "Ängen")]
    assert first.current_info().text == "Ön" and first.input.hasFocus()

    # F2 edits in place; Enter saves; the capture line gets the keyboard back.
    press(first.input, K.Key_F2)
    editor = first.list.findChild(QLineEdit, "wishEditor")
    qtbot.waitUntil(lambda: editor is not None and editor.hasFocus())
    assert editor.text() == "Ön"
    editor.selectAll()
    type_text(editor, "Ön i sjön, även på vintern")
    press(editor, K.Key_Return)
    qtbot.waitUntil(first.input.hasFocus)
    assert db(store, group_ids[0])[1] == (1 - 1, "Ön i sjön, även på vintern")
    assert shown(first)[1] == (0, "Ön i sjön, även på vintern")

    # Del on the empty line deletes the chosen wish with its sub-point; undo and redo.
    press(first.input, K.Key_Delete)
    assert db(store, group_ids[0]) == shown(first) == [(0, "Ån"), (0, "Ängen")]
    assert first.current_info().text == "Ängen" and ready(first)
    board.editor.stack.undo()
    settle(qtbot)
    restored = [(0, "Ån"), (0, "Ön i sjön, även på vintern"), (1, "Öns brygga"), (0, "Ängen")]
    assert db(store, group_ids[0]) == shown(first) == restored
    press(first.input, K.Key_Y, M.ControlModifier)
    assert db(store, group_ids[0]) == shown(first) == [(0, "Ån"), (0, "Ängen")]
    press(first.input, K.Key_Z, M.ControlModifier)
    assert db(store, group_ids[0]) == shown(first) == restored and ready(first)
    # Del with text in the line deletes a character, never a wish.
    type_text(first.input, "Åsa")
    press(first.input, K.Key_Home)
    press(first.input, K.Key_Delete)
    assert first.input.text() == "sa" and len(db(store, group_ids[0])) == 4


def _click_vote(column: WishColumn, text: str, which: str) -> None:
    row = [t for _d, t in shown(column)].index(text)
    rect = column.list.visualRect(column.model.index(row))
    minus, count, plus = column.delegate.vote_rects(rect)
    target = {"-": minus, "+": plus, "count": count}[which]
    QTest.mouseClick(column.list.viewport(), Qt.MouseButton.LeftButton, M.NoModifier,
                     target.center())


def test_votes_with_plus_minus_keys_and_clicks(qtbot, store, board, group_ids):
    first = board.columns[0]
    for text in ("Bänkar", "Bryggan", "Bastun"):
        capture(first, text)
    row = first.model.row_of(wishes.list_wishes(store, group_ids[0])[1].id)
    QTest.mouseClick(first.list.viewport(), Qt.MouseButton.LeftButton, M.NoModifier,
                     first.list.visualRect(first.model.index(row)).center() - QPoint(60, 0))
    assert first.current_info().text == "Bryggan"
    for key in (K.Key_Plus, K.Key_Plus, K.Key_Plus, K.Key_Minus):
        press(first.list, key)
    assert votes(store, group_ids[0]) == {"Bänkar": 0, "Bryggan": 2, "Bastun": 0}
    assert first.model.find(first.current_id()).votes == 2
    # The rapid presses on one wish are one undo step.
    board.editor.stack.undo()
    assert votes(store, group_ids[0])["Bryggan"] == 0
    board.editor.stack.redo()
    assert votes(store, group_ids[0])["Bryggan"] == 2
    # Votes never go below 0; typing a letter in the list goes to the capture line.
    press(first.list, K.Key_Minus)
    press(first.list, K.Key_Minus)
    press(first.list, K.Key_Minus)
    assert votes(store, group_ids[0])["Bryggan"] == 0
    type_text(first.list, "Å")
    assert first.input.hasFocus() and first.input.text() == "Å"
    first.input.setText("")
    # Ctrl++ from the capture line, and clicks on + / − / the count.
    press(first.input, K.Key_Plus, M.ControlModifier)
    _click_vote(first, "Bryggan", "+")
    _click_vote(first, "Bryggan", "count")
    _click_vote(first, "Bryggan", "-")
    assert votes(store, group_ids[0])["Bryggan"] == 2
    settle(qtbot)
    assert first.model.find(first.current_id()).votes == 2
    assert first.model.max_votes == 2


def test_tally_mode_walks_every_group_and_takes_typed_counts(qtbot, store, board, group_ids):
    first, second, third = board.columns
    capture(first, "Bänkar vid ån")
    capture(first, "Vid skolan", K.Key_Tab)
    capture(second, "Kulturnatt")
    capture(third, "Praktik på företagen")
    capture(third, "Sommarjobb")
    board.tally_toggle.click()  # from the first wish of the first group, whatever is chosen
    tally = board.tally_bar.input
    qtbot.waitUntil(tally.hasFocus)
    assert board.tally_bar.wish.text() == "Bänkar vid ån"
    for count in ("12", "3", "", "7"):  # empty: skip, keeps the count
        tally.selectAll()
        type_text(tally, count)
        press(tally, K.Key_Return)
    assert board.tally_bar.wish.text() == "Sommarjobb"
    assert board.active_column() is third
    press(tally, K.Key_Up)  # back without saving
    assert board.tally_bar.wish.text() == "Praktik på företagen"
    assert tally.text() == "7"
    press(tally, K.Key_Down)
    tally.selectAll()
    type_text(tally, "x5")  # only digits are taken
    press(tally, K.Key_Return)
    assert not board.tally_toggle.isChecked()  # the last wish: the walk ends
    assert votes(store, group_ids[0]) == {"Bänkar vid ån": 12, "Vid skolan": 3}
    assert votes(store, group_ids[1]) == {"Kulturnatt": 0}
    assert votes(store, group_ids[2]) == {"Praktik på företagen": 7, "Sommarjobb": 5}
    assert [v for _d, _t, v in third.shown_texts()] == [7, 5]
    assert third.input.hasFocus()
    # Esc leaves the mode at once.
    board.tally_toggle.click()
    qtbot.waitUntil(tally.hasFocus)
    press(tally, K.Key_Escape)
    assert not board.tally_toggle.isChecked() and board.tally_bar.isHidden()


def test_reset_votes_undo_and_sort_by_votes(qtbot, store, board, group_ids):
    first, second, _ = board.columns
    ids = {}
    for text, count in (("Ån", 1), ("Ängen", 5), ("Ön", 3)):
        capture(first, text)
        ids[text] = first.current_id()
        wishes.set_votes(store, ids[text], count)
    capture(first, "Öns brygga", K.Key_Tab)
    capture(first, "Öns bastu")
    wishes.set_votes(store, first.current_id(), 2)
    capture(second, "Kulturnatt")
    wishes.set_votes(store, second.current_id(), 9)
    settle(qtbot)
    stored = [(0, "Ån"), (0, "Ängen"), (0, "Ön"), (1, "Öns brygga"), (1, "Öns bastu")]
    board.sort_toggle.click()
    assert shown(first) == [(0, "Ängen"), (0, "Ön"), (1, "Öns bastu"), (1, "Öns brygga"),
                            (0, "Ån")]
    assert db(store, group_ids[0]) == stored  # sorting is for the eyes only
    assert first.model.max_votes == 9 and first.input.hasFocus()
    # Moving is refused while sorted, quietly.
    press(first.input, K.Key_Up, M.AltModifier)
    assert db(store, group_ids[0]) == stored and board.refusals == []
    board.reset_button.click()
    assert set(votes(store, group_ids[0]).values()) == {0}
    assert votes(store, group_ids[1]) == {"Kulturnatt": 0}
    assert shown(first) == stored  # equal votes: the stored order (a stable sort)
    assert first.model.max_votes == 0 and first.input.hasFocus()
    press(first.input, K.Key_Z, M.ControlModifier)
    assert votes(store, group_ids[0]) == {"Ån": 1, "Ängen": 5, "Ön": 3, "Öns brygga": 0,
                                          "Öns bastu": 2}
    assert votes(store, group_ids[1]) == {"Kulturnatt": 9}
    assert shown(first)[0] == (0, "Ängen")
    board.sort_toggle.click()
    assert shown(first) == stored


def test_one_group_full_width_and_the_current_changed_signal(qtbot, store, board, group_ids):
    first, second, third = board.columns
    seen: list[tuple[str, str]] = []
    board.current_changed.connect(lambda g, w: seen.append((g, w)))
    capture(first, "Bänkar")
    assert seen[-1] == (group_ids[0], first.current_id())
    board.layout_toggle.click()
    assert first.isVisible() and not second.isVisible() and not third.isVisible()
    qtbot.waitUntil(lambda: first.width() > 900)
    press(first.input, K.Key_3, M.ControlModifier)
    assert third.isVisible() and not first.isVisible() and third.input.hasFocus()
    assert seen[-1] == (group_ids[2], "")
    press(third.input, K.Key_Left, M.ControlModifier)
    assert second.isVisible() and seen[-1] == (group_ids[1], "")
    board.layout_toggle.click()
    assert all(c.isVisible() for c in board.columns)


def test_the_board_keeps_its_keys_inside_a_window_with_the_same_shortcuts(qtbot, store,
                                                                          workshop, swedish,
                                                                          group_ids):
    """The main window has F2, Del and Ctrl+Z actions; in the board the board acts."""
    host = QMainWindow()
    qtbot.addWidget(host)
    board = WishBoardView(store, Editor(QUndoStack(host)))
    board.set_workshop(workshop)
    fired: list[str] = []
    for keys in ("F2", "Del", "Ctrl+Z", "Ctrl+1", "Alt+Up"):
        action = QAction(keys, host)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False, k=keys: fired.append(k))
        host.addAction(action)
    host.setCentralWidget(board)
    host.resize(1200, 700)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    first = board.columns[0]
    first.input.setFocus()
    qtbot.waitUntil(first.input.hasFocus)
    capture(first, "Ån")
    capture(first, "Ängen")
    press(first.input, K.Key_Up, M.AltModifier)
    press(first.input, K.Key_Delete)
    assert db(store, group_ids[0]) == [(0, "Ån")]
    press(first.input, K.Key_Z, M.ControlModifier)
    assert db(store, group_ids[0]) == [(0, "Ängen"), (0, "Ån")]
    press(first.input, K.Key_1, M.ControlModifier)
    assert fired == [] and first.input.hasFocus()
