"""The search dialog as a facilitator uses it: type Swedish words, arrow down, Enter."""

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
from PySide6.QtWidgets import QApplication

from facilitator.services import groups, people, projects, sections, wishes, workshops
from facilitator.ui.search_dialog import HTML_ROLE, SearchDialog
from tests.gui.keyboard import press, type_text

ROOT = Path(__file__).resolve().parents[2]
PENDING = ROOT / "resources" / "translations" / "pending" / "search.json"


@pytest.fixture(scope="session")
def _search_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dialog's Swedish, built from its pending JSON until it is merged into the .ts."""
    folder = tmp_path_factory.mktemp("search_qm")
    ts = ET.Element("TS", version="2.1", language="sv_SE", sourcelanguage="en")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = "SearchDialog"
    for source, swedish in json.loads(PENDING.read_text(encoding="utf-8")).items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = swedish
    ET.ElementTree(ts).write(folder / "search_sv.ts", encoding="utf-8", xml_declaration=True)
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease comes with PySide6"
    subprocess.run([lrelease, str(folder / "search_sv.ts"), "-qm", str(folder / "search_sv.qm")],
                   check=True, capture_output=True)
    return folder / "search_sv.qm"


@pytest.fixture
def in_swedish(qapp: QApplication, swedish: None, _search_qm: Path) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(_search_qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def content(store) -> dict[str, str]:
    project = projects.create_project(store, "Ängsö byalag")
    workshop = workshops.create_workshop(store, project, "Vårmöte på Ängsö")
    group = groups.create_group(store, workshop, name="Grupp Söder")
    wish = wishes.add_wish(store, group, "Bättre färjetider för fritidshusägare på Ängsö")
    section = sections.add_section(store, workshop, "Välkomna",
                                   "Ordföranden hälsade alla välkomna till bygdegården.")
    person = people.create_person(store, "Märta Öhrström", title="Fritidshusägare")
    return {"project": project, "workshop": workshop, "wish": wish, "section": section,
            "person": person}


def search_for(qtbot, dialog: SearchDialog, text: str) -> None:
    """Type ``text`` into an emptied field and wait until its search has run."""
    dialog.field.clear()
    type_text(dialog.field, text)
    qtbot.waitUntil(lambda: not dialog.search_pending(), timeout=2000)


@pytest.fixture
def dialog(qtbot, store, in_swedish) -> SearchDialog:
    d = SearchDialog(store)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_swedish_words_found_then_down_and_enter_opens_the_hit(qtbot, dialog, content):
    assert dialog.objectName() == "searchDialog"
    assert dialog.windowTitle() == "Sök"
    type_text(dialog.field, "färjetid")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=2000)
    item = dialog.results.item(0)
    assert item.text().startswith("Önskemål: Bättre färjetider för fritidshusägare på Ängsö")
    assert "(Vårmöte på Ängsö)" in item.text()
    assert "<b>färjetider</b>" in item.data(HTML_ROLE)
    assert dialog.count.text() == "1 träff"

    press(dialog.field, Qt.Key.Key_Down)
    assert dialog.focusWidget() is dialog.results
    with qtbot.waitSignal(dialog.open_requested, timeout=1000) as blocker:
        press(dialog.results, Qt.Key.Key_Return)
    assert blocker.args == ["wish", content["wish"], content["workshop"]]
    assert dialog.chosen is not None and dialog.chosen.project_id == content["project"]
    assert not dialog.isVisible()


def test_results_of_every_kind_have_swedish_labels(qtbot, dialog, content):
    def labels() -> list[str]:
        return sorted(dialog.results.item(i).text().split(":")[0]
                      for i in range(dialog.results.count()))

    search_for(qtbot, dialog, "ängsö")
    assert labels() == ["Workshop", "Önskemål"]
    assert dialog.count.text() == "2 träffar"
    search_for(qtbot, dialog, "fritidshusägare")
    assert labels() == ["Person", "Önskemål"]
    search_for(qtbot, dialog, "bygdegården")
    assert labels() == ["Punkt"]
    assert dialog.results.item(0).text().startswith("Punkt: Välkomna")


def test_the_list_waits_until_typing_pauses(qtbot, dialog, content):
    type_text(dialog.field, "ängs")
    assert dialog.results.count() == 0  # debounced: nothing searched yet
    qtbot.waitUntil(lambda: dialog.results.count() == 2, timeout=2000)


def test_enter_in_the_field_opens_the_best_hit_at_once(qtbot, dialog, content):
    type_text(dialog.field, "Öhrström")
    with qtbot.waitSignal(dialog.open_requested, timeout=1000) as blocker:
        press(dialog.field, Qt.Key.Key_Return)  # before the pause: searches first
    assert blocker.args == ["person", content["person"], ""]


def test_double_click_opens_and_up_returns_to_the_field(qtbot, dialog, content):
    type_text(dialog.field, "välkomna")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=2000)
    press(dialog.field, Qt.Key.Key_Down)
    press(dialog.results, Qt.Key.Key_Up)
    assert dialog.focusWidget() is dialog.field
    rect = dialog.results.visualItemRect(dialog.results.item(0))
    with qtbot.waitSignal(dialog.open_requested, timeout=1000) as blocker:
        QTest.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, rect.center())
        QTest.mouseDClick(dialog.results.viewport(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, rect.center())
    assert blocker.args == ["section", content["section"], content["workshop"]]


def test_no_results_says_so_in_swedish(qtbot, dialog, content):
    type_text(dialog.field, "Ödeshög")
    qtbot.waitUntil(lambda: dialog.count.text() == "Inga träffar för ”Ödeshög”.", timeout=2000)
    assert dialog.results.count() == 0
    with qtbot.assertNotEmitted(dialog.open_requested, wait=50):
        press(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_empty_and_hostile_text(qtbot, dialog, content):
    assert dialog.count.text().startswith("Skriv några bokstäver")
    search_for(qtbot, dialog, '"(ängsö* -')
    assert dialog.results.count() == 2
    search_for(qtbot, dialog, 'NEAR("ängsö" OR) AND')
    assert dialog.count.text() == 'Inga träffar för ”NEAR("ängsö" OR) AND”.'
    search_for(qtbot, dialog, "!?* 🦆")
    assert dialog.count.text().startswith("Skriv några bokstäver")
    assert dialog.results.count() == 0


def test_escape_closes_without_opening(qtbot, dialog, content):
    type_text(dialog.field, "ängsö")
    with qtbot.assertNotEmitted(dialog.open_requested, wait=50):
        press(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
