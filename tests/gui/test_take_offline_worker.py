"""Ta med offline never freezes the window (#15): the server's projects are read on a
worker thread, the copy into this computer's database is made on the UI thread.

Deterministic by a lock: a colleague's transaction holds the project table in ACCESS
EXCLUSIVE mode (taken after the dialog listed the projects), so reading the packages
waits on the server for as long as the test wants."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt, QTimer
from shiboken6 import isValid
from sqlalchemy import make_url

from facilitator.events import ChangeBus
from facilitator.paths import default_database
from facilitator.services import groups, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.services.overview import list_projects
from facilitator.settings import ORGANISATION_DATABASE, Settings
from facilitator.store.migrate import open_database
from facilitator.store.server import describe, server_url
from facilitator.ui import server_worker
from facilitator.ui.dialogs.take_offline_dialog import TakeOfflineDialog
from facilitator.ui.main_window import MainWindow
from tests.gui.keyboard import press
from tests.gui.modal import when_shown

WISHES = 60  # enough rows that the package is a real read, not a single line


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    gc.collect()


def _conninfo(server_database: str) -> str:
    return make_url(server_database).set(drivername="postgresql").render_as_string(
        hide_password=False)


def _waiting_on_a_lock(server_database: str) -> bool:
    with psycopg.connect(_conninfo(server_database), autocommit=True) as c:
        return bool(c.execute("SELECT pid FROM pg_stat_activity WHERE datname = "
                              "current_database() AND wait_event_type = 'Lock'").fetchall())


def _big_project(server: Store) -> tuple[str, str]:
    project = projects.create_project(server, "Ängsö framåt")
    group = groups.create_group(server, workshops.create_workshop(server, project, "Kväll"),
                                name="Hamnen")
    for n in range(WISHES):
        wishes.add_wish(server, group, f"Önskan {n}: bänkar vid ån")
    projects.create_project(server, "Östra hamnen")  # not checked: stays on the server
    return project, group


def _window(qtbot, server: Store, server_database: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(server, ChangeBus(server), Settings(),
                        describe(server_url(server_database)))
    qtbot.addWidget(window)
    window.show()
    return window


def _check_first(dialog: TakeOfflineDialog) -> None:
    listing = dialog.projects
    listing.setFocus()
    names = [listing.item(row).text() for row in range(listing.count())]
    listing.setCurrentRow(names.index("Ängsö framåt"))
    press(listing, Qt.Key.Key_Space)


def _laptop_projects() -> list[str]:
    laptop = Store(open_database(Path(default_database())))
    try:
        return [p.name for p in list_projects(laptop, include_deleted=True)]
    finally:
        laptop.close()


def test_the_window_keeps_going_while_the_server_is_read_then_the_project_is_here(  # type: ignore[no-untyped-def]
        qtbot, swedish, server, server_database) -> None:
    _project, group = _big_project(server)
    window = _window(qtbot, server, server_database)
    colleague = psycopg.connect(_conninfo(server_database))
    seen: dict[str, object] = {}

    def act(dialog: TakeOfflineDialog) -> None:
        try:
            _check_first(dialog)
            colleague.execute("LOCK TABLE project IN ACCESS EXCLUSIVE MODE")
            press(dialog.projects, Qt.Key.Key_Return)  # the default button: Ta med
            worker = dialog.worker
            assert worker is not None
            qtbot.waitUntil(lambda: _waiting_on_a_lock(server_database), timeout=5000)
            ticks: list[float] = []
            for delay in (10, 50, 200):  # the event loop runs while the worker waits
                QTimer.singleShot(delay, lambda: ticks.append(time.monotonic()))
            qtbot.waitUntil(lambda: len(ticks) == 3, timeout=3000)
            seen["busy"] = (worker.is_alive(), dialog.status.text(),
                            dialog.close_button.text(), dialog.close_button.hasFocus(),
                            dialog.close_button.isEnabled(), dialog.take_button.isEnabled(),
                            dialog.projects.isEnabled())
            seen["laptop_meanwhile"] = _laptop_projects()
            colleague.rollback()  # the colleague's transaction ends: the read goes on
            qtbot.waitUntil(lambda: bool(dialog.taken), timeout=15000)
            seen["done"] = (dialog.status.text(), dialog.close_button.text(),
                            dialog.worker, worker.is_alive())
        finally:
            press(dialog, Qt.Key.Key_Escape)

    when_shown(TakeOfflineDialog, act)
    window.take_offline_action.trigger()
    colleague.close()
    alive, status, close, focused, can_close, can_take, can_check = seen["busy"]  # type: ignore[misc]
    assert alive and status == "Läser projekten från organisationens databas…"
    assert close == "Avbryt"
    assert (focused, can_close, can_take, can_check) == (True, True, False, False)
    assert seen["laptop_meanwhile"] == []  # nothing written before the read is done
    status, close, worker, alive = seen["done"]  # type: ignore[misc]
    assert "Ängsö framåt" in status and str(default_database()) in status
    assert close == "Stäng" and worker is None and not alive
    laptop = Store(open_database(Path(default_database())))
    try:
        assert [p.name for p in list_projects(laptop)] == ["Ängsö framåt"]
        assert len(wishes.list_wishes(laptop, group)) == WISHES
    finally:
        laptop.close()
    window.close()


def test_avbryt_while_reading_closes_at_once_and_copies_nothing(  # type: ignore[no-untyped-def]
        qtbot, swedish, server, server_database) -> None:
    _big_project(server)
    window = _window(qtbot, server, server_database)
    colleague = psycopg.connect(_conninfo(server_database))
    seen: dict[str, object] = {}

    def act(dialog: TakeOfflineDialog) -> None:
        _check_first(dialog)
        colleague.execute("LOCK TABLE project IN ACCESS EXCLUSIVE MODE")
        press(dialog.projects, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _waiting_on_a_lock(server_database), timeout=5000)
        seen["worker"], seen["dialog"] = dialog.worker, dialog
        press(dialog.close_button, Qt.Key.Key_Return)  # Avbryt, focused while busy

    when_shown(TakeOfflineDialog, act)
    closing = time.monotonic()
    window.take_offline_action.trigger()
    assert time.monotonic() - closing < 8  # closed while the server still held the read
    dialog = seen["dialog"]
    assert isinstance(dialog, TakeOfflineDialog)
    worker = seen["worker"]
    assert isinstance(worker, threading.Thread) and worker.is_alive()
    assert not Settings().get(ORGANISATION_DATABASE)  # nothing taken: no server remembered
    colleague.rollback()  # the read ends after the dialog closed: its answer is dropped
    colleague.close()
    qtbot.waitUntil(lambda: not server_worker.PENDING, timeout=15000)
    assert not worker.is_alive()
    assert not isValid(dialog) and dialog.taken == []  # deleted; nothing touched it
    assert _laptop_projects() == []  # this computer's database: without the project
    assert [p.name for p in list_projects(server)] == ["Ängsö framåt", "Östra hamnen"]
    window.close()


def test_a_read_cut_off_on_the_server_is_shown_and_enter_takes_it_again(  # type: ignore[no-untyped-def]
        qtbot, swedish, server, server_database) -> None:
    """The server ends the waiting read's connection: the dialog says so, nothing is
    copied, Ta med is enabled again, and Enter then copies the project."""
    _project, group = _big_project(server)
    window = _window(qtbot, server, server_database)
    colleague = psycopg.connect(_conninfo(server_database))
    seen: dict[str, object] = {}

    def act(dialog: TakeOfflineDialog) -> None:
        try:
            _check_first(dialog)
            colleague.execute("LOCK TABLE project IN ACCESS EXCLUSIVE MODE")
            press(dialog.projects, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: _waiting_on_a_lock(server_database), timeout=5000)
            with psycopg.connect(_conninfo(server_database), autocommit=True) as c:
                c.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                          "datname = current_database() AND wait_event_type = 'Lock'")
            qtbot.waitUntil(lambda: dialog.worker is None, timeout=10000)
            seen["cut"] = (dialog.status.text(), dialog.take_button.isEnabled(),
                           dialog.close_button.text(), dialog.taken)
            seen["laptop_meanwhile"] = _laptop_projects()
            colleague.rollback()
            dialog.projects.setFocus()
            press(dialog.projects, Qt.Key.Key_Return)  # Ta med again
            qtbot.waitUntil(lambda: bool(dialog.taken), timeout=15000)
        finally:
            press(dialog, Qt.Key.Key_Escape)

    when_shown(TakeOfflineDialog, act)
    window.take_offline_action.trigger()
    colleague.close()
    status, can_take, close, taken = seen["cut"]  # type: ignore[misc]
    assert "Det gick inte" in status and "Inget har ändrats" in status
    assert can_take and close == "Stäng" and taken == []
    assert seen["laptop_meanwhile"] == []
    laptop = Store(open_database(Path(default_database())))
    try:
        assert [p.name for p in list_projects(laptop)] == ["Ängsö framåt"]
        assert len(wishes.list_wishes(laptop, group)) == WISHES
    finally:
        laptop.close()
    window.close()
