"""A whole evening by keyboard alone, as a facilitator with one hand on a borrowed laptop.

No mouse call, and after the window is up the test never moves the focus itself: every
key lands where the keyboard is (``QApplication.focusWidget()``), dialogs included.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.services import choices, focus_areas, groups, people, projects, wishes
from facilitator.services import workshops as ws
from facilitator.store.models import AttendanceStatus
from tests.gui.conftest import when_modal
from tests.gui.keyboard import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

K = Qt.Key
M = Qt.KeyboardModifier
NAMES = ("Åsa Öberg", "Göran Ärlig", "Märta Ek", "Örjan Nyström", "Linnéa Håkansson",
         "Björn Sjödin", "Karin Älvsjö", "Pär Lövgren", "Ingrid Östlund", "Sören Backe",
         "Elin Åström", "Tove Mörk")
WALK_IN = "Östen Ågren"
AREAS = ("Skola och förskola", "Vägar och busstrafik", "Föreningsliv", "Turism och sjön",
         "Bredband och el", "Boende för äldre")
# (depth, text) per group: 25 wishes, nested two levels.
WISHES = (
    ((0, "Fler bussturer på kvällarna"), (1, "Sista bussen efter 22"), (2, "Även lördagar"),
     (0, "Säker cykelväg till skolan"), (1, "Belysning längs åsen"), (0, "Läxhjälp i byn"),
     (1, "På biblioteket"), (2, "Två dagar i veckan"), (0, "Fritids som är öppet längre")),
    ((0, "En gemensam föreningskalender"), (1, "Någon som håller den uppdaterad"),
     (2, "Tryckt version på affären"), (0, "Bryggan vid sjön lagas"), (1, "Före midsommar"),
     (0, "Fler bänkar längs stigen"), (0, "Skyltar till badplatsen"), (1, "På engelska")),
    ((0, "Fiber till de sista gårdarna"), (1, "Samla grannar i en förening"),
     (2, "Kommunen informerar"), (0, "Trygghetsboende i byn"), (1, "Nära affären"),
     (0, "Mötesplats för äldre"), (1, "Öppet på dagtid"), (0, "Reservkraft vid storm")),
)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard must always be somewhere"
    return widget


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = M.NoModifier) -> None:
    QTest.keyClick(focused(), k, modifier)


def write(text: str) -> None:
    type_text(focused(), text)


def tab_to(name: str, limit: int = 40) -> None:
    """Press Tab until the field called ``name`` has the keyboard, as a user looking at it."""
    for _ in range(limit):
        if focused().objectName() == name:
            return
        key(K.Key_Tab)
    raise AssertionError(f"Tab never reached {name}; stuck at {focused()!r}")


def arrive(qtbot, dialog: QWidget) -> None:  # type: ignore[no-untyped-def]
    """What the window system does when a dialog opens: it gets the keyboard."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is dialog)


def back_to(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """What the window system does when a dialog closes: the window has the keyboard again."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is window)


def answer(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into the next dialog's field that has the keyboard, then Enter."""

    def act(dialog: QWidget) -> None:
        arrive(qtbot, dialog)
        write(text)
        key(K.Key_Return)

    when_modal(qtbot, act)


def test_a_whole_evening_by_keyboard_only(qtbot, make_window, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # Before: a project and a workshop with its times.
    answer(qtbot, "Lillsjö framåt")
    key(K.Key_N, M.ControlModifier | M.ShiftModifier)
    qtbot.waitUntil(lambda: len(projects.list_projects(store)) == 1)
    back_to(qtbot, window)
    answer(qtbot, "Vårkväll i bygdegården")
    key(K.Key_N, M.ControlModifier)
    qtbot.waitUntil(lambda: window.workshop_id is not None)
    workshop_id = window.workshop_id
    back_to(qtbot, window)
    key(K.Key_1, M.AltModifier)
    tab_to(window.facts.start_time.objectName())
    for ch in "1830":
        key(getattr(K, f"Key_{ch}"))
    key(K.Key_Tab)
    for ch in "2100":
        key(getattr(K, f"Key_{ch}"))
    key(K.Key_Tab)
    facts = ws.get_facts(store, workshop_id)
    assert (facts.start_time, facts.end_time) == (dt.time(18, 30), dt.time(21))

    # Six focus areas, each added and named from the keyboard.
    key(K.Key_3, M.AltModifier)
    for name in AREAS:
        tab_to("addFocusArea")
        key(K.Key_Space)
        assert focused() is window.focus_areas.name
        write(name)
        key(K.Key_Return)
    project_id = ws.project_of(store, workshop_id)
    assert [a.name for a in focus_areas.list_focus_areas(store, project_id)] == list(AREAS)

    # Twelve people registered (Ins), all checked in (Ctrl+A, Ctrl+Enter), one walk-in.
    key(K.Key_4, M.AltModifier)
    page = window.people
    for name in NAMES:
        answer(qtbot, name)
        key(K.Key_Insert)
        back_to(qtbot, window)
        qtbot.waitUntil(lambda n=name: any(p.name == n for p in people.list_people(store)))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.register)
    key(K.Key_A, M.ControlModifier)
    key(K.Key_Return, M.ControlModifier)
    key(K.Key_4, M.AltModifier)  # the page's first field: the name at the door
    assert focused() is page.walk_in
    write(WALK_IN)
    key(K.Key_Return)
    here = {a.name: a.status for a in people.list_attendance(store, workshop_id)}
    assert set(here) == {*NAMES, WALK_IN}
    assert set(here.values()) == {AttendanceStatus.ATTENDED}

    # Each person chooses a focus area: arrows and Space in the grid.
    key(K.Key_5, M.AltModifier)
    tab_to("choicesGrid")
    for row in range(len(NAMES) + 1):
        column = row % len(AREAS)
        for _ in range(column):
            key(K.Key_Right)
        key(K.Key_Space)
        for _ in range(column):
            key(K.Key_Left)
        key(K.Key_Down)
    chosen = choices.list_choices(store, workshop_id)
    assert len(chosen) == len(NAMES) + 1 and all(len(c) == 1 for c in chosen.values())

    # Three groups proposed.
    key(K.Key_6, M.AltModifier)
    tab_to("proposeGroups")
    key(K.Key_Space)
    made = groups.list_groups(store, workshop_id)
    assert len(made) == 3

    # 25 wishes nested two levels, captured group by group; votes on some.
    key(K.Key_7, M.AltModifier)
    board = window.wish_board
    qtbot.waitUntil(lambda: len(board.columns) == 3
                    and QApplication.focusWidget() is board.columns[0].input)
    for number, group_wishes in enumerate(WISHES, start=1):
        key(getattr(K, f"Key_{number}"), M.ControlModifier)
        column = board.columns[number - 1]
        assert focused() is column.input
        depth = 0
        for wanted, text in group_wishes:
            write(text)
            key(K.Key_Return)
            while depth < wanted:
                key(K.Key_Tab)
                depth += 1
            while depth > wanted:
                key(K.Key_Tab, M.ShiftModifier)
                depth -= 1
        for _ in range(number + 1):  # votes for the last wish of the group
            key(K.Key_Plus, M.ControlModifier)
    captured = [(w.depth, w.text) for g in made for w in wishes.list_wishes(store, g.id)]
    assert len(captured) == 25
    assert captured == [pair for group in WISHES for pair in group]
    voted = {w.text: w.votes for g in made for w in wishes.list_wishes(store, g.id) if w.votes}
    assert voted == {"Fritids som är öppet längre": 2, "På engelska": 3,
                     "Reservkraft vid storm": 4}

    # The timer, and the projector on all groups.
    key(K.Key_F6)
    assert window.live.timer.is_running()
    key(K.Key_F5)  # the projector shows what is worked on: from the board, all groups
    qtbot.waitUntil(lambda: window.live.projector.isVisible())
    assert window.live.projector.mode.value == "all_groups"
    assert focused() is board.columns[2].input  # capture goes on

    # After: the minutes.
    target = tmp_path / "Minnesanteckningar vårkväll.docx"

    def export(dialog: QWidget) -> None:
        arrive(qtbot, dialog)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.target)  # type: ignore[attr-defined]
        key(K.Key_A, M.ControlModifier)
        write(str(target))
        key(K.Key_Return)
        qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20_000)  # type: ignore[attr-defined]
        key(K.Key_Escape)

    when_modal(qtbot, export)
    key(K.Key_E, M.ControlModifier)
    qtbot.waitUntil(target.exists, timeout=20_000)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    for expected in ("Vårkväll i bygdegården", "Säker cykelväg till skolan", "Även lördagar",
                     "Reservkraft vid storm", "Östen Ågren", "Skola och förskola"):
        assert expected in text, expected
    window.live.timer.shutdown()
