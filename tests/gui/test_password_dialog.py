"""Lösenord till organisationens databas (#15), by keyboard through the real dialogs: the
window on the server and Synkronisera ask when the server wants a password, a wrong one
asks again with the server's refusal, "Kom ihåg på den här datorn" keeps it in the keyring
(a real backend kept in memory) and the next start does not ask; Inställningar forgets it.
The server is the test server, where pw_only must give its password (tools/pg_cluster.sh)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.interchange.sync import take_offline
from facilitator.services import groups, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.settings import ORGANISATION_DATABASE, Settings
from facilitator.store.server import describe, open_server_database, server_url
from facilitator.ui.dialogs.password_dialog import PasswordDialog
from facilitator.ui.dialogs.settings_dialog import SettingsDialog
from facilitator.ui.server_session import ServerSession
from tests.gui.keyboard import press, type_text
from tests.gui.modal import when_shown
from tests.gui.test_sync_dialog import open_sync_dialog, texts
from tests.passwords import (
    PASSWORD,
    forget_session,
)

KEY = "Facilitator"


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    gc.collect()


def answer(qtbot, password: str, remember: bool, seen: list[dict[str, object]],  # type: ignore[no-untyped-def]
           then: Callable[[], None] | None = None) -> Callable[[PasswordDialog], None]:
    """Type ``password`` in the dialog's focused field, tick "Kom ihåg" by Tab and Space
    when ``remember``, and press Enter; what the dialog showed goes to ``seen``."""

    def act(dialog: PasswordDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        seen.append({"address": dialog.findChild(object, "passwordAddress").text(),
                     "refused": dialog.refusal.text() if dialog.refusal.isVisible() else "",
                     "echo": dialog.password.echoMode(),
                     "can_remember": dialog.remember.isEnabled()})
        field = QApplication.focusWidget()
        assert field is dialog.password
        type_text(field, password)
        if remember:
            press(field, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is dialog.remember
            press(dialog.remember, Qt.Key.Key_Space)
            assert dialog.remember.isChecked()
        press(QApplication.focusWidget(), Qt.Key.Key_Return)
        if (under := dialog.parentWidget()) is not None:
            under.activateWindow()  # as the window system does when a modal dialog closes
        if then is not None:
            then()

    return act


def test_the_window_asks_again_after_a_refusal_and_the_next_start_does_not_ask(  # type: ignore[no-untyped-def]
        qtbot, qapp, swedish, pw_address, memory_keyring) -> None:
    account = describe(server_url(pw_address))
    seen: list[dict[str, object]] = []
    when_shown(PasswordDialog, answer(qtbot, "fel", False, seen, then=lambda: when_shown(
        PasswordDialog, answer(qtbot, PASSWORD, True, seen))))
    session = ServerSession(qapp, Settings(), pw_address)
    try:
        assert session.start() is True
        assert session.window is not None and session.window.isVisible()
    finally:
        session.close_window()
        session.finish()
    assert [s["address"] for s in seen] == [
        f"Organisationens databas {account} vill ha ett lösenord."] * 2
    assert seen[0]["refused"] == ""
    assert "password authentication failed" in str(seen[1]["refused"])
    assert seen[0]["echo"] == seen[1]["echo"] == PasswordDialog(account).password.EchoMode.Password
    assert memory_keyring.saved == {(KEY, account): PASSWORD}

    forget_session()  # the program starts again
    asked: list[PasswordDialog] = []
    starting = [True]  # a dialog shown later (another test's) is not this start's

    def refuse(dialog: PasswordDialog) -> None:
        if starting[0]:
            asked.append(dialog)
            dialog.reject()

    when_shown(PasswordDialog, refuse, patience_s=3)
    again = ServerSession(qapp, Settings(), pw_address)
    try:
        assert again.start() is True  # a dialog would block here until refused
    finally:
        starting[0] = False
        again.close_window()
        again.finish()
    assert asked == []


def test_without_a_password_store_the_box_is_off_and_says_so(  # type: ignore[no-untyped-def]
        qtbot, swedish, memory_keyring) -> None:
    keyring.set_keyring(fail.Keyring())
    dialog = PasswordDialog("postgresql://anna@server/facilitator")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.remember.isEnabled()
    assert dialog.no_keyring.isVisible() and "pgpass" in dialog.no_keyring.text()


def test_synchronise_asks_for_the_password_and_keeps_it_when_told(  # type: ignore[no-untyped-def]
        qtbot, swedish, store, server_database, pw_address, memory_keyring, make_window) -> None:
    server = Store(open_server_database(server_database))
    try:
        project = projects.create_project(server, "Ängsö framåt")
        group = groups.create_group(
            server, workshops.create_workshop(server, project, "Kväll"), name="Hamnen")
        wishes.add_wish(server, group, "Bänkar vid ån")
        take_offline(server, store, [project])
    finally:
        server.close()
    wishes.add_wish(store, group, "Fler cykelställ vid färjeläget")
    Settings().set(ORGANISATION_DATABASE, pw_address)
    window = make_window()
    seen: list[dict[str, object]] = []
    when_shown(PasswordDialog, answer(qtbot, PASSWORD, True, seen))
    counts: list[list[list[str]]] = []
    open_sync_dialog(qtbot, window, lambda dialog: counts.append(dialog.counts_shown()))
    assert len(seen) == 1 and seen[0]["refused"] == ""
    assert counts == [[["1", "0", "0"], ["0", "0", "0"]]]  # connected as pw_only: previewed
    account = describe(server_url(pw_address))
    assert memory_keyring.saved == {(KEY, account): PASSWORD}
    assert texts(store, group) == ["Bänkar vid ån", "Fler cykelställ vid färjeläget"]


def test_settings_forget_the_saved_password(  # type: ignore[no-untyped-def]
        qtbot, swedish, memory_keyring) -> None:
    address = "postgresql://anna@server/facilitator"
    memory_keyring.set_password(KEY, address, "Hemligt")
    Settings().set(ORGANISATION_DATABASE, address)
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.organisation_database.setFocus()
    press(dialog.organisation_database, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.forget_button
    press(dialog.forget_button, Qt.Key.Key_Space)
    assert memory_keyring.saved == {}
    assert dialog.password_note.isVisible() and address in dialog.password_note.text()
    assert dialog.isVisible()  # Space on the button did not close the dialog
