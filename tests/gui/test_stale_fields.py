"""A colleague stores the same field while I type in it (#15): a title, an agenda heading,
a person's e-mail. Mine is not stored over theirs without my knowing: I am told, my typing
stays, and storing it again (Enter, OK) puts mine over theirs deliberately."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QWidget

from facilitator.services import people, projects, sections, workshops
from facilitator.ui.dialogs.person_dialog import PersonDialog
from tests.gui.keyboard import press, type_text
from tests.gui.modal import answer_box, when_shown

TOLD = "Någon annan ändrade ”"


def _replace(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    press(edit, Qt.Key.Key_Delete)
    type_text(edit, text)


def _opened(store, window) -> str:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Lillsjö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    window.navigator.reload()
    window.open_workshop(workshop)
    return workshop


def test_a_title_a_colleague_changed_while_i_typed(qtbot, store, window) -> None:  # type: ignore[no-untyped-def]
    workshop = _opened(store, window)
    title = window.facts.lines["title"]
    qtbot.waitUntil(lambda: title.text() == "Kväll i bygdegården")
    _replace(title, "Åsas kväll om ängarna")
    workshops.rename_workshop(store, workshop, "Görans kväll om hamnen")  # elsewhere
    assert title.text() == "Åsas kväll om ängarna"  # the colleague's does not clobber mine

    told: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, told)
    press(title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(told))
    assert told[0].startswith(TOLD + "Titeln” till ”Görans kväll om hamnen”")  # theirs, named
    assert workshops.get_facts(store, workshop).title == "Görans kväll om hamnen"
    assert title.text() == "Åsas kväll om ängarna"

    title.setFocus()
    press(title, Qt.Key.Key_Return)  # told, I store mine
    assert workshops.get_facts(store, workshop).title == "Åsas kväll om ängarna"
    assert len(told) == 1
    window.undo_action.trigger()  # undo gives the colleague's title back
    assert workshops.get_facts(store, workshop).title == "Görans kväll om hamnen"


def test_a_field_a_colleague_did_not_touch_takes_their_other_edits(qtbot, store, window) -> None:  # type: ignore[no-untyped-def]
    workshop = _opened(store, window)
    venue = window.facts.lines["venue"]
    venue.setFocus()  # in the field, not typing
    workshops.update_workshop(store, workshop, venue="Bygdegården i Lillsjö")  # elsewhere
    qtbot.waitUntil(lambda: venue.text() == "Bygdegården i Lillsjö")
    _replace(window.facts.lines["case_reference"], "Dnr 2026/7 Ängsö")
    press(window.facts.lines["case_reference"], Qt.Key.Key_Return)
    facts = workshops.get_facts(store, workshop)
    assert (facts.venue, facts.case_reference) == ("Bygdegården i Lillsjö", "Dnr 2026/7 Ängsö")


def test_a_heading_a_colleague_changed_while_i_typed(qtbot, store, window) -> None:  # type: ignore[no-untyped-def]
    workshop = _opened(store, window)
    section = sections.add_section(store, workshop, "Inledning")
    window.show_page(window.agenda)
    heading = window.agenda.heading
    qtbot.waitUntil(lambda: heading.text() == "Inledning")
    _replace(heading, "Välkomna och fika")
    sections.set_heading(store, section, "Göran: presentationsrunda")  # elsewhere
    told: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, told)
    press(heading, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(told))
    assert told[0].startswith(TOLD + "Rubriken”")
    assert sections.get_section(store, section).heading == "Göran: presentationsrunda"
    assert heading.text() == "Välkomna och fika"
    heading.setFocus()
    press(heading, Qt.Key.Key_Return)
    assert sections.get_section(store, section).heading == "Välkomna och fika"


def test_an_email_a_colleague_changed_while_the_dialog_was_open(qtbot, store, window) -> None:  # type: ignore[no-untyped-def]
    _opened(store, window)
    person = people.create_person(store, "Märta Öberg", email="marta@example.se")
    page = window.people
    window.show_page(page)
    qtbot.waitUntil(lambda: page.register.rowCount() == 1)
    page.register.setFocus()
    page.register.selectRow(0)
    told: list[str] = []
    steps: list[str] = []

    def type_mine(dialog: PersonDialog) -> None:
        email = dialog.edits["email"]
        _replace(email, "marta.oberg@lillsjo.se")
        people.update_person(store, person, email="m.oberg@example.se")  # elsewhere
        # OK again once the message is closed, as a user can only then.
        answer_box(QMessageBox.StandardButton.Ok, told,
                   then=lambda: QTimer.singleShot(50, lambda: store_again(dialog)))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        ok.click()

    def store_again(dialog: PersonDialog) -> None:
        steps.append(dialog.edits["email"].text())  # still open, with my typing
        press(dialog.edits["email"], Qt.Key.Key_Return)

    when_shown(PersonDialog, type_mine)
    page.rename_selected()  # F2: the dialog
    assert told and told[0].startswith(TOLD + "Personen” till ”m.oberg@example.se”")
    assert steps == ["marta.oberg@lillsjo.se"]
    assert people.get_person(store, person).email == "marta.oberg@lillsjo.se"


def test_a_follow_up_comment_a_colleague_wrote_while_i_typed(qtbot, store, window) -> None:  # type: ignore[no-untyped-def]
    from facilitator.services import groups, reviews, wishes
    from facilitator.services.reviews import ReviewEntry, ReviewState
    from facilitator.store.vocabulary import ReviewStatus
    from facilitator.ui.models.follow_up_model import Column

    project = projects.create_project(store, "Ängsö framåt")
    march = workshops.create_workshop(store, project, "Vårmöte", date="2026-03-12")
    bus = wishes.add_wish(store, groups.create_group(store, march, name="Vägar"),
                          "Kvällsbuss till Ängsö")
    june = workshops.create_from_earlier(store, march, "Sommarmöte", date="2026-06-10")
    window.navigator.reload()
    window.open_workshop(june)
    page = window.follow_up
    window.show_page(page)
    qtbot.waitUntil(lambda: page.select_item(bus, Column.COMMENT))
    page.table.setFocus()
    press(page.table, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    type_text(line, "Åsa ringer trafikbolaget")
    colleague = ReviewState(ReviewEntry(ReviewStatus.IN_PROGRESS, "Göran har ringt"),
                            ReviewStatus.IN_PROGRESS)
    reviews.set_review(store, june, "wish", bus, colleague)  # elsewhere, meanwhile
    told: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, told)
    press(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(told))
    assert told[0].startswith(TOLD + "Kommentaren” till ”Göran har ringt”")
    assert reviews.review_state(store, june, "wish", bus).entry.comment == "Göran har ringt"
    # The cell opens again with my typing over theirs; Enter stores mine.
    def cell_editor() -> QWidget | None:
        return page.table.indexWidget(page.table.currentIndex())

    qtbot.waitUntil(lambda: isinstance(cell_editor(), QLineEdit)
                    and cell_editor().text() == "Åsa ringer trafikbolaget")
    window.activateWindow()  # as the window system does when the message closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cell_editor())
    press(cell_editor(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reviews.review_state(store, june, "wish", bus).entry.comment
                    == "Åsa ringer trafikbolaget")
    assert len(told) == 1


def test_a_group_a_colleague_renamed_while_i_typed(qtbot, store, window) -> None:  # type: ignore[no-untyped-def]
    from facilitator.services import groups

    workshop = _opened(store, window)
    group = groups.create_group(store, workshop, name="Hamnen")
    page = window.groups
    window.show_page(page)
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() >= 1)
    page.tree.setFocus()
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    press(page.tree, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    type_text(line, "Hamnen och bryggorna")
    groups.rename_group(store, group, "Görans hamngrupp")  # elsewhere, meanwhile
    told: list[str] = []
    answer_box(QMessageBox.StandardButton.Ok, told)
    press(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(told))
    assert told[0].startswith(TOLD + "Gruppens namn” till ”Görans hamngrupp”")
    assert groups.list_groups(store, workshop)[0].name == "Görans hamngrupp"
    # The name opens again with my typing over theirs; Enter stores mine.
    window.activateWindow()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and QApplication.focusWidget().text() == "Hamnen och bryggorna")
    press(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: groups.list_groups(store, workshop)[0].name
                    == "Hamnen och bryggorna")
    assert len(told) == 1
