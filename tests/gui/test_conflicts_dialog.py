"""Konflikter: a wish text changed on two laptops; keep it or take the other, by keyboard."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QTreeWidget

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package
from facilitator.services import conflicts, groups, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.ui.dialogs.conflicts_dialog import ConflictsDialog
from facilitator.ui.main_window import MainWindow
from tests.gui.keyboard import press
from tests.gui.modal import when_shown

M = Qt.KeyboardModifier
PENDING_EMPTY = ("No conflicts. When two computers have changed the same field, the value "
                 "that was not kept is saved here, so you can choose.")
BY_A = "Fler bänkar vid ån, skrivet på Åsas dator"
BY_B = "Bänkar och grillplats vid ån, skrivet på Görans dator"
PENDING = json.loads((Path(__file__).parents[2] / "resources" / "translations" / "pending"
                      / "f4-conflicts.json").read_text(encoding="utf-8"))


def swedish(dialog: ConflictsDialog, english: str, expected: str) -> str:
    """The text the dialog shows for ``english``: Swedish once the lead merges the pending
    translations (checked against them until then)."""
    shown = dialog.tr(english)
    assert shown == expected or (shown == english and PENDING[english] == expected)
    return shown


@pytest.fixture
def wish_in_conflict(db_path: Path, store: Store, tmp_path: Path) -> str:
    """Laptop A (the window's store) merged B's package: both changed the same wish text."""
    other = tmp_path / "b.sqlite3"
    shutil.copyfile(db_path, other)
    laptop_b = Store(open_database(other))
    try:
        project = projects.create_project(store, "Ängsö framåt")
        workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
        group = groups.create_group(store, workshop, name="Grupp ett")
        wish = wishes.add_wish(store, group, "Bänkar vid ån", votes=2)
        import_package(laptop_b, json.loads(json.dumps(export_package(store, project))))
        wishes.set_text(store, wish, BY_A)
        wishes.set_text(laptop_b, wish, BY_B)  # the later edit: the merge keeps it
        package = json.loads(json.dumps(export_package(laptop_b, project)))
        assert import_package(store, package, source="kväll-göran.json").conflicts == 1
    finally:
        laptop_b.close()
    return wish


def wish_text(store: Store, wish_id: str) -> str:
    with store.read() as s:
        from facilitator.store.models import Wish

        row = s.get(Wish, wish_id)
        assert row is not None
        return row.text


def rows(dialog: ConflictsDialog) -> list[list[str]]:
    table = dialog.findChild(QTreeWidget, "conflictItems")
    assert table is not None
    return [[table.topLevelItem(i).text(c) for c in range(4)]  # type: ignore[union-attr]
            for i in range(table.topLevelItemCount())]


def tooltips(dialog: ConflictsDialog) -> list[str]:
    """The full kept and other values of the first row (long values are elided in the table)."""
    first = dialog.items.topLevelItem(0)
    assert first is not None
    return [first.toolTip(1), first.toolTip(2)]


def in_dialog(window: MainWindow, qtbot, act: Callable[[ConflictsDialog], None]) -> None:
    """Open Konflikter by its shortcut in the window, do ``act``, close it with Esc."""
    done: list[bool] = []

    def run(dialog: ConflictsDialog) -> None:
        try:
            dialog.activateWindow()  # as the window system does for a new modal dialog
            qtbot.waitUntil(dialog.isActiveWindow)
            act(dialog)
        finally:
            done.append(True)
            press(dialog, Qt.Key.Key_Escape)

    window.activateWindow()  # what the window system does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    when_shown(ConflictsDialog, run)
    press(window, Qt.Key.Key_K, M.ControlModifier | M.ShiftModifier)
    assert done == [True]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_take_the_other_value_undo_in_the_window_then_keep(
        qtbot, store, wish_in_conflict, window) -> None:
    seen: dict[str, object] = {}

    def take_other(dialog: ConflictsDialog) -> None:
        assert dialog.windowTitle() == swedish(dialog, "Conflicts", "Konflikter")
        seen["what"] = (swedish(dialog, "Wish", "Önskemål")  # the texts are beside it
                        + " (Grupp ett, Kväll i bygdegården), "
                        + swedish(dialog, "text", "text"))
        seen["no_conflicts"] = swedish(dialog, PENDING_EMPTY, PENDING[PENDING_EMPTY])
        seen["rows"] = rows(dialog)
        seen["tooltips"] = tooltips(dialog)
        press(dialog.items, Qt.Key.Key_A)
        seen["text"] = wish_text(store, wish_in_conflict)
        seen["after"] = rows(dialog)
        empty = dialog.findChild(QLabel, "conflictsEmpty")
        seen["empty"] = empty.text() if empty is not None and empty.isVisible() else ""

    in_dialog(window, qtbot, take_other)
    [(what, kept, other, source)] = seen["rows"]  # type: ignore[misc]
    assert what == seen["what"]
    assert BY_B[:30] in kept and BY_A[:30] in other
    assert re.match(r"20\d\d-\d\d-\d\d \d\d:\d\d  ", kept)  # when it was written, local time
    assert kept.endswith("…")  # elided: the whole value is in the tooltip
    assert seen["tooltips"] == [BY_B, BY_A]
    assert source == "kväll-göran.json"
    assert seen["text"] == BY_A
    assert seen["after"] == []
    assert seen["empty"] == seen["no_conflicts"]
    assert str(PENDING[PENDING_EMPTY]).startswith("Inga konflikter. När två datorer")

    press(window, Qt.Key.Key_Z, M.ControlModifier)
    assert wish_text(store, wish_in_conflict) == BY_B
    [open_again] = conflicts.list_conflicts(store)
    assert open_again.chosen == "open"

    def keep(dialog: ConflictsDialog) -> None:
        seen["rows"] = rows(dialog)
        press(dialog.items, Qt.Key.Key_K)
        seen["undone_in_dialog"] = [len(rows(dialog))]
        press(dialog.items, Qt.Key.Key_Z, M.ControlModifier)  # the window's undo, here too
        qtbot.waitUntil(lambda: len(rows(dialog)) == 1)
        press(dialog.items, Qt.Key.Key_Return)
        seen["after"] = rows(dialog)
        settled = dialog.findChild(QCheckBox, "conflictsShowSettled")
        assert settled is not None
        settled.setChecked(True)
        seen["settled"] = [dialog.items.topLevelItem(0).text(4)]  # type: ignore[union-attr]
        seen["kept"] = [swedish(dialog, "Kept", "Behölls")]

    in_dialog(window, qtbot, keep)
    assert len(seen["rows"]) == 1  # type: ignore[arg-type]
    assert seen["undone_in_dialog"] == [0]
    assert seen["after"] == []
    assert seen["settled"] == seen["kept"]
    assert wish_text(store, wish_in_conflict) == BY_B
    [settled] = conflicts.list_conflicts(store, include_resolved=True)
    assert (settled.resolved, settled.chosen) == (True, "kept")
