"""Synkronisera never freezes the window (#15): the server's half runs on a worker thread.
A server that takes the connection but never answers (a local socket nobody serves: as
deterministic as a blackhole address, without waiting for a route to time out) leaves the
dialog responsive, showing "Ansluter…" with only Avbryt enabled; closing it then is safe."""

from __future__ import annotations

import gc
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from shiboken6 import isValid

from facilitator.services import groups, projects, wishes, workshops
from facilitator.settings import ORGANISATION_DATABASE, Settings
from facilitator.ui.dialogs import sync_dialog
from facilitator.ui.dialogs.sync_dialog import SyncDialog
from tests.gui.keyboard import press
from tests.gui.modal import when_shown
from tests.gui.test_sync_dialog import open_sync_dialog, status_text, texts

M = Qt.KeyboardModifier


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def silent_server() -> Iterator[tuple[str, socket.socket]]:
    """An address whose port takes connections (the kernel's backlog) and never answers;
    closing the socket resets the connections waiting there."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    try:
        yield f"postgresql://facilitator@127.0.0.1:{port}/tyst", listener
    finally:
        listener.close()


def _laptop_with_a_wish(store) -> str:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Ängsö framåt")
    group = groups.create_group(store, workshops.create_workshop(store, project, "Kväll"),
                                name="Hamnen")
    wishes.add_wish(store, group, "Bänkar vid ån")
    return group


def test_a_refused_connection_is_shown_at_once(  # type: ignore[no-untyped-def]
        qtbot, swedish, store, make_window) -> None:
    group = _laptop_with_a_wish(store)
    Settings().set(ORGANISATION_DATABASE, "postgresql://facilitator@127.0.0.1:1/ingenstans")
    window = make_window()
    seen: dict[str, object] = {}
    started = time.monotonic()

    def act(dialog: SyncDialog) -> None:
        seen["status"] = status_text(dialog)
        seen["can_run"] = dialog.run_button.isEnabled()
        seen["close"] = dialog.close_button.text()
        seen["worker"] = dialog.worker

    open_sync_dialog(qtbot, window, act)
    assert time.monotonic() - started < 5  # refused: no waiting for the connect timeout
    assert "127.0.0.1" in str(seen["status"]) and seen["can_run"] is False
    assert seen["close"] in ("Stäng", "Close") and seen["worker"] is None
    assert texts(store, group) == ["Bänkar vid ån"]


def test_a_silent_server_leaves_the_window_responsive_and_avbryt_closes(  # type: ignore[no-untyped-def]
        qtbot, swedish, store, make_window, silent_server) -> None:
    group = _laptop_with_a_wish(store)
    address, listener = silent_server
    Settings().set(ORGANISATION_DATABASE, address)
    window = make_window()
    seen: dict[str, object] = {}

    def act(dialog: SyncDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.waitUntil(lambda: dialog.worker is not None)
        worker = dialog.worker
        assert worker is not None
        seen["worker"], seen["dialog"] = worker, dialog
        ticks: list[float] = []
        for delay in (10, 50, 200):  # the event loop runs while the worker waits
            QTimer.singleShot(delay, lambda: ticks.append(time.monotonic()))
        qtbot.waitUntil(lambda: len(ticks) == 3, timeout=3000)
        seen["still_connecting"] = worker.is_alive()
        seen["status"] = status_text(dialog)
        seen["buttons"] = (dialog.run_button.isEnabled(), dialog.close_button.isEnabled(),
                           dialog.close_button.text(), dialog.close_button.hasFocus())
        press(dialog.close_button, Qt.Key.Key_Return)  # Avbryt

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    when_shown(SyncDialog, act)
    closing = time.monotonic()
    press(window, Qt.Key.Key_Y, M.ControlModifier | M.ShiftModifier)
    assert time.monotonic() - closing < 8  # Avbryt closed it before the 10 s connect timeout
    assert seen["still_connecting"] is True
    assert seen["status"] == "Ansluter till organisationens databas…"
    can_run, can_close, close, focused = seen["buttons"]  # type: ignore[misc]
    assert (can_run, can_close, focused) == (False, True, True)
    assert close == "Avbryt"
    dialog = seen["dialog"]
    assert isinstance(dialog, SyncDialog) and not dialog.isVisible()
    worker = seen["worker"]
    assert isinstance(worker, threading.Thread) and worker.is_alive()
    # The server goes away: the worker's answer comes after the dialog closed, and is dropped.
    listener.close()
    qtbot.waitUntil(lambda: not sync_dialog._PENDING, timeout=15000)
    assert not worker.is_alive()
    assert not isValid(dialog)  # deleted before the answer came: nothing touched it
    assert dialog.server is None
    assert texts(store, group) == ["Bänkar vid ån"]


def test_avbryt_while_synchronising_loses_nothing_and_the_next_sync_finishes(  # type: ignore[no-untyped-def]
        qtbot, swedish, store, server_database, make_window) -> None:
    """The server busy (a colleague's long transaction holds the projects table): Avbryt
    closes the dialog at once; the server's half then commits, and the next sync brings the
    way back, the conflict it found included, once."""
    import psycopg
    from sqlalchemy import make_url

    from facilitator.interchange.sync import synchronise, take_offline
    from facilitator.services import conflicts
    from facilitator.services.core import Store
    from facilitator.store.server import make_server_engine

    server = Store(make_server_engine(server_database))
    project = projects.create_project(server, "Ängsö framåt")
    group = groups.create_group(server, workshops.create_workshop(server, project, "Kväll"),
                                name="Hamnen")
    jetty = wishes.add_wish(server, group, "Ny brygga")
    take_offline(server, store, [project])
    wishes.add_wish(store, group, "Fler cykelställ")
    wishes.set_text(store, jetty, "Ny brygga, skrivet offline")
    wishes.set_text(server, jetty, "Ny brygga, skrivet på kontoret")
    Settings().set(ORGANISATION_DATABASE, server_database)
    window = make_window()
    colleague = psycopg.connect(make_url(server_database).set(
        drivername="postgresql").render_as_string(hide_password=False))
    seen: dict[str, object] = {}

    def act(dialog: SyncDialog) -> None:
        qtbot.waitUntil(dialog.run_button.isEnabled, timeout=15000)
        colleague.execute("LOCK TABLE project IN ACCESS EXCLUSIVE MODE")
        press(dialog.run_button, Qt.Key.Key_Return)
        worker = dialog.worker
        assert worker is not None
        ticks: list[int] = []
        QTimer.singleShot(100, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: bool(ticks), timeout=3000)  # the window keeps going
        seen["busy"] = (worker.is_alive(), status_text(dialog), dialog.close_button.text(),
                        dialog.run_button.isEnabled())
        seen["worker"], seen["dialog"] = worker, dialog
        press(dialog, Qt.Key.Key_Escape)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    when_shown(SyncDialog, act)
    press(window, Qt.Key.Key_Y, M.ControlModifier | M.ShiftModifier)
    alive, status, close, can_run = seen["busy"]  # type: ignore[misc]
    assert alive and status == "Synkroniserar…" and not can_run
    assert close == "Avbryt"
    colleague.rollback()  # the colleague's transaction ends: the server's half goes on
    colleague.close()
    qtbot.waitUntil(lambda: not sync_dialog._PENDING, timeout=15000)
    worker = seen["worker"]
    assert isinstance(worker, threading.Thread) and not worker.is_alive()
    dialog = seen["dialog"]
    assert isinstance(dialog, SyncDialog) and dialog.server is None  # its connections closed
    assert "Fler cykelställ" in texts(server, group)  # the server's half was done
    assert conflicts.list_conflicts(store) == []  # the way back was not
    done = synchronise(store, server)  # named as the dialog names this laptop
    assert done.conflicts_here == 1
    [here] = conflicts.list_conflicts(store)
    assert (here.row_id, here.other) == (jetty, "Ny brygga, skrivet offline")
    assert texts(store, group) == texts(server, group)
    server.close()


def test_a_sync_cut_off_on_the_server_is_shown_and_enter_runs_it_again(  # type: ignore[no-untyped-def]
        qtbot, swedish, store, server_database, make_window) -> None:
    """The server drops the sync's connection while it waits: the dialog says so, keeps
    Synkronisera enabled, and Enter runs it again to the end."""
    import psycopg
    from sqlalchemy import make_url

    from facilitator.interchange.sync import take_offline
    from facilitator.services.core import Store
    from facilitator.store.server import make_server_engine

    server = Store(make_server_engine(server_database))
    project = projects.create_project(server, "Ängsö framåt")
    group = groups.create_group(server, workshops.create_workshop(server, project, "Kväll"),
                                name="Hamnen")
    take_offline(server, store, [project])
    wishes.add_wish(store, group, "Fler cykelställ")
    wishes.add_wish(server, group, "Bättre belysning")
    Settings().set(ORGANISATION_DATABASE, server_database)
    window = make_window()
    colleague = psycopg.connect(make_url(server_database).set(
        drivername="postgresql").render_as_string(hide_password=False))
    seen: dict[str, object] = {}

    def waiting_sync() -> list[tuple[int]]:
        with psycopg.connect(make_url(server_database).set(drivername="postgresql")
                             .render_as_string(hide_password=False), autocommit=True) as c:
            return c.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                             " AND wait_event_type = 'Lock'").fetchall()

    def act(dialog: SyncDialog) -> None:
        qtbot.waitUntil(dialog.run_button.isEnabled, timeout=15000)
        colleague.execute("LOCK TABLE project IN ACCESS EXCLUSIVE MODE")
        press(dialog.run_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(waiting_sync()), timeout=5000)
        [(pid,)] = waiting_sync()
        with psycopg.connect(make_url(server_database).set(drivername="postgresql")
                             .render_as_string(hide_password=False), autocommit=True) as c:
            c.execute("SELECT pg_terminate_backend(%s)", (pid,))
        qtbot.waitUntil(dialog.run_button.isEnabled, timeout=10000)
        seen["cut"] = status_text(dialog)
        colleague.rollback()
        dialog.run_button.setFocus()
        press(dialog.run_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
        seen["after"] = dialog.counts_shown()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    def act_then_close(dialog: SyncDialog) -> None:
        try:
            act(dialog)
        finally:
            press(dialog, Qt.Key.Key_Escape)

    when_shown(SyncDialog, act_then_close)
    press(window, Qt.Key.Key_Y, M.ControlModifier | M.ShiftModifier)
    colleague.close()
    assert "Det gick inte" in str(seen["cut"]) and "Inget har gått förlorat" in str(seen["cut"])
    assert seen["after"] == [["1", "0", "0"], ["1", "0", "0"]]
    assert texts(store, group) == texts(server, group) == ["Bättre belysning",
                                                            "Fler cykelställ"]
    server.close()
