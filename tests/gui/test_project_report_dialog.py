"""Arkiv → Projektrapport… (Ctrl+Shift+R) on the project chosen in the navigator, by keyboard."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from facilitator.interchange.sample import load_sample
from facilitator.ui.dialogs.report_dialog import ProjectReportDialog
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text

PROJECT = "Lillsjö framåt – samverkan för en levande bygd"


def _run_dialog(qtbot, fill_in) -> list[BaseException]:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def guarded(dialog: QWidget) -> None:
        try:
            fill_in(dialog)
        except Exception as exc:  # noqa: BLE001 - an assertion inside exec() would hang the test
            errors.append(exc)
            dialog.close()

    when_modal(qtbot, guarded)
    return errors


def test_report_of_the_chosen_project_by_keyboard(qtbot, make_window, store,
                                                  tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    load_sample(store)
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    navigator = window.navigator
    navigator.setFocus()
    press(navigator, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: navigator.current_kind() == "project")
    assert navigator.currentItem() is not None and navigator.currentItem().text(0) == PROJECT
    target = tmp_path / "Rapport Lillsjö åäö.docx"
    seen: list[ProjectReportDialog] = []

    def fill_in(dialog: QWidget) -> None:
        assert isinstance(dialog, ProjectReportDialog)
        seen.append(dialog)
        # "Projektrapport" once the lead merges the pending translations.
        assert dialog.windowTitle() == dialog.tr("Project report")
        suggested = Path(dialog.target.text())
        assert suggested.name.startswith(dialog.tr("Project report") + " Lillsjö framåt")
        assert suggested.suffix == ".docx"
        assert dialog.focusWidget() is dialog.target  # the name is selected: typing replaces it
        type_text(dialog.target, str(target))
        press(dialog.target, Qt.Key.Key_Return)  # Enter saves: Spara is the default button
        qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20_000)
        assert dialog.status.text() == f"Sparade {target}"
        press(dialog, Qt.Key.Key_Escape)

    errors = _run_dialog(qtbot, fill_in)
    press(navigator, Qt.Key.Key_R,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    if errors:
        raise errors[0]
    assert seen and seen[0].result_path == target
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Projektrapport" and PROJECT in texts[1]
    assert "Siffror för projektet" in texts and "1. Medborgardialog" in texts
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Gruppen träffades i augusti och ses nu varannan månad." in cells


def test_a_workshop_chosen_reports_its_project_and_the_menu_names_it(
        qtbot, make_window, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    load_sample(store)
    window = make_window()
    navigator = window.navigator
    navigator.setFocus()
    press(navigator, Qt.Key.Key_Home)
    press(navigator, Qt.Key.Key_Down)  # the project's first workshop
    qtbot.waitUntil(lambda: navigator.current_kind() == "workshop")
    assert window.project_report_action in navigator.actions()  # its context menu
    assert window.project_report_action.text() == window.tr("Project &report…")
    target = tmp_path / "rapport"

    def fill_in(dialog: QWidget) -> None:
        assert isinstance(dialog, ProjectReportDialog)
        press(dialog.target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(dialog.target, str(target))
        press(dialog.target, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20_000)
        press(dialog, Qt.Key.Key_Escape)

    errors = _run_dialog(qtbot, fill_in)
    window.project_report_action.trigger()
    if errors:
        raise errors[0]
    document = docx.Document(str(tmp_path / "rapport.docx"))
    assert PROJECT in document.paragraphs[1].text
