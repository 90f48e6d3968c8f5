"""The numbered list under Dagordning and Fokusområden: it asks for moves, it keeps its row."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.ui.widgets.ordered_list import OrderedList
from tests.gui.keyboard import press


def test_alt_arrows_ask_for_a_move_and_refilling_keeps_the_current_row(qtbot):
    rows = [("a", "Inledning"), ("b", "Bakgrund och syfte"), ("c", "Sammanfattning")]
    view = OrderedList("testList", "Punkter")
    qtbot.addWidget(view)
    view.fill(rows)
    assert [view.item(i).text() for i in range(3)] == [
        "1. Inledning", "2. Bakgrund och syfte", "3. Sammanfattning"]
    asked = []
    view.move_requested.connect(lambda row_id, target: asked.append((row_id, target)))
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.select_id("c")
    press(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    press(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # already last: nothing
    assert asked == [("c", 1)]

    view.fill([rows[0], rows[2], rows[1]])  # the store's new order comes back
    assert view.current_id() == "c" and view.currentRow() == 1
    assert view.item(1).text() == "2. Sammanfattning"
