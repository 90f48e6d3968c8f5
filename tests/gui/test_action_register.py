"""Åtgärder → "Alla projekt" and "Exportera till Excel…", by keyboard, with the real chooser."""

from __future__ import annotations

import datetime as dt

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator import settings as opts
from facilitator.services import actions, focus_areas, projects, workshops
from facilitator.settings import Settings
from facilitator.store.models import ActionStatus
from facilitator.ui.models.actions_model import Column
from facilitator.ui.views.actions_view import ALL_SCOPE
from tests.gui.keyboard import press, type_text
from tests.gui.modal import answer_box, choose_file

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def _projects(store) -> str:  # type: ignore[no-untyped-def]
    """Two projects; the overdue actions are in the project not opened. Returns the opened
    workshop."""
    lillsjö = projects.create_project(store, "Lillsjö bygdeprojekt")
    spring = workshops.create_workshop(store, lillsjö, "Vårmötet i bygdegården",
                                       date="2026-03-12")
    actions.add_action(store, "Söka bidrag för scenen", workshop_id=spring,
                       due_date=TODAY + 10 * DAY)
    actions.add_action(store, "Måla om logen", workshop_id=spring,
                       status=ActionStatus.DONE)
    älvby = projects.create_project(store, "Älvbyns framtid")
    evening = workshops.create_workshop(store, älvby, "Kväll på Älvgården", date="2026-05-04")
    roads = focus_areas.add_focus_area(store, älvby, "Vägar och gång")
    actions.add_action(store, "Laga bryggan vid ån", workshop_id=evening,
                       due_date=TODAY - 3 * DAY)
    actions.add_action(store, "Belysning längs gångvägen", focus_area_id=roads,
                       due_date=TODAY - 30 * DAY, status=ActionStatus.IN_PROGRESS)
    return spring


def _open_actions_page(qtbot, window, workshop_id):  # type: ignore[no-untyped-def]
    window.open_workshop(workshop_id)
    page = window.actions_view
    window.show_page(page)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return page


def _shown(page, column: int = Column.TEXT) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def test_all_projects_by_keyboard_overdue_first_and_export(qtbot, store, make_window,
                                                           tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _open_actions_page(qtbot, make_window(), _projects(store))
    assert _shown(page) == ["Söka bidrag för scenen", "Måla om logen"]

    page.filter_edit.setFocus()
    press(page.filter_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.status_filter
    press(page.status_filter, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.scope
    press(page.scope, Qt.Key.Key_End)  # the last choice: "Alla projekt"
    assert page.scope.currentData() == ALL_SCOPE

    # open and in progress only, overdue first (oldest due first), from both projects
    assert page.status_filter.currentData() == "not_done"
    assert _shown(page) == ["Belysning längs gångvägen", "Laga bryggan vid ån",
                            "Söka bidrag för scenen"]
    assert _shown(page, Column.OWNER) == [
        "Älvbyns framtid · Fokusområde: Vägar och gång",
        "Älvbyns framtid · Kväll på Älvgården",
        "Lillsjö bygdeprojekt · Vårmötet i bygdegården"]
    assert "försenad" in _shown(page, Column.DUE)[0]

    press(page.scope, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.export_button
    target = tmp_path / "uppföljning åtgärder.xlsx"
    choose_file(target)
    press(page.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(target.exists, timeout=20_000)

    sheet = openpyxl.load_workbook(target)["Åtgärder"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["Projekt", "Workshop", "Fokusområde", "Åtgärd"]
    assert [r[3] for r in rows[1:]] == ["Belysning längs gångvägen", "Laga bryggan vid ån",
                                        "Söka bidrag för scenen"]
    assert [r[6] for r in rows[1:]] == ["Pågår", "Öppen", "Öppen"]
    assert [r[7] for r in rows[1:]] == ["ja", "ja", "nej"]
    assert sheet.cell(2, 6).value.date() == TODAY - 30 * DAY
    assert Settings().get(opts.MINUTES_FOLDER) == str(tmp_path)
    assert str(target) in page.window().statusBar().currentMessage()


def test_the_shortcut_exports_what_the_filter_shows(qtbot, store, make_window,
                                                    tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _open_actions_page(qtbot, make_window(), _projects(store))
    page.scope.setCurrentIndex(page.scope.findData(ALL_SCOPE))
    page.status_filter.setCurrentIndex(page.status_filter.findData("all"))
    page.filter_edit.setFocus()
    type_text(page.filter_edit, "älvbyns")  # the project, found in the owner column
    assert _shown(page) == ["Belysning längs gångvägen", "Laga bryggan vid ån"]
    target = tmp_path / "urval"
    choose_file(target)
    press(page.filter_edit, Qt.Key.Key_X,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    written = tmp_path / "urval.xlsx"
    qtbot.waitUntil(written.exists, timeout=20_000)
    sheet = openpyxl.load_workbook(written)["Åtgärder"]
    assert [c.value for c in sheet["A"]][1:] == ["Älvbyns framtid", "Älvbyns framtid"]
    assert [c.value for c in sheet["D"]][1:] == ["Belysning längs gångvägen",
                                                 "Laga bryggan vid ån"]
    assert [c.value for c in sheet["G"]][1:] == ["Pågår", "Öppen"]


def test_a_refused_write_says_why_and_leaves_no_file(qtbot, store, make_window,
                                                     tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _open_actions_page(qtbot, make_window(), _projects(store))
    seen: list[str] = []
    target = tmp_path / "finns-inte" / "åtgärder.xlsx"
    choose_file(target, then=lambda: answer_box(QMessageBox.StandardButton.Ok, seen))
    page.export_button.setFocus()
    press(page.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "finns-inte" in seen[0]
    assert not target.parent.exists() and not list(tmp_path.rglob("*.xlsx*"))


def test_editing_a_cell_in_the_register_changes_the_action(qtbot, store, make_window) -> None:  # type: ignore[no-untyped-def]
    page = _open_actions_page(qtbot, make_window(), _projects(store))
    page.scope.setCurrentIndex(page.scope.findData(ALL_SCOPE))
    index = page.proxy.index(0, Column.STATUS)
    assert index.data() == "Pågår"
    assert page.model.setData(page.proxy.mapToSource(index), str(ActionStatus.DONE))
    texts = {a.text: a.status for a in actions.list_actions(store)}
    assert texts["Belysning längs gångvägen"] == ActionStatus.DONE
    assert _shown(page)[0] == "Laga bryggan vid ån"  # done: out of the open-only register


def test_the_register_needs_no_open_workshop(qtbot, store, make_window) -> None:  # type: ignore[no-untyped-def]
    page = _open_actions_page(qtbot, make_window(), _projects(store))
    page.scope.setCurrentIndex(page.scope.findData(ALL_SCOPE))
    page.set_workshop(None)
    assert page.body.isVisible() and not page.empty.isVisible()
    assert not page.add_button.isEnabled()
    assert _shown(page)[0] == "Belysning längs gångvägen"
    page.scope.setCurrentIndex(page.scope.findData("workshop"))
    assert not page.body.isVisible() and page.empty.isVisible()
