"""Project and workshop commands of the navigator: new, from an earlier one, rename, delete.

Each edit runs as an undoable command through the window's editor.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from facilitator.services import projects, workshops
from facilitator.store.vocabulary import WorkshopStatus
from facilitator.ui.commands import checked_setter, creator, deleter

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow


class NavigatorCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def rename_item(self) -> None:
        """Rename the project or workshop chosen in the navigator (F2)."""
        row_id, kind = self.w.navigator.current_id(), self.w.navigator.current_kind()
        if row_id is None:
            return
        store = self.w.store
        shown = (projects.project_name(store, row_id) if kind == "project"
                 else workshops.get_facts(store, row_id).title)
        name, ok = QInputDialog.getText(self.w, self.tr("Rename"), self.tr("New name:"),
                                        text=shown)
        if not ok or name.strip() == shown:
            return
        # Stored only over the name the dialog showed: a colleague's rename meanwhile wins.
        rename = projects.rename_project if kind == "project" else workshops.rename_workshop
        self.w.editor.run(checked_setter(
            self.tr("Rename project") if kind == "project" else self.tr("Rename workshop"),
            lambda value, seen: rename(store, row_id, value, expected=seen), name, shown))

    def delete_item(self) -> None:
        """Move the project or workshop chosen in the navigator to the trash (Del)."""
        row_id, kind = self.w.navigator.current_id(), self.w.navigator.current_kind()
        if row_id is None:
            return
        if kind == "project":
            self.w.editor.run(deleter(
                self.tr("Delete project"),
                lambda: projects.delete_project(self.w.store, row_id),
                lambda _none: projects.restore_project(self.w.store, row_id)))
            return
        allow = False
        if workshops.get_facts(self.w.store, row_id).status is WorkshopStatus.FINALISED:
            answer = QMessageBox.question(
                self.w, self.tr("Delete a public record?"),
                self.tr("This workshop is marked as a finalised public record (allmän handling)."
                        " Public records may only be removed according to the archive rules."
                        "\n\nMove it to the trash anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
            allow = True
        deleted = self.w.editor.run(deleter(
            self.tr("Delete workshop"),
            lambda: workshops.delete_workshop(self.w.store, row_id, allow_finalised=allow),
            lambda _none: workshops.restore_workshop(self.w.store, row_id)))
        if deleted and self.w.workshop_id == row_id:
            self.w.open_workshop(None)

    def new_project(self) -> None:
        name, ok = QInputDialog.getText(self.w, self.tr("New project"), self.tr("Project name:"))
        if not ok:
            return
        command = creator(
            self.tr("New project"),
            lambda: projects.create_project(self.w.store, name),
            lambda pid: projects.delete_project(self.w.store, pid),
            lambda pid: projects.restore_project(self.w.store, pid))
        if self.w.editor.run(command):
            self.w.navigator.reload()
            self.w.navigator.select_id(command.result, emit=False)

    def new_workshop(self) -> None:
        project_id = self.w.navigator.current_project_id()
        if project_id is None:
            all_projects = projects.list_projects(self.w.store)
            if not all_projects:
                QMessageBox.information(self.w, self.tr("New workshop"),
                                        self.tr("Create a project first (File → New project)."))
                return
            project_id = all_projects[0].id
        title, ok = QInputDialog.getText(self.w, self.tr("New workshop"), self.tr("Title:"))
        if not ok:
            return
        command = creator(
            self.tr("New workshop"),
            lambda: workshops.create_workshop(self.w.store, project_id, title,
                                              date=dt.date.today()),
            lambda wid: workshops.delete_workshop(self.w.store, wid, allow_finalised=True),
            lambda wid: workshops.restore_workshop(self.w.store, wid))
        if self.w.editor.run(command):
            self.w.navigator.reload()
            self.w.open_workshop(command.result)

    def new_workshop_from_earlier(self) -> None:
        source_id = self.w.workshop_id
        if source_id is None:
            return
        source = workshops.get_facts(self.w.store, source_id)
        title, ok = QInputDialog.getText(
            self.w, self.tr("New workshop from an earlier one"),
            self.tr("Title of the new workshop (agenda headings, focus areas and groups are "
                    "copied from ”{title}”; notes, participants and wishes are not):").format(
                        title=source.title),
            text=source.title)
        if not ok:
            return
        command = creator(
            self.tr("New workshop from an earlier one"),
            lambda: workshops.create_from_earlier(self.w.store, source_id, title,
                                                  dt.date.today()),
            lambda wid: workshops.delete_workshop(self.w.store, wid, allow_finalised=True),
            lambda wid: workshops.restore_workshop(self.w.store, wid))
        if self.w.editor.run(command):
            self.w.navigator.reload()
            self.w.open_workshop(command.result)

    def show_trash(self) -> None:
        from facilitator.ui.dialogs.trash_dialog import TrashDialog

        TrashDialog(self.w.store, self.w.editor, self.w).exec()
        self.w.navigator.reload()

    def show_conflicts(self) -> None:
        from facilitator.ui.dialogs.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.w.store, self.w.editor, self.w.bus, self.w)
        dialog.exec()
        dialog.deleteLater()

