"""Dagordning by keyboard: an agenda item becomes the follow-up of the minutes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.services import projects, sections, workshops
from facilitator.store.models import SectionKind
from tests.gui.keyboard import type_text

K = Qt.Key
PENDING = Path(__file__).resolve().parents[2] / "resources/translations/pending/f3-minutes.json"


@pytest.fixture
def window(qapp: QApplication, swedish: None, make_window,  # type: ignore[no-untyped-def]
           tmp_path: Path) -> Iterator[QWidget]:
    """The main window with the page's new Swedish, built from the pending JSON until the
    lead merges it into the .ts (installed before the page fills its combo)."""
    ts = ET.Element("TS", version="2.1", language="sv_SE", sourcelanguage="en")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = "AgendaView"
    for source, swedish_text in json.loads(PENDING.read_text(encoding="utf-8")).items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = swedish_text
    ET.ElementTree(ts).write(tmp_path / "agenda_sv.ts", encoding="utf-8", xml_declaration=True)
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease comes with PySide6"
    subprocess.run([lrelease, str(tmp_path / "agenda_sv.ts"), "-qm",
                    str(tmp_path / "agenda_sv.qm")], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "agenda_sv.qm"))
    qapp.installTranslator(translator)
    yield make_window()
    qapp.removeTranslator(translator)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def open_agenda(qtbot, window, workshop_id: str):  # type: ignore[no-untyped-def]
    window.navigator.reload()
    window.open_workshop(workshop_id)
    window.show_page(window.agenda)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window.agenda


def only_section(store, workshop_id: str):  # type: ignore[no-untyped-def]
    rows = sections.list_sections(store, workshop_id)
    assert len(rows) == 1
    return rows[0]


def add_item_and_tab_to_kind(qtbot, agenda) -> None:  # type: ignore[no-untyped-def]
    agenda.add_button.setFocus()
    QTest.keyClick(agenda.add_button, K.Key_Space)
    qtbot.waitUntil(lambda: focused() is agenda.heading)
    QTest.keyClick(focused(), K.Key_Tab)
    assert focused() is agenda.kind


def test_a_new_item_becomes_the_follow_up_with_its_heading(qtbot, store, window) -> None:
    pid = projects.create_project(store, "Lillsjö framåt")
    wid = workshops.create_workshop(store, pid, "Uppföljning i höst", date="2026-09-17")
    agenda = open_agenda(qtbot, window, wid)
    add_item_and_tab_to_kind(qtbot, agenda)
    new_heading = only_section(store, wid).heading
    assert agenda.kind.itemText(agenda.kind.count() - 1) == "Anteckningar, sedan uppföljningen"
    QTest.keyClick(focused(), K.Key_End)
    section = only_section(store, wid)
    assert section.kind == SectionKind.FOLLOW_UP
    assert section.heading == "Uppföljning sedan förra mötet"
    qtbot.waitUntil(lambda: agenda.heading.text() == "Uppföljning sedan förra mötet")
    qtbot.waitUntil(lambda: agenda.list.item(0).text() == "1. Uppföljning sedan förra mötet")
    window.undo_action.trigger()  # one step: the kind and the heading together
    section = only_section(store, wid)
    assert (section.kind, section.heading) == (SectionKind.TEXT, new_heading)
    window.redo_action.trigger()
    section = only_section(store, wid)
    assert (section.kind, section.heading) == (SectionKind.FOLLOW_UP,
                                               "Uppföljning sedan förra mötet")


def test_an_english_workshop_gets_the_english_heading_and_a_named_item_keeps_its_own(
        qtbot, store, window) -> None:
    pid = projects.create_project(store, "Lillsjö ahead")
    wid = workshops.create_workshop(store, pid, "Autumn review", date="2026-09-17",
                                    language="en")
    agenda = open_agenda(qtbot, window, wid)
    add_item_and_tab_to_kind(qtbot, agenda)
    QTest.keyClick(focused(), K.Key_End)
    assert only_section(store, wid).heading == "Follow-up since the last meeting"
    QTest.keyClick(focused(), K.Key_Home)
    assert only_section(store, wid).kind == SectionKind.TEXT
    QTest.keyClick(focused(), K.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is agenda.heading
    agenda.heading.selectAll()
    type_text(agenda.heading, "Vad hände sedan i våras?")
    QTest.keyClick(agenda.heading, K.Key_Tab)
    assert focused() is agenda.kind
    QTest.keyClick(focused(), K.Key_End)
    section = only_section(store, wid)
    assert (section.kind, section.heading) == (SectionKind.FOLLOW_UP,
                                               "Vad hände sedan i våras?")
