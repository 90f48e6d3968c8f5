"""Fokusområden: the project's focus areas, their narrative and who carries them on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import focus_areas, responsibles, workshops
from facilitator.services.core import Store
from facilitator.services.responsibles import Who
from facilitator.ui.commands import Editor, checked_setter, creator, deleter, setter
from facilitator.ui.text_commands import show_stored_line, store_typed_line, store_typed_text
from facilitator.ui.views.base import WorkshopPage
from facilitator.ui.widgets.markdown_editor import MarkdownEditor
from facilitator.ui.widgets.ordered_list import OrderedList, list_panel
from facilitator.ui.widgets.responsibles_editor import ResponsiblesEditor


class FocusAreasView(WorkshopPage):
    WATCHED = frozenset({"focus_area", "person", "organisation", "workshop"})

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("focusAreasView")
        self._loading = False
        self.project_id: str | None = None

        self.list = OrderedList("focusAreaList", self.tr("Focus areas"))
        self.list.move_requested.connect(self._move)
        self.list.current_id_changed.connect(self._show_current)
        self.add_button = QPushButton(self.tr("New focus area"))
        self.add_button.setObjectName("addFocusArea")
        self.add_button.clicked.connect(self.add_area)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteFocusArea")
        self.delete_button.clicked.connect(self.delete_selected)
        note = QLabel(self.tr("Focus areas belong to the project and are shared by its "
                              "workshops."))
        note.setWordWrap(True)
        left = list_panel(self.list, note, self.add_button, self.delete_button)

        self.name = QLineEdit()
        self.name.setObjectName("focusAreaName")
        self.name.setAccessibleName(self.tr("Name"))
        self.name.editingFinished.connect(self._commit_name)
        self.responsibles = ResponsiblesEditor(store, "focusAreaResponsibles")
        self.responsibles.rows.setAccessibleName(self.tr("Responsible going forward"))
        self.responsibles.changed.connect(self._commit_responsibles)
        self.narrative = MarkdownEditor(self.tr("Narrative"))
        self.narrative.setObjectName("focusAreaNarrative")
        self.narrative.committed.connect(self._commit_narrative)

        form = QFormLayout()
        form.addRow(self.tr("Name") + ":", self.name)
        form.addRow(self.tr("Responsible going forward") + ":", self.responsibles)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Narrative") + ":"))
        right_layout.addWidget(self.narrative, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("focusAreasSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    # ----- reading -----------------------------------------------------------
    def current_area_id(self) -> str | None:
        return self.list.current_id()

    def refresh(self) -> None:
        self.project_id = (workshops.project_of(self.store, self.workshop_id)
                           if self.workshop_id else None)
        areas = focus_areas.list_focus_areas(self.store, self.project_id) \
            if self.project_id else []
        self.responsibles.refresh_choices()
        self.add_button.setEnabled(self.project_id is not None)
        self.list.fill([(area.id, area.name) for area in areas])

    def _show_current(self) -> None:
        if self._loading:
            return
        area_id = self.current_area_id()
        enabled = area_id is not None
        for widget in (self.name, self.responsibles, self.narrative, self.delete_button):
            widget.setEnabled(enabled)
        if area_id is None:
            self.name.clear()
            self.responsibles.set_responsibles([])
            self.narrative.draft_key = None
            self.narrative.load_markdown("")
            self.narrative.setProperty("area", None)
            return
        if self.narrative.has_pending():
            self.narrative.commit()
        area = focus_areas.get_focus_area(self.store, area_id)
        self._loading = True
        try:
            show_stored_line(self.name, area.name, force=self.name.property("area") != area_id)
            self.name.setProperty("area", area_id)
            self.responsibles.set_responsibles(area.responsibles)
            if self.narrative.property("area") != area_id:
                self.narrative.setProperty("area", area_id)
                self.narrative.load_markdown(area.narrative,
                                             draft_key=f"narrative:{area_id}")
            else:
                self.narrative.show_markdown(area.narrative)
        finally:
            self._loading = False

    # ----- editing -----------------------------------------------------------
    def add_area(self) -> None:
        if self.project_id is None:
            return
        project_id, name = self.project_id, self.tr("New focus area")
        command = creator(
            self.tr("Add focus area"),
            lambda: focus_areas.add_focus_area(self.store, project_id, name),
            lambda area_id: focus_areas.delete_focus_area(self.store, area_id),
            lambda area_id: focus_areas.restore_focus_area(self.store, area_id))
        if self.editor.run(command):
            self.refresh()
            self.list.select_id(command.result)
            self.name.setFocus()
            self.name.selectAll()

    def delete_selected(self) -> None:
        area_id = self.current_area_id()
        if area_id is None:
            return
        index = self.list.currentRow()
        self.editor.run(deleter(
            self.tr("Delete focus area"),
            lambda: focus_areas.delete_focus_area(self.store, area_id),
            lambda _none: focus_areas.restore_focus_area(self.store, area_id, index)))

    def rename_selected(self) -> None:
        if self.current_area_id() is not None:
            self.name.setFocus()
            self.name.selectAll()

    def move_selected(self, delta: int) -> None:
        self.list.move_current(delta)

    def _move(self, area_id: str, target: int) -> None:
        # The service returns the old index, so undo is the same call with it.
        move = focus_areas.move_focus_area
        self.editor.run(setter(self.tr("Move focus area"),
                               lambda index: move(self.store, area_id, index), target))
        self.list.select_id(area_id)

    def select(self, row_id: str) -> None:
        """Show the item with ``row_id``, the keyboard in the list."""
        self.list.select_id(row_id)
        self.list.setFocus()

    def _commit_name(self) -> None:
        area_id = self.current_area_id()
        if self._loading or area_id is None:
            return
        store = self.store
        stored = store_typed_line(
            self.editor, self.name, self.tr("Rename focus area"),
            lambda value, seen: focus_areas.rename_focus_area(store, area_id, value,
                                                              expected=seen),
            lambda: focus_areas.get_focus_area(store, area_id).name)
        if stored is False:  # refused as invalid: show what is stored
            show_stored_line(self.name, focus_areas.get_focus_area(store, area_id).name,
                             force=True)

    def _commit_responsibles(self, whos: list[Who]) -> None:
        area_id = self.current_area_id()
        if self._loading or area_id is None:
            return
        if not self.editor.run(checked_setter(
                self.tr("Change responsibles"),
                lambda v, made_from: responsibles.set_responsibles(
                    self.store, "focus_area", area_id, v, made_from=made_from),
                whos, list(self.responsibles.shown))):
            self._show_current()  # refused: show what is stored
            return
        # What the next edit is made from, before the page hears of this one.
        self.responsibles.shown = [
            info.who for info in responsibles.list_responsibles(self.store, "focus_area",
                                                                area_id)]

    def _commit_narrative(self, markdown: str) -> None:
        area_id = self.narrative.property("area")
        if not area_id:
            return
        store = self.store
        store_typed_text(
            self.editor, self.narrative, self.tr("Edit narrative"), markdown,
            lambda text, expected: focus_areas.set_narrative(store, area_id, text,
                                                             expected=expected),
            lambda: focus_areas.get_focus_area(store, area_id).narrative, (1002, area_id))

