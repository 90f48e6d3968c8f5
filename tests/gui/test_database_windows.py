"""Arkiv → "Öppna organisationens databas…" (Ctrl+Shift+O) opens a window on the server
for a facilitator who has no command line to add ``--db`` to (#15, point 1)."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import create_engine, make_url, text

from facilitator.settings import ORGANISATION_DATABASE, Settings
from facilitator.ui.database_windows import program_arguments
from tests.gui.keyboard import press

M = Qt.KeyboardModifier


def _windows_on(address: str) -> list[int]:
    """The processes of Facilitator windows started on ``address`` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue
        if b"--db" in words and address.encode() in words and entry.name.isdigit():
            found.append(int(entry.name))
    return found


def test_the_organisations_database_opens_in_a_window_of_its_own(  # type: ignore[no-untyped-def]
        qtbot, swedish, make_window, server_database) -> None:
    Settings().set(ORGANISATION_DATABASE, server_database)
    window = make_window()
    assert window.other_database_action.text() == "Öppna organisationens data&bas…"
    engine = create_engine(make_url(server_database).set(drivername="postgresql+psycopg"))
    database = make_url(server_database).database

    def windows_connected() -> int:
        with engine.connect() as connection:
            return int(connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = :db "
                "AND application_name = 'Facilitator' AND pid <> pg_backend_pid()"),
                {"db": database}).scalar_one())

    before = windows_connected()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window, Qt.Key.Key_O, M.ControlModifier | M.ShiftModifier)
    try:
        qtbot.waitUntil(lambda: bool(_windows_on(server_database)), timeout=10000)
        # The new window's program opened the server's database: it shows up there.
        qtbot.waitUntil(lambda: windows_connected() > before, timeout=60000)
    finally:
        for pid in _windows_on(server_database):
            os.kill(pid, signal.SIGTERM)
        engine.dispose()


def test_the_window_is_started_as_from_the_command_line() -> None:
    program, arguments = program_arguments("postgresql://åsa@kommunen.se/facilitator")
    assert program == sys.executable
    assert arguments[-2:] == ["--db", "postgresql://åsa@kommunen.se/facilitator"]
    assert "--db" not in program_arguments(None)[1]  # this computer's own database


def test_a_window_on_the_server_offers_this_computers_database(  # type: ignore[no-untyped-def]
        qtbot, swedish, server_database) -> None:
    from facilitator.events import ChangeBus
    from facilitator.services.core import Store
    from facilitator.store.server import open_server_database
    from facilitator.ui.main_window import MainWindow

    store = Store(open_server_database(server_database))
    window = MainWindow(store, ChangeBus(store), Settings(), server_database)
    qtbot.addWidget(window)
    assert window.other_database_action.text() == "Öppna den här datorns &databas"
    assert window.other_database_action.shortcut().toString() == "Ctrl+Shift+O"
    assert window.windowTitle() == "Facilitator – organisationens databas"
    window.close()
    store.close()
