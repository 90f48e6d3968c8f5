"""Översikt: the facts of a workshop, which also make the minutes' title block."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.services.core import Change, NotFoundError, StorageError, Store
from facilitator.services.overview import get_facts
from facilitator.store.vocabulary import ResponsibleForm, WorkshopKind, WorkshopStatus
from facilitator.ui.commands import Editor, checked_setter, refused_by_colleague
from facilitator.ui.first_paint import after_first_paint
from facilitator.ui.qt_dates import py_time, qdate, qtime
from facilitator.ui.text_commands import store_typed_text
from facilitator.ui.views.base import WorkshopPage
from facilitator.ui.widgets.date_time_fields import DateField, TimeField
from facilitator.ui.widgets.key_figures_editor import KeyFiguresEditor
from facilitator.ui.widgets.markdown_editor import MarkdownEditor
from facilitator.ui.widgets.roles_editor import RolesEditor

NO_DATE = QDate(2000, 1, 1)
NO_TIME = QTime(0, 0)


class FactsView(WorkshopPage):
    WATCHED = frozenset({"workshop"})
    # The people to choose from and the counted figures follow these too.
    COUNTED = frozenset({"person", "organisation", "attendance", "group", "wish", "project"})

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("factsView")
        self._loading = False
        self._force = False  # redraw even the field being edited (after a refusal)
        self._unsaved: set[str] = set()  # facts whose typed text could not be stored
        self._base: dict[str, Any] = {}  # each fact as the form last showed it from the store
        self.lines: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def line(name: str, label: str) -> None:
            edit = QLineEdit()
            edit.setObjectName(f"fact_{name}")
            edit.setAccessibleName(label)
            edit.editingFinished.connect(lambda n=name: self._commit_line(n))
            self.lines[name] = edit
            form.addRow(label + ":", edit)

        line("title", self.tr("Title"))
        self.kind = self._combo("fact_kind", self.tr("Kind"), [
            (WorkshopKind.WORKSHOP, self.tr("Workshop")),
            (WorkshopKind.FOCUS_GROUP, self.tr("Focus group")),
            (WorkshopKind.CLOSING_SESSION, self.tr("Closing session")),
            (WorkshopKind.LEARNING_EVALUATION, self.tr("Learning evaluation")),
        ], "kind")
        form.addRow(self.tr("Kind") + ":", self.kind)

        self.date = DateField()
        self.date.setObjectName("fact_date")
        self.date.setAccessibleName(self.tr("Date"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(self.tr("No date"))
        self.date.editingFinished.connect(self._commit_date)
        form.addRow(self.tr("Date") + ":", self.date)

        self.start_time = self._time("fact_start_time", self.tr("Starts"), "start_time")
        self.end_time = self._time("fact_end_time", self.tr("Ends"), "end_time")
        form.addRow(self.tr("Starts") + ":", self.start_time)
        form.addRow(self.tr("Ends") + ":", self.end_time)

        line("venue", self.tr("Venue"))
        self.roles = RolesEditor(store, editor)
        form.addRow(self.tr("Roles") + ":", self.roles)
        self.responsible_form = self._combo(
            "fact_responsible_form", self.tr("Responsibles are written as"), [
                (ResponsibleForm.NAME, self.tr("Name")),
                (ResponsibleForm.NAME_TITLE, self.tr("Name, title")),
                (ResponsibleForm.NAME_TITLE_ORGANISATION,
                 self.tr("Name, title at organisation")),
            ], "responsible_form")
        form.addRow(self.tr("Responsibles are written as") + ":", self.responsible_form)
        line("case_reference", self.tr("Case reference"))
        line("issuing_unit", self.tr("Issuing unit"))
        line("document_type", self.tr("Document type"))

        self.language = self._combo("fact_language", self.tr("Language of the minutes"), [
            ("sv", self.tr("Swedish")), ("en", self.tr("English"))], "language")
        form.addRow(self.tr("Language of the minutes") + ":", self.language)
        self.status = self._combo("fact_status", self.tr("Status"), [
            (WorkshopStatus.DRAFT, self.tr("Draft")),
            (WorkshopStatus.HELD, self.tr("Held")),
            (WorkshopStatus.MINUTES_SENT, self.tr("Minutes sent")),
            (WorkshopStatus.FINALISED, self.tr("Finalised public record")),
        ], "status")
        form.addRow(self.tr("Status") + ":", self.status)

        self.lead = MarkdownEditor(self.tr("Lead paragraph"), toolbar=False)
        self.lead.setObjectName("fact_lead")
        self.lead.committed.connect(self._commit_lead)
        self.lead.setMinimumHeight(90)
        form.addRow(self.tr("Lead paragraph") + ":", self.lead)

        self.empty = QLabel(self.tr(
            "Choose a workshop in the list to the left, or create one with File → New "
            "workshop (Ctrl+N). File → Load sample project shows a finished example."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(12)
        self.empty.setObjectName("factsEmpty")
        self.figures = KeyFiguresEditor(store, editor)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.addLayout(form)
        body_layout.addWidget(self.figures)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(scroll)
        self.form_scroll = scroll

    def _combo(self, name: str, label: str, items: list[tuple[Any, str]], fact: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(label)
        for value, text in items:
            combo.addItem(text, str(value))
        combo.activated.connect(lambda _i, c=combo, f=fact: self._commit(f, c.currentData()))
        return combo

    def _time(self, name: str, label: str, fact: str) -> QTimeEdit:
        edit = TimeField()
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setDisplayFormat("HH:mm")
        edit.setSpecialValueText(self.tr("Not set"))
        edit.setMinimumTime(NO_TIME)
        edit.editingFinished.connect(lambda e=edit, f=fact: self._commit(f, _time_value(e)))
        return edit

    # ----- commits -----------------------------------------------------------
    def _commit(self, fact: str, value: Any) -> bool:
        """Store one fact; True when stored (or unchanged).

        A refusal because the database could not be written (disk full,
        locked) keeps what was typed, and the next edit tries again; so does a
        refusal because a colleague changed the fact since this form showed it
        (#15): the next edit then stores the typed text over theirs. A value the
        service refuses (an empty title…) shows the stored value again.
        """
        if self._loading or self.workshop_id is None:
            return True
        current = getattr(get_facts(self.store, self.workshop_id), fact)
        if _same(current, value) and fact not in self._unsaved:
            self._base[fact] = current
            if fact in self.lines:
                self.lines[fact].setModified(False)
            return True
        workshop_id, store = self.workshop_id, self.store

        def update(values: dict[str, Any], shown: tuple[Any] | None) -> dict[str, Any]:
            # Loaded with the first edit: the form is drawn before the ORM is.
            from facilitator.services.workshops import update_workshop

            return update_workshop(store, workshop_id, **values,
                                   expected=None if shown is None else {fact: shown[0]})

        done = self.editor.run(checked_setter(
            self.tr("Change {field}").format(field=self._label(fact)), update, {fact: value},
            (self._base[fact],) if fact in self._base else None))
        if done:
            self._unsaved.discard(fact)
            self._base[fact] = getattr(get_facts(store, workshop_id), fact)
            if fact in self.lines:
                self.lines[fact].setModified(False)
        elif isinstance(self.editor.last_refusal, StorageError):  # keep the typed text
            self._unsaved.add(fact)
        elif refused_by_colleague(self.editor) and fact in self.lines:
            # Keep the typed text; the next edit (Enter) stores it over theirs.
            self._unsaved.add(fact)
            self._base[fact] = getattr(get_facts(store, workshop_id), fact)
        else:  # refused: show the stored value again; the message is already shown
            self._force = True
            self.safe_refresh()
        return done

    def _commit_line(self, name: str) -> None:
        self._commit(name, self.lines[name].text())

    def _commit_date(self) -> None:
        date = self.date.date()
        self._commit("date", None if date == NO_DATE else date.toPython())

    def _commit_lead(self, markdown: str) -> None:
        if self._loading or self.workshop_id is None:
            return
        from facilitator.services.workshops import update_workshop

        workshop_id, store = self.workshop_id, self.store
        store_typed_text(
            self.editor, self.lead, self.tr("Change {field}").format(field=self._label("lead")),
            markdown,
            lambda text, seen: update_workshop(
                store, workshop_id, lead=text,
                expected=None if seen is None else {"lead": seen})["lead"],
            lambda: get_facts(store, workshop_id).lead, (1003, workshop_id))

    def _label(self, fact: str) -> str:
        if fact in self.lines:
            return self.lines[fact].accessibleName().lower()
        fields: dict[str, QWidget] = {
            "kind": self.kind, "date": self.date, "start_time": self.start_time,
            "end_time": self.end_time, "language": self.language, "status": self.status,
            "responsible_form": self.responsible_form, "lead": self.lead}
        return fields[fact].accessibleName().lower()

    def set_workshop(self, workshop_id: str | None) -> None:
        self._unsaved.clear()
        self._base.clear()
        super().set_workshop(workshop_id)

    def on_changed(self, change: Change) -> None:
        if change.kinds & self.WATCHED:
            self.safe_refresh()
        elif change.kinds & self.COUNTED and self.workshop_id is not None:
            try:
                self._show_lists(get_facts(self.store, self.workshop_id).language)
            except NotFoundError:  # its project went: show the empty page
                self.safe_refresh()

    # ----- drawing -----------------------------------------------------------
    def _show_lists(self, language: str) -> None:
        assert self.workshop_id is not None
        if not self.store.orm_loaded:
            # The roles and figures need the ORM, which loads just after the first
            # paint: the title block is drawn first, the lists a moment later.
            workshop_id = self.workshop_id
            after_first_paint(self, lambda: self._show_lists_later(workshop_id, language))
            return
        self.roles.show_workshop(self.workshop_id, language)
        self.figures.show_workshop(self.workshop_id, language)

    def _show_lists_later(self, workshop_id: str, language: str) -> None:
        if self.workshop_id == workshop_id:
            self.store.load_orm()
            self._show_lists(language)

    def refresh(self) -> None:
        has = self.workshop_id is not None
        self.empty.setVisible(not has)
        self.form_scroll.setVisible(has)
        if not has:
            return
        assert self.workshop_id is not None
        facts = get_facts(self.store, self.workshop_id)
        self._loading = True
        try:
            for name, edit in self.lines.items():
                value = getattr(facts, name)
                if name in self._unsaved:
                    continue
                if self._force or not edit.hasFocus() or not edit.isModified():
                    if edit.text() != value:
                        edit.setText(value)
                    edit.setModified(False)
                    self._base[name] = value  # what an edit of the field starts from
            for name in ("kind", "status", "language", "responsible_form", "date",
                         "start_time", "end_time"):
                self._base[name] = getattr(facts, name)
            self.kind.setCurrentIndex(self.kind.findData(str(facts.kind)))
            self.status.setCurrentIndex(self.status.findData(str(facts.status)))
            self.language.setCurrentIndex(self.language.findData(facts.language))
            self.responsible_form.setCurrentIndex(
                self.responsible_form.findData(str(facts.responsible_form)))
            self.date.setDate(qdate(facts.date) if facts.date else NO_DATE)
            self.start_time.setTime(qtime(facts.start_time) if facts.start_time else NO_TIME)
            self.end_time.setTime(qtime(facts.end_time) if facts.end_time else NO_TIME)
            key = f"lead:{self.workshop_id}"
            if self.lead.draft_key != key:  # another workshop: its own text and draft
                self.lead.load_markdown(facts.lead, draft_key=key)
            else:
                self.lead.show_markdown(facts.lead)
            self._show_lists(facts.language)
        finally:
            self._loading = False
            self._force = False


def _time_value(edit: QTimeEdit) -> dt.time | None:
    value = edit.time()
    return None if value == NO_TIME else py_time(value)


def _same(current: Any, value: Any) -> bool:
    if isinstance(current, str) and isinstance(value, str):
        return current == value.strip()
    return str(current) == str(value) if current is not None and value is not None else (
        current is None and value is None)

