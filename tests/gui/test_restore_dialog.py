"""Återställ från säkerhetskopia, the backup scheduler, and the damaged-database dialog."""

from __future__ import annotations

import sqlite3
from collections import namedtuple

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from facilitator.app import open_store
from facilitator.events import ChangeBus
from facilitator.services import groups, projects, wishes, workshops
from facilitator.settings import Settings
from facilitator.store import backup, health
from facilitator.store.backup import backup_engine
from facilitator.ui.backup_scheduler import BackupScheduler
from facilitator.ui.dialogs.restore_dialog import RestoreDialog
from facilitator.ui.session import GuiSession

from .conftest import when_modal


def _workshop_with_wishes(store, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Ängsö byalag")
    workshop = workshops.create_workshop(store, project, "Vårmöte på Åkersberg")
    group = groups.create_group(store, workshop, name="Grupp 1")
    for text in texts:
        wishes.add_wish(store, group, text)


def test_dialog_lists_backups_with_date_size_and_contents(qtbot, store, db_path) -> None:
    _workshop_with_wishes(store, ["Ett önskemål"])
    older = backup_engine(store.engine, db_path, "start")
    _workshop_with_wishes(store, ["Två", "Tre"])
    newer = backup_engine(store.engine, db_path, "auto")
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "restoreDialog"
    rows = [[dialog.items.topLevelItem(i).text(c) for c in range(5)]
            for i in range(dialog.items.topLevelItemCount())]
    assert [r[3:] for r in rows] == [["2", "3"], ["1", "1"]]
    assert rows[0][0] == backup.backup_time(newer).strftime("%Y-%m-%d %H:%M")
    assert rows[0][2].endswith("kB") or rows[0][2].endswith("MB")
    assert dialog.chosen_backup() == newer  # the newest is preselected
    dialog.items.setCurrentItem(dialog.items.topLevelItem(1))
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_backup() == older


def test_an_unreadable_backup_cannot_be_chosen(qtbot, db_path) -> None:
    folder = db_path.parent / "facilitator-backups"
    folder.mkdir()
    (folder / "facilitator-20260101-120000-000000-auto.sqlite3").write_bytes("skräp".encode() * 100)
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    assert dialog.items.topLevelItemCount() == 1
    assert dialog.chosen_backup() is None
    assert not dialog.restore_button.isEnabled()


def test_no_backups_says_so(qtbot, db_path) -> None:
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    assert not dialog.empty_label.isHidden()
    assert not dialog.restore_button.isEnabled()


def test_scheduler_backs_up_at_most_once_per_interval_while_changed(qtbot, store, db_path):  # type: ignore[no-untyped-def]
    now = [1000.0]
    bus = ChangeBus(store)
    scheduler = BackupScheduler(store, db_path, bus, interval_ms=200, clock=lambda: now[0])
    assert scheduler.at_start() is not None
    assert scheduler.at_close() is None  # nothing changed since
    with qtbot.waitSignal(scheduler.backed_up, timeout=3000):
        _workshop_with_wishes(store, ["Ett"])
        _workshop_with_wishes(store, ["Två"])  # a burst: one copy
    assert len(backup.backup_files(db_path)) == 2
    qtbot.wait(400)
    assert len(backup.backup_files(db_path)) == 2  # nothing changed: no copy
    _workshop_with_wishes(store, ["Tre"])
    assert scheduler.at_close() is not None
    reasons = sorted(p.name.rsplit("-", 1)[1] for p in backup.backup_files(db_path))
    assert reasons == ["auto.sqlite3", "close.sqlite3", "start.sqlite3"]


def test_scheduler_warns_without_a_dialog_when_the_disk_is_full(qtbot, store, db_path,
                                                                monkeypatch) -> None:
    old = backup_engine(store.engine, db_path, "start")
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _p: usage(10**9, 10**9, 1000))
    scheduler = BackupScheduler(store, db_path)
    with qtbot.waitSignal(scheduler.warning) as blocker:
        assert scheduler.backup_now("auto") is None
    assert "Backup skipped" in blocker.args[0] or "hoppades över" in blocker.args[0]
    assert backup.backup_files(db_path) == [old]


def test_restore_through_the_session_reopens_the_backup(qtbot, qapp, db_path, swedish) -> None:
    session = GuiSession(qapp, Settings(), db_path)
    assert session.start()
    first_window = session.window
    qtbot.addWidget(first_window)
    _workshop_with_wishes(session.store, ["Gammalt"])
    copy = session.scheduler.backup_now("auto")
    _workshop_with_wishes(session.store, ["Nytt", "Och ett till"])

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "restoreDialog"
        assert dialog.chosen_backup() == copy
        dialog.restore_button.click()

    when_modal(qtbot, choose)
    session.restore()
    try:
        assert session.window is not first_window and session.window.isVisible()
        with session.store.engine.connect() as conn:
            count = conn.exec_driver_sql("SELECT count(*) FROM wish").scalar()
        assert count == 1
        replaced = list(db_path.parent.glob("facilitator.sqlite3.replaced-*"))
        assert len(replaced) == 1
        conn = sqlite3.connect(replaced[0])
        assert conn.execute("SELECT count(*) FROM wish").fetchone() == (3,)
        conn.close()
    finally:
        session.window.close()
        session.finish()
    assert not health.marker_path(db_path).exists()


@pytest.mark.parametrize("choice", ["damageRestore", "damageStartEmpty", "damageQuit"])
def test_damaged_database_dialog_offers_the_backup(qtbot, qapp, tmp_path, swedish, choice):  # type: ignore[no-untyped-def]
    db = tmp_path / "möten.sqlite3"
    store = open_store(db)
    _workshop_with_wishes(store, ["Ett", "Två"])
    copy = backup_engine(store.engine, db, "start")
    store.close()
    with open(db, "r+b") as f:
        f.seek(2 * 4096)
        f.write(b"\xa5" * 4096)
    damaged = db.read_bytes()
    seen: list[str] = []

    def click(box) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(box, QMessageBox) and box.objectName() == "damagedDatabaseMessage"
        seen.append(box.text())
        next(b for b in box.buttons() if b.objectName() == choice).click()

    when_modal(qtbot, click)
    session = GuiSession(qapp, Settings(), db)
    store = session.open()
    [text] = seen
    assert backup.backup_time(copy).strftime("%Y-%m-%d %H:%M") in text
    assert "2 önskemål" in text
    aside = list(tmp_path.glob("möten.sqlite3.damaged-*"))
    if choice == "damageQuit":
        assert store is None and db.read_bytes() == damaged and aside == []
        return
    try:
        assert len(aside) == 1 and aside[0].read_bytes() == damaged  # kept, never deleted
        with store.engine.connect() as conn:
            conn_count = conn.exec_driver_sql("SELECT count(*) FROM wish").scalar()
        assert conn_count == (2 if choice == "damageRestore" else 0)
    finally:
        store.close()
    QApplication.processEvents()


def test_a_risky_location_is_told_once_the_window_is_up(qtbot, qapp, db_path, swedish,
                                                          monkeypatch) -> None:
    from facilitator.store import location

    monkeypatch.setattr(location, "location_risks", lambda _db: [
        location.Risk(location.NETWORK, "cifs, //nas/möten")])
    session = GuiSession(qapp, Settings(), db_path)
    assert session.start()
    window = session.window
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "riskyLocationMessage")
                        is not None, timeout=5000)
        box = window.findChild(QMessageBox, "riskyLocationMessage")
        assert "nätverksenhet" in box.text() and "//nas/möten" in box.text()
        assert "//nas/möten" in window.statusBar().currentMessage()
    finally:
        window.close()
        session.finish()


def test_restoring_a_backup_from_before_an_erasure_removes_the_person_again(
        qtbot, qapp, db_path, swedish) -> None:  # type: ignore[no-untyped-def]
    from facilitator.services import gdpr, people

    session = GuiSession(qapp, Settings(), db_path)
    assert session.start()
    first_window = session.window
    qtbot.addWidget(first_window)
    person = people.create_person(session.store, "Gunnel Ödqvist", email="gunnel@byn.se")
    copy = session.scheduler.backup_now("auto")
    gdpr.erase_person(session.store, person)

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.chosen_backup() == copy
        dialog.restore_button.click()

    when_modal(qtbot, choose)
    session.restore()
    try:
        assert session.store.erased_again == ["Gunnel Ödqvist"]
        message = session.window.statusBar().currentMessage()
        assert "Togs bort igen" in message and "Gunnel Ödqvist" in message
        with session.store.engine.connect() as conn:
            assert conn.exec_driver_sql(
                "SELECT count(*) FROM person WHERE name LIKE '%Ödqvist%'").scalar() == 0
    finally:
        session.window.close()
        session.finish()
