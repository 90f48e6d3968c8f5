"""Two facilitators on the organisation's server (#15): what one writes appears in the
other's open wish board within 2 s, and the one typing keeps the focus."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from facilitator.events import ChangeBus
from facilitator.services import groups, projects, wishes, workshops
from facilitator.ui.commands import Editor
from facilitator.ui.views.wish_board import WishBoardView
from tests.gui.keyboard import press, type_text


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    gc.collect()



def test_a_colleagues_wish_appears_in_my_open_board(qtbot, colleagues, swedish) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = colleagues
    project = projects.create_project(mine, "Ängsö framåt")
    workshop = workshops.create_workshop(mine, project, "Kväll i bygdegården")
    group = groups.create_group(mine, workshop, name="Hamnen")
    view = WishBoardView(mine, Editor(QUndoStack()))
    view.bus = ChangeBus(mine)  # type: ignore[attr-defined]
    view.bus.changed.connect(view.on_changed)  # type: ignore[attr-defined]
    mine.listen_for_others()
    qtbot.addWidget(view)
    view.set_workshop(workshop)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    column = view.columns[0]
    column.input.setFocus()
    type_text(column.input, "Ny brygga vid Ängsö")
    press(column.input, Qt.Key.Key_Return)

    wishes.add_wish(theirs, group, "Bättre belysning på bryggan")  # on another computer
    qtbot.waitUntil(lambda: [t for _d, t, _v in column.shown_texts()] == [
        "Ny brygga vid Ängsö", "Bättre belysning på bryggan"], timeout=2000)
    assert column.input.hasFocus()  # the colleague's wish did not take my cursor
    assert [w.text for w in wishes.list_wishes(theirs, group)] == [
        "Ny brygga vid Ängsö", "Bättre belysning på bryggan"]
