"""The main window as a facilitator meets it: Swedish menus, navigator, saved state."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from facilitator.services import projects, workshops
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text


def test_menus_are_swedish_with_shortcuts(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Arkiv", "&Redigera", "&Visa", "&Kväll", "&Hjälp"]
    assert window.export_minutes_action.text() == "Exportera &minnesanteckningar…"
    assert window.export_minutes_action.shortcut().toString() == "Ctrl+E"
    assert window.new_workshop_action.shortcut().toString() == "Ctrl+N"


def test_navigator_lists_workshops_newest_first(store, make_window):
    pid = projects.create_project(store, "Lillsjö bygdeprojekt")
    workshops.create_workshop(store, pid, "Första mötet", date="2026-03-01")
    workshops.create_workshop(store, pid, "Höstmötet", date="2026-10-01")
    window = make_window()
    project_item = window.navigator.topLevelItem(0)
    assert project_item.text(0) == "Lillsjö bygdeprojekt"
    assert [project_item.child(i).text(0) for i in range(project_item.childCount())] == [
        "Höstmötet", "Första mötet"]


def test_new_project_and_workshop_typed_in_swedish(qtbot, store, window):
    def fill(text):
        def act(dialog):
            editor = dialog.findChild(QLineEdit)
            type_text(editor, text)
            press(editor, Qt.Key.Key_Return)
        return act

    when_modal(qtbot, fill("Ängsö framtidsdialog"))
    window.new_project_action.trigger()
    assert [p.name for p in projects.list_projects(store)] == ["Ängsö framtidsdialog"]

    when_modal(qtbot, fill("Kväll i bygdegården"))
    window.new_workshop_action.trigger()
    (project,) = projects.list_projects(store)
    assert [w.title for w in project.workshops] == ["Kväll i bygdegården"]
    assert project.workshops[0].date == dt.date.today()
    assert window.facts.lines["title"].text() == "Kväll i bygdegården"
    assert re.fullmatch(r"Sparat \d\d:\d\d", window.saved_label.text())


def test_empty_title_is_refused_with_a_message_and_nothing_stored(qtbot, store, window):
    pid = projects.create_project(store, "Åby")
    window.navigator.reload()
    window.navigator.select_id(pid)
    messages = []

    def empty_title(dialog):
        press(dialog.findChild(QLineEdit), Qt.Key.Key_Return)
        when_modal(qtbot, lambda box: (messages.append(box.text()), box.accept()))

    when_modal(qtbot, empty_title)
    window.new_workshop_action.trigger()
    assert messages == ["Titeln får inte vara tomt."]
    assert projects.list_projects(store)[0].workshops == ()


def test_last_workshop_reopens_and_splitter_is_remembered(qtbot, store, make_window):
    pid = projects.create_project(store, "Öjeby")
    wid = workshops.create_workshop(store, pid, "Vårträff på Öjeby skola")
    first = make_window()
    first.open_workshop(wid)
    first.resize(760, 560)  # inside the offscreen screen (800×600), so geometry restores as is
    first.splitter.setSizes([200, 560])
    navigator_width = first.splitter.sizes()[0]
    first.agenda.splitter.setSizes([150, 400])
    first.history_dock.show()
    agenda_list_width = first.agenda.splitter.sizes()[0]
    first.close()

    second = make_window()
    assert second.workshop_id == wid
    assert second.facts.lines["title"].text() == "Vårträff på Öjeby skola"
    assert second.size() == first.size()
    assert second.splitter.sizes()[0] == navigator_width
    assert second.agenda.splitter.sizes()[0] == agenda_list_width
    assert second.history_dock.isVisible()


def test_menu_dialogs_open_over_the_window(qtbot, store, window):
    from PySide6.QtWidgets import QDialog

    pid = projects.create_project(store, "Åby")
    wid = workshops.create_workshop(store, pid, "Möte i Åby")
    window.navigator.reload()
    window.open_workshop(wid)
    seen = []

    def close(dialog):
        seen.append((dialog.objectName(), dialog.parent() is window))
        dialog.reject()

    for action in (window.trash_action, window.export_minutes_action, window.settings_action,
                   window.find_action):
        when_modal(qtbot, close)
        action.trigger()
        assert isinstance(QApplication.activeModalWidget(), QDialog) is False
    assert seen == [("trashDialog", True), ("exportMinutesDialog", True),
                    ("settingsDialog", True), ("searchDialog", True)]


def test_a_fresh_start_shows_where_to_begin(window):
    # Only the tab on show is built at start, and it is built (not left blank).
    assert [type(page).__name__ for page in window.tabs.pages()] == ["FactsView"]
    assert window.current_page() is window.facts
    assert window.facts.empty.isVisible()
    assert "Arkiv → Ny workshop" in window.facts.empty.text()


class _Screen:
    def __init__(self, width: int, height: int) -> None:
        from PySide6.QtCore import QRect

        self._free = QRect(0, 0, width, height)

    def availableGeometry(self):  # type: ignore[no-untyped-def]  # noqa: N802
        return self._free


@pytest.mark.parametrize(("screen", "maximised", "size"), [
    ((1366, 728), True, None), ((2560, 1400), False, (2176, 1190)), ((800, 600), False, None)])
def test_the_first_start_fills_a_laptop_screen(qtbot, store, db_path, swedish, monkeypatch,
                                               screen, maximised, size) -> None:  # type: ignore[no-untyped-def]
    from facilitator.events import ChangeBus
    from facilitator.settings import Settings
    from facilitator.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "screen", lambda self: _Screen(*screen))
    window = MainWindow(store, ChangeBus(store), Settings(), db_path)
    qtbot.addWidget(window)
    assert bool(window.windowState() & Qt.WindowState.WindowMaximized) is maximised
    if size is not None:
        assert (window.width(), window.height()) == size
    elif not maximised:
        assert (window.width(), window.height()) == (1100, 720)
