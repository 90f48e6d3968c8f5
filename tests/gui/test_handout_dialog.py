"""Arkiv → Närvarolista… and Dagordning att dela ut…: by keyboard, Swedish text, real dialogs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from facilitator import settings as opts
from facilitator.minutes.handouts import default_notice
from facilitator.services import people, projects, sections, workshops
from facilitator.settings import Settings
from facilitator.store.models import AttendanceStatus
from facilitator.ui.dialogs.handout_dialog import HandoutDialog
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press, type_text


@pytest.fixture
def workshop_id(store):  # type: ignore[no-untyped-def]
    pid = projects.create_project(store, "Lillsjö framåt")
    wid = workshops.create_workshop(store, pid, "Vårmöte i bygdegården", date="2026-04-15",
                                    venue="Lillsjö bygdegård")
    for name in ("Åke Öhrn", "Märta Sjölund"):
        person = people.create_person(store, name, organisation="Lillsjö byalag")
        people.set_attendance(store, wid, person, AttendanceStatus.INVITED)
    sections.add_section(store, wid, "Välkomna")
    sections.add_section(store, wid, "Vägen genom byn")
    return wid


def _paragraph_texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _replace_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    press(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def test_signin_sheet_from_the_file_menu_by_keyboard(qtbot, make_window, workshop_id,
                                                      tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_workshop(workshop_id)
    target = tmp_path / "närvarolista vårmöte.docx"
    seen: list[HandoutDialog] = []

    errors: list[BaseException] = []

    def fill(dialog: QWidget) -> None:
        try:
            fill_in(dialog)
        except Exception as exc:  # noqa: BLE001 - an assertion inside exec() would hang the test
            errors.append(exc)
            dialog.close()

    def fill_in(dialog: QWidget) -> None:
        assert isinstance(dialog, HandoutDialog)
        seen.append(dialog)
        notice = dialog.notice
        assert dialog.focusWidget() is notice  # the text to check is where the cursor starts
        _replace_text(notice, "Listan sparas i kommunens arkiv.\n\nFråga Åsa om något är oklart.")
        press(notice, Qt.Key.Key_Tab)  # Tab leaves the text, it does not indent it
        assert dialog.focusWidget() is dialog.blank_rows.lineEdit() or (
            dialog.focusWidget() is dialog.blank_rows)
        _replace_text(dialog.target, str(target))
        dialog.blank_rows.setFocus()
        _replace_text(dialog.blank_rows.lineEdit(), "3")
        press(dialog.target, Qt.Key.Key_Return)  # Enter saves: Spara is the default button
        qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20_000)
        press(dialog, Qt.Key.Key_Escape)

    when_modal(qtbot, fill)
    window.signin_action.trigger()

    if errors:
        raise errors[0]
    assert seen and seen[0].result_path == target
    texts = _paragraph_texts(target)
    assert "Listan sparas i kommunens arkiv." in texts
    assert "Fråga Åsa om något är oklart." in texts
    table = docx.Document(str(target)).tables[-1]
    assert [row.cells[0].text for row in table.rows] == [
        "Namn", "Märta Sjölund", "Åke Öhrn", "", "", ""]
    remembered = Settings()
    assert remembered.get(opts.SIGNIN_BLANK_ROWS) == 3
    assert remembered.get(opts.SIGNIN_NOTICE).startswith("Listan sparas")


def test_default_text_button_and_an_unchanged_default_is_not_stored(
        qtbot, store, workshop_id, tmp_path, swedish) -> None:  # type: ignore[no-untyped-def]
    settings = Settings()
    settings.set(opts.SIGNIN_NOTICE, "En gammal text om personuppgifter.")
    dialog = HandoutDialog(store, settings, workshop_id, "Vårmöte", "sv", "signin")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.notice.toPlainText() == "En gammal text om personuppgifter."
    dialog.default_button.setFocus()
    press(dialog.default_button, Qt.Key.Key_Space)
    assert dialog.notice.toPlainText() == default_notice("sv")
    _replace_text(dialog.target, str(tmp_path / "lista.docx"))
    press(dialog.target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20_000)
    assert default_notice("sv") in _paragraph_texts(tmp_path / "lista.docx")
    assert Settings().get(opts.SIGNIN_NOTICE) == ""


def test_agenda_handout_and_a_bad_target_keeps_the_dialog_open(
        qtbot, store, workshop_id, tmp_path, swedish) -> None:  # type: ignore[no-untyped-def]
    dialog = HandoutDialog(store, Settings(), workshop_id, "Vårmöte", "sv", "agenda")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.notice.isVisible()
    warnings: list[str] = []

    def read_and_close(box: QWidget) -> None:
        warnings.append(box.text())  # type: ignore[attr-defined]
        press(box, Qt.Key.Key_Return)

    when_modal(qtbot, read_and_close)
    _replace_text(dialog.target, str(tmp_path / "finns-inte" / "dagordning.docx"))
    press(dialog.target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert "finns-inte" in warnings[0]
    assert dialog.isVisible() and dialog.result_path is None
    assert dialog.status.text() == "Dokumentet sparades inte."

    _replace_text(dialog.target, str(tmp_path / "dagordning"))
    press(dialog.target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20_000)
    assert dialog.result_path == tmp_path / "dagordning.docx"
    texts = _paragraph_texts(tmp_path / "dagordning.docx")
    assert texts.index("Välkomna") < texts.index("Vägen genom byn")
