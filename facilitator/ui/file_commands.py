"""Arkiv commands: the sample project, workshop packages and the minutes export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from facilitator.services import workshops
from facilitator.services.core import NotFoundError

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow


class FileCommands(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def load_sample(self) -> None:
        from facilitator.interchange.sample import load_sample

        project_id = self.w.run_service(lambda: load_sample(self.w.store))
        if project_id:
            self.w.navigator.reload()
            self.w.navigator.select_id(project_id, emit=False)
            self.w.statusBar().showMessage(self.tr("The sample project is loaded."), 5000)

    def import_package(self) -> None:
        from facilitator.interchange.importer import import_package_file
        from facilitator.services.person_join import duplicate_candidates

        path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Import package"), "",
                                              self.tr("Workshop package (*.json)"))
        if not path:
            return
        result = self.w.run_service(lambda: import_package_file(self.w.store, Path(path)))
        if result is not None:
            self.w.navigator.reload()
            text = self.tr("Imported: {created} new, {updated} changed, {unchanged} "
                           "unchanged.").format(created=result.created,
                                                updated=result.updated,
                                                unchanged=result.unchanged)
            if result.conflicts:
                text += " " + self.tr("{n} fields were changed on both computers: both values "
                                      "are kept, see Arkiv → Konflikter.").format(
                                          n=result.conflicts)
            if result.erased_again:
                text += " " + self.tr(
                    "Removed again, as erased earlier (GDPR): {names}.").format(
                        names=", ".join(result.erased_again))
            twice = {p.id for pair in duplicate_candidates(self.w.store)
                     for p in (pair.keep, pair.duplicate)}
            if twice:
                text += " " + self.tr("{n} people may be the same person — Participants → "
                                      "Same person?").format(n=len(twice))
            self.w.statusBar().showMessage(
                text, 30000 if result.erased_again or twice else 8000)

    def hand_out_packages(self) -> None:
        from facilitator.ui.dialogs.handout_packages_dialog import HandoutPackagesDialog

        workshop_id = self.w.workshop_id
        if workshop_id is None:
            self.w.statusBar().showMessage(self.tr("Choose a workshop first."), 5000)
            return
        try:
            title = workshops.get_facts(self.w.store, workshop_id).title
        except NotFoundError:
            return
        HandoutPackagesDialog(self.w.store, self.w.settings, workshop_id, title, self.w).exec()

    def collect_packages(self) -> None:
        from facilitator.ui.dialogs.collect_dialog import CollectDialog

        dialog = CollectDialog(self.w.store, self.w)
        dialog.imported.connect(self.w.navigator.reload)
        dialog.exec()

    def export_package(self) -> None:
        from facilitator.interchange.export import write_package

        ref = self.w.navigator.current_id()
        if ref is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.w, self.tr("Export package"),
                                              str(Path.home() / "workshop.json"),
                                              self.tr("Workshop package (*.json)"))
        if path and self.w.run_service(lambda: write_package(self.w.store, ref, Path(path))) \
                is not None:
            self.w.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)

    def export_minutes(self) -> None:
        from facilitator.ui.export_dialog import ExportMinutesDialog
        from facilitator.ui.views.export_view import ExportView

        workshop_id = self.w.workshop_id
        if workshop_id is None:
            return
        try:
            title = workshops.get_facts(self.w.store, workshop_id).title
        except NotFoundError:
            return
        dialog = ExportMinutesDialog(self.w.store, self.w.settings, workshop_id, title, self.w)
        page = self.w.current_page()
        if isinstance(page, ExportView):  # the Exportera page previews behind the dialog
            dialog.options_changed.connect(page.preview_options)
        dialog.exec()
        if isinstance(page, ExportView):
            page.safe_refresh()  # back to the remembered options


    def export_signin_sheet(self) -> None:
        self._handout("signin")

    def export_agenda_handout(self) -> None:
        self._handout("agenda")

    def _handout(self, kind: str) -> None:
        from facilitator.ui.dialogs.handout_dialog import HandoutDialog

        workshop_id = self.w.workshop_id
        if workshop_id is None:
            self.w.statusBar().showMessage(self.tr("Choose a workshop first."), 5000)
            return
        try:
            facts = workshops.get_facts(self.w.store, workshop_id)
        except NotFoundError:
            return
        HandoutDialog(self.w.store, self.w.settings, workshop_id, facts.title, facts.language,
                      kind, self.w).exec()

    def export_project_report(self) -> None:
        """The report of the project chosen in the navigator (or of its chosen workshop)."""
        from facilitator.services import projects
        from facilitator.ui.dialogs.report_dialog import ProjectReportDialog

        project_id = self.w.navigator.current_project_id()
        names = {p.id: p.name for p in projects.list_projects(self.w.store)}
        if project_id not in names:
            self.w.statusBar().showMessage(self.tr("Choose a project first."), 5000)
            return
        assert project_id is not None  # a key of names
        ProjectReportDialog(self.w.store, self.w.settings, project_id, names[project_id],
                            self.w).exec()
