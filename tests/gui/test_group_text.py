"""Grupper: the group-work section's own text before and after the list, and its members."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from facilitator.events import ChangeBus
from facilitator.minutes.build import build_minutes
from facilitator.minutes.model import Heading, MinutesOptions, Paragraph
from facilitator.services import focus_areas, groups, people, projects, workshops
from facilitator.services.overview import get_facts
from facilitator.ui.commands import Editor
from facilitator.ui.views.groups_view import GroupsView
from tests.gui.keyboard import press, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

LEAD = "Grupperna på Ängsö valde själva sitt område, även öns äldsta."
AFTER = "Därefter redovisade varje grupp för alla."


@pytest.fixture
def evening(store):
    project = projects.create_project(store, "Bygdens framtid")
    culture = focus_areas.add_focus_area(store, project, "Kultursamverkan")
    school = focus_areas.add_focus_area(store, project, "Skolsamverkan")
    workshop = workshops.create_workshop(store, project, "Decemberkvällen på Ängsö")
    agnes = people.create_person(store, "Agnes Åström")
    people.set_attendance(store, workshop, agnes, "attended")
    first = groups.create_group(store, workshop, [culture])
    groups.create_group(store, workshop, [school])
    groups.set_members(store, first, [agnes])
    return store, workshop


@pytest.fixture
def page(qtbot, evening):
    store, workshop = evening
    stack = QUndoStack()
    view = GroupsView(store, Editor(stack))
    view.stack = stack
    view.bus = ChangeBus(store)  # kept alive with the page
    view.bus.changed.connect(view.on_changed)
    qtbot.addWidget(view)
    view.set_workshop(workshop)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    return view


def settle(qtbot) -> None:
    qtbot.wait(10)
    QApplication.processEvents()


def group_section(store, workshop) -> list[str]:  # type: ignore[no-untyped-def]
    """The group-work section of the built minutes: "#" headings and paragraph texts."""
    body = build_minutes(store, workshop, MinutesOptions()).body
    start = next(i for i, b in enumerate(body)
                 if isinstance(b, Heading) and b.text.startswith("Grupparbete"))
    shown = []
    for block in body[start:]:
        if isinstance(block, Heading):
            if block.level == 1 and shown:
                break
            shown.append("#" * block.level + " " + block.text)
        elif isinstance(block, Paragraph):
            shown.append(block.text)
    return shown


def test_lead_after_and_members_reach_the_minutes_in_order(qtbot, page, evening):
    store, workshop = evening
    panel = page.text_panel
    lead = panel.lead.edit
    assert lead.toPlainText() == ""
    assert lead.placeholderText() == "Det blev två grupper som arbetade med:"
    assert group_section(store, workshop)[1] == (
        "Det blev två grupper som arbetade med: 1) Kultursamverkan 2) Skolsamverkan")

    page.tree.setFocus()
    press(page.tree, Qt.Key.Key_Tab)  # the keyboard walks from the groups into the text
    assert lead.hasFocus()
    type_text(lead, LEAD)
    press(lead, Qt.Key.Key_Tab)  # leaving commits
    assert get_facts(store, workshop).group_lead_text == LEAD
    assert panel.reset_button.hasFocus() and panel.reset_button.isEnabled()
    press(panel.reset_button, Qt.Key.Key_Tab)
    after = panel.after.edit
    assert after.hasFocus()
    type_text(after, AFTER)
    press(after, Qt.Key.Key_Tab)
    assert panel.members.hasFocus()
    press(panel.members, Qt.Key.Key_Space)
    settle(qtbot)

    facts = get_facts(store, workshop)
    assert (facts.group_lead_text, facts.group_after_text, facts.show_group_members) == (
        LEAD, AFTER, True)
    assert group_section(store, workshop) == [
        "# Grupparbete", LEAD, "1) Kultursamverkan 2) Skolsamverkan", AFTER,
        "## Kultursamverkan", "Deltagare: Agnes Åström", "## Skolsamverkan"]
    assert panel.members.isChecked() and lead.toPlainText() == LEAD

    # Undo, one step at a time: members, after text, lead text.
    page.stack.undo()
    settle(qtbot)
    assert get_facts(store, workshop).show_group_members is False
    assert not panel.members.isChecked()
    page.stack.undo()
    settle(qtbot)
    assert get_facts(store, workshop).group_after_text == ""
    assert after.toPlainText() == ""
    page.stack.undo()
    settle(qtbot)
    assert get_facts(store, workshop).group_lead_text is None
    assert lead.toPlainText() == "" and not panel.reset_button.isEnabled()


def test_reset_and_clearing_give_back_the_generated_sentence(qtbot, page, evening):
    store, workshop = evening
    panel = page.text_panel
    lead = panel.lead.edit
    lead.setFocus()
    type_text(lead, "Två grupper, två ämnen.")
    panel.reset_button.setFocus()  # leaving the text commits it
    assert get_facts(store, workshop).group_lead_text == "Två grupper, två ämnen."
    press(panel.reset_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert get_facts(store, workshop).group_lead_text is None
    assert lead.toPlainText() == "" and lead.placeholderText().startswith("Det blev två")
    assert group_section(store, workshop)[1].startswith("Det blev två grupper")
    page.stack.undo()  # the reset is undone: the own text is back
    settle(qtbot)
    assert get_facts(store, workshop).group_lead_text == "Två grupper, två ämnen."
    assert lead.toPlainText() == "Två grupper, två ämnen."

    # Clearing the text by keys is the generated sentence too.
    lead.setFocus()
    press(lead, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(lead, Qt.Key.Key_Delete)
    panel.after.edit.setFocus()
    settle(qtbot)
    assert get_facts(store, workshop).group_lead_text is None
    assert not panel.reset_button.isEnabled()


def test_another_workshop_shows_its_own_text(qtbot, page, evening, store):
    _store, workshop = evening
    workshops.update_workshop(store, workshop, group_lead_text="Kvällens egen text.",
                              group_after_text="Sedan fika.")
    settle(qtbot)
    panel = page.text_panel
    assert panel.lead.edit.toPlainText() == "Kvällens egen text."
    project = workshops.project_of(store, workshop)
    other = workshops.create_workshop(store, project, "Vårkvällen")
    page.set_workshop(other)
    assert panel.lead.edit.toPlainText() == "" and panel.after.edit.toPlainText() == ""
    assert panel.lead.edit.placeholderText() == "Det blev … grupper som arbetade med:"
    assert not panel.members.isChecked() and not panel.reset_button.isEnabled()
    page.set_workshop(None)
    assert not panel.isEnabled() and panel.lead.edit.toPlainText() == ""
    page.set_workshop(workshop)
    assert panel.after.edit.toPlainText() == "Sedan fika."
