"""A refusal in the window is said in the window's language (the services raise English
source text; the window's translators translate it where it is shown)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QMessageBox

from facilitator import messages
from facilitator.app import configure_application, install_translations
from facilitator.events import ChangeBus
from facilitator.services import projects, workshops
from facilitator.settings import Settings
from facilitator.ui.main_window import MainWindow
from tests.gui.keyboard import press
from tests.gui.modal import when_shown


@pytest.fixture(params=["en", "sv"])
def window(request, qtbot, qapp, store, db_path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    configure_application(qapp)
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
    installed = install_translations(qapp, request.param)
    messages.use_language(None)  # only the window's own translators
    project = projects.create_project(store, "Lillsjö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    window = MainWindow(store, ChangeBus(store), Settings(), db_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.navigator.reload()
    window.open_workshop(workshop)
    window.language = request.param  # type: ignore[attr-defined]
    yield window
    for translator in installed:
        qapp.removeTranslator(translator)


def _refusal_after(qtbot, act) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, str]] = []

    def read(box: QMessageBox) -> None:
        shown.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()

    when_shown(QMessageBox, read)
    act()
    qtbot.waitUntil(lambda: bool(shown))
    return shown[0]


def test_an_empty_title_is_refused_in_the_window_language(qtbot, window):
    title = window.facts.lines["title"]

    def empty_the_title() -> None:
        title.setFocus()
        title.selectAll()
        press(title, Qt.Key.Key_Delete)
        press(title, Qt.Key.Key_Return)

    refusal = _refusal_after(qtbot, empty_the_title)
    if window.language == "en":
        assert refusal == ("Could not be done", "The title must not be empty.")
    else:
        assert refusal == ("Det gick inte", "Titeln får inte vara tomt.")


def test_a_refused_undo_is_explained_in_the_window_language(qtbot, window, store):
    venue = window.facts.lines["venue"]
    venue.setFocus()
    venue.setText("Bygdegården")
    press(venue, Qt.Key.Key_Return)
    assert workshops.get_facts(store, window.workshop_id).venue == "Bygdegården"
    with store.engine.connect() as connection:
        connection.connection.driver_connection.execute("PRAGMA query_only = ON")
    try:
        _title, text = _refusal_after(qtbot, window.undo_action.trigger)
    finally:
        with store.engine.connect() as connection:
            connection.connection.driver_connection.execute("PRAGMA query_only = OFF")
    if window.language == "en":
        assert text == ("Could not undo ”Change venue”: The database is read-only: the change "
                        "could not be saved.")
    else:
        assert text == ("Kunde inte ångra ”Ändra plats”: Databasen är skrivskyddad: ändringen "
                        "kunde inte sparas.")
    assert workshops.get_facts(store, window.workshop_id).venue == "Bygdegården"
