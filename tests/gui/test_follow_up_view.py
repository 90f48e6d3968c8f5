"""Uppföljning driven by keyboard: status keys, a comment, responsibles, an action, filters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from sqlalchemy import select

from facilitator.services import actions, groups, people, projects, reviews, wishes, workshops
from facilitator.services import focus_areas as fa
from facilitator.services.responsibles import Who
from facilitator.services.reviews import ReviewEntry, ReviewState
from facilitator.store.models import Action
from facilitator.store.vocabulary import ReviewStatus, WishStatus
from facilitator.ui.models.action_delegates import ResponsiblesDialog
from facilitator.ui.models.follow_up_model import Column
from facilitator.ui.views.follow_up_view import FollowUpView
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text

M = Qt.KeyboardModifier
CALENDAR, PRINTED = "En gemensam evenemangskalender", "Tryckt på affärens tavla"
BUS, HALL, LETTER = "Tätare bussar till Ängsö", "Boka bygdegården", "Skriv till kommunen"
ORIGIN = "Vårmöte, 2026-03-12 · Kultursamverkan"
# The responsible field's completion list pops up; offscreen can neither raise it nor grab keys.
popup_ok = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                     "This plugin does not support grabbing the keyboard")


@pytest.fixture
def project(store) -> dict[str, str]:
    ids = {"project": projects.create_project(store, "Ängsö framåt")}
    ids["culture"] = fa.add_focus_area(store, ids["project"], "Kultursamverkan")
    ids["roads"] = fa.add_focus_area(store, ids["project"], "Vägar och trafik")
    ids["asa"] = people.create_person(store, "Åsa Öberg")
    ids["march"] = workshops.create_workshop(store, ids["project"], "Vårmöte", date="2026-03-12")
    culture = groups.create_group(store, ids["march"], [ids["culture"]])
    roads = groups.create_group(store, ids["march"], [ids["roads"]])
    ids["calendar"] = wishes.add_wish(store, culture, CALENDAR)
    ids["printed"] = wishes.add_wish(store, culture, PRINTED, parent_id=ids["calendar"])
    ids["bus"] = wishes.add_wish(store, roads, BUS)
    ids["hall"] = actions.add_action(store, HALL, workshop_id=ids["march"],
                                     focus_area_id=ids["roads"], due_date="2026-04-01")
    ids["letter"] = actions.add_action(store, LETTER, workshop_id=ids["march"])
    ids["june"] = workshops.create_from_earlier(store, ids["march"], "Sommarmöte",
                                                date="2026-06-10")
    return ids


@pytest.fixture
def win(qtbot, make_window, project):
    window = make_window()
    window.open_workshop(project["june"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def open_page(win) -> FollowUpView:
    QTest.keyClick(focused(), Qt.Key.Key_8, M.AltModifier)
    page = win.tabs.current_page()
    assert isinstance(page, FollowUpView)
    return page


def shown(page: FollowUpView, column: int = Column.TEXT) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def choose(page: FollowUpView, text: str, column: int = Column.TEXT) -> None:
    row = [(t or "").strip(" –") for t in shown(page)].index(text)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, column))


def state(store, project, kind: str, key: str) -> ReviewState:
    return reviews.review_state(store, project["june"], kind, project[key])


def test_the_page_lists_earlier_items_by_area_with_their_origin(qtbot, win, project):
    assert win.tabs.tabText(7) == "Uppföljning" and win.tabs.tabText(8) == "Åtgärder"
    page = open_page(win)
    assert shown(page) == ["Kultursamverkan (2)", CALENDAR, "    – " + PRINTED,
                           "Vägar och trafik (2)", BUS, HALL, "Utan fokusområde (1)", LETTER]
    assert shown(page, Column.KIND)[1:3] == ["Önskemål", "Önskemål"]
    assert shown(page, Column.KIND)[5] == "Åtgärd"
    assert shown(page, Column.ORIGIN)[1] == ORIGIN
    assert shown(page, Column.STATUS)[1] == "Öppen"
    assert shown(page, Column.DUE)[5].startswith("2026-04-01")
    assert page.table.columnSpan(0, 0) == len(Column)  # a heading spans the row
    assert "Ö öppen" in page.hint.text()
    # The list has the cursor, on the first item, ready for a status key; Down steps over
    # an area's heading.
    assert focused() is page.table and page.current_item().text == CALENDAR
    press(page.table, Qt.Key.Key_Down)
    press(page.table, Qt.Key.Key_Down)
    assert page.current_item().text == BUS
    # The tenth page has a key too.
    QTest.keyClick(focused(), Qt.Key.Key_0, M.AltModifier)
    assert win.tabs.currentIndex() == 9


def test_a_status_key_reviews_the_item_and_undo_takes_it_back(qtbot, store, win, project):
    page = open_page(win)
    choose(page, CALENDAR)
    press(page.table, Qt.Key.Key_K)
    done = state(store, project, "wish", "calendar")
    assert done.entry is not None and done.entry.status is ReviewStatus.DONE
    assert done.item_status is ReviewStatus.DONE
    # Done, but followed up here: it stays under the cursor with "Bara öppna" on.
    assert page.open_only.isChecked()
    assert page.current_item() is not None and page.current_item().id == project["calendar"]
    assert shown(page, Column.STATUS)[1] == "Klar"
    type_text(page.table, "p")
    assert state(store, project, "wish", "calendar").entry.status is ReviewStatus.IN_PROGRESS
    press(page.table, Qt.Key.Key_Z, M.ControlModifier)
    assert state(store, project, "wish", "calendar").entry.status is ReviewStatus.DONE
    press(page.table, Qt.Key.Key_Z, M.ControlModifier)
    assert state(store, project, "wish", "calendar") == ReviewState(None, ReviewStatus.OPEN)
    assert wishes.list_wishes(store, groups.list_groups(store, project["march"])[0].id)[
        0].status is WishStatus.OPEN
    qtbot.waitUntil(lambda: shown(page, Column.STATUS)[1] == "Öppen")
    # Ö on a Swedish keyboard, then Delete: no longer followed up here (undoable).
    choose(page, HALL)
    type_text(page.table, "ö")
    assert state(store, project, "action", "hall").entry.status is ReviewStatus.OPEN
    press(page.table, Qt.Key.Key_Delete)
    assert state(store, project, "action", "hall").entry is None
    press(page.table, Qt.Key.Key_Z, M.ControlModifier)
    assert state(store, project, "action", "hall").entry is not None


def test_a_comment_is_typed_in_its_cell_and_esc_cancels(qtbot, store, win, project):
    page = open_page(win)
    choose(page, BUS)
    press(page.table, Qt.Key.Key_F2)
    line = focused()
    assert isinstance(line, QLineEdit)
    type_text(line, "Kalendern är igång på Ängsö")
    press(line, Qt.Key.Key_Return)  # Qt commits on the next turn of the event loop
    qtbot.waitUntil(lambda: state(store, project, "wish", "bus").entry is not None)
    entry = state(store, project, "wish", "bus").entry
    assert entry is not None and entry.comment == "Kalendern är igång på Ängsö"
    assert entry.status is ReviewStatus.OPEN
    qtbot.waitUntil(lambda: shown(page, Column.COMMENT)[4] == "Kalendern är igång på Ängsö")
    choose(page, BUS, Column.COMMENT)
    press(page.table, Qt.Key.Key_Return)
    line = focused()
    assert isinstance(line, QLineEdit)
    type_text(line, " – ändrat")
    press(line, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: focused() is page.table)
    assert page.table.state() != page.table.State.EditingState
    assert state(store, project, "wish", "bus").entry.comment == "Kalendern är igång på Ängsö"
    press(page.table, Qt.Key.Key_Z, M.ControlModifier)
    assert state(store, project, "wish", "bus").entry is None  # one step


@popup_ok
def test_responsible_from_the_dialog_and_the_responsible_filter(qtbot, store, win, project):
    page = open_page(win)
    choose(page, HALL)
    seen: list[str] = []

    def steps(dialog: QWidget) -> None:
        try:
            assert isinstance(dialog, ResponsiblesDialog)
            line = dialog.editor.line_edit()
            type_text(line, "Åsa Öberg")
            press(line, Qt.Key.Key_Return)
            press(line, Qt.Key.Key_Return)  # empty field: OK
        except AssertionError as exc:
            seen.append(repr(exc))
            dialog.close()

    when_modal(qtbot, steps)
    press(page.table, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: seen or state(store, project, "action", "hall").entry is not None)
    assert seen == []
    entry = state(store, project, "action", "hall").entry
    assert entry is not None and [w.person_id for w in entry.responsibles] == [project["asa"]]
    assert shown(page, Column.RESPONSIBLE)[5] == "Åsa Öberg"
    page.responsible_filter.setFocus()
    type_text(page.responsible_filter, "åsa")
    assert shown(page) == ["Vägar och trafik (1)", HALL]


def test_an_action_is_made_from_a_wish_and_shown_on_atgarder(qtbot, store, win, project):
    page = open_page(win)
    choose(page, BUS)
    press(page.table, Qt.Key.Key_Insert)
    with store.read() as s:
        made = list(s.scalars(select(Action).where(Action.source_wish_id == project["bus"])))
    assert [(a.text, a.workshop_id, a.focus_area_id) for a in made] == [
        (BUS, project["june"], project["roads"])]
    assert "Åtgärder" in page.summary.text()
    assert shown(page, Column.KIND)[4] == "Önskemål → åtgärd"
    QTest.keyClick(focused(), Qt.Key.Key_9, M.AltModifier)
    atgarder = win.actions_view
    qtbot.waitUntil(lambda: [atgarder.proxy.index(r, 0).data()
                             for r in range(atgarder.proxy.rowCount())] == [BUS])
    win.undo_stack.undo()
    assert actions.list_actions(store, workshop_id=project["june"]) == []


def test_open_only_and_the_area_filter(qtbot, store, win, project):
    wishes.set_status(store, project["printed"], WishStatus.DONE)  # done before, not here
    page = open_page(win)
    qtbot.waitUntil(lambda: PRINTED not in " ".join(shown(page)))
    page.open_only.setFocus()
    press(page.open_only, Qt.Key.Key_Space)
    assert not page.open_only.isChecked()
    assert "    – " + PRINTED in shown(page)
    press(page.open_only, Qt.Key.Key_Space)
    page.area_filter.setFocus()
    page.area_filter.setCurrentIndex(page.area_filter.findText("Vägar och trafik"))
    assert shown(page) == ["Vägar och trafik (2)", BUS, HALL]
    page.area_filter.setCurrentIndex(page.area_filter.findText("Utan fokusområde"))
    assert shown(page) == ["Utan fokusområde (1)", LETTER]


def test_a_later_workshop_shows_the_earlier_review_in_the_history(qtbot, store, make_window,
                                                                  project):
    reviews.set_review(store, project["june"], "wish", project["calendar"], ReviewState(
        ReviewEntry(ReviewStatus.IN_PROGRESS, "Kalendern är påbörjad",
                    (Who(person_id=project["asa"]),)), ReviewStatus.IN_PROGRESS))
    september = workshops.create_from_earlier(store, project["june"], "Höstmöte",
                                              date="2026-09-17")
    window = make_window()
    window.open_workshop(september)
    page = window.follow_up
    window.show_page(page)
    row = shown(page).index(CALENDAR)
    assert page.model.index(row, Column.STATUS).data() == "Pågår"
    assert page.model.index(row, Column.RESPONSIBLE).data() == "Åsa Öberg"
    tip = page.model.index(row, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "2026-06-10 Sommarmöte: Pågår – Kalendern är påbörjad (Åsa Öberg)" in tip
    # The March workshop follows up nothing: the page says why.
    window.open_workshop(project["march"])
    assert page.empty.isVisibleTo(page) and not page.body.isVisibleTo(page)
    assert "tidigare" in page.empty.text()
