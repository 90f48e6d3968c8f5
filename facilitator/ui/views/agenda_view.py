"""Dagordning: the ordered agenda items, and the notes under each."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.minutes.labels import labels_for
from facilitator.services import sections
from facilitator.services.core import Store
from facilitator.services.overview import get_facts
from facilitator.store.models import SectionKind
from facilitator.ui.commands import Editor, creator, deleter, setter
from facilitator.ui.text_commands import show_stored_line, store_typed_line, store_typed_text
from facilitator.ui.views.base import WorkshopPage
from facilitator.ui.widgets.markdown_editor import MarkdownEditor
from facilitator.ui.widgets.ordered_list import OrderedList, list_panel


class AgendaView(WorkshopPage):
    WATCHED = frozenset({"section", "workshop"})

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("agendaView")
        self._loading = False

        self.list = OrderedList("sectionList", self.tr("Agenda items"))
        self.list.move_requested.connect(self._move)
        self.list.current_id_changed.connect(self._show_current)
        self.add_button = QPushButton(self.tr("New item"))
        self.add_button.setObjectName("addSection")
        self.add_button.clicked.connect(self.add_section)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteSection")
        self.delete_button.clicked.connect(self.delete_selected)
        hint = QLabel(self.tr("Drag or press Alt+Up / Alt+Down to reorder."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")

        left = list_panel(self.list, hint, self.add_button, self.delete_button)

        self.heading = QLineEdit()
        self.heading.setObjectName("sectionHeading")
        self.heading.setAccessibleName(self.tr("Heading"))
        self.heading.editingFinished.connect(self._commit_heading)
        self.kind = QComboBox()
        self.kind.setObjectName("sectionKind")
        self.kind.setAccessibleName(self.tr("In the minutes"))
        for kind, text in ((SectionKind.TEXT, self.tr("Notes")),
                           (SectionKind.FOCUS_AREAS, self.tr("Notes, then the focus areas")),
                           (SectionKind.KEY_FIGURES, self.tr("Notes, then key figures")),
                           (SectionKind.GROUP_WORK, self.tr("Notes, then the group work")),
                           (SectionKind.FOLLOW_UP, self.tr("Notes, then the follow-up"))):
            self.kind.addItem(text, str(kind))
        self.kind.activated.connect(self._commit_kind)
        self.notes = MarkdownEditor(self.tr("Notes"))
        self.notes.setObjectName("sectionNotes")
        self.notes.committed.connect(self._commit_body)

        right = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Heading") + ":", self.heading)
        form.addRow(self.tr("In the minutes") + ":", self.kind)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(self.notes, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("agendaSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.setTabOrder(self.list, self.heading)
        self.setTabOrder(self.heading, self.kind)
        self.setTabOrder(self.kind, self.notes.edit)

    # ----- reading -----------------------------------------------------------
    def current_section_id(self) -> str | None:
        return self.list.current_id()

    def refresh(self) -> None:
        rows = sections.list_sections(self.store, self.workshop_id) if self.workshop_id else []
        self.add_button.setEnabled(self.workshop_id is not None)
        self.list.fill([(section.id, section.heading) for section in rows])

    def _show_current(self) -> None:
        if self._loading:
            return
        section_id = self.current_section_id()
        enabled = section_id is not None
        for widget in (self.heading, self.notes, self.kind, self.delete_button):
            widget.setEnabled(enabled)
        if not enabled:
            self.heading.clear()
            self.notes.show_markdown("")
            return
        assert section_id is not None
        if self.notes.has_pending():
            self.notes.commit()
        section = sections.get_section(self.store, section_id)
        self._loading = True
        try:
            show_stored_line(self.heading, section.heading,
                             force=self.heading.property("section") != section_id)
            self.heading.setProperty("section", section_id)
            self.kind.setCurrentIndex(self.kind.findData(str(section.kind)))
            if self.notes.property("section") != section_id:
                self.notes.setProperty("section", section_id)
                self.notes.load_markdown(section.body, draft_key=f"note:{section_id}")
            else:
                self.notes.show_markdown(section.body)
        finally:
            self._loading = False

    # ----- editing -----------------------------------------------------------
    def add_section(self) -> None:
        if self.workshop_id is None:
            return
        workshop_id = self.workshop_id
        heading = self.tr("New item")
        command = creator(
            self.tr("Add agenda item"),
            lambda: sections.add_section(self.store, workshop_id, heading),
            lambda sid: sections.delete_section(self.store, sid),
            lambda sid: sections.restore_section(self.store, sid),
        )
        if self.editor.run(command):
            self.refresh()
            self.list.select_id(command.result)
            self.heading.setFocus()
            self.heading.selectAll()

    def delete_selected(self) -> None:
        section_id = self.current_section_id()
        if section_id is None:
            return
        index = self.list.currentRow()
        self.editor.run(deleter(
            self.tr("Delete agenda item"),
            lambda: sections.delete_section(self.store, section_id),
            lambda _none: sections.restore_section(self.store, section_id, index),
        ))

    def move_selected(self, delta: int) -> None:
        self.list.move_current(delta)

    def _move(self, section_id: str, target: int) -> None:
        # The service returns the old index, so undo is the same call with it.
        self.editor.run(setter(self.tr("Move agenda item"),
                               lambda index: sections.move_section(self.store, section_id, index),
                               target))
        self.list.select_id(section_id)

    def select(self, row_id: str) -> None:
        """Show the item with ``row_id``, the keyboard in the list."""
        self.list.select_id(row_id)
        self.list.setFocus()

    def _commit_heading(self) -> None:
        section_id = self.current_section_id()
        if self._loading or section_id is None:
            return
        store = self.store
        stored = store_typed_line(
            self.editor, self.heading, self.tr("Rename agenda item"),
            lambda value, seen: sections.set_heading(store, section_id, value, expected=seen),
            lambda: sections.get_section(store, section_id).heading)
        if stored is False:  # refused as invalid: show what is stored
            show_stored_line(self.heading, sections.get_section(store, section_id).heading,
                             force=True)

    def _commit_kind(self) -> None:
        section_id = self.current_section_id()
        if self._loading or section_id is None or self.workshop_id is None:
            return
        kind = SectionKind(self.kind.currentData())
        heading = None
        untouched = sections.get_section(self.store, section_id).heading == self.tr("New item")
        if kind == SectionKind.FOLLOW_UP and untouched:
            # The minutes' own words, in the workshop's language (the UI's may differ).
            heading = labels_for(get_facts(self.store, self.workshop_id).language).follow_up
        store = self.store

        def apply(value: tuple[SectionKind | str, str | None]) -> tuple[SectionKind, str | None]:
            new_kind, new_heading = value
            old_kind = sections.set_kind(store, section_id, new_kind)
            old_heading = None
            if new_heading is not None:
                old_heading = sections.set_heading(store, section_id, new_heading)
            return old_kind, old_heading

        if self.editor.run(setter(self.tr("Change what the item shows"), apply,
                                  (kind, heading))):
            self._show_current()

    def _commit_body(self, markdown: str) -> None:
        section_id = self.notes.property("section")
        if not section_id:
            return
        store = self.store
        store_typed_text(
            self.editor, self.notes, self.tr("Edit notes"), markdown,
            lambda text, expected: sections.set_body(store, section_id, text,
                                                     expected=expected),
            lambda: sections.get_section(store, section_id).body, (1001, section_id))
