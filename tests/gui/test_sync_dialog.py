"""Synkronisera and Ta med offline in the window (#15): a laptop and the organisation's
database, driven by keyboard through the real dialogs."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from facilitator.events import ChangeBus
from facilitator.interchange.sync import take_offline
from facilitator.paths import default_database
from facilitator.services import conflicts, groups, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.services.overview import list_projects
from facilitator.settings import ORGANISATION_DATABASE, Settings
from facilitator.store.migrate import open_database
from facilitator.store.server import describe, server_url
from facilitator.ui.dialogs.conflicts_dialog import ConflictsDialog
from facilitator.ui.dialogs.settings_dialog import SettingsDialog
from facilitator.ui.dialogs.sync_dialog import SyncDialog
from facilitator.ui.dialogs.take_offline_dialog import TakeOfflineDialog
from facilitator.ui.main_window import MainWindow
from tests.gui.keyboard import press, type_text
from tests.gui.modal import when_shown

M = Qt.KeyboardModifier
UNREACHABLE = "postgresql://facilitator@127.0.0.1:1/ingenstans"


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    gc.collect()


def texts(store: Store, group: str) -> list[str]:
    return sorted(w.text for w in wishes.list_wishes(store, group))


def status_text(dialog: SyncDialog) -> str:
    label = dialog.findChild(QLabel, "syncStatus")
    assert label is not None
    return label.text()


def open_sync_dialog(qtbot, window: MainWindow, act) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+Y in the window; ``act`` runs on the dialog once its preview is done,
    then Esc closes it."""
    done: list[bool] = []

    def run(dialog: SyncDialog) -> None:
        try:
            dialog.activateWindow()  # as the window system does for a new modal dialog
            qtbot.waitUntil(dialog.isActiveWindow)
            qtbot.waitUntil(lambda: dialog.run_button.isEnabled()
                            or "127.0.0.1" in status_text(dialog), timeout=15000)
            act(dialog)
        finally:
            done.append(True)
            press(dialog, Qt.Key.Key_Escape)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    when_shown(SyncDialog, run)
    press(window, Qt.Key.Key_Y, M.ControlModifier | M.ShiftModifier)
    assert done == [True]


def test_synchronise_previews_then_merges_both_ways(  # type: ignore[no-untyped-def]
        qtbot, swedish, store, server, server_database, make_window) -> None:
    project = projects.create_project(server, "Ängsö framåt")
    workshop = workshops.create_workshop(server, project, "Kväll i bygdegården")
    group = groups.create_group(server, workshop, name="Hamnen")
    bench = wishes.add_wish(server, group, "Bänkar vid ån")
    jetty = wishes.add_wish(server, group, "Ny brygga vid Ängsö")
    take_offline(server, store, [project])
    # Offline on the laptop: a new wish and an edit; meanwhile on the server a new wish.
    wishes.add_wish(store, group, "Fler cykelställ vid färjeläget")
    wishes.set_text(store, bench, "Bänkar och grillplats vid ån")
    wishes.add_wish(server, group, "Bättre belysning på bryggan i Öregrund")
    # The same wish on both, the server's edit the later one: it is kept there, and the
    # laptop's text is saved in the server's Konflikter.
    wishes.set_text(store, jetty, "Ny brygga vid Ängsö, skrivet offline")
    wishes.set_text(server, jetty, "Ny brygga vid Ängsö, skrivet på servern")
    Settings().set(ORGANISATION_DATABASE, server_database)
    window = make_window()
    assert window.sync_action.isEnabled() and not window.take_offline_action.isVisible()

    seen: dict[str, object] = {}

    def in_conflicts(dialog: ConflictsDialog) -> None:
        seen["conflicts_shown"] = dialog.items.topLevelItemCount()
        press(dialog, Qt.Key.Key_Escape)

    def act(dialog: SyncDialog) -> None:
        seen["preview"] = dialog.counts_shown()
        seen["server_before"] = texts(server, group)  # the preview wrote nothing
        assert dialog.run_button.hasFocus()
        press(dialog.run_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
        seen["after"] = dialog.counts_shown()
        seen["status"] = status_text(dialog)
        seen["dialog"] = dialog
        assert dialog.conflicts_button.hasFocus()
        when_shown(ConflictsDialog, in_conflicts)
        press(dialog.conflicts_button, Qt.Key.Key_Return)  # Visa konflikter: here they are

    open_sync_dialog(qtbot, window, act)
    # To the server: the new wish, the bench, the jetty in conflict; back here: the server's
    # new wish and its jetty text. The preview counts what the sync then does.
    assert seen["preview"] == [["1", "1", "1"], ["1", "1", "0"]]
    assert seen["after"] == [["1", "1", "1"], ["1", "1", "0"]]
    assert seen["server_before"] == sorted(["Bänkar vid ån", "Ny brygga vid Ängsö, skrivet på "
                                            "servern", "Bättre belysning på bryggan i Öregrund"])
    assert "Synchronised" in str(seen["status"]) or "Synkroniserat" in str(seen["status"])
    assert "Ctrl+Shift+K" in str(seen["status"])  # the conflict is in Konflikter here
    assert seen["conflicts_shown"] == 1
    [conflict] = conflicts.list_conflicts(server)
    assert (conflict.row_id, conflict.other) == (jetty, "Ny brygga vid Ängsö, skrivet offline")
    [here] = conflicts.list_conflicts(store)
    assert (here.row_id, here.kept, here.other) == (jetty, conflict.kept, conflict.other)
    both = sorted(["Bänkar och grillplats vid ån", "Ny brygga vid Ängsö, skrivet på servern",
                   "Fler cykelställ vid färjeläget", "Bättre belysning på bryggan i Öregrund"])
    assert texts(store, group) == both
    assert texts(server, group) == both
    dialog = seen["dialog"]
    assert isinstance(dialog, SyncDialog)
    assert dialog.server is None  # its connections closed with the dialog


def test_a_server_out_of_reach_is_shown_and_nothing_changes(  # type: ignore[no-untyped-def]
        qtbot, swedish, store, make_window) -> None:
    project = projects.create_project(store, "Ängsö framåt")
    group = groups.create_group(store, workshops.create_workshop(store, project, "Kväll"),
                                name="Hamnen")
    wishes.add_wish(store, group, "Bänkar vid ån")
    Settings().set(ORGANISATION_DATABASE, UNREACHABLE)
    window = make_window()
    seen: dict[str, object] = {}

    def act(dialog: SyncDialog) -> None:
        seen["status"] = status_text(dialog)
        seen["can_run"] = dialog.run_button.isEnabled()

    open_sync_dialog(qtbot, window, act)
    assert "127.0.0.1" in str(seen["status"])  # the server it tried, and why
    assert seen["can_run"] is False
    assert texts(store, group) == ["Bänkar vid ån"]


def test_synchronise_asks_for_the_organisations_database_first(  # type: ignore[no-untyped-def]
        qtbot, swedish, make_window) -> None:
    window = make_window()
    assert window.sync_action.isVisible() and window.sync_action.isEnabled()
    seen: dict[str, object] = {}
    address = "postgresql://åsa@127.0.0.1:1/facilitator"  # nothing listens: refused at once

    def sync_opened(dialog: SyncDialog) -> None:
        seen["sync dialog"] = dialog.isVisible()
        press(dialog, Qt.Key.Key_Escape)

    def type_address(dialog: SettingsDialog) -> None:
        qtbot.waitUntil(dialog.organisation_database.hasFocus)
        seen["address has the keyboard"] = True
        type_text(dialog.organisation_database, address)
        when_shown(SyncDialog, sync_opened)
        press(dialog.organisation_database, Qt.Key.Key_Return)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    when_shown(SettingsDialog, type_address)
    press(window, Qt.Key.Key_Y, M.ControlModifier | M.ShiftModifier)
    assert seen == {"address has the keyboard": True, "sync dialog": True}
    assert Settings().get(ORGANISATION_DATABASE) == address


@pytest.mark.parametrize(("address", "problem"), [
    ("server/facilitator", "postgresql://"),
    ("postgresql://anna:hemligt@server/facilitator", "pgpass"),
    ("postgresql://anna@server/facilitator?password=hemligt", "pgpass"),
])
def test_settings_refuse_an_unusable_address(  # type: ignore[no-untyped-def]
        qtbot, swedish, address, problem) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.organisation_database
    field.setFocus()
    type_text(field, address)
    press(field, Qt.Key.Key_Return)
    assert dialog.isVisible()  # refused: the dialog stays, with the reason
    assert dialog.address_error.isVisible() and problem in dialog.address_error.text()
    assert settings.get(ORGANISATION_DATABASE) == ""


def test_settings_keep_a_server_address_and_synchronise_opens(  # type: ignore[no-untyped-def]
        qtbot, swedish, make_window) -> None:
    window = make_window()
    assert "Inställningar" in window.sync_action.toolTip()  # no address yet
    seen: dict[str, object] = {}

    def act(dialog: SettingsDialog) -> None:
        field = dialog.organisation_database
        seen["placeholder"] = field.placeholderText()
        field.setFocus()
        type_text(field, "postgresql://åsa@kommunen.se/facilitator")
        press(field, Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    when_shown(SettingsDialog, act)
    press(window, Qt.Key.Key_Comma, M.ControlModifier)
    assert seen == {"placeholder": "postgresql://användare@server/databas", "open": False}
    assert Settings().get(ORGANISATION_DATABASE) == "postgresql://åsa@kommunen.se/facilitator"
    assert window.sync_action.isEnabled()
    assert "Inställningar" not in window.sync_action.toolTip()


def test_take_offline_copies_checked_projects_to_this_computer(  # type: ignore[no-untyped-def]
        qtbot, swedish, server, server_database) -> None:
    kept = projects.create_project(server, "Ängsö framåt")
    group = groups.create_group(server, workshops.create_workshop(server, kept, "Kväll"),
                                name="Hamnen")
    wishes.add_wish(server, group, "Bänkar vid ån")
    projects.create_project(server, "Östra hamnen")  # not checked: stays on the server
    shown = describe(server_url(server_database))
    window = MainWindow(server, ChangeBus(server), Settings(), shown)
    qtbot.addWidget(window)
    window.show()
    assert window.take_offline_action.isEnabled() and not window.sync_action.isVisible()
    seen: dict[str, str] = {}

    def act(dialog: TakeOfflineDialog) -> None:
        listing = dialog.projects
        listing.setFocus()
        names = [listing.item(row).text() for row in range(listing.count())]
        listing.setCurrentRow(names.index("Ängsö framåt"))
        press(listing, Qt.Key.Key_Space)
        press(listing, Qt.Key.Key_Return)  # the default button: Ta med
        qtbot.waitUntil(lambda: bool(dialog.taken), timeout=15000)  # read on a worker
        seen["status"] = dialog.status.text()
        press(dialog, Qt.Key.Key_Escape)

    when_shown(TakeOfflineDialog, act)
    window.take_offline_action.trigger()
    assert str(default_database()) in seen["status"] and "Ängsö framåt" in seen["status"]
    laptop = Store(open_database(Path(default_database())))
    try:
        assert texts(laptop, group) == ["Bänkar vid ån"]
        assert [p.name for p in list_projects(laptop)] == ["Ängsö framåt"]
    finally:
        laptop.close()
    assert Settings().get(ORGANISATION_DATABASE) == shown  # the laptop syncs with it later
    window.close()
