"""Consent to be named: ticked on the participants' list, honoured by the export for publication."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from facilitator import settings as opts
from facilitator.events import ChangeBus
from facilitator.minutes.build import build_minutes
from facilitator.minutes.model import MinutesOptions
from facilitator.services import focus_areas, groups, people, projects, sections, wishes
from facilitator.services import workshops as ws
from facilitator.settings import Settings
from facilitator.store.models import AttendanceStatus as S
from facilitator.ui.commands import Editor
from facilitator.ui.export_dialog import ExportMinutesDialog
from facilitator.ui.views.export_view import ExportView
from facilitator.ui.views.people_view import PeopleView
from facilitator.ui.views.people_widgets import MAY_NAME, NAME
from tests.gui.keyboard import press, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SHY, OPEN = "Örjan Ödmark", "Agnes Åström"


@pytest.fixture
def evening(store):
    project = projects.create_project(store, "Byaprojektet Ängsö")
    wid = ws.create_workshop(store, project, "Vårmöte på Åkersberg", show_group_members=True)
    area = focus_areas.add_focus_area(store, project, "Kultursamverkan")
    shy = people.create_person(store, SHY)
    open_ = people.create_person(store, OPEN)
    for person in (shy, open_):
        people.set_attendance(store, wid, person, "attended")
    sections.add_section(store, wid, "Inledning", f"{SHY} och {OPEN} hälsade välkomna.")
    group = groups.create_group(store, wid, [area])
    wishes.add_wish(store, group, f"Fler kvällar som {SHY}s berättarkväll")
    groups.set_members(store, group, [shy, open_])
    return store, wid, shy


def show(qtbot, view, wid):  # type: ignore[no-untyped-def]
    view.bus = ChangeBus(view.store)  # kept alive with the page
    view.bus.changed.connect(view.on_changed)
    qtbot.addWidget(view)
    view.set_workshop(wid)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    return view


def preview_text(page: ExportView) -> str:
    document = page.preview.pages.document
    return document.toPlainText() if document is not None else ""


def consent(store, wid) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    return {a.name: a.may_be_named for a in people.list_attendance(store, wid)}


def shown(page: PeopleView) -> dict[str, bool]:
    table = page.attendance
    return {table.item(r, NAME).text(): table.item(r, MAY_NAME).checkState()
            == Qt.CheckState.Checked for r in range(table.rowCount())}


def test_space_on_may_be_named_toggles_consent_undoably(qtbot, evening, swedish):
    store, wid, _shy = evening
    stack = QUndoStack()
    page = show(qtbot, PeopleView(store, Editor(stack)), wid)
    table = page.attendance
    assert table.horizontalHeaderItem(MAY_NAME).text() == "Får namnges"
    assert shown(page) == {OPEN: True, SHY: True}  # yes unless the person says no

    row = [table.item(r, NAME).text() for r in range(table.rowCount())].index(SHY)
    table.setFocus()
    table.setCurrentCell(row, NAME)
    press(table, Qt.Key.Key_Right)
    press(table, Qt.Key.Key_Right)
    press(table, Qt.Key.Key_Right)
    press(table, Qt.Key.Key_Right)  # the keyboard walks to "Får namnges"
    assert table.currentColumn() == MAY_NAME
    press(table, Qt.Key.Key_Space)
    assert consent(store, wid) == {OPEN: True, SHY: False}
    assert shown(page) == {OPEN: True, SHY: False}
    assert stack.undoText() == f"Namnge inte {SHY} i publicerade minnesanteckningar"
    statuses = {a.name: a.status for a in people.list_attendance(store, wid)}
    assert statuses == {OPEN: S.ATTENDED, SHY: S.ATTENDED}  # Space did not cycle the status

    stack.undo()
    qtbot.waitUntil(lambda: shown(page) == {OPEN: True, SHY: True})
    assert consent(store, wid) == {OPEN: True, SHY: True}
    stack.redo()
    qtbot.waitUntil(lambda: shown(page) == {OPEN: True, SHY: False})
    assert consent(store, wid)[SHY] is False

    press(table, Qt.Key.Key_Left)  # on another column Space still cycles the status
    press(table, Qt.Key.Key_Space)
    assert {a.name: a.status for a in people.list_attendance(store, wid)}[SHY] == S.ABSENT


def test_export_for_publication_replaces_the_name_and_counts(qtbot, evening, tmp_path: Path,
                                                             swedish):
    store, wid, shy = evening
    people.set_may_be_named(store, wid, shy, False)
    settings = Settings()
    page = show(qtbot, ExportView(store, Editor(QUndoStack()), settings), wid)
    qtbot.waitUntil(lambda: SHY in preview_text(page), timeout=5000)
    assert page.preview.replaced_label.text() == ""

    dialog = ExportMinutesDialog(store, settings, wid, "Vårmöte på Åkersberg", page)
    dialog.options_changed.connect(page.preview_options)  # as File → Export does
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.publication
    assert box.text() == "För publicering (byt ut namn på dem som inte får namnges)"
    box.setFocus()
    press(box, Qt.Key.Key_Space)
    assert box.isChecked()

    expected = build_minutes(store, wid, MinutesOptions(for_publication=True))
    assert expected.people_replaced == 1 and expected.names_replaced >= 3
    said = f"{expected.names_replaced} namn ersattes (1 person)"
    qtbot.waitUntil(lambda: SHY not in preview_text(page), timeout=5000)
    assert page.preview.replaced_label.text() == said
    assert OPEN in preview_text(page)

    target = tmp_path / "Publicering.docx"
    dialog.target.setFocus()
    dialog.target.selectAll()
    press(dialog.target, Qt.Key.Key_Delete)
    type_text(dialog.target, str(target))
    press(dialog.target, Qt.Key.Key_Return)  # Enter exports
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20_000)
    assert dialog.status.text() == f"Sparade {target}\n{said}"

    document = docx.Document(str(target))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "Ödmark" not in text and "Örjan" not in text
    assert OPEN in text
    assert text.count("en deltagare") == expected.names_replaced
    assert Settings().get(opts.MINUTES_PUBLICATION) is True
    dialog.close()
