"""kill -9 while typing: half-typed text and the screen come back on the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from facilitator.events import ChangeBus
from facilitator.recovery import recovery_path
from facilitator.services import groups, projects, sections, wishes, workshops
from facilitator.services.core import Store
from facilitator.settings import Settings
from facilitator.store.migrate import open_database
from facilitator.ui import drafts
from facilitator.ui.main_window import MainWindow
from tests.reliability.child_drafts import NOTE, WISH

CHILD = Path(__file__).with_name("child_drafts.py")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs SIGKILL")


def _evening(db: Path) -> tuple[str, str, str]:
    store = Store(open_database(db))
    try:
        pid = projects.create_project(store, "Lillsjö framåt")
        wid = workshops.create_workshop(store, pid, "Kväll i bygdegården")
        gid = groups.create_group(store, wid, name="Skola och Kultur")
        groups.create_group(store, wid, name="Turism")
        sid = sections.add_section(store, wid, "Välkomna")
        sections.add_section(store, wid, "Grupparbete")
        return wid, gid, sid
    finally:
        store.close()


def _kill_after_drafted(db: Path, wid: str, sid: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, str(CHILD), str(db), wid, sid],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env, cwd=ROOT)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the drafts are on disk
        assert line.strip() == "DRAFTED", child.stderr.read() if child.stderr else line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def test_drafts_and_the_page_survive_kill_9(qtbot, db_path: Path, swedish) -> None:  # type: ignore[no-untyped-def]
    wid, gid, sid = _evening(db_path)
    _kill_after_drafted(db_path, wid, sid)

    store = Store(open_database(db_path))
    try:
        # Nothing half-typed was committed: the wish is only a draft.
        assert wishes.list_wishes(store, gid) == []
        drafts.install(drafts.DraftKeeper(recovery_path(db_path)))
        notices: list[int] = []
        drafts.keeper().restored.connect(notices.append)
        window = MainWindow(store, ChangeBus(store), Settings(), db_path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.workshop_id == wid
        assert window.tabs.current_name() == "agenda"  # the page it showed
        agenda = window.tabs.page("agenda")
        assert agenda.current_section_id() == sid
        assert NOTE in agenda.notes.edit.toPlainText()
        window.activateWindow()
        qtbot.waitUntil(lambda: agenda.isAncestorOf(QApplication.focusWidget() or window))
        board = window.tabs.page("wish_board")
        assert board.columns[0].input.text() == WISH
        assert notices  # the status bar says text came back
        # The note, typed again in effect, is committed after the usual pause.
        qtbot.waitUntil(lambda: NOTE in sections.get_section(store, sid).body, timeout=5000)
        window.close()
        QApplication.processEvents()
    finally:
        store.close()
