"""A main window on a fresh store, in Swedish, with settings in a temp folder."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.app import configure_application, install_translations
from facilitator.events import ChangeBus
from facilitator.settings import Settings
from facilitator.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _collect_qt_garbage(qapp: QApplication) -> Iterator[None]:
    """Each GUI test's garbage is collected when it ends, while Qt still holds what it
    made, not at a random allocation in a later test: PySide wrappers in reference
    cycles once crashed the collector there (a segfault at start-up of an unrelated test,
    depending on how many modules the run had imported)."""
    yield
    qapp.processEvents()
    gc.collect()


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[None]:
    configure_application(qapp)
    translators = install_translations(qapp, "sv")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def make_window(qtbot, store, db_path, swedish) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        window = MainWindow(store, ChangeBus(store), Settings(), db_path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def when_modal(qtbot, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog once it is shown (dialogs block in exec())."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(0, poll)
