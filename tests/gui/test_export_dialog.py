"""Arkiv → Exportera minnesanteckningar… writes a .docx that reopens, and remembers choices."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from facilitator import settings as opts
from facilitator.services import projects, sections, workshops
from facilitator.settings import Settings
from facilitator.ui.export_dialog import ExportMinutesDialog
from tests.gui.keyboard import press, type_text
from tests.gui.modal import answer_box


@pytest.fixture
def workshop_id(store):
    pid = projects.create_project(store, "Lillsjö framåt")
    wid = workshops.create_workshop(store, pid, "Höstmöte i bygdegården", date="2026-10-01",
                                    issuing_unit="Kommunkansliet")
    sections.add_section(store, wid, "Inledning",
                         "Märta hälsade alla välkomna.\n\n- Fika\n- Öppet samtal")
    return wid


def make_dialog(qtbot, store, workshop_id):
    dialog = ExportMinutesDialog(store, Settings(), workshop_id, "Höstmöte i bygdegården")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_export_writes_minutes_that_reopen(qtbot, store, workshop_id, tmp_path, swedish):
    dialog = make_dialog(qtbot, store, workshop_id)
    target = tmp_path / "Minnesanteckningar höstmöte.docx"
    dialog.target.setFocus()
    dialog.target.selectAll()
    press(dialog.target, Qt.Key.Key_Delete)
    type_text(dialog.target, str(target))
    dialog.anonymise.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20_000)

    assert dialog.result_path == target
    assert dialog.open_folder.isVisible()
    assert dialog.status.text() == f"Sparade {target}"
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Höstmöte i bygdegården" in text and "Inledning" in text
    remembered = Settings()
    assert remembered.get(opts.MINUTES_FOLDER) == str(tmp_path)
    assert remembered.get(opts.MINUTES_ANONYMISE) is True
    assert make_dialog(qtbot, store, workshop_id).anonymise.isChecked()


def test_a_missing_template_gives_a_message_and_no_file(qtbot, store, workshop_id, tmp_path,
                                                       swedish):
    warnings: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, warnings)
    dialog = make_dialog(qtbot, store, workshop_id)
    target = tmp_path / "ut.docx"
    dialog.target.setText(str(target))
    dialog.template.setText(str(tmp_path / "finns-inte.dotx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert "finns-inte.dotx" in warnings[0]
    assert not target.exists()
    assert dialog.status.text() == "Minnesanteckningarna sparades inte."
    assert list(Path(tmp_path).glob("*.tmp")) == []

