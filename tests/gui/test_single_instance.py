"""One window per database: a second launch raises the first and never opens a writer."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator import app as app_module
from facilitator.single_instance import (
    InstanceServer,
    ask_running_instance,
    bring_to_front,
    server_name,
)
from facilitator.store import health
from facilitator.store.migrate import open_database

ROOT = Path(__file__).resolve().parents[2]


def test_server_name_is_the_same_for_every_spelling_of_the_path(tmp_path: Path) -> None:
    db = tmp_path / "möten.sqlite3"
    assert server_name(db) == server_name(tmp_path / "." / "x" / ".." / "möten.sqlite3")
    assert server_name(db) != server_name(tmp_path / "andra.sqlite3")


def test_second_launch_asks_the_first_to_come_to_front(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "möten.sqlite3"
    assert not ask_running_instance(db, timeout_ms=200)  # nobody listens yet
    server = InstanceServer(db)
    assert server.listen()
    # The asking side is a second process (it blocks); the server answers from this loop.
    code = ("import sys; from pathlib import Path\n"
            "from facilitator.single_instance import ask_running_instance\n"
            "sys.exit(0 if ask_running_instance(Path(sys.argv[1]), 10000) else 3)\n")
    with qtbot.waitSignal(server.raise_requested, timeout=15000):
        asking = subprocess.Popen([sys.executable, "-c", code, str(db)], cwd=ROOT)
    qtbot.waitUntil(lambda: asking.poll() is not None, timeout=15000)
    assert asking.returncode == 0  # it got the answer, so it exits without opening anything
    server.close()
    assert not ask_running_instance(tmp_path / "andra.sqlite3", timeout_ms=200)


def test_a_socket_left_by_a_crash_is_replaced(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "möten.sqlite3"
    first = InstanceServer(db)
    assert first.listen()
    second = InstanceServer(db)
    assert not second.listen()  # someone really answers: not taken over
    first.close()
    assert second.listen()
    second.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_bring_to_front_restores_a_minimised_window(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.setWindowState(Qt.WindowState.WindowMinimized)
    bring_to_front(window)
    assert not window.windowState() & Qt.WindowState.WindowMinimized
    assert window.isVisible()


def _launch(db: Path, data: Path, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACILITATOR_DATA_DIR=str(data))
    return subprocess.Popen([sys.executable, "-m", "facilitator.app", "--db", str(db), *extra],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_two_launches_on_one_database_open_one_writer(tmp_path: Path) -> None:
    db = tmp_path / "möten.sqlite3"
    data = tmp_path / "data"
    first = _launch(db, data, "--quit-after", "30")
    try:
        deadline = time.monotonic() + 30
        while not health.marker_path(db).exists():  # the first window has the database
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.1)
        backups = db.parent / "möten-backups"
        while not list(backups.glob("*-start.sqlite3")):
            assert time.monotonic() < deadline
            time.sleep(0.1)
        time.sleep(0.5)
        second = _launch(db, data)
        assert second.wait(timeout=30) == 0, second.communicate()
        assert len(list(backups.glob("*-start.sqlite3"))) == 1  # the second opened nothing
        log = (data / "logs" / "facilitator.log").read_text(encoding="utf-8")
        assert "already runs" in log
        assert first.poll() is None  # the first window is still there
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_a_database_held_by_another_program_gets_a_clear_message(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    shown: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(app_module, "install_translations", lambda _app, _language: [])
    hook = sys.excepthook
    engine = open_database(db_path)  # "another program" holds the lock
    try:
        assert app_module.run_gui(["--db", str(db_path)]) == 1
    finally:
        engine.dispose()
        sys.excepthook = hook
    [(title, text)] = shown
    assert title == "The database is in use"
    assert str(db_path) in text and "another program" in text
    assert not health.marker_path(db_path).exists()


def test_a_second_launch_waits_for_a_window_that_is_still_starting(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "möten.sqlite3"
    code = ("import sys; from pathlib import Path\n"
            "from facilitator.single_instance import ask_running_instance\n"
            "ok = ask_running_instance(Path(sys.argv[1]), 10000, patience_ms=20000)\n"
            "sys.exit(0 if ok else 3)\n")
    asking = subprocess.Popen([sys.executable, "-c", code, str(db)], cwd=ROOT)
    qtbot.wait(700)  # the first window is still being painted: nobody listens yet
    assert asking.poll() is None
    server = InstanceServer(db)
    assert server.listen()
    try:
        with qtbot.waitSignal(server.raise_requested, timeout=15000):
            pass
        qtbot.waitUntil(lambda: asking.poll() is not None, timeout=15000)
        assert asking.returncode == 0
    finally:
        server.close()
