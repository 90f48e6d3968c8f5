"""The main window: navigator, workshop view, menus and the saved-state status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
)

from facilitator import __version__
from facilitator import settings as opts
from facilitator.atomic import TargetFileError
from facilitator.events import ChangeBus
from facilitator.services import projects, workshops
from facilitator.services.core import NotFoundError, ServiceError, Store
from facilitator.settings import Settings
from facilitator.ui.navigator import ProjectNavigator
from facilitator.ui.workshop_overview import WorkshopOverview

T = TypeVar("T")


class MainWindow(QMainWindow):
    def __init__(self, store: Store, bus: ChangeBus, settings: Settings, database: Path) -> None:
        super().__init__()
        self.store, self.bus, self.settings, self.database = store, bus, settings, database
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Facilitator"))
        self.resize(1100, 720)

        self.navigator = ProjectNavigator(store)
        self.overview = WorkshopOverview(store)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.overview)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 780])
        self.setCentralWidget(self.splitter)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=database), 8000)

        self._build_menus()
        self.navigator.workshop_chosen.connect(self.open_workshop)
        self.bus.changed.connect(self.navigator.on_changed)
        self.bus.changed.connect(self.overview.on_changed)
        self.bus.changed.connect(lambda _change: self._update_actions())
        self.bus.saved.connect(self._on_saved)

        self.navigator.reload()
        self._restore_state()
        self._update_actions()

    # ----- menus -------------------------------------------------------------
    def _action(self, text: str, name: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        self.new_workshop_action = self._action(
            self.tr("New &workshop…"), "actionNewWorkshop", self.new_workshop,
            QKeySequence.StandardKey.New)
        self.new_project_action = self._action(
            self.tr("New &project…"), "actionNewProject", self.new_project, "Ctrl+Shift+N")
        self.import_action = self._action(
            self.tr("&Import package…"), "actionImport", self.import_package, "Ctrl+I")
        self.export_package_action = self._action(
            self.tr("Export &package…"), "actionExportPackage", self.export_package,
            "Ctrl+Shift+E")
        self.export_minutes_action = self._action(
            self.tr("Export &minutes…"), "actionExportMinutes", self.export_minutes, "Ctrl+E")
        self.sample_action = self._action(
            self.tr("Load &sample project"), "actionLoadSample", self.load_sample)
        self.quit_action = self._action(
            self.tr("&Quit"), "actionQuit", self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(self.tr("&About Facilitator"), "actionAbout",
                                         self.show_about)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("menuFile")
        for action in (self.new_workshop_action, self.new_project_action, None,
                       self.import_action, self.export_package_action,
                       self.export_minutes_action, None, self.sample_action, None,
                       self.quit_action):
            if action is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        help_menu.addAction(self.about_action)

    def _update_actions(self) -> None:
        has_workshop = self.overview.workshop_id is not None
        self.export_minutes_action.setEnabled(has_workshop)
        self.export_package_action.setEnabled(self.navigator.current_id() is not None)

    # ----- service calls -----------------------------------------------------
    def run_service(self, call: Callable[[], T]) -> T | None:
        """Run a service call; a refusal is shown in plain words and nothing is lost."""
        try:
            return call()
        except (ServiceError, TargetFileError) as exc:
            QMessageBox.warning(self, self.tr("Could not be done"), str(exc))
            return None

    def _on_saved(self) -> None:
        self.saved_label.setText(self.tr("Saved {time}").format(
            time=dt.datetime.now().strftime("%H:%M")))

    # ----- commands ----------------------------------------------------------
    def open_workshop(self, workshop_id: str) -> None:
        self.overview.show_workshop(workshop_id)
        self.settings.set(opts.LAST_WORKSHOP, workshop_id)
        self.navigator.select_id(workshop_id, emit=False)
        self._update_actions()

    def new_project(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New project"), self.tr("Project name:"))
        if ok:
            project_id = self.run_service(lambda: projects.create_project(self.store, name))
            if project_id:
                self.navigator.select_id(project_id, emit=False)

    def new_workshop(self) -> None:
        project_id = self.navigator.current_project_id()
        if project_id is None:
            all_projects = projects.list_projects(self.store)
            if not all_projects:
                QMessageBox.information(self, self.tr("New workshop"),
                                        self.tr("Create a project first (File → New project)."))
                return
            project_id = all_projects[0].id
        title, ok = QInputDialog.getText(self, self.tr("New workshop"), self.tr("Title:"))
        if not ok:
            return
        workshop_id = self.run_service(lambda: workshops.create_workshop(
            self.store, project_id, title, date=dt.date.today()))
        if workshop_id:
            self.navigator.reload()
            self.open_workshop(workshop_id)

    def load_sample(self) -> None:
        from facilitator.interchange.sample import load_sample

        project_id = self.run_service(lambda: load_sample(self.store))
        if project_id:
            self.navigator.reload()
            self.navigator.select_id(project_id, emit=False)
            self.statusBar().showMessage(self.tr("The sample project is loaded."), 5000)

    def import_package(self) -> None:
        from facilitator.interchange.importer import import_package_file

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import package"), "",
                                              self.tr("Workshop package (*.json)"))
        if not path:
            return
        result = self.run_service(lambda: import_package_file(self.store, Path(path)))
        if result is not None:
            self.navigator.reload()
            self.statusBar().showMessage(
                self.tr("Imported: {created} new, {unchanged} unchanged.").format(
                    created=result.created, unchanged=result.unchanged), 8000)

    def export_package(self) -> None:
        from facilitator.interchange.export import write_package

        ref = self.navigator.current_id()
        if ref is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export package"),
                                              str(Path.home() / "workshop.json"),
                                              self.tr("Workshop package (*.json)"))
        if path and self.run_service(lambda: write_package(self.store, ref, Path(path))):
            self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)

    def export_minutes(self) -> None:
        from facilitator.ui.export_dialog import ExportMinutesDialog

        workshop_id = self.overview.workshop_id
        if workshop_id is None:
            return
        try:
            title = workshops.get_facts(self.store, workshop_id).title
        except NotFoundError:
            return
        dialog = ExportMinutesDialog(self.store, self.settings, workshop_id, title, self)
        dialog.exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Facilitator"),
            self.tr("Facilitator {version}\n\nCapture workshops offline and export the "
                    "minutes to Word.\n\nDatabase: {path}").format(
                        version=__version__, path=self.database))

    # ----- state -------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.get(opts.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = self.settings.get(opts.SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        last = self.settings.get(opts.LAST_WORKSHOP)
        if last and self.navigator.select_id(last, emit=False):
            self.overview.show_workshop(last)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.set(opts.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(opts.SPLITTER_STATE, self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
