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
    assert seen["status"] in ("Ansluter till organisationens databas…",
                              "Connecting to the organisation's database…")
    assert seen["buttons"] == (False, True, "Avbryt", True) or \
        seen["buttons"] == (False, True, "Cancel", True)
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
